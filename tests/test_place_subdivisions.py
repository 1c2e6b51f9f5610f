"""Provinces, states and counties of every country (ISO 3166-2 via pycountry) in the place facts."""

from __future__ import annotations

from reader.entities.story_facts import place_where
from reader.entities.place_facts import place_facts, place_table
from reader.entities.subdivisions import SubdivisionTable, name_forms


def test_a_province_has_its_country_and_its_iso_code_under_the_name_the_story_gives():
    facts = place_facts("Jiangsu")  # ISO writes "Jiangsu Sheng"
    lines = dict(facts.lines)
    assert (facts.name, facts.kind) == ("Jiangsu", "province")
    assert lines["What"] == "province of China" and lines["ISO name"] == "Jiangsu Sheng"
    assert lines["ISO 3166-2 code"] == "CN-JS" and lines["Continent"] == "Asia"
    assert "pycountry" in facts.source and facts.as_of[:2] == "20"
    assert dict(place_facts("Yucatan").lines)["What"] == "state of Mexico"  # typed without its accent
    assert dict(place_facts("Aceh").lines)["What"] == "province of Indonesia"


def test_a_name_a_city_shares_means_the_city_when_the_part_is_named_after_it_or_the_story_is_there():
    assert place_facts("Leeds").kind == "city"  # a district of England named after the city
    for city in ("Jerusalem", "Charlotte", "Portland", "Aurora"):  # not a governorate, parish or province elsewhere
        assert place_facts(city).kind == "city", city
    assert dict(place_facts("Münster").lines)["Country"] == "Germany"  # not Munster, a province of Ireland
    assert dict(place_facts("Salamanca").lines)["Country"] == "Spain"  # the Spanish province's own town
    assert dict(place_facts("Mérida").lines)["Country"] == "Mexico"  # a city of a million over a state's namesake
    assert place_facts("Aleppo").kind == "city"  # a city of a million
    assert place_facts("Kent").kind == "two-tier county"  # England's, not Kent, Washington
    american = place_table().facts("Kent", frozenset({"US"}))
    assert american.kind == "city" and "Washington" in dict(american.lines)["Country"]


def test_a_name_parts_of_several_countries_hold_needs_the_storys_country():
    table = SubdivisionTable([["Córdoba", "Province", "ES", "ES-CO", True],
                              ["Córdoba", "Province", "AR", "AR-X", False]])
    assert table.find("Cordoba") is None  # which one? the story has to say
    assert table.find("Cordoba", frozenset({"AR"})).code == "AR-X"


def test_name_forms_drop_isos_generic_words_and_split_its_second_names():
    assert {"jiangsu", "jiangsu sheng"} <= name_forms("Jiangsu Sheng")
    assert {"catalunya", "cataluña", "cataluna"} <= name_forms("Catalunya [Cataluña]")
    assert "central" not in name_forms("Central")  # a word of direction is no place alone


def test_a_county_elsewhere_in_the_story_does_not_move_a_town_abroad():
    from tests.test_background_core import facts_of

    facts = facts_of("Police in Cambridge, Massachusetts arrested a man, who was later held in Essex.", "Cambridge")
    assert "Massachusetts" in dict(facts.lines)["Country"]  # Essex (a county of England) adds no country


def test_a_list_of_places_is_no_where():
    body = "The A19 links York with Tyneside, Northumberland and south-eastern Scotland. She lives in Clearwater, Florida and Tampa."
    tyneside, clearwater = body.index("Tyneside"), body.index("Clearwater")
    assert place_where(body, [(tyneside, tyneside + 8)]) is None
    assert place_where(body, [(clearwater, clearwater + 10)]) == "Florida"  # a town in the state it names
    body = "Trainers go to Wright-Patterson Air Force Base in Ohio and engines to Huntsville."
    base = body.index("Wright")
    assert place_where(body, [(base, base + len("Wright-Patterson Air Force Base"))]) == "Ohio"  # "in", no list
