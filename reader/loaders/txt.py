"""Load a ``.txt`` article: optional YAML front matter, title, paragraphs, photo credit."""

from __future__ import annotations

import codecs

from collections.abc import Callable

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from reader.dates import dateline
from reader.library.article import PARAGRAPH_BREAK, Article
from reader.problems import Problem
from reader.text import TAB_SIZE, first_sentence, make_safe, shorten

BINARY_SNIFF_BYTES = 8192
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FRONT_MATTER = _FRONT_MATTER
"""A leading YAML block between ``---`` lines (group 1: its text)."""
# "Andrea Verdelli/Getty Images", "Photo: Jane Doe/AP", "Image by Reuters"
_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture)s?(?:\s+by|\s*:)\s*.{1,60}"
    r"|[^.!?/]{1,60}/\s*[A-Z][\w&.' -]{1,40})$",
    re.IGNORECASE,
)
_HEADLINE_MAX = 160
HARD_WRAP_MAX = 100  # lines no longer than this inside a block are a wrapped paragraph
_FRONT_MATTER_KEYS = {"title", "source", "published", "url", "tags", "byline", "credit", "id", "imported", "links"}
_LIST_KEYS = ("tags", "links")


@dataclass
class Loaded:
    """The result of loading one file: an article (or none) and what went wrong.

    A file that holds many articles (a feed) puts them in ``more``; ``articles`` is all of them.
    """

    article: Article | None
    problems: list[Problem] = field(default_factory=list)
    more: list[Article] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        """Every article loaded from the file."""
        return ([self.article] if self.article is not None else []) + self.more


_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (9, 10, 12, 13, 27))
"""Every byte but the control bytes that do not occur in text (tab, newlines, form feed, escape)."""


_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""UTF-32's marks first: its little-endian one begins with UTF-16's."""
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A character UTF-8 writes in more than one byte: a file with one is UTF-8, if damaged."""


def marked_encoding(data: bytes) -> str | None:
    """"utf-16" or "utf-32" when the bytes begin with that encoding's byte-order mark."""
    return next((encoding for mark, encoding in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _mostly_not_utf8(data: bytes) -> bool:
    """True when the bytes above ASCII are mostly not UTF-8's: more stray ones than characters
    UTF-8 writes in several bytes (Windows-1252's "ß“" happens to be one such character)."""
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return high - sum(map(len, sequences)) > len(sequences)


_HIGH_BYTES = bytes(range(0x80, 0x100))


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: a NUL byte, or mostly control bytes (text in UTF-16 or
    UTF-32 with its byte-order mark is text)."""
    encoding = marked_encoding(data)
    if encoding is not None:
        head = data[:BINARY_SNIFF_BYTES]
        return looks_binary(head.decode(encoding, errors="replace").encode("utf-8"))
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL_BYTES))  # the control bytes left
    return len(head) > 0 and controls / len(head) > 0.1


def decode(data: bytes, path: Path | str) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (with or without BOM), or UTF-16 or UTF-32 by their byte-order mark. Bytes
    whose high bytes are mostly not UTF-8's are an 8-bit code page, read as Windows-1252 (the
    Western European one, a superset of Latin-1) with a notice; in UTF-8, invalid bytes become
    U+FFFD with a notice."""
    encoding = marked_encoding(data)
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
        damaged = "\ufffd" in text and "\ufffd" not in data.decode(encoding, errors="ignore")
        return text, [Problem(path, f"not valid {encoding.upper()}; shown with � in its place", skipped=False)] \
            if damaged else []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        if _mostly_not_utf8(data):
            note = Problem(path, "not UTF-8; read as Windows-1252 (Western European)", skipped=False)
            return data.decode("cp1252", errors="replace"), [note]
        text = data.decode("utf-8-sig", errors="replace")
        note = Problem(path, f"not valid UTF-8 (first bad byte at {error.start}); shown with � in its place", skipped=False)
        return text, [note]


def split_front_matter(text: str, path: Path | str) -> tuple[dict, str, list[Problem]]:
    """Split a leading ``---`` YAML block from the text; a broken block is reported and ignored."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    rest = text[match.end():]
    import yaml  # imported on first use: start-up does not pay for it

    try:
        meta = _safe_load(yaml, match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        return {}, rest, [Problem(path, f"front matter is not valid YAML{where}; it was ignored", skipped=False)]
    if not isinstance(meta, dict):
        return {}, rest, [Problem(path, "front matter is not a mapping of keys to values; it was ignored", skipped=False)]
    unknown = sorted(str(k) for k in meta if k not in _FRONT_MATTER_KEYS)
    problems = [Problem(path, f"unknown front matter keys ignored: {', '.join(unknown)}", skipped=False)] if unknown else []
    meta, refused = _plain_values(meta)
    if refused:
        problems.append(Problem(path, f"front matter values that are not plain text ignored: {', '.join(refused)}",
                                skipped=False))
    return meta, rest, problems


def _safe_load(yaml, text: str):
    """``yaml.safe_load``, through libyaml when PyYAML has it (five times faster: every
    story of a library has its front matter read when the list is first made and when it
    is indexed). Text libyaml refuses is read again by the pure loader, so a broken block
    gets the same error and line as before."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - the safe loader, in C
        except (yaml.YAMLError, ValueError):
            pass
    return yaml.safe_load(text)


_SCALARS = (str, int, float, bool, dt.date)


def _plain_values(meta: dict) -> tuple[dict, list[str]]:
    """Keep the known keys whose values are text (``tags`` may be a list of texts).

    YAML aliases can make a few hundred bytes stand for billions of list items (a "YAML
    bomb"); turning such a value into text would take gigabytes, so nested values are
    refused, never converted."""
    plain: dict = {}
    refused: list[str] = []
    for key, value in meta.items():
        if key not in _FRONT_MATTER_KEYS:
            continue
        if key in _LIST_KEYS and isinstance(value, _SCALARS) and not isinstance(value, str):
            plain[key] = [value]  # "tags: 2021" or "tags: true": one tag, not a crash iterating it
        elif value is None or isinstance(value, _SCALARS):
            plain[key] = value
        elif key in _LIST_KEYS and isinstance(value, list) and all(isinstance(t, _SCALARS) for t in value):
            plain[key] = value
        else:
            refused.append(str(key))
    return plain, sorted(refused)


CODE_INDENT = "    "
"""How a paragraph that keeps its lines (code, a listing) is written: each line indented,
as Markdown writes code."""


def split_paragraphs(text: str, keep_indented: bool = False) -> list[str]:
    """Blank lines separate paragraphs. Inside a block, hard-wrapped lines (all short)
    are joined; long lines are each a paragraph, as in files with one paragraph per line.
    ``keep_indented`` (a file the importer wrote, ``stored_body``): a block of two lines or
    more all indented (``CODE_INDENT`` or a tab) keeps its lines; in a person's own file
    such a block may as well be an indented quotation, hard-wrapped."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\n")):
        raw = [line.rstrip() for line in block.split("\n") if line.strip()]
        if keep_indented and len(raw) > 1 and all(line.startswith((CODE_INDENT, "\t")) for line in raw):
            paragraphs.append(textwrap.dedent("\n".join(line.expandtabs(TAB_SIZE) for line in raw)))
            continue
        lines = [line.strip() for line in raw]
        if len(lines) > 1 and all(len(line) <= HARD_WRAP_MAX for line in lines[:-1]):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def stored_body(body: str) -> str:
    """``body`` as the importer's ``.txt`` file keeps it (with ``imported:`` in its front
    matter): ``split_paragraphs(…, keep_indented=True)`` reads it back the same."""
    return PARAGRAPH_BREAK.join("\n".join(CODE_INDENT + line for line in p.split("\n")) if "\n" in p else p
                                for p in body.strip("\n").split(PARAGRAPH_BREAK))


def split_credit(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Take a trailing photo-credit line off the paragraphs."""
    if len(paragraphs) > 1 and _CREDIT.match(paragraphs[-1]):
        return paragraphs[:-1], paragraphs[-1]
    return paragraphs, None


def _is_headline(paragraphs: list[str]) -> bool:
    first = paragraphs[0]
    return len(paragraphs) > 1 and len(first) <= _HEADLINE_MAX and not re.search(r"[.!?:;,][\"'”’)]*$", first)


def _text_field(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    return make_safe(str(value)).strip() or None


def parse_article(text: str, path: Path | str, article_id: str) -> Loaded:
    """Build an article from decoded text."""
    meta, rest, problems = split_front_matter(text, path)
    written = "imported" in meta  # the importer's own file: its front matter says all (``article_text``)
    paragraphs = split_paragraphs(make_safe(rest), keep_indented=written)
    paragraphs, credit = (paragraphs, None) if written else split_credit(paragraphs)
    title = _text_field(meta, "title")
    if title is None and paragraphs:
        if len(paragraphs) > 1 and dateline(paragraphs[0]):
            # a date line first ("Friday, January 3, 2014") dates the story; the title is what follows
            title = shorten(first_sentence(paragraphs[1])).rstrip(",;:")
        elif _is_headline(paragraphs):
            title = paragraphs.pop(0)
        else:
            title = shorten(first_sentence(paragraphs[0])).rstrip(",;:")  # the body has it in full
    return build_article(meta, title, paragraphs, credit, path, article_id, problems, dated_by_text=not written)


def build_article(meta: dict, title: str | None, paragraphs: list[str], credit: str | None,
                  path: Path | str, article_id: str, problems: list[Problem], dated_by_text: bool = True) -> Loaded:
    """The article from front matter and parsed text (front matter wins); none when there is no text.
    ``dated_by_text``: a first paragraph that is only a date dates the story when the front
    matter does not."""
    if not paragraphs and title is None:
        return Loaded(None, problems + [Problem(path, "no text in the file; skipped")])
    tags = meta.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    article = Article(
        id=str(meta.get("id") or article_id),
        title=shorten(title or "", _HEADLINE_MAX),  # a headline in full (it is not in the body)
        body=PARAGRAPH_BREAK.join(paragraphs),
        source=_text_field(meta, "source"),
        published=_text_field(meta, "published") or (dateline(paragraphs[0]) if paragraphs and dated_by_text else None),
        url=_text_field(meta, "url"),
        byline=_text_field(meta, "byline"),
        credit=_text_field(meta, "credit") or credit,
        tags=tuple(make_safe(str(t)) for t in tags if str(t).strip()),
        path=Path(path),
        links=tuple(str(u).strip() for u in _as_list(meta.get("links"))
                    if str(u).strip().lower().startswith(("http://", "https://"))),
    )
    return Loaded(article, problems)


def _as_list(value: object) -> list:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def read_article_bytes(path: Path, kind: str = "text") -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None and the reason it is skipped (unreadable, empty, binary)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, f"cannot be read: {error.strerror or error}")]
    if not data.strip():
        return None, [Problem(path, "empty file; skipped")]
    if looks_binary(data):
        return None, [Problem(path, f"binary data, not {kind}; skipped")]
    return data, []


def load_with(parse: Callable[[str, Path, str], Loaded], path: Path, article_id: str | None = None) -> Loaded:
    """Read a text file, decode it (noting invalid UTF-8) and ``parse`` it into an article."""
    data, skipped = read_article_bytes(path)
    if data is None:
        return Loaded(None, skipped)
    text, problems = decode(data, path)
    loaded = parse(text, path, article_id or path.stem)
    loaded.problems[:0] = problems
    return loaded


def load_txt(path: Path, article_id: str | None = None) -> Loaded:
    """Read and parse one ``.txt`` file; unreadable, empty and binary files are skipped with a reason."""
    return load_with(parse_article, path, article_id)
