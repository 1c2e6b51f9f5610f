"""Editing a story's tags, or its source: written into the ``tags:`` or ``source:`` of its
file's front matter.

Tags belong to the story, so they live in its file (readable without reader, and carried
by an export); so does its source (a feed the person renamed names its stories anew). The
file is replaced atomically, and only the front matter changes: the story's text is kept
byte for byte, and other front matter keys are kept. Only ``.txt`` stories (what reader
imports, and what most people write) have front matter to edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from reader.atomic import write_atomic
from reader.loaders.txt import FRONT_MATTER as _FRONT_MATTER

__all__ = ["TagsNotEditable", "clean_tags", "set_story_source", "set_story_tags"]


class TagsNotEditable(Exception):
    """The story's file cannot carry tags (not a .txt file, unreadable, broken front matter)."""


def clean_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as kept: trimmed, no commas, no repeats (in any case). A string splits at commas."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: set[str] = set()
    kept: list[str] = []
    for tag in tags:
        text = " ".join(str(tag).replace(",", " ").split()).strip("/# ")
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return tuple(kept)


def set_story_tags(path: Path | str, tags: Iterable[str] | str) -> tuple[str, ...]:
    """Write ``tags`` into the story file's front matter; returns the tags written."""
    kept = clean_tags(tags)

    def change(meta: dict) -> None:
        if kept:
            meta["tags"] = list(kept)
        else:
            meta.pop("tags", None)

    _rewrite_front_matter(Path(path), change, "tags")
    return kept


def set_story_source(path: Path | str, source: str) -> bool:
    """Write ``source`` into the story file's front matter; False when it already said so."""
    source = " ".join(source.split())
    return _rewrite_front_matter(Path(path), lambda meta: meta.__setitem__("source", source), "a source")


def _rewrite_front_matter(path: Path, change: Callable[[dict], None], what: str) -> bool:
    """Apply ``change`` to the story file's front matter and write the file again (atomically;
    the text after the front matter byte for byte); False when nothing changed. ``what``
    names the field in a refusal."""
    if path.suffix.lower() != ".txt":
        raise TagsNotEditable(f"{path.name}: {what} can be written into .txt stories only")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as error:
        raise TagsNotEditable(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise TagsNotEditable(f"{path.name}: not valid UTF-8, so it is not rewritten") from None
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.safe_load(match.group(1) or "") or {}
        except yaml.YAMLError:
            raise TagsNotEditable(f"{path.name}: its front matter is not valid YAML; fix it first") from None
        if not isinstance(meta, dict):
            raise TagsNotEditable(f"{path.name}: its front matter is not a mapping; fix it first")
        rest = text[match.end():]
    else:
        meta, rest = {}, text if text.startswith("\n") else "\n" + text
    before = dict(meta)
    change(meta)
    if meta == before:
        return False  # nothing changes (no front matter and nothing to put in one, too)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000) \
        if meta else ""
    if match and not rest.startswith("\n"):
        rest = "\n" + rest if rest else rest
    write_atomic(path, f"---\n{front}---\n{rest}" if meta else rest.lstrip("\n"))
    return True
