"""A person the story calls only by a surname takes the full name its headline gives:
interviews name their guest in full once, above the text ("Wikinews interviews Christopher
Hill, …", then "Hill:" all through the body), and news does so in the headline ("Barr's
ruling …", the body "Attorney General William Barr" is the usual case and needs nothing)."""

from __future__ import annotations

import re
from collections.abc import Container

from reader.entities.model import PERSON
from reader.entities.notes import KnowledgeBase, make_id
from reader.entities.wordlists import GIVEN_NAMES

_BEFORE = re.compile(r"(?:^|[\s(“\"‘'])(?P<given>[A-Z][a-zà-ÿ’'-]+)\s+(?:(?P<initial>[A-Z])\.\s+)?$")


def name_people_from_the_title(infos: list, title: str, kb: KnowledgeBase, given_names: Container[str]) -> None:
    """Give a one-word person of the story (no note, no longer name of theirs in the story)
    the full name the title writes: a given name right before the surname ("Christopher
    Hill"); never a title or a place ("Senator Hill", "Capitol Hill")."""
    if not title:
        return
    surnames = {info.name.split()[-1] for info in infos if info.type == PERSON and " " in info.name}
    for info in infos:
        name = info.name
        if info.type != PERSON or info.note is not None or " " in name or name in surnames or not name[:1].isupper():
            continue
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", title):
            before = _BEFORE.search(title, 0, match.start())
            if before is None:
                continue
            given = before.group("given")
            if given.casefold() not in GIVEN_NAMES and given.casefold() not in given_names:
                continue
            initial = f" {before.group('initial')}." if before.group("initial") else ""
            full = f"{given}{initial} {name}"
            note = kb.get(make_id(full))
            info.key, info.name = (note.id, note.name) if note else (make_id(full), full)
            info.note = note
            break
