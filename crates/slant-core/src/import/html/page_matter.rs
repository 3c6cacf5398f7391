//! What pages add around a story, told by its text where its markup does not give it away:
//! promotions between and after the paragraphs ("Next On …", "READ MORE: …", "Sign up for …")
//! and the writer's bio at the end ("Jane Doe is a reporter covering …").

/// Words at most this long can be a promotion; a real paragraph that opens like one goes on for
/// longer.
const PROMOTION_WORDS: usize = 20;

/// How a promotion opens, in lower case. Openers a sentence of the story could also start with
/// ("read more about…", "watch the…") count only with a colon or a separator after them.
const OPENERS: &[&str] = &[
    "up next",
    "check out more",
    "sign up for ",
    "sign up to ",
    "subscribe to ",
    "follow us ",
    "don't miss",
    "don’t miss",
    "download the ",
    "get the latest",
    "more from ",
    "powered by ",
];
const OPENERS_WITH_COLON: &[&str] = &[
    "read",
    "read more",
    "read next",
    "read also",
    "also read",
    "related",
    "recommended",
    "see also",
    "more on this",
    "watch",
    "listen",
];

/// Whether a paragraph is a promotion, not the story's.
pub(super) fn is_promotion(block: &str) -> bool {
    let block = block.trim();
    // A quotation or a report is the story's, however it opens ("“Sign up for the alerts,”
    // the mayor urged"; "Advertisement revenue fell 12 percent, the company said").
    if block.split_whitespace().count() > PROMOTION_WORDS
        || block.starts_with(['“', '"', '‘', '\''])
        || reports(block)
    {
        return false;
    }
    // A label in capitals over the story ("EXCLUSIVE", "BREAKING NEWS"): a word or two, no
    // sentence.
    let words = block.split_whitespace().count();
    if words <= 2
        && block.chars().any(char::is_uppercase)
        && !block.chars().any(char::is_lowercase)
        && !block.ends_with(['.', '!', '?', '"', '”', '’'])
    {
        return true;
    }
    // An ad slot's label alone.
    if [
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "paid content",
    ]
    .iter()
    .any(|label| block.eq_ignore_ascii_case(label))
    {
        return true;
    }
    // A call to take the newsletter, wherever it stands ("[What you need to know to start
    // the day: Get New York Today in your inbox.]").
    let lower = block.to_lowercase();
    if ["in your inbox", "to your inbox", "in your email inbox"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return true;
    }
    let opening: String = block
        .chars()
        .take(32)
        .flat_map(char::to_lowercase)
        .collect();
    let opening = opening.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Next On Nightly News: …" names a programme; "Next on Tuesday, the council …" is news.
    let next_on = opening.starts_with("next on ") && block.contains(':') && !block.ends_with('.');
    next_on
        || OPENERS.iter().any(|p| opening.starts_with(p))
        || OPENERS_WITH_COLON.iter().any(|p| {
            opening.strip_prefix(p).is_some_and(|rest| {
                rest.trim_start()
                    .starts_with([':', '|', '»', '›', '>', '—', '–'])
            })
        })
}

/// Whether a paragraph is a credit line of the page's making rather than a sentence of the
/// story: who reviewed, checked or edited it ("Reviewed by Hansa D. Bhargava, MD", "Reporting
/// by Jane Doe; Editing by Sam Lee"). The writer's own byline is read as metadata elsewhere.
pub(super) fn is_credit_line(block: &str) -> bool {
    let lower = block.trim().trim_start_matches(['(', '[']).to_lowercase();
    // A story's sentence that opens so ("Edited by the mayor's staff, the minutes …") ends
    // like a sentence; a credit line does not.
    !lower
        .trim_end_matches([')', ']'])
        .ends_with(['.', '!', '?', '"', '”'])
        && lower.split_whitespace().count() <= CREDIT_WORDS
        && [
            "reviewed by ",
            "medically reviewed by ",
            "fact-checked by ",
            "fact checked by ",
            "edited by ",
            "editing by ",
            "reporting by ",
            "additional reporting by ",
            "compiled by ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// The longest credit line: a few names and their titles.
const CREDIT_WORDS: usize = 16;

/// Whether a paragraph is a page's notice about scripts ("You need to enable JavaScript to run
/// this app."), shown where scripts do not run: never the story, however long.
pub(super) fn is_script_notice(block: &str) -> bool {
    let lower = block.to_lowercase();
    block.split_whitespace().count() <= NOTICE_WORDS
        && [
            "enable javascript",
            "enabling javascript",
            "javascript is disabled",
            "javascript disabled",
            "javascript is turned off",
            "turn on javascript",
            "requires javascript",
            "javascript is required",
            "javascript must be enabled",
            "javascript enabled",
            "javascript to run",
            "javascript to view",
        ]
        .iter()
        .any(|p| lower.contains(p))
        && !reports(block)
}

/// The longest script notice: pages explain at length, but not for a story's length.
const NOTICE_WORDS: usize = 60;

/// Whether a paragraph can be a teaser's title or a menu entry: short, and not a sentence (no
/// closing full stop, question or exclamation mark, no quotation, nobody said it). A list of
/// links made of such paragraphs is another page's list, one of sentences the story's.
pub(super) fn is_link_title(block: &str) -> bool {
    let block = block.trim();
    block.split_whitespace().count() <= PROMOTION_WORDS
        && !block.ends_with(['.', '!', '?', '"', '”', '’', ':'])
        && !block.contains(['“', '"'])
        && !reports(block)
}

/// Whether a paragraph attributes what it says ("…, the clerk said"): a report, not the page's.
fn reports(block: &str) -> bool {
    block.split_whitespace().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic()),
            "said" | "says" | "told" | "according"
        )
    })
}

/// A bio is at most this long.
const BIO_WORDS: usize = 60;

/// Words a bio uses for the writer's job.
const JOBS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "covers",
    "covering",
];

/// Whether a paragraph near the end of a story is the writer's bio: a name (two or three
/// capitalised words) followed by "is a/an/the", "covers" or "writes", naming a newsroom job.
/// A bio set in capitals ("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR") is read in
/// lower case, its name being what stands before "is".
pub(super) fn is_bio(block: &str) -> bool {
    let shouting = !block.chars().any(char::is_lowercase);
    let words: Vec<String> = block
        .split_whitespace()
        .map(|w| {
            if shouting {
                w.to_lowercase()
            } else {
                w.to_owned()
            }
        })
        .collect();
    if words.len() > BIO_WORDS {
        return false;
    }
    let name_length = if shouting {
        words
            .iter()
            .position(|w| matches!(w.as_str(), "is" | "covers" | "writes"))
            .unwrap_or(0)
    } else {
        words
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
    };
    if !(2..=3).contains(&name_length) {
        return false;
    }
    // Titles open a report about someone ("Mayor Teresa Vance is …"), never a writer's bio.
    let first = words[0].as_str();
    if TITLES.iter().any(|t| t.eq_ignore_ascii_case(first)) || reports(&block.to_lowercase()) {
        return false;
    }
    // In capitals every word looks like a name: any word then names the newsroom.
    let named = |w: &str| shouting || w.chars().next().is_some_and(char::is_uppercase);
    let job = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        JOBS.contains(&w.as_str())
    };
    let rest: Vec<&str> = words[name_length..].iter().map(String::as_str).collect();
    match rest.as_slice() {
        // "is a reporter", "is a staff writer", "is the paper's health editor", "is the Nine
        // Network political editor": the job within four words, and not a former one.
        ["is", "a" | "an" | "the", rest @ ..] => {
            let near = &rest[..rest.len().min(4)];
            let Some(at) = near.iter().position(|w| job(w)) else {
                return false;
            };
            // … and a newsroom: "at The Courier", "for Reuters", "the Nine Network political
            // editor", "a staff writer", "covering".
            let newsroom = rest
                .windows(2)
                .any(|pair| matches!(pair[0], "at" | "for" | "of" | "with") && named(pair[1]))
                || near[..at].iter().any(|w| named(w))
                || rest
                    .iter()
                    .any(|w| matches!(*w, "staff" | "covering" | "newsroom"));
            newsroom
                && !near
                    .iter()
                    .any(|w| matches!(*w, "former" | "retired" | "onetime"))
        }
        // "covers politics for The Courier", "writes about schools for …": for a newsroom.
        ["covers" | "writes", rest @ ..] => rest
            .windows(2)
            .any(|pair| matches!(pair[0], "for" | "at") && named(pair[1])),
        _ => false,
    }
}

/// Titles before a name.
const TITLES: &[&str] = &[
    "Mayor",
    "Senator",
    "Sen.",
    "President",
    "Gov.",
    "Governor",
    "Rep.",
    "Dr.",
    "Judge",
    "Sheriff",
    "Chief",
    "Officer",
    "Secretary",
    "Minister",
    "Prime",
    "General",
    "Gen.",
    "Mr.",
    "Mrs.",
    "Ms.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotions_are_told_by_how_they_open() {
        for block in [
            "Next On Nightly News: The storm moves east",
            "READ MORE: How the vote was counted",
            "Sign up for our morning newsletter.",
            "» Related: Five things to know",
            "Watch | The mayor's speech in full",
            "Advertisement",
            "ADVERTISING",
            "EXCLUSIVE",
            "[Read: Netanyahu’s speech to Congress, annotated]",
            "Powered by SmartAsset.com",
            "BREAKING NEWS",
            "Sponsored content",
            "[What you need to know to start the day: Get New York Today in your inbox.]",
            "Get the best of the week delivered to your inbox every Friday",
        ] {
            assert!(is_promotion(block), "{block}");
        }
    }

    #[test]
    fn a_writers_bio_is_told_from_a_sentence_about_someone() {
        assert!(is_bio(
            "Jane Doe is a reporter at The Millbrook Courier covering city hall and schools."
        ));
        assert!(is_bio("Tom Lee Park covers energy for The Courier."));
        assert!(is_bio("LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"));
        assert!(is_bio("Ann Lee is the Courier's chief political reporter."));
        assert!(!is_bio(
            "Mayor Teresa Vance is a former teacher who has led the city since 2019."
        ));
        assert!(!is_bio("Police said the reporter was unharmed."));
        for story in [
            "Maria Lopez covers the cost of her medication herself, she said.",
            "Tom Hale is a retired engineer who has been covering the levee issue on his blog since 2015.",
            "Ann Lee is the editor of the report, which was published Tuesday.",
            "Mayor Teresa Vance is a former reporter who has led the city since 2019.",
            "MAYOR TERESA VANCE IS A FORMER REPORTER AT THE COURIER.",
            "Tom Hale is a Pulitzer winner and a former editor at The Courier.",
        ] {
            assert!(!is_bio(story), "{story}");
        }
    }

    #[test]
    fn sentences_that_open_alike_are_the_story() {
        for block in [
            "Read more about ad blocking here.",
            "Watch the river, the old men say, and you will know the weather.",
            "Related charges were filed against two other men on Friday.",
            "Read more than 300 pages of the report and one finds that the council knew about the leak for years before it acted, residents said.",
            "Next on the council's agenda is a vote on the school budget, the clerk said.",
            "Next on Tuesday, the council will meet again to discuss the levee.",
            "Advertisement revenue fell 12 percent in 2024, the company said.",
            "Subscribe to the view that the levee is safe and you ignore the 2011 flood, critics said.",
            "“Sign up for the evacuation alerts now,” the mayor urged residents.",
            "“Listen: we are not going anywhere,” she said.",
            "“No.”",
            "NO!",
            "Nothing.",
            "北京",
        ] {
            assert!(!is_promotion(block), "{block}");
        }
    }
}
