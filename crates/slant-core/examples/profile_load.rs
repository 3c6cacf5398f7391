//! Times loading a project file: `cargo run --release --example profile_load -- FILE`.
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).expect("a project file"));
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let p = slant_core::store::load(&path).unwrap();
        let loaded = t.elapsed();
        drop(p);
        eprintln!("load {loaded:?}");
    }
}
