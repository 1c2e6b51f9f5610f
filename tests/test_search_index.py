"""The library index: building, searching, incremental updates and recovery."""

from __future__ import annotations

import json
import os
import time
from types import SimpleNamespace

import pytest

from reader.search import LibraryIndex, search
from reader.search.spelling import suggest
from reader.search import batches
from reader.search import index as index_module
from reader.core import own_index_dir
from reader.search.index import MANIFEST, UPDATE_LOCK
from search_support import make_library, write_story


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path / "library")


@pytest.fixture
def index(tmp_path):
    ix = LibraryIndex(tmp_path / "index")
    yield ix
    ix.close()


def ids(index, text, **kwargs):
    return [hit.id for hit in search(index, text, **kwargs).hits]


def test_default_folder_is_in_the_data_dir(reader_home):
    assert own_index_dir() == reader_home / "data" / "index"


def test_build_and_search_every_query_kind(index, library):
    result = index.update([library])
    assert result.added == 4 and not result.messages
    assert ids(index, "senkaku islands") == ["senkaku"]
    assert set(ids(index, "islands")) == {"senkaku", "storm"}
    assert ids(index, '"treaty of shimonoseki"') == ["senkaku"]
    assert set(ids(index, "negot*")) == {"budget", "trade"}
    assert ids(index, "shimonseki~") == ["senkaku"]
    assert ids(index, "islands -storm") == ["senkaku"]
    assert set(ids(index, "geneva OR parliament")) == {"budget", "trade"}
    assert ids(index, "title:storm") == ["storm"]
    assert set(ids(index, "source:reuters")) == {"budget", "trade"}
    # a source no story has says so, with the words the sources do have ("source:wikinews":
    # 0 stories and no hint, for stories saved without a source; a new user's pass)
    nowhere = search(index, "source:wikinews")
    assert nowhere.total == 0 and any("source:wikinews is in no story's source" in n and "reuters" in n
                                      for n in nowhere.notes), nowhere.notes
    assert ids(index, "published:[2021 TO 2023] islands") == ["senkaku"]
    assert ids(index, "published:2019") == ["budget"]


def index_stories(index, folder, **stories) -> None:
    """Write ``name=(title, body)`` stories to ``folder`` and index them."""
    for name, (title, body) in stories.items():
        write_story(folder, name, title, body)
    index.update([folder])


def test_title_is_boosted(index, tmp_path):
    index_stories(index, tmp_path / "lib", in_title=("Volcano erupts", "Ash fell on the town. People left."),
                  in_body=("Town news", "A volcano was mentioned once among many other words here."))
    assert ids(index, "volcano")[0] == "in_title"


def test_a_writers_name_finds_their_stories(index, tmp_path):
    """'reader search Gettleman' found none of his stories: the byline was not indexed (a new
    user's pass). It counts as one more word of the body, not a title's."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "sudan.txt").write_text("---\ntitle: Sanctions lifted\nbyline: Jeffrey Gettleman\n---\n\n"
                                      "The United States will lift sanctions on Sudan.\n", encoding="utf-8")
    index_stories(index, folder, other=("Markets", "Shares rose in Tokyo on Monday."))
    assert ids(index, "gettleman") == ["sudan"]
    assert ids(index, '"jeffrey gettleman"') == ["sudan"]
    hit = search(index, "sanctions").hits[0]
    assert "Gettleman" not in hit.body  # the story's text is what it was


def test_a_latin_word_beside_chinese_characters_is_a_word_of_its_own(index, tmp_path):
    """'reader search DeepMind' found nothing in a Chinese story that writes 'DeepMind的AlphaGo'
    (one word to the analyzer), and suggested 'deepmind称' (a new user's pass)."""
    index_stories(index, tmp_path / "lib", qq=("谷歌的人工智能", "谷歌旗下的DeepMind的AlphaGo能够下围棋。"),
                  other=("Markets", "Shares rose in Tokyo on Monday."))
    assert ids(index, "deepmind") == ["qq"]
    assert ids(index, "alphago") == ["qq"]


def test_hits_have_snippets_and_body_offsets(index, library):
    index.update([library])
    results = search(index, "islands")
    hit = next(h for h in results.hits if h.id == "senkaku")
    body = (library / "senkaku.txt").read_text().split("\n\n", 1)[1]
    assert [body[s:e] for s, e in hit.matches] == ["Islands", "islands"]
    assert [hit.snippet[s:e].lower() for s, e in hit.snippet_spans] == ["islands", "islands"]
    assert "\n" not in hit.snippet
    assert results.total == 2 and results.message.startswith("2 stories")
    phrase = search(index, '"coast guard"').hits[0]
    assert [phrase.snippet[s:e] for s, e in phrase.snippet_spans] == ["coast guard"]
    excluded = search(index, "islands -storm").hits[0]
    assert all("storm" not in excluded.snippet[s:e].lower() for s, e in excluded.snippet_spans)


def test_did_you_mean(index, library):
    index.update([library])
    results = search(index, "shimonosekki")
    assert results.total == 0
    assert results.suggestion == "shimonoseki"
    assert "did you mean shimonoseki?" in results.message
    assert suggest(index, "shimonosekki 1894") == "shimonoseki 1894"  # a number is as typed
    # ... and a suggestion the search offers finds stories (no story has both words)
    assert search(index, "shimonoseki 1894").total == 0 and search(index, "shimonosekki 1894").suggestion is None
    assert search(index, "published:[1894 TO 1895]").suggestion is None  # nor a range's ends


def test_incremental_add_change_delete(index, library):
    index.update([library])
    unchanged = index.update([library])
    assert (unchanged.added, unchanged.changed, unchanged.removed, unchanged.unchanged) == (0, 0, 0, 4)
    write_story(library, "volcano", "Volcano erupts", "Lava reached the sea.")
    (library / "budget.txt").unlink()
    time.sleep(0.01)
    write_story(library, "storm", "Storm floods coastal towns", "A typhoon flooded the harbour.")
    result = index.update([library])
    assert (result.added, result.changed, result.removed, result.unchanged) == (1, 1, 1, 2)
    assert ids(index, "volcano") == ["volcano"]
    assert ids(index, "budget") == []
    assert ids(index, "typhoon") == ["storm"] and ids(index, "fishermen") == []
    assert index.doc_count() == 4


def test_touched_but_identical_file_is_not_reindexed(index, library):
    index.update([library])
    path = library / "trade.txt"
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    result = index.update([library])
    assert result.changed == 0 and result.unchanged == 4
    # and the new mtime is remembered: next time not even the hash is computed
    from reader.search.index import articles_of

    manifest = json.loads((index.directory / MANIFEST).read_text())
    assert articles_of(manifest)[str(path)][2] == path.stat().st_mtime_ns


def test_unchanged_library_reads_no_article(index, library, monkeypatch):
    index.update([library])
    from pathlib import Path

    def no_reads(self):
        raise AssertionError(f"read {self}")

    monkeypatch.setattr(Path, "read_bytes", no_reads)
    result = index.update([library])
    assert result.unchanged == 4


def test_stale_lock_files_do_not_block(index, library):
    index.update([library])
    # A killed process leaves its lock files behind; flock locks die with the process.
    (index.directory / UPDATE_LOCK).write_text("12345")
    (index.directory / "MAIN_WRITELOCK").write_text("")
    write_story(library, "volcano", "Volcano erupts", "Lava reached the sea.")
    result = index.update([library])
    assert result.added == 1 and not result.busy
    assert ids(index, "lava") == ["volcano"]


def test_a_live_updater_makes_others_busy_not_blocked(index, library):
    index.update([library])
    held = index_module._FileLock(index.directory / UPDATE_LOCK)
    assert held.acquire()
    try:
        other = LibraryIndex(index.directory)
        result = other.update([library])
        assert result.busy and "another reader" in result.summary
        assert ids(other, "islands")  # searching still works
        other.close()
    finally:
        held.release()


def test_truncated_segment_is_detected_and_rebuilt(index, library):
    index.update([library])
    index.close()
    segment = max((p for p in index.directory.iterdir() if p.suffix in (".pst", ".trm", ".seg")),
                  key=lambda p: p.stat().st_size)
    with open(segment, "r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)
    assert "damaged" in index.check()
    result = index.update([library])
    assert result.rebuilt and any("damaged" in m for m in result.messages)
    assert ids(index, "senkaku") == ["senkaku"]


def test_garbage_toc_is_rebuilt(index, library):
    index.update([library])
    index.close()
    for toc in index.directory.glob("*.toc"):
        toc.write_bytes(b"not a table of contents")
    result = index.update([library])
    assert result.rebuilt and result.messages
    assert ids(index, "senkaku") == ["senkaku"]


def test_schema_version_bump_rebuilds(index, library, monkeypatch):
    index.update([library])
    index.close()
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", index_module.SCHEMA_VERSION + 1)
    result = index.update([library])
    assert result.rebuilt and any("another version" in m for m in result.messages)
    assert result.added == 4


def test_missing_manifest_rebuilds(index, library):
    index.update([library])
    index.close()
    (index.directory / MANIFEST).unlink()
    result = index.update([library])
    assert result.rebuilt and result.added == 4


def test_a_commit_the_manifest_missed_is_rebuilt_not_indexed_twice(index, library):
    """A process stopped between committing a batch and saving the manifest."""
    index.update([library])
    index.close()
    before = (index.directory / MANIFEST).read_bytes()
    write_story(library, "later", "Late story", "The harbour reopened after the storm.")
    index.update([library])
    index.close()
    (index.directory / MANIFEST).write_bytes(before)  # as if the save never happened
    assert "interrupted" in index.check()
    result = index.update([library])
    assert result.rebuilt and result.added == 5
    assert ids(index, "harbour") == ["later"]


def test_a_big_update_can_be_deferred_without_writing_anything(index, library):
    deferred = index.update([library], defer_from=4)
    assert deferred.deferred and deferred.added == 0
    assert not index.exists() and index.read_manifest() is None
    small = index.update([library], defer_from=5)
    assert not small.deferred and small.added == 4
    write_story(library, "later", "Late story", "The harbour reopened after the storm.")
    assert not index.update([library], defer_from=2).deferred  # one changed file is not big


def test_search_before_any_index_is_an_error_value(index):
    results = search(index, "anything")
    assert results.error and "not ready" in results.error


def test_entity_fields_come_from_an_optional_callable(tmp_path, library):
    def recogniser(article):
        if "Senkaku" in article.body:
            return [("Senkaku Islands", "place"), ("Hua-Chunying", "person")]
        return []

    ix = LibraryIndex(tmp_path / "eindex", entity_keys=recogniser)
    ix.update([library])
    assert ids(ix, 'entity:"Senkaku Islands"') == ["senkaku"]
    assert ids(ix, "entity:hua_chunying") == ["senkaku"]
    # a word of a name stands for every entity whose name has it, said in a note
    results = search(ix, "entity:Chunying")
    assert [hit.id for hit in results.hits] == ["senkaku"]
    assert any("Hua Chunying" in note for note in results.notes), results.notes  # (no name kept: its key's words, capitalised)
    assert ids(ix, "entity:hua") == ["senkaku"] and ids(ix, "entity:shimonoseki") == []
    assert ids(ix, "type:person") == ["senkaku"]
    ix.close()
    # A different recogniser means re-indexing everything.
    plain = LibraryIndex(tmp_path / "eindex")
    result = plain.update([library])
    assert result.rebuilt and "entity recogniser" in result.messages[0]
    plain.close()


def test_a_word_that_is_an_entity_of_its_own_also_finds_the_entities_named_with_it(tmp_path, library):
    """A lone "Trump" (in "the Trump administration") is an entity too: ``entity:trump`` still
    searches every entity whose name holds the word; a full name stays that entity alone."""
    write_story(library, "lone", "Budget", "The Trump administration sent its budget.")
    write_story(library, "full", "Visit", "Donald Trump visited Ohio, and Melania Trump too.")
    write_story(library, "son", "Son", "Donald Trump Jr. spoke.")

    def recogniser(article):  # as the app's: objects with the name the story writes
        found = {"lone": [("Trump", "org")], "full": [("Donald Trump", "person"), ("Melania Trump", "person")],
                 "son": [("Donald Trump Jr.", "person")]}
        return [SimpleNamespace(key=name, name=name, type=kind) for name, kind in found.get(article.id, [])]

    ix = LibraryIndex(tmp_path / "tindex", entity_keys=recogniser)
    ix.update([library])
    results = search(ix, "entity:trump")
    assert sorted(hit.id for hit in results.hits) == ["full", "lone", "son"]
    # each named as its stories write it, not as its key ("donald trump")
    assert any("every entity with that word" in note and "Donald Trump, " in note and "Melania Trump" in note
               for note in results.notes), results.notes
    assert ids(ix, 'entity:"Donald Trump"') == ["full"]
    ix.close()


def test_cancel_keeps_the_index_usable(index, library, tmp_path):
    index.update([library])
    for n in range(20):
        write_story(library, f"extra{n}", f"Extra {n}", "Penguins gathered.")
    result = index.update([library], should_stop=lambda: True)
    assert result.cancelled
    assert ids(index, "senkaku") == ["senkaku"]
    assert index.update([library]).added == 20


def test_progress_is_reported(index, library):
    calls = []
    index.update([library], progress=lambda done, total, message: calls.append((done, total, message)))
    assert calls[-1][0] == calls[-1][1] == 4


def test_batched_commits_and_cancel_midway_lose_nothing(index, library):
    index.update([library])
    (library / "budget.txt").unlink()
    for n in range(30):
        write_story(library, f"extra{n:02d}", f"Extra {n}", "Penguins gathered.")
    saved = []
    first = index.update([library], commit_every=10, should_stop=lambda: bool(saved),
                         progress=lambda done, total, message: saved.append(1) if message == "saving the index" else None)
    assert first.added == 10  # the first batch was committed, then it stopped
    assert search(index, "penguins", limit=100).total == 10
    assert first.cancelled
    second = index.update([library], commit_every=10)
    assert not second.cancelled
    assert ids(index, "budget") == []
    assert search(index, "penguins", limit=100).total == 30
    assert index.doc_count() == 33


def test_recogniser_spans_feed_the_entity_fields(tmp_path, library):
    from collections import namedtuple

    from reader.search.documents import RecogniserKeys

    Span = namedtuple("Span", "start end type key")

    class Recogniser:
        version = "7"

        def recognise(self, text):
            at = text.find("Senkaku Islands")
            return [Span(at, at + 15, "PLACE", None)] if at >= 0 else []

    keys = RecogniserKeys(lambda: Recogniser())
    ix = LibraryIndex(tmp_path / "rindex", entity_keys=keys)
    ix.update([library])
    assert ids(ix, "entity:senkaku_islands") == ["senkaku"] and ids(ix, "type:place") == ["senkaku"]
    ix.close()


def test_a_file_with_many_articles_indexes_each(index, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from reader.library.article import Article
    from reader.search import index as index_module

    feed = tmp_path / "feeds"
    feed.mkdir()
    path = feed / "news.txt"
    path.write_text("three stories")
    current = ["volcano", "glacier"]

    def fake_load(file, root=None):
        articles = [Article(id=f"news/{n}", title=f"Story {n}", body=f"About the {w}.", path=file)
                    for n, w in zip(("a", "b"), current)]
        return SimpleNamespace(article=articles[0], more=articles[1:], problems=[])

    monkeypatch.setattr(batches, "load_file", fake_load)
    index.update([feed])
    assert set(ids(index, "volcano OR glacier")) == {"news/a", "news/b"}
    current = ["volcano"]
    path.write_text("one story, now shorter or longer")
    result = index.update([feed])
    assert (result.changed, result.removed) == (1, 1), result
    assert ids(index, "glacier") == [] and ids(index, "volcano") == ["news/a"]
    assert result.removed == 1


def test_a_searcher_open_during_an_update_sees_deletions(index, library):
    index.update([library])
    assert ids(index, "fishermen") == ["storm"]  # a searcher is now open
    write_story(library, "storm", "Storm floods coastal towns", "A typhoon flooded the harbour, again and again.")
    index.update([library])
    assert ids(index, "fishermen") == [] and ids(index, "typhoon") == ["storm"]
    assert index.doc_count() == 4


def test_parallel_build_gives_the_same_index(tmp_path, library, monkeypatch):
    from search_support import filler_library

    filler_library(library, 40)
    monkeypatch.setattr(batches, "BIG_BATCH", 10)
    keys = lambda article: [("Senkaku Islands", "place")] if "Senkaku" in article.body else []  # noqa: E731
    parallel = LibraryIndex(tmp_path / "parallel", entity_keys=keys)
    result = parallel.update([library], procs=2)
    assert result.added == 44 and not result.problems
    assert search(parallel, "harbour", limit=100).total == 40
    assert ids(parallel, "entity:senkaku_islands") == ["senkaku"]
    assert parallel.doc_count() == 44
    parallel.close()


def test_update_can_reuse_a_walk_done_elsewhere(index, library, monkeypatch):
    from reader.library.files import walk
    from reader.library.catalog import load_catalog

    index.update([library])
    catalog = load_catalog(walk([library]), cache_path=None)
    assert sorted(p for p, _, _, _ in catalog.files) == sorted(str(p) for p in library.glob("*.txt"))

    def no_walk(*args, **kwargs):
        raise AssertionError("walked the library again")

    monkeypatch.setattr(index_module, "walk", no_walk)
    assert index.update([library], files=catalog.files).unchanged == 4
    # a change the walk saw is indexed; a file it did not list counts as removed
    time.sleep(0.01)
    write_story(library, "storm", "Storm floods coastal towns", "A typhoon flooded the harbour.")
    (library / "budget.txt").unlink()
    catalog = load_catalog(walk([library]), cache_path=None)
    result = index.update([library], files=catalog.files)
    assert (result.changed, result.removed, result.unchanged) == (1, 1, 2)
    assert ids(index, "typhoon") == ["storm"] and ids(index, "budget") == []


def test_an_edit_in_place_is_seen(index, tmp_path):
    from search_support import filler_library

    lib = filler_library(tmp_path / "lib", 30)
    assert index.update([lib]).added == 30
    assert index.update([lib]).unchanged == 30
    path = lib / "filler" / "f00017.txt"
    path.write_text(path.read_text().replace("Filler story 17", "Filler story 17 volcano"))
    result = index.update([lib])
    assert (result.changed, result.unchanged) == (1, 29)
    assert ids(index, "volcano") == ["filler/f00017"]



def test_a_new_recogniser_version_re_derives_the_entity_keys(tmp_path, library):
    """A changed note gives the recogniser another version: the next update indexes again
    the stories that name it, so ``entity:`` finds what the new recogniser finds. Any other
    change (here its place names) rebuilds the index."""
    from reader.entities.notes import KnowledgeBase, Note
    from reader.entities.recognizer import Recognizer
    from reader.search.documents import RecogniserKeys

    current = {"recogniser": Recognizer(KnowledgeBase(), {})}
    ix = LibraryIndex(tmp_path / "vindex", entity_keys=RecogniserKeys(lambda: current["recogniser"]))
    assert ix.update([library]).added == 4
    assert ids(ix, "entity:diaoyutai_islands") == []
    assert not ix.update([library]).rebuilt  # same version: nothing to do
    note = Note("diaoyutai-islands", "Diaoyutai Islands", "PLACE", aliases=("Senkaku Islands",))
    current["recogniser"] = Recognizer(KnowledgeBase([note]), {})
    result = ix.update([library])
    assert not result.rebuilt and "notes changed" in result.messages[0]
    assert result.changed == 2  # the stories with any word of a changed name: both say "islands"
    assert ids(ix, "entity:diaoyutai_islands") == ["senkaku"]
    current["recogniser"] = Recognizer(KnowledgeBase([note]), {"Geneva": 1})
    result = ix.update([library])
    assert result.rebuilt and "entity recogniser" in result.messages[0]
    assert ids(ix, "entity:diaoyutai_islands") == ["senkaku"]
    ix.close()


def test_a_fuzzy_word_is_measured_as_typed_as_well_as_by_its_stem(index, tmp_path):
    """"wahle" is one swap from "whale", but its stem "wahl" is two edits from it: a fuzzy
    word finds what is within its edits of either."""
    index_stories(index, tmp_path / "lib",
                  whales=("Whales seen", "A whale surfaced near the boat and two whales followed it."),
                  walls=("Old walls", "The wall of the castle fell; the walls were old."))
    assert ids(index, "wahle~")[0] == "whales"  # a swap from "whale"; "wall" is an edit from the stem "wahl"
    assert ids(index, "wahle~2")[0] == "whales"
    assert ids(index, "castel~") == ["walls"]



def test_a_fuzzy_word_finds_the_stem_of_a_word_one_edit_away(index, tmp_path):
    """"strandng~" found nothing (a new user's pass): it is one edit from "stranding", but
    the index holds its stem "strand", two edits away; the suggestion found it, the fuzzy
    word did not."""
    index_stories(index, tmp_path / "lib",
                  whales=("Whales stranded", "The stranding of the whales shocked the town."),
                  walls=("Old walls", "The wall of the castle fell."))
    assert ids(index, "strandng~") == ["whales"]


def test_accents_are_folded_so_words_are_found_as_typed_without_them(index, tmp_path):
    index_stories(index, tmp_path / "lib", walls=("Old walls", "The wall of the castle fell."),
                  maori=("Whales and Māori tribes", "Māori harvest rights over whales. São Paulo and Zürich too. "
                                                             "İstanbul played Fußball."))
    for query in ("maori", "Māori", "mao*", "māo*", '"sao paulo"', "zurich", "maroi~", "istanbul", "fussball"):
        assert ids(index, query) == ["maori"], query


def test_a_story_in_decomposed_unicode_is_found_by_the_word_as_typed(index, tmp_path):
    """A page written on a Mac may spell "Española" as "n" + a combining tilde (NFD): the
    story is read in composed form, so the whole word is indexed and typed queries find it."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "The Diccionario de la Lengua Española and Señor Muñoz.")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    index_stories(index, tmp_path / "lib", spanish=("Dictionaries", decomposed),
                  walls=("Old walls", "The wall of the castle fell."))
    for query in ("española", "espanola", unicodedata.normalize("NFD", "Española"), "muñoz", '"lengua española"'):
        assert ids(index, query) == ["spanish"], query


@pytest.mark.parametrize(("text", "expected"), [
    ("2021", (2021, 1, 1, 0)), ("2021-05", (2021, 5, 1, 0)), ("2021-05-03", (2021, 5, 3, 0)),
    ("2021/05/03", (2021, 5, 3, 0)), ("2021-05-03T10:30:00Z", (2021, 5, 3, 10)),
    ("2021-05-03 10:30:00+02:00", (2021, 5, 3, 10)), ("Friday, July 21, 2017", (2017, 7, 21, 0)),
    ("21 July 2017", (2017, 7, 21, 0)), (" 2017-07-21 ", (2017, 7, 21, 0)),
])
def test_the_published_date_is_read_in_every_form_a_story_gives_it(text, expected):
    from reader.search.documents import parse_published

    value = parse_published(text)
    assert (value.year, value.month, value.day, value.hour) == expected and value.tzinfo is None


@pytest.mark.parametrize("text", ["", None, "yesterday", "2021-13-01", "July 2017 or so"])
def test_a_published_date_that_is_no_date_is_none(text):
    from reader.search.documents import parse_published

    assert parse_published(text) is None


def test_a_date_is_found_as_a_person_writes_it(index, tmp_path):
    """``published:2020-05`` as the help writes it (Whoosh read "-05" as "not 05", so it
    found the whole year), with slashes, in quotes, after > or <, and a day that is no
    date left out with a note rather than matching nothing silently."""
    folder = tmp_path / "dated"
    for name, day in (("may", "2020-05-04"), ("june", "2020-06-10"), ("june_late", "2020-06-30"),
                      ("later", "2021-01-02")):
        write_story(folder, name, f"Harbour report {name}", "The harbour reopened after the storm.", "Wire", day)
    index.update([folder])
    assert sorted(ids(index, "published:2020")) == ["june", "june_late", "may"]
    assert ids(index, "published:2020-05") == ["may"]
    assert sorted(ids(index, "published:2020/06")) == ["june", "june_late"]
    assert ids(index, "published:2020-06-10 harbour") == ["june"]
    assert ids(index, 'published:"2020-06-30"') == ["june_late"]
    assert ids(index, "published:'2021'") == ["later"]
    assert sorted(ids(index, "published:>=2020-06 harbour")) == ["june", "june_late", "later"]
    assert sorted(ids(index, "published:[2020-05 TO 2020-06]")) == ["june", "june_late", "may"]
    wrong = search(index, "harbour published:2020-13")
    assert len(wrong.hits) == 4 and any("'published:2020-13' was left out" in note for note in wrong.notes)
    wordy = search(index, "harbour published:junk")  # it said "every word is too common"
    assert len(wordy.hits) == 4 and any("a date is a year" in n and "'published:junk'" in n for n in wordy.notes)
