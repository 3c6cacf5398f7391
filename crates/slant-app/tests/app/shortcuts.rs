//! Shortcuts as a person presses them: the command table's keys, matched with exactly their
//! modifiers, every press of a frame handled in order, and every command in a menu.

use crate::common::{app, press_in_one_frame, sample_copy};
use crate::tagging::tag_of;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_app::ui_command::{Menu, UiCommand};
use slant_core::model::{ReviewerId, Tag};
use strum::IntoEnumIterator;

const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

#[test]
fn ctrl_shift_s_is_save_as_and_never_saves_over_the_open_file() {
    let (dir, path) = sample_copy();
    let elsewhere = dir.path().join("elsewhere.ron");
    let dialogs = ScriptedDialogs {
        save: vec![elsewhere.clone()],
        ..Default::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    let before = std::fs::read(&path).unwrap();
    h.get_by_label_contains("The U.S. contributed heavy bunker-buster bombs")
        .click();
    h.run();
    h.key_press(Key::Num4);
    h.run();
    h.key_press_modifiers(CMD_SHIFT, Key::S);
    h.run();
    assert!(
        elsewhere.exists(),
        "Save as… wrote the file the dialog chose"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the open file is untouched"
    );
    assert_eq!(h.state().title(), "elsewhere.ron — Slant");
}

#[test]
fn ctrl_shift_n_opens_new_article_from_text_and_keeps_the_project() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(CMD_SHIFT, Key::N);
    h.run();
    assert!(
        h.query_by_label("Add article").is_some(),
        "the New article dialog is open"
    );
    assert_eq!(
        h.state().title(),
        "class.ron — Slant",
        "the project stays open"
    );
}

#[test]
fn fast_keys_in_one_frame_are_all_handled_in_order() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains("The U.S. contributed heavy bunker-buster bombs")
        .click();
    h.run();
    // J 2 J 3 J 4 pressed faster than a frame: six key events in one frame (kittest's
    // key_press would give each its own frame).
    press_in_one_frame(
        &mut h,
        &[Key::J, Key::Num2, Key::J, Key::Num3, Key::J, Key::Num4],
    );
    h.run();
    let doc = h.state().document().unwrap();
    let r = ReviewerId::from("m-rivera");
    let tag = |s: usize| {
        doc.project.articles[0]
            .annotation(&r, s)
            .and_then(|a| a.tag)
    };
    assert_eq!(
        [tag(6), tag(7), tag(8)],
        [Some(Tag::Quote), Some(Tag::Speculation), Some(Tag::Loaded)]
    );
}

#[test]
fn every_command_is_in_a_menu_with_its_shortcut() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    for menu in Menu::iter() {
        h.get_by_label(menu.label()).click();
        h.run();
        for c in UiCommand::iter().filter(|c| c.place().menu == menu) {
            if c == UiCommand::SlantsWordListsOnly {
                continue; // listed only while a teacher's folder is in use
            }
            let label = match c {
                UiCommand::Undo => "Undo".to_owned(),
                UiCommand::Redo => "Redo".to_owned(),
                _ => c.label().to_owned(),
            };
            assert!(
                h.query_all_by_label_contains(&label).next().is_some(),
                "{c:?} is not in the {} menu",
                menu.label()
            );
        }
        h.key_press(Key::Escape);
        h.run();
    }
}

#[test]
fn never_more_columns_than_articles() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    assert!(h.query_by_label("Article in column 2").is_some());
    assert!(
        h.query_by_label("Article in column 3").is_none(),
        "two articles: a third column would repeat the first"
    );
    assert_eq!(h.state().workspace.as_ref().unwrap().columns.len(), 2);
}

/// The shortcut sheet scrolls from the keyboard: End shows its last row, Home its first.
#[test]
fn the_shortcut_sheet_scrolls_with_the_keys() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::F1);
    h.run();
    let height = 950.0;
    let top_of = |h: &egui_kittest::Harness<'_, slant_app::SlantApp>, label: &str| {
        h.get_by_label(label).rect().top()
    };
    assert!(
        top_of(&h, "Mark a loaded phrase") > height,
        "the last row starts out of view"
    );
    h.key_press(Key::End);
    h.run();
    let last = top_of(&h, "Mark a loaded phrase");
    assert!(
        last > 0.0 && last < height,
        "End shows the last row: {last}"
    );
    // Pasting is no command of the table, but it is a key a person needs to find.
    h.get_by_label("Paste an article (its text or web address)");
    h.get_by_label("Ctrl+V  with no text box active");
    h.key_press(Key::Home);
    h.run();
    let home = top_of(&h, "Mark a loaded phrase");
    assert!(home > height, "Home goes back");
    h.key_press(Key::PageDown);
    h.run();
    assert!(
        top_of(&h, "Mark a loaded phrase") < home - 300.0,
        "Page Down moves the sheet by about a page"
    );
}

/// F10 opens the File menu with the keyboard on it: ↓ goes into it and Enter chooses; Escape
/// closes it and J works again.
#[test]
fn f10_opens_the_menus_for_the_keyboard() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::F10);
    h.run();
    assert!(
        h.query_by_label_contains("Save as").is_some(),
        "the File menu is open"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Save as").is_none(),
        "Escape closed it"
    );
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(0));
    // Tab and → go on to the next menu, Shift+Tab and ← back, round the bar.
    h.key_press(Key::F10);
    h.run();
    let open = |h: &Harness<'_, SlantApp>| {
        [
            ("Save as", "File"),
            ("Next reviewer", "Edit"),
            ("Tag as Fact", "Tag"),
            ("Dark mode", "View"),
            ("Keyboard shortcuts", "Help"),
        ]
        .iter()
        .filter(|(item, _)| h.query_by_label_contains(item).is_some())
        .map(|(_, menu)| *menu)
        .collect::<Vec<_>>()
    };
    assert_eq!(open(&h), ["File"]);
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(open(&h), ["Edit"]);
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(open(&h), ["Tag"]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(open(&h), ["File"]);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(open(&h), ["Help"]);
    h.key_press(Key::Escape);
    h.run();
    assert!(open(&h).is_empty());
    h.key_press(Key::F10);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_all_by_label("Project title").next().is_some(),
        "↓ and Enter chose the menu's first item, New project…"
    );
}

/// A column's article list chosen from with the keyboard (Space opens it, ↓ and Enter choose)
/// closes on the choice, as it does on a click.
#[test]
fn the_article_list_closes_on_a_keyboard_choice() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    for _ in 0..8 {
        h.key_press(Key::J);
    }
    h.run();
    h.get_by_label("Article in column 1").focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx), "Space opened the list");
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!(ws.columns[0].article, 1, "Enter chose the second article");
    assert_eq!(
        ws.selected, None,
        "sentence 8 of the old article is not kept as sentence 8 of the new one"
    );
    assert!(!egui::Popup::is_any_open(&h.ctx), "the list closed");
}

/// The control with the keyboard is outlined, also where it is already drawn as chosen (View ▸
/// 2 columns with two columns shown), which egui's lighter fill alone left unmarked.
#[test]
fn the_focused_control_is_outlined() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::F10);
    h.run();
    for key in [Key::ArrowRight, Key::ArrowRight, Key::ArrowRight] {
        h.key_press(key);
        h.run();
    }
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    h.run();
    let item = h.get_by_label_contains("2 columns").rect();
    assert!(
        outlined(&h, item),
        "no outline around the focused menu item at {item:?}"
    );
}

/// Whether the last frame drew a focus ring around `item`.
fn outlined(h: &Harness<'static, SlantApp>, item: egui::Rect) -> bool {
    h.output()
        .shapes
        .iter()
        .any(|clipped| match &clipped.shape {
            egui::Shape::Rect(r) => {
                r.stroke.width >= 2.0
                    && r.rect.expand(4.0).contains_rect(item)
                    && item.expand(6.0).contains_rect(r.rect)
            }
            _ => false,
        })
}

/// A dialog opened over an open menu closes the menu (it stayed above the dialog and acted
/// behind it), and keys pressed in the same frame after the one that opened a dialog do not act
/// behind it.
#[test]
fn a_dialog_closes_the_menus_and_takes_the_keys_after_it() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::F10);
    h.run();
    assert!(egui::Popup::is_any_open(&h.ctx));
    // A function key still acts with the menu open (a letter would be the menu's).
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Move among buttons and lists");
    assert!(!egui::Popup::is_any_open(&h.ctx), "the menu closed");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Move among buttons and lists").is_none());
    let undo = |h: &Harness<'_, SlantApp>| {
        h.state()
            .document()
            .unwrap()
            .undo_label()
            .map(str::to_owned)
    };
    let before = undo(&h);
    // P, S and 4 in one frame (kittest's key_press gives each its own frame).
    press_in_one_frame(&mut h, &[Key::P, Key::S, Key::Num4]);
    h.run();
    h.get_by_label("Mark a loaded phrase");
    assert_eq!(undo(&h), before, "nothing was tagged behind the dialog");
}

#[test]
fn the_shortcut_sheet_opens_with_f1() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label("Tag as Quote").is_none());
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_some());
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::Questionmark); // "?" as typed
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_some());
}

#[test]
fn view_and_reviewer_controls_have_keys_too() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let ws = |h: &Harness<SlantApp>| -> (usize, Vec<usize>) {
        let w = h.state().workspace.as_ref().unwrap();
        (
            w.columns.len(),
            w.columns.iter().map(|c| c.article).collect(),
        )
    };
    assert_eq!(ws(&h), (2, vec![0, 1]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(ws(&h), (1, vec![0]));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(ws(&h), (1, vec![1]), "the next article in the column");
    assert_eq!(
        tag_of(&h, 0, 5),
        Some(Tag::Fact),
        "no tag was changed by the 1 in Ctrl+1"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    assert!(h.state().settings.dark);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(h.state().settings.synced_scroll);
    // A second reviewer, then Ctrl+R switches between them.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Add a reviewer");
    h.get_by_label_contains("The reviewer's name: the keys then tag as them");
    h.get_by_label("Your name").type_text("Sam");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let reviewer = |h: &Harness<SlantApp>| {
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .reviewer
            .clone()
            .unwrap()
    };
    assert_eq!(reviewer(&h).as_str(), "sam");
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    assert_eq!(reviewer(&h).as_str(), "m-rivera");
}

/// Tab on the start screen goes from control to control, each one named and outlined, the
/// recent list's entries among them: no stop on something the user cannot see.
#[test]
fn every_tab_stop_on_the_start_screen_is_a_control_that_shows_it() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    let mut stops = Vec::new();
    // Two rounds: the cycle goes back to its start with no stop between.
    for _ in 0..20 {
        h.key_press(Key::Tab);
        h.run();
        let node = h.get_by(|n| n.is_focused());
        let label = node.accesskit_node().label().unwrap_or_default();
        assert!(!label.is_empty(), "a Tab stop with no name");
        assert!(outlined(&h, node.rect()), "{label} is not outlined");
        stops.push(label);
    }
    let first = stops
        .iter()
        .position(|s| s == "Open sample project")
        .unwrap();
    let round = stops[first + 1..]
        .iter()
        .position(|s| s == "Open sample project")
        .unwrap()
        + 1;
    assert_eq!(
        stops[first..first + round],
        [
            "Open sample project",
            "New project",
            "Open…",
            "Netanyahu presses Trump on Iran: two outlets compared (class.ron)",
            "File",
            "Edit",
            "Tag",
            "View",
            "Help"
        ]
    );
}

/// → on File ▸ Open recent goes into its list and ← back out of it, as menus do (a keyboard
/// user found → opening the Edit menu and ← in the list the Help menu).
#[test]
fn arrows_go_into_open_recent_and_back_out() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::F10);
    h.run();
    let on_recent = (0..10).any(|_| {
        h.key_press(Key::ArrowDown);
        h.run();
        h.get_by_label("Open recent").is_focused()
    });
    assert!(on_recent, "↓ reaches Open recent");
    h.key_press(Key::ArrowRight);
    h.run();
    h.run();
    let entry = path.display().to_string();
    assert!(h.get_by_label(&entry).is_focused(), "→ went into the list");
    assert!(
        h.query_by_label_contains("Next reviewer").is_none(),
        "not the Edit menu"
    );
    h.key_press(Key::ArrowLeft);
    h.run();
    h.run();
    assert!(
        h.get_by_label("Open recent").is_focused(),
        "← came back out"
    );
    assert!(
        h.query_by_label_contains("Save as").is_some(),
        "the File menu stays"
    );
    assert!(
        h.query_by_label_contains("Keyboard shortcuts").is_none(),
        "not the Help menu"
    );
    // Out on the menu again, ← goes on to the menu before, as before.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert!(h.query_by_label_contains("Keyboard shortcuts").is_some());
}
