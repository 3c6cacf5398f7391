//! The article columns side by side: each one's article list, header and text, and the links
//! drawn between two columns in compare mode.

use egui::Ui;

use super::{Look, Workspace};
use crate::actions::Action;
use crate::article_view::{self, ViewInput};
use crate::hints::Hints;
use crate::side_panel;
use crate::ui_command::UiCommand;

impl Workspace {
    /// The article columns.
    pub fn columns(
        &mut self,
        ui: &mut Ui,
        look: Look,
        hints: &mut Hints,
        actions: &mut Vec<Action>,
    ) {
        if self.doc.project.articles.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("This project has no articles yet.");
                ui.label("Bring one in: a file (.txt, .md, or a web page saved as .html), or text copied from anywhere.");
                ui.add_space(8.0);
                if ui.button("Import an article file…").clicked() {
                    actions.push(Action::ImportArticle);
                }
                if ui
                    .button("Paste or type an article…")
                    .on_hover_text(UiCommand::NewArticleFromText.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(Action::NewArticleFromText);
                }
            });
            return;
        }
        self.sync_scroll(look.synced);
        let n = self.columns.len();
        let find = self
            .find
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        if look.class {
            for i in 0..self.columns.len() {
                self.prepare_class(self.columns[i].article);
            }
        }
        self.follow_pointer_or_keys(ui.input(|i| i.pointer.latest_pos()));
        let compare_on = look.compare && self.prepare_compare().is_some();
        let sides: Vec<Option<article_view::CompareSide>> = (0..n)
            .map(|c| {
                compare_on
                    .then(|| self.compare_side(c, look.unique_only))
                    .flatten()
            })
            .collect();
        let focus = compare_on.then(|| self.compare_focus()).flatten();
        let project = &self.doc.project;
        if look.suggestions || look.cues {
            for c in &self.columns {
                hints.prepare(c.article, &project.articles[c.article]);
            }
        }
        let hints = &*hints;
        let titles: Vec<String> = project
            .articles
            .iter()
            .map(|a| side_panel::short(&a.title, 60))
            .collect();
        let mut article_chosen = false;
        ui.columns(n, |uis| {
            for (i, ui) in uis.iter_mut().enumerate() {
                let view = &mut self.columns[i];
                let article_index = view.article;
                egui::ComboBox::from_id_salt(("column-article", i))
                    .selected_text(format!("{}: {}", i + 1, titles[article_index]))
                    .width(ui.available_width() - 8.0)
                    .show_ui(ui, |ui| {
                        for (a, t) in titles.iter().enumerate() {
                            // egui closes the list on a pointer click only: a choice made with
                            // Enter or Space closes it too.
                            if ui.selectable_value(&mut view.article, a, t).clicked() {
                                ui.close();
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            format!("Article in column {}", i + 1),
                        )
                    });
                let view_article = view.article;
                article_chosen |= view_article != article_index && i == self.focus;
                let article = &project.articles[view_article];
                article_view::header(ui, article);
                ui.separator();
                let input = ViewInput {
                    workspace: self.serial,
                    column: i,
                    article,
                    reviewer: self.reviewer.as_ref(),
                    selected: if i == self.focus { self.selected } else { None },
                    dark: look.dark,
                    font_size: look.font_size,
                    find: &find,
                    revision: (view_article, self.doc.revision(view_article).text),
                    hints: if look.suggestions || look.cues {
                        hints.get(view_article)
                    } else {
                        None
                    },
                    suggestions: look.suggestions,
                    show_cues: look.cues,
                    locked: project.sentences.is_locked(),
                    // Bars only where there is a class: a student's own file shows none, even
                    // where the teacher left the class view on (the panel says to merge).
                    class: if look.class && project.reviewers.len() >= 2 {
                        self.class.get(&view_article).map(|(_, c)| &c.agreement)
                    } else {
                        None
                    },
                    compare: sides[i].as_ref(),
                };
                article_view::show(ui, view, &input, actions);
            }
        });
        if article_chosen {
            // Sentence 8 of the old article is nothing in the new one: start from the top.
            self.commit_note();
            self.selected = None;
            self.sync_note();
        }
        if let Some((column, sentence)) = focus {
            let drawn: Vec<&article_view::Drawn> = self.columns.iter().map(|c| &c.drawn).collect();
            let links = article_view::links(&drawn, column, sentence, &sides);
            article_view::draw_links(ui, &links, look.dark);
        }
    }

    /// When synced, the column the person scrolled leads and the others follow at the same
    /// fraction of their length.
    fn sync_scroll(&mut self, synced: bool) {
        let offsets: Vec<f32> = self.columns.iter().map(|c| c.offset).collect();
        if synced
            && offsets.len() == self.last_offsets.len()
            && let Some(lead) =
                (0..offsets.len()).find(|&i| (offsets[i] - self.last_offsets[i]).abs() > 0.5)
        {
            {
                let fraction = self.columns[lead].fraction();
                for (i, c) in self.columns.iter_mut().enumerate() {
                    if i != lead {
                        let target = fraction * c.max_offset;
                        c.set_offset = Some(target);
                        c.offset = target;
                    }
                }
            }
        }
        self.last_offsets = self.columns.iter().map(|c| c.offset).collect();
    }
}
