"""The article list at scale: first paint and work per keypress at 1k, 10k and 100k articles.

    PYTHONPATH=. python bench/bench_list.py [--sizes 1000,10000,100000] [--runs 3] [--dir /tmp/reader-bench]

For each size it makes a synthetic library of .txt files (kept in --dir for the next run),
then measures, each in a fresh process and side by side with a minimal Textual app
(a Static "hello") started the same way in the same run:

- first paint: process start to the first frame of the main screen (the list pane and
  footer drawn; the catalog loads in a worker behind it), as a ratio to the minimal app;
- list ready: process start until the list shows the library's rows and the first article
  is open (catalog cache warm; the cold first scan is reported separately);
- work per keypress in the list: in one process (Pilot, headless), the time of the key's
  handler plus drawing every visible line of the list, for cursor moves, page moves,
  star and read toggles, sort and filter changes (the sort orders are computed in the
  loading worker), median and worst over many presses; and for reference a whole
  ``pilot.press`` round trip in reader and in a minimal app (mostly Pilot's own waiting).

Prints a table; nothing is asserted. Uses os.cpu_count() cores as they are (2 here).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = ("the a government said on in talks minister china japan market city police report new year "
         "people water court island trade vote council storm rail school price energy").split()
SOURCES = ["Newsweek", "Reuters", "BBC News", "AP", "The Guardian", "Le Monde", "NHK", "Al Jazeera"]


def make_library(folder: Path, count: int) -> Path:
    """``count`` synthetic articles with front matter (made once, reused)."""
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for i in range(count):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 11))).capitalize()
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))) + "."
                           for _ in range(rng.randint(3, 8)))
        date = f"20{rng.randint(5, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        (folder / f"{i // 1000:03d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:03d}" / f"a{i:06d}.txt").write_text(
            f"---\ntitle: {title} ({i})\nsource: {rng.choice(SOURCES)}\npublished: '{date}'\n---\n\n{body}\n",
            encoding="utf-8")
    marker.write_text("ok")
    return folder


MINIMAL = r"""
import time, sys
T0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(time.perf_counter() - T0)
        self.exit()
Minimal().run(headless=True, size=(120, 36))
"""

READER = r"""
import time, sys
T0 = time.perf_counter()
from pathlib import Path
from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
first_paint = None
import reader.app
class Timed(ReaderApp):
    CSS_PATH = str(Path(reader.app.__file__).with_name("app.tcss"))
    def on_mount(self):
        self.call_after_refresh(self.painted)
        self.set_interval(0.005, self.check)
    def painted(self):
        global first_paint
        first_paint = time.perf_counter() - T0
    def check(self):
        screen = self.screen
        if isinstance(screen, MainScreen) and screen.column.article is not None and first_paint is not None:
            lst = screen.query_one(ArticleList)
            if lst.visible_articles:
                self.call_after_refresh(self.ready)
    def ready(self):
        print(first_paint, time.perf_counter() - T0)
        self.exit()
Timed(sources=[Path(sys.argv[1])]).run(headless=True, size=(120, 36))
"""

KEYS = r"""
import asyncio, json, statistics, sys, time
from pathlib import Path
from reader.app import ReaderApp
from reader.widgets.article_list import ArticleList

def draw(widget):
    for y in range(widget.size.height):
        widget.render_line(y)

async def main():
    app = ReaderApp(sources=[Path(sys.argv[1])])
    results = {}
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3000):
            await pilot.pause(0.01)
            if app.screen.column.article is not None and app.query_one(ArticleList).visible_articles:
                break
        lst = app.query_one(ArticleList)
        lst.focus()
        await pilot.pause()

        def timed(name, action, times):
            samples = []
            for _ in range(times):
                t = time.perf_counter()
                action()
                draw(lst)
                samples.append((time.perf_counter() - t) * 1000)
            results[name] = (statistics.median(samples), max(samples))

        timed("j (down)", lst.action_cursor_down, 200)
        timed("k (up)", lst.action_cursor_up, 100)
        timed("space (page down)", lst.action_page_down, 50)
        timed("G (last)", lst.action_last, 5)
        timed("g (first)", lst.action_first, 5)
        screen = app.screen
        timed("* (star)", screen.action_toggle_star, 40)
        timed("u (read/unread)", screen.action_toggle_read, 40)
        sorts = iter(["title", "source", "date"] * 10)
        t = time.perf_counter(); lst.sort = "title"; draw(lst); first_sort = (time.perf_counter() - t) * 1000
        timed("o (sort, order cached)", lambda: setattr(lst, "sort", next(sorts)), 6)
        results["o (first sort by title)"] = (first_sort, first_sort)
        shows = iter(["unread", "starred", "all"] * 10)
        timed("v (unread/starred/all)", lambda: setattr(lst, "show", next(shows)), 6)
        # A real key press through Textual, for reference (includes event dispatch and a screen update).
        samples = []
        for _ in range(30):
            t = time.perf_counter()
            await pilot.press("j")
            samples.append((time.perf_counter() - t) * 1000)
        results["pilot.press('j') round trip"] = (statistics.median(samples), max(samples))
        app.exit()
    # The same round trip in a minimal app: what Pilot and a screen update cost by themselves.
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("hello")

    minimal = Minimal()
    async with minimal.run_test(size=(120, 36)) as pilot:
        samples = []
        for _ in range(30):
            t = time.perf_counter()
            await pilot.press("j")
            samples.append((time.perf_counter() - t) * 1000)
        results["pilot.press('j'), minimal app"] = (statistics.median(samples), max(samples))
    print(json.dumps(results))

asyncio.run(main())
"""


def run_python(code: str, *args: str, home: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO), READER_HOME=str(home))
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "reader-bench-list")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"cpu_count={os.cpu_count()}  python={sys.version.split()[0]}  runs={args.runs} (medians)")
    rows = []
    for size in sizes:
        start = time.perf_counter()
        library = make_library(args.dir / f"lib-{size}", size)
        made = time.perf_counter() - start
        home = args.dir / f"home-{size}"
        # Cold scan: no catalog cache yet (measured once; later starts use the cache).
        for cache in home.glob("cache/catalog.sqlite3*"):
            cache.unlink()
        cold = [float(x) for x in run_python(READER, str(library), home=home).split()]
        minimal, paint, ready = [], [], []
        for _ in range(args.runs):  # side by side, alternating
            minimal.append(float(run_python(MINIMAL, home=home)))
            first, done = (float(x) for x in run_python(READER, str(library), home=home).split())
            paint.append(first)
            ready.append(done)
        keys = json.loads(run_python(KEYS, str(library), home=home))
        rows.append((size, made, cold, statistics.median(minimal), statistics.median(paint),
                     statistics.median(ready), keys))
    print()
    print(f"{'articles':>9} {'minimal app':>12} {'first paint':>12} {'ratio':>6} {'list ready':>11} "
          f"{'ratio':>6} {'cold scan ready':>16}")
    for size, _made, cold, minimal, paint, ready, _keys in rows:
        print(f"{size:>9,} {minimal:>11.3f}s {paint:>11.3f}s {paint / minimal:>5.2f}x {ready:>10.3f}s "
              f"{ready / minimal:>5.2f}x {cold[1]:>15.3f}s")
    print()
    names = list(rows[0][6])
    print(f"{'work per keypress (ms, median / worst)':<38}" + "".join(f"{size:>18,}" for size, *_ in rows))
    for name in names:
        cells = "".join(f"{row[6][name][0]:>10.2f} / {row[6][name][1]:>5.1f}" for row in rows)
        print(f"{name:<38}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
