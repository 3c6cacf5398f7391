//! `slant stats`: the JSON field names scripts read, and the table people read.

use super::*;

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
