"""Stories in other languages than English: countries named in the story's own language,
their facts in the panel and in ``reader about``, and English stories left as they were."""

from __future__ import annotations

from reader.about import background_for
from reader.entities.foreign_countries import foreign_country_names
from reader.entities.model import PLACE
from reader.entities.summary import summarise
from reader.library.article import Article
from tests.entity_support import spans

FRENCH = ("Le gouvernement a présenté le projet de loi au Sénat, et il a dit que la situation en Syrie et aux "
          "États-Unis était grave pour la sécurité du pays. Les députés ont voté le texte à une large majorité, "
          "mais les associations de défense des libertés ont critiqué le projet de loi, qui est trop large.")
SPANISH = ("El presidente dijo que las relaciones entre España y Estados Unidos son buenas para todos, y que el "
           "gobierno de Reino Unido no ha dicho nada sobre el acuerdo, que se firmará en la capital de la región "
           "durante la próxima semana, según los medios de comunicación del país y de la prensa extranjera.")


PORTUGUESE = ("Depois do jogo, o técnico Tite declarou que a equipe fez uma boa partida, mas que ainda precisa "
              "melhorar muito. Na ocasião, Tite e outros representantes do clube foram ao estádio para conversar "
              "com os torcedores, que esperavam uma resposta sobre o futuro do time na temporada.")


def test_a_role_word_of_the_storys_language_before_a_name_makes_it_a_person(recognizer):
    """"o técnico Tite": a title in Portuguese, Spanish, French, Italian or German before a
    name, as "coach Tite" in English (a lone unknown word was an organisation)."""
    found = {(surface, kind) for surface, kind, _key in spans(recognizer, PORTUGUESE)}
    assert ("Tite", "PERSON") in found and ("Tite", "ORG") not in found


def test_a_town_s_name_that_is_a_sentence_alone_is_a_word_of_the_story_s_language(recognizer):
    text = PORTUGUESE + ' "Misturar esporte e política não é legal. Fiz errado lá atrás? Sim. Faria de novo? Não."'
    assert "Sim" not in {surface for surface, _kind, _key in spans(recognizer, text)}  # "Yes" (Sim: a Russian town)


def test_a_competition_named_in_another_language_is_an_event(recognizer):
    found = {(surface, kind) for surface, kind, _key in spans(
        recognizer, "Brazil won the Copa América in 2019; Palmeiras won the Campeonato Brasileiro. Copa Airlines flew "
                    "the fans home.")}
    assert ("Copa América", "EVENT") in found and ("Campeonato Brasileiro", "EVENT") in found
    assert ("Copa Airlines", "ORG") in found  # an airline's name ends as an organisation's


def test_the_names_are_short_forms_that_name_one_country():
    names = foreign_country_names()
    assert names["syrie"] == "syria" and names["estados unidos"] == "united states"
    assert names["deutschland"] == "germany" and names["royaume-uni"] == "united kingdom"
    assert "corée" not in names  # North or South: left out


def test_a_story_in_french_or_spanish_names_countries_in_its_own_language(recognizer):
    french = {surface: (kind, key) for surface, kind, key in spans(recognizer, FRENCH)}
    assert french["Syrie"] == (PLACE, "syria") and french["États-Unis"] == (PLACE, "united-states")
    spanish = {surface: (kind, key) for surface, kind, key in spans(recognizer, SPANISH)}
    assert spanish["Estados Unidos"] == (PLACE, "united-states")
    assert spanish["España"] == (PLACE, "spain") and spanish["Reino Unido"] == (PLACE, "united-kingdom")


def test_an_english_story_keeps_its_own_words(recognizer):
    """"Liban" is French for Lebanon, and a given name in English news."""
    assert foreign_country_names()["liban"] == "lebanon"
    text = "Liban Abdi, a Somali-American activist, spoke in Minneapolis on Tuesday about the vote."
    assert ("Liban Abdi", "PERSON", "liban-abdi") in spans(recognizer, text)


def test_the_panel_shows_the_countrys_facts_for_its_name_in_another_language(recognizer):
    infos = summarise(FRENCH, recognizer.recognise(FRENCH), recognizer.kb)
    syria = next(info for info in infos if info.name == "Syrie")
    article = Article(id="s", title="Le texte", body=FRENCH)
    facts = background_for(syria, recognizer.kb, article=article, story_entities=infos).facts
    assert facts is not None and facts.kind == "country" and dict(facts.lines)["Capital"] == "Damascus"


def test_reader_about_finds_a_country_by_its_name_in_another_language(tmp_path, capsys):
    from reader.cli import main
    from tests.test_background_core import index_as_own_library, write

    lib = tmp_path / "lib"
    lib.mkdir()
    write(lib, "a.txt", "2020-01-10", FRENCH)
    index_as_own_library(lib, capsys)
    assert main(["about", "Syrie"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Syria") and "Capital: Damascus" in out and "In your library: 1 story" in out
