//! Every edit to a project, as data.
//!
//! Applying a command returns its inverse, so undo and redo are two stacks of commands, and the
//! dirty mark and autosave only need to know how deep the undo stack is. The UI never edits a
//! project any other way. The functions in [`edits`] turn what a person means ("tag this
//! sentence Quote") into the command that does it.

use std::collections::BTreeMap;

use crate::model::{Annotation, Article, Project, Reviewer, ReviewerAnnotations, ReviewerId, Span};

/// One reversible change to a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Sets (or with `None`, removes) one reviewer's annotation of one sentence.
    SetAnnotation {
        article: usize,
        reviewer: ReviewerId,
        sentence: usize,
        annotation: Option<Annotation>,
    },
    /// Replaces an article's sentences and all its annotations at once (split, merge).
    SetSegmentation {
        article: usize,
        sentences: Vec<Span>,
        annotations: BTreeMap<ReviewerId, ReviewerAnnotations>,
    },
    SetArticleTitle {
        article: usize,
        title: String,
    },
    SetArticleOutlet {
        article: usize,
        outlet: Option<String>,
    },
    InsertArticle {
        index: usize,
        article: Box<Article>,
    },
    RemoveArticle {
        index: usize,
    },
    InsertReviewer {
        index: usize,
        reviewer: Reviewer,
    },
    RemoveReviewer {
        index: usize,
    },
    SetProjectTitle {
        title: String,
    },
}

/// A command that no longer fits the project (a stale index); the project is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot apply the edit: {0}")]
pub struct CommandError(pub String);

fn article_mut(project: &mut Project, index: usize) -> Result<&mut Article, CommandError> {
    project
        .articles
        .get_mut(index)
        .ok_or_else(|| CommandError(format!("there is no article {}", index + 1)))
}

impl Command {
    /// Applies the command and returns the command that undoes it.
    pub fn apply(self, project: &mut Project) -> Result<Command, CommandError> {
        Ok(match self {
            Command::SetAnnotation {
                article,
                reviewer,
                sentence,
                annotation,
            } => {
                let a = article_mut(project, article)?;
                if sentence >= a.sentences.len() {
                    return Err(CommandError(format!(
                        "there is no sentence {}",
                        sentence + 1
                    )));
                }
                let old = a.annotation(&reviewer, sentence).cloned();
                a.edit_annotation(&reviewer, sentence, |x| *x = annotation.unwrap_or_default());
                Command::SetAnnotation {
                    article,
                    reviewer,
                    sentence,
                    annotation: old,
                }
            }
            Command::SetSegmentation {
                article,
                sentences,
                annotations,
            } => {
                let a = article_mut(project, article)?;
                let old_sentences = std::mem::replace(&mut a.sentences, sentences);
                let old_annotations = std::mem::replace(&mut a.annotations, annotations);
                Command::SetSegmentation {
                    article,
                    sentences: old_sentences,
                    annotations: old_annotations,
                }
            }
            Command::SetArticleTitle { article, title } => {
                let a = article_mut(project, article)?;
                let old = std::mem::replace(&mut a.title, title);
                Command::SetArticleTitle {
                    article,
                    title: old,
                }
            }
            Command::SetArticleOutlet { article, outlet } => {
                let a = article_mut(project, article)?;
                let old = std::mem::replace(&mut a.outlet, outlet);
                Command::SetArticleOutlet {
                    article,
                    outlet: old,
                }
            }
            Command::InsertArticle { index, article } => {
                if index > project.articles.len() {
                    return Err(CommandError(format!(
                        "cannot insert an article at {}",
                        index + 1
                    )));
                }
                project.articles.insert(index, *article);
                Command::RemoveArticle { index }
            }
            Command::RemoveArticle { index } => {
                if index >= project.articles.len() {
                    return Err(CommandError(format!("there is no article {}", index + 1)));
                }
                let article = project.articles.remove(index);
                Command::InsertArticle {
                    index,
                    article: Box::new(article),
                }
            }
            Command::InsertReviewer { index, reviewer } => {
                if index > project.reviewers.len() {
                    return Err(CommandError(format!(
                        "cannot insert a reviewer at {}",
                        index + 1
                    )));
                }
                project.reviewers.insert(index, reviewer);
                Command::RemoveReviewer { index }
            }
            Command::RemoveReviewer { index } => {
                let Some(reviewer) = project.reviewers.get(index) else {
                    return Err(CommandError(format!("there is no reviewer {}", index + 1)));
                };
                if project
                    .articles
                    .iter()
                    .any(|a| a.annotations.contains_key(&reviewer.id))
                {
                    return Err(CommandError(format!(
                        "{} still has annotations",
                        reviewer.name
                    )));
                }
                let reviewer = project.reviewers.remove(index);
                Command::InsertReviewer { index, reviewer }
            }
            Command::SetProjectTitle { title } => {
                let old = std::mem::replace(&mut project.title, title);
                Command::SetProjectTitle { title: old }
            }
        })
    }
}

/// Commands for what people mean. Each returns `None` when it would change nothing.
pub mod edits {
    use super::*;
    use crate::model::Tag;

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
        let a = &project.articles[article];
        let text = &a.text;
        // Trim white space and never split a character.
        let slice = text.get(span.range())?;
        let start = span.start + (slice.len() - slice.trim_start().len());
        let end = span.start + slice.trim_end().len();
        if start >= end {
            return None;
        }
        let span = Span::new(start, end);
        let sentence = a.sentences.iter().position(|s| s.contains(span))?;
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
        let second_start =
            at + (a.text[at..old.end].len() - a.text[at..old.end].trim_start().len());
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
                let mut head = ann.clone();
                head.loaded_phrases.retain(|p| first.contains(*p));
                let tail = Annotation {
                    tag: None,
                    note: None,
                    loaded_phrases: ann
                        .loaded_phrases
                        .iter()
                        .copied()
                        .filter(|p| second.contains(*p))
                        .collect(),
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
            let mut phrases = x.loaded_phrases;
            phrases.extend(y.loaded_phrases);
            merged.insert(
                reviewer.clone(),
                Annotation {
                    tag: x.tag.or(y.tag),
                    note,
                    loaded_phrases: phrases,
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
}

#[cfg(test)]
mod tests {
    use super::edits::*;
    use super::*;
    use crate::model::Tag;
    use crate::validate;
    use jiff::Timestamp;

    fn project() -> (Project, ReviewerId) {
        let mut p = Project::new("P", Timestamp::UNIX_EPOCH);
        let r = p.add_reviewer("Ann");
        p.articles.push(Article::new(
            "a".into(),
            "A",
            "One two. Three four five. Six.",
        ));
        (p, r)
    }

    fn apply(p: &mut Project, c: Command) -> Command {
        c.apply(p).unwrap()
    }

    #[test]
    fn every_command_is_undone_by_its_inverse() {
        let (mut p, r) = project();
        let original = p.clone();
        let mut undo = Vec::new();
        type Step<'a> = Box<dyn Fn(&Project) -> Option<Command> + 'a>;
        let steps: Vec<Step> = vec![
            Box::new(|p| set_tag(p, 0, &r, 1, Some(Tag::Quote))),
            Box::new(|p| set_note(p, 0, &r, 1, "who said it?")),
            Box::new(|p| toggle_phrase(p, 0, &r, Span::new(15, 20))),
            Box::new(|p| split_sentence(p, 0, 1, 15)),
            Box::new(|p| merge_with_next(p, 0, 0)),
            Box::new(|_| {
                Some(Command::SetArticleTitle {
                    article: 0,
                    title: "New".into(),
                })
            }),
            Box::new(|_| {
                Some(Command::InsertArticle {
                    index: 1,
                    article: Box::new(Article::new("b".into(), "B", "X.")),
                })
            }),
            Box::new(|_| {
                Some(Command::InsertReviewer {
                    index: 1,
                    reviewer: Reviewer {
                        id: "bo".into(),
                        name: "Bo".into(),
                    },
                })
            }),
            Box::new(|_| Some(Command::SetProjectTitle { title: "Q".into() })),
        ];
        for step in &steps {
            let c = step(&p).expect("a change");
            undo.push(apply(&mut p, c));
            assert_eq!(validate::check(&p), vec![]);
        }
        while let Some(c) = undo.pop() {
            apply(&mut p, c);
        }
        assert_eq!(p, original);
    }

    #[test]
    fn no_op_edits_make_no_command() {
        let (mut p, r) = project();
        let c = set_tag(&p, 0, &r, 0, Some(Tag::Fact)).unwrap();
        apply(&mut p, c);
        assert_eq!(set_tag(&p, 0, &r, 0, Some(Tag::Fact)), None);
        assert_eq!(set_note(&p, 0, &r, 0, "  "), None);
        assert_eq!(
            toggle_phrase(&p, 0, &r, Span::new(3, 4)),
            None,
            "only white space"
        );
    }

    #[test]
    fn phrases_toggle_and_stay_inside_their_sentence() {
        let (mut p, r) = project();
        let c = toggle_phrase(&p, 0, &r, Span::new(9, 20)).unwrap(); // "Three four "
        apply(&mut p, c);
        let ann = p.articles[0].annotation(&r, 1).unwrap();
        assert_eq!(p.articles[0].slice(ann.loaded_phrases[0]), "Three four");
        assert_eq!(ann.tag, None);
        let c = toggle_phrase(&p, 0, &r, Span::new(15, 16)).unwrap();
        apply(&mut p, c);
        assert!(
            p.articles[0].annotations.is_empty(),
            "unmarking leaves nothing"
        );
        assert_eq!(
            toggle_phrase(&p, 0, &r, Span::new(5, 12)),
            None,
            "across two sentences"
        );
    }

    #[test]
    fn split_and_merge_move_annotations_with_their_sentences() {
        let (mut p, r) = project();
        for (s, t) in [(0, Tag::Fact), (1, Tag::Quote), (2, Tag::Loaded)] {
            let c = set_tag(&p, 0, &r, s, Some(t)).unwrap();
            apply(&mut p, c);
        }
        let c = split_sentence(&p, 0, 1, 15).unwrap(); // "Three" | "four five."
        apply(&mut p, c);
        let a = &p.articles[0];
        let texts: Vec<&str> = (0..a.sentences.len()).map(|i| a.sentence_text(i)).collect();
        assert_eq!(texts, ["One two.", "Three", "four five.", "Six."]);
        let tags: Vec<Option<Tag>> = (0..4)
            .map(|i| a.annotation(&r, i).and_then(|x| x.tag))
            .collect();
        assert_eq!(
            tags,
            [Some(Tag::Fact), Some(Tag::Quote), None, Some(Tag::Loaded)]
        );
        let c = merge_with_next(&p, 0, 1).unwrap();
        apply(&mut p, c);
        let a = &p.articles[0];
        assert_eq!(a.sentence_text(1), "Three four five.");
        assert_eq!(a.annotation(&r, 2).unwrap().tag, Some(Tag::Loaded));
        assert_eq!(merge_with_next(&p, 0, 2), None, "no next sentence");
        assert_eq!(split_sentence(&p, 0, 1, 9), None, "at the start");
    }
}
