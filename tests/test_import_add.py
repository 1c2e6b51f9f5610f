"""``reader add``: files written with front matter, duplicates, bad inputs, the summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from tests.conftest import needs_shared

from reader import paths
from reader.cli import main
from reader.library.files import load_all
from reader.library.importer import Importer, normalise_url
from reader.library.state import StateStore
from reader.loaders.txt import split_front_matter


@pytest.fixture
def importer(reader_home: Path):
    store = StateStore()
    yield Importer(store)
    store.close()


def _library_files() -> list[Path]:
    return sorted(paths.library_dir().glob("*.txt"))


def test_imported_files_are_plain_text_with_front_matter(importer: Importer) -> None:
    report = importer.add([needs_shared("data", "feeds", "rss2sample.xml")])
    assert len(report.added) == 4 and not report.problems
    files = _library_files()
    assert len(files) == 4
    text = next(f for f in files if "star-city" in f.name).read_text(encoding="utf-8")
    meta, body, problems = split_front_matter(text, "x")
    assert not problems
    assert meta["title"] == "Star City"
    assert meta["source"] == "Liftoff News"
    assert meta["url"] == "http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp"
    assert meta["published"] == "2003-06-03T09:39:21Z"
    assert set(meta) >= {"title", "source", "published", "url", "imported"}
    assert body.strip().startswith("How do Americans get ready")
    # The library loads them back, with ids that are the file names.
    library = load_all([paths.library_dir()])
    assert sorted(a.id for a in library.articles) == sorted(f.stem for f in files)
    assert not library.problems
    assert not list(paths.library_dir().glob(".tmp-*"))


def test_html_page_import_keeps_title_byline_date(importer: Importer) -> None:
    report = importer.add([needs_shared("data", "html", "nytimes-1", "source.html")])
    assert len(report.added) == 1
    article = load_all([paths.library_dir()]).articles[0]
    assert article.title == "United States to Lift Sudan Sanctions"
    assert article.byline == "Jeffrey Gettleman"
    assert article.published == "2017-01-13"
    assert article.url.startswith("http://www.nytimes.com/2017/01/13/")


def test_whole_feed_folder_then_again_adds_nothing(importer: Importer) -> None:
    first = importer.add([needs_shared("data", "feeds")])
    assert len(first.added) > 100
    named = {str(p.path) for p in first.problems}
    assert all("illegally-nested.xml entry" in name for name in named)  # empty entries, each named
    assert any("saxerror.xml" in str(n.path) for n in first.notes)
    # iconv.xml and compressed.xml hold the same ten stories: the second copy is a duplicate.
    assert len(first.duplicates) >= 10
    count = len(_library_files())
    again = importer.add([needs_shared("data", "feeds")])
    assert again.added == []
    assert len(again.duplicates) == len(first.added) + len(first.duplicates)
    assert len(_library_files()) == count


def test_same_text_is_a_duplicate_whatever_the_spacing_and_case(importer: Importer, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ships return\n\nThe fleet came back on Monday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# SHIPS RETURN\n\nThe  fleet came back\non Monday!\n", encoding="utf-8")
    report = importer.add([tmp_path / "a.txt", tmp_path / "b.md"])
    assert len(report.added) == 1
    assert report.duplicates == [(str(tmp_path / "b.md"), f"same text as {report.added[0].id}")]


def test_same_url_is_a_duplicate(importer: Importer, tmp_path: Path) -> None:
    tmp_path = tmp_path / "inputs"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("---\nurl: https://News.example.com/story/?utm_source=x#top\n---\nOne\n\nFirst text.\n")
    (tmp_path / "b.txt").write_text("---\nurl: http://news.example.com/story\n---\nOne\n\nOther text.\n")
    report = importer.add([tmp_path])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    assert "same URL" in report.duplicates[0][1]
    assert normalise_url("HTTPS://a.example/x/?b=2&a=1&utm_medium=y") == "http://a.example/x?a=1&b=2"


def test_deleted_article_can_be_added_again(importer: Importer) -> None:
    feed = needs_shared("data", "feeds", "rss2sample.xml")
    importer.add([feed])
    for path in _library_files():
        path.unlink()
    assert len(importer.add([feed]).added) == 4


def test_hand_copied_files_are_known_as_duplicates(reader_home: Path, tmp_path: Path) -> None:
    library = paths.library_dir()
    library.mkdir(parents=True)
    (library / "mine.txt").write_text("Mine\n\nA story I copied in by hand.\n")
    (tmp_path / "same.txt").write_text("Mine\n\nA story I copied in by hand.\n")
    with StateStore() as store:
        report = Importer(store).add([tmp_path / "same.txt"])
    assert report.added == [] and report.duplicates[0][1] == "same text as mine"


def test_bad_inputs_are_named_and_the_rest_go_in(importer: Importer, tmp_path: Path) -> None:
    tmp_path = tmp_path / "inputs"
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text("Good\n\nA good story.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.xml").write_text("<rss><channel><title>x</title>")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)
    report = importer.add([tmp_path, tmp_path / "missing.txt", tmp_path / "photo.jpg"])
    assert [a.title for a in report.added] == ["Good"]
    reasons = {Path(str(p.path)).name: p.message for p in report.problems}
    assert reasons["empty.md"] == "empty file; skipped"
    assert reasons["binary.txt"] == "binary data, not text; skipped"
    assert reasons["missing.txt"] == "no such file or folder"
    assert "binary data" in reasons["photo.jpg"]
    assert "broken.xml" in reasons
    assert report.ignored == 1  # photo.jpg inside the folder
    assert report.summary() == ("1 article added; 0 duplicates skipped; 5 could not be used; "
                                "1 other file ignored (photo.jpg)")
    for n in range(4):
        (tmp_path / f"notes{n}.doc").write_text("not an article")
    report = importer.add([tmp_path])
    assert report.ignored == 5
    for folder in ("a", "b", "c"):  # the same name in many folders is named once, with how many
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "readme.md.bak").write_text("x")
    names = importer.add([tmp_path / "a", tmp_path / "b", tmp_path / "c"]).summary()
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "news.xml").write_text("<rss><channel><title>News</title><item><title>One</title>"
                                             "<description>The first story.</description></item></channel></rss>")
    (tmp_path / "nothing").mkdir()
    assert importer.add([tmp_path / "nothing"]).summary().endswith(
        "0 could not be used; no article files there (reader reads .txt, .md, .html and feed files, and web addresses)")
    fed = importer.add([tmp_path / "f"]).summary()
    assert fed.endswith("; 1 feed file read once (to follow one: reader subscribe FILE or URL)"), fed
    assert names.endswith("3 other files ignored (readme.md.bak ×3)"), names
    assert re.search(r"; 5 other files ignored \((?:[\w.]+\.(?:doc|jpg), ){3}…\)$", report.summary()), report.summary()


def test_cli_add_prints_reasons_and_summary(reader_home: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text("Good\n\nA good story.\n")
    code = main(["add", str(tmp_path / "good.txt"), str(tmp_path / "nope.txt")])
    out, err = capsys.readouterr()
    assert code == 0
    assert f"reader: {tmp_path / 'nope.txt'}: no such file or folder" in err
    assert out.strip() == "1 article added; 0 duplicates skipped; 1 could not be used."
    assert main(["add", str(tmp_path / "good.txt"), "-v"]) == 0
    out, err = capsys.readouterr()
    assert "already in the library (same text as good-" in err
    assert out.startswith("0 articles added; 1 duplicate skipped")
    assert main(["add", str(tmp_path / "nope.txt")]) == 1
    (tmp_path / "README.md").write_text("# About this folder\n")
    assert main(["add", str(tmp_path)]) == 0
    assert "1 other file ignored (README.md)." in capsys.readouterr().out  # as named, not "readme.md"
    other = tmp_path / "other"
    for folder in ("a", "b"):  # four files, three names: every name is shown, so no "…"
        (other / folder).mkdir(parents=True)
        (other / folder / "readme.md").write_text("x")
    (other / "a" / "x.doc").write_text("x")
    (other / "a" / "evil\x1b[31m.doc").write_text("x")  # a name is data: its escape is not sent to the terminal
    assert main(["add", str(other)]) == 0
    out = capsys.readouterr().out
    assert "4 other files ignored (" in out and "…" not in out and "\x1b" not in out and "␛[31m" in out


def test_front_matter_survives_odd_titles(importer: Importer, tmp_path: Path) -> None:
    (tmp_path / "odd.md").write_text("# key: value --- [bold] 'quoted' \"double\"\n\nBody text here.\n")
    report = importer.add([tmp_path / "odd.md"])
    text = report.added[0].path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "key: value --- [bold] 'quoted' \"double\""
    assert load_all([paths.library_dir()]).articles[0].title == meta["title"]
