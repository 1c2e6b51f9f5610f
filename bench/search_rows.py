"""The search core's rows of issue 16, each measured beside tantivy (or reader's own
other path) in the same run. ``rows(ctx)`` yields ``Row``s for ``bench_all.py``.

Heavy steps are skipped when their results exist (``--reuse``): the app-path build of
the big library, tantivy's index of it, the 10k build libraries.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from bench_common import Row, cpu_seconds, log, ms, pct, tree_rss_mb

QUERIES = {
    "word": ["island", "minister", "negotiations", "shimonoseki"],
    "phrase": ['"coast guard vessels"', '"treaty of shimonoseki"', '"peace talks"', '"especially cautious"'],
    "prefix": ["negot*", "isl*", "pres*", "str*"],
    "fuzzy": ["shimonseki~", "negotiatons~", "islnd~", "goverment~"],
}
TYPED = ["shimonoseki", "island", "negotiations", "war", "press", "coast guard vessels", "treaty of shimonoseki",
         "peace talks", "foreign minister said", "island negotiations"]
"""Typed letter by letter into the search box: words, and phrases whose last word is a prefix
while it is typed."""


def _env(ctx) -> dict:
    return {**os.environ, "READER_HOME": str(ctx.home), "PYTHONPATH": str(ctx.repo)}


def shown(results, count: int | None = None) -> list[str]:
    """The snippets of the first ``count`` hits (all by default): what a list paints."""
    return [hit.snippet for hit in results.hits[:count]]


def _times(run, texts, repeat: int) -> list[float]:
    for text in texts:
        run(text)
    samples = []
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            run(text)
            samples.append(time.perf_counter() - started)
    return samples


# --- 5: the first build inside the app, through `reader index --progress-jsonl` --------

def app_build(ctx) -> dict:
    """Build the big library's index as the app does (its own process, two writers),
    sampling the memory of the whole process tree and the progress lines."""
    from reader.search.background import update_in_subprocess

    os.environ["READER_HOME"] = str(ctx.home)
    events: list[tuple[float, int, int, str]] = []
    peak = [0.0]
    done = threading.Event()
    started = time.perf_counter()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], tree_rss_mb(os.getpid(), include_self=False))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu = cpu_seconds()
    try:
        result = update_in_subprocess([ctx.big_library], progress=lambda d, t, m: events.append(
            (time.perf_counter() - started, d, t, m)))
    finally:
        done.set()
        sampler.join()
    seconds = time.perf_counter() - started
    # the last save (of the big batch after the first commit): from its first line on
    last_indexing = max((i for i, e in enumerate(events) if e[3] == "indexing"), default=-1)
    saving = [e for e in events[last_indexing + 1:] if e[3] == "saving the index"]
    return {"seconds": seconds, "added": result.added, "peak_mb": peak[0], "cpu_s": cpu_seconds() - cpu,
            "saving_s": seconds - saving[0][0] if saving else 0.0,
            "saving_steps": len({e[1] for e in saving}), "messages": result.messages}


# --- queries -----------------------------------------------------------------------------

def query_rows(ctx, index_dir: Path, tantivy_dir: Path):
    from reader.search import LibraryIndex, search
    from reader.search.spelling import suggest

    import tantivy_side

    index = LibraryIndex(index_dir)
    theirs = tantivy_side.Searcher(tantivy_dir)
    log("queries: reader and tantivy, interleaved by kind")
    for kind, texts in QUERIES.items():
        ours = _times(lambda q: shown(search(index, q, suggest=False)), texts, ctx.repeat)
        other = _times(lambda q: theirs.search(q), texts, ctx.repeat)
        r95, t95 = pct(ours, 0.95), pct(other, 0.95)
        yield Row(f"search p95 with snippets, {kind} ({ctx.size:,})", ms(r95), f"tantivy {ms(t95)}",
                  f"{r95 / t95:.2f}× tantivy", "≤ 2× tantivy", r95 <= 2 * t95)
    # correctness: how many stories a prefix and a word form find
    for text in ["str*", "pres*", "negotiations"]:
        ours = search(index, text, exact_total=True, suggest=False).total
        other = theirs.search(text, count=True)[0]
        yield Row(f"stories found: {text}", f"{ours:,}", f"tantivy {other:,}", f"{ours / max(1, other):.3f}",
                  "the same", abs(ours - other) <= 0.01 * other)
    # typing: the last word a prefix, hits first; 10 and 50 hits; the suggestion apart
    typed = [text[:n] for text in TYPED for n in range(2, len(text) + 1)]
    ten = _times(lambda q: shown(search(index, q, prefix_last=True, suggest=False)), typed, 3)
    fifty = _times(lambda q: shown(search(index, q, prefix_last=True, suggest=False, limit=50), 10), typed, 3)
    spell = _times(lambda q: suggest(index, q), ["shimonseki", "negotiatons", "goverment", "islnd"], 5)
    yield Row(f"typing {len(TYPED)} words and phrases ({len(typed)} keys): hits p95, 10 / 50 hits (10 snippets); "
              "worst of 50", f"{ms(pct(ten, 0.95))} / {ms(pct(fifty, 0.95))}; {ms(max(fifty))}",
              f"spelling apart: p95 {ms(pct(spell, 0.95))}", "", "hits ≤ 50 ms; spelling cheap",
              pct(fifty, 0.95) <= 0.05 and pct(spell, 0.95) <= 0.05)
    index.close()


# --- cold processes and the start-up check -----------------------------------------------

COLD_TANTIVY = textwrap.dedent("""
    import sys, tantivy
    ix = tantivy.Index.open(sys.argv[1]); ix.reload(); s = ix.searcher()
    q = ix.parse_query(sys.argv[2], ["title", "body"])
    g = tantivy.SnippetGenerator.create(s, q, ix.schema, "body")
    for _, a in s.search(q, 10).hits:
        print(g.snippet_from_doc(s.doc(a)).fragment())
""")

UNCHANGED = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from reader.core import open_library
    from reader.library.files import walk
    library = Path(sys.argv[1])
    # the app's start: the catalog has just walked the library; the index reuses that walk
    files = walk([library]).files
    ix = open_library([library]).open_index()
    ix.update([library], files=files)
    t = time.perf_counter()
    result = ix.update([library], files=files)
    reused = time.perf_counter() - t
    t = time.perf_counter()
    ix.update([library])
    print(json.dumps({"reused": reused, "own_walk": time.perf_counter() - t, "unchanged": result.unchanged}))
""")


def process_rows(ctx, tantivy_dir: Path):
    env = _env(ctx)
    out = subprocess.run([sys.executable, "-c", UNCHANGED, str(ctx.big_library)], env=env, capture_output=True,
                         text=True, check=True).stdout
    check = json.loads(out.strip().splitlines()[-1])
    yield Row(f"index check at start, unchanged {ctx.size:,} (reusing the walk)", ms(check["reused"]),
              f"own walk (`reader index`): {ms(check['own_walk'])}", "", "< 0.1 s", check["reused"] < 0.1)
    ours, other = [], []
    reader_cmd = [sys.executable, "-m", "reader", "search", "shimonoseki", str(ctx.big_library)]
    tantivy_cmd = [sys.executable, "-c", COLD_TANTIVY, str(tantivy_dir), "shimonoseki"]
    for _ in range(5):
        for command, samples in ((reader_cmd, ours), (tantivy_cmd, other)):
            started = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=False)
            samples.append(time.perf_counter() - started)
    r, t = statistics.median(ours), statistics.median(other)
    yield Row(f"`reader search WORD`, cold process, {ctx.size:,} (median of 5)", ms(r),
              f"tantivy-py cold process {ms(t)}", f"{r / t:.1f}×", "≤ 0.3 s", r <= 0.3)


# --- 4: build throughput on 10k ---------------------------------------------------------

def build_rows(ctx):
    from reader.library.files import walk
    from reader.search import LibraryIndex
    from reader.search.documents import default_entity_keys

    import tantivy_side

    library = ctx.build_library
    work = ctx.workdir
    count = len(walk([library]).files)
    rates, cpus = {}, {}
    for label, keys in (("without recognition", None), ("with recognition", default_entity_keys())):
        directory = work / "build-reader"
        shutil.rmtree(directory, ignore_errors=True)
        log(f"build {count:,}: reader {label}")
        started, cpu = time.perf_counter(), cpu_seconds()
        LibraryIndex(directory, entity_keys=keys).update([library], procs=2)
        rates[label] = count / (time.perf_counter() - started)
        cpus[label] = (cpu_seconds() - cpu) / count
        shutil.rmtree(directory, ignore_errors=True)
    log(f"build {count:,}: tantivy, one thread, through reader's loader")
    cpu = cpu_seconds()
    seconds = tantivy_side.build((f.load().article for f in walk([library]).files), work / "build-tantivy")
    tantivy_rate, tantivy_cpu = count / seconds, (cpu_seconds() - cpu) / count
    shutil.rmtree(work / "build-tantivy", ignore_errors=True)
    for label, rate in rates.items():
        bar = "≥ 500/s" if label == "with recognition" else ""
        yield Row(f"index build {count:,}, {label}", f"{rate:,.0f}/s, CPU {cpus[label] * 1000:.1f} ms/article",
                  f"tantivy (1 thread) {tantivy_rate:,.0f}/s, CPU {tantivy_cpu * 1000:.1f} ms/article",
                  f"{rate / tantivy_rate:.2f}×", bar, rate >= 500 if bar else None)


def rows(ctx):
    """Every row of the search core, in the issue's order."""
    import tantivy_side

    if not tantivy_side.available():
        raise SystemExit("tantivy is not installed: pip install -e '.[bench]'")
    from reader.core import open_library

    os.environ["READER_HOME"] = str(ctx.home)
    index_dir = open_library([ctx.big_library]).index_dir
    if not (ctx.reuse and (index_dir / "manifest.json").exists()):
        shutil.rmtree(index_dir, ignore_errors=True)
        log(f"first build of {ctx.size:,} as the app does it (reader index --progress-jsonl)")
        build = app_build(ctx)
        (ctx.workdir / "app-build.json").write_text(json.dumps(build))
    build = json.loads((ctx.workdir / "app-build.json").read_text())
    cpu = f", CPU {build['cpu_s'] / max(1, build['added']) * 1000:.1f} ms/article" if "cpu_s" in build else ""
    yield Row(f"first build in the app, {ctx.size:,}",
              f"{build['seconds'] / 60:.1f} min, peak {build['peak_mb']:,.0f} MB (PSS){cpu}",
              f"saving {build['saving_s']:.0f} s, bar moved {build['saving_steps']} times while saving", "",
              "≤ 5 min, ≤ 1 GB, bar moves", build["seconds"] <= 300 and build["peak_mb"] <= 1024
              and build["saving_steps"] > 2)
    tantivy_dir = ctx.workdir / f"tantivy-{ctx.size}"
    if not (ctx.reuse and tantivy_dir.is_dir()):
        from reader.library.files import walk

        log(f"tantivy index of {ctx.size:,} (two threads)")
        tantivy_side.build((f.load().article for f in walk([ctx.big_library]).files), tantivy_dir,
                           threads=2, heap_mb=400)
    ours = sum(p.stat().st_size for p in index_dir.iterdir() if p.is_file()) / 2**30
    theirs = tantivy_side.index_bytes(tantivy_dir) / 2**30
    yield Row(f"index size, {ctx.size:,}", f"{ours:.2f} GB", f"tantivy {theirs:.2f} GB", f"{ours / theirs:.2f}×",
              "≤ 0.8 GB", ours <= 0.8)
    yield from query_rows(ctx, index_dir, tantivy_dir)
    yield from process_rows(ctx, tantivy_dir)
    if ctx.builds:
        yield from build_rows(ctx)
