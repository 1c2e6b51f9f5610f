"""The library dossier: how long one takes at 100,000 stories, and what gathering its data
(roles, months, co-mentions) costs the index build.

    nice python bench/bench_dossier.py --count 100000            # dossier latency (builds once)
    nice python bench/bench_dossier.py --build 10000             # build time and size, with vs without

The library is ``bench/make_library.py``'s (deterministic). The build comparison runs the
two builds alternately in one process, twice, and keeps each one's least CPU time (one
writer process, so all the work is this process's CPU): "without" indexes the entity keys
as before this feature (the recogniser's spans, no roles, no dossier fields); "with" is
what reader does. Both recognise entities. Results go to bench/results/dossier.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_library import generate  # noqa: E402

from reader.search import documents  # noqa: E402
from reader.search.documents import RecogniserKeys, default_entity_keys  # noqa: E402
from reader.search.dossier import dossier_of  # noqa: E402
from reader.search.index import LibraryIndex  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/reader-bench-dossier"))


class KeysOnly(RecogniserKeys):
    """The entity hook as it was before the dossier: keys and kinds from the spans."""

    def __call__(self, article):
        from reader.entities.model import MAX_RECOGNISED_CHARS

        body = article.body[:MAX_RECOGNISED_CHARS]
        return [(s.key or body[s.start:s.end], s.type) for s in self._get().recognise(body)]


def library(count: int) -> Path:
    folder = WORK / f"library-{count}"
    if not (folder / "done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, count, progress=True)
        (folder / "done").write_text("ok")
    return folder


def size_of(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.iterdir() if p.is_file())


def build(folder: Path, directory: Path, keys, with_dossier: bool) -> tuple[float, int]:
    shutil.rmtree(directory, ignore_errors=True)
    saved = documents.dossier_document
    if not with_dossier:
        documents.dossier_document = lambda items, published: {}
    try:
        index = LibraryIndex(directory, entity_keys=keys)
        started = time.process_time()  # CPU seconds: the machine is shared, wall time is not comparable
        index.update([folder], procs=1)
        seconds = time.process_time() - started
        index.close()
    finally:
        documents.dossier_document = saved
    return seconds, size_of(directory)


def bench_build(count: int) -> dict:
    from reader.entities.service import get_recognizer

    folder = library(count)
    rows = {"without": [], "with": []}
    for _ in range(2):  # alternate, so load on the shared machine falls on both
        for name, keys, dossier in (("without", KeysOnly(get_recognizer), False),
                                    ("with", default_entity_keys(), True)):
            seconds, size = build(folder, WORK / f"index-{name}", keys, dossier)
            rows[name].append((seconds, size))
            print(f"{name}: {seconds:.1f} CPU s, {size / 2**20:.1f} MB", file=sys.stderr)
    best = {name: min(s for s, _ in runs) for name, runs in rows.items()}
    size = {name: runs[-1][1] for name, runs in rows.items()}
    return {"stories": count, "cores": os.cpu_count(), "build_cpu_s": best, "index_bytes": size,
            "slowdown": best["with"] / best["without"] - 1, "growth": size["with"] / size["without"] - 1}


def bench_dossier(count: int, samples: int) -> dict:
    folder = library(count)
    directory = WORK / f"index-{count}"
    index = LibraryIndex(directory, entity_keys=default_entity_keys())
    if index.check() is not None:
        started = time.perf_counter()
        result = index.update([folder], procs=2)
        print(f"built {result.added:,} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    reader = index.searcher().reader()
    keys = [(t.decode(), reader.doc_frequency("entity", t)) for t in reader.lexicon("entity")]
    rng = random.Random(7)
    frequent = sorted(keys, key=lambda k: -k[1])[:50]
    chosen = frequent + rng.sample(keys, min(samples, len(keys)))
    for key, _ in chosen[:5]:
        dossier_of(index, key)  # warm-up
    times = []
    for key, _ in chosen:
        started = time.perf_counter()
        dossier = dossier_of(index, key)
        times.append((time.perf_counter() - started) * 1000)
        assert dossier is not None
    times.sort()
    index.close()
    return {"stories": index.doc_count() if False else count, "cores": os.cpu_count(), "entities_asked": len(chosen),
            "of_them_top_50_by_stories": 50, "most_stories": frequent[0][1],
            "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))], "max_ms": times[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=0, help="dossier latency at this many stories")
    parser.add_argument("--samples", type=int, default=450, help="random entities asked besides the top 50")
    parser.add_argument("--build", type=int, default=0, help="build with vs without the dossier at this size")
    args = parser.parse_args()
    results_file = HERE / "results" / "dossier.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    if args.build:
        results["build"] = bench_build(args.build)
        print(json.dumps(results["build"], indent=1))
    if args.count:
        results["dossier"] = bench_dossier(args.count, args.samples)
        print(json.dumps(results["dossier"], indent=1))
    results_file.parent.mkdir(exist_ok=True)
    results_file.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
