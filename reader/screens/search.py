"""The library search pane: a query box that searches as you type, and ranked hits.

Searching runs in an exclusive thread worker after a short pause in typing (a newer
keystroke cancels the older search; a late result of a cancelled search is dropped).
Enter opens the chosen story (the screen is dismissed with a ``SearchChoice``), Esc
goes back with nothing. While the index is being built the status line follows the
build (``index_changed``), and the query runs again once the index is ready.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Label
from textual.worker import Worker, get_current_worker

from reader.dates import display_date
from reader.search import IndexProblem, LibraryIndex, SearchResults, search
from reader.search.snippets import MatchPlan
from reader.widgets.failures import worker_failed
from reader.widgets.fitted_footer import FittedFooter
from reader.widgets.ordered_input import OrderedInput
from reader.widgets.search_hits import HitRow, SearchHits

DEBOUNCE_SECONDS = 0.05
"""How long typing must pause before a search starts: a search at 100k takes 10-45 ms now
(it was 0.15 s when a search could take seconds; hits then came 0.2-0.3 s after a key)."""
LIMIT = 50
RETRY_EVERY_SECONDS = 1.0
"""While a build runs, a query that found no index yet is tried again this often."""


@dataclass(frozen=True)
class SearchChoice:
    """The story chosen in the search pane, and how to find the query's matches in its body
    (found in the body as shown when it opens: the index may predate a change)."""

    article_id: str
    query: str
    plan: MatchPlan | None = None


TYPE_TO_SEARCH = "Type to search. Fields: title: source: entity: type: published:[2020 TO 2021]"
"""The empty box's line: the fields the placeholder has no room for."""


NEXT_HIT = Binding("down", "screen.step_hits(1)", "Choose hit", key_display="↓↑",
                   tooltip="Next hit (↑ the previous); Enter opens it", id="search.next_hit")
PREVIOUS_HIT = Binding("up", "screen.step_hits(-1)", "Previous hit", show=False, id="search.previous_hit")


class QueryInput(OrderedInput):
    """The query field: Down and Up choose a hit while it keeps the focus, as in a command
    palette, and the footer says so (a field's own Up and Down, which scroll it, would hide
    the screen's keys from the footer)."""

    BINDINGS = [NEXT_HIT, PREVIOUS_HIT]
    HELP_HIDE = frozenset({PREVIOUS_HIT.action})  # "↓↑ Next hit (↑ the previous)" says it
    HELP_SKIP = True  # (listed under the library search's keys)


class SearchScreen(Screen[SearchChoice | None]):
    """Search the whole library."""

    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen #search-box {
        width: 100%;
        max-width: 110;
        height: 1fr;
        border: round $primary;
        border-title-color: $text;
        padding: 0 1;
    }
    SearchScreen #search-input { margin-bottom: 0; }
    SearchScreen #search-status { color: $text-muted; width: 100%; height: auto; padding: 0 1; }
    SearchScreen #search-status.-error { color: $text-error; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        # the query keeps the focus while the arrows choose a hit, as in a command palette (Tab goes to the hits)
        NEXT_HIT,  # (the query field's keys, listed here for help)
        PREVIOUS_HIT,
        Binding("ctrl+l", "to_query", "Query", id="search.to_query"),
    ]
    HELP_NAME = "Library search"
    HELP_HIDE = frozenset({PREVIOUS_HIT.action})  # help lists "↓↑ Next hit (↑ the previous)" once

    class Found(Message):
        """A search finished (``generation`` says which keystroke it answers)."""

        def __init__(self, results: SearchResults, generation: int) -> None:
            super().__init__()
            self.results = results
            self.generation = generation

    def __init__(self, index: LibraryIndex, query: str = "", indexing: Callable[[], str | None] | None = None,
                 broken: Callable[[], None] | None = None) -> None:
        """``indexing()`` says what the index is doing (None when it is up to date);
        ``broken()`` is called when a search fails on the index, to check and repair it."""
        super().__init__()
        self.broken = broken or (lambda: None)
        self.index = index
        self.initial_query = query
        self.indexing = indexing or (lambda: None)
        self.results: SearchResults | None = None
        self._generation = 0
        self._shown_generation = -1
        """The keystroke whose answer is on screen (older than ``_generation`` while one is on its way)."""
        self._open_when_found = False
        """Enter came before the answer to the query typed: it opens the first hit when it comes."""
        self._timer: Timer | None = None
        self._retried_at = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search the library"
            # short enough for an 80-column terminal; the status line names the other fields
            yield QueryInput(value=self.initial_query, id="search-input",
                               placeholder='words "a phrase" negot* shimonseki~ -excluded OR title: published:2021')
            yield Label(TYPE_TO_SEARCH, id="search-status")
            yield SearchHits(id="search-hits")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self.initial_query:
            self._start_search()

    # -- searching ---------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._generation += 1
        self._open_when_found = False
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._start_search)

    def _start_search(self) -> None:
        text = self.query_one("#search-input", Input).value
        generation = self._generation
        if not text.strip():
            self.workers.cancel_group(self, "search")
            self.results = None
            self.query_one(SearchHits).set_hits([])
            self._set_status(TYPE_TO_SEARCH)
            return
        self.run_search(text, generation)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="The search failed")
    def run_search(self, text: str, generation: int) -> None:
        """Search off the UI thread; a cancelled (superseded) search posts nothing."""
        worker = get_current_worker()
        try:
            results = search(self.index, text, limit=LIMIT, prefix_last=True)
        except IndexProblem as problem:
            results = SearchResults(text, error=f"search is not ready: {problem}")
        if not worker.is_cancelled or results.error:
            self.post_message(self.Found(results, generation))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if worker_failed(self, event):
            self._set_status("The search failed; try another query.", error=True)

    def on_search_screen_found(self, message: Found) -> None:
        if message.results.error:
            self.broken()  # the main screen checks (and repairs) the index
        if message.generation != self._generation:
            return  # an older keystroke's answer
        results = message.results
        same_query = self.results is not None and self.results.text == results.text  # asked again (the index grew)
        self.results = results
        self._shown_generation = message.generation
        rows = [HitRow(hit.id, hit.title, " · ".join(p for p in (hit.source, display_date(hit.published)) if p),
                       hit.snippet, hit.snippet_spans) for hit in results.hits]
        self.query_one(SearchHits).set_hits(rows, keep_chosen=same_query)
        status = results.message
        if results.error:
            indexing = self.indexing()
            if indexing:
                status = f"{results.error} ({indexing})"
        elif self.indexing():
            status += f" in what is indexed so far · {self.indexing()}"
        if results.suggestion and not results.hits:
            status += " Enter takes it"
        self._set_status(status, error=bool(results.error))
        if self._open_when_found:
            self._open_when_found = False
            self._enter()

    def index_changed(self, state: str | None) -> None:
        """The index is being built (``state``: "indexing 300 of 3,000") or is ready (None).

        The status line follows the build; an answer from an index that was missing or
        partial is asked again: when the index is ready, and meanwhile every second while
        there was no index at all (the build commits as it goes)."""
        results = self.results
        if results is None or not self.query_one("#search-input", Input).value.strip():
            return
        if state is None:
            self._start_search()
        elif results.error:
            self._set_status(f"{results.error} ({state})", error=True)
            if time.monotonic() - self._retried_at >= RETRY_EVERY_SECONDS:
                self._retried_at = time.monotonic()
                self._start_search()
        else:
            self._set_status(f"{results.message} in what is indexed so far · {state}")

    def _set_status(self, text: str, *, error: bool = False) -> None:
        label = self.query_one("#search-status", Label)
        label.update(Content(text))
        label.set_class(error, "-error")
        self.status_text = text

    status_text: str = ""

    # -- choosing ----------------------------------------------------------

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter opens the chosen hit; with none, it takes the spelling suggested ("kenia": kenya).
        Pressed before the answer to what was typed came (a query pasted, then Enter), it waits
        for that answer: the hits on screen were an older query's."""
        event.stop()
        if self._shown_generation != self._generation and event.value.strip():
            self._open_when_found = True
            if self._timer is not None:
                self._timer.stop()
            self._start_search()  # now, not after the pause for more keys
            self._set_status("Searching…")
            return
        self._enter()

    def _enter(self) -> None:
        hits = self.query_one(SearchHits)
        if hits.rows:
            self._choose(hits.rows[hits.highlighted or 0].id)
        elif self.results is not None and self.results.suggestion:
            field = self.query_one("#search-input", Input)
            field.value = self.results.suggestion
            field.cursor_position = len(field.value)

    @on(SearchHits.Chosen)
    def _chosen(self, message: SearchHits.Chosen) -> None:
        self._choose(message.hit_id)

    def _choose(self, hit_id: str) -> None:
        results = self.results
        if results is None:
            return
        hit = next((h for h in results.hits if h.id == hit_id), None)
        if hit is not None:
            self.dismiss(SearchChoice(hit.id, results.text, hit.plan))

    def action_back(self) -> None:
        self.workers.cancel_group(self, "search")
        self.dismiss(None)

    def action_step_hits(self, step: int) -> None:
        """Highlight the next (1) or previous (-1) hit; Enter in the query opens it."""
        hits = self.query_one(SearchHits)
        if not hits.rows:
            return
        if step > 0:
            hits.action_cursor_down()
        else:
            hits.action_cursor_up()

    def action_to_query(self) -> None:
        self.query_one("#search-input", Input).focus()
