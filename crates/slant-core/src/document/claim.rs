//! A mark that a project file is open in a Slant window, held for as long as it is open there.
//!
//! Two windows on one file would autosave into one recovery file, each over the other's unsaved
//! work, and every save of one would have to ask about the other's. So the app claims a file
//! before it shows it and says where it is already open. The mark is the operating system's lock
//! on a small file in Slant's own data folder, named from the project's path: it goes away with
//! the window however the window ends (a crash leaves nothing stale), and nothing is written
//! beside the project. It is per computer; across computers the save's changed-on-disk check
//! still guards the file.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Held while a project is open in this window; dropping it lets another window open the file.
#[derive(Debug)]
pub struct OpenClaim {
    _file: File,
    project: PathBuf,
}

/// The project is open in another Slant window.
#[derive(Debug, thiserror::Error)]
#[error("{} is open in another Slant window.", project.display())]
pub struct OpenElsewhere {
    pub project: PathBuf,
}

impl OpenClaim {
    /// Claims `project` for this window, keeping the mark in `claims_dir`. `Ok(None)` when no
    /// mark can be kept there (a read-only data folder, a file system without locks): the file
    /// opens unclaimed, as before claims existed, rather than not at all.
    pub fn take(project: &Path, claims_dir: &Path) -> Result<Option<OpenClaim>, OpenElsewhere> {
        let project = resolve(project);
        if std::fs::create_dir_all(claims_dir).is_err() {
            return Ok(None);
        }
        let mark = claims_dir.join(format!("{:016x}.lock", fnv1a(&project)));
        // Not truncated on opening: the holder's file is only written once it is locked.
        let Ok(mut file) = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&mark)
        else {
            return Ok(None);
        };
        match file.try_lock() {
            Ok(()) => {
                // Which project the mark is for, for a person looking in the folder.
                let _ = file.set_len(0);
                let _ = writeln!(file, "{}", project.display());
                Ok(Some(OpenClaim {
                    _file: file,
                    project,
                }))
            }
            Err(TryLockError::WouldBlock) => Err(OpenElsewhere { project }),
            Err(TryLockError::Error(_)) => Ok(None),
        }
    }

    /// Whether this claim is for the file at `path`, however it is spelt.
    pub fn is_for(&self, path: &Path) -> bool {
        resolve(path) == self.project
    }
}

/// Whether the file at `path` is open in another Slant window, not this one's (`own`): asked by a
/// save dialog before it offers to replace the file.
pub fn open_elsewhere(path: &Path, claims_dir: &Path, own: Option<&Path>) -> bool {
    if own.is_some_and(|own| resolve(own) == resolve(path)) {
        return false;
    }
    OpenClaim::take(path, claims_dir).is_err()
}

/// One file reached by two spellings (`./a.ron`, a symbolic link) is one claim; so is a file
/// about to be saved for the first time, named through its folder. Recovery files are named and
/// matched by the same path.
pub(super) fn resolve(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let in_real_folder = path
        .parent()
        .zip(path.file_name())
        .and_then(|(dir, name)| Some(std::fs::canonicalize(dir).ok()?.join(name)));
    in_real_folder
        .or_else(|| std::path::absolute(path).ok())
        .unwrap_or_else(|| path.to_owned())
}

/// FNV-1a, 64 bits: a hash that is the same in every build, so two versions of Slant running at
/// once name one project's mark (or its autosave kept away from it) alike; the standard
/// library's hasher promises no such thing.
pub(super) fn fnv1a(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_on_one_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("class.ron");
        std::fs::write(&project, "()").unwrap();
        let claims = dir.path().join("claims");
        let first = OpenClaim::take(&project, &claims).unwrap();
        assert!(first.is_some());
        // The same file by another spelling is the same claim.
        let other_spelling = dir.path().join(".").join("class.ron");
        let refused = OpenClaim::take(&other_spelling, &claims).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("class.ron is open in another Slant window"),
            "{refused}"
        );
        assert!(first.as_ref().unwrap().is_for(&other_spelling));
        assert!(open_elsewhere(&other_spelling, &claims, None));
        assert!(!open_elsewhere(&other_spelling, &claims, Some(&project)));
        drop(first);
        assert!(OpenClaim::take(&other_spelling, &claims).unwrap().is_some());
    }

    #[test]
    fn two_files_are_two_claims() {
        let dir = tempfile::tempdir().unwrap();
        let claims = dir.path().join("claims");
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        std::fs::write(&a, "()").unwrap();
        std::fs::write(&b, "()").unwrap();
        let _a = OpenClaim::take(&a, &claims).unwrap().unwrap();
        let _b = OpenClaim::take(&b, &claims).unwrap().unwrap();
    }

    #[test]
    fn a_data_folder_that_cannot_hold_claims_leaves_the_file_openable() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("a.ron");
        std::fs::write(&project, "()").unwrap();
        // A file where the claims folder should be.
        let claims = dir.path().join("claims");
        std::fs::write(&claims, "").unwrap();
        assert!(OpenClaim::take(&project, &claims).unwrap().is_none());
    }
}
