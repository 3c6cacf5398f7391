//! The word lists the cue engine uses: Slant's own in `assets/lexicons/`, plus a teacher's folder,
//! all run as one automaton.

use std::sync::OnceLock;

use crate::lexicon::{Hit, Lexicon};

/// What a word list is for. A teacher's own list says which by the start of its file name
/// (`hedges_science.txt` adds hedges, `loaded-sport.txt` loaded words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Hedges,
    Loaded,
    Anonymous,
    Attribution,
    /// Verbs that attribute only next to a quotation or "that".
    Reporting,
}

impl ListKind {
    pub const ALL: [ListKind; 5] = [
        ListKind::Hedges,
        ListKind::Loaded,
        ListKind::Anonymous,
        ListKind::Attribution,
        ListKind::Reporting,
    ];

    /// The file-name prefix that selects this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            ListKind::Hedges => "hedges",
            ListKind::Loaded => "loaded",
            ListKind::Anonymous => "anonymous",
            ListKind::Attribution => "attribution",
            ListKind::Reporting => "reporting",
        }
    }

    /// The kind a file is for, by its name (case ignored); `None` for other files.
    pub fn of_file(name: &str) -> Option<ListKind> {
        let lower = name.to_lowercase();
        if !lower.ends_with(".txt") {
            return None;
        }
        ListKind::ALL.into_iter().find(|k| {
            let p = k.prefix();
            // "hedge" and "hedges" both work.
            lower.starts_with(p) || lower.starts_with(p.trim_end_matches('s'))
        })
    }
}

/// The word lists the engine uses: Slant's own, plus any a teacher adds.
#[derive(Clone, Debug)]
pub struct Lexicons {
    pub hedges: Vec<Lexicon>,
    pub loaded: Vec<Lexicon>,
    pub anonymous: Vec<Lexicon>,
    pub attribution: Vec<Lexicon>,
    pub reporting: Vec<Lexicon>,
    /// All of the above in one automaton (a sentence is scanned once, not once per list), and
    /// for each of its groups the list's kind and file name.
    merged: Lexicon,
    groups: Vec<(ListKind, String)>,
}

/// A teacher's lexicon file that could not be used; the others still are.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FolderProblem {
    #[error("{file}: cannot read it: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{0}")]
    BadLine(#[from] crate::lexicon::LexiconError),
    #[error(
        "{file}: not used; a lexicon file's name starts with hedges, loaded, anonymous, attribution or reporting and ends in .txt"
    )]
    UnknownKind { file: String },
}

/// Entries a lexicon folder may add to Slant's lists (each form a `~` makes counts). Building the matcher takes time that grows
/// with the square of the entries past a few thousand (the `aho-corasick` crate renumbers its
/// states by following chains of swaps): 20,000 take 0.7 s, 200,000 took a minute. Real
/// word lists of loaded language have a few thousand.
pub const MAX_FOLDER_ENTRIES: usize = 20_000;

impl Lexicons {
    /// The lists shipped in `assets/lexicons/`.
    pub fn builtin() -> &'static Lexicons {
        static BUILTIN: OnceLock<Lexicons> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let parse = |name: &str, text: &str| {
                vec![Lexicon::parse(name, text).expect("shipped lexicons parse")]
            };
            Lexicons::new(ListKind::ALL.map(|kind| {
                match kind {
                    ListKind::Hedges => parse(
                        "hedges.txt",
                        include_str!("../../../../assets/lexicons/hedges.txt"),
                    ),
                    ListKind::Loaded => [
                        (
                            "loaded.txt",
                            include_str!("../../../../assets/lexicons/loaded.txt"),
                        ),
                        (
                            "loaded_labels.txt",
                            include_str!("../../../../assets/lexicons/loaded_labels.txt"),
                        ),
                        (
                            "loaded_verbs.txt",
                            include_str!("../../../../assets/lexicons/loaded_verbs.txt"),
                        ),
                        (
                            "loaded_intensifiers.txt",
                            include_str!("../../../../assets/lexicons/loaded_intensifiers.txt"),
                        ),
                        (
                            "loaded_nouns.txt",
                            include_str!("../../../../assets/lexicons/loaded_nouns.txt"),
                        ),
                        (
                            "loaded_euphemisms.txt",
                            include_str!("../../../../assets/lexicons/loaded_euphemisms.txt"),
                        ),
                        (
                            "loaded_idioms.txt",
                            include_str!("../../../../assets/lexicons/loaded_idioms.txt"),
                        ),
                        (
                            "loaded_vader.txt",
                            include_str!("../../../../assets/lexicons/loaded_vader.txt"),
                        ),
                    ]
                    .into_iter()
                    .flat_map(|(name, text)| parse(name, text))
                    .collect(),
                    ListKind::Anonymous => parse(
                        "anonymous.txt",
                        include_str!("../../../../assets/lexicons/anonymous.txt"),
                    ),
                    ListKind::Attribution => parse(
                        "attribution.txt",
                        include_str!("../../../../assets/lexicons/attribution.txt"),
                    ),
                    ListKind::Reporting => parse(
                        "reporting.txt",
                        include_str!("../../../../assets/lexicons/reporting.txt"),
                    ),
                }
            }))
        })
    }

    /// The lists of each kind, in [`ListKind::ALL`] order.
    fn new([hedges, loaded, anonymous, attribution, reporting]: [Vec<Lexicon>; 5]) -> Lexicons {
        let mut groups = Vec::new();
        let mut all: Vec<&Lexicon> = Vec::new();
        for (kind, lists) in
            ListKind::ALL
                .into_iter()
                .zip([&hedges, &loaded, &anonymous, &attribution, &reporting])
        {
            for l in lists {
                groups.push((kind, l.name.clone()));
                all.push(l);
            }
        }
        let merged = Lexicon::merge("all lists", &all);
        Lexicons {
            hedges,
            loaded,
            anonymous,
            attribution,
            reporting,
            merged,
            groups,
        }
    }

    /// Every list's matches in `text` (offsets added to `base`), each with its list's kind and
    /// file name.
    pub(super) fn scan<'l>(&'l self, text: &str, base: usize) -> Vec<(ListKind, &'l str, Hit<'l>)> {
        self.merged
            .find(text, base)
            .into_iter()
            .map(|h| {
                let (kind, name) = &self.groups[h.group];
                (*kind, name.as_str(), h)
            })
            .collect()
    }

    fn lists_mut(&mut self, kind: ListKind) -> &mut Vec<Lexicon> {
        match kind {
            ListKind::Hedges => &mut self.hedges,
            ListKind::Loaded => &mut self.loaded,
            ListKind::Anonymous => &mut self.anonymous,
            ListKind::Attribution => &mut self.attribution,
            ListKind::Reporting => &mut self.reporting,
        }
    }

    /// Slant's lists plus every lexicon file in `dir` (not its subfolders), in name order. Files
    /// that cannot be used are reported, not fatal: one bad line must not silence a class's
    /// other lists. A `.txt` file whose name names no kind is reported too, so a typo shows.
    pub fn with_folder(dir: &std::path::Path) -> (Lexicons, Vec<FolderProblem>) {
        let mut lexicons = Lexicons::builtin().clone();
        let mut problems = Vec::new();
        let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(e) => {
                problems.push(FolderProblem::Unreadable {
                    file: dir.display().to_string(),
                    reason: e.to_string(),
                });
                return (lexicons, problems);
            }
        };
        files.sort();
        let mut total = 0;
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !path.is_file() || !name.to_lowercase().ends_with(".txt") {
                continue;
            }
            let Some(kind) = ListKind::of_file(name) else {
                problems.push(FolderProblem::UnknownKind {
                    file: path.display().to_string(),
                });
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => match Lexicon::parse_at_most(name, &text, MAX_FOLDER_ENTRIES - total) {
                    Ok(lexicon) => {
                        total += lexicon.len();
                        lexicons.lists_mut(kind).push(lexicon);
                    }
                    Err(e) => problems.push(FolderProblem::BadLine(crate::lexicon::LexiconError {
                        file: path.display().to_string(),
                        ..e
                    })),
                },
                Err(e) => problems.push(FolderProblem::Unreadable {
                    file: path.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
        let Lexicons {
            hedges,
            loaded,
            anonymous,
            attribution,
            reporting,
            ..
        } = lexicons;
        (
            Lexicons::new([hedges, loaded, anonymous, attribution, reporting]),
            problems,
        )
    }
}

/// A cheap fingerprint of a lexicon folder (names, sizes, modification times), so the app can
/// notice a teacher's edit and reload at once without reading every file each frame.
pub fn folder_stamp(dir: &std::path::Path) -> Vec<(String, u64, Option<std::time::SystemTime>)> {
    let mut stamp: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().ok(),
            ))
        })
        .collect();
    stamp.sort();
    stamp
}

/// Where a cue's word comes from, in words a reader follows: Slant's own lists, the VADER
/// lexicon, or a teacher's file by name. Never the list syntax (`slam~`).
pub(super) fn source(list: &str) -> String {
    match list {
        "loaded.txt" => "Slant's list of loaded words".into(),
        "loaded_labels.txt" => "Slant's list of labels for people and groups".into(),
        "loaded_verbs.txt" => "Slant's list of attack, praise and judging verbs".into(),
        "loaded_intensifiers.txt" => "Slant's list of intensifiers and dramatic words".into(),
        "loaded_nouns.txt" => "Slant's list of dramatic and judging nouns".into(),
        "loaded_euphemisms.txt" => "Slant's list of euphemisms".into(),
        "loaded_idioms.txt" => "Slant's list of figures of speech that judge".into(),
        "loaded_vader.txt" => "a strongly charged word in the VADER sentiment lexicon".into(),
        "hedges.txt" => "Slant's list of hedges".into(),
        "anonymous.txt" => "Slant's list of anonymous sources".into(),
        other => format!("your list {other}"),
    }
}

/// Phrases where a listed word has its plain sense (`humanitarian crisis`, `dangerous goods`):
/// a loaded hit inside one is not a cue.
pub(super) fn plain_senses() -> &'static Lexicon {
    static PLAIN: OnceLock<Lexicon> = OnceLock::new();
    PLAIN.get_or_init(|| {
        Lexicon::parse(
            "plain_senses.txt",
            include_str!("../../../../assets/lexicons/plain_senses.txt"),
        )
        .expect("shipped lexicons parse")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::{CueKind, find};

    #[test]
    fn a_teachers_folder_adds_lists_by_file_name_and_names_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("loaded_sport.txt"), "thrash~\n").unwrap();
        std::fs::write(dir.path().join("hedge-science.txt"), "preliminary\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
        std::fs::write(dir.path().join("anonymous_bad.txt"), "fine\n* oops\n").unwrap();
        let (lexicons, problems) = Lexicons::with_folder(dir.path());
        let builtin = Lexicons::builtin();
        assert_eq!(lexicons.loaded.len(), builtin.loaded.len() + 1);
        assert_eq!(lexicons.hedges.len(), 2);
        assert_eq!(lexicons.anonymous.len(), 1, "the bad file is left out");
        let text = "City were thrashed in a preliminary round.";
        let found = find(text, &crate::segment::split(text), &lexicons);
        let got: Vec<(CueKind, &str)> = found
            .iter()
            .map(|c| (c.kind, &text[c.span.range()]))
            .collect();
        assert_eq!(
            got,
            [
                (CueKind::Loaded, "thrashed"),
                (CueKind::Hedge, "preliminary")
            ]
        );
        assert!(
            found[0].reason.contains("loaded_sport.txt"),
            "{}",
            found[0].reason
        );
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].ends_with("anonymous_bad.txt:2: \"* oops\": `*` must stand between words"),
            "{messages:?}"
        );
        assert!(messages[1].contains("notes.txt: not used"), "{messages:?}");
    }
}
