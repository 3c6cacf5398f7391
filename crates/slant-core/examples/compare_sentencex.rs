//! Prints where sentencex and Slant disagree on a file:
//! `cargo run --example compare_sentencex -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(path).unwrap();
    let ours: Vec<&str> = slant_core::segment::split(&text)
        .iter()
        .map(|s| &text[s.range()])
        .collect();
    let theirs: Vec<&str> = sentencex::segment("en", &text)
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for s in &theirs {
        if !ours.contains(s) {
            println!("sentencex only: {s:?}");
        }
    }
}
