"""The command line as argparse users expect it: help per command, options anywhere, one-line
errors; ids from ``reader list`` accepted; notes found leniently; entities of pages and
feeds read like ``reader add`` reads them; export and restore of everything the person made."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.entities import service
from search_support import make_library
from tests.conftest import REPO

SEED_ID = "000_028039a13440567c"


@pytest.fixture(autouse=True)
def fresh_recognizer():
    service.reset()
    yield
    service.reset()


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *argv], cwd=REPO, capture_output=True, text=True)


def test_a_sub_command_has_its_own_help():
    result = run("list", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: reader list [-h]"), result.stdout[:200]
    assert "reader COMMAND" not in result.stdout


def test_a_missing_query_or_a_bad_option_is_one_line_and_exit_2():
    result = run("search")
    assert result.returncode == 2
    assert result.stderr.strip() == 'reader search: give a QUERY, for example: reader search "senkaku islands"'
    result = run("list", "--bogus")
    assert result.returncode == 2
    assert result.stderr.strip() == "reader list: unrecognized arguments: --bogus (see reader list --help)"
    result = run("search", "whale", "-shark")
    assert result.returncode == 2 and 'in quotes, reader search "… -shark"' in result.stderr
    assert "after --: reader search -- -shark" in result.stderr
    result = run("search", "--", "-whale")
    assert result.returncode == 1 and "only leaves stories out" in result.stderr  # found nothing, as grep
    result = run("--", "search")  # after --, a PATH named like a command, not the command
    assert "no such file or folder: search" in result.stderr and "give a QUERY" not in result.stderr
    result = run("search", "senkaku", "islands")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert 'goes in quotes: reader search "senkaku islands"' in result.stderr


def test_options_work_anywhere(tmp_path, capsys):
    library = make_library(tmp_path / "lib")
    assert main(["search", "islands", "--json", str(library)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2
    # options before --, anything after it is an argument, even one that starts with -
    assert main(["search", "--json", "--limit", "1", "--", "islands -storm", str(library)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
    assert main(["search", "islands", "--json", "--", str(library)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2
    assert main(["search", "--limit", "1", "islands", str(library), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1
    assert main(["list", str(library), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_ids_from_list_are_accepted_by_show_and_entities(capsys):
    assert main(["list"]) == 0
    assert SEED_ID in capsys.readouterr().out
    assert main(["show", SEED_ID]) == 0
    shown = capsys.readouterr().out
    assert shown.count("China has told Japan") == 1  # the headline once: it is the first sentence
    assert "Tokyo’s officials have intimated" in shown
    assert main(["show", "000_0280", "--json"]) == 0  # a unique start of an id will do
    body = json.loads(capsys.readouterr().out)["body"]
    assert main(["entities", SEED_ID, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(body[r["start"]:r["end"]] == r["text"] for r in rows)
    assert any(r["text"] == "Hua Chunying" for r in rows)
    assert main(["show", "000_02803a13440567c"]) == 2
    assert f"did you mean {SEED_ID}?" in capsys.readouterr().err


def test_notes_are_found_leniently_with_suggestions(capsys):
    assert main(["notes", "Hua"]) == 0
    assert capsys.readouterr().out.startswith("Hua Chunying")
    assert main(["notes", "shimonoseki"]) == 0
    assert capsys.readouterr().out.startswith("Treaty of Shimonoseki")
    assert main(["notes", "party"]) == 1
    err = capsys.readouterr().err
    assert "notes match 'party'" in err and "Liberal Democratic Party" in err
    assert main(["notes", "Chunyng"]) == 1
    assert "did you mean Hua Chunying?" in capsys.readouterr().err


PAGE = """<html><head><title>Storm floods coastal towns - Example News</title>
<script>window.KruxTracker = {id: "ZorblaxTrackingPixel"};</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Storm floods coastal towns</h1>
<p>A storm flooded towns along the coast of Kenya on Monday, officials in Nairobi said.</p>
<p>The Kenya Red Cross said hundreds of families had left their homes near Mombasa.</p>
<p>Forecasters expect more rain this week across East Africa, the ministry said.</p>
</article><footer>Copyright Example News Ltd</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks in Geneva</title><link>https://example.org/1</link>
<description>Negotiators met in Geneva on Tuesday with officials from Kenya.</description></item>
<item><title>Storm in Tokyo</title><link>https://example.org/2</link>
<description>A storm hit Tokyo and Osaka, the Japan Meteorological Agency said.</description></item>
</channel></rss>"""


def test_entities_of_pages_and_feeds_come_from_the_loaders_reader_add_uses(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["entities", str(page), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    texts = {r["text"] for r in rows}
    assert {"Kenya", "Nairobi"} <= texts
    assert not any("Krux" in t or "Zorblax" in t or "Copyright" in t for t in texts), texts
    assert main(["show", str(page), "--json"]) == 0
    body = json.loads(capsys.readouterr().out)["body"]
    assert all(body[r["start"]:r["end"]] == r["text"] for r in rows)  # offsets into the article's text
    feed = tmp_path / "wire.xml"
    feed.write_text(FEED, encoding="utf-8")
    assert main(["entities", str(feed), "--jsonl"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(docs) == 2 and all(d["doc"].startswith("wire.xml#") for d in docs)
    assert "Tokyo" in {e["text"] for e in docs[1]["entities"]}
    assert main(["entities", str(feed), "--json"]) == 2
    assert "use --jsonl" in capsys.readouterr().err


def test_export_and_import_restore_settings_notes_and_themes(tmp_path, reader_home, capsys):
    config = reader_home / "config"
    (config / "notes").mkdir(parents=True)
    (config / "themes").mkdir()
    (config / "config.yaml").write_text("theme: sepia\narticle_width: 70\n")
    (config / "notes" / "my-notes.yaml").write_text("- id: zorblax\n  name: Zorblax Quimby\n  type: PERSON\n")
    (config / "themes" / "mine.yaml").write_text('name: mine\nprimary: "#336699"\n')
    out = tmp_path / "backup"
    assert main(["export", str(out)]) == 0
    assert "settings, notes and themes (3 files)" in capsys.readouterr().out
    assert (out / "config" / "notes" / "my-notes.yaml").is_file() and (out / "config" / "themes" / "mine.yaml").is_file()
    # a new machine, or a mistake: the notes gone, the settings changed
    (config / "notes" / "my-notes.yaml").unlink()
    (config / "config.yaml").write_text("theme: ink\n")
    assert main(["import-state", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Restored 2 of your files" in captured.out
    assert (config / "notes" / "my-notes.yaml").read_text().startswith("- id: zorblax")
    assert (config / "config.yaml").read_text() == "theme: sepia\narticle_width: 70\n"
    assert (config / "config.yaml.before-import").read_text() == "theme: ink\n"  # nothing is lost
    assert main(["notes", "Zorblax"]) == 0


def test_export_and_import_keep_feeds_tags_fetch_state_and_saved_searches(tmp_path, reader_home, monkeypatch, capsys):
    from reader.feeds.store import FeedStore
    from reader.library.state import StateStore

    with StateStore() as store:
        feeds = FeedStore(store)
        feeds.subscribe("http://127.0.0.1:1/news.xml", title="Wire", tags=["politics", "daily"])
        feeds.record_success("http://127.0.0.1:1/news.xml", etag='"abc"', modified="Sat, 28 Nov 2026 10:00:00 GMT")
        feeds.add_members("http://127.0.0.1:1/news.xml", ["wire-1", "wire-2"])
        feeds.save_search("Hua", 'entity:"Hua Chunying"', entity_key="hua-chunying")
    out = tmp_path / "backup"
    assert main(["export", str(out)]) == 0
    monkeypatch.setenv("READER_HOME", str(tmp_path / "new-home"))  # another machine
    assert main(["import-state", str(out), "--state-only"]) == 0
    capsys.readouterr()
    with StateStore() as store:
        feeds = FeedStore(store)
        [sub] = feeds.subscriptions()
        assert (sub.title, set(sub.tags), sub.etag) == ("Wire", {"daily", "politics"}, '"abc"')
        assert sub.success_at is not None
        assert feeds.members_of("http://127.0.0.1:1/news.xml") == ["wire-1", "wire-2"]
        assert [(s.name, s.entity_key) for s in feeds.saved_searches()] == [("Hua", "hua-chunying")]


def test_top_level_help_lists_every_command_without_importing_them():
    """``reader --help`` answers from the registry of commands: no command module, no
    library code is loaded for it (the process stays quick)."""
    code = ("import sys; from reader.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('reader.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    loaded = eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our own printed list
    assert loaded == ["reader.cli", "reader.cli_parsing", "reader.commands", "reader.commands.errors"]
    from reader.commands import COMMANDS, load_command

    for name in COMMANDS:
        assert f"    {name}" in result.stdout
        assert load_command(name).HELP == COMMANDS[name].help


def test_show_keeps_the_lines_of_code(tmp_path, capsys):
    story = tmp_path / "dicts.txt"
    story.write_text("---\ntitle: Dictionaries\nimported: 2026-11-30\n---\n\nTry this:\n\n    $ ls /usr/share/dict\n"
                     "    README\n      web2\n\nDone.\n", encoding="utf-8")  # as the importer writes code
    assert main(["show", str(story), "--width", "40"]) == 0
    out = capsys.readouterr().out
    assert "Try this:\n\n$ ls /usr/share/dict\nREADME\n  web2\n\nDone." in out


def test_reader_alone_opens_the_app_without_building_a_parser(monkeypatch):
    """``reader`` with no arguments goes straight to the app: argparse is not imported for it."""
    code = ("import sys; import reader.cli as cli\n"
            "cli.run_app = lambda paths=(), theme=None: print('app', list(paths), theme) or 0\n"
            "cli.main([])\n"
            "print('argparse' in sys.modules, 'reader.cli_parsing' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.stdout.splitlines() == ["app [] None", "False False"], result.stderr
