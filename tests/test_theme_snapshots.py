"""Snapshots of the main screen in every shipped theme, with entity and find highlights showing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView, Highlight

REPO = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.stem for p in (REPO / "themes").glob("*.yaml"))
WORDS = [
    ("China", "entity-place"),
    ("Japan", "entity-place"),
    ("Hua Chunying", "entity-person"),
    ("Chinese Foreign Ministry", "entity-org"),
    ("regular press conference", "entity-event"),
    ("Taipei", "entity-other"),
]


def highlights_for(body: str) -> tuple[list[Highlight], list[Highlight], list[Highlight]]:
    entities = []
    for word, kind in WORDS:
        start = body.find(word)
        assert start >= 0, word
        entities.append(Highlight(start, start + len(word), kind))
    person = next(h for h in entities if h.kind == "entity-person")
    matches = [Highlight(i, i + len("Taiwan"), "match") for i in range(len(body)) if body.startswith("Taiwan", i)]
    current = [matches[1]._replace(kind="match-current")]
    return entities, [person._replace(kind="entity-selected")], matches[:1] + current + matches[2:]


async def settle_entities(pilot) -> None:  # noqa: ANN001
    """Wait for the library and then for the entities worker, so its highlights do not land later."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(200):
        await pilot.pause(0.02)
        if getattr(pilot.app.screen, "entities", None):
            break
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("theme", SHIPPED)
def test_main_screen_in_each_theme(theme: str, snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(REPO)  # a relative library path keeps the snapshot the same on every machine

    async def open_with_highlights(pilot) -> None:  # noqa: ANN001
        await settle_entities(pilot)
        view = pilot.app.screen.query_one(ArticleView)
        entities, selected, matches = highlights_for(view.article.body)
        view.set_highlights("entities", entities)
        view.set_highlights("selected", selected)
        view.set_highlights("find", matches)
        await pilot.pause()

    app = ReaderApp([Path("seeds")], theme=theme)
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_with_highlights)


@pytest.mark.parametrize("theme", SHIPPED)
async def test_drawn_article_text_is_legible_in_each_theme(theme: str) -> None:
    """Every run of text the article view draws (title, meta, body, entities, matches) reaches
    WCAG AA against the background it is drawn on: the colours as Textual resolves them."""
    from reader.themes import Rgba, contrast_ratio

    app = ReaderApp([REPO / "seeds"], theme=theme)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle_entities(pilot)
        view = app.screen.query_one(ArticleView)
        entities, selected, matches = highlights_for(view.article.body)
        view.set_highlights("entities", entities)
        view.set_highlights("selected", selected)
        view.set_highlights("find", matches)
        await pilot.pause()
        worst = (99.0, "")
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                if not segment.text.strip() or segment.style is None:
                    continue
                fg, bg = segment.style.color, segment.style.bgcolor
                assert fg is not None and bg is not None, f"unstyled text {segment.text!r} on line {y}"
                ratio = contrast_ratio(Rgba(*fg.get_truecolor()), Rgba(*bg.get_truecolor()))
                worst = min(worst, (ratio, segment.text))
        assert worst[0] >= 4.5, f"{theme}: {worst[1]!r} at {worst[0]:.2f}:1"
