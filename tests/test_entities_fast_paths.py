"""The recogniser's and the loader's quick paths give what the general ones give.

Each quick path skips work when a cheap check shows the slow one could not change the
result (a plain lower-case word, a lead word that cannot end a pattern, a text without CJK
characters). These tests compare the two on many made-up inputs, so a pattern extended
later without its check fails here.
"""

from __future__ import annotations

import itertools
import random
import re

from reader.entities import evidence, role_lists, role_relations
from reader.entities.recognizer import Recognizer
from reader.entities.story import _PLAIN_AFTER, Story
from reader.entities.tokens import Token, is_cap_word, tokenize
from reader.library.article import _word_patterns, count_words
from reader.loaders.txt import BINARY_SNIFF_BYTES, looks_binary

TEXTS = [
    "China's Foreign Ministry spokesperson Hua Chunying said on Wednesday that Japan-Taiwan talks",
    "Die Straße in Köln, ﬁnance ǆemal 中文abc naïve café — “quoted” words; it's Smith's CEOs.",
    "THE HEADLINE IN CAPITALS\n\nBy JOE BLOGGS\n\nThe iPhone and eBay, al-Amr and d'Estaing met.",
    "U.S. officials in Washington, D.C. and the U.K. said A&M won 3-2 at 10.30 a.m. in São Paulo.",
]


def test_plain_words_get_the_fields_the_general_token_gives():
    for text in TEXTS:
        for tok in tokenize(text):
            general = Token(tok.start, tok.end, tok.text, tok.cap, tok.initial)
            assert (tok.folded, tok.base_end, tok.upper) == (general.folded, general.base_end, general.upper), tok
            if tok.text.islower() and tok.text.isalpha():  # the quick path's words: never written like a name
                assert not tok.cap and not is_cap_word(tok.text), tok


def test_the_story_sorts_its_words_as_the_plain_definitions_do():
    recognizer = Recognizer(places={"Washington": 1, "Köln": 1})
    for text in TEXTS:
        story = Story(text, recognizer.lexicon, recognizer.knowledge)
        tokens = story.tokens
        assert story.cap_words == {t.folded for t in tokens if t.cap}
        assert story.lower_all == {t.folded for t in tokens if not t.cap}
        assert story.lower_words == {
            t.folded for t in tokens if not t.cap and len(t.text) > 2 and t.text.islower()
            and text[t.start - 1:t.start] in (" ", "\n", "") and _PLAIN_AFTER.match(text, t.end)}
        assert story.lower_words  # every text has plain words in running text


def _pattern_words(*patterns: re.Pattern[str]) -> list[str]:
    words = set()
    for pattern in patterns:
        words.update(re.findall(r"[a-z]+", pattern.pattern.replace("\\s", " ").replace("\\b", " ")))
    return sorted(words) + ["Northern", "north-eastern", "grandson"]


def test_a_lead_the_patterns_before_a_name_match_always_passes_the_quick_check():
    patterns = (evidence._PERSON_BEFORE, evidence._PLACE_BEFORE, evidence._COMPASS_BEFORE, evidence._ORG_BEFORE)
    words = _pattern_words(*patterns)
    matched = 0
    for first, second in itertools.product(words, repeat=2):
        for before in (f"the {first} {second} ", f"{first}  ", f"x {first}-{second}\t"):
            if any(p.search(before) for p in patterns):
                matched += 1
                assert evidence.may_end_a_lead(before.split()[-1]), before
    assert matched > 100  # the phrases do reach the patterns
    assert not evidence.may_end_a_lead("said") and evidence.may_end_a_lead("İN")


def _made_up(pieces: list[str], seed: int, count: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(count)]


def test_a_list_of_names_is_looked_for_only_where_one_can_end():
    pieces = ["Mark", " Twain", ", ", " and ", "writers ", "such as", " like ", ":", " (1884)", "’s", "\n", "  "]
    for text in _made_up(pieces, 1):
        if not text.rstrip().endswith((",", "and")):
            assert role_lists._LIST_ITEM.search(text) is None or not role_lists._LIST_ITEM.search(text).group(), text
        if not text.rstrip().endswith(role_lists._LEAD_ENDS):
            assert role_lists._LIST_LEAD.search(text) is None, text
    assert role_lists.list_role("writers Mark Twain, Robert Louis Stevenson and ") == "writer"
    assert role_lists.list_role("linguists like Henry Sweet and ") == "linguist"


def test_who_made_a_thing_is_looked_for_only_after_by():
    pieces = ["CocoaPods", " was", " created", " by ", "Created", " Eloy", " and ", ". ", "by", " bystander "]
    for text in _made_up(pieces, 2):
        if "by" not in text:
            assert role_relations._PASSIVE_BEFORE.search(text) is None, text
            assert role_relations._OPENING_BEFORE.search(text) is None, text
    body = "CocoaPods was created by Eloy Durán in 2011."
    start = body.index("Eloy")
    assert role_relations.maker_role(body, start, start + len("Eloy Durán")) == "creator of CocoaPods"


def test_words_are_counted_as_the_pattern_counts_them():
    rng = random.Random(3)
    alphabet = [chr(c) for c in [*range(0, 0x250), 0x85, 0xA0, 0x1680, 0x2000, 0x2028, 0x202F, 0x205F]]
    samples = ["", " ", "a b\tc\n", "one\x1ctwo", "日本語 text", "ｆｕｌｌ width", "中文，标点。", "x\u3000y"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in samples:
        assert count_words(text) == sum(1 for _ in _word_patterns()[0].finditer(text)), repr(text)


def test_binary_bytes_are_told_as_before():
    def by_count(data: bytes) -> bool:
        head = data[:BINARY_SNIFF_BYTES]
        if b"\x00" in head:
            return True
        controls = sum(1 for b in head if b < 0x20 and b not in (9, 10, 12, 13, 27))
        return len(head) > 0 and controls / len(head) > 0.1

    rng = random.Random(4)
    for _ in range(3000):
        data = bytes(rng.choice([1, 7, 9, 10, 27, 31, 32, 65, 200]) for _ in range(rng.randint(0, 40)))
        assert looks_binary(data) == by_count(data), data
    assert looks_binary(b"\x01\x02\x03 text") and not looks_binary("plain text\n".encode())


def test_source_file_names_are_found_where_the_plain_pattern_finds_them():
    """``code.file_name_spans`` looks for the extension's dot first and reads back to where
    the name starts; the plain pattern reads every word from its start."""
    from reader.entities.code import file_name_spans

    plain = re.compile(r"(?<![\w+./-])[\w+./-]*\w\.(?:h|hpp|m|mm|c|cc|cpp|swift|py|js|ts|rb|go|rs|java|kt|plist"
                       r"|json|ya?ml|sh)(?!\w|\.\w)")
    rng = random.Random(5)
    pieces = ["a", "B", "_", ".", "/", "-", "+", " ", "\n", "é", "1", "٣", ".py", ".h", ".hpp", ".json", ".yml",
              ".ts.", "x.c", "!", "(", "é.m", "AppDelegate.swift", "NSObject+Extra.h"]
    samples = [*TEXTS, "Open AppDelegate.swift. Then main.m and src/app/view.py/tests.py, not www.example.com."]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in samples:
        assert file_name_spans(text) == [m.span() for m in plain.finditer(text)], repr(text)
    assert file_name_spans("Open AppDelegate.swift. Then main.m.") == [(5, 22), (29, 35)]
