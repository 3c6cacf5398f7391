//! The app in a real window under Xvfb, driven by xdotool as a person drives it: the paths
//! egui_kittest cannot see (start-up, the first frames, window focus). `.ci/run` installs Xvfb
//! and xdotool; where they are missing the tests say they were skipped.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use slant_core::model::{ReviewerId, Tag};
use slant_core::store;

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A virtual screen for one test, stopped when dropped.
struct Screen {
    display: String,
    server: Child,
}

impl Screen {
    fn start() -> Option<Screen> {
        if !(have("Xvfb") && have("xdotool")) {
            eprintln!("skipped: Xvfb or xdotool is not installed (apt-get install xvfb xdotool)");
            return None;
        }
        // A display number nobody uses: no lock file or socket here, and no abstract socket in
        // /proc/net/unix, which another sandbox sharing this network can hold (display :0 was
        // sometimes another machine's, and the app could not connect to it).
        let abstract_sockets = std::fs::read_to_string("/proc/net/unix").unwrap_or_default();
        for n in 140..1000 {
            if Path::new(&format!("/tmp/.X{n}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                || abstract_sockets.contains(&format!("@/tmp/.X11-unix/X{n}\n"))
            {
                continue;
            }
            let server = Command::new("Xvfb")
                .args([
                    &format!(":{n}"),
                    "-screen",
                    "0",
                    "1600x1000x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()?;
            let mut screen = Screen {
                display: format!(":{n}"),
                server,
            };
            // Wait until a client gets through: the server takes connections a moment after
            // it starts. One that stops (its number was taken after all) gives way to the next.
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(20) {
                if let Ok(Some(_)) = screen.server.try_wait() {
                    break;
                }
                let connected = Command::new("xdotool")
                    .arg("getdisplaygeometry")
                    .env("DISPLAY", &screen.display)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if connected {
                    return Some(screen);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("no virtual screen could be started");
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Opens `project` in Slant and returns the running app and its window. On two busy cores
    /// the app's first connection to a virtual screen that a client has just reached has
    /// failed now and then ("Failed to open connection to X server"): that, and only that, is
    /// tried again, twice, saying so.
    fn launch(&self, project: &Path, home: &Path) -> (Child, String) {
        self.launch_beside(project, home, &[])
    }

    /// As [`Screen::launch`], with the windows in `others` already open.
    fn launch_beside(&self, project: &Path, home: &Path, others: &[&str]) -> (Child, String) {
        for attempt in 1.. {
            match self.try_launch(project, home, others) {
                Ok(launched) => return launched,
                Err(err)
                    if attempt < 3 && err.contains("Failed to open connection to X server") =>
                {
                    eprintln!(
                        "attempt {attempt}: the app could not reach {}: {err}",
                        self.display
                    );
                    std::thread::sleep(Duration::from_secs(1));
                }
                Err(err) => panic!("{err}"),
            }
        }
        unreachable!()
    }

    #[allow(clippy::zombie_processes)] // returned to the caller, which waits for it
    fn try_launch(
        &self,
        project: &Path,
        home: &Path,
        others: &[&str],
    ) -> Result<(Child, String), String> {
        let mut app = Command::new(env!("CARGO_BIN_EXE_slant"))
            .arg(project)
            .env("DISPLAY", &self.display)
            .env("HOME", home)
            .env("XDG_RUNTIME_DIR", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            // A file, not a pipe: a pipe nobody reads could fill and stop the app.
            .stderr(std::fs::File::create(home.join("stderr.txt")).unwrap())
            .spawn()
            .unwrap();
        let start = Instant::now();
        loop {
            // An app that stopped will never show a window: say why at once.
            if let Ok(Some(status)) = app.try_wait() {
                let err = std::fs::read_to_string(home.join("stderr.txt")).unwrap_or_default();
                return Err(format!(
                    "the app exited before its window opened ({status}) on display {}: {err}",
                    self.display
                ));
            }
            let ids = self.xdotool(&["search", "--name", "Slant"]);
            if let Some(id) = ids.lines().rfind(|l| !l.is_empty() && !others.contains(l)) {
                // With no window manager, keys reach only a window given the focus.
                std::thread::sleep(Duration::from_millis(1500));
                self.xdotool(&["windowfocus", "--sync", id]);
                std::thread::sleep(Duration::from_millis(500));
                return Ok((app, id.to_owned()));
            }
            // Generous: on two busy cores (the crash tests run beside it) a debug build under
            // software OpenGL once took over a minute to map its window.
            if start.elapsed() > Duration::from_secs(180) {
                let _ = app.kill();
                let _ = app.wait();
                return Err("the window did not open".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Presses keys one by one, as a person does (a pause between presses).
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.xdotool(&["key", k]);
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "80", text]);
        std::thread::sleep(Duration::from_millis(300));
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        // SIGTERM, so Xvfb removes its lock file and socket (a kill leaves them behind).
        let _ = Command::new("kill")
            .arg(self.server.id().to_string())
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.server.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn wait_for_exit(mut app: Child) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if app.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = app.kill();
    panic!("the app did not quit on Ctrl+Q");
}

fn new_project(dir: &Path) -> PathBuf {
    let article = dir.join("council.txt");
    std::fs::write(
        &article,
        "Council Approves Budget\n\nThe council approved the budget on Monday. \
         The mayor said it was “a fair deal.” Critics may appeal.\n",
    )
    .unwrap();
    let project = dir.join("class.ron");
    let made = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["new", project.to_str().unwrap(), article.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(made.success());
    project
}

fn tag_and_note(project: &Path, reviewer: &str, sentence: usize) -> (Option<Tag>, Option<String>) {
    let p = store::load(project).unwrap();
    let a = p.articles[0].annotation(&ReviewerId::from(reviewer), sentence);
    (a.and_then(|a| a.tag), a.and_then(|a| a.note.clone()))
}

/// A project with no reviewer opens on "Who is tagging?", which takes the name typed at once;
/// then tag, save and quit, all by keys, and the tag is in the file (and no widget state in the
/// app's own file).
#[test]
fn launch_on_a_project_without_reviewer_name_tag_save_quit() {
    let Some(screen) = Screen::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let (app, _window) = screen.launch(&project, dir.path());
    screen.type_text("Ann");
    screen.keys(&["Return", "j", "1", "ctrl+s", "ctrl+q"]);
    wait_for_exit(app);
    let stats = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["stats", project.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let reviewer = &json["articles"][0]["reviewers"][0];
    assert_eq!(reviewer["reviewer"], "Ann", "{json}");
    assert_eq!(reviewer["counts"]["fact"], 1, "{json}");
    // What the app keeps between runs is its settings, not egui's memory of widgets, whose ids
    // mean other things in the next run (the next project opened scrolled where this one was).
    let kept = std::fs::read_to_string(dir.path().join("data/slant/app.ron")).unwrap();
    assert!(kept.contains("\"window\""), "{kept}");
    assert!(!kept.contains("\"egui\""), "{kept}");

    // Scenario two: a note, Escape, a tag on the next sentence, save, quit.
    let (app, _window) = screen.launch(&project, dir.path());
    screen.keys(&["j", "n"]);
    screen.type_text("given");
    screen.keys(&["Escape", "j", "2", "ctrl+s", "ctrl+q"]);
    wait_for_exit(app);
    assert_eq!(
        tag_and_note(&project, "ann", 0),
        (Some(Tag::Fact), Some("given".to_owned()))
    );
    assert_eq!(tag_and_note(&project, "ann", 1), (Some(Tag::Quote), None));
}

/// A file open in one window is not opened by a second one, which says where it is open; the
/// first window goes on and saves as before.
#[test]
fn a_second_window_on_the_same_file_says_where_it_is_open() {
    let Some(screen) = Screen::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let (first, first_window) = screen.launch(&project, dir.path());
    screen.type_text("Ann");
    screen.keys(&["Return"]);
    let (second, second_window) = screen.launch_beside(&project, dir.path(), &[&first_window]);
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        screen.xdotool(&["getwindowname", &second_window]),
        "Slant",
        "the second window shows no project"
    );
    assert_eq!(
        screen.xdotool(&["getwindowname", &first_window]),
        "● class.ron — Slant"
    );
    // The message's OK by Enter, then quit: nothing to save there.
    screen.keys(&["Return", "ctrl+q"]);
    wait_for_exit(second);
    screen.xdotool(&["windowfocus", "--sync", &first_window]);
    std::thread::sleep(Duration::from_millis(500));
    screen.keys(&["j", "1", "ctrl+s", "ctrl+q"]);
    wait_for_exit(first);
    assert_eq!(tag_and_note(&project, "ann", 0), (Some(Tag::Fact), None));
}

/// Two windows on two projects: each writes the app's settings whole when it quits, and the
/// last to quit kept only the recent files it knew of. Both files stay in the recent list.
#[test]
fn two_windows_keep_each_others_recent_files() {
    let Some(screen) = Screen::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let first_dir = dir.path().join("first");
    let second_dir = dir.path().join("second");
    std::fs::create_dir_all(&first_dir).unwrap();
    std::fs::create_dir_all(&second_dir).unwrap();
    let first_project = new_project(&first_dir);
    let second_project = new_project(&second_dir);
    let (first, first_window) = screen.launch(&first_project, dir.path());
    screen.type_text("Ann");
    screen.keys(&["Return"]);
    let (second, _) = screen.launch_beside(&second_project, dir.path(), &[&first_window]);
    screen.type_text("Bo");
    screen.keys(&["Return", "ctrl+s", "ctrl+q"]);
    wait_for_exit(second);
    screen.xdotool(&["windowfocus", "--sync", &first_window]);
    std::thread::sleep(Duration::from_millis(500));
    screen.keys(&["ctrl+s", "ctrl+q"]);
    wait_for_exit(first);
    let kept = std::fs::read_to_string(dir.path().join("data/slant/app.ron")).unwrap();
    for project in [&first_project, &second_project] {
        let name = project.to_str().unwrap();
        assert!(
            kept.contains(name),
            "{name} is not in the recent list: {kept}"
        );
    }
}

/// A window that cannot be seen (another window over it, minimized) still autosaves: eframe runs no frame for it, and the autosave ran only in a frame, so a crash
/// then lost the work (found by a helper with a second window over the first).
#[test]
fn a_hidden_window_still_autosaves_and_a_crash_keeps_the_work() {
    let Some(screen) = Screen::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let project = new_project(dir.path());
    let (mut app, window) = screen.launch(&project, dir.path());
    screen.type_text("Ann");
    screen.keys(&["Return", "j", "2"]);
    // Another window opens over it at once.
    let other_dir = tempfile::tempdir().unwrap();
    let other = new_project(other_dir.path());
    let (mut over, _) = screen.launch_beside(&other, other_dir.path(), &[&window]);
    let recovery = project.with_extension("ron.autosave");
    let start = Instant::now();
    while !recovery.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(200));
    }
    for app in [&mut app, &mut over] {
        let _ = app.kill(); // a crash
        let _ = app.wait();
    }
    assert!(recovery.exists(), "no autosave while the window was hidden");
    let kept = store::load(&recovery).unwrap();
    let a = kept.articles[0].annotation(&ReviewerId::from("ann"), 0);
    assert_eq!(a.and_then(|a| a.tag), Some(Tag::Quote));
}
