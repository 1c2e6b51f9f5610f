"""Command palette providers: find and open an article by its title.

Titles, sources and what the person types are data: labels are ``Content`` and help
lines are escaped (the palette reads a help string as markup).
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

MAX_DISCOVERY = 20
LARGE_LIBRARY = 5_000
YIELD_EVERY = 2_000


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
        return (screen, screen.library_panel.catalog.entries) if screen else (None, [])

    def _open(self, screen, article) -> None:
        while self.app.screen is not screen and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        screen.open_entry(article)

    async def discover(self) -> Hits:
        screen, articles = self._articles()
        for article in articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(f"Open article: {article.title}"), partial(self._open, screen, article),
                               text=f"Open article: {article.title}")

    async def search(self, query: str) -> Hits:
        screen, articles = self._articles()
        matcher = self.matcher(query)
        # In a large library, fuzzy-match only titles holding every query word (a fast
        # substring test), and let the UI breathe every few thousand titles.
        words = query.casefold().split() if len(articles) > LARGE_LIBRARY else []
        for number, article in enumerate(articles):
            if number % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
            if words:
                title = article.title.casefold()
                if not all(word in title for word in words):
                    continue
            label = f"Open article: {article.title}"
            score = matcher.match(label)
            if score > 0:
                # Content(label), not matcher.highlight(): a title is data, never markup.
                yield Hit(score, Content(label), partial(self._open, screen, article), text=label,
                          help=escape(article.meta_line))


class LibraryCommands(Provider):
    """Add and refresh, sort and filter the article list, from the command palette."""

    def _main_screen(self):
        from reader.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _commands(self) -> list[tuple[str, object, str]]:
        screen = self._main_screen()
        if screen is None:
            return []
        from reader.widgets.article_list import SHOWS, SORTS

        article_list = screen.library_panel.article_list

        def run(action):
            def go() -> None:
                while self.app.screen is not screen and len(self.app.screen_stack) > 1:
                    self.app.pop_screen()
                action()
            return go

        def set_sort(sort: str):
            return run(lambda: setattr(article_list, "sort", sort))

        def set_show(show: str):
            return run(lambda: setattr(article_list, "show", show))

        def set_source(source: str | None):
            return run(lambda: article_list.filter_source(source))

        commands = [
            ("Add articles, pages or feeds…", run(screen.action_add), "Import files, folders or URLs (A)"),
            ("Refresh feeds", run(screen.action_refresh_feeds), "Fetch new entries of remembered feeds (R)"),
            ("Clear article filters", run(article_list.clear_filters), "Show every article again"),
        ]
        commands += [(f"Sort articles by {sort}", set_sort(sort), "o cycles the sort") for sort in SORTS]
        commands += [(f"Show {show} articles", set_show(show), "v cycles unread/starred/all") for show in SHOWS]
        commands += [(f"Show articles from {source}", set_source(source), "Filter the list to one source")
                     for source in article_list.sources()]
        return commands

    async def discover(self) -> Hits:
        for label, callback, help_text in self._commands()[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, Content(label), callback, text=label, help=help_text)
        screen = self._main_screen()
        phrase = query.strip()
        if screen is not None and len(phrase) >= 2:
            label = f"Show articles mentioning “{phrase}”"

            def mentioning() -> None:
                while self.app.screen is not screen and len(self.app.screen_stack) > 1:
                    self.app.pop_screen()
                screen.filter_mentioning(f"“{phrase}”", [phrase])

            # Content(label): the query is the person's text, shown literally.
            yield Hit(0.2, Content(label), mentioning, text=label, help="Filter the list to articles naming it")
