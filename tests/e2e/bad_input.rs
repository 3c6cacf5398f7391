//! The bad-input catalogue: every kind of damaged or unexpected file people hand Slant, with the
//! exact message they see. Article files go through `slant add` (a refused file leaves the
//! project untouched); project files through `slant check`, the app's `Document::open` and the
//! app itself (the same message, and the file is never written). Nothing panics.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use jiff::Timestamp;
use slant_core::document::Document;
use slant_core::model::{Article, Project, Tag};
use slant_core::store;

/// A file's bytes and modification time, to prove nothing wrote it.
fn fingerprint(path: &Path) -> (Vec<u8>, SystemTime) {
    (
        std::fs::read(path).unwrap(),
        std::fs::metadata(path).unwrap().modified().unwrap(),
    )
}

fn slant(args: &[&Path]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some(),
        "slant was killed by a signal (a crash)"
    );
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).trim_end().to_owned(),
        String::from_utf8_lossy(&out.stderr).trim_end().to_owned(),
    )
}

/// A small project, written as Slant writes it, that article files are added to.
fn project() -> Project {
    let mut p = Project::new("Class", Timestamp::UNIX_EPOCH);
    let r = p.add_reviewer("Ann");
    let mut a = Article::new(
        "a".into(),
        "Iran’s move",
        "Iran’s move\nIt said no. Then it left.\n",
    );
    a.set_tag(&r, 1, Some(Tag::Quote));
    p.articles.push(a);
    p
}

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn project(&self) -> PathBuf {
        let path = self.dir.path().join("class.ron");
        store::save(&project(), &path).unwrap();
        path
    }
}

/// Adds `bytes` as article `name`: on refusal, checks the message and that the project did not
/// change; on success returns what `slant add` printed and the article's text.
fn add(name: &str, bytes: &[u8]) -> Result<(String, String), String> {
    let d = Dir::new();
    let file = d.file(name, bytes);
    let project = d.project();
    let before = fingerprint(&project);
    let (ok, out, err) = slant(&[Path::new("add"), &project, &file]);
    let shown_path = file.display().to_string();
    if ok {
        let p = store::load(&project).unwrap();
        let notes = out
            .lines()
            .filter(|l| l.starts_with(&shown_path))
            .map(|l| l[shown_path.len()..].trim_start_matches(": ").to_owned())
            .collect::<Vec<_>>()
            .join("\n");
        Ok((notes, p.articles[1].text.clone()))
    } else {
        assert_eq!(fingerprint(&project), before, "{name}: the project changed");
        assert!(
            err.starts_with(&shown_path),
            "the message names the file: {err}"
        );
        Err(err[shown_path.len()..].to_owned())
    }
}

#[test]
fn empty_article_file() {
    assert_eq!(
        add("empty.txt", b"").unwrap_err(),
        ": the file is empty (no text to import)"
    );
    assert_eq!(
        add("blank.txt", b" \r\n\t\n").unwrap_err(),
        ": the file is empty (no text to import)"
    );
}

#[test]
fn binary_article_file() {
    assert_eq!(
        add("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
        ": this looks like a binary file, not text (byte 6 is a control character); import .txt, .md or .html files"
    );
}

#[test]
fn invalid_utf8_article_reads_as_windows_1252() {
    // Bytes that are not UTF-8 are what Word and old Windows editors write.
    let (notes, text) = add("word.txt", b"Caf\xe9 talks\nThe caf\xe9 closed.\n").unwrap();
    assert_eq!(notes, "read as Windows-1252");
    assert_eq!(text, "Café talks\nThe café closed.\n");
}

#[test]
fn windows_1252_curly_quotes_and_dashes() {
    let (notes, text) = add(
        "word.txt",
        b"Budget row\r\n\x93No,\x94 she said \x97 Iran\x92s.\r\n",
    )
    .unwrap();
    assert_eq!(
        notes,
        "read as Windows-1252 with Windows line ends (\\r\\n)"
    );
    assert_eq!(text, "Budget row\n“No,” she said — Iran’s.\n");
}

#[test]
fn utf16_article_with_its_byte_order_mark() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Budget row\r\n“No,” she said.\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let (notes, text) = add("notepad.txt", &bytes).unwrap();
    assert_eq!(notes, "read as UTF-16 LE with Windows line ends (\\r\\n)");
    assert_eq!(text, "Budget row\n“No,” she said.\n");
}

#[test]
fn crlf_and_bom_articles() {
    let (notes, text) = add("crlf.txt", b"Budget row\r\nIt passed.\r\n").unwrap();
    assert_eq!(notes, "read with Windows line ends (\\r\\n)");
    assert_eq!(text, "Budget row\nIt passed.\n");
    let (notes, text) = add("bom.txt", "\u{feff}Budget row\nIt passed.\n".as_bytes()).unwrap();
    assert_eq!(notes, "read as UTF-8 with BOM");
    assert_eq!(text, "Budget row\nIt passed.\n");
}

#[test]
fn copy_paste_damage_is_repaired_and_reported() {
    let (notes, text) = add(
        "pasted.txt",
        "Budget row\nThe council voted to cut the\nlibrary’s hours ,  officials said.\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(
        notes,
        "joined 1 line break inside sentences, removed 2 stray spaces"
    );
    assert_eq!(
        text,
        "Budget row\nThe council voted to cut the library’s hours, officials said.\n"
    );
}

#[test]
fn a_100_mb_article_is_refused_before_it_is_read() {
    let sentence = "The council met again on Tuesday and talked for a long time. ";
    let text = sentence.repeat(100_000_000 / sentence.len() + 1);
    assert_eq!(
        add("huge.txt", text.as_bytes()).unwrap_err(),
        ": the file is 100.0 MB, more than the 20 MB an article can be; is it the right file?"
    );
}

/// Opens `bytes` as a project file every way a user can, checks that each says `message` (after
/// the file name), and that nothing wrote the file.
fn refuse_project(bytes: &[u8], message: &str) {
    let d = Dir::new();
    let path = d.file("class.ron", bytes);
    let before = fingerprint(&path);
    let shown = path.display().to_string();

    let (ok, _, err) = slant(&[Path::new("check"), &path]);
    assert!(!ok, "check accepted it");
    assert_eq!(err, format!("{shown}{message}"));

    let doc_err = Document::open(&path, d.dir.path().join("untitled"))
        .err()
        .expect("the app refuses it");
    assert_eq!(doc_err.to_string(), format!("{shown}{message}"));

    // Adding an article to it is refused the same way, and writes nothing.
    let article = d.file("a.txt", b"Title\nText here.\n");
    let (ok, _, err) = slant(&[Path::new("add"), &path, &article]);
    assert!(!ok);
    assert_eq!(err, format!("{shown}{message}"));
    assert_eq!(fingerprint(&path), before, "the file changed");
    assert!(!store::backup_path(&path).exists(), "no backup was made");
}

fn good_ron() -> String {
    store::to_ron(&project()).unwrap()
}

#[test]
fn empty_and_binary_project_files() {
    refuse_project(b"", ": the file is empty");
    refuse_project(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        ":1:1: byte 0x89 is not UTF-8 text: a Slant project is UTF-8, so either this is not a project or another program re-saved it in a different encoding",
    );
}

#[test]
fn project_re_saved_in_windows_1252() {
    let bytes: Vec<u8> = good_ron()
        .replace('’', "\u{1}")
        .bytes()
        .map(|b| if b == 1 { 0x92 } else { b })
        .collect();
    let line = good_ron().lines().position(|l| l.contains('’')).unwrap() + 1;
    let col = good_ron().lines().nth(line - 1).unwrap().find('’').unwrap() + 1;
    refuse_project(
        &bytes,
        &format!(
            ":{line}:{col}: byte 0x92 is not UTF-8 text: a Slant project is UTF-8, so either this is not a project or another program re-saved it in a different encoding"
        ),
    );
}

#[test]
fn project_re_saved_with_crlf_bom_or_utf16_still_opens_unchanged() {
    let want = project();
    let crlf = good_ron().replace('\n', "\r\n");
    let bom = format!("\u{feff}{}", good_ron());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(good_ron().encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [
        ("crlf", crlf.into_bytes()),
        ("bom", bom.into_bytes()),
        ("utf16", utf16),
    ] {
        let d = Dir::new();
        let path = d.file("class.ron", &bytes);
        let (ok, out, err) = slant(&[Path::new("check"), &path]);
        assert!(ok, "{name}: {err}");
        assert_eq!(
            out,
            format!(
                "{}: OK (1 article, 1 reviewer, 1 annotation)",
                path.display()
            )
        );
        assert_eq!(
            store::load(&path).unwrap(),
            want,
            "{name}: offsets unchanged"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{name}: not rewritten"
        );
    }
}

#[test]
fn a_cut_file_points_to_its_backup_only_when_there_is_one() {
    let d = Dir::new();
    let path = d.project();
    std::fs::copy(&path, store::backup_path(&path)).unwrap();
    let text = good_ron();
    std::fs::write(&path, &text[..text.find("annotations").unwrap()]).unwrap();
    let (ok, _, err) = slant(&[Path::new("check"), &path]);
    assert!(!ok);
    assert!(
        err.ends_with("; Slant keeps the previous save beside it as class.ron.bak"),
        "{err}"
    );
}

#[test]
fn truncated_project() {
    let text = good_ron();
    let cut = &text[..text.find("annotations").unwrap()];
    // Where the text stops: just after the last thing in the file.
    let last = cut.trim_end().lines().last().unwrap();
    refuse_project(
        cut.as_bytes(),
        &format!(
            ":{}:{}: the file stops in the middle of the project (Unexpected end of RON): it was cut short, perhaps by an incomplete copy or download",
            cut.trim_end().lines().count(),
            last.len() + 1
        ),
    );
}

#[test]
fn deeply_nested_project() {
    let text = good_ron().replacen(
        "summary: (",
        &format!(
            "summary: {}{},\n      old: (",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        1,
    );
    let line = text.lines().position(|l| l.contains("[[[")).unwrap() + 1;
    // RON stops at its depth limit, 62 brackets in (the project's own nesting uses the rest).
    let column = "      summary: ".len() + 62;
    refuse_project(
        text.as_bytes(),
        &format!(":{line}:{column}: brackets are nested too deeply here for a Slant project"),
    );
}

#[test]
fn unknown_and_missing_fields() {
    refuse_project(
        good_ron()
            .replacen("  title:", "  colour: \"red\",\n  title:", 1)
            .as_bytes(),
        ":4:3: `colour` is not a field of Project (it has: format_version, title, created, modified, reviewers, answer_key, sentences, articles)",
    );
    let text = good_ron().replacen("  created: \"1970-01-01T00:00:00Z\",\n", "", 1);
    refuse_project(
        text.as_bytes(),
        // At the `)` that closes the project, where RON finds out.
        &format!(
            ":{}:1: `created` is missing from Project",
            text.lines().count()
        ),
    );
}

#[test]
fn project_from_a_newer_slant() {
    refuse_project(
        good_ron()
            .replace("format_version: 5", "format_version: 99")
            .as_bytes(),
        ": this project was saved by a newer Slant (format version 99); this Slant reads versions up to 5. Update Slant to open it.",
    );
}

/// One space added to an article's text in an editor: every sentence range still fits inside
/// the text, so only the fingerprint saved with it tells that the last sentence would lose its
/// full stop. `check`, the app and `add` refuse it at the text's line and say what to do.
#[test]
fn article_text_changed_in_an_editor() {
    let text = good_ron();
    let (at, field) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("text: "))
        .unwrap();
    let (line, column) = (at + 1, field.len() - field.trim_start().len() + 1);
    let edited = text.replacen("It said no.", "It  said no.", 1);
    // No previous save to go back to (a first save, a file sent by mail): none is named.
    refuse_project(
        edited.as_bytes(),
        &format!(
            ":{line}:{column}: article \"a\": its text is not the text Slant saved, so it was changed outside Slant; the sentences and tags are places in that text and would no longer fit it. Undo the change. To change an article's text, use Edit article text… in Slant's Edit menu, which keeps each tag on its sentence"
        ),
    );
    // With one beside it, it is named.
    let d = Dir::new();
    let path = d.file("class.ron", edited.as_bytes());
    d.file("class.ron.bak", text.as_bytes());
    let (ok, _, err) = slant(&[Path::new("check"), &path]);
    assert!(!ok);
    assert!(
        err.contains("Undo the change, or go back to class.ron.bak beside it (the save before the last). To change"),
        "{err}"
    );
}

#[test]
fn offsets_out_of_range_or_inside_a_character() {
    let text = good_ron();
    // The first sentence is `Iran’s move` (0..13): point it past the end, then into the `’`.
    let line = text.lines().position(|l| l.contains("(0, 13)")).unwrap() + 1;
    refuse_project(
        text.replacen("(0, 13)", "(0, 9999)", 1).as_bytes(),
        &format!(
            ":{line}:9: article \"a\", sentence 1: the range 0..9999 ends past the end of the text (40 bytes)"
        ),
    );
    refuse_project(
        text.replacen("(0, 13)", "(0, 5)", 1).as_bytes(),
        &format!(":{line}:9: article \"a\", sentence 1: offset 5 falls inside a character"),
    );
}

#[test]
fn a_repeated_key_is_a_load_error_with_its_line_not_a_silent_loss() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_projects/netanyahu_trump_annotated.ron"
    ))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A second, empty "m-rivera" before the real one; then a sentence key written twice.
    let reviewer_twice = sample.replacen(
        "      annotations: {\n        \"m-rivera\": {",
        "      annotations: {\n        \"m-rivera\": {},\n        \"m-rivera\": {",
        1,
    );
    let sentence_twice = sample.replacen(
        "          2: (tag: Fact),",
        "          2: (tag: Fact),\n          2: (tag: Quote),",
        1,
    );
    // The message points at the second of the two, where it is written.
    let at = |text: &str, needle: &str, nth: usize| {
        let i = text.match_indices(needle).nth(nth).unwrap().0;
        let i = i + needle.len() - needle.trim_start_matches([' ', '\n']).len();
        (
            text[..i].lines().count(),
            i - text[..i].rfind('\n').unwrap(),
        )
    };
    let cases = [
        (
            "reviewer",
            at(&reviewer_twice, "\n        \"m-rivera\": {", 1),
            reviewer_twice,
        ),
        (
            "sentence",
            at(&sentence_twice, "\n          2: (tag: Quote)", 0),
            sentence_twice,
        ),
    ];
    for (name, (line, column), text) in cases {
        assert_ne!(text, sample, "{name}: the sample changed");
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, &text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_slant"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        let key = if name == "reviewer" { "m-rivera" } else { "2" };
        assert_eq!(
            err.trim(),
            format!(
                "{}:{line}:{column}: `{key}` appears twice here; Slant would keep only the second and lose the first, so the file is not read (merge or remove one)",
                path.display()
            ),
            "{name}"
        );
    }
}

#[test]
fn carriage_returns_in_an_article_keep_every_offset() {
    // `&#13;&#10;` in Markdown is a carriage return and a line feed inside the article's text.
    let d = Dir::new();
    let md = d.file("a.md", b"One.&#13;&#10;Two.\n");
    let ron = d.dir.path().join("a.ron");
    let (ok, _, err) = slant(&[
        Path::new("new"),
        &ron,
        &md,
        Path::new("--reviewer"),
        Path::new("Ann"),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&ron).unwrap();
    assert!(!text.contains('\r'), "no raw carriage return in the file");
    let p = store::load(&ron).unwrap();
    assert_eq!(p.articles[0].text, "One.\r\nTwo.\n");
    let csv = d.dir.path().join("a.csv");
    let (ok, _, err) = slant(&[
        Path::new("export"),
        &ron,
        Path::new("--format"),
        Path::new("csv"),
        Path::new("-o"),
        &csv,
    ]);
    assert!(ok, "{err}");
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        csv.lines().any(|l| l.contains(",2,6,10,Ann,,,,Two.,")),
        "{csv}"
    );

    // An editor that re-saves the file with Windows line ends changes nothing.
    std::fs::write(&ron, text.replace('\n', "\r\n")).unwrap();
    assert_eq!(store::load(&ron).unwrap(), p);

    // A student's file with such an article merges into a class file that still loads.
    let class = d.dir.path().join("class.ron");
    let student = d.dir.path().join("student.ron");
    let mut project = project();
    project.articles[0] = Article::new("a".into(), "Windows", "One.\r\nTwo.\rThree.\n");
    store::save(&project, &class).unwrap();
    let reviewer = project.reviewers[0].id.clone();
    project.articles[0].set_tag(&reviewer, 2, Some(Tag::Fact));
    store::save(&project, &student).unwrap();
    let (ok, _, err) = slant(&[Path::new("merge"), &class, &student]);
    assert!(ok, "{err}");
    let merged = store::load(&class).unwrap();
    assert_eq!(merged.articles[0].text, "One.\r\nTwo.\rThree.\n");
    let third = merged.articles[0]
        .annotations
        .values()
        .filter_map(|by| by.get(&2))
        .filter(|a| a.tag == Some(Tag::Fact))
        .count();
    assert_eq!(third, 1, "the student's tag on sentence 3 is merged");
    assert_eq!(
        merged.articles[0].sentence_text(2),
        "Three.",
        "and sentence 3 is still `Three.`"
    );
}

#[test]
fn a_sentence_key_too_large_for_any_article_is_shown_as_written() {
    let text = good_ron();
    let at = text.find("1: (tag: Quote)").unwrap();
    let (line, column) = (
        text[..at].lines().count(),
        at - text[..at].rfind('\n').unwrap(),
    );
    refuse_project(
        text.replacen("1: (tag: Quote)", "18446744073709551615: (tag: Quote)", 1)
            .as_bytes(),
        &format!(
            ":{line}:{column}: article \"a\", reviewer \"ann\": an annotation for sentence 18446744073709551616 (key 18446744073709551615), but the article has 3 sentences"
        ),
    );
}

/// A file that is a sound project in a form people or programs produce: `slant check` says OK
/// and it loads as `want`.
fn opens_as(bytes: &[u8], want: &Project) {
    let d = Dir::new();
    let path = d.file("class.ron", bytes);
    let (ok, out, err) = slant(&[Path::new("check"), &path]);
    assert!(ok, "{err}");
    assert!(
        out.ends_with(": OK (1 article, 1 reviewer, 1 annotation)"),
        "{out}"
    );
    assert_eq!(&store::load(&path).unwrap(), want);
}

#[test]
fn the_version_is_read_as_ron_reads_it_and_only_where_it_stands() {
    let want = project();
    opens_as(
        good_ron()
            .replace("format_version: 5", "format_version: 0x5")
            .as_bytes(),
        &want,
    );
    let mut titled = project();
    titled.title = "Why format_version: 9 matters".into();
    let text = store::to_ron(&titled).unwrap();
    assert!(text.contains("title: \"Why format_version: 9 matters\""));
    opens_as(text.as_bytes(), &titled);
}

#[test]
fn utf16_without_a_mark_and_utf32_with_one_read_as_written() {
    let want = project();
    let utf16: Vec<u8> = good_ron()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    opens_as(&utf16, &want);
    let mut utf32 = b"\xFF\xFE\0\0".to_vec();
    utf32.extend(good_ron().chars().flat_map(|c| (c as u32).to_le_bytes()));
    opens_as(&utf32, &want);

    let mut article = b"\xFF\xFE\0\0".to_vec();
    article.extend(
        "Budget row\r\nIran’s vote.\r\n"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes()),
    );
    let (notes, text) = add("utf32.txt", &article).unwrap();
    assert_eq!(notes, "read as UTF-32 LE with Windows line ends (\\r\\n)");
    assert_eq!(text, "Budget row\nIran’s vote.\n");
    let article: Vec<u8> = "Budget row\nIran’s vote.\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let (notes, text) = add("notepad.txt", &article).unwrap();
    assert_eq!(notes, "read as UTF-16 BE without a byte order mark");
    assert_eq!(text, "Budget row\nIran’s vote.\n");
}

#[test]
fn a_file_cut_inside_a_character_says_it_was_cut_short() {
    let text = good_ron();
    let at = text.find('’').unwrap();
    let cut = &text.as_bytes()[..at + 1];
    let line = text[..at].lines().count();
    let column = text[..at].chars().rev().take_while(|&c| c != '\n').count() + 1;
    refuse_project(
        cut,
        &format!(
            ":{line}:{column}: the file stops in the middle of a character: it was cut short, perhaps by an incomplete copy or download"
        ),
    );
    let mut damaged = vec![0xFF, 0xFE];
    damaged.extend(text.encode_utf16().take(10).flat_map(u16::to_le_bytes));
    damaged.extend([0x00, 0xDC]); // a lone low surrogate
    refuse_project(
        &damaged,
        ": byte 22 is not valid UTF-16 LE: the file was damaged after it was re-saved as UTF-16 LE",
    );
}

#[test]
fn a_reviewer_listed_twice_is_refused_at_the_second_entry() {
    let mut p = project();
    p.reviewers.push(p.reviewers[0].clone());
    let text = store::to_ron(&p).unwrap();
    let second = text.match_indices("id: \"ann\"").nth(1).unwrap().0;
    let line = text[..second].lines().count();
    let column = second - text[..second].rfind('\n').unwrap();
    refuse_project(
        text.as_bytes(),
        &format!(":{line}:{column}: reviewer id \"ann\" is used twice"),
    );
}
