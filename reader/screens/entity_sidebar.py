"""The entity sidebar: the open story's details, its entities, and the background of the one chosen.

It recognises the story's entities in a worker (after the text is on screen), lists them,
gathers the background of the chosen one (note, place facts, what the story says, the
library's dossier from the index) in another worker, steps through its mentions, looks
entities up on Wikipedia when asked (``reader.wikipedia``), and saves the notes the person
writes. It asks the screen to highlight and scroll the article with messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, work
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import OptionList
from textual.worker import Worker, get_current_worker

from reader.core import Library
from reader.entities.model import MAX_RECOGNISED_CHARS, OTHER, Span
from reader.library import Article
from reader.library.catalog import Catalog
from reader.text import other_script_share
from reader.screens.wikipedia_lookup import WikipediaLookup
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_view import Highlight
from reader.widgets.entity_list import EntityList
from reader.widgets.failures import worker_failed
from reader.widgets.note_panel import NotePanel

if TYPE_CHECKING:  # the entity modules are imported by the workers, after the story is on screen
    from reader.entities.background import Background
    from reader.entities.notes import Note
    from reader.entities.entity_info import EntityInfo

MAX_NOTE_PROBLEMS = 5
MAX_HISTORY = 20


SHORT_SIDEBAR_ROWS = 26
"""A sidebar lower than this leaves out the story's details."""
FIRST_BUILD_WAITING = "First start: reading name lists…"
"""(The first recognition of a data folder reads and caches the name lists: a few seconds.)"""
FOLLOW_AFTER_SECONDS = 0.1
"""How long the cursor rests on an entity before the panel shows it (a held key repeats
every 30-50 ms: the panel shows where it stops, not each entity passed)."""


class EntitySidebar(Vertical):
    """Details, entities and the background panel of the open story."""

    selected: var[EntityInfo | None] = var(None)
    """The entity whose background the panel shows."""

    DEFAULT_CSS = """
    EntitySidebar { width: 34; }
    EntitySidebar #article-details { height: auto; max-height: 8; }
    EntitySidebar #entities { height: 1fr; border-top: solid $panel-lighten-2; }
    EntitySidebar.-chosen #entities { height: auto; max-height: 50%; }
    EntitySidebar.-short #article-details { display: none; }
    EntitySidebar #note { height: auto; border-top: solid $panel-lighten-2; }
    EntitySidebar.-chosen #note { height: 1fr; }
    """
    # (With no entity chosen the panel below says one line: the list has every other row.)

    BINDINGS = [
        Binding("w", "write_note", "Write note", id="note.write"),
        Binding("backspace", "back", "Back", id="sidebar.back"),
    ]

    class Highlights(Message):
        """Show these highlights in the article (``layer``: "entities" or "selected")."""

        def __init__(self, layer: str, highlights: list[Highlight]) -> None:
            super().__init__()
            self.layer = layer
            self.highlights = highlights

    class FirstBuild(Message):
        """The recogniser is built for the first time (its name lists read): say it may take a while."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class ScrollTo(Message):
        """Scroll the article to this body offset (a mention); ``position`` says which
        ("Barack Obama: mention 9 of 12"), when stepped to with ``m`` / ``M``."""

        def __init__(self, offset: int, position: str = "") -> None:
            super().__init__()
            self.offset = offset
            self.position = position

    class OpenArticle(Message):
        """Open another story of the library (one that mentions the entity)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class EntitiesFound(Message):
        """The recognition worker found the entities of a story."""

        def __init__(self, article: Article, spans: list[Span], entities: list[EntityInfo],
                     roles: dict[str, list[str]]) -> None:
            super().__init__()
            self.article, self.spans, self.entities, self.roles = article, spans, entities, roles

    class NotesSaved(Message):
        """The person's notes changed and the recogniser now has them: the index can catch up."""

    class ContextReady(Message):
        """The background worker gathered what the panel shows for an entity."""

        def __init__(self, context: Background) -> None:
            super().__init__()
            self.context = context

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self.catalog = Catalog()
        self.article: Article | None = None
        self.entities: list[EntityInfo] = []
        self.roles: dict[str, list[str]] = {}
        self.mention_index = 0
        self.history: list[EntityInfo] = []
        self._reselect: str | None = None
        self._choose_when_listed = False
        """The sidebar was opened with its key while the entities were still on their way."""
        self._following: Timer | None = None
        self._reported_notes = False
        self._index = None
        self._gathering = threading.Lock()
        """One background gathered at a time: ``j`` held down starts a thread per entity, and
        they shared the index's open files ("unpack requires a buffer of 4 bytes")."""
        self.index_ready = False
        """True once the search index holds the whole library (the screen says so)."""
        self.parts_mounted = False
        """True once the sidebar's widgets are there (just after the first frame)."""
        self._waiting_for_parts: list[Callable[[], object]] = []
        self._replace_own: str | None = None
        """The entity whose own note the person agreed to replace with Wikipedia's summary."""

    def on_resize(self) -> None:
        """On a short screen (24 rows) the story's details give their rows to the entities
        and the note: the article's own header says its source and date."""
        self.set_class(self.size.height < SHORT_SIDEBAR_ROWS, "-short")

    def watch_selected(self, entity: EntityInfo | None) -> None:
        # The list has most of the height until an entity's background needs room (with
        # none chosen, the panel below says only "Choose an entity").
        self.set_class(entity is not None, "-chosen")

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_parts)

    async def _mount_parts(self) -> None:
        """Mount the details, the list and the panel after the first frame: their styles
        took 5-6 ms of a start (the sidebar is hidden below 135 columns, and the entities
        come from a worker after the story is on screen anyway)."""
        await self.mount_all([ArticleDetails(id="article-details"), EntityList(id="entities"), NotePanel(id="note"),
                              WikipediaLookup()])
        self.parts_mounted = True
        if self.article is not None:
            self.show_article(self.article)
        waiting, self._waiting_for_parts = self._waiting_for_parts, []
        for callback in waiting:
            callback()

    def when_ready(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the sidebar's widgets are there: at once, or just after the
        first frame (a key typed ahead as the app starts: ``e``, ``w``, ``m``)."""
        if self.parts_mounted:
            callback()
        else:
            self._waiting_for_parts.append(callback)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # the entities or the note may be missing; the story reads on
        if worker_failed(self, event) and event.worker.group == "entities":
            self.query_one(EntityList).set_entities([])  # no longer on their way (the notice says why)

    def on_unmount(self) -> None:
        if self._index is not None:
            self._index.close()

    def set_library(self, library: Library, catalog: Catalog) -> None:
        """The library whose index the dossier asks (given by the screen), once the screen
        says the index is ready."""
        if library != self.library and self._index is not None:
            self._index.close()
            self._index = None
        self.library, self.catalog = library, catalog
        self.index_ready = False

    def index(self):
        """The library's index, kept open (its searcher follows new commits)."""
        if self._index is None:
            self._index = self.library.open_index()
        return self._index

    # -- the open story --------------------------------------------------------------------

    def show_article(self, article: Article) -> None:
        """Describe a story just shown; its entities follow from a worker."""
        self.article = article
        if not self.parts_mounted:
            return  # described when they are (``_mount_parts``)
        self._stop_following()
        self.entities, self.roles, self.selected, self.mention_index = [], {}, None, 0
        self.history.clear()
        self.query_one(ArticleDetails).show(article)
        entity_list = self.query_one(EntityList)
        entity_list.show_waiting()
        # the person reads in the list (``]`` from it): the new story's first entity is shown
        # once listed, as ``e`` shows it, not "Choose an entity above"
        self._choose_when_listed = entity_list.has_focus
        self.query_one(NotePanel).show(None)
        self.call_after_refresh(self.recognise, article)  # the text first, colours a moment later

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False,
          description="Could not find the entities")
    def recognise(self, article: Article, reload_notes: bool = False) -> None:
        """Recognise the story's entities off the UI thread (builds the recogniser the first time)."""
        from reader.entities import service
        from reader.entities.summary import story_roles, summarise

        if service.first_build_ahead():
            self.post_message(self.FirstBuild(article))
        recognizer = service.reload_knowledge_base() if reload_notes else service.get_recognizer()
        if reload_notes:
            self.post_message(self.NotesSaved())
        body = article.body[:MAX_RECOGNISED_CHARS]
        spans = recognizer.recognise(body)
        entities = summarise(body, spans, recognizer.kb, article.title, recognizer.knowledge.given_names)
        self.post_message(self.EntitiesFound(article, spans, entities, story_roles(body, entities)))

    def on_entity_sidebar_first_build(self, message: FirstBuild) -> None:
        message.stop()
        entity_list = self.query_one(EntityList)
        if message.article is self.article and entity_list.waiting:
            entity_list.show_waiting(FIRST_BUILD_WAITING)

    def on_entity_sidebar_entities_found(self, message: EntitiesFound) -> None:
        message.stop()
        if message.article is not self.article:
            return
        for problem in self._notes_problems():
            self.notify(str(problem), severity="warning", markup=False, timeout=8)
        self.entities, self.roles = message.entities, message.roles
        self.post_message(self.Highlights(
            "entities", [Highlight(s.start, s.end, f"entity-{s.type.lower()}") for s in message.spans]))
        entity_list = self.query_one(EntityList)
        entity_list.set_entities(message.entities)
        if self._choose_when_listed and entity_list.has_focus and self.selected is None:
            self.call_after_refresh(self.choose_at_cursor)
        self._choose_when_listed = False
        if not message.entities:
            # "No entities" says it: nothing to choose (in another script, why there are none)
            self.query_one(NotePanel).show(None, prompt=_why_no_entities(message.article.body))
        shown_here = self.selected.key if self.selected is not None else None  # the same story, read again
        wanted = shown_here or self._reselect
        self._reselect = None
        if wanted is not None:
            self.selected = None
            if shown_here is not None:
                # a note was saved: shown again where the person reads (going to its first mention
                # closed the sidebar over the article and moved the text)
                info = entity_list.highlight_key(shown_here)
                if info is not None:
                    self.select(info, go_there=False)
            elif any(e.key == wanted for e in self.entities):
                entity_list.select_key(wanted)  # a story of its dossier opened: go to its first mention
        self.query_one(WikipediaLookup).auto(message.article.id, message.entities, message.article.body)

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
        self._stop_following()
        self.history.clear()
        self.select(message.entity)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The panel follows the person's cursor in the list (once it rests a moment, so a
        held key does not gather every entity's background on the way): the entity under it
        is chosen, its mentions marked, without moving the article (Enter goes there). The
        cursor the focus brings in is no move: the list keeps its height until a choice, and
        the first ``j`` shows that entity (``EntityList.action_cursor_down``)."""
        entities = self.query_one(EntityList)
        if event.option_list is not entities or not entities.has_focus:
            return  # a new story's list, or a move the app made: the person did not move
        if entities.placed_not_moved(event.option_index):
            return  # the cursor came in with the focus (kept: the first j shows it)
        info = entities.entity_at(event.option.id)
        if info is None or (self.selected is not None and info.key == self.selected.key):
            return
        self._stop_following()
        self._following = self.set_timer(FOLLOW_AFTER_SECONDS, lambda: self._follow_cursor(info))

    def choose_at_cursor(self) -> None:
        """Show the entity under the list's cursor when none is chosen (the sidebar was just
        opened with its key: the highlighted entity is the one the person expects to read)."""
        entity_list = self.query_one(EntityList)
        entity_list.place_on_first()  # (when the focus came before the entities)
        info = entity_list.entity_at_cursor()
        self._choose_when_listed = info is None and entity_list.waiting  # still recognising: when they come
        if info is not None and self.selected is None:
            self.history.clear()
            self.select(info, go_there=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tabbing into the list puts its cursor on the first entity (``EntityList.on_focus``):
        once it rests there a moment, as after a move, that entity is shown (a row drawn as
        the cursor's while the panel said "Choose an entity above" read as a choice that
        ``w`` and ``m`` then refused). A click that brought the focus chooses its own row: the
        rows do not move between its press and its release."""
        if isinstance(event.widget, EntityList) and self.selected is None:
            self._stop_following()
            self._following = self.set_timer(FOLLOW_AFTER_SECONDS, self._show_placed)

    def _show_placed(self) -> None:
        self._following = None
        entity_list = self.query_one(EntityList)
        if entity_list.has_focus and not entity_list.pressed_since_focus:
            self.choose_at_cursor()  # as ``e`` does

    def _follow_cursor(self, entity: EntityInfo) -> None:
        self._following = None
        if self.query_one(EntityList).entity_at_cursor() is entity:
            self.history.clear()
            self.select(entity, go_there=False)

    def _stop_following(self) -> None:
        if self._following is not None:
            self._following.stop()
            self._following = None

    def select(self, entity: EntityInfo, *, go_there: bool = True) -> None:
        """Mark every mention, scroll to the first (``go_there``; else the first ``m`` goes
        there) and gather the background. A choice made otherwise (a related entry, a
        co-mentioned name) wins over the cursor's pending one. Once shown, the entity the
        focus placed the cursor on is no longer waiting for the first ``j``."""
        self._stop_following()
        self.query_one(EntityList).placement_shown()
        self.selected = entity
        self.mention_index = 0 if go_there else -1
        self.query_one(NotePanel).candidates = []
        self._mark_mentions(entity)
        if entity.mentions and go_there:  # the first mention: where m / M count from
            self.post_message(self.ScrollTo(entity.first, self._position(entity)))
            self.query_one(NotePanel).set_current_mention(0)
        self.screen.refresh_bindings()
        self.gather_context(entity)

    def _mark_mentions(self, entity: EntityInfo) -> None:
        """Mark every mention in the article, the one gone to (Enter, ``m``, ``M``) as the
        current one, drawn as find draws its current match."""
        current = self.mention_index
        self.post_message(self.Highlights("selected", [
            Highlight(s, e, "match-current" if i == current else "entity-selected")
            for i, (s, e) in enumerate(entity.mentions)]))

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False,
          description="Could not gather the background")
    def gather_context(self, entity: EntityInfo) -> None:
        """Note, facts, the story's words and the library's dossier, off the UI thread."""
        from reader.about import background_for
        from reader.entities import service

        article = self.article if entity.mentions else None
        with self._gathering:
            if get_current_worker().is_cancelled:
                return  # another entity was chosen while this one waited its turn
            context = background_for(entity, service.get_recognizer().kb, article=article, roles=self.roles,
                                     story_entities=self.entities, index=self.index(), index_ready=self.index_ready)
        if self.history:
            context.back_to = self.history[-1].name
        self.post_message(self.ContextReady(context))

    def index_became_ready(self) -> None:
        """The library's part of the chosen entity's background, said to be on its way while
        the index was built, is filled in now (it stayed so until another entity was chosen)."""
        if not self.parts_mounted:
            return  # (nothing chosen yet)
        panel = self.query_one(NotePanel)
        if self.selected is not None and panel.context is not None and panel.context.library_state:
            self.gather_context(self.selected)

    def on_entity_sidebar_context_ready(self, message: ContextReady) -> None:
        message.stop()
        if self.selected is not None and message.context.entity.key == self.selected.key:
            panel = self.query_one(NotePanel)
            again = panel.context is not None and panel.context.entity.key == message.context.entity.key
            panel.show(message.context, keep_place=again)
            if again:
                panel.set_current_mention(self.mention_index)

    def _follow(self, entity: EntityInfo) -> None:
        """Show another entity's background, remembering this one for ``backspace``."""
        if self.selected is not None:
            self.history = [*self.history, self.selected][-MAX_HISTORY:]
        from reader.search.slugs import entity_slug  # the dossier names entities by their index slug

        slug = entity_slug(entity.key)
        in_story = next((e for e in self.entities if entity_slug(e.key) == slug), None)
        self.select(in_story or entity)

    def on_note_panel_related_selected(self, message: NotePanel.RelatedSelected) -> None:
        message.stop()
        from reader.entities import service
        from reader.entities.entity_info import EntityInfo

        note = service.get_recognizer().kb.get(message.note_id)
        if note is not None:
            self._follow(EntityInfo(note.id, note.name, note.type, [], note))

    def on_note_panel_entity_chosen(self, message: NotePanel.EntityChosen) -> None:
        message.stop()
        from reader.entities.entity_info import EntityInfo

        self._follow(EntityInfo(message.key, message.name, OTHER))

    def action_back(self) -> None:
        """Back to the entity shown before a related entry or a co-mentioned entity was followed."""
        if not self.history:
            self.notify("Nothing to go back to.", timeout=2)
            return
        entity = self.history.pop()
        self.select(entity)

    def on_note_panel_article_chosen(self, message: NotePanel.ArticleChosen) -> None:
        message.stop()
        self._reselect = message.entity_key
        self.post_message(self.OpenArticle(message.article_id))

    def on_note_panel_mention_chosen(self, message: NotePanel.MentionChosen) -> None:
        message.stop()
        self.step_mention(message.index - self.mention_index)

    # -- Wikipedia ---------------------------------------------------------------------------

    def action_look_up(self) -> None:
        """Look the selected entity up on Wikipedia (``W``); a note saved from Wikipedia is
        fetched again."""
        entity = self.selected
        if entity is None:
            self.notify("Choose an entity first, then W looks it up on Wikipedia.", timeout=3)
            return
        context = self.query_one(NotePanel).context
        note = context.note if context is not None else None
        refresh = None
        if note is not None and "/wiki/" in note.source_url:
            from urllib.parse import unquote

            refresh = unquote(note.source_url.rsplit("/wiki/", 1)[1]).replace("_", " ")
        text = self.article.body if self.article is not None and entity.mentions else ""
        if note is not None and note.user and refresh is None and self.query_one(WikipediaLookup).enabled:
            # the person's own words: replaced only when they say so (a new user's pass lost a note)
            from reader.screens.prompts import Choice  # noqa: PLC0415 - a dialog few look-ups need

            def answered(answer: str | None) -> None:
                if answer == "replace" and self.selected is not None and self.selected.key == entity.key:
                    self._replace_own = entity.key
                    self._look_up(entity, text, None, replace_own=True)

            self.app.push_screen(Choice(f"You wrote a note on {entity.name}. Replace it with Wikipedia's summary?",
                                        [("keep", "Keep my note"), ("replace", "Replace it")]), answered)
            return
        self._look_up(entity, text, refresh)

    def _look_up(self, entity: EntityInfo, text: str, refresh: str | None, replace_own: bool = False) -> None:
        refused = self.query_one(WikipediaLookup).look_up(entity, text, refresh=refresh, replace_own=replace_own)
        self.notify(refused or f"{'Refreshing' if refresh else 'Looking up'} {entity.name} on Wikipedia…",
                    timeout=5 if refused else 2, markup=False)

    def on_note_panel_candidate_chosen(self, message: NotePanel.CandidateChosen) -> None:
        message.stop()
        if self.selected is not None:
            text = self.article.body if self.article is not None else ""
            self.query_one(WikipediaLookup).look_up(self.selected, text, chosen=message.title,
                                                    replace_own=self._replace_own == self.selected.key)

    def on_wikipedia_lookup_looked_up(self, message: WikipediaLookup.LookedUp) -> None:
        message.stop()
        result = message.result
        selected = self.selected is not None and self.selected.key == message.key
        if result.candidates and selected:
            self.query_one(NotePanel).show_candidates([(c.title, c.title, c.description) for c in result.candidates])
            if not message.auto:  # the choice asked for, in sight and under the keys (it was below the dossier)
                choices = self.query_one("#wiki-candidates", OptionList)
                choices.focus()
                self.call_after_refresh(choices.scroll_visible, animate=False)
        if result.message and selected and not message.auto:
            self.notify(result.message, timeout=5, markup=False,
                        severity="information" if result.note or result.candidates else "warning")
        if result.note is not None:
            self.query_one(NotePanel).candidates = []
            self.notes_changed()

    # -- writing notes ---------------------------------------------------------------------

    def action_write_note(self) -> None:
        """Write (or edit) a note on the selected entity, from the list or the panel."""
        if self.selected is None:
            self.notify(self.none_chosen(), timeout=3, markup=False)
            return
        context = self.query_one(NotePanel).context
        note = context.note if context is not None and context.entity.key == self.selected.key else None
        self._edit(note, self.selected)

    def on_note_panel_write_requested(self, message: NotePanel.WriteRequested) -> None:
        message.stop()
        context = message.context
        self._edit(context.note, context.entity)

    def _edit(self, note: Note | None, entity: EntityInfo) -> None:
        """Edit ``note``, or a new note on ``entity`` when there is none."""
        from reader.entities.notes import Note
        from reader.screens.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(note or Note(entity.key, entity.name, entity.type)), self._save_note)

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
        self.notes_changed()

    def notes_changed(self) -> None:
        """The person's notes changed: recognise again with them (and show the new note)."""
        if self.article is not None:
            self.recognise(self.article, reload_notes=True)
        elif self.selected is not None:
            self.gather_context(self.selected)

    # -- mentions ----------------------------------------------------------------------------

    @property
    def how_to_choose(self) -> str:
        """How to get to the entity list from here, for a key that needs a chosen entity."""
        return "e shows the sidebar" if self.has_class("-hidden") else "Tab goes from pane to pane"

    def none_chosen(self, how: str = "No entity is selected: choose one in the entity list") -> str:
        """What a key that needs a chosen entity says when there is none: ``how`` to choose one,
        or that the story has none (its list says "No entities"), or that they are on their way."""
        entity_list = self.query_one(EntityList)
        if entity_list.waiting:
            return "The story's entities are still being recognised: choose one once they are listed."
        if not entity_list.entities:
            return "This story names no person, place or organisation to choose."
        return f"{how} ({self.how_to_choose})."

    @property
    def can_step_mentions(self) -> bool:
        """True when an entity with mentions is chosen (``m`` / ``M`` do something)."""
        return self.selected is not None and bool(self.selected.mentions)

    def step_mention(self, step: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            self.notify(self.none_chosen() if entity is None else f"{entity.name} is not mentioned in this story.",
                        timeout=3, markup=False)
            return
        at = self.mention_index if self.mention_index >= 0 else (-1 if step > 0 else 0)  # none yet: m first, M last
        self.mention_index = (at + step) % len(entity.mentions)
        start, _ = entity.mentions[self.mention_index]
        self._mark_mentions(entity)
        self.post_message(self.ScrollTo(start, self._position(entity)))
        self.query_one(NotePanel).set_current_mention(self.mention_index)

    def _position(self, entity: EntityInfo) -> str:
        """Which mention the article went to: "Barack Obama: mention 9 of 12"."""
        return f"{entity.name}: mention {self.mention_index + 1} of {len(entity.mentions)}"


NON_LATIN_SHARE = 0.5
"""Above this share of letters in other scripts, a story without entities says why."""


def _why_no_entities(body: str) -> str:
    """Why a story names no entity, when it is written mostly in another script (Russian,
    Chinese): recognition is made for the Latin script, so the list is not read as a story
    about no one ("" otherwise: "No entities" says it)."""
    if other_script_share(body[:2000]) > NON_LATIN_SHARE:
        return "Names are recognised in stories in the Latin script; in other scripts few or none are found."
    return ""
