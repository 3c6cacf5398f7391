//! Keys typed faster than the window draws (a quick hand, a script) land where they would at a
//! slower pace: each burst is sent in one frame, as a keyboard sends it.

use crate::common::rivera;
use crate::common::{key_event, type_in_one_frame};
use crate::notes::{at_the_bunker_buster_sentence, note_of, phrases_of, tag_of};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_core::model::Tag;

/// The phrase dialog is gone and "heavy", typed into it, is marked on sentence 6.
fn the_dialog_marked_heavy(h: &Harness<SlantApp>) {
    assert!(h.query_by_label("Mark a loaded phrase").is_none());
    let phrases = phrases_of(h, 5);
    assert!(
        phrases.contains(&"heavy".to_owned()),
        "the typed phrase: {phrases:?}"
    );
}

#[test]
fn letters_typed_faster_than_a_frame_after_p_or_n_land_in_the_box_it_opens() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let tags_before = h.state().document().unwrap().project.clone();
    // "p", then the phrase, all in one frame: the dialog opens with the phrase in its box.
    type_in_one_frame(&mut h, "pheavy");
    h.run();
    h.get_by_label("Mark a loaded phrase");
    h.key_press(Key::Enter);
    h.run();
    the_dialog_marked_heavy(&h);
    // The letters were the dialog's: none of them tagged or moved anything behind it.
    for (a, b) in tags_before
        .articles
        .iter()
        .zip(&h.state().document().unwrap().project.articles)
    {
        for i in 0..a.sentences.len() {
            if i != 5 {
                assert_eq!(
                    a.annotation(&rivera(), i),
                    b.annotation(&rivera(), i),
                    "sentence {i}"
                );
            }
        }
    }
    // "j", "n" and a note in one frame: the note is the next sentence's, as typed.
    type_in_one_frame(&mut h, "jnsharp words");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 6).as_deref(), Some("sharp words"));
    // Ctrl+F and the words sought, in one frame: the words are in the Find box.
    h.input_mut()
        .events
        .push(key_event(Key::F, Modifiers::COMMAND));
    type_in_one_frame(&mut h, "zebra");
    h.run();
    assert_eq!(h.get_by_label("Find").value().as_deref(), Some("zebra"));
}

#[test]
fn keys_typed_faster_than_a_frame_after_enter_in_a_dialog_act_after_it() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    h.key_press(Key::P);
    h.run();
    // The phrase, Enter, then J and S, all in one frame.
    type_in_one_frame(&mut h, "heavy");
    h.input_mut()
        .events
        .push(key_event(Key::Enter, Modifiers::NONE));
    type_in_one_frame(&mut h, "js");
    h.run();
    the_dialog_marked_heavy(&h);
    assert_eq!(
        tag_of(&h, 6),
        Some(Tag::Speculation),
        "J then S acted after the dialog"
    );
}

/// Enter and Tab leave the note box; typed faster than a frame, the note before them stays the
/// note's and the keys after them are commands again.
#[test]
fn a_note_typed_faster_than_a_frame_keeps_its_text_and_the_keys_after_it_act() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    for (leave, sentence, tag) in [(Key::Enter, 6, Tag::Loaded), (Key::Tab, 8, Tag::Quote)] {
        // N types after a note already there.
        let expected = note_of(&h, &rivera(), sentence).unwrap_or_default() + "a note";
        type_in_one_frame(&mut h, "jna note");
        h.input_mut().events.push(key_event(leave, Modifiers::NONE));
        type_in_one_frame(&mut h, if tag == Tag::Loaded { "j4" } else { "j2" });
        h.run();
        assert_eq!(
            note_of(&h, &rivera(), sentence),
            Some(expected),
            "{leave:?}: the note as typed"
        );
        assert_eq!(
            tag_of(&h, sentence + 1),
            Some(tag),
            "{leave:?}: J and the tag key acted"
        );
        assert!(!h.ctx.text_edit_focused(), "{leave:?} left the box");
    }
}

/// A click on a sentence and a tag key faster than a frame (a script's `click 1 key 2`) tag the
/// sentence clicked, not the one selected before.
#[test]
fn a_tag_key_right_after_a_click_tags_the_clicked_sentence() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let before = tag_of(&h, 5);
    // kittest's click() would give the click a frame of its own: here it shares one with S.
    click_in_burst(&mut h, "Israeli officials claimed the strikes");
    type_in_one_frame(&mut h, "s");
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!(ws.selected, Some(7), "the click selected the sentence");
    assert_eq!(
        tag_of(&h, 7),
        Some(Tag::Speculation),
        "the clicked sentence took the tag"
    );
    assert_eq!(
        tag_of(&h, 5),
        before,
        "the sentence selected before is untouched"
    );
}

/// Runs the frames a burst plays out over: a step a frame, and a frame more after a key in a
/// menu or dialog, more frames than `run` allows.
fn play_out(h: &mut Harness<SlantApp>) {
    h.run_steps(60);
    h.run();
}

/// A key press with its modifiers, added to the next frame's burst.
fn press(h: &mut Harness<SlantApp>, key: Key, modifiers: Modifiers) {
    h.input_mut().events.push(key_event(key, modifiers));
}

/// A click at the centre of the widget labelled with `label`, added to the next frame's burst
/// (kittest's `click()` would give it a frame of its own).
fn click_in_burst(h: &mut Harness<SlantApp>, label: &str) {
    let at = h.get_by_label_contains(label).rect().center();
    click_at_in_burst(h, at);
}

/// A click at `at` (the pointer moved there, pressed, let go), added to the next frame's burst.
fn click_at_in_burst(h: &mut Harness<SlantApp>, at: egui::Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.input_mut()
        .events
        .extend([egui::Event::PointerMoved(at), button(true), button(false)]);
}

/// Ctrl+F, the words, Enter, Escape and a tag key in one burst: Find finds, the bar closes, and
/// the tag lands on the sentence found. egui reads Escape for the focus before the app runs, so
/// a late Escape once closed the box before its letters were read.
#[test]
fn a_find_typed_in_one_burst_finds_closes_and_the_tag_key_after_it_acts() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    h.key_press(Key::K);
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(3));
    assert_ne!(tag_of(&h, 5), Some(Tag::Quote));
    press(&mut h, Key::F, Modifiers::COMMAND);
    type_in_one_frame(&mut h, "bunker");
    press(&mut h, Key::Enter, Modifiers::NONE);
    press(&mut h, Key::Escape, Modifiers::NONE);
    type_in_one_frame(&mut h, "2");
    h.run();
    assert!(h.query_by_label("Find").is_none(), "Escape closed the bar");
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(5));
    assert_eq!(
        tag_of(&h, 5),
        Some(Tag::Quote),
        "2 tagged the sentence found"
    );
}

/// J, P, Escape and S in one burst: the dialog opens and closes, and S tags the next sentence
/// (for a frame the closed dialog's box still had the keyboard, and took S as typing).
#[test]
fn a_tag_key_right_after_escape_closes_a_dialog_tags() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    type_in_one_frame(&mut h, "jp");
    press(&mut h, Key::Escape, Modifiers::NONE);
    type_in_one_frame(&mut h, "s");
    h.run();
    assert!(h.query_by_label("Mark a loaded phrase").is_none());
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(6));
    assert_eq!(tag_of(&h, 6), Some(Tag::Speculation));
    assert!(phrases_of(&h, 6).is_empty());
}

/// Two phrases marked in one burst (P, words, Enter, twice): both are marked.
#[test]
fn two_phrases_marked_in_one_burst_are_both_marked() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    type_in_one_frame(&mut h, "pheavy");
    press(&mut h, Key::Enter, Modifiers::NONE);
    type_in_one_frame(&mut h, "pbombs");
    press(&mut h, Key::Enter, Modifiers::NONE);
    play_out(&mut h);
    assert!(h.query_by_label("Mark a loaded phrase").is_none());
    let phrases = phrases_of(&h, 5);
    for word in ["heavy", "bombs"] {
        assert!(phrases.iter().any(|p| p == word), "{word}: {phrases:?}");
    }
}

/// F10 and Tab in one burst open the File menu and go on to the Edit menu, as at a slower pace:
/// egui moves the keyboard with Tab before the app runs, so Tab once acted before the menu was
/// open.
#[test]
fn f10_and_tab_in_one_burst_open_the_next_menu() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    press(&mut h, Key::F10, Modifiers::NONE);
    press(&mut h, Key::Tab, Modifiers::NONE);
    h.run();
    assert!(
        h.query_by_label_contains("Next reviewer").is_some(),
        "the Edit menu is open"
    );
    assert!(
        h.query_by_label_contains("Save as").is_none(),
        "the File menu is closed"
    );
}

/// Ctrl+Shift+N, Shift+Tab (to the title), a title, Tab and the text in one burst: each field
/// has what was typed in it.
#[test]
fn the_new_article_fields_typed_in_one_burst_keep_their_text() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    press(&mut h, Key::N, Modifiers::COMMAND | Modifiers::SHIFT);
    press(&mut h, Key::Tab, Modifiers::SHIFT);
    type_in_one_frame(&mut h, "Port closed");
    press(&mut h, Key::Tab, Modifiers::NONE);
    type_in_one_frame(&mut h, "Storm closes the port.");
    h.run();
    let value = |label| h.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value("Article title"), "Port closed");
    assert_eq!(value("Article text"), "Storm closes the port.");
}

/// A tag key and then a click in one frame: the key tags the sentence selected when it was
/// typed, and the click then selects its sentence.
#[test]
fn a_tag_key_typed_before_a_click_in_one_frame_acts_first() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let clicked_before = tag_of(&h, 7);
    type_in_one_frame(&mut h, "s");
    click_in_burst(&mut h, "Israeli officials claimed the strikes");
    h.run();
    assert_eq!(tag_of(&h, 5), Some(Tag::Speculation), "S tagged sentence 6");
    assert_eq!(
        tag_of(&h, 7),
        clicked_before,
        "the clicked sentence is untouched"
    );
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(7));
}

/// A long burst of commands (a key held down, a script): every key acts, in order.
#[test]
fn a_long_burst_of_commands_loses_no_key() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    type_in_one_frame(&mut h, "jjjjjjjk3");
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(11));
    assert_eq!(tag_of(&h, 11), Some(Tag::Speculation));
}

/// F10, →, →, ↓, ↓ and Enter in one burst choose the same menu item as at a slower pace, where
/// the menu opened by → is drawn before ↓ moves into it.
#[test]
fn a_menu_chosen_in_one_burst_is_the_one_chosen_slowly() {
    let keys = [
        Key::F10,
        Key::ArrowRight,
        Key::ArrowRight,
        Key::ArrowDown,
        Key::ArrowDown,
        Key::Enter,
    ];
    let mut tags = Vec::new();
    for burst in [false, true] {
        let (_dir, mut h) = at_the_bunker_buster_sentence();
        for key in keys {
            press(&mut h, key, Modifiers::NONE);
            if !burst {
                h.run();
            }
        }
        play_out(&mut h);
        assert!(
            h.query_by_label_contains("Tag as Fact").is_none(),
            "the menu closed"
        );
        tags.push(tag_of(&h, 5));
    }
    assert_eq!(tags[0], tags[1], "slow, then in one burst");
}

/// J, J, S, a click on another sentence and 4 in one burst, as at a slower pace: S tags the
/// sentence J reached, the click selects its sentence, and 4 tags that one.
#[test]
fn keys_a_click_and_keys_in_one_burst_act_in_order() {
    const CLICKED: &str = "Reports suggest Tehran could soon produce"; // sentence 10
    let mut results = Vec::new();
    for burst in [false, true] {
        let (_dir, mut h) = at_the_bunker_buster_sentence();
        let at = h.get_by_label_contains(CLICKED).rect().center();
        h.input_mut().events.push(egui::Event::PointerMoved(at));
        if !burst {
            h.run();
        }
        for c in ["j", "j", "s"] {
            type_in_one_frame(&mut h, c);
            if !burst {
                h.run();
            }
        }
        click_in_burst(&mut h, CLICKED);
        if !burst {
            h.run();
        }
        type_in_one_frame(&mut h, "4");
        h.run();
        results.push((tag_of(&h, 7), tag_of(&h, 9)));
    }
    assert_eq!(
        results[0],
        (Some(Tag::Speculation), Some(Tag::Loaded)),
        "slowly: S tags sentence 8, 4 the clicked sentence 10"
    );
    assert_eq!(results[1], results[0], "in one burst as slowly");
}

/// J, N, a note, then a click on another sentence in one burst: the note is kept, as at a
/// slower pace, and the keys after the click act on the clicked sentence.
#[test]
fn a_note_then_a_click_in_one_burst_keeps_the_note() {
    const CLICKED: &str = "Reports suggest Tehran could soon produce"; // sentence 10
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let expected = note_of(&h, &rivera(), 6).unwrap_or_default() + "ab";
    type_in_one_frame(&mut h, "jnab");
    click_in_burst(&mut h, CLICKED);
    type_in_one_frame(&mut h, "4");
    h.run();
    assert_eq!(
        note_of(&h, &rivera(), 6),
        Some(expected),
        "the note as typed"
    );
    assert_eq!(
        tag_of(&h, 9),
        Some(Tag::Loaded),
        "4 tagged the clicked sentence"
    );
}

/// Ctrl+Shift+N, Escape, J, 1, Escape, J, 2 in one burst: the dialog opens and closes, and the
/// keys after it tag as they do at a slower pace.
#[test]
fn keys_after_a_dialog_opened_and_closed_in_one_burst_act() {
    let keys = [
        (Key::N, Modifiers::COMMAND | Modifiers::SHIFT),
        (Key::Escape, Modifiers::NONE),
        (Key::J, Modifiers::NONE),
        (Key::Num1, Modifiers::NONE),
        (Key::Escape, Modifiers::NONE),
        (Key::J, Modifiers::NONE),
        (Key::Num3, Modifiers::NONE),
    ];
    let mut tags = Vec::new();
    for burst in [false, true] {
        let (_dir, mut h) = at_the_bunker_buster_sentence();
        for (key, modifiers) in keys {
            press(&mut h, key, modifiers);
            if !burst {
                h.run();
            }
        }
        h.run();
        assert!(h.query_by_label("New article from text").is_none());
        tags.push((tag_of(&h, 6), tag_of(&h, 7)));
    }
    assert_eq!(tags[0], (Some(Tag::Fact), Some(Tag::Speculation)), "slowly");
    assert_eq!(tags[1], tags[0], "in one burst as slowly");
}

/// On an untagged assignment, J, J, S, a click on a sentence below and 4 in one burst: S's
/// badge reflows the text above the sentence clicked, and the click still selects it.
#[test]
fn a_click_after_a_tag_that_reflows_the_text_selects_the_sentence_under_it() {
    const CLICKED: &str = "The June 2025 conflict marked"; // sentence 4
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("homework.ron");
    let mut project = slant_core::store::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample_projects/netanyahu_trump_assignment.ron"
    )))
    .unwrap();
    project.add_reviewer("Sam Lee");
    slant_core::store::save(&project, &path).unwrap();
    let mut h = crate::common::app(
        Some(&path),
        dir.path(),
        slant_app::dialogs::ScriptedDialogs::default(),
    );
    let sam = slant_core::model::ReviewerId::from("sam-lee");
    let tag = |h: &Harness<SlantApp>, s: usize| {
        h.state().document().unwrap().project.articles[0]
            .annotation(&sam, s)
            .and_then(|a| a.tag)
    };
    let at = h.get_by_label_contains(CLICKED).rect().left_top() + egui::vec2(40.0, 8.0);
    h.input_mut().events.push(egui::Event::PointerMoved(at));
    h.run();
    type_in_one_frame(&mut h, "jjs");
    click_at_in_burst(&mut h, at);
    type_in_one_frame(&mut h, "4");
    h.run();
    assert_eq!(tag(&h, 1), Some(Tag::Speculation));
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(3));
    assert_eq!(tag(&h, 3), Some(Tag::Loaded));
}

/// The window a pixel narrower (as when the side panel grows by a pixel for what it shows, which
/// happened between J and S in a real window), then at once a click: the text under the pointer
/// has not moved, and the click selects the sentence there. The columns' paragraphs were once
/// guessed afresh from their length on any change of width, so the text jumped for a few frames
/// and a quick click missed.
#[test]
fn a_click_right_after_the_window_narrows_a_pixel_selects_the_sentence_under_it() {
    const CLICKED: &str = "The June 2025 conflict marked"; // sentence 4
    let dir = tempfile::tempdir().unwrap();
    let mut h = crate::common::app(
        Some(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../sample_projects/netanyahu_trump_annotated.ron"
        ))),
        dir.path(),
        slant_app::dialogs::ScriptedDialogs::default(),
    );
    let before = h.get_by_label_contains(CLICKED).rect();
    let at = before.left_top() + egui::vec2(40.0, 8.0);
    h.input_mut().events.push(egui::Event::PointerMoved(at));
    h.run();
    h.set_size(egui::vec2(1499.0, 950.0));
    h.step();
    let moved = h.get_by_label_contains(CLICKED).rect().top() - before.top();
    assert!(moved.abs() < 1.0, "the sentence moved {moved} px");
    click_at_in_burst(&mut h, at);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(3));
}

/// F10 opens the menus and Escape closes them, between tags, in one burst as slowly: "F10 ←
/// Escape" (a menu moved to, then closed) once lost the keys after it in a real window.
#[test]
fn menus_opened_and_closed_in_one_burst_leave_the_tag_keys_after_them() {
    use Key::{ArrowLeft, ArrowRight, Escape, F10, J, Num1, Num2, Num3};
    let keys = [
        F10, Escape, Num1, F10, ArrowLeft, Escape, J, Num2, F10, ArrowRight, ArrowRight,
        ArrowRight, ArrowRight, Escape, J, Num3,
    ];
    let mut tags = Vec::new();
    for burst in [false, true] {
        let (_dir, mut h) = at_the_bunker_buster_sentence();
        for key in keys {
            press(&mut h, key, Modifiers::NONE);
            // A letter's or digit's key sends its character too.
            let name = key.name();
            if name.len() == 1 {
                h.input_mut()
                    .events
                    .push(egui::Event::Text(name.to_lowercase()));
            }
            if !burst {
                h.run();
            }
        }
        play_out(&mut h);
        assert!(
            h.query_by_label_contains("Tag as Fact").is_none(),
            "a menu is open"
        );
        tags.push([tag_of(&h, 5), tag_of(&h, 6), tag_of(&h, 7)]);
    }
    assert_eq!(
        tags[0],
        [Some(Tag::Fact), Some(Tag::Quote), Some(Tag::Speculation)],
        "slowly"
    );
    assert_eq!(tags[0], tags[1], "slow, then in one burst");
}

/// A click on a sentence, then at once a click on the side panel's "F Fact": the tag goes to
/// the sentence clicked, as at a slower pace (both clicks in one frame once tagged the sentence
/// selected before).
#[test]
fn a_click_on_a_sentence_then_on_a_tag_button_in_one_burst_tags_the_clicked_sentence() {
    const CLICKED: &str = "Reports suggest Tehran could soon produce"; // sentence 10
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let before = tag_of(&h, 5);
    click_in_burst(&mut h, CLICKED);
    let fact = h.get_by_label("F Fact").rect().center();
    click_at_in_burst(&mut h, fact);
    play_out(&mut h);
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(9));
    assert_eq!(tag_of(&h, 9), Some(Tag::Fact));
    assert_eq!(
        tag_of(&h, 5),
        before,
        "the sentence selected before is untouched"
    );
}

/// The wheel turned over a column, then a click and 4: in the same frame as the wheel, or a
/// frame later while the text still slides, the click selects the sentence under the pointer
/// once the column has come to rest, as it does when the click comes after the scrolling.
#[test]
fn a_click_right_after_the_wheel_selects_the_sentence_under_it_once_scrolled() {
    let mut results = Vec::new();
    // Frames between the wheel and the click: as many as it takes, none, one.
    for frames in [None, Some(0), Some(1)] {
        let (_dir, mut h) = at_the_bunker_buster_sentence();
        let at = h
            .get_by_label_contains("The June 2025 conflict marked")
            .rect()
            .center();
        h.input_mut().events.push(egui::Event::PointerMoved(at));
        h.run();
        for _ in 0..5 {
            h.input_mut().events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, -3.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            });
        }
        match frames {
            None => play_out(&mut h),
            Some(n) => h.run_steps(n),
        }
        click_at_in_burst(&mut h, at);
        type_in_one_frame(&mut h, "4");
        play_out(&mut h);
        let selected = h.state().workspace.as_ref().unwrap().selected;
        results.push((selected, selected.and_then(|s| tag_of(&h, s))));
    }
    assert_ne!(
        results[0].0,
        Some(3),
        "the wheel moved the text under the pointer"
    );
    assert_eq!(results[0].1, Some(Tag::Loaded));
    assert_eq!(results[1], results[0], "in the wheel's frame");
    assert_eq!(results[2], results[0], "a frame after the wheel");
}
