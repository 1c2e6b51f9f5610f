"""Load RSS and Atom feeds with feedparser: each entry becomes an article.

Real feeds are messy, and a good importer takes every usable entry and names what it
could not use: gzip bytes saved as ``.xml`` are unpacked, legacy encodings
(windows-1251, iso-8859-1) are decoded by feedparser, a feed that is not well-formed
XML is read with feedparser's lenient parser (with a note), and a file that is no feed
at all (an HTML page) is skipped with that reason.
"""

from __future__ import annotations

import calendar
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from reader.library.article import PARAGRAPH_BREAK, Article
from reader.loaders.html_text import html_inline, html_links, html_paragraphs
from reader.problems import Problem
from reader.text import make_safe, shorten
from reader.loaders.txt import Loaded

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class ParsedFeed:
    """What a feed gave: its title and link, its articles, and the problems met."""

    title: str | None = None
    link: str | None = None
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    is_feed: bool = False


MAX_UNPACKED = 64 * 1024 * 1024
"""Gzip data may unpack to at most this much: a megabyte of gzip can stand for gigabytes."""


def unpack(data: bytes) -> bytes:
    """Gzip bytes unpacked (every member); other bytes as they are. Damaged gzip, or gzip that
    would unpack to more than ``MAX_UNPACKED`` bytes (a "gzip bomb"), is returned as it is."""
    if data[:2] != _GZIP_MAGIC:
        return data
    out = bytearray()
    rest = data
    try:
        while rest[:2] == _GZIP_MAGIC:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += member.decompress(rest, MAX_UNPACKED + 1 - len(out))
            if len(out) > MAX_UNPACKED or member.unconsumed_tail or not member.eof:
                return data  # too big, or cut short
            rest = member.unused_data
    except zlib.error:
        return data
    return bytes(out)


def format_time(parsed: time.struct_time | None) -> str | None:
    """A feed's parsed time (UTC) as ISO 8601, e.g. 2003-06-03T09:39:21Z."""
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))
    except (OverflowError, ValueError, TypeError):
        return None


def _entry_body(entry: dict) -> tuple[list[str], bool]:
    """The entry's paragraphs and whether they are the full content (not a summary)."""
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if best and len(html_paragraphs(best)) and len(best) >= len(summary):
        return html_paragraphs(best), True
    return html_paragraphs(summary), False


def _entry_links(entry: dict) -> list[str]:
    """The links in the entry's content and summary, in order, each once."""
    found: list[str] = []
    for value in [*(c.get("value") or "" for c in entry.get("content") or []), entry.get("summary") or ""]:
        for href in html_links(value):
            if href not in found:
                found.append(href)
    return found


def _absolute(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute against ``base`` (the feed's address, else its site's) when it is
    relative and ``base`` is a web address: a link to copy or open must say its site."""
    if not href:
        return None
    if base and not urlsplit(href).scheme and urlsplit(base).scheme in ("http", "https"):
        return urljoin(base, href)
    return href


def _looks_like_html_page(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<!doctype html") or head.startswith(b"<html") or b"<html" in head[:512]


def _malformed(parsed: dict) -> bool:
    """True when feedparser met XML that is not well-formed (not mere header or charset quibbles)."""
    from xml.sax import SAXException

    return bool(parsed.get("bozo")) and isinstance(parsed.get("bozo_exception"), SAXException)


def parse_feed(data: bytes, name: Path | str, id_prefix: str, url: str | None = None,
               content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes into articles; ``name`` is what problems are reported against."""
    import feedparser  # imported lazily: only feeds need it

    result = ParsedFeed()
    data = unpack(data)
    if not data.strip():
        result.problems.append(Problem(name, "empty file; skipped"))
        return result
    if data[:2] == _GZIP_MAGIC:
        result.problems.append(Problem(
            name, f"gzip data that cannot be unpacked (damaged, or over {MAX_UNPACKED // 2**20} MB unpacked); skipped"))
        return result
    headers = {}
    if url:
        headers["content-location"] = url
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(data, response_headers=headers or None)
    if not parsed.get("version") and not parsed.entries:
        if _looks_like_html_page(data):
            reason = "an HTML page, not an RSS or Atom feed; skipped"
        elif parsed.get("bozo"):
            reason = f"not an RSS or Atom feed ({_describe(parsed.get('bozo_exception'))}); skipped"
        else:
            reason = "not an RSS or Atom feed; skipped"
        result.problems.append(Problem(name, reason))
        return result
    result.is_feed = True
    feed = parsed.feed
    result.title = make_safe(html_inline(feed.get("title") or "")).strip() or None
    result.link = feed.get("link") or None
    # what a relative link ("/news/obama-jury-duty") is relative to: the feed's own address, as Atom
    # and feedparser have it, else (a file read from disk) its site's
    base = url or result.link
    if _malformed(parsed) and parsed.entries:
        result.problems.append(Problem(
            name, f"not well-formed XML ({_describe(parsed.get('bozo_exception'))}); "
            f"{len(parsed.entries)} entries read with a lenient parser", skipped=False))
    if not parsed.entries:
        if _malformed(parsed):
            result.problems.append(Problem(
                name, f"not well-formed XML ({_describe(parsed.get('bozo_exception'))}) and no entries could be read; skipped"))
        else:
            result.problems.append(Problem(name, "the feed has no entries", skipped=False))
    for index, entry in enumerate(parsed.entries, start=1):
        title = make_safe(html_inline(entry.get("title") or "")).strip()
        paragraphs, _full = _entry_body(entry)
        paragraphs = [make_safe(p) for p in paragraphs]
        link = _absolute(entry.get("link"), base)
        label = f"{name} entry {index}" + (f" ({shorten(title, 40)!r})" if title else "")
        if not title and not paragraphs:
            result.problems.append(Problem(label, "no title and no text; skipped"))
            continue
        if not paragraphs:
            paragraphs = [f"Link: {link}"] if link else []
        author = entry.get("author") or (entry.get("author_detail") or {}).get("name")
        links = [href for href in _entry_links(entry) if href != link]
        result.articles.append(Article(
            id=f"{id_prefix}#{index}",
            title=title or shorten(paragraphs[0]),
            body=PARAGRAPH_BREAK.join(paragraphs),
            source=result.title,
            published=format_time(entry.get("published_parsed") or entry.get("updated_parsed")),
            url=link,
            byline=make_safe(html_inline(author)).strip() or None if author else None,
            path=name if isinstance(name, Path) else None,
            links=tuple(links),
        ))
    return result


def _describe(error: object) -> str:
    if error is None:
        return "unknown error"
    line = getattr(error, "getLineNumber", None)
    message = getattr(error, "getMessage", None)
    if callable(line) and callable(message):
        try:
            return f"line {line()}: {message()}"
        except Exception:  # noqa: BLE001 - best effort description only
            pass
    return str(error).split("\n")[0] or type(error).__name__


def load_feed(path: Path, article_id: str | None = None) -> Loaded:
    """Read one feed file; each usable entry is an article (in ``Loaded.more``)."""
    article_id = article_id or path.stem
    try:
        data = path.read_bytes()
    except OSError as error:
        return Loaded(None, [Problem(path, f"cannot be read: {error.strerror or error}")])
    parsed = parse_feed(data, path, article_id)
    return Loaded(None, parsed.problems, more=parsed.articles)
