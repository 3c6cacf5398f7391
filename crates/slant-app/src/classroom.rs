//! The teacher's File ▸ Merge students' files…: every file is merged into a copy of the project
//! first; the teacher sees what will happen (who is added, whose name was taken and what they
//! will be called) and says yes, and the merge is then one step of undo.

use super::{Modal, SlantApp};
use std::sync::Arc;

use slant_core::{merge, store};

impl SlantApp {
    pub(super) fn merge_students(&mut self) {
        if self.workspace.is_some() {
            self.ask_file(super::files::Then::Merge);
        }
    }

    /// Merges the students' `files` into a copy of the project and asks the teacher.
    pub(super) fn merge_files(&mut self, files: &[std::path::PathBuf]) {
        let Some(ws) = &self.workspace else {
            return;
        };
        let mut merged = ws.doc.project.clone();
        let mut replacing = ws.doc.project.clone();
        let mut twice = false;
        // Whether any file brings a reviewer, a newer hand-in or an article: merging files the
        // class already holds changes nothing and is not offered as a change.
        let mut changes = false;
        let mut lines = Vec::new();
        for path in files {
            let name = path.file_name().map_or(path.display().to_string(), |n| {
                n.to_string_lossy().into_owned()
            });
            let result = store::load(path)
                .map_err(|e| e.to_string())
                .and_then(|student| {
                    // Against the class as it was: a file merged before must not vouch for it.
                    merge::belongs(&ws.doc.project, &student, &name).map_err(|e| e.to_string())?;
                    merge::merge_with(&mut replacing, &student, &name, merge::Clash::Replace)
                        .map_err(|e| e.to_string())?;
                    merge::merge(&mut merged, &student, &name).map_err(|e| e.to_string())
                });
            match result {
                Ok(report) => {
                    // What the student's window never saved is not in the file merged.
                    if slant_core::document::find_recovery(path, &self.untitled_dir()).is_some() {
                        lines.push(format!(
                            "{name}: a Slant window stopped without saving work on it, which is not merged. Open the file, recover and save it, then merge it again and choose “Replace earlier work”."
                        ));
                    }
                    changes |= !report.reviewers.is_empty()
                        || !report.twice.is_empty()
                        || !report.articles_added.is_empty();
                    if report.no_work {
                        lines.push(format!(
                            "{name} holds no tags or notes: nothing of it is merged. Was the work saved under another name?"
                        ));
                    }
                    for (ours, theirs) in &report.reviewers {
                        lines.push(if ours == theirs {
                            format!("{name}: adds {ours}")
                        } else {
                            format!("{name}: the name {theirs} is taken; adds them as {ours}")
                        });
                    }
                    for r in &report.twice {
                        twice = true;
                        lines.push(format!(
                            "{name}: {r} is already here with other tags. If this is {r}'s newer hand-in, “Replace earlier work” replaces it; “Merge” keeps both, and the class figures count {r} twice."
                        ));
                    }
                    for r in &report.unchanged {
                        lines.push(format!("{name}: {r} is already here with these tags"));
                    }
                    for t in &report.articles_added {
                        lines.push(format!("{name}: adds the article “{t}”"));
                    }
                }
                Err(e) => {
                    let others = if files.len() > 1 {
                        format!(
                            " The files stay ticked in Merge students' files… (in the File menu): untick {name} to merge the others."
                        )
                    } else {
                        String::new()
                    };
                    self.modal = Some(Modal::Message {
                        title: "These files cannot be merged".into(),
                        text: format!("{e}\n\nNothing was merged.{others}"),
                    });
                    self.merge_refused = files.to_vec();
                    return;
                }
            }
        }
        self.merge_refused.clear();
        if !changes {
            if lines.is_empty() {
                lines.push("Every reviewer in these files is already here.".into());
            }
            self.modal = Some(Modal::Message {
                title: "Nothing to merge".into(),
                text: format!(
                    "{}

The project was not changed.",
                    lines.join("\n")
                ),
            });
            return;
        }
        self.modal = Some(Modal::ConfirmMerge {
            merged: Arc::new(merged),
            summary: lines.join("\n"),
            replacing: twice.then(|| Arc::new(replacing)),
        });
    }
}
