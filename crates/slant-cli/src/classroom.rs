//! The teacher's commands: agreement, answer key, merging students' files, importing tags.

use std::path::{Path, PathBuf};

use serde::Serialize;

use std::time::Instant;

use super::Failure;
use super::commands::{edit, save};
use slant_core::agreement::{self, ArticleAgreement, KeyScore};
use slant_core::command::Command;
use slant_core::model::{Project, ReviewerId};
use slant_core::wording::count;
use slant_core::{merge as merging, store, tag_import};

#[derive(Serialize)]
struct AgreeDoc<'a> {
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    reviewers: usize,
    /// How many of them tagged a sentence of this article: a class's figures for an article
    /// only some tagged count those.
    tagged_by: usize,
    #[serde(flatten)]
    agreement: ArticleAgreement,
    /// Each reviewer against the answer key, when there is one.
    key: Option<KeyOut>,
}

#[derive(Serialize)]
struct KeyOut {
    reviewer: String,
    students: Vec<KeyScore>,
}

/// The key: the `--key` reviewer, else the project's own.
fn answer_key<'p>(
    project: &'p Project,
    key: Option<&str>,
) -> Result<Option<&'p ReviewerId>, Failure> {
    match key {
        Some(name) => project
            .find_reviewer(name)
            .map(|r| Some(&r.id))
            .ok_or_else(|| {
                let names: Vec<&str> = project.reviewers.iter().map(|r| r.name.as_str()).collect();
                Failure::Input(if names.is_empty() {
                    format!("no reviewer named \"{name}\": the project has no reviewers yet")
                } else {
                    format!(
                        "no reviewer named \"{name}\" in the project (it has: {})",
                        names.join(", ")
                    )
                })
            }),
        None => Ok(project.answer_key.as_ref()),
    }
}

pub fn agree(path: &Path, json: bool, key: Option<&str>) -> Result<(), Failure> {
    let project = store::load(path).map_err(Failure::input)?;
    let key = answer_key(&project, key)?;
    let name = |id: &'_ ReviewerId| -> String {
        project
            .reviewer(id)
            .map_or(id.as_str(), |r| r.name.as_str())
            .to_owned()
    };
    let doc = AgreeDoc {
        articles: project
            .articles
            .iter()
            .map(|a| {
                let class = agreement::class_article(&project, a, key);
                ArticleOut {
                    id: a.id.as_str(),
                    title: &a.title,
                    reviewers: project.reviewers.len(),
                    tagged_by: project
                        .reviewers
                        .iter()
                        .filter(|r| {
                            (0..a.sentences.len())
                                .any(|s| a.annotation(&r.id, s).is_some_and(|x| x.tag.is_some()))
                        })
                        .count(),
                    agreement: class.agreement,
                    key: key.map(|k| KeyOut {
                        reviewer: name(k),
                        students: class.scores,
                    }),
                }
            })
            .collect(),
    };
    crate::print_result(json, || &doc, || table(&doc))
}

fn pct(x: Option<f64>) -> String {
    x.map_or("–".into(), slant_core::wording::percent)
}

/// ", 3 of the key's sentences left untagged" where there are any: accuracy counts only the
/// sentences compared.
fn untagged_note(untagged: usize) -> String {
    match untagged {
        0 => String::new(),
        1 => " (1 of the key's sentences left untagged)".into(),
        n => format!(" ({n} of the key's sentences left untagged)"),
    }
}

fn num(x: Option<f64>) -> String {
    x.map_or("–".into(), |x| format!("{x:.2}"))
}

/// The agreement for people: the coefficients, the most disputed sentences, the key.
fn table(doc: &AgreeDoc) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for a in &doc.articles {
        let g = &a.agreement;
        let _ = writeln!(s, "{}: {}", a.id, a.title);
        let _ = writeln!(
            s,
            "  {}{} · agreement {} · Krippendorff's α {} · Fleiss' κ {}",
            count(a.reviewers, "reviewer", "reviewers"),
            if a.tagged_by < a.reviewers {
                format!(" ({} tagged this article)", a.tagged_by)
            } else {
                String::new()
            },
            g.agreement_over(),
            num(g.krippendorff_alpha),
            g.fleiss_kappa.map_or_else(
                || "– (needs every sentence tagged by as many reviewers as the others)".to_owned(),
                |k| num(Some(k))
            )
        );
        if a.reviewers < 2 {
            let _ = writeln!(
                s,
                "  (– : agreement needs the tags of two reviewers or more; merge the class's files first)"
            );
        }
        let t = &g.per_tag;
        let _ = writeln!(
            s,
            "  α per tag: fact {}, quote {}, speculation {}, loaded {}",
            num(t.fact),
            num(t.quote),
            num(t.speculation),
            num(t.loaded)
        );
        for p in &g.pairs {
            let _ = writeln!(s, "  Cohen's κ {} / {}: {}", p.a, p.b, num(p.cohen_kappa));
        }
        let disputed = g.most_disputed(slant_core::agreement::MOST_DISPUTED);
        for x in &disputed {
            let d = x.distribution;
            let _ = writeln!(
                s,
                "  most disputed: sentence {} — F {} · Q {} · S {} · L {} · untagged {}",
                x.number, d.fact, d.quote, d.speculation, d.loaded, d.untagged
            );
        }
        let more = g.disputed_count() - disputed.len();
        if more > 0 {
            let _ = writeln!(s, "  … and {more} more disputed");
        }
        if let Some(k) = &a.key {
            let _ = writeln!(s, "  against the key ({}):", k.reviewer);
            for st in &k.students {
                let _ = writeln!(
                    s,
                    "    {:<24} accuracy {} · κ {} · {} compared{} · mixed up: {}",
                    st.reviewer,
                    pct(st.accuracy),
                    num(st.cohen_kappa),
                    count(st.compared, "sentence", "sentences"),
                    untagged_note(st.untagged),
                    st.describe_mix_ups()
                );
            }
        }
        s.push('\n');
    }
    s
}

pub fn merge(class_path: &Path, students: &[PathBuf], replace: bool) -> Result<(), Failure> {
    let clash = if replace {
        merging::Clash::Replace
    } else {
        merging::Clash::Keep
    };
    let mut doc = edit(class_path)?;
    let mut class = doc.project.clone();
    let mut lines = Vec::new();
    for path in students {
        // Nothing is merged when one file cannot be: the teacher is told how to go on.
        let others = if students.len() > 1 {
            "; merge the other files without it, or ask for a fresh copy of it"
        } else {
            ""
        };
        let student = store::load(path)
            .map_err(|e| Failure::Input(format!("{e}\nNothing was merged{others}.")))?;
        let name = path.display().to_string();
        // What the student's window never saved is not in the file merged.
        if let Some(recovery) =
            slant_core::document::find_recovery(path, &crate::commands::untitled_dir())
        {
            lines.push(format!(
                "{name}: a Slant window stopped without saving work on it ({}), which is not merged; open the file in Slant, recover and save it, then merge it again with --replace",
                recovery.path.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
        let refused = |e: merging::MergeError| {
            Failure::Input(format!(
                "{}: {e}\nNothing was merged{others}.",
                class_path.display()
            ))
        };
        // Against the class as it was: a file merged before must not vouch for this one.
        merging::belongs(&doc.project, &student, &name).map_err(refused)?;
        let report = merging::merge_with(&mut class, &student, &name, clash).map_err(refused)?;
        if report.no_work {
            lines.push(format!(
                "{name}: holds no tags or notes, so nothing of it was merged (was the work saved under another name?)"
            ));
        }
        for (ours, theirs) in &report.renamed {
            lines.push(format!(
                "{name}: reviewer \"{theirs}\" was already taken; added as \"{ours}\""
            ));
        }
        for r in &report.twice {
            lines.push(format!(
                "{name}: if this is \"{r}\"'s newer hand-in, the class figures now count them twice; merge it with --replace to replace their earlier work"
            ));
        }
        for (apart, now) in &report.no_longer_apart {
            lines.push(format!(
                "{name}: \"{apart}\", this same work kept apart by an earlier merge, is removed: it is now \"{now}\"'s, counted once"
            ));
        }
        for r in &report.replaced {
            lines.push(format!(
                "{name}: \"{r}\" was already in the class; their earlier work was replaced"
            ));
        }
        for r in &report.unchanged {
            lines.push(format!(
                "{name}: \"{r}\" is already merged with these tags; skipped"
            ));
        }
        let added: Vec<&str> = report
            .reviewers
            .iter()
            .filter(|(o, t)| o == t)
            .map(|(o, _)| o.as_str())
            .collect();
        if !added.is_empty() {
            lines.push(format!("{name}: added {}", added.join(", ")));
        }
        for t in &report.articles_added {
            lines.push(format!(
                "{name}: article \"{t}\" was new to the class project; added"
            ));
        }
    }
    let reviewers = class.reviewers.len();
    // Every file already merged: the class file is left as it is (not rewritten with a new
    // modification time, which would read as a change).
    let changed = class != doc.project;
    if changed {
        doc.apply(
            "Merge students' files",
            Command::ReplaceProject(Box::new(class)),
            Instant::now(),
        )
        .map_err(Failure::input)?;
        save(&mut doc)?;
    }
    for l in lines {
        say!("{l}");
    }
    say!(
        "{}: {} after merging {}{}",
        class_path.display(),
        count(reviewers, "reviewer", "reviewers"),
        count(students.len(), "file", "files"),
        if changed {
            ""
        } else {
            "; nothing new, the file was not written"
        }
    );
    Ok(())
}

pub fn import_tags(path: &Path, csv_path: &Path) -> Result<(), Failure> {
    let mut doc = edit(path)?;
    let bytes = tag_import::read_csv(csv_path).map_err(Failure::Input)?;
    let mut project = doc.project.clone();
    let report = tag_import::import(&mut project, &bytes)
        .map_err(|e| Failure::Input(format!("{}: {e}", csv_path.display())))?;
    // Every row already in the project (a CSV imported twice): the file is left as it is, as
    // `merge` leaves a class file that has nothing new.
    if project == doc.project {
        let mut held = Vec::new();
        if report.unchanged > 0 {
            held.push(format!(
                "{} already in the project",
                count(report.unchanged, "row is", "rows are")
            ));
        }
        if report.empty > 0 {
            held.push(format!(
                "{} no tag, note or phrase",
                count(report.empty, "row sets", "rows set")
            ));
        }
        if held.is_empty() {
            held.push(format!("{} has no rows", csv_path.display()));
        }
        say!(
            "{}: nothing new, {}; the file was not written",
            path.display(),
            held.join(", ")
        );
        return Ok(());
    }
    doc.apply(
        "Import tags",
        Command::ReplaceProject(Box::new(project)),
        Instant::now(),
    )
    .map_err(Failure::input)?;
    save(&mut doc)?;
    if !report.reviewers_added.is_empty() {
        say!("added reviewers: {}", report.reviewers_added.join(", "));
    }
    // What was there and is no more: an old CSV imported after a newer hand-in undoes work.
    if !report.replaced.is_empty() {
        const SHOWN: usize = 10;
        let more = report.replaced.len().saturating_sub(SHOWN);
        say!(
            "replaced what was there: {}{}",
            report.replaced[..report.replaced.len().min(SHOWN)].join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    let already = if report.unchanged > 0 {
        format!(
            "; {} already in the project",
            count(report.unchanged, "was", "were")
        )
    } else {
        String::new()
    };
    say!(
        "{}: {} imported{already}",
        path.display(),
        count(report.annotations, "annotation", "annotations")
    );
    Ok(())
}

pub fn key(path: &Path, reviewer: Option<&str>) -> Result<(), Failure> {
    let mut doc = edit(path)?;
    let key = match reviewer {
        Some(name) => answer_key(&doc.project, Some(name))?.cloned(),
        None => None,
    };
    // Already so: the file is left as it is, as a merge with nothing new leaves it.
    if key == doc.project.answer_key {
        match key.as_ref().and_then(|k| doc.project.reviewer(k)) {
            Some(r) => say!(
                "{}: the answer key is already {}'s tags; the file was not written",
                path.display(),
                r.name
            ),
            None => say!(
                "{}: there is already no answer key; the file was not written",
                path.display()
            ),
        }
        return Ok(());
    }
    doc.apply(
        "Set the answer key",
        Command::SetAnswerKey {
            reviewer: key.clone(),
        },
        Instant::now(),
    )
    .map_err(Failure::input)?;
    save(&mut doc)?;
    // The name as the project spells it ("Amélie Durand"), not as it was typed ("amélie durand").
    match key.as_ref().and_then(|k| doc.project.reviewer(k)) {
        Some(r) => say!(
            "{}: the answer key is now {}'s tags",
            path.display(),
            r.name
        ),
        None => say!("{}: no answer key", path.display()),
    }
    Ok(())
}

pub fn lock(path: &Path, locked: bool) -> Result<(), Failure> {
    use slant_core::model::SentenceLock;
    let mut doc = edit(path)?;
    let lock = if locked {
        SentenceLock::Locked
    } else {
        SentenceLock::Editable
    };
    let said = if locked {
        "locked (an assignment)"
    } else {
        "editable"
    };
    // Already so: the file is left as it is (rewriting it made a crash's autosave look older
    // than the project).
    if doc.project.sentences == lock {
        say!(
            "{}: sentences already {said}; the file was not written",
            path.display()
        );
        return Ok(());
    }
    doc.apply(
        "Lock the sentences",
        Command::SetSentenceLock(lock),
        Instant::now(),
    )
    .map_err(Failure::input)?;
    save(&mut doc)?;
    say!("{}: sentences {said}", path.display());
    Ok(())
}
