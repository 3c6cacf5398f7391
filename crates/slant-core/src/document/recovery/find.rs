//! Finding the work a crash left, wherever the window wrote it: beside its project, kept away
//! from it in Slant's data folder, a student's copy's beside its assignment, and the projects
//! never saved. Opening a project, the start screen and the command line ask here.

use std::path::{Path, PathBuf};

use super::{ELSEWHERE, Recovery, elsewhere_path, recovery_path_for, trailer};
use crate::document::DiskStamp;
use crate::document::claim::resolve;

/// The recoveries in `untitled_dir` written away from their projects, with the project file each
/// belongs to.
fn elsewhere_recoveries(untitled_dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(untitled_dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(ELSEWHERE) && name.ends_with(".ron.autosave")
        })
        .filter_map(|e| Some((trailer(&e.path()).belongs_to?, e.path())))
        .collect()
}

/// A student's copy of `assignment` that was never saved but left a recovery file beside it
/// (`homework - Eve.ron.autosave`, the app killed before the student's first save), or in
/// `untitled_dir` where the assignment's folder could not be written: the file the copy would
/// have been saved as, and its recovery. The newest, when several students share a computer.
pub fn find_student_recovery(
    assignment: &Path,
    untitled_dir: &Path,
) -> Option<(PathBuf, Recovery)> {
    let stem = assignment.file_stem()?.to_string_lossy().into_owned();
    let dir = match assignment.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = format!("{stem} - ");
    let is_copy = |name: &str| name.starts_with(&prefix) && name.ends_with(".ron");
    // Beside the assignment, and where its folder could not be written, away from it.
    let beside = std::fs::read_dir(dir).ok().into_iter().flatten().flatten();
    let beside = beside.filter_map(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        let student = name.strip_suffix(".autosave")?;
        is_copy(student).then(|| dir.join(student))
    });
    let folder = resolve(dir);
    let away = elsewhere_recoveries(untitled_dir)
        .into_iter()
        .filter(|(file, _)| {
            file.parent() == Some(folder.as_path())
                && file
                    .file_name()
                    .is_some_and(|n| is_copy(&n.to_string_lossy()))
        })
        .map(|(file, _)| file);
    beside
        .chain(away)
        .filter_map(|file| {
            // A copy saved since has its own recovery, found when that file is opened.
            find_recovery(&file, untitled_dir)
                .filter(|_| !file.exists())
                .map(|recovery| (file, recovery))
        })
        .max_by_key(|(_, r)| r.modified)
}

/// The recovery files of projects never saved (the app killed before their first save), newest
/// first: the start screen offers them back.
pub fn find_untitled_recoveries(untitled_dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = std::fs::read_dir(untitled_dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".ron.autosave") {
                return None;
            }
            let belongs_to = if name.starts_with("untitled") {
                if in_use(&name, std::process::id(), another_slant_running) {
                    return None;
                }
                None
            } else if name.starts_with(ELSEWHERE) {
                // Work kept away from a project that opening it no longer finds (moved,
                // renamed, deleted), or that names none.
                let belongs_to = trailer(&e.path()).belongs_to;
                if belongs_to.as_deref().is_some_and(found_by_opening) {
                    return None;
                }
                belongs_to
            } else {
                return None;
            };
            let modified = e.metadata().ok()?.modified().ok()?;
            Some(Recovery {
                path: e.path(),
                modified,
                project_written_since: false,
                based_on: None,
                belongs_to,
            })
        })
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.modified));
    found
}

/// Whether opening a file finds work kept away from project `file`: the file itself, or for a
/// student's copy never saved (`homework - Eve.ron`), the assignment it was made from.
fn found_by_opening(file: &Path) -> bool {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The assignment's own name may hold " - " too ("Unit 3 - Iran - Eve.ron").
    let an_assignment = name
        .match_indices(" - ")
        .any(|(at, _)| file.with_file_name(format!("{}.ron", &name[..at])).exists());
    file.exists() || an_assignment
}

/// Whether recovery file `name` belongs to a project still open in another Slant (its name
/// carries the writer's process id): a second window started meanwhile must neither take it
/// over nor discard it.
pub(super) fn in_use(name: &str, me: u32, running: impl Fn(u32) -> bool) -> bool {
    let pid = name
        .strip_prefix("untitled-")
        .and_then(|rest| rest.split('-').nth(1))
        .and_then(|pid| pid.parse::<u32>().ok());
    pid.is_some_and(|pid| pid != me && running(pid))
}

/// Whether process `pid` runs this same program (on Linux, where `/proc` says so; elsewhere
/// nothing is known, and every file is offered).
fn another_slant_running(pid: u32) -> bool {
    let exe = |p: std::path::PathBuf| std::fs::read_link(p).ok();
    match (
        exe(Path::new("/proc").join(pid.to_string()).join("exe")),
        std::env::current_exe().ok(),
    ) {
        (Some(theirs), Some(mine)) => theirs == mine,
        _ => false,
    }
}

/// The recovery file of `project` (the app stopped with unsaved changes), whatever its age: a
/// save removes it, so one that is there is work never saved. One older than the project was
/// once passed over, and then deleted by the next save: a project merely touched (a copy, a
/// sync tool) lost its crash's work without a word. Looked for beside the project and, where
/// its folder could not be written, in `untitled_dir`; the newer, where both are there.
pub fn find_recovery(project: &Path, untitled_dir: &Path) -> Option<Recovery> {
    let away = elsewhere_path(untitled_dir, project);
    let beside = recovery_at(recovery_path_for(project), project);
    // Its own only: two paths could share a name and hash.
    let away = recovery_at(away, project)
        .filter(|r| trailer(&r.path).belongs_to.as_deref() == Some(resolve(project).as_path()));
    beside.into_iter().chain(away).max_by_key(|r| r.modified)
}

fn recovery_at(path: PathBuf, project: &Path) -> Option<Recovery> {
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let modified = meta.modified().ok()?;
    let based_on = trailer(&path).based_on;
    let project_written_since = match based_on {
        // Another program wrote the file after the window read it, before or after the last
        // autosave. A file that is gone loses nothing when saved again.
        Some(base) => DiskStamp::of(project).is_some_and(|now| now != base),
        // A recovery file of an older Slant: only a file written after it is known.
        None => std::fs::metadata(project)
            .ok()
            .and_then(|m| m.modified().ok())
            .is_some_and(|p| p > modified),
    };
    Some(Recovery {
        path,
        modified,
        project_written_since,
        based_on,
        belongs_to: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_another_running_slant_is_writing_is_not_offered() {
        let running = |pid: u32| pid == 4242;
        assert!(in_use(
            "untitled-1700000000000-4242-0.ron.autosave",
            7,
            running
        ));
        // Its writer is gone, or is this very process, or the name is an older one.
        assert!(!in_use(
            "untitled-1700000000000-4243-0.ron.autosave",
            7,
            running
        ));
        assert!(!in_use(
            "untitled-1700000000000-7-0.ron.autosave",
            7,
            |_| true
        ));
        assert!(!in_use("untitled.ron.autosave", 7, |_| true));
        // A live process running another program is not a Slant holding the file.
        assert!(!another_slant_running(1) || std::env::current_exe().is_err());
    }
}
