"""The background note of the selected entity, or what the story says about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from reader.entities.notes import Note
from reader.entities.summary import EntityInfo

__all__ = ["NoteContext", "NotePanel"]


@dataclass
class NoteContext:
    """What the panel shows for one entity: the note, or the story's own words."""

    entity: EntityInfo
    note: Note | None = None
    related: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    sentence: str = ""
    role: str | None = None
    library_count: int | None = None
    articles: list[tuple[str, str]] = field(default_factory=list)  # (article id, title) mentioning it


class NotePanel(VerticalScroll):
    """Summary, background, dates and related entries (selectable) of the selected entity."""

    DEFAULT_CSS = """
    NotePanel { height: 1fr; padding: 0 1; }
    NotePanel #note-text { height: auto; }
    NotePanel #note-related { height: auto; max-height: 8; border: none; padding: 0; background: transparent; }
    NotePanel #note-articles { height: auto; max-height: 8; border: none; padding: 0; background: transparent; }
    NotePanel #note-write { margin-top: 1; width: auto; min-width: 16; }
    NotePanel .-hidden { display: none; }
    """

    BINDINGS = [Binding("w", "write_note", "Write note", id="note.write")]

    class RelatedSelected(Message):
        """A related entry was chosen."""

        def __init__(self, note_id: str) -> None:
            super().__init__()
            self.note_id = note_id

    class ArticleChosen(Message):
        """One of the library articles that mention the entity was chosen."""

        def __init__(self, article_id: str, entity_key: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.entity_key = entity_key

    class WriteRequested(Message):
        """The person wants to write (or edit) a note on this entity."""

        def __init__(self, context: NoteContext) -> None:
            super().__init__()
            self.context = context

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.context: NoteContext | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Choose an entity to read about it.", "$text-muted"), id="note-text")
        yield OptionList(id="note-related", classes="-hidden")
        yield OptionList(id="note-articles", classes="-hidden")
        yield Button("Write a note", id="note-write", classes="-hidden", compact=True)

    def show(self, context: NoteContext | None) -> None:
        """Show a note (or the story's words when there is none)."""
        self.context = context
        text = self.query_one("#note-text", Static)
        related = self.query_one("#note-related", OptionList)
        articles = self.query_one("#note-articles", OptionList)
        button = self.query_one("#note-write", Button)
        related.clear_options()
        articles.clear_options()
        if context is None:
            text.update(Content.styled("Choose an entity to read about it.", "$text-muted"))
            related.add_class("-hidden")
            articles.add_class("-hidden")
            button.add_class("-hidden")
            return
        if context.articles:
            articles.add_options([Option(Content.assemble("□ ", Content(title)), id=article_id)
                                  for article_id, title in context.articles])
        articles.set_class(not context.articles, "-hidden")
        text.update(self._render_context(context))
        if context.related:
            related.add_options([Option(Content.assemble("→ ", Content(name)), id=note_id)
                                 for note_id, name in context.related])
            related.remove_class("-hidden")
        else:
            related.add_class("-hidden")
        button.label = "Edit my note" if context.note and context.note.user else "Write a note"
        button.set_class(context.note is not None and not context.note.user, "-hidden")
        self.scroll_home(animate=False)

    @staticmethod
    def _render_context(context: NoteContext) -> Content:
        entity, note = context.entity, context.note
        parts: list[Content] = [Content.styled(note.name if note else entity.name, "bold")]
        kind = (note.type if note else entity.type).title()
        parts.append(Content.styled(f"\n{kind} · {entity.count} mention{'s' if entity.count != 1 else ''} here",
                                    "$text-muted"))
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
            if note.as_of:
                parts.append(Content.styled(f"\n\nAs of {note.as_of}", "$text-muted"))
            if context.related:
                parts.append(Content.styled("\n\nRelated", "bold $text-muted"))
            return Content.assemble(*parts)
        parts.append(Content.styled("\n\nNo background note yet. The story says:", "$text-muted"))
        if context.role:
            parts += [Content("\n"), Content.styled("Role: ", "bold"), Content(context.role)]
        if context.sentence:
            parts += [Content("\n“"), Content(context.sentence), Content("”")]
        if context.library_count is not None:
            articles = "article" if context.library_count == 1 else "articles"
            parts.append(Content.styled(f"\n\nMentioned in {context.library_count} library {articles}"
                                        + (":" if context.articles else "."), "$text-muted"))
        return Content.assemble(*parts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option.id:
            return
        if event.option_list.id == "note-articles":
            if self.context is not None:
                self.post_message(self.ArticleChosen(event.option.id, self.context.entity.key))
        else:
            self.post_message(self.RelatedSelected(event.option.id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write_note()

    def action_write_note(self) -> None:
        if self.context is not None:
            self.post_message(self.WriteRequested(self.context))
