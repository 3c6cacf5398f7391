//! `slant export`: each format, never over a project, and names from a project guarded in CSV and on the terminal.

use super::*;

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
