//! Every command a person can give by menu or key, one row each: its label, tooltip, shortcuts,
//! menu place, when it is enabled and whether it is on. The menus, the shortcut sheet, the
//! context menu's and side panel's key hints and the keyboard handler all read this table, so a
//! command cannot be in one and missing or named differently in another (as rerun's `UICommand`).
//! Every `match` here is exhaustive: a new command does not compile until it has its row.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

use crate::actions::Action;
use crate::settings::Settings;
use slant_core::model::{ReviewerId, Tag};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    NewProject,
    Open,
    OpenSample,
    ImportArticle,
    OpenWebAddress,
    NewArticleFromText,
    MergeStudents,
    Save,
    SaveAs,
    ExportReport,
    Close,
    Quit,

    Undo,
    Redo,
    Find,
    EditArticleText,
    SplitSentence,
    MergeWithNext,
    NextReviewer,
    AddReviewer,
    AnswerKey,

    TagFact,
    TagQuote,
    TagSpeculation,
    TagLoaded,
    ClearTag,
    AcceptSuggestion,
    DismissSuggestion,
    AcceptAllQuotes,
    EditNote,
    MarkPhrase,
    NextSentence,
    PreviousSentence,
    NextUntagged,
    NextDisputed,
    NextColumn,
    PreviousColumn,
    NextPage,
    PreviousPage,

    OneColumn,
    TwoColumns,
    ThreeColumns,
    FourColumns,
    NextArticle,
    PreviousArticle,
    SyncedScroll,
    TextLarger,
    TextSmaller,
    DarkMode,
    PanelDown,
    PanelUp,
    Suggestions,
    CueHighlights,
    ClassView,
    CompareMode,
    OnlyWhatOneReports,
    TeachersWordLists,
    SlantsWordListsOnly,

    Shortcuts,
    Menus,
    About,
}

/// The menus, in the order of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    File,
    Edit,
    Tag,
    View,
    Help,
}

impl Menu {
    pub fn label(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Tag => "Tag",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

/// When a command's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a text box (they carry Ctrl, Alt or a function key).
    Always,
    /// Only when no text box has the keyboard (plain letters and digits).
    Tagging,
}

/// Where a command stands in its menu: the menu and the group (a separator between groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub menu: Menu,
    pub group: u8,
}

/// What the table needs to know of the app to say whether a command is enabled, on, or named.
pub struct State<'a> {
    pub settings: &'a Settings,
    pub has_project: bool,
    /// How many articles the open project has (no more columns than that).
    pub articles: usize,
    /// How many columns are shown.
    pub columns: usize,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    /// The project's sentences are locked (an assignment).
    pub locked: bool,
    pub reviewer: Option<&'a ReviewerId>,
    pub answer_key: Option<&'a ReviewerId>,
    /// How many reviewers the project has: an answer key scores the others.
    pub reviewers: usize,
    /// The teacher's word-list folder in use, by name.
    pub lexicon_folder: Option<String>,
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const SHIFT: Modifiers = Modifiers::SHIFT;

const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl UiCommand {
    /// The menu label and the tooltip.
    pub fn text(self) -> (&'static str, &'static str) {
        use UiCommand as C;
        match self {
            C::NewProject => (
                "New project",
                "Start a new project (asks for its title and your name)",
            ),
            C::Open => ("Open…", "Open a project file (.ron)"),
            C::OpenSample => (
                "Open sample project",
                "Two real articles about one event, already tagged",
            ),
            C::ImportArticle => (
                "Import article…",
                "Add an article from a .txt, .md or saved web page (.html)",
            ),
            C::OpenWebAddress => (
                "Open web address…",
                "Add the article at a web address (https://…); pasting an address does the same",
            ),
            C::NewArticleFromText => ("New article from text…", "Type or paste an article's text"),
            C::MergeStudents => (
                "Merge students' files…",
                "Add the tags in students' project files to this project",
            ),
            C::Save => ("Save", "Save the project to its file"),
            C::SaveAs => ("Save as…", "Save the project to a new file"),
            C::ExportReport => (
                "Export report…",
                "Write a report: HTML (prints to PDF), CSV, Markdown or JSON",
            ),
            C::Close => (
                "Close project",
                "Close the project (asks about unsaved changes)",
            ),
            C::Quit => ("Quit", "Quit Slant (asks about unsaved changes)"),
            C::Undo => ("Undo", "Undo the last change"),
            C::Redo => ("Redo", "Redo the change just undone"),
            C::Find => ("Find", "Find text in the focused column"),
            C::EditArticleText => (
                "Edit article text…",
                "Correct the focused article's text; tags move with their sentences",
            ),
            C::SplitSentence => (
                "Split the sentence…",
                "Make two sentences of the selected one: type the words the second one starts with",
            ),
            C::MergeWithNext => (
                "Merge with the next sentence",
                "Join the selected sentence and the one after it (their tags and notes are kept)",
            ),
            C::NextReviewer => ("Next reviewer", "Tag as the project's next reviewer"),
            C::AddReviewer => ("Add reviewer…", "Add a reviewer and tag as them"),
            C::AnswerKey => (
                "Use this reviewer's tags as the answer key",
                "Score everyone else against this reviewer's tags",
            ),
            C::TagFact => ("Tag as Fact", "States something checkable"),
            C::TagQuote => ("Tag as Quote", "Mainly carries someone else's words"),
            C::TagSpeculation => (
                "Tag as Speculation",
                "Predicts, guesses or reports what is not confirmed",
            ),
            C::TagLoaded => ("Tag as Loaded", "Steers the reader through word choice"),
            C::ClearTag => ("Clear tag", "Remove the selected sentence's tag"),
            C::AcceptSuggestion => (
                "Accept the suggested tag",
                "Take Slant's suggestion for the selected sentence",
            ),
            C::DismissSuggestion => (
                "Dismiss the suggested tag",
                "Hide Slant's suggestion for the selected sentence",
            ),
            C::AcceptAllQuotes => (
                "Accept all suggested quotes",
                "Take every open Quote suggestion in the focused article (one undo)",
            ),
            C::MarkPhrase => (
                "Mark a loaded phrase…",
                "Type words of the selected sentence to mark (or unmark) them as a loaded phrase",
            ),
            C::EditNote => (
                "Edit the note",
                "Type a note on the selected sentence (Enter or Escape leaves the note box; Shift+Enter: new line)",
            ),
            C::NextSentence => ("Next sentence", "Select the next sentence"),
            C::PreviousSentence => ("Previous sentence", "Select the previous sentence"),
            C::NextUntagged => (
                "Next untagged sentence",
                "Select the next sentence with no tag",
            ),
            C::NextDisputed => (
                "Next disputed sentence",
                "Select the next sentence the class tagged differently",
            ),
            C::NextColumn => (
                "Next column",
                "Select the sentence beside this one in the column to the right",
            ),
            C::PreviousColumn => (
                "Previous column",
                "Select the sentence beside this one in the column to the left",
            ),
            C::NextPage => (
                "Page down",
                "Select the first sentence a screen further down the focused column",
            ),
            C::PreviousPage => (
                "Page up",
                "Select the first sentence a screen further up the focused column",
            ),
            C::PanelDown => (
                "Scroll the side panel down",
                "Show more of the statistics in the side panel",
            ),
            C::PanelUp => ("Scroll the side panel up", "Show the top of the side panel"),
            C::OneColumn => ("1 column", "Show one article"),
            C::TwoColumns => ("2 columns", "Show two articles side by side"),
            C::ThreeColumns => ("3 columns", "Show three articles side by side"),
            C::FourColumns => ("4 columns", "Show four articles side by side"),
            C::NextArticle => (
                "Next article in this column",
                "Show the project's next article in the focused column",
            ),
            C::PreviousArticle => (
                "Previous article in this column",
                "Show the project's previous article in the focused column",
            ),
            C::SyncedScroll => ("Synced scrolling", "Scroll the columns together"),
            C::TextLarger => ("Larger text", "Make the article text larger"),
            C::TextSmaller => ("Smaller text", "Make the article text smaller"),
            C::DarkMode => ("Dark mode", "Light text on a dark background"),
            C::Suggestions => (
                "Suggested tags",
                "Show Slant's suggested tags as outlined badges",
            ),
            C::CueHighlights => (
                "Underline cue words",
                "Underline the words behind the suggestions",
            ),
            C::ClassView => (
                "Class view",
                "How everyone in the class tagged each sentence",
            ),
            C::CompareMode => (
                "Compare mode",
                "Link the sentences of the first two columns that report the same thing",
            ),
            C::OnlyWhatOneReports => (
                "Only what one outlet reports",
                "In compare mode, fade what both articles report",
            ),
            C::TeachersWordLists => (
                "Teacher's word lists…",
                "Add a folder of your own word lists to Slant's",
            ),
            C::SlantsWordListsOnly => (
                "Use Slant's word lists only",
                "Stop using the teacher's word lists",
            ),
            C::Shortcuts => ("Keyboard shortcuts", "Every key Slant knows"),
            C::Menus => (
                "Open the menus",
                "Open the File menu; the arrows move through it, Enter chooses, Escape closes",
            ),
            C::About => (
                "About Slant",
                "Slant's version and licence, and where it keeps autosaves",
            ),
        }
    }

    pub fn label(self) -> &'static str {
        self.text().0
    }

    /// The keys, the first of them the one menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use UiCommand as C;
        match self {
            C::NewProject => const { &[k(CMD, Key::N)] },
            C::Open => const { &[k(CMD, Key::O)] },
            C::NewArticleFromText => const { &[k(CMD_SHIFT, Key::N)] },
            C::OpenWebAddress => const { &[k(CMD_SHIFT, Key::L)] },
            C::Save => const { &[k(CMD, Key::S)] },
            C::SaveAs => const { &[k(CMD_SHIFT, Key::S)] },
            C::ExportReport => const { &[k(CMD, Key::E)] },
            C::Close => const { &[k(CMD, Key::W)] },
            C::Quit => const { &[k(CMD, Key::Q)] },
            C::Undo => const { &[k(CMD, Key::Z)] },
            C::Redo => const { &[k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)] },
            C::Find => const { &[k(CMD, Key::F)] },
            C::EditArticleText => const { &[k(NONE, Key::F2)] },
            C::SplitSentence => const { &[k(SHIFT, Key::S)] },
            C::MergeWithNext => const { &[k(SHIFT, Key::M)] },
            C::NextReviewer => const { &[k(CMD, Key::R)] },
            C::TagFact => const { &[k(NONE, Key::Num1), k(NONE, Key::F)] },
            C::TagQuote => const { &[k(NONE, Key::Num2), k(NONE, Key::Q)] },
            C::TagSpeculation => const { &[k(NONE, Key::Num3), k(NONE, Key::S)] },
            C::TagLoaded => const { &[k(NONE, Key::Num4), k(NONE, Key::L)] },
            C::ClearTag => const { &[k(NONE, Key::Num0), k(NONE, Key::Backspace)] },
            C::AcceptSuggestion => const { &[k(NONE, Key::Enter)] },
            C::DismissSuggestion => const { &[k(NONE, Key::X)] },
            C::EditNote => const { &[k(NONE, Key::N)] },
            C::MarkPhrase => const { &[k(NONE, Key::P)] },
            C::NextSentence => const { &[k(NONE, Key::J), k(NONE, Key::ArrowDown)] },
            C::PreviousSentence => const { &[k(NONE, Key::K), k(NONE, Key::ArrowUp)] },
            C::NextUntagged => const { &[k(NONE, Key::Tab)] },
            C::NextDisputed => const { &[k(NONE, Key::D)] },
            C::NextColumn => const { &[k(NONE, Key::ArrowRight)] },
            C::PreviousColumn => const { &[k(NONE, Key::ArrowLeft)] },
            C::NextPage => const { &[k(NONE, Key::PageDown)] },
            C::PreviousPage => const { &[k(NONE, Key::PageUp)] },
            C::PanelDown => const { &[k(SHIFT, Key::PageDown)] },
            C::PanelUp => const { &[k(SHIFT, Key::PageUp)] },
            C::OneColumn => const { &[k(CMD, Key::Num1)] },
            C::TwoColumns => const { &[k(CMD, Key::Num2)] },
            C::ThreeColumns => const { &[k(CMD, Key::Num3)] },
            C::FourColumns => const { &[k(CMD, Key::Num4)] },
            C::NextArticle => const { &[k(ALT, Key::ArrowRight)] },
            C::PreviousArticle => const { &[k(ALT, Key::ArrowLeft)] },
            C::SyncedScroll => const { &[k(CMD, Key::L)] },
            C::TextLarger => const { &[k(CMD, Key::Equals), k(CMD, Key::Plus)] },
            C::TextSmaller => const { &[k(CMD, Key::Minus)] },
            C::DarkMode => const { &[k(CMD_SHIFT, Key::D)] },
            C::CueHighlights => const { &[k(NONE, Key::H)] },
            C::ClassView => const { &[k(NONE, Key::C)] },
            C::CompareMode => const { &[k(NONE, Key::M)] },
            C::OnlyWhatOneReports => const { &[k(NONE, Key::U)] },
            C::Shortcuts => const { &[k(NONE, Key::F1), k(NONE, Key::Questionmark)] },
            C::Menus => const { &[k(NONE, Key::F10)] },
            C::About
            | C::OpenSample
            | C::ImportArticle
            | C::MergeStudents
            | C::AddReviewer
            | C::AnswerKey
            | C::AcceptAllQuotes
            | C::Suggestions
            | C::TeachersWordLists
            | C::SlantsWordListsOnly => &[],
        }
    }

    pub fn place(self) -> Place {
        use UiCommand as C;
        let (menu, group) = match self {
            C::NewProject | C::Open | C::OpenSample => (Menu::File, 0),
            C::ImportArticle | C::OpenWebAddress | C::NewArticleFromText | C::MergeStudents => {
                (Menu::File, 1)
            }
            C::Save | C::SaveAs | C::ExportReport | C::Close => (Menu::File, 2),
            C::Quit => (Menu::File, 3),
            C::Undo | C::Redo => (Menu::Edit, 0),
            C::Find | C::EditArticleText => (Menu::Edit, 1),
            C::SplitSentence | C::MergeWithNext => (Menu::Edit, 2),
            C::NextReviewer | C::AddReviewer => (Menu::Edit, 3),
            C::AnswerKey => (Menu::Edit, 4),
            C::TagFact | C::TagQuote | C::TagSpeculation | C::TagLoaded | C::ClearTag => {
                (Menu::Tag, 0)
            }
            C::AcceptSuggestion | C::DismissSuggestion | C::AcceptAllQuotes => (Menu::Tag, 1),
            C::EditNote | C::MarkPhrase => (Menu::Tag, 2),
            C::NextSentence
            | C::PreviousSentence
            | C::NextUntagged
            | C::NextDisputed
            | C::NextColumn
            | C::PreviousColumn
            | C::NextPage
            | C::PreviousPage => (Menu::Tag, 3),
            C::OneColumn
            | C::TwoColumns
            | C::ThreeColumns
            | C::FourColumns
            | C::NextArticle
            | C::PreviousArticle => (Menu::View, 0),
            C::SyncedScroll
            | C::TextLarger
            | C::TextSmaller
            | C::DarkMode
            | C::PanelDown
            | C::PanelUp => (Menu::View, 1),
            C::Suggestions
            | C::CueHighlights
            | C::ClassView
            | C::CompareMode
            | C::OnlyWhatOneReports => (Menu::View, 2),
            C::TeachersWordLists | C::SlantsWordListsOnly => (Menu::View, 3),
            C::Shortcuts | C::Menus => (Menu::Help, 0),
            C::About => (Menu::Help, 1),
        };
        Place { menu, group }
    }

    /// What the command asks the app to do.
    pub fn action(self, state: &State) -> Action {
        use UiCommand as C;
        match self {
            C::NewProject => Action::NewProject,
            C::Open => Action::OpenProject,
            C::OpenSample => Action::OpenSample,
            C::ImportArticle => Action::ImportArticle,
            C::NewArticleFromText => Action::NewArticleFromText,
            C::OpenWebAddress => Action::OpenWebAddress,
            C::MergeStudents => Action::MergeStudents,
            C::Save => Action::Save,
            C::SaveAs => Action::SaveAs,
            C::ExportReport => Action::Export,
            C::Close => Action::Close,
            C::Quit => Action::Quit,
            C::Undo => Action::Undo,
            C::Redo => Action::Redo,
            C::Find => Action::Find,
            C::EditArticleText => Action::EditArticleText,
            C::SplitSentence => Action::SplitSelected,
            C::MergeWithNext => Action::MergeSelected,
            C::NextReviewer => Action::NextReviewer,
            C::AddReviewer => Action::AddReviewer,
            C::AnswerKey => {
                if state.answer_key.is_some() && state.answer_key == state.reviewer {
                    Action::SetAnswerKey(None)
                } else {
                    Action::SetAnswerKey(state.reviewer.cloned())
                }
            }
            C::TagFact => Action::Tag(Some(Tag::Fact)),
            C::TagQuote => Action::Tag(Some(Tag::Quote)),
            C::TagSpeculation => Action::Tag(Some(Tag::Speculation)),
            C::TagLoaded => Action::Tag(Some(Tag::Loaded)),
            C::ClearTag => Action::Tag(None),
            C::AcceptSuggestion => Action::AcceptSuggestion,
            C::DismissSuggestion => Action::RejectSuggestion,
            C::AcceptAllQuotes => Action::AcceptAllSuggested(Tag::Quote),
            C::EditNote => Action::EditNote,
            C::MarkPhrase => Action::MarkPhrase,
            C::NextSentence => Action::SelectNext,
            C::PreviousSentence => Action::SelectPrevious,
            C::NextUntagged => Action::NextUntagged,
            C::NextDisputed => Action::NextDisputed,
            C::NextColumn => Action::StepColumn(1),
            C::PreviousColumn => Action::StepColumn(-1),
            C::NextPage => Action::SelectPage(1),
            C::PreviousPage => Action::SelectPage(-1),
            C::PanelDown => Action::ScrollPanel(1),
            C::PanelUp => Action::ScrollPanel(-1),
            C::OneColumn => Action::SetColumns(1),
            C::TwoColumns => Action::SetColumns(2),
            C::ThreeColumns => Action::SetColumns(3),
            C::FourColumns => Action::SetColumns(4),
            C::NextArticle => Action::CycleArticle(1),
            C::PreviousArticle => Action::CycleArticle(-1),
            C::SyncedScroll => Action::ToggleSyncedScroll,
            C::TextLarger => Action::TextLarger,
            C::TextSmaller => Action::TextSmaller,
            C::DarkMode => Action::ToggleDarkMode,
            C::Suggestions => Action::ToggleSuggestions,
            C::CueHighlights => Action::ToggleCueHighlights,
            C::ClassView => Action::ToggleClassView,
            C::CompareMode => Action::ToggleCompare,
            C::OnlyWhatOneReports => Action::ToggleUniqueOnly,
            C::TeachersWordLists => Action::ChooseLexiconFolder,
            C::SlantsWordListsOnly => Action::ForgetLexiconFolder,
            C::Shortcuts => Action::ShowShortcuts,
            C::Menus => Action::OpenMenus,
            C::About => Action::ShowAbout,
        }
    }

    pub fn enabled(self, s: &State) -> bool {
        use UiCommand as C;
        match self {
            C::NewProject
            | C::Open
            | C::OpenSample
            | C::Quit
            | C::SyncedScroll
            | C::TextLarger
            | C::TextSmaller
            | C::DarkMode
            | C::Suggestions
            | C::CueHighlights
            | C::ClassView
            | C::CompareMode
            | C::OnlyWhatOneReports
            | C::TeachersWordLists
            | C::Shortcuts
            | C::Menus
            | C::About => true,
            C::SlantsWordListsOnly => s.lexicon_folder.is_some(),
            C::Undo => s.undo.is_some(),
            C::Redo => s.redo.is_some(),
            C::EditArticleText | C::SplitSentence | C::MergeWithNext => s.has_project && !s.locked,
            // One reviewer has nobody to score: a student's own copy never sets the key.
            C::AnswerKey => {
                s.reviewer.is_some() && (s.reviewers >= 2 || s.answer_key == s.reviewer)
            }
            C::ImportArticle
            | C::OpenWebAddress
            | C::NewArticleFromText
            | C::MergeStudents
            | C::Save
            | C::SaveAs
            | C::ExportReport
            | C::Close
            | C::Find
            | C::NextReviewer
            | C::AddReviewer
            | C::TagFact
            | C::TagQuote
            | C::TagSpeculation
            | C::TagLoaded
            | C::ClearTag
            | C::AcceptSuggestion
            | C::DismissSuggestion
            | C::AcceptAllQuotes
            | C::EditNote
            | C::MarkPhrase
            | C::NextSentence
            | C::PreviousSentence
            | C::NextUntagged
            | C::NextDisputed
            | C::NextColumn
            | C::PreviousColumn
            | C::NextPage
            | C::PreviousPage
            | C::PanelDown
            | C::PanelUp
            | C::OneColumn
            | C::NextArticle
            | C::PreviousArticle => s.has_project,
            C::TwoColumns => s.articles >= 2,
            C::ThreeColumns => s.articles >= 3,
            C::FourColumns => s.articles >= 4,
        }
    }

    /// Why a greyed-out command cannot be used now, for the menu's tooltip and, when its key is
    /// pressed, the toolbar: a teacher met a greyed "answer key" item that said nothing of
    /// choosing a reviewer first.
    pub fn why_disabled(self, s: &State) -> String {
        use UiCommand as C;
        match self {
            _ if !s.has_project && self != C::SlantsWordListsOnly => "Open a project first.",
            C::AnswerKey if s.reviewers < 2 => {
                "An answer key scores the other reviewers' tags: with one reviewer there is nobody to score. A teacher sets it in the class file, after merging the students' files."
            }
            C::AnswerKey => {
                "Choose a reviewer in the toolbar first: that reviewer's tags become the key."
            }
            C::EditArticleText | C::SplitSentence | C::MergeWithNext => {
                "This project is locked (an assignment): its text and sentences stay as the teacher made them."
            }
            C::Undo => "Nothing to undo.",
            C::Redo => "Nothing to redo.",
            C::TwoColumns => return columns_need(2, s.articles),
            C::ThreeColumns => return columns_need(3, s.articles),
            C::FourColumns => return columns_need(4, s.articles),
            C::SlantsWordListsOnly => "Only Slant's word lists are in use.",
            _ => "Not available now.",
        }
        .to_owned()
    }

    /// `Some(on)` for a command that turns something on or off (shown with a check).
    pub fn checked(self, s: &State) -> Option<bool> {
        use UiCommand as C;
        let settings = s.settings;
        match self {
            C::OneColumn => Some(s.columns == 1),
            C::TwoColumns => Some(s.columns == 2),
            C::ThreeColumns => Some(s.columns == 3),
            C::FourColumns => Some(s.columns == 4),
            C::SyncedScroll => Some(settings.synced_scroll),
            C::DarkMode => Some(settings.dark),
            C::Suggestions => Some(settings.suggestions),
            C::CueHighlights => Some(settings.cue_highlights),
            C::ClassView => Some(settings.class_view),
            C::CompareMode => Some(settings.compare),
            C::OnlyWhatOneReports => Some(settings.unique_only),
            C::NewProject
            | C::Open
            | C::OpenSample
            | C::ImportArticle
            | C::OpenWebAddress
            | C::NewArticleFromText
            | C::MergeStudents
            | C::Save
            | C::SaveAs
            | C::ExportReport
            | C::Close
            | C::Quit
            | C::Undo
            | C::Redo
            | C::Find
            | C::EditArticleText
            | C::SplitSentence
            | C::MergeWithNext
            | C::NextReviewer
            | C::AddReviewer
            | C::AnswerKey
            | C::TagFact
            | C::TagQuote
            | C::TagSpeculation
            | C::TagLoaded
            | C::ClearTag
            | C::AcceptSuggestion
            | C::DismissSuggestion
            | C::AcceptAllQuotes
            | C::EditNote
            | C::MarkPhrase
            | C::NextSentence
            | C::PreviousSentence
            | C::NextUntagged
            | C::NextDisputed
            | C::NextColumn
            | C::PreviousColumn
            | C::NextPage
            | C::PreviousPage
            | C::PanelDown
            | C::PanelUp
            | C::NextArticle
            | C::PreviousArticle
            | C::TextLarger
            | C::TextSmaller
            | C::TeachersWordLists
            | C::SlantsWordListsOnly
            | C::Shortcuts
            | C::Menus
            | C::About => None,
        }
    }

    /// The label as the menu shows it now ("Undo Tag as Quote", the word-list folder's name).
    pub fn menu_label(self, s: &State) -> String {
        match self {
            UiCommand::Undo => s.undo.map_or("Undo".into(), |l| format!("Undo {l}")),
            UiCommand::Redo => s.redo.map_or("Redo".into(), |l| format!("Redo {l}")),
            UiCommand::AnswerKey if s.answer_key.is_some() && s.answer_key == s.reviewer => {
                "Clear the answer key".into()
            }
            UiCommand::TeachersWordLists => match &s.lexicon_folder {
                Some(name) => format!("Teacher's word lists: {name}…"),
                None => self.label().into(),
            },
            _ => self.label().into(),
        }
    }

    /// Whether the menu lists it now (the "word lists only" item only while a folder is used).
    pub fn listed(self, s: &State) -> bool {
        self != UiCommand::SlantsWordListsOnly || s.lexicon_folder.is_some()
    }

    /// The keys as the menus and hints write them ("Ctrl+S", "1 / F").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let keys = self.shortcuts();
        (!keys.is_empty()).then(|| {
            keys.iter()
                .map(|k| display(ctx, k))
                .collect::<Vec<_>>()
                .join(" / ")
        })
    }

    /// The command that sets this tag (`None`: clears it).
    pub fn tag(tag: Option<Tag>) -> UiCommand {
        match tag {
            Some(Tag::Fact) => UiCommand::TagFact,
            Some(Tag::Quote) => UiCommand::TagQuote,
            Some(Tag::Speculation) => UiCommand::TagSpeculation,
            Some(Tag::Loaded) => UiCommand::TagLoaded,
            None => UiCommand::ClearTag,
        }
    }

    /// The keys in words, for hints ("1 or F").
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|k| display(ctx, k))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The tooltip with the keys ("States something checkable (1 or F)").
    pub fn hint(self, ctx: &egui::Context) -> String {
        match self.shortcuts() {
            [] => self.text().1.to_owned(),
            _ => format!("{} ({})", self.text().1, self.keys_text(ctx)),
        }
    }

    /// The command whose shortcut is exactly this key with exactly these modifiers.
    pub fn for_key(key: Key, modifiers: Modifiers) -> Option<UiCommand> {
        UiCommand::iter().find(|c| c.shortcuts().iter().any(|s| matches(s, key, modifiers)))
    }
}

/// Why `n` columns cannot be shown.
pub fn columns_need(n: usize, articles: usize) -> String {
    match articles {
        0 | 1 => format!("{n} columns need {n} articles: this project has one"),
        _ => format!("{n} columns need {n} articles: this project has {articles}"),
    }
}

/// A key press matches a shortcut only with exactly its modifiers: Ctrl+Shift+S is never Ctrl+S.
/// Symbols typed with Shift on many layouts (`?`, `+`) ignore Shift.
fn matches(shortcut: &KeyboardShortcut, key: Key, modifiers: Modifiers) -> bool {
    if shortcut.logical_key != key {
        return false;
    }
    let shifted_symbol = matches!(key, Key::Questionmark | Key::Plus);
    let modifiers = if shifted_symbol {
        Modifiers {
            shift: shortcut.modifiers.shift,
            ..modifiers
        }
    } else {
        modifiers
    };
    modifiers.matches_exact(shortcut.modifiers)
}

/// When a key works: plain letters and digits tag, so they must not fire while a text box has
/// the keyboard; keys with Ctrl or Alt, and function keys, always work.
pub fn key_scope(key: Key, modifiers: Modifiers) -> Scope {
    if modifiers.command || modifiers.ctrl || modifiers.alt || is_function_key(key) {
        Scope::Always
    } else {
        Scope::Tagging
    }
}

fn is_function_key(key: Key) -> bool {
    matches!(
        key,
        Key::F1
            | Key::F2
            | Key::F3
            | Key::F4
            | Key::F5
            | Key::F6
            | Key::F7
            | Key::F8
            | Key::F9
            | Key::F10
    )
}

/// Hands each key press of the frame, in the order it was made, to `take`, and removes those it
/// takes (returns true for), so that egui and later readers never see them.
pub(crate) fn take_key_presses(
    input: &mut egui::InputState,
    mut take: impl FnMut(Key, egui::Modifiers) -> bool,
) {
    input.events.retain(|event| match event {
        egui::Event::Key {
            key,
            modifiers,
            pressed: true,
            ..
        } => !take(*key, *modifiers),
        _ => true,
    });
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: HashMap<(Key, bool, bool, bool), UiCommand> = HashMap::new();
        for c in UiCommand::iter() {
            for s in c.shortcuts() {
                let m = s.modifiers;
                let id = (s.logical_key, m.command || m.ctrl, m.shift, m.alt);
                if let Some(other) = seen.insert(id, c) {
                    panic!("{c:?} and {other:?} share {s:?}");
                }
            }
        }
    }

    #[test]
    fn shortcuts_match_modifiers_exactly() {
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        assert_eq!(
            UiCommand::for_key(Key::S, cmd_shift),
            Some(UiCommand::SaveAs)
        );
        assert_eq!(
            UiCommand::for_key(Key::S, Modifiers::COMMAND),
            Some(UiCommand::Save)
        );
        assert_eq!(
            UiCommand::for_key(Key::N, cmd_shift),
            Some(UiCommand::NewArticleFromText)
        );
        assert_eq!(
            UiCommand::for_key(Key::S, Modifiers::NONE),
            Some(UiCommand::TagSpeculation)
        );
        assert_eq!(UiCommand::for_key(Key::S, Modifiers::ALT), None);
        assert_eq!(
            UiCommand::for_key(Key::Questionmark, Modifiers::SHIFT),
            Some(UiCommand::Shortcuts)
        );
    }

    #[test]
    fn plain_keys_only_tag_and_modified_keys_always_work() {
        assert_eq!(key_scope(Key::Num1, Modifiers::NONE), Scope::Tagging);
        assert_eq!(key_scope(Key::S, Modifiers::COMMAND), Scope::Always);
        assert_eq!(key_scope(Key::F2, Modifiers::NONE), Scope::Always);
        assert_eq!(
            key_scope(Key::Questionmark, Modifiers::SHIFT),
            Scope::Tagging
        );
    }

    #[test]
    fn every_command_has_a_menu_label_and_tooltip() {
        for c in UiCommand::iter() {
            let (label, tip) = c.text();
            assert!(!label.is_empty() && !tip.is_empty(), "{c:?}");
        }
        // Each menu has at least one command.
        for m in Menu::iter() {
            assert!(UiCommand::iter().any(|c| c.place().menu == m), "{m:?}");
        }
    }
}
