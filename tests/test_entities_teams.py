"""Teams and firms named by a place and a plural ("Texas Rangers"), and their nicknames alone."""

from __future__ import annotations

import pytest

from reader.entities.model import ORG, PERSON, PLACE
from tests.entity_support import spans


@pytest.mark.parametrize("text, name", [
    ("He scored for the Texas Rangers last night.", "Texas Rangers"),  # a state, then a plural
    ("The New England Patriots lost on Sunday.", "New England Patriots"),  # a region
    ("The New York Yankees signed him.", "New York Yankees"),
    ("Texas Instruments said profits rose.", "Texas Instruments"),  # a firm of the same shape
    ("The Georgia Bulldogs won again.", "Georgia Bulldogs"),
])
def test_a_state_and_a_plural_is_one_body_not_the_state(recognizer, text, name):
    assert (name, ORG) in [(s, t) for s, t, _ in spans(recognizer, text)]


@pytest.mark.parametrize("text, kept", [
    ("California Republicans voted no.", "California Republicans"),  # a party's members
    ("Many Ohio Voters stayed home.", "Ohio Voters"),  # people
    ("Texas Floods Kill 20\n\nThe floods hit Houston.", "Texas Floods"),  # a headline: "floods" in lower case
    ("Many San Franciscans left after the earthquake.", "San Franciscans"),  # a city's people
])
def test_a_place_and_a_plural_of_people_or_things_is_no_body(recognizer, text, kept):
    assert all(s != kept or t != ORG for s, t, _ in spans(recognizer, text))


def test_land_named_by_its_state_is_a_place(recognizer):
    assert ("Florida Keys", PLACE) in [(s, t) for s, t, _ in spans(recognizer, "They flew to the Florida Keys.")]


def test_a_given_name_and_a_surname_stay_a_person(recognizer):
    found = spans(recognizer, "The Georgia Bulldogs won and Sydney Peters scored twice.")
    assert ("Sydney Peters", PERSON) in [(s, t) for s, t, _ in found]


def test_the_nickname_alone_is_the_team(recognizer):
    text = ("The Los Angeles Lakers beat the Boston Celtics on Friday. The Lakers led all night and the "
            "Celtics never caught up.")
    found = spans(recognizer, text)
    assert ("Lakers", ORG, "los-angeles-lakers") in found
    assert ("Celtics", ORG, "boston-celtics") in found  # a plural nationality word elsewhere ("Celts")


def test_a_two_word_nickname_is_the_team_not_a_person(recognizer):
    text = ("He played for the Boston Red Sox of Major League Baseball. He has played every position "
            "for the Red Sox except pitcher.")
    assert ("Red Sox", ORG, "boston-red-sox") in spans(recognizer, text)


def test_a_singular_after_a_place_is_no_nickname(recognizer):
    text = "He studied at Boston University. Later the University said he had left. He ate Campbell's Soup."
    found = spans(recognizer, text)
    assert all(s != "Soup" for s, _, _ in found)


def test_a_team_first_in_the_story_before_a_players_role_is_the_team(recognizer):
    found = spans(recognizer, "Boston Red Sox player David Ortiz hit a home run.")
    assert ("Boston Red Sox", ORG) in [(s, t) for s, t, _ in found]
    assert ("David Ortiz", PERSON) in [(s, t) for s, t, _ in found]


MATCH = ("In the first game of Group G, Belgium defeated Panama 3 – 0 at the stadium; the coach praised the "
         "striker after the penalty, and the referee gave a kick-off in extra time. Later Tunisia lost 1 – 2 to "
         "England, and Sweden drew with Mexico. Fans travelled to England after the match.")


def test_a_country_that_loses_or_is_lost_to_in_a_match_report_is_its_team(recognizer):
    found = spans(recognizer, MATCH)
    tunisia = [(t, k) for s, t, k in found if s == "Tunisia"]
    england = [(t, k) for s, t, k in found if s == "England"]
    assert tunisia == [(ORG, "tunisia-team")]  # after "and": it lost
    assert england[0] == (ORG, "england-team")  # "lost 1 – 2 to England"
    assert england[-1] == (PLACE, "england")  # "travelled to England": the country


@pytest.mark.parametrize(("text", "names"), [
    ("LeBron James scored 30 points as the Lakers beat the Warriors.", {"Lakers", "Warriors"}),  # "laker" is a word
    ("The Knicks lost to the Celtics on Friday in a close game.", {"Knicks", "Celtics"}),  # "Celtic" a people's
    ("He joined the Lakers before the 2018 season.", {"Lakers"}),
    ("Celtics coach Joe Mazzulla said the Celtics played well in Boston.", {"Celtics"}),
    ("In the final game of the season, the Yankees and the Mets both lost.", {"Yankees", "Mets"}),
])
def test_a_plural_that_plays_in_a_story_of_sport_is_a_team(recognizer, text, names):
    found = {s: t for s, t, _ in spans(recognizer, text)}
    assert all(found.get(name) == ORG for name in names), found


def test_a_people_that_wins_a_war_is_no_team(recognizer):
    found = {s for s, _, _ in spans(recognizer, "He fought several wars against the Turks. The Americans won the war.")}
    assert "Turks" not in found and "Americans" not in found
