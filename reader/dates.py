"""Dates as a person reads them: "8 Nov 2017", not "2017-11-08T23:15:58Z".

Stories keep their dates as ISO 8601 text (what feeds give, what front matter holds, what
sorts); these functions only format them for the screen. Text that is not an ISO date
("2021", "spring 2020") is shown as it is.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

__all__ = ["dateline", "display_date", "display_datetime", "display_when"]

DATELINE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%A %d %B %Y", "%A, %d %B %Y", "%d %B %Y", "%b %d, %Y",
                    "%d %b %Y", "%Y-%m-%d")
"""How a line that is only a date is written: "Friday, July 21, 2017", "21 July 2017"."""


def _parse(value: str) -> tuple[datetime, bool] | None:
    """(the moment, whether a time of day was given), or None for other text."""
    text = value.strip()
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        if len(text) == 10:
            return datetime.fromisoformat(text).replace(tzinfo=timezone.utc), False
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc), True


def dateline(paragraph: str) -> str | None:
    """The ISO date of a paragraph that is a date and nothing else (a story's date line,
    "Friday, July 21, 2017"), else ``None``: a sentence that mentions a date is no date line."""
    if len(paragraph) > 80:  # most first paragraphs: not looked at further
        return None
    text = " ".join(paragraph.split()).rstrip(".")
    if not 8 <= len(text) <= 40 or not text[-1:].isdigit():
        return None
    for form in DATELINE_FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return None


def display_date(value: str | None) -> str | None:
    """"8 Nov 2017" for an ISO date or date-time; other text as it is; None for nothing."""
    if not value or not value.strip():
        return None
    parsed = _parse(value)
    if parsed is None:
        return value.strip()
    moment, _ = parsed
    return f"{moment.day} {moment.strftime('%b %Y')}"


def display_datetime(value: str | None) -> str | None:
    """"8 Nov 2017, 23:15 UTC" when a time of day is known (midnight counts as unknown),
    else the date alone."""
    if not value or not value.strip():
        return None
    parsed = _parse(value)
    if parsed is None:
        return value.strip()
    moment, timed = parsed
    date = f"{moment.day} {moment.strftime('%b %Y')}"
    if timed and (moment.hour, moment.minute, moment.second) != (0, 0, 0):
        return f"{date}, {moment.strftime('%H:%M')} UTC"
    return date


def display_when(seconds: float | None, now: float | None = None) -> str:
    """A past moment (seconds since the epoch) relative to now: "just now", "5 min ago",
    "3 h ago", "yesterday", then a date; "never" for None."""
    if seconds is None:
        return "never"
    now = time.time() if now is None else now
    ago = max(0.0, now - seconds)
    if ago < 60:
        return "just now"
    if ago < 3600:
        return f"{int(ago // 60)} min ago"
    if ago < 86_400:
        return f"{int(ago // 3600)} h ago"
    if ago < 2 * 86_400:
        return "yesterday"
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return f"{moment.day} {moment.strftime('%b %Y')}"
