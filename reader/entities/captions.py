"""Photo captions and credits in a story's text: the recogniser reads a name in one as a
person's or a credit's, and the panel never lets one introduce anybody.

A credit is a label and a colon or a slash on the line ("Image: Home Office.", "Video:
Miharris & Acphillips.", "(AP Photo/Cliff Owen)"); a caption places the people it shows
("Braverman (left) and Sunak (right)", "Jones (pictured)").
"""

from __future__ import annotations

import re

CREDIT_LABELS = frozenset("""image images photo photos picture pictures photograph photographs credit video
audio illustration""".split())
CREDIT_LINE = re.compile(r"\b(?:" + "|".join(sorted(CREDIT_LABELS)) + r")\s*[:/]", re.IGNORECASE)
"""A caption's credit on a line ("Video: Miharris & Acphillips.", "AP Photo/Cliff Owen")."""
CAPTION_POSITION = re.compile(r" ?\((?:(?:second |third )?(?:from )?(?:left|right)|cent(?:er|re)|front|back|"
                              r"top|bottom|pictured|[LRC])\)")
"""Where a photo shows someone, after the name: "(left)", "(second from right)", "(pictured)"."""


def is_caption(line: str) -> bool:
    """True for a line (a paragraph) that is a photo's caption or credit."""
    return CREDIT_LINE.search(line) is not None or CAPTION_POSITION.search(line) is not None
