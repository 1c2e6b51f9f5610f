"""The .txt loader on the seed and on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.files import load_all
from reader.loaders.txt import load_txt
from tests.conftest import SEED


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_seed_title_paragraphs_and_credit():
    loaded = load_txt(SEED)
    article = loaded.article
    assert loaded.problems == []
    assert article.id == "000_028039a13440567c"
    assert article.title.startswith("China has told Japan to be “especially cautious”")
    assert article.title.endswith("…") and len(article.title) <= 90
    assert len(article.paragraphs) == 14
    assert article.credit == "Andrea Verdelli/Getty Images"
    assert "Getty" not in article.body
    assert article.paragraphs[-1].startswith("Tokyo’s officials have intimated")
    assert article.source is None and article.published is None
    assert article.word_count == 406
    assert article.reading_minutes == 2


def test_front_matter_sets_metadata(tmp_path):
    path = write(tmp_path, "a.txt", "---\ntitle: Tide tables\nsource: The Gazette\npublished: 2024-03-01\n"
                 "tags: [sea, moon]\n---\nThe tide came in.\n\nThen it went out.\n")
    article = load_txt(path).article
    assert article.title == "Tide tables"
    assert article.source == "The Gazette"
    assert article.published == "2024-03-01"
    assert article.tags == ("sea", "moon")
    assert article.paragraphs == ["The tide came in.", "Then it went out."]


def test_broken_front_matter_is_reported_and_the_text_kept(tmp_path):
    path = write(tmp_path, "a.txt", "---\ntitle: [unclosed\n---\nBody text here.\n")
    loaded = load_txt(path)
    assert loaded.article.body == "Body text here."
    assert "front matter is not valid YAML" in loaded.problems[0].message
    assert "at line 3" in loaded.problems[0].message  # where the parser stopped, as the pure loader counts it
    assert not loaded.problems[0].skipped


@pytest.mark.parametrize("block", [
    "title: Tide tables\npublished: 2024-03-01\ntags: [sea, moon]\n",
    "title: 'It''s high tide'\nauthor: \"Ana \\u00c9vora\"\ntags: 2021\n",
    "a: &x [1, 2]\nb: *x\nwhen: 2001-12-14t21:59:43.10-05:00\nn: 0x1F\nyes: yes\nnothing: ~\n",
])
def test_front_matter_reads_as_pyyamls_safe_loader_does(block):
    import yaml

    from reader.loaders.txt import _safe_load

    assert _safe_load(yaml, block) == yaml.safe_load(block)


def test_headline_line_becomes_title(tmp_path):
    path = write(tmp_path, "a.txt", "Storm closes harbour\n\nThe harbour closed on Monday. Boats stayed in.\n")
    article = load_txt(path).article
    assert article.title == "Storm closes harbour"
    assert article.paragraphs == ["The harbour closed on Monday. Boats stayed in."]


def test_hard_wrapped_paragraphs_are_joined(tmp_path):
    path = write(tmp_path, "a.txt", "First line of a para\nthat wraps here.\n\nSecond para.\n")
    assert load_txt(path).article.paragraphs == ["First line of a para that wraps here.", "Second para."]


def test_long_first_sentence_title_is_shortened_at_a_word(tmp_path):
    words = " ".join(f"word{i}" for i in range(40))
    article = load_txt(write(tmp_path, "a.txt", words + ".\n")).article
    assert article.title.endswith("…")
    assert len(article.title) <= 90
    assert article.title[:-1] in words and not article.title[:-1].endswith(" ")


def test_hostile_text_is_kept_literally(tmp_path):
    text = "Markup [bold red]x[/] and [@click=app.quit]click[/]\tTabbed.\n\nESC \x1b[31mred\x1b[0m bell\x07 中文 😀\n"
    article = load_txt(write(tmp_path, "evil.txt", text)).article
    assert "[bold red]x[/]" in article.body
    assert "[@click=app.quit]" in article.body
    assert "\x1b" not in article.body and "\x07" not in article.body
    assert "␛[31mred␛[0m" in article.body and "␇" in article.body
    assert "\t" not in article.body and "Tabbed" in article.body
    assert "中文 😀" in article.body


def test_decomposed_text_is_read_in_composed_form_so_names_stay_whole(tmp_path):
    """NFD ("n" + a combining tilde, as a Mac may write it) becomes NFC: a word pattern,
    an index term and a typed query all see "Española" as one word."""
    import unicodedata

    from reader.entities import service

    text = unicodedata.normalize("NFD", "Muñoz in Spain\n\nThe Diccionario de la Lengua Española, said José Muñoz.\n")
    article = load_txt(write(tmp_path, "nfd.txt", text)).article
    assert article.title == "Muñoz in Spain" and unicodedata.is_normalized("NFC", article.body)
    found = {article.body[s.start:s.end] for s in service.get_recognizer().recognise(article.body)}
    assert {"Diccionario de la Lengua Española", "José Muñoz"} <= found


def test_an_indented_quotation_in_a_persons_own_file_is_joined_as_prose(tmp_path):
    """Indented lines keep their breaks only in the importer's files (code it stored); in a
    person's own file an indented block may be a quotation, hard-wrapped."""
    text = "A letter\n\nShe wrote:\n\n    The state of the\n    roads in our town\n    is poor.\n"
    assert load_txt(write(tmp_path, "letter.txt", text)).article.paragraphs == [
        "She wrote:", "The state of the roads in our town is poor."]


def test_invalid_utf8_loads_with_replacement_and_a_notice(tmp_path):
    path = write(tmp_path, "broken.txt", "Café society, ".encode() + b"\xff" + "naïve.\n".encode())
    loaded = load_txt(path)
    assert loaded.article.body == "Café society, \ufffdnaïve."  # UTF-8 with one bad byte: UTF-8
    assert len(loaded.problems) == 1 and "not valid UTF-8" in loaded.problems[0].message
    assert loaded.problems[0].path == path


@pytest.mark.parametrize("text", ["Caf\xe9 au lait in M\xfcnchen \u2013 \u20ac3.",
                                  "Er sagte: \u201eDas ist ein gro\xdfer Spa\xdf\u201c"])  # "ß“" is a UTF-8 pair
def test_text_mostly_not_utf8_is_read_as_windows_1252_with_a_notice(tmp_path, text):
    loaded = load_txt(write(tmp_path, "latin.txt", (text + "\n").encode("cp1252")))
    assert loaded.article.body == text
    assert ["Windows-1252" in p.message and not p.skipped for p in loaded.problems] == [True]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_in_utf16_or_utf32_with_its_byte_order_mark_is_read(tmp_path, encoding):
    text = "Ein Café in München.\n\nZweiter Absatz.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # Python writes no mark for an explicit byte order
    loaded = load_txt(write(tmp_path, "wide.txt", data))
    article = loaded.article
    assert article is not None and not loaded.problems
    assert "Ein Café in München." in f"{article.title}\n{article.body}" and article.body.endswith("Zweiter Absatz.")


def test_binary_and_empty_files_are_skipped_with_a_reason(tmp_path):
    write(tmp_path, "a.txt", "A real story.\n")
    write(tmp_path, "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "empty.txt", b"   \n")
    library = load_all([tmp_path])
    assert [a.id for a in library.articles] == ["a"]
    reasons = {Path(p.path).name: p.message for p in library.problems}
    assert "binary" in reasons["bin.txt"]
    assert "empty" in reasons["empty.txt"]


def test_library_ids_are_relative_paths_and_hidden_files_skipped(tmp_path):
    (tmp_path / "world").mkdir()
    (tmp_path / ".cache").mkdir()
    write(tmp_path / "world", "asia.txt", "Asia story.\n")
    write(tmp_path / ".cache", "x.txt", "Hidden.\n")
    write(tmp_path, "notes.yaml", "not: an article\n")
    library = load_all([tmp_path])
    assert [a.id for a in library.articles] == ["world/asia"]


def test_a_date_line_first_dates_the_story_and_the_title_is_what_follows():
    """A text that opens with its date line ("Friday, January 3, 2014") was listed under that
    date, and one that opens "Pierre Charles L'Enfant," under the name and its comma (a new
    user's pass)."""
    from reader.loaders.txt import parse_article

    dated = parse_article("Friday, January 3, 2014\n\nOn Saturday, Wikinews interviewed Tina McKenzie. She ran.\n",
                          "a.txt", "a").article
    assert dated.title == "On Saturday, Wikinews interviewed Tina McKenzie."
    assert dated.published == "2014-01-03" and dated.body.startswith("Friday, January 3, 2014")
    named = parse_article("Pierre Charles L'Enfant,\n\nPierre Charles L'Enfant was a French engineer.\n",
                          "b.txt", "b").article
    assert named.title == "Pierre Charles L'Enfant"
