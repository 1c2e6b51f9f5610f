"""Load a saved web page (``.html``): the story's main text, title, byline and date.

Extraction uses trafilatura (chosen over readability-lxml on the shared test pages:
it finds bylines and dates, readability-lxml finds neither; see
``bench/bench_html_extract.py`` for the scores). The page is data: scripts are never
run and markup in the text is shown as text.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from reader.library.article import PARAGRAPH_BREAK, Article
from reader.loaders.html_text import html_inline
from reader.problems import Problem
from reader.text import make_safe, shorten
from reader.loaders.txt import Loaded, read_article_bytes

# Words that page templates put where an author's name belongs.
_NOT_A_NAME = {"username", "user", "admin", "administrator", "staff", "editor", "unknown", "none"}
_TITLE_TAG = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)

# trafilatura logs every page it finds too short at WARNING; we report problems ourselves.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def clean_byline(author: str | None) -> str | None:
    """trafilatura's author field tidied: duplicates ("X; X") and template words removed."""
    if not author:
        return None
    names: list[str] = []
    seen: set[str] = set()
    for name in re.split(r"\s*;\s*", author):
        name = " ".join(name.split())
        key = name.casefold()
        if not name or key in seen or key in _NOT_A_NAME:
            continue
        seen.add(key)
        names.append(name)
    return ", ".join(names) or None


def byline_from_markup(data: bytes | str) -> str | None:
    """A byline from the page's own markup (an element whose class names a byline), for pages
    where trafilatura finds none or only a template word."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(data)
    except (ValueError, TypeError, Exception):  # lxml raises ParserError for empty or odd input
        return None
    for element in tree.xpath(
            '//*[contains(concat(" ", normalize-space(@class), " "), " byline ") '
            'or contains(@class, "-byline") or contains(@class, "byline-") or @itemprop="author" '
            'or @rel="author"]'):
        text = " ".join(element.text_content().split())
        text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE).strip()
        if 2 < len(text) <= 80 and not any(ch.isdigit() for ch in text):
            return text
    return None


_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·]\s+([^|\-–—·]+)$")


def without_credit_suffix(title: str, byline: str | None, site: str | None) -> str:
    """The page title without a last part that only names the author or the site, shown
    apart ("Māori tribes fearful over whale strandings | Eleanor Ainge Roy")."""
    match = _TITLE_SUFFIX.search(title)
    if match is None or match.start() == 0:
        return title
    names = {_plain_name(n) for n in (byline, site) if n}
    return title[:match.start()] if _plain_name(match.group(1)) in names else title


def _plain_name(name: str) -> str:
    return " ".join(name.casefold().split()).removeprefix("the ")


_FURNITURE = re.compile(
    r"(?:[-•]\s*)?(?:"
    r"(?:published|updated|posted)?:?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"  # "- 24 July 2015"
    r"|(?:published|updated|posted)?:?\s*[A-Z][a-z]+\s+\d{1,2},\s+\d{4}"  # "Updated: July 24, 2015"
    r"|from the section\s[^.,;:!?]{1,60}"  # "- From the section US & Canada"
    r"|[\d,]+\s+comments?"  # "- 941 comments"
    r"|\d+\s+(?:minutes?|hours?|days?)\s+ago"
    r"|share(?: this(?: article| story)?)?"
    r")",
    re.IGNORECASE)
"""A page's furniture that extraction keeps as text before the story starts: dates, section
names, comment counts, share buttons."""
_BOILERPLATE = re.compile(r"continue reading the main story|advertisement", re.IGNORECASE)
"""A newspaper's lines between paragraphs, anywhere in the story."""
_STORY_WORDS = 12
"""A paragraph this long has begun the story: no furniture is looked for after it."""


def without_furniture(paragraphs: list[str], title: str | None) -> list[str]:
    """The story's paragraphs less the page's furniture before the first long paragraph
    (``_FURNITURE``, a whole paragraph only: a timeline's dates further down stay), the
    newspaper's lines between paragraphs (``_BOILERPLATE``) and a first paragraph that
    repeats the title."""
    kept: list[str] = []
    started = False
    for paragraph in paragraphs:
        started = started or len(paragraph.split()) >= _STORY_WORDS
        if _BOILERPLATE.fullmatch(paragraph) or not started and _FURNITURE.fullmatch(paragraph):
            continue
        kept.append(paragraph)
    if kept and title and " ".join(kept[0].split()).casefold() == " ".join(title.split()).casefold():
        kept = kept[1:]
    return kept or paragraphs


def extract_page(data: bytes | str, url: str | None = None) -> dict | None:
    """Title, byline, published, source, url and paragraphs of a page, or None when it has no story."""
    import trafilatura  # imported lazily: it takes a moment to load

    document = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=True,
    )
    if document is None:
        return None
    text = document.text or ""
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [make_safe(p) for p in paragraphs if p]
    title = document.title
    paragraphs = without_furniture(paragraphs, title)
    if not title:
        raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
        match = _TITLE_TAG.search(raw)
        if match:
            title = html_inline(match.group(1).decode("utf-8", "replace"))
    byline = clean_byline(document.author) or byline_from_markup(data)
    if title:
        title = without_credit_suffix(title, byline, document.sitename)
    return {
        "title": make_safe(title).strip() if title else None,
        "byline": make_safe(byline) if byline else None,
        "published": document.date or None,
        "source": document.sitename or None,
        "url": document.url or url,
        "paragraphs": paragraphs,
    }


def page_article(data: bytes | str, path: Path | str, article_id: str, url: str | None = None) -> Loaded:
    """An article from the bytes of a web page."""
    try:
        page = extract_page(data, url)
    except Exception as error:  # a library failing on odd input must not stop an import
        return Loaded(None, [Problem(path, f"the page could not be read ({type(error).__name__}: {error}); skipped")])
    if page is None or not page["paragraphs"]:
        return Loaded(None, [Problem(path, "no story text found in the page; skipped")])
    article = Article(
        id=article_id,
        title=page["title"] or shorten(page["paragraphs"][0]),
        body=PARAGRAPH_BREAK.join(page["paragraphs"]),
        source=page["source"],
        published=page["published"],
        url=page["url"],
        byline=page["byline"],
        path=Path(path) if not isinstance(path, Path) else path,
    )
    return Loaded(article, [])


def load_html(path: Path, article_id: str | None = None) -> Loaded:
    """Read one saved page; unreadable, empty and binary files are skipped with a reason."""
    data, skipped = read_article_bytes(path, "a web page")
    if data is None:
        return Loaded(None, skipped)
    return page_article(data, path, article_id or path.stem)
