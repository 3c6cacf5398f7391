//! The agreement coefficients: percent agreement, Cohen's κ, Fleiss' κ and Krippendorff's α
//! (nominal). Generic over the category type, so the tests reproduce the published worked
//! examples with their own labels; the parent module applies them to a project's tags.

/// Ratings as units (sentences) × coders (reviewers); `None` where a coder gave none.
pub type Ratings<T> = [Vec<Option<T>>];

/// The mean, over units rated by two or more coders, of the share of coder pairs that agree.
/// `None` when no unit has two ratings.
pub fn percent_agreement<T: Ord + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    let counts = unit_counts(ratings);
    percent_from_counts(counts.iter().map(Vec::as_slice))
}

/// [`percent_agreement`] from each unit's count per category.
pub fn percent_from_counts<'a>(units: impl Iterator<Item = &'a [usize]>) -> Option<f64> {
    let mut sum = 0.0;
    let mut n = 0;
    for unit in units {
        let m: usize = unit.iter().sum();
        if m < 2 {
            continue;
        }
        let agree: usize = unit.iter().map(|c| c * c.saturating_sub(1) / 2).sum();
        sum += agree as f64 / (m * (m - 1) / 2) as f64;
        n += 1;
    }
    (n > 0).then(|| sum / n as f64)
}

/// Each unit's count per category, categories in sorted order.
fn unit_counts<T: Ord + Copy>(ratings: &Ratings<T>) -> Vec<Vec<usize>> {
    let mut categories: Vec<T> = ratings.iter().flatten().flatten().copied().collect();
    categories.sort();
    categories.dedup();
    ratings
        .iter()
        .map(|unit| {
            let mut counts = vec![0; categories.len()];
            for v in unit.iter().flatten() {
                if let Ok(i) = categories.binary_search(v) {
                    counts[i] += 1;
                }
            }
            counts
        })
        .collect()
}

/// Cohen's κ of two coders over the units both rated. `None` when they share no unit or chance
/// agreement is already total (both used one and the same category throughout).
pub fn cohen_kappa<T: Ord + Copy>(a: &[Option<T>], b: &[Option<T>]) -> Option<f64> {
    let mut categories: Vec<T> = a.iter().chain(b).flatten().copied().collect();
    categories.sort();
    categories.dedup();
    let index = |v: T| categories.binary_search(&v).expect("collected above");
    let mut m = vec![vec![0; categories.len()]; categories.len()];
    for (x, y) in a.iter().zip(b) {
        if let (Some(x), Some(y)) = (x, y) {
            m[index(*x)][index(*y)] += 1;
        }
    }
    cohen_from_confusion(&m)
}

/// Cohen's κ from a confusion matrix (`m[a][b]`: units the first coder put in a, the second in
/// b).
pub fn cohen_from_confusion<R: AsRef<[usize]>>(m: &[R]) -> Option<f64> {
    let k = m.len();
    let n: usize = m.iter().map(|r| r.as_ref().iter().sum::<usize>()).sum();
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let observed = (0..k).map(|i| m[i].as_ref()[i]).sum::<usize>() as f64 / n;
    let expected: f64 = (0..k)
        .map(|i| {
            let row: usize = m[i].as_ref().iter().sum();
            let column: usize = m.iter().map(|r| r.as_ref()[i]).sum();
            (row as f64 / n) * (column as f64 / n)
        })
        .sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Fleiss' κ from category counts per unit (each row sums to the same number of ratings n ≥ 2).
/// `None` when the rows differ in their totals, n < 2, or chance agreement is total.
pub fn fleiss_kappa_counts(counts: &[Vec<usize>]) -> Option<f64> {
    let n = counts.first()?.iter().sum::<usize>();
    if n < 2 || counts.iter().any(|row| row.iter().sum::<usize>() != n) {
        return None;
    }
    let units = counts.len() as f64;
    let categories = counts[0].len();
    let nf = n as f64;
    let p_bar = counts
        .iter()
        .map(|row| {
            let squares: usize = row.iter().map(|c| c * c).sum();
            (squares - n) as f64 / (nf * (nf - 1.0))
        })
        .sum::<f64>()
        / units;
    let p_e: f64 = (0..categories)
        .map(|j| {
            let p = counts.iter().map(|row| row[j]).sum::<usize>() as f64 / (units * nf);
            p * p
        })
        .sum();
    (p_e < 1.0).then(|| (p_bar - p_e) / (1.0 - p_e))
}

/// Fleiss' κ over units where every coder gave a rating; `None` when some unit is missing a
/// rating (the coefficient needs the same number of ratings per unit; α does not).
pub fn fleiss_kappa<T: Ord + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    if ratings.iter().any(|u| u.iter().any(Option::is_none)) {
        return None;
    }
    fleiss_kappa_counts(&unit_counts(ratings))
}

/// Krippendorff's α for nominal data, from the coincidence matrix: units with fewer than two
/// ratings are left out, as the method prescribes. `None` when fewer than two pairable values
/// exist or only one category was ever used.
pub fn krippendorff_alpha<T: Ord + Copy>(ratings: &Ratings<T>) -> Option<f64> {
    let counts = unit_counts(ratings);
    let k = counts.first().map_or(0, Vec::len);
    alpha_from_counts(counts.iter().map(Vec::as_slice), k)
}

/// [`krippendorff_alpha`] from each unit's count per category (`k` categories).
pub fn alpha_from_counts<'a>(units: impl Iterator<Item = &'a [usize]>, k: usize) -> Option<f64> {
    // o[c][d]: pairs of values c, d from different coders in one unit, each unit weighted
    // 1/(m−1): n_c·n_d pairs, or n_c·(n_c−1) when c = d.
    let mut o = vec![0.0; k * k];
    for unit in units {
        let m: usize = unit.iter().sum();
        if m < 2 {
            continue;
        }
        let w = 1.0 / (m - 1) as f64;
        for (c, &nc) in unit.iter().enumerate() {
            if nc == 0 {
                continue;
            }
            for (d, &nd) in unit.iter().enumerate() {
                let pairs = if c == d { nc * (nc - 1) } else { nc * nd };
                o[c * k + d] += pairs as f64 * w;
            }
        }
    }
    let totals: Vec<f64> = (0..k).map(|c| o[c * k..(c + 1) * k].iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    if n < 2.0 {
        return None;
    }
    let disagreement: f64 = (0..k)
        .flat_map(|c| (0..k).filter(move |&d| d != c).map(move |d| (c, d)))
        .map(|(c, d)| o[c * k + d])
        .sum();
    let squares: f64 = totals.iter().map(|t| t * t).sum();
    let expected = (n * n - squares) / (n - 1.0);
    (expected > 0.0).then(|| 1.0 - disagreement / expected)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::agreement) fn close(x: Option<f64>, expected: f64) {
        let x = x.expect("defined");
        assert!((x - expected).abs() < 0.0005, "{x} is not {expected}");
    }

    /// Rows from a table of coders (one string per coder, `.` for a missing value).
    fn units(coders: &[&str]) -> Vec<Vec<Option<char>>> {
        let columns: Vec<Vec<Option<char>>> = coders
            .iter()
            .map(|c| {
                c.split_whitespace()
                    .map(|v| (v != ".").then(|| v.chars().next().unwrap()))
                    .collect()
            })
            .collect();
        (0..columns[0].len())
            .map(|u| columns.iter().map(|c| c[u]).collect())
            .collect()
    }

    #[test]
    fn krippendorff_2011_binary_two_coders() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A.
        let r = units(&["0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"]);
        close(krippendorff_alpha(&r), 0.095);
    }

    #[test]
    fn krippendorff_2011_nominal_two_coders() {
        // Section B: two observers, nominal data, no missing values.
        let r = units(&["a a b b d c c c e d d a", "b a b b b c c c e d d d"]);
        close(krippendorff_alpha(&r), 0.692);
    }

    #[test]
    fn krippendorff_2011_four_coders_with_missing_values() {
        // Section C: four observers, 12 units, missing values; nominal α = 0.743.
        let r = units(&[
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ]);
        close(krippendorff_alpha(&r), 0.743);
    }

    #[test]
    fn cohen_wikipedia_example() {
        // 50 applications: both yes 20, A yes B no 5, A no B yes 10, both no 15 → κ = 0.4.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, n) in [
            ('y', 'y', 20),
            ('y', 'n', 5),
            ('n', 'y', 10),
            ('n', 'n', 15),
        ] {
            for _ in 0..n {
                a.push(Some(x));
                b.push(Some(y));
            }
        }
        close(cohen_kappa(&a, &b), 0.40);
    }

    #[test]
    fn fleiss_wikipedia_example() {
        // 10 subjects, 14 raters, 5 categories → κ = 0.210.
        let counts = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let counts: Vec<Vec<usize>> = counts.iter().map(|r| r.to_vec()).collect();
        close(fleiss_kappa_counts(&counts), 0.210);
        // The same table as ratings gives the same κ.
        let ratings: Vec<Vec<Option<usize>>> = counts
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .flat_map(|(c, &n)| std::iter::repeat_n(Some(c), n))
                    .collect()
            })
            .collect();
        close(fleiss_kappa(&ratings), 0.210);
    }

    #[test]
    fn undefined_cases_say_so() {
        let same = units(&["a a a", "a a a"]);
        assert_eq!(
            krippendorff_alpha(&same),
            None,
            "one category: no variation"
        );
        assert_eq!(
            cohen_kappa(
                &same.iter().map(|u| u[0]).collect::<Vec<_>>(),
                &same.iter().map(|u| u[1]).collect::<Vec<_>>()
            ),
            None
        );
        let missing = units(&["a b .", "a b b"]);
        assert_eq!(
            fleiss_kappa(&missing),
            None,
            "Fleiss needs equal ratings per unit"
        );
        assert_eq!(percent_agreement(&missing), Some(1.0));
        let lonely = units(&["a . .", ". b ."]);
        assert_eq!(percent_agreement(&lonely), None);
    }
}
