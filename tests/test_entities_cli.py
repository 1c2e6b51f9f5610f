"""``reader entities`` and ``reader notes`` from the command line (in process)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.commands.common import FIRST_USE_NOTICE
from reader.entities import knowledge, service
from tests.conftest import REPO, SEED, needs_shared


@pytest.fixture(autouse=True)
def fresh_recognizer():
    service.reset()
    yield
    service.reset()


def test_entities_json_offsets_are_into_the_raw_file(capsys):
    assert main(["entities", str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = SEED.read_text(encoding="utf-8")
    assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert set(rows[0]) == {"start", "end", "text", "type", "key", "note"}
    hua = next(r for r in rows if r["text"] == "Hua Chunying")
    assert hua["type"] == "PERSON" and hua["key"] == "hua-chunying" and hua["note"] is True


def test_entities_jsonl_one_line_per_file(tmp_path, capsys):
    other = tmp_path / "crlf.txt"
    other.write_bytes("Title\r\n\r\nToday Ann Lee visited Tokyo.\r\n".encode())
    assert main(["entities", str(SEED), str(other), "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    assert [d["doc"] for d in docs] == [SEED.name, "crlf.txt"]
    raw = other.read_bytes().decode()
    assert all(raw[e["start"]:e["end"]] == e["text"] for e in docs[1]["entities"])
    assert {e["text"] for e in docs[1]["entities"]} >= {"Ann Lee", "Tokyo"}


def test_a_library_files_front_matter_is_no_story_text(tmp_path, capsys):
    """A file of the library starts with its fields: 'title: United States …' and 'byline:
    Jeffrey Gettleman' were given as a place and a person of the story (a new user's pass)."""
    story = tmp_path / "sudan.txt"
    story.write_text("---\ntitle: United States to Lift Sudan Sanctions\nbyline: Jeffrey Gettleman\n---\n\n"
                     "LONDON — The Obama administration will lift sanctions on Sudan.\n", encoding="utf-8")
    assert main(["entities", str(story), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    raw = story.read_text(encoding="utf-8")
    assert all(raw[r["start"]:r["end"]] == r["text"] for r in rows)  # the file's offsets still
    assert {r["text"] for r in rows} >= {"LONDON", "Sudan"}
    assert all(r["start"] > raw.index("\n---\n") for r in rows)


def test_entities_table_and_errors(tmp_path, capsys):
    assert main(["entities", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Treaty of Shimonoseki" in out and "entities (* has a background note)" in out
    assert main(["entities", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["entities", str(SEED), str(SEED), "--json"]) == 2


def test_notes_by_name_alias_and_list(capsys):
    assert main(["notes", "diaoyutai"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Senkaku Islands") and "As of" in out
    assert main(["notes", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "treaty-of-shimonoseki" in listed and "hua-chunying" in listed
    assert main(["notes", "Nobody", "Here"]) == 1
    assert "no note on 'Nobody Here'" in capsys.readouterr().err
    assert main(["notes", "--list", "--json"]) == 0
    assert any(n["id"] == "newsweek" for n in json.loads(capsys.readouterr().out))


def test_notes_shows_a_broken_user_file_and_still_works(capsys):
    from reader.entities.notes import user_notes_dir

    folder = user_notes_dir()
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("- id: x\n  name: [\n", encoding="utf-8")
    assert main(["notes", "Tokyo"]) == 0
    captured = capsys.readouterr()
    assert "broken.yaml" in captured.err and "line" in captured.err
    assert captured.out.startswith("Tokyo")


def test_gum_news_micro_f1_overlap_at_least_075(tmp_path):
    gold = needs_shared("data", "gum-news")
    scorer = needs_shared("tools", "score_entities.py")
    files = sorted(gold.glob("*.txt"))
    predictions = tmp_path / "pred.jsonl"
    env_run = subprocess.run([sys.executable, "-m", "reader", "entities", "--jsonl", *map(str, files)],
                             cwd=REPO, capture_output=True, text=True, check=True)
    predictions.write_text(env_run.stdout, encoding="utf-8")
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, str(scorer), str(gold), "--jsonl", str(predictions), "--json", str(report)],
                   capture_output=True, text=True, check=True)
    metrics = json.loads(report.read_text())["metrics"]
    assert metrics["overlap"]["micro"]["f1"] >= 0.75, metrics["overlap"]


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_a_first_use_tells_a_terminal_why_it_waits(monkeypatch, capsys, terminal):
    """Reading the name lists the first time takes seconds: a person at a terminal is told
    once, before the answer; a script reading stderr gets nothing extra."""
    stderr = _Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(service, "first_build_ahead", lambda: True)
    assert main(["entities", str(SEED)]) == 0
    assert "Hua Chunying" in capsys.readouterr().out
    assert (FIRST_USE_NOTICE in stderr.getvalue()) == terminal
    monkeypatch.setattr(service, "first_build_ahead", lambda: False)
    stderr.seek(0)
    stderr.truncate()
    assert main(["entities", str(SEED)]) == 0
    assert FIRST_USE_NOTICE not in stderr.getvalue()


def test_the_knowledge_cache_is_kept_on_a_first_use(reader_home, monkeypatch):
    """A data folder with no cache folder yet keeps the word lists the first use read (the
    first ``reader about`` built them twice: 6.2 against 4.9 s), and the next use reads them
    from the cache without building."""
    assert not (reader_home / "cache").exists()
    built = knowledge.load_knowledge()
    assert sorted(p.suffix for p in (reader_home / "cache").glob("knowledge-*")) == [".json", ".marisa"]

    def no_build() -> dict:
        raise AssertionError("built again")

    monkeypatch.setattr(knowledge, "build", no_build)
    again = knowledge.load_knowledge()
    assert again.given_names == built.given_names and again.is_word("island") and again.is_word("negotiate")
