//! Runs the cue engine over ~10 MB of news text in a loop, for `perf record`.
fn main() {
    let seeds = [
        include_str!("../../../tests/data/article_maralago_meeting.txt"),
        include_str!("../../../tests/data/article_nbc_netanyahu_urges.txt"),
        include_str!("../../../tests/data/newswire_mixed.txt"),
    ];
    let mut text = String::new();
    while text.len() < 10_500_000 {
        for s in seeds {
            text.push_str(s);
            text.push_str("\n\n");
        }
    }
    let lexicons = slant_core::cues::Lexicons::builtin();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let sentences = slant_core::segment::split(&text);
        let t1 = t.elapsed();
        let cues = slant_core::cues::find(&text, &sentences, lexicons);
        let t2 = t.elapsed();
        let n = slant_core::cues::suggest_all(&text, &sentences, &cues)
            .iter()
            .flatten()
            .count();
        let t3 = t.elapsed();
        eprintln!(
            "split {t1:?} find {:?} suggest {:?} ({n} suggestions)",
            t2 - t1,
            t3 - t2
        );
    }
}
