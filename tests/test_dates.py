"""Dates are shown as dates (issue 12, item 20): a feed's ISO timestamp is not shown raw."""

from __future__ import annotations

from reader.dates import display_date, display_datetime, display_when
from reader.library.article import Article
from reader.widgets.article_details import ArticleDetails


def test_iso_timestamps_read_as_dates():
    assert display_date("2017-11-08T23:15:58Z") == "8 Nov 2017"
    assert display_date("2017-11-08") == "8 Nov 2017"
    assert display_date("2017-11-08T23:15:58+02:00") == "8 Nov 2017"
    assert display_datetime("2017-11-08T23:15:58Z") == "8 Nov 2017, 23:15 UTC"
    assert display_datetime("2017-11-08T00:00:00Z") == "8 Nov 2017"
    assert display_datetime("2017-11-08") == "8 Nov 2017"


def test_other_text_is_shown_as_it_is():
    assert display_date("2021") == "2021"
    assert display_date("spring 2020") == "spring 2020"
    assert display_date("2021-13-45T99:00:00Z") == "2021-13-45T99:00:00Z"
    assert display_date(None) is None and display_date("  ") is None


def test_relative_moments():
    now = 1_700_000_000.0
    assert display_when(None) == "never"
    assert display_when(now - 5, now) == "just now"
    assert display_when(now - 600, now) == "10 min ago"
    assert display_when(now - 7200, now) == "2 h ago"
    assert display_when(now - 100_000, now) == "yesterday"
    assert display_when(now - 30 * 86_400, now) == "15 Oct 2023"


def test_the_story_header_and_details_show_the_date_not_the_timestamp():
    article = Article("a", "Title", "Body text.", source="Wire", published="2017-11-08T23:15:58Z")
    assert article.meta_line.startswith("Wire · 8 Nov 2017 · ")
    assert "T23:15" not in article.meta_line
    details = ArticleDetails()
    details.show(article)
    shown = str(details.render())
    assert "8 Nov 2017, 23:15 UTC" in shown and "2017-11-08T" not in shown


async def test_a_long_source_name_keeps_every_fact_of_the_details_box_in_sight():
    from pathlib import Path

    from textual.app import App, ComposeResult
    from textual.geometry import Region

    class Box(App):
        CSS = "ArticleDetails { width: 34; }"

        def compose(self) -> ComposeResult:
            yield ArticleDetails()

    article = Article("a", "My Professional Armchair Analysis of CES", "Body text. " * 100,
                      source="PCMag.com: the Official John C. Dvorak RSS Feed", published="2018-01-17T20:50:00Z",
                      path=Path("/feeds/pcmag-dvorak.xml"))
    app = Box()
    async with app.run_test(size=(80, 24)) as pilot:
        details = app.query_one(ArticleDetails)
        details.show(article)
        await pilot.pause()
        lines = [strip.text.rstrip() for strip in details.render_lines(Region(0, 0, *details.outer_size))]
    assert [line.split()[0] for line in lines if line.strip()] == ["Source", "Published", "Words", "Reading", "File"]
    assert lines[0].endswith("…") and "PCMag.com" in lines[0]
    assert all(len(line) <= 34 for line in lines)


def test_a_date_line_alone_in_its_paragraph_gives_a_story_its_date(tmp_path):
    from reader.dates import dateline
    from reader.loaders import load_file

    assert dateline("Friday, July 21, 2017") == "2017-07-21"
    assert dateline("21 July 2017") == dateline(" 21  July 2017. ") == "2017-07-21"
    for not_a_dateline in ("May 5, 2017 was a good day.", "July 2017", "Sunday", "Friday, July 41, 2017", ""):
        assert dateline(not_a_dateline) is None, not_a_dateline
    story = tmp_path / "story.txt"
    story.write_text("Team honoured\n\nFriday, July 21, 2017\n\nA team was honoured on Tuesday.\n")
    article = load_file(story).article
    assert article.published == "2017-07-21" and article.body.startswith("Friday, July 21, 2017")  # kept as text
    story.write_text("---\npublished: '2018-01-02'\n---\nTeam honoured\n\nFriday, July 21, 2017\n\nMore.\n")
    assert load_file(story).article.published == "2018-01-02"  # the front matter wins
