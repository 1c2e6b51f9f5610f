"""A US politician's party tag ("(D-NY)", ", R-Texas,") is a role, never an entity."""

from __future__ import annotations

import pytest

from reader.entities.party_tags import party_role
from reader.entities.us_states import state_name
from reader.entities.profile import story_entities
from reader.entities.recognizer import Recognizer


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(places={"Fairfax": 1, "Richmond": 1, "Texas": 2})


def entities(recognizer: Recognizer, text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.name: (e.type, e.roles) for e in story_entities(text, recognizer.recognise(text), recognizer.kb)}


@pytest.mark.parametrize(("written", "state"), [
    ("NY", "New York"), ("N.Y.", "New York"), ("Calif.", "California"), ("Texas", "Texas"), ("W.Va.", "West Virginia"),
    ("Wis", "Wisconsin"), ("New Hampshire", "New Hampshire"), ("ZZ", None), ("Day", None), ("Foo.", None),
])
def test_states_are_read_as_tags_write_them(written, state):
    assert state_name(written) == state


def test_the_tag_gives_the_person_a_role_and_is_no_entity(recognizer):
    text = ("Senate Minority Leader Chuck Schumer (D-NY) said the results should worry Republicans. "
            "Sen. Ted Cruz (R-Texas) met Rep. Nancy Pelosi, D-Calif., and Bernie Sanders (I-Vt.) in Fairfax.")
    found = entities(recognizer, text)
    assert "Democrat from New York" in found["Chuck Schumer"][1]
    assert "Republican from Texas" in found["Ted Cruz"][1]
    assert "Democrat from California" in found["Nancy Pelosi"][1]
    assert found["Bernie Sanders"] == ("PERSON", ("independent from Vermont",))
    assert not {"D-NY", "Texas", "D-Calif", "Calif", "I-Vt", "Vt"} & set(found)
    assert found["Fairfax"][0] == "PLACE"


def test_what_only_looks_like_a_tag_stays_as_it_was(recognizer):
    body = "Troops landed on D-Day (D-Day), and Smith (R-Foo) drove the I-95 (I-95) home."
    assert party_role(body, body.index(" (D-Day)")) is None
    assert party_role(body, body.index(" (R-Foo)")) is None
    assert party_role(body, body.index(" (I-95)")) is None
    assert "D-Day" in entities(recognizer, body)
    assert party_role("Ann Lee (D-NY)", len("Ann Lee")) == "Democrat from New York"
    assert party_role("said Sen. Jon Tester, D-Mont.", len("said Sen. Jon Tester")) == "Democrat from Montana"
    assert party_role("Ann Lee (R\u2010Ohio) said", len("Ann Lee")) == "Republican from Ohio"
    assert party_role("Ann Lee.", len("Ann Lee")) is None
