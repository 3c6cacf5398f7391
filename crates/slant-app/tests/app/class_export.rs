//! A class file's reports from the real app: the export dialog asks whose report it is (one
//! student's, or the whole class's for the teacher), by mouse or by keys alone, and names the
//! file for it.

use crate::app_classroom::class_of_ann_and_bo;
use crate::common::app;

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::store;

/// Ann and Bo's class file open, its export dialog on Markdown (Slant's own file dialog, the
/// report not opened after).
fn markdown_export_of_the_class(dir: &Path) -> Harness<'static, SlantApp> {
    let (class, _, _) = class_of_ann_and_bo(dir, true);
    let dialogs = ScriptedDialogs {
        no_portal: true,
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir, dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Markdown").click();
    h.get_by_label("Open the report when it is written").click();
    h.run();
    h
}

/// Export… pressed: the file name the save dialog proposes.
fn export_and_read_the_file_name(h: &mut Harness<'static, SlantApp>) -> String {
    h.get_by_label("Export…").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "File name")
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

/// A class file's HTML or Markdown report is one reviewer's: the export dialog asks whose
/// (Export… waits until the teacher says), names them, and suggests a file name with the
/// reviewer in it, so the next student's report does not overwrite this one. Before, nobody
/// chosen failed after the file step with advice about a command-line flag, and a reviewer
/// chosen to tag was silently the report's.
#[test]
fn a_class_files_report_is_the_reviewer_the_teacher_picks_in_the_export_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = markdown_export_of_the_class(dir.path());
    h.get_by_label_contains("choose whose");
    assert!(
        h.get_by_label("Export…").accesskit_node().is_disabled(),
        "nobody chosen: nothing to export yet"
    );
    h.get_by_label("Whose report").click();
    h.run();
    h.get_by_label("Bo Park").click();
    h.run();
    h.get_by_label_contains("Bo Park's tags and notes");
    let name = export_and_read_the_file_name(&mut h);
    assert!(name.contains("Bo Park") && name.ends_with(".md"), "{name}");
    h.get_by_label("Save here").click();
    h.run();
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let report = std::fs::read_to_string(&written[0]).unwrap();
    assert!(report.contains("Bo Park"), "{report}");
    assert!(!report.contains("Ann Lee"), "{report}");
}

/// A class file's CSV holds every reviewer's tags: its file is named for the project, not for
/// the reviewer last chosen under "Whose report" (a CSV of the whole class was named for one
/// student). The row stays, greyed, for CSV, so Export… does not move when the format changes.
#[test]
fn a_class_files_csv_is_named_for_the_project_and_the_dialog_keeps_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = markdown_export_of_the_class(dir.path());
    h.get_by_label("Whose report").click();
    h.run();
    h.get_by_label("Ann Lee").click();
    h.run();
    let export_at = h.get_by_label("Export…").rect();
    h.get_by_label("CSV (spreadsheet)").click();
    h.run();
    assert!(
        h.get_by_label("Whose report")
            .accesskit_node()
            .is_disabled(),
        "greyed for CSV"
    );
    assert_eq!(h.get_by_label("Export…").rect(), export_at, "Export… moved");
    let name = export_and_read_the_file_name(&mut h);
    let title = &h.state().document().unwrap().project.title;
    assert_eq!(name, format!("{}.csv", store::file_stem_for(title)));
}

/// The teacher's report of the whole class: "Whose report" offers it first; the file is named
/// for the class and holds every student's work.
#[test]
fn the_export_dialog_offers_the_whole_class_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = markdown_export_of_the_class(dir.path());
    h.get_by_label("Whose report").click();
    h.run();
    h.get_by_label("The whole class (a teacher's report)")
        .click();
    h.run();
    h.get_by_label_contains("a teacher's report, not one to hand to a student");
    let name = export_and_read_the_file_name(&mut h);
    assert!(
        name.contains("the class") && name.ends_with(".md"),
        "{name}"
    );
    h.get_by_label("Save here").click();
    h.run();
    let report = std::fs::read_to_string(dir.path().join(&name)).unwrap();
    assert!(report.contains("Class report: **"), "{report}");
    assert!(
        report.contains("Ann Lee") && report.contains("Bo Park"),
        "{report}"
    );
    assert!(report.contains("## The class"), "{report}");
}

/// The export dialog's "Whose report" works by keys alone: Tab to it, Space opens it, the
/// arrows move and Enter chooses; then Export… is on.
#[test]
fn whose_report_is_chosen_by_keys_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (class, _, _) = class_of_ann_and_bo(dir.path(), true);
    let mut h = app(Some(&class), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let mut tabs = 0;
    while !h.get_by_label("Whose report").accesskit_node().is_focused() {
        tabs += 1;
        assert!(tabs < 10, "Tab never reached Whose report");
        h.key_press(Key::Tab);
        h.run();
    }
    // The whole class first, then Ann, then Bo.
    for key in [
        Key::Space,
        Key::ArrowDown,
        Key::ArrowDown,
        Key::ArrowDown,
        Key::Enter,
    ] {
        h.key_press(key);
        h.run();
    }
    h.get_by_label_contains("Bo Park's tags and notes");
    assert!(!h.get_by_label("Export…").accesskit_node().is_disabled());
}
