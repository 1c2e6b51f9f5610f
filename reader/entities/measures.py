"""Units and currencies beside a number are not names: "2000 Hz", "1 KB", "29 ºC",
"3.5 GHz", "20 CUC", "EUR 400", "US$5".

Their symbols are written in capitals ("KB", "GW") or start with one ("Hz", "Pa"), so the
recogniser would take them for an acronym or a name. Only a symbol written right after a
number (or a currency code right before one) is dropped: "GB" alone may be Great Britain,
"Hz" alone is left to the recogniser.
"""

from __future__ import annotations

import re

UNITS = frozenset("""
Hz kHz MHz GHz THz
KB MB GB TB PB EB KiB MiB GiB TiB kB Kb Mb Gb Tb Kbps Mbps Gbps Tbps MBps GBps
kW MW GW TW Wh kWh MWh GWh TWh mAh Ah kV mV mA
Pa kPa MPa GPa hPa kJ MJ GJ BTU Btu
ºC °C ºF °F
dB dBA FPS DPI PPI RPM BPM TFLOPS GFLOPS PFLOPS
""".split())
"""Unit symbols that start with a capital (lower-case ones never look like names); one
letter alone ("W", "C") is left out: "Route 66 W", "Plan 9 B" are not measures."""

CURRENCIES = frozenset("""
USD EUR GBP JPY CNY RMB HKD TWD KRW INR AUD CAD NZD CHF SEK NOK DKK ISK PLN CZK HUF RUB UAH
TRY BRL ARS MXN CLP COP PEN ZAR NGN KES EGP ILS AED SAR QAR SGD MYR IDR THB PHP VND PKR BDT
CUC CUP Kr kr DKr NKr SKr Rs
""".split())
"""ISO 4217 codes of much-used currencies, the two Cuban pesos, and crowns and rupees as written."""

_NUMBER_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:million|billion|bn|m|k)?\s?$")
_NUMBER_AFTER = re.compile(r"\s?\d")


DOLLAR_COUNTRIES = frozenset("US NZ HK A AU C CA CDN S SG NT R Z ZW J TT EC BZ".split())
"""The letters written before "$" for a country's dollar: "US$", "NZ$", "HK$", "A$", "R$" (the real)."""
_DOLLARS_AFTER = re.compile(r"\s?\$\s?\d")
"""A dollar sign and a number after a country's letters: "US$5 million", "NZ $ 26 million", "HK$3bn"."""


def is_measure(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a unit or a currency written beside a number."""
    word = text[start:end]
    if word in DOLLAR_COUNTRIES and _DOLLARS_AFTER.match(text, end):
        return True  # a dollar's country ("US$5"), no mention of the country (not "pay the SEC $550 million")
    if word not in UNITS and word not in CURRENCIES:
        return False
    if _NUMBER_BEFORE.search(text, max(0, start - 24), start):
        return True
    return word in CURRENCIES and _NUMBER_AFTER.match(text, end) is not None


def without_measures(text: str, spans: list) -> list:
    """``spans`` without the units and currencies written beside a number."""
    return [span for span in spans if not is_measure(text, span.start, span.end)]
