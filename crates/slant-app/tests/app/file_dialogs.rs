//! Where no desktop portal runs, the system's file dialog answers nothing at once: Slant shows
//! its own instead of doing nothing, and never fails without a message.

use crate::common::{app, handout, sample_copy, student_tags_the_first_sentence};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

fn no_portal() -> ScriptedDialogs {
    ScriptedDialogs {
        no_portal: true,
        ..Default::default()
    }
}

/// Starts a new project from the start screen as `name`.
fn new_project(h: &mut Harness<'_, SlantApp>, name: &str) {
    h.get_by_label("New project").click();
    h.run();
    h.get_by_label("Your name").type_text(name);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// File ▸ Import article…, by pointer.
fn open_import(h: &mut Harness<'_, SlantApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import article…").click();
    h.run();
}

/// A new project by Ann, with Slant's own Save dialog open in `dir`.
fn saving_in(dir: &std::path::Path) -> Harness<'static, SlantApp> {
    let mut h = app(None, dir, no_portal());
    new_project(&mut h, "Ann");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    fill(&mut h, "Folder", dir.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h
}

/// Replaces what a text box of Slant's file dialog holds, as a person selecting all and typing.
/// In Slant's open save dialog: goes to `folder`, then asks to save as `name`.
fn save_in(h: &mut Harness<'_, SlantApp>, folder: &std::path::Path, name: &str) {
    fill(h, "Folder", folder.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    fill(h, "File name", name);
    h.key_press(Key::Enter);
    h.run();
}

/// The save dialog refused a handout at once, without asking to replace it.
fn refused_as_handout(h: &Harness<'_, SlantApp>) {
    assert!(
        h.query_by_label_contains("is the teacher's assignment, which a student's work never replaces. Choose another name.")
            .is_some()
    );
    assert!(h.query_by_label_contains("Replace it?").is_none());
}

fn fill(h: &mut Harness<'_, SlantApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn ctrl_s_without_a_portal_saves_through_slants_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), no_portal());
    new_project(&mut h, "Ann");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label("Save project").is_some(),
        "Slant's dialog is open"
    );
    fill(&mut h, "Folder", dir.path().to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    fill(&mut h, "File name", "week 3");
    h.get_by_label("Save here").click();
    h.run();
    let saved = dir.path().join("week 3.ron");
    assert!(saved.exists(), "saved where the dialog said");
    assert_eq!(h.state().title(), "week 3.ron — Slant");
}

#[test]
fn quitting_a_never_saved_project_says_discard_deletes_it_and_save_asks_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), no_portal());
    new_project(&mut h, "Ann");
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Your name").type_text("Bo");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label_contains("has never been saved: discarding it deletes the only copy")
            .is_some()
    );
    assert!(h.query_by_label("Discard the project").is_some());
    h.get_by_label("Save").click();
    h.run();
    assert!(
        h.query_by_label("Save project").is_some(),
        "Save asks where, in Slant's dialog"
    );
    fill(&mut h, "Folder", dir.path().to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Save here").click();
    h.run();
    assert!(
        dir.path().join("Untitled project.ron").exists(),
        "saved under the proposed name"
    );
}

#[test]
fn saving_over_a_file_in_slants_own_dialog_asks_first_and_enter_answers() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("class.ron");
    std::fs::write(&other, "the teacher's class project").unwrap();
    let mut h = saving_in(dir.path());
    // The file is clicked in the list, then Enter in the name box, as a person would.
    h.get_by_label("class.ron").click();
    h.run();
    h.get_by_label("class.ron").click();
    h.run();
    assert!(
        h.query_by_label_contains(&format!(
            "“class.ron” already exists in {}. Replace it?",
            dir.path().display()
        ))
        .is_some(),
        "asked before replacing"
    );
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "the teacher's class project"
    );
    h.get_by_label("Keep it").click();
    h.run();
    // The keyboard is back in the name box: another name is typed over the first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("mine".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        dir.path().join("mine.ron").exists(),
        "Enter in the name box saves"
    );
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "the teacher's class project",
        "kept"
    );
    // Choosing to replace does replace.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    fill(&mut h, "File name", "class");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    assert!(
        slant_core::store::load(&other).is_ok(),
        "replaced by the project when asked to"
    );
}

/// Enter in the New project dialog's title box goes on to the name box (it only left the
/// title box, and the next letters went nowhere); Enter there makes the project.
#[test]
fn enter_in_the_project_title_goes_on_to_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), no_portal());
    h.get_by_label("New project").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Project title")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Week 3".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.event(egui::Event::Text("Ann".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document().expect("the project is made");
    assert_eq!(doc.project.title, "Week 3");
    assert_eq!(doc.project.reviewers[0].name, "Ann");
}

/// A project opened by a relative path (`slant homework.ron`) is held by its absolute path:
/// Save as starts in its folder (it started in the home folder) and the recent projects list
/// it wherever Slant starts next.
#[test]
fn a_project_opened_by_a_relative_path_saves_beside_itself() {
    let base = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tempfile::tempdir_in(base).unwrap();
    let file = dir.path().join("homework.ron");
    std::fs::copy(crate::common::SAMPLE, &file).unwrap();
    // The same file as a path relative to where the tests run.
    let cwd = std::env::current_dir().unwrap();
    let shared = cwd
        .ancestors()
        .find(|a| file.starts_with(a))
        .expect("a common folder");
    let ups = cwd.strip_prefix(shared).unwrap().components().count();
    let relative: std::path::PathBuf = std::iter::repeat_n(std::path::Component::ParentDir, ups)
        .map(|c| c.as_os_str().to_owned())
        .chain(
            file.strip_prefix(shared)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_owned()),
        )
        .collect();
    assert!(relative.is_relative() && relative.exists());
    let mut h = app(Some(&relative), dir.path(), no_portal());
    let held = h.state().document().unwrap().path().unwrap().to_owned();
    assert!(held.is_absolute(), "{held:?}");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let folder = h
        .get_by_role_and_label(Role::TextInput, "Folder")
        .value()
        .unwrap_or_default();
    assert_eq!(
        std::fs::canonicalize(&folder).unwrap(),
        std::fs::canonicalize(dir.path()).unwrap()
    );
}

/// A student who names the teacher's assignment in Slant's own save dialog is told at once that
/// it is never replaced, instead of being asked "Replace it?" and then refused.
#[test]
fn a_student_naming_the_assignment_in_slants_dialog_is_told_at_once() {
    let (dir, handout) = handout();
    let before = std::fs::read(&handout).unwrap();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), no_portal());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "File name")
            .value()
            .as_deref(),
        Some("homework - Sam Lee.ron"),
        "the student's own name is proposed"
    );
    save_in(&mut h, dir.path(), "homework");
    refused_as_handout(&h);
    assert_eq!(std::fs::read(&handout).unwrap(), before);
    // Another name saves.
    fill(&mut h, "File name", "mine");
    h.key_press(Key::Enter);
    h.run();
    assert!(dir.path().join("mine.ron").exists());
    assert_eq!(std::fs::read(&handout).unwrap(), before);
}

/// A student who reopens their own saved work and chooses Save as… on the handout beside it
/// (or on another copy of an assignment) is refused as on the first save: the handout once
/// took the student's tags after a "Replace it?".
#[test]
fn a_student_reopening_their_work_never_saves_it_over_a_handout() {
    let (dir, handout) = handout();
    let before = std::fs::read(&handout).unwrap();
    let other = dir.path().join("week 4.ron");
    std::fs::copy(&handout, &other).unwrap();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), no_portal());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    fill(&mut h, "Folder", dir.path().to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    // Another assignment beside this one is refused on the first save too.
    fill(&mut h, "File name", "week 4");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("is the teacher's assignment")
            .is_some()
    );
    fill(&mut h, "File name", "mine");
    h.key_press(Key::Enter);
    h.run();
    let mine = dir.path().join("mine.ron");
    assert!(mine.exists());
    drop(h);
    let mut h = app(Some(&mine), dir.path(), no_portal());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    save_in(&mut h, dir.path(), "homework");
    refused_as_handout(&h);
    assert_eq!(std::fs::read(&handout).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // Their own file is still theirs to save over.
    fill(&mut h, "File name", "mine");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("is the teacher's assignment")
            .is_none()
    );
}

/// Slant's save dialog opens with the proposed name's stem selected, so what is typed replaces
/// it: the box's cursor used to stay where the last name typed there ended, and a letter typed
/// went into the middle of the next proposed name.
#[test]
fn the_proposed_file_name_is_selected_for_typing_over() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), no_portal());
    let export = |h: &mut Harness<'_, SlantApp>, typed: &str| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::E);
        h.run();
        // No browser is started from a test.
        let open_after = h.get_by_label("Open the report when it is written");
        if open_after.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True) {
            open_after.click();
            h.run();
        }
        h.get_by_label("Export…").click();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "File name")
            .type_text(typed);
        h.run();
        h.key_press(Key::Enter);
        h.run();
    };
    export(&mut h, "report");
    assert!(dir.path().join("report.html").exists());
    export(&mut h, "second");
    assert!(
        dir.path().join("second.html").exists(),
        "typed over the proposed stem, the extension kept"
    );
}

/// A second article imported into a new project is looked for beside the first: Slant's dialog
/// starts in the folder last chosen from, not the home folder.
#[test]
fn the_second_import_starts_where_the_first_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("one.txt"),
        "Council votes.\n\nThe council voted.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("two.txt"),
        "Mayor speaks.\n\nThe mayor spoke.\n",
    )
    .unwrap();
    let mut h = app(None, dir.path(), no_portal());
    new_project(&mut h, "Ann");
    // File ▸ Import article…, maybe a folder typed, then the file clicked and Open.
    let import = |h: &mut Harness<'_, SlantApp>, folder: Option<&str>, file: &str| {
        open_import(h);
        if let Some(folder) = folder {
            fill(h, "Folder", folder);
            h.key_press(Key::Enter);
            h.run();
        }
        h.get_by_label(file).click();
        h.run();
        h.get_by_label("Open").click();
        h.run();
    };
    import(&mut h, Some(articles.to_str().unwrap()), "one.txt");
    import(&mut h, None, "two.txt");
    let titles: Vec<String> = h
        .state()
        .document()
        .unwrap()
        .project
        .articles
        .iter()
        .map(|a| a.title.clone())
        .collect();
    assert_eq!(titles, ["one", "two"]);
}

/// The system's dialog is told where to start as Slant's own is: after one import into a new
/// project, the next starts in that article's folder.
#[test]
fn the_system_dialog_starts_where_the_last_file_was_found() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for name in ["one", "two"] {
        std::fs::write(
            articles.join(format!("{name}.txt")),
            format!("A headline\n\nSentence {name}.\n"),
        )
        .unwrap();
    }
    let dialogs = ScriptedDialogs {
        import: vec![articles.join("two.txt"), articles.join("one.txt")],
        ..Default::default()
    };
    let asked = dialogs.asked.clone();
    let mut h = app(None, dir.path(), dialogs);
    new_project(&mut h, "Ann");
    for _ in 0..2 {
        open_import(&mut h);
    }
    assert_eq!(h.state().document().unwrap().project.articles.len(), 2);
    let asked = asked.borrow();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[1].folder, articles);
}

/// Slant's own dialog for merging students' files answers with "Merge these files": "Open"
/// read as if the files would be opened (a teacher found it in the real window).
#[test]
fn the_merge_dialogs_button_says_merge() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), no_portal());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge students' files…").click();
    h.run();
    assert!(h.query_by_label("Merge these files").is_some());
    assert!(h.query_by_label("Open").is_none());
}

/// A student's report is proposed under their name, as their saved copy is, so that every
/// student's report of one assignment does not carry the same name.
#[test]
fn a_students_report_is_named_for_the_student() {
    let (dir, handout) = handout();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), no_portal());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let name = h
        .get_by_role_and_label(Role::TextInput, "File name")
        .value()
        .unwrap_or_default();
    assert!(name.contains("Sam Lee"), "{name}");
}

/// A new project by Ann with Slant's own Import dialog open, in a folder holding `seeds/storm.txt`.
fn importing_with_seeds(dir: &std::path::Path) -> (Harness<'static, SlantApp>, std::path::PathBuf) {
    let seeds = dir.join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    std::fs::write(
        seeds.join("storm.txt"),
        "Storm Hits Coast\nThe storm hit at 5 a.m. on Tuesday.\n",
    )
    .unwrap();
    let mut h = app(None, dir, no_portal());
    new_project(&mut h, "Ann");
    open_import(&mut h);
    (h, seeds)
}

/// With the seeds folder listed, `storm.txt` typed at once (no click: the name box has the
/// keyboard) and Enter import it.
fn the_name_typed_next_imports_it(h: &mut Harness<'_, SlantApp>) {
    h.get_by_label_contains("storm.txt");
    h.event(egui::Event::Text("storm.txt".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let project = &h.state().document().unwrap().project;
    assert_eq!(project.articles.len(), 1);
    assert_eq!(project.articles[0].title, "Storm Hits Coast");
}

/// A folder typed in the name box of Slant's own Import dialog, and Enter, opens that folder
/// (a new user did so to find the files, and the folder was offered as an article); a file's
/// name typed then, with no click, imports it (the box kept the keyboard).
#[test]
fn a_folder_typed_in_the_import_dialog_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, seeds) = importing_with_seeds(dir.path());
    fill(&mut h, "File name", &format!("{}/", seeds.display()));
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Some files were not added")
            .is_none()
    );
    the_name_typed_next_imports_it(&mut h);
}

/// A folder typed in the Folder box and Enter opens it, and the keyboard goes on to the name
/// box: the file's name is typed next without a click.
#[test]
fn after_a_folder_typed_in_the_folder_box_the_name_is_typed_next() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, seeds) = importing_with_seeds(dir.path());
    fill(&mut h, "Folder", &seeds.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    the_name_typed_next_imports_it(&mut h);
}

/// The same article imported again is said and not added as a second article to tag.
#[test]
fn an_article_imported_twice_is_added_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("storm.txt"),
        "Storm Hits Coast\nThe storm hit at 5 a.m. on Tuesday.\n",
    )
    .unwrap();
    let mut h = app(None, dir.path(), no_portal());
    new_project(&mut h, "Ann");
    for _ in 0..2 {
        open_import(&mut h);
        fill(
            &mut h,
            "File name",
            &dir.path().join("storm.txt").display().to_string(),
        );
        h.key_press(Key::Enter);
        h.run();
    }
    assert_eq!(h.state().document().unwrap().project.articles.len(), 1);
    h.get_by_label("Some files were not added");
    h.get_by_label_contains("this article is already in the project, as “Storm Hits Coast”");
}

/// A folder's name typed in the Save dialog's name box opens the folder, as in Import: it was
/// saved as `sub.ron`, and the keys typed next went to the project. Up then hands the keyboard
/// to the name box too.
#[test]
fn a_folder_typed_in_the_save_dialog_is_opened_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let mut h = saving_in(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("sub".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(!dir.path().join("sub.ron").exists(), "not saved as sub.ron");
    let sub = std::fs::canonicalize(dir.path().join("sub")).unwrap();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Folder")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(sub.to_str().unwrap())
    );
    h.get_by_label("Up").click();
    h.run();
    h.event(egui::Event::Text("week 3".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(dir.path().join("week 3.ron").exists());
}

/// A folder typed that is not there is said so, naming it, and the box shows the folder the
/// list is of again, so what Open uses is what the dialog shows.
#[test]
fn a_folder_that_is_not_there_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = saving_in(dir.path());
    let missing = dir.path().join("no such folder");
    fill(&mut h, "Folder", missing.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains(&format!("{}: there is no such folder", missing.display()));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Folder")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(dir.path().to_str().unwrap())
    );
}

/// Tab through a long list of files in Slant's own dialog keeps the focused file in sight: a
/// teacher's class of files ran below the list, the focused one showing only a sliver of its
/// outline.
#[test]
fn the_file_tab_reaches_is_scrolled_into_sight() {
    let (dir, path) = sample_copy();
    for n in 10..40 {
        std::fs::write(dir.path().join(format!("student {n}.ron")), "").unwrap();
    }
    let mut h = app(Some(&path), dir.path(), no_portal());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge students' files…").click();
    h.run();
    let target = "student 35.ron";
    for _ in 0..80 {
        if h.get_by_label(target).is_focused() {
            break;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    assert!(h.get_by_label(target).is_focused(), "Tab reaches {target}");
    let file = h.get_by_label(target).rect();
    let first = h.get_by_label("student 10.ron").rect();
    let button = h.get_by_label("Merge these files").rect();
    assert!(
        file.bottom() <= button.top(),
        "{target} ({file:?}) is above the buttons ({button:?}), in the list's sight"
    );
    assert!(first.top() < file.top(), "the list is in order");
}
