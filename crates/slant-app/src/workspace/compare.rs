//! Compare mode: the first two columns' articles aligned (`slant_core::compare`), cached per edit, and
//! what each column shows of it: which of its sentences have counterparts, and which to
//! highlight because the sentence hovered or selected in the other column reports them too.

use egui::{RichText, Ui};

use super::Workspace;
use crate::article_view::CompareSide;
use slant_core::compare::align::{Difference, Side};
use slant_core::compare::coverage::{self, Coverage};
use slant_core::compare::explain;
use slant_core::compare::sources::{self, Source, SourceKind};

/// How many of a sentence's links the side panel explains.
const SHOWN_LINKS: usize = 3;

/// The comparison of the articles in columns 1 and 2, for one revision of the project.
pub struct CompareCache {
    key: [(usize, usize, usize, usize); 2],
    pub coverage: Coverage,
    pub sources: [Vec<Source>; 2],
    /// Per column, each sentence's counterparts in the other column.
    counterparts: [Vec<Vec<usize>>; 2],
    /// The two articles' names, so a link lists a headline's names as names.
    names: explain::Names,
    /// The side panel's explanation of the focused sentence's links, keyed by (column,
    /// sentence).
    why: std::cell::RefCell<Option<Explained>>,
}

/// Lines explaining one sentence's links, keyed by (column, sentence).
type Explained = ((usize, usize), Why);

/// Why a sentence is linked: to its counterparts (a pair each), and to sentences on the same
/// subject that make another claim.
#[derive(Default)]
struct Why {
    links: Vec<String>,
    related: Vec<String>,
}

impl Workspace {
    /// Aligns the first two columns' articles when they changed; `None` with fewer than two
    /// columns or the same article twice.
    pub(super) fn prepare_compare(&mut self) -> Option<&CompareCache> {
        let (a, b) = (self.columns.first()?.article, self.columns.get(1)?.article);
        let articles = &self.doc.project.articles;
        if a == b || a >= articles.len() || b >= articles.len() {
            return None;
        }
        // The alignment depends on the texts only: tagging does not redo it. A text that is
        // replaced is a new string (edit text, undo), so its address tells it apart.
        let of = |i: usize| {
            let t = &articles[i];
            (i, t.text.as_ptr() as usize, t.text.len(), t.sentences.len())
        };
        let key = [of(a), of(b)];
        if self.compare.as_ref().is_none_or(|c| c.key != key) {
            let (aa, ab) = (&articles[a], &articles[b]);
            let coverage = coverage::compare(aa, ab);
            let mut counterparts = [
                vec![Vec::new(); aa.sentences.len()],
                vec![Vec::new(); ab.sentences.len()],
            ];
            for p in &coverage.pairs {
                counterparts[0][p.a].push(p.b);
                counterparts[1][p.b].push(p.a);
            }
            self.compare = Some(CompareCache {
                key,
                sources: [sources::sources(aa), sources::sources(ab)],
                coverage,
                counterparts,
                names: explain::Names::of(&[aa, ab]),
                why: Default::default(),
            });
        }
        self.compare.as_ref()
    }

    /// The sentence the comparison follows: the one hovered (unless the keyboard moved the
    /// selection since the pointer last moved), else the one selected, as (column, sentence).
    pub(super) fn compare_focus(&self) -> Option<(usize, usize)> {
        (0..2)
            .filter(|_| self.hover_leads)
            .find_map(|c| self.columns.get(c)?.drawn.hovered.map(|s| (c, s)))
            .or_else(|| {
                self.selected
                    .filter(|_| self.focus < 2)
                    .map(|s| (self.focus, s))
            })
    }

    /// Called every frame with the pointer's position: a selection that changed hands the
    /// comparison to the selection, a pointer that moved since hands it to the hovered sentence.
    pub(super) fn follow_pointer_or_keys(&mut self, pointer: Option<egui::Pos2>) {
        let selection = (self.focus, self.selected);
        if selection != self.selection_seen.0 {
            self.selection_seen = (selection, pointer);
            self.hover_leads = false;
        } else if pointer != self.selection_seen.1 {
            self.hover_leads = true;
        }
    }

    /// What column `column` (0 or 1) shows of the comparison.
    pub(super) fn compare_side(&self, column: usize, unique_only: bool) -> Option<CompareSide> {
        let cache = self.compare.as_ref()?;
        let counterparts = cache.counterparts.get(column)?.clone();
        let highlight = match self.compare_focus() {
            Some((c, s)) if c != column => {
                cache.counterparts[c].get(s).cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        };
        Some(CompareSide {
            counterparts,
            highlight,
            unique_only,
        })
    }

    /// Why sentence `s` of column `col` is linked to each of its strongest counterparts, and to
    /// the sentences on its subject that make another claim, worked out once per sentence
    /// focused (not every frame the pointer rests on it).
    fn links_explained<'c>(
        &self,
        cache: &'c CompareCache,
        col: usize,
        s: usize,
    ) -> std::cell::Ref<'c, Why> {
        let fresh = cache
            .why
            .borrow()
            .as_ref()
            .is_none_or(|(key, _)| *key != (col, s));
        if fresh {
            let articles = &self.doc.project.articles;
            let [this, that] = [col, 1 - col].map(|c| {
                self.columns
                    .get(c)
                    .and_then(|column| articles.get(column.article))
            });
            let mut why = Why::default();
            if let (Some(this), Some(that)) = (this, that) {
                // Sentence `a` of column 1 and `b` of column 2, for the one of this column
                // and the other's `m`.
                let ends = |m: usize| if col == 0 { (s, m) } else { (m, s) };
                let [ta, tb] = if col == 0 { [this, that] } else { [that, this] };
                let matches = &cache.counterparts[col][s];
                // The strongest few: a sentence repeated through a long text can match dozens.
                for &m in matches.iter().take(SHOWN_LINKS) {
                    let (a, b) = ends(m);
                    if let Some(pair) = cache.coverage.pairs.iter().find(|p| p.a == a && p.b == b) {
                        why.links.push(format!(
                            "With sentence {} (score {:.2}), it shares {}",
                            m + 1,
                            pair.score,
                            pair.explain(ta.sentence_text(a), tb.sentence_text(b), &cache.names)
                        ));
                    }
                }
                if matches.len() > SHOWN_LINKS {
                    why.links
                        .push(format!("… and {} more", matches.len() - SHOWN_LINKS));
                }
                let other = 2 - col;
                for r in &cache.coverage.related {
                    let theirs = if col == 0 { r.b } else { r.a };
                    if ends(theirs) != (r.a, r.b) {
                        continue;
                    }
                    let guess = match r.why {
                        Difference::GuessAndReport { guessing } => {
                            if (guessing == Side::A) == (col == 0) {
                                " This one guesses; the other reports."
                            } else {
                                " This one reports; the other guesses."
                            }
                        }
                        Difference::SameSubject => "",
                    };
                    let shared =
                        explain::shared(ta.sentence_text(r.a), tb.sentence_text(r.b), &cache.names)
                            .describe();
                    // Sentences, not one parenthesis: "(both have the name Israel, this one
                    // reports…)" read as if "this one reports" were a shared word.
                    let both = if shared.is_empty() {
                        String::new()
                    } else {
                        format!(" Both have {shared}.")
                    };
                    why.related.push(format!(
                        "Same subject, another statement: sentence {} of column {other}.{both}{guess}",
                        theirs + 1
                    ));
                }
            }
            *cache.why.borrow_mut() = Some(((col, s), why));
        }
        std::cell::Ref::map(cache.why.borrow(), |w| &w.as_ref().expect("just filled").1)
    }

    /// The compare section of the side panel: shares, what differs, who speaks.
    pub fn compare_panel(&self, ui: &mut Ui) {
        let Some(cache) = &self.compare else {
            return;
        };
        let c = &cache.coverage;
        ui.heading("Compare columns 1 and 2");
        ui.label(format!(
            "Reported by both: {} of {} in column 1 ({}), {} of {} in column 2 ({})",
            c.sentences_a - c.only_a.len(),
            slant_core::wording::count(c.sentences_a, "sentence", "sentences"),
            slant_core::wording::percent(c.shared_share_a()),
            c.sentences_b - c.only_b.len(),
            c.sentences_b,
            slant_core::wording::percent(c.shared_share_b())
        ));
        ui.label(
            RichText::new(format!(
                "Only in column 1: {} · only in column 2: {}, shown by a bar in the margin and a dotted underline",
                c.only_a.len(),
                c.only_b.len()
            ))
            .weak(),
        );
        if let Some((col, s)) = self.compare_focus() {
            let matches = &cache.counterparts[col][s];
            let other = 2 - col;
            let text = if matches.is_empty() {
                format!(
                    "Sentence {} of column {}: only this article reports it",
                    s + 1,
                    col + 1
                )
            } else {
                let mut numbers = matches.clone();
                numbers.sort_unstable();
                format!(
                    "Sentence {} of column {} matches {} of column {other}",
                    s + 1,
                    col + 1,
                    coverage::sentences_named(&numbers)
                )
            };
            ui.label(text);
            // Why each link was made: a reader checks the words, not a score.
            let why = self.links_explained(cache, col, s);
            for line in &why.links {
                ui.label(line);
            }
            if !why.links.is_empty() {
                ui.label(
                    RichText::new(
                        "A score runs from 0 to 1: how much of the two sentences' words, names and numbers they share, rare ones counting more.",
                    )
                    .weak(),
                );
            }
            // The same subject told as another claim: where two outlets differ.
            for line in &why.related {
                ui.label(line);
            }
        }
        for d in &c.differing_numbers {
            ui.label(format!(
                "Figures differ: {} (column 1, sentence {}) against {} (column 2, sentence {})",
                d.shown_a,
                d.a + 1,
                d.shown_b,
                d.b + 1
            ));
        }
        ui.add_space(4.0);
        ui.label(RichText::new("Who gets to speak").strong());
        // Two columns of names share the panel's width and wrap, so a long name ("a senior
        // Israeli security official") is never cut at the panel's edge.
        let column_width = ((ui.available_width() - 90.0) / 2.0).max(60.0);
        egui::Grid::new("voices")
            .striped(true)
            .max_col_width(column_width)
            .show(ui, |ui| {
                ui.label("");
                ui.label("Column 1");
                ui.label("Column 2");
                ui.end_row();
                for (kind, label) in [
                    (SourceKind::Named, "Named"),
                    (SourceKind::Anonymous, "Anonymous"),
                    (SourceKind::Outlet, "Outlets"),
                ] {
                    ui.label(label);
                    for side in &cache.sources {
                        ui.add(egui::Label::new(sources::listed(side, kind, "\n")).wrap());
                    }
                    ui.end_row();
                }
            });
    }
}
