"""A person the story calls only by a surname takes the full name its headline gives."""

from __future__ import annotations

import pytest

from reader.entities.model import PERSON
from reader.entities.summary import summarise

BODY = "Hill said the plan would work, and Hill said taxes would fall."


def people(recognizer, body, title):
    infos = summarise(body, recognizer.recognise(body), recognizer.kb, title, recognizer.knowledge.given_names)
    return [(i.name, i.key, i.count) for i in infos if i.type == PERSON]


def test_an_interviewee_named_in_full_only_in_the_title_gets_the_full_name(recognizer):
    """`reader about "Christopher Hill"` found nothing: the interview's body says only "Hill"
    (a new user's pass)."""
    title = "Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate"
    assert people(recognizer, BODY, title) == [("Christopher Hill", "christopher-hill", 2)]
    assert people(recognizer, BODY, "Interview with Anna K. Hill") == [("Anna K. Hill", "anna-k-hill", 2)]


@pytest.mark.parametrize("title", ["Capitol Hill braces for a vote", "Senator Hill speaks", ""])
def test_a_title_or_a_place_before_the_surname_gives_no_name(recognizer, title):
    assert people(recognizer, BODY, title) == [("Hill", "hill", 2)]


def test_a_story_that_names_the_person_in_full_keeps_its_own_name(recognizer):
    body = "Anna Hill spoke first, and Hill said taxes would fall."
    assert people(recognizer, body, "Interview with Christopher Hill") == [("Anna Hill", "anna-hill", 2)]


def test_the_index_keeps_the_full_name_for_the_dossier(tmp_path):
    from reader.core import open_library
    from reader.search.dossier import dossier_of

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "hill.txt").write_text(f"---\ntitle: Wikinews interviews Christopher Hill\n---\n\n{BODY}\n",
                                     encoding="utf-8")
    library = open_library([folder])
    index = library.open_index()
    index.update(library.sources)
    try:
        assert dossier_of(index, "christopher-hill").count == 1
    finally:
        index.close()
