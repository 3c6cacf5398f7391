//! Writing a file so that it is, at every moment, either the complete old version or the complete
//! new one, and so that a shared class folder is no way in.
//!
//! The new text goes to a temporary file created exclusively under a random name (the `tempfile`
//! crate: a link planted at a predictable name is never followed), is synced, takes the old
//! file's permissions (and owner, where allowed) or, for a new file, the mode any new file gets,
//! and is renamed over the target. A target reached
//! through a symbolic link is written where the link points, so the link stays a link. A file
//! without write permission is refused, not replaced. The old version is kept as `NAME.bak` by an
//! atomic rename, so a kill at any moment leaves a backup whenever a previous version existed.
//! Temporary files left by killed processes are removed by the next save.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether [`write_atomic`] keeps the file it replaces as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    Keep,
    None,
}

/// `NAME.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically (see the module's documentation).
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Backup) -> io::Result<()> {
    let path = through_links(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?
        .to_string_lossy()
        .into_owned();
    let old = fs::metadata(&path).ok();
    if let Some(meta) = &old {
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is not a regular file",
            ));
        }
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only (make it writable, or save under another name)",
            ));
        }
    }
    // Said of the folder, not of the hidden temporary file the error would otherwise name.
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "the folder {} is not there (moved, renamed or deleted?); save under another name",
                dir.display()
            ),
        ));
    }
    remove_leftovers(&dir, &name);
    let mut tmp =
        new_file_in(&dir, &format!(".{name}.tmp-{}-", std::process::id())).map_err(|e| match e
            .kind()
        {
            // The error's own text names the hidden temporary file, which means nothing to the
            // person saving.
            io::ErrorKind::PermissionDenied => io::Error::new(
                e.kind(),
                format!(
                    "Slant may not write in the folder {}; save it in another folder",
                    dir.display()
                ),
            ),
            _ => e,
        })?;
    tmp.write_all(bytes)?;
    if let Some(meta) = &old {
        keep_owner_and_mode(tmp.as_file(), meta);
    }
    tmp.as_file().sync_all()?;
    if backup == Backup::Keep && old.is_some() {
        keep_backup(&path, &dir, &name)?;
    }
    tmp.persist(&path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// A temporary file in `dir`, created exclusively under a random name starting `prefix`, with
/// the mode any program's new file gets (0666 less the umask), not a temporary file's private
/// 0600: a project or report saved for a class must be readable by whoever the folder is
/// shared with.
pub(crate) fn new_file_in(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}

/// Where a symbolic link points (relative links read from the link's folder); `path` itself
/// when it is not a link or the link is broken.
fn through_links(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| {
            fs::read_link(path)
                .map(|target| path.parent().unwrap_or(Path::new(".")).join(target))
                .unwrap_or_else(|_| path.to_owned())
        }),
        _ => path.to_owned(),
    }
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root may give a file away; a failure leaves the saver as owner, which is fine.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    let _ = file.set_permissions(old.permissions());
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) {
    let _ = file.set_permissions(old.permissions());
}

/// Points `NAME.bak` at the current file: a hard link (or a copy where links are not possible)
/// under a temporary name, renamed over the old backup, so there is always one.
fn keep_backup(path: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let backup = backup_path(path);
    // A file of that name that is no earlier copy of this one (a project saved without `.ron`
    // beside someone's `report.bak`) is the person's own: never replaced. An earlier copy
    // starts as this file does, or as a Slant project of any format version does.
    let start = |p: &Path| -> Option<Vec<u8>> {
        use std::io::Read;
        let mut head = Vec::new();
        fs::File::open(p)
            .ok()?
            .take(256)
            .read_to_end(&mut head)
            .ok()?;
        Some(head)
    };
    let earlier_copy = |bak: &[u8]| {
        let text = String::from_utf8_lossy(bak);
        start(path).is_some_and(|file| file.starts_with(&bak[..bak.len().min(32)]))
            || text.contains("format_version:")
            || text.trim_start().starts_with("#![enable(")
    };
    if backup.exists() && !start(&backup).is_some_and(|b| earlier_copy(&b)) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not an earlier copy of this file, and Slant keeps the version before each save under that name; move or rename it, then save again",
                backup.display()
            ),
        ));
    }
    let staged = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-{}-bak-", std::process::id()))
        .make_in(dir, |p| {
            fs::hard_link(path, p).or_else(|_| fs::copy(path, p).map(drop))
        })?;
    staged.persist(backup).map(drop).map_err(|e| e.error)
}

/// Removes temporary files of `name` left by processes that were killed while saving. Those of
/// running processes (another copy of Slant saving now) are left alone.
fn remove_leftovers(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.tmp-");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let dead = match pid {
            Some(pid) if pid == std::process::id() => false,
            Some(pid) => !alive(pid),
            None => false,
        };
        if dead {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn alive(_pid: u32) -> bool {
    // Without /proc, leave them: they are never read, only wasted space.
    true
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable on Unix; opening a folder is not possible on Windows, where the
    // rename is durable once it returns.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn keeps_the_mode_and_refuses_a_read_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.ron");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, b"new", Backup::Keep).unwrap();
        assert_eq!(mode(&p), 0o600);
        assert_eq!(fs::read_to_string(backup_path(&p)).unwrap(), "old");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomic(&p, b"newer", Backup::Keep).unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    /// A `.bak` that is no earlier copy of the file (someone's own `report.bak` beside a
    /// project saved as `report`) is never replaced; an earlier copy is.
    #[test]
    fn a_backup_name_holding_another_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report");
        fs::write(&p, "#![enable(implicit_some)]\n(title: \"v1\")").unwrap();
        write_atomic(
            &p,
            b"#![enable(implicit_some)]\n(title: \"v2\")",
            Backup::Keep,
        )
        .unwrap();
        assert!(fs::read_to_string(backup_path(&p)).unwrap().contains("v1"));
        fs::write(backup_path(&p), "my precious report").unwrap();
        let err = write_atomic(
            &p,
            b"#![enable(implicit_some)]\n(title: \"v3\")",
            Backup::Keep,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("is not an earlier copy of this file"),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(backup_path(&p)).unwrap(),
            "my precious report"
        );
        assert!(
            fs::read_to_string(&p).unwrap().contains("v2"),
            "nothing written"
        );
    }

    #[test]
    fn writes_through_a_symbolic_link_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").unwrap();
        symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", Backup::Keep).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.ron");
        let victim = dir.path().join("victim.txt");
        fs::write(&p, "old").unwrap();
        fs::write(&victim, "keep me").unwrap();
        let planted = dir
            .path()
            .join(format!(".p.ron.tmp-{}", std::process::id()));
        symlink(&victim, &planted).unwrap();
        write_atomic(&p, b"new", Backup::Keep).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(!fs::symlink_metadata(&p).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn leftovers_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.ron");
        fs::write(&p, "old").unwrap();
        // A process id no live process has (above Linux's pid_max).
        let stale = dir.path().join(".p.ron.tmp-4194305-abc123");
        fs::write(&stale, "half a save").unwrap();
        write_atomic(&p, b"new", Backup::Keep).unwrap();
        assert!(!stale.exists());
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.contains(".tmp-")),
            "no temporary file is left: {names:?}"
        );
    }

    #[test]
    fn a_device_is_not_a_project_file() {
        let err = write_atomic(Path::new("/dev/null"), b"x", Backup::Keep).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_mode_of_any_new_file_not_a_private_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        fs::write(&plain, "x").unwrap();
        let p = dir.path().join("p.ron");
        write_atomic(&p, b"new", Backup::Keep).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), mode(&plain));
        // A file's own mode is kept when it is replaced.
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"newer", Backup::Keep).unwrap();
        assert_eq!(mode(&p), 0o640);
    }
}
