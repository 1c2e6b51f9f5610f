"""The main screen's reading state: read marks, stars and the place in each story."""

from __future__ import annotations

from textual.css.query import NoMatches

from reader.library import Article
from reader.library.state import StateStore
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView


class ReadingStateMixin:
    """Keeps read marks, stars and reading positions in the state store for ``MainScreen``."""

    state: StateStore | None = None
    _saved_position: tuple[str, int] | None = None

    def _restore_position(self, article: Article, position: int, tries: int = 50) -> None:
        """Scroll so the body line holding ``position`` is the top line, once the text is wrapped."""
        view = self.query_one(ArticleView)
        if view.article is not article:
            return
        if not view.wrapped_lines or view.loading:
            if tries > 0:
                self.set_timer(0.02, lambda: self._restore_position(article, position, tries - 1))
            return
        view.scroll_to(y=view.line_of_offset(position), animate=False, immediate=True, force=True)

    def reading_position(self) -> int | None:
        """The body offset of the top line of the view (0 at the top of the article)."""
        view = self.query_one(ArticleView)
        lines = view.wrapped_lines
        if self.article is None or not lines or view.article is not self.article:
            return None
        y = int(view.scroll_offset.y)
        if y == 0:
            return 0
        for line in lines[y:]:
            if line.part == "body":
                return line.start
        return None

    def save_position(self) -> None:
        """Write the open article's position when it changed."""
        if self.article is None or self.state is None or not self.is_mounted:
            return
        try:
            position = self.reading_position()
        except NoMatches:
            return
        if position is None:
            return
        current = (self.article.id, position)
        if current != self._saved_position:
            self.state.set_position(*current)
            self._saved_position = current

    def _target_id(self) -> str | None:
        """The article a read/star key acts on: the list's cursor in the list, else the open one."""
        article_list = self.query_one(ArticleList)
        if self.focused is article_list and article_list.highlighted_article is not None:
            return article_list.highlighted_article.id
        return self.article.id if self.article is not None else None

    def action_toggle_read(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        article_list = self.query_one(ArticleList)
        if self.state is not None:
            value = self.state.toggle_read(article_id)
        else:
            value = article_id not in article_list.read
        article_list.set_read(article_id, value)

    def action_toggle_star(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        article_list = self.query_one(ArticleList)
        if self.state is not None:
            value = self.state.toggle_star(article_id)
        else:
            value = article_id not in article_list.starred
        article_list.set_starred(article_id, value)
