"""Word forms, prefixes without a cap, typing, spelling and the compact postings, on small
libraries written here."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from reader.search import LibraryIndex, search
from reader.search.codec import IMPACT_SCALE
from reader.search.find import FindOptions, find_matches
from reader.search.schema import ANALYZER, ImpactPositions, term_of
from reader.search.spelling import suggest
from search_support import write_story

FORMS = ["negotiate", "negotiates", "negotiated", "negotiating", "negotiation", "negotiations", "negotiator"]


def build(folder: Path) -> LibraryIndex:
    index = LibraryIndex(folder.parent / f"{folder.name}-index")
    result = index.update([folder])
    assert not result.problems
    return index


@pytest.fixture(scope="module")
def forms_index(tmp_path_factory) -> LibraryIndex:
    folder = tmp_path_factory.mktemp("forms")
    for n, form in enumerate(FORMS):
        write_story(folder, f"form{n}", f"Story number {n}", f"The parties will {form} about the harbour fees.")
    write_story(folder, "other", "Unrelated story", "A festival of music in the old harbour town.")
    return build(folder)


def test_every_form_of_a_word_finds_the_stories_of_every_other(forms_index):
    for form in FORMS:
        results = search(forms_index, form, limit=50)
        assert results.total == len(FORMS), form
        assert results.total_exact


def test_find_word_mode_agrees_with_the_library_search():
    text = " ".join(f"{form}." for form in FORMS) + " Unrelated words."
    for form in FORMS:
        found = find_matches(text, form, FindOptions(word_mode=True))
        assert [text[s:e] for s, e in found.matches] == FORMS, form
    # the same stems as the index (Snowball English): these pairs are one word in both
    for a, b in [("island", "Islands"), ("generous", "generously"), ("treaty", "treaties")]:
        assert term_of(a) == term_of(b)
        assert find_matches(f"x {b} y", a, FindOptions(word_mode=True)).matches


@pytest.fixture(scope="module")
def prefix_library(tmp_path_factory):
    """600 stories; 283 of them each hold one of ~600 different words starting with "str"."""
    folder = tmp_path_factory.mktemp("prefix")
    rng = random.Random(5)
    words = sorted({"str" + "".join(rng.choice(string.ascii_lowercase) for _ in range(6)) for _ in range(600)})
    holders = set(rng.sample(range(600), 283))
    for n in range(600):
        body = f"Harbour report number {n} about the council and the market."
        if n in holders:
            body += f" It mentions {words[n % len(words)]} once."
        write_story(folder / f"d{n // 100}", f"s{n:04d}", f"Report {n}", body)
    return build(folder), len(holders)


def test_a_prefix_matches_every_story_holding_a_word_with_it(prefix_library):
    index, holders = prefix_library
    assert search(index, "str*", exact_total=True).total == holders
    results = search(index, "str*", limit=10)
    assert len(results.hits) == 10
    assert all("str" in hit.body for hit in results.hits)
    # the count without exact_total is an estimate, and says so
    assert not results.total_exact and results.message.startswith("about ")
    assert 0.5 * holders <= results.total <= 600
    # inside a larger query too: every holder that also has the other word
    assert search(index, "council str*", exact_total=True).total == holders
    assert search(index, "council str*", limit=300).total == holders
    # no note about searching only some of the words
    assert not any("searched" in note for note in results.notes)


def test_a_prefix_list_is_complete_below_the_limit(prefix_library):
    index, _ = prefix_library
    results = search(index, "strz*", limit=500)
    assert results.total_exact
    assert results.total == len(results.hits)


def test_typing_reads_the_last_word_as_a_prefix(forms_index):
    assert search(forms_index, "negotiat", suggest=False).total == 0
    typed = search(forms_index, "negotiat", prefix_last=True, suggest=False)
    assert typed.total == len(FORMS)
    assert search(forms_index, "harbour negot", prefix_last=True).total == len(FORMS)
    # a finished word (a space after it) is left as typed; in an open phrase the word being
    # typed is a prefix after the phrase so far ('"harbour fe' is '"harbour" fe*')
    assert search(forms_index, "negotiat ", prefix_last=True, suggest=False).total == 0
    assert search(forms_index, 'fest', prefix_last=True).total == 1
    typing = search(forms_index, '"harbour fe', prefix_last=True, suggest=False)
    assert typing.total == search(forms_index, '"harbour" fe*', suggest=False).total > 0 and not typing.notes
    assert search(forms_index, '"harbour fees"', prefix_last=True).total == len(FORMS)


def test_typing_a_whole_word_ranks_it_as_the_word(forms_index):
    typed = search(forms_index, "festival", prefix_last=True)
    plain = search(forms_index, "festival")
    assert [h.id for h in typed.hits] == [h.id for h in plain.hits]
    assert typed.hits[0].score == pytest.approx(plain.hits[0].score)


def test_spelling_is_separate_from_hits(forms_index):
    quiet = search(forms_index, "negotiatons harbour", suggest=False)
    assert quiet.total == 0 and quiet.suggestion is None
    assert suggest(forms_index, "negotiatons harbour") in {f"{form} harbour" for form in FORMS}
    assert suggest(forms_index, "harbour") is None  # every word is found
    assert suggest(forms_index, "qqqqqq") is None  # nothing close
    assert search(forms_index, "festivl").suggestion == "festival"
    # a correction that would find nothing is no suggestion: each word is in the index, the two
    # together in no story ("jespersen dane": "did you mean jespersen days?", then 0 stories)
    assert suggest(forms_index, "festivl harbour fees") == "festival harbour fees"
    assert search(forms_index, "festivl harbour fees").suggestion is None


def test_a_word_typed_as_a_prefix_is_never_corrected(forms_index):
    typed = search(forms_index, "festival", prefix_last=True)  # searched as festival*
    assert typed.total == 1 and typed.suggestion is None
    assert search(forms_index, "harb*").suggestion is None
    assert search(forms_index, "festivl", prefix_last=True).suggestion == "festival"  # nothing found: corrected


def test_a_prefix_finds_a_shorter_stem_only_through_a_suffix(forms_index):
    assert search(forms_index, "negotiat*").total == len(FORMS)  # the stem "negoti" of negotiation
    assert search(forms_index, "harbourmast*").total == 0  # "harbour" is not a start of harbourmaster's stem
    assert search(forms_index, "story*").total == len(FORMS) + 1  # a whole word finds its own stem ("stori")


def test_snippets_are_made_when_asked_for(forms_index):
    hit = search(forms_index, "harbour", limit=50).hits[0]
    assert hit._snippet is None
    assert "harbour" in hit.snippet.lower() and hit.snippet_spans


def test_impacts_are_stored_in_hundredths_and_positions_round_trip():
    form = ImpactPositions()
    words = "storm " * 3 + "coast " * 70000  # positions past 65,535 need 4 bytes
    for term, frequency, weight, value in form.word_values(words, ANALYZER):
        assert weight * IMPACT_SCALE == pytest.approx(round(weight * IMPACT_SCALE))
        positions = form.decode_positions(value)
        assert len(positions) == frequency == form.decode_frequency(value)
        assert positions == sorted(positions)
        if term == "coast":
            assert positions[-1] >= 70000


def test_a_short_word_is_corrected_by_one_edit_at_most(forms_index):
    """Two edits, as typed, make another word of a short one; a longer word may still be two
    edits off."""
    assert suggest(forms_index, "harbr") is None  # five letters, two edits from "harbour"
    assert suggest(forms_index, "tewn") == "town"  # one edit
    assert suggest(forms_index, "festvl") == "festival"  # six letters, two edits


def test_a_suggestion_has_no_space_left_over_from_a_field_name_with_nothing_after_it(forms_index):
    assert suggest(forms_index, "tewn:") == "town"  # searched as "tewn ": the suggestion is the word alone


def test_a_first_letter_left_out_or_mistyped_is_corrected(forms_index):
    """The other edits keep the first letter: "estival" and "bestival" got no suggestion (the
    search pane said "0 stories" for "cientology", a new user's pass)."""
    assert suggest(forms_index, "estival") == "festival"  # left out
    assert suggest(forms_index, "bestival") == "festival"  # mistyped
    assert suggest(forms_index, "ffestival") == "festival"  # doubled
    assert suggest(forms_index, "qqqqqq") is None


def test_no_spelling_is_suggested_for_a_word_of_another_field(forms_index):
    """``source:nyt`` found its story and still offered "did you mean source:net?", a body
    word that finds nothing there (a new user's pass): a source's, an entity's or a date's
    words are not the stories' words."""
    assert suggest(forms_index, "tewn") == "town"  # the body's words still are
    assert suggest(forms_index, "source:tewn") is None
    assert suggest(forms_index, 'source:"tewn news"') is None
    assert suggest(forms_index, "entity:tewn") is None and suggest(forms_index, "type:tewn") is None
    assert suggest(forms_index, "tewn source:nyt") == "town source:nyt"
