//! The class (disagreement) view: the class's agreement per article, kept until the project
//! changes, and the panel that shows who tagged what.

use egui::{RichText, Ui};

use super::Workspace;
use crate::actions::Action;
use crate::theme;
use slant_core::agreement::{self, ArticleAgreement, KeyScore};
use slant_core::model::{ReviewerId, Tag};

/// What the class figures of an article were computed at: its revision, the answer key and
/// the reviewers (a merge or a key set changes the scores without touching the article).
pub(super) type Stamp = (u64, Option<ReviewerId>, usize);

/// The class's figures on one article, computed once per change, not every frame.
pub(super) struct ClassFigures {
    pub(super) agreement: ArticleAgreement,
    /// Each student against the answer key, in the project's order, the key left out.
    pub(super) scores: Vec<KeyScore>,
}

impl Workspace {
    /// Computes the class's figures on article `a` unless they are fresh.
    pub(super) fn prepare_class(&mut self, a: usize) {
        let project = &self.doc.project;
        let stamp = (
            self.doc.revision(a).any,
            project.answer_key.clone(),
            project.reviewers.len(),
        );
        if self.class.get(&a).is_some_and(|(s, _)| *s == stamp) {
            return;
        }
        let Some(article) = project.articles.get(a) else {
            return;
        };
        let class = agreement::class_article(project, article, project.answer_key.as_ref());
        let figures = ClassFigures {
            agreement: class.agreement,
            scores: class.scores,
        };
        self.class.insert(a, (stamp, figures));
    }

    /// The class's agreement on the focused article.
    pub fn class_agreement(&mut self) -> Option<&ArticleAgreement> {
        let a = self.focused_article()?;
        self.prepare_class(a);
        self.class.get(&a).map(|(_, c)| &c.agreement)
    }

    /// Selects the next sentence after the selection that the class split on, wrapping around.
    pub fn next_disputed(&mut self) {
        if self.doc.project.reviewers.len() < 2 {
            self.say("D needs a class: merge the students' files first (File menu, Merge students' files…)");
            return;
        }
        let Some(class) = self.class_agreement() else {
            return;
        };
        let disputed: Vec<usize> = class
            .sentences
            .iter()
            .filter(|s| s.agreement.is_some_and(|a| a < 1.0))
            .map(|s| s.number - 1)
            .collect();
        let start = self.selected.map_or(0, |s| s + 1);
        let ahead = disputed.iter().find(|&&s| s >= start);
        match ahead.or(disputed.first()) {
            Some(&s) => {
                self.select(self.focus, s);
                // Where it stands among them, and when it went round: D keeps to the focused
                // column's article (→ moves to the other).
                let k = disputed.iter().position(|&d| d == s).map_or(0, |k| k + 1);
                let round = if ahead.is_none() {
                    "; went round to the first again"
                } else {
                    ""
                };
                self.say(format!(
                    "Disputed sentence {k} of {} in this article{round}",
                    disputed.len()
                ));
            }
            None => self.say("The class tagged every sentence of this article alike"),
        }
    }

    /// The panel part of the class view: every reviewer's tag and note for the selected
    /// sentence, the student's score against the answer key, and the most disputed sentences.
    pub(super) fn class_panel(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(a) = self.focused_article() else {
            return;
        };
        self.prepare_class(a);
        let project = &self.doc.project;
        let article = &project.articles[a];
        ui.heading("Class");
        if project.reviewers.len() < 2 {
            ui.label("Merge the students' files (File menu, Merge students' files…) to see how the class tagged each sentence.");
            return;
        }
        // The whole article's figure, first and named so: under one sentence's tags it read
        // as that sentence's.
        if let Some((
            _,
            ClassFigures {
                agreement: class, ..
            },
        )) = self.class.get(&a)
        {
            ui.label(format!(
                "This article (“{}”): agreement {} · Krippendorff's α {}",
                article.title,
                class.agreement_over(),
                class
                    .krippendorff_alpha
                    .map_or("–".into(), |x| format!("{x:.2}"))
            ));
        }
        let dark = ui.visuals().dark_mode;
        if let Some(s) = self.selected {
            ui.label(RichText::new(format!("Who tagged sentence {} how", s + 1)).strong());
            for r in &project.reviewers {
                let annotation = article.annotation(&r.id, s);
                let key = project.answer_key.as_ref() == Some(&r.id);
                let name = if key {
                    format!("{} (key)", r.name)
                } else {
                    r.name.clone()
                };
                let line = match annotation.and_then(|x| x.tag) {
                    Some(t) => RichText::new(format!("{name}: {}", t.label()))
                        .color(theme::tag_text_color(t, dark)),
                    None => RichText::new(format!("{name}: untagged")).weak(),
                };
                ui.label(line);
                // Indented as a block, so a note's every line stands under its author.
                if let Some(note) = annotation.and_then(|x| x.note.as_deref()) {
                    ui.indent(("class note", &r.id), |ui| {
                        ui.label(RichText::new(format!("“{note}”")).italics());
                    });
                }
            }
            ui.add_space(6.0);
        }
        // Every student's score, whoever is tagging: a teacher must not have to make a student
        // the one tagging (where a stray key changes that student's work) to read the score.
        if let Some(key) = &project.answer_key
            && let Some(key_name) = project.reviewer(key).map(|r| r.name.as_str())
            && let Some((_, figures)) = self.class.get(&a)
        {
            ui.label(RichText::new(format!("Against the key ({key_name}), this article")).strong());
            let students = project.reviewers.iter().filter(|r| &r.id != key);
            for (r, score) in students.zip(&figures.scores) {
                let mut line = format!(
                    "{}: {} of {} agree",
                    score.reviewer,
                    score.agreed(),
                    score.compared
                );
                if let Some(k) = score.cohen_kappa {
                    line.push_str(&format!(" (κ {k:.2})"));
                }
                if score.untagged > 0 {
                    line.push_str(&format!(
                        "; {} of the key's sentences left untagged (not in the score)",
                        score.untagged
                    ));
                }
                ui.label(line);
                // The one tagging: what they mixed up.
                if self.reviewer.as_ref() == Some(&r.id) {
                    ui.indent(("mix-ups", &r.id), |ui| {
                        ui.label(format!("Mixed up: {}", score.describe_mix_ups()));
                    });
                }
            }
        }
        let Some((
            _,
            ClassFigures {
                agreement: class, ..
            },
        )) = self.class.get(&a)
        else {
            return;
        };
        let disputed = class.most_disputed(agreement::MOST_DISPUTED);
        if !disputed.is_empty() {
            ui.label(RichText::new("Most disputed, most first").strong());
            ui.label(RichText::new("D goes through every disputed sentence in text order").weak());
            for s in disputed {
                let d = s.distribution;
                // Who left it untagged is part of the split, as the class bar and the
                // command line's table say.
                let spread: Vec<String> = Tag::ALL
                    .iter()
                    .filter(|&&t| d.get(t) > 0)
                    .map(|&t| format!("{} {}", t.letter(), d.get(t)))
                    .chain((d.untagged > 0).then(|| format!("untagged {}", d.untagged)))
                    .collect();
                if ui
                    .button(format!("Sentence {}: {}", s.number, spread.join(" · ")))
                    .clicked()
                {
                    actions.push(Action::Select {
                        column: self.focus,
                        sentence: s.number - 1,
                    });
                }
            }
        }
    }
}
