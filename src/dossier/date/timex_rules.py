"""Time expressions, the handlers: one function per pattern family of the rule table (``timex``)
turns a match into a TIMEX3 value relative to the anchor date (or None when it names no time).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from dossier.lang.en import WEEKDAYS
from dossier.date.timex_tense import fronted_futurate, futurate_present, sentence_start as _sentence_start, tense_at
from dossier.date.timex_vocab import (
    add_months, Anchor, DAY_RE, DECADE_WORDS, fmt_day, fmt_month, Hit, iso_week, month_in_a_name, month_num, MONTH_RE,
    number_of, ORDINALS, PARTS_OF_DAY, quarter_of, safe_date, SEASONS, Tense, UNIT_CODES, year_for, YEAR_RE,
)

logger = logging.getLogger(__name__)


def h_iso(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return Hit(fmt_day(y, mo, d), confidence=0.98) if safe_date(y, mo, d) else None


def h_numeric(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mo, d = (a, b) if a <= 12 else (b, a)  # US order first; 27/07/2016 can only be day-first
    if not safe_date(y, mo, d):
        return None
    return Hit(fmt_day(y, mo, d), confidence=0.9 if a > 12 or b > 12 else 0.75)


def h_mdy(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    y, mo, d = int(m["y"]), month_num(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    return Hit(fmt_day(y, mo, d), confidence=0.97) if safe_date(y, mo, d) else None


def h_my(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    return Hit(fmt_month(int(m["y"]), month_num(m["mon"])), granularity="month", confidence=0.95)


def h_md(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    mo, d = month_num(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    if not safe_date(2000, mo, d):
        return None
    y, conf = year_for(mo, d, anc, _since_or_tense(text, m.start(), m.end()))
    return Hit(fmt_day(y, mo, d), confidence=conf or 0.5)


def _since_or_tense(text: str, start: int, end: int) -> Tense:
    """ "since March": a starting point is behind the speaker, whatever the clause's tense
    ("which has been on patrol since March and was scheduled to return"); else the clause's tense."""
    if re.search(r"\bsince\s+(?:(?:early|late|mid)[- ])?$", text[max(0, start - 16) : start], re.I) or \
            re.match(r"(?i)since\b", text[start:end]):  # fmt: skip
        return "past"
    return tense_at(text, start, end)


def h_month(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """A month name with optional modifiers: "last November", "November last year", "in May"."""
    word = m["mon"]
    if word.lower().rstrip(".") == "may" and not m["mod"] and not m["pre"] and not m["yrel"] \
            and not re.search(r"\b(?:a|an|the|this|that|its|his|her|their|our)\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
        return None  # the modal verb "May" at a sentence start; "a May interview" is the month
    if not m["mod"] and not m["pre"] and not m["yrel"] and month_in_a_name(text, m.start(), m.end()):
        return None
    mo = month_num(word)
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
    elif (told := _narrated_month(text, m.start())) is not None:
        y = told[0] if mo >= told[1] else told[0] + 1  # "took office in January 2017, ran in November"
    else:
        y, conf = year_for(mo, None, anc, _since_or_tense(text, m.start(), m.end()))
    return Hit(fmt_month(y, mo), granularity="month", confidence=conf or 0.5)


_MONTH_YEAR = re.compile(rf"\b(?P<mon>{MONTH_RE})(?:\s+\d{{1,2}})?,?\s+(?P<y>{YEAR_RE})\b")


def _narrated_month(text: str, start: int) -> tuple[int, int] | None:
    """(year, month) of a month and year told earlier in the same sentence: a narrative moves on
    from it, so a year-less month after it is that month or the next one of that name, not the
    page's ("would assume office in January 2017, run in a special election in November")."""
    lo = _sentence_start(text, start)
    last = None
    for m in _MONTH_YEAR.finditer(text, lo, start):
        last = m
    if last is None:
        return None
    return int(last["y"]), month_num(last["mon"])


def h_year(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    return Hit(m["y"], granularity="year", confidence=0.85)


def h_decade(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    if m["full"]:
        return Hit(m["full"][:3], granularity="decade", confidence=0.9)
    century = "19" if int(m["short"]) >= 20 or anc.year is None or anc.year < 2000 else "20"
    return Hit(century + m["short"][0], granularity="decade", confidence=0.8)


def h_century(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    return Hit(f"{int(m['n']) - 1:02d}", granularity="century", confidence=0.85)


def h_deictic_day(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    word = m.group(0).lower()
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1}
    off = next(v for k, v in offsets.items() if word.endswith(k))
    d = anc.date
    value = (d + dt.timedelta(days=off)).isoformat() if d else None
    if "night" in word:
        return Hit(value + "TNI" if value else None, type="TIME", granularity="time")
    return Hit(value, confidence=0.95 if d else 0.3)


_PRESENT_WORDS = ("now", "currently", "at present", "nowadays", "presently", "the present", "these days")


_FUTURE_WORDS = ("the future", "soon", "the near future", "the near term", "the short term")


def h_ref(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """Deictic words with no calendar value: PRESENT_REF / FUTURE_REF / PAST_REF."""
    word = re.sub(r"^(?:right|more|most|until|very)\s+", "", m.group(0).lower())
    if word in _PRESENT_WORDS:
        return Hit("PRESENT_REF", granularity="ref", confidence=0.8)
    if word in _FUTURE_WORDS:
        return Hit("FUTURE_REF", granularity="ref", confidence=0.7)
    return Hit("PAST_REF", granularity="ref", confidence=0.7)


def h_part_of_day(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    d = anc.date
    part = PARTS_OF_DAY[m["part"].casefold()]
    return Hit(f"{d.isoformat()}T{part}" if d else None, type="TIME", granularity="time")


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


def h_weekday(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    target = WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    bare = not mod and not re.match(r"\w*['’]s\b", text[m.end() - 2 : m.end() + 3])  # not "Tuesday's vote"
    if bare and (futurate_present(text, m.start()) or fronted_futurate(text, m.start(), m.end())):
        tense: Tense = "future"  # "The Senate votes Tuesday": the coming Tuesday
    else:
        tense = tense_at(text, m.start(), m.end())
    day = _weekday_date(target, mod, anc, tense)
    part = m["part"]
    if day is None:
        return Hit(None, granularity="day", confidence=0.3)
    if part:
        return Hit(f"{day.isoformat()}T{PARTS_OF_DAY[part.casefold()]}", type="TIME", granularity="time")
    return Hit(day.isoformat(), confidence=0.85)


def _shift(anc: Anchor, unit: str, delta: int) -> tuple[str | None, str]:
    """Anchor's calendar ``unit`` shifted by ``delta`` units: (value, granularity)."""
    unit = unit.lower()
    if unit == "year":
        return (str(anc.year + delta) if anc.year else None), "year"
    if unit == "month":
        if anc.year is None or anc.month is None:
            return None, "month"
        return fmt_month(*add_months(anc.year, anc.month, delta)), "month"
    if unit == "quarter":
        if anc.year is None or anc.month is None:
            return None, "quarter"
        y, q = divmod(anc.year * 4 + quarter_of(anc.month) - 1 + delta, 4)
        return f"{y}-Q{q + 1}", "quarter"
    if unit in ("week", "weekend"):
        d = anc.date
        if d is None:
            return None, "week"
        wk = iso_week(d + dt.timedelta(weeks=delta))
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
    rf"\b(?P<mon>{MONTH_RE})(?:\s+{DAY_RE})?(?:,?\s+(?P<y>{YEAR_RE}))?\b|(?<![\d$.,])(?P<y2>{YEAR_RE})\b(?![\d%]|,\d)"
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
    return Anchor(year, month_num(last["mon"]) if last["mon"] else None)


def h_relative_unit(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """"last week", "this month", "next year", "earlier this month", "late last week"."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    if unit in SEASONS:
        value = _season_value(SEASONS[unit], rel, anc)
        return Hit(value, granularity="season", confidence=0.8 if value else 0.3)
    delta = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1,
             "this coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    if rel in ("following", "previous") and unit in ("year", "month") and m.group(0).lower().startswith("the"):
        story = _narrative_anchor(text, m.start(), anc)
        if story is not None and (unit == "year" or story.month is not None):
            value, gran = _shift(story, unit, delta)
            return Hit(value, granularity=gran, confidence=0.6 if value else 0.3)
    value, gran = _shift(anc, unit, delta)
    return Hit(value, granularity=gran, confidence=0.9 if value else 0.3)


def h_the_unit(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """"the end of the year", "the year", "year-end": the anchor's own year/month/week."""
    unit = m["unit"].lower()
    if unit == "year" and m.group(0).lower() == "the year" and _year_ended(text, m.end()):
        return Hit("P1Y", type="DURATION", granularity="duration", confidence=0.7)
    value, gran = _shift(anc, unit, 0)
    return Hit(value, granularity=gran, confidence=0.7 if value else 0.3)


def h_end_of_year(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    return Hit(m["y"], granularity="year", confidence=0.9)


def h_ago(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """"two years ago", "a month earlier": the anchor moved back (TimeBank keeps day precision
    for "a year ago" and days, month precision for months, year precision for N >= 2 years)."""
    n = number_of(m["n"])
    unit = m["unit"].lower().rstrip("s")
    sign = 1 if m["dir"].lower() in ("later", "from now", "hence") else -1
    if n is None:
        return Hit("PAST_REF" if sign < 0 else "FUTURE_REF", granularity="ref", confidence=0.5)
    d = anc.date
    if unit == "year" and n == 1 and sign < 0 and _about_quarters(text, m.start(), m.end()):
        return _year_ago_quarter(anc)
    if unit == "year" and n == 1 and m["dir"].lower() in ("earlier", "before") and anc.year:
        return Hit(str(anc.year - 1), granularity="year", confidence=0.7)
    if unit == "month":
        if anc.year is None or anc.month is None:
            return Hit(None, granularity="month")
        return Hit(fmt_month(*add_months(anc.year, anc.month, sign * n)), granularity="month")
    if unit == "year" and n >= 2 and anc.year:
        # "five years ago" is vague to the day; TimeBank (and readers) take the year: 1984
        return Hit(str(anc.year + sign * n), granularity="year", confidence=0.8)
    if unit == "year":
        if d is not None:
            nd = safe_date(d.year + sign * n, d.month, d.day) or safe_date(d.year + sign * n, d.month, 28)
            return Hit(nd.isoformat() if nd else None)
        return Hit(str(anc.year + sign * n) if anc.year else None, granularity="year")
    days = {"day": 1, "week": 7}.get(unit)
    if days and d is not None:
        return Hit((d + dt.timedelta(days=sign * n * days)).isoformat())
    if unit == "decade" and anc.year:
        return Hit(str(anc.year + sign * 10 * n), granularity="year")
    return Hit(None, granularity=unit)


def _about_quarters(text: str, start: int, end: int) -> bool:
    """Financial prose compares quarters: "a year ago" there means the year-earlier quarter."""
    lo = max(0, start - 250)
    return "quarter" in text[lo : end + 80].lower()


def _year_ago_quarter(anc: Anchor) -> Hit:
    if anc.year is None or anc.month is None:
        return Hit(None, granularity="quarter")
    y, q = divmod(anc.year * 4 + quarter_of(anc.month) - 1 - 5, 4)
    return Hit(f"{y}-Q{q + 1}", granularity="quarter", confidence=0.6)


def h_year_earlier(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """Adjectives "year-earlier" / "year-ago": the same period one year back."""
    if _about_quarters(text, m.start(), m.end()):
        return _year_ago_quarter(anc)
    return Hit(str(anc.year - 1) if anc.year else None, granularity="year", confidence=0.6)


def h_spelled_year(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """Transcribed speech: "nineteen ninety-six" -> 1996."""
    y = _spelled_year_value(m.group(0))
    return Hit(str(y), granularity="year", confidence=0.8) if y else None


def _spelled_year_value(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996 (None when the tail is not a two-digit number)."""
    head, _, rest = words.lower().replace("-", " ").partition(" ")
    tail = number_of(rest) if rest else 0
    if tail is None or tail >= 100 or head not in ("nineteen", "eighteen"):
        return None
    return {"nineteen": 1900, "eighteen": 1800}[head] + tail


def h_period_of_year(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """ "the winter of 1994", "January nineteen ninety-seven": a season or month of a named year."""
    y = int(m["y"]) if m["y"] else _spelled_year_value(m["sy"])
    if y is None:
        return None
    if m["season"]:
        return Hit(f"{y}-{SEASONS[m['season'].casefold()]}", granularity="season", confidence=0.9)
    return Hit(fmt_month(y, month_num(m["mon"])), granularity="month", confidence=0.9)


def h_decade_word(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """ "the nineties" -> 199: spoken decades are this century's past ones (19xx before 2000)."""
    digit = DECADE_WORDS[m["dec"].casefold()]
    century = 19 if anc.year is None or anc.year < 2000 + digit * 10 else 20
    return Hit(f"{century}{digit}", granularity="decade", confidence=0.7)


def h_each_named(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """ "each July", "every Thursday": a recurring month or weekday (TIMEX3 SET XXXX-07, XXXX-WXX-4)."""
    if m["mon"]:
        return Hit(f"XXXX-{month_num(m['mon']):02d}", type="SET", granularity="set", confidence=0.8)
    return Hit(f"XXXX-WXX-{WEEKDAYS.index(m['wd'].lower()) + 1}", type="SET", granularity="set", confidence=0.8)


def h_weekend(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """"the weekend": the coming one in future prose or late in the week, else the last one."""
    d = anc.date
    if d is None:
        return Hit(None, granularity="week")
    ahead = tense_at(text, m.start(), m.end()) == "future" or d.weekday() >= 4
    base = d if ahead else d - dt.timedelta(days=7)
    return Hit(iso_week(base) + "-WE", granularity="week", confidence=0.7)


def h_season(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """A bare season is this year's (TIMEX3 YYYY-SU)."""
    if anc.year is None:
        return Hit(None, granularity="season")
    return Hit(f"{anc.year}-{SEASONS[m['unit'].casefold()]}", granularity="season", confidence=0.6)


def _year_ended(text: str, end: int) -> bool:
    return bool(re.match(r"\s+(?:ended|ending)\b", text[end : end + 10]))


def h_this_year_word(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """ "the current year" is the anchor's year; "the (fiscal) year ended June 30" is a twelve-month
    period ending on that date (TimeBank marks it P1Y), not the anchor's calendar year."""
    if _year_ended(text, m.end()):
        return Hit("P1Y", type="DURATION", granularity="duration", confidence=0.7)
    return Hit(str(anc.year) if anc.year else None, granularity="year", confidence=0.7)


def h_quarter(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """Fiscal quarters ("third-quarter", "the fourth quarter of 1989", "the latest quarter")."""
    which = (m["which"] or "").lower()
    year_word = (m["qy"] or "").lower()
    y: int | None
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
        if not year_word and anc.year and anc.month and q > quarter_of(anc.month):
            # a past-tense report of "the fourth quarter" in March is last year's
            if tense_at(text, m.start(), m.end()) != "future":
                y = anc.year - 1
        return Hit(f"{y}-Q{q}" if y else None, granularity="quarter", confidence=0.85)
    if anc.year is None or anc.month is None:
        return Hit(None, granularity="quarter")
    cur = anc.year * 4 + quarter_of(anc.month) - 1
    if which in ("year-earlier", "year-ago", "year earlier", "year ago"):
        cur -= 5
    elif which in ("next", "coming", "following"):
        cur += 1
    elif which in ("current", "this"):
        pass
    else:  # "the quarter", "the latest quarter", "last quarter": the last reported one
        cur -= 1
    y2, q2 = divmod(cur, 4)
    return Hit(f"{y2}-Q{q2 + 1}", granularity="quarter", confidence=0.7)


def _last_reported_quarter(anc: Anchor) -> tuple[int, int] | None:
    """(year, quarter) of the quarter a results story reports: the one before the anchor's."""
    if anc.year is None or anc.month is None:
        return None
    y, q = divmod(anc.year * 4 + quarter_of(anc.month) - 2, 4)
    return y, q + 1


def h_quarter_of_year(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
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
        return Hit(None, granularity="quarter")
    return Hit(f"{y}-Q{q}", granularity="quarter", confidence=0.8)


def h_half(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """ "the first half of 1990", "the second half" -> 1990-H1 / this year's H2 (TIMEX3 halves)."""
    half = 1 if m["which"].lower() == "first" else 2
    yw = (m["y"] or "").lower()
    if yw.isdigit():
        y: int | None = int(yw)
    elif anc.year is None:
        y = None
    else:
        y = anc.year + (-1 if yw.startswith("last") else 1 if yw.startswith("next") else 0)
    return Hit(f"{y}-H{half}" if y else None, granularity="half", confidence=0.8)


def h_fiscal(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    return Hit(m["y"], granularity="year", confidence=0.8)


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


def h_duration(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    """"90-minute", "70 years", "two-day", "the past two months", "several years"."""
    raw = m["n"]
    if m["unit"].lower().startswith("quarter") and (raw.lower() in ("a", "an") or text[m.end("n")] == "-"):
        return None  # "a quarter of", "about three-quarters": fractions, not periods
    if raw.lower() in ("a", "an") and m.start() == m.start("n") and _after_amount(text, m.start()):
        return None  # "$1.76 a year", "four flights a week": a rate, not a period of time
    n = number_of(raw) if raw else None
    if raw and n is None and re.fullmatch(r"\d+\.\d+", raw):
        return None
    return Hit(_duration_value(n, m["unit"]), type="DURATION", granularity="duration", confidence=0.85)


def h_set(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    word = m.group(0).lower()
    for adverb, unit in (("annual", "year"), ("yearly", "year"), ("daily", "day"),
                         ("weekly", "week"), ("monthly", "month"), ("quarterly", "quarter")):  # fmt: skip
        if word.startswith(adverb):
            return Hit(_duration_value(1, unit), type="SET", granularity="set", confidence=0.7)
    unit = m["unit"] or m["u2"] or "year"
    n = number_of(m["n"]) if m["n"] else 1
    return Hit(_duration_value(n, unit), type="SET", granularity="set", confidence=0.85)


def h_clock(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
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
    return Hit((d.isoformat() if d else "XXXX-XX-XX") + hhmm, type="TIME", granularity="time")


def h_noon(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    d = anc.date
    suffix = "T12:00" if m.group(0).lower() == "noon" else "T24:00"
    return Hit(d.isoformat() + suffix if d else None, type="TIME", granularity="time")


def h_the_unit_dispatch(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    if m["ye"]:
        return Hit(str(anc.year) if anc.year else None, granularity="year", confidence=0.7)
    return h_the_unit(m, text, anc)


def h_vague(m: re.Match[str], text: str, anc: Anchor) -> Hit | None:
    # bare plural units only count with a modifier ("recent years", "the past months"), or as
    # "for years" / "in years": elsewhere they are too often figures of speech
    before = text[max(0, m.start() - 6) : m.start()].lower()
    if m.group(0).lower() == m["unit"].lower() and not re.search(r"\b(for|in|over)\s+$", before):
        return None
    return Hit(_duration_value(None, m["unit"]), type="DURATION", granularity="duration", confidence=0.6)
