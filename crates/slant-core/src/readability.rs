//! Word and syllable counts and the two Flesch readability formulas.
//!
//! Syllables are counted the way most readability tools do (groups of vowels, a silent final
//! `e`), which matches the published worked examples the tests use; it is an estimate, and the
//! formulas only make sense over whole passages anyway.

/// Counts gathered from a passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCounts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl TextCounts {
    /// Counts the words and syllables of `sentences`.
    pub fn of_sentences<'a>(sentences: impl IntoIterator<Item = &'a str>) -> TextCounts {
        let mut counts = TextCounts::default();
        for sentence in sentences {
            counts.sentences += 1;
            for word in words(sentence) {
                counts.words += 1;
                counts.syllables += syllables(word);
            }
        }
        counts
    }

    /// Flesch Reading Ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
    /// Higher is easier; `None` for a passage with no words.
    pub fn reading_ease(self) -> Option<f64> {
        let (wps, spw) = self.ratios()?;
        Some(206.835 - 1.015 * wps - 84.6 * spw)
    }

    /// Flesch–Kincaid Grade Level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59,
    /// a U.S. school grade; `None` for a passage with no words.
    pub fn grade_level(self) -> Option<f64> {
        let (wps, spw) = self.ratios()?;
        Some(0.39 * wps + 11.8 * spw - 15.59)
    }

    fn ratios(self) -> Option<(f64, f64)> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        Some((words / self.sentences as f64, self.syllables as f64 / words))
    }
}

/// The words of a text: runs between white space and dashes that hold a letter or digit.
/// `high-stakes` is one word, `support—or` two, `—` none.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '―'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Estimated syllables of one word (at least one).
///
/// Runs over the letters once without allocating: statistics are recomputed on every save.
pub fn syllables(word: &str) -> usize {
    let mut groups = 0;
    let mut letters = 0;
    let mut in_vowels = false;
    // The last three letters, lower-cased, newest last; '\0' before the word starts.
    let mut tail = ['\0'; 4];
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        let c = fold(c);
        let vowel = is_vowel(c, letters == 0);
        if vowel && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel;
        letters += 1;
        tail = [tail[1], tail[2], tail[3], c];
    }
    if letters <= 3 {
        return 1; // short words, numbers and symbols count as one, like most tools
    }
    let [t3, t2, t1, t0] = tail; // t0 is the last letter
    // A silent final e (crea-ture, make), but not -le after a consonant (ta-ble), -ee or -ie.
    if t0 == 'e' && !matches!(t1, 'e' | 'i') && groups > 1 {
        let le_after_consonant = t1 == 'l' && !is_vowel(t2, false);
        if !le_after_consonant {
            groups -= 1;
        }
    }
    // -es and -ed are silent unless after s/x/z/ch/sh/g (for -es) or t/d (for -ed).
    if groups > 1 && matches!((t1, t0), ('e', 'd') | ('e', 's')) && !is_vowel(t2, false) {
        let sounded = if t0 == 'd' {
            matches!(t2, 't' | 'd')
        } else {
            matches!(t2, 's' | 'x' | 'z' | 'g') || (t2 == 'h' && matches!(t3, 'c' | 's'))
        };
        if !sounded {
            groups -= 1;
        }
    }
    groups.max(1)
}

/// Lower case, with common accented vowels folded to their base letter.
fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'á' | 'à' | 'â' | 'ä' | 'Á' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' => 'é', // kept apart: an accented final e is sounded (café)
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ü' => 'u',
        c if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    }
}

/// A vowel letter; `y` only after the first letter (yes, young).
fn is_vowel(c: char, first: bool) -> bool {
    match c {
        'a' | 'e' | 'é' | 'i' | 'o' | 'u' => true,
        'y' => !first,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round1(x: f64) -> f64 {
        (x * 10.0).round() / 10.0
    }

    /// Wikipedia, "Flesch–Kincaid readability tests": "The Australian platypus is seemingly a
    /// hybrid of a mammal and reptilian creature" is grade 11.3, with 24 syllables and 13 words.
    #[test]
    fn platypus_sentence_matches_the_published_example() {
        let counts = TextCounts::of_sentences([
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.",
        ]);
        assert_eq!(
            counts,
            TextCounts {
                sentences: 1,
                words: 13,
                syllables: 24
            }
        );
        assert_eq!(round1(counts.grade_level().unwrap()), 11.3);
    }

    /// Same source: the easiest possible score, 121.22, is one one-syllable word per sentence;
    /// the lowest grade, −3.40, likewise.
    #[test]
    fn extremes_match_the_published_bounds() {
        let counts = TextCounts::of_sentences(["Go.", "Run.", "Stop."]);
        assert_eq!(counts.syllables, 3);
        assert_eq!(
            (counts.reading_ease().unwrap() * 100.0).round() / 100.0,
            121.22
        );
        assert_eq!(
            (counts.grade_level().unwrap() * 100.0).round() / 100.0,
            -3.4
        );
    }

    /// Same source: Green Eggs and Ham averages 5.7 words per sentence and 1.02 syllables per
    /// word, grade −1.3.
    #[test]
    fn green_eggs_and_ham_ratios_give_the_published_grade() {
        let counts = TextCounts {
            sentences: 1000,
            words: 5700,
            syllables: 5814,
        };
        assert_eq!(round1(counts.grade_level().unwrap()), -1.3);
    }

    #[test]
    fn syllables_of_common_words() {
        for (word, n) in [
            ("the", 1),
            ("creature", 2),
            ("table", 2),
            ("make", 1),
            ("agree", 2),
            ("jumped", 1),
            ("wanted", 2),
            ("boxes", 2),
            ("makes", 1),
            ("yes", 1),
            ("obliterated", 5),
            ("Iran’s", 2),
            ("2025", 1),
            ("Café", 2),
            ("changes", 2),
            ("wishes", 2),
            ("Australian", 3),
            ("reptilian", 3),
            ("missile", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn words_split_on_dashes_but_not_hyphens() {
        let w: Vec<_> = words("a high-stakes support—or at least — U.S.-Israeli").collect();
        assert_eq!(
            w,
            [
                "a",
                "high-stakes",
                "support",
                "or",
                "at",
                "least",
                "U.S.-Israeli"
            ]
        );
        assert_eq!(TextCounts::of_sentences(["— —"]).reading_ease(), None);
    }
}
