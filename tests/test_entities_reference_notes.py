"""The shipped notes on well-known bodies, people and events, and how their names are read:
a person's lone surname, a one-word name that is something else, a note of another type."""

from __future__ import annotations

from datetime import date

import pytest

from reader.entities import service
from reader.entities.model import EVENT, ORG, PERSON, PLACE, TYPES
from reader.entities.notes import KnowledgeBase, Note, load_knowledge_base, read_notes_file, shipped_notes_dir
from reader.entities.recognizer import Recognizer

REFERENCE_FILES = ("world-bodies.yaml", "world-media.yaml", "world-companies.yaml", "world-people.yaml",
                   "world-events.yaml")


@pytest.fixture(scope="module")
def recognizer():
    service.reset()
    return service.get_recognizer()


def found(recognizer, text):
    return {(text[s.start:s.end], s.type, s.key) for s in recognizer.recognise(text)}


def test_the_shipped_notes_load_without_a_problem_and_each_says_what_and_when(tmp_path):
    kb = load_knowledge_base(shipped_notes_dir(), tmp_path)
    assert not kb.problems and not kb.warnings  # no bad entry, no alias claimed twice
    reference = [note for note in kb if note.source and note.source.name in REFERENCE_FILES]
    assert len(reference) >= 200
    for note in reference:
        assert note.type in TYPES, note.id
        assert 20 <= len(note.summary) <= 260, note.id  # a line or two, as the sidebar shows it
        assert note.as_of and date.fromisoformat(note.as_of) <= date.today(), note.id


@pytest.mark.parametrize("text, name, kind, key", [
    ("Reuters reported the deal on Friday.", "Reuters", ORG, "reuters"),
    ("The WHO said the outbreak was over.", "WHO", ORG, "world-health-organization"),
    ("Officials at the State Department declined to comment.", "State Department", ORG, "us-state-department"),
    ("Ryan said the election results show that Republicans need to act.", "Republicans", ORG, "republican-party"),
    ("Security grew after 9/11 in every airport.", "9/11", EVENT, "september-11-attacks"),
    ("He was described by The Guardian as a pioneer.", "The Guardian", ORG, "the-guardian"),
])
def test_well_known_names_get_their_note(recognizer, text, name, kind, key):
    assert (name, kind, key) in found(recognizer, text)


def test_a_lone_surname_is_the_famous_person_when_the_story_names_no_other(recognizer):
    text = "Merkel said on Tuesday that trade talks would go on. Aides to Merkel agreed."
    assert found(recognizer, text) == {("Merkel", PERSON, "angela-merkel")}
    assert ("Xi", PERSON, "xi-jinping") in found(recognizer, "Beijing says Xi will travel to Moscow.")


def test_a_sentence_may_open_with_the_surname_when_the_person_speaks(recognizer):
    assert ("Trump", PERSON, "donald-trump") in found(recognizer, "Trump said the deal was dead.")


def test_the_story_keeps_its_own_people_of_that_surname(recognizer):
    spans = found(recognizer, "Ivanka Trump spoke first. Later Trump answered questions on jobs.")
    assert ("Ivanka Trump", PERSON, "ivanka-trump") in spans  # not "Ivanka" and the president
    assert ("Trump", PERSON, "ivanka-trump") in spans


def test_an_ordinary_word_opening_a_sentence_is_not_the_company(recognizer):
    assert found(recognizer, "Apple pie was served after the match.") == set()
    assert found(recognizer, "Bush fires raged for a week.") == set()


@pytest.mark.parametrize("text, whole", [
    ("She opened Google Maps on her phone.", "Google Maps"),
    ("Shannon Bream, host of “Fox News Tonight,” spoke.", "Fox News Tonight"),
    ("He wrote it in the International Phonetic Alphabet for us.", "International Phonetic Alphabet"),
])
def test_a_note_name_inside_a_longer_name_does_not_split_it(recognizer, text, whole):
    assert whole in {name for name, _kind, _key in found(recognizer, text)}


def test_a_note_name_that_names_a_place_here_is_not_the_note(recognizer):
    spans = found(recognizer, "Fires spread across the Amazon rainforest on Monday, scientists said.")
    assert ("Amazon", PLACE, "amazon-place") in spans
    assert not any(key == "oracle" for _name, _kind, key in
                   found(recognizer, "In Oracle, Arizona, residents watched the smoke."))


def test_a_name_the_rules_type_otherwise_keeps_a_key_apart_from_the_note():
    kb = KnowledgeBase([Note("amazon", "Amazon", ORG, summary="The company.")])
    spans = Recognizer(kb, {}).recognise("Fires spread across the Amazon rainforest on Monday.")
    assert [(s.type, s.key) for s in spans] == [(PLACE, "amazon-place")]


def test_a_persons_one_word_alias_never_splits_a_full_name():
    kb = KnowledgeBase([Note("donald-trump", "Donald Trump", PERSON, aliases=("Trump",))])
    recognizer = Recognizer(kb, {})
    text = "Ivanka Trump spoke to reporters on Monday."
    assert [(text[s.start:s.end], s.key) for s in recognizer.recognise(text)] == [("Ivanka Trump", "ivanka-trump")]
    assert "trump" in recognizer.lexicon.lone_names and "trump" not in recognizer.lexicon.notes


def test_a_person_of_the_story_keeps_the_surname_a_company_is_named_after(recognizer):
    text = "Nikola Tesla was born in 1856. Tesla moved to New York."
    assert ("Tesla", PERSON, "nikola-tesla") in found(recognizer, text)
    assert found(recognizer, "Tesla said sales rose.") == {("Tesla", ORG, "tesla")}


def test_a_party_note_keeps_the_party_whole_after_the(recognizer):
    assert found(recognizer, "The Liberal Democrats called for the bill to go.") == {
        ("Liberal Democrats", ORG, "liberal-democrats")}


def test_a_note_name_the_rules_find_on_their_own_is_the_note(recognizer):
    """A sentence that opens with "Labour" leaves it to the rules, which type it a body: the
    Labour Party's note is still its note."""
    spans = found(recognizer, "Labour, Britain's main opposition party, said no.")
    assert ("Labour", ORG, "labour-party") in spans and ("Britain", PLACE, "united-kingdom") in spans
    assert found(recognizer, "He met President Donald J. Trump on Monday.") == {
        ("Donald J. Trump", PERSON, "donald-trump")}


@pytest.mark.parametrize("text, name, key", [
    ("Lam Cheuk-ting of the Democratic Party won in Hong Kong. Beijing was pleased.", "Democratic Party",
     "democratic-party-hong-kong"),
    ("New Zealand's Labour Party won. Labour leader Jacinda Ardern spoke in Wellington.", "Labour",
     "labour-party-new-zealand"),
    ("The Canadian Conservatives won the vote.", "Conservatives", "conservative-party-canada"),
    ("Ireland's Department of Justice said no.", "Department of Justice", "us-justice-department-ireland"),
    ("The Democrats of Sweden gained two seats.", "Democrats", "democratic-party-sweden"),
])
def test_a_body_of_another_country_is_not_given_the_note_of_its_namesake(recognizer, text, name, key):
    assert (name, ORG, key) in found(recognizer, text)


@pytest.mark.parametrize("text, name, key", [
    ("Democrats criticised the deal with Iran. Republicans defended it.", "Democrats", "democratic-party"),
    ("Democrats won in Virginia on Tuesday.", "Democrats", "democratic-party"),
    ("Democrats won the vote after a long debate.", "Democrats", "democratic-party"),
    ("Labour won seats in London. Labour said it was pleased.", "Labour", "labour-party"),
])
def test_a_story_of_the_notes_country_or_of_none_keeps_the_note(recognizer, text, name, key):
    assert (name, ORG, key) in found(recognizer, text)


def test_a_notes_country_is_read_and_written_back(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_text("- id: kestrel-party\n  name: Kestrel Party\n  type: ORG\n  country: gb\n  summary: A party.\n")
    [note], problems = read_notes_file(path)
    assert not problems and note.country == "GB" and note.to_yaml_entry()["country"] == "GB"


def test_a_titled_surname_is_the_famous_person_and_a_countrys_body_keeps_the_bare_name(recognizer):
    assert ("Obama", PERSON, "barack-obama") in found(recognizer, "In an interview, Mr Obama said no.")
    assert ("Obama", PERSON, "barack-obama") in found(recognizer, "Barack Obama spoke. Later Mr Obama said no.")
    text = "The Saudi Justice Department agreed, and the Justice Department won."
    assert ("Justice Department", ORG, "saudi-justice-department") in found(recognizer, text)  # not the US one


def test_a_country_before_a_party_a_note_knows_keeps_both(recognizer):
    """ "UK Labour" is no nationality word like "South Korean": the country and the party."""
    assert found(recognizer, "The party said UK Labour won the vote.") == {
        ("UK", PLACE, "united-kingdom"), ("Labour", ORG, "labour-party")}


@pytest.mark.parametrize("text, name", [
    ("Lam Cheuk-ting of the Democratic Party won in Hong Kong. Beijing was pleased.", "Democratic Party"),
    ("Fires spread across the Amazon rainforest on Monday, scientists said.", "Amazon"),
])
def test_the_panel_shows_no_note_the_recogniser_kept_apart(recognizer, text, name):
    """The sidebar found a note by the entity's name when its key had none: the American
    party's for Hong Kong's, the company's for the rainforest."""
    from reader.about import background_for
    from reader.entities.summary import summarise

    [entity] = [e for e in summarise(text, recognizer.recognise(text), recognizer.kb) if e.name == name]
    assert background_for(entity, recognizer.kb).note is None
