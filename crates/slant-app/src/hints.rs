//! Suggestions and cues for the articles on screen: the word lists in use (Slant's own plus a
//! teacher's folder, reloaded as soon as a file in it changes) and, per article, the cues and
//! suggested tags, recomputed only when the text, the sentences or the lists change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use slant_core::cues::{self, Cue, Lexicons, Suggestion};
use slant_core::model::{Annotation, Article, Span, Tag, Verdict};
use slant_core::stats::Evidence;

/// How often the teacher's folder is looked at for changes. Listing a folder is cheap; this
/// keeps it off the per-frame path while a saved edit still shows within a second.
const FOLDER_CHECK: Duration = Duration::from_millis(800);

/// Cues and suggestions of one article.
pub struct ArticleHints {
    pub cues: Vec<Cue>,
    /// One per sentence.
    pub suggestions: Vec<Option<Suggestion>>,
    pub evidence: Evidence,
    /// What they were computed from.
    key: (usize, Vec<Span>, u64),
}

impl ArticleHints {
    /// The suggestion to show for a sentence: none once the reviewer tagged it or answered this
    /// very suggestion.
    pub fn open_suggestion(
        &self,
        sentence: usize,
        annotation: Option<&Annotation>,
    ) -> Option<&Suggestion> {
        let s = self.suggestions.get(sentence)?.as_ref()?;
        let answered = annotation
            .is_some_and(|a| a.tag.is_some() || a.suggestion.is_some_and(|v| v.tag() == s.tag));
        (!answered).then_some(s)
    }

    /// The cues that touch a sentence.
    pub fn cues_in(&self, sentence: Span) -> impl Iterator<Item = &Cue> {
        self.cues
            .iter()
            .filter(move |c| c.span.start < sentence.end && sentence.start < c.span.end)
    }

    /// Sentences whose open suggestion is `tag`, for "Accept all".
    pub fn open_with_tag<'a>(
        &'a self,
        article: &'a Article,
        reviewer: &'a slant_core::model::ReviewerId,
        tag: Tag,
    ) -> impl Iterator<Item = usize> + 'a {
        // Drawn every frame: look up the reviewer's annotations once, and only for sentences
        // with a suggestion of this tag.
        let annotations = article.annotations.get(reviewer);
        self.suggestions
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.as_ref().is_some_and(|s| s.tag == tag))
            .map(|(i, _)| i)
            .filter(move |&i| {
                self.open_suggestion(i, annotations.and_then(|a| a.get(&i)))
                    .is_some()
            })
    }
}

/// The word lists in use and the cues they give.
pub struct Hints {
    lexicons: Arc<Lexicons>,
    folder: Option<PathBuf>,
    stamp: Vec<(String, u64, Option<SystemTime>)>,
    checked: Option<Instant>,
    /// Files of the teacher's folder that could not be used, as messages to show.
    pub problems: Vec<String>,
    /// Bumped whenever the lists change.
    generation: u64,
    articles: HashMap<usize, ArticleHints>,
}

impl Hints {
    pub fn new(folder: Option<&Path>) -> Hints {
        let mut hints = Hints {
            lexicons: Arc::new(Lexicons::builtin().clone()),
            folder: None,
            stamp: Vec::new(),
            checked: None,
            problems: Vec::new(),
            generation: 0,
            articles: HashMap::new(),
        };
        hints.set_folder(folder);
        hints
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Uses a teacher's folder (or none) from now on.
    pub fn set_folder(&mut self, folder: Option<&Path>) {
        self.folder = folder.map(Path::to_path_buf);
        self.reload();
    }

    fn reload(&mut self) {
        let (lexicons, problems) = match &self.folder {
            Some(dir) => {
                self.stamp = cues::folder_stamp(dir);
                Lexicons::with_folder(dir)
            }
            None => (Lexicons::builtin().clone(), Vec::new()),
        };
        self.lexicons = Arc::new(lexicons);
        self.problems = problems.iter().map(ToString::to_string).collect();
        self.generation += 1;
    }

    /// Reloads the teacher's lists when a file in the folder was added, removed or saved.
    /// Returns whether anything changed.
    pub fn poll(&mut self, now: Instant) -> bool {
        let Some(dir) = &self.folder else {
            return false;
        };
        if self
            .checked
            .is_some_and(|t| now.duration_since(t) < FOLDER_CHECK)
        {
            return false;
        }
        self.checked = Some(now);
        if cues::folder_stamp(dir) == self.stamp {
            return false;
        }
        self.reload();
        true
    }

    /// The cues and suggestions of article `index`, computed when first asked for and again
    /// only after its text, its sentences or the lists changed.
    pub fn article(&mut self, index: usize, article: &Article) -> &ArticleHints {
        self.prepare(index, article);
        &self.articles[&index]
    }

    /// Makes sure article `index` has fresh hints, for [`Hints::get`].
    pub fn prepare(&mut self, index: usize, article: &Article) {
        let fresh = self.articles.get(&index).is_some_and(|h| {
            h.key.0 == article.text.len()
                && h.key.1 == article.sentences
                && h.key.2 == self.generation
        });
        if !fresh {
            let found = cues::find(&article.text, &article.sentences, &self.lexicons);
            let suggestions = cues::suggest_all(&article.text, &article.sentences, &found);
            let words = slant_core::stats::text_counts(article).words;
            self.articles.insert(
                index,
                ArticleHints {
                    evidence: Evidence::from_cues(&found, words),
                    cues: found,
                    suggestions,
                    key: (
                        article.text.len(),
                        article.sentences.clone(),
                        self.generation,
                    ),
                },
            );
        }
    }

    /// Hints prepared this frame with [`Hints::prepare`].
    pub fn get(&self, index: usize) -> Option<&ArticleHints> {
        self.articles.get(&index)
    }
}

/// The verdict a reviewer's annotation records, for the side panel.
pub fn verdict_text(verdict: Verdict) -> String {
    match verdict {
        Verdict::Accepted(t) => format!("You accepted the suggestion {}.", t.label()),
        Verdict::Rejected(t) => format!("You dismissed the suggestion {}.", t.label()),
    }
}
