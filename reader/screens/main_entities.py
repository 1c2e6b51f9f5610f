"""The main screen's entity side: recognition in a worker, the entity list, notes and mentions."""

from __future__ import annotations

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from reader.entities.model import MAX_RECOGNISED_CHARS, Span
from reader.entities.notes import Note
from reader.entities.summary import EntityInfo
from reader.library import Article
from reader.library.catalog import find_mentions
from reader.library.problems import Problem
from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.entity_list import EntityList
from reader.widgets.note_panel import NoteContext, NotePanel

MAX_LISTED_ARTICLES = 20
MAX_NOTE_PROBLEMS = 5


class EntitiesFound(Message):
    """The entities worker recognised the entities of an article."""

    def __init__(self, article: Article, spans: list[Span], entities: list[EntityInfo]) -> None:
        super().__init__()
        self.article = article
        self.spans = spans
        self.entities = entities


class NoteContextReady(Message):
    """The notes worker gathered what the panel shows for an entity."""

    def __init__(self, context: NoteContext) -> None:
        super().__init__()
        self.context = context


class EntitiesMixin:
    """Entities of the open article: highlights, the sidebar list, the note panel, mention keys.

    Mixed into ``MainScreen``; handlers follow Textual's naming convention.
    """

    entities: list[EntityInfo]
    selected: EntityInfo | None
    mention_index: int
    _reselect: str | None = None
    _reported_notes = False

    def reset_entities(self) -> None:
        """Forget the previous article's entities (called when an article opens)."""
        self.entities, self.selected, self.mention_index = [], None, 0
        self.query_one(EntityList).set_entities([])
        self.query_one(NotePanel).show(None)

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def recognise_entities(self, article: Article, reload_notes: bool = False) -> None:
        """Recognise the article's entities off the UI thread (builds the recogniser the first time)."""
        from reader.entities import service
        from reader.entities.summary import summarise

        recognizer = service.reload_knowledge_base() if reload_notes else service.get_recognizer()
        spans = recognizer.recognise(article.body[:MAX_RECOGNISED_CHARS])
        self.post_message(EntitiesFound(article, spans, summarise(article.body, spans, recognizer.kb)))

    def on_entities_found(self, message: EntitiesFound) -> None:
        if message.article is not self.article:
            return
        for problem in self._notes_problems():
            self.notify(str(problem), severity="warning", markup=False, timeout=8)
        self.entities = message.entities
        view = self.query_one(ArticleView)
        view.set_highlights("entities", [Highlight(s.start, s.end, f"entity-{s.type.lower()}") for s in message.spans])
        entity_list = self.query_one(EntityList)
        entity_list.set_entities(message.entities)
        entity_list.border_title = None
        wanted = self.selected.key if self.selected is not None else self._reselect
        self._reselect = None
        if wanted is not None:
            self.selected = None
            if any(e.key == wanted for e in self.entities):
                entity_list.select_key(wanted)

    def _notes_problems(self) -> list[Problem]:
        if self._reported_notes:
            return []
        self._reported_notes = True
        from reader.entities import service

        kb = service.get_recognizer().kb
        return [*kb.problems, *kb.warnings][:MAX_NOTE_PROBLEMS]

    def on_entity_list_selected(self, message: EntityList.Selected) -> None:
        self.select_entity(message.entity)

    def select_entity(self, entity: EntityInfo) -> None:
        """Mark every mention, scroll to the first and show the note."""
        self.selected = entity
        self.mention_index = 0
        view = self.query_one(ArticleView)
        view.set_highlights("selected", [Highlight(s, e, "entity-selected") for s, e in entity.mentions])
        view.scroll_to_offset(entity.first)
        self.refresh_bindings()
        self.gather_note_context(entity)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def gather_note_context(self, entity: EntityInfo) -> None:
        """The note, or the story's own words and the library count, off the UI thread."""
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
            # The library is a catalog (titles, not texts): find_mentions reads the files.
            worker = get_current_worker()
            ids = find_mentions(self.library, names_of(entity, body), ignore_case=False, titles=False,
                                cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            mentioning = [e for e in self.library.entries if e.id in ids]
            context.library_count = len(mentioning)
            context.articles = [(a.id, a.title) for a in mentioning[:MAX_LISTED_ARTICLES + 1]
                                if article is None or a.id != article.id][:MAX_LISTED_ARTICLES]
        self.post_message(NoteContextReady(context))

    def on_note_context_ready(self, message: NoteContextReady) -> None:
        if self.selected is not None and message.context.entity.key == self.selected.key:
            self.query_one(NotePanel).show(message.context)

    def on_note_panel_related_selected(self, message: NotePanel.RelatedSelected) -> None:
        entity = next((e for e in self.entities if e.key == message.note_id), None)
        if entity is not None:
            self.query_one(EntityList).select_key(entity.key)
            return
        from reader.entities import service

        kb = service.get_recognizer().kb
        note = kb.get(message.note_id)
        if note is not None:
            # not in this story: show the note alone
            self.selected = EntityInfo(note.id, note.name, note.type, [], note)
            self.query_one(ArticleView).set_highlights("selected", [])
            related = [(r, kb.get(r).name) for r in note.related if kb.get(r)]
            self.query_one(NotePanel).show(NoteContext(self.selected, note, related))

    def on_note_panel_article_chosen(self, message: NotePanel.ArticleChosen) -> None:
        article = self.library.get(message.article_id)
        if article is not None:
            self._reselect = message.entity_key
            self.open_article(article)

    def on_note_panel_write_requested(self, message: NotePanel.WriteRequested) -> None:
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
            self.recognise_entities(self.article, reload_notes=True)

    def _step_mention(self, step: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.mention_index = (self.mention_index + step) % len(entity.mentions)
        start, _ = entity.mentions[self.mention_index]
        self.query_one(ArticleView).scroll_to_offset(start)
        self.notify(f"{entity.name}: mention {self.mention_index + 1} of {len(entity.mentions)}", timeout=2,
                    markup=False)

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def can_step_mentions(self) -> bool:
        """True when an entity with mentions is selected (m/M do something)."""
        return self.selected is not None and bool(self.selected.mentions)
