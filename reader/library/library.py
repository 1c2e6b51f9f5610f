"""Finding and loading a library of articles from files and folders."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.library.article import Article
from reader.library.problems import Problem
from reader.library.txt_loader import Loaded, load_txt

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
"""Suffixes of RSS/Atom feed files (each entry is an article)."""


# The other loaders are imported when first used: start-up does not pay for them.
def load_md(path: Path, article_id: str | None = None) -> Loaded:
    """Load a Markdown file (``reader.library.md_loader``)."""
    from reader.library.md_loader import load_md as load

    return load(path, article_id)


def load_html(path: Path, article_id: str | None = None) -> Loaded:
    """Load a saved web page (``reader.library.html_loader``)."""
    from reader.library.html_loader import load_html as load

    return load(path, article_id)


def load_feed(path: Path, article_id: str | None = None) -> Loaded:
    """Load an RSS or Atom feed file (``reader.library.feed_loader``)."""
    from reader.library.feed_loader import load_feed as load

    return load(path, article_id)


LOADERS = {
    ".txt": load_txt,
    ".md": load_md,
    ".markdown": load_md,
    ".html": load_html,
    ".htm": load_html,
    **{suffix: load_feed for suffix in FEED_SUFFIXES},
}


class MissingPath(Exception):
    """A path given by the person does not exist."""


@dataclass
class Library:
    """Articles in a stable order, and the problems met loading them."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, article_id: str) -> Article | None:
        """The article with this id, if any."""
        return next((a for a in self.articles if a.id == article_id), None)


def article_files(folder: Path) -> Iterator[Path]:
    """Article files below ``folder``, in name order, skipping hidden files and folders."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in LOADERS:
            yield path


def _article_id(path: Path, root: Path | None) -> str:
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def load_file(path: Path, root: Path | None = None) -> Loaded:
    """Load one article file with the loader for its suffix."""
    loader = LOADERS.get(path.suffix.lower(), load_txt)
    return loader(path, _article_id(path, root))


def iter_sources(sources: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """Each article file with the folder it came from (none for a file named directly)."""
    for source in sources:
        source = Path(source)
        if source.is_dir():
            for path in article_files(source):
                yield path, source
        elif source.exists():
            yield source, None
        else:
            raise MissingPath(str(source))


def check_paths(sources: Iterable[Path]) -> None:
    """Raise ``MissingPath`` for the first source that does not exist."""
    for source in sources:
        if not Path(source).exists():
            raise MissingPath(str(source))


def load_library(sources: Iterable[Path]) -> Library:
    """Load every article below the given files and folders."""
    library = Library()
    seen: set[str] = set()
    for path, root in iter_sources(list(sources)):
        loaded = load_file(path, root)
        library.problems.extend(loaded.problems)
        for article in loaded.articles:
            if article.id in seen:
                library.problems.append(Problem(path, f"another article already has the id {article.id!r}; skipped"))
                continue
            seen.add(article.id)
            library.articles.append(article)
    return library


def default_sources() -> list[Path]:
    """The person's library when it has articles, else the sample library."""
    own = paths.library_dir()
    if own.is_dir() and next(article_files(own), None) is not None:
        return [own]
    return [paths.seeds_dir()]
