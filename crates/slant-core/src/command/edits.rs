//! Commands for what people mean: tag this, note that, split here. Each returns `None` when it
//! would change nothing, so no empty step lands on the undo stack.

use std::collections::BTreeMap;

use super::Command;
use crate::model::{Annotation, Article, Project, ReviewerAnnotations, ReviewerId, Span};
use crate::model::{Tag, Verdict};

fn current(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
) -> Annotation {
    project.articles[article]
        .annotation(reviewer, sentence)
        .cloned()
        .unwrap_or_default()
}

fn set(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
    edit: impl FnOnce(&mut Annotation),
) -> Option<Command> {
    let before = current(project, article, reviewer, sentence);
    let mut after = before.clone();
    edit(&mut after);
    (after != before).then(|| Command::SetAnnotation {
        article,
        reviewer: reviewer.clone(),
        sentence,
        annotation: (!after.is_empty()).then_some(after),
    })
}

pub fn set_tag(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
    tag: Option<Tag>,
) -> Option<Command> {
    set(project, article, reviewer, sentence, |a| a.tag = tag)
}

/// Takes Slant's suggested tag for a sentence, remembering that it was a suggestion.
pub fn accept_suggestion(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
    tag: Tag,
) -> Option<Command> {
    set(project, article, reviewer, sentence, |a| {
        a.tag = Some(tag);
        a.suggestion = Some(Verdict::Accepted(tag));
    })
}

/// Dismisses a suggested tag for a sentence; the reviewer's own tag, if any, stays.
pub fn reject_suggestion(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
    tag: Tag,
) -> Option<Command> {
    set(project, article, reviewer, sentence, |a| {
        a.suggestion = Some(Verdict::Rejected(tag));
    })
}

/// Accepts every suggestion of `tag` for sentences the reviewer has not tagged or answered yet,
/// as one step of undo. `suggested` holds each sentence's suggested tag.
pub fn accept_all(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    suggested: &[Option<Tag>],
    tag: Tag,
) -> Option<Command> {
    let a = &project.articles[article];
    let commands: Vec<Command> = suggested
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            *s == Some(tag)
                && a.annotation(reviewer, i)
                    .is_none_or(|x| x.tag.is_none() && x.suggestion.is_none())
        })
        .filter_map(|(i, _)| accept_suggestion(project, article, reviewer, i, tag))
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

/// Sets the note; an empty or blank note removes it.
pub fn set_note(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    sentence: usize,
    note: &str,
) -> Option<Command> {
    let note = (!note.trim().is_empty()).then(|| note.to_owned());
    set(project, article, reviewer, sentence, |a| a.note = note)
}

/// Marks `span` as a loaded phrase of the sentence that holds it, or, when it lies within or
/// over phrases already marked, unmarks those.
pub fn toggle_phrase(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    span: Span,
) -> Option<Command> {
    let (span, sentence) = phrase_in(&project.articles[article], span)?;
    set(project, article, reviewer, sentence, |ann| {
        let overlapping = |p: &Span| p.start < span.end && span.start < p.end;
        if ann.loaded_phrases.iter().any(overlapping) {
            ann.loaded_phrases.retain(|p| !overlapping(p));
        } else {
            ann.loaded_phrases.push(span);
            ann.loaded_phrases.sort();
        }
    })
}

/// `span` without the white space at its ends, and the sentence holding it: none when it is
/// only white space, splits a character or crosses sentences.
fn phrase_in(a: &crate::model::Article, span: Span) -> Option<(Span, usize)> {
    let slice = a.text.get(span.range())?;
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    if start >= end {
        return None;
    }
    let span = Span::new(start, end);
    let sentence = a.sentences.iter().position(|s| s.contains(span))?;
    Some((span, sentence))
}

/// Marks `span` as a loaded phrase, joined with any phrase it overlaps into one (typing "boast
/// that the June strikes had “obliterated”" over the marked "boast" and "obliterated" marks the
/// whole, where a toggle would unmark both).
pub fn mark_phrase(
    project: &Project,
    article: usize,
    reviewer: &ReviewerId,
    span: Span,
) -> Option<Command> {
    let (span, sentence) = phrase_in(&project.articles[article], span)?;
    let (start, end) = (span.start, span.end);
    set(project, article, reviewer, sentence, |ann| {
        let overlapping = |p: &Span| p.start < end && start < p.end;
        let (mut from, mut to) = (start, end);
        for p in ann.loaded_phrases.iter().filter(|p| overlapping(p)) {
            from = from.min(p.start);
            to = to.max(p.end);
        }
        ann.loaded_phrases.retain(|p| !overlapping(p));
        ann.loaded_phrases.push(Span::new(from, to));
        ann.loaded_phrases.sort();
    })
}

/// Splits a sentence in two at byte `at` (white space there is left between the two).
/// Annotations stay with the first part, except loaded phrases after the split.
pub fn split_sentence(
    project: &Project,
    article: usize,
    sentence: usize,
    at: usize,
) -> Option<Command> {
    let a = &project.articles[article];
    let old = *a.sentences.get(sentence)?;
    if !a.text.is_char_boundary(at) {
        return None;
    }
    let first_end = old.start + a.text[old.start..at].trim_end().len();
    let second_start = at + (a.text[at..old.end].len() - a.text[at..old.end].trim_start().len());
    if first_end <= old.start || second_start >= old.end {
        return None;
    }
    let (first, second) = (
        Span::new(old.start, first_end),
        Span::new(second_start, old.end),
    );
    let mut sentences = a.sentences.clone();
    sentences.splice(sentence..=sentence, [first, second]);
    let annotations = remap(a, |index, ann| {
        if index < sentence {
            vec![(index, ann.clone())]
        } else if index > sentence {
            vec![(index + 1, ann.clone())]
        } else {
            // A phrase across the split is cut in two, each part on its own sentence: the words
            // stay marked (a split once dropped the phrase without a word).
            let part = |within: Span| -> Vec<Span> {
                ann.loaded_phrases
                    .iter()
                    .filter_map(|p| {
                        let (start, end) = (p.start.max(within.start), p.end.min(within.end));
                        let cut = a.text.get(start..end)?;
                        let lead = cut.len() - cut.trim_start().len();
                        let kept = cut.trim().len();
                        (kept > 0).then(|| Span::new(start + lead, start + lead + kept))
                    })
                    .collect()
            };
            let mut head = ann.clone();
            head.loaded_phrases = part(first);
            let tail = Annotation {
                tag: None,
                note: None,
                loaded_phrases: part(second),
                suggestion: None,
            };
            vec![(index, head), (index + 1, tail)]
        }
    });
    Some(Command::SetSegmentation {
        article,
        sentences,
        annotations,
    })
}

/// Merges a sentence with the next one. The merged sentence keeps the first tag (or the
/// second's when the first has none), both notes and all loaded phrases.
pub fn merge_with_next(project: &Project, article: usize, sentence: usize) -> Option<Command> {
    let a = &project.articles[article];
    let (first, second) = (*a.sentences.get(sentence)?, *a.sentences.get(sentence + 1)?);
    let mut sentences = a.sentences.clone();
    sentences.splice(
        sentence..=sentence + 1,
        [Span::new(first.start, second.end)],
    );
    let mut merged: BTreeMap<ReviewerId, Annotation> = BTreeMap::new();
    for (reviewer, by) in &a.annotations {
        let (x, y) = (by.get(&sentence), by.get(&(sentence + 1)));
        if x.is_none() && y.is_none() {
            continue;
        }
        let (x, y) = (
            x.cloned().unwrap_or_default(),
            y.cloned().unwrap_or_default(),
        );
        let note = match (x.note, y.note) {
            (Some(n), Some(m)) => Some(format!("{n}\n{m}")),
            (n, m) => n.or(m),
        };
        // A phrase a split cut in two (one part ends the first sentence, the other starts the
        // second, only white space between) is one phrase again.
        let gap = a.text.get(first.end..second.start).unwrap_or("x");
        let rejoined = gap.trim().is_empty()
            && x.loaded_phrases.iter().any(|p| p.end == first.end)
            && y.loaded_phrases.iter().any(|p| p.start == second.start);
        let mut phrases = x.loaded_phrases;
        if rejoined {
            let head = phrases.iter().position(|p| p.end == first.end);
            let tail = y.loaded_phrases.iter().find(|p| p.start == second.start);
            if let (Some(i), Some(t)) = (head, tail) {
                phrases[i] = Span::new(phrases[i].start, t.end);
            }
            phrases.extend(y.loaded_phrases.iter().filter(|p| p.start != second.start));
        } else {
            phrases.extend(y.loaded_phrases);
        }
        merged.insert(
            reviewer.clone(),
            Annotation {
                tag: x.tag.or(y.tag),
                note,
                loaded_phrases: phrases,
                suggestion: x.suggestion.or(y.suggestion),
            },
        );
    }
    let mut annotations = remap(a, |index, ann| {
        if index < sentence {
            vec![(index, ann.clone())]
        } else if index > sentence + 1 {
            vec![(index - 1, ann.clone())]
        } else {
            vec![]
        }
    });
    for (reviewer, ann) in merged {
        annotations
            .entry(reviewer)
            .or_default()
            .insert(sentence, ann);
    }
    Some(Command::SetSegmentation {
        article,
        sentences,
        annotations,
    })
}

/// Every reviewer's annotations with their sentence indexes moved by `f`; empty ones dropped.
fn remap(
    a: &Article,
    f: impl Fn(usize, &Annotation) -> Vec<(usize, Annotation)>,
) -> BTreeMap<ReviewerId, ReviewerAnnotations> {
    a.annotations
        .iter()
        .map(|(r, by)| {
            let moved: ReviewerAnnotations = by
                .iter()
                .flat_map(|(&i, ann)| f(i, ann))
                .filter(|(_, ann)| !ann.is_empty())
                .collect();
            (r.clone(), moved)
        })
        .filter(|(_, by)| !by.is_empty())
        .collect()
}
