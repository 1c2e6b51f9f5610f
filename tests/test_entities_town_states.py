"""A US town and its state as news writes them ("Fairfax, Va."), a name before a kind of land
("the Sahara desert"), and a noted person after a plural noun of works."""

from __future__ import annotations

import pytest

from reader.entities.model import ORG, PERSON, PLACE
from tests.entity_support import spans


def test_an_ap_state_after_a_towns_comma_is_the_state(recognizer):
    found = spans(recognizer, "He grew up in Springfield, Ill., moved to Fairfax, Va. and then to Laurel, Md. in 1990.")
    assert ("Ill", PLACE, "illinois") in found and ("Va", PLACE, "virginia") in found
    assert ("Md", PLACE, "maryland") in found
    assert ("Laurel", PLACE, "laurel") in found  # a town the gazetteer does not list, placed by its state


def test_the_town_stays_a_place_beside_a_person_of_its_name(recognizer):
    text = "Lt. Gov. Justin Fairfax spoke. Students at George Mason University in Fairfax, Va. cheered."
    found = spans(recognizer, text)
    assert ("Fairfax", PLACE, "fairfax") in found and ("Justin Fairfax", PERSON, "justin-fairfax") in found


def test_a_party_tag_and_a_lower_case_word_are_left_alone(recognizer):
    found = spans(recognizer, "Sen. Mark Warner, D-Va., spoke. Then he said, Pa. was cold.")
    assert [(s, t) for s, t, _ in found] == [("Mark Warner", PERSON)]


def test_a_noted_person_after_a_plural_of_works_is_the_author_not_a_title(recognizer):
    text = "Barack Obama showed up for jury duty. Some people brought books Obama had authored."
    assert ("Obama", PERSON, "barack-obama") in spans(recognizer, text)
    assert all(t != ORG for _, t, _ in spans(recognizer, text))


@pytest.mark.parametrize(("text", "name"), [
    ("A magnitude 6.8 earthquake struck Morocco's High Atlas mountains on Friday.", "High Atlas"),  # was an ORG
    ("They crossed the Sahara desert in a week.", "Sahara"),
    ("Tulsa is in the Green Country region of the state.", "Green Country"),  # was a PERSON
    ("Ten rare pygmy whales stranded on Ninety Mile beach last week.", "Ninety Mile"),  # was an ORG
])
def test_a_name_before_a_lower_case_kind_of_land_is_a_place(recognizer, text, name):
    assert (name, PLACE) in [(s, t) for s, t, _ in spans(recognizer, text)]


def test_a_place_before_its_kind_in_lower_case_is_the_place_named_with_it(recognizer):
    """"Ninety Mile beach" and "Ninety Mile Beach" are one place (the sidebar listed two)."""
    text = "Ten whales came to Ninety Mile beach, then many more to Ninety Mile Beach."
    found = spans(recognizer, text)
    assert ("Ninety Mile", PLACE, "ninety-mile-beach") in found and ("Ninety Mile Beach", PLACE, "ninety-mile-beach") in found

