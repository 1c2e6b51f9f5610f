"""A US town and its state as news writes them: "Fairfax, Va.", "Springfield, Ill.", "Austin, Texas",
"Laurel, Md.", "Greenville, SC". The abbreviation after a town's comma is the state (AP's "Va." is no
organisation, "Ill." no adjective), and the town before it is the place, even when a person
of the story shares its name (Lt. Gov. Justin Fairfax)."""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.entities.lexicon import place_key
from reader.entities.model import PLACE
from reader.entities.notes import make_id
from reader.entities.story import Found, Story
from reader.entities.tokens import fold_token
from reader.entities.us_states import AP_STATES, state_name


POSTAL_CODES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())
"""The states' two-letter postal codes ("Austin, TX"), and the District of Columbia's."""
_AFTER_A_COMMA = re.compile(r", (?:(?:" + "|".join(sorted(AP_STATES, key=len, reverse=True)) + r")\.|(?:"
                            + "|".join(sorted(POSTAL_CODES)) + r")(?![\w&'’-]))")
"""An AP abbreviation after a comma and before its full stop, or a postal code (found in C:
most stories have none)."""


def mark_towns_and_states(story: Story) -> None:
    """Type each "Town, St." pair of the story as two places (the state keyed by its name)."""
    text = story.text
    matches = [m.start() + 2 for m in _AFTER_A_COMMA.finditer(text)]
    if not matches:
        return
    ends = {f.end: f for f in story.found if f.type is not None}
    tokens = story.tokens
    starts = [t.start for t in tokens]
    for at in matches:
        k = bisect_left(starts, at)
        if k >= len(tokens) or k < 2 or tokens[k].start != at or tokens[k - 1].end != at - 2 \
                or tokens[k].text not in AP_STATES and tokens[k].text not in POSTAL_CODES:
            continue  # (the word before the comma is the town's last)
        tok = tokens[k]
        town = ends.get(tokens[k - 1].end)
        before = tokens[k - 1]
        postal = tok.text in POSTAL_CODES  # "Austin, TX": only after a town the story or the gazetteer knows
        if town is None and not postal and before.cap and not before.upper and not story.covered(k - 1) \
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


def mark_towns_before_state_names(story: Story) -> None:
    """A one-word town before a comma and a state's full name is the place, even when a person
    of the story bears the name: "Austin, Texas" in a story of Austin Shepherd."""
    text = story.text
    if ", " not in text:
        return
    ends = {f.end: f for f in story.found if f.type is not None}
    for f in story.found:
        if f.type != PLACE or text[f.start - 2:f.start] != ", " or len(f.tokens) > 2:
            continue
        town = ends.get(f.start - 2)
        if town is None or town.type == PLACE or len(town.tokens) != 1:
            continue
        name = text[town.start:town.end]
        if state_name(text[f.start:f.end]) is not None and _a_town(story, name):
            town.type, town.key = PLACE, place_key(fold_token(name))


def _a_town(story: Story, name: str) -> bool:
    entry = story.lexicon.get(fold_token(name))
    return entry is not None and entry.type == PLACE
