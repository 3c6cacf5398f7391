//! How the suggestions compare with the sample project's careful tags:
//! `cargo run --example suggest_vs_sample`.
use slant_core::cues::{self, Lexicons};

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample_projects/netanyahu_trump_annotated.ron"
    );
    let project = slant_core::store::load(std::path::Path::new(path)).unwrap();
    let r = &project.reviewers[0].id;
    let (mut suggested, mut agreed, mut total) = (0, 0, 0);
    for a in &project.articles {
        let found = cues::find(&a.text, &a.sentences, Lexicons::builtin());
        for (i, s) in a.sentences.iter().enumerate() {
            total += 1;
            let gold = a.annotation(r, i).and_then(|x| x.tag);
            let sug = cues::suggest(&a.text, *s, &found);
            if let Some(sug) = &sug {
                suggested += 1;
                if Some(sug.tag) == gold {
                    agreed += 1;
                }
            }
            println!(
                "{:>2} {:<12} {:<12} {}",
                i + 1,
                format!("{gold:?}"),
                format!("{:?}", sug.map(|x| x.tag)),
                a.sentence_text(i).chars().take(60).collect::<String>()
            );
        }
    }
    println!("suggested {suggested}/{total}, agreeing with the reviewer {agreed}/{suggested}");
}
