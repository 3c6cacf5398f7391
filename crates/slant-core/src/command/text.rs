//! Commands that change an article's text, and the annotations that lost their sentence.

use super::Command;
use crate::model::{Article, Project, Unplaced};
use crate::reanchor;

/// Why the text cannot be changed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextEditError {
    #[error(
        "the teacher locked this assignment's sentences, so the article's text cannot be edited"
    )]
    Locked,
    #[error("an article needs some text")]
    Empty,
}

/// The article with `text` in place of its text: sentences found again, annotations moved onto
/// them by their text, those that found no place added to its unplaced list. `None` when the
/// text is the same.
pub fn edit_text(
    project: &Project,
    article: usize,
    text: &str,
) -> Result<Option<(Command, usize)>, TextEditError> {
    if project.sentences.is_locked() {
        return Err(TextEditError::Locked);
    }
    if text.trim().is_empty() {
        return Err(TextEditError::Empty);
    }
    let Some(a) = project.articles.get(article) else {
        return Ok(None);
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text == a.text {
        return Ok(None);
    }
    let sentences = crate::segment::split(&text);
    let moved = reanchor::reanchor(a, &text, &sentences);
    let newly_unplaced = moved.unplaced.len() - a.unplaced.len();
    let edited = Article {
        text,
        sentences,
        annotations: moved.annotations,
        unplaced: moved.unplaced,
        ..a.clone()
    };
    Ok(Some((
        Command::ReplaceArticle {
            index: article,
            article: Box::new(edited),
        },
        newly_unplaced,
    )))
}

/// Puts unplaced annotation `which` on `sentence`: its tag, note and verdict join whatever
/// the reviewer has there, and its phrases are marked where the sentence still has them. What
/// cannot go there stays listed, never dropped: phrases the sentence does not have, and a tag
/// other than the one the sentence already has (the sentence keeps its own).
pub fn place(project: &Project, article: usize, which: usize, sentence: usize) -> Option<Command> {
    let a = project.articles.get(article)?;
    let item = a.unplaced.get(which)?;
    let span = *a.sentences.get(sentence)?;
    let mut edited = a.clone();
    let tag_left = match (
        a.annotation(&item.reviewer, sentence).and_then(|x| x.tag),
        item.annotation.tag,
    ) {
        (Some(mine), Some(theirs)) if mine != theirs => Some(theirs),
        _ => None,
    };
    let rest = {
        let sentence_text = &a.text[span.range()];
        let mut missing = Vec::new();
        let mut found = Vec::new();
        for phrase in &item.phrases {
            match sentence_text.find(phrase.as_str()) {
                Some(at) if !phrase.is_empty() => found.push(crate::model::Span::new(
                    span.start + at,
                    span.start + at + phrase.len(),
                )),
                _ => missing.push(phrase.clone()),
            }
        }
        edited.edit_annotation(&item.reviewer, sentence, |x| {
            x.tag = x.tag.or(item.annotation.tag);
            x.note = match (x.note.take(), &item.annotation.note) {
                (Some(mine), Some(theirs)) if &mine != theirs => Some(format!("{mine}\n{theirs}")),
                (mine, theirs) => mine.or_else(|| theirs.clone()),
            };
            x.suggestion = x.suggestion.or(item.annotation.suggestion);
            for p in found {
                if !x
                    .loaded_phrases
                    .iter()
                    .any(|q| q.start < p.end && p.start < q.end)
                {
                    x.loaded_phrases.push(p);
                }
            }
            x.loaded_phrases.sort_by_key(|p| p.start);
        });
        missing
    };
    if rest.is_empty() && tag_left.is_none() {
        edited.unplaced.remove(which);
    } else {
        edited.unplaced[which] = Unplaced {
            annotation: crate::model::Annotation {
                tag: tag_left,
                ..Default::default()
            },
            phrases: rest,
            ..item.clone()
        };
    }
    (edited != *a).then(|| Command::ReplaceArticle {
        index: article,
        article: Box::new(edited),
    })
}

/// Removes unplaced annotation `which` (undoable, like every command).
pub fn discard(project: &Project, article: usize, which: usize) -> Option<Command> {
    let a = project.articles.get(article)?;
    a.unplaced.get(which)?;
    let mut edited = a.clone();
    edited.unplaced.remove(which);
    Some(Command::ReplaceArticle {
        index: article,
        article: Box::new(edited),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReviewerId, SentenceLock, Tag};
    use jiff::Timestamp;

    fn project() -> (Project, ReviewerId) {
        let mut p = Project::new("P", Timestamp::UNIX_EPOCH);
        let r = p.add_reviewer("Ann");
        let mut a = Article::new("a".into(), "A", "First one. A brutal second. Third.");
        a.set_tag(&r, 1, Some(Tag::Loaded));
        a.edit_annotation(&r, 1, |x| {
            x.loaded_phrases = vec![crate::model::Span::new(13, 19)];
            x.note = Some("loaded adjective".into());
        });
        p.articles.push(a);
        (p, r)
    }

    #[test]
    fn an_edit_lists_what_it_could_not_place_and_undo_restores_everything() {
        let (mut p, r) = project();
        let before = p.clone();
        let (c, lost) = edit_text(&p, 0, "First one. Entirely new words here. Third.")
            .unwrap()
            .unwrap();
        assert_eq!(lost, 1);
        let undo = c.apply(&mut p).unwrap();
        let a = &p.articles[0];
        assert_eq!(a.unplaced.len(), 1);
        assert_eq!(a.unplaced[0].phrases, vec!["brutal".to_owned()]);
        assert!(a.annotations.get(&r).is_none_or(|m| m.is_empty()));
        assert_eq!(crate::validate::check(&p), vec![]);

        // Placing it on a sentence that has the phrase marks it; undo brings back the list.
        let place_cmd = place(&p, 0, 0, 1).unwrap();
        let mut placed = p.clone();
        place_cmd.apply(&mut placed).unwrap();
        let got = placed.articles[0].annotation(&r, 1).unwrap();
        assert_eq!(got.tag, Some(Tag::Loaded));
        assert_eq!(got.note.as_deref(), Some("loaded adjective"));
        // "brutal" is not in the new sentence: it stays listed, with nothing else.
        assert_eq!(
            placed.articles[0].unplaced[0].phrases,
            vec!["brutal".to_owned()]
        );
        assert_eq!(placed.articles[0].unplaced[0].annotation.tag, None);

        let discard_cmd = discard(&placed, 0, 0).unwrap();
        discard_cmd.apply(&mut placed).unwrap();
        assert!(placed.articles[0].unplaced.is_empty());

        undo.apply(&mut p).unwrap();
        assert_eq!(p, before);
    }

    /// A tag put on a sentence that has another tag of the same reviewer stays listed: the
    /// sentence keeps its own, and nothing is dropped (before, the listed Loaded vanished).
    #[test]
    fn a_tag_that_meets_another_tag_stays_listed() {
        let (mut p, r) = project();
        let (c, _) = edit_text(&p, 0, "First one. Entirely new words here. Third.")
            .unwrap()
            .unwrap();
        c.apply(&mut p).unwrap();
        p.articles[0].set_tag(&r, 2, Some(Tag::Fact));
        place(&p, 0, 0, 2).unwrap().apply(&mut p).unwrap();
        let a = &p.articles[0];
        let got = a.annotation(&r, 2).unwrap();
        assert_eq!(got.tag, Some(Tag::Fact));
        assert_eq!(got.note.as_deref(), Some("loaded adjective"));
        assert_eq!(a.unplaced.len(), 1);
        assert_eq!(a.unplaced[0].annotation.tag, Some(Tag::Loaded));
        assert_eq!(crate::validate::check(&p), vec![]);
    }

    #[test]
    fn locked_assignments_and_empty_text_are_refused() {
        let (mut p, _) = project();
        assert_eq!(edit_text(&p, 0, "  \n").unwrap_err(), TextEditError::Empty);
        assert_eq!(edit_text(&p, 0, &p.articles[0].text.clone()).unwrap(), None);
        p.sentences = SentenceLock::Locked;
        assert_eq!(
            edit_text(&p, 0, "Other.").unwrap_err().to_string(),
            "the teacher locked this assignment's sentences, so the article's text cannot be edited"
        );
    }
}
