"""Time expressions, the shared ground: English number, season and unit words, the regular
expression pieces the rules are built from, anchor-date arithmetic and the result of one rule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Literal

from dossier.lang.en import MONTH_NAMES, MONTHS, WEEKDAYS
from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)


Tense = Literal["past", "future", "none"]


NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "half a": 0,
}  # fmt: skip


VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "the", "recent", "the past", "the last")


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}  # fmt: skip


MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)


WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"


UNIT_RE = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"


NUMBER_RE = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|"
    r"hundred|a couple of|a couple|a few|few|several|many|some|an|a)"
)


_REL = r"(?:last|next|this|coming|past|previous|following|current)"


SPELLED_YEAR_RE = (
    r"(?:nineteen|eighteen)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Anchor:
    """The reference date at whatever precision is known (year, month, day may be missing)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


def parse_anchor(anchor: str | None) -> Anchor:
    """'2019-02-16' / '2019-02' / '2019' (or a longer ISO timestamp) -> Anchor; junk -> empty."""
    if not anchor:
        return Anchor()
    p = PartialDate.parse(anchor)
    return Anchor(p.year, p.month, p.day) if p else Anchor()


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclasses.dataclass(frozen=True)
class Hit:
    value: str | None
    type: str = "DATE"
    granularity: str = "day"
    confidence: float = 0.9


Ctx = tuple[str, Anchor]  # (text, anchor)


Handler = Callable[[re.Match[str], str, Anchor], "Hit | None"]


def number_of(word: str) -> int | None:
    w = word.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+", w):
        return int(w)
    if re.fullmatch(r"\d+\.\d+", w):
        return None
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def year_for(month: int, day: int | None, anc: Anchor, tense: Tense) -> tuple[int | None, float]:
    """Year of a year-less date: the nearest of last/this/next year, unless the tense forbids it.

    News talks about nearby dates, so the nearest candidate wins; a past-tense "Nov. 21" that
    would lie months after the anchor is last year's, a future one months before is next year's
    (a small margin because our tense cues are only cues).
    """
    if anc.year is None:
        return None, 0.0
    if anc.month is None:
        return anc.year, 0.6
    ref = (anc.month, anc.day or 15)
    cands = sorted(
        (abs(off), off, y)
        for y in (anc.year - 1, anc.year, anc.year + 1)
        for off in [(y - anc.year) * 372 + (month - ref[0]) * 31 + ((day or 15) - ref[1])]
    )
    _, off, y = cands[0]
    if tense == "past" and off > 62:
        y -= 1
    elif tense == "future" and off < -62:
        y += 1
    return y, 0.8 if anc.day else 0.7


def fmt_day(y: int | None, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"


def fmt_month(y: int | None, m: int) -> str:
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


# A bare month name is a name's first word when what follows it continues a name: "of" and a
# capitalised word ('<Month> of <Name>', an organisation), or, with no determiner before the month,
# a capitalised word that is no month, weekday or number ('said <Month> <Surname>', a person).
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")
_OF_CALENDAR = re.compile(r"\s+of\s+(?:the\s+)?(?:year|month)\b", re.I)  # 'March of the Year' is still the month
_NEXT_CAPITAL = re.compile(r"\s+([A-Z][a-z]+)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|his|her|their|our|every|each)\s+$", re.I)
_CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAYS))


def month_in_a_name(text: str, start: int, end: int) -> bool:
    """The month word begins a name rather than naming a month (see the comment above)."""
    if _OF_NAME.match(text, end):
        return not _OF_CALENDAR.match(text, end)
    nxt = _NEXT_CAPITAL.match(text, end)
    if not nxt or nxt.group(1).lower() in _CALENDAR_WORDS:
        return False
    return not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
