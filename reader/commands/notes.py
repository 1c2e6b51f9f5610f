"""``reader notes``: print a background note, or list them all."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from reader.commands import command_help
from reader.commands.common import CommandError
from reader.entities.model import TYPE_LABELS
import difflib
import unicodedata

from reader.entities.notes import KnowledgeBase, Note, load_knowledge_base

NAME = "notes"
HELP = command_help(NAME)
EXIT_NOT_FOUND = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="*", metavar="NAME", help="a name, alias or id (case-insensitive)")
    parser.add_argument("--list", action="store_true", help="list every note: id, type, name")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def format_note(note: Note, kb: KnowledgeBase, width: int = 88) -> str:
    """A note as readable text."""
    lines = [f"{note.name}  ({TYPE_LABELS.get(note.type, note.type).rstrip('s') if note.type != 'PERSON' else 'Person'})"]
    if note.aliases:
        lines.append("Also: " + ", ".join(note.aliases))
    if note.summary:
        lines += ["", *textwrap.wrap(note.summary, width)]
    if note.background:
        for paragraph in note.background.split("\n\n"):
            lines += ["", *textwrap.wrap(" ".join(paragraph.split()), width)]
    if note.dates:
        lines += ["", "Dates:"]
        lines += [f"  {d:<12} {w}" if d else f"  {w}" for d, w in note.dates]
    if note.related:
        names = [kb.get(r).name if kb.get(r) else r for r in note.related]
        lines += ["", "Related: " + ", ".join(names)]
    if note.as_of:
        lines += ["", f"As of {note.as_of}."]
    return "\n".join(lines)


def _plain(text: str) -> str:
    """A name as compared leniently: no accents, no case, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def lookup(kb: KnowledgeBase, name: str) -> tuple[Note | None, list[Note], list[str]]:
    """The note named ``name``; else the notes with a word (or words) it is ("Hua" → Hua
    Chunying, "shimonoseki" → the Treaty of Shimonoseki), else those with words it begins
    ("Shimono"), accents and case ignored: (the one note, or None and those candidates, and
    close spellings when there are none)."""
    exact = kb.find(name)
    if exact is not None:
        return exact, [], []
    wanted = _plain(name)
    if not wanted:
        return None, [], []
    whole: list[Note] = []  # a word of the name ("Hua" of Hua Chunying)
    found: list[Note] = []  # or the start of one ("Hua" of Huawei)
    for note in kb:
        forms = [f" {_plain(n)} " for n in (*note.names, note.id)]
        if any(f" {wanted} " in form for form in forms):
            whole.append(note)
        elif any(f" {wanted}" in form for form in forms):
            found.append(note)
    found = whole or found
    if len(found) == 1:
        return found[0], [], []
    if found:
        return None, found, []
    forms = {_plain(n): n for note in kb for n in note.names}
    near = difflib.get_close_matches(wanted, list(forms), n=3, cutoff=0.7)
    return None, [], [forms[n] for n in near]


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge_base()
    for problem in [*kb.problems, *kb.warnings]:
        print(f"reader: {problem}", file=sys.stderr)
    if args.list:
        if args.json:
            json.dump([{"id": n.id, "name": n.name, "type": n.type, "aliases": list(n.aliases)} for n in kb],
                      sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
            return 0
        width = max((len(n.id) for n in kb), default=2)
        for note in kb:
            aliases = f"  ({', '.join(note.aliases)})" if note.aliases else ""
            print(f"{note.id:<{width}}  {note.type:<6}  {note.name}{aliases}")
        return 0
    if not args.name:
        raise CommandError("reader: give a NAME, or --list to see every note")
    name = " ".join(args.name)
    note, several, near = lookup(kb, name)
    if several:
        listed = "; ".join(f"{n.name} ({n.id})" for n in several[:8]) + ("; …" if len(several) > 8 else "")
        print(f"reader: {len(several)} notes match {name!r}: {listed}. Give more of the name.", file=sys.stderr)
        return EXIT_NOT_FOUND
    if note is None:
        hint = f"did you mean {' or '.join(near)}?" if near else "reader notes --list lists them"
        print(f"reader: no note on {name!r} ({hint})", file=sys.stderr)
        return EXIT_NOT_FOUND
    if args.json:
        entry = note.to_yaml_entry()
        json.dump(entry, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(format_note(note, kb))
    return 0
