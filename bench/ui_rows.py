"""The rows of issue 16 a person sees on screen, for ``bench_all.py``: the start on the
sample (beside a minimal Textual app, alternating) and a later start on the big library
(the story left open, then the list). Both run ``reader`` in tmux at 120x36, as
``bench_startup.py`` and ``bench_reopen.py`` do on their own.
"""

from __future__ import annotations

import statistics

import bench_reopen
import bench_startup
from bench_common import Row

STARTUP_BAR = 1.3
LIST_BAR_SECONDS = 1.5


def rows(ctx) -> list[Row]:  # noqa: ANN001 - bench_all's namespace
    runs = max(5, ctx.repeat // 2)
    start = bench_startup.measure(runs)
    minimal, ours = statistics.median(start["minimal"]), statistics.median(start["reader"])
    ratio = ours / minimal
    found = [Row(f"`reader` to the sample article on screen, 120x36 (median of {runs})", f"{ours * 1000:.0f} ms",
                 f"minimal Textual app {minimal * 1000:.0f} ms", f"{ratio:.2f}x", f"<= {STARTUP_BAR}x",
                 ratio <= STARTUP_BAR)]
    later = bench_reopen.measure(ctx.big_library, 3, ctx.workdir / "reopen-home")
    story, listed = bench_reopen.medians(later["with the record"])
    bare_story, bare_list = bench_reopen.medians(later["without it"])
    found.append(Row(f"later start, {later['count']:,} stories (list cached): the story left open / the list",
                     f"{story:.2f} s / {listed:.2f} s",
                     f"without the record of the story: {bare_story:.2f} s / {bare_list:.2f} s", "",
                     f"list <= {LIST_BAR_SECONDS} s", listed <= LIST_BAR_SECONDS))
    return found
