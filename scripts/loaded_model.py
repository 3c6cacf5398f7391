#!/usr/bin/env python3
"""Measures a small linear model for loaded words against Slant's rules (issue [12], point 2).

A logistic regression decides, word by word, whether a word is loaded. Its features are the
rules' own evidence (a loaded cue and which list it came from), the word's VADER valence in
bands, adjective and adverb endings, a capital inside the sentence, being inside quotation
marks, stop words and length; a second model adds the words themselves. Both are trained on
the development (D) rows of tests/data/loaded_dev/sentences.tsv; the regularisation C and the
probability threshold are chosen on those rows (best sentence F1 with cue precision >= 0.50),
and the held-out (H) rows are only measured. The figures are in the README ("Loaded words on
real news").

Usage, from the repository root (needs numpy and scikit-learn):
    pip download --no-deps vaderSentiment==3.3.2 && unzip vaderSentiment-3.3.2-*.whl -d vader
    cargo run -q -p slant-core --example loaded_cues_tsv > /tmp/cues.tsv
    python3 scripts/loaded_model.py /tmp/cues.tsv vader/vaderSentiment/vader_lexicon.txt
"""
import collections
import re
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

STOP = set("""a an the of to in on at for by with and or but is are was were be been being it its
this that these those he she they we i you his her their our as from has have had not no so if
than then there which who whom what when where why how will would can could may might should do
does did""".split())


def byte_at(text, i):
    return len(text[:i].encode("utf-8"))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def load_rows(path="tests/data/loaded_dev/sentences.tsv"):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        text = c[6]
        spans = []
        for p in filter(None, c[5].split("|")):
            p = p.removesuffix("@q").lower()
            i = text.lower().find(p)
            if i >= 0:
                s = byte_at(text, i)
                spans.append((s, s + len(p.encode("utf-8"))))
        rows.append(dict(id=c[0], biased=c[4] == "1", spans=spans, text=text))
    return rows


def load_cues(path):
    loaded, quotes = collections.defaultdict(list), collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        c = line.rstrip("\n").split("\t")
        target = quotes if c[3] == "QUOTE" else loaded
        target[c[0]].append((int(c[1]), int(c[2]), c[4]))
    return loaded, quotes


def load_vader(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        p = line.split("\t")
        try:
            out[p[0]] = float(p[1])
        except (IndexError, ValueError):
            pass
    return out


def tokens(text):
    for m in re.finditer(r"[\w'’-]+", text):
        s = byte_at(text, m.start())
        yield m.group(), (s, s + len(m.group().encode("utf-8")))


def source_of(reason):
    for key, name in (("VADER", "vader"), ("labels", "labels"), ("verb", "verbs"),
                      ("scare", "scare"), ("capital", "caps")):
        if key in reason:
            return name
    return "list"


def features(row, cues, quotes, vader, with_words):
    out = []
    for k, (word, span) in enumerate(tokens(row["text"])):
        w = word.lower().strip("'’")
        f = {}
        hits = [c for c in cues[row["id"]] if overlaps(span, c)]
        if hits:
            f["rule"] = 1
            f["rule_" + source_of(hits[0][2])] = 1
        v = vader.get(w, 0.0)
        f["valence"] = abs(v) / 4
        f["negative"] = float(v < 0)
        for band in (1.0, 1.5, 2.0, 2.5, 3.0):
            f[f"valence>={band}"] = float(abs(v) >= band)
        f["stop"] = float(w in STOP)
        f["adjective_ending"] = float(bool(re.search(r"(ous|ive|ful|less|ic|ible|able|ish)$", w)))
        f["ly"] = float(w.endswith("ly"))
        f["capital_inside"] = float(word[0].isupper() and k > 0)
        f["quoted"] = float(any(overlaps(span, q) for q in quotes[row["id"]]))
        f["length"] = min(len(w), 12) / 12
        if with_words:
            f["word=" + w] = 1
        out.append((f, span))
    return out


def evaluate(rows, predicted):
    """Word recall, cue precision and sentence P/R/F1, counted as the Rust test counts them."""
    words = found = cues = right = tp = flagged = biased = 0
    for r in rows:
        runs = []
        for s, e in sorted(predicted.get(r["id"], [])):
            if runs and s - runs[-1][1] <= 1:
                runs[-1] = (runs[-1][0], e)
            else:
                runs.append((s, e))
        for _, span in tokens(r["text"]):
            if any(overlaps(span, p) for p in r["spans"]):
                words += 1
                found += any(overlaps(span, c) for c in runs)
        cues += len(runs)
        right += sum(any(overlaps(c, p) for p in r["spans"]) for c in runs)
        flagged += bool(runs)
        biased += r["biased"]
        tp += bool(runs) and r["biased"]
    p, rec = tp / max(flagged, 1), tp / max(biased, 1)
    return dict(recall=found / words, precision=right / max(cues, 1),
                sentence_p=p, sentence_r=rec, sentence_f1=2 * p * rec / max(p + rec, 1e-9))


def show(name, fig):
    print(f"{name:<34} word recall {fig['recall']:.2f}  cue precision {fig['precision']:.2f}  "
          f"sentences P {fig['sentence_p']:.2f} R {fig['sentence_r']:.2f} F1 {fig['sentence_f1']:.2f}")


def main():
    cues, quotes = load_cues(sys.argv[1])
    vader = load_vader(sys.argv[2])
    rows = load_rows()
    dev = [r for r in rows if r["id"].startswith("D")]
    held = [r for r in rows if r["id"].startswith("H")]
    for name, rs in (("rules, development", dev), ("rules, held out", held)):
        show(name, evaluate(rs, {r["id"]: [(a, b) for a, b, _ in cues[r["id"]]] for r in rs}))
    for with_words in (False, True):
        def table(rs):
            feats = [(r, f, span) for r in rs
                     for f, span in features(r, cues, quotes, vader, with_words)]
            labels = [int(any(overlaps(span, p) for p in r["spans"])) for r, _, span in feats]
            return feats, labels
        dev_feats, dev_labels = table(dev)
        keys = sorted({k for _, f, _ in dev_feats for k in f})
        index = {k: i for i, k in enumerate(keys)}

        def matrix(feats):
            m = np.zeros((len(feats), len(keys)))
            for i, (_, f, _) in enumerate(feats):
                for k, v in f.items():
                    if k in index:
                        m[i, index[k]] = v
            return m

        def predict(model, feats, threshold):
            out = collections.defaultdict(list)
            for p, (r, _, span) in zip(model.predict_proba(matrix(feats))[:, 1], feats):
                if p >= threshold:
                    out[r["id"]].append(span)
            return out

        best = None
        for c in (0.1, 0.3, 1.0, 3.0):
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
            model.fit(matrix(dev_feats), dev_labels)
            for t in range(50, 100, 2):
                fig = evaluate(dev, predict(model, dev_feats, t / 100))
                if fig["precision"] >= 0.5 and (best is None or fig["sentence_f1"] > best[0]):
                    best = (fig["sentence_f1"], c, t / 100, model)
        _, c, t, model = best
        held_feats, _ = table(held)
        kind = "features and words" if with_words else "features"
        print(f"model on {kind}: C={c}, threshold {t}")
        show(f"  development", evaluate(dev, predict(model, dev_feats, t)))
        show(f"  held out", evaluate(held, predict(model, held_feats, t)))
        if not with_words:
            weights = sorted(zip(keys, model.coef_[0]), key=lambda kv: -abs(kv[1]))
            print("  weights:", ", ".join(f"{k} {w:+.2f}" for k, w in weights[:10]))


if __name__ == "__main__":
    main()
