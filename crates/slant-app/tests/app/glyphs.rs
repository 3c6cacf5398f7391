//! Every character the app shows has a glyph in its fonts: a character the fonts lack is drawn
//! as an empty box (a `▸` in a hint once was).

use crate::common;

use common::{app, sample_copy};
use egui::{FontFamily, FontId, Key};
use egui_kittest::kittest::{By, NodeT, Queryable};
use slant_app::dialogs::ScriptedDialogs;

/// The characters of every label and value on screen that the proportional font cannot draw.
fn missing(h: &egui_kittest::Harness<slant_app::SlantApp>) -> Vec<(char, String)> {
    let texts: Vec<String> = h
        .query_all(By::new())
        .flat_map(|n| {
            let node = n.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .collect();
    let font = FontId::new(14.0, FontFamily::Proportional);
    h.ctx.fonts_mut(|fonts| {
        texts
            .iter()
            .flat_map(|t| t.chars().map(move |c| (c, t)))
            .filter(|(c, _)| !c.is_whitespace() && !fonts.has_glyph(&font, *c))
            .map(|(c, t)| (c, t.clone()))
            .collect()
    })
}

#[test]
fn every_character_on_the_main_screens_has_a_glyph() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    // The workspace, then class view, compare mode and the shortcut sheet.
    for key in [
        None,
        Some(Key::C),
        Some(Key::C),
        Some(Key::M),
        Some(Key::F1),
    ] {
        if let Some(key) = key {
            h.key_press(key);
        }
        h.run();
        let missing = missing(&h);
        assert!(missing.is_empty(), "after {key:?}: {missing:?}");
    }
}

/// The start screen's account of a project that could not be opened (here, a text changed by
/// hand) draws every character it uses (its advice once named a menu with a `▸`, drawn as a box).
#[test]
fn every_character_of_a_refused_projects_message_has_a_glyph() {
    let (dir, path) = sample_copy();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("high-stakes meeting", "high-stakes  meeting", 1),
    )
    .unwrap();
    let h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("This project could not be opened");
    h.get_by_label_contains("its text is not the text Slant saved");
    let missing = missing(&h);
    assert!(missing.is_empty(), "{missing:?}");
}
