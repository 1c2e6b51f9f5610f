"""Facts about the open article: credit, length, reading time and file."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.dates import display_datetime
from reader.library import Article
from reader.library.article import counted_in_characters


LABEL_WIDTH = 10
"""The labels' column ("Characters" is the longest)."""


class ArticleDetails(Static):
    """A short list of what is known about the open article: one line per fact, its label
    beside it and a value too long for the line cut with an ellipsis, so a long source name
    never pushes the other facts out of the box."""

    DEFAULT_CSS = """
    ArticleDetails { padding: 0 1; height: auto; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(self, article: Article | None) -> None:
        """Describe ``article`` (or nothing)."""
        if article is None:
            self.update("")
            return
        rows = [
            ("Source", article.source),
            ("Published", display_datetime(article.published)),
            ("By", article.byline),
            ("Credit", article.credit),
            ("Characters" if counted_in_characters(article.body) else "Words", f"{article.word_count:,}"),
            ("Reading", f"{article.reading_minutes} min"),
            ("Tags", ", ".join(article.tags) or None),
            ("File", article.path.name if article.path else None),
        ]
        parts: list[Content | str] = []
        for label, value in rows:
            if value:
                if parts:
                    parts.append("\n")
                parts += [Content.styled(label.ljust(LABEL_WIDTH), "bold $text-muted"), " ",
                          Content(" ".join(value.split()))]
        self.update(Content.assemble(*parts))
