"""A US town and its state as news writes them: "Fairfax, Va.", "Springfield, Ill.",
"Laurel, Md.". The abbreviation after a town's comma is the state (AP's "Va." is no
organisation, "Ill." no adjective), and the town before it is the place, even when a person
of the story shares its name (Lt. Gov. Justin Fairfax)."""

from __future__ import annotations

from reader.entities.lexicon import place_key
from reader.entities.model import PLACE
from reader.entities.notes import make_id
from reader.entities.story import Found, Story
from reader.entities.tokens import fold_token
from reader.entities.us_states import AP_STATES, state_name


def mark_towns_and_states(story: Story) -> None:
    """Type each "Town, St." pair of the story as two places (the state keyed by its name)."""
    text = story.text
    ends = {f.end: f for f in story.found if f.type is not None}
    tokens = story.tokens
    for k, tok in enumerate(tokens):
        if tok.text not in AP_STATES or text[tok.end:tok.end + 1] != ".":
            continue
        if k < 2 or text[tokens[k - 1].end:tok.start] != ", ":
            continue
        town = ends.get(tokens[k - 1].end)
        before = tokens[k - 1]
        if town is None and before.cap and not before.upper and not story.covered(k - 1) \
                and not any(f.start <= before.start < f.end for f in story.found):
            town = Found(before.start, before.end, PLACE, make_id(before.text), [before])  # "Laurel, Md."
            story.found.append(town)
        if town is None or town.type != PLACE and not _a_town(story, text[town.start:town.end]):
            continue
        if town.type != PLACE:
            town.type, town.key = PLACE, place_key(fold_token(text[town.start:town.end]))
        state = state_name(tok.text)
        if state is None:
            continue
        story.found = [f for f in story.found if not (f.start < tok.end and tok.start < f.end)]
        story.found.append(Found(tok.start, tok.end, PLACE, make_id(state), [tok]))


def _a_town(story: Story, name: str) -> bool:
    entry = story.lexicon.get(fold_token(name))
    return entry is not None and entry.type == PLACE
