"""Nationality adjectives and the countries they name ("German" -> "Germany").

A claim's speaker or an office holder's title often names a side only by its adjective; the
positions pass maps it to a country entity of the build. Irregular forms are listed; the rest share
a stem with the country's name.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

logger = logging.getLogger(__name__)

# Demonyms that do not share a stem with the country name (the stem rule covers the rest).
_IRREGULAR_DEMONYMS = {
    "french": "France", "dutch": "Netherlands", "swiss": "Switzerland", "welsh": "Wales",
    "british": "United Kingdom", "american": "United States", "u.s.": "United States",
    "us": "United States", "soviet": "Soviet Union", "greek": "Greece", "turkish": "Turkey",
    "thai": "Thailand", "danish": "Denmark", "swedish": "Sweden", "finnish": "Finland",
    "polish": "Poland", "spanish": "Spain", "filipino": "Philippines", "irish": "Ireland",
    "scottish": "Scotland", "icelandic": "Iceland", "norwegian": "Norway", "peruvian": "Peru",
}


def _country_for_demonym(word: str, countries: Sequence[str]) -> str | None:
    """ "German" -> "Germany" when a country entity shares the adjective's stem (4+ letters)."""
    low = word.lower().strip()
    if low in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[low]
    return _closest_country(low, countries)


def _closest_country(low: str, countries: Iterable[str]) -> str | None:
    """The shortest (first on ties) of ``countries`` sharing 4+ leading letters with ``low`` and
    all but its last two letters."""
    best = None
    for c in countries:
        cl = c.lower()
        common = 0
        for x, y in zip(cl, low):
            if x != y:
                break
            common += 1
        if common >= 4 and common >= len(cl) - 2 and (best is None or len(c) < len(best)):
            best = c
    return best


def demonym_lookup(countries: Sequence[str]) -> Callable[[str], str | None]:
    """``_country_for_demonym`` over fixed ``countries``, indexed and memoized: a match shares the
    first four letters, so only countries of that prefix are scanned (the scan of every country for
    every claim was half the positions pass on a 1,000-page store); same answers, same ties."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for c in countries:  # list order kept: the first of the shortest wins, as in the full scan
        if len(c.lower()) >= 4:
            by_prefix[c.lower()[:4]].append(c)
    memo: dict[str, str | None] = {}

    def lookup(word: str) -> str | None:
        if word not in memo:
            low = word.lower().strip()
            irregular = _IRREGULAR_DEMONYMS.get(low)
            memo[word] = irregular if low in _IRREGULAR_DEMONYMS else _closest_country(low, by_prefix.get(low[:4], ()))
        return memo[word]

    return lookup
