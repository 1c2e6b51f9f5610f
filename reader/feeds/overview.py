"""The feeds view as data: each feed, tag and saved search with its unread and total counts.

Pure functions over what the app (or ``reader feeds``) already holds: the catalog's
entries, the read and starred ids, the subscriptions, which feed each story came from and
which stories each saved search matches. The rows come in the order they are shown: All,
Unread, Starred, the feeds, the tags, the saved searches. Each row carries the ids that
choosing it shows (None for All, Unread and Starred, which are the list's own filters).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reader.feeds.store import SavedSearch, Subscription

__all__ = ["FeedRow", "overview", "stories_of_feeds", "tags_of"]

Kind = Literal["all", "unread", "starred", "feed", "tag", "search"]


@dataclass(frozen=True)
class FeedRow:
    """One line of the feeds view."""

    kind: Kind
    key: str
    """The feed's address, the tag, the saved search's name, or the kind."""
    title: str
    unread: int
    total: int
    ids: frozenset[str] | None = None
    subscription: Subscription | None = None
    search: SavedSearch | None = None
    pending: bool = False
    """A saved search whose counts are not known yet (the index is being built)."""

    def to_json(self) -> dict:
        data: dict[str, Any] = {"kind": self.kind, "title": self.title, "unread": self.unread, "total": self.total}
        if self.subscription is not None:
            data.update(self.subscription.to_json())
            data["title"] = self.title
        if self.search is not None:
            data.update({"name": self.search.name, "query": self.search.query, "entity": self.search.entity_key})
        if self.kind == "tag":
            data["tag"] = self.key
        if self.pending:
            data["unread"] = data["total"] = None
        return data


def stories_of_feeds(entries: Sequence[Any], subscriptions: Sequence[Subscription],
                     members: Mapping[str, str]) -> dict[str, set[str]]:
    """Feed address -> ids of its stories in the catalog. A story imported before reader
    kept where stories came from counts for the one feed whose title is its source."""
    by_url: dict[str, set[str]] = {s.url: set() for s in subscriptions}
    titles: dict[str, str | None] = {}
    for sub in subscriptions:
        if sub.feed_title:
            key = sub.feed_title.casefold()
            titles[key] = None if key in titles else sub.url  # two feeds of one title: ambiguous
    for entry in entries:
        url = members.get(entry.id)
        if url is None and entry.source and titles:
            url = titles.get(entry.source.casefold())
        if url in by_url:
            by_url[url].add(entry.id)
    return by_url


def tags_of(entries: Sequence[Any], subscriptions: Sequence[Subscription],
            stories: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Tag -> ids of the stories that carry it (in their file) or whose feed carries it."""
    by_tag: dict[str, set[str]] = {}
    names: dict[str, str] = {}

    def add(tag: str, ids: Iterable[str]) -> None:
        name = names.setdefault(tag.casefold(), tag)
        by_tag.setdefault(name, set()).update(ids)

    for sub in subscriptions:
        for tag in sub.tags:
            add(tag, stories.get(sub.url, ()))
    for entry in entries:
        for tag in getattr(entry, "tags", ()) or ():
            add(tag, (entry.id,))
    return dict(sorted(by_tag.items(), key=lambda item: item[0].casefold()))


def overview(entries: Sequence[Any], read: Iterable[str], starred: Iterable[str],
             subscriptions: Sequence[Subscription], members: Mapping[str, str],
             searches: Sequence[tuple[SavedSearch, set[str] | None]] = ()) -> list[FeedRow]:
    """The rows of the feeds view (see the module's docstring)."""
    present = {entry.id for entry in entries}
    read_ids = set(read) & present
    starred_ids = set(starred) & present

    def counts(ids: set[str]) -> tuple[int, int]:
        ids = ids & present
        return len(ids - read_ids), len(ids)

    rows = [
        FeedRow("all", "all", "All stories", len(present) - len(read_ids), len(present)),
        FeedRow("unread", "unread", "Unread", len(present) - len(read_ids), len(present) - len(read_ids)),
        FeedRow("starred", "starred", "Starred", len(starred_ids - read_ids), len(starred_ids)),
    ]
    stories = stories_of_feeds(entries, subscriptions, members)
    for sub in sorted(subscriptions, key=lambda s: s.title.casefold()):
        ids = stories.get(sub.url, set())
        unread, total = counts(ids)
        rows.append(FeedRow("feed", sub.url, sub.title, unread, total, frozenset(ids), subscription=sub))
    for tag, ids in tags_of(entries, subscriptions, stories).items():
        unread, total = counts(ids)
        rows.append(FeedRow("tag", tag, f"#{tag}", unread, total, frozenset(ids & present)))
    for search, ids in searches:
        if ids is None:
            rows.append(FeedRow("search", search.name, search.name, 0, 0, frozenset(), search=search, pending=True))
            continue
        unread, total = counts(ids)
        rows.append(FeedRow("search", search.name, search.name, unread, total, frozenset(ids & present),
                            search=search))
    return rows


def library_overview(library: Any, state: Any, *, catalog: Any = None, read: Iterable[str] | None = None,
                     starred: Iterable[str] | None = None, indexed: bool = True) -> list[FeedRow]:
    """The rows for a ``reader.core.Library``: its catalog (read now unless given), the
    reading state (read and starred from the database unless given), the subscriptions,
    and the saved searches counted in the index (``indexed=False``: not yet, the index is
    being built; their counts show as pending)."""
    from reader.feeds.saved import matching_ids
    from reader.feeds.store import FeedStore

    if catalog is None:
        catalog = library.catalog()
    if read is None or starred is None:
        states = state.all()
        read = [i for i, s in states.items() if s.read] if read is None else read
        starred = [i for i, s in states.items() if s.starred] if starred is None else starred
    store = FeedStore(state)
    searches = store.saved_searches()
    found: dict[str, set[str] | None] = {}
    if searches and indexed:
        index = library.open_index()
        try:
            found = matching_ids(index, searches)
        finally:
            index.close()
    return overview(catalog.entries, read, starred, store.subscriptions(), store.members(),
                    [(s, found.get(s.name)) for s in searches])
