"""A change of the person's notes indexes again only the stories that name a changed
note; any other change of the recogniser still rebuilds the index."""

from __future__ import annotations

import json

import pytest

from reader.entities import service
from reader.entities.notes import user_notes_dir
from reader.search import LibraryIndex, search
from reader.search.documents import default_entity_keys, entities_id
from reader.search.index import MANIFEST
from search_support import write_story

NOTE = """- id: wanda-okafor
  name: Wanda Okafor
  type: PERSON
  aliases: [Okafor]
  summary: Harbour master of Port Elspeth.
  as_of: 2026-11-30
"""


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    write_story(folder, "harbour", "Harbour reopens", "The harbour reopened on Monday. Okafor said the ferries "
                "would run again. Ships waited outside the breakwater.")
    write_story(folder, "budget", "Budget passes", "Parliament passed the budget after a long debate in Geneva.")
    write_story(folder, "storm", "Storm closes roads", "A storm closed the coast road. Crews cleared the trees.")
    return folder


@pytest.fixture
def index(tmp_path):
    service.reset()
    ix = LibraryIndex(tmp_path / "index", entity_keys=default_entity_keys())
    yield ix
    ix.close()
    service.reset()


def save_note(text: str | None) -> None:
    path = user_notes_dir() / "people.yaml"
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    service.reload_knowledge_base()


def entity_ids(index, key: str) -> list[str]:
    return [hit.id for hit in search(index, f"entity:{key}").hits]


def manifest(index) -> dict:
    return json.loads((index.directory / MANIFEST).read_text(encoding="utf-8"))


def test_a_new_note_indexes_again_only_the_stories_that_name_it(index, library):
    assert index.update([library]).added == 3
    assert entity_ids(index, "wanda_okafor") == []
    save_note(NOTE)
    result = index.update([library])
    assert not result.rebuilt and result.added == 0
    assert result.changed == 1 and result.unchanged == 2
    assert result.messages == ["your notes changed: indexing again the 1 story that names them"]
    assert entity_ids(index, "wanda_okafor") == ["harbour"]
    again = index.update([library])  # the manifest now records the note
    assert again.changed == 0 and not again.messages
    save_note(None)  # a removed note: the story is indexed again without it
    gone = index.update([library])
    assert gone.changed == 1 and not gone.rebuilt
    assert entity_ids(index, "wanda_okafor") == []


def test_a_note_no_story_names_is_recorded_without_indexing(index, library):
    index.update([library])
    save_note(NOTE.replace("Wanda Okafor", "Ida Brennan").replace("[Okafor]", "[Brennan]"))
    result = index.update([library])
    assert result.changed == 0 and not result.rebuilt and not result.messages
    assert manifest(index)["entities"] == entities_id(index.entity_keys)  # recorded: nothing to do next time
    assert not index.update([library]).messages


def test_an_update_stopped_half_way_keeps_the_old_notes_in_the_manifest(index, library):
    write_story(library, "ferries", "Ferries return", "Okafor welcomed the first ferry back.")
    index.update([library])
    old = manifest(index)["entities"]
    save_note(NOTE)
    stops = iter([False] * 2 + [True] * 100)  # the scan, the first story, then stop
    stopped = index.update([library], commit_every=1, should_stop=lambda: next(stops))
    assert stopped.cancelled and stopped.changed == 1
    assert manifest(index)["entities"] == old  # so the next update finds the same stories
    finished = index.update([library])
    assert finished.changed == 2 and manifest(index)["entities"] != old
    assert sorted(entity_ids(index, "wanda_okafor")) == ["ferries", "harbour"]


def test_any_other_change_of_the_recogniser_rebuilds(index, library):
    index.update([library])
    data = manifest(index)
    data["entities_base"] = "another version of the rules"
    (index.directory / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    save_note(NOTE)
    result = index.update([library])
    assert result.rebuilt and result.added == 3
    assert result.messages == ["the entity recogniser changed; rebuilding the search index"]


def test_a_note_saved_while_an_update_runs_is_seen_by_the_next_one(index, library):
    before = entities_id(index.entity_keys)
    saved = []

    def progress(done, total, text):
        if text == "indexing" and not saved:
            save_note(NOTE)  # the person saves a note while the first build runs
            saved.append(True)

    assert index.update([library], progress=progress).added == 3 and saved
    assert manifest(index)["entities"] == before  # what the stories were recognised with
    result = index.update([library])
    assert result.changed == 1 and entity_ids(index, "wanda_okafor") == ["harbour"]


PORT = """- id: port-authority
  name: {name}
  type: ORG
  aliases: [{alias}]
  summary: Runs the port of Elspeth.
  as_of: 2026-11-30
"""


def test_a_renamed_note_indexes_again_the_stories_that_use_only_its_alias(index, library):
    write_story(library, "pae", "Port fees rise", "The PAE raised its fees on Monday, the PAE said.")
    save_note(PORT.format(name="Port Authority of Elspeth", alias="PAE"))
    index.update([library])
    save_note(PORT.format(name="Elspeth Port Authority", alias="PAE"))  # the name the index shows changes
    assert index.update([library]).changed == 1
    save_note(PORT.format(name="PAE", alias="Elspeth Port Authority"))  # name and alias swapped
    assert index.update([library]).changed == 1


@pytest.mark.parametrize("text, name, stories", [
    ("The waltz by Strauß was played.", "Strauss", 1),  # folded as the recogniser folds it
    ("He bought it on Amazon.com on Monday.", "Amazon", 1),  # one term in the index
    ("Then the rain stopped.Okafor said the port was open.", "Okafor", 2),  # and the harbour story
])
def test_a_story_with_the_name_inside_another_term_is_indexed_again(index, library, text, name, stories):
    write_story(library, "odd", "Odd spelling", text)
    index.update([library])
    save_note(NOTE.replace("Wanda Okafor", name).replace("[Okafor]", "[]"))
    result = index.update([library])
    assert result.changed == stories and any("notes changed" in m for m in result.messages)


def test_the_starts_quick_check_sees_a_changed_note(index, library):
    from reader.library.files import walk

    index.update([library], files=walk([library]).files)
    save_note(NOTE)
    result = index.update([library], files=walk([library]).files)
    assert result.changed == 1 and entity_ids(index, "wanda_okafor") == ["harbour"]


def test_note_forms_the_manifest_cannot_vouch_for_rebuild_the_index(index, library):
    index.update([library])
    data = manifest(index)
    data["note_forms"] = [["Okafor", "wanda-okafor", "PERSON"]]  # not what this version writes
    (index.directory / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    save_note(NOTE)
    result = index.update([library])
    assert result.rebuilt and result.added == 3


def test_the_starts_quick_check_sees_an_upgraded_recogniser(index, library, monkeypatch):
    from reader.entities import digests
    from reader.library.files import walk
    from reader.search.documents import RecogniserKeys

    index.update([library], files=walk([library]).files)
    assert index.update([library], files=walk([library]).files).unchanged == 3  # the quick check
    snapshot = RecogniserKeys.snapshot
    monkeypatch.setattr(digests, "package_digest", lambda: "another release")  # reader was upgraded:
    def newer(self):  # its rules changed too
        version, base, forms = snapshot(self)
        return version + "-new rules", base + "-new rules", forms

    monkeypatch.setattr(RecogniserKeys, "snapshot", newer)
    result = index.update([library], files=walk([library]).files)
    assert result.rebuilt and "entity recogniser" in result.messages[0]
