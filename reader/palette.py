"""Command palette providers: find and open an article by its title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

MAX_DISCOVERY = 20


class OpenArticleCommands(Provider):
    """'Open article: <title>' for every article of the library."""

    def _main_screen(self):
        from reader.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _articles(self):
        screen = self._main_screen()
        return (screen, screen.library.articles) if screen else (None, [])

    def _open(self, screen, article) -> None:
        while self.app.screen is not screen and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        screen.open_article(article)

    async def discover(self) -> Hits:
        screen, articles = self._articles()
        for article in articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(f"Open article: {article.title}"), partial(self._open, screen, article),
                               text=f"Open article: {article.title}")

    async def search(self, query: str) -> Hits:
        screen, articles = self._articles()
        matcher = self.matcher(query)
        for article in articles:
            label = f"Open article: {article.title}"
            score = matcher.match(label)
            if score > 0:
                # Content(label), not matcher.highlight(): a title is data, never markup.
                yield Hit(score, Content(label), partial(self._open, screen, article), text=label,
                          help=article.meta_line)
