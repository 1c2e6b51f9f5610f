"""The one entry point to a library: which folders it is, and its catalog, state and index.

Above ``reader.library`` (files, catalog, state) and ``reader.search`` (the index): the
app and every sub-command start here.

``open_library()`` resolves the folders once, the same way for the app and every
sub-command (lemon24/reader's ``make_reader`` is the model):

- paths given on the command line are the library, as given;
- else the person's library: config.yaml's ``library:`` folders, plus the folder ``reader
  add`` imports into (``paths.library_dir()``) once it holds articles;
- else, while the person has no articles yet, the sample library shipped with reader.

The search index of the person's library (or of the sample, until there is one) lives in
the data folder; folders opened by path get an index of their own in the cache folder,
so reading a folder once never throws away the library's index.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reader import paths
from reader.library.files import MissingPath, Walk, is_article_name, walk
from reader.problems import Problem

if TYPE_CHECKING:  # imported when used: Whoosh and SQLite cost start-up time
    from reader.config import Settings
    from reader.library.catalog import Catalog, Progress
    from reader.library.state import StateStore
    from reader.search.index import LibraryIndex

Kind = Literal["own", "sample", "paths"]


@dataclass(frozen=True)
class Library:
    """A resolved library: its folders (or files), where its index lives, and what was
    wrong with the settings that named it. Cheap to make; opening its parts is not."""

    sources: tuple[Path, ...]
    kind: Kind
    index_dir: Path
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    settings: Settings | None = field(default=None, compare=False, repr=False)

    @property
    def is_sample(self) -> bool:
        """True while the sample library stands in for the person's own."""
        return self.kind == "sample"

    def watched_folders(self) -> tuple[Path, ...]:
        """The folders whose changes may change the list: the library's own and, while the
        sample stands in, the folder ``reader add`` fills (the person's first stories,
        added from a shell while the app runs, replace the sample)."""
        return (*self.sources, paths.library_dir()) if self.is_sample else self.sources

    def walk(self) -> Walk:
        """The article files of the library, now."""
        return walk(self.sources)

    def catalog(self, *, walked: Walk | None = None, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, shown: Catalog | None = None) -> Catalog:
        """The list of articles (metadata from a cache; only new or changed files are read;
        ``shown``: the ``cached_catalog()`` on screen, reused when nothing changed)."""
        from reader.library.catalog import load_catalog
        from reader.library.catalog_cache import snapshot_path

        return load_catalog(walked if walked is not None else self.walk(), cache_path=snapshot_path(self.sources),
                            progress=progress, cancelled=cancelled, shown=shown)

    def cached_catalog(self) -> Catalog | None:
        """The list as it was last seen, without walking the library (None the first time)."""
        from reader.library.catalog import cached_catalog
        from reader.library.catalog_cache import snapshot_path

        return cached_catalog(snapshot_path(self.sources))

    def open_index(self) -> LibraryIndex:
        """The library's search index (opened lazily; may not exist yet)."""
        from reader.search.documents import default_entity_keys
        from reader.search.index import LibraryIndex

        return LibraryIndex(self.index_dir, entity_keys=default_entity_keys())

    def open_state(self) -> StateStore:
        """Read marks, stars, positions and feeds (one database for every library)."""
        from reader.library.state import StateStore

        return StateStore()

    def mentioning(self, catalog: Catalog, *, key: str | None = None, names: Iterable[str] = (),
                   indexed: bool = True, cancelled: Callable[[], bool] | None = None,
                   progress: Progress | None = None) -> set[str]:
        """Ids of the articles that mention the entity ``key`` (by the index's entity keys)
        or, without a key, any of ``names`` (phrases, in any case). The files are read, by
        ``names``, only when there is no index to ask (``indexed=False``: it is still being
        built, so it would miss stories)."""
        names = [n for n in names if n.strip()]
        ids = self._indexed_mentions(key, names) if indexed else None
        if ids is not None:
            return ids
        from reader.library.mentions import scan_mentions

        return scan_mentions(catalog, names, ignore_case=key is None, titles=key is None, cancelled=cancelled,
                             progress=progress)

    def _indexed_mentions(self, key: str | None, names: list[str]) -> set[str] | None:
        from reader.search.mentions import ids_mentioning, ids_naming

        index = self.open_index()
        try:
            if key is not None:
                return ids_mentioning(index, key)
            found = [ids_naming(index, name) for name in names]
            return None if None in found else set().union(*found)
        finally:
            index.close()

    def index_arguments(self) -> list[str]:
        """The ``reader index`` arguments that name this library (none for the person's own)."""
        return [str(source) for source in self.sources] if self.kind == "paths" else []

    def reopened(self) -> Library:
        """The same library resolved again: after a first import the sample gives way to
        the person's own library."""
        if self.kind == "paths":
            return self
        return open_library(settings=self.settings)


def open_library(paths_given: Sequence[Path | str] = (), *, settings: Settings | None = None) -> Library:
    """The library named by ``paths_given``, else by config.yaml (read when ``settings`` is
    not given), else the sample. A path given that does not exist raises ``MissingPath``;
    a missing folder in config.yaml is a problem, and the rest of the library is used."""
    own = own_index_dir()
    if paths_given:
        sources = tuple(Path(p).expanduser() for p in paths_given)
        for source in sources:
            if not source.exists():
                raise MissingPath(str(source))
        folders, _ = own_folders(settings)
        if folders and _same(sources, folders):
            return Library(folders, "own", own, settings=settings)
        return Library(sources, "paths", _paths_index_dir(sources), settings=settings)
    folders, problems = own_folders(settings)
    if folders:
        return Library(folders, "own", own, tuple(problems), settings)
    return Library((paths.seeds_dir(),), "sample", own, tuple(problems), settings)


def own_folders(settings: Settings | None = None) -> tuple[tuple[Path, ...], list[Problem]]:
    """The person's library folders (none while they have no articles) and the problems
    with config.yaml's ``library:`` entries."""
    if settings is None:
        from reader.config import load_settings

        loaded = load_settings()
        settings, config_file = loaded.settings, loaded.path
    else:
        from reader.config import config_path

        config_file = config_path()
    problems: list[Problem] = []
    folders: list[Path] = []
    for folder in settings.library:
        if folder.exists():
            folders.append(folder)
        else:
            problems.append(Problem(config_file, f"library folder {folder} does not exist"))
    imported = paths.library_dir()
    if imported not in folders and _holds_articles(imported):
        folders.append(imported)
    return tuple(folders), problems


def _holds_articles(folder: Path) -> bool:
    """True when ``folder`` has at least one article file (stops at the first)."""
    if not folder.is_dir():
        return False
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if not any(part.startswith(".") for part in relative.parts) and is_article_name(path.name) \
                and path.is_file():
            return True
    return False


def _same(a: Iterable[Path], b: Iterable[Path]) -> bool:
    return sorted(str(Path(p).resolve()) for p in a) == sorted(str(Path(p).resolve()) for p in b)


def own_index_dir() -> Path:
    """Where the index of the person's library (or of the sample) lives."""
    return paths.data_dir() / "index"


def _paths_index_dir(sources: Iterable[Path]) -> Path:
    resolved = sorted(str(Path(s).resolve()) for s in sources)
    digest = hashlib.blake2b("\0".join(resolved).encode(), digest_size=8).hexdigest()
    return paths.cache_dir() / f"index-{digest}"
