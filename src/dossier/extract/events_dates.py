"""Date arithmetic on ISO prefixes ("2019", "2019-01", "2019-01-22") for events and re-dating.

Event dates come at mixed precision; comparing them means comparing the ranges they stand for.
Small and hand-written because ``datetime`` has no notion of a month- or year-precision date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re

from dossier.lang.en import WEEKDAYS
from dossier.partial_date import PartialDate
from dossier.model import Document, Evidence, TimeExpr

logger = logging.getLogger(__name__)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PARTIAL = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "none": 4}


def precision_of(value: str) -> str:
    """'day' / 'month' / 'year' for an ISO prefix."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "none")


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def week_month(value: str) -> str | None:
    """"2001-W03" -> "2001-01": the month holding the week's Thursday (ISO rule)."""
    m = _WEEK.match(value)
    if not m:
        return None
    try:
        thursday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 4)
    except ValueError:
        return None
    return thursday.isoformat()[:7]


def date_of_time(t: TimeExpr) -> tuple[str | None, str]:
    """A fully resolved calendar date from a time expression, or (None, 'none').

    Weeks become their month (the model has no week precision)."""
    if t.value is None or t.type not in ("DATE", "TIME"):
        return None, "none"
    week = week_month(t.value)
    if week:
        return week, "month"
    m = _ISO.match(t.value)
    if not m:
        return None, "none"
    value = m.group(0)
    if len(t.value) > len(value) and t.value[len(value)] not in "T":
        return None, "none"  # weeks, quarters, seasons: not a calendar date we can compare
    return value, precision_of(value)


def partial_of_time(t: TimeExpr) -> str | None:
    """The value with an unknown year kept as XXXX ("XXXX-01-22"), or None."""
    if t.value is None:
        return None
    m = _PARTIAL.match(t.value)
    if not m or (len(t.value) > len(m.group(0)) and t.value[len(m.group(0))] != "T"):
        return None
    return m.group(0)


def as_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date ("2019", "2019-01", "2019-01-22", nothing after) stands for."""
    p = PartialDate.parse(value, whole=True)
    return p.span() if p else None


def compare_dates(a: str | None, b: str | None) -> str | None:
    """'before' / 'after' if the ranges of ``a`` and ``b`` do not overlap, 'overlap' if they do."""
    ra, rb = as_range(a or ""), as_range(b or "")
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return "before"
    if ra[0] > rb[1]:
        return "after"
    return "overlap"


def contains(a: str, b: str) -> bool:
    """One date is the other or a coarser prefix of it ("2019-01" contains "2019-01-22")."""
    return a.startswith(b) or b.startswith(a)


def days_apart(a: str, b: str) -> int | None:
    """Days between the nearest points of the two ranges (0 if they overlap)."""
    ra, rb = as_range(a), as_range(b)
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return (rb[0] - ra[1]).days
    if rb[1] < ra[0]:
        return (ra[0] - rb[1]).days
    return 0


def partial_matches(partial: str, value: str) -> bool:
    """'XXXX-01-22' is consistent with '2019-01-22' (and with the coarser '2019-01')."""
    if not partial.startswith("XXXX"):
        return contains(partial, value)
    tail_p, tail_v = partial[4:], value[4:]
    return tail_p.startswith(tail_v) or tail_v.startswith(tail_p)


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def add_months(d: dt.date, n: int) -> dt.date:
    """Same day ``n`` months later, clipped to the month's end."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift_year(value: str, years: int) -> str:
    """"2018-06" -> "2019-06" (for a yearless date resolved to the wrong side of the page date)."""
    return f"{int(value[:4]) + years:04d}{value[4:]}" if value[:4].isdigit() else value


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")


def duration_parts(value: str) -> tuple[float, str] | None:
    """"P1M" -> (1, "M"): a plain ISO duration of one unit (what "one month" normalises to)."""
    m = _DURATION.match(value or "")
    return (float(m.group(1)), m.group(2)) if m else None


def offset_date(anchor: str, offset: str) -> tuple[str, str] | None:
    """The date ``offset`` ("-P1M", "+P2W") away from ``anchor`` (an ISO prefix): "one month
    after their talks", said of a meeting in January 2019, puts the talks in December 2018.
    A month or more gives a month (a year for years); days and weeks keep a day-precise anchor's
    day. Durations are approximate in news, so never finer than the anchor."""
    sign = -1 if offset.startswith("-") else 1
    parts = duration_parts(offset.lstrip("+-"))
    rng = as_range(anchor)
    if parts is None or rng is None:
        return None
    n, unit = parts
    start = rng[0]
    if unit in ("Y", "M"):
        months = int(round(n * (12 if unit == "Y" else 1)))
        moved = add_months(start, sign * months)
        if unit == "Y" and precision_of(anchor) == "year":
            return f"{moved.year:04d}", "year"
        return moved.isoformat()[:7], "month"
    moved = add_days(start, sign * int(round(n * (7 if unit == "W" else 1))))
    if precision_of(anchor) == "day":
        return moved.isoformat(), "day"
    return moved.isoformat()[:7], "month"


# ---------------------------------------------------------------------------------------------
# what an undated mention still tells: its page's month, a yearless date, a weekday
# ---------------------------------------------------------------------------------------------


_THIS_MONTH = re.compile(r"\b(?:earlier |later |early |late )?this month\b", re.I)


def page_month(doc: Document) -> int | None:
    """The month an undated page names for itself (its text says "January" but no year), or None."""
    if doc.published is not None and doc.published.value:
        return None
    return doc.own_month  # the map step's dating evidence: no corpus pass re-reads text


def yearless_partial(rules: dict[str, Evidence], month: int | None) -> str | None:
    """A yearless date of the mention: "XXXX-01-22", or "this month" on a page whose month is known."""
    if "date:unresolved" not in rules:
        return None
    text = rules["date:unresolved"].text
    if text.startswith(("XXXX", "1", "2")):
        return text
    if month is not None and _THIS_MONTH.search(text):
        return f"XXXX-{month:02d}"
    return None


_WEEKDAYS = WEEKDAYS
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)


def weekday_of(rules: dict[str, Evidence]) -> int | None:
    """The weekday of a mention's own time that did not resolve ("on Thursday" on a page with no
    day-precise date): it still tells which day of a dated event it can be (0 = Monday)."""
    ev = rules.get("date:unresolved")
    m = _WEEKDAY.search(ev.text) if ev is not None else None
    return _WEEKDAYS.index(m.group(1).lower()) if m else None


def weekday_matches(weekday: int | None, date: str | None) -> bool:
    """A day-precise ``date`` that falls on ``weekday``."""
    rng = as_range(date or "") if date and precision_of(date) == "day" else None
    return weekday is not None and rng is not None and rng[0].weekday() == weekday


def month_partial(partial: str | None) -> bool:
    """A yearless date that names at least the month ("XXXX-01", "XXXX-01-14")."""
    return bool(partial and partial.startswith("XXXX-") and len(partial) >= 7)
