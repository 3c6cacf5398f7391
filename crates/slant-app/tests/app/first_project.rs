//! A new user's first project, from nothing: the name asked for, an article imported, and a report exported.

use crate::common::{app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;
use slant_core::store;

#[test]
fn a_new_project_asks_for_the_reviewer_then_imports_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(
        &article,
        "Storm Hits Coast\nThe storm hit at 5 a.m. Officials said it could worsen.\n",
    )
    .unwrap();
    let saved = dir.path().join("storm.ron");
    let dialogs = ScriptedDialogs {
        import: vec![article],
        save: vec![saved.clone()],
        ..Default::default()
    };
    let mut h = app(None, dir.path(), dialogs);
    h.get_by_label("New project").click();
    h.run();
    h.get_by_label("Your name").type_text("Ana Díaz");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.project.reviewers[0].name, "Ana Díaz");
    assert!(!doc.is_dirty());

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import article…").click();
    h.run();
    assert_eq!(
        h.state().document().unwrap().project.articles[0].title,
        "Storm Hits Coast"
    );
    h.get_by_label_contains("Officials said it could worsen.")
        .click();
    h.run();
    h.key_press(Key::S);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S); // no file yet: asks where
    h.run();
    let project = store::load(&saved).unwrap();
    let ana = &project.reviewers[0].id;
    assert_eq!(
        project.articles[0].annotation(ana, 2).unwrap().tag,
        Some(Tag::Speculation)
    );
}

#[test]
fn export_writes_the_chosen_report() {
    let (dir, path) = sample_copy();
    let out = dir.path().join("report.csv");
    let dialogs = ScriptedDialogs {
        export: vec![out.clone(), out.clone()],
        ..Default::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("CSV (spreadsheet)").click();
    h.get_by_label("Open the report when it is written").click(); // no browser in tests
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with(
        "\u{feff}article_id,article_title,sentence,start,end,reviewer,tag,loaded_phrases,note,text,loaded_phrase_offsets,reviewer_id"
    ));
    let rows = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .count();
    assert_eq!(rows, 63, "one row per sentence");
    // The toolbar says where it went.
    h.get_by_label(&format!("Report written to {}", out.display()));
    // The next export starts from the same choices (it went back to HTML, and to opening
    // the report, every time).
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let checked = |h: &Harness<SlantApp>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    assert!(checked(&h, "CSV (spreadsheet)"));
    assert!(!checked(&h, "HTML (prints to PDF)"));
    assert!(!checked(&h, "Open the report when it is written"));
    // Enter exports, as in the other dialogs (it did nothing).
    std::fs::remove_file(&out).unwrap();
    h.key_press(Key::Enter);
    h.run();
    assert!(out.exists(), "Enter exported");
}
