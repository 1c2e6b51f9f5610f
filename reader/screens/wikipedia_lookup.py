"""Wikipedia look-ups for the entity sidebar: ``W`` on the selected entity, the choice among
candidates, and ``auto`` mode for the open story's entities. Workers call
``reader.wikipedia``; results come back as messages; every failure is one line."""

from __future__ import annotations

from textual import work
from textual.message import Message

from reader.config import BackgroundSettings
from reader.entities.model import OTHER
from reader.widgets.note_panel import NotePanel

AUTO_TYPES = ("PERSON", "ORG", "PLACE", "EVENT")
MAX_AUTO = 12


class WikipediaLookup:
    """The sidebar's Wikipedia part (mixed into ``EntitySidebar``: it needs its entities,
    selection and note panel, and runs its workers on it)."""

    class LookedUp(Message):
        """A look-up finished: a note saved, candidates to choose from, or a message."""

        def __init__(self, key: str, result) -> None:  # noqa: ANN001 (reader.wikipedia.LookupResult)
            super().__init__()
            self.key = key
            self.result = result

    @property
    def background_settings(self) -> BackgroundSettings:
        settings = getattr(self.app, "settings", None)
        return getattr(settings, "background", None) or BackgroundSettings()

    def _client(self):
        from reader.wikipedia import WikipediaClient

        settings = self.background_settings
        return WikipediaClient(language=settings.language, base_url=settings.base_url)

    def action_look_up(self) -> None:
        """Look the selected entity up on Wikipedia (``W``)."""
        entity = self.selected
        if entity is None:
            self.notify("Choose an entity first, then W looks it up on Wikipedia.", timeout=3)
            return
        if self.background_settings.wikipedia == "off":
            self.notify("Wikipedia look-ups are off (config.yaml: background: wikipedia: ask).", timeout=5)
            return
        note = self.query_one(NotePanel).context.note if self.query_one(NotePanel).context else None
        refresh = None
        if note is not None and note.source_url and "/wiki/" in note.source_url:
            from urllib.parse import unquote

            refresh = unquote(note.source_url.rsplit("/wiki/", 1)[1]).replace("_", " ")
        self.notify(f"{'Refreshing' if refresh else 'Looking up'} {entity.name} on Wikipedia…", timeout=2,
                    markup=False)
        self.look_up(entity.key, entity.name, entity.type, None, refresh=refresh)

    def on_note_panel_candidate_chosen(self, message: NotePanel.CandidateChosen) -> None:
        message.stop()
        entity = self.selected
        if entity is not None:
            self.look_up(entity.key, entity.name, entity.type, message.title)

    @work(thread=True, group="wikipedia", exit_on_error=False, description="Could not look it up on Wikipedia")
    def look_up(self, key: str, name: str, kind: str, chosen: str | None, ask: bool = True,
                refresh: str | None = None) -> None:
        from reader.wikipedia import look_up

        text = self.article.body if self.article is not None else ""
        with self._client() as client:
            result = look_up(client, key, name, kind, text, chosen=chosen, ask=ask, refresh=refresh)
        self.post_message(self.LookedUp(key, result))

    def on_wikipedia_lookup_looked_up(self, message: LookedUp) -> None:
        message.stop()
        result = message.result
        selected = self.selected is not None and self.selected.key == message.key
        if result.candidates and selected:
            self.query_one(NotePanel).show_candidates(
                [(c.title, c.title, c.description) for c in result.candidates])
        if result.message and selected:
            self.notify(result.message, timeout=5, markup=False,
                        severity="information" if result.note or result.candidates else "warning")
        if result.note is not None:
            self.query_one(NotePanel).candidates = []
            self.notes_changed()

    def story_entities_ready(self) -> None:
        """In ``auto`` mode, look up the open story's entities that have no note yet (only
        clear matches are saved; nothing is asked)."""
        if self.background_settings.wikipedia != "auto" or self.article is None:
            return
        done = self.__dict__.setdefault("_auto_done", set())
        if self.article.id in done:
            return
        done.add(self.article.id)
        wanted = [e for e in self.entities if e.note is None and e.type in AUTO_TYPES and e.type != OTHER]
        for entity in wanted[:MAX_AUTO]:
            self.look_up(entity.key, entity.name, entity.type, None, ask=False)
