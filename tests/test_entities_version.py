"""The recogniser's version names everything that decides what it recognises."""

from __future__ import annotations

from pathlib import Path

from reader.entities import recognizer as recognizer_module
from reader.entities.knowledge import Knowledge
from reader.entities.notes import KnowledgeBase, Note
from reader.entities.recognizer import Recognizer

#: Modules of the entities package that hold no recognition rule.
NOT_RULES = {"__init__", "notes", "summary", "legal_forms", "service", "model", "gazetteer", "digests",
             # the background's modules: what the sidebar shows, not what is recognised (the
             # index follows summary (with legal_forms, which its short forms of companies use),
             # the role modules and profile through profile.profile_digest;
             # role_words is in both: its kinds of body also type a name)
             "roles", "role_shapes", "role_relations", "role_clauses", "role_lists", "role_phrases", "body_roles", "profile", "background", "place_facts", "subdivisions", "derived_facts",
             "kind_words", "title_names", "given_name_forms", "entity_info", "story_facts"}


def test_the_same_inputs_give_the_same_version():
    kb = KnowledgeBase([Note("glimmer-bay", "Glimmer Bay", "PLACE")])
    assert Recognizer(kb, {"Harwick": 1}).version == Recognizer(kb, {"Harwick": 1}).version


def test_a_note_a_place_or_the_knowledge_changes_the_version():
    base = Recognizer(KnowledgeBase(), {"Harwick": 1}).version
    with_note = Recognizer(KnowledgeBase([Note("glimmer-bay", "Glimmer Bay", "PLACE")]), {"Harwick": 1}).version
    retyped = Recognizer(KnowledgeBase([Note("glimmer-bay", "Glimmer Bay", "ORG")]), {"Harwick": 1}).version
    more_places = Recognizer(KnowledgeBase(), {"Harwick": 1, "Ostvald": 1}).version
    other_knowledge = Recognizer(KnowledgeBase(), {"Harwick": 1}, knowledge=Knowledge(digest="other")).version
    assert len({base, with_note, retyped, more_places, other_knowledge}) == 5


def test_every_module_with_rules_is_in_the_version():
    package = Path(recognizer_module.__file__).parent
    modules = {p.stem for p in package.glob("*.py")} - NOT_RULES
    assert modules == set(recognizer_module.RULE_MODULES)


def test_the_rules_digest_follows_the_source_of_the_rule_modules(monkeypatch, tmp_path):
    from reader.entities import wordlists

    before = recognizer_module.rules_digest()
    changed = tmp_path / "wordlists.py"
    changed.write_text(Path(wordlists.__file__).read_text(encoding="utf-8") + "\n# one more rule\n", encoding="utf-8")
    from reader.entities import digests

    real = digests.module_source
    monkeypatch.setattr(digests, "module_source", lambda name: changed if name == "wordlists" else real(name))
    assert recognizer_module.rules_digest() != before


def test_the_shared_recogniser_follows_the_person_s_notes_folder(tmp_path, monkeypatch):
    from reader.entities import service
    from reader.entities.notes import Note, save_user_note

    monkeypatch.setenv("READER_HOME", str(tmp_path / "one"))
    save_user_note(Note("glimmer-bay", "Glimmer Bay", "PLACE"))
    with_note = service.get_recognizer()
    assert with_note.kb.get("glimmer-bay") is not None
    monkeypatch.setenv("READER_HOME", str(tmp_path / "two"))
    without = service.get_recognizer()
    assert without.kb.get("glimmer-bay") is None and without.version != with_note.version
    monkeypatch.setenv("READER_HOME", str(tmp_path / "one"))
    assert service.get_recognizer().version == with_note.version


def test_the_digests_do_not_depend_on_what_was_imported_first():
    """The index's entity version reads the modules' source files, imported yet or not:
    a process that loaded fewer of them (a lazy import) computes the same version."""
    import subprocess
    import sys

    code = ("import sys; from reader.entities.profile import profile_digest; "
            "from reader.entities.recognizer import rules_digest; {before}"
            "print(profile_digest(), rules_digest())")
    bare = subprocess.run([sys.executable, "-c", code.format(before="")], capture_output=True, text=True, check=True)
    loaded = subprocess.run([sys.executable, "-c", code.format(
        before="import reader.entities.roles, reader.entities.role_shapes, reader.entities.summary; ")],
        capture_output=True, text=True, check=True)
    assert bare.stdout.split() == loaded.stdout.split() and len(bare.stdout.split()) == 2
