"""One person a story names with a short and a full given name: "Ravi Bhalla" and
"Ravinder S. Bhalla", "Steve Mnuchin" and "Steven Mnuchin", "Bill Gates" and "William
Gates". Plain functions over a story's entities (``summary.summarise`` calls them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.entities.model import PERSON

if TYPE_CHECKING:
    from reader.entities.entity_info import EntityInfo

SHORTEST_PREFIX, LONGEST_PREFIX = 3, 4
"""A given name this long may be the start of the full one: "Ravi" of "Ravinder", "Matt" of
"Matthew" (not "Daniel" of "Danielle": a name of its own, nor "Al" of "Alison")."""

_DIMINUTIVES = {
    "bill": {"william"}, "will": {"william"}, "bob": {"robert"}, "rob": {"robert"}, "bobby": {"robert"},
    "dick": {"richard"}, "rick": {"richard"}, "rich": {"richard"}, "jim": {"james"}, "jimmy": {"james"},
    "mike": {"michael"}, "mick": {"michael"}, "steve": {"steven", "stephen"}, "tom": {"thomas"},
    "tony": {"anthony", "antony"}, "ted": {"edward", "theodore"}, "ed": {"edward"}, "chuck": {"charles"},
    "charlie": {"charles"}, "liz": {"elizabeth"}, "beth": {"elizabeth"}, "betty": {"elizabeth"},
    "kate": {"katherine", "catherine", "kathryn"}, "cathy": {"catherine"}, "kathy": {"katherine", "kathleen"},
    "peggy": {"margaret"}, "maggie": {"margaret"}, "jack": {"john"}, "johnny": {"john"}, "harry": {"henry"},
    "hank": {"henry"}, "larry": {"lawrence", "laurence"}, "jerry": {"gerald", "jerome"}, "sandy": {"alexandra"},
    "sasha": {"alexander", "alexandra"}, "peg": {"margaret"}, "pat": {"patrick", "patricia"},
    "sue": {"susan", "suzanne"}, "jenny": {"jennifer"}, "becky": {"rebecca"}, "nick": {"nicholas"},
    "dan": {"daniel"}, "danny": {"daniel"}, "joe": {"joseph"}, "ben": {"benjamin"}, "sam": {"samuel"},
}
"""Usual short forms of English given names ("Bill" of "William", "Danny" of "Daniel"); a
start of four letters or fewer needs no entry ("Dan" of "Daniel")."""


def is_given_name_form(short: str, full: str) -> bool:
    """True when the given name ``short`` may stand for ``full``: its start ("Ravi" of
    "Ravinder") or a usual short form ("Bill" of "William"), never the same name."""
    short, full = short.casefold(), full.casefold()
    if short == full or not short.isalpha():
        return False
    return (SHORTEST_PREFIX <= len(short) <= LONGEST_PREFIX and full.startswith(short)) \
        or full in _DIMINUTIVES.get(short, ())


def join_given_name_forms(infos: Sequence[EntityInfo]) -> list[EntityInfo]:
    """The people of a story whose names share a family name, one with a short form of the
    other's given name, as one entity under the fuller name (its mentions joined), when no
    third name of that family name could be the one meant."""
    family: dict[str, list[EntityInfo]] = defaultdict(list)
    for info in infos:
        words = info.name.split()
        if info.type == PERSON and info.note is None and len(words) >= 2:
            family[words[-1].casefold()].append(info)
    joined: set[int] = set()
    for people in family.values():
        if len(people) < 2:
            continue
        for short in people:
            owners = [full for full in people
                      if full is not short and is_given_name_form(short.name.split()[0], full.name.split()[0])]
            if len(owners) == 1 and id(owners[0]) not in joined:
                owner = owners[0]
                owner.mentions = sorted(owner.mentions + short.mentions)
                joined.add(id(short))
    return [info for info in infos if id(info) not in joined]
