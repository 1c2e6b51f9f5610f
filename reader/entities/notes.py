"""The knowledge base: background notes on entities, read from YAML files.

Shipped notes live in ``seeds/notes/*.yaml``; a person's own notes live in
``paths.config_dir() / "notes" / *.yaml`` and override shipped entries field by
field (same ``id``) or add new ones. Each file holds a list of entries::

    - id: senkaku-islands
      name: Senkaku Islands
      type: PLACE
      aliases: [Diaoyutai, Diaoyu Islands]
      summary: One or two lines.
      background: |
        A few short paragraphs.
      dates:
        - {date: "1895-01", what: Japan incorporates the islands}
      related: [east-china-sea]
      as_of: "2026-11-25"

A body whose name other countries' bodies share also gives its ``country`` (an ISO code:
``country: US`` for the Democratic Party): its note is then given to the name only in a
story of that country (``entities.note_countries``).

A malformed file is reported as a ``Problem`` naming the file and line, and
the other files still load. An alias claimed by two notes is given to one of
them by a fixed rule (see ``_resolve_alias``) and reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path


from reader import paths
from reader.atomic import write_atomic
from reader.entities.model import normalise_type
from reader.problems import Problem
from reader.text import fold_name, make_safe

USER_NOTES_FILE = "my-notes.yaml"
_LINE_KEY = "__line__"
_ID_CLEAN = re.compile(r"[\W_]+")
_FIELDS = ("id", "name", "type", "aliases", "summary", "background", "dates", "related", "as_of", "source_url",
           "licence", "country")


@dataclass(frozen=True)
class Note:
    """A background note on one entity."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    summary: str = ""
    background: str = ""
    dates: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()
    as_of: str | None = None
    source_url: str = ""
    """Where the text comes from, when it is not the person's or reader's (a Wikipedia page)."""
    licence: str = ""
    """The licence of that text ("CC BY-SA 4.0", with its attribution)."""
    source: Path | None = field(default=None, compare=False)
    user: bool = field(default=False, compare=False)
    country: str = ""
    """The country a body's name is tied to ("US" for the Democratic Party): its note is given to
    the name only in a story of that country (see ``entities.note_countries``)."""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)

    def to_yaml_entry(self) -> dict:
        """The note as a plain mapping for a notes file (empty fields left out)."""
        entry: dict = {"id": self.id, "name": self.name, "type": self.type}
        if self.aliases:
            entry["aliases"] = list(self.aliases)
        for key in ("summary", "background"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        if self.dates:
            entry["dates"] = [{"date": d, "what": w} for d, w in self.dates]
        if self.related:
            entry["related"] = list(self.related)
        if self.as_of:
            entry["as_of"] = self.as_of
        for key in ("source_url", "licence", "country"):
            if getattr(self, key):
                entry[key] = getattr(self, key)
        return entry


def make_id(name: str) -> str:
    """A note id from a name: folded as names are compared ("Antonín Dvořák" →
    "antonin-dvorak"), runs of other characters than letters and digits as ``-``."""
    return _ID_CLEAN.sub("-", fold_name(name)).strip("-") or "note"


def fold(name: str) -> str:
    """The form names are compared in: case-folded, curly apostrophes straightened, spaces collapsed."""
    return " ".join(name.replace("’", "'").replace("‘", "'").casefold().split())


@cache
def _line_loader() -> type:
    """A safe loader that records the line of each mapping under ``__line__`` (made when
    first needed: importing PyYAML is not part of starting the app). It parses with libyaml
    when PyYAML has it, as ``yamlfile`` does: the shipped notes in 7.5 ms, not 80."""
    import yaml  # noqa: PLC0415

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[_LINE_KEY] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict, set, tuple)):
        # never str() a nested value: YAML aliases can make a few lines stand for billions of items
        raise ValueError("should be text, not a list or mapping")
    return make_safe(str(value)).strip()  # notes are shown on a terminal: no control characters


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list):
        raise ValueError("should be a list")
    return tuple(s for s in (_text(v) for v in value if not isinstance(v, dict)) if s)


def _dates(value: object) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if isinstance(value, dict):
        return tuple((_text(k), _text(v)) for k, v in value.items() if k != _LINE_KEY)
    if not isinstance(value, list):
        raise ValueError("should be a list of {date, what}")
    out = []
    for item in value:
        if isinstance(item, dict):
            out.append((_text(item.get("date")), _text(item.get("what") or item.get("event"))))
        else:
            out.append(("", _text(item)))
    return tuple(out)


def _entry_to_fields(entry: dict) -> dict:
    """Validate one entry; returns the fields it sets (``ValueError`` says what is wrong)."""
    unknown = sorted(str(k) for k in entry if k not in _FIELDS and k != _LINE_KEY)
    if unknown:
        raise ValueError(f"unknown keys {', '.join(unknown)}")
    fields: dict = {}
    for key in ("name", "summary", "background", "as_of", "source_url", "licence"):
        if key in entry:
            fields[key] = _text(entry[key])
    if "country" in entry:
        fields["country"] = _text(entry["country"]).upper()
    if "type" in entry:
        fields["type"] = normalise_type(_text(entry["type"]))
    for key in ("aliases", "related"):
        if key in entry:
            try:
                fields[key] = _strings(entry[key])
            except ValueError as error:
                raise ValueError(f"{key} {error}") from None
    if "dates" in entry:
        fields["dates"] = _dates(entry["dates"])
    return fields


def read_notes_file(path: Path, user: bool = False) -> tuple[list[Note | dict], list[Problem]]:
    """Read one notes file. Returns complete notes, partial entries (dicts with an id, which
    can only override) and the problems met. A YAML error skips the whole file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(path, f"cannot be read: {getattr(error, 'strerror', None) or error}")]
    import yaml  # noqa: PLC0415

    try:
        data = yaml.load(text, Loader=_line_loader())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        reason = getattr(error, "problem", None) or "not valid YAML"
        return [], [Problem(path, f"{where}not valid YAML ({reason}); its notes were not loaded")]
    if data is None:
        return [], []
    if isinstance(data, dict) and "notes" in data:
        data = data["notes"]
    if not isinstance(data, list):
        return [], [Problem(path, "line 1: should be a list of notes; its notes were not loaded")]
    results: list[Note | dict] = []
    problems: list[Problem] = []
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            problems.append(Problem(path, f"entry {index} is not a mapping; skipped"))
            continue
        line = entry.get(_LINE_KEY, "?")
        try:
            fields = _entry_to_fields(entry)
            note_id = _text(entry.get("id")) or (make_id(fields["name"]) if fields.get("name") else "")
        except ValueError as error:
            problems.append(Problem(path, f"line {line}: {error}; this note was skipped"))
            continue
        if not note_id:
            problems.append(Problem(path, f"line {line}: a note needs an id or a name; skipped"))
            continue
        fields["id"] = note_id
        if fields.get("name") and "type" in fields:
            results.append(Note(**fields, source=path, user=user))
        else:
            fields["__source__"] = path
            fields[_LINE_KEY] = line
            results.append(fields)
    return results, problems


def notes_files(folder: Path | None) -> list[Path]:
    """The ``*.yaml`` / ``*.yml`` files in a folder, in name order (none when it is missing)."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in (".yaml", ".yml") and p.is_file() and not p.name.startswith("."))


def shipped_notes_dir() -> Path:
    """The notes shipped with reader."""
    return paths.seeds_dir() / "notes"


def user_notes_dir() -> Path:
    """The person's own notes."""
    return paths.config_dir() / "notes"


class KnowledgeBase:
    """Notes by id, and a lookup from every name and alias to its note."""

    def __init__(self, notes: Iterable[Note] = (), problems: Iterable[Problem] = ()) -> None:
        self.notes: dict[str, Note] = {}
        for note in notes:
            self.notes[note.id] = note
        self.problems: list[Problem] = list(problems)
        self.warnings: list[Problem] = []
        self._by_name: dict[str, str] = {}
        self._index()

    def _index(self) -> None:
        claims: dict[str, list[Note]] = {}
        for note in self.notes.values():
            for name in dict.fromkeys(fold(n) for n in (note.id, *note.names) if n.strip()):
                claims.setdefault(name, []).append(note)
        self._by_name = {}
        for name, notes in claims.items():
            winner = _resolve_alias(name, notes)
            self._by_name[name] = winner.id
            if len(notes) > 1:
                losers = ", ".join(n.id for n in notes if n is not winner)
                self.warnings.append(Problem(winner.source or "notes",
                                             f"the name {name!r} is claimed by {winner.id} and {losers}; "
                                             f"it is given to {winner.id}", skipped=False))

    def __len__(self) -> int:
        return len(self.notes)

    def __iter__(self) -> Iterator[Note]:
        return iter(sorted(self.notes.values(), key=lambda n: fold(n.name)))

    def get(self, note_id: str | None) -> Note | None:
        """The note with this id."""
        return self.notes.get(note_id) if note_id else None

    def find(self, name: str) -> Note | None:
        """The note with this id, name or alias (case-insensitive)."""
        note_id = self._by_name.get(fold(name))
        return self.notes.get(note_id) if note_id else None

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Every (name or alias, note id) pair the recogniser should match."""
        for note in self.notes.values():
            for name in note.names:
                if name.strip() and self._by_name.get(fold(name)) == note.id:
                    yield name, note.id


def _resolve_alias(name: str, notes: list[Note]) -> Note:
    """Who gets a name claimed by several notes, the same way every time: a note whose own
    name it is, then a person's own note over a shipped one, then the smallest id."""
    return min(notes, key=lambda n: (fold(n.name) != name, not n.user, n.id))


def load_knowledge_base(shipped: Path | None = None, user: Path | None = None) -> KnowledgeBase:
    """Load shipped notes, then the person's notes over them (by id, field by field)."""
    shipped = shipped_notes_dir() if shipped is None else shipped
    user = user_notes_dir() if user is None else user
    notes: dict[str, Note] = {}
    problems: list[Problem] = []
    for folder, is_user in ((shipped, False), (user, True)):
        for path in notes_files(folder):
            entries, file_problems = read_notes_file(path, user=is_user)
            problems.extend(file_problems)
            for entry in entries:
                if isinstance(entry, Note):
                    base = notes.get(entry.id)
                    notes[entry.id] = entry if base is None or not is_user else _merge(base, entry, path)
                    continue
                base = notes.get(entry["id"])
                if base is None:
                    problems.append(Problem(path, f"line {entry[_LINE_KEY]}: {entry['id']!r} has no name or type "
                                                  "and no shipped note to extend; skipped"))
                    continue
                fields = {k: v for k, v in entry.items() if k in _FIELDS}
                notes[base.id] = replace(base, **fields, source=path, user=True)
    return KnowledgeBase(notes.values(), problems)


def _merge(base: Note, override: Note, path: Path) -> Note:
    fields = {k: getattr(override, k) for k in _FIELDS if getattr(override, k) not in ("", (), None)}
    return replace(base, **fields, source=path, user=True)


def save_user_note(note: Note, folder: Path | None = None) -> Path:
    """Add or replace ``note`` in the person's notes file, written atomically. Returns the file."""
    return save_user_notes([note], folder)


def save_user_notes(notes: Iterable[Note], folder: Path | None = None) -> Path:
    """Add or replace these notes in the person's notes file in one atomic write."""
    folder = user_notes_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / USER_NOTES_FILE
    import yaml  # noqa: PLC0415

    entries: list = []
    if path.exists():
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ValueError(f"{path} is not valid YAML; fix it before saving a note ({error})") from None
        if isinstance(loaded, list):
            entries = loaded
        elif loaded is not None:
            raise ValueError(f"{path} is not a list of notes; fix it before saving a note")
    new = {note.id: note for note in notes}
    entries = [e for e in entries if not (isinstance(e, dict) and str(e.get("id")) in new)]
    entries += [note.to_yaml_entry() for note in new.values()]
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=88)
    write_atomic(path, text)
    return path
