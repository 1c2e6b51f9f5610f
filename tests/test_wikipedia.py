"""The Wikipedia client and look-ups, against a local server (no test touches the internet)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from reader.entities.notes import load_knowledge_base
from reader.wikipedia import WikipediaClient, look_up
from reader.wikipedia import client as client_module
from reader.wikipedia.lookup import remembered
from tests.wiki_server import WikiServer

PAGES = {
    "Quentin Vale": ("British harbour master (born 1961)", "Quentin Vale is the harbour master of Dover.", "standard"),
    "Dover": ("Town and port in Kent, England", "Dover is a town and major ferry port in Kent.", "standard"),
    "Mercury": ("Topics referred to by the same term", "Mercury may refer to:", "disambiguation"),
    "Mercury (planet)": ("Smallest planet in the Solar System", "Mercury is the first planet from the Sun.",
                         "standard"),
    "Mercury (element)": ("Chemical element with symbol Hg", "Mercury is a chemical element.", "standard"),
    "Freddie Mercury": ("British singer (1946–1991)", "Freddie Mercury was the lead vocalist of Queen.", "standard"),
}


@pytest.fixture(autouse=True)
def no_rate_limit_left_over():
    client_module.LIMIT.blocked_until = 0.0
    yield
    client_module.LIMIT.blocked_until = 0.0


@pytest.fixture
def wiki():
    with WikiServer(dict(PAGES)) as server:
        yield server


def client_for(server, tmp_path, **kwargs) -> WikipediaClient:
    return WikipediaClient(base_url=server.url, cache_dir=tmp_path / "cache", rate=50, **kwargs)


def test_a_clear_match_is_saved_as_the_persons_note_with_source_licence_and_date(wiki, tmp_path):
    with client_for(wiki, tmp_path) as client:
        result = look_up(client, "quentin-vale", "Quentin Vale", "PERSON", "The harbour master of Dover said")
    assert result.note is not None, result.message
    note = load_knowledge_base().get("quentin-vale")
    assert note.user and note.summary == "British harbour master (born 1961)"
    assert note.background.startswith("Quentin Vale is the harbour master")
    assert note.source_url == "https://en.wikipedia.org/wiki/Quentin_Vale"
    assert "CC BY-SA" in note.licence and note.as_of == dt.date.today().isoformat()
    agent = wiki.requests[0][1].get("User-Agent", "")
    assert agent.startswith("reader/") and "news reader" in agent


def test_a_note_the_person_wrote_is_kept_unless_they_say_it_may_be_replaced(wiki, tmp_path):
    from reader.entities.notes import Note, save_user_note

    save_user_note(Note("quentin-vale", "Quentin Vale", "PERSON", summary="My own words on him."))
    with client_for(wiki, tmp_path) as client:
        kept = look_up(client, "quentin-vale", "Quentin Vale", "PERSON", "The harbour master of Dover said")
        assert kept.note is None and "Your own note on Quentin Vale is kept" in kept.message
        assert wiki.requests == []  # nothing asked of Wikipedia either
        assert load_knowledge_base().get("quentin-vale").summary == "My own words on him."
        replaced = look_up(client, "quentin-vale", "Quentin Vale", "PERSON", "The harbour master of Dover said",
                           replace_own=True)
    assert replaced.note is not None and load_knowledge_base().get("quentin-vale").summary.startswith("British")


def test_answers_are_cached_so_asking_again_sends_nothing(wiki, tmp_path):
    with client_for(wiki, tmp_path) as client:
        client.summary("Dover")
        sent = len(wiki.requests)
        assert client.summary("Dover").description.startswith("Town and port")
    assert len(wiki.requests) == sent


def test_a_disambiguation_or_weak_match_offers_candidates_and_remembers_the_choice(wiki, tmp_path):
    story = "The probe flew past the planet closest to the Sun."
    with client_for(wiki, tmp_path) as client:
        result = look_up(client, "mercury", "Mercury", "PLACE", story)
        assert result.note is None and load_knowledge_base().get("mercury") is None  # nothing attached silently
        titles = [c.title for c in result.candidates]
        assert "Mercury" not in titles and "Mercury (planet)" in titles  # no disambiguation page offered
        chosen = look_up(client, "mercury", "Mercury", "PLACE", story, chosen="Mercury (planet)")
        assert chosen.note is not None and remembered("Mercury", "PLACE") == "Mercury (planet)"
        again = look_up(client, "mercury", "Mercury", "PLACE", story, save=False)
    assert again.note is not None and again.note.source_url.endswith("Mercury_(planet)")


def test_a_page_of_the_wrong_kind_is_not_taken(wiki, tmp_path):
    with client_for(wiki, tmp_path) as client:
        result = look_up(client, "dover", "Dover", "PERSON", "Mr Dover said", chosen=None)
    assert result.note is None and load_knowledge_base().get("dover") is None


@pytest.mark.parametrize(("mode", "words"), [("429", "slow down"), ("500", "500"), ("garbage", "not JSON"),
                                              ("missing", "has no page 'Nobody Here'")])
def test_every_failure_is_one_plain_line_and_nothing_is_saved(wiki, tmp_path, mode, words):
    wiki.mode = mode if mode != "missing" else "ok"
    with client_for(wiki, tmp_path) as client:
        if mode == "missing":
            result = look_up(client, "x", "Nobody Here", "PERSON", chosen="Nobody Here")
        else:
            result = look_up(client, "quentin-vale", "Quentin Vale", "PERSON")
    assert result.note is None and words in result.message and "\n" not in result.message
    assert load_knowledge_base().get("quentin-vale") is None


def test_an_address_that_is_no_wiki_says_so_not_that_the_page_is_missing(tmp_path):
    """(A new user's pass: base_url set to a feed server, whose 404 read "no such page".)"""
    import http.server
    import threading

    class NotAWiki(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_error(404)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotAWiki)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with WikipediaClient(base_url=url, cache_dir=tmp_path / "c", rate=50) as client:
            message = look_up(client, "q", "Quentin Vale", "PERSON").message
    finally:
        server.shutdown()
        server.server_close()
    assert message == f"no Wikipedia search at {url} (it answered 404): check background: base_url in config.yaml"


def test_a_timeout_and_no_server_are_one_line_too(wiki, tmp_path):
    wiki.mode = "slow"
    with client_for(wiki, tmp_path, timeout=httpx.Timeout(0.3)) as client:
        assert "in time" in look_up(client, "q", "Quentin Vale", "PERSON").message
    closed = WikipediaClient(base_url="http://127.0.0.1:9", cache_dir=tmp_path / "c2", rate=50)
    with closed:
        message = look_up(closed, "q", "Quentin Vale", "PERSON").message
        assert "cannot reach Wikipedia" in message and "refused" in message


def test_a_name_that_cannot_be_looked_up_says_so_in_words(tmp_path, monkeypatch):
    """Offline, the system says "[Errno -2] Name or service not known"; the line says what it means."""
    import socket

    def offline(*_args, **_kwargs):
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except socket.gaierror as error:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from error

    client = WikipediaClient(cache_dir=tmp_path / "c", rate=50)
    monkeypatch.setattr(client._http, "get", offline)
    with client:
        message = look_up(client, "q", "Quentin Vale", "PERSON").message
    assert "cannot reach Wikipedia" in message and "no network" in message and "Errno" not in message


def test_a_saved_summary_is_refreshed_on_request(wiki, tmp_path):
    with client_for(wiki, tmp_path) as client:
        look_up(client, "dover", "Dover", "PLACE", "the port")
        wiki.pages["Dover"] = ("Town and port in Kent, England", "Dover is a town; updated text.", "standard")
        assert "updated" not in look_up(client, "dover", "Dover", "PLACE", save=False, refresh=None).note.background
        refreshed = look_up(client, "dover", "Dover", "PLACE", refresh="Dover")
    assert "updated text" in refreshed.note.background
    assert "updated text" in load_knowledge_base().get("dover").background


def test_reader_about_wikipedia_looks_it_up_and_prints_the_saved_note(wiki, capsys):
    from reader import paths
    from reader.cli import main

    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "config.yaml").write_text(f"background:\n  base_url: {wiki.url}\n")
    assert main(["about", "Dover", "--wikipedia"]) == 0
    out = capsys.readouterr().out
    assert "Dover is a town and major ferry port" in out and "from Wikipedia" in out and "CC BY-SA" in out
    (paths.config_dir() / "config.yaml").write_text(f"background:\n  wikipedia: off\n  base_url: {wiki.url}\n")
    sent = len(wiki.requests)
    main(["about", "Quentin Vale", "--wikipedia"])
    assert "look-ups are off" in capsys.readouterr().err and len(wiki.requests) == sent
