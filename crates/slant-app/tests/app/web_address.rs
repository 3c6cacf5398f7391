//! File ▸ Open web address… and a pasted address, driven as a person does (menu clicks, typed
//! text, Enter, Ctrl+V), against a local server started by the test on 127.0.0.1.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

use crate::common::{app, sample_copy};
use test_server::{nothing_listening, reply, serve};

const PAGE: &str = "<html><head><title>Council Closes the Library | The Ledger</title>\
    <meta property=\"og:site_name\" content=\"The Ledger\"></head><body><article>\
    <h1>Council Closes the Library</h1>\
    <p>The council voted on Tuesday to close the library on Elm Street after ninety years of service to the town.</p>\
    <p>Residents who spoke at the meeting said the building was the only warm place many of them could go in winter.</p>\
    </article></body></html>";

/// Serves `PAGE` at `/library.html`, and `/s/x7` (a short link) redirecting to it; `/slow`
/// never answers.
fn site(path: &str, stream: &mut TcpStream) {
    if path == "/slow" {
        std::thread::sleep(Duration::from_secs(20));
        return;
    }
    if path == "/s/x7" {
        return reply(stream, "302 Found", &[("Location", "/library.html")], b"");
    }
    reply(
        stream,
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        PAGE.as_bytes(),
    );
}

fn articles(h: &Harness<'_, SlantApp>) -> usize {
    h.state().document().unwrap().project.articles.len()
}

/// Runs frames until `done` holds (the fetch runs on its own thread), at most 10 s.
fn run_until(h: &mut Harness<'_, SlantApp>, done: impl Fn(&Harness<'_, SlantApp>) -> bool) {
    let start = Instant::now();
    while !done(h) {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::thread::sleep(Duration::from_millis(20));
        // A spinner is drawn while waiting: frames one at a time, not until nothing moves.
        h.step();
    }
}

#[test]
fn an_address_typed_in_the_dialog_becomes_an_article() {
    let base = serve(site);
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert_eq!(articles(&h), 2);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open web address…").click();
    h.run();
    // A short link: the article is named for the page it leads to.
    h.get_by_label("Web address")
        .type_text(&format!("{base}/s/x7"));
    h.run();
    h.key_press(egui::Key::Enter);
    h.step();
    run_until(&mut h, |h| articles(h) == 3);
    let doc = h.state().document().unwrap();
    let a = &doc.project.articles[2];
    assert_eq!(a.id.as_str(), "library");
    assert_eq!(a.title, "Council Closes the Library");
    assert_eq!(a.outlet.as_deref(), Some("The Ledger"));
    assert_eq!(
        a.url.as_deref(),
        Some(format!("{base}/library.html").as_str())
    );
    // Undo takes it back as one step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(articles(&h), 2);
}

#[test]
fn a_pasted_address_is_fetched_and_a_slow_one_can_be_cancelled() {
    let base = serve(site);
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.event(egui::Event::Paste(format!("{base}/slow")));
    h.run_steps(3);
    // The window keeps drawing while the server says nothing; Cancel ends the wait.
    h.get_by_label("Fetching the article");
    h.get_by_label("Waiting for the server…");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Fetching the article").is_none());
    assert_eq!(articles(&h), 2);
    h.event(egui::Event::Paste(format!("  {base}/library.html\n")));
    h.run_steps(2);
    run_until(&mut h, |h| articles(h) == 3);
    assert_eq!(
        h.state().document().unwrap().project.articles[2].title,
        "Council Closes the Library"
    );
}

#[test]
fn an_address_that_fails_says_why() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    h.run();
    let address = format!("{}/gone", nothing_listening());
    h.get_by_label("Web address").type_text(&address);
    h.run();
    h.get_by_label("Open").click();
    h.run_steps(2);
    run_until(&mut h, |h| {
        h.query_by_label_contains("The article was not added")
            .is_some()
    });
    assert!(
        h.query_by_label_contains("check whether this computer is online")
            .is_some(),
        "the message says what to check"
    );
    // The dialog asks again with the address as typed, to mend or retry.
    assert_eq!(
        h.get_by_label("Web address").value().as_deref(),
        Some(address.as_str())
    );
    assert_eq!(articles(&h), 2);
}

/// The dialog never keeps the keyboard: Escape closes it and J works at once; Tab reaches
/// Cancel, and Enter on it closes the dialog; a typed address that is none is said in the
/// dialog, the text kept.
#[test]
fn the_web_address_dialog_lets_the_keyboard_go() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    open_the_dialog(&mut h);
    h.get_by_label("Web address").type_text("example dot com");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label_contains("is not a web address");
    assert_eq!(
        h.get_by_label("Web address").value().as_deref(),
        Some("example dot com")
    );
    // Mending the address takes down what was said of the old one.
    h.get_by_label("Web address").type_text("s");
    h.run();
    assert!(
        h.query_by_label_contains("is not a web address").is_none(),
        "the message outlived the address it was about"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Open web address").is_none(),
        "Escape closed it"
    );
    h.key_press(egui::Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(0));
    open_the_dialog(&mut h);
    // Tab goes from the box to Open (disabled while empty, so skipped) and on to Cancel.
    h.key_press(egui::Key::Tab);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Open web address").is_none(),
        "Enter on Cancel closed it"
    );
}

/// A new web-address dialog has no history: Ctrl+Z in its box never brings back an address
/// typed in an earlier one that was closed (Enter would have fetched it).
#[test]
fn ctrl_z_in_a_new_web_address_dialog_brings_back_nothing() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    open_the_dialog(&mut h);
    h.get_by_label("Web address")
        .type_text("https://example.invalid/a-story");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Open web address").is_none());
    open_the_dialog(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.get_by_label("Web address").value().as_deref(), Some(""));
}

/// Ctrl+Shift+L: File ▸ Open web address….
fn open_the_dialog(h: &mut Harness<'_, SlantApp>) {
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    h.run();
    assert!(h.query_by_label("Open web address").is_some());
}
