use super::*;

fn cues_of(text: &str) -> Vec<(CueKind, String)> {
    let sentences = crate::segment::split(text);
    find(text, &sentences, Lexicons::builtin())
        .into_iter()
        .map(|c| (c.kind, text[c.span.range()].to_owned()))
        .collect()
}

fn kinds(text: &str, kind: CueKind) -> Vec<String> {
    cues_of(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn quotations_tell_apostrophes_from_closing_marks() {
    let text = "Iran’s move isn’t new. ‘It’s over,’ he said. Iran‘s typo. The ’90s were “calm.”";
    assert_eq!(kinds(text, CueKind::Quote), ["‘It’s over,’", "“calm.”"]);
}

#[test]
fn a_quotation_over_two_paragraphs_covers_both() {
    let text = "‘Trump’s rhetoric has destabilized the region.\n\nWe need diplomacy, not bombs.’ Then he left.";
    assert_eq!(
        kinds(text, CueKind::Quote),
        ["‘Trump’s rhetoric has destabilized the region.\n\nWe need diplomacy, not bombs.’"]
    );
    let unbalanced = "He said ‘hello.\n\nNothing else here. Or here.";
    assert_eq!(
        kinds(unbalanced, CueKind::Quote),
        Vec::<String>::new(),
        "an unclosed mark does not swallow the text"
    );
}

#[test]
fn hedges_but_not_false_friends() {
    assert_eq!(
        kinds("Talks may resume in May 2026, sources say.", CueKind::Hedge),
        ["may"]
    );
    assert_eq!(
        kinds(
            "It is the will of the people. Prices will likely rise.",
            CueKind::Hedge
        ),
        ["likely"]
    );
    assert_eq!(kinds("May we go? Yes.", CueKind::Hedge), ["May"]);
}

#[test]
fn anonymous_sources_and_shouted_words() {
    let text = "‘No,’ said a former U.S. diplomat, who spoke on condition of anonymity. Netanyahu URGES Trump.";
    assert_eq!(
        kinds(text, CueKind::AnonymousSource),
        ["a former U.S. diplomat", "spoke on condition of anonymity"]
    );
    assert_eq!(kinds(text, CueKind::Loaded), ["URGES"]);
    assert_eq!(
        kinds("NATO and the CIA met.", CueKind::Loaded),
        Vec::<String>::new(),
        "acronyms are not shouting"
    );
}

#[test]
fn reporting_verbs_attribute_only_next_to_speech() {
    assert_eq!(
        kinds(
            "The union announced a strike on Monday.",
            CueKind::Attribution
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds("He called the verdict “a disgrace.”", CueKind::Attribution),
        ["called"]
    );
    assert_eq!(
        kinds(
            "The firm announced that profits fell.",
            CueKind::Attribution
        ),
        ["announced"]
    );
}

#[test]
fn would_in_reported_speech_is_not_a_hedge() {
    assert_eq!(
        kinds("His lawyers said they would appeal.", CueKind::Hedge),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds("The plan would cost billions.", CueKind::Hedge),
        ["would"]
    );
}

#[test]
fn unnamed_roles_are_anonymous_but_groups_and_organisations_are_not() {
    assert_eq!(
        kinds("Diplomats said a truce was near.", CueKind::AnonymousSource),
        ["Diplomats"]
    );
    assert_eq!(
        kinds("Forecasters said rain was near.", CueKind::AnonymousSource),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds(
            "“It is flawed,” the company said.",
            CueKind::AnonymousSource
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds("“It is flawed,” a witness said.", CueKind::AnonymousSource),
        ["a witness"]
    );
}

#[test]
fn an_attribution_names_only_the_speaker_beside_it() {
    let text = "According to multiple reports from outlets like NBC News, the leader argued that the plan poses a risk.";
    let sentences = crate::segment::split(text);
    let reasons: Vec<String> = find(text, &sentences, Lexicons::builtin())
        .into_iter()
        .filter(|c| c.kind == CueKind::Attribution)
        .map(|c| c.reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "attribution verb “According to”",
            "attribution “argued” to the leader (unnamed)"
        ]
    );
}

#[test]
fn a_spokesman_beside_a_name_is_named() {
    let none = Vec::<String>::new();
    for named in [
        "Rob Brand, a spokesman for the NAACP, told MSNBC that the law passed.",
        "The law passed, said Ana Ruiz, a spokeswoman for the mayor.",
        "A spokesperson for the council, Dana Lee Ortiz, said it would appeal.",
        "WASHINGTON — Rob Brand, a spokesman for the NAACP, told reporters the law passed.",
        "NEW YORK (AP) — Brand, a spokesman for the city, said the law passed.",
    ] {
        assert_eq!(kinds(named, CueKind::AnonymousSource), none, "{named}");
    }
    for unnamed in [
        "In New York, a spokesman said the law passed.",
        "LONDON — A spokesman for the council said it would appeal.",
        "However, a spokesman said it would appeal.",
        "A spokesman for the council said it would appeal.",
    ] {
        assert_eq!(
            kinds(unnamed, CueKind::AnonymousSource).len(),
            1,
            "{unnamed}"
        );
    }
}

/// A listed loaded word in quotation marks is one cue, the speaker's: not also the writer's
/// scare quotes around it (the sample counted “obliterated” twice, once on each side).
#[test]
fn a_listed_word_in_quotation_marks_is_counted_once() {
    let text =
        "Last June the strikes had “obliterated” the program. The “closed” border stayed shut.";
    let sentences = crate::segment::split(text);
    let loaded: Vec<(String, bool)> = find(text, &sentences, Lexicons::builtin())
        .into_iter()
        .filter(|c| c.kind == CueKind::Loaded)
        .map(|c| (text[c.span.range()].to_owned(), c.quoted))
        .collect();
    assert_eq!(
        loaded,
        [
            ("obliterated".to_owned(), true),
            ("“closed”".to_owned(), false)
        ]
    );
}

/// The underline covers the phrase (`military regime`, `a thumping victory`), the reason
/// names the listed word, and two listed words stay two cues.
#[test]
fn a_loaded_word_is_underlined_with_its_phrase() {
    let text = "Troops of the military regime left. He scored a thumping victory. It was a brutal, ruthless crackdown.";
    let sentences = crate::segment::split(text);
    let loaded: Vec<(String, String)> = find(text, &sentences, Lexicons::builtin())
        .into_iter()
        .filter(|c| c.kind == CueKind::Loaded)
        .map(|c| (text[c.span.range()].to_owned(), c.reason))
        .collect();
    let phrases: Vec<&str> = loaded.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        phrases,
        [
            "military regime",
            "thumping victory",
            "brutal",
            "ruthless crackdown"
        ]
    );
    // Not over a hedge, an attribution or a source: their underlines stay.
    for (text, word) in [
        ("It was a massive possible fraud.", "massive"),
        ("Aides shockingly claimed that it failed.", "shockingly"),
        (
            "Residents feared the brutal officials said nothing.",
            "brutal",
        ),
    ] {
        let sentences = crate::segment::split(text);
        let found = find(text, &sentences, Lexicons::builtin());
        let loaded: Vec<&str> = found
            .iter()
            .filter(|c| c.kind == CueKind::Loaded)
            .map(|c| &text[c.span.range()])
            .collect();
        assert_eq!(loaded, [word], "{text}");
    }
    assert!(
        loaded[0].1.starts_with("loaded “regime”"),
        "{:?}",
        loaded[0]
    );
}

/// A dramatic noun colours itself, not the word after it: "another gaffe happened" was
/// underlined "gaffe happened". It takes the adjective before it instead.
#[test]
fn a_dramatic_noun_is_underlined_alone_or_with_its_adjective() {
    for (text, phrase) in [
        ("Another gaffe happened.", "gaffe"),
        ("Chaos erupted downtown.", "Chaos"),
        ("The launch was a total fiasco.", "total fiasco"),
        (
            "Critics called it a scheme designed to help donors.",
            "scheme",
        ),
    ] {
        assert_eq!(kinds(text, CueKind::Loaded), [phrase], "{text}");
    }
}

#[test]
fn speakers_hedges_and_loaded_words_are_cues_but_counted_as_quoted() {
    let text = "‘If Trump greenlights the strike, it could trigger a disastrous regional war,’ said a former CIA analyst. The senator slammed the plan.";
    let sentences = crate::segment::split(text);
    let found = find(text, &sentences, Lexicons::builtin());
    let hedge = found.iter().find(|c| c.kind == CueKind::Hedge).unwrap();
    assert_eq!(&text[hedge.span.range()], "could");
    assert!(
        hedge.quoted && hedge.reason.contains("inside a quotation"),
        "{hedge:?}"
    );
    let loaded: Vec<&Cue> = found.iter().filter(|c| c.kind == CueKind::Loaded).collect();
    assert!(
        loaded
            .iter()
            .any(|c| c.quoted && &text[c.span.range()] == "disastrous regional war")
    );
    assert!(
        loaded
            .iter()
            .any(|c| !c.quoted && &text[c.span.range()] == "slammed")
    );
    // The suggestion stays Quote; reasons name the words as written, never the list syntax.
    let first = suggest(text, sentences[0], &found).unwrap();
    assert_eq!(first.tag, crate::model::Tag::Quote);
    for c in &found {
        assert!(
            !c.reason.contains('~') && !c.reason.contains(".txt"),
            "{c:?}"
        );
    }
    let evidence = crate::stats::Evidence::from_cues(&found, 30);
    assert_eq!((evidence.hedges, evidence.hedges_quoted), (0, 1));
    assert_eq!(
        (evidence.loaded_words, evidence.loaded_words_quoted),
        (1, 1)
    );
}

#[test]
fn acronyms_datelines_and_names_are_not_loaded() {
    let text = "WASHINGTON — The NAACP and MSNBC covered COVID rules. Senator Rob Portman met Russell Brand. Netanyahu URGES Trump to act.";
    let loaded = kinds(text, CueKind::Loaded);
    assert_eq!(loaded, ["URGES"]);
}

#[test]
fn plain_senses_of_listed_words_in_real_news_are_not_loaded() {
    // Each from a real article: an organ, a commodity, a grade of weapon, a charge, a
    // storm's path, a courtroom exercise, a negotiation, a sports title.
    for text in [
        "Then his heart stopped.",
        "The chemicals the crude leaves behind break down slowly.",
        "The sophisticated S-300 missiles would boost its air defences.",
        "He was charged with violating the privacy of the publisher.",
        "A wintry storm is sweeping across the country.",
        "The students staged a mock trial at the theatre.",
        "They met to hammer out programming agreements.",
        "The defending champions lost in the final.",
        "Yahoo may accept a superior offer by paying a breakup fee.",
        "The crew leaves the hooks to soak before reeling them in.",
        "A broken main was spewing water onto the street.",
    ] {
        assert_eq!(kinds(text, CueKind::Loaded), Vec::<String>::new(), "{text}");
    }
    // The same words keep their judging senses.
    assert_eq!(
        kinds(
            "Critics mocked the plan as a sweeping power grab.",
            CueKind::Loaded
        )
        .len(),
        3
    );
}

#[test]
fn sweeping_generalisations_are_loaded_but_measured_records_are_not() {
    let loaded = |t: &str| kinds(t, CueKind::Loaded);
    assert!(!loaded("It was the worst decision in history.").is_empty());
    assert!(!loaded("Make no mistake, the plan will pass.").is_empty());
    assert!(!loaded("Prices have never been higher.").is_empty());
    assert!(loaded("It was the worst drought on record.").is_empty());
    assert!(loaded("Rates are the highest since 1998.").is_empty());
}

#[test]
fn a_guess_reported_after_a_verb_of_speech_is_the_speakers() {
    let text = "The sites could be struck soon. The official added that the sites could be struck soon. According to aides, the talks may fail. ‘It could fail,’ he said.";
    let sentences = crate::segment::split(text);
    assert_eq!(
        writers_hedges(text, &sentences, Lexicons::builtin()),
        [true, false, false, false]
    );
}
