//! The shape of a project file, version by version.
//!
//! The model never meets serde's field order or file-format history: these documents do. The
//! current document borrows from the project when saving (no copy of 50 MB of text) and owns its
//! data when loading. Older versions keep a document type of their own and convert forward.

use std::borrow::Cow;
use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{
    Article, ArticleId, Project, Reviewer, ReviewerAnnotations, ReviewerId, SentenceLock, Span,
    Unplaced,
};
use crate::stats::{self, Summary};

/// The version this Slant writes.
pub const CURRENT_VERSION: u32 = 5;

type Annotations = BTreeMap<ReviewerId, ReviewerAnnotations>;

/// Version 2: Slant's first released format. Versions 3, 4 and 5 added optional fields only, so
/// one document reads all four.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Project")]
pub struct ProjectDoc<'a> {
    pub format_version: u32,
    title: Cow<'a, str>,
    created: Timestamp,
    modified: Timestamp,
    reviewers: Cow<'a, [Reviewer]>,
    /// The reviewer whose tags are the answer key (format 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer_key: Option<Cow<'a, ReviewerId>>,
    /// `Locked` in an assignment (format 3).
    #[serde(default, skip_serializing_if = "is_editable")]
    sentences: SentenceLock,
    pub(super) articles: Vec<ArticleDoc<'a>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Article")]
pub(super) struct ArticleDoc<'a> {
    id: Cow<'a, ArticleId>,
    title: Cow<'a, str>,
    outlet: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    published: Option<Date>,
    /// Format 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    byline: Option<Cow<'a, str>>,
    /// Written for people and other tools; ignored on load, where it is recomputed.
    #[serde(default)]
    summary: SummaryField,
    text: Cow<'a, str>,
    /// The text's fingerprint as saved (format 5, [`crate::model::text_hash`] in hexadecimal):
    /// sentences are byte ranges into the text, so a text changed outside Slant (one space added
    /// by hand) would shift every sentence after the change without a word. Such a file is
    /// refused; one without a fingerprint (older, or written by another tool) is read as before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "fingerprint"
    )]
    text_hash: Option<String>,
    /// The text before import repaired it (format 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    original: Option<Cow<'a, str>>,
    sentences: Cow<'a, [Span]>,
    #[serde(deserialize_with = "unique_annotations")]
    annotations: Cow<'a, Annotations>,
    /// Annotations an edit of the text left without a sentence (format 4).
    #[serde(default, skip_serializing_if = "<[Unplaced]>::is_empty")]
    unplaced: Cow<'a, [Unplaced]>,
}

/// A map read from a project file where a repeated key is an error with its line and column,
/// not a silent overwrite (the next save would write the loss: 33 annotations instead of 63).
struct UniqueMap<K, V>(BTreeMap<K, V>);

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Ord + std::fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K, V> serde::de::Visitor<'de> for Visit<K, V>
        where
            K: Deserialize<'de> + Ord + std::fmt::Display,
            V: Deserialize<'de>,
        {
            type Value = UniqueMap<K, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<K, V>()? {
                    match out.entry(k) {
                        std::collections::btree_map::Entry::Vacant(e) => {
                            e.insert(v);
                        }
                        std::collections::btree_map::Entry::Occupied(e) => {
                            return Err(serde::de::Error::custom(format!(
                                "`{}` appears twice here; Slant would keep only the second and lose the first, so the file is not read (merge or remove one)",
                                e.key()
                            )));
                        }
                    }
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// A text fingerprint as Slant writes it, 16 hexadecimal digits; anything else is an error at
/// its own line (a damaged fingerprint was blamed on the text).
fn fingerprint<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<String>::deserialize(d)?;
    match &value {
        Some(v) if v.len() != 16 || !v.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Err(serde::de::Error::custom(format!(
                "text_hash is {v:?}, not the 16 hexadecimal digits of the text's fingerprint as Slant writes it (remove the line to read the file without the check)"
            )))
        }
        _ => Ok(value),
    }
}

/// Each reviewer once per article, each sentence once per reviewer.
fn unique_annotations<'de, 'a, D: Deserializer<'de>>(
    d: D,
) -> Result<Cow<'a, Annotations>, D::Error> {
    let outer =
        UniqueMap::<ReviewerId, UniqueMap<usize, crate::model::Annotation>>::deserialize(d)?;
    Ok(Cow::Owned(
        outer.0.into_iter().map(|(k, v)| (k, v.0)).collect(),
    ))
}

/// The summary as written (computed) or as read (skipped, whatever it holds).
#[derive(Default)]
enum SummaryField {
    Computed(Box<Summary>),
    #[default]
    Ignored,
}

impl Serialize for SummaryField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SummaryField::Computed(summary) => summary.serialize(s),
            SummaryField::Ignored => s.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for SummaryField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| SummaryField::Ignored)
    }
}

impl<'a> ProjectDoc<'a> {
    /// The whole document of `project`, summaries included.
    pub fn new(project: &'a Project) -> ProjectDoc<'a> {
        let reviewers = reviewer_ids(project);
        let mut doc = ProjectDoc::header(project);
        doc.articles = project
            .articles
            .iter()
            .map(|a| ArticleDoc::new(a, &reviewers))
            .collect();
        doc
    }

    /// The document without its articles, which [`super::chunked`] writes on their own.
    pub(super) fn header(project: &'a Project) -> ProjectDoc<'a> {
        ProjectDoc {
            format_version: CURRENT_VERSION,
            title: Cow::Borrowed(&project.title),
            created: project.created,
            modified: project.modified,
            reviewers: Cow::Borrowed(&project.reviewers),
            answer_key: project.answer_key.as_ref().map(Cow::Borrowed),
            sentences: project.sentences,
            articles: Vec::new(),
        }
    }

    /// The articles whose text is not the one their fingerprint was taken of.
    pub fn changed_texts(&self) -> Vec<crate::validate::Problem> {
        self.articles
            .iter()
            .filter(|a| {
                a.text_hash.as_deref().is_some_and(|saved| {
                    !saved
                        .eq_ignore_ascii_case(&format!("{:016x}", crate::model::text_hash(&a.text)))
                })
            })
            .map(|a| crate::validate::Problem::TextChanged {
                article: a.id.to_string(),
            })
            .collect()
    }

    pub fn into_project(self) -> Project {
        Project {
            title: self.title.into_owned(),
            reviewers: self.reviewers.into_owned(),
            created: self.created,
            modified: self.modified,
            answer_key: self.answer_key.map(Cow::into_owned),
            sentences: self.sentences,
            articles: self
                .articles
                .into_iter()
                .map(|a| Article {
                    id: a.id.into_owned(),
                    title: a.title.into_owned(),
                    outlet: a.outlet.map(Cow::into_owned),
                    url: a.url.map(Cow::into_owned),
                    published: a.published,
                    byline: a.byline.map(Cow::into_owned),
                    text: a.text.into_owned(),
                    original: a.original.map(Cow::into_owned),
                    sentences: a.sentences.into_owned(),
                    annotations: a.annotations.into_owned(),
                    unplaced: a.unplaced.into_owned(),
                })
                .collect(),
        }
    }
}

fn is_editable(lock: &SentenceLock) -> bool {
    !lock.is_locked()
}

pub(super) fn reviewer_ids(project: &Project) -> Vec<&ReviewerId> {
    project.reviewers.iter().map(|r| &r.id).collect()
}

impl<'a> ArticleDoc<'a> {
    /// The article as written, with its summary computed for `reviewers`.
    pub(super) fn new(a: &'a Article, reviewers: &[&ReviewerId]) -> ArticleDoc<'a> {
        ArticleDoc {
            id: Cow::Borrowed(&a.id),
            title: Cow::Borrowed(&a.title),
            outlet: a.outlet.as_deref().map(Cow::Borrowed),
            url: a.url.as_deref().map(Cow::Borrowed),
            published: a.published,
            byline: a.byline.as_deref().map(Cow::Borrowed),
            summary: SummaryField::Computed(Box::new(stats::summarize(
                a,
                reviewers.iter().copied(),
            ))),
            text: Cow::Borrowed(&a.text),
            text_hash: Some(format!("{:016x}", crate::model::text_hash(&a.text))),
            original: a.original.as_deref().map(Cow::Borrowed),
            sentences: Cow::Borrowed(&a.sentences),
            annotations: Cow::Borrowed(&a.annotations),
            unplaced: Cow::Borrowed(&a.unplaced),
        }
    }
}

/// Version 1: the data model as first sketched in the design notes. The outlet was called
/// `source`, sentences were `(start: N, end: N)` structs, and there were no timestamps.
pub mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[serde(rename = "Project")]
    pub struct ProjectDoc {
        #[allow(dead_code)]
        format_version: u32,
        title: String,
        reviewers: Vec<Reviewer>,
        articles: Vec<ArticleDoc>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[serde(rename = "Article")]
    struct ArticleDoc {
        id: ArticleId,
        title: String,
        source: Option<String>,
        url: Option<String>,
        published: Option<Date>,
        text: String,
        sentences: Vec<SentenceDoc>,
        annotations: Annotations,
        #[serde(default)]
        #[allow(dead_code)]
        summary: IgnoredAny,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[serde(rename = "Sentence")]
    struct SentenceDoc {
        start: usize,
        end: usize,
    }

    impl ProjectDoc {
        /// Version 1 had no timestamps; `now` stands in for both.
        pub fn migrate(self, now: Timestamp) -> Project {
            Project {
                title: self.title,
                reviewers: self.reviewers,
                created: now,
                modified: now,
                answer_key: None,
                sentences: SentenceLock::Editable,
                articles: self
                    .articles
                    .into_iter()
                    .map(|a| Article {
                        id: a.id,
                        title: a.title,
                        outlet: a.source,
                        url: a.url,
                        published: a.published,
                        byline: None,
                        text: a.text,
                        original: None,
                        sentences: a
                            .sentences
                            .into_iter()
                            .map(|s| Span::new(s.start, s.end))
                            .collect(),
                        annotations: a.annotations,
                        unplaced: Vec::new(),
                    })
                    .collect(),
            }
        }
    }
}
