use super::*;

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|s| &text[s.range()]).collect()
}

#[test]
fn empty_and_blank_text_has_no_sentences() {
    assert!(split("").is_empty());
    assert!(split(" \n\t\u{a0}").is_empty());
}

#[test]
fn abbreviations_titles_and_initials() {
    assert_eq!(
        sentences("Sen. Warren spoke to Dr. Lee at 9 a.m. Monday. It rained."),
        [
            "Sen. Warren spoke to Dr. Lee at 9 a.m. Monday.",
            "It rained."
        ]
    );
    assert_eq!(
        sentences("Talks with Acme Inc. ended Jan. 5. The deal with Acme Inc. It failed."),
        [
            "Talks with Acme Inc. ended Jan. 5.",
            "The deal with Acme Inc.",
            "It failed."
        ]
    );
    assert_eq!(
        sentences("George W. Bush met them in Washington, D.C. The talks ended."),
        [
            "George W. Bush met them in Washington, D.C.",
            "The talks ended."
        ]
    );
}

#[test]
fn numbers_money_and_decimals() {
    assert_eq!(
        sentences("Inflation hit 3.5% in 2024. Prices rose $1.2 billion. Costs fell."),
        [
            "Inflation hit 3.5% in 2024.",
            "Prices rose $1.2 billion.",
            "Costs fell."
        ]
    );
}

#[test]
fn quotes_end_sentences_in_curly_and_straight_marks() {
    assert_eq!(
        sentences("It is ‘almost inevitable.’ Analysts agree. \"We won.\" They left."),
        [
            "It is ‘almost inevitable.’",
            "Analysts agree.",
            "\"We won.\"",
            "They left."
        ]
    );
    assert_eq!(
        sentences("“Where now?” she asked. ‘Home,’ he said."),
        ["“Where now?” she asked.", "‘Home,’ he said."]
    );
}

#[test]
fn a_stop_without_a_space_after_it_or_with_footnotes_still_ends() {
    assert_eq!(
        sentences("It reached 800 schools.The fact is plain. Kaine said it.\"So it goes.\""),
        [
            "It reached 800 schools.",
            "The fact is plain.",
            "Kaine said it.",
            "\"So it goes.\""
        ]
    );
    // A capitalised word after a capitalised one and a bare stop starts a sentence: a name such
    // as `Football.London` is rarer in news than `Tehran.Officials` (a lost space).
    assert_eq!(
        sentences("They met in Tehran.Officials said the talks failed."),
        ["They met in Tehran.", "Officials said the talks failed."]
    );
    // A straight quotation mark after the stop closes a quotation only where one is open.
    assert_eq!(
        sentences("He said \"it ends.\"So it goes. Will it happen?The vote says so."),
        [
            "He said \"it ends.\"",
            "So it goes.",
            "Will it happen?",
            "The vote says so."
        ]
    );
    assert_eq!(
        sentences("He defended the decision.“However we look at it, it stands,” he said."),
        [
            "He defended the decision.",
            "“However we look at it, it stands,” he said."
        ]
    );
    assert_eq!(
        sentences("It is fatal in most patients.1,2 HSCTs are performed widely.3-5 See No.1 Here."),
        [
            "It is fatal in most patients.1,2",
            "HSCTs are performed widely.3-5",
            "See No.1 Here."
        ]
    );
    assert_eq!(
        sentences("It is fatal in most patients.1,2\n\n2019 was a bad year."),
        ["It is fatal in most patients.1,2", "2019 was a bad year."]
    );
    // Web addresses, code, titles and initials keep their token.
    for kept in [
        "Read it on Amazon.Com today.",
        "Call Console.WriteLine here.",
        "Use Math.Max(a, b) here.",
        "exports.Cow = Cow;",
        "Ask Mrs.Smith and J.R.R.Tolkien now.",
        "See www.cnn.com/Politics for more.",
        "Read Yahoo!Finance and Last.Fm today.",
        "It was é.The end.",
    ] {
        assert_eq!(sentences(kept), [kept]);
    }
}

#[test]
fn a_credit_after_its_caption_on_one_line_stands_apart() {
    assert_eq!(
        sentences(
            "The robots met in Washington D.C. Image: United States Navy. Demo day Photo: Nick Moreau. It was the best photo: a win."
        ),
        [
            "The robots met in Washington D.C.",
            "Image: United States Navy.",
            "Demo day",
            "Photo: Nick Moreau.",
            "It was the best photo: a win."
        ]
    );
    // Not after a word that goes on, nor before a small word.
    for kept in [
        "See the Photo: Nick Moreau took it.",
        "He chose Source: unknown for it.",
        "Read Open Sources: Voices from the Revolution.",
        "The exhibition Photo: London Now opens on Friday.",
        "National Geographic Announces Best Photo: Winners From Around the World",
        "The president (Photo: AP) spoke to reporters.",
    ] {
        assert_eq!(sentences(kept), [kept]);
    }
}

#[test]
fn an_ellipsis_inside_a_quoted_title_does_not_end_the_sentence() {
    assert_eq!(
        sentences(
            "She was on NPR’s “Wait, Wait … Don’t Tell Me!” The work helped. He read “Lost ... And Found” twice. Then “Closed… Come Back Soon” came."
        ),
        [
            "She was on NPR’s “Wait, Wait … Don’t Tell Me!”",
            "The work helped.",
            "He read “Lost ... And Found” twice.",
            "Then “Closed… Come Back Soon” came."
        ]
    );
    // A quoted remark is no title: its ellipsis ends a sentence as anywhere.
    assert_eq!(
        sentences("She said, “I was going to… But then I stopped.” It was late."),
        [
            "She said, “I was going to…",
            "But then I stopped.”",
            "It was late."
        ]
    );
}

#[test]
fn a_quotation_taken_as_the_object_of_said_or_that_stays_whole() {
    assert_eq!(
        sentences(
            "The director said \"All were taken to hospital. No one is left at the site.\" Rain fell. She wrote that “It is over. We lost.” Then she left."
        ),
        [
            "The director said \"All were taken to hospital. No one is left at the site.\"",
            "Rain fell.",
            "She wrote that “It is over. We lost.”",
            "Then she left."
        ]
    );
    // After a comma, or not closed on its line, each sentence of the quotation is one.
    assert_eq!(
        sentences("He said, \"Andy was the center. He is a legend.\" He said \"No. We go on"),
        [
            "He said, \"Andy was the center.",
            "He is a legend.\"",
            "He said \"No.",
            "We go on"
        ]
    );
}

#[test]
fn a_pull_quotes_speaker_after_a_dash_belongs_to_it() {
    assert_eq!(
        sentences(
            "“Imagination is more important than knowledge.” — Albert Einstein\n\n\"We are not going anywhere. Ever.\" - Matthew Ingram, Fortune\n\n“Go!” – J. K. Rowling, a writer in Edinburgh\n\nNext."
        ),
        [
            "“Imagination is more important than knowledge.” — Albert Einstein",
            "\"We are not going anywhere.",
            "Ever.\" - Matthew Ingram, Fortune",
            "“Go!” – J. K. Rowling, a writer in Edinburgh",
            "Next."
        ]
    );
    // A sentence after the dash, or a dash with no quotation before it, is no speaker.
    assert_eq!(
        sentences("“We won.” — That was the cry. It ended. — Ann Lee"),
        ["“We won.”", "— That was the cry.", "It ended.", "— Ann Lee"]
    );
    // Nor is an answer or a clause that starts with one capitalised word (a hostile reader's
    // lines).
    for (quote, after) in [
        ("“Is it safe?”", "— Absolutely."),
        ("“Did he lie?”", "— Yes"),
        (
            "\"Thank you.\"",
            "- Next, the mayor spoke about parks and roads.",
        ),
        (
            "\"We lost.\"",
            "- Democrats, meanwhile, are regrouping ahead of November.",
        ),
        ("\"Who did this?\"", "- Hamas, officials said"),
        ("\"I will run again.\"", "- Maybe, but not this year"),
    ] {
        assert_eq!(sentences(&format!("{quote} {after}")), [quote, after]);
    }
}

#[test]
fn a_quoted_question_goes_on_into_a_possessive_speaker() {
    assert_eq!(
        sentences("“Who is he?” Lee’s mother asked about him. “A friend,” Lee said."),
        [
            "“Who is he?” Lee’s mother asked about him.",
            "“A friend,” Lee said."
        ]
    );
    // A possessive that is the next sentence's subject, with no verb of saying.
    assert_eq!(
        sentences("“Who is he?” Lee’s mother smiled at him."),
        ["“Who is he?”", "Lee’s mother smiled at him."]
    );
}

#[test]
fn paragraphs_that_stand_alone_end_their_sentence() {
    // Separators, headlines in title case or capitals (whatever their last word), a web
    // address, and a quotation before the next paragraph's speaker.
    assert_eq!(
        sentences(
            "The vote was close.\n\n* * *\n\nThe council met again.\n\n___\n\nReporters in Leeds contributed.\n\n\
             Mayor Wins Backing From Council in Row With U.S.\n\nCouncil leaders cheered.\n\n\
             LEEDS HOLDINGS TO BUY RIVAL FROM NORTHCO, INC.\n\nLeeds shares rose in May.\n\n\
             What the Fund Is For\n\nOver the years it grew.\n\n\
             Past episodes are here: https://example.org/show/\n\nYou can also listen live.\n\n\
             \u{201c}See you all soon!!!\u{201d}\n\nAnna M. Lee said she had waited."
        ),
        [
            "The vote was close.",
            "* * *",
            "The council met again.",
            "___",
            "Reporters in Leeds contributed.",
            "Mayor Wins Backing From Council in Row With U.S.",
            "Council leaders cheered.",
            "LEEDS HOLDINGS TO BUY RIVAL FROM NORTHCO, INC.",
            "Leeds shares rose in May.",
            "What the Fund Is For",
            "Over the years it grew.",
            "Past episodes are here: https://example.org/show/",
            "You can also listen live.",
            "\u{201c}See you all soon!!!\u{201d}",
            "Anna M. Lee said she had waited."
        ]
    );
    // Still one sentence: a dateline's own line, a broken sentence that is not a headline,
    // and abbreviations before a number, a dash or a time zone.
    assert_eq!(
        sentences(
            "LEEDS Gazette \u{2014}\n\nThe council met. It wrote to the U.S.\n\nTreasury in May. \
             Ep. 12 is out. They sold 900 bbl. \u{2014} a record \u{2014} on Friday. \
             The call is at 1:30 p.m. IST on Monday. \
             The ship lifted off at 8:51 p.m. (1451 GMT) from Baikonur. It landed at 9 p.m. (Moscow \
             time) and docked."
        ),
        [
            "LEEDS Gazette \u{2014}\n\nThe council met.",
            "It wrote to the U.S.\n\nTreasury in May.",
            "Ep. 12 is out.",
            "They sold 900 bbl. \u{2014} a record \u{2014} on Friday.",
            "The call is at 1:30 p.m. IST on Monday.",
            "The ship lifted off at 8:51 p.m. (1451 GMT) from Baikonur.",
            "It landed at 9 p.m. (Moscow time) and docked."
        ]
    );
    // A bracket after the time that opens a sentence of its own still ends the one before.
    assert_eq!(
        sentences("They met at 5 p.m. (A second meeting is planned.) Nobody spoke."),
        [
            "They met at 5 p.m.",
            "(A second meeting is planned.)",
            "Nobody spoke."
        ]
    );
}

#[test]
fn line_breaks_end_headlines_but_not_broken_sentences() {
    assert_eq!(
        sentences(
            "Netanyahu URGES Trump\nIn a meeting, he spoke.\n\nA case to U.S.\n\nPresident Trump, urging action."
        ),
        [
            "Netanyahu URGES Trump",
            "In a meeting, he spoke.",
            "A case to U.S.\n\nPresident Trump, urging action."
        ]
    );
    assert_eq!(
        sentences("The strike hit the\nWhite House lawn, and\nthen the region.\nNext line"),
        [
            "The strike hit the\nWhite House lawn, and\nthen the region.",
            "Next line"
        ]
    );
}

#[test]
fn a_capital_a_naming_a_letter_ends_its_line() {
    // `Vitamin A` is a letter's name; the article `a` at a line's end still goes on.
    assert_eq!(
        sentences("Why Every Town Needs a Plan A\n\nThe council met. It voted."),
        [
            "Why Every Town Needs a Plan A",
            "The council met.",
            "It voted."
        ]
    );
    assert_eq!(
        sentences("Outbreak of hepatitis A\nThe clinic closed."),
        ["Outbreak of hepatitis A", "The clinic closed."]
    );
    assert_eq!(
        sentences("The council signed a\n\nDeal with the union."),
        ["The council signed a\n\nDeal with the union."]
    );
    assert_eq!(
        sentences("TRUMP SIGNS A\n\nBILL ON TRADE"),
        ["TRUMP SIGNS A\n\nBILL ON TRADE"]
    );
    assert_eq!(
        sentences("She spoke of A\n\nNew Beginning in the town."),
        ["She spoke of A\n\nNew Beginning in the town."]
    );
}

#[test]
fn spans_cover_every_visible_character_once() {
    let text = "  One.  Two?\n\n“Three.”   Four…  ";
    let spans = split(text);
    let covered: String = spans.iter().map(|s| &text[s.range()]).collect();
    let visible: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(
        covered
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>(),
        visible
    );
    assert!(spans.windows(2).all(|w| w[0].end < w[1].start));
}
