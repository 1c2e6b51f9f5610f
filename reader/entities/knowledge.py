"""General knowledge from packages, cached as one small file after the first run.

- given and family names: Faker's person providers (80-odd locales, Latin script);
- ordinary English words: the lower-case entries of Webster's Second International in
  ``english-words`` (its capitalised entries, the proper nouns, are left out), so
  "Trade" at the start of a sentence is a word and "Socotra" is a name;
- company suffixes: ``cleanco``'s legal-form terms ("Inc", "GmbH", "S.A.", "plc");
- job nouns: the head nouns of Faker's English job titles ("broker", "paramedic",
  "programmer"), which the role rules add to their own occupation words.

Each package is optional: without it the recogniser uses the hand lists in
``wordlists`` alone. Reading the packages takes about 0.3 s, so what we keep is written to
``paths.cache_dir()/knowledge-<digest>.json`` (names and suffixes) and ``.marisa`` (the
210,000 words as a marisa-trie, memory-mapped afterwards: no per-word work at start).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from reader import paths
from reader.atomic import write_atomic

_FORMAT = 7
_PACKAGES = ("faker", "english-words", "cleanco")


@dataclass(frozen=True)
class Knowledge:
    """Word sets the rules consult; all compared in lower case."""

    given_names: frozenset[str] = frozenset()
    words: Container[str] = field(default_factory=frozenset)  # a marisa-trie from the cache, or a set
    company_suffixes: frozenset[str] = frozenset()
    digest: str = "none"
    family_names: frozenset[str] = frozenset()
    job_nouns: frozenset[str] = frozenset()

    def is_word(self, folded: str) -> bool:
        """True for an ordinary English word (or a plural of one): "trade", "pirates", "sites"."""
        words = self.words
        if folded in words:
            return True
        if "-" in folded:  # "high-powered"
            parts = folded.split("-")
            return all(part in words or part.isdigit() for part in parts if part)
        if "'" in folded:  # "it's", "don't", "we'll" (not "John's")
            stem, _, rest = folded.partition("'")
            if rest == "t":
                return stem.endswith("n") and (stem[:-1] in words or stem in ("can", "won", "ain"))
            if rest == "s":
                return stem in CONTRACTED_S
            return rest in ("re", "ll", "ve", "d", "m") and stem in words
        if folded.endswith(("ed", "ing", "est")) and len(folded) > 3:  # "played", "died", "cheapest"
            stem = folded[:-2] if folded.endswith("ed") else folded[:-3]  # ("drawn" is listed as it is)
            if stem in words or stem + "e" in words or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words):
                return True
        if folded.endswith("s") and len(folded) > 3:
            if folded[:-1] in words:
                return True
            if folded.endswith("ies") and folded[:-3] + "y" in words:
                return True
            if folded.endswith(("ses", "xes", "zes", "ches", "shes")) and folded[:-2] in words:
                return True
        return False


def digest() -> str:
    """Names the packages' versions and this module's format."""
    versions = []
    for name in _PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return hashlib.blake2b(f"{_FORMAT};{';'.join(versions)}".encode(), digest_size=6).hexdigest()


CONTRACTED_S = frozenset("it that he she what there here let who where how".split())
"""Words whose 's is "is" or "us" ("it's", "let's"), never a possessive."""
_GIVEN_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_FAMILY_ATTRS = ("last_names", "last_names_male", "last_names_female")


def _latin(name: str) -> bool:
    """True for a name in Latin letters, accented ones included ("Antonín", "Søren"), not
    Cyrillic, Greek or CJK: the recogniser reads Latin-script news."""
    return name.isascii() or all(c.isascii() or unicodedata.name(c, "").startswith("LATIN ") for c in name)


def _person_names(attrs: tuple[str, ...]) -> list[str]:
    """Names from Faker's person providers of every locale (Latin script), folded."""
    try:
        import faker.providers.person as providers  # noqa: PLC0415
    except ImportError:
        return []
    names: set[str] = set()
    for module_info in pkgutil.iter_modules(providers.__path__):
        try:
            module = importlib.import_module(f"{providers.__name__}.{module_info.name}")
        except ImportError:
            continue
        provider = getattr(module, "Provider", None)
        for attr in attrs:
            values = provider.__dict__.get(attr) if provider is not None else None
            if isinstance(values, (tuple, list, set, frozenset, dict)):
                names.update(v.casefold() for v in values
                             if isinstance(v, str) and v[:1].isupper() and v.replace("-", "").isalpha()
                             and _latin(v) and len(v) > 1)
    return sorted(names)


def _words() -> list[str]:
    try:
        from english_words import get_english_words_set  # noqa: PLC0415
    except ImportError:
        return []
    return sorted(w for w in get_english_words_set(["web2"], lower=False) if w.islower() and w.isalpha())


def _company_suffixes() -> list[str]:
    try:
        from cleanco.termdata import terms_by_type  # noqa: PLC0415
    except ImportError:
        return []
    terms = {term.strip().replace(".", "").replace(" ", "") for values in terms_by_type.values() for term in values}
    return sorted(t for t in terms if t)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ary", "ant", "path", "wife", "man", "ic", "ee")


def _job_nouns() -> list[str]:
    """The last word of each English job title of Faker ("Broker, insurance" → "broker"), when
    it names a person by its ending ("programmer", "paramedic"; not "Film", "Staff")."""
    nouns: set[str] = set()
    for locale in ("en_US", "en_GB", "en_AU", "en_CA"):
        try:
            module = importlib.import_module(f"faker.providers.job.{locale}")
        except ImportError:
            continue
        for title in getattr(getattr(module, "Provider", None), "jobs", ()) or ():
            head = title.split(",")[0].split("/")[0].split("(")[0].split()
            word = head[-1].casefold() if head else ""
            if word.isalpha() and len(word) > 3 and word.endswith(_AGENT_ENDINGS):
                nouns.add(word)
    return sorted(nouns)


def build() -> dict:
    """What we keep from the packages (slow: about 0.5 s)."""
    return {"given_names": _person_names(_GIVEN_ATTRS), "family_names": _person_names(_FAMILY_ATTRS),
            "words": _words(), "company_suffixes": _company_suffixes(), "job_nouns": _job_nouns()}


@cache
def shared_knowledge() -> Knowledge:
    """``load_knowledge()`` read once per process: for the rules that consult the word lists
    outside a story's recognition (roles, derived facts; a read costs about 6 ms)."""
    return load_knowledge()


def load_knowledge(use_cache: bool = True) -> Knowledge:
    """The knowledge, from the cache files when they are there (the words memory-mapped)."""
    import marisa_trie  # noqa: PLC0415

    name = digest()
    path = paths.cache_dir() / f"knowledge-{name}.json"
    words_path = path.with_suffix(".marisa")
    if use_cache:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            words = marisa_trie.Trie()
            words.mmap(str(words_path))
            return Knowledge(frozenset(data["given_names"]), words, frozenset(data["company_suffixes"]), name,
                             frozenset(data["family_names"]), frozenset(data["job_nouns"]))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError):
            pass
    data = build()
    words = marisa_trie.Trie(data.pop("words"))
    if use_cache:
        _write(path, data, words)
    return Knowledge(frozenset(data["given_names"]), words, frozenset(data["company_suffixes"]), name,
                     frozenset(data["family_names"]), frozenset(data["job_nouns"]))


def _write(path: Path, data: dict, words) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # (a first use: else nothing is kept and the next use builds again)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.marisa")
        words.save(str(tmp))
        os.replace(tmp, path.with_suffix(".marisa"))
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")), durable=False)
    except OSError:
        return  # a cache we cannot write only costs time
    for other in path.parent.glob("knowledge-*"):
        if other.stem != path.stem:
            try:
                other.unlink()
            except OSError:
                pass
