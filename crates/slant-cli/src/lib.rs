//! The `slant` command line: a thin front over the core.
//!
//! Exit codes are part of the contract: 0 success, 1 invalid input (a file that cannot be read
//! or fails its checks), 2 wrong usage (clap's own code for bad arguments).

/// Prints a line on standard output. A reader that went away (`slant agree --json | head`)
/// ends the command quietly, with exit 0.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        writeln!(std::io::stdout().lock(), "{}", $crate::printable(&line))
            .map_err($crate::Failure::output)?;
    }};
}

/// Prints a command's result on standard output: `doc()` as pretty JSON with `--json`, else
/// `text()` for people (control characters escaped, see [`printable`]). Buffered: standard
/// output writes each line on its own, and the JSON of 19 MB of news is 2 million lines, one
/// system call each; flushed here, so a reader that went away is still noticed.
pub(crate) fn print_result<T: serde::Serialize>(
    json: bool,
    doc: impl FnOnce() -> T,
    text: impl FnOnce() -> String,
) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &doc()).map_err(Failure::json)?;
        writeln!(out).map_err(Failure::output)?;
    } else {
        write!(out, "{}", printable(&text())).map_err(Failure::output)?;
    }
    out.flush().map_err(Failure::output)
}

/// Text for a terminal: control characters from a project (a reviewer named with an escape
/// sequence or a bell) are shown escaped (`\u{1b}`), never sent to the terminal; line breaks and
/// tabs stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

mod classroom;
mod commands;
mod compare;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser};

/// Review news articles for media bias: tag each sentence as fact, quote, speculation or loaded.
#[derive(Debug, Parser)]
#[command(name = "slant", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A project to open in the desktop app (with no argument the app shows its start screen).
    pub project: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Subcommand>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Subcommand {
    /// Create a project from article files (.txt, .md or saved web pages .html) or web addresses.
    New {
        /// The project file to create; it must not exist yet.
        project: PathBuf,
        /// Article files to import (.txt, .md, .html) or web addresses (https://…), in the order
        /// of the columns.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The project's title (default: the project file's name).
        #[arg(long = "project-title")]
        project_title: Option<String>,
        /// Add a reviewer by name (repeat for several).
        #[arg(long = "reviewer")]
        reviewers: Vec<String>,
        /// Make it an assignment: students cannot re-split the sentences, so their files merge.
        #[arg(long)]
        lock: bool,
        #[command(flatten)]
        meta: ArticleMeta,
    },
    /// Add article files or web addresses to an existing project.
    Add {
        /// The project file to add them to.
        project: PathBuf,
        /// Article files to import (.txt, .md, .html) or web addresses (https://…).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        meta: ArticleMeta,
    },
    /// Show the sentences Slant finds in an article file, each with the tag Slant suggests
    /// (`Q?`) and the cues behind it.
    Analyze {
        /// The article file (.txt, .md, .html).
        file: PathBuf,
        /// Print JSON instead of a numbered list.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lexicons: LexiconArg,
    },
    /// Show each article's statistics, per reviewer.
    Stats {
        /// The project file.
        project: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lexicons: LexiconArg,
    },
    /// Check a project file and say what is wrong, with file:line:column.
    Check {
        /// The project file to check.
        project: PathBuf,
    },
    /// Write a report: HTML (prints to PDF), CSV, Markdown or JSON.
    Export {
        /// The project file.
        project: PathBuf,
        /// The report's format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Whose tags to report (name or id); needed for HTML and Markdown when there are several
        /// (or --class). A student's report from a class file shows that student's score alone.
        #[arg(long)]
        reviewer: Option<String>,
        /// The whole class's report (HTML and Markdown; a teacher's): how the class tagged each
        /// sentence, every reviewer's notes, the agreement and every student's score.
        #[arg(long, conflicts_with = "reviewer")]
        class: bool,
        /// Report one article only (its id, as `slant stats` lists them).
        #[arg(long)]
        article: Option<String>,
        #[command(flatten)]
        lexicons: LexiconArg,
    },
    /// How far the reviewers agree: percent agreement, Cohen's κ per pair, Fleiss' κ and
    /// Krippendorff's α per article, and each sentence's spread of tags.
    Agree {
        /// The project file.
        project: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Score every other reviewer against this one (name or id); default: the project's
        /// answer key, if it has one.
        #[arg(long)]
        key: Option<String>,
    },
    /// Compare two articles of a project: sentences that report the same thing, what only one
    /// of them reports, figures that differ, and who gets to speak in each.
    Compare {
        /// The project file.
        project: PathBuf,
        /// The first article's id (as `slant stats` lists them).
        a: String,
        /// The second article's id.
        b: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Merge students' project files into the class project (their tags, notes and phrases).
    Merge {
        /// The class project; it is written back only if every student file merges.
        class: PathBuf,
        /// The students' project files (copies of the same assignment).
        #[arg(required = true)]
        students: Vec<PathBuf>,
        /// A reviewer already in the class under the same name with other tags is that
        /// student's newer hand-in: replace their earlier work (without it, both are kept, the
        /// newer as "Name (2)", and the class figures count the student twice).
        #[arg(long)]
        replace: bool,
    },
    /// Read tags from a CSV (the CSV export's columns, matched by header name) into a project.
    ImportTags {
        /// The project file to add the tags to.
        project: PathBuf,
        /// The CSV file (columns article_id, sentence, reviewer, tag; loaded_phrases and note
        /// are read when present).
        csv: PathBuf,
    },
    /// Lock a project's sentences for an assignment (or --unlock them).
    Lock {
        /// The project file.
        project: PathBuf,
        /// Make the sentences editable again.
        #[arg(long)]
        unlock: bool,
    },
    /// Choose the reviewer whose tags are the answer key (or --clear it).
    Key {
        /// The project file.
        project: PathBuf,
        /// The reviewer's name or id.
        #[arg(required_unless_present = "clear")]
        reviewer: Option<String>,
        /// Remove the answer key.
        #[arg(long, conflicts_with = "reviewer")]
        clear: bool,
    },
}

/// `--format`: the names teachers' scripts use (`md`, not `markdown`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// A page to read or print to PDF.
    Html,
    /// One row per sentence and reviewer, for a spreadsheet.
    Csv,
    /// Markdown, for a learning platform or a wiki.
    #[value(name = "md")]
    Markdown,
    /// Everything, as data.
    Json,
}

impl From<FormatArg> for slant_core::report::Format {
    fn from(f: FormatArg) -> Self {
        use slant_core::report::Format;
        match f {
            FormatArg::Html => Format::Html,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
        }
    }
}

/// A teacher's own word lists, added to Slant's.
#[derive(Debug, Args, Default)]
pub struct LexiconArg {
    /// A folder of lexicon files to add to Slant's own (hedges*.txt, loaded*.txt,
    /// anonymous*.txt, attribution*.txt, reporting*.txt; one entry a line).
    #[arg(long = "lexicons", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl LexiconArg {
    /// Slant's lists plus the folder's. A folder that cannot be read fails; a bad file in it is
    /// reported on stderr and left out, so one typo does not stop a class's run.
    pub fn load(&self) -> Result<std::borrow::Cow<'static, slant_core::cues::Lexicons>, Failure> {
        use slant_core::cues::{FolderProblem, Lexicons};
        let Some(dir) = &self.dir else {
            return Ok(std::borrow::Cow::Borrowed(Lexicons::builtin()));
        };
        let (lexicons, problems) = Lexicons::with_folder(dir);
        for p in &problems {
            if let FolderProblem::Unreadable { file, .. } = p
                && std::path::Path::new(file) == dir.as_path()
            {
                return Err(Failure::Input(p.to_string()));
            }
            eprintln!("slant: warning: {}", printable(&p.to_string()));
        }
        Ok(std::borrow::Cow::Owned(lexicons))
    }
}

/// Details of an imported article; they describe one article, so they need exactly one FILE.
#[derive(Debug, Args, Default)]
pub struct ArticleMeta {
    /// The article's title (default: its headline, or the file name); one FILE only.
    #[arg(long)]
    pub title: Option<String>,
    /// The outlet that published it, e.g. "NBC News"; one FILE only.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Where it was published; one FILE only.
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date, YYYY-MM-DD; one FILE only.
    #[arg(long)]
    pub published: Option<jiff::civil::Date>,
}

/// A failed command, with the exit code it maps to.
#[derive(Debug)]
pub enum Failure {
    /// The input is wrong (exit 1).
    Input(String),
    /// The command was used wrongly (exit 2).
    Usage(String),
    /// Whoever read the output stopped reading (a closed pipe): nothing is wrong (exit 0).
    OutputClosed,
}

impl Failure {
    pub fn input(e: impl ToString) -> Failure {
        Failure::Input(e.to_string())
    }

    /// A failed write to standard output.
    pub fn output(e: std::io::Error) -> Failure {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::OutputClosed
        } else {
            Failure::Input(format!("cannot write the output: {e}"))
        }
    }

    /// A failed JSON write to standard output.
    pub fn json(e: serde_json::Error) -> Failure {
        match e.io_error_kind() {
            Some(std::io::ErrorKind::BrokenPipe) => Failure::OutputClosed,
            _ => Failure::Input(format!("cannot write the output: {e}")),
        }
    }
}

/// Runs a parsed command line; `open_app` is called for the desktop app.
pub fn run(cli: Cli, open_app: impl FnOnce(Option<PathBuf>) -> Result<(), Failure>) -> ExitCode {
    let result = match cli.command {
        None => open_app(cli.project),
        Some(command) => commands::run(command),
    };
    match result {
        Ok(()) | Err(Failure::OutputClosed) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("{}", printable(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("slant: {}", printable(&message));
            ExitCode::from(2)
        }
    }
}

/// Parses the process's arguments and runs them; `open_app` is called for the desktop app.
/// `claims_dir` is where the app's windows mark the projects they have open: a command that
/// changes a project refuses one a window has open. `untitled_dir` is where they autosave work
/// that cannot go beside its project: a command refuses a project with a crash's work there too.
pub fn main(
    claims_dir: PathBuf,
    untitled_dir: PathBuf,
    open_app: impl FnOnce(Option<PathBuf>) -> Result<(), Failure>,
) -> ExitCode {
    commands::set_claims_dir(claims_dir);
    commands::set_untitled_dir(untitled_dir);
    run(Cli::parse(), open_app)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_argument_and_option_has_a_help_line() {
        let cli = Cli::command();
        let mut missing = Vec::new();
        for sub in cli.get_subcommands() {
            assert!(sub.get_about().is_some(), "{} has no help", sub.get_name());
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg.get_help().is_none() {
                    missing.push(format!("{} {id}", sub.get_name()));
                }
            }
        }
        assert!(missing.is_empty(), "no help line: {missing:?}");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(printable("Ann\u{1b}[31m\u{7}"), "Ann\\u{1b}[31m\\u{7}");
        assert_eq!(printable("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn export_formats_keep_their_names() {
        use clap::ValueEnum;
        let names: Vec<String> = FormatArg::value_variants()
            .iter()
            .map(|v| v.to_possible_value().unwrap().get_name().to_owned())
            .collect();
        assert_eq!(names, ["html", "csv", "md", "json"]);
    }
}
