//! `slant analyze`: sentences with byte offsets, suggestions and cues, a teacher's word lists, and the files it refuses.

use super::*;
use std::path::PathBuf;

#[test]
fn analyze_json_has_numbered_sentences_with_byte_offsets() {
    let file = data("article_nbc_netanyahu_urges.txt");
    let out = slant(&["analyze", &file, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = json(&out);
    let text = std::fs::read_to_string(&file).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(doc["file"], file.as_str());
    assert_eq!(sentences.len(), 33);
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["number"], i + 1);
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(s["text"], &text[start..end]);
    }
    assert!(
        sentences[1]["text"]
            .as_str()
            .unwrap()
            .contains("U.S.\n\nPresident")
    );
}

#[test]
fn analyze_lists_sentences_one_per_line() {
    let out = slant(&["analyze", &data("article_maralago_meeting.txt")]);
    let text = stdout(&out);
    // A numbered line per sentence; the cues found in it, if any, on an indented line below.
    let sentences: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(sentences.len(), 30);
    let line = sentences[15];
    assert!(line.starts_with("  16 "), "{line}");
    assert!(
        line.ends_with(" Trump emphasized: “For missiles, yes."),
        "{line}"
    );
}

#[test]
fn analyze_shows_words_without_their_soft_hyphens() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hyphens.txt");
    std::fs::write(&file, "Prime Minister Netan\u{ad}yahu spoke on Tuesday.\n").unwrap();
    let out = slant(&["analyze", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("Prime Minister Netanyahu spoke on Tuesday."),
        "{text}"
    );
    // The JSON keeps the file's own text, which its byte offsets point into.
    let out = slant(&["analyze", file.to_str().unwrap(), "--json"]);
    assert!(stdout(&out).contains("Netan\u{ad}yahu"));
}

#[test]
fn analyze_refuses_binary_and_empty_files() {
    let dir = temp();
    let bin: PathBuf = dir.path().join("photo.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = slant(&["analyze", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("photo.txt: this looks like a binary file"));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = slant(&["analyze", empty.to_str().unwrap()]);
    assert!(stderr(&out).contains("empty.txt: the file is empty"));
}

#[test]
fn analyze_json_adds_suggestions_and_cues_with_byte_offsets() {
    let file = data("article_nbc_netanyahu_urges.txt");
    let doc = json(&slant(&["analyze", &file, "--json"]));
    let text = std::fs::read_to_string(&file).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    let warren = sentences
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("Elizabeth Warren"))
        .unwrap();
    assert_eq!(warren["suggestion"]["tag"], "quote");
    assert!(
        !warren["suggestion"]["reasons"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let headline = &sentences[0];
    assert!(
        headline["suggestion"].is_null(),
        "no evidence, no suggestion"
    );
    let kinds = [
        "quote",
        "attribution",
        "anonymous_source",
        "hedge",
        "loaded",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for s in sentences {
        for cue in s["cues"].as_array().unwrap() {
            let kind = cue["kind"].as_str().unwrap();
            assert!(kinds.contains(&kind), "{kind}");
            seen.insert(kind.to_owned());
            let (start, end) = (
                cue["start"].as_u64().unwrap() as usize,
                cue["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(cue["text"], &text[start..end]);
        }
    }
    assert_eq!(
        seen.len(),
        5,
        "every kind of cue occurs in this article: {seen:?}"
    );
}

#[test]
fn a_teachers_lexicon_folder_adds_cues_and_a_bad_folder_is_named() {
    let dir = temp();
    let article = dir.path().join("match.txt");
    std::fs::write(&article, "United thrashed City on Sunday.\n").unwrap();
    let cues_of = |o: &Output| -> Vec<String> {
        json(o)["sentences"][0]["cues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{}:{}",
                    c["kind"].as_str().unwrap(),
                    c["text"].as_str().unwrap()
                )
            })
            .collect()
    };
    let plain = slant(&["analyze", article.to_str().unwrap(), "--json"]);
    assert!(cues_of(&plain).is_empty(), "{:?}", cues_of(&plain));
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(lists.join("loaded_sport.txt"), "thrash~\n").unwrap();
    std::fs::write(lists.join("hedges_typo.txt"), "ok\n* bad\n").unwrap();
    let out = slant(&[
        "analyze",
        article.to_str().unwrap(),
        "--json",
        "--lexicons",
        lists.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cues_of(&out), ["loaded:thrashed"]);
    assert_eq!(
        json(&out)["sentences"][0]["suggestion"]["tag"],
        "loaded",
        "one loaded word in a short sentence"
    );
    assert!(
        stderr(&out).contains("hedges_typo.txt:2: \"* bad\""),
        "a bad file is named with its line: {}",
        stderr(&out)
    );
    let missing = dir.path().join("nowhere");
    let out = slant(&["stats", &sample(), "--lexicons", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nowhere: cannot read it"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn analyze_without_json_shows_suggestions_and_cues_compactly() {
    let out = slant(&["analyze", &data("article_nbc_netanyahu_urges.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let quoted = text
        .lines()
        .find(|l| l.contains("one U.S. official told NBC"))
        .expect("the sentence is listed");
    assert!(quoted.trim_start().starts_with("5 Q? "), "{quoted}");
    assert!(
        text.contains("anonymous_source “one U.S. official”"),
        "cues under the sentence:\n{text}"
    );
}
