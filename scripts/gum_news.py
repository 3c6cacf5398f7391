#!/usr/bin/env python3
"""Counts the sentences of GUM's news documents that `slant analyze` finds exactly as GUM's
linguists bound them.

GUM (the Georgetown University Multilayer corpus; its news part is Wikinews, CC BY 2.5) is
third-party text, so it is not in the repository and not in CI. Save the CoNLL-U sources of the
news documents (`not-to-release/sources/GUM_news_*.conllu` in UniversalDependencies/UD_English-GUM,
split by its `not-to-release/file-lists/files.{train,dev,test}`) into folders, then:

    cargo build --release
    python3 scripts/gum_news.py target/release/slant /tmp/gum/dev /tmp/gum/test
    SHOW=1 python3 scripts/gum_news.py ...      # and each gold sentence not found

Each document is rebuilt as text from its sentences (`# text`): a blank line before each
`# newpar` (older sources have none), sentences of one paragraph joined by a space, and a line
break after a sentence that ends without a closing stop (a headline, a date line, a caption, a
pull quote's speaker), as a page sets it. Written for Slant; MIT OR Apache-2.0.
"""
import json, subprocess, sys, os, glob
slant = sys.argv[1]
dirs = sys.argv[2:]
show = os.environ.get("SHOW") == "1"
tot = ok = 0
for d in dirs:
    for f in sorted(glob.glob(os.path.join(d, "*.conllu"))):
        paras = []
        has_newpar = False
        for line in open(f, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# newpar"):
                has_newpar = True
                paras.append([])
            elif line.startswith("# text = "):
                if not paras:
                    paras.append([])
                paras[-1].append(line[len("# text = "):])
        # A sentence without a closing stop (a headline, a date line, a caption, a pull quote's
        # speaker) ends its line, as pages set it; old sources carry no paragraphs at all.
        lines = []
        for p in paras:
            lines.append([])
            for s in p:
                lines[-1].append(s)
                if not s.rstrip().rstrip('"\u201d\'\u2019)').endswith(('.', '!', '?', '\u2026')):
                    lines.append([])
            lines.append(None)
        gold = [s.strip() for p in paras for s in p]
        blocks, cur = [], []
        for l in lines:
            if l is None:
                if cur: blocks.append("\n".join(cur))
                cur = []
            elif l:
                cur.append(" ".join(l))
        if cur: blocks.append("\n".join(cur))
        text = ("\n\n" if has_newpar else "\n").join(blocks) + "\n"
        tmp = "/tmp/gum/_doc.txt"
        open(tmp, "w", encoding="utf-8").write(text)
        out = json.loads(subprocess.run([slant, "analyze", "--json", tmp], capture_output=True, check=True).stdout)
        got = [s["text"].strip() for s in out["sentences"]]
        gs = set(got)
        hit = sum(1 for g in gold if g in gs)
        tot += len(gold); ok += hit
        print(f"{os.path.basename(f)}: {hit}/{len(gold)}")
        if show:
            for g in gold:
                if g not in gs:
                    print("   MISS:", g[:160])
print(f"TOTAL {ok}/{tot}")
