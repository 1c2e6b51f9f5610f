"""Compare HTML extraction libraries on the shared saved pages (title, byline, time).

    PYTHONPATH=. python bench/bench_html_extract.py [../shared/data/html]

Each page folder has ``source.html`` and ``expected-metadata.json`` (title and byline as
Mozilla Readability extracts them). A title scores when it equals the expected one after
normalising case, spacing and quotes; a byline scores when one contains the other after
dropping a leading "By". Pages with no expected byline are not counted for bylines.
readability-lxml has no byline extraction, so it scores 0 there by construction.
``reader`` uses trafilatura (through ``reader.loaders.html``, which also tidies
bylines); the raw trafilatura column is shown too.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).split()).casefold()


def byline_key(text: str | None) -> str:
    key = norm(text)
    return key[3:] if key.startswith("by ") else key


def title_ok(got: str | None, want: str | None) -> bool:
    return bool(want) and norm(got) == norm(want)


def byline_ok(got: str | None, want: str | None) -> bool:
    got_key, want_key = byline_key(got), byline_key(want)
    return bool(got_key) and bool(want_key) and (got_key in want_key or want_key in got_key)


def shared_html() -> Path:
    here = Path(__file__).resolve().parents[1]
    for parent in [here, *here.parents]:
        candidate = parent / "shared" / "data" / "html"
        if candidate.is_dir():
            return candidate
    raise SystemExit("no shared/data/html folder found beside the repository")


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_html()
    import trafilatura

    from reader.loaders.html import extract_page

    try:
        from readability import Document
    except ImportError:
        Document = None
    pages = sorted(p for p in root.iterdir() if (p / "source.html").is_file())
    rows = []
    totals = {"titles": 0, "bylines": 0}
    score = {name: {"title": 0, "byline": 0, "seconds": 0.0} for name in ("reader", "trafilatura", "readability-lxml")}
    for page in pages:
        data = (page / "source.html").read_bytes()
        want = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        totals["titles"] += bool(want.get("title"))
        totals["bylines"] += bool(want.get("byline"))
        row = [page.name]
        start = time.perf_counter()
        ours = extract_page(data) or {}
        score["reader"]["seconds"] += time.perf_counter() - start
        start = time.perf_counter()
        meta = trafilatura.extract_metadata(data.decode("utf-8", "replace"))
        trafilatura.extract(data)
        score["trafilatura"]["seconds"] += time.perf_counter() - start
        results = {"reader": (ours.get("title"), ours.get("byline")),
                   "trafilatura": (meta.title if meta else None, meta.author if meta else None)}
        if Document is not None:
            start = time.perf_counter()
            doc = Document(data.decode("utf-8", "replace"))
            results["readability-lxml"] = (doc.short_title(), None)
            doc.summary()
            score["readability-lxml"]["seconds"] += time.perf_counter() - start
        for name, (title, byline) in results.items():
            t, b = title_ok(title, want.get("title")), byline_ok(byline, want.get("byline"))
            score[name]["title"] += t
            score[name]["byline"] += b
            row.append(("T" if t else "-") + ("B" if b else ("-" if want.get("byline") else " ")))
        rows.append(row)
    names = [n for n in score if n != "readability-lxml" or Document is not None]
    print(f"pages: {len(pages)}  (expected titles {totals['titles']}, expected bylines {totals['bylines']})  cpu_count={os.cpu_count()}")
    print(f"{'page':<16}" + "".join(f"{n:>18}" for n in names))
    for row in rows:
        print(f"{row[0]:<16}" + "".join(f"{c:>18}" for c in row[1:]))
    print("-" * (16 + 18 * len(names)))
    print(f"{'titles':<16}" + "".join(f"{score[n]['title']:>15}/{totals['titles']:<2}" for n in names))
    print(f"{'bylines':<16}" + "".join(f"{score[n]['byline']:>15}/{totals['bylines']:<2}" for n in names))
    print(f"{'seconds':<16}" + "".join(f"{score[n]['seconds']:>18.2f}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
