//! The reviewers a CSV of tags names, matched to the project's by id or by name.

use std::collections::{HashMap, HashSet};

use crate::model::{Project, Reviewer, ReviewerId};

/// The project's reviewers, found by id or name and added in constant time: rows by 200,000
/// different names must not rescan the list for each (it took minutes). Finds what
/// [`Project::find_reviewer`] finds and makes the ids [`Project::add_reviewer`] makes.
pub(super) struct Roster {
    ids: HashSet<String>,
    /// Lower-cased, trimmed name → the first reviewer with it.
    names: HashMap<String, ReviewerId>,
    /// Per id base, the number suffix below which every one is taken.
    next_suffix: HashMap<String, usize>,
    /// Id → name as the project spells it, for messages.
    spelled: HashMap<ReviewerId, String>,
}

impl Roster {
    pub(super) fn of(project: &Project) -> Roster {
        let mut names = HashMap::new();
        for r in &project.reviewers {
            names
                .entry(crate::model::name_key(&r.name))
                .or_insert_with(|| r.id.clone());
        }
        Roster {
            ids: project.reviewers.iter().map(|r| r.id.to_string()).collect(),
            names,
            next_suffix: HashMap::new(),
            spelled: project
                .reviewers
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect(),
        }
    }

    /// The name of a reviewer found or added.
    pub(super) fn name_of<'a>(&'a self, id: &'a ReviewerId) -> &'a str {
        self.spelled.get(id).map_or(id.as_str(), String::as_str)
    }

    pub(super) fn find(&self, id_or_name: &str) -> Option<ReviewerId> {
        if self.ids.contains(id_or_name) {
            return Some(ReviewerId::from(id_or_name));
        }
        self.names.get(&crate::model::name_key(id_or_name)).cloned()
    }

    pub(super) fn add(&mut self, project: &mut Project, name: &str) -> ReviewerId {
        let base = crate::model::slug(name, "reviewer");
        let id = if self.ids.contains(&base) {
            let n = self.next_suffix.entry(base.clone()).or_insert(2);
            while self.ids.contains(&format!("{base}-{n}")) {
                *n += 1;
            }
            format!("{base}-{n}")
        } else {
            base
        };
        self.ids.insert(id.clone());
        let id = ReviewerId(id);
        self.names
            .entry(crate::model::name_key(name))
            .or_insert_with(|| id.clone());
        project.reviewers.push(Reviewer {
            id: id.clone(),
            name: name.trim().to_owned(),
        });
        self.spelled.insert(id.clone(), name.trim().to_owned());
        id
    }
}
