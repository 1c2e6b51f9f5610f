"""The persistent library index: opening, checking, incremental updates, rebuilds.

Where an index lives is the library's choice (``reader.core``). Beside Whoosh's files it keeps
``manifest.json``: for each article file its id, size, mtime and content hash (so an
unchanged library is checked with one ``stat`` per file and no reads), the schema version,
the entity recogniser it was built with, and the size of every index file (so a truncated
segment is noticed before a query trips on it).

Concurrency: one process updates at a time (an ``flock`` on ``update.lock``, released
by the OS if the process dies, so a lock file left behind never blocks anyone); any
number of processes search what is committed. Whoosh writers are always closed in
``finally`` (a writer that died with an exception otherwise keeps its lock).

Which files there are: ``reader.library.files``; what is indexed of each article:
``reader.search.documents``; the manifest's tables and the lock: ``reader.search.manifest``;
knowing the index is current without either: ``reader.search.freshness``; writing a batch
of stories in one commit: ``reader.search.batches`` (the writers' memory and saving
progress: ``reader.search.writers``; their postings: ``reader.search.pool``); which stories
to index again when only the notes changed: ``reader.search.note_changes``.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import index as whoosh_index

from reader.atomic import write_atomic
from reader.library.files import ArticleFile, walk
from reader.search.documents import EntityKeys, entities_name, file_hash
from reader.search import freshness, note_changes
from reader.search.schema import SCHEMA_VERSION, make_schema
from reader.search.scoring import WEIGHTING
from reader.search.manifest import _FileLock, articles_of, stamps_of
from reader.search.batches import INDEX_NAME, write_batch

MANIFEST = "manifest.json"
UPDATE_LOCK = "update.lock"

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``: called from the updating thread."""

class FileStamp(NamedTuple):
    """What indexing needs of a file's ``stat``."""

    st_size: int
    st_mtime_ns: int


class IndexProblem(Exception):
    """The index cannot be used as it is (corrupt, from another version, missing)."""


class IndexBusy(Exception):
    """Another process is updating the index right now."""


@dataclass
class UpdateResult:
    """What one update did."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    busy: bool = False
    cancelled: bool = False
    deferred: bool = False  # too big for here: nothing written (see ``update(defer_from=...)``)
    messages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        if self.busy:
            return "another reader is updating the index; searching what is already indexed"
        parts = [f"{self.added:,} added", f"{self.changed:,} changed", f"{self.removed:,} removed",
                 f"{self.unchanged:,} unchanged"]
        text = "search index: " + ", ".join(parts) + f" ({self.seconds:.1f} s)"
        if self.cancelled:
            text += ", stopped before the end"
        return text




class LibraryIndex:
    """The library's Whoosh index in one folder.

    ``check()`` says whether it can be used; ``update(sources)`` brings it up to date
    (rebuilding it when it is corrupt or from another version); ``searcher()`` gives a
    Whoosh searcher on what is committed. Searching is in ``reader.search.searching``.
    """

    def __init__(self, directory: Path, entity_keys: EntityKeys | None = None) -> None:
        self.directory = Path(directory)
        self.entity_keys = entity_keys
        self.schema = make_schema()
        self._ix = None
        self._searcher = None
        self._lock = threading.RLock()
        self._last_walk: list | None = None  # the files of the last update's scan
        self._last_sources: list[Path] | None = None
        self._pending_entities: dict[str, Any] | None = None  # the manifest's, while notes are re-indexed
        self._entities_used: dict[str, Any] | None = None  # the recogniser as this update began

    # --- state -----------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.directory / MANIFEST

    def read_manifest(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def exists(self) -> bool:
        """True when there is a table of contents (which may still be damaged: see ``check``)."""
        try:
            names = os.listdir(self.directory)
        except OSError:
            return False
        prefix = f"_{INDEX_NAME}_"
        return any(n.startswith(prefix) and n.endswith(".toc") for n in names)

    def check(self, manifest: dict[str, Any] | None = None) -> str | None:
        """``None`` when the index can be used, else why it must be rebuilt (one line)."""
        if not self.exists():
            if self.directory.is_dir() and any(n.endswith((".toc", ".seg", ".trm", ".pst")) for n in os.listdir(self.directory)):
                return "the search index is damaged (no table of contents); rebuilding it"
            return "there is no search index yet; building it"
        manifest = manifest if manifest is not None else self.read_manifest()
        if manifest is None:
            return "the search index has no readable manifest; rebuilding it"
        if manifest.get("schema_version") != SCHEMA_VERSION:
            return (f"the search index is from another version of reader (schema {manifest.get('schema_version')}, "
                    f"now {SCHEMA_VERSION}); rebuilding it")
        now = self._entities_used or note_changes.record(self.entity_keys)
        if manifest.get("entities", "") != now[note_changes.ID] and note_changes.changed_words(manifest, now) is None:
            return "the entity recogniser changed; rebuilding the search index"  # (a change of notes alone: ``update``)
        listed = manifest.get("files") or {}
        if listed and any(name.endswith(".toc") and name not in listed for name in os.listdir(self.directory)):
            # committed after the manifest was saved (a process stopped in between): the
            # manifest would not know those stories and they would be indexed twice
            return "the search index is newer than its record (an update was interrupted); rebuilding it"
        for name, size in listed.items():
            try:
                actual = os.path.getsize(self.directory / name)
            except OSError:
                continue  # merged away by a later commit
            if actual != size:
                return f"the search index is damaged ({name} is {actual} bytes, expected {size}); rebuilding it"
        try:
            ix = whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME)
            try:
                if sorted(ix.schema.names()) != sorted(self.schema.names()):
                    return "the search index has another schema; rebuilding it"
                with ix.searcher() as searcher:
                    searcher.doc_count()
            finally:
                ix.close()
        except Exception as error:  # noqa: BLE001 - any failure to open means damaged
            return f"the search index is damaged ({type(error).__name__}); rebuilding it"
        return None

    def fresh_key(self) -> dict:
        """What must not have changed for ``fresh.json`` to count: the schema, the
        recogniser's name and its cheap stamp (the note files, its source: ``start_stamp``)
        and the index files' sizes. (The recogniser's version is compared by ``check``,
        when an update reads the manifest: reading it here would build the recogniser.)"""
        files = {}
        try:
            names = os.listdir(self.directory)
        except OSError:
            names = []
        for name in names:
            if name.startswith("_") or name.startswith(f"{INDEX_NAME}_") and not name.endswith("LOCK"):
                try:
                    files[name] = os.path.getsize(self.directory / name)
                except OSError:
                    pass
        stamp = getattr(self.entity_keys, "start_stamp", None)
        return {"schema": SCHEMA_VERSION, "entities": entities_name(self.entity_keys), "files": files,
                "recogniser": stamp() if stamp is not None else {}}

    def unchanged_since_update(self, sources: Iterable[Path]) -> bool:
        """True when no folder of ``sources`` changed since the last update, so a search can
        answer without walking the library (see ``reader.search.freshness``)."""
        return freshness.folders_unchanged(freshness.read(self.directory), self.fresh_key(), sources)

    # --- searching -------------------------------------------------------------------

    def searcher(self):
        """A Whoosh searcher on the latest commit (kept open and refreshed; do not close it)."""
        with self._lock:
            if self._searcher is None:
                if not self.exists():
                    raise IndexProblem("there is no search index yet")
                try:
                    self._ix = whoosh_index.open_dir(str(self.directory), indexname=INDEX_NAME)
                    self._searcher = self._ix.searcher(weighting=WEIGHTING)
                except Exception as error:  # noqa: BLE001
                    self._ix = None
                    raise IndexProblem(f"the search index cannot be opened ({type(error).__name__})") from error
            else:
                # Not Searcher.refresh(): it reuses the readers of segments that did not
                # change name and so misses documents deleted from them since (a changed
                # article would show twice). A new commit is rare; opening costs ~5 ms.
                try:
                    current = self._searcher.up_to_date()
                except Exception:  # noqa: BLE001
                    current = False
                if not current:
                    self.close()
                    return self.searcher()
            return self._searcher

    def close(self) -> None:
        """Close the searcher (reopened on next use)."""
        with self._lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:  # noqa: BLE001
                    pass
            self._searcher = None
            if self._ix is not None:
                try:
                    self._ix.close()
                except Exception:  # noqa: BLE001
                    pass
            self._ix = None

    def doc_count(self) -> int:
        try:
            return self.searcher().doc_count()
        except IndexProblem:
            return 0

    # --- updating --------------------------------------------------------------------

    def update(
        self,
        sources: Iterable[Path],
        *,
        rebuild: bool = False,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
        procs: int = 1,
        commit_every: int | None = None,
        first_commit: int | None = None,
        files: Iterable[ArticleFile] | None = None,
        defer_from: int | None = None,
        announce: Callable[[str], None] | None = None,
    ) -> UpdateResult:
        """Bring the index up to date with the article files below ``sources``.

        Only new, changed (size or mtime differ, then the content hash) and removed files
        are (re)indexed. A damaged or stale index is rebuilt, with a message in
        ``result.messages``. When another process is updating, returns at once with
        ``busy`` set. ``procs > 1`` lets big batches use a multi-process writer (not from a
        process with threads: it forks). ``commit_every=N`` commits every N articles, so a
        long first build is searchable (and resumable) as it goes; ``first_commit=N``
        commits after the first N only (then every ``commit_every``, or at the end), so
        search starts early without slowing a parallel build. ``files``: the article
        files below ``sources`` from a walk just done (``Catalog.files``), used instead of
        walking the library again. ``defer_from=N``:
        when N or more articles would be (re)indexed, write nothing and return with
        ``deferred`` set, so the caller can run the update elsewhere (its own process).
        ``announce``: called with that message as soon as it is known, before the rebuild.
        """
        started = time.perf_counter()
        result = UpdateResult()
        progress = progress or (lambda done, total, message: None)
        should_stop = should_stop or (lambda: False)
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = _FileLock(self.directory / UPDATE_LOCK)
        if not lock.acquire():
            result.busy = True
            return result
        try:
            if files is not None and not rebuild:
                files = list(files)
                if freshness.files_unchanged(freshness.read(self.directory), self.fresh_key(), files):
                    # The app's start: the walk it just did is the one indexed last time
                    result.unchanged = len(files)
                    return result
            manifest = self.read_manifest()
            # The manifest records the recogniser this update began with: a note saved while
            # it runs gives another version, which the next update then sees.
            self._entities_used = note_changes.record(self.entity_keys)
            reason = "rebuilding the search index" if rebuild else self.check(manifest)
            if reason is not None:
                if self.exists() or rebuild or (manifest is not None):
                    result.messages.append(reason)
                    if announce is not None:
                        announce(reason)
                result.rebuilt = True
                manifest = None
            forced: set[str] = set()
            notes_changed = reason is None and manifest.get("entities", "") != self._entities_used[note_changes.ID]
            if notes_changed:
                words = note_changes.changed_words(manifest, self._entities_used) or set()
                forced = note_changes.files_naming(self.directory, words, manifest)
                if forced:
                    result.messages.append(f"your notes changed: indexing again the {len(forced):,} "
                                           f"{'story that names' if len(forced) == 1 else 'stories that name'} them")
            # Until every story naming a changed note is indexed again, the manifest keeps
            # the notes it had, so an update stopped half-way finds the same stories next time.
            self._pending_entities = _entities_record(manifest) if forced else None
            self._update_locked(list(sources), manifest, result, progress, should_stop, procs,
                                (first_commit, commit_every), files, defer_from, forced, notes_changed)
        finally:
            self._pending_entities = self._entities_used = None
            lock.release()
            result.seconds = time.perf_counter() - started
        return result

    def _create_empty(self) -> None:
        self.close()
        if self.directory.is_dir():
            for child in self.directory.iterdir():
                if child.name == UPDATE_LOCK:
                    continue
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    try:
                        child.unlink()
                    except OSError:
                        pass
        self.directory.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(self.directory), self.schema, indexname=INDEX_NAME)
        ix.close()

    def _scan(self, sources: list[Path], stamps: dict[str, tuple[int, int]], result: UpdateResult,
              files: list | None, forced: set[str] = frozenset()
              ) -> tuple[list[str], list[tuple[str, Path, Path | None, os.stat_result]]]:
        """Stat every file: the paths whose size and mtime match ``stamps`` (and are not
        ``forced``), and the others (candidates, in name order)."""
        kept: list[str] = []
        candidates = []
        get = stamps.get
        roots: dict = {}
        if files is None:
            walked = walk(sources)
            result.problems.extend(str(p) for p in walked.problems)
            files = walked.files
        files = list(files)
        self._last_walk, self._last_sources = files, sources
        for key, root, size, mtime in files:
            if get(key) == (size, mtime) and key not in forced:
                kept.append(key)
            else:
                if root not in roots:
                    roots[root] = Path(root) if root else None
                candidates.append((key, Path(key), roots[root], FileStamp(size, mtime)))
        candidates.sort(key=lambda c: Path(c[0]).parts)  # name order, as the library loads them
        return kept, candidates

    def _update_locked(self, sources, manifest, result, progress, should_stop, procs, commits,
                       files=None, defer_from=None, forced: set[str] = frozenset(), notes_changed=False) -> None:
        """``forced``: files to index again even when unchanged; ``notes_changed``: the
        manifest must be written even when nothing else changed."""
        progress(0, 0, "checking the library")
        stamps = stamps_of(manifest)
        kept_keys, candidates = self._scan(sources, stamps, result, files, forced)
        if should_stop():
            result.cancelled = True
            return
        if manifest is not None and not candidates and len(set(kept_keys)) == len(stamps) and not notes_changed:
            # The usual start: nothing changed (the manifest's full table is not even built).
            # The walk's digest is kept, so the next start with this walk reads no manifest.
            result.unchanged = len(kept_keys)
            data, key, walk = freshness.read(self.directory), self.fresh_key(), self._last_walk
            if not (freshness.files_unchanged(data, key, walk) and freshness.folders_unchanged(data, key, sources)):
                freshness.record(self.directory, key, freshness.stamps_digest(walk), sources)
            return
        old: dict[str, list] = articles_of(manifest)
        kept = {key: old[key] for key in kept_keys if key in old}
        result.unchanged = len(kept)
        seen = set(kept) | {key for key, *_ in candidates}
        removed_ids = [i for key in old if key not in seen for i in old[key][0]]
        # A known file whose bytes did not change only gets its new mtime. Articles are
        # loaded batch by batch while indexing (a first build of 100,000 stories must
        # not hold them all in memory).
        to_index: list[tuple[str, Path, Path | None, os.stat_result, str | None]] = []
        for key, path, root, st in candidates:
            entry = old.get(key)
            digest = None
            if entry is not None:
                try:
                    digest = file_hash(path.read_bytes())
                except OSError as error:
                    result.problems.append(f"{path}: cannot be read: {error.strerror or error}")
                    continue
                if entry[3] == digest and key not in forced:
                    kept[key] = [entry[0], st.st_size, st.st_mtime_ns, digest]
                    result.unchanged += 1
                    continue
            to_index.append((key, path, root, st, digest))
        if defer_from and len(to_index) >= defer_from:
            result.deferred = True
            return
        if result.rebuilt:
            self._create_empty()
        total = len(to_index) + len(removed_ids)
        if total == 0:
            if candidates or manifest is None or notes_changed:
                self._save_manifest(kept, complete=True)
            return
        progress(0, total, "indexing")
        first_commit, commit_every = commits
        chunk = commit_every if commit_every and commit_every > 0 else len(to_index) or 1
        size = first_commit if first_commit and first_commit > 0 else chunk
        done = 0
        indexed_ids: set[str] = set()
        existing_ids = {i for entry in old.values() for i in entry[0]}
        deletes = list(removed_ids)
        start = 0
        while True:
            batch = to_index[start:start + size]
            start += size
            size = chunk
            committed = write_batch(self.directory, self.entity_keys, batch, deletes, existing_ids, indexed_ids,
                                    result, progress, should_stop, procs, done, total, old)
            if committed is None:
                # Busy or cancelled: earlier batches are committed; everything else keeps its
                # old entry, so the next update sees it as changed or removed again.
                self._save_manifest({**old, **kept})
                return
            done += len(batch) + len(deletes)
            deletes = []
            kept.update(committed)
            self._save_manifest(kept, complete=start >= len(to_index))
            if start >= len(to_index):
                break
        result.removed += len([i for i in removed_ids if i not in indexed_ids])
        progress(total, total, "done")

    def _save_manifest(self, articles: dict[str, list], complete: bool = False) -> None:
        """Write the manifest; ``complete``: the whole walk is indexed (``fresh.json``)."""
        freshness.forget(self.directory)
        files = {}
        for name in os.listdir(self.directory):
            if name in (MANIFEST, UPDATE_LOCK) or name.startswith(".") or name.endswith("LOCK"):
                continue
            try:
                files[name] = os.path.getsize(self.directory / name)
            except OSError:
                pass
        if self._pending_entities is not None and not complete:
            entities = self._pending_entities
        else:
            entities = self._entities_used or note_changes.record(self.entity_keys)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            **entities,
            "files": files,
            # Parallel lists: a tenth faster to read than a mapping at 100,000 articles.
            "articles": {
                "paths": list(articles),
                "ids": [v[0] for v in articles.values()],
                "sizes": [v[1] for v in articles.values()],
                "mtimes": [v[2] for v in articles.values()],
                "hashes": [v[3] for v in articles.values()],
            },
        }
        write_atomic(self.manifest_path, json.dumps(manifest, separators=(",", ":")))
        if complete and self._last_walk is not None:
            freshness.record(self.directory, self.fresh_key(), freshness.stamps_digest(self._last_walk),
                             self._last_sources)


def _entities_record(manifest: dict[str, Any]) -> dict[str, Any]:
    """The recogniser the manifest records (its id, and what ``note_changes`` compares)."""
    return {key: manifest[key] for key in (note_changes.ID, note_changes.BASE, note_changes.FORMS) if key in manifest}
