"""Two reader processes at once: one writes the index, the other keeps searching."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.search import LibraryIndex, search
from search_support import filler_library, make_library

REPO = Path(__file__).resolve().parents[1]

SEARCHER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.search import LibraryIndex, search
    ix = LibraryIndex(Path(sys.argv[1]))
    deadline = time.time() + float(sys.argv[2])
    runs = 0
    seen = set()
    while time.time() < deadline:
        results = search(ix, "senkaku OR harbour", limit=5)
        if results.error:
            raise SystemExit("error: " + results.error)
        seen.add(results.total)
        runs += 1
    print(runs, len(seen))
""")


def env():
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
    return environment


def test_concurrent_writer_and_searcher(tmp_path):
    library = make_library(tmp_path / "library")
    directory = tmp_path / "index"
    LibraryIndex(directory).update([library])
    filler_library(library, 600)
    write_script = textwrap.dedent(f"""
        from pathlib import Path
        from reader.search import LibraryIndex
        result = LibraryIndex(Path({str(directory)!r})).update([Path({str(library)!r})])
        print(result.added, result.busy)
    """)
    writer = subprocess.Popen([sys.executable, "-c", write_script], env=env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    searcher = subprocess.Popen([sys.executable, "-c", SEARCHER, str(directory), "4"], env=env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second_writer = subprocess.Popen([sys.executable, "-c", write_script], env=env(),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    w_out, w_err = writer.communicate(timeout=180)
    s_out, s_err = searcher.communicate(timeout=180)
    w2_out, w2_err = second_writer.communicate(timeout=180)
    assert writer.returncode == 0, w_err
    assert searcher.returncode == 0, s_err
    assert second_writer.returncode == 0, w2_err
    runs = int(s_out.split()[0])
    assert runs > 0
    # Between them the two writers added the 600 stories once; one may have been busy.
    added = [int(out.split()[0]) for out in (w_out, w2_out)]
    assert sum(added) == 600, (w_out, w2_out)
    index = LibraryIndex(directory)
    assert index.check() is None
    assert search(index, "harbour", limit=1).total == 600
    assert index.doc_count() == 604
    index.close()
