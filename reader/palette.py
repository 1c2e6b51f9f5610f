"""Command palette providers: find and open an article by its title; the themes, the one in
use marked.

Titles, sources and what the person types are data: labels are ``Content`` and help
lines are escaped (the palette reads a help string as markup).
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.theme import ThemeProvider

from reader.library.titles import typed_with_accents

MAX_DISCOVERY = 20
LARGE_LIBRARY = 5_000  # from here the titles are first filtered by substring
MAX_CANDIDATES = 500  # titles fuzzy-scored per keystroke in a large library
MAX_HITS = 100


def back_to(screen) -> None:  # noqa: ANN001 - the main screen
    """Close the screens over ``screen`` (the palette, a pane), so a command acts on it."""
    app = screen.app
    while app.screen is not screen and len(app.screen_stack) > 1:
        app.pop_screen()


class OpenArticleCommands(Provider):
    """'Open article: <title>' for the articles whose titles match what is typed.

    The matching runs in a thread (a substring scan of the case-folded titles, then fuzzy
    scores for those candidates), so a keystroke never waits for 100,000 titles.
    """

    def _main_screen(self):
        from reader.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _open(self, screen, article) -> None:
        back_to(screen)
        screen.read_entry(article)

    async def discover(self) -> Hits:
        screen = self._main_screen()
        articles = screen.library_panel.catalog.entries if screen else []
        for article in articles[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(f"Open article: {article.title}"), partial(self._open, screen, article),
                               text=f"Open article: {article.title}")

    async def search(self, query: str) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        catalog = screen.library_panel.catalog
        matcher = self.matcher(query)

        def scored() -> list[tuple[float, object]]:
            entries = catalog.entries
            # the titles that hold every word typed; with none, in a small library, the titles
            # with the letters typed close together (a typo, "halibt": Halibut), never scattered ones
            titles = catalog.titles()
            found = titles.find(query, MAX_CANDIDATES)
            if not found and len(entries) <= LARGE_LIBRARY:
                found = titles.near(query)
            # "maori" scores "Māori" as the finder keeps it without accents, "maori"
            scored_as = titles.folded if typed_with_accents(query) else titles.bare
            hits = [(matcher.match(f"Open article: {scored_as[i]}"), entries[i]) for i in found]
            return sorted((h for h in hits if h[0] > 0), key=lambda h: -h[0])[:MAX_HITS]

        for score, article in await asyncio.to_thread(scored):
            label = f"Open article: {article.title}"
            # Content(label), not matcher.highlight(): a title is data, never markup.
            yield Hit(score, Content(label), partial(self._open, screen, article), text=label,
                      help=escape(article.meta_line))


_SOURCE_COMMAND = "Show articles from "
"""The start of the commands that filter the list to one source (one command per source)."""


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
                back_to(screen)
                action()
            return go

        def on_list(action):
            """``action`` on the list, shown with the focus in it (hidden, or swapped for the
            sidebar at 104-134 columns, the sorted or filtered list would not show)."""
            def go() -> None:
                action()
                screen.reveal_list()
            return run(go)

        def set_sort(sort: str):
            return on_list(lambda: setattr(article_list, "sort", sort))

        def set_show(show: str):
            return on_list(lambda: setattr(article_list, "show", show))

        def set_source(source: str | None):
            return on_list(lambda: article_list.filter_source(source))

        commands = [
            ("Add articles, pages or feeds…", run(screen.action_add), "Import files, folders or URLs (A)"),
            ("Refresh feeds", run(screen.action_refresh_feeds), "Fetch new entries of remembered feeds (R)"),
            ("Feeds: unread counts, updates and errors", run(screen.action_feeds),
             "Choose a feed, tag or saved search to show its stories (f)"),
            ("Clear article filters", on_list(article_list.clear_filters), "Show every article again"),
        ]
        if screen.column.article is not None:
            commands += [
                ("Open the story in the browser", run(screen.action_open_link), "Marks it read (O)"),
                ("Copy the story's link", run(screen.action_copy_link), "To the clipboard, and shown (y)"),
                ("Links of the story", run(screen.action_links), "Numbered; Enter opens one (L)"),
                ("Edit the story's tags…", run(screen.action_edit_tags), "Written into its file (T)"),
            ]
        entity = screen.sidebar.selected
        if entity is not None:
            commands.append((f"Follow {entity.name}", run(screen.action_follow),
                             "A saved search on it: its stories get their own count in the feeds view (F)"))
        commands += [(f"Sort articles by {sort}", set_sort(sort), "o cycles the sort") for sort in SORTS]
        commands += [(f"Show {show} articles", set_show(show), "v cycles unread/starred/all") for show in SHOWS]
        commands += [(f"{_SOURCE_COMMAND}{source}", set_source(source), "Filter the list to one source")
                     for source in article_list.sources()]
        commands += [(f"Theme: {name}", run(partial(setattr, self.app, "theme", name)),
                      "Use this theme (saved for next time; t lists them)")
                     for name in sorted(self.app.available_themes) if name != self.app.theme]
        return commands

    async def discover(self) -> Hits:
        for label, callback, help_text in self._commands()[:MAX_DISCOVERY]:
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = query.casefold().split()
        for label, callback, help_text in self._commands():
            if label.startswith(_SOURCE_COMMAND) and not all(w in label.casefold() for w in words):
                continue  # a source is data, as a title is: its words, not letters scattered over it
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, Content(label), callback, text=label, help=help_text)
        screen = self._main_screen()
        phrase = query.strip()
        if screen is not None and len(phrase) >= 2:
            label = f"Show articles mentioning “{phrase}”"

            def mentioning() -> None:
                back_to(screen)
                screen.filter_mentioning(f"“{phrase}”", [phrase])

            # Content(label): the query is the person's text, shown literally.
            yield Hit(0.2, Content(label), mentioning, text=label, help="Filter the list to articles naming it")
            searched = f"Search the library for “{phrase}”"

            def search_library() -> None:
                back_to(screen)
                screen.last_query = phrase
                screen.action_search()

            yield Hit(0.15, Content(searched), search_library, text=searched,
                      help="Ranked hits in every story's text; a misspelling gets a suggestion (s)")


class ThemeCommands(ThemeProvider):
    """Textual's list of themes (``App.search_themes``), each with its description (as
    ``reader themes`` prints it) and the theme in use marked."""

    def _help(self, name: str) -> str | None:
        loaded = getattr(self.app, "loaded_themes", None)
        info = loaded.themes.get(name) if loaded is not None else None
        parts = [info.description] if info is not None and info.description else []
        if name == self.app.theme:
            parts.append("the theme in use")
        text = " · ".join(parts)
        return text[:1].upper() + text[1:] if text else None

    async def discover(self) -> Hits:
        for name, callback in self.commands:
            yield DiscoveryHit(name, callback, help=self._help(name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback in self.commands:
            if (match := matcher.match(name)) > 0:
                yield Hit(match, matcher.highlight(name), callback, text=name, help=self._help(name))
