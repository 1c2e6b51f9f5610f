"""A story's links (numbered for the links list) and its tags (written into its file)."""

from __future__ import annotations

import pytest

from reader.library.article import Article
from reader.library.links import story_links
from reader.library.tagging import TagsNotEditable, set_story_tags
from reader.loaders import load_file
from reader.loaders.feed import parse_feed


def test_links_come_in_order_each_once():
    article = Article("a", "T", "See https://example.org/x, and (https://en.wikipedia.org/wiki/A_(b)). "
                                "Again https://example.org/x. Not ftp://x.", url="https://news.example/story",
                      links=("https://example.org/x", "https://other.example/"))
    assert story_links(article) == ["https://news.example/story", "https://example.org/x",
                                    "https://other.example/", "https://en.wikipedia.org/wiki/A_(b)"]


def test_a_feed_entry_keeps_its_links_through_the_file(tmp_path):
    from reader.library.importer import article_text

    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>One</title>'
            b'<link>https://news.example/one</link><description>&lt;p&gt;Read &lt;a href="https://a.example/1"&gt;'
            b'this&lt;/a&gt; and &lt;a href=\'https://b.example/2?x=1&amp;amp;y=2\'&gt;that&lt;/a&gt;.&lt;/p&gt;'
            b'</description></item></channel></rss>')
    (article,) = parse_feed(feed, "f.xml", "f").articles
    assert article.links == ("https://a.example/1", "https://b.example/2?x=1&y=2")
    path = tmp_path / "one.txt"
    path.write_text(article_text(article, "2024-01-01T00:00:00Z"))
    loaded = load_file(path).articles[0]
    assert loaded.links == article.links and not load_file(path).problems
    assert story_links(loaded)[0] == "https://news.example/one"


def test_tags_are_written_into_the_front_matter_and_the_text_is_kept(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("---\ntitle: A title\nsource: Wire\n---\n\nBody line one.\n\nBody two: [bold]x[/].\n")
    assert set_story_tags(story, "politics, Japan ,politics,#asia") == ("politics", "Japan", "asia")
    text = story.read_text()
    assert text.endswith("\n\nBody line one.\n\nBody two: [bold]x[/].\n")
    loaded = load_file(story).articles[0]
    assert loaded.tags == ("politics", "Japan", "asia") and loaded.title == "A title" and loaded.source == "Wire"
    set_story_tags(story, [])
    assert load_file(story).articles[0].tags == () and "tags" not in story.read_text()


def test_tags_on_a_story_without_front_matter_keep_its_title(tmp_path):
    story = tmp_path / "plain.txt"
    story.write_text("A headline here\n\nThe body of the story.\n")
    set_story_tags(story, ["one"])
    loaded = load_file(story).articles[0]
    assert loaded.title == "A headline here" and loaded.tags == ("one",)


def test_other_files_are_not_rewritten(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html></html>")
    with pytest.raises(TagsNotEditable, match="only"):
        set_story_tags(page, ["x"])
    broken = tmp_path / "b.txt"
    broken.write_text("---\ntitle: [unclosed\n---\n\nBody.\n")
    with pytest.raises(TagsNotEditable, match="not valid YAML"):
        set_story_tags(broken, ["x"])
    assert broken.read_text() == "---\ntitle: [unclosed\n---\n\nBody.\n"
