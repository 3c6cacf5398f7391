//! Compare mode driven through the real app: the first two columns' matching sentences, the
//! coverage figures and who gets to speak, in the side panel; a selected sentence's
//! counterparts named there too (and outlined and linked in the columns).

use crate::common;

use common::{app, sample_copy};
use egui::Key;
use egui_kittest::kittest::Queryable;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::{Article, Project, Reviewer};
use slant_core::store;

#[test]
fn compare_mode_shows_coverage_counterparts_and_voices() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label("Compare columns 1 and 2").is_none());
    h.key_press(Key::M);
    h.run();
    h.get_by_label("Compare columns 1 and 2");
    h.get_by_label(
        "Reported by both: 2 of 30 sentences in column 1 (7%), 2 of 33 in column 2 (6%)",
    );
    h.get_by_label("NBC News (1)");
    // Column 2's named voices, one a line: Warren, and Netanyahu ("…,’ he said" after a
    // sentence about him), in the sentences of their quotations (Warren's runs over three).
    h.get_by_label("Senator Elizabeth Warren (3)\nNetanyahu (2)");

    // Select the lead of column 1: the panel names its counterparts in column 2.
    h.get_by_label_contains("In a high-stakes meeting at President Donald Trump")
        .click();
    h.run();
    h.get_by_label("Sentence 2 of column 1 matches sentences 1 and 2 of column 2");
    // Each link says why: what the two sentences share, names whole.
    h.get_by_label_contains("With sentence 2 (score 0.40), it shares the words high-stakes, military, action, ballistic, missile, program; the names President Donald Trump");
    h.get_by_label_contains("With sentence 1 (score 0.33), it shares the words military, action");
    h.get_by_label_contains("A score runs from 0 to 1");
    // A sentence only one outlet reports says so.
    h.get_by_label_contains("The June 2025 conflict marked a dramatic escalation")
        .click();
    h.run();
    h.get_by_label("Sentence 4 of column 1: only this article reports it");
    // Israel's strikes on missile sites, which the other article speaks of as a guess ("sites
    // … which could be struck").
    h.get_by_label_contains("launched airstrikes that targeted")
        .click();
    h.run();
    h.get_by_label("Sentence 5 of column 1: only this article reports it");
    // The guess there is the official's ("The official added that … could be struck"), not
    // the outlet's.
    h.get_by_label(
        "Same subject, another statement: sentence 14 of column 2. Both have the words sites, missile, production, facilities, key; the name Israel.",
    );
    // Trump's warning, quoted: a report of what he said, not a guess, and another claim than
    // the official's quotation, with what the two share said.
    h.get_by_label_contains("He warned Iran against rebuilding")
        .click();
    h.run();
    h.get_by_label(
        "Same subject, another statement: sentence 12 of column 2. Both have the words developing, missiles; the names Iran, Israeli.",
    );
    assert!(h.query_by_label_contains("guesses").is_none());

    // The story's names alone are no shared subject: the headline and column 2's "Netanyahu's
    // argument to Trump … Iran's military buildup" share nothing else.
    for _ in 0..14 {
        h.key_press(Key::K);
    }
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(0));
    h.get_by_label_contains("Sentence 1 of column 1");
    assert!(h.query_by_label_contains("Same subject").is_none());

    // U fades what both report; M again leaves compare mode.
    h.key_press(Key::U);
    h.run();
    assert!(h.state().settings.unique_only && h.state().settings.compare);
    h.key_press(Key::M);
    h.run();
    assert!(h.query_by_label("Compare columns 1 and 2").is_none());
}

/// Where the outlet's writer guesses in its own words what the other reports, the panel says
/// which one guesses.
#[test]
fn the_panel_says_which_outlet_guesses() {
    let dir = tempfile::tempdir().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/");
    let read = |name: &str| std::fs::read_to_string(format!("{data}{name}")).unwrap();
    let mut project = Project::new("Guesses", jiff::Timestamp::UNIX_EPOCH);
    project.articles.push(Article::new(
        "a".into(),
        "A",
        read("article_maralago_meeting.txt"),
    ));
    project.articles.push(Article::new(
        "b".into(),
        "B",
        read("article_nbc_netanyahu_urges.txt").replace(
            "The official added that Israel",
            "Across the northern region, Israel",
        ),
    ));
    // A reviewer, so the project opens on its articles rather than asking who is tagging.
    let id = project.new_reviewer_id("Ann");
    project.reviewers.push(Reviewer {
        id,
        name: "Ann".into(),
    });
    let path = dir.path().join("guesses.ron");
    store::save(&project, &path).unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::M);
    h.run();
    h.get_by_label_contains("launched airstrikes that targeted")
        .click();
    h.run();
    h.get_by_label(
        "Same subject, another statement: sentence 14 of column 2. Both have the words sites, missile, production, facilities, key; the name Israel. This one reports; the other guesses.",
    );
}

#[test]
fn keys_move_the_comparison_even_with_the_pointer_resting_on_a_sentence() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::M);
    h.run();
    // The pointer rests on sentence 4 of column 1: the comparison follows it.
    h.get_by_label_contains("The June 2025 conflict marked a dramatic escalation")
        .hover();
    h.run();
    h.get_by_label("Sentence 4 of column 1: only this article reports it");
    // J from the top selects sentences 1 and 2 while the pointer stays: the comparison
    // follows the selection, as the heading does.
    h.key_press(Key::J);
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(1));
    h.get_by_label("Sentence 2 of column 1 matches sentences 1 and 2 of column 2");
    assert!(
        h.query_by_label("Sentence 4 of column 1: only this article reports it")
            .is_none()
    );
}
