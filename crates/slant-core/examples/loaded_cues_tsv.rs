//! Prints the cue engine's loaded cues and quotations for each row of the loaded-wording
//! development set, as TSV (`id start end quoted|QUOTE reason`), so that
//! `scripts/loaded_model.py` can measure a linear model against the rules on the same rows.
//!
//! Run from the repository root: `cargo run -p slant-core --example loaded_cues_tsv > cues.tsv`.
use slant_core::cues::{self, CueKind, Lexicons};

fn main() {
    let data = std::fs::read_to_string("tests/data/loaded_dev/sentences.tsv")
        .expect("run from the repository root");
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, text) = (cols[0], cols[6]);
        let sentences = slant_core::segment::split(text);
        for c in cues::find(text, &sentences, Lexicons::builtin()) {
            let (start, end) = (c.span.start, c.span.end);
            match c.kind {
                CueKind::Loaded => {
                    let reason = c.reason.replace(['\t', '\n'], " ");
                    println!("{id}\t{start}\t{end}\t{}\t{reason}", c.quoted);
                }
                CueKind::Quote => println!("{id}\t{start}\t{end}\tQUOTE\t"),
                _ => {}
            }
        }
    }
}
