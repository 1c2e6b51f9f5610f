"""Search benchmarks, side by side in one run, on a synthetic library.

    PYTHONPATH=. python bench/bench_search.py --size 10000 [--workdir /tmp/reader-bench]
        [--baseline-docs N] [--repeat 20] [--keep-index]

Measures, for the issue's bars:
- search p50/p95 with snippets (top 10) per query kind: reader vs SQLite FTS5 (stdlib
  sqlite3, porter tokenizer, bm25 + snippet()) vs plain Whoosh (default schema and
  highlighter; only when ``--baseline-docs`` covers the whole library);
- one word: reader vs ``grep -ril`` over the same files;
- index open time and a cold process's first query (subprocess);
- start-up update on the unchanged library (stat only; counts article reads);
- peak RSS of a process that opens the index and runs every query;
- build throughput: reader (procs=2, multisegment, compound=False; without and with the
  entity recogniser) vs plain Whoosh default (``ix.writer()``, stored body) on
  ``--baseline-docs`` articles;
- find-in-article per keystroke on a 10,000-word article.

The library is made by ``bench/make_library.py`` (deterministic). Nothing here is run by
pytest; nothing is asserted: it prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_common import cpu_seconds, log, ms, pct  # noqa: E402
from make_library import generate  # noqa: E402

from reader.library.files import walk  # noqa: E402
from reader.loaders import load_file  # noqa: E402
from reader.search import LibraryIndex, search  # noqa: E402
from reader.search.documents import default_entity_keys  # noqa: E402
from reader.search.find import FindOptions, find_matches, prime  # noqa: E402

QUERIES = {
    "word": ["island", "minister", "negotiations", "shimonoseki"],
    "phrase": ['"coast guard vessels"', '"treaty of shimonoseki"', '"peace talks"', '"especially cautious"'],
    "prefix": ["negot*", "isl*", "pres*", "str*"],
    "fuzzy": ["shimonseki~", "negotiatons~", "islnd~", "goverment~"],
}
GREP_WORD = "shimonoseki"


# --- reader --------------------------------------------------------------------------

CPU = {}


def build_reader(library: Path, directory: Path, entity_keys=None) -> tuple[float, int]:
    shutil.rmtree(directory, ignore_errors=True)
    index = LibraryIndex(directory, entity_keys=entity_keys)
    started, cpu = time.perf_counter(), cpu_seconds()
    result = index.update([library], procs=2)
    seconds = time.perf_counter() - started
    CPU[("reader", str(library), entity_keys is not None)] = cpu_seconds() - cpu
    index.close()
    return seconds, result.added


def time_queries(run, queries: dict[str, list[str]], repeat: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for kind, texts in queries.items():
        for text in texts:  # warm-up once (first use of each query shape)
            run(text)
        samples = []
        for _ in range(repeat):
            for text in texts:
                started = time.perf_counter()
                run(text)
                samples.append(time.perf_counter() - started)
        times[kind] = samples
    return times


CHILD = textwrap.dedent("""
    import json, resource, sys, time
    t0 = time.perf_counter()
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from reader.search import LibraryIndex, search
    t1 = time.perf_counter()
    ix = LibraryIndex(Path(sys.argv[2]))
    ix.searcher()
    t2 = time.perf_counter()
    first = search(ix, "island", limit=10)
    t3 = time.perf_counter()
    assert first.hits and first.hits[0].snippet
    for text in json.loads(sys.argv[3]):
        search(ix, text, limit=10)
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec (it would be the parent's)
    hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(json.dumps({"import": t1 - t0, "open": t2 - t1, "first_query": t3 - t2, "rss_mb": hwm / 1024}))
""")

UNCHANGED = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    reads = 0
    original = Path.read_bytes
    def counting(self):
        global reads
        reads += 1
        return original(self)
    Path.read_bytes = counting
    from reader.search import LibraryIndex
    ix = LibraryIndex(Path(sys.argv[2]))
    t = time.perf_counter()
    result = ix.update([Path(sys.argv[3])])
    seconds = time.perf_counter() - t
    # the app's start: the catalog has just walked the library; the index reuses that walk
    from reader.library.files import walk
    files = walk([Path(sys.argv[3])]).files
    t = time.perf_counter()
    reused = ix.update([Path(sys.argv[3])], files=files)
    print(json.dumps({"seconds": seconds, "reads": reads, "unchanged": result.unchanged,
                      "changed": result.changed + result.added + result.removed,
                      "reused_walk_seconds": time.perf_counter() - t, "reused_unchanged": reused.unchanged}))
""")


def child_json(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- plain Whoosh (the baseline) ---------------------------------------------

def build_plain(articles, directory: Path) -> float:
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    schema = fields.Schema(id=fields.ID(stored=True, unique=True), title=fields.TEXT(stored=True),
                           body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True))
    started, cpu = time.perf_counter(), cpu_seconds()
    ix = index.create_in(str(directory), schema)
    writer = ix.writer()
    try:
        for path in (a.path for a in articles):
            article = load_file(path).article  # reading the files is part of any build
            writer.add_document(id=article.id, title=article.title, body=article.body)
        writer.commit()
        writer = None
    finally:
        if writer is not None:
            writer.cancel()
    seconds = time.perf_counter() - started
    CPU["plain"] = cpu_seconds() - cpu
    ix.close()
    return seconds


def plain_runner(directory: Path):
    from whoosh import index, qparser

    ix = index.open_dir(str(directory))
    searcher = ix.searcher()
    parser = qparser.QueryParser("body", ix.schema)
    parser.add_plugin(qparser.FuzzyTermPlugin())

    def run(text: str) -> None:
        results = searcher.search(parser.parse(text), limit=10)
        for hit in results:
            hit.highlights("body")

    return run, searcher


# --- SQLite FTS5 ---------------------------------------------------------------------

def build_fts(articles, path: Path) -> float:
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", ((a.id, a.title, a.body) for a in articles))
    db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')")
    db.commit()
    db.close()
    return time.perf_counter() - started


def edits_within(a: str, b: str, limit: int) -> bool:
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def fts_runner(path: Path):
    db = sqlite3.connect(path)
    sql = ("SELECT id, title, snippet(docs, 2, '[', ']', '…', 24) FROM docs WHERE docs MATCH ? "
           "ORDER BY rank LIMIT 10")

    def to_match(text: str) -> str:
        if text.endswith("~"):
            # FTS5 has no fuzzy terms: expand from its vocabulary (same first letter, 1 edit)
            word = text[:-1].lower()
            rows = db.execute("SELECT term FROM vocab WHERE term >= ? AND term < ?",
                              (word[0], chr(ord(word[0]) + 1))).fetchall()
            # compare with the stemmed form as FTS5 stores stems
            terms = [t for (t,) in rows if edits_within(word, t, 1) or edits_within(word[:-1], t, 1)]
            return " OR ".join(f'"{t}"' for t in terms[:64]) or '"zzzzzz"'
        return text

    def run(text: str) -> None:
        db.execute(sql, (to_match(text),)).fetchall()

    return run, db


# --- find in article -----------------------------------------------------------------

def find_keystrokes(articles) -> dict[str, float]:
    words: list[str] = []
    parts: list[str] = []
    for article in articles:
        parts.append(article.body)
        words.extend(article.body.split())
        if len(words) >= 10_000:
            break
    body = "\n\n".join(parts)
    body = body[: len(body)]
    typed = "Treaty of Shimonoseki"
    results = {}
    started = time.perf_counter()
    prime(body)  # what the find bar does when it opens (word mode's word list)
    results["open (once)"] = (time.perf_counter() - started, 0.0)
    for label, options in [("plain (smart case)", FindOptions()), ("whole word", FindOptions(whole_word=True)),
                           ("regex", FindOptions(regex=True)), ("word mode", FindOptions(word_mode=True))]:
        samples = []
        for _ in range(5):
            for n in range(1, len(typed) + 1):
                started = time.perf_counter()
                find_matches(body, typed[:n], options)
                samples.append(time.perf_counter() - started)
        results[label] = max(samples), pct(samples, 0.95)
    results["words"] = len(body.split())
    return results


# --- main ----------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description="reader search benchmarks")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/reader-bench"))
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query")
    parser.add_argument("--baseline-docs", type=int, default=None,
                        help="articles for the plain-Whoosh build (default: the whole library)")
    parser.add_argument("--reuse-index", action="store_true", help="do not rebuild reader's index if present")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--build-rounds", type=int, default=2, help="interleaved build rounds (best of)")
    args = parser.parse_args()

    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    library = work / f"lib{args.size // 1000}k"
    if not library.is_dir():
        log(f"generating {args.size:,} articles in {library}")
        generate(library, args.size)
    index_dir = work / f"reader-index-{args.size}"
    numbers: dict = {"size": args.size, "cpus": os.cpu_count(), "load": os.getloadavg()}

    log("loading articles")
    articles = [a for a in (f.load().article for f in walk([library]).files) if a is not None]
    numbers["words_mean"] = statistics.mean(a.word_count for a in articles)

    if args.reuse_index and (index_dir / "manifest.json").exists():
        log("reusing reader's index")
        numbers["build_reader_s"] = None
    else:
        log("building reader's index (procs=2, multisegment, compound=False)")
        seconds, added = build_reader(library, index_dir)
        numbers["build_reader_s"] = seconds
        numbers["build_reader_docs"] = added
        numbers["build_reader_cpu"] = CPU[("reader", str(library), False)]
    baseline_docs = min(args.baseline_docs or len(articles), len(articles))
    plain_dir = work / f"plain-index-{baseline_docs}"
    # Build throughput: plain Whoosh and reader on the same articles, interleaved, best of
    # --build-rounds each (the machine is shared: the best run is the least disturbed).
    if baseline_docs != len(articles):
        sublib = work / f"sublib-{baseline_docs}"
        if not sublib.is_dir():
            sublib.mkdir()
            for article in articles[:baseline_docs]:
                target = sublib / article.path.relative_to(library)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(article.path, target)
    else:
        sublib = library
    plain_runs, reader_runs = [], []
    for round_number in range(args.build_rounds):
        log(f"build round {round_number + 1}: plain Whoosh default on {baseline_docs:,} articles")
        plain_runs.append((build_plain(articles[:baseline_docs], plain_dir), CPU["plain"]))
        if sublib is library and round_number == 0 and numbers.get("build_reader_s"):
            reader_runs.append((numbers["build_reader_s"], numbers["build_reader_cpu"]))
            continue
        log(f"build round {round_number + 1}: reader on the same {baseline_docs:,} articles")
        sub = work / f"sub-{baseline_docs}"
        reader_runs.append((build_reader(sublib, sub)[0], CPU[("reader", str(sublib), False)]))
        shutil.rmtree(sub, ignore_errors=True)
    # What `reader index` and the app do: the same, with the entity recogniser's fields
    log(f"build: reader with entity recognition on the same {baseline_docs:,} articles")
    sub = work / f"sub-entities-{baseline_docs}"
    numbers["build_reader_entities_s"] = build_reader(sublib, sub, default_entity_keys())[0]
    numbers["build_reader_entities_cpu"] = CPU[("reader", str(sublib), True)]
    shutil.rmtree(sub, ignore_errors=True)
    numbers["build_plain_runs"] = plain_runs
    numbers["build_reader_runs"] = reader_runs
    numbers["build_plain_s"], numbers["build_plain_cpu"] = min(plain_runs)
    numbers["build_reader_same_s"], numbers["build_reader_same_cpu"] = min(reader_runs)
    numbers["build_plain_docs"] = baseline_docs
    fts_path = work / f"fts-{args.size}.sqlite"
    log("building SQLite FTS5")
    numbers["build_fts_s"] = build_fts(articles, fts_path)
    numbers["index_mb"] = sum(p.stat().st_size for p in index_dir.iterdir()) / 2**20

    log("unchanged library start-up (subprocess)")
    numbers["unchanged"] = child_json(UNCHANGED, str(REPO), str(index_dir), str(library))
    log("cold process: open + first query + every query; peak RSS")
    all_queries = [q for texts in QUERIES.values() for q in texts]
    numbers["cold"] = child_json(CHILD, str(REPO), str(index_dir), json.dumps(all_queries))

    log("queries: reader")
    index = LibraryIndex(index_dir)
    numbers["hits"] = {q: search(index, q).total for q in all_queries}
    reader_times = time_queries(lambda q: search(index, q, suggest=False), QUERIES, args.repeat)
    log("queries: SQLite FTS5")
    fts_run, db = fts_runner(fts_path)
    fts_times = time_queries(fts_run, QUERIES, args.repeat)
    plain_times = None
    if baseline_docs == len(articles):
        log("queries: plain Whoosh")
        plain_run, plain_searcher = plain_runner(plain_dir)
        plain_times = time_queries(plain_run, QUERIES, max(3, args.repeat // 4))
        plain_searcher.close()
    log("grep -ril")
    grep = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(["grep", "-ril", GREP_WORD, str(library)], capture_output=True, check=False)
        grep.append(time.perf_counter() - started)
    one_word = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        search(index, GREP_WORD, suggest=False)
        one_word.append(time.perf_counter() - started)
    index.close()
    log("find in article")
    find = find_keystrokes(articles)

    # --- table -----------------------------------------------------------------------
    rows = []
    for kind in QUERIES:
        r95 = pct(reader_times[kind], 0.95)
        f95 = pct(fts_times[kind], 0.95)
        p95 = pct(plain_times[kind], 0.95) if plain_times else None
        rows.append((f"search p95, {kind} (p50)", f"{ms(r95)} ({ms(pct(reader_times[kind], 0.5))})",
                     f"FTS5 {ms(f95)} ({ms(pct(fts_times[kind], 0.5))})"
                     + (f"; plain Whoosh {ms(p95)}" if p95 is not None else ""),
                     f"{f95 / r95:.2f}× vs FTS5" + (f", {p95 / r95:.1f}× vs plain" if p95 else ""),
                     "< 50 ms and ≤ FTS5", "yes" if r95 < 0.05 and r95 <= f95 else "no"))
    grep_s = statistics.median(grep)
    word_s = statistics.median(one_word)
    rows.append((f"one word ({GREP_WORD}) vs grep -ril", ms(word_s), f"grep {ms(grep_s)}",
                 f"{grep_s / word_s:.0f}×", "≥ 10×", "yes" if grep_s / word_s >= 10 else "no"))
    cold = numbers["cold"]
    rows.append(("index open (cold process)", ms(cold["open"]),
                 f"first query with snippets {ms(cold['first_query'])}; import {ms(cold['import'])}", "", "", ""))
    unchanged = numbers["unchanged"]
    rows.append(("start-up update, unchanged library", ms(unchanged["seconds"]),
                 f"{unchanged['reads']} article files read, {unchanged['changed']} changed", "",
                 "< 0.3 s, no reads", "yes" if unchanged["seconds"] < 0.3 and unchanged["reads"] == 0 else "no"))
    if "reused_walk_seconds" in unchanged:
        rows.append(("  the same, reusing the catalog's walk", ms(unchanged["reused_walk_seconds"]),
                     f"{unchanged['reused_unchanged']:,} unchanged (the app's start walks once)", "",
                     "< 0.3 s", "yes" if unchanged["reused_walk_seconds"] < 0.3 else "no"))
    rows.append(("peak RSS while searching", f"{cold['rss_mb']:.0f} MB", f"index on disk {numbers['index_mb']:.0f} MB",
                 "", "< 400 MB", "yes" if cold["rss_mb"] < 400 else "no"))
    if numbers.get("build_plain_s"):
        same = numbers.get("build_reader_same_s") or numbers["build_reader_s"]
        same_cpu = numbers.get("build_reader_same_cpu") or numbers["build_reader_cpu"]
        reader_rate = baseline_docs / same
        plain_rate = baseline_docs / numbers["build_plain_s"]
        cpu_ratio = numbers["build_plain_cpu"] / same_cpu
        full = f" ({ms(numbers['build_reader_s'])} for {args.size:,})" if numbers.get("build_reader_s") else ""
        rows.append(("build throughput (wall, best)", f"{reader_rate:,.0f} articles/s on {baseline_docs:,}{full}",
                     f"plain Whoosh {plain_rate:,.0f}/s; "
                     f"FTS5 {len(articles) / numbers['build_fts_s']:,.0f}/s",
                     f"{reader_rate / plain_rate:.2f}×", "≥ 2×", "yes" if reader_rate / plain_rate >= 2 else "no"))
        with_entities = baseline_docs / numbers["build_reader_entities_s"]
        rows.append(("  the same, with entity recognition", f"{with_entities:,.0f} articles/s",
                     "what `reader index` and the app do", f"{with_entities / plain_rate:.2f}×", "", ""))
        rows.append(("build CPU per article", f"{same_cpu / baseline_docs * 1000:.2f} ms",
                     f"plain Whoosh {numbers['build_plain_cpu'] / baseline_docs * 1000:.2f} ms",
                     f"{cpu_ratio:.2f}× less", "", ""))
    worst = max(v[0] for k, v in find.items() if k not in ("words", "open (once)"))
    p95 = max(v[1] for k, v in find.items() if k not in ("words", "open (once)"))
    rows.append((f"find per keystroke, {find['words']:,}-word article", f"worst {ms(worst)}, p95 {ms(p95)}",
                 "; ".join(f"{k} {ms(v[0])}" for k, v in find.items() if k != "words"), "", "< 5 ms",
                 "yes" if worst < 0.005 else "no"))

    print(f"\nreader search benchmark: {args.size:,} articles (mean {numbers['words_mean']:.0f} words), "
          f"os.cpu_count()={os.cpu_count()}, load average {numbers['load'][0]:.1f} at start\n")
    headers = ("measure", "reader", "compared with", "ratio", "bar", "met")
    widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    print("\nhits per query:", ", ".join(f"{q} {n:,}" for q, n in numbers["hits"].items()))
    numbers["reader_times"] = reader_times
    numbers["fts_times"] = fts_times
    numbers["plain_times"] = plain_times
    numbers["grep"] = grep
    numbers["find"] = find
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=1))
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
