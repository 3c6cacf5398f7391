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
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Shortcuts that work even while typing in a text field.
pub fn global_shortcuts() -> Vec<Shortcut> {
    vec![
        Shortcut {
            action: Action::NewProject,
            name: "New project",
            keys: vec![key(CMD, Key::N)],
        },
        Shortcut {
            action: Action::OpenProject,
            name: "Open…",
            keys: vec![key(CMD, Key::O)],
        },
        Shortcut {
            action: Action::Save,
            name: "Save",
            keys: vec![key(CMD, Key::S)],
        },
        Shortcut {
            action: Action::SaveAs,
            name: "Save as…",
            keys: vec![key(CMD_SHIFT, Key::S)],
        },
        Shortcut {
            action: Action::Export,
            name: "Export report…",
            keys: vec![key(CMD, Key::E)],
        },
        Shortcut {
            action: Action::Close,
            name: "Close project",
            keys: vec![key(CMD, Key::W)],
        },
        Shortcut {
            action: Action::Quit,
            name: "Quit",
            keys: vec![key(CMD, Key::Q)],
        },
        Shortcut {
            action: Action::Redo,
            name: "Redo",
            keys: vec![key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
        },
        Shortcut {
            action: Action::Undo,
            name: "Undo",
            keys: vec![key(CMD, Key::Z)],
        },
        Shortcut {
            action: Action::Find,
            name: "Find",
            keys: vec![key(CMD, Key::F)],
        },
        Shortcut {
            action: Action::TextLarger,
            name: "Larger text",
            keys: vec![key(CMD, Key::Equals), key(CMD, Key::Plus)],
        },
        Shortcut {
            action: Action::TextSmaller,
            name: "Smaller text",
            keys: vec![key(CMD, Key::Minus)],
        },
        Shortcut {
            action: Action::ShowShortcuts,
            name: "Keyboard shortcuts",
            keys: vec![key(NONE, Key::F1)],
        },
    ]
}

/// Tagging keys: only when no text field has the keyboard.
pub fn tagging_shortcuts() -> Vec<Shortcut> {
    vec![
        Shortcut {
            action: Action::Tag(Some(Tag::Fact)),
            name: "Tag as Fact",
            keys: vec![key(NONE, Key::Num1), key(NONE, Key::F)],
        },
        Shortcut {
            action: Action::Tag(Some(Tag::Quote)),
            name: "Tag as Quote",
            keys: vec![key(NONE, Key::Num2), key(NONE, Key::Q)],
        },
        Shortcut {
            action: Action::Tag(Some(Tag::Speculation)),
            name: "Tag as Speculation",
            keys: vec![key(NONE, Key::Num3), key(NONE, Key::S)],
        },
        Shortcut {
            action: Action::Tag(Some(Tag::Loaded)),
            name: "Tag as Loaded",
            keys: vec![key(NONE, Key::Num4), key(NONE, Key::L)],
        },
        Shortcut {
            action: Action::Tag(None),
            name: "Clear tag",
            keys: vec![key(NONE, Key::Num0), key(NONE, Key::Backspace)],
        },
        Shortcut {
            action: Action::SelectNext,
            name: "Next sentence",
            keys: vec![key(NONE, Key::J), key(NONE, Key::ArrowDown)],
        },
        Shortcut {
            action: Action::SelectPrevious,
            name: "Previous sentence",
            keys: vec![key(NONE, Key::K), key(NONE, Key::ArrowUp)],
        },
        Shortcut {
            action: Action::NextUntagged,
            name: "Next untagged sentence",
            keys: vec![key(NONE, Key::Tab)],
        },
        Shortcut {
            action: Action::EditNote,
            name: "Edit the note",
            keys: vec![key(NONE, Key::N)],
        },
        Shortcut {
            action: Action::ShowShortcuts,
            name: "Keyboard shortcuts",
            keys: vec![key(NONE, Key::Questionmark)],
        },
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
