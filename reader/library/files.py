"""The one walk over a library: which article files there are below its folders.

The catalog, the search index, imports and exports all take their files from ``walk``,
so they agree on what an article file is: a known suffix, not hidden (no part of its
path below the folder starts with "."), and not a project file such as README.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reader.loaders import LOADERS, Loaded, article_id_of, load_file
from reader.library.article import Article
from reader.bulk import collector_paused
from reader.problems import Problem

NOT_STORIES = frozenset({
    "readme", "license", "licence", "copying", "changelog", "changes", "contributing",
    "authors", "notice", "code_of_conduct", "security",
})
"""File stems (in any case) of a folder's project files: never taken as stories."""


class MissingPath(Exception):
    """A path given by the person does not exist."""


class ArticleFile(NamedTuple):
    """One article file as walked: what the catalog and the index need of its ``stat``.

    A named tuple: a walk of 100,000 files makes 100,000 of them.
    """

    path: str
    root: str | None
    """The library folder it was found in (``None`` for a file named directly)."""
    size: int
    mtime_ns: int

    @property
    def id(self) -> str:
        """The id its article gets (a feed file's articles get ids of their own)."""
        return article_id_of(Path(self.path), Path(self.root) if self.root else None)

    def load(self) -> Loaded:
        """Read and parse the file."""
        return load_file(Path(self.path), Path(self.root) if self.root else None)


@dataclass
class Walk:
    """The article files below some sources, and what could not be read."""

    files: list[ArticleFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: int = 0
    """Files below the folders that are not article files (other suffixes, project files)."""
    ignored_names: dict[str, int] = field(default_factory=dict)
    """The first few of their names, with how many files have each (one more name than
    ``IGNORED_NAMES_KEPT``: a report names that many and says whether there were more)."""


IGNORED_NAMES_KEPT = 3


_SUFFIXES = tuple(LOADERS)


def is_article_name(name: str) -> bool:
    """True for a file name with a loader's suffix that is not a project file."""
    lower = name.lower()
    return lower.endswith(_SUFFIXES) and lower[:lower.rfind(".")] not in NOT_STORIES


def walk(sources: Iterable[Path | str]) -> Walk:
    """Every article file below ``sources`` (folders, searched recursively, or files), in
    name order within each folder. A source that does not exist raises ``MissingPath``."""
    with collector_paused():
        return _walk(sources)


def _walk(sources: Iterable[Path | str]) -> Walk:
    result = Walk()
    for source in sources:
        source = Path(source)
        if source.is_dir():
            result.files.extend(_walk_folder(str(source), result))
        elif source.exists():
            try:
                stat = source.stat()
                result.files.append(ArticleFile(str(source), None, stat.st_size, stat.st_mtime_ns))
            except OSError as error:
                result.problems.append(Problem(source, f"cannot be read: {error.strerror or error}"))
        else:
            raise MissingPath(str(source))
    return result


def _walk_folder(folder: str, result: Walk) -> list[ArticleFile]:
    """The article files below ``folder``, sorted by their path below it (``os.scandir``: one
    ``stat`` per file; symlinked folders are not followed, so a loop cannot walk forever)."""
    found: list[tuple[str, ArticleFile]] = []
    stack = [("", folder)]
    while stack:
        prefix, directory = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError as error:
            result.problems.append(Problem(directory, f"cannot be read: {error.strerror or error}"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((f"{prefix}{name}/", entry.path))
                elif not entry.is_file():
                    continue
                elif is_article_name(name):
                    stat = entry.stat()
                    # sorted as path parts: "/" below every other character
                    found.append((f"{prefix}{name}".replace("/", "\0"),
                                  ArticleFile(entry.path, folder, stat.st_size, stat.st_mtime_ns)))
                else:
                    result.ignored += 1
                    kept = result.ignored_names
                    if name in kept or len(kept) <= IGNORED_NAMES_KEPT:
                        kept[name] = kept.get(name, 0) + 1
            except OSError as error:
                result.problems.append(Problem(entry.path, f"cannot be read: {error.strerror or error}"))
    found.sort(key=lambda item: item[0])
    return [file for _, file in found]


class LoadedArticles(NamedTuple):
    """Every article of some sources, read in full, and the problems met."""

    articles: list[Article]
    problems: list[Problem]


def load_all(sources: Iterable[Path | str]) -> LoadedArticles:
    """Read every article below ``sources`` in full (for small libraries, tests and tools;
    the app and the CLI use the catalog, which reads only what changed)."""
    walked = walk(sources)
    articles: list[Article] = []
    problems = list(walked.problems)
    seen: set[str] = set()
    for file in walked.files:
        loaded = file.load()
        problems.extend(loaded.problems)
        for article in loaded.articles:
            if article.id in seen:
                problems.append(Problem(file.path, f"another article already has the id {article.id!r}; skipped"))
                continue
            seen.add(article.id)
            articles.append(article)
    return LoadedArticles(articles, problems)
