"""The names a story's confident mentions define, for the single words typed after them:
acronyms ("LDP" after "Liberal Democratic Party (LDP)"), short forms ("Warhol" of Andy
Warhol, "Atlantis" of "Space Shuttle Atlantis"), surfaces, titled one-word people, the
head word of a body ("the Church") and a team's nickname ("the Red Sox")."""

from __future__ import annotations

import re

from reader.entities.model import ORG, PERSON, PLACE
from reader.entities.notes import make_id
from reader.entities.story import Found, Story
from reader.entities.teams import nickname
from reader.entities.tokens import WORD, fold_token
from reader.entities.wordlists import COMMON, CONNECTORS, ENDINGS, is_role
from reader.entities.classify import NAMED_THING_KINDS

_ACRONYM_AFTER = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z.&]{1,9})\s*[)\]]")


class Names:
    """What the story's confident mentions define: acronyms, short forms, surfaces."""

    def __init__(self, story: Story) -> None:
        text = story.text
        self.acronyms: dict[str, Found] = {}
        self.short: dict[str, Found] = {}
        self.surface: dict[str, Found] = {}
        self.titled: dict[str, Found] = {}  # one-word people named after a title ("President Obama")
        self.heads: dict[str, Found] = {}  # "Church" of "Church of Scientology", for "the Church"
        self.nicknames: dict[str, Found] = {}  # "Red Sox" of "Boston Red Sox", "Celtics" of "Boston Celtics"
        for f in story.found:
            if f.key is None:
                f.key = make_id(text[f.start:f.end])
        # people whose name starts with a given name lend their short forms first ("Warhol" → Andy Warhol)
        order = sorted(story.found, key=lambda f: (
            not (f.type == PERSON and f.tokens and story.is_given_name(f.tokens[0])), f.start))
        for f in order:
            surface = text[f.start:f.end]
            words = WORD.findall(surface)
            after = _ACRONYM_AFTER.match(text, f.end, f.end + 16)  # "Liberal Democratic Party (LDP)"
            if after and after.group(1).upper() == after.group(1) and words \
                    and after.group(1)[0] == words[0][0].upper() and f.type != PERSON:
                self.acronyms.setdefault(after.group(1), f)
            if f.type != PERSON and len(words) >= 2:
                caps = [w for w in words if w[:1].isupper() and fold_token(w) not in CONNECTORS]
                if len(caps) >= 2:
                    self.acronyms.setdefault("".join(w[0] for w in caps), f)
            if f.type != PERSON and len(words) >= 2 and fold_token(" ".join(words[:-1])) in NAMED_THING_KINDS:
                self.short.setdefault(words[-1], f)  # "Phailin" after "Cyclone Phailin", "Atlantis" after
                # "Space Shuttle Atlantis"
            if f.type == PERSON and len(words) >= 2:
                for w in (words[0], words[-1]):
                    low = fold_token(w)
                    if not (is_role(low) or low in CONNECTORS or low in COMMON or low in ENDINGS or w.isupper()):
                        self.short.setdefault(w, f)
            if not f.initial:
                self.surface.setdefault(surface, f)
            if f.forced_person and len(words) == 1:
                self.titled.setdefault(surface, f)
            if (tail := nickname(story, f)) is not None:  # "the Rangers", "the Red Sox" for the team
                tail_surface = text[tail[0].start:tail[-1].base_end]
                self.nicknames.setdefault(tail_surface, f)
            if f.type in (ORG, PLACE) and len(words) >= 2 and not f.guessed:
                head = next((w for w in words if w[:1].isupper() and fold_token(w) in ENDINGS), None)
                if head is not None:
                    self.heads.setdefault(head, f)
        self._lend_noted_surnames(story)
        self.people_by_last: dict[str, list[Found]] = {}  # for ``person_named``
        self._person_of: dict[str, Found | None] = {}
        for f in story.found:
            if f.type == PERSON and not f.guessed and f.tokens:
                self.people_by_last.setdefault(f.tokens[-1].base, []).append(f)

    def _lend_noted_surnames(self, story: Story) -> None:
        """A name two people of the story share goes alone to the one whose note names them
        by it ("Trump" on a page naming Melania Trump first, then Donald Trump), not to the first."""
        lone_names, text = story.lexicon.lone_names, story.text
        for word, lender in list(self.short.items()):
            entry = lone_names.get(fold_token(word))
            if entry is None or lender.type != PERSON or lender.key == entry.key:
                continue
            noted = next((f for f in story.found if f.type == PERSON and f.key == entry.key
                          and word in WORD.findall(text[f.start:f.end])), None)
            if noted is not None:
                self.short[word] = noted

    def target(self, word: str) -> Found | None:
        """The mention a single word stands for, if the story defined it."""
        return self.acronyms.get(word) or self.short.get(word) or self.surface.get(word)

    def person_named(self, word: str) -> Found | None:
        """The one person of the story (not a guess) whose name ends in ``word``: "Theresa May"
        or "Prime Minister May" for a month that is a name only where the story says so (None
        when two people share it). Short forms themselves are joined to their full names later,
        by ``summary.merge_short_forms``, for every one-word name alike."""
        if word in self._person_of:
            return self._person_of[word]
        named = self.people_by_last.get(word, ())
        people = {f.key: f for f in named if len(f.tokens) > 1} or {f.key: f for f in named if f.forced_person}
        self._person_of[word] = person = next(iter(people.values())) if len(people) == 1 else None
        return person
