"""Loaders: one file in, its articles and problems out, one module per format.

``load_file`` picks the loader by suffix. The loaders other than ``.txt`` are imported
when first used, so start-up pays only for the one the sample library needs.
"""

from __future__ import annotations

from pathlib import Path

from reader.loaders.txt import Loaded, load_txt

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
"""Suffixes of RSS/Atom feed files (each entry is an article)."""


def load_md(path: Path, article_id: str | None = None) -> Loaded:
    """Load a Markdown file (``reader.loaders.md``)."""
    from reader.loaders.md import load_md as load

    return load(path, article_id)


def load_html(path: Path, article_id: str | None = None) -> Loaded:
    """Load a saved web page (``reader.loaders.html``)."""
    from reader.loaders.html import load_html as load

    return load(path, article_id)


def load_feed(path: Path, article_id: str | None = None) -> Loaded:
    """Load an RSS or Atom feed file (``reader.loaders.feed``)."""
    from reader.loaders.feed import load_feed as load

    return load(path, article_id)


LOADERS = {
    ".txt": load_txt,
    ".md": load_md,
    ".markdown": load_md,
    ".html": load_html,
    ".htm": load_html,
    **{suffix: load_feed for suffix in FEED_SUFFIXES},
}
"""Suffix → loader: the files a library folder holds articles in."""


def article_id_of(path: Path, root: Path | None) -> str:
    """An article's id: its path below the library folder without the suffix (the file's
    stem for a file named directly)."""
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def load_file(path: Path, root: Path | None = None) -> Loaded:
    """Load one article file with the loader for its suffix (``.txt`` for an unknown one)."""
    loader = LOADERS.get(path.suffix.lower(), load_txt)
    return loader(path, article_id_of(path, root))


__all__ = ["FEED_SUFFIXES", "LOADERS", "Loaded", "article_id_of", "load_file"]
