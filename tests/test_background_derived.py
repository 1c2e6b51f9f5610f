"""Background beyond notes and place data: more role shapes, and facts derived from an
entity's name or its story (each saying where it comes from)."""

from __future__ import annotations

import pytest

from reader.about import background_for
from reader.entities.countries import countries_in_text, country_of_demonym
from reader.entities.derived_facts import FROM_NAME, FROM_STORY, derived_facts, org_kind
from reader.entities.legal_forms import legal_form
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE
from reader.entities.notes import KnowledgeBase
from reader.entities.roles import is_role_word, roles_at
from reader.entities.entity_info import EntityInfo


def at(body: str, name: str) -> tuple[int, int]:
    start = body.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(("body", "name", "role"), [
    ("The trial of U.S. Sen. Rob Dane went on.", "Rob Dane", "U.S. Sen."),  # an abbreviation's full stop
    ("Rep. Lia Ford said so.", "Lia Ford", "Rep."),
    ("The memo reached then-Fox News host Bill Reiley last year.", "Bill Reiley", "then-Fox News host"),
    ("Then Attorney-General Tom Hale spoke.", "Tom Hale", "Attorney-General"),
    ("Later CEO of the Harbour Trust Ann Vale told us.", "Ann Vale", "CEO of the Harbour Trust"),
    ("Anna Ruiz, 34, a teacher from Leeds, said no.", "Anna Ruiz", "a teacher from Leeds"),  # the age is skipped
    ("Tom Roe, 53, is a former bank partner.", "Tom Roe", "a former bank partner"),
    ("In 1980 Jo McCann, then a 24-year-old Air Force staff sergeant, fell ill.", "Jo McCann",
     "then a 24-year-old Air Force staff sergeant"),  # the word that dates it stays
    ("Ann Lee, now the head of the council, spoke.", "Ann Lee", "now the head of the council"),
    ("Ahmed Mohamed, who was a VIP guest at the Google Science Fair this year, spoke.", "Ahmed Mohamed",
     "a VIP guest at the Google Science Fair"),  # the word limit fell on "this": it is left off
    ("The head of 34-year-old victim Jo Platt was covered.", "Jo Platt", "victim"),
    ("A local paramedic Sam Oduya arrived.", "Sam Oduya", "paramedic"),  # a job noun from Faker
])
def test_more_role_shapes(body, name, role):
    assert roles_at(body, [at(body, name)]) == [role]


@pytest.mark.parametrize("name", ["Ivo Lind", "Kai Berg", "Uma Sol"])
def test_a_list_of_names_shares_its_role_made_singular(name):
    body = "It shows painters such as Ivo Lind, Kai Berg, and Uma Sol at work."
    assert roles_at(body, [at(body, name)]) == ["painter"]


def test_no_list_role_without_a_role_word_or_from_names_before_of():
    body = "He met Ivo Lind, Kai Berg and Uma Sol. Two veteran politicians Ivo Lind of the Green Party and Uma Sol of ABC won."
    assert roles_at(body, [at(body, "Kai Berg")]) == []
    second = body.index("Uma Sol", body.index("Two"))
    assert roles_at(body, [(second, second + 7)]) == ["of ABC"]
    assert not is_role_word("Saintes")  # "-es" plurals only after s, x, ch, sh


def test_a_verb_or_a_thing_with_a_roles_ending_is_no_role():
    body = "The senator declared his intention to resist Ivo Lind on the bill."
    assert roles_at(body, [at(body, "Ivo Lind")]) == []
    assert not any(is_role_word(w) for w in ("resist", "insist", "career", "register"))
    assert all(is_role_word(w) for w in ("pianist", "novelist", "historian", "auctioneer"))


@pytest.mark.parametrize(("name", "what"), [
    ("Purdue University", "university"), ("Ministry of Fisheries", "government ministry"),
    ("Green Valley Party", "political party"), ("Harbour Herald", "newspaper"),
    ("Medical Journal of Australia", "newspaper or journal"), ("Times of Malta", "newspaper"),
    ("Office of Budget Review", "office"), ("Centre for Coastal Studies", "centre"),
    ("Harbour Valley Press", "publisher or newspaper"), ("Vantor Group", "group"),
    ("Théâtre du Port", "theatre"), ("Partido Verde", "political party"), ("Team Estonia", "team"),
    ("Irving Independent School District", "school district"), ("Chicago Park District", "park district"),
])
def test_an_organisation_says_what_it_is_by_its_name(name, what):
    facts = derived_facts(name, ORG)
    assert facts is not None and dict(facts.lines)["What"] == what
    assert facts.source == FROM_NAME and facts.derived


def test_a_word_that_names_a_kind_only_at_the_end_says_nothing_first():
    assert org_kind("Post To Twitter") is None
    assert org_kind("Band of Brothers") is None  # a series, seldom a band
    assert org_kind("National Emergency Airborne Command Post") is None  # a post, not a paper
    assert org_kind("Command Post of the Army") is None
    assert org_kind("The Jerusalem Post") == ("newspaper", "Post")
    assert derived_facts("Bags", ORG) is None


def test_a_company_legal_form_comes_from_cleanco_terms():
    assert legal_form("Vantor Holding Ltd") == "Ltd"
    assert legal_form("Kessel GmbH") == "GmbH"
    assert legal_form("Remain Co") is None  # two letters: only in capitals or with dots
    facts = derived_facts("Kessel GmbH", ORG)
    assert dict(facts.lines)["What"] == "company (legal form GmbH)" and "cleanco" in facts.source


def test_a_state_body_named_with_a_country_or_nationality_first_belongs_to_it():
    assert dict(derived_facts("Saudi Interior Ministry", ORG).lines)["Country"] == "Saudi Arabia"
    assert dict(derived_facts("U.S. Army", ORG).lines)["Country"] == "United States"
    assert "Country" not in dict(derived_facts("American University of Beirut", ORG).lines)  # not a state body
    assert "Country" not in dict(derived_facts("Georgia Department of Health", ORG).lines)  # the state or the country?


def test_nationality_words_name_countries():
    assert country_of_demonym("Japanese") == "JP" and country_of_demonym("Korean") is None
    assert countries_in_text("an Israeli mathematician and a French poet") == {"IL", "FR"}


@pytest.mark.parametrize(("body", "name", "when", "source"), [
    ("World War II (1939–1945) was long.", "World War II", "1939–1945", FROM_STORY),
    ("It ended with the 1895 Treaty of Shimonoseki.", "Treaty of Shimonoseki", "1895", FROM_STORY),
    ("Fans met at Harbour Comic Fair 2015 in May.", "Harbour Comic Fair", "2015", FROM_STORY),
    ("The 2018 Harbour Games opened.", "2018 Harbour Games", "2018", FROM_NAME),
])
def test_an_event_gets_its_year_only_from_its_name_or_its_story(body, name, when, source):
    facts = derived_facts(name, EVENT, body, [at(body, name)])
    assert dict(facts.lines)["When"] == when and facts.source.endswith(source)
    assert "When" not in dict(derived_facts("Harbour Games", EVENT, "The Harbour Games opened.", [(4, 17)]).lines)


@pytest.mark.parametrize(("name", "what"), [
    ("Viking Festival", "festival"), ("World War II", "war"), ("Battle of Hastings", "battle"),
    ("Hurricane Katrina", "hurricane"), ("2018 FIFA World Cup", "cup (a competition)"),
    ("Operation Overlord", "military operation"), ("Harbour Games", "games"),
])
def test_an_event_says_what_it_is_by_its_name(name, what):
    facts = derived_facts(name, EVENT)
    assert facts is not None and dict(facts.lines)["What"] == what
    assert facts.source.startswith(FROM_NAME)


def test_an_event_whose_name_says_nothing_gets_no_kind():
    assert derived_facts("Early Music", EVENT) is None
    assert derived_facts("Harbour", EVENT) is None  # one word
    assert dict(derived_facts("Harbour Series", OTHER).lines)["What"] == "series"


@pytest.mark.parametrize(("body", "name", "line"), [
    ("Ana Vela (8 May 1841 – 1 June 1904) was a composer.", "Ana Vela", ("Years", "1841–1904")),
    ("Ben Tor (31 March 1635 in Brill, Kent – 9 May 1699 in Rome) sailed.", "Ben Tor", ("Years", "1635–1699")),
    ("Cy Lund (born 12 May 1962) is a singer.", "Cy Lund", ("Born", "1962")),
    ("Di Moor, 34, said so.", "Di Moor", ("Age", "34 at the time of the story")),
    ("A 19-year-old student Ed Pike said so.", "Ed Pike", ("Age", "19 at the time of the story")),
    ("Turnout was high.\n— Conn Carroll (@conncarroll) November 8, 2017", "Conn Carroll", ("Handle", "@conncarroll")),
    ("Then Lawrence Tureaud, better known as Mr. T, came in.", "Lawrence Tureaud", ("Known as", "Mr. T")),
])
def test_a_person_gets_years_or_age_from_the_story(body, name, line):
    facts = derived_facts(name, PERSON, body, [at(body, name)])
    assert facts.lines == (line,) and facts.source == FROM_STORY


def test_an_age_and_a_name_known_by_are_both_given_and_a_sentence_is_no_name():
    body = "Ann Lee, 34, also known as Big Annie, won. Tom Hale, known as the Hammer. He left."
    assert derived_facts("Ann Lee", PERSON, body, [at(body, "Ann Lee")]).lines == (
        ("Age", "34 at the time of the story"), ("Known as", "Big Annie"))
    assert derived_facts("Tom Hale", PERSON, body, [at(body, "Tom Hale")]) is None  # (no comma closes it)


def test_a_place_says_what_it_is_and_where_the_story_puts_it():
    body = "She was kept at Flag Land Base in Clearwater, Florida for years. Lake Merritt is near."
    facts = derived_facts("Flag Land Base", PLACE, body, [at(body, "Flag Land Base")])
    assert dict(facts.lines) == {"What": "base", "Where": "Clearwater, Florida"}
    assert facts.source == f"{FROM_NAME} and {FROM_STORY}"
    assert dict(derived_facts("Lake Merritt", PLACE, body, [at(body, "Lake Merritt")]).lines) == {"What": "lake"}
    body = "The Polaris went through the Ballard Locks and the Inside Passage to Ketchikan."
    assert dict(derived_facts("Inside Passage", PLACE, body, [at(body, "Inside Passage")]).lines) == {
        "What": "sea passage"}  # (going to Ketchikan: not where it is)
    body = "People fled the town of Yeoncheon and the Zagros mountain range. Chelsea state officials said so."
    assert dict(derived_facts("Yeoncheon", PLACE, body, [at(body, "Yeoncheon")]).lines) == {"What": "town"}
    assert dict(derived_facts("Zagros", PLACE, body, [at(body, "Zagros")]).lines) == {"What": "mountain range"}
    assert derived_facts("Chelsea", PLACE, body, [at(body, "Chelsea")]) is None  # (a state's officials: not Chelsea's)
    body = "Take the Harbour Expressway, The B.A. road."
    assert "Where" not in dict(derived_facts("Harbour Expressway", PLACE, body, [at(body, "Harbour Expressway")]).lines)


@pytest.mark.parametrize(("name", "lines"), [
    ("Catedral de San Ildefonso", {"What": "cathedral"}),  # the kind first, as Spanish names put it
    ("Old Waterford Rd", {"What": "road"}), ("Leesburg Senior Center", {"What": "centre (a building or a site)"}),
    ("Upper Manhattan", {"Part of": "Manhattan"}), ("Kowloon West", {"Part of": "Kowloon"}),
    ("South Pacific", {"Part of": "Pacific"}),  # (a region, though "pacific" is a word)
    ("Old Havana", {"Part of": "Havana"}),
])
def test_a_place_says_what_it_is_or_what_it_is_part_of_by_its_name(name, lines):
    facts = derived_facts(name, PLACE)
    assert facts is not None and dict(facts.lines) == lines and facts.source == FROM_NAME


@pytest.mark.parametrize("name", ["South Africa", "West Virginia", "North Korea", "West Bank", "Harbour North",
                                  "South Side", "Old City"])  # (Side is a town in Turkey, City a municipality
# of Yemen: both are words)
def test_a_place_of_its_own_or_a_part_of_an_unknown_place_is_no_part(name):
    assert derived_facts(name, PLACE) is None


@pytest.mark.parametrize(("body", "name", "what"), [
    ('He sang the song "Harbour Lights" twice.', "Harbour Lights", "song"),
    ("She starred in the TV series Harbour Watch.", "Harbour Watch", "TV series"),
    ("His first role was in the 1999 film A Harbour Inside.", "Harbour Inside", "1999 film"),  # the title's "A"
    ("It came from his own book Hydraulica Nova.", "Hydraulica Nova", "book"),
    ("The Church's cruise ship Freewinds in Bonaire.", "Freewinds", "cruise ship"),
])
def test_a_work_says_what_it_is_as_its_story_writes_it_before_its_title(body, name, what):
    facts = derived_facts(name, OTHER, body, [at(body, name)])
    assert facts is not None and dict(facts.lines) == {"What": what} and facts.source == FROM_STORY


@pytest.mark.parametrize(("name", "what"), [("USS Potomac", "ship (US Navy)"), ("HMS Belfast", "ship (Royal Navy)"),
                                             ("Space Shuttle Columbia", "space shuttle orbiter")])
def test_a_ship_or_a_shuttle_says_what_it_is_by_its_prefix(name, what):
    facts = derived_facts(name, OTHER)
    assert facts is not None and dict(facts.lines) == {"What": what} and facts.source == FROM_NAME


def test_a_works_year_in_brackets_after_its_title():
    body = "Other roles include Match Point (2005) and the film Stoker (2013)."
    assert dict(derived_facts("Match Point", OTHER, body, [at(body, "Match Point")]).lines) == {"Year": "2005"}
    assert dict(derived_facts("Stoker", OTHER, body, [at(body, "Stoker")]).lines) == {"What": "film", "Year": "2013"}


def test_a_title_after_a_full_stop_or_an_ordinary_word_says_nothing():
    for body in ("We saw the show. Harbour Watch began.", "They went to Harbour Watch on Tuesday."):
        assert derived_facts("Harbour Watch", OTHER, body, [at(body, "Harbour Watch")]) is None


def test_the_panel_shows_derived_facts_when_there_is_no_note():
    body = "Staff of Purdue University said so."
    entity = EntityInfo("purdue-university", "Purdue University", ORG, [at(body, "Purdue University")])
    context = background_for(entity, KnowledgeBase())
    assert context.facts is not None and context.facts.derived and context.beyond_sentence


def test_a_nationality_in_the_story_names_the_country_of_a_small_town():
    from reader.library.article import Article

    body = "Aner Shalev is an Israeli mathematician born in Tiberias."
    article = Article(id="a", title="", body=body)
    entity = EntityInfo("tiberias", "Tiberias", PLACE, [at(body, "Tiberias")])
    context = background_for(entity, KnowledgeBase(), article=article)
    assert context.facts is not None and dict(context.facts.lines)["Country"] == "Israel"


def test_an_acronym_and_its_long_form_name_each_other_as_the_story_writes_them():
    body = "The Harbour Rowing League (HRL) met. Later HCC (Holm Chamber Council) spoke. The AP (see photo) said."
    assert dict(derived_facts("HRL", ORG, body).lines) == {"Stands for": "Harbour Rowing League"}
    assert dict(derived_facts("Harbour Rowing League", ORG, body).lines) == {"What": "league", "Short form": "HRL"}
    assert dict(derived_facts("HCC", ORG, body).lines)["Stands for"] == "Holm Chamber Council"
    assert derived_facts("AP", ORG, body) is None  # the letters must be the long form's initials


@pytest.mark.parametrize(("short", "body", "long"), [
    ("CPJ", "said the Committee to Protect Journalists (CPJ) on Monday.", "Committee to Protect Journalists"),
    ("CNIL", "Selon la Commission nationale informatique et libertés (CNIL), le texte",
     "Commission nationale informatique et libertés"),
    ("CNCTR", "une autorité indépendante, la Commission nationale de contrôle des techniques de renseignement (CNCTR).",
     "Commission nationale de contrôle des techniques de renseignement"),
])
def test_a_long_form_with_small_words_names_its_acronym(short, body, long):
    assert dict(derived_facts(short, ORG, body).lines)["Stands for"] == long


def test_a_long_form_stops_at_a_comma_and_needs_the_acronyms_first_letter():
    body = "Officials, Peter Kemp said in Paris (CNIL). Later the access providers (FAI) were told."
    assert derived_facts("CNIL", ORG, body) is None
    assert derived_facts("FAI", ORG, body) is None


@pytest.mark.parametrize(("name", "what"), [("Clean Water Act", "law"), ("Harbour Peace Prize", "prize"),
                                            ("Second Symphony", "symphony")])
def test_a_law_a_prize_or_a_work_says_what_it_is_by_its_name(name, what):
    assert dict(derived_facts(name, "OTHER").lines) == {"What": what}


def test_a_body_takes_the_kind_written_right_before_its_name():
    body = "It ran in the secularist magazine Tidewater and the study appeared in journal Harbour Science."
    assert roles_at(body, [at(body, "Tidewater")], person=False) == ["secularist magazine"]
    assert roles_at(body, [at(body, "Harbour Science")], person=False) == ["journal"]


def test_a_long_aside_in_brackets_does_not_hide_the_role_or_the_years():
    body = ("Dame Ilse Varga DBE (Hungarian: [ˈilʃɛ ˈvɒrɡɒ]; say v(ə)r-ga; 3 May 1901 – 9 June 1980) "
            "was a Hungarian-British architect.")
    assert roles_at(body, [at(body, "Ilse Varga")]) == ["a Hungarian-British architect"]
    assert derived_facts("Ilse Varga", PERSON, body, [at(body, "Ilse Varga")]).lines == (("Years", "1901–1980"),)


def test_a_who_clause_gives_a_role_only_with_a_role_word():
    body = ("Ann Bell, who follows the market as a managing director at the D.A. Harbour brokerage, spoke. "
            "Tom Roe, who took the video, smiled.")
    assert roles_at(body, [at(body, "Ann Bell")]) == ["a managing director at the D.A. Harbour brokerage"]
    assert roles_at(body, [at(body, "Tom Roe")]) == []


def test_a_town_s_name_says_nothing_of_its_kind():
    assert derived_facts("Falls Church", PLACE, "It met in Falls Church.", [(10, 22)]) is None


def test_every_kind_word_the_recogniser_types_by_is_said_in_the_panel():
    """A name the recogniser calls a body or a place because of its last word ("Toronto Star",
    "York Minster") gets that word's kind in the panel; the legal forms go to cleanco, and a
    few words say nothing sure ("Citizens United" is no club, "Eureka Springs" a town)."""
    from reader.entities.kind_words import ORG_KINDS, PLACE_KINDS
    from reader.entities.wordlists import ENDINGS

    unsaid = {"co", "corp", "inc", "llc", "ltd", "plc", "capital", "international", "nations", "united", "initiative",
              "music"}
    assert {w for w, kind in ENDINGS.items() if kind == ORG and w not in ORG_KINDS} <= unsaid
    assert {w for w, kind in ENDINGS.items() if kind == PLACE and w not in PLACE_KINDS} <= {"springs", "states"}


@pytest.mark.parametrize(("name", "kind", "what"), [
    ("Toronto Star", ORG, "newspaper"),
    ("Edmonton Sun", ORG, "newspaper"),
    ("Red Star", ORG, None),  # a star after no place: a club, not a paper
    ("York Minster", PLACE, "minster (a great church)"),
    ("Henga Scenic Reserve", PLACE, "reserve (protected land)"),
    ("Glencore Pharmaceuticals", ORG, "drug company"),
])
def test_a_name_says_what_it_is_by_its_last_word(name, kind, what):
    facts = derived_facts(name, kind)
    assert (dict(facts.lines).get("What") if facts else None) == what


def test_a_place_and_a_plural_in_a_story_of_sport_is_a_team():
    sport = "He was traded in May. The coach said the season was long, and the league agreed."
    assert dict(derived_facts("Pittsburgh Pirates", ORG, sport).lines)["What"] == "sports team"
    assert derived_facts("Pittsburgh Pirates", ORG, "Profits rose this quarter, the firm said.") is None
    assert derived_facts("Texas Instruments", ORG, "Profits rose this quarter, the firm said.") is None


def test_an_apposition_that_introduces_another_person_is_no_role():
    """"Take Obama, Obama’s national security advisor James Jones former Marine commandant, …"
    gave Obama the advisor's words as his role (a new user's pass); a role linked to someone
    ("an adviser to President Barack Obama") stays."""
    body = ("Take say on Obama, Obama’s national security advisor James Jones former Marine commandant is on "
            "record. Mark Lee, an adviser to President Barack Obama, spoke.")
    assert roles_at(body, [at(body, "Obama")]) == []
    assert roles_at(body, [at(body, "Mark Lee")]) == ["an adviser to President Barack Obama"]


def test_a_photos_caption_does_not_introduce_anyone():
    """Suella Braverman was "introduced" by "Braverman (left) and Sunak (right) on October 25,
    2022." (a new user's pass): a caption, or a line ending with a picture's credit, gives way
    to the first sentence of the story about them."""
    from reader.entities.summary import introducing_sentence

    body = ("Asylum forms to replace interviews\n\nBraverman (left) and Sunak (right) on October 25, 2022. "
            "Image: UK Government.\n\nBraverman with Gérald Darmanin in Paris on November 14. Image: Home Office.\n\n"
            "On Wednesday, Home Secretary Suella Braverman told GB News the numbers were too high.")
    name = "Braverman"
    mentions = [(i, i + len(name)) for i in range(len(body)) if body.startswith(name, i)]
    info = EntityInfo("suella-braverman", "Suella Braverman", PERSON, mentions)
    assert introducing_sentence(body, info, "Asylum forms to replace interviews").startswith("On Wednesday, Home Secretary")


def test_a_role_opening_with_as_and_a_news_photos_caption():
    """"As head of homeland security, Nielsen would oversee" gave the role "As head of
    homeland security"; Justin Fairfax was introduced by a photo's caption ending "(AP
    Photo/Cliff Owen)" (a new user's pass)."""
    from reader.entities.summary import introducing_sentence

    body = "Trump picked her. As head of homeland security, Nielsen would oversee a sprawling agency."
    assert roles_at(body, [at(body, "Nielsen")]) == ["head of homeland security"]
    body = ("Firsts\n\nDemocrat Justin Fairfax addresses the election night party in Fairfax, Va., Tuesday, Nov. 7, "
            "2017. (AP Photo/Cliff Owen)\n\nJustin Fairfax became the second African-American elected statewide.")
    name = "Justin Fairfax"
    mentions = [(i, i + len(name)) for i in range(len(body)) if body.startswith(name, i)]
    info = EntityInfo("justin-fairfax", name, PERSON, mentions)
    assert introducing_sentence(body, info, "Firsts").startswith("Justin Fairfax became")


@pytest.mark.parametrize(("body", "name", "kind", "what"), [
    ("It detailed flaws of the NEMISIS database which officers use.", "NEMISIS", ORG, "database"),
    ("Tax moved from the ICI system to another.", "ICI", ORG, "system"),
    ("Cres Eastman, Director of the National Iodine Nutrition study, said so.", "National Iodine Nutrition", OTHER,
     "study"),
    ("Phoenix was a centre of the Hohokam culture.", "Hohokam", OTHER, "culture"),
    ("The Progress cargo ship had lifted off.", "Progress", ORG, "cargo ship"),
])
def test_the_noun_after_the_and_a_things_name_says_what_it_is(body, name, kind, what):
    facts = derived_facts(name, kind, body, [at(body, name)])
    assert dict(facts.lines)["What"] == what and FROM_STORY in facts.source


@pytest.mark.parametrize(("body", "name"), [
    ("He bought it at the Apple app store yesterday.", "Apple"),  # the noun goes on: no kind of Apple
    ("He was cast on the WB series, Supernatural.", "WB"),  # the series is the name after it
    ("A system of Gizmo users grew.", "Gizmo"),  # no "the" before the name
    ("The Senate bill passed on Monday.", "Senate"),  # what a body makes is no kind of it
])
def test_no_kind_where_the_noun_is_not_the_names_own(body, name):
    facts = derived_facts(name, ORG, body, [at(body, name)])
    assert facts is None or "What" not in dict(facts.lines)
