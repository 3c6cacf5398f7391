//! A suggested tag per sentence from the cues in it, by five rules a teacher can check.

use serde::Serialize;

use super::{Cue, CueKind, overlaps};
use crate::model::Span;

/// A suggested tag with the reasons behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Written as its lower-case key (`"quote"`), like tags everywhere in Slant's JSON.
    #[serde(serialize_with = "tag_key")]
    pub tag: crate::model::Tag,
    pub reasons: Vec<String>,
}

fn tag_key<S: serde::Serializer>(tag: &crate::model::Tag, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(tag.key())
}

/// The tag the cues in a sentence point to. The rules, in order:
/// 1. Half or more of the sentence lies inside quotation marks → Quote.
/// 2. A quotation with an attribution (a partial quote: officials claimed a “historic victory”)
///    → Quote.
/// 3. A hedge, or an anonymous source that is said to have said something (an attribution),
///    outside quotation marks → Speculation: the claim cannot be checked.
/// 4. Loaded words outside quotation marks, with no attribution: two or more, or one in a short
///    sentence (a headline, a verdict) → Loaded. One in a long sentence is a phrase to mark.
/// 5. Otherwise nothing: the reviewer decides (most remaining sentences are Fact).
pub fn suggest(text: &str, sentence: Span, cues: &[Cue]) -> Option<Suggestion> {
    let here: Vec<&Cue> = cues.iter().filter(|c| overlaps(c.span, sentence)).collect();
    decide(text, sentence, &here)
}

/// [`suggest`] for every sentence at once, in time linear in the text.
pub fn suggest_all(text: &str, sentences: &[Span], cues: &[Cue]) -> Vec<Option<Suggestion>> {
    per_sentence(sentences, cues)
        .into_iter()
        .zip(sentences)
        .map(|(here, &sentence)| decide(text, sentence, &here))
        .collect()
}

/// The cues that overlap each sentence, in the order [`find`](super::find) gave them, in time linear in the
/// text (a filter of every cue for every sentence took 25 s on 19 MB): the cues [`find`](super::find)
/// returns are its quotations, sorted and not overlapping, then the other cues sentence by
/// sentence, each within its sentence.
pub fn per_sentence<'c>(sentences: &[Span], cues: &'c [Cue]) -> Vec<Vec<&'c Cue>> {
    let (quotes, others): (Vec<&Cue>, Vec<&Cue>) =
        cues.iter().partition(|c| c.kind == CueKind::Quote);
    sentences
        .iter()
        .map(|&sentence| {
            let q = quotes.partition_point(|c| c.span.end <= sentence.start);
            let o = others.partition_point(|c| c.span.start < sentence.start);
            let mut here: Vec<&Cue> = quotes[q..]
                .iter()
                .take_while(|c| c.span.start < sentence.end)
                .copied()
                .collect();
            here.extend(
                others[o..]
                    .iter()
                    .take_while(|c| c.span.start < sentence.end)
                    .copied(),
            );
            here
        })
        .collect()
}

fn decide(text: &str, sentence: Span, here: &[&Cue]) -> Option<Suggestion> {
    let short_sentence = crate::readability::words(&text[sentence.range()]).count() <= 12;
    let quoted: usize = here
        .iter()
        .filter(|c| c.kind == CueKind::Quote)
        .map(|c| {
            c.span
                .end
                .min(sentence.end)
                .saturating_sub(c.span.start.max(sentence.start))
        })
        .sum();
    let reasons = |kind: CueKind| -> Vec<String> {
        here.iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.reason.clone())
            .collect()
    };
    use crate::model::Tag;
    if quoted * 2 >= sentence.len() && quoted > 0 {
        let mut r = vec![format!(
            "{}% of the sentence is inside quotation marks",
            quoted * 100 / sentence.len().max(1)
        )];
        r.extend(reasons(CueKind::Attribution));
        return Some(Suggestion {
            tag: Tag::Quote,
            reasons: r,
        });
    }
    let attributed = here.iter().any(|c| c.kind == CueKind::Attribution);
    if quoted > 0 && attributed {
        let mut r = vec!["a partial quotation with an attribution".to_owned()];
        r.extend(reasons(CueKind::Attribution));
        return Some(Suggestion {
            tag: Tag::Quote,
            reasons: r,
        });
    }
    let quote_spans: Vec<Span> = here
        .iter()
        .filter(|c| c.kind == CueKind::Quote)
        .map(|c| c.span)
        .collect();
    let outside = |c: &&&Cue| !quote_spans.iter().any(|q| q.contains(c.span));
    let hedges: Vec<String> = here
        .iter()
        .filter(|c| c.kind == CueKind::Hedge || (c.kind == CueKind::AnonymousSource && attributed))
        .filter(outside)
        .map(|c| c.reason.clone())
        .collect();
    if !hedges.is_empty() {
        return Some(Suggestion {
            tag: Tag::Speculation,
            reasons: hedges,
        });
    }
    let loaded: Vec<String> = here
        .iter()
        .filter(|c| c.kind == CueKind::Loaded)
        .filter(outside)
        .map(|c| c.reason.clone())
        .collect();
    if !attributed && (loaded.len() >= 2 || (loaded.len() == 1 && short_sentence)) {
        return Some(Suggestion {
            tag: Tag::Loaded,
            reasons: loaded,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::{Lexicons, find};
    use crate::model::Tag;

    #[test]
    fn suggestions_follow_the_rules() {
        let text = "‘This is a dangerous gamble,’ said Senator Elizabeth Warren. Tehran could soon produce more missiles. \
                    The stakes have never been higher. Officials claimed a “historic victory” on Monday. The U.S. sent bombs.";
        let sentences = crate::segment::split(text);
        let cues = find(text, &sentences, Lexicons::builtin());
        let tags: Vec<Option<Tag>> = sentences
            .iter()
            .map(|s| suggest(text, *s, &cues).map(|x| x.tag))
            .collect();
        assert_eq!(
            tags,
            [
                Some(Tag::Quote),
                Some(Tag::Speculation),
                Some(Tag::Loaded),
                Some(Tag::Quote),
                None
            ]
        );
        let first = suggest(text, sentences[0], &cues).unwrap();
        assert!(
            first.reasons[0].contains("inside quotation marks"),
            "{first:?}"
        );
        assert!(
            first
                .reasons
                .iter()
                .any(|r| r.contains("Senator Elizabeth Warren")),
            "{first:?}"
        );
    }
}
