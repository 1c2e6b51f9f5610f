"""Wikipedia look-ups for the entity sidebar, as a part of it with its own workers: ``W`` on
the selected entity, the page the person chose among candidates, and ``auto`` mode for the
open story's entities. The workers call ``reader.wikipedia``; each result comes back as a
``WikipediaLookup.LookedUp`` message; every failure is one line (the result's message)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker

from reader.config import BackgroundSettings
from reader.config.settings import WIKIPEDIA_OFF
from reader.widgets.failures import worker_failed

if TYPE_CHECKING:
    from reader.entities.entity_info import EntityInfo

AUTO_TYPES = ("PERSON", "ORG", "PLACE", "EVENT")
MAX_AUTO = 12


class WikipediaLookup(Widget):
    """Runs look-ups off the UI thread (it shows nothing itself)."""

    DEFAULT_CSS = "WikipediaLookup { display: none; }"

    class LookedUp(Message):
        """A look-up finished: a note saved, candidates to choose from, or a message."""

        def __init__(self, key: str, result, auto: bool) -> None:  # noqa: ANN001 (reader.wikipedia.LookupResult)
            super().__init__()
            self.key = key
            self.result = result
            self.auto = auto

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._auto_done: set[str] = set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker_failed(self, event)  # a look-up that broke: one line; the panel stays as it was

    @property
    def settings(self) -> BackgroundSettings:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "background", None) or BackgroundSettings()

    @property
    def enabled(self) -> bool:
        """False while look-ups are off in the settings."""
        return self.settings.wikipedia != "off"

    def look_up(self, entity: EntityInfo, story_text: str, *, chosen: str | None = None,
                refresh: str | None = None, replace_own: bool = False) -> str | None:
        """Look ``entity`` up (a chosen page, or the saved page again with ``refresh``;
        ``replace_own``: the person said their own note may be replaced); returns why not,
        when look-ups are off."""
        if self.settings.wikipedia == "off":
            return WIKIPEDIA_OFF
        self._run(entity.key, entity.name, entity.type, story_text, chosen, refresh, ask=True, replace_own=replace_own)
        return None

    def auto(self, article_id: str, entities: Sequence[EntityInfo], story_text: str) -> None:
        """In ``auto`` mode, look up the open story's entities that have no note yet, once per
        story: only clear matches are saved, nothing is asked."""
        if self.settings.wikipedia != "auto" or article_id in self._auto_done:
            return
        self._auto_done.add(article_id)
        wanted = [e for e in entities if e.note is None and e.type in AUTO_TYPES]
        for entity in wanted[:MAX_AUTO]:
            self._run(entity.key, entity.name, entity.type, story_text, None, None, ask=False)

    @work(thread=True, group="wikipedia", exit_on_error=False, description="Could not look it up on Wikipedia")
    def _run(self, key: str, name: str, kind: str, text: str, chosen: str | None, refresh: str | None,
             ask: bool, replace_own: bool = False) -> None:
        from reader.wikipedia import WikipediaClient, look_up

        with WikipediaClient(language=self.settings.language, base_url=self.settings.base_url) as client:
            result = look_up(client, key, name, kind, text, chosen=chosen, ask=ask, refresh=refresh,
                             replace_own=replace_own)
        self.post_message(self.LookedUp(key, result, auto=not ask))
