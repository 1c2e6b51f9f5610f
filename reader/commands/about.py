"""``reader about NAME``: what the sidebar would show for an entity (note, facts, dossier)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from dataclasses import asdict

from reader.commands import command_help
from reader.commands.common import CommandError, recogniser

NAME = "about"
HELP = command_help(NAME)
EXIT_NOT_FOUND = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="+", metavar="NAME", help="a name, alias or id (case-insensitive)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--wikipedia", action="store_true",
                        help="look it up on Wikipedia first (saved as your note; config.yaml's background: section)")


def resolve(name: str, kb, index):
    """The entity ``name`` means: a note's, else the index's entity key (exact; for one word
    of a person's name, the full name the library uses most when it is in more stories:
    "Trump" is Donald Trump), else a place the gazetteer knows by that very name, else the
    library's one key starting with it or holding its words ("Lula"), else a place known by
    an alternate name."""
    from reader.entities.model import OTHER, PERSON, PLACE
    from reader.entities.notes import fold, make_id
    from reader.entities.place_facts import is_place_alias, place_facts
    from reader.entities.entity_info import EntityInfo
    from reader.search.dossier import entity_named
    from reader.search.expansion import entity_keys_with_words
    from reader.search.slugs import entity_slug

    note = kb.find(name)
    if note is not None:
        return EntityInfo(note.id, note.name, note.type, [], note)
    slug = entity_slug(name)
    reader = _reader(index)
    if reader is not None and reader.doc_frequency("entity", slug):
        named = entity_named(index, slug, recognise=True)
        kind = (named[2] if named else None) or OTHER
        if kind == OTHER and place_facts(name) is not None:
            kind = PLACE  # the gazetteer knows it ("US"), as the sidebar does
        if kind in (PERSON, OTHER) and "_" not in slug:  # "Trump": Donald Trump, when he is in more stories
            fuller = [key for key in entity_keys_with_words(reader, slug) if slug in _ends(key)]
            person = _a_person(index, reader, fuller, more_than=reader.doc_frequency("entity", slug))
            if person is not None:
                return EntityInfo(*person, PERSON)
        return EntityInfo(slug, _shown_name(named[1], name) if named else name, kind)
    wanted = fold(name)
    facts = place_facts(name)
    if facts is not None and (fold(facts.name) == wanted or is_place_alias(wanted)):
        # "US": the country, never "US Open"; "America" the country, not "America Online" (a word of a note's name)
        if reader is not None and not is_place_alias(wanted) and len(name.split()) == 1:
            # a family name no story names as a place: the library's person ("Norton": Joshua Norton,
            # in 18 stories, not the town in Zimbabwe in none)
            person = _a_person(index, reader, entity_keys_with_words(reader, slug), more_than=0)
            if person is not None:
                return EntityInfo(*person, PERSON)
        return EntityInfo(make_id(facts.name), facts.name, PLACE)
    by_word = [n for n in kb if any(wanted in fold(form).split() for form in n.names)]
    with_word = entity_keys_with_words(reader, slug) if reader is not None else ()
    if len(by_word) == 1 and (not with_word or reader.doc_frequency("entity", entity_slug(by_word[0].name))):
        # a note's name holds the word, unless the library names someone else by it and not the
        # note's own ("Gates": Rick Gates of the library's stories, not a note's Bill Gates in none)
        return EntityInfo(by_word[0].id, by_word[0].name, by_word[0].type, [], by_word[0])
    if facts is None:  # "Syrie", "Estados Unidos": a country as a story in another language names it
        from reader.entities.foreign_countries import foreign_country_names  # noqa: PLC0415
        from reader.entities.tokens import fold_token  # noqa: PLC0415

        english = foreign_country_names().get(" ".join(fold_token(w) for w in name.split()))
        facts = place_facts(english) if english else None
        if facts is not None:
            return EntityInfo(make_id(facts.name), facts.name, PLACE)
    if reader is not None:
        # a family name or another word of the name ("Mugabe", "Kelly": John Kelly, never Kellyanne
        # Conway), else the one key it starts ("Mugab")
        keys = list(with_word) or [t.decode() for t in reader.expand_prefix("entity", slug)][:2]
        if len(keys) > 1 and with_word:
            # of the names in as many stories as the first, a person's ("Lula", not "Instituto Lula")
            person = _a_person(index, reader, keys, more_than=reader.doc_frequency("entity", keys[0]) - 1)
            keys = [person[0] if person else keys[0]]
        if len(keys) == 1:
            named = entity_named(index, keys[0], recognise=True)
            return EntityInfo(keys[0], named[1], named[2] or OTHER) if named else \
                EntityInfo(keys[0], keys[0].replace("_", " ").title(), OTHER)
    if facts is not None:  # an alternate name GeoNames knows ("Bombay")
        return EntityInfo(make_id(facts.name), facts.name, PLACE)
    return None


def _a_person(index, reader, keys: list[str], more_than: int) -> tuple[str, str] | None:
    """``(key, name)`` of the first of ``keys`` (the key in most stories first) that names
    a person in more than ``more_than`` stories, else ``None``."""
    from reader.entities.model import PERSON
    from reader.search.dossier import entity_named

    for key in keys[:MOST_KEYS_LOOKED_AT]:
        if reader.doc_frequency("entity", key) <= more_than:
            return None
        named = entity_named(index, key)
        if named is not None and named[2] == PERSON:
            return key, named[1]
    return None


MOST_KEYS_LOOKED_AT = 5


def _ends(key: str) -> tuple[str, ...]:
    """The first and last words of a name of several words (none for one word)."""
    words = key.split("_")
    return (words[0], words[-1]) if len(words) > 1 else ()


def _shown_name(stored: str, typed: str) -> str:
    """The name to show: the index's, unless a dateline shouted it ("WASHINGTON —"), then
    as typed with its capitals, else in title case."""
    if stored.isupper() and len(stored) > 4 and not typed.isupper():
        from reader.entities.notes import fold

        return typed if fold(typed) == fold(stored) and not typed.islower() else stored.title()
    return stored


def near_names(name: str, kb, index, limit: int = 3) -> list[str]:
    """Names of notes and of the library's entities spelt like ``name`` ("Nw Zealnd" →
    "New Zealand"), closest first."""
    from rapidfuzz import process  # noqa: PLC0415 - only a name not found needs it
    from rapidfuzz.distance import Levenshtein

    from reader.search.dossier import entity_named
    from reader.search.slugs import entity_slug

    names = {entity_slug(form): form for note in kb for form in note.names}
    reader = _reader(index)
    keys = [t.decode() if isinstance(t, bytes) else str(t) for t in reader.lexicon("entity")] if reader else []
    wanted = entity_slug(name)
    # each key, and for one word typed each word of a longer name ("Netanyahoo": Benjamin Netanyahu)
    choices: dict[str, list[str]] = {key: [key] for key in [*names, *keys]}
    if "_" not in wanted:
        for key in [*names, *keys]:
            for word in key.split("_"):
                if len(word) >= 4 and word != key:
                    choices.setdefault(word, []).append(key)
    found = process.extract(wanted, list(choices), scorer=Levenshtein.normalized_similarity,
                            limit=limit * 4, score_cutoff=0.7)
    stories = (lambda key: reader.doc_frequency("entity", key)) if reader is not None else (lambda key: 0)
    shown: list[str] = []
    for choice, _, _ in found:
        key = max(choices[choice], key=stories)  # a word: the name of it in most stories
        named = names.get(key) or (entity_named(index, key) or (None, key.replace("_", " ").title()))[1]
        if named not in shown:
            shown.append(named)
    return shown[:limit]


def sparkline(counts: list[int], width: int = 60) -> tuple[str, int]:
    """``counts`` as a line of bars at most ``width`` long, and how many counts each bar
    adds up (1 unless they had to be grouped); a month without a story is a dot."""
    group = max(1, -(-len(counts) // width))
    sums = [sum(counts[i:i + group]) for i in range(0, len(counts), group)]
    top = max(sums, default=0) or 1
    bars = "▁▂▃▄▅▆▇█"
    return "".join(bars[-(-n * len(bars) // top) - 1] if n else "·" for n in sums), group


def _reader(index):
    try:
        return index.searcher().reader()
    except Exception:  # noqa: BLE001 - no index: the notes and the facts are all there is
        return None


def run(args: argparse.Namespace) -> int:
    from reader.about import also_known_as, background_for
    from reader.core import open_library
    from reader.entities import service

    name = " ".join(args.name).strip()
    if not name:
        raise CommandError("reader: give a NAME")
    library = open_library()
    kb = recogniser().kb
    index = library.open_index()
    if index.exists():  # stories added since (``reader add``) count, as in ``reader search``
        from reader.commands.index import update_if_changed  # noqa: PLC0415

        update_if_changed(library, index)
    try:
        entity = resolve(name, kb, index)
        if args.wikipedia:
            entity = _wikipedia(library, entity, name) or entity
            kb = service.reload_knowledge_base().kb
        if entity is None:
            near = near_names(name, kb, index)
            hint = f"did you mean {' or '.join(repr(n) for n in near)}?" if near else \
                "no note, no place, no story that names it as an entity; `reader search` finds words"
            print(f"reader: nothing known about {name!r} ({hint})", file=sys.stderr)
            return EXIT_NOT_FOUND
        context = background_for(entity, kb, index=index)
        if context.note is None and (context.facts is None or context.facts.kind == "city"):
            # (a town's name is many towns: the one its story means, as the sidebar shows it)
            in_story = _from_its_first_story(library, context, kb, index)
            if in_story is not None and (context.facts is None or in_story.facts is not None):
                context = in_story
        also = also_named(index, name, entity.key, counted=also_known_as(context))
    finally:
        index.close()
    if args.json:
        json.dump({**_as_json(context), "also_in_library": [{"key": k, "name": n, "stories": c} for k, n, c in also]},
                  sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        print(format_background(context))
        if also:
            listed = ", ".join(f"{n} ({c} stor{'y' if c == 1 else 'ies'})" for _, n, c in also)
            print(f"\nAlso in your library: {listed}")
    return 0


def _from_its_first_story(library, context, kb, index):
    """The background as the sidebar shows it on the entity's first story, for what only a
    story can say ("the NEMISIS database": What: database; "Anna Ruiz, 34,": Age): ``None``
    when there is no such story or it no longer names the entity."""
    from reader.about import background_for
    from reader.entities.summary import story_roles, summarise

    first = context.dossier.first if context.dossier is not None else None
    if first is None:
        return None
    catalog = library.catalog()  # (one walk of the library, not one per look-up)
    entry = catalog.get(first.id)
    article = catalog.load(entry) if entry is not None else None
    if article is None:
        return None
    found = recogniser()
    infos = summarise(article.body, found.recognise(article.body), kb, article.title, found.knowledge.given_names)
    from reader.search.slugs import entity_slug

    info = next((i for i in infos if entity_slug(i.key) == entity_slug(context.entity.key)), None)  # (the
    # index keeps a key as its slug: "ann_hobb" for "ann-hobb")
    if info is None:
        return None
    found_there = background_for(info, kb, article=article, roles=story_roles(article.body, infos),
                                 story_entities=infos, index=index)
    facts = found_there.facts
    if facts is not None:  # ("this story" is the one the sidebar shows; here it is named)
        from dataclasses import replace

        from reader.entities.derived_facts import FROM_STORY

        story = f"its first story, “{first.title}”"
        source = facts.source.replace(FROM_STORY, story) if facts.derived else f"{facts.source}, as {story} means it"
        found_there.facts = replace(facts, source=source)
    return found_there


MOST_ALSO_NAMED = 5


def also_named(index, typed: str, shown: str, counted: tuple[str, ...] = ()) -> list[tuple[str, str, int]]:
    """``(key, name, stories)`` of the library's other names holding a one-word name as typed
    as a word ("Barack Obama", "Michelle Obama" for "Obama"; "Donald J. Trump" when "Trump" showed
    Donald Trump), the name in most stories first, leaving out the one ``shown`` and the keys
    its dossier ``counted`` (a country's team): a story's short form stays with its own story's
    full name, so these are listed, not merged."""
    from reader.search.dossier import entity_named, story_count
    from reader.search.expansion import entity_keys_with_words
    from reader.entities.model import TYPE_NAMES
    from reader.search.slugs import entity_slug

    slug, shown = entity_slug(typed), entity_slug(shown)
    reader = _reader(index)
    if reader is None or "_" in slug:
        return []
    left_out = {shown, *(entity_slug(key) for key in counted)}  # a country's team: counted in its dossier
    found = []
    for other in [key for key in entity_keys_with_words(reader, slug) if key not in left_out][:MOST_ALSO_NAMED]:
        named = entity_named(index, other)
        name = named[1] if named else other.replace("_", " ").title()
        if entity_slug(name) == shown and named and named[2] in TYPE_NAMES:
            name = f"{name}, the {TYPE_NAMES[named[2]].lower()}"  # the same name of another kind: say which
        found.append((other, name, story_count(index.searcher(), other)))  # as its own dossier counts
    return found



def _wikipedia(library, entity, name: str):
    from reader.config import load_settings
    from reader.config.settings import WIKIPEDIA_OFF
    from reader.entities.model import OTHER
    from reader.entities.notes import fold
    from reader.entities.entity_info import EntityInfo
    from reader.wikipedia import WikipediaClient, look_up

    settings = (library.settings or load_settings().settings).background
    if settings.wikipedia == "off":
        print(f"reader: {WIKIPEDIA_OFF}", file=sys.stderr)
        return None
    entity = entity or EntityInfo(name.casefold().replace(" ", "-"), name, OTHER)
    with WikipediaClient(language=settings.language, base_url=settings.base_url) as client:
        result = look_up(client, entity.key, entity.name, entity.type, chosen=None)
        exact = [c for c in result.candidates if fold(c.title) == fold(name)]
        if result.note is None and len(exact) == 1:  # the page of the very name the person typed
            result = look_up(client, entity.key, entity.name, entity.type, chosen=exact[0].title)
    if result.message:
        print(f"reader: {result.message}", file=sys.stderr)
    for candidate in result.candidates:
        print(f"  {candidate.title} — {candidate.description}", file=sys.stderr)
    return entity


def _as_json(context) -> dict:
    data = asdict(context)
    data["entity"] = {"key": context.entity.key, "name": context.entity.name, "type": context.entity.type}
    if context.note is not None:
        data["note"] = {**context.note.to_yaml_entry(), "origin": _origin(context.note)}
    return data


def _origin(note) -> str:
    from reader.entities.background import note_origin

    return note_origin(note)


def _credit(note) -> str:
    from reader.entities.background import note_credit

    return note_credit(note)


def format_background(context, width: int = 88) -> str:
    """The background as readable text, in the sidebar's order."""
    from reader.about import NO_INDEX
    from reader.entities.model import TYPE_NAMES

    entity, note = context.entity, context.note
    kind = note.type if note else entity.type
    lines = [f"{note.name if note else entity.name}  ({TYPE_NAMES.get(kind, kind.title())})"]
    if note is not None:
        if note.summary:
            lines += ["", *textwrap.wrap(note.summary, width)]
        for paragraph in note.background.split("\n\n"):
            if paragraph.strip():
                lines += ["", *textwrap.wrap(" ".join(paragraph.split()), width)]
        lines += ["", f"As of {note.as_of or '?'}, {_credit(note)}."]
        if note.source_url:
            lines += [note.source_url, note.licence]
    if context.facts is not None:
        facts = context.facts
        dated = f", data as of {facts.as_of}" if facts.as_of else ""
        kind = "" if facts.derived else f"{facts.kind}; "  # a derived fact's kind is the type, said above
        lines += ["", f"Facts ({kind}generated from {facts.source}{dated}):"]
        lines += [f"  {label}: {value}" for label, value in facts.lines]
    dossier = context.dossier
    if dossier is not None:
        lines += ["", f"In your library: {dossier.count} stor{'y' if dossier.count == 1 else 'ies'}"]
        if dossier.months:
            line, group = sparkline([n for _, n in dossier.months])
            each = f"; each mark {group} months" if group > 1 else ""
            undated = f" ({dossier.undated} undated)" if dossier.undated else ""
            lines.append(f"  stories per month, {dossier.span}{each}: {line}{undated}")
        elif dossier.undated:
            lines.append(f"  {dossier.undated} undated")
        for label, story in dossier.labelled_stories():  # one story: shown once, as the app does
            lines.append(f"  {label}: {story.title} [{story.id}] {story.published[:10]}".rstrip())
        if dossier.roles:
            lines.append("  described as: " + ", ".join(f"{r} ×{n}" for r, n in dossier.roles))
        if dossier.with_:
            lines.append("  mentioned with: " + ", ".join(f"{name} ×{n}" for _, name, n in dossier.with_))
    elif context.library_state:
        hint = " (`reader index` builds it; so does opening reader)" if context.library_state == NO_INDEX else ""
        lines += ["", f"In your library: {context.library_state}{hint}"]
    return "\n".join(lines)
