"""Turning small pieces of HTML (feed entries, titles) into plain paragraphs (stdlib only)."""

from __future__ import annotations

import html
import re
import textwrap
from html.parser import HTMLParser

from reader.text import TAB_SIZE

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol",
    "p", "pre", "section", "table", "tr", "ul",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head"}
_SUPERSCRIPT = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_SUPERSCRIBABLE = set("0123456789+-=()")
_SPACE = re.compile(r"\s+")
_CELLS = {"td", "th"}
CELL_SEPARATOR = " | "  # between the cells of a table's row, as a Markdown table writes them


class _Paragraphs(HTMLParser):
    """Paragraphs of running text, whitespace collapsed; a ``<pre>`` block keeps its lines
    (code, a listing), joined by single newlines inside one paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0
        self._pre = 0
        self._sup = 0

    def _flush(self) -> None:
        if self._pre:
            self.paragraphs.extend(preformatted("".join(self._current)))
        else:
            text = _SPACE.sub(" ", "".join(self._current)).strip()
            if text:
                self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "sup":
            self._sup += 1
        if tag in _SKIP:
            self._skipping += 1
        elif self._pre and tag in _BLOCK and tag != "pre":
            self._line_break()  # a highlighter's line in a <div>, or a <br>
        elif tag == "pre" or (tag in _BLOCK and not self._pre):
            self._flush()
            self._pre += tag == "pre"
        elif tag in _CELLS and not self._pre and "".join(self._current).strip():
            self._current.append(CELL_SEPARATOR)  # "<td>AC</td><td>Accounts</td>" is "AC | Accounts", not "ACAccounts"
        elif tag == "img" and not self._skipping:
            alt = dict(attrs).get("alt")
            if alt:
                self._current.append(f" {alt} ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if self._pre and tag in _BLOCK:
            self._line_break()
        elif tag in _BLOCK and not self._pre:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self._sup = max(0, self._sup - 1)
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif self._pre and tag in _BLOCK and tag != "pre":
            self._line_break()
        elif tag == "pre" or (tag in _BLOCK and not self._pre):
            self._flush()
            self._pre = max(0, self._pre - (tag == "pre"))

    def _line_break(self) -> None:
        """End the line in a ``<pre>`` block, unless it has just ended (two block tags in a
        row are no blank line)."""
        if self._current and not self._current[-1].endswith("\n"):
            self._current.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            if self._sup and data and set(data) <= _SUPERSCRIBABLE:
                data = data.translate(_SUPERSCRIPT)  # "10<sup>5</sup>" is 10⁵, not 105
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def preformatted(text: str) -> list[str]:
    """The paragraphs of a ``<pre>`` block: its lines as written (tabs expanded, common
    indentation and trailing spaces removed), split where it has blank lines."""
    lines = [line.rstrip() for line in text.expandtabs(TAB_SIZE).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs, block = [], []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(textwrap.dedent("\n".join(block)))
            block = []
    return paragraphs


def looks_like_html(text: str) -> bool:
    """True when the text has HTML tags or entities in it."""
    return bool(re.search(r"<[a-zA-Z/!][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);", text))


def html_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment as paragraphs (block elements and <br> split them)."""
    if not looks_like_html(fragment):
        return [p for p in (_SPACE.sub(" ", block).strip() for block in re.split(r"\n\s*\n", fragment)) if p]
    parser = _Paragraphs()
    parser.feed(fragment)
    parser.close()
    return parser.paragraphs


_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def html_links(fragment: str, limit: int = 100) -> list[str]:
    """The http(s) addresses the fragment's links point to, in order, each once."""
    found: list[str] = []
    for match in _HREF.finditer(fragment):
        href = html.unescape(next(g for g in match.groups() if g is not None)).strip()
        if href.lower().startswith(("http://", "https://")) and href not in found and len(href) < 2000:
            found.append(href)
            if len(found) >= limit:
                break
    return found


def html_inline(fragment: str) -> str:
    """The text of an HTML fragment on one line (for titles and names)."""
    if not looks_like_html(fragment):
        return _SPACE.sub(" ", fragment).strip()
    return " ".join(html_paragraphs(fragment)) or _SPACE.sub(" ", html.unescape(fragment)).strip()
