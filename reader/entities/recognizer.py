"""Recognise named entities in text: text in, spans out.

The recogniser combines, in this order of trust:

1. known names (``lexicon``): every note's name and aliases, and place names from the
   gazetteer, matched word by word at each capitalised word;
2. runs of capitalised words (``story``), split at titles and roles and typed by their
   last word or the word before "of" ("Party" ORG, "Islands" PLACE, "War" EVENT), by the
   words around them and by given names (``classify``);
3. the story as a whole (``resolve``): acronyms defined next to a name, short forms of
   names seen in full ("Hua" after "Hua Chunying"), single capitalised words typed from
   their surroundings, and one type per entity.

A ``Recognizer`` is built once (its lexicon); each call to ``recognise`` reads one story
in a ``Story`` object of its own, so threads can share the recogniser. Its ``version``
names the rules, the word lists, the place names and the notes it uses: the search index
re-derives its entity keys when it changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from reader.entities.classify import classify_run
from reader.entities.code import in_code as without_code
from reader.entities.headings import drop_word_headings, trust_titles
from reader.entities.inverted_names import join_inverted_names
from reader.entities.knowledge import Knowledge
from reader.entities.lexicon import Lexicon, PlaceIndex
from reader.entities.measures import without_measures
from reader.entities.digests import source_digest
from reader.entities.model import Span
from reader.entities.note_countries import tie_notes_to_their_countries
from reader.entities.notes import KnowledgeBase
from reader.entities.party_tags import without_tags
from reader.entities.resolve import resolve
from reader.entities.story import Found, Story
from reader.entities.tokens import Token, fold_token, tokenize

__all__ = ["Recognizer", "Token", "fold_token", "rules_digest", "tokenize"]

#: The modules whose code or word lists decide what is recognised.
RULE_MODULES = ("tokens", "wordlists", "knowledge", "lexicon", "story", "classify", "residual", "endings", "run_checks", "person_shapes",
                "evidence", "headings", "resolve", "single_words", "story_names",
                "code", "measures", "party_tags", "us_states", "role_words", "countries", "note_countries",
                "inverted_names", "teams", "town_states", "land_kinds", "foreign_countries", "captions", "retyping",
                "recognizer")


def rules_digest() -> str:
    """A hash of the recognition rules and word lists (the source of their modules)."""
    return source_digest(RULE_MODULES, 8)


def note_forms(kb: KnowledgeBase) -> list[tuple[str, str, str, str, str]]:
    """What the recogniser and the index take from the notes: each name or alias with its
    note's id, type, name (the name the index shows for the entity) and country (see
    ``note_countries``), sorted."""
    return sorted((form, note_id, kb.notes[note_id].type, kb.notes[note_id].name, kb.notes[note_id].country)
                  for form, note_id in kb.surface_forms())


def notes_digest(kb: KnowledgeBase) -> str:
    """A hash of ``note_forms``."""
    digest = hashlib.blake2b(digest_size=8)
    for fields in note_forms(kb):
        digest.update(("\t".join(fields) + "\n").encode())
    return digest.hexdigest()


class Recognizer:
    """Finds entities in text. Build once (``service.get_recognizer``), call ``recognise`` per story."""

    def __init__(self, kb: KnowledgeBase | None = None, places: Mapping[str, int] | None = None,
                 place_index: PlaceIndex | None = None, places_digest: str = "",
                 knowledge: Knowledge | None = None) -> None:
        """``places`` maps place names to their rank (tests, small gazetteers); the service passes
        the cached ``place_index`` and the gazetteer's digest instead."""
        self.kb = kb or KnowledgeBase()
        self.knowledge = knowledge or Knowledge()
        if place_index is None:
            place_index = PlaceIndex.from_names(places or {})
            places_digest = places_digest or place_index.digest()
        self.lexicon = Lexicon(self.kb, place_index)
        #: the version without what comes from the notes (see ``note_forms``)
        self.base_version = f"{rules_digest()}-{places_digest}-{self.knowledge.digest}"
        self.version = f"{self.base_version}-{notes_digest(self.kb)}"

    def recognise(self, text: str) -> list[Span]:
        """Entities in ``text`` as spans sorted by start (no overlaps)."""
        story = Story(text, self.lexicon, self.knowledge)
        story.find_anchors()
        for i, j in story.runs():
            classify_run(story, i, j)
        pattern = self.lexicon.symbol_pattern
        if pattern is not None:
            for match in pattern.finditer(text):
                entry = self.lexicon.symbols[match.group()]
                story.found.append(Found(match.start(), match.end(), entry.type, entry.key, known=True))
        trust_titles(story)
        drop_word_headings(story)
        spans = without_measures(text, without_tags(text, without_code(text, resolve(story))))
        spans = join_inverted_names(text, spans, self.lexicon, self.knowledge)
        spans = self._apart_from_notes(spans)
        tie_notes_to_their_countries(text, spans, self.kb, self.lexicon)
        return spans

    def _apart_from_notes(self, spans: list[Span]) -> list[Span]:
        """A name the rules found whose key is a note's id but whose type is not the note's keeps
        a key of its own: the place in "the Amazon rainforest" is not the company."""
        notes = self.kb.notes
        for k, span in enumerate(spans):
            note = notes.get(span.key) if span.key else None
            if note is not None and note.type != span.type:
                spans[k] = span._replace(key=f"{span.key}-{span.type.lower()}")
        return spans
