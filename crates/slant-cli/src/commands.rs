//! What each subcommand does.

use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::Timestamp;

use super::{ArticleMeta, Failure, Subcommand, classroom, output};
use slant_core::command::Command;
use slant_core::cues::Lexicons;
use slant_core::document::Document;
use slant_core::import;
use slant_core::model::{Project, SentenceLock};
use slant_core::wording::count;
use slant_core::{report, segment, stats, store};

pub fn run(command: Subcommand) -> Result<(), Failure> {
    match command {
        Subcommand::New {
            project,
            files,
            project_title,
            reviewers,
            meta,
            lock,
        } => new(&project, &files, project_title, &reviewers, &meta, lock),
        Subcommand::Add {
            project,
            files,
            meta,
        } => add(&project, &files, &meta),
        Subcommand::Analyze {
            file,
            json,
            lexicons,
        } => analyze(&file, json, &*lexicons.load()?),
        Subcommand::Stats {
            project,
            json,
            lexicons,
        } => stats(&project, json, &*lexicons.load()?),
        Subcommand::Check { project } => check(&project),
        Subcommand::Agree { project, json, key } => {
            classroom::agree(&project, json, key.as_deref())
        }
        Subcommand::Merge {
            class,
            students,
            replace,
        } => classroom::merge(&class, &students, replace),
        Subcommand::Compare {
            project,
            a,
            b,
            json,
        } => super::compare::compare(&project, &a, &b, json),
        Subcommand::ImportTags { project, csv } => classroom::import_tags(&project, &csv),
        Subcommand::Lock { project, unlock } => classroom::lock(&project, !unlock),
        Subcommand::Key {
            project,
            reviewer,
            clear,
        } => classroom::key(&project, reviewer.as_deref().filter(|_| !clear)),
        Subcommand::Export {
            project,
            format,
            output,
            reviewer,
            class,
            article,
            lexicons,
        } => export(
            &project,
            format.into(),
            &output,
            report::Selection {
                whose: match (reviewer, class) {
                    (Some(r), _) => report::Whose::Reviewer(r),
                    (None, true) => report::Whose::Class,
                    (None, false) => report::Whose::Unnamed,
                },
                article,
            },
            &*lexicons.load()?,
        ),
    }
}

fn export(
    path: &Path,
    format: report::Format,
    output: &Path,
    selection: report::Selection,
    lexicons: &Lexicons,
) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    if store::is_project_file(output) {
        return Err(Failure::Input(format!(
            "{}: is a Slant project; a report is never written over a project file, so nothing was written (choose another name for the report)",
            output.display()
        )));
    }
    let report = report::Report::new(&project, &selection, format, Timestamp::now(), lexicons)
        .map_err(Failure::input)?;
    let bytes = report::render(&report, format).map_err(Failure::input)?;
    store::write_atomic(output, &bytes, store::Backup::None).map_err(|e| {
        Failure::Input(format!(
            "{}: cannot write the report: {e}",
            output.display()
        ))
    })?;
    say!("{}: {} report written", output.display(), format);
    Ok(())
}

fn new(
    path: &Path,
    files: &[PathBuf],
    title: Option<String>,
    reviewers: &[String],
    meta: &ArticleMeta,
    lock: bool,
) -> Result<(), Failure> {
    if path.exists() {
        return Err(Failure::Input(format!(
            "{}: already exists; use `slant add` to add articles to it",
            path.display()
        )));
    }
    let title = title.unwrap_or_else(|| file_stem(path));
    let mut doc = Document::new(Project::new(title, Timestamp::now()), untitled_dir());
    let now = Instant::now();
    for name in reviewers {
        doc.add_reviewer(name, now).map_err(Failure::input)?;
    }
    if lock {
        doc.apply(
            "Lock the sentences",
            Command::SetSentenceLock(SentenceLock::Locked),
            now,
        )
        .map_err(Failure::input)?;
    }
    add_articles(&mut doc, files, meta)?;
    doc.save_new(path).map_err(Failure::input)?;
    say!(
        "{}: created with {}",
        path.display(),
        count(doc.project.articles.len(), "article", "articles")
    );
    Ok(())
}

fn add(path: &Path, files: &[PathBuf], meta: &ArticleMeta) -> Result<(), Failure> {
    // A project that fails to load is never written: the error ends the command here.
    let mut doc = edit(path)?;
    if add_articles(&mut doc, files, meta)? == 0 {
        say!("{}: nothing new, the file was not written", path.display());
        return Ok(());
    }
    save(&mut doc)?;
    say!(
        "{}: now {}",
        path.display(),
        count(doc.project.articles.len(), "article", "articles")
    );
    Ok(())
}

/// Where Slant's windows mark the projects they have open; set once by [`crate::main`].
static CLAIMS_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Tells the commands where Slant's windows mark the projects they have open.
pub(crate) fn set_claims_dir(dir: PathBuf) {
    let _ = CLAIMS_DIR.set(dir);
}

/// Opens a project to change it: locked against other writers (another `slant` command, the
/// app's save) until it is saved, so two writers at once run one after the other. A project open
/// in a Slant window is refused: the window holds its own copy, and its next save would ask
/// whether to overwrite this change, which a teacher could take, losing it (a merge run while
/// the class file was open was lost that way).
pub(crate) fn edit(path: &Path) -> Result<Document, Failure> {
    if let Some(dir) = CLAIMS_DIR.get()
        && open_in_a_window(path, dir)
    {
        return Err(Failure::Input(format!(
            "{} is open in a Slant window. Make the change there, or close the project there first (File \u{25b8} Close); nothing was changed.",
            path.display()
        )));
    }
    Document::open_to_edit(path, untitled_dir()).map_err(Failure::input)
}

/// Whether a window holds `path`'s mark. Another command checking the same file holds the mark
/// for an instant, a window for as long as it shows the file: so a mark found held is looked at
/// again a few times over half a second before it counts as a window's.
fn open_in_a_window(path: &Path, claims_dir: &Path) -> bool {
    (0..10).all(|attempt| {
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        slant_core::document::open_elsewhere(path, claims_dir, None)
    })
}

/// Saves a document opened with [`edit`]; refused (nothing written) if another program changed
/// the file since it was read.
pub(crate) fn save(doc: &mut Document) -> Result<(), Failure> {
    doc.save().map_err(Failure::input)
}

/// Where Slant's windows autosave work that cannot go beside its project; set once by
/// [`crate::main`].
static UNTITLED_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Tells the commands where Slant's windows autosave work that cannot go beside its project.
pub(crate) fn set_untitled_dir(dir: PathBuf) {
    let _ = UNTITLED_DIR.set(dir);
}

/// Where a window would autosave away from the project, and so where a crash's unsaved work may
/// be; the command line itself saves at once and never autosaves.
pub(crate) fn untitled_dir() -> PathBuf {
    UNTITLED_DIR
        .get()
        .cloned()
        .unwrap_or_else(|| std::env::temp_dir().join("slant"))
}

/// Imports every file first, so that one bad file leaves the project untouched; then adds them
/// as one command.
/// Returns how many were added: an article the project already has is said and skipped.
fn add_articles(
    doc: &mut Document,
    files: &[PathBuf],
    meta: &ArticleMeta,
) -> Result<usize, Failure> {
    let has_meta = meta.title.is_some()
        || meta.outlet.is_some()
        || meta.url.is_some()
        || meta.published.is_some();
    if has_meta && files.len() > 1 {
        return Err(Failure::Usage(
            "--title, --outlet, --url and --published describe one article: give one FILE with them".into(),
        ));
    }
    if let Some(project) = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
    {
        return Err(Failure::Input(format!(
            "{}: is a Slant project file, not an article (to bring in a student's tags, use `slant merge`)",
            project.display()
        )));
    }
    let imported = files
        .iter()
        .map(|f| import_source(f).map(|i| (f, i)))
        .collect::<Result<Vec<_>, _>>()?;
    // Ids are chosen against the project plus the articles added before them.
    let mut scratch = doc.project.clone();
    let mut commands = Vec::new();
    for (file, text) in imported {
        if let Some(same) = scratch.article_with_text(&text.text) {
            say!(
                "{}: the project already has this article, as \"{}\" ({}); not added again",
                file.display(),
                same.id,
                same.title
            );
            continue;
        }
        if let Some(notes) = text.notes() {
            say!("{}: {notes}", file.display());
        }
        let name = source_name(file, &text);
        let id = scratch.new_article_id(&name);
        let mut article = text.into_article(id, &name);
        // What the teacher says on the command line wins over what the page says.
        if let Some(title) = &meta.title {
            article.title = title.clone();
        }
        article.outlet = meta.outlet.clone().or(article.outlet);
        article.url = meta.url.clone().or(article.url);
        article.published = meta.published.or(article.published);
        commands.push(Command::InsertArticle {
            index: scratch.articles.len(),
            article: Box::new(article.clone()),
        });
        scratch.articles.push(article);
    }
    let added = commands.len();
    let label = match added {
        1 => "Add an article".to_owned(),
        n => format!("Add {n} articles"),
    };
    if added > 0 {
        doc.apply(label, Command::Batch(commands), Instant::now())
            .map_err(Failure::input)?;
    }
    Ok(added)
}

/// An article file, or a web address (`http://…`, `https://…`) fetched with the limits of
/// [`slant_fetch::Limits::DEFAULT`].
fn import_source(source: &Path) -> Result<import::ImportedText, Failure> {
    match source.to_str().filter(|s| slant_fetch::is_web_address(s)) {
        Some(url) => slant_fetch::import_url(url, slant_fetch::Limits::DEFAULT, |_, _| true)
            .map_err(Failure::input),
        None => import::import_file(source).map_err(Failure::input),
    }
}

/// What an article is called before it has a title: its file's name, or for a web address the
/// last part of the address the page was found at (after redirects: a short link's name says
/// nothing of the article).
fn source_name(source: &Path, imported: &import::ImportedText) -> String {
    match source.to_str().filter(|s| slant_fetch::is_web_address(s)) {
        Some(url) => slant_fetch::article_name(imported.url.as_deref().unwrap_or(url)),
        None => imported.name_from(&file_stem(source)),
    }
}

fn analyze(file: &Path, json: bool, lexicons: &Lexicons) -> Result<(), Failure> {
    let imported = import_source(file)?;
    let spans = segment::split(&imported.text);
    let doc = output::Analysis::new(file, &imported, &spans, lexicons);
    crate::print_result(json, || &doc, || doc.text())
}

fn stats(path: &Path, json: bool, lexicons: &Lexicons) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let summaries = stats::summarize_project(&project);
    crate::print_result(
        json,
        || output::StatsDoc::new(&project, &summaries, lexicons),
        || output::stats_table(&project, &summaries, lexicons),
    )
}

fn check(path: &Path) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let annotations: usize = project
        .articles
        .iter()
        .flat_map(|a| a.annotations.values())
        .map(|m| m.len())
        .sum();
    say!(
        "{}: OK ({}, {}, {})",
        path.display(),
        count(project.articles.len(), "article", "articles"),
        count(project.reviewers.len(), "reviewer", "reviewers"),
        count(annotations, "annotation", "annotations")
    );
    Ok(())
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into())
}
