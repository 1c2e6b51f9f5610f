"""Subscriptions, where each story came from, and saved searches, in the state database.

The ``feeds`` table of ``reader.library.state`` grows the columns a feed reader needs
(tags, the person's own title, last success and last error, full-story opt-in, the
site's link); ``feed_entries`` says which feed each imported story came from, so a feed
has unread/total counts and can be marked read or unsubscribed with its stories;
``saved_searches`` holds library queries shown as virtual feeds ("follow" is one on
``entity:``). Every change is one SQLite transaction of the ``StateStore`` it is built on.

A feed is known by its address: an http(s) URL, or a ``file://`` URL for a feed file
(``reader subscribe FILE``), which a refresh re-reads when it changed.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.library.state import StateStore
from reader.library.tagging import clean_tags

__all__ = ["FeedStore", "SavedSearch", "Subscription", "feed_address", "normalise_tags"]

_COLUMNS = {
    "tags": "TEXT",
    "user_title": "TEXT",
    "success_at": "REAL",
    "error": "TEXT",
    "error_at": "REAL",
    "full_text": "INTEGER NOT NULL DEFAULT 0",
    "link": "TEXT",
}
_TABLES = """
CREATE TABLE IF NOT EXISTS feed_entries (
    article_id TEXT PRIMARY KEY,
    feed_url TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_entries_by_feed ON feed_entries(feed_url);
CREATE TABLE IF NOT EXISTS saved_searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    entity_key TEXT,
    created_at REAL NOT NULL
)
"""
_SELECT = ("SELECT url, title, user_title, tags, added_at, checked_at, success_at, error, error_at, "
           "etag, modified, full_text, link FROM feeds")


@dataclass(frozen=True)
class Subscription:
    """A feed the person follows, and how its last refresh went."""

    url: str
    feed_title: str | None = None
    """The title the feed gives itself."""
    user_title: str | None = None
    """The title the person gave it (wins when set)."""
    tags: tuple[str, ...] = ()
    added_at: float = 0.0
    checked_at: float | None = None
    success_at: float | None = None
    """When it was last fetched and read without a problem (a 304 counts)."""
    error: str | None = None
    """What went wrong the last time, in one line (None once a refresh succeeds)."""
    error_at: float | None = None
    etag: str | None = None
    modified: str | None = None
    full_text: bool = False
    """Fetch the whole story from each new entry's link (for summary-only feeds)."""
    link: str | None = None
    """The site the feed belongs to (OPML's htmlUrl)."""

    @property
    def title(self) -> str:
        return self.user_title or self.feed_title or self.url

    def to_json(self) -> dict:
        return {"url": self.url, "title": self.title, "feed_title": self.feed_title, "tags": list(self.tags),
                "added_at": self.added_at, "checked_at": self.checked_at, "success_at": self.success_at,
                "error": self.error, "error_at": self.error_at, "full_text": self.full_text, "link": self.link}


@dataclass(frozen=True)
class SavedSearch:
    """A library query with a name, shown as a virtual feed. ``entity_key``: it follows an
    entity (a person, place, organisation), matched by the index's entity keys."""

    name: str
    query: str
    entity_key: str | None = None
    created_at: float = 0.0


def feed_address(text: str | Path) -> str:
    """How a feed is remembered: an http(s) URL as given, a file as a ``file://`` URL."""
    value = str(text).strip()
    if value.lower().startswith(("http://", "https://", "file://")):
        return value
    return Path(value).expanduser().resolve().as_uri()


def normalise_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as kept: trimmed, no commas (OPML separates categories with them), no repeats
    (in any case), in the order given. A string is split at commas."""
    return clean_tags(tags)


class FeedStore:
    """Feeds, their stories and saved searches, kept in a ``StateStore``'s database."""

    def __init__(self, state: StateStore) -> None:
        self.state = state
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        with self.state.transaction() as db:
            have = {row[1] for row in db.execute("PRAGMA table_info(feeds)")}
            for column, kind in _COLUMNS.items():
                if column not in have:
                    db.execute(f"ALTER TABLE feeds ADD COLUMN {column} {kind}")
            for statement in filter(str.strip, _TABLES.split(";")):
                db.execute(statement)

    @property
    def _db(self) -> sqlite3.Connection:
        return self.state.connection

    # -- subscriptions ---------------------------------------------------------------------

    def subscriptions(self) -> list[Subscription]:
        """Every feed, oldest subscription first."""
        return [_subscription(row) for row in self._db.execute(_SELECT + " ORDER BY added_at, url")]

    def get(self, url: str) -> Subscription | None:
        row = self._db.execute(_SELECT + " WHERE url = ?", (url,)).fetchone()
        return _subscription(row) if row else None

    def find(self, text: str) -> Subscription | None:
        """The feed whose address or title (in any case) is ``text``."""
        found = self.get(text)
        if found is None and not text.lower().startswith(("http://", "https://")):
            try:
                found = self.get(feed_address(text))
            except (OSError, ValueError):
                found = None
        if found is not None:
            return found
        matches = self.titled(text)
        return matches[0] if len(matches) == 1 else None

    def titled(self, text: str) -> list[Subscription]:
        """The feeds whose title (in any case) is ``text``: two feeds may share one."""
        wanted = text.strip().casefold()
        return [s for s in self.subscriptions() if s.title.casefold() == wanted]

    def not_found(self, text: str) -> str:
        """Why ``find`` found no feed for ``text``: several share that title (give an address),
        or none is called so."""
        shared = self.titled(text)
        if len(shared) > 1:
            return (f"{len(shared)} feeds are called {text!r}; give the address of the one you mean: "
                    + ", ".join(s.url for s in shared))
        wanted = text.strip().casefold()
        near = [s.title for s in self.subscriptions() if wanted and wanted in s.title.casefold()]
        if near:  # a word of its title: "ruby" for "Ruby blog"
            return f"no feed {text!r}; did you mean " + " or ".join(repr(title) for title in near[:3]) + "?"
        return f"no feed {text!r} ('reader feeds' lists them)"

    def subscribe(self, url: str, *, title: str | None = None, tags: Iterable[str] = (),
                  full_text: bool | None = None, link: str | None = None, user_title: str | None = None) -> bool:
        """Follow a feed (True when it is new). Following it again adds the tags given and
        sets what else is given."""
        tags = normalise_tags(tags)
        with self.state.transaction() as db:
            cursor = db.execute("INSERT OR IGNORE INTO feeds(url, title, added_at, tags, full_text, link, user_title) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                (url, title, time.time(), json.dumps(list(tags)), int(bool(full_text)), link,
                                 user_title))
            new = cursor.rowcount > 0
            if not new:
                row = db.execute("SELECT tags FROM feeds WHERE url = ?", (url,)).fetchone()
                merged = normalise_tags([*_tags(row[0]), *tags])
                db.execute("UPDATE feeds SET tags = ?, title = COALESCE(?, title), link = COALESCE(?, link), "
                           "user_title = COALESCE(?, user_title) WHERE url = ?",
                           (json.dumps(list(merged)), title, link, user_title, url))
                if full_text is not None:
                    db.execute("UPDATE feeds SET full_text = ? WHERE url = ?", (int(full_text), url))
        return new

    def unsubscribe(self, url: str) -> list[str]:
        """Stop following a feed; returns the ids of the stories it brought (the caller
        decides whether they go). The record of where they came from goes too."""
        with self.state.transaction() as db:
            ids = [row[0] for row in db.execute("SELECT article_id FROM feed_entries WHERE feed_url = ?", (url,))]
            db.execute("DELETE FROM feed_entries WHERE feed_url = ?", (url,))
            db.execute("DELETE FROM feeds WHERE url = ?", (url,))
        return ids

    def rename(self, url: str, title: str | None) -> None:
        """The person's title for the feed (None or "" goes back to the feed's own)."""
        self._update(url, user_title=(title or "").strip() or None)

    def set_tags(self, url: str, tags: Iterable[str] | str) -> tuple[str, ...]:
        kept = normalise_tags(tags)
        self._update(url, tags=json.dumps(list(kept)))
        return kept

    def set_full_text(self, url: str, on: bool) -> None:
        self._update(url, full_text=int(bool(on)))

    def _update(self, url: str, **columns: object) -> None:
        assert all(name in _COLUMNS or name in ("title", "etag", "modified", "checked_at") for name in columns)
        sets = ", ".join(f"{name} = ?" for name in columns)
        with self.state.transaction() as db:
            db.execute(f"UPDATE feeds SET {sets} WHERE url = ?", (*columns.values(), url))

    # -- how refreshes went ----------------------------------------------------------------

    def record_success(self, url: str, *, etag: str | None, modified: str | None, title: str | None = None,
                       link: str | None = None, problem: str | None = None, when: float | None = None) -> None:
        """The feed was fetched (or answered 304) and read. ``problem``: it was read with a
        repair worth a line (invalid XML read leniently); it stays as its last error."""
        now = time.time() if when is None else when
        with self.state.transaction() as db:
            db.execute("UPDATE feeds SET checked_at = ?, success_at = ?, etag = ?, modified = ?, "
                       "title = COALESCE(?, title), link = COALESCE(link, ?), error = ?, error_at = ? WHERE url = ?",
                       (now, now, etag, modified, title, link, problem, now if problem else None, url))

    def record_error(self, url: str, message: str, when: float | None = None) -> None:
        """The feed could not be fetched or read: one line on it; nothing else changes."""
        now = time.time() if when is None else when
        with self.state.transaction() as db:
            db.execute("UPDATE feeds SET checked_at = ?, error = ?, error_at = ? WHERE url = ?",
                       (now, message, now, url))

    def moved(self, old: str, new: str) -> str:
        """A permanent redirect: the feed is remembered at ``new`` from now on (its stories,
        tags and title go with it). Returns the address kept."""
        if old == new:
            return old
        with self.state.transaction() as db:
            there = db.execute("SELECT tags, user_title FROM feeds WHERE url = ?", (new,)).fetchone()
            if there:  # already followed there: one subscription, with the tags of both
                here = db.execute("SELECT tags, user_title FROM feeds WHERE url = ?", (old,)).fetchone()
                if here:
                    tags = normalise_tags([*_tags(there[0]), *_tags(here[0])])
                    db.execute("UPDATE feeds SET tags = ?, user_title = COALESCE(user_title, ?) WHERE url = ?",
                               (json.dumps(list(tags)), here[1], new))
                db.execute("DELETE FROM feeds WHERE url = ?", (old,))
            else:
                db.execute("UPDATE feeds SET url = ? WHERE url = ?", (new, old))
            db.execute("UPDATE feed_entries SET feed_url = ? WHERE feed_url = ?", (new, old))
        return new

    # -- which feed each story came from ---------------------------------------------------

    def add_members(self, url: str, article_ids: Iterable[str]) -> None:
        with self.state.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO feed_entries(article_id, feed_url) VALUES (?, ?)",
                           [(article_id, url) for article_id in article_ids])

    def members(self) -> dict[str, str]:
        """article id -> the feed address it came from."""
        return {row[0]: row[1] for row in self._db.execute("SELECT article_id, feed_url FROM feed_entries")}

    def members_of(self, url: str) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT article_id FROM feed_entries WHERE feed_url = ?", (url,))]

    # -- saved searches --------------------------------------------------------------------

    def saved_searches(self) -> list[SavedSearch]:
        rows = self._db.execute("SELECT name, query, entity_key, created_at FROM saved_searches "
                                "ORDER BY created_at, name")
        return [SavedSearch(*row) for row in rows]

    def save_search(self, name: str, query: str, entity_key: str | None = None) -> bool:
        """Keep a query under a name (replacing one of that name); True when it is new."""
        name, query = " ".join(name.split()), query.strip()
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")
        with self.state.transaction() as db:
            new = db.execute("SELECT 1 FROM saved_searches WHERE name = ?", (name,)).fetchone() is None
            db.execute("INSERT INTO saved_searches(name, query, entity_key, created_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(name) DO UPDATE SET query = excluded.query, entity_key = excluded.entity_key",
                       (name, query, entity_key, time.time()))
        return new

    def remove_search(self, name: str) -> bool:
        with self.state.transaction() as db:
            return db.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0


    # -- backing up ------------------------------------------------------------------------

    def export_data(self) -> dict:
        """Subscriptions with everything known of them (tags, titles, fetch state), which
        feed each story came from, and the saved searches: plain JSON-able data."""
        return {
            "subscriptions": [{**s.to_json(), "user_title": s.user_title, "etag": s.etag, "modified": s.modified}
                              for s in self.subscriptions()],
            "entries": self.members(),
            "saved_searches": [{"name": s.name, "query": s.query, "entity_key": s.entity_key,
                                "created_at": s.created_at} for s in self.saved_searches()],
        }

    def import_data(self, data: dict) -> int:
        """Read back what ``export_data`` wrote (one transaction); the subscriptions taken.
        Unknown or malformed items are left out; nothing already here is removed."""
        subscriptions = [s for s in data.get("subscriptions") or [] if isinstance(s, dict)
                         and isinstance(s.get("url"), str) and s["url"]]
        entries = data.get("entries") if isinstance(data.get("entries"), dict) else {}
        searches = [s for s in data.get("saved_searches") or [] if isinstance(s, dict)
                    and isinstance(s.get("name"), str) and isinstance(s.get("query"), str)]

        def text(value: object) -> str | None:
            return value if isinstance(value, str) else None

        def number(value: object) -> float | None:
            return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

        with self.state.transaction() as db:
            for sub in subscriptions:
                tags = normalise_tags(t for t in sub.get("tags") or [] if isinstance(t, str))
                db.execute("INSERT OR IGNORE INTO feeds(url, added_at) VALUES (?, ?)",
                           (sub["url"], number(sub.get("added_at")) or time.time()))
                db.execute("UPDATE feeds SET title = ?, user_title = ?, tags = ?, checked_at = ?, success_at = ?, "
                           "error = ?, error_at = ?, etag = ?, modified = ?, full_text = ?, link = ? WHERE url = ?",
                           (text(sub.get("feed_title")), text(sub.get("user_title")), json.dumps(list(tags)),
                            number(sub.get("checked_at")), number(sub.get("success_at")), text(sub.get("error")),
                            number(sub.get("error_at")), text(sub.get("etag")), text(sub.get("modified")),
                            int(bool(sub.get("full_text"))), text(sub.get("link")), sub["url"]))
            db.executemany("INSERT OR REPLACE INTO feed_entries(article_id, feed_url) VALUES (?, ?)",
                           [(a, u) for a, u in entries.items() if isinstance(a, str) and isinstance(u, str)])
            for search in searches:
                db.execute("INSERT OR IGNORE INTO saved_searches(name, query, entity_key, created_at) "
                           "VALUES (?, ?, ?, ?)", (search["name"], search["query"], text(search.get("entity_key")),
                                                   number(search.get("created_at")) or time.time()))
        return len(subscriptions)


def _tags(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        return ()
    return normalise_tags(t for t in data if isinstance(t, str)) if isinstance(data, list) else ()


def _subscription(row: tuple) -> Subscription:
    (url, title, user_title, tags, added_at, checked_at, success_at, error, error_at, etag, modified,
     full_text, link) = row
    return Subscription(url, title, user_title, _tags(tags), added_at or 0.0, checked_at, success_at, error,
                        error_at, etag, modified, bool(full_text), link)
