"""A deterministic synthetic news library for the benchmarks.

    python bench/make_library.py OUT_DIR --count 10000 [--seed 7]

Writes ``OUT_DIR/NNN/aNNNNNNN.txt`` files (1,000 per folder), each a headline, 400-900
words in paragraphs, a source and a date in front matter. Words follow a Zipf
distribution over a few hundred real English news words (so stemming matters:
islands/island, negotiations/negotiate) and about 30,000 invented words with inflected
forms (so prefix and fuzzy queries expand the way they do on real text), plus a few
dozen named entities and set phrases ("Senkaku Islands", "Treaty of Shimonoseki").
The same seed and count always give the same files.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
from pathlib import Path

COMMON = """the of and to in a that for is on said with was as by it at from his an be has have
are but not this who were they which their had after been one its will more about over also
than when would new two up there other into all out first last year years people government
officials country minister president state police week told month could time some officials
island islands sea ship ships navy coast guard military defence defense security talks
negotiation negotiations negotiate negotiated negotiating agreement agreements treaty treaties
election elections vote voters voted party parties campaign leader leaders leadership court
courts judge ruling law laws rights protest protests protesters city cities region regional
border borders trade tariff tariffs economy economic market markets bank banks price prices
oil gas energy climate weather storm storms flood floods fire fires water school schools
student students teacher health hospital hospitals doctor doctors patient patients virus
vaccine vaccines report reports reported reporting reporter statement statements spokesman
spokeswoman ministry foreign affairs relations diplomatic diplomat diplomats embassy summit
war wars soldier soldiers attack attacks attacked missile missiles nuclear weapon weapons
company companies business businesses worker workers job jobs union strike strikes factory
technology internet phone data million billion percent dollar dollars yen yuan euro budget
tax taxes plan plans planned planning policy policies reform reforms investigation investigate
investigators crime crimes arrest arrested prison family families child children women men
history historical century ancient museum culture cultural film music book books writer
sport sports team teams match player players coach season championship game games win won
""".split()

ENTITIES = [
    "Senkaku Islands", "Diaoyutai", "Treaty of Shimonoseki", "Hua Chunying", "East China Sea",
    "Taiwan Strait", "United Nations", "European Union", "World Health Organization",
    "Shinzo Abe", "Xi Jinping", "Tsai Ing-wen", "Joe Biden", "Angela Merkel", "Okinawa",
    "Beijing", "Tokyo", "Taipei", "Washington", "Brussels", "Geneva", "Kabul", "Nairobi",
    "International Monetary Fund", "Red Cross", "Olympic Games", "Security Council",
    "Pacific Ocean", "Yangtze River", "Hong Kong", "Newsweek", "Reuters",
]
PHRASES = ["especially cautious", "coast guard vessels", "territorial waters", "interest rates",
           "climate change", "peace talks", "trade war", "human rights", "supply chain",
           "press conference", "state media", "foreign ministry"]
SOURCES = ["Newsweek", "Reuters", "The Japan Times", "Associated Press", "BBC News",
           "The Guardian", "Al Jazeera", "Nikkei Asia", "Le Monde", "Der Spiegel"]

# Per sentence (an article has about 40): each named entity ends up in about 5% of the
# stories and each set phrase in about 6%, roughly what a news archive looks like.
ENTITY_RATE = 0.04
PHRASE_RATE = 0.02

ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "z", "br", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "str", "th", "tr", "ch", "kw"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ee"]
CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng", "x"]
SUFFIXES = ["", "", "", "s", "ed", "ing", "ation", "er", "ly", "ment"]


def invented_words(rng: random.Random, count: int) -> list[str]:
    """Invented stems, each with one to three inflected forms (plonk, plonks, plonking)."""
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < count:
        syllables = rng.choice((1, 2, 2, 2, 3))
        stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables))
        if len(stem) < 4 or stem in seen:
            continue
        seen.add(stem)
        for suffix in rng.sample(SUFFIXES, rng.randint(1, 3)):
            if stem + suffix not in seen:
                seen.add(stem + suffix)
                words.append(stem + suffix)
    return words[:count]


class Vocabulary:
    """Zipf-weighted words; deterministic for a seed."""

    def __init__(self, rng: random.Random, invented: int = 30_000) -> None:
        words = list(dict.fromkeys(COMMON)) + invented_words(rng, invented)
        head, tail = words[:40], words[40:]
        rng.shuffle(tail)
        self.words = head + tail
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))

    def word(self, rng: random.Random) -> str:
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def sentence(rng: random.Random, vocab: Vocabulary) -> str:
    length = rng.randint(8, 24)
    words = [vocab.word(rng) for _ in range(length)]
    if rng.random() < ENTITY_RATE:
        words.insert(rng.randrange(len(words)), rng.choice(ENTITIES))
    if rng.random() < PHRASE_RATE:
        words.insert(rng.randrange(len(words)), rng.choice(PHRASES))
    text = " ".join(words)
    if rng.random() < 0.2:
        cut = rng.randrange(3, max(4, len(text) // 2))
        space = text.find(" ", cut)
        if space > 0:
            text = text[:space] + "," + text[space:]
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, vocab: Vocabulary, number: int) -> str:
    target = rng.randint(400, 900)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        para = " ".join(sentence(rng, vocab) for _ in range(rng.randint(2, 5)))
        paragraphs.append(para)
        words += para.count(" ") + 1
    headline_words = [vocab.word(rng) for _ in range(rng.randint(5, 10))]
    if rng.random() < ENTITY_RATE:
        headline_words.insert(rng.randrange(len(headline_words)), rng.choice(ENTITIES))
    headline = " ".join(headline_words)
    headline = headline[0].upper() + headline[1:]
    year = 2015 + number % 10
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    front = f"---\nsource: {rng.choice(SOURCES)}\npublished: {date}\n---\n"
    return front + headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(out: Path, count: int, seed: int = 7, progress: bool = False) -> None:
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    for number in range(count):
        folder = out / f"{number // 1000:03d}"
        if number % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
            if progress:
                print(f"\r{number:,}/{count:,}", end="", file=sys.stderr, flush=True)
        article_rng = random.Random(seed * 1_000_003 + number)
        (folder / f"a{number:07d}.txt").write_text(article(article_rng, vocab, number), encoding="utf-8")
    if progress:
        print(f"\r{count:,}/{count:,}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, progress=sys.stderr.isatty())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
