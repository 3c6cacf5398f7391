//! The splitter's word lists (titles, abbreviations, sentence starters…), read from
//! `assets/segment/abbreviations.txt` once and looked up by lower-cased word.

use std::collections::HashMap;
use std::sync::OnceLock;

const WORD_LISTS: &str = include_str!("../../../../assets/segment/abbreviations.txt");

/// Word classes from the lists file, as bit flags (a word may be in several).
pub(super) mod class {
    pub const TITLE: u16 = 1;
    pub const NUMBER: u16 = 1 << 1;
    pub const MONTH: u16 = 1 << 2;
    pub const AMBIGUOUS: u16 = 1 << 3;
    pub const STARTER: u16 = 1 << 4;
    pub const AFTER_TIME: u16 = 1 << 5;
    pub const OPENER: u16 = 1 << 6;
    pub const DANGLING: u16 = 1 << 7;
    pub const CREDIT: u16 = 1 << 8;
    pub const DATE_MONTH: u16 = 1 << 9;
    pub const DATE_WORD: u16 = 1 << 10;
    pub const DATE_ZONE: u16 = 1 << 11;
    pub const STATE_WORD: u16 = 1 << 12;
    pub const SAYING: u16 = 1 << 13;
}

pub(super) fn word_classes() -> &'static HashMap<String, u16> {
    static LISTS: OnceLock<HashMap<String, u16>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in WORD_LISTS.lines() {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (name, words) = line.split_once(':').expect("`class: words` line");
            let bit = match name.trim() {
                "title" => class::TITLE,
                "number" => class::NUMBER,
                "month" => class::MONTH,
                "ambiguous" => class::AMBIGUOUS,
                "starter" => class::STARTER,
                "after-time" => class::AFTER_TIME,
                "opener" => class::OPENER,
                "dangling" => class::DANGLING,
                "credit" => class::CREDIT,
                "date-month" => class::DATE_MONTH,
                "date-word" => class::DATE_WORD,
                "date-zone" => class::DATE_ZONE,
                "state-word" => class::STATE_WORD,
                "saying" => class::SAYING,
                other => panic!("unknown word class {other:?} in abbreviations.txt"),
            };
            for word in words.split_whitespace() {
                *map.entry(word.to_lowercase()).or_insert(0) |= bit;
            }
        }
        map
    })
}

/// The classes of `word`, ignoring case; 0 when it is in no list.
pub(super) fn classes_of(word: &str) -> u16 {
    if word.is_empty() || word.len() > 16 {
        return 0;
    }
    let map = word_classes();
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return map.get(word).copied().unwrap_or(0);
    }
    map.get(&word.to_lowercase()).copied().unwrap_or(0)
}
