"""Finding the feed behind an address: the address itself, or the feed a web page advertises.

``find_feed`` fetches an http(s) address once with the polite client. A feed (RSS, Atom,
RDF) is followed as it is, and its answer is kept so the first refresh need not fetch it
again. A web page is searched for ``<link rel="alternate" type="application/rss+xml"
href="...">`` (Atom, RDF and JSON Feed too; hrefs resolved against the page and its
``<base>``); the first feed reader can read is chosen and the rest are named. JSON Feed
links are listed but never chosen: feedparser 6.0 cannot read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from reader.feeds.http import PoliteClient, Response
from reader.text import make_safe

__all__ = ["Advertised", "Found", "NoFeedFound", "advertised_feeds", "find_feed", "is_web_address"]

READABLE_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
FEED_TYPES = (*READABLE_TYPES, "application/feed+json")
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_PAGE_MARKERS = (b"<!doctype html", b"<html")


class NoFeedFound(ValueError):
    """The address answered, but with neither a feed nor a page that advertises one."""


@dataclass(frozen=True)
class Advertised:
    """One feed a page advertises."""

    url: str
    kind: str
    title: str = ""

    @property
    def readable(self) -> bool:
        return self.kind in READABLE_TYPES

    def line(self) -> str:
        """The address, with the page's title for it when it gave one."""
        return f"{self.url} ({self.title})" if self.title else self.url


@dataclass(frozen=True)
class Found:
    """The feed to follow, and how it was found."""

    url: str
    response: Response | None = None
    """The feed's own answer, when the address given was the feed (a refresh can use it)."""
    page: str | None = None
    """The page that advertised the feed (None: the address was the feed)."""
    chosen: Advertised | None = None
    others: list[Advertised] = field(default_factory=list)
    """The other feeds the page advertised, in its order."""


def advertised_feeds(data: bytes, page_url: str) -> list[Advertised]:
    """The feeds an HTML page advertises with ``<link rel="alternate">``, in its order, each once."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return []
    base = page_url
    for element in tree.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            base = urljoin(page_url, href)
            break
    found: list[Advertised] = []
    for element in tree.iter("link"):
        rels = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        href = (element.get("href") or "").strip()
        if "alternate" not in rels or kind not in FEED_TYPES or not href:
            continue
        url = urljoin(base, href)
        if urlsplit(url).scheme.lower() not in ("http", "https") or any(a.url == url for a in found):
            continue
        title = " ".join(make_safe(element.get("title") or "").split())
        found.append(Advertised(url, kind, title))
    return found


def _kind(response: Response) -> str:
    """What the body looks like: "feed", "page" or "" (neither, as far as its first bytes say)."""
    from reader.loaders.feed import unpack

    head = unpack(response.data)[:2048].lstrip().lower()
    if any(marker in head for marker in _FEED_MARKERS) and b"<html" not in head[:512]:
        return "feed"
    content_type = response.content_type.split(";")[0].strip().lower()
    if head.startswith(_PAGE_MARKERS) or b"<html" in head[:512] or content_type in ("text/html",
                                                                                   "application/xhtml+xml"):
        return "page"
    return ""


def find_feed(address: str, client: PoliteClient) -> Found:
    """The feed to follow for an http(s) ``address``; raises ``FetchFailed`` when it cannot be
    fetched and ``NoFeedFound`` when it is neither a feed nor a page advertising one."""
    response = client.get(address)
    kind = _kind(response)
    if kind == "page":
        feeds = advertised_feeds(response.data, response.url)
        readable = [a for a in feeds if a.readable]
        if not readable:
            if feeds:
                raise NoFeedFound(f"{address}: a web page that advertises only a JSON Feed "
                                  f"({feeds[0].url}), which reader cannot read; give an RSS or Atom feed's address")
            raise NoFeedFound(f"{address}: a web page with no feed advertised; give the feed's address")
        chosen = readable[0]
        return Found(chosen.url, page=address, chosen=chosen, others=[a for a in feeds if a is not chosen])
    from reader.loaders.feed import parse_feed

    if kind == "feed" or parse_feed(response.data, address, "feed", url=response.url,
                                    content_type=response.content_type).is_feed:
        return Found(address, response=response)
    what = response.content_type.split(";")[0].strip() or "unknown content"
    raise NoFeedFound(f"{address}: neither a feed nor a web page ({what}); give the feed's address")


def is_web_address(address: str) -> bool:
    """True for http(s) addresses (the ones ``find_feed`` looks at)."""
    return str(address).strip().lower().startswith(("http://", "https://"))

