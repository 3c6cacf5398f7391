//! The command line as users and scripts see it: output, JSON fields and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn slant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .output()
        .unwrap()
}

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> String {
    format!(
        "{}/sample_projects/netanyahu_trump_annotated.ron",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn analyze_json_has_numbered_sentences_with_byte_offsets() {
    let file = data("article_nbc_netanyahu_urges.txt");
    let out = slant(&["analyze", &file, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = json(&out);
    let text = std::fs::read_to_string(&file).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(doc["file"], file.as_str());
    assert_eq!(sentences.len(), 33);
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["number"], i + 1);
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s["text"], &text[start..end]);
    }
    assert!(
        sentences[1]["text"]
            .as_str()
            .unwrap()
            .contains("U.S.\n\nPresident")
    );
}

#[test]
fn analyze_lists_sentences_one_per_line() {
    let out = slant(&["analyze", &data("article_maralago_meeting.txt")]);
    let text = stdout(&out);
    // A numbered line per sentence; the cues found in it, if any, on an indented line below.
    let sentences: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(sentences.len(), 30);
    let line = sentences[15];
    assert!(line.starts_with("  16 "), "{line}");
    assert!(
        line.ends_with(" Trump emphasized: “For missiles, yes."),
        "{line}"
    );
}

#[test]
fn stats_json_keeps_its_field_names() {
    let out = slant(&["stats", &sample(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = json(&out);
    let nbc = &doc["articles"][1];
    assert_eq!(nbc["id"], "nbc-netanyahu-urges");
    assert_eq!(nbc["outlet"], "NBC News");
    assert_eq!(nbc["sentences"], 33);
    assert!(
        nbc["title"]
            .as_str()
            .unwrap()
            .starts_with("Israeli Prime Minister")
    );
    assert!(nbc["words"].as_u64().unwrap() > 500);
    let r = &nbc["reviewers"][0];
    assert_eq!(r["reviewer"], "M. Rivera");
    assert_eq!(r["tagged"], 33);
    let counts = &r["counts"];
    let sum: u64 = ["fact", "quote", "speculation", "loaded"]
        .iter()
        .map(|k| counts[k].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 33);
    assert!(r["loaded_phrases"].as_u64().unwrap() > 0);
    assert_eq!(
        (
            r["voices"]["named"].as_u64(),
            r["voices"]["unnamed"].as_u64()
        ),
        // Warren and Netanyahu ("…,’ he said" after "for Netanyahu, the calculus is clear").
        (Some(2), Some(5))
    );
    assert!(r["loaded_phrases_per_100_words"].as_f64().unwrap() > 0.0);
    let evidence = &nbc["evidence"];
    assert!(
        evidence["anonymous_sources"].as_u64().unwrap() >= 4,
        "{evidence}"
    );
    assert!(evidence["hedges"].as_u64().unwrap() >= 5, "{evidence}");
    assert!(evidence["hedges_per_100_words"].as_f64().unwrap() > 0.0);
    assert_eq!(
        evidence["found_by"], "Slant's word lists, not a reviewer",
        "the counts say they are not a reviewer's"
    );
}

#[test]
fn stats_table_is_readable() {
    let out = slant(&["stats", &sample()]);
    let text = stdout(&out);
    assert!(
        text.contains("nbc-netanyahu-urges: Israeli Prime Minister"),
        "{text}"
    );
    assert!(
        text.contains("M. Rivera") && text.contains("33/33"),
        "{text}"
    );
    // The notes each reviewer wrote, as `--json` counts them, in the last column.
    let doc = json(&slant(&["stats", &sample(), "--json"]));
    let notes = doc["articles"][1]["reviewers"][0]["notes"]
        .as_u64()
        .unwrap();
    let header = text.lines().find(|l| l.contains("reviewer")).unwrap();
    assert!(header.trim_end().ends_with("notes"), "{text}");
    let row = text.lines().rfind(|l| l.contains("33/33")).unwrap();
    assert_eq!(
        row.split_whitespace().last(),
        Some(notes.to_string().as_str()),
        "{text}"
    );
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn new_add_and_check_build_a_project() {
    let dir = temp();
    let project = dir.path().join("class.ron");
    let p = project.to_str().unwrap();
    let out = slant(&[
        "new",
        p,
        &data("article_maralago_meeting.txt"),
        "--reviewer",
        "Ana",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = dir.path().join("extra.md");
    std::fs::write(
        &md,
        "# A Third View\n\nOfficials said *nothing*. It may rain.\n",
    )
    .unwrap();
    let out = slant(&[
        "add",
        p,
        md.to_str().unwrap(),
        "--outlet",
        "The Daily",
        "--published",
        "2025-12-29",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = slant(&["check", p]);
    assert_eq!(
        stdout(&out).trim(),
        format!("{p}: OK (2 articles, 1 reviewers, 0 annotations)")
    );
    let loaded = slant_core::store::load(&project).unwrap();
    let extra = &loaded.articles[1];
    assert_eq!(
        (extra.id.as_str(), extra.title.as_str()),
        ("extra", "A Third View")
    );
    assert_eq!(extra.outlet.as_deref(), Some("The Daily"));
    assert_eq!(extra.sentences.len(), 3);
    // A project file is not an article: adding one (even the project itself) is refused.
    let before = std::fs::read(&project).unwrap();
    let out = slant(&["add", p, p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "{p}: is a Slant project file, not an article (to bring in a student's tags, use `slant merge`)"
        )
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // A second `new` on the same path is refused and changes nothing.
    let out = slant(&["new", p, &data("article_maralago_meeting.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"));
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[test]
fn a_project_that_fails_to_load_is_never_written() {
    let dir = temp();
    let project = dir.path().join("broken.ron");
    let good = std::fs::read_to_string(sample()).unwrap();
    let broken = good.replacen("title:", "titel:", 1);
    std::fs::write(&project, &broken).unwrap();
    let out = slant(&[
        "add",
        project.to_str().unwrap(),
        &data("article_maralago_meeting.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("broken.ron:4:3: `titel` is not a field of Project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), broken);
    assert!(!Path::new(&format!("{}.bak", project.display())).exists());
}

#[test]
fn check_names_file_line_and_problem() {
    let dir = temp();
    let project = dir.path().join("bad.ron");
    let good = std::fs::read_to_string(sample()).unwrap();
    // Move the NBC article's third sentence past the end of its text.
    let nbc_at = good.find("id: \"nbc-netanyahu-urges\"").unwrap();
    let third = good[nbc_at..].find("sentences: [").unwrap() + nbc_at;
    let lines: Vec<&str> = good[third..].lines().take(4).collect();
    let bad =
        good[..third].to_owned() + &good[third..].replacen(lines[3].trim(), "(9000, 9999),", 1);
    std::fs::write(&project, &bad).unwrap();
    let out = slant(&["check", project.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = good[..third].lines().count() + 3;
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:{line}:9: article \"nbc-netanyahu-urges\", sentence 3: the range 9000..9999 ends past the end of the text", project.display())),
        "{err}"
    );
}

#[test]
fn exit_codes_follow_the_contract() {
    assert_eq!(slant(&["stats"]).status.code(), Some(2), "missing argument");
    assert_eq!(
        slant(&["frobnicate", "x"]).status.code(),
        Some(2),
        "unknown subcommand"
    );
    assert_eq!(
        slant(&["stats", "/no/such/file.ron"]).status.code(),
        Some(1)
    );
    let out = slant(&["new", "/tmp/x.ron", "a.txt", "b.txt", "--outlet", "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(slant(&["--help"]).status.success());
    for sub in ["new", "add", "analyze", "stats", "check"] {
        let help = slant(&[sub, "--help"]);
        assert!(
            help.status.success() && !help.stdout.is_empty(),
            "{sub} --help"
        );
    }
}

#[test]
fn analyze_shows_words_without_their_soft_hyphens() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hyphens.txt");
    std::fs::write(&file, "Prime Minister Netan\u{ad}yahu spoke on Tuesday.\n").unwrap();
    let out = slant(&["analyze", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("Prime Minister Netanyahu spoke on Tuesday."),
        "{text}"
    );
    // The JSON keeps the file's own text, which its byte offsets point into.
    let out = slant(&["analyze", file.to_str().unwrap(), "--json"]);
    assert!(stdout(&out).contains("Netan\u{ad}yahu"));
}

#[test]
fn analyze_refuses_binary_and_empty_files() {
    let dir = temp();
    let bin: PathBuf = dir.path().join("photo.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = slant(&["analyze", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("photo.txt: this looks like a binary file"));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = slant(&["analyze", empty.to_str().unwrap()]);
    assert!(stderr(&out).contains("empty.txt: the file is empty"));
}

#[test]
fn export_writes_each_format_and_names_bad_choices() {
    let dir = temp();
    for format in ["html", "csv", "md", "json"] {
        let out = dir.path().join(format!("r.{format}"));
        let o = slant(&[
            "export",
            &sample(),
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{format}");
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    let out = dir.path().join("one.md");
    let o = slant(&[
        "export",
        &sample(),
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
        "--article",
        "nbc-netanyahu-urges",
        "--reviewer",
        "M. Rivera",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !std::fs::read_to_string(&out)
            .unwrap()
            .contains("Mar-a-Lago resort")
    );
    let o = slant(&[
        "export",
        &sample(),
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
        "--article",
        "cnn",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        "no article with id \"cnn\" in the project (articles: maralago-meeting, nbc-netanyahu-urges)"
    );
    let o = slant(&["export", &sample(), "--format", "pdf", "-o", "x.pdf"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
}

#[test]
fn analyze_json_adds_suggestions_and_cues_with_byte_offsets() {
    let file = data("article_nbc_netanyahu_urges.txt");
    let doc = json(&slant(&["analyze", &file, "--json"]));
    let text = std::fs::read_to_string(&file).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    let warren = sentences
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("Elizabeth Warren"))
        .unwrap();
    assert_eq!(warren["suggestion"]["tag"], "quote");
    assert!(
        !warren["suggestion"]["reasons"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let headline = &sentences[0];
    assert!(
        headline["suggestion"].is_null(),
        "no evidence, no suggestion"
    );
    let kinds = [
        "quote",
        "attribution",
        "anonymous_source",
        "hedge",
        "loaded",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for s in sentences {
        for cue in s["cues"].as_array().unwrap() {
            let kind = cue["kind"].as_str().unwrap();
            assert!(kinds.contains(&kind), "{kind}");
            seen.insert(kind.to_owned());
            let (start, end) = (
                cue["start"].as_u64().unwrap() as usize,
                cue["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(cue["text"], &text[start..end]);
        }
    }
    assert_eq!(
        seen.len(),
        5,
        "every kind of cue occurs in this article: {seen:?}"
    );
}

#[test]
fn a_teachers_lexicon_folder_adds_cues_and_a_bad_folder_is_named() {
    let dir = temp();
    let article = dir.path().join("match.txt");
    std::fs::write(&article, "United thrashed City on Sunday.\n").unwrap();
    let cues_of = |o: &Output| -> Vec<String> {
        json(o)["sentences"][0]["cues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{}:{}",
                    c["kind"].as_str().unwrap(),
                    c["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let plain = slant(&["analyze", article.to_str().unwrap(), "--json"]);
    assert!(cues_of(&plain).is_empty(), "{:?}", cues_of(&plain));
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(lists.join("loaded_sport.txt"), "thrash~\n").unwrap();
    std::fs::write(lists.join("hedges_typo.txt"), "ok\n* bad\n").unwrap();
    let out = slant(&[
        "analyze",
        article.to_str().unwrap(),
        "--json",
        "--lexicons",
        lists.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cues_of(&out), ["loaded:thrashed"]);
    assert_eq!(
        json(&out)["sentences"][0]["suggestion"]["tag"],
        "loaded",
        "one loaded word in a short sentence"
    );
    assert!(
        stderr(&out).contains("hedges_typo.txt:2: \"* bad\""),
        "a bad file is named with its line: {}",
        stderr(&out)
    );
    let missing = dir.path().join("nowhere");
    let out = slant(&["stats", &sample(), "--lexicons", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nowhere: cannot read it"),
        "{}",
        stderr(&out)
    );
}

/// A class of three: the sample's reviewer, a copy of them, and one who calls every Fact a Quote.
fn class_with_three_reviewers(dir: &Path) -> PathBuf {
    let class = dir.join("class.ron");
    std::fs::copy(sample(), &class).unwrap();
    let csv = dir.join("tags.csv");
    let out = slant(&[
        "export",
        class.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    let copy = dir.join("copy.csv");
    std::fs::write(&copy, text.replace(",M. Rivera,", ",Bo Park,")).unwrap();
    let quotes = dir.join("quotes.csv");
    let quoted: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.to_owned()
            } else {
                l.replace(",M. Rivera,fact,", ",Ann Lee,quote,")
                    .replace(",M. Rivera,", ",Ann Lee,")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&quotes, quoted).unwrap();
    for csv in [&copy, &quotes] {
        let out = slant(&[
            "import-tags",
            class.to_str().unwrap(),
            csv.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("63 annotations imported"),
            "{}",
            stdout(&out)
        );
    }
    class
}

#[test]
fn agree_json_keeps_its_field_names_and_scores_against_the_key() {
    let dir = temp();
    let class = class_with_three_reviewers(dir.path());
    let out = slant(&["key", class.to_str().unwrap(), "M. Rivera"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = slant(&["agree", class.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = json(&out);
    let a = &doc["articles"][0];
    for field in [
        "id",
        "title",
        "krippendorff_alpha",
        "fleiss_kappa",
        "percent_agreement",
        "pairs",
        "sentences",
    ] {
        assert!(a.get(field).is_some(), "missing {field}: {a}");
    }
    assert_eq!(a["pairs"].as_array().unwrap().len(), 3);
    assert_eq!(
        (a["reviewers"].as_u64(), a["tagged_by"].as_u64()),
        (Some(3), Some(3))
    );
    let pair = &a["pairs"][0];
    assert_eq!(
        (pair["a"].as_str(), pair["b"].as_str()),
        (Some("M. Rivera"), Some("Bo Park"))
    );
    assert_eq!(pair["cohen_kappa"], 1.0, "an exact copy agrees perfectly");
    assert!(
        a["fleiss_kappa"].is_number(),
        "every sentence has three tags"
    );
    assert!(a["krippendorff_alpha"].as_f64().unwrap() < 1.0);
    let s = &a["sentences"][0];
    assert_eq!(s["number"], 1);
    let d = &s["distribution"];
    let total: u64 = ["fact", "quote", "speculation", "loaded"]
        .iter()
        .map(|k| d[k].as_u64().unwrap())
        .sum();
    assert_eq!(total, 3);
    let students = a["key"]["students"].as_array().unwrap();
    let bo = students
        .iter()
        .find(|s| s["reviewer"] == "Bo Park")
        .unwrap();
    assert_eq!(bo["accuracy"], 1.0);
    assert!(
        bo["untagged"].is_u64(),
        "the key's sentences left untagged are counted beside accuracy"
    );
    let ann = students
        .iter()
        .find(|s| s["reviewer"] == "Ann Lee")
        .unwrap();
    assert!(ann["accuracy"].as_f64().unwrap() < 1.0);
    assert!(
        ann["confusion"][0][1].as_u64().unwrap() > 0,
        "key Fact, student Quote"
    );
    let table = slant(&["agree", class.to_str().unwrap()]);
    assert!(
        stdout(&table).contains("Krippendorff's α"),
        "{}",
        stdout(&table)
    );
    assert!(!stdout(&table).contains("needs the tags of two reviewers"));
    // The sample has one reviewer: the dashes are explained.
    let one = slant(&["agree", &sample()]);
    assert!(
        stdout(&one).contains("  1 reviewer · agreement"),
        "{}",
        stdout(&one)
    );
    assert!(
        stdout(&one).contains("agreement needs the tags of two reviewers or more"),
        "{}",
        stdout(&one)
    );
    assert!(
        stdout(&table).contains("most disputed: sentence"),
        "{}",
        stdout(&table)
    );
    // Ann's tags of the second article taken out: the class has three reviewers, two of whom
    // tagged it, and the table says so rather than "3 reviewers" alone.
    let text = std::fs::read_to_string(&class).unwrap();
    let second = text
        .find("id: \"nbc-netanyahu-urges\"")
        .expect("second article");
    let ann_at = second + text[second..].find("\"ann-lee\": {").expect("Ann's tags");
    let close = ann_at + text[ann_at..].find("\n        },").expect("their end");
    let without = format!(
        "{}{}",
        &text[..ann_at],
        &text[close + "\n        },".len()..]
    );
    std::fs::write(&class, without).unwrap();
    let table = slant(&["agree", class.to_str().unwrap()]);
    assert!(
        stdout(&table).contains("3 reviewers (2 tagged this article)"),
        "{}",
        stdout(&table)
    );
}

#[test]
fn merge_brings_students_in_and_refuses_a_changed_text() {
    let dir = temp();
    let class = dir.path().join("class.ron");
    let assignment = format!(
        "{}/sample_projects/netanyahu_trump_assignment.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(&assignment, &class).unwrap();
    let mut students = Vec::new();
    for name in ["Ann Lee", "Bo Park"] {
        let path = dir.path().join(format!("{name}.ron"));
        let mut p = slant_core::store::load(Path::new(&assignment)).unwrap();
        let id = p.add_reviewer(name);
        p.articles[0].set_tag(&id, 0, Some(slant_core::model::Tag::Loaded));
        slant_core::store::save(&p, &path).unwrap();
        students.push(path.to_str().unwrap().to_owned());
    }
    let mut args = vec!["merge", class.to_str().unwrap()];
    args.extend(students.iter().map(String::as_str));
    let out = slant(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let merged = slant_core::store::load(&class).unwrap();
    assert_eq!(merged.reviewers.len(), 2);
    // The class's report, and one student's: the student's names no other student.
    let report = dir.path().join("class.md");
    let out = slant(&[
        "export",
        class.to_str().unwrap(),
        "--format",
        "md",
        "--class",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(
        md.contains("Class report: **2 reviewers** (Ann Lee, Bo Park)"),
        "{md}"
    );
    let out = slant(&[
        "export",
        class.to_str().unwrap(),
        "--format",
        "md",
        "--class",
        "--reviewer",
        "Ann Lee",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--class or --reviewer, not both"
    );
    // The same files again: nothing new, and the class file is not rewritten.
    let written = std::fs::metadata(&class).unwrap().modified().unwrap();
    let out = slant(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("nothing new, the file was not written"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::metadata(&class).unwrap().modified().unwrap(),
        written
    );
    // Ann hands in again with one more tag: by default she is kept twice, and told so; with
    // --replace her newer work replaces her earlier work and she counts once.
    let mut newer = slant_core::store::load(Path::new(&students[0])).unwrap();
    let ann = newer.find_reviewer("Ann Lee").unwrap().id.clone();
    newer.articles[0].set_tag(&ann, 1, Some(slant_core::model::Tag::Quote));
    slant_core::store::save(&newer, Path::new(&students[0])).unwrap();
    let kept = dir.path().join("kept.ron");
    std::fs::copy(&class, &kept).unwrap();
    let out = slant(&["merge", kept.to_str().unwrap(), &students[0]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the class figures now count them twice; merge it with --replace"),
        "{}",
        stdout(&out)
    );
    assert_eq!(slant_core::store::load(&kept).unwrap().reviewers.len(), 3);
    let out = slant(&["merge", "--replace", class.to_str().unwrap(), &students[0]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("their earlier work was replaced"),
        "{}",
        stdout(&out)
    );
    let merged = slant_core::store::load(&class).unwrap();
    assert_eq!(merged.reviewers.len(), 2);
    assert_eq!(
        merged.articles[0].annotation(&ann, 1).and_then(|a| a.tag),
        Some(slant_core::model::Tag::Quote)
    );
    // A student whose copy of an article was edited is refused, by article, and nothing changes.
    let bad = dir.path().join("edited.ron");
    let mut p = slant_core::store::load(Path::new(&assignment)).unwrap();
    p.articles[1].text.push_str(" Extra.");
    let id = p.add_reviewer("Cy");
    p.articles[0].set_tag(&id, 0, Some(slant_core::model::Tag::Fact));
    slant_core::store::save(&p, &bad).unwrap();
    let before = std::fs::read(&class).unwrap();
    let out = slant(&["merge", class.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("article \"nbc-netanyahu-urges\" has a different text"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&class).unwrap(),
        before,
        "the class file is untouched"
    );
}

#[test]
fn output_into_a_closed_pipe_ends_quietly_with_exit_0() {
    for args in [
        vec!["agree", "SAMPLE", "--json"],
        vec!["stats", "SAMPLE"],
        vec![
            "compare",
            "SAMPLE",
            "maralago-meeting",
            "nbc-netanyahu-urges",
            "--json",
        ],
    ] {
        let sample = sample();
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "SAMPLE" { sample.as_str() } else { a })
            .collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_slant"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader (`| head`) has gone
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn analyze_without_json_shows_suggestions_and_cues_compactly() {
    let out = slant(&["analyze", &data("article_nbc_netanyahu_urges.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let quoted = text
        .lines()
        .find(|l| l.contains("one U.S. official told NBC"))
        .expect("the sentence is listed");
    assert!(quoted.trim_start().starts_with("5 Q? "), "{quoted}");
    assert!(
        text.contains("anonymous_source “one U.S. official”"),
        "cues under the sentence:\n{text}"
    );
}

#[test]
fn a_report_is_never_written_over_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    std::fs::copy(sample(), &project).unwrap();
    let before = std::fs::read(&project).unwrap();
    let p = project.to_str().unwrap();
    let out = slant(&["export", p, "--format", "csv", "-o", p]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is a Slant project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&project).unwrap(),
        before,
        "the project is untouched"
    );
    // Nor over another project file.
    let other = dir.path().join("other.ron");
    std::fs::copy(sample(), &other).unwrap();
    let out = slant(&["export", p, "--format", "md", "-o", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn hostile_names_are_guarded_in_csv_and_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let p = project.to_str().unwrap();
    let formula = "=HYPERLINK(\"http://evil\",\"click\")";
    let bell = "Ann\u{1b}[31m\u{7}";
    let made = slant(&[
        "new",
        p,
        &data("article_nbc_netanyahu_urges.txt"),
        "--reviewer",
        formula,
        "--reviewer",
        bell,
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    // Tag a sentence for each, through the CSV route a class would use.
    let csv = dir.path().join("tags.csv");
    let out = slant(&["export", p, "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","),
        "{text}"
    );
    let tagged = text.replace(",,,", ",fact,,");
    std::fs::write(&csv, tagged).unwrap();
    let out = slant(&["import-tags", p, csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let names: Vec<String> = slant_core::store::load(&project)
        .unwrap()
        .reviewers
        .iter()
        .map(|r| r.name.clone())
        .collect();
    assert_eq!(
        names,
        [formula, bell],
        "read back unchanged, no reviewer added"
    );
    let stats = slant(&["stats", p]);
    let shown = stdout(&stats);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("\\u{1b}"), "{shown}");
}

#[test]
fn devices_are_refused_at_once_not_read() {
    for args in [
        vec!["analyze", "/dev/zero"],
        vec!["check", "/dev/zero"],
        vec!["stats", "/dev/zero"],
    ] {
        let start = std::time::Instant::now();
        let out = slant(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("/dev/zero: is not a regular file"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
