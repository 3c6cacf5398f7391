//! Counts as a reader says them: "1 reviewer", "3 reviewers". One function, so the CLI, the
//! app and the reports never say "1 reviewers" or fall back on "file(s)".

/// "1 reviewer", "3 reviewers", "0 reviewers".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Where a voice is quoted, as a report says it: "sentence 8", "sentences 3, 8" (1-based from
/// the 0-based indices given).
pub fn sentence_numbers(sentences: &[usize]) -> String {
    let numbers: Vec<String> = sentences.iter().map(|s| (s + 1).to_string()).collect();
    let noun = if sentences.len() == 1 {
        "sentence"
    } else {
        "sentences"
    };
    format!("{noun} {}", numbers.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_said_in_the_singular() {
        assert_eq!(count(1, "reviewer", "reviewers"), "1 reviewer");
        assert_eq!(count(0, "reviewer", "reviewers"), "0 reviewers");
        assert_eq!(count(3, "file", "files"), "3 files");
        assert_eq!(sentence_numbers(&[7]), "sentence 8");
        assert_eq!(sentence_numbers(&[2, 7]), "sentences 3, 8");
    }
}

/// A share (0 to 1) as a whole percentage, a half rounded up as a teacher rounds it ("5 of 8"
/// is 63%, where Rust's formatting rounds to the even 62%).
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round())
}

#[cfg(test)]
mod percent_tests {
    #[test]
    fn a_half_is_rounded_up() {
        assert_eq!(super::percent(5.0 / 8.0), "63%");
        assert_eq!(super::percent(1.0 / 8.0), "13%");
        assert_eq!(super::percent(1.0 / 3.0), "33%");
        assert_eq!(super::percent(0.0), "0%");
        assert_eq!(super::percent(1.0), "100%");
    }
}
