//! What the window shows and where: the side panel from its top, synced scrolling, the chart's wording, and a new project opened at its top.

use crate::common::{SAMPLE, app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

/// The tag-shares chart speaks of columns only when there are several (its bars were numbered
/// "1 1 1 1" under one column).
#[test]
fn the_chart_speaks_of_columns_only_when_there_are_several() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Tag shares by column");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().columns.len(), 1);
    h.get_by_label("Tag shares");
    assert!(h.query_by_label("Tag shares by column").is_none());
}

/// The side panel scrolled down to the statistics starts at its top again when J selects the
/// next sentence: its tag buttons and note are what the new selection needs.
#[test]
fn a_new_selection_shows_the_side_panel_from_its_top() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.set_size(egui::vec2(1500.0, 480.0));
    h.key_press(Key::J);
    h.run();
    let top_of = |h: &Harness<SlantApp>, label: &str| h.get_by_label(label).rect().top();
    let at_top = top_of(&h, "F Fact");
    // The wheel over the panel, as a reader scrolls to the statistics.
    let panel = h.get_by_label("30 of 30 tagged").rect().center();
    h.hover_at(panel);
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        // The label under the pointer opens its tooltip over a few frames.
        h.run_steps(8);
    }
    assert!(
        top_of(&h, "F Fact") < at_top - 100.0,
        "the wheel scrolled the panel"
    );
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(1));
    assert!(
        (top_of(&h, "F Fact") - at_top).abs() < 1.0,
        "the tag buttons are back in view"
    );
}

#[test]
fn synced_scrolling_moves_the_other_column() {
    let (dir, path) = sample_copy();
    let offsets = |h: &Harness<SlantApp>| -> Vec<f32> {
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| c.offset)
            .collect()
    };
    // Not synced: the other column stays where it is.
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.state_mut().request(slant_app::Action::Select {
        column: 0,
        sentence: 29,
    });
    h.run_steps(60);
    let apart = offsets(&h);
    assert!(apart[0] > 100.0 && apart[1] == 0.0, "{apart:?}");
    // Closed first: one file is open in one window at a time.
    drop(h);

    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.state_mut().request(slant_app::Action::ToggleSyncedScroll);
    h.run();
    assert_eq!(offsets(&h), [0.0, 0.0]);
    // Scroll the first column by selecting its last sentence, as a reader would by keyboard.
    h.state_mut().request(slant_app::Action::Select {
        column: 0,
        sentence: 29,
    });
    h.run_steps(60); // the scroll animates over several frames
    let after = offsets(&h);
    assert!(after[0] > 100.0, "{after:?}");
    assert!(after[1] > 100.0, "the other column follows: {after:?}");
}

#[test]
fn the_next_project_opens_at_its_top_not_where_the_last_one_was_scrolled() {
    let (dir, path) = sample_copy();
    let second = dir.path().join("second.ron");
    std::fs::copy(SAMPLE, &second).unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![second.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    // Down the first column by keyboard, as a reader goes: J thirty times.
    for _ in 0..30 {
        h.key_press(Key::J);
        h.run_steps(2);
    }
    h.run_steps(60); // the scroll animates over several frames
    let offset = |h: &Harness<SlantApp>| h.state().workspace.as_ref().unwrap().columns[0].offset;
    assert!(offset(&h) > 100.0, "scrolled: {}", offset(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(5);
    assert_eq!(
        h.state().workspace.as_ref().unwrap().doc.path(),
        Some(second.as_path()),
        "the second project is open"
    );
    h.run_steps(30);
    assert_eq!(offset(&h), 0.0, "its headline is in view");
}
