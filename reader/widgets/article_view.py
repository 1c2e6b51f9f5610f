"""The article view: a line-API widget that draws an article with styled spans.

Only the lines on screen are drawn, so long stories scroll smoothly; wrapping a
very long story runs in a worker. Article text is drawn as plain text (never
markup); highlights are styled by offsets into ``Article.body``.

The headline is drawn once: above the body, or, when the title is the body's own first
sentence, as that sentence in bold. The text column is centred in a wide pane. The
reading place is a body offset, kept across re-wraps and resizes (a pane that grows
until the whole story fits does not lose it), and paging is never animated.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from rich.style import Style
from rich.segment import Segment
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker

from reader.library import Article
from reader.library.article import lead_length
from reader.widgets.wrap import Line, visible_part, wrap_body, wrap_paragraph
from reader.widgets.failures import worker_failed

LAYERS = ("lead", "entities", "selected", "find")
"""Highlight layers, drawn in this order (later layers win); "lead" is the view's own:
the first sentence drawn as the headline when the title is that sentence."""

WRAP_IN_WORKER_CHARS = 200_000
MARGIN = 2
NOTICE_ROWS = 4
"""The article's last rows a notification may cover (Textual shows them at the bottom): a
match or a mention stepped to is scrolled out of them."""


class Highlight(NamedTuple):
    """A styled span of the body: ``kind`` names the component class ``article-view--<kind>``."""

    start: int
    end: int
    kind: str


class _Layer:
    """Highlights of one layer, sorted, with a fast lookup of those that touch a range."""

    def __init__(self, highlights: Sequence[Highlight]) -> None:
        self.items = sorted(h for h in highlights if h.end > h.start)
        self.starts = [h.start for h in self.items]
        self.longest = max((h.end - h.start for h in self.items), default=0)

    def touching(self, start: int, end: int) -> list[Highlight]:
        stop = bisect_left(self.starts, end)
        first = bisect_left(self.starts, start - self.longest)
        return [h for h in self.items[first:stop] if h.end > start]


class ArticleView(ScrollView, can_focus=True):
    """Shows one article: title, metadata line, credit and wrapped paragraphs."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--lead",
        "article-view--heading",
        "article-view--meta",
        "article-view--credit",
        "article-view--entity-person",
        "article-view--entity-org",
        "article-view--entity-place",
        "article-view--entity-event",
        "article-view--entity-other",
        "article-view--entity-selected",
        "article-view--match",
        "article-view--match-current",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        scrollbar-gutter: stable;
        &:focus { background-tint: $foreground 3%; }
        & > .article-view--title { text-style: bold; color: $text; }
        & > .article-view--lead { text-style: bold; }
        & > .article-view--heading { text-style: bold; }
        & > .article-view--meta { color: $text-muted; }
        & > .article-view--credit { color: $text-muted; text-style: italic; }
        & > .article-view--entity-person { color: $entity-person; }
        & > .article-view--entity-org { color: $entity-org; }
        & > .article-view--entity-place { color: $entity-place; }
        & > .article-view--entity-event { color: $entity-event; }
        & > .article-view--entity-other { color: $entity-other; }
        & > .article-view--entity-selected { text-style: bold underline; background: $entity-selected; }
        & > .article-view--match { background: $match; color: $foreground; }
        & > .article-view--match-current { background: $match-current; color: $foreground; text-style: bold; }
    }
    """

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]
    HELP_NAME = "Article"

    max_width: reactive[int] = reactive(80)
    """The widest the text column may be, in cells."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self._lines: list[Line] = []
        self._body_line_starts: list[int] = []
        self._body_line_index: list[int] = []
        self._wrapped_width = 0
        self._layers: dict[str, _Layer] = {}
        self._title_matches: _Layer | None = None
        """Find's matches in a headline drawn apart from the body (offsets into the title)."""
        self._lead = 0  # the length of the body's first sentence when it is the title (drawn as the headline)
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._pending_offset: int | None = None
        self._anchor: int | None = None
        """The reading place: the body offset of the top line (None: the top of the story)."""
        self._laid_out_size: tuple[int, int] | None = None
        """The size the lines were laid out for; a scroll seen at another size is the layout's, not the reader's."""
        self._left = MARGIN
        self._restoring = False
        self.loading_text = ""

    # -- public API --------------------------------------------------------

    def show(self, article: Article | None, position: int | None = None) -> None:
        """Show ``article`` from its top (or at the body offset ``position``), clearing every highlight."""
        self.article = article
        self._layers.clear()
        self._title_matches = None
        self._pending_offset = None
        self._anchor = position or None
        self._wrapped_width = 0
        self._lines = []
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._lead = lead_length(article) if article is not None else 0
        if self._lead:
            self._layers["lead"] = _Layer([Highlight(0, self._lead, "lead")])
        self._rewrap()

    @property
    def reading_offset(self) -> int:
        """The reading place: the body offset of the top line (0 at the top of the story)."""
        return self._anchor or 0

    class Moved(Message):
        """The reader moved in the story (``offset``: the body offset of the top line)."""

        def __init__(self, article: Article, offset: int) -> None:
            super().__init__()
            self.article, self.offset = article, offset

    def _follow_scroll(self) -> None:
        """Take the reading place from the scroll position, unless the view is putting it
        back or its lines were laid out for another size (a resize under way scrolls too,
        and that is not the reader's doing)."""
        if self._restoring or not self._lines or self._laid_out_size != tuple(self.size) or self.article is None:
            return
        anchor = self._top_body_offset()
        if anchor != self._anchor:
            self._anchor = anchor
            self.post_message(self.Moved(self.article, anchor or 0))

    def _restore_anchor(self) -> None:
        """Scroll back to the reading place (after a re-wrap or a resize)."""
        self._laid_out_size = tuple(self.size)
        if self._anchor is not None and self._lines:
            self._restoring = True
            try:
                self.scroll_to(y=self.line_of_offset(self._anchor), animate=False, immediate=True, force=True)
            finally:
                self._restoring = False

    def set_highlights(self, layer: str, highlights: Sequence[Highlight]) -> None:
        """Replace the highlights of one layer (see ``LAYERS``)."""
        if layer not in LAYERS or layer == "lead":
            raise ValueError(f"unknown highlight layer {layer!r}")
        if highlights:
            self._layers[layer] = _Layer(highlights)
        else:
            self._layers.pop(layer, None)
        self._cache.clear()
        self.refresh()

    @property
    def title_apart(self) -> bool:
        """True when the headline is drawn above the body (not as its first sentence): find
        looks in it too."""
        return self.article is not None and not self._lead

    def set_title_matches(self, highlights: Sequence[Highlight]) -> None:
        """Find's matches in the headline drawn apart (offsets into ``article.title``)."""
        self._title_matches = _Layer(highlights) if highlights else None
        self._cache.clear()
        self.refresh()

    def title_matches(self) -> list[Highlight]:
        """Find's matches in the headline, in order."""
        return list(self._title_matches.items) if self._title_matches is not None else []

    def highlights(self, layer: str) -> list[Highlight]:
        """The highlights of one layer, in order."""
        found = self._layers.get(layer)
        return list(found.items) if found is not None else []

    def scroll_to_offset(self, offset: int, *, animate: bool = False) -> None:
        """Scroll so the body line holding ``offset`` is in view (a third from the top), and
        not under the notice that says where it is ("mention 3 of 4", "1 of 21")."""
        if not self._lines:
            self._pending_offset = offset
            return
        y = self.line_of_offset(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        bottom = top + height - (NOTICE_ROWS if height > 3 * NOTICE_ROWS else 0)
        if not top <= y < bottom:
            # force: right after new lines are set, the scrollbars are not laid out yet.
            self.scroll_to(y=max(0, y - height // 3), animate=animate,
                           immediate=not animate, force=True)

    def line_of_offset(self, offset: int) -> int:
        """The screen line (in the whole document) that shows body ``offset``."""
        if not self._body_line_starts:
            return 0
        index = max(0, bisect_right(self._body_line_starts, offset) - 1)
        return self._body_line_index[index]

    @property
    def text_width(self) -> int:
        """Width of the text column in cells."""
        return max(10, min(self.max_width, self.scrollable_content_region.width - 2 * MARGIN))

    # -- scrolling: never animated (paging must feel instant on a busy machine) ------------

    def _scroll_now(self, y: float) -> None:
        self.scroll_to(y=max(0, min(y, self.max_scroll_y)), animate=False, immediate=True, force=True)

    def action_scroll_down(self) -> None:
        self._scroll_now(self.scroll_y + 1)

    def action_scroll_up(self) -> None:
        self._scroll_now(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._scroll_now(self.scroll_y + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_now(self.scroll_y - self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self._scroll_now(0)

    def action_scroll_end(self) -> None:
        self._scroll_now(self.max_scroll_y)

    @property
    def wrapped_lines(self) -> list[Line]:
        """The document's screen lines (for tests and the find bar)."""
        return self._lines

    # -- layout ------------------------------------------------------------

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", lambda _old, _new: self._follow_scroll(), init=False)

    def on_resize(self) -> None:
        if self.text_width != self._wrapped_width:
            self._rewrap()
        else:
            self._left = self._left_margin(self._wrapped_width)
            self._cache.clear()
            self._restore_anchor()
            self.refresh()  # the lines drawn for the new size before this used the old margin

    def watch_max_width(self) -> None:
        if self.is_mounted:
            self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _story_lines(self, article: Article, width: int, lead: int) -> list[Line]:
        """The header and the body's lines. When the body's first sentence is the title
        (``lead``: its length, drawn there as the headline), the header's details follow it, as
        they follow a title drawn on its own (a blank line around them)."""
        body = wrap_body(article.body, width)
        if not lead:
            return self._header_lines(article, width, with_title=True) + body
        text = article.body
        first_end = next((y for y, line in enumerate(body) if line.part == "blank"), len(body))
        paragraph_end = body[first_end - 1].end if first_end else lead
        rest_start = paragraph_end - len(text[lead:paragraph_end].lstrip())  # after the headline's spaces
        lines = [Line("body", s, e) for s, e in wrap_paragraph(text, 0, lead, width)]
        lines += [Line("blank", 0, 0), *self._header_lines(article, width, with_title=False)]  # ends with a blank
        later = body[first_end + 1:]
        if rest_start < paragraph_end:  # the headline's paragraph goes on after it
            lines += [Line("body", s, e) for s, e in wrap_paragraph(text, rest_start, paragraph_end, width)]
            lines += [Line("blank", paragraph_end, paragraph_end)] if later else []
        return lines + later

    def _header_lines(self, article: Article, width: int, *, with_title: bool) -> list[Line]:
        lines = []
        if with_title:
            lines = [Line("title", s, e) for s, e in wrap_paragraph(article.title, 0, len(article.title), width)]
        meta = self._meta_text(article)
        lines += [Line("meta", s, e) for s, e in wrap_paragraph(meta, 0, len(meta), width)]
        if article.credit:
            lines += [Line("credit", s, e) for s, e in wrap_paragraph(article.credit, 0, len(article.credit), width)]
        lines.append(Line("blank", 0, 0))
        return lines

    @staticmethod
    def _meta_text(article: Article) -> str:
        return article.meta_line + (f" · by {article.byline}" if article.byline else "")

    def _rewrap(self) -> None:
        article = self.article
        if article is None or not self.is_mounted or self.scrollable_content_region.width == 0:
            self._set_lines([], 0, article)
            return
        width = self.text_width
        if len(article.body) > WRAP_IN_WORKER_CHARS:
            self.loading = True
            self._wrap_in_worker(article, width, self._lead)
        else:
            self._set_lines(self._story_lines(article, width, self._lead), width, article)

    class Wrapped(Message):
        """The wrapping worker wrapped a long story."""

        def __init__(self, lines: list[Line], width: int, article: Article) -> None:
            super().__init__()
            self.lines, self.width, self.article = lines, width, article

    @work(thread=True, exclusive=True, group="article-wrap", exit_on_error=False,
          description="Could not lay out the story")
    def _wrap_in_worker(self, article: Article, width: int, lead: int) -> None:
        self.post_message(self.Wrapped(self._story_lines(article, width, lead), width, article))

    def on_article_view_wrapped(self, message: Wrapped) -> None:
        message.stop()
        self._set_lines(message.lines, message.width, message.article)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if worker_failed(self, event):
            self.loading = False

    def _set_lines(self, lines: list[Line], width: int, article: Article | None) -> None:
        if article is not self.article:
            return  # a newer article replaced this one while it was wrapping
        self.loading = False
        self._lines = lines
        self._wrapped_width = width
        self._left = self._left_margin(width)
        self._body_line_starts = [line.start for line in lines if line.part == "body"]
        self._body_line_index = [y for y, line in enumerate(lines) if line.part == "body"]
        self._cache.clear()
        self.virtual_size = Size(self._left + width + MARGIN, len(lines))
        self._restore_anchor()
        if self._pending_offset is not None:
            offset, self._pending_offset = self._pending_offset, None
            self.call_after_refresh(self.scroll_to_offset, offset)
        self.refresh()

    def _left_margin(self, width: int) -> int:
        """The left margin that centres a text column of ``width`` in the pane."""
        return MARGIN + max(0, (self.scrollable_content_region.width - 2 * MARGIN - width) // 2)

    def _top_body_offset(self) -> int | None:
        """Body offset at the top of the screen, kept across a re-wrap."""
        y = int(self.scroll_offset.y)
        if y == 0 or not self._lines:
            return None
        for line in self._lines[y:]:
            if line.part == "body":
                return line.start
        return None

    # -- drawing -----------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._wrap_before_first_draw()
        return super().render_lines(crop)

    def _wrap_before_first_draw(self) -> None:
        """Lay out a story shown before the view had a size (the story left open, at start)
        as it is first drawn, so that the first frame shows it rather than the frame after
        the view's resize. A story long enough to wrap in a worker waits for the resize."""
        article = self.article
        if article is not None and not self._wrapped_width and not self._lines \
                and self.scrollable_content_region.width and len(article.body) <= WRAP_IN_WORKER_CHARS:
            self._rewrap()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines) or self.article is None:
            return Strip.blank(width, base)
        key = (index, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_document_line(self._lines[index], base).crop_extend(scroll_x, scroll_x + width, base)
            self._cache[key] = strip
        return strip

    def _style(self, kind: str) -> Style:
        return self.get_component_rich_style(f"article-view--{kind}", partial=True)

    def _spans_on(self, layer: _Layer | None, line: Line, length: int) -> list[tuple[int, int, Style]]:
        """The styled spans of ``layer``'s highlights on ``line`` (``length`` characters shown),
        in the line's own offsets."""
        if layer is None:
            return []
        spans = []
        for highlight in layer.touching(line.start, line.end):
            start, end = max(0, highlight.start - line.start), min(length, highlight.end - line.start)
            if end > start:
                spans.append((start, end, self._style(highlight.kind)))
        return spans

    def _render_document_line(self, line: Line, base: Style) -> Strip:
        article = self.article
        assert article is not None
        plain = base  # the view's own style, for the left margin (``rich_style`` walks the ancestors)
        spans: list[tuple[int, int, Style]] = []
        if line.part == "body":
            text = visible_part(article.body[line.start:line.end]).replace("\n", " ")
            if line.heading:
                base = base + self._style("heading")
            for layer in LAYERS:
                spans += self._spans_on(self._layers.get(layer), line, len(text))
        elif line.part == "blank":
            text = ""
        else:
            source = {"title": article.title, "meta": self._meta_text(article), "credit": article.credit or ""}[line.part]
            text = visible_part(source[line.start:line.end])
            if line.part == "title":
                spans += self._spans_on(self._title_matches, line, len(text))
            # Full style (not partial): Textual resolves "auto" colours such as $text and
            # $text-muted only there; a partial style would draw them white on light themes.
            full = self.get_component_rich_style(f"article-view--{line.part}")
            base = base + full.without_color + Style(color=full.color)  # keep the (tinted) background
        segments = [Segment(" " * self._left, plain), *styled_segments(text, base, spans)]
        return Strip(segments)


def styled_segments(text: str, base: Style, spans: list[tuple[int, int, Style]]) -> list[Segment]:
    """Cut ``text`` at span edges; each piece gets ``base`` plus the styles of the spans over it, in order."""
    if not spans:
        return [Segment(text, base)] if text else []
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        style = base
        for span_start, span_end, span_style in spans:
            if span_start <= start and end <= span_end:
                style = style + span_style
        segments.append(Segment(text[start:end], style))
    return segments
