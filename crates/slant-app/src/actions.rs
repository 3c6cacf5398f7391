//! Everything the app can be asked to do, as queued requests: the commands of the command table
//! ([`crate::ui_command::UiCommand`]: menus and keys) and what clicks and drags ask for (select
//! this sentence, mark this phrase). Actions are queued while a frame is drawn and carried out at
//! its end.

use std::path::PathBuf;

use slant_core::model::{Span, Tag};

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
    /// Help > About Slant: version, licence, where autosaves are kept.
    ShowAbout,
    /// Opens the File menu with the keyboard in it (F10).
    OpenMenus,
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
    /// Marks a span as a loaded phrase, joined with the phrases it overlaps (typed in the
    /// phrase dialog, where a toggle would unmark them).
    MarkPhraseAt {
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
    /// Says in the toolbar why a greyed menu item cannot be used now (chosen from the keyboard).
    Explain(String),
    /// Opens the dialog that splits the selected sentence where typed words start.
    SplitSelected,
    /// Joins the selected sentence and the one after it.
    MergeSelected,
    /// Put the keyboard in the note box of the selected sentence.
    EditNote,
    /// Opens the dialog that marks typed words of the selected sentence as a loaded phrase.
    MarkPhrase,
    /// Store what the note box holds as the selected sentence's note.
    CommitNote,
    AddReviewer,
    /// Tag as this reviewer; `None`: nobody, so a tag key asks who is tagging (a teacher
    /// looking through a class's work).
    SetReviewer(Option<slant_core::model::ReviewerId>),
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
    /// Moves the selection to the sentence beside it in the next (1) or previous (-1) column.
    StepColumn(isize),
    /// The first sentence a screen further down (1) or up (-1) the focused column.
    SelectPage(isize),
    /// The side panel a screen down (1) or up (-1).
    ScrollPanel(isize),
    /// Make a reviewer's tags the answer key (`None` clears it).
    SetAnswerKey(Option<slant_core::model::ReviewerId>),
    /// Merge students' project files into this project.
    MergeStudents,
    /// Type or paste an article's text into a dialog (File ▸ New article from text).
    NewArticleFromText,
    /// Ask for a web address to add the article there (File ▸ Open web address…).
    OpenWebAddress,
    /// Fetch the article at this web address (typed in the dialog, or pasted).
    FetchWebAddress(String),
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

impl Action {
    /// What this action, waiting for the answer to "Who is tagging?", does once answered.
    pub fn once_answered(&self) -> Option<String> {
        Some(match self {
            Action::Tag(Some(tag)) => format!("Then the sentence is tagged {}.", tag.label()),
            Action::Tag(None) => "Then the sentence's tag is cleared.".to_owned(),
            Action::EditNote => "Then the note opens.".to_owned(),
            Action::NextUntagged => {
                "Then the next sentence they have not tagged is selected.".to_owned()
            }
            Action::AcceptSuggestion => "Then the suggestion is accepted.".to_owned(),
            Action::RejectSuggestion => "Then the suggestion is dismissed.".to_owned(),
            Action::AcceptAllSuggested(tag) => {
                format!("Then every suggested {} is accepted.", tag.label())
            }
            Action::TogglePhrase { .. } | Action::MarkPhraseAt { .. } => {
                "Then the phrase is marked loaded.".to_owned()
            }
            _ => return None,
        })
    }
}
