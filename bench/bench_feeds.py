"""Feeds bars (issue 15), on loopback servers started here (no other network):

1. Refresh of 100 feeds: wall time, requests sent, bytes read; then a second refresh, which
   should send only conditional requests and read < 5% of the bytes of the first. Side by
   side: the same refresh one feed at a time (overall=1), to show what concurrency buys.
2. A key in the app while a refresh of 100 feeds runs: time per ``j``/``k`` press (p50, p95),
   with and without the refresh, in the same run (Textual's Pilot, headless).
3. OPML round trip of a 200-feed file (folders, categories, odd titles) through
   ``reader opml import`` and ``reader opml export``: every URL, title and category kept.

The 100 feeds are spread over 5 loopback addresses (127.0.0.1-5, 20 feeds each), each
answer delayed by ``--latency`` seconds as a distant server's would be, so the limits
(8 at once, 2 per host) matter. Each feed holds 25 entries made from the real feeds of
../shared/data/feeds when present (else generated text).

Usage: nice python bench/bench_feeds.py [--feeds 100] [--latency 0.05] [--presses 120]
Results: bench/results/feeds.json
"""

from __future__ import annotations

import argparse
import asyncio
import random
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests import feed_server as served  # noqa: E402

HOSTS = [f"127.0.0.{n}" for n in range(1, 6)]


def make_feeds(folder: Path, count: int) -> list[str]:
    """``count`` RSS files of 25 entries each; returns their names."""
    shared = REPO.parent / "shared" / "data" / "feeds"
    words: list[str] = []
    if shared.is_dir():
        import re

        for path in sorted(shared.glob("*.xml")) + sorted(shared.glob("*.atom")):
            text = re.sub(r"<[^>]*>|&[#\w]+;", " ", path.read_bytes().decode("utf-8", "replace"))
            words += [w for w in re.findall(r"[^\W\d_]{3,}", text)]
    words = words or ["harbour", "council", "minister", "river", "market", "storm"]
    names = []
    for n in range(count):
        items = []
        for i in range(25):
            start = (n * 25 + i) * 97
            body = f"Feed {n}, story {i}. " + " ".join(random.Random(start).choices(words, k=120))
            items.append(f"<item><title>Story {i} of feed {n}</title><link>http://feed{n}.example/story/{i}</link>"
                         f"<guid>http://feed{n}.example/story/{i}</guid><description>&lt;p&gt;{body}&lt;/p&gt;"
                         f"</description><pubDate>Tue, 10 Jun 2003 04:{i:02d}:00 GMT</pubDate></item>")
        name = f"feed{n:03d}.xml"
        (folder / name).write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
                                   f"<link>http://feed{n}.example/</link>{''.join(items)}</channel></rss>")
        names.append(name)
    return names


class Servers:
    """The feed servers, in a process of their own (so they do not share this process's GIL)."""

    def __init__(self, folder: Path, latency: float) -> None:
        import subprocess

        code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
                "from tests.feed_server import serve_forever; "
                "serve_forever(Path(sys.argv[2]), sys.argv[4].split(','), float(sys.argv[3]))")
        self.process = subprocess.Popen([sys.executable, "-c", code, str(REPO), str(folder), str(latency),
                                         ",".join(HOSTS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.bases = [self.process.stdout.readline().strip() for _ in HOSTS]

    def feed_url(self, n: int, name: str) -> str:
        return f"{self.bases[n % len(self.bases)]}/feeds/{name}"

    def _get(self, path: str) -> dict:
        import urllib.request

        totals: dict = {}
        for base in self.bases:
            with urllib.request.urlopen(base + path, timeout=10) as answer:
                for key, value in json.loads(answer.read()).items():
                    totals[key] = totals.get(key, 0) + value
        return totals

    def stats(self) -> dict:
        return self._get("/_stats")

    def clear(self) -> None:
        self._get("/_clear")

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


def subscribe_all(servers: Servers, names: list[str]) -> None:
    from reader.feeds.store import FeedStore
    from reader.library.state import StateStore

    with StateStore() as state:
        feeds = FeedStore(state)
        for n, name in enumerate(names):
            feeds.subscribe(servers.feed_url(n, name))


def fresh_home() -> str:
    home = tempfile.mkdtemp(prefix="reader-bench-feeds-")
    os.environ["READER_HOME"] = home
    return home


def bench_refresh(folder: Path, names: list[str], latency: float) -> dict:
    from reader.feeds.http import Politeness
    from reader.feeds.refresh import refresh
    from reader.library.state import StateStore

    results: dict = {}
    servers = Servers(folder, latency)
    try:
        for label, politeness in (("polite (8 at once, 2 per host)", Politeness()),
                                  ("one at a time", Politeness(overall=1, per_host=1))):
            fresh_home()
            subscribe_all(servers, names)
            with StateStore() as state:
                runs = []
                for _ in range(2):
                    servers.clear()
                    start = time.perf_counter()
                    report = refresh(state, politeness=politeness)
                    wall = time.perf_counter() - start
                    seen = servers.stats()
                    runs.append({"wall_s": round(wall, 3), "requests": report.requests,
                                 "server_saw": seen["requests"], "conditional": seen["conditional"],
                                 "answered_304": seen["not_modified"], "bytes_read": report.bytes_read,
                                 "stories_added": len(report.added), "failed": len(report.failed)})
            first, second = runs
            results[label] = {"first": first, "second": second,
                              "second_bytes_ratio": round(second["bytes_read"] / max(1, first["bytes_read"]), 4)}
    finally:
        servers.stop()
    polite = results["polite (8 at once, 2 per host)"]["first"]["wall_s"]
    serial = results["one at a time"]["first"]["wall_s"]
    results["speedup_first_refresh"] = round(serial / polite, 2)
    return results


async def _presses(count: int, with_refresh: bool, servers: Servers, folder: Path, names: list[str]) -> dict:
    from reader.app import ReaderApp
    from reader.feeds.http import Politeness
    from reader.paths import config_dir
    from reader.widgets.article_list import ArticleList

    fresh_home()
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.yaml").write_text("refresh: {on_start: false, every: off}\n")
    # a library to move in: the sample plus 300 stories of a first refresh, so the list is not tiny
    subscribe_all(servers, names)
    from reader.feeds.refresh import refresh
    from reader.library.state import StateStore

    with StateStore() as state:
        refresh(state, only=[servers.feed_url(n, name) for n, name in enumerate(names[:12])])
    for name in names:  # every feed changed: the refresh in the app reads and imports them all
        path = folder / name
        path.write_text(path.read_text().replace("Story 0 of", "Story zero of"))
        served.touch_later(path)
    app = ReaderApp()
    times: list[float] = []
    during = 0
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(300):
            await pilot.pause(0.02)
            if app.screen.library_panel.catalog.entries and not app.screen.library_panel.loading:
                break
        app.screen.feeds_dock.politeness = Politeness()
        article_list = app.query_one(ArticleList)
        article_list.focus()
        await pilot.pause(0.2)
        if with_refresh:
            await pilot.press("R")
            for _ in range(100):
                await pilot.pause(0.01)
                if app.screen.feeds_dock.running:
                    break
        for n in range(count):
            # from the key (posted as the terminal's would be: App.simulate_key) to the cursor
            # having moved; Pilot.press is not used, as it waits for the app to be idle
            before = article_list.highlighted
            running = app.screen.feeds_dock.running
            start = time.perf_counter()
            app.simulate_key("j" if n % 20 < 10 else "k")
            while article_list.highlighted == before and time.perf_counter() - start < 10:
                await asyncio.sleep(0.0005)
            elapsed = time.perf_counter() - start
            if with_refresh:
                if running:
                    during += 1
                    times.append(elapsed)
            else:
                times.append(elapsed)
            await asyncio.sleep(0.03)
            if with_refresh and not app.screen.feeds_dock.running and during:
                break
        while app.screen.feeds_dock.running:
            await pilot.pause(0.05)
        stories = len(app.screen.library_panel.catalog.entries)
    times.sort()
    return {"presses": len(times), "during_refresh": during if with_refresh else None,
            "p50_ms": round(statistics.median(times) * 1000, 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))] * 1000, 2),
            "max_ms": round(times[-1] * 1000, 2), "stories_at_end": stories}


def bench_keys(folder: Path, names: list[str], latency: float, presses: int) -> dict:
    """``j``/``k`` in a list of 300 stories, without and while a refresh of every feed runs."""
    servers = Servers(folder, latency)
    try:
        quiet = asyncio.run(_presses(presses, False, servers, folder, names))
        busy = asyncio.run(_presses(presses, True, servers, folder, names))
    finally:
        servers.stop()
    return {"without_refresh": quiet, "while_refreshing": busy,
            "p95_ratio": round(busy["p95_ms"] / max(0.01, quiet["p95_ms"]), 2)}


def bench_opml(count: int = 200) -> dict:
    from contextlib import redirect_stdout
    from io import StringIO

    from reader.cli import main
    from reader.feeds.opml import read_opml

    fresh_home()
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-opml-"))
    outlines: dict[str, list[str]] = {}
    expected = {}
    for n in range(count):
        group = f"group {n % 7}"
        sub = f"sub {n % 3}" if n % 2 else None
        title = f"Feed {n} — “quotes” & <angle> · ünïcödé"
        url = f"https://host{n % 13}.example/feeds/{n}.xml?format=rss&amp;page=1"
        extra = f' category="extra{n % 5},/deep/er{n % 4}"' if n % 3 == 0 else ""
        line = f'<outline type="rss" text="{title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}"' \
               f' xmlUrl="{url}" htmlUrl="https://host{n % 13}.example/"{extra}/>'
        outlines.setdefault(f"{group}/{sub}" if sub else group, []).append(line)
        tags = {f"{group}/{sub}" if sub else group}
        if n % 3 == 0:
            tags |= {f"extra{n % 5}", f"deep/er{n % 4}"}
        expected[url.replace("&amp;", "&")] = (title, tags)
    body = []
    for folder_name, lines in outlines.items():
        parts = folder_name.split("/")
        body.append("".join(f'<outline text="{p}">' for p in parts) + "".join(lines) + "</outline>" * len(parts))
    source = folder / "in.opml"
    source.write_text('<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>bench</title></head>'
                      f"<body>{''.join(body)}</body></opml>")
    start = time.perf_counter()
    with redirect_stdout(StringIO()):
        assert main(["opml", "import", str(source)]) == 0
        imported = time.perf_counter() - start
        out = folder / "out.opml"
        assert main(["opml", "export", str(out)]) == 0
    total = time.perf_counter() - start
    back = {f.url: (f.title, set(f.tags)) for f in read_opml(out.read_bytes()).feeds}
    lost_urls = sorted(set(expected) - set(back))
    wrong_titles = sorted(u for u in expected if u in back and back[u][0] != expected[u][0])
    wrong_tags = sorted(u for u in expected if u in back and back[u][1] != expected[u][1])
    return {"feeds": count, "kept_urls": len(set(expected) & set(back)), "lost_urls": len(lost_urls),
            "wrong_titles": len(wrong_titles), "wrong_categories": len(wrong_tags),
            "import_s": round(imported, 3), "import_and_export_s": round(total, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--presses", type=int, default=120)
    parser.add_argument("--skip-keys", action="store_true")
    parser.add_argument("--only-keys", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-served-"))
    names = make_feeds(folder, args.feeds)
    results = {"cores": os.cpu_count(), "feeds": args.feeds, "latency_s": args.latency}
    if not args.only_keys:
        results["refresh"] = bench_refresh(folder, names, args.latency)
        print(json.dumps(results["refresh"], indent=2), flush=True)
    if not args.skip_keys:
        results["keys"] = bench_keys(folder, names, args.latency, args.presses)
        print(json.dumps(results["keys"], indent=2), flush=True)
    if not args.only_keys:
        results["opml"] = bench_opml()
        print(json.dumps(results["opml"], indent=2), flush=True)
    out = REPO / "bench" / "results" / "feeds.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
