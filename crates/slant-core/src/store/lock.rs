//! An advisory lock that keeps two writers of one project file from losing each other's work.
//!
//! Every writer of a project (the CLI for the whole of its read-modify-write, the app while it
//! checks and saves) takes an exclusive lock on the project file first. Saving replaces the file
//! by a rename, so a writer that waited on the old file must not trust it: once it holds the lock
//! it checks that the path still names the file it locked, and otherwise locks the new one. The
//! lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows), released when the
//! holder exits, however it exits.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another to finish before it gives up and says so.
pub const WAIT: Duration = Duration::from_secs(20);

/// Holds the project file locked until dropped.
#[derive(Debug)]
pub struct ProjectLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}: cannot open it to lock it: {source}", path.display())]
    Open { path: PathBuf, source: io::Error },
    #[error(
        "{}: another program (or another slant command) has been writing this project for {}s; nothing was changed — try again when it has finished",
        path.display(),
        waited.as_secs()
    )]
    Busy { path: PathBuf, waited: Duration },
}

impl ProjectLock {
    /// Locks `path`, waiting up to `wait` for another writer. `Ok(None)` when there is no file
    /// to lock (it is about to be created).
    pub fn acquire(path: &Path, wait: Duration) -> Result<Option<ProjectLock>, LockError> {
        let start = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(source) => {
                    return Err(LockError::Open {
                        path: path.to_owned(),
                        source,
                    });
                }
            };
            match file.try_lock() {
                Ok(()) if same_file(&file, path) => return Ok(Some(ProjectLock { _file: file })),
                // The holder renamed a new version into place: lock that one.
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(source)) if unsupported(&source) => {
                    // A file system without locks (some network shares): carry on unlocked; the
                    // changed-on-disk check still refuses to overwrite another writer's save.
                    return Ok(Some(ProjectLock { _file: file }));
                }
                Err(TryLockError::Error(source)) => {
                    return Err(LockError::Open {
                        path: path.to_owned(),
                        source,
                    });
                }
            }
            let waited = start.elapsed();
            if waited >= wait {
                return Err(LockError::Busy {
                    path: path.to_owned(),
                    waited,
                });
            }
            std::thread::sleep(pause.min(wait - waited));
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }
}

fn unsupported(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Unsupported
}

/// True when `path` still names the open `file` (no save replaced it meanwhile).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(file: &File, path: &Path) -> bool {
    // Windows cannot rename over an open file, so the path still names it.
    let _ = (file, path);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_gives_up_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "x").unwrap();
        let held = ProjectLock::acquire(&path, WAIT).unwrap().unwrap();
        let err = ProjectLock::acquire(&path, Duration::from_millis(30)).unwrap_err();
        assert!(err.to_string().contains("another program"), "{err}");
        drop(held);
        assert!(
            ProjectLock::acquire(&path, Duration::from_millis(30))
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn a_writer_that_waited_locks_the_file_that_replaced_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "old").unwrap();
        let held = ProjectLock::acquire(&path, WAIT).unwrap().unwrap();
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                let lock = ProjectLock::acquire(&path, WAIT).unwrap().unwrap();
                (std::fs::read_to_string(&path).unwrap(), lock)
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        let tmp = dir.path().join("new");
        std::fs::write(&tmp, "new").unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        drop(held);
        let (seen, _lock) = waiter.join().unwrap();
        assert_eq!(seen, "new");
    }

    #[test]
    fn no_file_no_lock() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            ProjectLock::acquire(&dir.path().join("none.ron"), WAIT)
                .unwrap()
                .is_none()
        );
    }
}
