"""Finding articles by title words, as the command palette does in a large library."""

from __future__ import annotations

from types import SimpleNamespace

from reader.library.titles import TitleFinder


def articles(*titles: str) -> list:
    return [SimpleNamespace(title=title) for title in titles]


def test_every_word_must_be_in_the_title_in_any_case():
    finder = TitleFinder(articles("China warns Japan", "Japan's trade talks", "Taiwan votes", "JAPAN AND CHINA"))
    assert finder.find("japan china", 10) == [0, 3]
    assert finder.find("TRADE", 10) == [1]
    assert finder.find("   ", 10) == [] and finder.find("korea", 10) == []


def test_titles_starting_with_the_query_come_first_and_the_limit_holds():
    finder = TitleFinder(articles(*(f"story {n} about storms" for n in range(50)), "Storms hit the coast"))
    found = finder.find("storm", 5)
    assert found[0] == 50 and len(found) == 5


def test_near_finds_a_typo_of_a_title_word_not_letters_scattered_over_a_title():
    finder = TitleFinder(articles("New tax on sugar drinks", "The Texas axe murders", "Troubled rumours of mapping"))
    assert finder.near("sugr") == [0]
    assert finder.near("tax") == [0]  # not "t… a… x…" over the Texas axe murders
    assert finder.near("trump") == []  # scattered over the rumours of mapping


def test_accents_are_smart_as_in_the_find_bar():
    """"maori" finds "Māori", "levar taca" finds "levar taça" (a new user's pass: the palette
    found neither); a query with accents of its own matches only them."""
    finder = TitleFinder(articles("What the sea tells Māori tribes", "Tite diz que errou ao levar taça", "Maori art"))
    assert finder.find("maori", 10) == [2, 0]  # the title that starts with it first
    assert finder.find("levar taca", 10) == [1]
    assert finder.find("Māori", 10) == [0]
    assert finder.near("taca") == [1]
    assert TitleFinder(articles("A walk on the Sydfynske Øhav trail")).find("sydfynske ohav", 10) == [0]
