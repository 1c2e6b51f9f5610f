"""A US politician's party and state, written after the name: "Chuck Schumer (D-NY)",
"Sen. Ted Cruz (R-Texas)", AP's "Rep. Nancy Pelosi, D-Calif., said".

The tag is a role ("Democrat from New York"), never a name of its own: the recogniser drops
what it found inside one ("D-NY", "Va"), and ``party_role`` gives the person the role. The
states' names and AP's abbreviations of them ("Calif.", "Wis.") are ``us_states``'.
"""

from __future__ import annotations

import re

from reader.entities.us_states import state_name

PARTIES = {"D": "Democrat", "R": "Republican", "I": "independent"}

_STATE = r"[A-Z][A-Za-z.]{0,10}(?: [A-Z][A-Za-z.]{0,10})?"
_TAG = re.compile(r"[ \t]*\((?P<party>[DRI])[-–‐‑](?P<state>" + _STATE + r")\)"  # (D-NY), (R-Texas)
                  r"|,[ \t]+(?P<ap_party>[DRI])[-–‐‑](?P<ap_state>" + _STATE + r")(?=[,;)]|\s|$)")  # , D-Calif.,


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
