"""The background of the selected entity: its note, facts, what the story and the library say.

Sections, in order, each shown only when there is something in it: the note (with where
it comes from and its ``as_of``), facts about a place (generated, with their source), "In
this story" (an X-Ray strip of its mentions, the roles the story gives it, the sentence
that introduces it) and "In your library" (stories over time, the first and the latest,
roles, entities mentioned with it). It only shows what it is given and posts messages up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from reader.widgets.mention_strip import MentionStrip

if TYPE_CHECKING:
    from reader.entities.background import Background

__all__ = ["NotePanel"]

_LISTS = ("note-related", "dossier-stories", "dossier-with", "wiki-candidates")
MAX_ROLES_SHOWN = 6
PEOPLE_SHOWN = 8
"""People named on a body's or a place's "People:" line; more are counted ("and 2 more")."""
CHOOSE_PROMPT = "Choose an entity above."  # one line of the sidebar (28 cells inside)


class PanelList(OptionList):
    """A list inside the panel (related notes, the dossier's stories and names): ``j``/``k``
    move in it and ``g``/``G`` go to its ends, as in the entity list (the panel's own keys
    scroll the panel)."""

    HELP_NAME = "Lists in the note panel"
    BINDINGS = [
        Binding("j", "cursor_down", "Move", key_display="j/k", tooltip="Down", id="note.list_down"),
        Binding("k", "cursor_up", "Up", show=False, id="note.list_up"),
        Binding("g", "first", "First", show=False, id="note.list_first"),
        Binding("G", "last", "Last", show=False, id="note.list_last"),
    ]

    def on_focus(self) -> None:
        """Come in on the first entry, so that Enter opens it (nothing was highlighted)."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_cursor_down(self) -> None:
        """Down in the list; past its last entry, ``j`` scrolls the panel on (read on)."""
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.query_ancestor(NotePanel).scroll_down(animate=False)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up in the list; above its first entry, ``k`` scrolls the panel back."""
        if self.highlighted is not None and self.highlighted <= 0:
            self.query_ancestor(NotePanel).scroll_up(animate=False)
        else:
            super().action_cursor_up()


class NotePanel(VerticalScroll):
    """Note, facts, story and library sections of the selected entity."""

    DEFAULT_CSS = """
    NotePanel { height: 1fr; padding: 0 1; }
    NotePanel:focus { outline-left: tall $accent; background-tint: $foreground 3%; }  /* (over the padding) */
    NotePanel Static { height: auto; }
    NotePanel OptionList { height: auto; max-height: 8; border: none; padding: 0 0 0 1; background: transparent; }
    /* focused, a bar over the padding and no border: one would push the rows down under the click that focused it */
    NotePanel OptionList:focus { border: none; outline-left: tall $accent; background-tint: $foreground 5%; }
    NotePanel .section { margin-top: 1; text-style: bold; color: $text-muted; }
    NotePanel Sparkline { height: 2; margin-top: 1; }
    NotePanel #note-write { margin-top: 1; width: auto; min-width: 16; }
    NotePanel .-hidden { display: none; }
    """

    BINDINGS = [
        Binding("w", "write_note", "Write note", id="note.write"),
        Binding("j", "scroll_down", "Scroll", key_display="j/k", tooltip="Down", id="note.down"),
        Binding("k", "scroll_up", "Up", show=False, id="note.up"),
        Binding("g", "scroll_home", "Top", show=False, id="note.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="note.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="note.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="note.page_up"),
    ]

    class RelatedSelected(Message):
        """A related entry was chosen."""

        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    class ArticleChosen(Message):
        """A library story in the dossier (the first or the latest) was chosen."""

        def __init__(self, article_id: str, entity_key: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.entity_key = entity_key

    class EntityChosen(Message):
        """An entity mentioned with this one was chosen: show its background."""

        def __init__(self, key: str, name: str) -> None:
            super().__init__()
            self.key = key
            self.name = name

    class CandidateChosen(Message):
        """The person chose which Wikipedia page is about this entity."""

        def __init__(self, title: str) -> None:
            super().__init__()
            self.title = title

    class MentionChosen(Message):
        """A mention on the strip was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class WriteRequested(Message):
        """The person wants to write (or edit) a note on this entity."""

        def __init__(self, context: Background) -> None:
            super().__init__()
            self.context = context

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.context: Background | None = None
        self.candidates: list[tuple[str, str, str]] = []
        self._shown: set[str] | None = None
        """While ``show`` fills the sections: the ids of those to show (their classes are set
        once at its end: each change of a class restyles the widget)."""
        self.can_focus = False  # nothing to scroll or choose until an entity is shown: Tab passes by

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(CHOOSE_PROMPT, "$text-muted"), id="note-text")
        # the sections under the note come with the first entity shown (``_sections``)

    def _sections(self) -> bool:
        """Mount the sections under the note (hidden until filled) when first wanted: the
        panel starts with no entity, and their widgets' styles take start-up time. False
        when they are not there: the panel is closing (the app quit while a background was
        on its way, and Textual mounts nothing then)."""
        if not self.query_children("#note-related"):
            self.mount_all(self._section_widgets())
        return bool(self.query_children("#note-related"))

    def _section_widgets(self) -> ComposeResult:
        from textual.widgets import Sparkline  # (with the sections: it imports statistics)

        yield PanelList(id="note-related", classes="-hidden")
        yield Static("In this story", id="story-head", classes="section -hidden")
        yield MentionStrip(id="story-strip", classes="-hidden")
        yield Static(id="story-text", classes="-hidden")
        yield Static("In your library", id="library-head", classes="section -hidden")
        yield Sparkline([], id="library-sparkline", classes="-hidden")
        yield Static(id="library-text", classes="-hidden")
        yield PanelList(id="dossier-stories", classes="-hidden")
        yield Static(id="dossier-roles", classes="-hidden")
        yield Static(Content.styled("Mentioned with (Enter shows its background):", "bold"), id="dossier-with-head",
                     classes="-hidden")
        yield PanelList(id="dossier-with", classes="-hidden")
        yield Static(id="wiki-head", classes="section -hidden")
        yield PanelList(id="wiki-candidates", classes="-hidden")
        yield Button("Write a note", id="note-write", classes="-hidden", compact=True)

    # -- showing ---------------------------------------------------------------------------

    def show(self, context: Background | None, prompt: str = CHOOSE_PROMPT, keep_place: bool = False) -> None:
        """Show an entity's background (or ``prompt``: to choose one; "" when there is none to
        choose). ``keep_place``: the same entity's background again, filled in further (the
        panel stays where it was read, its mention strip on the mention gone to)."""
        if context is not None and not self._sections():
            return  # closing: nothing to show it in
        self.context = context
        self.can_focus = context is not None
        for list_id in _LISTS:
            for widget in self.query(f"#{list_id}").results(OptionList):  # none before the first entity
                widget.clear_options()
        text = self.query_one("#note-text", Static)
        self._shown = shown = set()
        try:
            if context is None:
                text.update(Content.styled(prompt, "$text-muted"))
            else:
                text.update(self._note_and_facts(context))
                self._fill_list("note-related", [(i, Content.assemble("→ ", Content(n))) for i, n in context.related])
                self._show_story(context)
                self._show_library(context)
                self.show_candidates(self.candidates if self.candidates else [])
                button = self.query_one("#note-write", Button)
                button.label = "Edit my note" if context.note and context.note.user else "Write a note"
                self._reveal(button)
        finally:
            self._shown = None
        for widget in self.query("#note-related, .section, MentionStrip, Static, OptionList, Sparkline, Button"):
            if widget.id != "note-text":
                widget.set_class(widget.id not in shown, "-hidden")
        if keep_place:
            self.call_after_refresh(self._keep_place, self.scroll_y)
            return
        self.scroll_home(animate=False)  # not left where the last entity's background was read

    def _keep_place(self, y: float) -> None:
        """Back to ``y`` once refilled, if the refill pulled the panel up (not if the person
        scrolled further meanwhile: going back to where it was then undid their scroll)."""
        if self.scroll_y < y:
            self.scroll_to(y=y, animate=False)

    def _reveal(self, widget: Widget, visible: bool = True) -> None:
        """Show (or hide) a section: at the end of ``show`` when it is filling them, else now."""
        if self._shown is None:
            widget.set_class(not visible, "-hidden")
        elif visible:
            self._shown.add(widget.id)
        else:
            self._shown.discard(widget.id)

    def set_current_mention(self, index: int) -> None:
        """Mark the mention ``m``/``M`` moved to."""
        if self._sections():
            self.query_one(MentionStrip).current = index

    def show_candidates(self, candidates: list[tuple[str, str, str]], heading: str = "") -> None:
        """Wikipedia pages that may be about this entity, to choose from: (title, label, description)."""
        self.candidates = list(candidates)
        if not self._sections():
            return
        head = self.query_one("#wiki-head", Static)
        head.update(heading or "Which Wikipedia page is it? (Enter chooses)")
        self._reveal(head, bool(candidates))
        self._fill_list("wiki-candidates", [(title, Content.assemble(Content(label), (f" — {description}"
                                                                                    if description else "",
                                                                                    "$text-muted")))
                                            for title, label, description in candidates])

    def _fill_list(self, list_id: str, options: list[tuple[str, Content]]) -> None:
        widget = self.query_one(f"#{list_id}", OptionList)
        widget.clear_options()
        widget.add_options([Option(prompt, id=option_id) for option_id, prompt in options])
        self._reveal(widget, bool(options))

    def _note_and_facts(self, context: Background) -> Content:
        from reader.entities.background import note_credit  # (not at start-up: a panel fills after the story shows)

        entity, note = context.entity, context.note
        parts: list[Content] = []
        if context.back_to:
            parts.append(Content.styled(f"⌫ back to {context.back_to}\n", "$text-muted"))
        parts.append(Content.styled(note.name if note else entity.name, "bold"))
        kind = (note.type if note else entity.type).title()
        count = f" · {entity.count} mention{'s' if entity.count != 1 else ''} here" if entity.mentions else ""
        parts.append(Content.styled(f"\n{kind}{count}", "$text-muted"))
        if note is not None:
            if note.aliases:
                parts.append(Content.styled("\nAlso: " + ", ".join(note.aliases), "$text-muted"))
            if note.summary:
                parts += [Content("\n\n"), Content.styled(note.summary, "italic")]
            for paragraph in note.background.split("\n\n"):
                if paragraph.strip():
                    parts += [Content("\n\n"), Content(" ".join(paragraph.split()))]
            if note.dates:
                parts.append(Content.styled("\n\nDates", "bold $text-muted"))
                for date, what in note.dates:
                    parts += [Content("\n"), Content.styled(date or "·", "$text-accent"), Content(f"  {what}")]
            parts.append(Content.styled((f"\n\nAs of {note.as_of} · " if note.as_of else "\n\n") + note_credit(note),
                                        "$text-muted"))
            if note.source_url:
                parts.append(Content.styled(f"\n{note.source_url}", "$text-muted"))
            if note.licence:
                parts.append(Content.styled(f"\n{note.licence}", "$text-muted"))
        elif context.facts is None or context.facts.derived:
            parts.append(Content.styled("\n\nNo background note yet (w writes one"
                                        + (", W looks it up on Wikipedia)." if entity.type != "OTHER"
                                           and self._wikipedia_on else ")."),
                                        "$text-muted"))
        facts = context.facts
        if facts is not None:
            # (derived facts' kind is the entity's type, said above: "Facts: person" tells nothing)
            parts.append(Content.styled("\n\nFacts" if facts.derived else f"\n\nFacts: {facts.kind}",
                                        "bold $text-muted"))
            for label, value in facts.lines:
                parts += [Content("\n"), Content.styled(f"{label}: ", "$text-accent"), Content(value)]
            parts.append(Content.styled(f"\nGenerated from {facts.source}"
                                        + (f", data as of {facts.as_of}" if facts.as_of else ""), "$text-muted"))
        if context.related:
            parts.append(Content.styled("\n\nRelated", "bold $text-muted"))
        return Content.assemble(*parts)

    def _show_story(self, context: Background) -> None:
        story = context.story
        if story is None or not story.mentions:
            return
        self.query_one("#story-head", Static).update(
            f"In this story: {len(story.mentions)} mention{'s' if len(story.mentions) != 1 else ''} (m/M)")
        self.query_one(MentionStrip).show(story.mentions, story.length)
        parts: list[Content] = []
        if story.roles:
            parts += [Content.styled("Role: ", "bold"), Content("; ".join(story.roles))]
        if story.people:
            shown = [f"{name} ({role})" if role else name for name, role in story.people[:PEOPLE_SHOWN]]
            more = len(story.people) - PEOPLE_SHOWN
            parts += [Content("\n" if parts else ""), Content.styled("People: ", "bold"),
                      Content("; ".join(shown) + (f"; and {more} more" if more > 0 else ""))]
        if story.sentence:
            parts += [Content("\n" if parts else ""), Content(_in_quotes(story.sentence))]
        self.query_one("#story-text", Static).update(Content.assemble(*parts))
        for selector in ("#story-head", "MentionStrip", "#story-text"):
            self._reveal(self.query_one(selector), not (selector == "#story-text" and not parts))

    def _show_library(self, context: Background) -> None:
        head = self.query_one("#library-head", Static)
        dossier = context.dossier
        if dossier is None:
            if context.library_state:
                head.update(Content.assemble(Content.styled("In your library: ", "bold $text-muted"),
                                             Content.styled(context.library_state, "$text-muted")))
                self._reveal(head)
            return
        stories = "story" if dossier.count == 1 else "stories"
        head.update(f"In your library: {dossier.count} {stories}")
        self._reveal(head)
        if dossier.count == 0:
            return
        if len(dossier.months) > 1:
            sparkline = self.query_one("#library-sparkline")
            sparkline.data = [n for _, n in dossier.months]
            self._reveal(sparkline)
        text = self.query_one("#library-text", Static)
        if dossier.months:
            undated = f" ({dossier.undated} undated)" if dossier.undated else ""
            text.update(Content.styled(f"{dossier.span}{undated}", "$text-muted"))
            self._reveal(text)
        elif dossier.undated:
            text.update(Content.styled(f"{dossier.undated} undated", "$text-muted"))  # as reader about says it
            self._reveal(text)
        stories_list = []
        for label, story in dossier.labelled_stories():
            date = f" {story.published[:10]}" if story.published else ""
            stories_list.append((story.id, Content.assemble((f"{label}{date}: ", "$text-muted"), Content(story.title))))
        self._fill_list("dossier-stories", stories_list)
        if dossier.roles:
            roles = ", ".join(f"{role} ×{n}" for role, n in dossier.roles[:MAX_ROLES_SHOWN])
            widget = self.query_one("#dossier-roles", Static)
            widget.update(Content.assemble(Content.styled("Described as: ", "bold"), Content(roles)))
            self._reveal(widget)
        if dossier.with_:
            self._reveal(self.query_one("#dossier-with-head", Static))
            self._fill_list("dossier-with", [(key, Content.assemble("↳ ", Content(name), (f" ×{n}", "$text-muted")))
                                             for key, name, n in dossier.with_])

    # -- choosing ------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if not option_id or self.context is None:
            return
        list_id = event.option_list.id
        if list_id == "dossier-stories":
            self.post_message(self.ArticleChosen(option_id, self.context.entity.key))
        elif list_id == "dossier-with":
            name = next((n for k, n, _ in (self.context.dossier.with_ if self.context.dossier else ())
                         if k == option_id), option_id)
            self.post_message(self.EntityChosen(option_id, name))
        elif list_id == "wiki-candidates":
            self.post_message(self.CandidateChosen(option_id))
        else:
            self.post_message(self.RelatedSelected(option_id))

    def on_mention_strip_chosen(self, message: MentionStrip.Chosen) -> None:
        message.stop()
        self.set_current_mention(message.index)
        self.post_message(self.MentionChosen(message.index))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write_note()

    @property
    def _wikipedia_on(self) -> bool:
        """False while look-ups are off: the panel offers no W then."""
        return _wikipedia_setting(self.app) != "off"

    def action_write_note(self) -> None:
        if self.context is not None:
            self.post_message(self.WriteRequested(self.context))


def _wikipedia_setting(app) -> str:  # noqa: ANN001
    settings = getattr(getattr(app, "settings", None), "background", None)
    return getattr(settings, "wikipedia", "ask")


def _in_quotes(sentence: str) -> str:
    """The story's sentence between quotation marks, unless it opens with its own (““I was
    shocked…” is one mark too many); single ones around a sentence that holds double ones
    (‘He asked: “What now?”’, not “He asked: “What now?””)."""
    if sentence[:1] in "“\"‘'«":
        return sentence
    return f"‘{sentence}’" if "“" in sentence or '"' in sentence else f"“{sentence}”"
