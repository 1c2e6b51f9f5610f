"""Crash safety with real processes: SIGKILL in the middle of a state write, an import, an
index update and a note save; then start again and check that nothing committed is lost,
nothing is corrupt, and no half-written file is read as an article.

Each kill point is a fresh child process killed at a different moment (chosen from what
it has done so far, so kills land all through the work, not only at the start).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.reliability_support import python_env, reader_argv
from tests.reliability_tally import tally

pytestmark = pytest.mark.e2e

RNG_SEED = int(os.environ.get("READER_CRASH_SEED", "20261125"))


def spawn(argv: list[str], env: dict[str, str], **kwargs) -> subprocess.Popen:
    """A child in its own process group (so a kill takes any helpers it forked too)."""
    return subprocess.Popen(argv, env=env, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def kill(proc: subprocess.Popen) -> tuple[str, str]:
    """SIGKILL the child's whole process group; return what it printed. ``proc.killed_running``
    says whether it was still at work (only those kills count as crash points)."""
    proc.killed_running = proc.poll() is None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    # read through the pipes' text wrappers: lines already buffered there count too
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait(timeout=30)
    return out, err


def wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return predicate()


def no_traceback(err: str, what: str) -> None:
    assert "Traceback" not in err, f"{what} printed a traceback:\n{err[-3000:]}"


# -- state ---------------------------------------------------------------------------------

STATE_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.library.state import StateStore
    store = StateStore(Path(sys.argv[1]))
    start = int(sys.argv[2])
    i = start
    while True:
        k = i % 17
        store.set_position(f"pos-{k}", i)           # overwrite: last write wins
        store.set_starred(f"star-{i}", True)         # one new row per step
        store.toggle_read("toggled")                 # read-modify-write in one transaction
        store.mark_opened(f"opened-{k}", position=i) # several rows in one transaction
        sys.stdout.write(f"{i}\\n")                   # acknowledged: all four are committed
        sys.stdout.flush()
        i += 1
""")


def test_sigkill_during_state_writes_loses_no_committed_write(tmp_path, reader_home):
    from reader.library.state import StateStore

    db = tmp_path / "state.sqlite3"
    env = python_env(reader_home)
    rng = random.Random(RNG_SEED)
    acked: list[int] = []
    toggles = 0  # toggles known to be committed
    next_i = 0
    area = "state: SIGKILL during writes"
    for point in range(10):
        proc = spawn([sys.executable, "-c", STATE_WRITER, str(db), str(next_i)], env)
        target = rng.randint(1, 120)
        lines: list[int] = []
        assert proc.stdout is not None
        while len(lines) < target:  # read acknowledgements up to the target, then kill at once
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(int(line))
        time.sleep(rng.random() * 0.01)
        out, err = kill(proc)
        lines += [int(x) for x in out.split()]
        no_traceback(err, "the state writer")
        assert lines, f"the writer acknowledged nothing before kill point {point}: {err[-2000:]}"
        if proc.killed_running:
            tally.crash_point(area)
        acked += lines
        toggles += len(lines)
        in_flight = max(lines) + 1  # each of its four writes is committed whole or not at all
        # Start again: every acknowledged write is there.
        with StateStore(db) as store:
            if not store.integrity_ok():
                tally.loss(area, "integrity_check failed")
                pytest.fail("the state database is corrupt after a kill")
            states = store.all()
        lost = [i for i in lines if not (states.get(f"star-{i}") and states[f"star-{i}"].starred)]
        if lost:
            tally.loss(area, f"stars {lost[:5]} acknowledged but lost")
        assert not lost, f"stars {lost[:5]} were committed (acknowledged) but are gone after the kill"
        for k in range(17):
            mine = [i for i in acked if i % 17 == k]
            if mine:
                allowed = {max(mine)} | ({in_flight} if in_flight % 17 == k else set())
                if states[f"pos-{k}"].position not in allowed:
                    tally.loss(area, f"pos-{k} is {states[f'pos-{k}'].position}, expected one of {allowed}")
                assert states[f"pos-{k}"].position in allowed
        read = states["toggled"].read
        if read != bool(toggles % 2):
            toggles += 1  # the in-flight toggle was committed just before the kill: it counts
        assert read == bool(toggles % 2)
        next_i = in_flight + 1


# -- import --------------------------------------------------------------------------------

def _stories(folder: Path, count: int) -> dict[str, str]:
    """``count`` distinct stories (some long, some with front matter); returns body words by name."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    vocabulary = "harbour ferry council market railway festival drought orchard senkaku treaty island tariff".split()
    bodies = {}
    for n in range(count):
        words = " ".join(rng.choice(vocabulary) + str(n) for _ in range(rng.choice([40, 400, 4000])))
        title = f"Story number {n} about the {vocabulary[n % len(vocabulary)]}"
        front = f"---\ntitle: {title}\nsource: Wire {n % 5}\nurl: https://news.example/{n}\n---\n" if n % 3 == 0 else ""
        (folder / f"s{n:04d}.txt").write_text(f"{front}{title}\n\n{words}.\n", encoding="utf-8")
        bodies[f"s{n:04d}"] = words
    return bodies


def _library_articles(library: Path) -> list:
    from reader.library.files import load_all

    if not library.is_dir():
        return []
    loaded = load_all([library])
    return loaded.articles, loaded.problems


def test_sigkill_during_import_leaves_whole_articles_and_a_rerun_completes(tmp_path, reader_home):
    from reader import paths

    source = tmp_path / "incoming"
    bodies = _stories(source, 150)
    words_of = {" ".join(b.split()): name for name, b in bodies.items()}

    def story_of(article) -> str | None:  # the story whose words are the article's last paragraph, whole
        return words_of.get(" ".join(article.body.split("\n\n")[-1].split()).rstrip("."))
    env = python_env(reader_home)
    library = paths.library_dir()  # READER_HOME is the same here and in the children
    rng = random.Random(RNG_SEED + 1)
    kill_points = 6
    def count() -> int:
        return sum(1 for p in library.iterdir() if p.suffix == ".txt") if library.is_dir() else 0

    for point in range(kill_points):
        before = count()
        target = before + rng.randint(0, max(0, 150 - before - 1))  # kill somewhere in what is left to do
        proc = spawn(reader_argv("add", str(source)), env)
        wait_until(lambda: count() >= target or proc.poll() is not None, 60)
        time.sleep(rng.random() * 0.05)
        out, err = kill(proc)
        no_traceback(err, "reader add")
        if proc.killed_running:
            tally.crash_point("import: SIGKILL during reader add")
        articles, problems = _library_articles(library)
        assert not [p for p in problems if p.skipped], f"a file in the library does not load: {problems[:3]}"
        for article in articles:  # whole, and one of ours: no half-written file is read as an article
            if story_of(article) is None:
                tally.loss("import: SIGKILL during reader add", f"{article.path} is not a whole story")
                pytest.fail(f"{article.path} is not one of the imported stories (half-written?)")
    # Run to completion: every story exactly once, temp files cleaned or ignored.
    done = subprocess.run(reader_argv("add", str(source)), env=env, capture_output=True, text=True, timeout=300)
    no_traceback(done.stderr, "reader add after the kills")
    assert done.returncode == 0, done.stderr[-2000:]
    articles, problems = _library_articles(library)
    seen: dict[str, int] = {}
    for article in articles:
        name = story_of(article)
        seen[name] = seen.get(name, 0) + 1
    missing = sorted(set(bodies) - set(seen))
    doubled = sorted(n for n, c in seen.items() if c > 1)
    if missing or doubled:
        tally.loss("import: SIGKILL during reader add", f"missing {missing[:5]}, doubled {doubled[:5]}")
    assert not missing, f"{len(missing)} stories never arrived: {missing[:5]}"
    assert not doubled, f"{len(doubled)} stories were imported twice after the kills: {doubled[:5]}"
    from reader.library.state import StateStore

    with StateStore() as store:
        assert store.integrity_ok()


# -- index ---------------------------------------------------------------------------------

def test_sigkill_during_indexing_then_search_works_or_rebuilds(tmp_path, reader_home):
    library = tmp_path / "library"
    _stories(library, 260)
    env = python_env(reader_home)
    rng = random.Random(RNG_SEED + 2)
    from reader.core import open_library

    index_dir = open_library([library]).index_dir
    kill_points = 6
    for point in range(kill_points):
        if point % 2:  # an incremental update with work to do: 60 stories changed
            for n in range(point, 260, 4)[:60]:
                (library / f"s{n:04d}.txt").write_text(f"Changed story {n} round {point}\n\nharbour{n} edited text "
                                                       f"{'ferry ' * (n * 7 % 900)}.\n", encoding="utf-8")
            proc = spawn(reader_argv("index", str(library)), env)
            delay = rng.uniform(0.35, 0.9)
        else:  # a full build (about 3 s here, half of it start-up)
            proc = spawn(reader_argv("index", "--rebuild", str(library)), env)
            delay = rng.uniform(0.6, 2.8)
        wait_until(lambda: proc.poll() is not None, delay)
        out, err = kill(proc)
        no_traceback(err, "reader index")
        if proc.killed_running:
            tally.crash_point("index: SIGKILL during reader index")
        # Start again: search answers (updating or rebuilding first), with a message if it rebuilt.
        found = subprocess.run(reader_argv("search", "--json", "--limit", "3", "harbour0 OR treaty1", str(library)),
                               env=env, capture_output=True, text=True, timeout=300)
        no_traceback(found.stderr, "reader search after a killed index update")
        if found.returncode != 0:
            tally.loss("index: SIGKILL during reader index", f"search failed: {found.stderr[-300:]}")
        assert found.returncode == 0, found.stderr[-2000:]
    final = subprocess.run(reader_argv("index", str(library)), env=env, capture_output=True, text=True, timeout=300)
    no_traceback(final.stderr, "reader index")
    assert final.returncode == 0, final.stderr
    from reader.search import search
    from reader.core import open_library

    index = open_library([library]).open_index()
    assert index.directory == index_dir
    try:
        assert index.check() is None
        count = index.doc_count()
        every = search(index, "title:story", limit=1, exact_total=True).total
    finally:
        index.close()
    if count != 260:
        tally.loss("index: SIGKILL during reader index", f"{count} documents for 260 stories")
    assert count == 260 and every >= 255, (count, every)


# -- notes ---------------------------------------------------------------------------------

NOTE_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.entities.notes import Note, save_user_note
    folder = Path(sys.argv[1])
    i = int(sys.argv[2])
    while True:
        save_user_note(Note(id=f"n{i % 23}", name=f"Note {i % 23}", type="PERSON",
                            summary=f"version {i} " + "words " * (i % 300)), folder)
        sys.stdout.write(f"{i}\\n")
        sys.stdout.flush()
        i += 1
""")


def test_sigkill_while_saving_a_note_keeps_the_notes_file_whole(tmp_path, reader_home):
    from reader.entities.notes import load_knowledge_base

    folder = tmp_path / "notes"
    env = python_env(reader_home)
    rng = random.Random(RNG_SEED + 3)
    acked: list[int] = []
    next_i = 0
    for point in range(6):
        proc = spawn([sys.executable, "-c", NOTE_WRITER, str(folder), str(next_i)], env)
        target = rng.randint(1, 40)
        got = 0
        assert proc.stdout is not None
        while got < target and proc.stdout.readline():
            got += 1
        out, err = kill(proc)
        no_traceback(err, "saving notes")
        if proc.killed_running:
            tally.crash_point("notes: SIGKILL while saving a note")
        acked += list(range(next_i, next_i + got)) + [int(x) for x in out.split()]
        kb = load_knowledge_base(tmp_path / "no-shipped", folder)
        if kb.problems:
            tally.loss("notes: SIGKILL while saving a note", str(kb.problems[0]))
        assert not kb.problems, kb.problems
        for k in range(23):
            mine = [i for i in acked if i % 23 == k]
            if mine:
                note = kb.get(f"n{k}")
                assert note is not None, f"note n{k} was saved (acknowledged) and is gone"
                version = int(note.summary.split()[1])
                assert version >= max(mine), (k, version, max(mine))
        next_i = max(acked) + 2
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert len(leftovers) <= 6  # at most one temporary file per kill, and they are hidden


# -- the catalog cache -----------------------------------------------------------------------

CATALOG_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.library.files import walk
    from reader.library.catalog import load_catalog
    catalog = load_catalog(walk([Path(sys.argv[1])]), cache_path=Path(sys.argv[2]))
    print(len(catalog.entries))
""")


def test_sigkill_while_the_catalog_cache_is_written_never_shows_stale_titles(tmp_path, reader_home):
    """The list's metadata cache (SQLite): a process killed while filling it must not leave
    entries that disagree with the files (a stale title, a missing or a doubled article)."""
    from reader.library.files import walk
    from reader.library.catalog import load_catalog

    folder = tmp_path / "library"
    folder.mkdir()
    cache = tmp_path / "catalog.sqlite3"
    count = 2000
    for n in range(count):
        (folder / f"t{n:05d}.txt").write_text(f"Story {n} version 0\n\nText of story {n}.\n", encoding="utf-8")
    env = python_env(reader_home)
    rng = random.Random(RNG_SEED + 4)
    for point in range(4):
        for n in rng.sample(range(count), 700):  # change some titles (and sizes) before each run
            (folder / f"t{n:05d}.txt").write_text(f"Story {n} version {point + 1}{'!' * point}\n\nText of story {n}.\n",
                                                  encoding="utf-8")
        proc = spawn([sys.executable, "-c", CATALOG_WRITER, str(folder), str(cache)], env)
        wait_until(lambda: proc.poll() is not None, rng.uniform(0.05, 0.25))  # a run takes about 0.25 s
        out, err = kill(proc)
        no_traceback(err, "load_catalog")
        if proc.killed_running:
            tally.crash_point("catalog: SIGKILL while caching")
        cached = load_catalog(walk([folder]), cache_path=cache)
        fresh = load_catalog(walk([folder]), cache_path=None)
        if sorted(cached.entries) != sorted(fresh.entries):
            wrong = sorted(set(cached.entries) ^ set(fresh.entries))[:3]
            tally.loss("catalog: SIGKILL while caching", f"cache disagrees with the files: {wrong}")
            pytest.fail(f"after a kill the cached catalog disagrees with the files: {wrong}")
