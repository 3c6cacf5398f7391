//! Moving between the columns by keyboard as a person does: → and ← to the sentence beside
//! the selection and back, Find across the columns, and a column given another article.

use crate::common::{app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

/// ← and → move the keyboard between the columns, to the sentence drawn beside the selection;
/// Find goes on into the next column, and a typed apostrophe finds a curly one.
#[test]
fn arrows_and_find_reach_the_other_column() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    for _ in 0..6 {
        h.key_press(Key::J);
    }
    h.run();
    assert_eq!(at(&h), (0, Some(5)));
    let rect_of = |h: &Harness<SlantApp>, text: &str| h.get_by_label_contains(text).rect();
    let from = rect_of(&h, "The U.S. contributed heavy bunker-buster bombs");
    h.key_press(Key::ArrowRight);
    h.run();
    let (column, beside) = at(&h);
    assert_eq!(column, 1);
    let beside = beside.unwrap();
    let doc = h.state().document().unwrap();
    let text = doc.project.articles[1].sentence_text(beside).to_owned();
    let to = rect_of(&h, &text);
    assert!(
        to.top() <= from.bottom() + 30.0 && from.top() <= to.bottom() + 30.0,
        "the sentence beside: {from:?} and {to:?} ({text})"
    );
    h.key_press(Key::Num3);
    h.run();
    let tag = h.state().document().unwrap().project.articles[1]
        .annotation(&slant_core::model::ReviewerId::from("m-rivera"), beside)
        .and_then(|a| a.tag);
    assert_eq!(
        tag,
        Some(slant_core::model::Tag::Speculation),
        "3 tagged column 2"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(at(&h).0, 1, "no column further right");
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(at(&h).0, 0);
    // "hinges" is only in the second article.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("hinges");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(at(&h), (1, Some(3)));
    assert!(
        h.query_by_label("1 sentence shown contains “hinges”")
            .is_some(),
        "the toolbar counts the matches"
    );
    // Enter again finds the same one, going round, and says so.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(at(&h), (1, Some(3)));
    assert!(
        h.query_by_label_contains("went round to the beginning again")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text(" Israel's Iron Dome");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        at(&h),
        (0, Some(9)),
        "the typed ' found the article's ’, back in column 1"
    );
}

/// → then ← comes back to the sentence it left, whatever lies nearest; and → from a selection
/// scrolled out of view goes as far through the other article, not to the top of the screen.
#[test]
fn column_steps_come_back_and_follow_a_selection_out_of_view() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    for s in 0..14 {
        assert_eq!(at(&h), (0, Some(s)));
        h.key_press(Key::ArrowRight);
        h.run();
        assert_eq!(at(&h).0, 1);
        h.key_press(Key::ArrowLeft);
        h.run();
        assert_eq!(at(&h), (0, Some(s)), "→ ← from sentence {s} came back");
        h.key_press(Key::J);
        h.run();
    }
    for _ in 0..6 {
        h.key_press(Key::J);
    }
    h.run();
    assert_eq!(at(&h), (0, Some(20)));
    // The wheel over the first column takes the selection out of view.
    h.hover_at(egui::pos2(300.0, 500.0));
    for _ in 0..30 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(12);
    }
    h.key_press(Key::ArrowRight);
    h.run_steps(12);
    let (column, picked) = at(&h);
    assert_eq!(column, 1);
    let picked = picked.unwrap();
    assert!(
        (17..=26).contains(&picked),
        "sentence 21 of 30 leads about as far into 33: {picked}"
    );
}

/// → then ← then another article in the other column, then →: the way back is gone with the
/// article it led to, and nothing selects a sentence the new article does not have (this
/// sequence crashed the app, losing unsaved work).
#[test]
fn a_column_given_another_article_is_no_way_back() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.key_press(Key::ArrowRight);
    h.run_steps(12);
    for _ in 0..40 {
        h.key_press(Key::J);
    }
    h.run_steps(12);
    assert_eq!(at(&h), (1, Some(32)), "the last of column 2's 33 sentences");
    h.key_press(Key::ArrowLeft);
    h.run_steps(12);
    assert_eq!(at(&h).0, 0);
    // Column 2 now shows the first article (30 sentences), chosen from its list.
    h.get_by_label("Article in column 2").focus();
    h.run();
    for key in [Key::Space, Key::ArrowUp, Key::ArrowUp, Key::Enter] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(h.state().workspace.as_ref().unwrap().columns[1].article, 0);
    h.key_press(Key::ArrowRight);
    h.run_steps(12);
    let (column, selected) = at(&h);
    assert_eq!(column, 1);
    assert!(selected.is_some_and(|s| s < 30), "{selected:?}");
}

/// The focused column and the selected sentence.
fn at(h: &Harness<SlantApp>) -> (usize, Option<usize>) {
    let ws = h.state().workspace.as_ref().unwrap();
    (ws.focus, ws.selected)
}

/// A click on a sentence that is in view selects it where it is: the column does not jump
/// (it moved about 360 points when the sentence's paragraph ran on below the view, so the text
/// left the pointer). A sentence only partly in view is still brought in.
#[test]
fn clicking_a_sentence_in_view_does_not_scroll_the_column() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.run_steps(4);
    let texts: Vec<String> = {
        let a = &h.state().document().unwrap().project.articles[0];
        (0..a.sentences.len())
            .map(|i| a.sentence_text(i).chars().take(40).collect())
            .collect()
    };
    let rect_of =
        |h: &Harness<SlantApp>, i: usize| h.query_by_label_contains(&texts[i]).map(|n| n.rect());
    let bottom = 950.0 - 10.0;
    // The lowest sentence drawn whole (the next one starts in view), its paragraph running on
    // below the view.
    let i = (0..texts.len() - 2)
        .rev()
        .find(|&i| {
            rect_of(&h, i + 1).is_some_and(|r| r.bottom() < bottom)
                && rect_of(&h, i + 2).is_none_or(|r| r.bottom() > bottom)
        })
        .expect("a sentence whose paragraph runs on below the view");
    let before = rect_of(&h, i).unwrap();
    h.get_by_label_contains(&texts[i]).click();
    h.run_steps(12);
    assert_eq!(at(&h), (0, Some(i)));
    assert_eq!(
        rect_of(&h, i),
        Some(before),
        "the sentence stayed under the pointer"
    );
    // J twice, to a sentence only partly in view, brings it in.
    h.key_press(Key::J);
    h.run_steps(12);
    h.key_press(Key::J);
    h.run_steps(12);
    assert!(rect_of(&h, i + 2).is_some_and(|r| r.bottom() < bottom - 100.0));
}

/// Page Down and Page Up move the selection a screen at a time through the focused column, and
/// Shift+Page Down scrolls the side panel, so a keyboard reaches what only a mouse could.
#[test]
fn page_keys_move_a_screen_and_shift_scrolls_the_side_panel() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run_steps(4);
    assert_eq!(at(&h), (0, Some(0)));
    let top_of = |h: &Harness<SlantApp>, s: usize| {
        let a = &h.state().document().unwrap().project.articles[0];
        let text: String = a.sentence_text(s).chars().take(40).collect();
        h.get_by_label_contains(&text).rect().top()
    };
    h.key_press(Key::PageDown);
    h.run_steps(12);
    let (column, down) = at(&h);
    assert_eq!(column, 0);
    let down = down.unwrap();
    assert!(
        (8..=20).contains(&down),
        "a screen of the sample holds about 14 sentences: {down}"
    );
    // The view went down a screen: the sentence selected is at its top (in the real window
    // the selection moved but the view stayed).
    assert!(top_of(&h, down) < 250.0, "at {}", top_of(&h, down));
    h.key_press(Key::PageDown);
    h.run_steps(12);
    let further = at(&h).1.unwrap();
    assert!(further > down, "{further} after {down}");
    // At the end, Page Down selects the last sentence.
    for _ in 0..4 {
        h.key_press(Key::PageDown);
        h.run_steps(12);
    }
    assert_eq!(at(&h), (0, Some(29)), "the last of 30 sentences");
    for _ in 0..4 {
        h.key_press(Key::PageUp);
        h.run_steps(12);
    }
    assert_eq!(at(&h), (0, Some(0)), "screens back up to the top");
    // The side panel runs on below the window at this size; Shift+Page Down scrolls it to
    // its end.
    let chart = |h: &Harness<SlantApp>| h.get_by_label("Tag shares by column").rect().top();
    let before = chart(&h);
    h.key_press_modifiers(Modifiers::SHIFT, Key::PageDown);
    h.run_steps(4);
    assert!(chart(&h) < before - 30.0, "{} then {}", before, chart(&h));
    h.key_press_modifiers(Modifiers::SHIFT, Key::PageUp);
    h.run_steps(4);
    assert!(
        (chart(&h) - before).abs() <= 2.0,
        "{} back to {}",
        chart(&h),
        before
    );
}

/// A larger text or another number of columns keeps the selected sentence in view: after four
/// Ctrl+= a student's place was scrolled off the screen.
#[test]
fn the_selection_stays_in_view_when_the_layout_changes() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    for _ in 0..14 {
        h.key_press(Key::J);
    }
    h.run();
    let (_, selected) = at(&h);
    let selected = selected.unwrap();
    let text = h.state().document().unwrap().project.articles[0]
        .sentence_text(selected)
        .to_owned();
    let in_view = |h: &Harness<SlantApp>| {
        h.query_by_label_contains(&text)
            .is_some_and(|n| n.rect().top() >= 0.0 && n.rect().bottom() <= 950.0)
    };
    assert!(in_view(&h));
    for _ in 0..8 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run_steps(40);
    }
    h.run_steps(40);
    assert!(in_view(&h), "after a larger text");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run_steps(40);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(40);
    h.run_steps(40);
    assert!(in_view(&h), "after one column and two again");
}

/// Page Down selects the first sentence that starts on the new screen, even one that starts in
/// the middle of a paragraph: no sentence before it starts on screen (it skipped one, fully in
/// view, for the next paragraph's first). Checked at several text sizes, so that the new screen
/// starts in different places.
#[test]
fn page_down_selects_the_first_sentence_that_starts_on_the_new_screen() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let screen_top = |h: &Harness<SlantApp>| h.get_by_label("Outlet not named").rect().bottom();
    let first_row_top = |h: &Harness<SlantApp>, s: usize| {
        let a = &h.state().document().unwrap().project.articles[0];
        let text: String = a.sentence_text(s).chars().take(40).collect();
        h.query_by_label_contains(&text).map(|n| n.rect().top())
    };
    for _ in 0..8 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        h.run_steps(4);
        for _ in 0..30 {
            h.key_press(Key::K);
        }
        h.run_steps(12);
        h.key_press(Key::PageDown);
        h.run_steps(12);
        let s = at(&h).1.unwrap();
        let top = screen_top(&h);
        assert!(
            first_row_top(&h, s).unwrap() >= top,
            "sentence {s} starts on screen"
        );
        // Every sentence before it starts above the screen, or is not drawn at all.
        for earlier in s.saturating_sub(6)..s {
            if let Some(t) = first_row_top(&h, earlier) {
                assert!(t < top, "sentence {earlier} starts on screen before {s}");
            }
        }
    }
}

/// A project closed and opened again from the recent list shows the articles its columns showed
/// when it was left (it showed articles 1 and 2 whatever the reviewer had chosen), and the list
/// names it by its title.
/// The article each column shows.
fn shown(h: &Harness<'_, SlantApp>) -> Vec<usize> {
    let ws = h.state().workspace.as_ref().expect("a project is open");
    ws.columns.iter().map(|c| c.article).collect()
}

/// Turns the first column to the second article and the second column back to the first, then
/// closes the project with Ctrl+W.
fn leave_on_second_then_first(h: &mut Harness<'_, SlantApp>) {
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(shown(h), [1, 0]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
}

#[test]
fn a_reopened_project_shows_the_articles_it_was_left_on() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert_eq!(shown(&h), [0, 1]);
    leave_on_second_then_first(&mut h);
    assert!(h.state().workspace.is_none(), "the project is closed");
    h.get_by_label("Netanyahu presses Trump on Iran: two outlets compared (class.ron)")
        .click();
    h.run();
    assert_eq!(shown(&h), [1, 0]);
}

#[test]
fn a_reopened_project_whose_article_was_renamed_shows_each_article_once() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    leave_on_second_then_first(&mut h);
    // Meanwhile the second article's id changes in another program: one remembered article is
    // gone, so the place no longer fits and both articles show, each once.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"nbc-netanyahu-urges\""));
    std::fs::write(
        &path,
        text.replace("\"nbc-netanyahu-urges\"", "\"nbc-netanyahu-renamed\""),
    )
    .unwrap();
    h.get_by_label("Netanyahu presses Trump on Iran: two outlets compared (class.ron)")
        .click();
    h.run();
    assert_eq!(shown(&h), [0, 1]);
}

#[test]
fn a_title_with_a_line_break_is_one_line_in_the_recent_list() {
    let (dir, path) = sample_copy();
    let text = std::fs::read_to_string(&path).unwrap();
    let title = "title: \"Netanyahu presses Trump on Iran: two outlets compared\"";
    assert!(text.contains(title));
    std::fs::write(
        &path,
        text.replacen(
            title,
            "title: \"Netanyahu presses Trump\\non Iran:\\ttwo outlets compared\"",
            1,
        ),
    )
    .unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    h.get_by_label("Netanyahu presses Trump on Iran: two outlets compared (class.ron)")
        .click();
    h.run();
    assert!(h.state().workspace.is_some(), "the project opened again");
}
