"""The library: articles, their loaders and the library as a whole (no UI)."""

from reader.library.article import Article
from reader.library.library import Library, MissingPath, default_sources, load_library
from reader.library.problems import Problem

__all__ = ["Article", "Library", "MissingPath", "Problem", "default_sources", "load_library"]
