"""Looking an entity up: the remembered choice or the best candidate, its summary saved as
the person's note (with the page's address, the licence and the date), or the candidates
to choose from. Choices are remembered in ``paths.data_dir()/wikipedia-choices.json``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.atomic import write_atomic
from reader.entities.notes import Note, fold, save_user_note
from reader.wikipedia.choose import confident, is_disambiguation, kind_fit, rank
from reader.wikipedia.client import Candidate, Summary, WikipediaClient, WikipediaError

LICENCE = ("Text from Wikipedia, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); "
           "its authors are listed in the page's history")
CHOICES_FILE = "wikipedia-choices.json"
MAX_CANDIDATES = 6


@dataclass
class LookupResult:
    """A saved note, or candidates to choose from, or why neither (one line)."""

    note: Note | None = None
    candidates: list[Candidate] = field(default_factory=list)
    message: str = ""


def choices_path() -> Path:
    return paths.data_dir() / CHOICES_FILE


def _choice_key(name: str, kind: str) -> str:
    return f"{kind}|{fold(name)}"


def remembered(name: str, kind: str) -> str | None:
    """The page the person chose for this name before ("" for "none of these")."""
    try:
        data = json.loads(choices_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(_choice_key(name, kind)) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def remember(name: str, kind: str, title: str) -> None:
    """Remember the page chosen for this name (atomically)."""
    path = choices_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data = data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        data = {}
    data[_choice_key(name, kind)] = title
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def has_own_note(key: str) -> bool:
    """True when the person wrote a note on ``key`` themselves (a whole note or their part of a
    shipped one: the knowledge base marks both ``user``), not one saved from Wikipedia."""
    from reader.entities.notes import load_knowledge_base  # noqa: PLC0415

    note = load_knowledge_base().get(key)
    return note is not None and note.user and "/wiki/" not in note.source_url


def look_up(client: WikipediaClient, key: str, name: str, kind: str, story_text: str = "", *,
            chosen: str | None = None, save: bool = True, ask: bool = True,
            refresh: str | None = None, replace_own: bool = False) -> LookupResult:
    """Find the page about an entity and save its summary as the person's note.

    ``chosen``: the title the person picked (remembered for next time). Without it, a
    remembered choice is used, else the candidates are ranked: a clear best is taken, else
    the candidates are returned for the person to choose (or, with ``ask=False``, as in
    ``auto`` mode, nothing is taken). ``refresh``: the title of the page a saved note came
    from, fetched again (not from the cache). A note the person wrote is never replaced
    unless ``replace_own`` (they said so). Never raises: failures are ``message``."""
    try:
        if save and not replace_own and has_own_note(key):
            return LookupResult(message=f"Your own note on {name} is kept: Wikipedia's summary was not saved.")
        if chosen is not None:
            remember(name, kind, chosen)
            title = chosen
        elif refresh:
            title = refresh
        else:
            title = remembered(name, kind)
            if title == "":
                return LookupResult(message=f"You chose no Wikipedia page for {name}.")
        if not title:
            ranked = rank(name, kind, story_text, client.search(name, limit=10))
            if not ranked:
                return LookupResult(message=f"Wikipedia has no page that matches {name}.")
            if not confident(ranked):
                candidates = [r.candidate for r in ranked[:MAX_CANDIDATES]]
                several = (f"Several Wikipedia pages may be about {name}: choose one." if len(candidates) > 1
                           else f"A Wikipedia page may be about {name}: choose it if it is.")
                return LookupResult(candidates=candidates if ask else [],
                                    message=several if ask else f"No clear Wikipedia page for {name}; not taken.")
            title = ranked[0].candidate.title
        summary = client.summary(title, fresh=bool(refresh))
        if summary.kind == "disambiguation" or is_disambiguation(Candidate(summary.title, summary.description)):
            ranked = rank(name, kind, story_text, client.search(name, limit=10))
            return LookupResult(candidates=[r.candidate for r in ranked[:MAX_CANDIDATES]] if ask else [],
                                message=f"“{summary.title}” is a disambiguation page: choose the right one.")
        if chosen is None and kind_fit(kind, summary.description) < 0:
            return LookupResult(candidates=[Candidate(summary.title, summary.description)] if ask else [],
                                message=f"The page found for {name} does not seem to be about a "
                                        f"{kind.lower()}; not taken.")
        note = note_from_summary(key, name, kind, summary)
        if save:
            save_user_note(note)
        return LookupResult(note=note, message=f"Saved Wikipedia's summary of {summary.title} as your note.")
    except WikipediaError as error:
        return LookupResult(message=str(error))
    except (OSError, ValueError) as error:
        return LookupResult(message=f"The Wikipedia summary was not saved: {error}")


def note_from_summary(key: str, name: str, kind: str, summary: Summary) -> Note:
    """The person's note made of a page summary: its description, the lead text, where it
    comes from, the licence, and today's date."""
    aliases = (summary.title,) if fold(summary.title) != fold(name) else ()
    return Note(key, name, kind, aliases, summary.description, summary.extract, (), (),
                dt.date.today().isoformat(), summary.url, LICENCE)
