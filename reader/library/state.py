"""The person's reading state, kept in SQLite (standard library) in the data folder.

What is kept: read/unread, starred and the reading position of each article, the
last opened article, the remembered feed URLs, and fingerprints of imported
articles (for duplicate detection).

Safety: the database runs in WAL mode and every change is one transaction, so a
process killed in the middle of a write (SIGKILL) leaves the last committed state,
and two ``reader`` processes at once wait for each other (busy timeout) instead of
failing or overwriting each other's rows. Updates touch only the columns they change.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader import paths

STATE_FILE = "state.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 15_000
EXPORT_FORMAT = "reader-state"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_state (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    opened_at REAL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    added_at REAL NOT NULL,
    checked_at REAL,
    etag TEXT,
    modified TEXT
);
CREATE TABLE IF NOT EXISTS fingerprints (
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (kind, value)
);
"""
_TABLES = tuple(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))
_TABLES_PRESENT = ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                   f"({', '.join(repr(t) for t in _TABLES)})")
"""An opened database is set up when it has every table: the app opens it at each start
(in a worker, while the first frame is drawn), so a set-up database costs one query there,
not a write transaction of eight statements, each waiting for the interpreter's lock."""


@dataclass(frozen=True)
class ArticleState:
    """What the person has done with one article."""

    id: str
    read: bool = False
    starred: bool = False
    position: int = 0
    opened_at: float | None = None


@dataclass(frozen=True)
class Feed:
    """A remembered feed URL."""

    url: str
    title: str | None = None
    added_at: float = 0.0
    checked_at: float | None = None
    etag: str | None = None
    modified: str | None = None


class StateError(Exception):
    """The state database cannot be opened or used; the message says why."""


def default_path() -> Path:
    """Where the state database lives: ``state.sqlite3`` in the data folder."""
    return paths.data_dir() / STATE_FILE


class StateStore:
    """Read and write the reading state. One instance per process (or thread)."""

    def __init__(self, path: Path | None = None, *, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path) if path is not None else default_path()
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                self._open(timeout_ms)
                return
            except sqlite3.OperationalError as error:
                # Two processes opening a new database at once: switching it to WAL (or WAL
                # recovery) can answer "database is locked" without waiting for the busy
                # timeout. Try again until the timeout, as a busy database would.
                if _is_busy(error) and time.monotonic() < deadline:
                    self._close_quietly()
                    time.sleep(0.02)
                    continue
                self._close_quietly()
                raise StateError(f"cannot open the reading state {self.path}: {error}") from None
            except sqlite3.DatabaseError as error:
                self._close_quietly()
                raise StateError(f"cannot open the reading state {self.path}: {error}") from None
            except OSError as error:
                self._close_quietly()
                raise StateError(f"cannot open the reading state {self.path}: {error.strerror or error}") from None

    def _open(self, timeout_ms: int) -> None:
        self._db = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE).
        self._db = sqlite3.connect(self.path, timeout=timeout_ms / 1000, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        self._db.execute("PRAGMA synchronous = NORMAL")
        if self._db.execute(_TABLES_PRESENT).fetchone()[0] == len(_TABLES):
            return  # set up by an earlier start (WAL mode is kept in the file): one query, no write
        self._db.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as db:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def _close_quietly(self) -> None:
        db, self._db = getattr(self, "_db", None), None
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass

    # -- plumbing ---------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")

    def transaction(self):
        """One write transaction for a store built on this database (``reader.feeds``):
        ``with store.transaction() as db: ...`` commits all of it or none of it."""
        return self._transaction()

    @property
    def connection(self) -> sqlite3.Connection:
        """The database, for reads by stores built on it (writes go through ``transaction``)."""
        return self._db

    def close(self) -> None:
        """Close the database (everything written is already committed)."""
        self._db.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _set(self, article_id: str, column: str, value: object, *, opened: bool = False) -> None:
        assert column in ("read", "starred", "position")
        now = time.time()
        with self._transaction() as db:
            db.execute(
                f"INSERT INTO article_state(id, {column}, updated_at{', opened_at' if opened else ''}) "
                f"VALUES (?, ?, ?{', ?' if opened else ''}) "
                f"ON CONFLICT(id) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at"
                f"{', opened_at = excluded.opened_at' if opened else ''}",
                (article_id, value, now, now) if opened else (article_id, value, now),
            )

    # -- articles ---------------------------------------------------------------------------

    def get(self, article_id: str) -> ArticleState:
        """The state of one article (defaults when it has none yet)."""
        row = self._db.execute(
            "SELECT id, read, starred, position, opened_at FROM article_state WHERE id = ?", (article_id,)
        ).fetchone()
        return _row_state(row) if row else ArticleState(article_id)

    def all(self) -> dict[str, ArticleState]:
        """Every article with some state, by id (one query, for large libraries)."""
        rows = self._db.execute("SELECT id, read, starred, position, opened_at FROM article_state")
        return {row[0]: _row_state(row) for row in rows}

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._set(article_id, "read", int(bool(read)))

    def set_read_many(self, article_ids: Iterable[str], read: bool = True) -> int:
        """Mark many articles read (or unread) in one transaction ("mark all read"); how many."""
        now, value, count = time.time(), int(bool(read)), 0
        with self._transaction() as db:
            for article_id in article_ids:
                db.execute("INSERT INTO article_state(id, read, updated_at) VALUES (?, ?, ?) "
                           "ON CONFLICT(id) DO UPDATE SET read = excluded.read, updated_at = excluded.updated_at",
                           (article_id, value, now))
                count += 1
        return count

    def toggle_read(self, article_id: str) -> bool:
        """Flip read/unread; return the new value."""
        return self._toggle(article_id, "read")

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        self._set(article_id, "starred", int(bool(starred)))

    def toggle_star(self, article_id: str) -> bool:
        """Flip the star; return the new value."""
        return self._toggle(article_id, "starred")

    def _toggle(self, article_id: str, column: str) -> bool:
        now = time.time()
        with self._transaction() as db:
            db.execute(
                f"INSERT INTO article_state(id, {column}, updated_at) VALUES (?, 1, ?) "
                f"ON CONFLICT(id) DO UPDATE SET {column} = 1 - {column}, updated_at = excluded.updated_at",
                (article_id, now),
            )
            (value,) = db.execute(f"SELECT {column} FROM article_state WHERE id = ?", (article_id,)).fetchone()
        return bool(value)

    def set_position(self, article_id: str, position: int) -> None:
        """Remember how far into the article (a body offset or line) the person is."""
        self._set(article_id, "position", max(0, int(position)))

    def mark_opened(self, article_id: str, position: int | None = None, *, read: bool = True) -> None:
        """The person opened this article: it is the last opened one, and read unless
        ``read`` is false (the app marks a story read once it has been read)."""
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO article_state(id, read, opened_at, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET read = MAX(read, excluded.read), opened_at = excluded.opened_at, "
                "updated_at = excluded.updated_at",
                (article_id, int(read), now, now),
            )
            if position is not None:
                db.execute("UPDATE article_state SET position = ? WHERE id = ?", (max(0, int(position)), article_id))
            db.execute("INSERT INTO meta(key, value) VALUES ('last_opened', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (article_id,))

    def remember_choice(self, key: str, value: str) -> None:
        """Keep one of the person's choices for next time (the list's sort order)."""
        with self._transaction() as db:
            db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (f"choice.{key}", value))

    def choice(self, key: str) -> str | None:
        """A choice kept by ``remember_choice``, if any."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (f"choice.{key}",)).fetchone()
        return row[0] if row else None

    def last_opened(self) -> tuple[str, int] | None:
        """The last opened article and its position, if any."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'last_opened'").fetchone()
        if not row or not row[0]:
            return None
        return row[0], self.get(row[0]).position

    def update_many(self, states: Iterable[ArticleState]) -> int:
        """Write many article states in one transaction (import); return how many."""
        with self._transaction() as db:
            return _upsert_states(db, states, time.time())

    # -- feeds ------------------------------------------------------------------------------

    def add_feed(self, url: str, title: str | None = None) -> bool:
        """Remember a feed URL; True when it was new."""
        with self._transaction() as db:
            cursor = db.execute("INSERT OR IGNORE INTO feeds(url, title, added_at) VALUES (?, ?, ?)",
                                (url, title, time.time()))
            if cursor.rowcount == 0 and title:
                db.execute("UPDATE feeds SET title = ? WHERE url = ?", (title, url))
        return cursor.rowcount > 0

    def feeds(self) -> list[Feed]:
        """The remembered feeds, oldest first."""
        rows = self._db.execute(
            "SELECT url, title, added_at, checked_at, etag, modified FROM feeds ORDER BY added_at, url")
        return [Feed(*row) for row in rows]

    def feed_checked(self, url: str, etag: str | None = None, modified: str | None = None) -> None:
        with self._transaction() as db:
            db.execute("UPDATE feeds SET checked_at = ?, etag = ?, modified = ? WHERE url = ?",
                       (time.time(), etag, modified, url))

    def remove_feed(self, url: str) -> bool:
        with self._transaction() as db:
            return db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    # -- fingerprints (duplicate detection) ------------------------------------------------

    def find_fingerprint(self, kind: str, value: str) -> str | None:
        row = self._db.execute("SELECT article_id FROM fingerprints WHERE kind = ? AND value = ?",
                               (kind, value)).fetchone()
        return row[0] if row else None

    def add_fingerprints(self, article_id: str, fingerprints: Iterable[tuple[str, str]]) -> None:
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO fingerprints(kind, value, article_id) VALUES (?, ?, ?)",
                           [(kind, value, article_id) for kind, value in fingerprints])

    def fingerprinted_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT article_id FROM fingerprints")}

    def export_data(self) -> dict:
        """Everything the person did, as plain JSON-able data."""
        last = self.last_opened()
        return {
            "format": EXPORT_FORMAT,
            "version": SCHEMA_VERSION,
            "exported_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "last_opened": last[0] if last else None,
            "articles": {
                s.id: {"read": s.read, "starred": s.starred, "position": s.position, "opened_at": s.opened_at}
                for s in sorted(self.all().values(), key=lambda s: s.id)
            },
            "feeds": [{"url": f.url, "title": f.title} for f in self.feeds()],
            "choices": dict(self._db.execute("SELECT substr(key, 8), value FROM meta WHERE key LIKE 'choice.%' "
                                             "ORDER BY key").fetchall()),
        }

    def import_data(self, data: dict) -> tuple[int, int]:
        """Read back what ``export_data`` wrote (all in one transaction).

        Returns (articles, feeds) counts. Raises ``StateError`` for data that is not an export.
        """
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise StateError("not a reader state export (no \"format\": \"reader-state\")")
        articles = data.get("articles") or {}
        feeds = data.get("feeds") or []
        if not isinstance(articles, dict) or not isinstance(feeds, list):
            raise StateError("\"articles\" must be an object and \"feeds\" a list")
        states = []
        for article_id, value in articles.items():
            if not isinstance(value, dict):
                raise StateError(f"article {article_id!r}: expected an object")
            try:
                position = int(value.get("position") or 0)
                if not 0 <= position < 2**63:
                    raise ValueError(f"position {position} is out of range")
                states.append(ArticleState(
                    str(article_id), bool(value.get("read")), bool(value.get("starred")), position,
                    float(value["opened_at"]) if value.get("opened_at") is not None else None))
            except (TypeError, ValueError, OverflowError) as error:
                raise StateError(f"article {article_id!r}: {error}") from None
        now = time.time()
        with self._transaction() as db:
            _upsert_states(db, states, now)
            feed_count = 0
            for feed in feeds:
                url = feed.get("url") if isinstance(feed, dict) else None
                if isinstance(url, str) and url:
                    title = feed.get("title")
                    db.execute("INSERT OR IGNORE INTO feeds(url, title, added_at) VALUES (?, ?, ?)",
                               (url, title if isinstance(title, str) else None, now))
                    feed_count += 1
            choices = data.get("choices")  # the list's sort and filter (exports since 2026-12)
            for key, value in (choices.items() if isinstance(choices, dict) else ()):
                if isinstance(key, str) and isinstance(value, str):
                    db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                               "value = excluded.value", (f"choice.{key}", value))
            last = data.get("last_opened")
            if isinstance(last, str) and last:
                db.execute("INSERT INTO meta(key, value) VALUES ('last_opened', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (last,))
        return len(states), feed_count

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _upsert_states(db: sqlite3.Connection, states: Iterable[ArticleState], now: float) -> int:
    """Write article states inside the caller's transaction; return how many."""
    count = 0
    for state in states:
        db.execute(
            "INSERT INTO article_state(id, read, starred, position, opened_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET read = excluded.read, "
            "starred = excluded.starred, position = excluded.position, "
            "opened_at = COALESCE(excluded.opened_at, article_state.opened_at), updated_at = excluded.updated_at",
            (state.id, int(state.read), int(state.starred), max(0, int(state.position)), state.opened_at, now))
        count += 1
    return count


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _row_state(row: tuple) -> ArticleState:
    return ArticleState(row[0], bool(row[1]), bool(row[2]), int(row[3] or 0), row[4])


def dumps_export(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
