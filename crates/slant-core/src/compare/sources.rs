//! Who gets to speak in an article, whoever reviews it: the people quoted or cited by name, the
//! anonymous sources, and the outlets it cites, each with how many sentences give them a voice.
//!
//! Speakers are found by [`crate::voices::speaker`] (an attribution verb outside the quotation
//! marks) in every sentence, and by "according to …"; a speaker whose name is a news
//! organisation's ("NBC News", "The Washington Post", "Reuters") is an outlet.

use std::collections::BTreeMap;

use crate::model::Article;
use crate::voices::{self, VoiceKind};

/// What kind of source: the one classification of speakers, shared with the quoted voices.
pub use crate::voices::SpeakerKind as SourceKind;

/// One source and the sentences (0-based) where it speaks or is cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub sentences: Vec<usize>,
}

/// The capitalised name after "according to" ("according to NBC News, …" → "NBC News").
fn according_to(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let at = lower.find("according to ")? + "according to ".len();
    let mut name = Vec::new();
    for word in sentence[at..].split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        let joins = name.is_empty() && clean.eq_ignore_ascii_case("the");
        if !(capital || joins) || clean.is_empty() {
            break;
        }
        if !joins {
            name.push(clean.to_owned());
        }
        if clean.len() != word.len() {
            break; // the name ends at the punctuation
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// An outlet that reports the sentence's news ("Reuters reported", "The New York Times reports
/// that …", "…, the Post reported"): the capitalised words right before the verb, where they
/// name a news organisation. Only outlets: "Police reported two deaths" is not a voice Slant can
/// name this way.
fn outlet_reporting(sentence: &str) -> Vec<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let Some(verb) = words.iter().position(|w| {
        matches!(
            w.trim_end_matches([',', '.', ';', ':']),
            "reported" | "reports" | "reporting"
        )
    }) else {
        return Vec::new();
    };
    // Capitalised runs back from the verb, joined by "and" or a comma ("Reuters and the
    // Associated Press reported").
    let mut names = Vec::new();
    let mut at = verb;
    loop {
        let mut run = Vec::new();
        while at > 0 {
            let w = words[at - 1];
            let last_of_run = run.is_empty();
            let ends_clause = w.ends_with([';', ':', '.']) || (!last_of_run && w.ends_with(','));
            if ends_clause || !w.starts_with(char::is_uppercase) || w == "The" {
                break;
            }
            run.insert(0, w.trim_end_matches(','));
            at -= 1;
        }
        let name = run.join(" ");
        if name.is_empty() || !voices::is_outlet(&name) {
            break;
        }
        names.insert(0, name);
        // Past an article, then "and" or a listing comma.
        if at > 0 && words[at - 1].eq_ignore_ascii_case("the") {
            at -= 1;
        }
        if at > 0 && words[at - 1] == "and" {
            at -= 1;
        } else if !(at > 0 && words[at - 1].ends_with(',')) {
            break;
        }
    }
    names
}

/// What one outlet is known by, however an article names it: without "The" or a final "News"
/// ("NBC News" is "NBC"), and by its full name where it has a short one ("AP").
fn outlet_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower.strip_suffix(" news").unwrap_or(lower);
    match lower {
        "ap" => "associated press".to_owned(),
        "afp" => "agence france-presse".to_owned(),
        other => other.to_owned(),
    }
}

/// The outlets named as the source of reports ("according to multiple reports from outlets
/// like NBC News, The Washington Post, and Haaretz", "reports by Reuters and AP"): by that
/// context they are outlets, whether or not Slant knows their names.
fn reports_from(sentence: &str) -> Vec<String> {
    let lower = sentence.to_lowercase();
    let Some(at) = [
        "reports from ",
        "reports by ",
        "reporting by ",
        "report from ",
        "report by ",
    ]
    .iter()
    .filter_map(|p| lower.find(p).map(|i| i + p.len()))
    .min() else {
        return Vec::new();
    };
    let mut rest = &sentence[at..];
    for lead in [
        "outlets like ",
        "outlets such as ",
        "media like ",
        "media such as ",
        "such as ",
    ] {
        if rest.to_lowercase().starts_with(lead) {
            rest = &rest[lead.len()..];
        }
    }
    let mut names = Vec::new();
    let mut name: Vec<&str> = Vec::new();
    for word in rest.split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        if capital {
            name.push(clean);
        } else if clean == "and" || clean == "or" {
            // "…, and Haaretz": the list goes on.
        } else {
            break;
        }
        let ends = clean.len() != word.len() || !capital;
        if ends && !name.is_empty() {
            names.push(name.join(" ").trim_start_matches("The ").to_owned());
            name.clear();
        }
        if word.ends_with(['.', ';', ':']) {
            break;
        }
    }
    if !name.is_empty() {
        names.push(name.join(" ").trim_start_matches("The ").to_owned());
    }
    names
}

/// The sources of one kind as a voices table lists them: "Name (sentences)" joined by `sep`, or
/// "—" when there are none.
pub fn listed(sources: &[Source], kind: SourceKind, sep: &str) -> String {
    let names: Vec<String> = sources
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| format!("{} ({})", s.name, s.sentences.len()))
        .collect();
    if names.is_empty() {
        "—".into()
    } else {
        names.join(sep)
    }
}

/// A quotation, not only apostrophes (`Iran’s`): a quote mark at the start of a word.
fn has_quotation(text: &str) -> bool {
    text.starts_with(['“', '‘', '"'])
        || text.contains(" “")
        || text.contains(" ‘")
        || text.contains(" \"")
}

/// The article's sources in order of first appearance.
pub fn sources(article: &Article) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (s, speaker) in voices::speakers_in(article).into_iter().enumerate() {
        // Read without the marks that print as nothing ("\u{200F}Reuters reported").
        let text = &*voices::visible(article.sentence_text(s));
        // Without a quotation, only plain reporting verbs cite someone: "the administration has
        // praised …" reports an act, "officials said …" gives a voice.
        // A quotation's last sentence ("We need diplomacy, not bombs.’") opens with no mark but
        // closes one: its speaker is the quotation's.
        let quotes = text.contains(['“', '”', '‘', '’', '"'])
            && (has_quotation(text) || text.trim_end().ends_with(['”', '’', '"']));
        let reports = [" said", " says", " told ", " tells "]
            .iter()
            .any(|v| text.contains(v));
        let found = (quotes || reports)
            .then_some(speaker)
            .flatten()
            .map(|(name, kind)| {
                let kind = voices::classify(&name, kind);
                (name, kind)
            })
            .into_iter()
            .chain(according_to(text).map(|name| {
                let kind = voices::classify(&name, VoiceKind::Named);
                (name, kind)
            }))
            .chain(
                reports_from(text)
                    .into_iter()
                    .chain(outlet_reporting(text))
                    .map(|name| (name, SourceKind::Outlet)),
            );
        for (name, kind) in found {
            let key = match kind {
                SourceKind::Named => voices::person_key(&name),
                SourceKind::Anonymous => name.to_lowercase(),
                SourceKind::Outlet => outlet_key(&name),
            };
            // "The Washington Post said" and "according to the Washington Post" cite one
            // outlet, listed without its article.
            let name = match kind {
                SourceKind::Outlet => name
                    .strip_prefix("The ")
                    .or_else(|| name.strip_prefix("the "))
                    .map_or(name.clone(), str::to_owned),
                _ => name,
            };
            let source = voices::group(&mut out, &mut index, key, || Source {
                name,
                kind,
                sentences: Vec::new(),
            });
            if source.sentences.last() != Some(&s) {
                source.sentences.push(s);
            }
        }
    }
    join_short_names(&mut out);
    out
}

/// An outlet named by its last word alone ("the Post", "the Times") is the one the article
/// names in full ("The Washington Post"), where only one full name ends so: one outlet, not two.
fn join_short_names(sources: &mut Vec<Source>) {
    let outlets: Vec<(usize, String)> = sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SourceKind::Outlet)
        .map(|(i, s)| (i, outlet_key(&s.name)))
        .collect();
    let mut gone = Vec::new();
    for (short, key) in &outlets {
        if key.contains(' ') {
            continue;
        }
        let longer: Vec<usize> = outlets
            .iter()
            .filter(|(_, k)| k.ends_with(&format!(" {key}")))
            .map(|(i, _)| *i)
            .collect();
        if let [full] = longer[..] {
            let moved = std::mem::take(&mut sources[*short].sentences);
            let into = &mut sources[full].sentences;
            into.extend(moved);
            into.sort_unstable();
            into.dedup();
            gone.push(*short);
        }
    }
    let mut index = 0;
    sources.retain(|_| {
        let keep = !gone.contains(&index);
        index += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_anonymous_sources_and_outlets_are_told_apart() {
        let a = Article::new(
            "a".into(),
            "A",
            "According to NBC News, officials informed Washington. ‘This isn’t about defense,’ one U.S. official told NBC. ‘It is a gamble,’ said Senator Elizabeth Warren. ‘We must act,’ Warren said. Reuters reported the talks, according to the Washington Post.",
        );
        let got: Vec<(String, SourceKind, usize)> = sources(&a)
            .into_iter()
            .map(|s| (s.name, s.kind, s.sentences.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("NBC News".into(), SourceKind::Outlet, 1),
                ("one U.S. official".into(), SourceKind::Anonymous, 1),
                ("Senator Elizabeth Warren".into(), SourceKind::Named, 2),
                ("Washington Post".into(), SourceKind::Outlet, 1),
                // "Reuters reported the talks": an outlet cited too.
                ("Reuters".into(), SourceKind::Outlet, 1),
            ]
        );
    }

    #[test]
    fn an_outlet_that_says_or_reports_is_cited() {
        let a = Article::new(
            "a".into(),
            "A",
            "The Washington Post said the talks went on. The talks went on, the Post reported. Reuters reported that the talks went on. The New York Times reported on Monday that the talks went on. Police reported two deaths. The talks went on, according to the Washington Post. Michael J. Fox said he would attend. Reuters and the Associated Press reported the blast. The AP said so.",
        );
        let got: Vec<(String, SourceKind, Vec<usize>)> = sources(&a)
            .into_iter()
            .map(|s| (s.name, s.kind, s.sentences))
            .collect();
        assert_eq!(
            got,
            vec![
                // "the Post" is the Washington Post the article names.
                ("Washington Post".into(), SourceKind::Outlet, vec![0, 1, 5]),
                ("Reuters".into(), SourceKind::Outlet, vec![2, 7]),
                ("New York Times".into(), SourceKind::Outlet, vec![3]),
                // A person whose name ends as an outlet's once did.
                ("Michael J. Fox".into(), SourceKind::Named, vec![6]),
                ("Associated Press".into(), SourceKind::Outlet, vec![7, 8]),
            ]
        );
    }

    #[test]
    fn outlets_named_as_the_source_of_reports_are_outlets() {
        assert_eq!(
            reports_from(
                "According to multiple reports from outlets like NBC News, The Washington Post, and Haaretz, the leader argued it."
            ),
            ["NBC News", "Washington Post", "Haaretz"]
        );
        assert_eq!(
            reports_from("Reports by Reuters and AP said so."),
            ["Reuters", "AP"]
        );
        assert!(reports_from("The reports from the field were grim.").is_empty());
        let a = Article::new(
            "a".into(),
            "A",
            "According to multiple reports from outlets like NBC News, The Washington Post, and Haaretz, the Israeli leader argued that the risk is existential.",
        );
        let outlets: Vec<String> = sources(&a)
            .into_iter()
            .filter(|s| s.kind == SourceKind::Outlet)
            .map(|s| s.name)
            .collect();
        assert_eq!(outlets, ["NBC News", "Washington Post", "Haaretz"]);
    }
}
