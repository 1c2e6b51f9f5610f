"""OPML in and out: subscription lists from and for other feed readers.

Reading uses listparser (by feedparser's maintainer): it reads OPML 1.0 and 2.0 (and the
odd exports real readers write: missing ``type``, ``url`` for ``xmlUrl``, any case),
and gives each feed its categories from both the folders it sits in and its ``category``
attribute. Each category path becomes one tag (``news/sports``). It is given bytes only,
never a URL, so reading a file never touches the network.

Writing builds OPML 2.0 (or 1.0) with the standard library's ElementTree: a feed sits in
the folder of its first tag (nested for ``a/b``), and every tag is in its ``category``
attribute (OPML 2.0), so an export read back by reader, or by another reader, keeps every
URL, title and tag.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate

from reader.feeds.store import Subscription, normalise_tags

__all__ = ["OpmlFeed", "OpmlList", "read_opml", "write_opml"]

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _as_utf8(data: bytes) -> bytes:
    """The document in UTF-8 (listparser's lenient parser ignores the XML declaration's
    encoding, so an ISO-8859-1 OPML file would lose its accents)."""
    import codecs

    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff").encode("utf-8")
    declared = _DECLARED.match(data)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            if codecs.lookup(name).name != "utf-8":
                return data.decode(name, errors="replace").encode("utf-8")
        except (LookupError, ValueError):
            pass
    return data


@dataclass(frozen=True)
class OpmlFeed:
    """One feed of a subscription list."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()


@dataclass
class OpmlList:
    """What a subscription list held, and what was wrong with it."""

    title: str | None = None
    version: str = ""
    feeds: list[OpmlFeed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_opml(data: bytes) -> OpmlList:
    """The feeds of an OPML document (bytes). Never raises for bad input: a document with
    no feeds says why in ``problems``."""
    import listparser  # imported when used: only OPML needs it

    result = OpmlList()
    if not data.strip():
        result.problems.append("the file is empty")
        return result
    parsed = listparser.parse(_as_utf8(bytes(data)))
    result.version = parsed.get("version") or ""
    result.title = (parsed.get("meta") or {}).get("title") or None
    seen: dict[str, int] = {}
    for feed in parsed.get("feeds") or []:
        url = (feed.get("url") or "").strip()
        if not url:
            continue
        tags = normalise_tags("/".join(part.strip() for part in path if part.strip())
                              for path in feed.get("categories") or [])
        title = " ".join((feed.get("title") or "").split()) or None
        if url in seen:  # the same feed in two folders: one subscription with both tags
            index = seen[url]
            old = result.feeds[index]
            result.feeds[index] = OpmlFeed(url, old.title or title, normalise_tags([*old.tags, *tags]))
            continue
        seen[url] = len(result.feeds)
        result.feeds.append(OpmlFeed(url, title, tags))
    if not result.feeds:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "").split("\n")[0]
            result.problems.append(f"not an OPML subscription list ({reason or 'unreadable'})")
        elif not result.version:
            result.problems.append("not an OPML subscription list (no <opml> document)")
        else:
            result.problems.append("the list has no feeds")
    return result


def _clean(text: str | None) -> str:
    return _NOT_XML.sub(" ", text or "")


def write_opml(subscriptions: Iterable[Subscription], *, title: str = "reader subscriptions",
               version: str = "2.0", now: float | None = None) -> str:
    """An OPML document of the subscriptions (``version`` "2.0" or "1.0")."""
    if version not in ("1.0", "2.0"):
        raise ValueError(f"OPML version must be 1.0 or 2.0, not {version!r}")
    root = ET.Element("opml", version=version)
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _clean(title)
    ET.SubElement(head, "dateCreated").text = formatdate(time.time() if now is None else now, usegmt=True)
    ET.SubElement(head, "docs").text = "https://opml.org/spec2.opml" if version == "2.0" else \
        "http://dev.opml.org/spec1.html"
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}

    def folder(path: tuple[str, ...]) -> ET.Element:
        if path not in folders:
            parent = folder(path[:-1])
            folders[path] = ET.SubElement(parent, "outline", text=_clean(path[-1]), title=_clean(path[-1]))
        return folders[path]

    for sub in subscriptions:
        path = tuple(p for p in sub.tags[0].split("/") if p) if sub.tags else ()
        attributes = {"type": "rss", "text": _clean(sub.title), "title": _clean(sub.title), "xmlUrl": _clean(sub.url)}
        if sub.link:
            attributes["htmlUrl"] = _clean(sub.link)
        if version == "2.0" and sub.tags:
            attributes["category"] = ",".join(_clean(t) for t in sub.tags)
        ET.SubElement(folder(path), "outline", attributes)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
