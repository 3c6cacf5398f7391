#!/usr/bin/env python3
"""Builds assets/lexicons/loaded_vader.txt from VADER's lexicon (vaderSentiment 3.3.2, MIT).

Usage: pip download --no-deps vaderSentiment==3.3.2, unzip the wheel, then
    python3 scripts/vader_lexicon.py PATH/TO/vader_lexicon.txt > assets/lexicons/loaded_vader.txt

Rule: single words whose mean valence is at least THRESHOLD either way (strongly valenced), of
five letters or more (VADER's short entries are mostly chat abbreviations) or in SHORT_WORDS,
minus NEWS_EVENTS: words that name what happened (war, killed, arrested, flood, won) rather than
judge it. Those carry feeling in VADER's ratings but are a reporter's plain facts. The
threshold was chosen on the development rows of tests/data/loaded_dev (README, "Loaded words").
Words already in Slant's own loaded lists are left out.
"""
import re
import sys
from pathlib import Path

THRESHOLD = 2.5
# Adjectives and adverbs are the words a writer chooses; nouns and verbs mostly name what
# happened. A word WordNet knows only as an adjective or adverb (its Debian package
# `wordnet-base`, /usr/share/wordnet) may be taken at this lower valence. Tried from 2.3 down to
# 1.6 on 2026-11-29 and not kept (README, "Set B"): the default leaves it at THRESHOLD.
ADJ_THRESHOLD = float(__import__("os").environ.get("ADJ_THRESHOLD", "2.5"))
SHORT_WORDS = set("""dumb fake foes glum harm hate hell mad rage rude ruin sad scam sin sins snob
ugly evil vile liar lies cruel""".split())
NEWS_EVENTS = set("""war wars warfare battle battles combat fight fighting fought conflict conflicts crisis
crises emergency emergencies kill kills killed killing killings death deaths dead die
died dies dying murder murdered murders murderer homicide rape raped rapes assault
assaulted abuse abused abuses violence violent attack attacks attacked attacker bomb bombs
bombing bombed shooting shot shoot explosion explosions injured injury injuries wounded wound
hurt pain victims victim casualties prison prisons prisoner prisoners jail jailed jails
arrest arrested arrests detained detention sentenced convicted conviction crime crimes criminal criminals
fraud theft stolen steal robbery corruption bribery illegal illegally violation violations justice
court courts trial guilty innocent lawsuit sue sued penalty punishment punished police
army military soldiers troops weapons weapon gun guns terror terrorism terrorist terrorists
threat threats threatened threaten fear fears feared afraid worried worry concern concerns
concerned risk risks danger dangerous unsafe disaster disasters flood floods flooding earthquake
fire fires storm storms hurricane drought famine hunger poverty poor disease diseases
cancer virus infection infected epidemic pandemic sick illness ill protest protests protesters
protested strike strikes demonstration riot riots fail failed fails failure failures lost
lose loss losses losing defeat defeated win won wins winner winners winning
victory prize prizes award awards awarded medal champion champions free freedom freedoms
liberty rights peace peaceful security safe safety support supported supports help helped
helps agreement agree agreed deal approve approved approval accept accepted reject rejected
rejection refuse refused ban banned intelligence secret secrets happy celebrate celebrated celebrating
celebration festival party parties hope hopes hoped best better good great nice
love loved care cared respect respected kind bad worse worst problem problems
trouble damage damaged destroyed destruction cut cuts crash crashed collapse collapsed""".split())
# More of the same kinds, found by reading the built list through (2026-11-26), not from any
# labelled set: other forms of event words (fatalities, assassinations, drowned), legal
# categories (felony, harassment, torture, slavery), dismissals and money (fired, bankrupt,
# bonus, winnings, reward), test results and ratings (positive, negative), titles and
# compounds (super PAC, supreme leader), and plain acts (destroy, laugh, smiled, kissing).
NEWS_EVENTS |= set("""abduction assassination assassinations assaults attackers bankrupt bonus bonuses
corpse depression drown drowned enemy fatal fatalities fatality fatally felony felonies fired
harassed harassment harassments harm harming killer killers murderers murdering poisoning
poisons robber slavery starved strangled stealing suicide suicidal torture tortured tortures
torturing racism winnings reward positive negative super supreme success successes successful
destroy destroys destroying laugh smiled kissing romance lover""".split())
# Read against real news pages from other extractors' test suites (2026-11-27; see README,
# "Web pages"), not from any labelled set: words whose plain sense those articles used, an organ
# ("his heart stopped"), a commodity ("the crude leaves behind"), a technical grade ("the
# sophisticated S-300 missiles"), a charge ("charged with violating the privacy of") and a
# chemical process ("oil degrading rapidly").
NEWS_EVENTS |= set("""heart hearts crude sophisticated violating violater degrading""".split())

LICENCE = """# VADER lexicon: The MIT License (MIT), Copyright (c) 2016 C.J. Hutto.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
# OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""


def wordnet_modifiers():
    """Words WordNet lists as adjectives or adverbs and never as nouns or verbs."""
    def index(pos):
        path = Path("/usr/share/wordnet/index." + pos)
        if not path.exists():
            return set()
        return {l.split(" ")[0] for l in path.read_text().splitlines() if not l.startswith(" ")}
    return (index("adj") | index("adv")) - index("noun") - index("verb")


def main():
    modifiers = wordnet_modifiers() if ADJ_THRESHOLD < THRESHOLD else set()
    own = set()
    for f in Path(__file__).resolve().parent.parent.joinpath("assets/lexicons").glob("loaded*.txt"):
        if f.name == "loaded_vader.txt":
            continue
        for line in f.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                own.add(line.rstrip("~"))
    words = []
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        word, valence = line.split("\t")[:2]
        bar = ADJ_THRESHOLD if word in modifiers else THRESHOLD
        if not re.fullmatch(r"[a-z][a-z'-]+", word) or abs(float(valence)) < bar:
            continue
        if len(word) < 5 and word not in SHORT_WORDS:
            continue
        if word in NEWS_EVENTS or word in own:
            continue
        words.append(word)
    print("# Strongly valenced words (|valence| >= %.1f) from the VADER sentiment lexicon," % THRESHOLD)
    print("# vaderSentiment 3.3.2, vader_lexicon.txt, https://github.com/cjhutto/vaderSentiment.")
    print("# Built by scripts/vader_lexicon.py (the rule and the words left out are there).")
    print(LICENCE)
    for w in words:
        print(w)


main()
