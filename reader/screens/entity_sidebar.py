"""The entity sidebar: the open story's details, its entities, and the note on the one chosen.

It recognises the story's entities in a worker (after the text is on screen), lists them,
gathers what the note panel shows for the chosen one (the note, or what the story and the
library say about it) in another worker, steps through its mentions, and saves the notes
the person writes. It asks the screen to highlight and scroll the article with messages.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.worker import Worker, get_current_worker

from reader.core import Library
from reader.entities.model import MAX_RECOGNISED_CHARS, Span
from reader.entities.notes import Note
from reader.entities.summary import EntityInfo
from reader.library import Article
from reader.library.catalog import Catalog
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_view import Highlight
from reader.widgets.entity_list import EntityList
from reader.widgets.failures import worker_failed
from reader.widgets.note_panel import NoteContext, NotePanel

MAX_LISTED_ARTICLES = 20
MAX_NOTE_PROBLEMS = 5


class EntitySidebar(Vertical):
    """Details, entities and the note panel of the open story."""

    DEFAULT_CSS = """
    EntitySidebar { width: 34; }
    EntitySidebar #article-details { height: auto; max-height: 6; }
    EntitySidebar #entities { height: 1fr; border-top: solid $panel-lighten-2; }
    EntitySidebar #note { height: 1fr; border-top: solid $panel-lighten-2; }
    """

    class Highlights(Message):
        """Show these highlights in the article (``layer``: "entities" or "selected")."""

        def __init__(self, layer: str, highlights: list[Highlight]) -> None:
            super().__init__()
            self.layer = layer
            self.highlights = highlights

    class ScrollTo(Message):
        """Scroll the article to this body offset (a mention)."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class OpenArticle(Message):
        """Open another story of the library (one that mentions the entity)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class EntitiesFound(Message):
        """The recognition worker found the entities of a story."""

        def __init__(self, article: Article, spans: list[Span], entities: list[EntityInfo]) -> None:
            super().__init__()
            self.article, self.spans, self.entities = article, spans, entities

    class ContextReady(Message):
        """The notes worker gathered what the panel shows for an entity."""

        def __init__(self, context: NoteContext) -> None:
            super().__init__()
            self.context = context

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self.catalog = Catalog()
        self.article: Article | None = None
        self.entities: list[EntityInfo] = []
        self.selected: EntityInfo | None = None
        self.mention_index = 0
        self._reselect: str | None = None
        self._reported_notes = False
        self.index_ready = False
        """True once the search index holds the whole library (the screen says so)."""

    def compose(self) -> ComposeResult:
        yield ArticleDetails(id="article-details")
        yield EntityList(id="entities")
        yield NotePanel(id="note")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker_failed(self, event)  # the entities or the note may be missing; the story reads on

    def set_library(self, library: Library, catalog: Catalog) -> None:
        """The library whose stories "mentioned in" lists (given by the screen); its index is
        asked once the screen says it is ready."""
        self.library, self.catalog = library, catalog
        self.index_ready = False

    # -- the open story --------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Describe a story just shown; its entities follow from a worker."""
        self.article = article
        self.entities, self.selected, self.mention_index = [], None, 0
        self.query_one(ArticleDetails).show(article)
        self.query_one(EntityList).set_entities([])
        self.query_one(NotePanel).show(None)
        self.call_after_refresh(self.recognise, article)  # the text first, colours a moment later

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False,
          description="Could not find the entities")
    def recognise(self, article: Article, reload_notes: bool = False) -> None:
        """Recognise the story's entities off the UI thread (builds the recogniser the first time)."""
        from reader.entities import service
        from reader.entities.summary import summarise

        recognizer = service.reload_knowledge_base() if reload_notes else service.get_recognizer()
        spans = recognizer.recognise(article.body[:MAX_RECOGNISED_CHARS])
        self.post_message(self.EntitiesFound(article, spans, summarise(article.body, spans, recognizer.kb)))

    def on_entity_sidebar_entities_found(self, message: EntitiesFound) -> None:
        message.stop()
        if message.article is not self.article:
            return
        for problem in self._notes_problems():
            self.notify(str(problem), severity="warning", markup=False, timeout=8)
        self.entities = message.entities
        self.post_message(self.Highlights(
            "entities", [Highlight(s.start, s.end, f"entity-{s.type.lower()}") for s in message.spans]))
        entity_list = self.query_one(EntityList)
        entity_list.set_entities(message.entities)
        wanted = self.selected.key if self.selected is not None else self._reselect
        self._reselect = None
        if wanted is not None:
            self.selected = None
            if any(e.key == wanted for e in self.entities):
                entity_list.select_key(wanted)

    def _notes_problems(self) -> list:
        if self._reported_notes:
            return []
        self._reported_notes = True
        from reader.entities import service

        kb = service.get_recognizer().kb
        return [*kb.problems, *kb.warnings][:MAX_NOTE_PROBLEMS]

    # -- the chosen entity -----------------------------------------------------------------

    def on_entity_list_selected(self, message: EntityList.Selected) -> None:
        message.stop()
        self.select(message.entity)

    def select(self, entity: EntityInfo) -> None:
        """Mark every mention, scroll to the first and gather the note."""
        self.selected = entity
        self.mention_index = 0
        self.post_message(self.Highlights("selected", [Highlight(s, e, "entity-selected") for s, e in entity.mentions]))
        self.post_message(self.ScrollTo(entity.first))
        self.screen.refresh_bindings()
        self.gather_context(entity)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False,
          description="Could not gather the background")
    def gather_context(self, entity: EntityInfo) -> None:
        """The note, or the story's own words and the library's stories, off the UI thread."""
        from reader.entities import service
        from reader.entities.summary import names_of, role_of, sentence_at

        article = self.article
        body = article.body if article else ""
        kb = service.get_recognizer().kb
        note = kb.get(entity.key)
        related = [(r, kb.get(r).name) for r in (note.related if note else ()) if kb.get(r)]
        context = NoteContext(entity, note, related)
        if note is None or note.user:
            context.sentence = sentence_at(body, entity.first)
            context.role = role_of(body, entity)
            worker = get_current_worker()
            ids = self.library.mentioning(self.catalog, key=entity.key, names=names_of(entity, body),
                                          indexed=self.index_ready, cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            mentioning = [e for e in self.catalog.entries if e.id in ids]
            context.library_count = len(mentioning)
            context.articles = [(a.id, a.title) for a in mentioning[:MAX_LISTED_ARTICLES + 1]
                                if article is None or a.id != article.id][:MAX_LISTED_ARTICLES]
        self.post_message(self.ContextReady(context))

    def on_entity_sidebar_context_ready(self, message: ContextReady) -> None:
        message.stop()
        if self.selected is not None and message.context.entity.key == self.selected.key:
            self.query_one(NotePanel).show(message.context)

    def on_note_panel_related_selected(self, message: NotePanel.RelatedSelected) -> None:
        message.stop()
        entity = next((e for e in self.entities if e.key == message.note_id), None)
        if entity is not None:
            self.query_one(EntityList).select_key(entity.key)
            return
        from reader.entities import service

        kb = service.get_recognizer().kb
        note = kb.get(message.note_id)
        if note is not None:  # not in this story: show the note alone
            self.selected = EntityInfo(note.id, note.name, note.type, [], note)
            self.post_message(self.Highlights("selected", []))
            related = [(r, kb.get(r).name) for r in note.related if kb.get(r)]
            self.query_one(NotePanel).show(NoteContext(self.selected, note, related))

    def on_note_panel_article_chosen(self, message: NotePanel.ArticleChosen) -> None:
        message.stop()
        self._reselect = message.entity_key
        self.post_message(self.OpenArticle(message.article_id))

    # -- writing notes ---------------------------------------------------------------------

    def on_note_panel_write_requested(self, message: NotePanel.WriteRequested) -> None:
        message.stop()
        from reader.screens.note_editor import NoteEditor

        context = message.context
        base = context.note or Note(context.entity.key, context.entity.name, context.entity.type)
        self.app.push_screen(NoteEditor(base), self._save_note)

    def _save_note(self, note: Note | None) -> None:
        if note is None:
            return
        from reader.entities.notes import save_user_note

        try:
            path = save_user_note(note)
        except (OSError, ValueError) as error:
            self.notify(f"The note was not saved: {error}", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Saved the note on {note.name} to {path}", markup=False, timeout=4)
        if self.article is not None:
            self.recognise(self.article, reload_notes=True)

    # -- mentions ----------------------------------------------------------------------------

    @property
    def can_step_mentions(self) -> bool:
        """True when an entity with mentions is chosen (``m`` / ``M`` do something)."""
        return self.selected is not None and bool(self.selected.mentions)

    def step_mention(self, step: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.mention_index = (self.mention_index + step) % len(entity.mentions)
        start, _ = entity.mentions[self.mention_index]
        self.post_message(self.ScrollTo(start))
        self.notify(f"{entity.name}: mention {self.mention_index + 1} of {len(entity.mentions)}", timeout=2,
                    markup=False)
