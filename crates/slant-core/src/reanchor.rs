//! Keeping annotations on their sentences when an article's text is edited.
//!
//! Offsets do not survive an edit (a word fixed in sentence 2 moves every later sentence), but a
//! sentence's text mostly does. So each annotated sentence is found again by its text: first the
//! sentences that are unchanged, matched in order (a sentence that occurs twice keeps its place),
//! then edited ones by word overlap among the new sentences between the matched neighbours.
//! Loaded phrases move with their sentence when their words are still in it. What cannot be
//! placed is returned as [`Unplaced`] for the reviewer to place or discard: never dropped.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::{Annotation, Article, ReviewerAnnotations, ReviewerId, Span, Unplaced};

/// How alike an edited sentence must be to its old self (share of words in common, Dice) to
/// keep its annotations: a fixed typo or a changed number keeps them, a rewrite does not.
pub const MIN_SIMILARITY: f64 = 0.6;

/// How far from its expected place an edited sentence is looked for.
const WINDOW: usize = 50;

/// The article's annotations moved onto `sentences` of `text`, and those that found no place.
pub struct Reanchored {
    pub annotations: BTreeMap<ReviewerId, ReviewerAnnotations>,
    pub unplaced: Vec<Unplaced>,
}

/// Maps old sentence indices to new ones.
pub fn match_sentences(
    old_text: &str,
    old: &[Span],
    new_text: &str,
    new: &[Span],
) -> Vec<Option<usize>> {
    let key = |text: &str, s: Span| -> String {
        text[s.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let new_keys: Vec<String> = new.iter().map(|&s| key(new_text, s)).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, k) in new_keys.iter().enumerate() {
        by_key.entry(k.as_str()).or_default().push(j);
    }
    let mut taken = vec![false; new.len()];
    let mut out = vec![None; old.len()];
    // Unchanged sentences: the first free occurrence at or after the last match, else any.
    let mut cursor = 0;
    for (i, &s) in old.iter().enumerate() {
        let Some(places) = by_key.get(key(old_text, s).as_str()) else {
            continue;
        };
        let free = |&&j: &&usize| !taken[j];
        let pick = places
            .iter()
            .filter(free)
            .find(|&&j| j >= cursor)
            .or_else(|| places.iter().find(free));
        if let Some(&j) = pick {
            taken[j] = true;
            out[i] = Some(j);
            cursor = j + 1;
        }
    }
    // Edited sentences: the most alike free sentence between the matched neighbours.
    let words: Vec<HashSet<String>> = new
        .iter()
        .map(|&s| word_set(&new_text[s.range()]))
        .collect();
    for i in 0..old.len() {
        if out[i].is_some() {
            continue;
        }
        let low = out[..i].iter().rev().find_map(|m| *m).map_or(0, |j| j + 1);
        let high = out[i + 1..].iter().find_map(|m| *m).unwrap_or(new.len());
        // Where it would be if nothing between its matched neighbours changed, give or take
        // WINDOW sentences: keeps a rewrite of a long article linear rather than quadratic.
        let prev = out[..i]
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |p| i - p - 1);
        let expected = low + prev;
        let from = expected.saturating_sub(WINDOW).max(low);
        let to = (expected + WINDOW).min(high.max(low));
        let mine = word_set(&old_text[old[i].range()]);
        let best = (from..to.max(from))
            .filter(|&j| !taken[j])
            .map(|j| (j, dice(&mine, &words[j])))
            .filter(|&(_, sim)| sim >= MIN_SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = best {
            taken[j] = true;
            out[i] = Some(j);
        }
    }
    out
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Dice coefficient of two word sets: 1 when equal, 0 when disjoint.
fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Moves `article`'s annotations onto `sentences` of `text`; earlier unplaced annotations stay.
pub fn reanchor(article: &Article, text: &str, sentences: &[Span]) -> Reanchored {
    let map = match_sentences(&article.text, &article.sentences, text, sentences);
    let mut annotations: BTreeMap<ReviewerId, ReviewerAnnotations> = BTreeMap::new();
    let mut unplaced = article.unplaced.clone();
    for (reviewer, marks) in &article.annotations {
        for (&i, annotation) in marks {
            let Some(&old) = article.sentences.get(i) else {
                continue; // validated files have none; nothing to anchor to
            };
            let old_sentence = &article.text[old.range()];
            let phrases = |a: &Annotation| -> Vec<String> {
                a.loaded_phrases
                    .iter()
                    .filter(|p| p.end <= article.text.len())
                    .map(|&p| article.text[p.range()].to_owned())
                    .collect()
            };
            let Some(j) = map.get(i).copied().flatten() else {
                unplaced.push(Unplaced {
                    reviewer: reviewer.clone(),
                    sentence: old_sentence.to_owned(),
                    phrases: phrases(annotation),
                    annotation: Annotation {
                        loaded_phrases: Vec::new(),
                        ..annotation.clone()
                    },
                });
                continue;
            };
            let new = sentences[j];
            let mut moved = annotation.clone();
            moved.loaded_phrases.clear();
            let mut lost = Vec::new();
            for &p in &annotation.loaded_phrases {
                let phrase = &article.text[p.range()];
                let relative = p.start.saturating_sub(old.start);
                match find_phrase(&text[new.range()], phrase, relative) {
                    Some(at) => moved
                        .loaded_phrases
                        .push(Span::new(new.start + at, new.start + at + phrase.len())),
                    None => lost.push(phrase.to_owned()),
                }
            }
            moved.loaded_phrases.sort_by_key(|s| s.start);
            moved.loaded_phrases.dedup_by(|b, a| b.start < a.end);
            if !lost.is_empty() {
                // The sentence kept its tag, but these phrases are no longer in it.
                unplaced.push(Unplaced {
                    reviewer: reviewer.clone(),
                    sentence: old_sentence.to_owned(),
                    annotation: Annotation::default(),
                    phrases: lost,
                });
            }
            if !moved.is_empty() {
                annotations
                    .entry(reviewer.clone())
                    .or_default()
                    .insert(j, moved);
            }
        }
    }
    Reanchored {
        annotations,
        unplaced,
    }
}

/// Where `phrase` is in `sentence`: at its old place if it is still there, else its first
/// whole occurrence.
fn find_phrase(sentence: &str, phrase: &str, old_at: usize) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    if sentence.get(old_at..old_at + phrase.len()) == Some(phrase) {
        return Some(old_at);
    }
    sentence.match_indices(phrase).map(|(at, _)| at).next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;

    fn article(text: &str) -> Article {
        Article::new("a".into(), "A", text)
    }

    fn tagged(a: &mut Article, r: &ReviewerId, i: usize, tag: Tag) {
        a.set_tag(r, i, Some(tag));
    }

    fn tags(a: &Article, r: &ReviewerId) -> Vec<(String, Tag)> {
        a.annotations[r]
            .iter()
            .map(|(&i, x)| (a.sentence_text(i).to_owned(), x.tag.unwrap()))
            .collect()
    }

    fn edit(a: &Article, text: &str) -> (Article, Vec<Unplaced>) {
        let sentences = crate::segment::split(text);
        let r = reanchor(a, text, &sentences);
        let mut b = a.clone();
        b.text = text.to_owned();
        b.sentences = sentences;
        b.annotations = r.annotations;
        (b, r.unplaced)
    }

    #[test]
    fn inserted_sentences_and_fixed_typos_keep_annotations() {
        let r = ReviewerId::from("ann");
        let mut a = article(
            "The mayor resigned. Critics called it a dispicable move. Police said 12 people were hurt.",
        );
        tagged(&mut a, &r, 0, Tag::Fact);
        tagged(&mut a, &r, 1, Tag::Loaded);
        tagged(&mut a, &r, 2, Tag::Quote);
        let (b, unplaced) = edit(
            &a,
            "Breaking news. The mayor resigned. Critics called it a despicable move. Police said 14 people were hurt.",
        );
        assert_eq!(unplaced, vec![]);
        assert_eq!(
            tags(&b, &r),
            vec![
                ("The mayor resigned.".to_owned(), Tag::Fact),
                (
                    "Critics called it a despicable move.".to_owned(),
                    Tag::Loaded
                ),
                ("Police said 14 people were hurt.".to_owned(), Tag::Quote),
            ]
        );
    }

    #[test]
    fn deleted_and_rewritten_sentences_are_listed_not_dropped() {
        let r = ReviewerId::from("ann");
        let mut a = article("One fact here. A quote was said. The end came.");
        tagged(&mut a, &r, 0, Tag::Fact);
        tagged(&mut a, &r, 1, Tag::Quote);
        a.edit_annotation(&r, 1, |x| x.note = Some("who?".into()));
        let (b, unplaced) = edit(
            &a,
            "One fact here. Something else entirely now. The end came.",
        );
        assert_eq!(tags(&b, &r), vec![("One fact here.".to_owned(), Tag::Fact)]);
        assert_eq!(unplaced.len(), 1);
        assert_eq!(unplaced[0].sentence, "A quote was said.");
        assert_eq!(unplaced[0].annotation.tag, Some(Tag::Quote));
        assert_eq!(unplaced[0].annotation.note.as_deref(), Some("who?"));
    }

    #[test]
    fn repeated_sentences_keep_their_order_and_phrases_follow() {
        let r = ReviewerId::from("ann");
        let text = "He said no. It was a brutal crackdown. He said no.";
        let mut a = article(text);
        tagged(&mut a, &r, 0, Tag::Quote);
        tagged(&mut a, &r, 2, Tag::Speculation);
        let brutal = text.find("brutal").unwrap();
        a.edit_annotation(&r, 1, |x| {
            x.loaded_phrases = vec![Span::new(brutal, brutal + 6)];
            x.tag = Some(Tag::Loaded);
        });
        let (b, unplaced) = edit(
            &a,
            "Intro. He said no. It was a brutal crackdown. He said no.",
        );
        assert_eq!(unplaced, vec![]);
        let got: Vec<usize> = b.annotations[&r].keys().copied().collect();
        assert_eq!(got, vec![1, 2, 3]);
        assert_eq!(b.annotations[&r][&3].tag, Some(Tag::Speculation));
        let p = b.annotations[&r][&2].loaded_phrases[0];
        assert_eq!(&b.text[p.range()], "brutal");
        // The phrase edited away is listed; the sentence keeps its tag.
        let (c, unplaced) = edit(
            &b,
            "Intro. He said no. It was a harsh crackdown. He said no.",
        );
        assert_eq!(c.annotations[&r][&2].tag, Some(Tag::Loaded));
        assert!(c.annotations[&r][&2].loaded_phrases.is_empty());
        assert_eq!(unplaced.len(), 1);
        assert_eq!(unplaced[0].phrases, vec!["brutal".to_owned()]);
    }
}
