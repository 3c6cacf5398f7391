//! Everything a person can ask the app to do, with its name and shortcut in one place (the menus,
//! the shortcut sheet and the keyboard handler all read this table). Actions are queued while a
//! frame is drawn and carried out at its end.

use std::path::PathBuf;

use crate::model::{Span, Tag};
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    NewProject,
    OpenProject,
    OpenPath(PathBuf),
    OpenSample,
    ImportArticle,
    Export,
    Save,
    SaveAs,
    Close,
    Quit,
    Undo,
    Redo,
    Find,
    ShowShortcuts,
    TextLarger,
    TextSmaller,
    ToggleDarkMode,
    ToggleSyncedScroll,
    SetColumns(usize),
    /// Tag the selected sentence (`None` clears it).
    Tag(Option<Tag>),
    SelectNext,
    SelectPrevious,
    NextUntagged,
    Select {
        column: usize,
        sentence: usize,
    },
    /// Mark or unmark a loaded phrase in the article shown in `column`.
    TogglePhrase {
        column: usize,
        span: Span,
    },
    SplitSentence {
        column: usize,
        sentence: usize,
        at: usize,
    },
    MergeWithNext {
        column: usize,
        sentence: usize,
    },
    /// Put the keyboard in the note box of the selected sentence.
    EditNote,
    /// Store what the note box holds as the selected sentence's note.
    CommitNote,
    AddReviewer,
    SetReviewer(crate::model::ReviewerId),
    /// Switch to the next reviewer of the project.
    NextReviewer,
    /// Show the next (+1) or previous (−1) article in the focused column.
    CycleArticle(isize),
    /// Take the selected sentence's suggested tag.
    AcceptSuggestion,
    /// Dismiss the selected sentence's suggested tag.
    RejectSuggestion,
    /// Take every open suggestion of this tag in the focused article.
    AcceptAllSuggested(Tag),
    ToggleSuggestions,
    ToggleCueHighlights,
    /// Choose the folder of a teacher's own word lists.
    ChooseLexiconFolder,
    /// Use Slant's word lists only.
    ForgetLexiconFolder,
    /// Show how the class tagged each sentence.
    ToggleClassView,
    /// Link the sentences of the first two columns that report the same thing.
    ToggleCompare,
    /// In compare mode, fade what both articles report.
    ToggleUniqueOnly,
    /// Select the next sentence the class disagreed on.
    NextDisputed,
    /// Make a reviewer's tags the answer key (`None` clears it).
    SetAnswerKey(Option<crate::model::ReviewerId>),
    /// Merge students' project files into this project.
    MergeStudents,
    /// Type or paste an article's text into a dialog (File ▸ New article from text).
    NewArticleFromText,
    /// Text pasted while no text box had the keyboard: offered as a new article.
    PasteArticle(String),
    /// Files dropped onto the window, to import as articles.
    ImportFiles(Vec<PathBuf>),
    /// Edit the focused article's text.
    EditArticleText,
    /// Put an annotation that lost its sentence onto the selected sentence.
    PlaceUnplaced {
        article: usize,
        index: usize,
    },
    /// Drop an annotation that lost its sentence (undoable).
    DiscardUnplaced {
        article: usize,
        index: usize,
    },
}

/// An action that has a shortcut, as the menus and the shortcut sheet list it.
pub struct Shortcut {
    pub action: Action,
    pub name: &'static str,
    pub keys: Vec<KeyboardShortcut>,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

fn entry(action: Action, name: &'static str, keys: &[KeyboardShortcut]) -> Shortcut {
    Shortcut {
        action,
        name,
        keys: keys.to_vec(),
    }
}

/// Shortcuts that work even while typing in a text field.
pub fn global_shortcuts() -> Vec<Shortcut> {
    use Action as A;
    vec![
        entry(A::NewProject, "New project", &[key(CMD, Key::N)]),
        entry(A::OpenProject, "Open…", &[key(CMD, Key::O)]),
        entry(A::Save, "Save", &[key(CMD, Key::S)]),
        entry(A::SaveAs, "Save as…", &[key(CMD_SHIFT, Key::S)]),
        entry(A::Export, "Export report…", &[key(CMD, Key::E)]),
        entry(A::Close, "Close project", &[key(CMD, Key::W)]),
        entry(A::Quit, "Quit", &[key(CMD, Key::Q)]),
        entry(A::Redo, "Redo", &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)]),
        entry(A::Undo, "Undo", &[key(CMD, Key::Z)]),
        entry(A::Find, "Find", &[key(CMD, Key::F)]),
        entry(
            A::EditArticleText,
            "Edit article text…",
            &[key(NONE, Key::F2)],
        ),
        entry(
            A::NewArticleFromText,
            "New article from text…",
            &[key(CMD_SHIFT, Key::N)],
        ),
        entry(
            A::TextLarger,
            "Larger text",
            &[key(CMD, Key::Equals), key(CMD, Key::Plus)],
        ),
        entry(A::TextSmaller, "Smaller text", &[key(CMD, Key::Minus)]),
        entry(A::SetColumns(1), "One column", &[key(CMD, Key::Num1)]),
        entry(A::SetColumns(2), "Two columns", &[key(CMD, Key::Num2)]),
        entry(A::SetColumns(3), "Three columns", &[key(CMD, Key::Num3)]),
        entry(A::SetColumns(4), "Four columns", &[key(CMD, Key::Num4)]),
        entry(
            A::CycleArticle(1),
            "Next article in this column",
            &[key(ALT, Key::ArrowRight)],
        ),
        entry(
            A::CycleArticle(-1),
            "Previous article in this column",
            &[key(ALT, Key::ArrowLeft)],
        ),
        entry(A::NextReviewer, "Next reviewer", &[key(CMD, Key::R)]),
        entry(
            A::ToggleSyncedScroll,
            "Synced scrolling",
            &[key(CMD, Key::L)],
        ),
        entry(A::ToggleDarkMode, "Dark mode", &[key(CMD_SHIFT, Key::D)]),
        entry(
            A::ShowShortcuts,
            "Keyboard shortcuts",
            &[key(NONE, Key::F1)],
        ),
    ]
}

/// Tagging keys: only when no text field has the keyboard.
pub fn tagging_shortcuts() -> Vec<Shortcut> {
    use Action as A;
    vec![
        entry(
            A::Tag(Some(Tag::Fact)),
            "Tag as Fact",
            &[key(NONE, Key::Num1), key(NONE, Key::F)],
        ),
        entry(
            A::Tag(Some(Tag::Quote)),
            "Tag as Quote",
            &[key(NONE, Key::Num2), key(NONE, Key::Q)],
        ),
        entry(
            A::Tag(Some(Tag::Speculation)),
            "Tag as Speculation",
            &[key(NONE, Key::Num3), key(NONE, Key::S)],
        ),
        entry(
            A::Tag(Some(Tag::Loaded)),
            "Tag as Loaded",
            &[key(NONE, Key::Num4), key(NONE, Key::L)],
        ),
        entry(
            A::Tag(None),
            "Clear tag",
            &[key(NONE, Key::Num0), key(NONE, Key::Backspace)],
        ),
        entry(
            A::SelectNext,
            "Next sentence",
            &[key(NONE, Key::J), key(NONE, Key::ArrowDown)],
        ),
        entry(
            A::SelectPrevious,
            "Previous sentence",
            &[key(NONE, Key::K), key(NONE, Key::ArrowUp)],
        ),
        entry(
            A::NextUntagged,
            "Next untagged sentence",
            &[key(NONE, Key::Tab)],
        ),
        entry(A::EditNote, "Edit the note", &[key(NONE, Key::N)]),
        entry(
            A::AcceptSuggestion,
            "Accept the suggested tag",
            &[key(NONE, Key::Enter)],
        ),
        entry(
            A::RejectSuggestion,
            "Dismiss the suggested tag",
            &[key(NONE, Key::X)],
        ),
        entry(
            A::ToggleCueHighlights,
            "Underline cue words",
            &[key(NONE, Key::H)],
        ),
        entry(
            A::ToggleClassView,
            "Class view (how everyone tagged)",
            &[key(NONE, Key::C)],
        ),
        entry(
            A::NextDisputed,
            "Next disputed sentence",
            &[key(NONE, Key::D)],
        ),
        entry(
            A::ToggleCompare,
            "Compare mode (link matching sentences)",
            &[key(NONE, Key::M)],
        ),
        entry(
            A::ToggleUniqueOnly,
            "Compare: only what one outlet reports",
            &[key(NONE, Key::U)],
        ),
        entry(
            A::ShowShortcuts,
            "Keyboard shortcuts",
            &[key(NONE, Key::Questionmark)],
        ),
    ]
}

/// The shortcut text shown beside a menu item, e.g. "Ctrl+S".
pub fn shortcut_text(ctx: &egui::Context, action: &Action) -> Option<String> {
    global_shortcuts()
        .into_iter()
        .chain(tagging_shortcuts())
        .find(|s| &s.action == action)
        .map(|s| {
            s.keys
                .iter()
                .map(|k| display(ctx, k))
                .collect::<Vec<_>>()
                .join(" / ")
        })
}

/// A shortcut as people write it (`Ctrl+=`, `?`), not by egui's key names.
pub fn display(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let names = [
        ("Questionmark", "?"),
        ("Equals", "="),
        ("Plus", "+"),
        ("Minus", "−"),
    ];
    names
        .iter()
        .fold(ctx.format_shortcut(shortcut), |t, (name, symbol)| {
            t.replace(name, symbol)
        })
}
