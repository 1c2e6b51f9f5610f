"""The library: articles, the walk over their files, the catalog, reading state and imports
(no UI). ``reader.core.open_library`` is where the app and the commands start; the loaders
(``reader.loaders``) sit below this package and build its ``Article``."""

from reader.library.article import Article

__all__ = ["Article"]
