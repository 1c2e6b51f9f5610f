"""Following and unfollowing feeds, and marking their stories read, without a UI.

``subscribe`` remembers a feed's address (an http(s) URL, or a feed file) before anything
is fetched, so a feed whose first fetch fails is still followed and says why on the next
look. ``unsubscribe`` forgets it and, when asked, removes the stories it brought: only
files reader wrote itself (in its own library folder), and never a starred one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.feeds.store import FeedStore, Subscription, feed_address
from reader.library.state import StateStore

__all__ = ["Unsubscribed", "rename", "subscribe", "unsubscribe"]


class NotAFeedAddress(ValueError):
    """What was given is neither an http(s) URL nor an existing file."""


def subscribe(state: StateStore, address: str, *, tags: Iterable[str] = (), title: str | None = None,
              full_text: bool | None = None) -> tuple[Subscription, bool]:
    """Follow ``address`` (a URL, or a feed file); returns the subscription and whether it is new."""
    text = str(address).strip()
    if not text.lower().startswith(("http://", "https://", "file://")):
        path = Path(text).expanduser()
        if not path.is_file():
            raise NotAFeedAddress(f"{text}: neither an http(s) URL nor a feed file")
    url = feed_address(text)
    store = FeedStore(state)
    new = store.subscribe(url, tags=tags, full_text=full_text, user_title=title)
    if not new and title and title.strip():
        _retitle_stories(store, url)  # followed already: its stories take the new name too
    found = store.get(url)
    assert found is not None
    return found, new


def rename(state: StateStore, url: str, title: str | None, *, library_dir: Path | None = None) -> int:
    """Give the feed the person's ``title`` (None or "": its own again), and write the name
    into the ``source:`` of the stories it brought, so the list, the palette and ``source:``
    searches say it too; returns how many stories changed (files not reader's own, or not
    editable, keep theirs)."""
    store = FeedStore(state)
    store.rename(url, title)
    return _retitle_stories(store, url, library_dir)


def _retitle_stories(store: FeedStore, url: str, library_dir: Path | None = None) -> int:
    """Write the feed's title into the ``source:`` of the stories it brought; how many changed."""
    from reader.library.tagging import TagsNotEditable, set_story_source  # noqa: PLC0415

    sub = store.get(url)
    if sub is None or (not sub.user_title and not sub.feed_title):
        return 0  # no name yet to give its stories (never refreshed)
    folder = library_dir if library_dir is not None else paths.library_dir()
    changed = 0
    for article_id in store.members_of(url):
        try:
            changed += set_story_source(folder / f"{article_id}.txt", sub.title)
        except TagsNotEditable:
            continue  # gone, or no longer reader's to rewrite
    return changed


@dataclass
class Unsubscribed:
    """What unsubscribing did with the feed's stories."""

    subscription: Subscription
    removed: list[str] = field(default_factory=list)
    kept_starred: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Stories left in place: asked to keep them, or not reader's own files."""

    def summary(self) -> str:
        parts = [f"Unsubscribed from {self.subscription.title}"]
        if self.removed:
            parts.append(f"{len(self.removed):,} stor{'y' if len(self.removed) == 1 else 'ies'} removed")
        if self.kept_starred:
            parts.append(f"{len(self.kept_starred):,} starred kept")
        if self.kept:
            parts.append(f"{len(self.kept):,} stor{'y' if len(self.kept) == 1 else 'ies'} kept")
        return "; ".join(parts) + "."


def unsubscribe(state: StateStore, subscription: Subscription, *, keep_stories: bool,
                library_dir: Path | None = None) -> Unsubscribed:
    """Stop following the feed; with ``keep_stories=False`` its stories' files go too
    (those reader wrote into its library folder; starred ones stay)."""
    folder = library_dir if library_dir is not None else paths.library_dir()
    ids = FeedStore(state).unsubscribe(subscription.url)
    result = Unsubscribed(subscription)
    if keep_stories:
        result.kept = ids
        return result
    starred = {i for i, s in state.all().items() if s.starred}
    for article_id in ids:
        if article_id in starred:
            result.kept_starred.append(article_id)
            continue
        path = folder / f"{article_id}.txt"
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue  # already gone
        except OSError:
            result.kept.append(article_id)
            continue
        result.removed.append(article_id)
    return result
