//! `slant agree` and `slant merge`: a class's agreement against the key, and students' files brought in.

use super::*;
use std::path::{Path, PathBuf};

/// `slant import-tags CLASS CSV`, which must succeed.
fn import_tags(class: &Path, csv: &Path) -> std::process::Output {
    let out = slant(&[
        "import-tags",
        class.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    out
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
        let out = import_tags(&class, csv);
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
    // Named as typed, said as the project spells it.
    let out = slant(&["key", class.to_str().unwrap(), "m. rivera"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("the answer key is now M. Rivera's tags\n"),
        "{}",
        stdout(&out)
    );
    // Again: already so, and the file is left as it is.
    let written = std::fs::read(&class).unwrap();
    let out = slant(&["key", class.to_str().unwrap(), "M. Rivera"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .ends_with("the answer key is already M. Rivera's tags; the file was not written\n"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&class).unwrap(), written);
    // A name not in the project: the message lists who is.
    let out = slant(&["key", class.to_str().unwrap(), "ana"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "no reviewer named \"ana\" in the project (it has: M. Rivera, Bo Park, Ann Lee)"
        ),
        "{}",
        stderr(&out)
    );
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
    // Bo's window stopped before saving the last of the work: the merge says it is left out.
    std::fs::copy(&students[1], format!("{}.autosave", students[1])).unwrap();
    let mut args = vec!["merge", class.to_str().unwrap()];
    args.extend(students.iter().map(String::as_str));
    let out = slant(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "{}: a Slant window stopped without saving work on it (Bo Park.ron.autosave), which is not merged; open the file in Slant, recover and save it, then merge it again with --replace",
            students[1]
        )),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("Ann Lee.ron: a Slant window"));
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
    // The same newer hand-in merged again is the copy kept before, not a fourth reviewer.
    let out = slant(&["merge", kept.to_str().unwrap(), &students[0]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"Ann Lee (2)\" is already merged with these tags; skipped"),
        "{}",
        stdout(&out)
    );
    assert_eq!(slant_core::store::load(&kept).unwrap().reviewers.len(), 3);
    // A handout copy never worked on is said to hold nothing.
    let out = slant(&["merge", kept.to_str().unwrap(), &assignment]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("holds no tags or notes, so nothing of it was merged"),
        "{}",
        stdout(&out)
    );
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
    // Merging `files` is refused with `message`, and the class file is untouched.
    let refused = |files: &[&Path], message: &str| {
        let mut args = vec!["merge", class.to_str().unwrap()];
        args.extend(files.iter().map(|f| f.to_str().unwrap()));
        let out = slant(&args);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
        assert_eq!(
            std::fs::read(&class).unwrap(),
            before,
            "the class file is untouched"
        );
    };
    refused(
        &[&bad],
        "article \"nbc-netanyahu-urges\" has a different text",
    );
    // A file made for another assignment (no article in common) is refused, and nothing changes:
    // it would add its article and its student to every figure of this class.
    let other_text = dir.path().join("budget.txt");
    std::fs::write(
        &other_text,
        "City council votes on budget\nThe council voted. It passed.\n",
    )
    .unwrap();
    let other = dir.path().join("dana.ron");
    let out = slant(&[
        "new",
        other.to_str().unwrap(),
        other_text.to_str().unwrap(),
        "--lock",
        "--reviewer",
        "Dana Lee",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    refused(
        &[&other],
        "shares no article with the class project (it has \u{201c}City council votes on budget\u{201d}), so it is work for another assignment\nNothing was merged.",
    );
    // Nor does a file that brings the foreign article first make it the class's: every file is
    // measured against the class as it was.
    let mixed = dir.path().join("mixed.ron");
    let mut p = slant_core::store::load(Path::new(&assignment)).unwrap();
    let id = p.add_reviewer("Eve");
    p.articles[0].set_tag(&id, 0, Some(slant_core::model::Tag::Fact));
    p.articles
        .push(slant_core::store::load(&other).unwrap().articles[0].clone());
    slant_core::store::save(&p, &mixed).unwrap();
    refused(
        &[&mixed, &other],
        "dana.ron shares no article with the class project",
    );
    // One of several files refused: the teacher is told the others were not merged either,
    // and how to go on.
    refused(
        &[&mixed, &other],
        "Nothing was merged; merge the other files without it, or ask for a fresh copy of it.",
    );
    // A file that cannot be read is refused the same way, naming it.
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(version: 1, title: \"cut off").unwrap();
    refused(&[&mixed, &broken], "broken.ron");
    refused(
        &[&mixed, &broken],
        "Nothing was merged; merge the other files without it, or ask for a fresh copy of it.",
    );
}

#[test]
fn importing_the_same_tags_again_says_nothing_is_new_and_leaves_the_file() {
    let dir = temp();
    let class = class_with_three_reviewers(dir.path());
    let before = std::fs::read(&class).unwrap();
    let copy = dir.path().join("copy.csv");
    let out = import_tags(&class, &copy);
    assert!(
        stdout(&out).ends_with(
            "nothing new, 63 rows are already in the project; the file was not written\n"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read(&class).unwrap(),
        before,
        "the file is untouched"
    );
    // One row changed: that one is imported, the rest said to be there already.
    let text = std::fs::read_to_string(&copy).unwrap();
    let row = text
        .lines()
        .position(|l| l.contains(",Bo Park,fact,"))
        .unwrap();
    let edited: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == row {
                l.replacen(",Bo Park,fact,", ",Bo Park,speculation,", 1)
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&copy, edited.join("\n")).unwrap();
    let out = import_tags(&class, &copy);
    assert!(
        stdout(&out).ends_with("1 annotation imported; 62 were already in the project\n"),
        "{}",
        stdout(&out)
    );
    // Bo's tag was there: the teacher is told whose work the row replaced.
    assert!(
        stdout(&out).contains("replaced what was there: Bo Park's sentence "),
        "{}",
        stdout(&out)
    );
    assert_ne!(std::fs::read(&class).unwrap(), before);
}

/// `slant lock` on a project already locked (or `--unlock` on one already editable) says so and
/// leaves the file as it is: rewriting it made a crash's autosave look older than the project.
#[test]
fn lock_when_already_so_writes_nothing() {
    let dir = temp();
    let project = dir.path().join("class.ron");
    std::fs::copy(sample(), &project).unwrap();
    let p = project.to_str().unwrap();
    assert!(
        stdout(&slant(&["lock", p])).ends_with("sentences locked (an assignment)\n"),
        "locked"
    );
    let written = std::fs::read(&project).unwrap();
    let bak = std::fs::read(store_backup(&project)).unwrap();
    let out = slant(&["lock", p]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{p}: sentences already locked (an assignment); the file was not written\n")
    );
    assert_eq!(std::fs::read(&project).unwrap(), written);
    assert_eq!(std::fs::read(store_backup(&project)).unwrap(), bak);
    assert!(stdout(&slant(&["lock", p, "--unlock"])).ends_with("sentences editable\n"));
    assert!(
        stdout(&slant(&["lock", p, "--unlock"]))
            .ends_with("sentences already editable; the file was not written\n")
    );
}

fn store_backup(project: &std::path::Path) -> std::path::PathBuf {
    slant_core::store::backup_path(project)
}
