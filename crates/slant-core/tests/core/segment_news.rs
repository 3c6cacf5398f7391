//! Sentence splitting on the way `slant analyze` and the app do it: a text file imported (decoded,
//! repaired of copy-paste damage) and then split. The repair joins the line breaks the splitter
//! puts inside sentences, so a rule that holds for the splitter alone must hold here too.

use slant_core::import::{self, ImportedText};
use slant_core::model::ArticleId;
use slant_core::segment::split;

use crate::segment_gold::{assert_all_pass, failures, golden_rules};

/// The sentences of `text` imported as a `.txt` file: as the article holds them (in the repaired
/// text) and as `slant analyze` reports them (in the file's own text); the two must agree where
/// the repair changed nothing inside a sentence, and the test texts need no other repair.
fn imported_sentences(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    let imported: ImportedText = import::import_file(&path).unwrap();
    let original = imported.original_text().to_owned();
    let map = imported.map.clone();
    let article = imported.into_article(ArticleId::from("a"), "article");
    (0..article.sentences.len())
        .map(|i| {
            let s = article.sentences[i];
            let (start, end) = map.to_original(s.start, s.end);
            let in_file = &original[start..end];
            let stored = article.sentence_text(i);
            let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash(in_file), squash(stored), "offsets map back");
            stored.to_owned()
        })
        .collect()
}

fn split_only(text: &str) -> Vec<String> {
    split(text)
        .into_iter()
        .map(|s| text[s.range()].to_owned())
        .collect()
}

#[test]
fn import_then_split_passes_all_48_golden_rules() {
    let Some(cases) = golden_rules() else { return };
    let failed = failures(&cases, imported_sentences);
    eprintln!(
        "golden rules passed through import: {}/48",
        48 - failed.len()
    );
    assert_all_pass("import then split", &cases, &failed);
}

/// Both ways: the splitter alone (which leaves a joined break inside its sentence), and import
/// (repair) then split.
fn assert_splits(text: &str, want: &[&str]) {
    let alone: Vec<String> = split_only(text)
        .iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(alone, want, "splitter alone");
    assert_eq!(imported_sentences(text), want, "import then split");
}

#[test]
fn an_opening_quote_typed_for_a_closing_one_ends_the_sentence() {
    assert_splits(
        "The court upheld the decision.“ However, the appeal goes on.",
        &[
            "The court upheld the decision.“",
            "However, the appeal goes on.",
        ],
    );
    assert_splits(
        "“Is it over?‘ She left. “Not yet,“ he said.",
        &["“Is it over?‘", "She left.", "“Not yet,“ he said."],
    );
    // Before a lower-case word the quotation goes on.
    assert_splits(
        "He called it “final.“ and left it there.",
        &["He called it “final.“ and left it there."],
    );
}

#[test]
fn a_bracketed_omission_before_a_capital_starts_a_sentence() {
    assert_splits(
        "“We will not retreat [...] The line holds,” he said.",
        &["“We will not retreat [...]", "The line holds,” he said."],
    );
    assert_splits(
        "The report found gaps […] Officials disputed it.",
        &["The report found gaps […]", "Officials disputed it."],
    );
    // Inside a sentence: before a lower-case word, before `I`, and before a citation.
    assert_splits(
        "“The plan [...] was sound [...] I think,” she wrote [...]\" (Lee 12).",
        &["“The plan [...] was sound [...] I think,” she wrote [...]\" (Lee 12)."],
    );
}

#[test]
fn a_caption_and_its_credit_line_are_two_sentences() {
    assert_splits(
        "Sailors march past the memorial in Washington D.C.\nImage: United States Navy.\nThe parade ended at noon.",
        &[
            "Sailors march past the memorial in Washington D.C.",
            "Image: United States Navy.",
            "The parade ended at noon.",
        ],
    );
    assert_splits(
        "Firefighters at work near Paradise, Calif.\n(Photo: Jane Roe/AP)\nPhotograph: John Doe/Reuters\nThe fire spread overnight.",
        &[
            "Firefighters at work near Paradise, Calif.",
            "(Photo: Jane Roe/AP)",
            "Photograph: John Doe/Reuters",
            "The fire spread overnight.",
        ],
    );
    // A caption without a full stop before its credit.
    assert_splits(
        "Crowds outside the U.S. Capitol\n\nSource: Getty Images\n\nThe vote was close.",
        &[
            "Crowds outside the U.S. Capitol",
            "Source: Getty Images",
            "The vote was close.",
        ],
    );
    // A credit label inside a line is only a word.
    assert_splits(
        "The agency cited one source: officials in the U.S. Army.",
        &["The agency cited one source: officials in the U.S. Army."],
    );
}

#[test]
fn a_blank_line_before_a_lower_case_word_is_joined_unless_the_line_before_is_complete() {
    // Copy-paste damage: still one sentence.
    assert_splits(
        "Netanyahu will make a case to the\n\npresident, urging action.\n",
        &["Netanyahu will make a case to the president, urging action."],
    );
    assert_splits(
        "The talks began on March 3, and\n\nofficials said they would go on.",
        &["The talks began on March 3, and officials said they would go on."],
    );
    assert_splits(
        "The strike hit the\nWhite House lawn, and\nthen the region.",
        &["The strike hit the White House lawn, and then the region."],
    );
    // A caption's date line is complete.
    assert_splits(
        "Protesters outside parliament\nMarch 3, 2024\n\nthousands marched on Sunday.",
        &[
            "Protesters outside parliament",
            "March 3, 2024",
            "thousands marched on Sunday.",
        ],
    );
    assert_splits(
        "By Jane Roe\nPublished 10:32 EST, 3 March 2024\n\nofficials in Ohio said on Monday that the plant would close.",
        &[
            "By Jane Roe",
            "Published 10:32 EST, 3 March 2024",
            "officials in Ohio said on Monday that the plant would close.",
        ],
    );
    // A paragraph ending in a date or a time, before a paragraph in lower case.
    assert_splits(
        "The photograph was taken in Kyiv on 3 March 2024\n\nukrainian troops are seen resting.",
        &[
            "The photograph was taken in Kyiv on 3 March 2024",
            "ukrainian troops are seen resting.",
        ],
    );
    // A comma before a quotation in a paragraph of its own.
    assert_splits(
        "He said,\n\n“we will not leave until the work is done.”",
        &["He said,", "“we will not leave until the work is done.”"],
    );
    // A line ending in a date, hard-wrapped inside a paragraph, is not complete.
    assert_splits(
        "The report was published on 3 March 2024\nby the ministry in Kyiv.",
        &["The report was published on 3 March 2024 by the ministry in Kyiv."],
    );
}

#[test]
fn the_spaced_ellipsis_keeps_its_spaces_through_the_repair() {
    let text = "One further habit which was somewhat weakened . . . was lost. . . . The practice was not abandoned. . . .";
    assert_splits(
        text,
        &[
            "One further habit which was somewhat weakened . . . was lost.",
            ". . . The practice was not abandoned. . . .",
        ],
    );
    assert_splits(
        "Indicate the end of the sentence with a period . . . . Next sentence.",
        &[
            "Indicate the end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    );
}

#[test]
fn a_dateline_state_that_is_also_a_word_does_not_end_the_sentence() {
    assert_splits(
        "BATON ROUGE, La. (Meridian) — The commissioner was indicted on Tuesday. He denies it.",
        &[
            "BATON ROUGE, La. (Meridian) — The commissioner was indicted on Tuesday.",
            "He denies it.",
        ],
    );
    assert_splits(
        "SEATTLE, Wash. — Rain fell all day. Roads flooded.",
        &["SEATTLE, Wash. — Rain fell all day.", "Roads flooded."],
    );
    // The same words end a sentence anywhere else.
    assert_splits(
        "She moved to Pa. In May she left.",
        &["She moved to Pa.", "In May she left."],
    );
}

#[test]
fn a_name_with_a_small_first_letter_starts_a_sentence() {
    assert_splits(
        "Apple results disappoint investors\n\niPhone sales fell five percent in the quarter. eBay shares rose.",
        &[
            "Apple results disappoint investors",
            "iPhone sales fell five percent in the quarter.",
            "eBay shares rose.",
        ],
    );
    // A plain lower-case word after a blank line still continues the sentence (copy-paste).
    assert_splits(
        "The council voted to close the\n\nlibrary on Tuesday.",
        &["The council voted to close the library on Tuesday."],
    );
}

#[test]
fn a_number_written_with_a_hash_after_no_or_vol_does_not_end_the_sentence() {
    assert_splits(
        "The song was No. #1 for six weeks. Its album is Vol. #3 of the series.",
        &[
            "The song was No. #1 for six weeks.",
            "Its album is Vol. #3 of the series.",
        ],
    );
    // A hash tag after a sentence ends still starts the next one.
    assert_splits(
        "The team won the cup. #1 fans cheered.",
        &["The team won the cup.", "#1 fans cheered."],
    );
}

#[test]
fn a_quoted_question_or_exclamation_goes_on_with_a_named_speaker() {
    assert_splits(
        "“Do they reinvest the profit in grocery?” Forte said. That could open an avenue.",
        &[
            "“Do they reinvest the profit in grocery?” Forte said.",
            "That could open an avenue.",
        ],
    );
    assert_splits(
        "“Now!” Ms. Ruiz shouted. “Why?” Sen. Joe Manchin asked.",
        &["“Now!” Ms. Ruiz shouted.", "“Why?” Sen. Joe Manchin asked."],
    );
    // Without a verb of saying after the name, the next sentence starts.
    assert_splits(
        "“Is it over?” The answer came fast. “Go!” Forte ran.",
        &[
            "“Is it over?”",
            "The answer came fast.",
            "“Go!”",
            "Forte ran.",
        ],
    );
}

#[test]
fn a_paragraph_break_after_a_plain_words_period_ends_the_sentence_before_a_small_letter() {
    assert_splits(
        "This is what the packet looks like.\n\nrekt: { list: [ ] }\n\nThe root holds 300 lists.",
        &[
            "This is what the packet looks like.",
            "rekt: { list: [ ] }",
            "The root holds 300 lists.",
        ],
    );
    // After an abbreviation the break is copy-paste damage, and is joined.
    assert_splits(
        "He joined the U.S.\n\nmilitary in 2001. It was the Jan.\n\nmeeting.",
        &[
            "He joined the U.S. military in 2001.",
            "It was the Jan. meeting.",
        ],
    );
}

#[test]
fn an_ellipsis_before_who_reported_it_goes_on() {
    assert_splits(
        "The dress was stolen from her hotel room ... TMZ has learned. It was found later.",
        &[
            "The dress was stolen from her hotel room ... TMZ has learned.",
            "It was found later.",
        ],
    );
    // Before any other capitalised word the ellipsis ends the sentence, as before.
    assert_splits(
        "He waited ... Then he left. She paused... The council voted.",
        &[
            "He waited ...",
            "Then he left.",
            "She paused...",
            "The council voted.",
        ],
    );
}
