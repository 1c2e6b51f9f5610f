"""The knowledge base: shipped notes, the person's notes over them, bad files, saving."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reader.entities import service
from reader.entities.notes import (
    KnowledgeBase,
    Note,
    load_knowledge_base,
    save_user_note,
    shipped_notes_dir,
    user_notes_dir,
)

ISSUE_ENTITIES = [
    "Treaty of Shimonoseki", "First Sino-Japanese War", "Qing dynasty", "Empire of Japan",
    "Japanese rule of Taiwan", "World War II", "Senkaku Islands", "Diaoyutai", "Diaoyu Islands",
    "East China Sea", "Taiwan Strait", "People's Liberation Army", "PLA", "China Coast Guard",
    "Chinese Foreign Ministry", "Hua Chunying", "Liberal Democratic Party", "LDP",
    "Democratic Progressive Party", "DPP", "The Japan Times", "Newsweek", "China", "Japan", "Taiwan",
    "Beijing", "Tokyo", "Taipei", "One-China policy", "Japan–Taiwan relations", "2+2",
    "Masahisa Sato", "Taku Otsuka", "Hsieh Pei-fen",
]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_notes_cover_the_sample_article():
    kb = load_knowledge_base()
    assert kb.problems == [] and kb.warnings == []
    for name in ISSUE_ENTITIES:
        note = kb.find(name)
        assert note is not None, name
        assert note.summary and note.background and note.as_of, name
    assert kb.find("diaoyutai").id == "senkaku-islands"
    assert kb.find("dpp").name == "Democratic Progressive Party"


def test_related_ids_point_at_notes():
    kb = load_knowledge_base()
    for note in kb:
        for other in note.related:
            assert kb.get(other) is not None, (note.id, other)


def test_good_file_loads_every_field(tmp_path):
    write(tmp_path / "ship", "a.yaml", """
        - id: glimmer-bay
          name: Glimmer Bay
          type: place
          aliases: [Old Harbour]
          summary: A bay.
          background: |
            First paragraph.

            Second paragraph.
          dates:
            - {date: "1901", what: named}
          related: [nowhere]
          as_of: "2026-01-01"
        """)
    kb = load_knowledge_base(tmp_path / "ship", tmp_path / "none")
    note = kb.get("glimmer-bay")
    assert note == Note("glimmer-bay", "Glimmer Bay", "PLACE", ("Old Harbour",), "A bay.",
                        "First paragraph.\n\nSecond paragraph.", (("1901", "named"),), ("nowhere",), "2026-01-01")
    assert kb.find("OLD HARBOUR") is note


def test_malformed_file_names_file_and_line_and_others_still_load(tmp_path):
    ship = tmp_path / "ship"
    write(ship, "good.yaml", "- {id: a, name: Alpha, type: ORG}\n")
    bad = write(ship, "bad.yaml", "- id: b\n  name: Beta\n  type: [ORG\n- id: c\n")
    write(ship, "partly.yaml", "- {id: d, name: Delta, type: ORG}\n- {id: e, name: Eps, type: ORG, aliases: {x: 1}}\n"
                               "- just a string\n- {summary: no id or name}\n")
    kb = load_knowledge_base(ship, tmp_path / "none")
    assert sorted(kb.notes) == ["a", "d"]
    messages = [str(p) for p in kb.problems]
    assert any(str(bad) in m and "line 4" in m and "not valid YAML" in m for m in messages), messages
    assert any("partly.yaml" in m and "line 2" in m and "aliases" in m for m in messages), messages
    assert any("partly.yaml" in m and "entry 3" in m for m in messages), messages
    assert any("partly.yaml" in m and "line 4" in m and "needs an id" in m for m in messages), messages


def test_unknown_keys_and_non_list_files_are_reported(tmp_path):
    ship = tmp_path / "ship"
    write(ship, "a.yaml", "- {id: a, name: A, type: ORG, colour: red}\n")
    write(ship, "b.yaml", "just: a mapping\n")
    kb = load_knowledge_base(ship, tmp_path / "none")
    assert len(kb) == 0
    text = " ".join(str(p) for p in kb.problems)
    assert "unknown keys colour" in text and "should be a list" in text


def test_user_notes_override_field_by_field_and_extend(tmp_path):
    ship, user = tmp_path / "ship", tmp_path / "user"
    write(ship, "a.yaml", "- {id: a, name: Alpha, type: ORG, summary: shipped, background: long}\n")
    write(user, "mine.yaml", "- {id: a, summary: mine}\n- {id: z, name: Zed, type: PERSON}\n"
                             "- {id: ghost, summary: no base}\n")
    kb = load_knowledge_base(ship, user)
    assert kb.get("a").summary == "mine" and kb.get("a").background == "long" and kb.get("a").user
    assert kb.get("z").type == "PERSON"
    assert any("ghost" in str(p) for p in kb.problems)


def test_duplicate_alias_is_resolved_the_same_way_with_a_warning(tmp_path):
    ship = tmp_path / "ship"
    write(ship, "a.yaml", "- {id: zeta, name: Zeta Org, type: ORG, aliases: [ZO]}\n"
                          "- {id: alpha, name: Alpha Org, type: ORG, aliases: [ZO]}\n"
                          "- {id: zo, name: ZO, type: ORG}\n- {id: m, name: Mu, type: ORG, aliases: [Nu]}\n"
                          "- {id: n, name: Nux, type: ORG, aliases: [Nu]}\n")
    for _ in range(3):
        kb = load_knowledge_base(ship, tmp_path / "none")
        assert kb.find("zo").id == "zo"  # the note whose own name it is
        assert kb.find("nu").id == "m"  # else the smallest id
        assert len(kb.warnings) == 2 and all("claimed by" in str(w) for w in kb.warnings)


def test_save_user_note_is_atomic_and_reloads(tmp_path):
    service.reset()
    note = Note("quentin-vale", "Quentin Vale", "PERSON", summary="A director.")
    path = save_user_note(note)
    assert path.parent == user_notes_dir()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary files left behind
    save_user_note(Note("quentin-vale", "Quentin Vale", "PERSON", summary="Changed."))
    save_user_note(Note("other", "Other Person", "PERSON"))
    kb = load_knowledge_base()
    assert kb.get("quentin-vale").summary == "Changed." and kb.get("other") is not None
    recognizer = service.reload_knowledge_base()
    assert recognizer.kb.get("quentin-vale") is not None
    service.reset()


def test_save_refuses_to_overwrite_a_broken_notes_file():
    folder = user_notes_dir()
    write(folder, "my-notes.yaml", "- [broken\n")
    with pytest.raises(ValueError, match="not valid YAML"):
        save_user_note(Note("x", "X", "ORG"))
    assert (folder / "my-notes.yaml").read_text() == "- [broken\n"


def test_shipped_notes_are_not_articles():
    from reader.library.files import load_all
    from reader.paths import seeds_dir

    library = load_all([seeds_dir()])
    assert all(a.path.suffix == ".txt" for a in library.articles)
    assert shipped_notes_dir().is_dir()


def test_empty_knowledge_base():
    kb = KnowledgeBase()
    assert kb.find("anything") is None and kb.get(None) is None and list(kb.surface_forms()) == []

