"""Hostile input for every loader: each returns articles or a named problem, never an
unexpected exception, within a time bound; what it returns is safe to show.

Extends tests/test_properties_text.py (plain bytes into the txt loader) with front
matter, YAML bombs, enormous lines, and the .md/.html/feed loaders.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.loaders import feed as feeds
from reader.loaders import html
from reader.library import importer
from reader.library.files import load_all
from reader.loaders import md
from reader.problems import Problem
from reader.loaders.txt import load_txt
from tests.reliability_support import (CONTROL, PROPERTY, SMALL, bounded, hostile_bytes, hostile_text,
                                       newsy_text, python_env, run_limited)
from tests.reliability_tally import tally


def articles_of(loaded) -> list:
    return list(getattr(loaded, "articles", None) or ([loaded.article] if loaded.article else []))


def check_loaded(loaded, path) -> None:
    """The contract every loader keeps: problems name the file and say what is wrong; no
    article means a problem says why; article text carries no control characters."""
    assert all(isinstance(p, Problem) and p.message and str(path) in str(p.path) for p in loaded.problems), loaded.problems
    found = articles_of(loaded)
    if not found:
        assert loaded.problems, "nothing loaded and no reason given"  # (an empty feed is a note, not a skip)
    for article in found:
        assert isinstance(article.id, str) and article.id
        assert isinstance(article.title, str) and isinstance(article.body, str)
        for name in ("title", "body", "source", "published", "url", "byline", "credit"):
            value = getattr(article, name)
            assert value is None or isinstance(value, str), (name, type(value))
            if value:
                assert not CONTROL.search(value.replace("\n", "")), (name, value[:200])
        assert "\n" not in article.title
        assert all(isinstance(t, str) and not CONTROL.search(t) for t in article.tags)


# -- txt and front matter -------------------------------------------------------------------

@PROPERTY
@given(data=hostile_bytes())
def test_txt_loader_takes_hostile_bytes(tmp_path, data):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with bounded(10, "load_txt"):
        loaded = load_txt(path)
    tally.tried("loader: txt")
    check_loaded(loaded, path)


scalar = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | hostile_text
          | st.dates().map(str) | st.just("2021-04-12T08:00:00Z"))


def yaml_value(draw_value) -> str:
    import json

    return json.dumps(draw_value, ensure_ascii=False)  # JSON is YAML (flow style)


front_value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=12)
front_key = st.sampled_from(["title", "source", "published", "url", "tags", "byline", "credit", "id", "imported"]) | st.text(max_size=8)


@st.composite
def front_matter_file(draw) -> str:
    """A file with front matter: JSON-flow YAML values, raw hostile YAML, or broken blocks."""
    kind = draw(st.sampled_from(["values", "values", "raw", "anchors", "unclosed"]))
    if kind == "values":
        meta = draw(st.dictionaries(front_key, front_value, max_size=8))
        lines = []
        for key, value in meta.items():
            try:
                lines.append(f"{yaml_value(key)}: {yaml_value(value)}")
            except ValueError:  # NaN keys etc.
                continue
        block = "\n".join(lines)
    elif kind == "raw":
        block = draw(hostile_text)
    elif kind == "anchors":
        block = "a: &a [x, y]\nb: &b [*a, *a]\ntitle: *b\ntags: *b\nsource: &s {k: *a}\nbyline: *s\nid: *a\n"
    else:
        return "---\ntitle: " + draw(hostile_text) + "\n" + draw(newsy_text)
    end = draw(st.sampled_from(["---", "...", "--- ", "---\t"]))
    return f"---\n{block}\n{end}\n{draw(newsy_text)}\n\n{draw(newsy_text)}\n"


@PROPERTY
@example(text='---\n"tags": true\n---\n\n\nChina\n')  # found by a deeper run: TypeError iterating a bool
@example(text="---\ntags: 2021-04-12\nid: 7\ntitle: 1895\n---\nText.\n")
@given(text=front_matter_file())
def test_front_matter_of_any_shape_gives_an_article_or_a_named_problem(tmp_path, text):
    path = tmp_path / "front.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with bounded(10, "load_txt with front matter"):
        loaded = load_txt(path)
    tally.tried("loader: txt front matter")
    check_loaded(loaded, path)


BOMB = textwrap.dedent("""\
    ---
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    {field}: *h
    ---
    A one-kilobyte file should not take gigabytes to load.
    """)


@pytest.mark.parametrize("field", ["title", "tags", "id", "source", "byline"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_yaml_bomb_in_front_matter_is_refused_not_expanded(tmp_path, reader_home, field, suffix):
    """9^8 'lol's behind YAML aliases: turning that value into text needs gigabytes.
    Run in a child limited to 600 MB and 30 s, so a regression fails here rather than
    taking the machine down."""
    path = tmp_path / f"bomb{suffix}"
    path.write_text(BOMB.format(field=field), encoding="utf-8")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from reader.loaders import load_file
        loaded = load_file(Path({str(path)!r}))
        article = loaded.article
        print("loaded", article is not None, len(article.title) if article else 0,
              sum(len(t) for t in article.tags) if article else 0)
        for p in loaded.problems:
            print("problem", p.message)
        """)
    result = run_limited(code, python_env(reader_home), memory_mb=600, seconds=30)
    tally.tried(f"loader: {suffix[1:]} front matter")
    assert result.returncode == 0, f"the loader blew up on a YAML bomb:\n{result.stderr[-1500:]}"
    assert "loaded True" in result.stdout, result.stdout
    assert "problem" in result.stdout, "the refused value should be named as a problem"


@pytest.mark.parametrize("shape", ["one-line", "no-spaces", "many-short-lines", "one-paragraph-per-line"])
def test_enormous_lines_load_within_bounds(tmp_path, shape):
    size = 4_000_000
    if shape == "one-line":
        text = "Headline\n\n" + ("word " * (size // 5))
    elif shape == "no-spaces":
        text = "Headline\n\n" + "x" * size
    elif shape == "many-short-lines":
        text = "Headline\n\n" + "short line\n" * (size // 11)
    else:
        text = "Headline\n\n" + ("A sentence that is long enough to count as a paragraph of its own. " * 3 + "\n") * (size // 200)
    path = tmp_path / f"{shape}.txt"
    path.write_text(text, encoding="utf-8")
    with bounded(30, f"loading a {size // 1_000_000} MB {shape} file"):
        loaded = load_txt(path)
    tally.tried("loader: txt")
    check_loaded(loaded, path)
    assert loaded.article is not None
    body_letters = sum(1 for c in loaded.article.body if not c.isspace())
    assert body_letters >= sum(1 for c in text if not c.isspace()) - 100  # nothing dropped


# -- markdown, html, feeds (the importing feature) ------------------------------------------

def _markdown():
    from tests.reliability_support import hostile_piece

    piece = st.sampled_from([
        "# ", "## ", "> ", "- ", "1. ", "```\n", "    ", "[link](javascript:alert(1))", "![img](x.png)", "**",
        "_", "`", "<script>alert(1)</script>", "<div>", "| a | b |\n|---|---|\n", "\n", "\n\n", "***\n", "[^1]",
        "[x]: http://evil.example/\x1b]52;c;eA==\x07",
    ]) | hostile_piece
    return st.lists(piece, max_size=80).map("".join)


@PROPERTY
@given(text=_markdown(), nesting=st.integers(0, 3))
def test_markdown_loader_takes_hostile_markdown(tmp_path, text, nesting):
    path = tmp_path / "story.md"
    deep = ["", "> " * 500, "- " * 500 + "\n", "  " * 2000 + "- x"][nesting]
    path.write_bytes((deep + text).encode("utf-8", "surrogatepass"))
    with bounded(10, "load_md"):
        loaded = md.load_md(path)
    tally.tried("loader: md")
    check_loaded(loaded, path)


@SMALL
@given(data=hostile_bytes())
def test_markdown_loader_takes_hostile_bytes(tmp_path, data):
    path = tmp_path / "story.md"
    path.write_bytes(data)
    with bounded(10, "load_md"):
        loaded = md.load_md(path)
    tally.tried("loader: md")
    check_loaded(loaded, path)


@st.composite
def html_page(draw) -> bytes:
    depth = draw(st.sampled_from([0, 3, 50, 600, 5000]))
    tag = draw(st.sampled_from(["div", "b", "span", "table", "p", "article", "li"]))
    paragraphs = draw(st.lists(newsy_text | hostile_text, min_size=0, max_size=8))
    title = draw(hostile_text)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    extra = draw(st.sampled_from(["", "<script>document.write('x')</script>", "<meta charset='windows-1251'>",
                                  "<meta name='author' content='\x1b]52;c;eA==\x07'>", "<!--", "<![CDATA[",
                                  "<title>second</title>", "&#27;]52;c;eA==&#7;", "<body><body><html>"]))
    page = (f"<html><head><title>{title}</title>{extra}</head><body>"
            f"{f'<{tag}>' * depth}<article>{body}</article>{f'</{tag}>' * depth}</body></html>")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1251", "latin-1"]))
    return page.encode(encoding, "replace")


@PROPERTY
@given(data=html_page() | hostile_bytes())
def test_html_loader_takes_hostile_pages(tmp_path, data):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with bounded(15, "load_html"):
        loaded = html.load_html(path)
    tally.tried("loader: html")
    check_loaded(loaded, path)


def feed_xml(entries: list[tuple[str, str, str]], kind: str, channel_title: str = "Feed") -> str:
    from xml.sax.saxutils import escape

    if kind == "atom":
        items = "".join(
            f"<entry><title type='html'>{escape(t)}</title><link href='{escape(link, {chr(39): '&apos;'})}'/>"
            f"<author><name>{escape(t[:20])}</name></author>"
            f"<content type='html'>{escape(d)}</content><updated>2021-04-12T08:00:00Z</updated></entry>"
            for t, d, link in entries)
        return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                f"<title>{escape(channel_title)}</title>{items}</feed>")
    items = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><description>{escape(d)}</description>"
        f"<pubDate>Mon, 12 Apr 2021 08:00:00 GMT</pubDate></item>" for t, d, link in entries)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(channel_title)}</title>"
            f"{items}</channel></rss>")


xml_safe = hostile_text.map(lambda s: "".join(c for c in s if c in "\t\n" or (" " <= c < "\ud800") or "\ue000" <= c <= "\ufffd"))


@st.composite
def feed_bytes(draw) -> bytes:
    entries = draw(st.lists(st.tuples(hostile_text | newsy_text, hostile_text | newsy_text,
                                      st.sampled_from(["http://e.example/a", "javascript:alert(1)", "", "\x1b]8;;x"])),
                            max_size=12))
    kind = draw(st.sampled_from(["rss", "atom", "rss-raw", "truncated", "gzip"]))
    if kind == "rss-raw":  # unescaped hostile text straight into the XML: not well-formed
        text = feed_xml([], "rss").replace("</channel>", "".join(f"<item><title>{t}</title><description>{d}</description></item>"
                                                                  for t, d, _ in entries) + "</channel>")
        return text.encode("utf-8", "surrogatepass")
    clean = [(draw(xml_safe), draw(xml_safe), link if "\x1b" not in link else "") for _t, _d, link in entries]
    text = feed_xml([(t or title, d or desc, link) for (t, d, link), (title, desc, _l) in zip(clean, entries)], kind if kind != "truncated" else "rss",
                    channel_title=draw(xml_safe))
    data = text.encode("utf-8", "surrogatepass")
    if kind == "truncated":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "gzip":
        import gzip

        return gzip.compress(data)
    return data


@PROPERTY
@given(data=feed_bytes() | hostile_bytes())
def test_feed_loader_takes_hostile_feeds(tmp_path, data):
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    with bounded(15, "load_feed"):
        loaded = feeds.load_feed(path)
    tally.tried("loader: feed")
    check_loaded(loaded, path)


@pytest.mark.parametrize("entries", [10_000])
def test_a_huge_feed_loads_every_entry_within_bounds(tmp_path, entries):
    path = tmp_path / "huge.xml"
    path.write_text(feed_xml([(f"Entry {i} [b]\x1b[2J", f"<p>Body of entry {i}. It has words.</p>", f"http://e.example/{i}")
                              for i in range(entries)], "rss").replace("\x1b", "&#27;"), encoding="utf-8")
    with bounded(120, f"loading a feed of {entries:,} entries"):
        loaded = feeds.load_feed(path)
    tally.tried("loader: feed")
    check_loaded(loaded, path)
    assert len(articles_of(loaded)) == entries
    assert len({a.id for a in articles_of(loaded)}) == entries


# -- a whole hostile library ----------------------------------------------------------------

@SMALL
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".md", ".html", ".xml", ".rss", ".atom", ".htm"]),
                                hostile_bytes()), min_size=1, max_size=6),
       names=st.lists(hostile_text.map(lambda s: "".join(c for c in s if c not in "/\x00")[:40]), min_size=6, max_size=6))
def test_a_folder_of_hostile_files_loads_without_raising(tmp_path_factory, files, names):
    folder = tmp_path_factory.mktemp("library")
    written = []
    for i, ((suffix, data), name) in enumerate(zip(files, names)):
        path = folder / f"f{name}{i}{suffix}"  # not hidden: hidden files are skipped on purpose
        try:
            path.write_bytes(data)
        except OSError:  # a name the file system refuses (too long in bytes)
            path = folder / f"file{i}{suffix}"
            path.write_bytes(data)
        written.append(path)
    with bounded(30, "load_library"):
        library = load_all([folder])
    tally.tried("library: folder of hostile files", len(written))
    ids = [a.id for a in library.articles]
    assert len(ids) == len(set(ids))
    named = {str(p.path).split(" entry ")[0] for p in library.problems}
    from reader.loaders import LOADERS

    for path in written:  # every file of a kind reader reads gave an article or a problem naming it
        if path.suffix not in LOADERS:
            continue
        assert any(a.path == path for a in library.articles) or str(path) in named, path


def _bomb_anchors(levels: int = 8) -> str:
    text = '  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in range(1, levels + 1):
        text += f"  l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]\n"
    return "anchors:\n" + text


@pytest.mark.parametrize("where", ["config.yaml", "theme file"])
def test_a_yaml_bomb_in_settings_or_a_theme_is_named_not_expanded(tmp_path, where):
    """`reader config` / `reader themes` (and the app at start) read these files; a bomb
    must become one named problem. Child limited to 700 MB and 30 s."""
    home = tmp_path / "home"
    (home / "config" / "themes").mkdir(parents=True)
    if where == "config.yaml":
        (home / "config" / "config.yaml").write_text(_bomb_anchors() + "theme: *l8\nkeymap: *l8\n", encoding="utf-8")
        command = "config"
    else:
        (home / "config" / "themes" / "bomb.yaml").write_text(
            _bomb_anchors() + "name: bomb\nprimary: *l8\nvariables:\n  x: *l8\n", encoding="utf-8")
        command = "themes"
    code = f"import sys; sys.argv = ['reader', {command!r}]\nfrom reader.cli import main\nsys.exit(main())"
    result = run_limited(code, python_env(home), memory_mb=700, seconds=30)
    tally.tried(f"settings/themes: {where}")
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr, result.stderr[-1500:]
    assert result.returncode in (0, 1), result.stderr[-1500:]  # 1: reader config found a problem
    assert "alias" in result.stderr, result.stderr  # named, with the reason


@PROPERTY
@given(title=hostile_text, body=st.lists(newsy_text | hostile_text, min_size=1, max_size=5),
       meta=st.tuples(hostile_text, hostile_text, hostile_text, st.sampled_from(["", "2021-04-12T08:00:00Z", "2021"])))
@example(title="", body=["China", "0/A0"], meta=("", "", "", ""))  # a last line like a photo credit
@example(title="", body=["Friday, July 21, 2017", "A story."], meta=("", "", "", ""))  # a first line like a date
def test_an_imported_article_file_reads_back_as_the_same_article(tmp_path, title, body, meta):
    """reader add writes each article as a .txt file with YAML front matter; whatever the
    text, loading that file gives back the same title, metadata and body (nothing lost)."""
    from reader.library.article import Article
    from reader.text import make_safe, shorten

    def clean(text: str) -> str:  # what a loader hands the importer: safe, one line, no edge spaces
        return " ".join(make_safe(text).split())

    paragraphs = [clean(p) for p in body if clean(p)]
    if not paragraphs:
        return
    source, byline, url, published = (clean(meta[0]) or None, clean(meta[1]) or None, clean(meta[2]) or None,
                                      meta[3] or None)
    article = Article(id="x", title=shorten(clean(title)) or "Untitled", body="\n\n".join(paragraphs),
                      source=source, byline=byline, url=url, published=published)
    path = tmp_path / "imported.txt"
    path.write_text(importer.article_text(article, "2026-11-25T10:00:00Z"), encoding="utf-8")
    loaded = load_txt(path)
    tally.tried("import: written file reads back")
    assert loaded.article is not None, loaded.problems
    back = loaded.article
    assert (back.title, back.source, back.byline, back.url, back.published) == \
           (article.title, article.source, article.byline, article.url, article.published)
    assert " ".join(back.body.split()) == " ".join(article.body.split())


def _gzip_bomb(path: Path, megabytes: int) -> None:
    import gzip

    with gzip.open(path, "wb", compresslevel=9) as handle:
        chunk = b"\0" * (1 << 20)
        for _ in range(megabytes):
            handle.write(chunk)


@pytest.mark.parametrize("how", ["load_feed", "reader add"])
def test_a_gzip_bomb_saved_as_a_feed_is_named_not_unpacked(tmp_path, how):
    """Feeds saved as gzip bytes are unpacked; 400 kB that unpack to 400 MB must not be (child
    limited to 300 MB)."""
    home = tmp_path / "home"
    bomb = tmp_path / "bomb.xml"
    _gzip_bomb(bomb, 400)
    if how == "load_feed":
        code = ("from pathlib import Path\nfrom reader.loaders.feed import load_feed\n"
                f"loaded = load_feed(Path({str(bomb)!r}))\nprint(len(loaded.articles), [p.message for p in loaded.problems])")
    else:
        code = f"import sys; sys.argv = ['reader', 'add', {str(bomb)!r}]\nfrom reader.cli import main\nsys.exit(main())"
    result = run_limited(code, python_env(home), memory_mb=300, seconds=60)
    tally.tried("loader: feed")
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr, result.stderr[-1500:]
    assert result.returncode in (0, 1), result.stderr[-1500:]
    assert "gzip" in result.stdout + result.stderr, (result.stdout, result.stderr)


def test_gzip_feeds_still_unpack(tmp_path):
    import gzip

    text = feed_xml([(f"Entry {i}", f"<p>Body {i}.</p>", f"http://e.example/{i}") for i in range(3)], "rss")
    data = gzip.compress(text[:200].encode()) + gzip.compress(text[200:].encode())  # two members
    assert feeds.unpack(data) == text.encode()
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    assert len(articles_of(feeds.load_feed(path))) == 3
    path.write_bytes(data[:-30])  # cut short: named, not a crash
    loaded = feeds.load_feed(path)
    assert not articles_of(loaded) and loaded.problems
    tally.tried("loader: feed", 2)


def test_a_symlink_loop_in_the_library_is_not_walked_forever(tmp_path):
    """A folder that links to itself or its parent (and a dangling link): every walk of the
    library (the list's catalog, the search index, load_library, reader add) finishes and finds
    the one story once. In a child with a time limit: a regression loops forever."""
    library = tmp_path / "library"
    (library / "sub").mkdir(parents=True)
    (library / "sub" / "a.txt").write_text("A story\n\nIts text.\n", encoding="utf-8")
    (library / "sub" / "up").symlink_to("..")
    (library / "sub" / "self").symlink_to(library)
    (library / "sub" / "dangling.txt").symlink_to(tmp_path / "nowhere")
    code = textwrap.dedent(f"""
        from pathlib import Path
        lib = Path({str(library)!r})
        from reader.library.files import load_all
        from reader.library.files import walk
        from reader.library.catalog import load_catalog
        from reader.search.index import LibraryIndex
        print("library", len(load_all([lib]).articles))
        print("catalog", len(load_catalog(walk([lib]), cache_path=None).entries))
        print("index", LibraryIndex(Path({str(tmp_path / 'index')!r})).update([lib]).added)
        """)
    result = run_limited(code, python_env(tmp_path / "home"), memory_mb=1024, seconds=30)
    tally.tried("library: folder of hostile files")
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.split() == ["library", "1", "catalog", "1", "index", "1"], result.stdout
