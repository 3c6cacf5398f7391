//! Bringing students' projects into the class project. Annotations are keyed by reviewer, so a
//! merge only adds: every student's tags, notes and phrases arrive intact, or, when an article
//! does not match, nothing changes at all.

use std::collections::BTreeMap;

pub use crate::model::text_hash;
use crate::model::{Article, Project, Reviewer, ReviewerId, Unplaced, same_name};

/// Why a student's project cannot be merged; the class project is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "article \"{article}\" has a different text in {source_name} than in the class project (text hash {theirs:016x}, class {ours:016x}); was it edited after the assignment went out?"
    )]
    TextDiffers {
        article: String,
        source_name: String,
        ours: u64,
        theirs: u64,
    },
    #[error(
        "article \"{article}\" is split into sentences differently in {source_name} ({theirs} sentences, class {ours}); merge the sentences back or re-split them the same way"
    )]
    SentencesDiffer {
        article: String,
        source_name: String,
        ours: usize,
        theirs: usize,
    },
    /// Not one of the file's articles is the class's (by id or by text): a hand-in for another
    /// assignment, which would add its articles and its student to every figure of this class.
    #[error(
        "{source_name} shares no article with the class project (it has {titles}), so it is work for another assignment"
    )]
    NoSharedArticle { source_name: String, titles: String },
    /// A file with no article: nothing to merge, and its reviewers would join the class's
    /// figures without a tag in them.
    #[error("{source_name} holds no article, so it holds no work on this class's articles")]
    NoArticle { source_name: String },
}

/// What a merge did, for the message after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Reviewers added, as (name in the class project, name in the student's file).
    pub reviewers: Vec<(String, String)>,
    /// Reviewers whose name was taken by someone else and got a suffix.
    pub renamed: Vec<(String, String)>,
    /// Reviewers already in the class with exactly these annotations (a file merged twice).
    pub unchanged: Vec<String>,
    /// Reviewers already in the class, of the same id and name, whose earlier work this file
    /// replaced (a student's newer hand-in, merged with [`Clash::Replace`]).
    pub replaced: Vec<String>,
    /// Reviewers of the same id and name already in the class with other annotations, added as
    /// another reviewer ([`Clash::Keep`]): if the file is that student's newer hand-in, the
    /// class figures now count them twice.
    pub twice: Vec<String>,
    /// Reviewers an earlier merge kept apart ("Zoë Müller (2)") whose work this file is, now in
    /// place of the earlier work ([`Clash::Replace`]): removed, as (removed, now counted as).
    pub no_longer_apart: Vec<(String, String)>,
    /// Articles the class did not have yet.
    pub articles_added: Vec<String>,
    /// The file holds no tag, note or phrase at all: a handout never worked on, or a copy left
    /// blank while the work was saved under another name. The teacher is told, not left to
    /// guess from silence.
    pub no_work: bool,
}

/// What to do with a reviewer of the same id and name already in the class with other
/// annotations: another student who chose the same name, or the same student's newer hand-in.
/// Only the teacher knows which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clash {
    /// Keep both: the file's reviewer is added under a free name (`Alice (2)`). Nothing is lost.
    #[default]
    Keep,
    /// The file is that reviewer's newer work: it replaces their annotations in the articles the
    /// file holds.
    Replace,
}

/// Merges `student` (read from `source_name`) into `class`, keeping both reviewers on a clash.
/// Checks everything first, so on an error `class` is unchanged.
pub fn merge(
    class: &mut Project,
    student: &Project,
    source_name: &str,
) -> Result<MergeReport, MergeError> {
    merge_with(class, student, source_name, Clash::Keep)
}

/// [`merge`], with `clash` deciding what a reviewer of the same id and name already in the class
/// with other annotations becomes.
pub fn merge_with(
    class: &mut Project,
    student: &Project,
    source_name: &str,
    clash: Clash,
) -> Result<MergeReport, MergeError> {
    belongs(class, student, source_name)?;
    for theirs in &student.articles {
        if let Some(ours) = counterpart(class, theirs).map(|i| &class.articles[i]) {
            if ours.text != theirs.text {
                return Err(MergeError::TextDiffers {
                    article: theirs.id.to_string(),
                    source_name: source_name.to_owned(),
                    ours: text_hash(&ours.text),
                    theirs: text_hash(&theirs.text),
                });
            }
            if ours.sentences != theirs.sentences {
                return Err(MergeError::SentencesDiffer {
                    article: theirs.id.to_string(),
                    source_name: source_name.to_owned(),
                    ours: ours.sentences.len(),
                    theirs: theirs.sentences.len(),
                });
            }
        }
    }
    let mut report = MergeReport {
        no_work: student
            .articles
            .iter()
            .all(|a| a.annotations.values().all(BTreeMap::is_empty)),
        ..MergeReport::default()
    };
    // Each of the student's reviewers who annotated anything gets an id in the class project.
    let mut ids: BTreeMap<ReviewerId, ReviewerId> = BTreeMap::new();
    for r in &student.reviewers {
        let annotated = student
            .articles
            .iter()
            .any(|a| a.annotations.get(&r.id).is_some_and(|m| !m.is_empty()));
        let existing = class.reviewers.iter().find(|c| c.id == r.id);
        // The same person by name as a reader takes it: `zoë  müller` is `Zoë Müller`.
        let same_person = existing.is_some_and(|c| c.is_named(&r.name));
        // The same file kept beside another's work before ("Ben (2)"): merged again, it is
        // that reviewer's already, not a third one.
        let kept_before = || {
            class.reviewers.iter().find(|c| {
                c.id != r.id
                    && is_suffixed(&c.name, &r.name)
                    && same_annotations(class, &c.id, student, &r.id)
            })
        };
        match existing {
            Some(c) if same_person && same_annotations(class, &r.id, student, &r.id) => {
                report.unchanged.push(c.name.clone());
            }
            Some(_) if !annotated => {}
            Some(_) if same_person && clash == Clash::Keep && kept_before().is_some() => {
                let kept = kept_before().map_or_else(|| r.name.clone(), |k| k.name.clone());
                report.unchanged.push(kept);
            }
            Some(c) if same_person && clash == Clash::Replace => {
                // Their newer hand-in: their earlier work in these articles goes, theirs comes.
                let name = c.name.clone();
                // This very work, kept apart by an earlier merge ("Zoë Müller (2)"), now takes
                // the earlier work's place: kept too, it would count twice. Not the answer key.
                let kept = kept_before()
                    .filter(|k| class.answer_key.as_ref() != Some(&k.id))
                    .map(|k| (k.id.clone(), k.name.clone()));
                for theirs in &student.articles {
                    if let Some(i) = counterpart(class, theirs) {
                        let ours = &mut class.articles[i];
                        ours.annotations.remove(&r.id);
                        ours.unplaced.retain(|u| u.reviewer != r.id);
                    }
                }
                if let Some((id, kept_name)) = kept {
                    class.reviewers.retain(|x| x.id != id);
                    for a in &mut class.articles {
                        a.annotations.remove(&id);
                        a.unplaced.retain(|u| u.reviewer != id);
                    }
                    report.no_longer_apart.push((kept_name, name.clone()));
                }
                report.replaced.push(name);
                ids.insert(r.id.clone(), r.id.clone());
            }
            _ if existing.is_none() && !class.reviewers.iter().any(|c| c.is_named(&r.name)) => {
                class.reviewers.push(Reviewer {
                    id: r.id.clone(),
                    name: r.name.clone(),
                });
                report.reviewers.push((r.name.clone(), r.name.clone()));
                ids.insert(r.id.clone(), r.id.clone());
            }
            _ => {
                // Someone else (or another version of this student) has the id or the name:
                // keep both, the newcomer under a free form of the name the class shows.
                let taken = class.reviewers.iter().find(|c| c.is_named(&r.name));
                let name = taken.map_or_else(|| r.name.clone(), |c| free_name(class, &c.name));
                if same_person {
                    report
                        .twice
                        .push(existing.map_or_else(String::new, |c| c.name.clone()));
                }
                let id = class.add_reviewer(&name);
                if name != r.name {
                    report.renamed.push((name.clone(), r.name.clone()));
                }
                report.reviewers.push((name, r.name.clone()));
                ids.insert(r.id.clone(), id);
            }
        }
    }
    for theirs in &student.articles {
        let ours = match counterpart(class, theirs) {
            Some(i) => &mut class.articles[i],
            None => {
                report.articles_added.push(theirs.title.clone());
                let mut fresh = theirs.clone();
                fresh.annotations.clear();
                fresh.unplaced.clear();
                class.articles.push(fresh);
                class.articles.last_mut().expect("just pushed")
            }
        };
        copy_annotations(ours, theirs, &ids);
    }
    Ok(report)
}

/// Refuses a file that shares no article with `class` (by id or by text): work for another
/// assignment, or a file with no article at all, whose reviewers would join every figure of the
/// class without a tag in it. A class with no article yet takes any file. When several files
/// are merged at once, each is checked against the class as it was before the first: a file
/// that brought a foreign article must not make the next foreign file look like the class's.
pub fn belongs(class: &Project, student: &Project, source_name: &str) -> Result<(), MergeError> {
    if class.articles.is_empty()
        || student
            .articles
            .iter()
            .any(|theirs| counterpart(class, theirs).is_some())
    {
        return Ok(());
    }
    if student.articles.is_empty() {
        return Err(MergeError::NoArticle {
            source_name: source_name.to_owned(),
        });
    }
    let titles: Vec<String> = student
        .articles
        .iter()
        .map(|a| format!("\u{201c}{}\u{201d}", a.title))
        .collect();
    Err(MergeError::NoSharedArticle {
        source_name: source_name.to_owned(),
        titles: titles.join(", "),
    })
}

/// The class's article a student's article is: the one of its id, or else the one with the
/// same text (a student who built their own project from the handout's texts has other ids;
/// adding the article again would split the class's tags of one text in two).
fn counterpart(class: &Project, theirs: &Article) -> Option<usize> {
    class
        .articles
        .iter()
        .position(|a| a.id == theirs.id)
        .or_else(|| class.articles.iter().position(|a| a.text == theirs.text))
}

fn copy_annotations(ours: &mut Article, theirs: &Article, ids: &BTreeMap<ReviewerId, ReviewerId>) {
    for (from, to) in ids {
        if let Some(by) = theirs.annotations.get(from)
            && !by.is_empty()
        {
            ours.annotations.insert(to.clone(), by.clone());
        }
        // Annotations the student's edits left without a sentence come along too, still listed.
        for item in theirs.unplaced.iter().filter(|u| &u.reviewer == from) {
            let item = Unplaced {
                reviewer: to.clone(),
                ..item.clone()
            };
            if !ours.unplaced.contains(&item) {
                ours.unplaced.push(item);
            }
        }
    }
}

/// Whether the class's reviewer `ours` has exactly the annotations the student's reviewer
/// `theirs` has, in every article of the student's file.
fn same_annotations(
    class: &Project,
    ours: &ReviewerId,
    student: &Project,
    theirs: &ReviewerId,
) -> bool {
    student.articles.iter().all(|a| {
        let their_work = a.annotations.get(theirs).filter(|m| !m.is_empty());
        let our_work = counterpart(class, a)
            .and_then(|i| class.articles[i].annotations.get(ours))
            .filter(|m| !m.is_empty());
        their_work == our_work
    })
}

/// Whether `name` is `base` (case and spacing aside) with the suffix [`free_name`] gives
/// (`Ben (2)`).
fn is_suffixed(name: &str, base: &str) -> bool {
    name.trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .is_some_and(|(stem, n)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && same_name(stem, base)
        })
}

/// `name (2)`, `name (3)`… whichever no reviewer of `class` has (case and spacing aside).
fn free_name(class: &Project, name: &str) -> String {
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !class.reviewers.iter().any(|r| r.is_named(candidate)))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;
    use jiff::Timestamp;

    fn assignment() -> Project {
        let mut p = Project::new("Homework", Timestamp::UNIX_EPOCH);
        p.articles
            .push(Article::new("a".into(), "A", "One. Two. Three."));
        p
    }

    fn student(name: &str, tags: [Tag; 3]) -> Project {
        let mut p = assignment();
        let id = p.add_reviewer(name);
        for (i, t) in tags.into_iter().enumerate() {
            p.articles[0].set_tag(&id, i, Some(t));
        }
        p.articles[0].edit_annotation(&id, 0, |a| a.note = Some(format!("{name} thinks so")));
        p
    }

    #[test]
    fn students_arrive_with_everything_and_clashes_get_a_suffix() {
        let mut class = assignment();
        let ann = student("Ann", [Tag::Fact, Tag::Quote, Tag::Loaded]);
        let bob = student("Bob", [Tag::Fact, Tag::Fact, Tag::Speculation]);
        merge(&mut class, &ann, "ann.ron").unwrap();
        merge(&mut class, &bob, "bob.ron").unwrap();
        assert_eq!(class.reviewers.len(), 2);
        let a = &class.articles[0];
        assert_eq!(
            a.annotation(&"ann".into(), 2).unwrap().tag,
            Some(Tag::Loaded)
        );
        assert_eq!(
            a.annotation(&"bob".into(), 0).unwrap().note.as_deref(),
            Some("Bob thinks so")
        );
        // The same file again changes nothing.
        let again = merge(&mut class, &ann, "ann.ron").unwrap();
        assert_eq!(again.unchanged, ["Ann"]);
        assert_eq!(class.reviewers.len(), 2);
        // Another student who also called themselves Ann keeps their work under "Ann (2)".
        let other_ann = student("Ann", [Tag::Quote, Tag::Quote, Tag::Quote]);
        let report = merge(&mut class, &other_ann, "ann-2.ron").unwrap();
        assert_eq!(report.renamed, [("Ann (2)".to_owned(), "Ann".to_owned())]);
        let id = class.find_reviewer("Ann (2)").unwrap().id.clone();
        assert_eq!(
            class.articles[0].annotation(&id, 0).unwrap().tag,
            Some(Tag::Quote)
        );
        assert_eq!(
            class.articles[0].annotation(&"ann".into(), 0).unwrap().tag,
            Some(Tag::Fact),
            "the first Ann is untouched"
        );
        assert_eq!(
            report.twice,
            ["Ann"],
            "the teacher is told she may count twice"
        );
        assert!(!report.no_work);
        // A handout never worked on is said to hold no work.
        let blank = merge(&mut class, &assignment(), "blank.ron").unwrap();
        assert!(blank.no_work, "{blank:?}");
        // That file merged again is "Ann (2)"'s already: not an "Ann (3)".
        let before = class.clone();
        let again = merge(&mut class, &other_ann, "ann-2.ron").unwrap();
        assert_eq!(again.unchanged, ["Ann (2)"]);
        assert!(
            again.reviewers.is_empty() && again.twice.is_empty(),
            "{again:?}"
        );
        assert_eq!(class, before);
    }

    /// A student who typed the name in other capitals or with other spacing (`zoë  müller`) is
    /// the same name: kept beside the first as "Zoë Müller (2)" with the warning that the class
    /// may count her twice, never as a second reviewer the reports show under the same name;
    /// merged again, nothing new; with `Clash::Replace`, her work is replaced.
    #[test]
    fn a_name_in_other_capitals_or_spacing_is_the_same_name() {
        let mut class = assignment();
        merge(
            &mut class,
            &student("Zoë Müller", [Tag::Fact, Tag::Quote, Tag::Loaded]),
            "zoe.ron",
        )
        .unwrap();
        let other = student("zoë  müller", [Tag::Quote, Tag::Quote, Tag::Quote]);
        let report = merge(&mut class, &other, "zoe-other.ron").unwrap();
        assert_eq!(
            report.renamed,
            [("Zoë Müller (2)".to_owned(), "zoë  müller".to_owned())]
        );
        assert_eq!(report.twice, ["Zoë Müller"]);
        let names: Vec<&str> = class.reviewers.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Zoë Müller", "Zoë Müller (2)"]);
        let before = class.clone();
        let again = merge(&mut class, &other, "zoe-other.ron").unwrap();
        assert_eq!(again.unchanged, ["Zoë Müller (2)"]);
        assert_eq!(class, before, "merged again, nothing new");
        let mut class = assignment();
        merge(
            &mut class,
            &student("Zoë Müller", [Tag::Fact, Tag::Quote, Tag::Loaded]),
            "zoe.ron",
        )
        .unwrap();
        let replaced = merge_with(&mut class, &other, "zoe-other.ron", Clash::Replace).unwrap();
        assert_eq!(replaced.replaced, ["Zoë Müller"]);
        assert_eq!(class.reviewers.len(), 1);
        assert_eq!(
            class.articles[0]
                .annotation(&class.reviewers[0].id, 0)
                .unwrap()
                .tag,
            Some(Tag::Quote)
        );
    }

    /// A hand-in kept apart as "Ann (2)" by a default merge, merged again with
    /// `Clash::Replace`: it takes the place of Ann's earlier work and "Ann (2)" goes, so the
    /// class counts it once (a hostile pass found it counted twice and the earlier work lost
    /// without a word).
    #[test]
    fn replacing_with_a_hand_in_kept_apart_before_counts_it_once() {
        let mut class = assignment();
        merge(
            &mut class,
            &student("Ann", [Tag::Fact, Tag::Quote, Tag::Loaded]),
            "ann.ron",
        )
        .unwrap();
        let newer = student("Ann", [Tag::Quote, Tag::Quote, Tag::Quote]);
        merge(&mut class, &newer, "ann-newer.ron").unwrap();
        assert_eq!(class.reviewers.len(), 2, "kept apart as Ann (2)");
        let report = merge_with(&mut class, &newer, "ann-newer.ron", Clash::Replace).unwrap();
        assert_eq!(report.replaced, ["Ann"]);
        assert_eq!(
            report.no_longer_apart,
            [("Ann (2)".to_owned(), "Ann".to_owned())]
        );
        let names: Vec<&str> = class.reviewers.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Ann"]);
        assert!(
            class.articles[0]
                .annotations
                .keys()
                .all(|id| id.as_str() == "ann")
        );
        assert_eq!(
            class.articles[0].annotation(&"ann".into(), 0).unwrap().tag,
            Some(Tag::Quote)
        );
    }

    /// Ann hands in again: with `Clash::Replace` her newer work replaces her earlier work, so
    /// the class figures count her once, not as "Ann" and "Ann (2)".
    #[test]
    fn a_newer_hand_in_can_replace_the_earlier_one() {
        let mut class = assignment();
        merge(
            &mut class,
            &student("Ann", [Tag::Fact, Tag::Quote, Tag::Loaded]),
            "ann.ron",
        )
        .unwrap();
        let mut newer = student("Ann", [Tag::Fact, Tag::Quote, Tag::Speculation]);
        newer.articles[0]
            .annotations
            .get_mut(&"ann".into())
            .unwrap()
            .remove(&1);
        let report = merge_with(&mut class, &newer, "ann.ron", Clash::Replace).unwrap();
        assert_eq!(report.replaced, ["Ann"]);
        assert!(report.reviewers.is_empty() && report.twice.is_empty());
        assert_eq!(class.reviewers.len(), 1);
        let a = &class.articles[0];
        let ann: ReviewerId = "ann".into();
        assert_eq!(a.annotation(&ann, 2).unwrap().tag, Some(Tag::Speculation));
        assert_eq!(a.annotation(&ann, 1), None, "what she took back is gone");
        // Another student's work is never touched by a replace.
        let mut other = assignment();
        merge(
            &mut other,
            &student("Bob", [Tag::Fact, Tag::Fact, Tag::Fact]),
            "bob.ron",
        )
        .unwrap();
        merge_with(&mut other, &newer, "ann.ron", Clash::Replace).unwrap();
        assert_eq!(other.reviewers.len(), 2);
        assert_eq!(
            other.articles[0].annotation(&"bob".into(), 0).unwrap().tag,
            Some(Tag::Fact)
        );
    }

    #[test]
    fn a_changed_text_is_refused_by_name_and_nothing_changes() {
        let mut class = assignment();
        let mut edited = student("Cy", [Tag::Fact, Tag::Fact, Tag::Fact]);
        edited.articles[0].text.push('!');
        let before = class.clone();
        let err = merge(&mut class, &edited, "cy.ron").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("article \"a\" has a different text in cy.ron"),
            "{err}"
        );
        assert_eq!(class, before);
    }

    /// A hand-in of another assignment (no article in common) is refused by name, the class left
    /// as it was; one that shares an article and adds another still merges, adding it.
    #[test]
    fn a_file_of_another_assignment_is_refused() {
        let mut class = assignment();
        let mut other = Project::new("Budget homework", Timestamp::UNIX_EPOCH);
        other.articles.push(Article::new(
            "budget".into(),
            "City council votes on budget",
            "The council voted. It passed.",
        ));
        other.add_reviewer("Dana Lee");
        let before = class.clone();
        let err = merge(&mut class, &other, "dana.ron").unwrap_err();
        assert_eq!(
            err.to_string(),
            "dana.ron shares no article with the class project (it has \u{201c}City council votes on budget\u{201d}), so it is work for another assignment"
        );
        assert_eq!(class, before);
        // A file with no article at all would add its reviewer to every figure.
        let mut empty = Project::new("Nothing", Timestamp::UNIX_EPOCH);
        empty.add_reviewer("Ghost");
        assert_eq!(
            merge(&mut class, &empty, "ghost.ron")
                .unwrap_err()
                .to_string(),
            "ghost.ron holds no article, so it holds no work on this class's articles"
        );
        assert_eq!(class, before);
        let mut more = student("Sam", [Tag::Fact, Tag::Quote, Tag::Loaded]);
        more.articles.push(other.articles[0].clone());
        let report = merge(&mut class, &more, "sam.ron").unwrap();
        assert_eq!(report.articles_added, ["City council votes on budget"]);
        // Merged after Sam's file brought its article, the other assignment's file is still
        // measured against the class as it was: the fronts check every file first.
        assert!(belongs(&before, &other, "dana.ron").is_err());
        assert!(belongs(&class, &other, "dana.ron").is_ok());
    }

    #[test]
    fn an_article_of_the_same_text_under_another_id_is_the_same_article() {
        let mut class = assignment();
        let mut sam = student("Sam", [Tag::Fact, Tag::Quote, Tag::Loaded]);
        sam.articles[0].id = "my-own-id".into();
        let report = merge(&mut class, &sam, "sam.ron").unwrap();
        assert!(report.articles_added.is_empty(), "{report:?}");
        assert_eq!(class.articles.len(), 1);
        let id = &class.find_reviewer("Sam").unwrap().id;
        assert_eq!(
            class.articles[0].annotation(id, 2).unwrap().tag,
            Some(Tag::Loaded)
        );
        // The same file merged again changes nothing (it added "Sam (2)", agreeing with Sam).
        let again = merge(&mut class, &sam, "sam.ron").unwrap();
        assert_eq!(again.unchanged, ["Sam"]);
        assert!(again.reviewers.is_empty(), "{again:?}");
        assert_eq!(class.reviewers.len(), 1);
    }
}
