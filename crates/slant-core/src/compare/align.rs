//! Sentence alignment between two articles: which sentences of B report what a sentence of A
//! reports.
//!
//! Each sentence becomes a set of terms (`terms.rs`): content words stemmed with the Snowball English stemmer
//! (`support`, `supported`, `supporting` are one term), names and numbers. Two sentences score
//! the Jaccard similarity of their sets (shared terms over all their terms, 0 to 1). Measured on
//! the gold alignments (`tests/e2e/compare_gold.rs`), this beat TF-IDF cosines with names and
//! numbers weighted up: those let two sentences that share only the story's names pair up.
//! A pair also needs two shared ordinary content words, or one in two sentences that are mostly
//! the same (names, numbers and years alone never make one; see [`ONE_WORD_SCORE`]), and must be
//! strong for one of its sentences, a weak one for both (see [`PRUNE`]). One sentence may have several
//! counterparts (one outlet's long sentence is often two of the other's). Overlaps go through an
//! inverted index, so the cost follows the terms shared, not the product of the sentence counts.

use std::collections::HashMap;

use super::terms::{Kind, Stems, terms};
use crate::model::Span;

/// The lowest score that counts as "the same content", chosen by the sweep over every gold pair
/// (`tests/e2e/compare_gold.rs`; the README has the table). Recall is the weak side: the same
/// fact in other words ("he would not resign" / "he isn't going anywhere") shares too few terms.
pub const THRESHOLD: f32 = 0.125;

/// The score a pair sharing a single ordinary content word needs; otherwise a pair shares two.
/// One shared word and the story's names ("missile"; "Israeli", "Iran") is a shared topic,
/// not a shared claim, unless the two sentences are mostly the same.
pub const ONE_WORD_SCORE: f32 = 0.2;

/// How much more a pair of a guess and a report must score (see [`align`]).
pub const MIXED_CLAIMS: f32 = 1.5;

/// A link stays when it scores at least this share of the best link of one of its two
/// sentences: a fact told in two sentences keeps both links, a weak link beside a strong one
/// goes. A weak link (below [`ONE_WORD_SCORE`]) must be that strong for both its sentences: one
/// far weaker than another link of either sentence is a shared topic, and on text the method
/// was not tuned on such links were most of the false ones.
pub const PRUNE: f32 = 0.7;

/// The most counterparts a sentence keeps (its strongest): one outlet's sentence is at most a
/// few of the other's.
pub const MAX_COUNTERPARTS: usize = 5;

/// A sentence of A and a sentence of B (0-based) that report the same content.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    /// Paired as the openings of the two articles (headline, first sentence), which report
    /// the event's central fact, rather than by score alone.
    pub opening: bool,
}

/// Each sentence's terms as (term id, is an ordinary content word), over one vocabulary.
struct TermSets {
    a: Vec<Vec<(u32, bool)>>,
    b: Vec<Vec<(u32, bool)>>,
    /// How rare each term is across both articles' sentences: a word every sentence has (`Iran`
    /// in a story about Iran) says little about which sentences match.
    idf: Vec<f32>,
    /// Per term: one of the story's names, though an ordinary word where it opens a sentence.
    story_name: Vec<bool>,
    vocabulary: usize,
}

impl TermSets {
    /// A sentence's weight: the sum of its terms' IDF.
    fn weight(&self, set: &[(u32, bool)]) -> f32 {
        set.iter().map(|&(id, _)| self.idf[id as usize]).sum()
    }
}

fn term_sets(a_text: &str, a: &[Span], b_text: &str, b: &[Span]) -> TermSets {
    let stems = Stems::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    // Per term id: written as a name somewhere, and in lower case somewhere.
    let mut as_name: Vec<(bool, bool)> = Vec::new();
    let mut sets = |text: &str, spans: &[Span]| -> Vec<Vec<(u32, bool)>> {
        spans
            .iter()
            .map(|s| {
                let mut set: HashMap<u32, bool> = HashMap::new();
                for t in terms(&text[s.range()], &stems) {
                    let content = t.content();
                    let next = ids.len() as u32;
                    let id = *ids.entry(t.text).or_insert(next);
                    if id == next {
                        as_name.push((false, false));
                    }
                    let seen = &mut as_name[id as usize];
                    seen.0 |= t.kind == Kind::Name;
                    seen.1 |= t.kind != Kind::Name && t.word.chars().all(|c| !c.is_uppercase());
                    *set.entry(id).or_default() |= content;
                }
                set.into_iter().collect()
            })
            .collect()
    };
    let a = sets(a_text, a);
    let b = sets(b_text, b);
    // A name opening a sentence or in a Title Case headline has a capital there like any word;
    // written as a name elsewhere and never in lower case, it is one of the story's names (as
    // [`super::explain::Names`] shows it).
    let story_name = as_name
        .into_iter()
        .map(|(name, lower)| name && !lower)
        .collect();
    let mut df = vec![0u32; ids.len()];
    for set in a.iter().chain(&b) {
        for &(id, _) in set {
            df[id as usize] += 1;
        }
    }
    let n = (a.len() + b.len()) as f32;
    let idf = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    TermSets {
        a,
        b,
        idf,
        story_name,
        vocabulary: ids.len(),
    }
}

/// Every pair of sentences scoring at least `threshold` that shares an ordinary content word
/// and survives [`PRUNE`], by sentence of A then score, highest first.
pub fn align(a_text: &str, a: &[Span], b_text: &str, b: &[Span], threshold: f32) -> Vec<Pair> {
    alignment(a_text, a, b_text, b, threshold).pairs
}

/// Two sentences about the same subject that make different claims: not a pair (neither
/// reports what the other does), but where two outlets tell the same thing differently.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Related {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub why: Difference,
}

/// How two sentences about the same subject differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// One guesses (a hedge: could, may, expected to) where the other reports; `guessing` says
    /// which, so a reader is told which outlet speculates.
    GuessAndReport { guessing: Side },
    /// One ordinary word and the story's names in common: the same subject, another statement.
    SameSubject,
}

/// One of the two articles compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    A,
    B,
}

impl Difference {
    /// In a reader's words.
    pub fn describe(self) -> &'static str {
        match self {
            Difference::GuessAndReport { guessing: Side::A } => "A guesses, B reports",
            Difference::GuessAndReport { guessing: Side::B } => "A reports, B guesses",
            Difference::SameSubject => "the same subject, another statement",
        }
    }

    /// The name scripts read (`"why"` in `slant compare --json`): a contract, never renamed.
    pub fn name(self) -> &'static str {
        match self {
            Difference::GuessAndReport { .. } => "guess_and_report",
            Difference::SameSubject => "same_subject",
        }
    }
}

impl serde::Serialize for Difference {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The pairs of two articles, and the related sentences where one of the two has no pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub related: Vec<Related>,
}

/// [`align`], with the sentences that are about the same subject but make different claims.
pub fn alignment(a_text: &str, a: &[Span], b_text: &str, b: &[Span], threshold: f32) -> Alignment {
    let sets = term_sets(a_text, a, b_text, b);
    let mut postings: Vec<Vec<(u32, bool)>> = vec![Vec::new(); sets.vocabulary];
    for (j, set) in sets.b.iter().enumerate() {
        for &(id, content) in set {
            postings[id as usize].push((j as u32, content));
        }
    }
    let mut found = Vec::new();
    // Pairs sharing only one ordinary word: the same subject, not the same claim.
    let mut weak = Vec::new();
    // Dense counters, one per sentence of B, with the list of those touched: cheaper than a map
    // per sentence, and one counter's fields side by side are read together.
    #[derive(Clone, Copy, Default)]
    struct Shared {
        /// The IDF weight of the terms shared.
        weight: f32,
        /// Ordinary content words shared.
        content: u8,
        /// Of those, the ones that are none of the story's names: what a weak link rests on.
        plain: u8,
    }
    let mut shared = vec![Shared::default(); sets.b.len()];
    let b_weights: Vec<f32> = sets.b.iter().map(|s| sets.weight(s)).collect();
    let mut touched: Vec<u32> = Vec::new();
    for (i, set) in sets.a.iter().enumerate() {
        let a_weight = sets.weight(set);
        for &(id, a_content) in set {
            let w = sets.idf[id as usize];
            let a_plain = a_content && !sets.story_name[id as usize];
            for &(j, b_content) in &postings[id as usize] {
                let n = &mut shared[j as usize];
                if n.weight == 0.0 {
                    touched.push(j);
                }
                n.weight += w;
                // Saturating: a pasted paragraph with no full stop is one sentence of hundreds
                // of words, and only "none, one, two or more" is asked.
                n.content = n.content.saturating_add(u8::from(a_content && b_content));
                n.plain = n.plain.saturating_add(u8::from(a_plain && b_content));
            }
        }
        for j in touched.drain(..) {
            let n = std::mem::take(&mut shared[j as usize]);
            let union = a_weight + b_weights[j as usize] - n.weight;
            // Every link needs an ordinary word shared that is none of the story's names: two
            // sentences opening with "Trump" share a name, not a claim. The score is divided
            // out only for a candidate above the threshold: most sentences touched are not.
            if n.plain == 0 || n.weight < threshold * union {
                continue;
            }
            let score = (n.weight / union).min(1.0);
            // Rounding can put a score a hair under the threshold the product passed.
            if score < threshold {
                continue;
            }
            let pair = Pair {
                a: i,
                b: j as usize,
                score,
                opening: false,
            };
            if n.content >= 2 || score >= ONE_WORD_SCORE {
                found.push(pair);
            } else {
                weak.push(pair);
            }
        }
    }
    // A guess and a report of what happened are different claims even about the same thing
    // ("the June conflict marked an escalation" / "a war is almost inevitable"): such a pair
    // needs a stronger score. Any hedge counts here, a speaker's quoted guess too.
    let hedges = &crate::cues::Lexicons::builtin().hedges;
    let hedged = |text: &str, spans: &[Span]| -> Vec<bool> {
        spans
            .iter()
            .map(|s| {
                hedges
                    .iter()
                    .any(|l| !l.find(&text[s.range()], 0).is_empty())
            })
            .collect()
    };
    let (spec_a, spec_b) = (hedged(a_text, a), hedged(b_text, b));
    let mut related: Vec<(Pair, Difference)> = weak
        .into_iter()
        .map(|p| (p, Difference::SameSubject))
        .collect();
    let mut mixed = Vec::new();
    found.retain(|p| {
        let same_kind = spec_a[p.a] == spec_b[p.b] || p.score >= threshold * MIXED_CLAIMS;
        if !same_kind {
            mixed.push(*p);
        }
        same_kind
    });
    // Which outlet guesses is said only where its writer does, as the cue engine finds hedges:
    // a speaker's quoted "there will definitely be an attack", or "said it would appeal" (a
    // plan reported), is a report of what was said, and such a pair is another statement.
    if !mixed.is_empty() {
        let writer_a = writers_hedges(a_text, a, mixed.iter().map(|p| p.a));
        let writer_b = writers_hedges(b_text, b, mixed.iter().map(|p| p.b));
        related.extend(mixed.into_iter().map(|p| {
            let why = match (writer_a.contains(&p.a), writer_b.contains(&p.b)) {
                (true, false) => Difference::GuessAndReport { guessing: Side::A },
                (false, true) => Difference::GuessAndReport { guessing: Side::B },
                _ => Difference::SameSubject,
            };
            (p, why)
        }));
    }
    let mut best_a = vec![0f32; a.len()];
    let mut best_b = vec![0f32; b.len()];
    for p in &found {
        best_a[p.a] = best_a[p.a].max(p.score);
        best_b[p.b] = best_b[p.b].max(p.score);
    }
    let mut out: Vec<Pair> = found
        .into_iter()
        .filter(|p| {
            let for_a = p.score >= PRUNE * best_a[p.a];
            let for_b = p.score >= PRUNE * best_b[p.b];
            if p.score < ONE_WORD_SCORE {
                for_a && for_b
            } else {
                for_a || for_b
            }
        })
        .collect();
    // A sentence told in many places keeps its strongest few: two articles that repeat one
    // sentence 2,000 times would otherwise pair it 4 million times.
    strongest(&mut out, a.len(), b.len(), |p| (p.a, p.b, p.score));
    // The openings of two articles on the same event (headline, first sentence) report its
    // central fact, often in other words ("Stoltz Ousts Vance" / "Newcomer Topples Democratic
    // Mayor"): they pair when they share any ordinary content word, whatever their score.
    for &i in &opening(a_text, a) {
        for &j in &opening(b_text, b) {
            if out.iter().any(|p| p.a == i && p.b == j) {
                continue;
            }
            let (score, shares_content) = pair_score(&sets, i, j);
            if shares_content {
                out.push(Pair {
                    a: i,
                    b: j,
                    score,
                    opening: true,
                });
            }
        }
    }
    out.sort_by(|x, y| {
        x.a.cmp(&y.a)
            .then(y.score.total_cmp(&x.score))
            .then(x.b.cmp(&y.b))
    });
    // Related sentences are shown where a claim has no counterpart: the strongest for each
    // sentence, as for pairs.
    let mut paired_a = vec![false; a.len()];
    let mut paired_b = vec![false; b.len()];
    for p in &out {
        paired_a[p.a] = true;
        paired_b[p.b] = true;
    }
    related.retain(|(p, _)| !(paired_a[p.a] && paired_b[p.b]));
    let mut best_a = vec![0f32; a.len()];
    let mut best_b = vec![0f32; b.len()];
    for (p, _) in &related {
        best_a[p.a] = best_a[p.a].max(p.score);
        best_b[p.b] = best_b[p.b].max(p.score);
    }
    let mut related: Vec<Related> = related
        .into_iter()
        .filter(|(p, _)| p.score >= best_a[p.a] || p.score >= best_b[p.b])
        .map(|(p, why)| Related {
            a: p.a,
            b: p.b,
            score: p.score,
            why,
        })
        .collect();
    strongest(&mut related, a.len(), b.len(), |r| (r.a, r.b, r.score));
    related.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    Alignment {
        pairs: out,
        related,
    }
}

/// Which of the sentences `asked` (indices into `spans`) the writer hedges, as the cue engine
/// finds hedges; only those sentences are read.
fn writers_hedges(
    text: &str,
    spans: &[Span],
    asked: impl Iterator<Item = usize>,
) -> std::collections::HashSet<usize> {
    let mut asked: Vec<usize> = asked.collect();
    asked.sort_unstable();
    asked.dedup();
    let subset: Vec<Span> = asked.iter().map(|&i| spans[i]).collect();
    let hedged = crate::cues::writers_hedges(text, &subset, crate::cues::Lexicons::builtin());
    asked
        .into_iter()
        .zip(hedged)
        .filter_map(|(i, h)| h.then_some(i))
        .collect()
}

/// Keeps at most [`MAX_COUNTERPARTS`] links per sentence, the strongest (in any order after).
fn strongest<T>(
    links: &mut Vec<T>,
    a_len: usize,
    b_len: usize,
    ends: impl Fn(&T) -> (usize, usize, f32),
) {
    links.sort_by(|x, y| ends(y).2.total_cmp(&ends(x).2));
    let (mut on_a, mut on_b) = (vec![0usize; a_len], vec![0usize; b_len]);
    links.retain(|l| {
        let (a, b, _) = ends(l);
        let keep = on_a[a] < MAX_COUNTERPARTS && on_b[b] < MAX_COUNTERPARTS;
        if keep {
            on_a[a] += 1;
            on_b[b] += 1;
        }
        keep
    });
}

/// An article's opening: its headline (a first line without a closing full stop) and the
/// first sentence after it, or its first sentence alone.
fn opening(text: &str, spans: &[Span]) -> Vec<usize> {
    let Some(first) = spans.first() else {
        return Vec::new();
    };
    let t = text[first.range()].trim_end();
    let headline = !t.ends_with(['.', '!', '?', '"', '”', '’', '\''])
        && text[first.range().end..].starts_with(['\n', '\r']);
    if headline {
        (0..spans.len().min(2)).collect()
    } else {
        vec![0]
    }
}

/// The score of one pair and whether it shares an ordinary content word. A story's name in a
/// Title Case headline counts here: two openings that share only it were, on the gold
/// alignments, the same event more often than not (taking it away lost a gold pair).
fn pair_score(sets: &TermSets, i: usize, j: usize) -> (f32, bool) {
    let theirs: HashMap<u32, bool> = sets.b[j].iter().copied().collect();
    let (mut common, mut content) = (0.0, false);
    for &(id, c) in &sets.a[i] {
        if let Some(&d) = theirs.get(&id) {
            common += sets.idf[id as usize];
            content |= c && d;
        }
    }
    let union = sets.weight(&sets.a[i]) + sets.weight(&sets.b[j]) - common;
    let score = if union > 0.0 { common / union } else { 0.0 };
    (score.min(1.0), content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn pairs(a: &str, b: &str) -> Vec<(usize, usize)> {
        let (sa, sb) = (segment::split(a), segment::split(b));
        align(a, &sa, b, &sb, THRESHOLD)
            .into_iter()
            .map(|p| (p.a, p.b))
            .collect()
    }

    #[test]
    fn the_same_fact_in_other_words_is_found() {
        let a = "Firefighters contained the blaze near Redding on Tuesday. The mayor praised the crews.";
        let b = "Officials said 40 homes burned. Crews had the Redding blaze contained by Tuesday evening, firefighters said.";
        assert_eq!(pairs(a, b), vec![(0, 1)]);
    }

    #[test]
    fn shared_names_alone_do_not_make_a_pair() {
        let a = "Critics argue that such an operation risks escalating tensions with Iran and its allies, including Hezbollah in Lebanon and Hamas in Gaza.";
        let b = "The meeting also covered the Gaza ceasefire's next phase and the disarmament of Hamas.";
        assert_eq!(pairs(a, b), vec![]);
        // A name opening both sentences has a capital there like any word, but the articles
        // write it as a name elsewhere: it is still the story's name, not a shared word.
        let a = "Officials met Trump on Monday. Trump said Netanyahu was a good friend of Israel.";
        let b = "Reporters asked Trump about the visit. Trump and Netanyahu said little about Israel and Iran.";
        assert!(!pairs(a, b).contains(&(1, 1)), "{:?}", pairs(a, b));
    }

    #[test]
    fn one_shared_word_beside_the_storys_names_is_a_topic_not_a_claim() {
        // The sample pair: "Israeli officials claimed the strikes … Iran’s missile array …" and
        // "‘Iran is not just developing missiles,’ said a senior Israeli security official…"
        // share "missile" and the names every sentence of the story has.
        let a = include_str!("../../../../tests/data/article_maralago_meeting.txt");
        let b = include_str!("../../../../tests/data/article_nbc_netanyahu_urges.txt");
        let found = pairs(a, b);
        assert!(!found.contains(&(7, 11)), "{found:?}");
        assert!(found.contains(&(1, 1)), "{found:?}");
        // Not a pair, but the same subject: kept apart as related sentences.
        let (sa, sb) = (segment::split(a), segment::split(b));
        let related = alignment(a, &sa, b, &sb, THRESHOLD).related;
        let with = |a: usize, b: usize| related.iter().find(|r| r.a == a && r.b == b);
        assert_eq!(with(7, 11).map(|r| r.why), Some(Difference::SameSubject));
        // The headline and "Netanyahu’s argument to Trump is likely to focus on … Iran’s military
        // buildup" share the story's names alone ("Netanyahu" is an ordinary word where it opens
        // a sentence, but the story's name): not even the same subject.
        assert_eq!(with(0, 10), None, "{related:?}");
        // "Israel … launched airstrikes that targeted Iran’s nuclear enrichment sites, missile
        // production facilities…" / "The official added that Israel has already identified key
        // sites, including missile production facilities …, which could be struck…": the
        // official's guess, which the outlet reports.
        assert_eq!(with(4, 13).map(|r| r.why), Some(Difference::SameSubject));
        // The same guess in the writer's own words (and as many other words) is the outlet's.
        let b = b.replace(
            "The official added that Israel",
            "Across the northern region, Israel",
        );
        let sb = segment::split(&b);
        let related = alignment(a, &sa, &b, &sb, THRESHOLD).related;
        assert_eq!(
            related
                .iter()
                .find(|r| r.a == 4 && r.b == 13)
                .map(|r| r.why),
            Some(Difference::GuessAndReport { guessing: Side::B })
        );
        // A short sentence that is mostly the other's still pairs on one word.
        assert_eq!(
            pairs(
                "Crews contained the Redding blaze.",
                "The Redding blaze was contained."
            ),
            vec![(0, 0)]
        );
    }

    #[test]
    fn a_sentence_repeated_keeps_its_strongest_few_links() {
        let text = "The council met on Tuesday to discuss the flooded homes. ".repeat(50);
        let spans = segment::split(&text);
        let got = align(&text, &spans, &text, &spans, THRESHOLD);
        for i in 0..spans.len() {
            assert!(got.iter().filter(|p| p.a == i).count() <= MAX_COUNTERPARTS);
            assert!(got.iter().filter(|p| p.b == i).count() <= MAX_COUNTERPARTS);
        }
        assert!(got.len() >= spans.len(), "every sentence keeps a link");
    }

    #[test]
    fn a_weak_link_beside_a_strong_one_of_either_sentence_goes() {
        let a = "The council approved a budget of $412 million on Tuesday, raising property taxes by 4.5 percent for homeowners across the city.";
        let b = "On Tuesday the council approved a $412 million budget that raises property taxes 4.5% for homeowners across the city. Property taxes have gone up in four of the last six years, critics of the council said.";
        let (sa, sb) = (segment::split(a), segment::split(b));
        // A low threshold, so that the weak link is a candidate: B's second sentence shares
        // "property taxes" and "council" with A's only one, and is far weaker than its twin.
        let got = align(a, &sa, b, &sb, 0.05);
        assert_eq!(
            got.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
            vec![(0, 0)],
            "{got:?}"
        );
    }

    #[test]
    fn a_sentence_of_hundreds_of_words_pairs_with_itself() {
        // 400 different words and no full stop: a paragraph pasted whole. Counting its shared
        // words in a byte overflowed (a panic in a debug build, a wrong count in a release one).
        let words: Vec<String> = (0..400u32)
            .map(|i| {
                let letter = |k: u32| char::from(b'a' + (k % 26) as u8);
                format!("{}{}{}ing", letter(i), letter(i / 26), letter(i / 676))
            })
            .collect();
        let text = words.join(" ");
        let spans = segment::split(&text);
        assert_eq!(spans.len(), 1);
        assert_eq!(
            pairs(&text, &text),
            vec![(0, 0)],
            "a sentence is the same as itself"
        );
    }

    #[test]
    fn one_sentence_may_match_two() {
        let a = "The council voted 7 to 2 to close the Elm Street library, which has served Millbrook since 1932.";
        let b = "The Millbrook council voted 7 to 2 on Monday. The Elm Street library has been open since 1932.";
        let mut got = pairs(a, b);
        got.sort();
        assert_eq!(got, vec![(0, 0), (0, 1)]);
    }

    #[test]
    fn the_openings_of_two_articles_pair_on_a_shared_word_whatever_their_score() {
        let a = "Stoltz Ousts Vance in Millhaven Mayor’s Race\n\nGreg Stoltz, a restaurant owner, defeated Mayor Teresa Vance on Tuesday. Turnout was low.";
        let b = "Newcomer Stuns Democratic Mayor in Michigan\n\nA first-time candidate backed by prominent Republicans in the state has defeated the Democratic mayor of Millhaven, a city both parties watched closely as an early test of voter mood. Turnout was low.";
        let (sa, sb) = (segment::split(a), segment::split(b));
        let got = align(a, &sa, b, &sb, THRESHOLD);
        let mut pairs: Vec<(usize, usize, bool)> =
            got.iter().map(|p| (p.a, p.b, p.opening)).collect();
        pairs.sort_by_key(|p| (p.0, p.1));
        // The headlines share "mayor" (as does A's headline with B's first sentence), the
        // first sentences "defeated": they pair below the threshold; the later sentences pair by
        // score as ever.
        assert_eq!(
            pairs,
            vec![(0, 0, true), (0, 1, true), (1, 1, true), (2, 2, false)]
        );
        // Without a shared content word, openings do not pair: names alone are not enough.
        let c = "The council of Millhaven meets on Monday. Its agenda is short.";
        let sc = segment::split(c);
        assert!(align(a, &sa, c, &sc, THRESHOLD).iter().all(|p| !p.opening));
    }
}
