"""The parts countries are divided into (provinces, states, counties, regions), offline, from
ISO 3166-2 as the pycountry package ships it: "Jiangsu" is a province of China, "Lancashire"
a county of England, "Aceh" a province of Indonesia.

ISO writes names in the country's own language or romanisation ("Jiangsu Sheng", "Bayern",
"Catalunya [Cataluña]"), so each name is also kept without its generic word ("Sheng",
"Zizhiqu") and without accents, and a bracketed or slashed second name counts too; English
exonyms ("Bavaria") are not there. The part we use is cached once in ``paths.cache_dir()``
(reading pycountry's tables costs about a tenth of a second).
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import NamedTuple

from reader import paths
from reader.atomic import cached_json
from reader.entities.notes import fold
from reader.text import fold_name

_FORMAT = 2  # bump when what the cache keeps changes
#: Generic words ISO writes after a name: "Jiangsu Sheng", "Xizang Zizhiqu", "Beijing Shi", "Hong Kong SAR".
_GENERIC_END = re.compile(r"\s+(?:sheng|zizhiqu|shi|sar)$|,\s+respublika$")
#: Names of parts that are words of direction or kind: never a place a story names alone.
_TOO_PLAIN = frozenset("""central north south east west northern southern eastern western capital centre center
coast coastal islands island lakes mountain mountains river north-east north-west south-east south-west
northeast northwest southeast southwest upper lower interior""".split())


class Subdivision(NamedTuple):
    """One part of a country: ISO's name, its kind ("Province"), its country's code, its own
    code ("CN-JS"), and whether it is itself part of a bigger part (a second level)."""

    name: str
    kind: str
    country: str
    code: str
    second_level: bool


@cache
def data_source() -> tuple[str, str]:
    """("ISO 3166-2 via pycountry 26.2.16", "2026-02"): where the parts come from, and when
    (pycountry's versions are its release dates)."""
    from importlib import metadata  # noqa: PLC0415 - wanted only when facts are looked up

    try:
        version = metadata.version("pycountry")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "ISO 3166-2", ""
    year, _, rest = version.partition(".")
    month = rest.partition(".")[0]
    as_of = f"20{year}-{int(month):02d}" if len(year) == 2 and month.isdigit() else ""
    return f"ISO 3166-2 via pycountry {version}", as_of


def name_forms(iso_name: str) -> set[str]:
    """The folded names a part is looked up by: "Catalunya [Cataluña]" → catalunya, cataluña,
    cataluna; "Jiangsu Sheng" → jiangsu sheng, jiangsu."""
    forms: set[str] = set()
    for part in re.split(r"\s*[\[\]/]\s*", iso_name):
        folded = fold(part)
        if not folded:
            continue
        for form in (folded, _GENERIC_END.sub("", folded)):
            forms.update((form, fold_name(form)))  # and without accents: "yucatán", "yucatan"
    return {form for form in forms if len(form) > 2 and form not in _TOO_PLAIN}


class SubdivisionTable:
    """Every part by each of its names (a name several countries use has several parts)."""

    def __init__(self, rows: list[list], forms: dict[str, list[int]] | None = None) -> None:
        """``forms``: each name form's rows, as ``index_forms`` makes it (kept in the cache)."""
        parts = [Subdivision(*row) for row in rows]
        forms = forms if forms is not None else index_forms(rows)
        self._by_name: dict[str, list[Subdivision]] = {form: [parts[n] for n in found] for form, found in forms.items()}

    def find(self, name: str, countries_nearby: frozenset[str] = frozenset()) -> Subdivision | None:
        """The part called ``name``: the only one of that name, or the one in a country the story
        names (``countries_nearby``: codes); ``None`` when unknown or ambiguous."""
        found = self._by_name.get(fold(name))  # "Yucatan" as "Yucatán": the forms hold both; "Münster" is no "Munster"
        if not found:
            return None
        if len({part.country for part in found}) == 1:
            return min(found, key=lambda part: part.second_level)  # a first-level part before a second
        nearby = [part for part in found if part.country in countries_nearby]
        return min(nearby, key=lambda part: part.second_level) if nearby else None


def index_forms(rows: list[list]) -> dict[str, list[int]]:
    """Each name form ("jiangsu") and the rows of the parts it names."""
    forms: dict[str, list[int]] = {}
    for n, row in enumerate(rows):
        for form in sorted(name_forms(row[0])):
            forms.setdefault(form, []).append(n)
    return forms


_lock = threading.Lock()
_table: SubdivisionTable | None = None


def subdivision_table() -> SubdivisionTable:
    """The shared table (read from the cache, or built from pycountry the first time)."""
    global _table
    with _lock:
        if _table is None:
            data = _load()
            _table = SubdivisionTable(data["rows"], data["forms"])
        return _table


def _load() -> dict:
    """``{"rows": [...], "forms": {...}}`` from the cache, or built from pycountry and cached."""
    source, _ = data_source()
    return cached_json(paths.cache_dir() / f"subdivisions-{_FORMAT}-{source.rsplit(' ', 1)[-1]}.json", _build)


def _build() -> dict:
    import pycountry  # noqa: PLC0415 - only when the cache is missing

    rows = [[part.name, part.type, part.country_code, part.code,
             part.parent_code is not None and part.parent_code not in _UK_NATIONS]
            for part in pycountry.subdivisions if part.country_code != "US"]  # US states: the place table's own
    return {"rows": rows, "forms": index_forms(rows)}


#: ISO files England's, Scotland's, Wales' and Northern Ireland's counties under them; news treats
#: them as the first level ("Kent", "Lancashire").
_UK_NATIONS = frozenset({"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"})
