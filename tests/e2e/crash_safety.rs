//! Saves killed at random moments never leave a damaged project.
//!
//! The parent writes the old project, starts a child process (this test binary, running the
//! ignored `child` test) that opens it through [`Document`] and saves the new one, kills it with
//! SIGKILL after a random delay, and checks the file: it must load and be exactly the old or
//! exactly the new project, and a backup, if there is one, must be complete too. Delays span the
//! child's whole life, so kills land before, during and after the write (both outcomes must be
//! seen). The same is done for autosave, whose recovery file must always open.
//!
//! `SLANT_CRASH_RUNS` sets the number of kills (200 by default; the README records a run of
//! 1,000) and `SLANT_CRASH_SEED` repeats a run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use jiff::Timestamp;
use slant_core::command::Command as Edit;
use slant_core::document::{self, Document};
use slant_core::model::{Article, Project, Tag};
use slant_core::store;

/// A project of about half a megabyte, different for each `version`.
fn version(v: u32) -> Project {
    let mut p = Project::new(format!("Version {v}"), Timestamp::UNIX_EPOCH);
    let r = p.add_reviewer("Ann");
    for a in 0..6 {
        let text: String = (0..400)
            .map(|i| format!("Sentence {i} of article {a} in version {v} says something. "))
            .collect();
        let mut article = Article::new(format!("a{a}").as_str().into(), format!("A{a}"), text);
        for i in (0..article.sentences.len()).step_by(3) {
            article.set_tag(&r, i, Some(Tag::ALL[(i + v as usize) % 4]));
        }
        p.articles.push(article);
    }
    p
}

/// The same project, whenever it was last saved (saving stamps `modified`).
fn same(a: &Project, b: &Project) -> bool {
    let mut a = a.clone();
    a.modified = b.modified;
    &a == b
}

enum Job {
    Save,
    Autosave,
}

/// The child: open the project and save (or autosave) version 2 over it, then exit.
#[test]
#[ignore = "run by the crash tests as a child process"]
fn child() {
    let Some(path) = std::env::var_os("SLANT_CRASH_CHILD").map(PathBuf::from) else {
        return;
    };
    let dir = path.parent().unwrap().to_owned();
    let mut doc = Document::open(&path, dir.join("untitled")).unwrap();
    doc.apply(
        "Replace",
        Edit::ReplaceProject(Box::new(version(2))),
        Instant::now(),
    )
    .unwrap();
    match std::env::var("SLANT_CRASH_JOB").as_deref() {
        Ok("autosave") => {
            doc.autosave().unwrap();
        }
        _ => doc.save().unwrap(),
    }
}

fn spawn_child(path: &Path, job: &Job) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_safety::child",
            "--ignored",
            "--test-threads=1",
            "-q",
        ])
        .env("SLANT_CRASH_CHILD", path)
        .env(
            "SLANT_CRASH_JOB",
            match job {
                Job::Save => "save",
                Job::Autosave => "autosave",
            },
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// xorshift64*: enough randomness for delays, and repeatable from a printed seed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("SLANT_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        eprintln!("SLANT_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

fn runs() -> usize {
    std::env::var("SLANT_CRASH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

/// How long a child takes from start to exit when nobody kills it (median of three).
fn child_lifetime(dir: &Path, old: &str, job: &Job) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let path = dir.join("timing.ron");
            std::fs::write(&path, old).unwrap();
            let t = Instant::now();
            let status = spawn_child(&path, job).wait().unwrap();
            assert!(status.success(), "the child saves when left alone");
            t.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

/// Kills children at random moments and counts how often the new version was on disk.
fn kill_at_random(job: Job, check: impl Fn(&Path, &Project, &Project) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (version(1), version(2));
    let old_text = store::to_ron(&old).unwrap();
    let lifetime = child_lifetime(dir.path(), &old_text, &job);
    let mut rng = Rng::new();
    let runs = runs();
    let mut saw_new = 0;
    for run in 0..runs {
        let path = dir.path().join(format!("p{run}.ron"));
        std::fs::write(&path, &old_text).unwrap();
        let mut child = spawn_child(&path, &job);
        let delay = rng.below(lifetime.as_micros() as u64 * 5 / 4);
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill(); // SIGKILL: no destructors, no flushing
        child.wait().unwrap();
        if check(&path, &old, &new) {
            saw_new += 1;
        }
        let _ = std::fs::remove_file(&path);
    }
    eprintln!(
        "{runs} kills over {lifetime:?} child lifetimes: new version on disk after {saw_new}, old after {}",
        runs - saw_new
    );
    assert!(
        saw_new > 0 && saw_new < runs,
        "kills must land both before and after the write completes ({saw_new} of {runs} new)"
    );
}

#[test]
fn a_killed_save_leaves_the_complete_old_or_the_complete_new_project() {
    kill_at_random(Job::Save, |path, old, new| {
        let loaded = store::load(path).unwrap_or_else(|e| panic!("damaged project: {e}"));
        let is_new = same(&loaded, new);
        assert!(
            is_new || same(&loaded, old),
            "neither version: {}",
            loaded.title
        );
        let backup = store::backup_path(path);
        if backup.exists() {
            let kept = store::load(&backup).unwrap_or_else(|e| panic!("damaged backup: {e}"));
            assert!(same(&kept, old), "the backup is the old project");
            std::fs::remove_file(backup).unwrap();
        }
        is_new
    });
}

#[test]
fn a_killed_autosave_leaves_the_project_alone_and_a_recovery_that_opens() {
    kill_at_random(Job::Autosave, |path, old, new| {
        let bytes_ok = same(&store::load(path).unwrap_or_else(|e| panic!("{e}")), old);
        assert!(bytes_ok, "autosave never touches the project file");
        match document::find_recovery(path, &path.with_extension("untitled")) {
            Some(recovery) => {
                let doc = Document::recover(path, &recovery, path.with_extension("untitled"))
                    .unwrap_or_else(|e| panic!("damaged recovery file: {e}"));
                assert!(
                    same(&doc.project, new),
                    "a recovery file holds the whole new project"
                );
                assert!(doc.is_dirty(), "recovered work counts as unsaved");
                std::fs::remove_file(&recovery.path).unwrap();
                true
            }
            None => false,
        }
    });
}
