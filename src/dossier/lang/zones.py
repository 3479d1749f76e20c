"""Time-zone abbreviations ('GMT', 'BST', 'EST', 'AEDT'): news writes them after a clock time ('at
0930 GMT', '3 p.m. EST'), and taggers call them organisations. Why a library table: the 400-odd
abbreviations are conventions of no one language, and dateparser, already a dependency, keeps them."""

from __future__ import annotations

import logging
from functools import cache

logger = logging.getLogger(__name__)


@cache
def zone_abbreviations() -> frozenset[str]:
    """Every time-zone abbreviation dateparser reads (upper case), loaded once per process."""
    from dateparser.timezones import timezone_info_list

    return frozenset(name for group in timezone_info_list for name, _ in group["timezones"] if name.isupper())
