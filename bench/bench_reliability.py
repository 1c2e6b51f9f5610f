"""Resource bounds: a 50 MB article, a folder of 100,000 tiny files, a feed of 10,000 entries.

Each case runs in a fresh child process; the table gives its wall time and peak memory
(the child's max RSS), next to a baseline child that only imports reader, measured in the
same run. Not a test: run it by hand (it writes ~0.5 GB of temporary files and takes a few
minutes on 2 cores):

    PYTHONPATH=$PWD python bench/bench_reliability.py [--quick] [--json OUT]

``--quick`` shrinks every case tenfold (for checking the script itself).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = ("china japan taiwan senkaku islands treaty shimonoseki harbour ferry council market railway festival "
         "drought orchard minister said on monday the of and in a to that with for was").split()


MEMORY_CAP_MB = 2048  # the machine is shared: a case that needs more fails (and says so) instead


def _cap() -> None:
    limit = MEMORY_CAP_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_case(code: str, env: dict[str, str], timeout: float = 1800) -> dict:
    """Run ``code`` in a child (address space capped); return its wall time, its own peak RSS
    (MB) and the figures it printed."""
    started = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                timeout=timeout, preexec_fn=_cap)
    except subprocess.TimeoutExpired:
        return {"error": f"still running after {timeout:.0f} s", "seconds": timeout}
    seconds = time.perf_counter() - started
    if "MemoryError" in result.stderr:
        return {"error": f"MemoryError: needed more than the {MEMORY_CAP_MB} MB cap", "seconds": seconds}
    if result.returncode != 0:
        return {"error": (result.stderr.strip().splitlines() or ["?"])[-1][:200], "seconds": seconds}
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["wall_s"] = seconds
    return data


PRELUDE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    def done(**figures):
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
    t0 = time.perf_counter()
""")


def make_big_article(path: Path, megabytes: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A fifty megabyte story\n\n")
        written = 0
        while written < megabytes * 1_000_000:
            paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 160))).capitalize() + ".\n\n"
            handle.write(paragraph)
            written += len(paragraph)


def make_tiny_files(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        sub = folder / f"d{n // 1000:03d}"
        if n % 1000 == 0:
            sub.mkdir()
        (sub / f"t{n:06d}.txt").write_text(f"Tiny story {n}\n\n{WORDS[n % len(WORDS)]} {n}.\n", encoding="utf-8")


def make_feed(path: Path, entries: int) -> None:
    items = "".join(
        f"<item><title>Entry {n} about {WORDS[n % len(WORDS)]}</title><link>https://news.example/{n}</link>"
        f"<guid>https://news.example/{n}</guid><pubDate>Mon, 12 Apr 2021 08:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{' '.join(WORDS[(n + i) % len(WORDS)] for i in range(60))} {n}.&lt;/p&gt;</description></item>"
        for n in range(entries))
    path.write_text(f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Big feed</title>"
                    f"{items}</channel></rss>", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every case ten times smaller")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    megabytes, tiny, entries = 50 // scale, 100_000 // scale, 10_000 // scale

    work = Path(tempfile.mkdtemp(prefix="reader-bench-reliability-"))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = f"{REPO}{os.pathsep}{env.get('PYTHONPATH', '')}".rstrip(os.pathsep)
    env["READER_HOME"] = str(work / "home")
    rows: list[tuple[str, dict]] = []
    try:
        t = time.perf_counter()
        big = work / "big.txt"
        make_big_article(big, megabytes)
        (work / "bigdir").mkdir()
        os.link(big, work / "bigdir" / "big.txt")
        folder = work / "tiny"
        make_tiny_files(folder, tiny)
        feed = work / "feed.xml"
        make_feed(feed, entries)
        print(f"generated inputs in {time.perf_counter() - t:.1f} s: {big.stat().st_size / 1e6:.0f} MB article, "
              f"{tiny:,} files, feed of {entries:,} entries ({feed.stat().st_size / 1e6:.1f} MB)", flush=True)

        cases = [
            ("baseline: python + import reader", "import reader.library\ndone()"),
            (f"{megabytes} MB article: load_txt", f"""
from reader.loaders.txt import load_txt
a = load_txt(Path({str(big)!r})).article
done(load_s=time.perf_counter() - t0, words=a.word_count)"""),
            (f"{megabytes} MB article: load + wrap to 80 columns (what the view draws from)", f"""
from reader.loaders.txt import load_txt
from reader.widgets.wrap import wrap_body
a = load_txt(Path({str(big)!r})).article
t1 = time.perf_counter()
lines = wrap_body(a.body, 80)
done(load_s=t1 - t0, wrap_s=time.perf_counter() - t1, lines=len(lines))"""),
            (f"{megabytes} MB article: recognise entities", f"""
from reader.loaders.txt import load_txt
from reader.entities.service import get_recognizer
a = load_txt(Path({str(big)!r})).article
r = get_recognizer()
t1 = time.perf_counter()
spans = r.recognise(a.body)
done(recognise_s=time.perf_counter() - t1, spans=len(spans))"""),
            (f"{megabytes} MB article: recognise the first 2 M characters (what the app does)", f"""
from reader.loaders.txt import load_txt
from reader.entities.service import get_recognizer
from reader.entities.model import MAX_RECOGNISED_CHARS
a = load_txt(Path({str(big)!r})).article
r = get_recognizer()
t1 = time.perf_counter()
spans = r.recognise(a.body[:MAX_RECOGNISED_CHARS])
done(recognise_s=time.perf_counter() - t1, spans=len(spans))"""),
            (f"{megabytes} MB article: find 'senkaku' (plain, then word mode)", f"""
from reader.loaders.txt import load_txt
from reader.search.find import FindOptions, find_matches
a = load_txt(Path({str(big)!r})).article
t1 = time.perf_counter()
plain = find_matches(a.body, "senkaku")
t2 = time.perf_counter()
word = find_matches(a.body, "islands", FindOptions(word_mode=True))
done(find_s=t2 - t1, word_mode_s=time.perf_counter() - t2, matches=len(plain), truncated=plain.truncated)"""),
            (f"{megabytes} MB article in the app (Pilot): keys while it wraps and recognises", f"""
import asyncio, statistics
from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView
async def run():
    app = ReaderApp(sources=[Path({str(big.parent / "bigdir")!r})])
    async with app.run_test(size=(120, 36)) as pilot:
        started = time.perf_counter() - t0
        keys = []
        view = app.query_one(ArticleView)
        while time.perf_counter() - t0 < 120:
            s = time.perf_counter()
            await pilot.press("j")
            keys.append(time.perf_counter() - s)
            if view.wrapped_lines and not view.loading and len(keys) >= 20:
                break
        shown = time.perf_counter() - t0
        return started, shown, keys
started, shown, keys = asyncio.run(run())
done(app_ready_s=started, text_shown_s=shown, keys=len(keys), key_median_ms=statistics.median(keys) * 1000,
     key_max_ms=max(keys) * 1000)"""),
            (f"{tiny:,} tiny files: load_library", f"""
from reader.library.files import load_all
lib = load_all([Path({str(folder)!r})])
done(load_s=time.perf_counter() - t0, articles=len(lib.articles))"""),
            (f"{tiny:,} tiny files: load_catalog (cold, then cached)", f"""
from reader.library.files import walk
from reader.library.catalog import load_catalog
c = load_catalog(walk([Path({str(folder)!r})]))
t1 = time.perf_counter()
c2 = load_catalog(walk([Path({str(folder)!r})]))
done(cold_s=t1 - t0, cached_s=time.perf_counter() - t1, entries=len(c2.entries))"""),
            (f"feed of {entries:,} entries: load_feed", f"""
from reader.loaders.feed import load_feed
loaded = load_feed(Path({str(feed)!r}))
done(load_s=time.perf_counter() - t0, articles=len(loaded.articles))"""),
            (f"feed of {entries:,} entries: reader add (writes {entries:,} files)", f"""
from reader.library.importer import Importer
from reader.library.state import StateStore
with StateStore() as store:
    report = Importer(store).add([Path({str(feed)!r})])
done(add_s=time.perf_counter() - t0, added=len(report.added), duplicates=len(report.duplicates))"""),
        ]
        for case in cases:
            name, code = case
            figures = run_case(PRELUDE + code, env)
            rows.append((name, figures))
            print(f"  {name}: {figures}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    base = next((f for n, f in rows if n.startswith("baseline") and "peak_mb" in f), {"peak_mb": 0})
    print(f"\nos.cpu_count() = {os.cpu_count()}; each case in a fresh child process; baseline peak "
          f"{base['peak_mb']:.0f} MB\n")
    print("| case | wall (s) | peak RSS (MB) | peak / baseline | detail |")
    print("|---|---:|---:|---:|---|")
    for name, f in rows:
        if "error" in f:
            print(f"| {name} | {f.get('seconds', 0):.1f} | – | – | {f['error']} |")
            continue
        detail = ", ".join(f"{k}={v}" if isinstance(v, bool) else f"{k}={v:.2f}" if isinstance(v, float)
                           else f"{k}={v:,}" if isinstance(v, int) else f"{k}={v}"
                           for k, v in f.items() if k not in ("peak_mb", "wall_s"))
        ratio = f["peak_mb"] / base["peak_mb"] if base["peak_mb"] else 0
        print(f"| {name} | {f['wall_s']:.2f} | {f['peak_mb']:.0f} | {ratio:.1f}× | {detail} |")
    if args.json:
        args.json.write_text(json.dumps({"cpu_count": os.cpu_count(), "rows": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
