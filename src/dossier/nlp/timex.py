"""Time expressions: find and normalise them TIMEX3-style, relative to an anchor date.

Why hand-written rules: dateparser parses an isolated date string well, but it cannot anchor
relative phrases ("last November", "earlier this month", "late last week" -> None), it knows no
tense (a bare "Tuesday" is the previous Tuesday in a past-tense sentence and the next one after
"will"), and ``search_dates`` hallucinates dates in running text ("we", "the 90-minute" -> 1990).
So recognition and anchoring are regular expressions over the raw text (no spaCy: this runs
before NLP, to date pages), and dateparser is used only to read an explicit date string when our
own parse of it fails. Values follow TIMEX3: 2019-02-16, 2018-11, 1998-W06, 1989-Q3, 199 (the
1990s), PRESENT_REF, P70Y, PT90M; with no anchor a year-less date keeps an "XXXX" year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from typing import Literal

from dossier.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from dossier.model import Span, TimeExpr
from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)

Tense = Literal["past", "future", "none"]

# ---------------------------------------------------------------------------------------------
# vocabulary (generic English)
# ---------------------------------------------------------------------------------------------

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

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|"
    r"hundred|a couple of|a couple|a few|few|several|many|some|an|a)"
)
_REL = r"(?:last|next|this|coming|past|previous|following|current)"
_SPELLED_YEAR = (
    r"(?:nineteen|eighteen)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# anchor arithmetic
# ---------------------------------------------------------------------------------------------


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


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# tense: which way a relative expression points
# ---------------------------------------------------------------------------------------------

_FUTURE_CUES = re.compile(
    r"\b(will|won't|shall|'ll|going to|plans? to|planning to|scheduled|slated|expected to|"
    r"is to|are to|was to|were to|due to|would|upcoming|intends? to|set to|aims? to|hopes? to|"
    r"to be held|to meet|to visit|to hold|to sign|prepare for|preparing for|ahead of|until|"
    r"next(?!\s+(?:to|day|morning|afternoon|evening|night)\b))\b",
    re.I,
)
# Cues that *govern* what follows them in the clause: a plan, a modal or "next" fixes the
# direction of a date after it even when a past verb stands further back ("We instructed our
# ministers to hold the next round ... in February": the February is ahead).
_GOVERNING_FUTURE = re.compile(
    r"\b(will|won't|shall|'ll|going to|plans? to|planning to|scheduled|slated|expected to|is to|"
    r"are to|intends? to|set to|aims? to|upcoming|next)\b",
    re.I,
)
# A past verb of intent or instruction followed by "to" ("agreed to meet", "instructed the
# ministers to hold", "committed to holding") reports a decision whose object lies ahead: the
# verb is past, the event it governs is not.
_INTENT_TO = re.compile(
    r"\b(?:agreed|decided|promised|pledged|vowed|committed|planned|instructed|ordered|asked|urged|"
    r"invited|told|hoped|wanted|intended|arranged|proposed|offered|threatened|called on|"
    r"resolved|undertook)\b(?:\s+[\w'’-]+){0,4}?\s+to\b"
    r"(?!\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|\d))",  # "agreed to the deal": no plan
    re.I,
)
_PAST_CUES = re.compile(
    r"\b(was|were|had|did|said|told|met|ago|earlier|previous|took|held|made|came|went|gave|"
    r"saw|began|won|lost|signed|agreed|failed|announced|reported|rose|fell|\w{3,}ed)\b",
    re.I,
)
_NOT_PAST = {"scheduled", "expected", "planned", "slated", "proposed", "intended", "united",
             "need", "indeed", "speed", "based", "advanced", "red", "bed", "feed"}  # fmt: skip


_REPORTING = {"said", "told", "noted", "added", "stated", "explained", "announced", "reported",
              "stressed", "insisted", "claimed", "argued", "warned", "wrote", "declared"}  # fmt: skip


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text whose verbs may bear on [start, end): its sentence, at most 140 chars
    each way; a semicolon before it starts a new clause ("will issue shares; last Monday, it had")."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start), start - 140, 0)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return lo, min([*hi_candidates, end + 140, len(text)])


_INTENT_REACH = 60  # chars after "agreed to": further on, a date more often dates the agreeing


def _live_intents(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of "agreed ... to" style intents that point ahead of the page's own time.

    Not when the decision is itself set back: "had agreed to", or an explicit year earlier in
    the sentence ("In 1997 they pledged to conclude a treaty by 2000": the plan is relative to
    1997, not to the page).
    """
    sent = max(text.rfind(". ", 0, lo + 1), text.rfind("\n", 0, lo + 1), lo - 400, 0)
    out = []
    for m in _INTENT_TO.finditer(text, lo, hi):
        if re.search(r"\bhad\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue
        if re.search(r"\b(?:1[6-9]\d\d|20\d\d)\b", text[sent : m.start()]):
            continue
        out.append((m.start(), m.end()))
    return out


def _attributive(text: str, start: int) -> bool:
    """ "the 1956 declaration": a date naming a thing, not the time of the clause's event."""
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", text[max(0, start - 8) : start], re.I))


def _adjacent_past_verb(text: str, lo: int, start: int) -> bool:
    """ "said Monday", "met on Tuesday": a past verb right before the date is the event it dates."""
    m = re.search(r"(?:\b(be|been|being)\s+)?\b([\w']+)\s+(?:on\s+)?$", text[max(lo, start - 40) : start], re.I)
    if not m or m.group(1):
        return False  # "will be disclosed this morning": a passive participle, not a past verb
    word = m.group(2).lower()
    return bool(_PAST_CUES.fullmatch(word)) and word not in _NOT_PAST and word not in ("earlier", "previous")


def _participle(text: str, pos: int) -> bool:
    """ "will be disclosed", "is expected": a participle after a present/infinitive "be" is no past."""
    return bool(re.search(r"\b(?:be|been|being|is|are|am)\s+$", text[max(0, pos - 8) : pos], re.I))


def _set_back(text: str, pos: int) -> bool:
    """ "had been scheduled to", "was due to": a plan seen from the past, not from the page."""
    return bool(re.search(r"\b(?:had(?:\s+been)?|was|were)\s+(?:\w+ly\s+)?$", text[max(0, pos - 30) : pos], re.I))


def _governing(text: str, lo: int, start: int) -> Tense | None:
    """The tense fixed by the cue nearest before the expression, if that cue governs it.

    A past verb right before the date dates that event ("said Monday"); a plan, modal, "next"
    or live intent verb with its infinitive governs the date after it, whatever lies further
    back ("We instructed our ministers to hold the next round ... in February").
    """
    if _attributive(text, start):
        return None
    if _adjacent_past_verb(text, lo, start):
        return "past"
    nearest: tuple[int, bool] | None = None  # (end of the cue, is it a governing future cue)
    for m in _GOVERNING_FUTURE.finditer(text, lo, start):
        nearest = max(nearest or (-1, False), (m.end(), not _set_back(text, m.start())))
    intents = _live_intents(text, lo, start)
    for _, i_end in intents:
        if start - i_end <= _INTENT_REACH:
            nearest = max(nearest or (-1, False), (i_end, True))
    for m in _PAST_CUES.finditer(text, lo, start):
        if m.group(0).lower() in _NOT_PAST or _participle(text, m.start()) or any(s <= m.start() < e for s, e in intents):
            continue
        if nearest is None or m.end() > nearest[0]:
            nearest = (m.end(), False)
    return "future" if nearest is not None and nearest[1] else None


def tense_at(text: str, start: int, end: int) -> Tense:
    """Past or future reading of the clause around [start, end), from nearby verb cues.

    Hand-written because no parser runs this early. A plan, modal, "next" or intent verb
    ("agreed to", "instructed ... to") standing nearest before the expression governs it;
    otherwise closer cues weigh more, and "will"/"is to" style cues are strong because news
    prose states plans explicitly. Past intent verbs count for the future: "agreed to meet in
    May" is a plan.
    """
    lo, hi = _sentence_window(text, start, end)
    governed = _governing(text, lo, start)
    if governed is not None:
        return governed
    intents = [] if _attributive(text, start) else _live_intents(text, lo, hi)
    past = future = 0.0
    for m in _FUTURE_CUES.finditer(text, lo, hi):
        if start <= m.start() < end or _set_back(text, m.start()):
            continue  # "had been scheduled to expire Friday": a superseded plan says nothing ahead
        dist = start - m.end() if m.end() <= start else m.start() - end
        future += 1.5 / (1 + max(dist, 0) / 25)
    for m in _PAST_CUES.finditer(text, lo, hi):
        word = m.group(0).lower()
        if start <= m.start() < end or word in _NOT_PAST or _participle(text, m.start()):
            continue
        if m.start() >= end and word in _REPORTING:
            continue  # '"... in February," he noted': the report is past, not what it reports
        dist = start - m.end() if m.end() <= start else m.start() - end
        weight = 1.0 / (1 + max(dist, 0) / 25)
        if any(s <= m.start() < e and 0 <= start - e <= _INTENT_REACH for s, e in intents):
            future += weight  # "agreed to meet in May": a past decision about something ahead
        else:
            past += weight
    if future > past and future > 0.3:
        return "future"
    if past > future and past > 0.3:
        return "past"
    return "none"


# ---------------------------------------------------------------------------------------------
# result of one rule
# ---------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Hit:
    value: str | None
    type: str = "DATE"
    granularity: str = "day"
    confidence: float = 0.9


_Ctx = tuple[str, Anchor]  # (text, anchor)
_Handler = Callable[[re.Match[str], str, Anchor], "_Hit | None"]


def _num(word: str) -> int | None:
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


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year_for(month: int, day: int | None, anc: Anchor, tense: Tense) -> tuple[int | None, float]:
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


def _fmt_day(y: int | None, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"XXXX-{m:02d}-{d:02d}"


def _fmt_month(y: int | None, m: int) -> str:
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


# ---------------------------------------------------------------------------------------------
# handlers (one per pattern family)
# ---------------------------------------------------------------------------------------------


def _h_iso(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return _Hit(_fmt_day(y, mo, d), confidence=0.98) if _safe_date(y, mo, d) else None


def _h_numeric(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mo, d = (a, b) if a <= 12 else (b, a)  # US order first; 27/07/2016 can only be day-first
    if not _safe_date(y, mo, d):
        return None
    return _Hit(_fmt_day(y, mo, d), confidence=0.9 if a > 12 or b > 12 else 0.75)


def _h_mdy(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    y, mo, d = int(m["y"]), _month_num(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    return _Hit(_fmt_day(y, mo, d), confidence=0.97) if _safe_date(y, mo, d) else None


def _h_my(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    return _Hit(_fmt_month(int(m["y"]), _month_num(m["mon"])), granularity="month", confidence=0.95)


def _h_md(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    mo, d = _month_num(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    if not _safe_date(2000, mo, d):
        return None
    y, conf = _year_for(mo, d, anc, tense_at(text, m.start(), m.end()))
    return _Hit(_fmt_day(y, mo, d), confidence=conf or 0.5)


def _h_month(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """A month name with optional modifiers: "last November", "November last year", "in May"."""
    word = m["mon"]
    if word.lower().rstrip(".") == "may" and not m["mod"] and not m["pre"] and not m["yrel"]:
        return None  # the modal verb "May" at a sentence start
    mo = _month_num(word)
    mod = (m["mod"] or "").lower()
    yrel = (m["yrel"] or "").lower()
    y: int | None
    conf = 0.85
    if yrel:
        base = anc.year
        delta = {"last": -1, "next": 1, "this": 0}[yrel.split()[0]]
        y = base + delta if base else None
    elif "last" in mod or "past" in mod:
        if anc.year is None:
            y = None
        elif anc.month is None:
            y = anc.year - 1
        else:
            y = anc.year if mo < anc.month else anc.year - 1
    elif "next" in mod or "coming" in mod:
        if anc.year is None:
            y = None
        elif anc.month is None:
            y = anc.year + 1
        else:
            y = anc.year if mo > anc.month else anc.year + 1
    elif mod == "this":
        y = anc.year
    else:
        y, conf = _year_for(mo, None, anc, tense_at(text, m.start(), m.end()))
    return _Hit(_fmt_month(y, mo), granularity="month", confidence=conf or 0.5)


def _h_year(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    return _Hit(m["y"], granularity="year", confidence=0.85)


def _h_decade(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    if m["full"]:
        return _Hit(m["full"][:3], granularity="decade", confidence=0.9)
    century = "19" if int(m["short"]) >= 20 or anc.year is None or anc.year < 2000 else "20"
    return _Hit(century + m["short"][0], granularity="decade", confidence=0.8)


def _h_century(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    return _Hit(f"{int(m['n']) - 1:02d}", granularity="century", confidence=0.85)


def _h_deictic_day(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    word = m.group(0).lower()
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1}
    off = next(v for k, v in offsets.items() if word.endswith(k))
    d = anc.date
    value = (d + dt.timedelta(days=off)).isoformat() if d else None
    if "night" in word:
        return _Hit(value + "TNI" if value else None, type="TIME", granularity="time")
    return _Hit(value, confidence=0.95 if d else 0.3)


_PRESENT_WORDS = ("now", "currently", "at present", "nowadays", "presently", "the present", "these days")
_FUTURE_WORDS = ("the future", "soon", "the near future", "the near term", "the short term")


def _h_ref(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """Deictic words with no calendar value: PRESENT_REF / FUTURE_REF / PAST_REF."""
    word = re.sub(r"^(?:right|more|most|until|very)\s+", "", m.group(0).lower())
    if word in _PRESENT_WORDS:
        return _Hit("PRESENT_REF", granularity="ref", confidence=0.8)
    if word in _FUTURE_WORDS:
        return _Hit("FUTURE_REF", granularity="ref", confidence=0.7)
    return _Hit("PAST_REF", granularity="ref", confidence=0.7)


def _h_part_of_day(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    d = anc.date
    part = PARTS_OF_DAY[m["part"].casefold()]
    return _Hit(f"{d.isoformat()}T{part}" if d else None, type="TIME", granularity="time")


def _weekday_date(target: int, mod: str, anc: Anchor, tense: Tense) -> dt.date | None:
    d = anc.date
    if d is None:
        return None
    diff = target - d.weekday()
    if mod == "last" or mod == "past":
        return d + dt.timedelta(days=diff - 7 if diff >= 0 else diff)
    if mod in ("next", "coming"):
        return d + dt.timedelta(days=diff + 7 if diff <= 0 else diff)
    if mod == "this":
        return d + dt.timedelta(days=diff)
    if diff == 0:
        return d
    if tense == "future":
        return d + dt.timedelta(days=diff if diff > 0 else diff + 7)
    return d + dt.timedelta(days=diff if diff < 0 else diff - 7)  # news reports the past


def _h_weekday(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    target = WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    day = _weekday_date(target, mod, anc, tense_at(text, m.start(), m.end()))
    part = m["part"]
    if day is None:
        return _Hit(None, granularity="day", confidence=0.3)
    if part:
        return _Hit(f"{day.isoformat()}T{PARTS_OF_DAY[part.casefold()]}", type="TIME", granularity="time")
    return _Hit(day.isoformat(), confidence=0.85)


def _shift(anc: Anchor, unit: str, delta: int) -> tuple[str | None, str]:
    """Anchor's calendar ``unit`` shifted by ``delta`` units: (value, granularity)."""
    unit = unit.lower()
    if unit == "year":
        return (str(anc.year + delta) if anc.year else None), "year"
    if unit == "month":
        if anc.year is None or anc.month is None:
            return None, "month"
        return _fmt_month(*_add_months(anc.year, anc.month, delta)), "month"
    if unit == "quarter":
        if anc.year is None or anc.month is None:
            return None, "quarter"
        y, q = divmod(anc.year * 4 + _quarter(anc.month) - 1 + delta, 4)
        return f"{y}-Q{q + 1}", "quarter"
    if unit in ("week", "weekend"):
        d = anc.date
        if d is None:
            return None, "week"
        wk = _iso_week(d + dt.timedelta(weeks=delta))
        return (wk + "-WE" if unit == "weekend" else wk), "week"
    if unit == "day":
        d = anc.date
        return ((d + dt.timedelta(days=delta)).isoformat() if d else None), "day"
    if unit == "decade":
        return (str((anc.year // 10) + delta)[:3] if anc.year else None), "decade"
    if unit == "century":
        return (f"{anc.year // 100 + delta:02d}" if anc.year else None), "century"
    return None, unit


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_NARRATIVE_DATE = re.compile(
    rf"\b(?P<mon>{_MONTH})(?:\s+{_DAY})?(?:,?\s+(?P<y>{_YEAR}))?\b|(?<![\d$.,])(?P<y2>{_YEAR})\b(?![\d%]|,\d)"
)


def _season_value(code: str, rel: str, anc: Anchor) -> str | None:
    """ "this past spring" = the latest spring begun before the anchor, "this coming winter" the
    first one after it; "last/next summer" are the previous/next year's (TimeBank's reading)."""
    if anc.year is None:
        return None
    back, ahead = ("last", "past", "previous", "this past"), ("next", "coming", "this coming", "following")
    step = -1 if rel in back else 1 if rel in ahead else 0
    if anc.month is None or not rel.startswith("this "):
        return f"{anc.year + step}-{code}"  # TimeBank: "last spring" in October is last year's
    start = _SEASON_START[code]
    if step < 0:
        y = anc.year if start < anc.month else anc.year - 1
    else:
        y = anc.year if start > anc.month else anc.year + 1
    return f"{y}-{code}"


def _narrative_anchor(text: str, pos: int, anc: Anchor) -> Anchor | None:
    """The last explicit date named before ``pos`` ("On May 22, 1995, ... the following year"):
    "the following/previous year" counts from the story's time, not from the page's."""
    last = None
    for last in _NARRATIVE_DATE.finditer(text, max(0, pos - 600), pos):
        pass
    if last is None:
        return None
    y = last["y"] or last["y2"]
    if last["mon"] and last["mon"].lower().rstrip(".") == "may" and not y:
        return None  # the modal verb
    year = int(y) if y else anc.year
    if year is None:
        return None
    return Anchor(year, _month_num(last["mon"]) if last["mon"] else None)


def _h_relative_unit(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """"last week", "this month", "next year", "earlier this month", "late last week"."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    if unit in SEASONS:
        value = _season_value(SEASONS[unit], rel, anc)
        return _Hit(value, granularity="season", confidence=0.8 if value else 0.3)
    delta = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1,
             "this coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    if rel in ("following", "previous") and unit in ("year", "month") and m.group(0).lower().startswith("the"):
        story = _narrative_anchor(text, m.start(), anc)
        if story is not None and (unit == "year" or story.month is not None):
            value, gran = _shift(story, unit, delta)
            return _Hit(value, granularity=gran, confidence=0.6 if value else 0.3)
    value, gran = _shift(anc, unit, delta)
    return _Hit(value, granularity=gran, confidence=0.9 if value else 0.3)


def _h_the_unit(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """"the end of the year", "the year", "year-end": the anchor's own year/month/week."""
    unit = m["unit"].lower()
    if unit == "year" and m.group(0).lower() == "the year" and _year_ended(text, m.end()):
        return _Hit("P1Y", type="DURATION", granularity="duration", confidence=0.7)
    value, gran = _shift(anc, unit, 0)
    return _Hit(value, granularity=gran, confidence=0.7 if value else 0.3)


def _h_end_of_year(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    return _Hit(m["y"], granularity="year", confidence=0.9)


def _h_ago(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """"two years ago", "a month earlier": the anchor moved back (TimeBank keeps day precision
    for "a year ago" and days, month precision for months, year precision for N >= 2 years)."""
    n = _num(m["n"])
    unit = m["unit"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
    if n is None:
        return _Hit("PAST_REF" if sign < 0 else "FUTURE_REF", granularity="ref", confidence=0.5)
    d = anc.date
    if unit == "year" and n == 1 and sign < 0 and _about_quarters(text, m.start(), m.end()):
        return _year_ago_quarter(anc)
    if unit == "year" and n == 1 and m["dir"].lower() in ("earlier", "before") and anc.year:
        return _Hit(str(anc.year - 1), granularity="year", confidence=0.7)
    if unit == "month":
        if anc.year is None or anc.month is None:
            return _Hit(None, granularity="month")
        return _Hit(_fmt_month(*_add_months(anc.year, anc.month, sign * n)), granularity="month")
    if unit == "year" and n >= 2 and anc.year:
        # "five years ago" is vague to the day; TimeBank (and readers) take the year: 1984
        return _Hit(str(anc.year + sign * n), granularity="year", confidence=0.8)
    if unit == "year":
        if d is not None:
            nd = _safe_date(d.year + sign * n, d.month, d.day) or _safe_date(d.year + sign * n, d.month, 28)
            return _Hit(nd.isoformat() if nd else None)
        return _Hit(str(anc.year + sign * n) if anc.year else None, granularity="year")
    days = {"day": 1, "week": 7}.get(unit)
    if days and d is not None:
        return _Hit((d + dt.timedelta(days=sign * n * days)).isoformat())
    if unit == "decade" and anc.year:
        return _Hit(str(anc.year + sign * 10 * n), granularity="year")
    return _Hit(None, granularity=unit)


def _about_quarters(text: str, start: int, end: int) -> bool:
    """Financial prose compares quarters: "a year ago" there means the year-earlier quarter."""
    lo = max(0, start - 250)
    return "quarter" in text[lo : end + 80].lower()


def _year_ago_quarter(anc: Anchor) -> _Hit:
    if anc.year is None or anc.month is None:
        return _Hit(None, granularity="quarter")
    y, q = divmod(anc.year * 4 + _quarter(anc.month) - 1 - 5, 4)
    return _Hit(f"{y}-Q{q + 1}", granularity="quarter", confidence=0.6)


def _h_year_earlier(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """Adjectives "year-earlier" / "year-ago": the same period one year back."""
    if _about_quarters(text, m.start(), m.end()):
        return _year_ago_quarter(anc)
    return _Hit(str(anc.year - 1) if anc.year else None, granularity="year", confidence=0.6)


def _h_spelled_year(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """Transcribed speech: "nineteen ninety-six" -> 1996."""
    y = _spelled_year_value(m.group(0))
    return _Hit(str(y), granularity="year", confidence=0.8) if y else None


def _spelled_year_value(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996 (None when the tail is not a two-digit number)."""
    head, _, rest = words.lower().replace("-", " ").partition(" ")
    tail = _num(rest) if rest else 0
    if tail is None or tail >= 100 or head not in ("nineteen", "eighteen"):
        return None
    return {"nineteen": 1900, "eighteen": 1800}[head] + tail


def _h_period_of_year(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """ "the winter of 1994", "January nineteen ninety-seven": a season or month of a named year."""
    y = int(m["y"]) if m["y"] else _spelled_year_value(m["sy"])
    if y is None:
        return None
    if m["season"]:
        return _Hit(f"{y}-{SEASONS[m['season'].casefold()]}", granularity="season", confidence=0.9)
    return _Hit(_fmt_month(y, _month_num(m["mon"])), granularity="month", confidence=0.9)


def _h_decade_word(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """ "the nineties" -> 199: spoken decades are this century's past ones (19xx before 2000)."""
    digit = _DECADE_WORDS[m["dec"].casefold()]
    century = 19 if anc.year is None or anc.year < 2000 + digit * 10 else 20
    return _Hit(f"{century}{digit}", granularity="decade", confidence=0.7)


def _h_each_named(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """ "each July", "every Thursday": a recurring month or weekday (TIMEX3 SET XXXX-07, XXXX-WXX-4)."""
    if m["mon"]:
        return _Hit(f"XXXX-{_month_num(m['mon']):02d}", type="SET", granularity="set", confidence=0.8)
    return _Hit(f"XXXX-WXX-{WEEKDAYS.index(m['wd'].lower()) + 1}", type="SET", granularity="set", confidence=0.8)


def _h_weekend(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """"the weekend": the coming one in future prose or late in the week, else the last one."""
    d = anc.date
    if d is None:
        return _Hit(None, granularity="week")
    ahead = tense_at(text, m.start(), m.end()) == "future" or d.weekday() >= 4
    base = d if ahead else d - dt.timedelta(days=7)
    return _Hit(_iso_week(base) + "-WE", granularity="week", confidence=0.7)


def _h_season(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """A bare season is this year's (TIMEX3 YYYY-SU)."""
    if anc.year is None:
        return _Hit(None, granularity="season")
    return _Hit(f"{anc.year}-{SEASONS[m['unit'].casefold()]}", granularity="season", confidence=0.6)


def _year_ended(text: str, end: int) -> bool:
    return bool(re.match(r"\s+(?:ended|ending)\b", text[end : end + 10]))


def _h_this_year_word(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """ "the current year" is the anchor's year; "the (fiscal) year ended June 30" is a twelve-month
    period ending on that date (TimeBank marks it P1Y), not the anchor's calendar year."""
    if _year_ended(text, m.end()):
        return _Hit("P1Y", type="DURATION", granularity="duration", confidence=0.7)
    return _Hit(str(anc.year) if anc.year else None, granularity="year", confidence=0.7)


def _h_quarter(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """Fiscal quarters ("third-quarter", "the fourth quarter of 1989", "the latest quarter")."""
    which = (m["which"] or "").lower()
    year_word = (m["qy"] or "").lower()
    if year_word.isdigit():
        y = int(year_word)
    elif "last" in year_word:
        y = anc.year - 1 if anc.year else None
    elif "next" in year_word:
        y = anc.year + 1 if anc.year else None
    else:
        y = anc.year
    if which in ORDINALS:
        q = ORDINALS[which]
        if not year_word and anc.year and anc.month and q > _quarter(anc.month):
            # a past-tense report of "the fourth quarter" in March is last year's
            if tense_at(text, m.start(), m.end()) != "future":
                y = anc.year - 1
        return _Hit(f"{y}-Q{q}" if y else None, granularity="quarter", confidence=0.85)
    if anc.year is None or anc.month is None:
        return _Hit(None, granularity="quarter")
    cur = anc.year * 4 + _quarter(anc.month) - 1
    if which in ("year-earlier", "year-ago", "year earlier", "year ago"):
        cur -= 5
    elif which in ("next", "coming", "following"):
        cur += 1
    elif which in ("current", "this"):
        pass
    else:  # "the quarter", "the latest quarter", "last quarter": the last reported one
        cur -= 1
    y2, q2 = divmod(cur, 4)
    return _Hit(f"{y2}-Q{q2 + 1}", granularity="quarter", confidence=0.7)


def _last_reported_quarter(anc: Anchor) -> tuple[int, int] | None:
    """(year, quarter) of the quarter a results story reports: the one before the anchor's."""
    if anc.year is None or anc.month is None:
        return None
    y, q = divmod(anc.year * 4 + _quarter(anc.month) - 2, 4)
    return y, q + 1


def _h_quarter_of_year(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """A quarter tied to a year: "the 1988 second quarter", "last year's quarter", "the
    year-ago third quarter", "the corresponding period last year", "the quarter a year ago".

    Why: financial news compares a quarter with the same quarter a year back; the year word
    moves the year, the ordinal (or, without one, the quarter being reported) gives the quarter.
    """
    reported = _last_reported_quarter(anc)
    q = ORDINALS.get((m["ord"] or "").lower()) or (reported[1] if reported else None)
    rel = (m["rel"] or m["rel2"] or "").lower()
    if m["y"]:
        y: int | None = int(m["y"])
    elif rel in ("this", "next", "last"):
        y = anc.year + {"this": 0, "next": 1, "last": -1}[rel] if anc.year else None
    else:  # year-ago, year-earlier, a year ago: the reported quarter's year, one back
        y = (reported[0] if reported and not m["ord"] else anc.year) if anc.year else None
        y = y - 1 if y else None
    if y is None or q is None:
        return _Hit(None, granularity="quarter")
    return _Hit(f"{y}-Q{q}", granularity="quarter", confidence=0.8)


def _h_half(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """ "the first half of 1990", "the second half" -> 1990-H1 / this year's H2 (TIMEX3 halves)."""
    half = 1 if m["which"].lower() == "first" else 2
    yw = (m["y"] or "").lower()
    if yw.isdigit():
        y: int | None = int(yw)
    elif anc.year is None:
        y = None
    else:
        y = anc.year + (-1 if yw.startswith("last") else 1 if yw.startswith("next") else 0)
    return _Hit(f"{y}-H{half}" if y else None, granularity="half", confidence=0.8)


def _h_fiscal(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    return _Hit(m["y"], granularity="year", confidence=0.8)


def _duration_value(n: int | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    if unit.startswith("centur"):
        unit = "century"
    code = UNIT_CODES.get(unit, "X")
    amount = "X" if n is None else str(n)
    if unit == "quarter" and n is not None:
        return f"P{n * 3}M"
    if unit in ("second", "minute", "hour"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*|million|billion|thousand|hundred|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s+[a-z]+)?\s+$",
    re.I,
)


def _after_amount(text: str, start: int) -> bool:
    """ "$500 million a year", "700 seats a week": an amount right before "a <unit>"."""
    return bool(_AMOUNT_BEFORE.search(text[max(0, start - 30) : start]))


def _h_duration(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    """"90-minute", "70 years", "two-day", "the past two months", "several years"."""
    raw = m["n"]
    if m["unit"].lower().startswith("quarter") and (raw.lower() in ("a", "an") or text[m.end("n")] == "-"):
        return None  # "a quarter of", "about three-quarters": fractions, not periods
    if raw.lower() in ("a", "an") and m.start() == m.start("n") and _after_amount(text, m.start()):
        return None  # "$1.76 a year", "four flights a week": a rate, not a period of time
    n = _num(raw) if raw else None
    if raw and n is None and re.fullmatch(r"\d+\.\d+", raw):
        return None
    return _Hit(_duration_value(n, m["unit"]), type="DURATION", granularity="duration", confidence=0.85)


def _h_set(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    word = m.group(0).lower()
    for adverb, unit in (("annual", "year"), ("yearly", "year"), ("daily", "day"),
                         ("weekly", "week"), ("monthly", "month"), ("quarterly", "quarter")):  # fmt: skip
        if word.startswith(adverb):
            return _Hit(_duration_value(1, unit), type="SET", granularity="set", confidence=0.7)
    unit = m["unit"] or m["u2"] or "year"
    n = _num(m["n"]) if m["n"] else 1
    return _Hit(_duration_value(n, unit), type="SET", granularity="set", confidence=0.85)


def _h_clock(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    d = anc.date
    hhmm = f"T{h:02d}:{mi:02d}"
    return _Hit((d.isoformat() if d else "XXXX-XX-XX") + hhmm, type="TIME", granularity="time")


def _h_noon(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    d = anc.date
    suffix = "T12:00" if m.group(0).lower() == "noon" else "T24:00"
    return _Hit(d.isoformat() + suffix if d else None, type="TIME", granularity="time")


# ---------------------------------------------------------------------------------------------
# the rule table: (name, pattern, handler); overlaps go to the longest match
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_PRE = r"(?:(?P<pre>in|since|until|by|through|during|of|from|before|after|on|early|late|mid|end of)[- ])?"
_RULES: list[tuple[str, re.Pattern[str], _Handler]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _h_iso),
    ("numeric", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"), _h_numeric),
    ("month_day_year", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})(?:\s*-\s*{_DAY})?,?\s+(?P<y>{_YEAR})\b"), _h_mdy),
    ("day_month_year", re.compile(rf"\b(?P<d>{_DAY})(?:\s*-\s*{_DAY})?\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"), _h_mdy),
    ("month_year", re.compile(rf"\b(?:(?i:early|late|mid|the end of|the beginning of)[- ])?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b"), _h_my),
    ("month_day", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:\s*-\s*{_DAY}\b)?"), _h_md),
    ("day_month", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?!\w)"), _h_md),
    ("month", re.compile(
        rf"(?:\b(?P<mod>(?i:this past|this coming|last|next|this|past|coming|early|late|mid|earlier in|later in|"
        rf"the end of|the beginning of|the middle of|the start of))[- ]|"
        rf"\b(?P<pre>(?i:in|since|until|by|through|during|from|before|after|of))\s+)?"
        rf"\b(?P<mon>{_MONTH})(?!\w)(?:\s+(?P<yrel>(?i:last|this|next) year))?"), _h_month),
    ("decade", re.compile(r"\b(?i:the\s+)?(?:(?i:early|late|mid)[- ])?(?:(?P<full>1[0-9]\d0|20[0-9]0)'?s|'(?P<short>\d0)s)\b"), _h_decade),
    ("century", re.compile(r"\b(?i:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b"), _h_century),
    ("end_of_year", re.compile(rf"\b(?i:the\s+(?:end|beginning|start|middle) of|early|late|mid)[- ](?P<y>{_YEAR})\b"), _h_end_of_year),
    ("fiscal", re.compile(rf"\b(?i:fiscal(?:\s+year)?)\s+(?P<y>{_YEAR})\b"), _h_fiscal),
    ("year", re.compile(rf"(?<![\d,.$£€#-])(?P<y>{_YEAR})(?!\d|[,.]\d|\s*(?:%|percent))(?!-(?:year|month|day|week))"), _h_year),
    ("deictic_day", re.compile(r"\b(?i:(?:late |early |later |earlier )?(?:yesterday|today|tomorrow|tonight)|last night)\b"), _h_deictic_day),
    ("ref", re.compile(r"\b(?i:(?:right )?now|currently|at present|nowadays|presently|(?:more |most |until |very )?recently|"
                       r"the past|the future|lately|these days|the near future|the near term|the short term|(?<!as )soon(?! after))\b(?![- ](?:\d|year|month|week|day|decade|centur|quarter|few|several|two|three|four|five|six|seven|eight|nine|ten))"), _h_ref),
    ("part_of_day", re.compile(r"\b(?i:this|early this|late this|later this)\s+(?P<part>(?i:morning|afternoon|evening))\b"), _h_part_of_day),
    ("weekday", re.compile(
        rf"\b(?:(?P<mod>(?i:last|next|this|past|coming))\s+|(?i:early|late|earlier|later)\s+)?(?P<wd>{_WEEKDAY})(?:'s)?"
        rf"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"), _h_weekday),
    ("relative_unit", re.compile(
        rf"\b(?:(?i:earlier|later|early|late|the end of|the beginning of|the start of|the rest of|the middle of)\s+|"
        rf"(?i:the)\s+(?=(?i:past|last|previous|following|next)\s))?"  # "the past year": TimeBank keeps "the"
        rf"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past|previous|following|current))\s+"
        rf"(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|spring|summer|autumn|fall|winter))\b"
        rf"(?!\s*'s\s+\w+\s+quarter)"), _h_relative_unit),
    ("the_unit", re.compile(
        r"\b(?i:(?:the\s+)?(?:end|beginning|start|middle|rest) of the|the)\s+(?P<unit>(?i:year|month|week))\b"
        r"(?!\s*(?:-|ago|earlier|before|later|after|'s|\d))|(?P<ye>\b(?i:year-end|year end))"), None),
    ("ago", re.compile(
        rf"\b(?:(?i:about|nearly|almost|some|more than|over|just|only)\s+)?(?P<n>{_NUMW}|(?i:several|few|many))"
        rf"[- ](?P<unit>(?i:{_UNIT})s?)\s+(?P<dir>(?i:ago|earlier|before|later|from now|hence))\b", _I), _h_ago),
    ("quarter_of_year", re.compile(
        r"\b(?i:the\s+)?(?:(?i:comparable|corresponding|same)\s+)?"
        r"(?:(?P<y>(?:19|20)\d\d)|(?P<rel>(?i:this|last|next)) year's|(?i:year-ago|year-earlier|year ago|year earlier))\s+"
        r"(?:(?i:fiscal|calendar)[- ])?(?:(?P<ord>(?i:first|second|third|fourth))[- ])?(?i:quarter|period)(?!-)\b"
        r"|\b(?i:the\s+)(?:(?i:comparable|corresponding|same)\s+)?(?i:quarter|period)\s+(?:(?i:of\s+)?(?P<rel2>(?i:last)) year|(?i:a year (?:ago|earlier)))\b"), _h_quarter_of_year),
    ("half", re.compile(
        r"\b(?i:the\s+)(?P<which>(?i:first|second|last|latter))\s+(?i:half)"
        r"(?:\s+(?i:of)\s+(?P<y>(?:19|20)\d\d|(?i:this|last|next) year|(?i:the year)))?(?!\s+(?:of\s+)?(?:the\s+)?'?\d0s)\b"), _h_half),
    ("quarter", re.compile(
        r"\b(?i:the\s+)?(?:(?i:company's|fiscal|same)\s+)?(?:(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|"
        r"current|this|next|coming|following|year-earlier|year-ago|year earlier|year ago|recent))[- ])?"
        r"(?:(?i:fiscal|calendar)\s+)?(?i:quarter(?!ly)|(?<=latest )period|(?<=year-earlier )period|(?<=year-ago )period)(?:\s+(?i:of|in)\s+(?P<qy>\d{4}|(?i:this|last|next) year|fiscal \d{4}))?\b"), _h_quarter),
    ("duration", re.compile(
        rf"\b(?:(?i:the\s+)?(?i:past|last|next|first|previous|coming|following|latest|final|recent)\s+|"
        rf"(?i:the)\s+(?=[^\s-]+\s))?"  # "the nine months" (TimeBank spans keep "the"), not "the 90-minute talks"
        rf"(?:(?i:about|nearly|almost|more than|over|at least|up to|some|another)\s+)?"
        rf"(?P<n>{_NUMW})[- ](?P<unit>(?i:{_UNIT})s?)\b(?:[- ](?i:long))?(?![- ]old)", _I), _h_duration),
    ("vague_duration", re.compile(
        rf"\b(?:(?i:the\s+)?(?i:past|last|recent|coming|next)\s+)?(?P<n>)(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours))\b"
        rf"(?!\s*(?:ago|earlier|later|old))"), None),
    ("set", re.compile(
        rf"\b(?:(?i:every|each|per)\s+(?:(?P<n>{_NUMW})\s+)?(?P<unit>(?i:{_UNIT}))s?|"
        r"(?i:once|twice|three times) (?i:a|per|every) (?P<u2>(?i:day|week|month|year)))\b"), _h_set),
    ("year_earlier", re.compile(r"\b(?i:year-earlier|year-ago|year earlier)\b"), _h_year_earlier),
    ("spelled_year", re.compile(r"\b(?P<c>(?i:nineteen|eighteen))[- ](?P<rest>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b"), _h_spelled_year),
    ("weekend", re.compile(r"\b(?i:the|this) (?i:weekend)\b"), _h_weekend),
    ("this_year_word", re.compile(r"\b(?i:the (?:current |full |latest |)(?:fiscal |calendar )?year(?=\s*(?:'s|,|\.|\bto\b|\bended\b|\bending\b))|year's end)"), _h_this_year_word),
    ("period_of_year", re.compile(
        rf"\b(?:(?i:the)\s+)?(?:(?i:early|late|mid)[- ])?(?:(?P<season>(?i:summer|winter|spring|autumn|fall))\s+(?i:of)|(?P<mon>{_MONTH})(?:\s+(?i:of))?)"
        rf"\s+(?:(?P<y>{_YEAR})\b|(?P<sy>(?i:{_SPELLED_YEAR}))\b)"), _h_period_of_year),
    ("decade_word", re.compile(r"\b(?i:the)\s+(?:(?i:early|late|mid)[- ])?(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"), _h_decade_word),
    ("each_named", re.compile(rf"\b(?i:each|every)\s+(?:(?P<mon>{_MONTH})|(?P<wd>{_WEEKDAY}))(?!\w)"), _h_each_named),
    ("season", re.compile(r"\b(?:(?i:the|this)\s+)?(?:(?i:early|late|mid)[- ])?(?P<unit>(?i:summer|winter|spring|autumn))\b"), _h_season),
    ("clock", re.compile(r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ampm>[ap]\.m\.|[AP]M\b|[ap]m\b)", _I), _h_clock),
    ("noon", re.compile(r"\b(?i:noon|midnight)\b"), _h_noon),
]  # fmt: skip


def _h_the_unit_dispatch(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    if m["ye"]:
        return _Hit(str(anc.year) if anc.year else None, granularity="year", confidence=0.7)
    return _h_the_unit(m, text, anc)


def _h_vague(m: re.Match[str], text: str, anc: Anchor) -> _Hit | None:
    # bare plural units only count with a modifier ("recent years", "the past months"), or as
    # "for years" / "in years": elsewhere they are too often figures of speech
    before = text[max(0, m.start() - 6) : m.start()].lower()
    if m.group(0).lower() == m["unit"].lower() and not re.search(r"\b(for|in|over)\s+$", before):
        return None
    return _Hit(_duration_value(None, m["unit"]), type="DURATION", granularity="duration", confidence=0.6)


_HANDLERS: dict[str, _Handler] = {"the_unit": _h_the_unit_dispatch, "vague_duration": _h_vague}
_PRIORITY = {name: i for i, (name, _, _) in enumerate(_RULES)}


# Speed only: words one of which a rule's match must contain (lower case; checked in the lower-cased
# text), or a case-sensitive pattern that must occur in the text. A rule whose needs are absent
# from a text cannot match there and is not run. Rules left out are run on every text.
_MONTH_WORDS = MONTH_ABBREVIATIONS
_ANY_MONTH = re.compile(_MONTH)
_NEEDS: dict[str, tuple[str, ...] | re.Pattern[str]] = {
    "iso": ("-",), "numeric": ("/",),
    "month_day_year": _ANY_MONTH, "day_month_year": _ANY_MONTH, "month_year": _ANY_MONTH,
    "month_day": _ANY_MONTH, "day_month": _ANY_MONTH, "month": _ANY_MONTH,
    "weekday": re.compile(_WEEKDAY),
    "decade": ("0s", "0's"), "century": ("century",), "fiscal": ("fiscal",),
    "deictic_day": ("yesterday", "today", "tomorrow", "tonight", "last night"),
    "part_of_day": ("morning", "afternoon", "evening"),
    "ago": ("ago", "earlier", "before", "later", "from now", "hence"),
    "quarter_of_year": ("quarter", "period"), "quarter": ("quarter", "period"), "half": ("half",),
    "set": ("every", "each", "per", "once", "twice", "three times"),
    "year_earlier": ("year-earlier", "year-ago", "year earlier"), "spelled_year": ("nineteen", "eighteen"),
    "weekend": ("weekend",),
    "period_of_year": ("summer", "winter", "spring", "autumn", "fall", *_MONTH_WORDS),
    "decade_word": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    "each_named": ("each", "every"), "season": ("summer", "winter", "spring", "autumn"),
    "noon": ("noon", "midnight"), "clock": ("a.m.", "p.m.", "am", "pm"),
}  # fmt: skip
# Letters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (dotted/dotless i, long s, Kelvin sign): with one of them in the text the word check is skipped.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def _runnable_rules(text: str) -> list[tuple[str, re.Pattern[str], _Handler | None]]:
    """The rules that can match somewhere in ``text`` (a cheap necessary-condition check)."""
    if any(ch in text for ch in _FOLD_ODD):
        return _RULES
    low = text.lower()
    out = []
    for rule in _RULES:
        need = _NEEDS.get(rule[0])
        if need is None or (need.search(text) is not None if isinstance(need, re.Pattern) else any(w in low for w in need)):
            out.append(rule)
    return out


def _candidates(text: str, anc: Anchor) -> list[tuple[int, int, str, _Hit]]:
    out = []
    for name, pattern, handler in _runnable_rules(text):
        fn = handler or _HANDLERS[name]
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            hit = fn(m, text, anc)
            start, end = _strip_span(text, m.start(), m.end())
            if hit is not None and end > start:
                out.append((start, end, name, hit))
    return out


def _select(cands: list[tuple[int, int, str, _Hit]]) -> list[tuple[int, int, str, _Hit]]:
    """Non-overlapping matches, longest first (then the more specific rule), in text order."""
    chosen: list[tuple[int, int, str, _Hit]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0])):
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _merge_clock_dates(chosen: list[tuple[int, int, str, _Hit]], text: str) -> list[tuple[int, int, str, _Hit]]:
    """"10 p.m. Wednesday", "noon Thursday": one TIME on the named day, as TIMEX3 marks it;
    "Friday, Oct. 13": one DATE with the explicit date's value."""
    out: list[tuple[int, int, str, _Hit]] = []
    for c in chosen:
        if out and out[-1][2] == "weekday" and c[2] in ("month_day", "month_day_year", "day_month", "day_month_year") \
                and re.fullmatch(r",?\s", text[out[-1][1] : c[0]]):  # fmt: skip
            prev = out.pop()  # "Friday Oct. 13", "Saturday, April 25": one date, the explicit one
            out.append((prev[0], c[1], c[2], c[3]))
            continue
        if out and out[-1][2] in ("clock", "noon") and c[2] in ("weekday", "month_day", "month_day_year") \
                and re.fullmatch(r"\s*(?:[A-Z]{3}\s*)?,?\s*", text[out[-1][1] : c[0]]):  # fmt: skip
            prev = out.pop()
            clock = prev[3].value[10:] if prev[3].value else ""
            value = (c[3].value + clock) if c[3].value and len(c[3].value) == 10 and clock else None
            out.append((prev[0], c[1], prev[2], _Hit(value, type="TIME", granularity="time")))
            continue
        out.append(c)
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing "'s" or punctuation and leading prepositions the patterns may include."""
    s = text[start:end]
    m = re.match(r"(?i)(?:in|since|until|by|through|during|from|before|after|of|on)\s+", s)
    if m and not re.match(r"(?i)(?:in|on) the", s):
        start += m.end()
    s = text[start:end]
    if s.endswith("'s"):
        end -= 2
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def find_times(text: str, anchor: str | None, doc_id: str = "") -> list[TimeExpr]:
    """All time expressions in ``text``, normalised against ``anchor`` (ISO date or None)."""
    anc = parse_anchor(anchor)
    out = []
    for start, end, rule, hit in _merge_clock_dates(_select(_candidates(text, anc)), text):
        value = hit.value
        if value is None and rule in ("iso", "numeric", "month_day_year", "day_month_year"):
            value = _dateparser_fallback(text[start:end])
        out.append(
            TimeExpr(
                span=Span(doc_id, start, end),
                text=text[start:end],
                value=value,
                type=hit.type,  # type: ignore[arg-type]
                granularity=hit.granularity,
                anchor=anchor,
                confidence=hit.confidence if value is not None else min(hit.confidence, 0.3),
                rule=rule,
            )
        )
    return out


def _dateparser_fallback(s: str) -> str | None:
    """An explicit date string our patterns matched but could not read: let dateparser try."""
    import dateparser  # imported lazily: it costs ~0.5 s and is rarely needed

    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def renormalize(times: Sequence[TimeExpr], text: str, anchor: str | None) -> list[TimeExpr]:
    """Re-resolve ``times`` against a new document date (after re-dating a page).

    Spans are kept; values, anchor and confidence are recomputed by the same rules, so explicit
    dates stay as they were and relative ones ("last November") move with the anchor.
    """
    if not times:
        return []
    anc = parse_anchor(anchor)
    found = {(t.span.start, t.span.end): t for t in find_times(text, anchor)}
    fresh = {(s, e): (rule, hit) for s, e, rule, hit in _candidates(text, anc)}
    out = []
    for t in times:
        same = found.get((t.span.start, t.span.end))
        if same is not None and same.rule == t.rule:  # merged spans ("10 p.m. Wednesday") too
            out.append(dataclasses.replace(t, value=same.value, anchor=anchor, granularity=same.granularity,
                                           confidence=same.confidence))  # fmt: skip
            continue
        got = fresh.get((t.span.start, t.span.end))
        if got is None or got[0] != t.rule:
            got = next(((r, h) for (s, e), (r, h) in fresh.items()
                        if r == t.rule and s <= t.span.start and t.span.end <= e), None)  # fmt: skip
        if got is None:
            out.append(dataclasses.replace(t, anchor=anchor))
            continue
        hit = got[1]
        out.append(dataclasses.replace(t, value=hit.value, anchor=anchor, granularity=hit.granularity,
                                       confidence=hit.confidence if hit.value else min(hit.confidence, 0.3)))
    return out
