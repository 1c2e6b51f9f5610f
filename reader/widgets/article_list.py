"""The article list: one option per article, title over source and date."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import Article


def article_prompt(article: Article) -> Content:
    """Two lines: the title, then source and date when known (all plain text)."""
    title = Content(article.title)
    details = " · ".join(p for p in (article.source, article.published) if p)
    if not details:
        return title
    return Content.assemble(title, "\n", Content.styled(details, "$text-muted"))


class ArticleList(OptionList):
    """Lists articles; Enter or a click opens the highlighted one."""

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        border: none;
        padding: 0;
        background: $panel;
        & > .option-list--option { padding: 0 1; }
    }
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Open", id="list.open"),
    ]

    class Opened(Message):
        """The person chose an article to read."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Replace the listed articles."""
        self.articles = list(articles)
        self.set_options(Option(article_prompt(a), id=a.id) for a in self.articles)
        if self.articles:
            self.highlighted = 0

    def highlight_article(self, article_id: str) -> None:
        """Move the highlight to an article without opening it."""
        for index, article in enumerate(self.articles):
            if article.id == article_id:
                self.highlighted = index
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self.articles[event.option_index]))
