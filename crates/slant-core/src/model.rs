//! The data model: a project of articles, each split into sentences that reviewers tag.
//!
//! Text is stored once per article; sentences and loaded phrases are byte ranges into it, so a
//! project can never disagree with itself about what a sentence says. Statistics are not part of
//! the model: they are derived (see [`crate::stats`]) and only written out alongside it.

pub use crate::span::Span;
use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a sentence does for the reader, as RUBRIC.md explains the four tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tag {
    Fact,
    Quote,
    Speculation,
    Loaded,
}

impl Tag {
    pub const ALL: [Tag; 4] = [Tag::Fact, Tag::Quote, Tag::Speculation, Tag::Loaded];

    /// The lower-case key used in JSON, CSV and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Tag::Fact => "fact",
            Tag::Quote => "quote",
            Tag::Speculation => "speculation",
            Tag::Loaded => "loaded",
        }
    }

    /// The word a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Tag::Fact => "Fact",
            Tag::Quote => "Quote",
            Tag::Speculation => "Speculation",
            Tag::Loaded => "Loaded",
        }
    }

    /// The badge letter, so colour is never the only signal.
    pub fn letter(self) -> char {
        match self {
            Tag::Fact => 'F',
            Tag::Quote => 'Q',
            Tag::Speculation => 'S',
            Tag::Loaded => 'L',
        }
    }

    /// What the tag means, as RUBRIC.md explains it to students.
    pub fn explanation(self) -> &'static str {
        match self {
            Tag::Fact => "States something checkable: who did what, when, where, how many.",
            Tag::Quote => "Mainly carries someone else's words in quotation marks.",
            Tag::Speculation => "Predicts, guesses, or reports what is not confirmed.",
            Tag::Loaded => {
                "Steers the reader's feelings or judgement through word choice rather than information."
            }
        }
    }

    /// The signals that point to the tag.
    pub fn signals(self) -> &'static str {
        match self {
            Tag::Fact => "numbers, dates, named actors and actions, named sources",
            Tag::Quote => {
                "‘…’ or “…” with said / told / warned; is the speaker named or anonymous?"
            }
            Tag::Speculation => {
                "could, may, might, likely, expected to, reportedly, sources say, analysts believe, appears"
            }
            Tag::Loaded => {
                "emotive or dramatic words, labels, intensifiers, sweeping generalisations, unsourced verdicts"
            }
        }
    }

    /// Parses a key or label, ignoring case (`fact`, `Quote`, `LOADED`).
    pub fn from_key(key: &str) -> Option<Tag> {
        Tag::ALL
            .into_iter()
            .find(|t| t.key().eq_ignore_ascii_case(key.trim()))
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}

string_id!(
    /// Stable key of a reviewer inside a project; annotations are filed under it.
    ReviewerId
);
string_id!(
    /// Stable key of an article inside a project, used on the command line and in reports.
    ArticleId
);

/// A person who tags sentences: a teacher, a student, a reviewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    pub id: ReviewerId,
    pub name: String,
}

impl Reviewer {
    /// Whether this reviewer's name is `name` as a person would read it: case and spacing
    /// aside (`zoë  müller`, a no-break space), so one student is never two reviewers in one
    /// place and the same person in another. The app, merge, reports and the CLI all ask this.
    pub fn is_named(&self, name: &str) -> bool {
        same_name(&self.name, name)
    }
}

/// Whether two reviewers' names are one name, case and spacing aside.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// A reviewer's name as [`same_name`] compares it: lower case, one space between words.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One reviewer's judgement of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// `None` while the reviewer has marked phrases or written a note but not chosen a tag yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Loaded phrases inside this sentence: sorted, not overlapping, byte ranges into the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loaded_phrases: Vec<Span>,
    /// What the reviewer did with Slant's suggestion here, so a rejected hint stays hidden and
    /// teachers can see how much of a review was the reviewer's own call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Verdict>,
}

/// A reviewer's answer to a suggested tag. It names the tag, so rejecting a Quote hint does not
/// hide a different hint that a later lexicon gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    Accepted(Tag),
    Rejected(Tag),
}

impl Verdict {
    pub fn tag(self) -> Tag {
        match self {
            Verdict::Accepted(t) | Verdict::Rejected(t) => t,
        }
    }
}

impl Annotation {
    pub fn tagged(tag: Tag) -> Annotation {
        Annotation {
            tag: Some(tag),
            ..Annotation::default()
        }
    }

    /// An annotation that says nothing is removed rather than stored.
    pub fn is_empty(&self) -> bool {
        self.tag.is_none()
            && self.note.is_none()
            && self.loaded_phrases.is_empty()
            && self.suggestion.is_none()
    }
}

/// Annotations of one reviewer, by 0-based sentence index.
pub type ReviewerAnnotations = BTreeMap<usize, Annotation>;

/// One news article as the outlet published it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    /// The outlet that published it, as the text names it.
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    /// Who wrote it, as the page credits them ("Jane Doe and John Roe").
    pub byline: Option<String>,
    /// The article text as imported (and repaired) or as last edited; every offset in the
    /// project points into it.
    pub text: String,
    /// The text as it arrived, when import repaired it (broken lines joined, soft hyphens
    /// dropped), so that the repair can be checked and undone.
    pub original: Option<String>,
    /// Sentences in order, not overlapping, as byte ranges into `text`.
    pub sentences: Vec<Span>,
    pub annotations: BTreeMap<ReviewerId, ReviewerAnnotations>,
    /// Annotations whose sentence an edit of the text removed, kept until the reviewer puts
    /// them on a sentence or discards them: an annotation is never dropped silently.
    pub unplaced: Vec<Unplaced>,
}

/// An annotation that lost its sentence when the article's text was edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    pub reviewer: ReviewerId,
    /// The sentence as it read before the edit.
    pub sentence: String,
    /// Tag, note and verdict; its `loaded_phrases` are empty (they pointed into the old text).
    pub annotation: Annotation,
    /// The loaded phrases it marked, as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
}

/// FNV-1a over an article's text: a stable fingerprint, the same on every machine and in every
/// version, to name in messages and to tell a text changed outside Slant (project files carry it).
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Article {
    /// A new article with its sentences found by [`crate::segment::split`].
    pub fn new(id: ArticleId, title: impl Into<String>, text: impl Into<String>) -> Article {
        let text = text.into();
        let sentences = crate::segment::split(&text);
        Article {
            id,
            title: title.into(),
            outlet: None,
            url: None,
            published: None,
            byline: None,
            text,
            original: None,
            sentences,
            annotations: BTreeMap::new(),
            unplaced: Vec::new(),
        }
    }

    /// Sentence index ranges of the paragraphs: a line break between two sentences starts a new
    /// one (a break inside a sentence, from copy-paste, does not).
    pub fn paragraphs(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..self.sentences.len() {
            if self.text[self.sentences[i - 1].end..self.sentences[i].start].contains('\n') {
                out.push(start..i);
                start = i;
            }
        }
        if !self.sentences.is_empty() {
            out.push(start..self.sentences.len());
        }
        out
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].range()]
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    pub fn annotation(&self, reviewer: &ReviewerId, sentence: usize) -> Option<&Annotation> {
        self.annotations.get(reviewer)?.get(&sentence)
    }

    /// Sets (or with `None`, clears) a reviewer's tag on a sentence, keeping note and phrases.
    pub fn set_tag(&mut self, reviewer: &ReviewerId, sentence: usize, tag: Option<Tag>) {
        self.edit_annotation(reviewer, sentence, |a| a.tag = tag);
    }

    /// Edits one annotation in place, creating it if needed and removing it if it ends up empty.
    pub fn edit_annotation(
        &mut self,
        reviewer: &ReviewerId,
        sentence: usize,
        edit: impl FnOnce(&mut Annotation),
    ) {
        let by_sentence = self.annotations.entry(reviewer.clone()).or_default();
        let annotation = by_sentence.entry(sentence).or_default();
        edit(annotation);
        if annotation.is_empty() {
            by_sentence.remove(&sentence);
        }
        if by_sentence.is_empty() {
            self.annotations.remove(reviewer);
        }
    }
}

/// A set of articles under review, and the people reviewing them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub title: String,
    pub reviewers: Vec<Reviewer>,
    pub articles: Vec<Article>,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// The reviewer whose tags are the teacher's answer key, if the teacher chose one.
    pub answer_key: Option<ReviewerId>,
    /// Whether students may re-split sentences (an assignment locks them, so that every
    /// student's tags line up sentence for sentence when the teacher merges them).
    pub sentences: SentenceLock,
}

/// Whether a project's sentence boundaries may change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SentenceLock {
    #[default]
    Editable,
    /// Set by the teacher for an assignment.
    Locked,
}

impl SentenceLock {
    pub fn is_locked(self) -> bool {
        self == SentenceLock::Locked
    }
}

impl Project {
    pub fn new(title: impl Into<String>, now: Timestamp) -> Project {
        Project {
            title: title.into(),
            reviewers: Vec::new(),
            articles: Vec::new(),
            created: now,
            modified: now,
            answer_key: None,
            sentences: SentenceLock::Editable,
        }
    }

    pub fn reviewer(&self, id: &ReviewerId) -> Option<&Reviewer> {
        self.reviewers.iter().find(|r| &r.id == id)
    }

    /// A reviewer's name as a class's figures and reports show it: with the id where another
    /// reviewer has the same name, so two "Sam" rows can be told apart.
    pub fn shown_name(&self, r: &Reviewer) -> String {
        let shared = self
            .reviewers
            .iter()
            .filter(|o| o.is_named(&r.name))
            .count()
            > 1;
        if shared {
            format!("{} ({})", r.name, r.id.as_str())
        } else {
            r.name.clone()
        }
    }

    /// Finds a reviewer by id or, failing that, by name (case and spacing aside).
    pub fn find_reviewer(&self, id_or_name: &str) -> Option<&Reviewer> {
        self.reviewers
            .iter()
            .find(|r| r.id.as_str() == id_or_name)
            .or_else(|| self.reviewers.iter().find(|r| r.is_named(id_or_name)))
    }

    /// Adds a reviewer with an id made from the name, unique within the project.
    pub fn add_reviewer(&mut self, name: &str) -> ReviewerId {
        let id = self.new_reviewer_id(name);
        self.reviewers.push(Reviewer {
            id: id.clone(),
            name: name.trim().to_owned(),
        });
        id
    }

    /// A reviewer id made from `name`, unique within the project.
    pub fn new_reviewer_id(&self, name: &str) -> ReviewerId {
        ReviewerId(unique_slug(name, "reviewer", |s| {
            self.reviewers.iter().any(|r| r.id.as_str() == s)
        }))
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id.as_str() == id)
    }

    /// The article whose text is `text`: the same article imported again (a file added twice,
    /// a page saved twice) is one article, not two to tag. White space at the end (a final
    /// line break one copy has and the other not) does not make another article.
    pub fn article_with_text(&self, text: &str) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.text.trim_end() == text.trim_end())
    }

    /// An article id made from `hint` (a title or file name), unique within the project.
    pub fn new_article_id(&self, hint: &str) -> ArticleId {
        ArticleId(unique_slug(hint, "article", |s| {
            self.articles.iter().any(|a| a.id.as_str() == s)
        }))
    }
}

/// Lower-case words joined by `-`, at most six words; `fallback` when there are none.
pub(crate) fn slug(hint: &str, fallback: &str) -> String {
    let words: Vec<String> = hint
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(6)
        .collect();
    if words.is_empty() {
        fallback.to_owned()
    } else {
        words.join("-")
    }
}

/// [`slug`] made unique with the smallest free number suffix (`ann`, `ann-2`, `ann-3`).
fn unique_slug(hint: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(hint, fallback);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken(s))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_from_keys_and_labels() {
        for tag in Tag::ALL {
            assert_eq!(Tag::from_key(tag.key()), Some(tag));
            assert_eq!(Tag::from_key(&tag.label().to_uppercase()), Some(tag));
        }
        assert_eq!(Tag::from_key("opinion"), None);
    }

    #[test]
    fn ids_are_slugs_and_unique() {
        let mut p = Project::new("t", Timestamp::UNIX_EPOCH);
        assert_eq!(p.add_reviewer("Ms. Ana Díaz").as_str(), "ms-ana-díaz");
        assert_eq!(p.add_reviewer("ms ana díaz").as_str(), "ms-ana-díaz-2");
        assert_eq!(p.add_reviewer("  ").as_str(), "reviewer");
        assert_eq!(
            p.find_reviewer("MS. ANA DÍAZ").unwrap().id.as_str(),
            "ms-ana-díaz"
        );
    }

    #[test]
    fn paragraphs_break_where_the_text_breaks_lines() {
        let a = Article::new(
            "a".into(),
            "A",
            "Head line\nOne. Two.\n\nThree to U.S.\n\nPresident Trump.",
        );
        assert_eq!(a.paragraphs(), vec![0..1, 1..3, 3..4]);
    }

    #[test]
    fn empty_annotations_are_removed() {
        let mut a = Article::new("a".into(), "A", "One. Two.");
        let r = ReviewerId::from("r");
        a.set_tag(&r, 1, Some(Tag::Quote));
        assert_eq!(a.annotation(&r, 1).unwrap().tag, Some(Tag::Quote));
        a.set_tag(&r, 1, None);
        assert!(a.annotations.is_empty());
    }
}
