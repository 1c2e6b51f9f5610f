"""Two (or three) ``reader`` processes on one library at the same time: reading, starring,
indexing, searching and importing at once. No lost update, no corrupt file, no traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.reliability_support import python_env, reader_argv
from tests.reliability_tally import tally
from tests.test_reliability_crash import _stories, no_traceback, spawn

pytestmark = pytest.mark.e2e

STATE_WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.library.state import StateStore
    db, role, n, workers = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = StateStore(db)
    (db.parent / f"ready-{role}").touch()  # all start together: a fast one may not end before a slow one starts
    deadline = time.time() + 60
    while len(list(db.parent.glob("ready-*"))) < workers and time.time() < deadline:
        time.sleep(0.001)
    print("start", time.time(), flush=True)
    for i in range(n):
        if role == "positions":                # one column of the shared rows ...
            for k in range(5):
                store.set_position(f"shared-{k}", i)
            store.set_starred(f"positions-own-{i}", True)
        elif role == "stars":                  # ... while another process flips another column
            for k in range(5):
                store.toggle_star(f"shared-{k}")
            store.toggle_read("shared-toggled")
            store.mark_opened(f"stars-own-{i}", position=i)
        elif role == "stars2":                 # and a second flipper of the same rows
            for k in range(5):
                store.toggle_star(f"shared-{k}")
            store.toggle_read("shared-toggled")
        else:                                  # a reader process, reading all the while
            states = store.all()
            assert all(s.position >= 0 for s in states.values())
            store.last_opened()
    print("done", role, time.time())
""")


def test_processes_starring_reading_and_moving_at_once_lose_no_update(tmp_path, reader_home):
    from reader.library.state import StateStore

    db = tmp_path / "state.sqlite3"
    StateStore(db).close()
    env = python_env(reader_home)
    n = 600
    roles = ["positions", "stars", "stars2", "reader"]
    procs = [spawn([sys.executable, "-c", STATE_WORKER, str(db), role, str(n), str(len(roles))], env) for role in roles]
    spans = []
    for role, proc in zip(roles, procs):
        out, err = proc.communicate(timeout=240)
        no_traceback(err, f"the {role} process")
        assert proc.returncode == 0 and f"done {role}" in out, err[-2000:]
        spans.append((float(out.split()[1]), float(out.split()[-1])))
    assert max(s for s, _ in spans) < min(e for _, e in spans), f"the processes did not overlap: {spans}"
    updates = n * (5 + 1) + n * (5 + 1 + 1) + n * (5 + 1) + n
    tally.operations("two processes: state (writes and reads)", updates)
    with StateStore(db) as store:
        assert store.integrity_ok()
        states = store.all()
    problems = []
    for k in range(5):
        shared = states[f"shared-{k}"]
        if shared.position != n - 1:
            problems.append(f"shared-{k} position {shared.position}, expected {n - 1} (a star write overwrote it)")
        if shared.starred != bool((2 * n) % 2):
            problems.append(f"shared-{k} starred {shared.starred} after {2 * n} toggles (a toggle was lost)")
    if states["shared-toggled"].read != bool((2 * n) % 2):
        problems.append("a read toggle was lost")
    missing = [i for i in range(n) if not states.get(f"positions-own-{i}") or not states.get(f"stars-own-{i}")]
    if missing:
        problems.append(f"rows missing: {missing[:5]}")
    for problem in problems:
        tally.loss("two processes: state (writes and reads)", problem)
    assert not problems, problems


def test_two_indexers_and_a_searcher_at_once(tmp_path, reader_home):
    library = tmp_path / "library"
    _stories(library, 200)
    env = python_env(reader_home)
    searcher_code = textwrap.dedent(f"""
        import subprocess, sys, time
        runs = 0
        deadline = time.time() + 6
        while time.time() < deadline:
            r = subprocess.run({reader_argv("search", "--no-update", "--json", "harbour1 OR ferry2", str(library))!r},
                               capture_output=True, text=True)
            if "Traceback" in r.stderr or r.returncode not in (0, 1, 2):
                print("BAD", r.returncode, r.stderr[-500:]); sys.exit(1)
            runs += 1
        print("runs", runs)
    """)
    first = spawn(reader_argv("index", str(library)), env)
    second = spawn(reader_argv("index", str(library)), env)
    searcher = spawn([sys.executable, "-c", searcher_code], env)
    results = {}
    for name, proc in (("first indexer", first), ("second indexer", second), ("searcher", searcher)):
        out, err = proc.communicate(timeout=300)
        no_traceback(err + out, name)
        results[name] = (proc.returncode, out, err)
    assert results["searcher"][0] == 0, results["searcher"]
    for name in ("first indexer", "second indexer"):
        assert results[name][0] in (0, 3), results[name]  # 3: another process was updating the index
    runs = int(results["searcher"][1].split()[-1])
    tally.operations("two processes: index + search", runs + 2)
    final = subprocess.run(reader_argv("search", "--json", "--limit", "1", "title:story", str(library)),
                           env=env, capture_output=True, text=True, timeout=300)
    no_traceback(final.stderr, "reader search afterwards")
    assert final.returncode == 0, final.stderr
    from reader.core import open_library

    index = open_library([library]).open_index()
    try:
        healthy = index.check() is None
        count = index.doc_count()
    finally:
        index.close()
    if not healthy or count != 200:
        tally.loss("two processes: index + search", f"healthy={healthy} count={count}")
    assert healthy and count == 200, (healthy, count)


def test_two_imports_and_a_reader_at_once_add_each_story_once(tmp_path, reader_home):
    from reader import paths
    from reader.library.files import load_all

    first = tmp_path / "first"
    second = tmp_path / "second"
    bodies = _stories(first, 80)
    _stories(second, 80)  # the same 80 stories again, from another folder
    env = python_env(reader_home)
    adders = [spawn(reader_argv("add", str(folder)), env) for folder in (first, second)]
    lister = spawn(reader_argv("list"), env)
    for proc in [*adders, lister]:
        out, err = proc.communicate(timeout=300)
        no_traceback(err, "reader add/list")
        assert proc.returncode == 0, err[-2000:]
    tally.operations("two processes: import", 160 + 1)
    library = load_all([paths.library_dir()])
    assert not [p for p in library.problems if p.skipped], library.problems[:3]
    lasts = [" ".join(a.body.split("\n\n")[-1].split()).rstrip(".") for a in library.articles]
    wanted = {" ".join(b.split()) for b in bodies.values()}
    doubled = len(lasts) - len(set(lasts))
    missing = wanted - set(lasts)
    if doubled or missing:
        tally.loss("two processes: import", f"{doubled} doubled, {len(missing)} missing")
    assert not doubled and not missing, (doubled, len(missing))


def test_two_apps_starring_at_once_lose_no_star(tmp_path, reader_home):
    """Two real `reader` apps on one library, in two pseudo-terminals, star articles at the same
    time; both star the first article, each stars others. A star key writes the state its app
    shows, so every article either app starred ends starred (a blind toggle in the database
    would unstar the first one while both apps show it starred)."""
    import threading

    from reader import paths
    from reader.library.state import StateStore
    from tests.test_reliability_terminal import drive

    library = paths.library_dir()
    library.mkdir(parents=True)
    for n, day in enumerate(["04", "03", "02", "01"]):
        (library / f"story{n}.txt").write_text(
            f"---\ntitle: Story {n} of four\npublished: 2021-04-{day}\n---\nText of story {n}, long enough to read.\n",
            encoding="utf-8")
    env = python_env(reader_home, TERM="xterm-256color")
    plans = {"A": [(b"Story ", b"*"), (None, b"j"), (None, b"*"), (None, b"q")],
             "B": [(b"Story ", b"*"), (None, b"G"), (None, b"*"), (None, b"k"), (None, b"*"), (None, b"q")]}
    outputs: dict[str, bytes] = {}
    errors: list[str] = []

    def run(name: str) -> None:
        try:
            outputs[name] = drive([sys.executable, "-m", "reader"], env, plans[name], seconds=60)
        except AssertionError as error:
            errors.append(f"{name}: {error}")

    threads = [threading.Thread(target=run, args=(name,)) for name in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    for name, output in outputs.items():
        assert b"Traceback" not in output, f"app {name}: {output[-2000:]!r}"
    tally.operations("two processes: apps starring", 5)
    with StateStore() as store:
        assert store.integrity_ok()
        states = store.all()
    starred = sorted(i for i, s in states.items() if s.starred)
    if starred != ["story0", "story1", "story2", "story3"]:
        tally.loss("two processes: apps starring", f"starred {starred}")
    assert starred == ["story0", "story1", "story2", "story3"], f"a star was lost: {states}"


def test_readers_starting_at_once_on_a_new_library_all_open_the_state(tmp_path, reader_home):
    """Three `reader add` of one folder at once on a fresh home: each opens (creates) the state
    database while the others write to it; none may fail with "database is locked", and
    each story arrives once."""
    from reader import paths

    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in range(40):
        (folder / f"s{n}.txt").write_text(f"Story {n}\n\nThe text of story number {n}.\n", encoding="utf-8")
    env = python_env(reader_home)
    procs = [spawn(reader_argv("add", str(folder)), env) for _ in range(3)]
    failures = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        no_traceback(err, "reader add")
        if proc.returncode != 0:
            failures.append(err.strip()[-300:])
    tally.operations("two processes: import", len(procs) * 40)
    if failures:
        tally.loss("two processes: import", f"{len(failures)} of 3 imports failed: {failures[0]}")
    assert not failures, failures
    assert len(list(paths.library_dir().glob("*.txt"))) == 40
