//! Every input the fuzzers found a bug with (`tests/data/fuzz/`, named for the target and the
//! bug), and the seeds written for a kind of attack (`…-seed-…`), run through the same
//! properties as their fuzz target.

use slant_core::import::Format;

use crate::invariants;

#[test]
fn past_fuzz_findings_hold_their_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&path).unwrap();
        let target = name.split('-').next().unwrap();
        match target {
            "load_project" => invariants::load_project(&data),
            "report_writers" => {
                let text = std::str::from_utf8(&data).unwrap();
                let project = slant_core::store::from_ron(text, &path)
                    .unwrap_or_else(|e| panic!("{name}: a report seed must load: {e}"));
                invariants::reports(&project);
            }
            "import_text" => {
                invariants::import(&data, Format::PlainText);
                invariants::import(&data, Format::Markdown);
            }
            "import_html" => invariants::import(&data, Format::Html),
            "split" => {
                let text = String::from_utf8_lossy(&data);
                invariants::sentences(&text);
                invariants::repair(&text);
            }
            other => panic!("{name}: unknown fuzz target {other:?}"),
        }
        seen += 1;
    }
    assert!(seen >= 3, "the findings are in {}", dir.display());
}
