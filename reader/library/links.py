"""The links of a story, numbered for the links list: its own address first, then the
links its text pointed to (kept from a feed entry's HTML), then addresses written out in
the text itself, each once."""

from __future__ import annotations

import re

from reader.library.article import Article

__all__ = ["story_links"]

_URL = re.compile(r"https?://[^\s<>\"'“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»"
MAX_LINKS = 200


def story_links(article: Article) -> list[str]:
    """Every http(s) link of the story, in order, without repeats."""
    found: list[str] = []

    def add(url: str | None) -> None:
        if url and url.lower().startswith(("http://", "https://")) and url not in found and len(found) < MAX_LINKS:
            found.append(url)

    add(article.url)
    for url in article.links:
        add(url)
    for match in _URL.finditer(article.body):
        url = match.group()
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break  # a URL with balanced parentheses (Wikipedia's) keeps its last one
            url = url[:-1]
        add(url)
    return found
