"""Headlines and headings, where capitals say little about names.

A line Written In Title Case capitalises ordinary words (with its short function words in
capitals too, or in a short heading with no full stop: "Add Line Breaks to Issue
Navigator"); there the recogniser keeps
known names and names the rest of the story also uses, and treats the other words like
the first word of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.entities.story import Found, Story

_LONGEST_HEADLINE = 300

#: Short words that title case capitalises and running text does not.
_TITLE_FUNCTION_WORDS = frozenset("to in on at by for with from into is are be its as of and or after over up not "
                                  "will has have was were says than that this how why".split())


_MOST_HEADING_WORDS = 8


def _heading_shaped(line: str) -> bool:
    """A short line with no full stop or comma: "Generating a Unique Directory or File Name"."""
    line = line.strip()
    return len(line.split()) <= _MOST_HEADING_WORDS and line[-1:] not in ".!?\"”" and "," not in line \
        and ". " not in line


def _start_of(token) -> int:
    return token.start


def title_lines(story: Story) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines Written In Title Case (headlines)."""
    text, tokens = story.text, story.tokens
    lines: list[tuple[int, int]] = []
    start = index = 0
    n = len(tokens)
    for end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        if end - start > _LONGEST_HEADLINE:  # a paragraph, not a headline: skip its words
            index = bisect_left(tokens, end, lo=index, key=_start_of)
            start = end + 1
            continue
        first = index
        while index < n and tokens[index].start < end:
            index += 1
        if index - first >= 3 and _title_case(story, tokens[first:index], text[start:end]):
            lines.append((start, end))
        start = end + 1
    return lines


def _title_case(story: Story, line: list, line_text: str) -> bool:
    """True for a line's tokens that read as a title-case headline: most words capitalised,
    function words too ("To", "With", "Its"); or, in a line with no full stop, ordinary
    words ("Add Line Breaks to Issue Navigator"). The word lists are looked up last, for
    the few lines the cheap counts leave."""
    words = capped = common_capped = common_lower = lower_content = 0
    for k, tok in enumerate(line):
        folded = tok.folded
        if len(tok.text) >= 4 and tok.text.isalpha():
            words += 1
            if tok.cap:
                capped += 1
            elif folded not in _TITLE_FUNCTION_WORDS:
                lower_content += 1
        if k and folded in _TITLE_FUNCTION_WORDS and not tok.initial:
            if tok.cap:
                common_capped += 1
            else:
                common_lower += 1
    if words < 3 or capped < 0.75 * words:
        return False
    if common_capped >= 1 and common_lower <= common_capped:
        return True
    if lower_content or not _heading_shaped(line_text):
        return False
    is_word = story.knowledge.is_word
    ordinary = sum(1 for tok in line[1:] if tok.cap and len(tok.text) >= 4 and tok.text.isalpha() and is_word(tok.folded))
    return ordinary >= 2 and not any(tok.cap and story.is_given_name(tok) and not is_word(tok.folded) for tok in line)


def trust_titles(story: Story) -> None:
    """In title-case lines keep known names, and names the rest of the story also uses."""
    titles = title_lines(story)
    if not titles:
        return
    text = story.text

    def in_title(f: Found) -> bool:
        return any(a <= f.start < b for a, b in titles)

    elsewhere = {text[f.start:f.end] for f in story.found if not in_title(f)}
    elsewhere |= {text[f.start:f.end] for f in story.deferred if not in_title(f) and not f.initial}
    story.found = [f for f in story.found if not in_title(f) or f.known or text[f.start:f.end] in elsewhere]
    for f in story.deferred:
        if in_title(f):
            f.initial = True  # needs the same evidence as a sentence's first word


def drop_word_headings(story: Story) -> None:
    """Forget the candidates that are a whole line made only of ordinary words ("Cleaning
    Up", "Removing Values", "Saved Photos"): a heading, not a name. A known name (a note's,
    the gazetteer's) or a line with a given name ("Wilmot Collins") stays."""
    story.found = _word_headings(story.text, story.found, story.knowledge)
    story.deferred = _word_headings(story.text, story.deferred, story.knowledge)


def _word_headings(text: str, spans: list, knowledge) -> list:
    kept = []
    for span in spans:
        words = text[span.start:span.end].split()
        if len(words) >= 2 and not span.known and _alone_on_its_line(text, span.start, span.end) \
                and all(knowledge.is_word(w.casefold()) and w.casefold() not in knowledge.given_names for w in words):
            continue
        kept.append(span)
    return kept


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Only white space between ``text[start:end]`` and the ends of its line (looked at
    from the span outwards, so a long paragraph costs nothing)."""
    before = start
    while before > 0 and text[before - 1] != "\n" and text[before - 1].isspace():
        before -= 1
    if before > 0 and text[before - 1] != "\n":
        return False
    after, size = end, len(text)
    while after < size and text[after] != "\n" and text[after].isspace():
        after += 1
    return after == size or text[after] == "\n"
