//! What each subcommand does.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{ArticleMeta, Command, Failure, classroom, output};
use crate::cues::Lexicons;
use crate::import;
use crate::model::Project;
use crate::{report, segment, stats, store};

pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::New {
            project,
            files,
            project_title,
            reviewers,
            meta,
            lock,
        } => new(&project, &files, project_title, &reviewers, &meta, lock),
        Command::Add {
            project,
            files,
            meta,
        } => add(&project, &files, &meta),
        Command::Analyze {
            file,
            json,
            lexicons,
        } => analyze(&file, json, &*lexicons.load()?),
        Command::Stats {
            project,
            json,
            lexicons,
        } => stats(&project, json, &*lexicons.load()?),
        Command::Check { project } => check(&project),
        Command::Agree { project, json, key } => classroom::agree(&project, json, key.as_deref()),
        Command::Merge { class, students } => classroom::merge(&class, &students),
        Command::Compare {
            project,
            a,
            b,
            json,
        } => super::compare::compare(&project, &a, &b, json),
        Command::ImportTags { project, csv } => classroom::import_tags(&project, &csv),
        Command::Lock { project, unlock } => classroom::lock(&project, !unlock),
        Command::Key {
            project,
            reviewer,
            clear,
        } => classroom::key(&project, reviewer.as_deref().filter(|_| !clear)),
        Command::Export {
            project,
            format,
            output,
            reviewer,
            article,
            lexicons,
        } => export(
            &project,
            format,
            &output,
            report::Selection { reviewer, article },
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
    let report = report::Report::new(&project, &selection, format, Timestamp::now(), lexicons)
        .map_err(Failure::input)?;
    let bytes = report::render(&report, format).map_err(Failure::input)?;
    store::write_atomic(output, &bytes, store::Backup::None).map_err(|e| {
        Failure::Input(format!(
            "{}: cannot write the report: {e}",
            output.display()
        ))
    })?;
    println!("{}: {} report written", output.display(), format);
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
    let mut project = Project::new(title, Timestamp::now());
    if lock {
        project.sentences = crate::model::SentenceLock::Locked;
    }
    for name in reviewers {
        project.add_reviewer(name);
    }
    import_into(&mut project, files, meta)?;
    store::save(&project, path).map_err(Failure::input)?;
    println!(
        "{}: created with {} article(s)",
        path.display(),
        project.articles.len()
    );
    Ok(())
}

fn add(path: &Path, files: &[PathBuf], meta: &ArticleMeta) -> Result<(), Failure> {
    // A project that fails to load is never written: the error ends the command here.
    let mut project = store::load(path).map_err(Failure::input)?;
    import_into(&mut project, files, meta)?;
    project.modified = Timestamp::now();
    store::save(&project, path).map_err(Failure::input)?;
    println!(
        "{}: now {} article(s)",
        path.display(),
        project.articles.len()
    );
    Ok(())
}

/// Imports every file first, so that one bad file leaves the project untouched.
fn import_into(
    project: &mut Project,
    files: &[PathBuf],
    meta: &ArticleMeta,
) -> Result<(), Failure> {
    let has_meta = meta.title.is_some()
        || meta.outlet.is_some()
        || meta.url.is_some()
        || meta.published.is_some();
    if has_meta && files.len() > 1 {
        return Err(Failure::Usage(
            "--title, --outlet, --url and --published describe one article: give one FILE with them".into(),
        ));
    }
    let imported = files
        .iter()
        .map(|f| import::import_file(f).map(|i| (f, i)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::input)?;
    for (file, text) in imported {
        if let Some(notes) = text.notes() {
            println!("{}: {notes}", file.display());
        }
        let id = project.new_article_id(&file_stem(file));
        let mut article = text.into_article(id, &file_stem(file));
        // What the teacher says on the command line wins over what the page says.
        if let Some(title) = &meta.title {
            article.title = title.clone();
        }
        article.outlet = meta.outlet.clone().or(article.outlet);
        article.url = meta.url.clone().or(article.url);
        article.published = meta.published.or(article.published);
        project.articles.push(article);
    }
    Ok(())
}

fn analyze(file: &Path, json: bool, lexicons: &Lexicons) -> Result<(), Failure> {
    let imported = import::import_file(file).map_err(Failure::input)?;
    let spans = segment::split(&imported.text);
    let mut out = std::io::stdout().lock();
    if json {
        let doc = output::Analysis::new(file, &imported, &spans, lexicons);
        serde_json::to_writer_pretty(&mut out, &doc).map_err(Failure::input)?;
        writeln!(out).map_err(Failure::input)?;
    } else {
        for (i, span) in spans.iter().enumerate() {
            writeln!(
                out,
                "{:>4}  {}",
                i + 1,
                one_line(&imported.text[span.range()])
            )
            .map_err(Failure::input)?;
        }
    }
    Ok(())
}

fn stats(path: &Path, json: bool, lexicons: &Lexicons) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let summaries = stats::summarize_project(&project);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(
            &mut out,
            &output::StatsDoc::new(&project, &summaries, lexicons),
        )
        .map_err(Failure::input)?;
        writeln!(out).map_err(Failure::input)?;
    } else {
        write!(
            out,
            "{}",
            output::stats_table(&project, &summaries, lexicons)
        )
        .map_err(Failure::input)?;
    }
    Ok(())
}

fn check(path: &Path) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let annotations: usize = project
        .articles
        .iter()
        .flat_map(|a| a.annotations.values())
        .map(|m| m.len())
        .sum();
    println!(
        "{}: OK ({} articles, {} reviewers, {} annotations)",
        path.display(),
        project.articles.len(),
        project.reviewers.len(),
        annotations
    );
    Ok(())
}

/// A sentence on one line: line breaks inside it (from copy-paste) shown as a single space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "untitled".into())
}
