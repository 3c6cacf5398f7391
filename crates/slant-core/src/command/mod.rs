//! Every edit to a project, as data.
//!
//! Applying a command returns its inverse, so undo and redo are two stacks of commands, and the
//! dirty mark and autosave only need to know how deep the undo stack is. The UI never edits a
//! project any other way. The functions in [`edits`] turn what a person means ("tag this
//! sentence Quote") into the command that does it.

use std::collections::BTreeMap;

use crate::model::{
    Annotation, Article, Project, Reviewer, ReviewerAnnotations, ReviewerId, SentenceLock, Span,
};

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
    /// Several commands as one step of undo ("Accept all suggested quotes").
    Batch(Vec<Command>),
    SetAnswerKey {
        reviewer: Option<ReviewerId>,
    },
    /// Locks an assignment's sentences (students cannot re-split them, so their files merge),
    /// or unlocks them.
    SetSentenceLock(SentenceLock),
    /// The whole project at once (merging students' files).
    ReplaceProject(Box<Project>),
    /// One article at once: its text edited, with its annotations re-anchored.
    ReplaceArticle {
        index: usize,
        article: Box<Article>,
    },
}

/// What a command changes, so that caches and views redo only that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Touches {
    /// Nothing an article shows (the project's title, the answer key, the lock).
    Project,
    /// One article's annotations (tags, notes, phrases).
    Annotations(usize),
    /// One article's text, sentences or details, and so its annotations too.
    Article(usize),
    /// Articles were added, removed or replaced, or the reviewers changed.
    Everything,
}

impl Command {
    /// What applying this command (or its inverse) changes.
    pub fn touches(&self, out: &mut Vec<Touches>) {
        match self {
            Command::SetAnnotation { article, .. } => out.push(Touches::Annotations(*article)),
            Command::SetSegmentation { article, .. }
            | Command::SetArticleTitle { article, .. }
            | Command::SetArticleOutlet { article, .. } => out.push(Touches::Article(*article)),
            Command::ReplaceArticle { index, .. } => out.push(Touches::Article(*index)),
            Command::InsertArticle { .. }
            | Command::RemoveArticle { .. }
            | Command::InsertReviewer { .. }
            | Command::RemoveReviewer { .. }
            | Command::ReplaceProject(_) => out.push(Touches::Everything),
            Command::SetProjectTitle { .. }
            | Command::SetAnswerKey { .. }
            | Command::SetSentenceLock(_) => out.push(Touches::Project),
            Command::Batch(commands) => commands.iter().for_each(|c| c.touches(out)),
        }
    }
}

/// Where a command changes annotations: undo and redo show it, so that no change is made out
/// of sight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub article: usize,
    /// The first sentence changed.
    pub sentence: usize,
    /// How many sentences are changed.
    pub sentences: usize,
    /// Whose annotations they are.
    pub reviewer: ReviewerId,
}

impl Command {
    /// Where this command changes annotations, when it changes one reviewer's in one article.
    pub fn place(&self) -> Option<Place> {
        let mut found: Vec<(usize, &ReviewerId, usize)> = Vec::new();
        self.annotation_places(&mut found);
        let &(article, reviewer, _) = found.first()?;
        if found.iter().any(|&(a, r, _)| a != article || r != reviewer) {
            return None;
        }
        let mut sentences: Vec<usize> = found.iter().map(|&(_, _, s)| s).collect();
        sentences.sort_unstable();
        sentences.dedup();
        Some(Place {
            article,
            sentence: sentences[0],
            sentences: sentences.len(),
            reviewer: reviewer.clone(),
        })
    }

    fn annotation_places<'c>(&'c self, out: &mut Vec<(usize, &'c ReviewerId, usize)>) {
        match self {
            Command::SetAnnotation {
                article,
                reviewer,
                sentence,
                ..
            } => out.push((*article, reviewer, *sentence)),
            Command::Batch(commands) => commands.iter().for_each(|c| c.annotation_places(out)),
            _ => {}
        }
    }
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
    /// A string longer than a project may hold is refused here, where every edit passes, so a
    /// project Slant saves always loads again.
    fn check_lengths(&self) -> Result<(), CommandError> {
        use crate::validate::{self, MAX_FIELD_BYTES, too_long};
        let mut problems = Vec::new();
        let note = |a: &Annotation, problems: &mut Vec<validate::Problem>| {
            if let Some(n) = &a.note {
                too_long(None, "the note", n, MAX_FIELD_BYTES, problems);
            }
        };
        match self {
            Command::SetAnnotation {
                annotation: Some(a),
                ..
            } => note(a, &mut problems),
            Command::SetSegmentation { annotations, .. } => annotations
                .values()
                .flat_map(|by| by.values())
                .for_each(|a| note(a, &mut problems)),
            Command::SetArticleTitle { title, .. } | Command::SetProjectTitle { title } => {
                too_long(None, "the title", title, MAX_FIELD_BYTES, &mut problems);
            }
            Command::SetArticleOutlet {
                outlet: Some(outlet),
                ..
            } => too_long(None, "the outlet", outlet, MAX_FIELD_BYTES, &mut problems),
            Command::InsertArticle { article, .. } | Command::ReplaceArticle { article, .. } => {
                validate::article_lengths(article, &mut problems);
            }
            Command::InsertReviewer { reviewer, .. } => {
                validate::reviewer_lengths(reviewer, &mut problems);
            }
            Command::ReplaceProject(project) => validate::check_lengths(project, &mut problems),
            _ => {}
        }
        match problems.first() {
            Some(p) => Err(CommandError(p.to_string())),
            None => Ok(()),
        }
    }

    /// Applies the command and returns the command that undoes it.
    pub fn apply(self, project: &mut Project) -> Result<Command, CommandError> {
        self.check_lengths()?;
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
                if project.sentences.is_locked() {
                    return Err(CommandError(
                        "the teacher locked this assignment's sentences, so they cannot be split or merged".into(),
                    ));
                }
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
                if project.articles.iter().any(|a| {
                    a.annotations.contains_key(&reviewer.id)
                        || a.unplaced.iter().any(|u| u.reviewer == reviewer.id)
                }) {
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
            Command::SetAnswerKey { reviewer } => {
                if let Some(r) = &reviewer
                    && project.reviewer(r).is_none()
                {
                    return Err(CommandError(format!("there is no reviewer \"{r}\"")));
                }
                let old = std::mem::replace(&mut project.answer_key, reviewer);
                Command::SetAnswerKey { reviewer: old }
            }
            Command::SetSentenceLock(lock) => {
                Command::SetSentenceLock(std::mem::replace(&mut project.sentences, lock))
            }
            Command::ReplaceArticle { index, article } => {
                if project.sentences.is_locked()
                    && project
                        .articles
                        .get(index)
                        .is_some_and(|a| a.sentences != article.sentences || a.text != article.text)
                {
                    return Err(CommandError(
                        "the teacher locked this assignment's sentences, so its text cannot be edited".into(),
                    ));
                }
                let a = article_mut(project, index)?;
                let old = std::mem::replace(a, *article);
                Command::ReplaceArticle {
                    index,
                    article: Box::new(old),
                }
            }
            Command::ReplaceProject(new) => {
                Command::ReplaceProject(Box::new(std::mem::replace(project, *new)))
            }
            Command::Batch(commands) => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // All or nothing: put back what already changed.
                            for inverse in inverses.into_iter().rev() {
                                inverse.apply(project).expect("an inverse applies");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Command::Batch(inverses)
            }
        })
    }
}

pub mod edits;
pub mod text;

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
    fn a_string_a_project_cannot_hold_is_refused_and_nothing_changes() {
        let (mut p, r) = project();
        let before = p.clone();
        let huge = "x".repeat(validate::MAX_FIELD_BYTES + 1);
        let note = set_note(&p, 0, &r, 1, &huge).unwrap();
        let err = note.apply(&mut p).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot apply the edit: the note is 1.0 MB, more than the 1 MB a project can hold"
        );
        let title = Command::Batch(vec![Command::SetProjectTitle { title: huge }]);
        assert!(title.apply(&mut p).is_err());
        assert_eq!(p, before);
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
    fn marking_over_marked_phrases_joins_them() {
        let (mut p, r) = project();
        // "Three" and "five" marked, then "Three four five" typed over both.
        for span in [Span::new(9, 14), Span::new(20, 24)] {
            let c = toggle_phrase(&p, 0, &r, span).unwrap();
            apply(&mut p, c);
        }
        let c = mark_phrase(&p, 0, &r, Span::new(9, 24)).unwrap();
        apply(&mut p, c);
        let ann = p.articles[0].annotation(&r, 1).unwrap();
        let phrases: Vec<&str> = ann
            .loaded_phrases
            .iter()
            .map(|s| p.articles[0].slice(*s))
            .collect();
        assert_eq!(phrases, ["Three four five"]);
        assert_eq!(
            mark_phrase(&p, 0, &r, Span::new(5, 12)),
            None,
            "across two sentences"
        );
    }

    #[test]
    fn a_locked_assignment_refuses_new_sentence_boundaries() {
        let (mut p, _) = project();
        p.sentences = crate::model::SentenceLock::Locked;
        let before = p.clone();
        let split = edits::split_sentence(&p, 0, 0, 3).expect("a split is possible");
        let err = split.apply(&mut p).unwrap_err();
        assert!(err.to_string().contains("locked"), "{err}");
        assert_eq!(p, before);
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

    /// A loaded phrase across the split keeps its words marked, a part on each sentence, and a
    /// merge makes it one again.
    #[test]
    fn a_split_through_a_loaded_phrase_cuts_it_in_two() {
        let (mut p, r) = project();
        let text = p.articles[0].text.clone();
        let at = text.find("Three four").unwrap();
        let c = mark_phrase(&p, 0, &r, Span::new(at, at + "Three four".len())).unwrap();
        apply(&mut p, c);
        let c = split_sentence(&p, 0, 1, at + "Three ".len()).unwrap();
        apply(&mut p, c);
        let a = &p.articles[0];
        let phrases = |s: usize| -> Vec<&str> {
            a.annotation(&r, s)
                .map(|x| x.loaded_phrases.iter().map(|p| a.slice(*p)).collect())
                .unwrap_or_default()
        };
        assert_eq!(phrases(1), ["Three"]);
        assert_eq!(phrases(2), ["four"]);
        // Merged again, it is one phrase again.
        let c = merge_with_next(&p, 0, 1).unwrap();
        apply(&mut p, c);
        let a = &p.articles[0];
        let merged: Vec<&str> = a
            .annotation(&r, 1)
            .map(|x| x.loaded_phrases.iter().map(|p| a.slice(*p)).collect())
            .unwrap_or_default();
        assert_eq!(merged, ["Three four"]);
    }
}
