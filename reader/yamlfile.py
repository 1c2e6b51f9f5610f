"""Reading small YAML files (settings, themes) with line numbers for clear errors.

No UI here: a ``YamlFileError`` names the file, the line and what is wrong, and the
caller turns it into a ``Problem`` or a one-line message.

Importing PyYAML costs more than a third of what reader adds to Textual's start, and the
same few files are read at every start: a file whose text was parsed before is answered
from ``paths.cache_dir()`` (its data and lines, kept by its whole text), and PyYAML is
imported only for a text not seen before.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import paths
from reader.atomic import write_atomic

if TYPE_CHECKING:
    import yaml

__all__ = ["YamlDocument", "YamlFileError", "read_yaml", "parse_yaml"]

KeyPath = tuple[Any, ...]


class YamlFileError(Exception):
    """A YAML file that cannot be read or parsed: ``path``, 1-based ``line`` (if known), ``message``."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{self.path}: {where}{self.message}"


@dataclass
class YamlDocument:
    """The data of a YAML file and where each key sits (1-based lines by key path)."""

    path: Path | str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    text: str = ""

    def line(self, *key_path: Any) -> int | None:
        """The line of the key at ``key_path`` or of its nearest parent; None when unknown."""
        path = tuple(key_path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


class _RepeatedNode(Exception):
    """A list or mapping used again through an alias."""

    def __init__(self, line: int) -> None:
        self.line = line


def _collect_lines(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int],
                   seen: set[int] | None = None) -> None:
    import yaml  # noqa: PLC0415 - imported by parse_yaml already

    # An alias is the same node object again. Settings and themes never need to repeat a
    # list or mapping, and a few lines of nested aliases (a "YAML bomb") would stand for
    # billions of items once walked or shown: refuse them.
    seen = set() if seen is None else seen
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in seen:
            raise _RepeatedNode(node.start_mark.line + 1)
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            path = prefix + (key,)
            lines.setdefault(path, key_node.start_mark.line + 1)
            _collect_lines(value_node, path, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = prefix + (index,)
            lines.setdefault(path, item.start_mark.line + 1)
            _collect_lines(item, path, lines, seen)


def _describe_yaml_error(error: yaml.YAMLError) -> tuple[str, int | None]:
    import yaml  # noqa: PLC0415 - imported by parse_yaml already

    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            problem = f"{error.context}, {error.problem}"
        return f"invalid YAML: {problem}", (mark.line + 1) if mark else None
    return f"invalid YAML: {error}", None


def parse_yaml(text: str, path: Path | str = "<string>") -> YamlDocument:
    """Parse YAML ``text``; raise ``YamlFileError`` with the line of the first problem."""
    import yaml  # noqa: PLC0415 - only for a text not parsed before (see the module's docstring)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml when present: about 10x faster
    try:
        node = loader.get_single_node()  # parsed once: the nodes give the lines, then the data
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        message, line = _describe_yaml_error(error)
        raise YamlFileError(path, message, line) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is not None:
        try:
            _collect_lines(node, (), lines)
        except _RepeatedNode as repeated:
            raise YamlFileError(path, "a list or mapping is repeated through an alias (*name); "
                                      "reader's YAML files do not allow that", repeated.line) from None
    return YamlDocument(path=path, data=data, lines=lines, text=text)


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a YAML file; unreadable files and bad YAML raise ``YamlFileError``."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise YamlFileError(path, f"cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlFileError(path, f"not UTF-8 text (byte {error.start})") from None
    known = _PARSED.get(text)
    if known is not None:
        return YamlDocument(path=path, data=known[0], lines=known[1], text=text)
    document = parse_yaml(text, path)
    _PARSED.put(text, document.data, document.lines)
    return document


class _ParsedTexts:
    """Texts parsed before, with their data and lines, kept in one small JSON file (the
    latest ``KEEP``); a text whose data JSON would change (dates, number keys) is not kept."""

    KEEP = 200
    NAME = "parsed-yaml.json"

    def __init__(self) -> None:
        self._entries: list[list] | None = None
        self._lock = threading.Lock()

    def _load(self) -> list[list]:
        if self._entries is None:
            try:
                entries = json.loads((paths.cache_dir() / self.NAME).read_text(encoding="utf-8"))
                self._entries = entries if isinstance(entries, list) else []
            except (OSError, ValueError):
                self._entries = []
        return self._entries

    def get(self, text: str) -> tuple[Any, dict[KeyPath, int]] | None:
        with self._lock:
            for entry in self._load():
                if isinstance(entry, list) and len(entry) == 3 and entry[0] == text:
                    # a copy, as parsing would give: a caller may change what it is handed
                    return json.loads(json.dumps(entry[1])), {tuple(key): line for key, line in entry[2]}
        return None

    def put(self, text: str, data: Any, lines: dict[KeyPath, int]) -> None:
        try:
            kept = json.loads(json.dumps(data))  # a copy, and the check that JSON keeps it whole
            if kept != data:
                return
            entry = [text, kept, [[list(key), line] for key, line in lines.items()]]
            with self._lock:
                entries = [e for e in self._load() if not (isinstance(e, list) and e[:1] == [text])]
                self._entries = [*entries, entry][-self.KEEP:]
                write_atomic(paths.cache_dir() / self.NAME, json.dumps(self._entries), durable=False)
        except (OSError, TypeError, ValueError):
            pass  # a cache we cannot write only costs time


_PARSED = _ParsedTexts()
