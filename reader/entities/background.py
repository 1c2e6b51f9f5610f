"""What the sidebar (and ``reader about``) shows for one entity, as plain data.

In order: the note (the person's own, a shipped one, or a saved Wikipedia summary), facts
for places (generated offline), what the open story says (where its mentions fall, the
roles it gives, the sentence that introduces it) and what the library says (the dossier,
from the index). No UI and no storage here: the sidebar's worker and the command fill it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.entities.notes import Note
from reader.entities.entity_info import EntityInfo

if TYPE_CHECKING:  # the place table is imported when facts are looked up
    from reader.entities.place_facts import PlaceFacts


@dataclass
class StoryView:
    """What the open story says about the entity."""

    length: int
    """Characters of the story (the strip maps mentions onto it)."""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sentence: str = ""
    people: list[tuple[str, str]] = field(default_factory=list)
    """(person, role) for the story's people whose role names it: a party's candidates."""


@dataclass(frozen=True)
class DossierStory:
    """A story of the library in a dossier: its id, title and date."""

    id: str
    title: str
    published: str = ""


@dataclass
class Dossier:
    """What the library says about an entity, read from the index."""

    key: str
    count: int = 0
    """Stories that mention it."""
    months: list[tuple[str, int]] = field(default_factory=list)
    """("2021-05", stories) for every month from the first to the last, gaps as 0."""
    undated: int = 0
    first: DossierStory | None = None
    latest: DossierStory | None = None
    undated_story: DossierStory | None = None
    """One of its stories without a date (the last added), when others have one: else only
    counted ("1 undated"), it could not be opened from here."""
    roles: list[tuple[str, int]] = field(default_factory=list)
    """How the library describes it, with the number of stories: ("Industry Secretary", 4)."""
    with_: list[tuple[str, str, int]] = field(default_factory=list)
    """Entities most often mentioned in the same stories: (key, name, stories)."""
    sampled: int = 0
    """When non-zero, co-mentions were counted over its latest ``sampled`` stories only."""

    @property
    def span(self) -> str:
        """The months it was mentioned in: "2021-05 … 2022-01", or the one month ("" for none)."""
        if not self.months:
            return ""
        first, last = self.months[0][0], self.months[-1][0]
        return first if first == last else f"{first} … {last}"

    def labelled_stories(self) -> list[tuple[str, DossierStory]]:
        """("first", story) and ("latest", story), or ("story", story) once when they are one
        (or the only one), then ("undated", story) when some have no date."""
        if self.first is not None and (self.latest is None or self.first.id == self.latest.id):
            stories = [("story", self.first)]
        else:
            stories = [(label, story) for label, story in (("first", self.first), ("latest", self.latest))
                       if story is not None]
        if self.undated_story is not None and all(s.id != self.undated_story.id for _, s in stories):
            stories.append(("undated", self.undated_story))
        return stories


NOTE_ORIGINS = {"user": "your note", "shipped": "shipped with reader", "wikipedia": "Wikipedia"}
"""Where a note comes from, by kind, as ``reader about --json`` names it."""
NOTE_CREDITS = {"user": "your own note", "shipped": "a note shipped with reader", "wikipedia": "from Wikipedia"}
"""The same, as a phrase after the note's date in the panel and in ``reader about``."""


def _note_kind(note: Note) -> str:
    return "wikipedia" if note.source_url else "user" if note.user else "shipped"


def note_origin(note: Note) -> str:
    """Where a note comes from: "your note", "shipped with reader", "Wikipedia"."""
    return NOTE_ORIGINS[_note_kind(note)]


def note_credit(note: Note) -> str:
    """Where a note comes from, as a phrase after its date: "your own note", "a note
    shipped with reader", "from Wikipedia"."""
    return NOTE_CREDITS[_note_kind(note)]


@dataclass
class Background:
    """Everything shown for one entity, section by section (empty sections are left out)."""

    entity: EntityInfo
    note: Note | None = None
    related: list[tuple[str, str]] = field(default_factory=list)  # (note id, name)
    facts: PlaceFacts | None = None
    story: StoryView | None = None
    dossier: Dossier | None = None
    library_state: str = ""
    """Why there is no dossier ("the library index is still being built"), when there is none."""
    back_to: str = ""
    """The entity ``backspace`` goes back to (after following a related entry), if any."""

    @property
    def beyond_sentence(self) -> bool:
        """True when there is more than the bare introducing sentence: a note, facts, a role
        or people the story ties to it, or a dossier of two stories or more (what the
        coverage bar counts)."""
        return bool(self.note or self.facts or (self.story and (self.story.roles or self.story.people))
                    or (self.dossier and (self.dossier.roles or self.dossier.count >= 2)))
