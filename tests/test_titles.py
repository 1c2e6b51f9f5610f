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
