"""Gathering the background of one entity: the note, place facts, the story, the dossier.

The one function the sidebar's worker and ``reader about`` both call (no UI here). The
dossier comes from the index (``reader.search.dossier``), never from reading files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.entities.background import Background, StoryView
from reader.entities.model import ORG, OTHER, PERSON, PLACE, team_key
from reader.entities.notes import KnowledgeBase, Note, fold
from reader.entities.entity_info import EntityInfo
from reader.entities.summary import affiliated_body, introducing_sentence

if TYPE_CHECKING:
    from reader.library.article import Article
    from reader.search.index import LibraryIndex

INDEX_BUILDING = "the library index is still being built; this fills in once it is ready"
NO_INDEX = "there is no library index yet"


def background_for(entity: EntityInfo, kb: KnowledgeBase, *, article: Article | None = None,
                   roles: dict[str, list[str]] | None = None, story_entities: Sequence[EntityInfo] = (),
                   index: LibraryIndex | None = None, index_ready: bool = True) -> Background:
    """Everything known of ``entity``: its note (by key, else by name), facts if it is a
    place, what ``article`` says of it (``roles``: the story's roles by key), and its
    dossier from ``index`` (when the index holds the whole library)."""
    if entity.type == OTHER and not entity.mentions and index is not None and index_ready:
        from reader.search.dossier import entity_named  # an entity followed from a dossier: its kind

        named = entity_named(index, entity.key)
        if named is not None and named[2]:
            entity = EntityInfo(entity.key, named[1], named[2])
    note = kb.get(entity.key) or entity.note or _note_named(kb, entity)
    related = [(r, kb.get(r).name) for r in (note.related if note else ()) if kb.get(r)]
    context = Background(entity, note, related)
    kind = note.type if note else entity.type
    if kind == PLACE:
        context.facts = _facts(entity, story_entities, article.body if article is not None else "")
    elif kind == ORG and note is None:
        context.facts = _country_it_stands_for(entity, story_entities, article.body if article is not None else "")
    if context.facts is None and note is None:
        from reader.entities.derived_facts import derived_facts  # what its name and its story say

        context.facts = derived_facts(entity.name, kind, article.body if article is not None else "",
                                      entity.mentions if article is not None else ())
    if article is not None and entity.mentions:
        context.story = StoryView(len(article.body), list(entity.mentions), list((roles or {}).get(entity.key, [])),
                                  introducing_sentence(article.body, entity, article.title),
                                  people_named_with(entity, story_entities, roles or {}, article.body))
    if index is None:
        return context
    if not index_ready:
        context.library_state = INDEX_BUILDING
        return context
    from reader.search.dossier import dossier_of

    context.dossier = dossier_of(index, entity.key, also_known_as(context))
    if context.dossier is None:
        context.library_state = NO_INDEX
    return context


def people_named_with(entity: EntityInfo, story_entities: Sequence[EntityInfo], roles: dict[str, list[str]],
                      body: str) -> list[tuple[str, str]]:
    """(person, role) for the story's people whose role names ``entity``, in the story's order:
    "Ben Chan" for DAB (the role "of DAB" says no more: ""), "Julie Hahn" (Environment Canada
    spokesperson) for Environment Canada, "Mouez Hassen" (Tunisia's goalkeeper) for Tunisia. The name must stand whole in the role: "Fox" is not named by "former
    Fox News CEO", nor by "a director of 21st Century Fox"."""
    if entity.type == PERSON:
        return []
    forms = {entity.name, *(body[start:end] for start, end in entity.mentions)}
    patterns = [re.compile(rf"(?<![\w’'&.-]){re.escape(form)}(?:['’]s)?(?![\w’'&-])") for form in forms if len(form) > 1]
    found: list[tuple[str, str]] = []
    for other in story_entities:
        if other.type != PERSON:
            continue
        role = next((r for r in roles.get(other.key, []) if any(_whole_name_in(p, r) for p in patterns)), None)
        if role is not None:
            found.append((other.name, "" if affiliated_body(role) in forms else role))  # ("of DAB" says no more)
    return found


def _whole_name_in(pattern: re.Pattern[str], role: str) -> bool:
    """True when ``pattern`` finds the name in ``role`` as a whole name, not inside a longer one."""
    for match in pattern.finditer(role):
        before = role[:match.start()].split()
        after = role[match.end():].split()
        if before and before[-1][:1].isupper() and before[-1] != "The":
            continue  # "21st Century Fox": another, longer name
        if after and after[0][:1].isupper():
            continue  # "Fox News CEO"
        return True
    return False


def _note_named(kb: KnowledgeBase, entity: EntityInfo) -> Note | None:
    """The note of ``entity``'s name when its key is none (an entity followed from a dossier),
    of its type, and not a note the recogniser kept apart from it: Hong Kong's "Democratic
    Party" is not the American party's note, nor "the Amazon rainforest" the company's."""
    note = kb.find(entity.name)
    if note is None or note.country or note.type != entity.type and entity.type != OTHER:
        return None
    return note


def also_known_as(context: Background) -> tuple[str, ...]:
    """Other keys the library may know the entity by: its note's aliases, and for a
    country every alias of it ("US", "U.S.", "America" for the United States) and its
    national team (a match report's "Sweden", kept apart in its story)."""
    names: list[str] = []
    if context.note is not None:
        names += [context.note.id, *context.note.names]
    if context.facts is not None and context.facts.kind == "country":
        from reader.entities.countries import COUNTRY_ALIASES
        from reader.entities.place_facts import place_table

        code = place_table().country_code(context.facts.name)
        names += [context.facts.name, *(alias for alias, c in COUNTRY_ALIASES.items() if c == code),
                  team_key(context.entity.key)]
    return tuple(names)


_UK_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})
"""Countries of the United Kingdom, whose teams play as such ("England beat Tunisia")."""


def _country_it_stands_for(entity: EntityInfo, story_entities: Sequence[EntityInfo], body: str = ""):
    """The facts of the country a body is named as: a match report's "Sweden" (its team), "China
    said" (its government). Countries only (and England, Scotland, Wales, Northern Ireland): a body
    named as a town or a region ("Orange", "Lazio") is seldom of it."""
    from reader.entities.place_facts import PlaceFacts

    facts = _facts(entity, story_entities, body)
    if facts is None or not (facts.kind == "country" or fold(entity.name) in _UK_NATIONS):
        return None  # "Georgia" in a story of American colleges: the state; "Lazio" the club: no region's
    return PlaceFacts(facts.name, "the place it stands for", facts.lines, facts.source, facts.as_of)


_CAPITAL_CITY = re.compile(r"\bD\.C\b|\bDC\b|White House|Capitol|Congress|Pentagon|federal")
"""Words of the city of Washington: with them the story may mean it beside its state's towns."""


def _after_an_american_town(body: str, name: str, table) -> bool:
    """True when the story writes the name after an American town and a comma ("Seattle,
    Washington", "Buffalo, New York"): the state, whatever the name means alone."""
    for match in re.finditer(rf"(?P<town>(?:[A-Z][\w.’'-]*\s+){{0,2}}[A-Z][\w.’'-]*),\s+{name}\b", body):
        words = match.group("town").split()
        for n in range(len(words)):  # "In Seattle": the town is "Seattle"
            town = " ".join(words[n:])
            if table.has_town_in(town, "US") and not table.is_state(town):
                return True
    return False


def _facts(entity: EntityInfo, story_entities: Sequence[EntityInfo], body: str = ""):
    from reader.entities.countries import countries_in_text
    from reader.entities.place_facts import place_table

    table = place_table()
    nearby = frozenset(code for e in story_entities if e.type == PLACE and e is not entity
                       for code in [table.home_country(e.name)] if code) | countries_in_text(body)
    # "the White House", always so written, is no town of that name; "the Palm Beach area" and
    # "in Palm Beach" are the town, as is "the Paramus, NJ retail corridor" (one word)
    after_the = " " in entity.name and bool(entity.mentions) and all(
        body[max(0, start - 4):start].casefold() == "the " for start, _ in entity.mentions)
    # anywhere in the story: "Washington state" (not Washington State University), "the state of New York"
    name = re.escape(entity.name)
    state_meant = bool(body) and (re.search(rf"\b{name}\s+state\b(?!\s+univ)|\b(?:state|governor)\s+of\s+{name}\b",
                                            body, re.IGNORECASE) is not None or _after_an_american_town(body, name, table))
    others = [e for e in story_entities if e.type == PLACE and e is not entity]
    # "wins in Virginia, New Jersey, New York": listed with states, the state
    state_meant = state_meant or (table.is_state(entity.name) and _listed_with_states(entity, others, body, table))
    # "Washington-based" in a story of Seattle and Mercer Island: the state of its towns, not D.C.
    state = table.state_of_its_towns(entity.name)
    state_meant = state_meant or (state is not None and not _CAPITAL_CITY.search(body) and any(
        table.us_state_of(e.name) == state for e in others if not table.is_state(e.name)))
    # "Georgia beat Alabama": another US state and no other country ("Russia sent troops into Georgia")
    states_nearby = any(table.means_a_state(e.name) for e in others) and not any(
        table.country_code(e.name) not in (None, "US") for e in others)
    states_named = frozenset(code for e in others for code in [table.state_code(e.name)] if code)
    facts = table.facts(entity.name, nearby, after_the, state_meant, states_nearby, states_named)
    if facts is not None and facts.kind == "city" and not states_named:
        state = _state_of_the_storys_towns(others, table)  # "Wheaton" beside Rockville and Bethesda: Maryland's
        if state is not None and table.us_state_of(entity.name) != state:
            in_state = table.facts(entity.name, nearby, after_the, state_meant, states_nearby, frozenset({state}))
            if in_state is not None and in_state.kind == "city" and in_state.lines != facts.lines \
                    and dict(in_state.lines).get("Country", "").startswith("United States"):
                facts = in_state
    if facts is None and entity.type == PLACE and entity.key:  # "Syrie" in a French story: Syria's key
        facts = table.facts(entity.key.replace("-", " "), nearby)
    if facts is not None and facts.kind == "city" and _in_another_country(entity, body, facts, table):
        return None  # "the Armenian town of Julfa in Armenia": not Ras al-Khaimah, which GeoNames also calls so
    return facts


_LIST_JOIN = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _listed_with_states(entity: EntityInfo, others: Sequence[EntityInfo], body: str, table) -> bool:  # noqa: ANN001
    """True when a mention stands in a list beside a name that only means a US state
    ("Virginia, New Jersey, New York")."""
    starts = {start: e for e in others if table.means_a_state(e.name) for start, _ in e.mentions}
    ends = {end: e for e in others if table.means_a_state(e.name) for _, end in e.mentions}
    for start, end in entity.mentions:
        after = _LIST_JOIN.match(body, end)
        if after and after.end() in starts:
            return True
        for join in (", ", ", and ", " and ", ", or ", " or "):
            if body.startswith(join, start - len(join)) and start - len(join) in ends:
                return True
    return False


def _state_of_the_storys_towns(others: Sequence[EntityInfo], table) -> str | None:  # noqa: ANN001
    """The US state most of the story's other American towns are in, when two or more are
    and no other state has as many (None otherwise)."""
    from collections import Counter

    states = Counter(state for e in others if not table.is_state(e.name) and table.home_country(e.name) == "US"
                     for state in [table.us_state_of(e.name)] if state)
    ranked = states.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _in_another_country(entity: EntityInfo, body: str, facts, table) -> bool:  # noqa: ANN001
    """True when the story puts the town in a country ("Julfa in Armenia", "Julfa, Armenia")
    other than the country of the town chosen."""
    country = dict(facts.lines).get("Country", "")
    for start, end in entity.mentions:
        match = _COUNTRY_AFTER.match(body, end)
        if match and match.group(0).startswith(",") and not _CLAUSE_GOES_ON.match(body, match.end()):
            continue  # "Damascus, Dubai, Kuwait and Istanbul": a list, not Dubai's country
        code = table.country_code(match.group(1)) if match else None
        if code is not None:
            name = table.countries.get(code, {}).get("name", "")
            return bool(name) and not country.startswith(name)
    return False


_CLAUSE_GOES_ON = re.compile(r"\s*(?:[.;:!?)]|$|,\s+[a-z])")
"""After "Town, Country": the clause ends or goes on in small words ("Julfa, Armenia, was …")."""
_COUNTRY_AFTER = re.compile(r"(?:,\s+|\s+in\s+(?:the\s+)?)([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})")
