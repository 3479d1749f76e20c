"""Dating a page from its own words: datelines, stamps, explicit dates and dated facts.

Why hand-written: htmldate is useless on flat text (it returns 2014-01-01, 1997-01-01 ... for
plain pages) and dateparser reads single strings. A page's date is an inference over many weak
clues: the facts it reports lie before it ("Feb. 16", "earlier this month"), the plans it mentions
lie after it ("scheduled for Feb. 20"), a dateline names the day, a "Last Updated" stamp may be a
later edit. So every clue becomes a candidate and the decision is made by weighing them, never by
taking the first date seen.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence

from dossier.lang.en import MONTH_NAMES, MONTHS
from dossier.model import Precision, PublicationDate, RemovedBlock, RemovedReason, TimeExpr
from dossier.date.timex import find_times
from dossier.date.timex_tense import tense_at
from dossier.date.timex_vocab import NUMBER_WORDS

logger = logging.getLogger(__name__)

_MONTH_NAMES = MONTH_NAMES

_STAMP = re.compile(
    r"(?i)\b(?P<kind>last updated|last modified|updated|modified|published|posted|first published|"
    r"date(?:d)?|created)\b\s*(?:on|at)?\s*:?\s*$"
)
_DATELINE = re.compile(
    r"(?m)^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?(?:/[A-Z][A-Za-z. ,]{1,40})?)"
    r",\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?)\s*(?:\([^)]{1,40}\)\s*)?[-–—]{1,2}"
)
_RELATIVE_YEAR = re.compile(r"(?i)\b(?:last|this|next|previous|past) year\b|\bthe previous year\b")
# Phrases whose date is counted from the page's own day: the page reports recent news by them,
# so an explicit date far older than them is background, a lower bound on the page's date.
_ANCHORED = re.compile(
    r"(?i)\b(?:yesterday|today|tonight|tomorrow|(?:last|this|next) (?:week|weekend|month)|"
    r"(?:earlier|later) this (?:week|month)|(?:on |last |next |this )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\d+ days ago|days ago)\b"
)
_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w and NUMBER_WORDS[w] > 1), key=len, reverse=True)) + ")"
_ABOUT = r"(?:(?:almost|nearly|about|around|some|roughly|more than|over|just over|less than|barely)\s+)?"
# "began in 2011, almost eleven years ago" / "eleven years ago, in 2011": the page's year is
# the sum. The only text clue that pins a year rather than bounding it from below.
_YEARS_AGO = re.compile(
    rf"(?i)\b(?P<y1>(?:19|20)\d\d)\s*(?:,|\(|[-–—]{{1,2}})\s*{_ABOUT}(?P<n1>{_NUMBER})\s+years?\s+ago\b"
    rf"|\b{_ABOUT}(?P<n2>{_NUMBER})\s+years?\s+ago,?\s+(?:in|back in)\s+(?P<y2>(?:19|20)\d\d)\b"
)
# "more than two years ago" with no year: the text itself says what it reports lies years back
_UNANCHORED_AGO = re.compile(rf"(?i)\b{_ABOUT}(?P<n>{_NUMBER}|a few|several|many)\s+years\s+ago\b")


@dataclasses.dataclass(frozen=True)
class Clue:
    """One dated phrase and what it says about the publication date."""

    kind: str  # dateline, stamp, explicit, year, fact
    text: str
    value: str  # TIMEX value, possibly with an XXXX year
    tense: str
    weight: float = 1.0


@dataclasses.dataclass(frozen=True)
class TextDating:
    """What the text alone says: a month (often), a year (sometimes), and why."""

    date: PublicationDate
    month: int | None = None  # month of publication even when the year is unknown
    clues: tuple[Clue, ...] = ()
    latest_year: int | None = None  # the latest year the text reports (a lower bound on the page)
    pinned_year: int | None = None  # a year the text pins ("in 2011, eleven years ago")
    # The page's day without its year ("--09-26", ISO 8601's yearless form) when the text gives no
    # year: its dateline's day, or (``day_is_bound``) the latest day it reports, which it follows.
    day: str | None = None
    day_is_bound: bool = False


def _stamp_kind(text: str, t: TimeExpr) -> str | None:
    m = _STAMP.search(text[max(0, t.span.start - 40) : t.span.start])
    return m["kind"].lower() if m else None


def collect_clues(text: str) -> list[Clue]:
    """Every dated phrase in ``text`` as a Clue (no anchor: values keep XXXX years)."""
    clues: list[Clue] = []
    for m in _DATELINE.finditer(text[:3000]):
        word = m["date"].split()[0].rstrip(".").lower()
        if word in MONTHS:
            times = find_times(m["date"], None)
            if times and times[0].value:
                clues.append(Clue("dateline", f'{m["place"].strip()}, {m["date"]}', times[0].value, "none", 3.0))
    for t in find_times(text, None):
        if t.type != "DATE" or not t.value or not re.fullmatch(r"(\d{4}|XXXX)(-\d\d(-\d\d)?)?", t.value):
            continue  # calendar dates only: not quarters, halves, seasons or decades
        stamp = _stamp_kind(text, t)
        if stamp:
            clues.append(Clue("stamp:" + stamp, t.text, t.value, "none", 2.0))
            continue
        tense = tense_at(text, t.span.start, t.span.end)
        if t.value.startswith("XXXX"):
            clues.append(Clue("fact", t.text, t.value, tense, 1.0 if len(t.value) == 10 else 0.5))
        elif len(t.value) == 4:
            clues.append(Clue("year", t.text, t.value, tense, 0.5))
        elif len(t.value) >= 7:
            clues.append(Clue("explicit", t.text, t.value, tense, 1.0))
    return clues


def _fact_month(c: Clue) -> tuple[int, bool]:
    """(month, is_last_year) of a year-less fact ("last November" lies in the previous year)."""
    month = int(c.value[5:7])
    low = c.text.lower()
    return month, ("last" in low or "past" in low) and "this past" not in low or "last year" in low


def _best_month(facts: list[Clue]) -> tuple[int | None, float]:
    """The publication month that best fits the year-less facts.

    A reported fact lies at or before the page (cost grows with the gap: pages report recent
    facts), a planned one at or after it (a small cost for a long wait). The cost is circular so a
    January page may report December facts.
    """
    # "February last year" lies a year or more back: its month says nothing of the page's
    facts = [c for c in facts if not re.search(r"(?i)\b(?:last|previous) year\b", c.text)]
    # one day told three times ("since January 1") is one fact: it must not outvote three days
    facts = list({(c.value, c.tense): c for c in facts}.values())
    if not facts:
        return None, 0.0
    costs = []
    for cand in range(1, 13):
        cost = 0.0
        for c in facts:
            month, _ = _fact_month(c)
            back = min((cand - month) % 12, 6)  # beyond half a year a fact says little
            if c.tense == "future":
                cost += 0.3 * c.weight * min((month - cand) % 12, 6)
            else:
                cost += c.weight * back * (1.0 if c.tense == "past" else 0.3)
        costs.append((cost, cand))
    costs.sort()
    best, second = costs[0], costs[1]
    margin = (second[0] - best[0]) / (second[0] + 1e-9)
    return best[1], min(1.0, margin)


def _latest_past_year(clues: list[Clue]) -> tuple[int | None, Clue | None]:
    best: tuple[int | None, Clue | None] = (None, None)
    for c in clues:
        if c.kind not in ("year", "explicit") or c.tense == "future":
            continue
        y = int(c.value[:4])
        if best[0] is None or y > best[0]:
            best = (y, c)
    return best


def _future_years(clues: list[Clue]) -> list[int]:
    return [int(c.value[:4]) for c in clues if c.kind in ("year", "explicit") and c.tense == "future"]


def years_ago_year(text: str) -> tuple[int, str] | None:
    """(the page's year, the phrase) from a year given with its distance ("in 2011, eleven years ago")."""
    if "ago" not in text.lower():  # every match says "ago" (no letter of it case-folds oddly): most pages never do
        return None
    for m in _YEARS_AGO.finditer(text):
        n = _count(m["n1"] or m["n2"])
        if n is not None and 1 <= n <= 100:
            return int(m["y1"] or m["y2"]) + n, " ".join(m.group(0).split())
    return None


def _count(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def anchored_phrases(text: str) -> list[str]:
    """Phrases dated from the page's own (unstated) day: "last Tuesday", "earlier this month"."""
    return list(dict.fromkeys(" ".join(m.group(0).split()) for m in _ANCHORED.finditer(text)))


def years_back(text: str) -> str | None:
    """A bare "more than two years ago" (two or more, no year): what the text reports is years old."""
    for m in _UNANCHORED_AGO.finditer(text):
        n = _count(m["n"]) if m["n"].lower() not in ("a few", "several", "many") else 3
        if n is not None and n >= 2 and not _YEARS_AGO.search(text[max(0, m.start() - 60) : m.end() + 30]):
            return " ".join(m.group(0).split())
    return None


@dataclasses.dataclass(frozen=True)
class _Reading:
    """The clues of one text, sorted by kind, and the years they bound the page by."""

    text: str
    clues: list[Clue]
    year: int | None  # the latest past year the text names
    year_clue: Clue | None
    pinned: tuple[int, str] | None  # a year pinned by arithmetic, with the phrase
    bound: int | None  # the latest year the text reports anything in

    def kind(self, name: str) -> list[Clue]:
        return [c for c in self.clues if c.kind == name or (name == "stamp" and c.kind.startswith("stamp"))]

    def result(self, date: PublicationDate, month: int | None, day: str | None = None, bound: bool = False) -> TextDating:
        return TextDating(date, month, tuple(self.clues), self.year, self.pinned[0] if self.pinned else None,
                          day if date.value is None else None, bound)


def date_from_text(text: str) -> TextDating:
    """Weigh the text's clues into a PublicationDate (with the month even when the year is unknown).

    Calibration: a dateline with its year or a stamp pins the date (0.75-0.85); a year the text
    pins by arithmetic ("in 2011, eleven years ago") gives ~0.6; a year taken from the latest year
    the text names is only a lower bound, so it stays below 0.5 and is dropped (value None) when
    the text itself says that what it reports lies years back. The steps are tried in that order of
    strength; ``evidence`` collects what an earlier step set aside.
    """
    clues = collect_clues(text)
    year, year_clue = _latest_past_year(clues)
    pinned = years_ago_year(text)
    if pinned is not None and year is not None and pinned[0] < year:
        pinned = None  # the arithmetic contradicts a reported year: trust neither over the other
    bound = max(y for y in (year, pinned[0] if pinned else None, 0) if y is not None) or None
    r = _Reading(text, clues, year, year_clue, pinned, bound)
    evidence: list[str] = []
    return (_by_dateline(r) or _by_stamp(r, evidence) or _by_month(r, evidence)
            or _by_explicit_dates(r, evidence))


def _by_dateline(r: _Reading) -> TextDating | None:
    """1. a dateline with a full date is the strongest thing flat text can say"""
    for c in r.kind("dateline"):
        if not c.value.startswith("XXXX"):
            return r.result(PublicationDate(c.value, "day", 0.85, (f'dateline "{c.text}"',)), int(c.value[5:7]))
        near = _year_near(c.value, r.kind("explicit"))
        if near is not None:
            value, why = near
            return r.result(PublicationDate(value, "day", 0.75, (f'dateline "{c.text}"', why)), int(c.value[5:7]))
    return None


def _year_near(yearless: str, explicit: list[Clue]) -> tuple[str, str] | None:
    """A yearless dateline day ("XXXX-09-28") with its year from the full dates the text reports
    close to it ("September 27, 2016": news tells the last days' facts and the next weeks' plans).
    None when no full date lies within 60 days before or 30 after it, or two give different years."""
    import datetime as dt

    years: dict[int, str] = {}
    for c in explicit:
        if len(c.value) != 10:
            continue
        told = dt.date.fromisoformat(c.value)
        for year in (told.year - 1, told.year, told.year + 1):
            try:
                day = dt.date(year, int(yearless[5:7]), int(yearless[8:10]))
            except ValueError:
                continue
            if -30 <= (day - told).days <= 60:
                years.setdefault(year, c.text)
    if len(years) != 1:
        return None
    (year, text), = years.items()
    return f"{year:04d}{yearless[4:]}", f'year {year} from "{text}" reported close to it'


def _by_stamp(r: _Reading, evidence: list[str]) -> TextDating | None:
    """2. stamps: believed unless they postdate everything the text reports (a crawl or edit date)"""
    for c in r.kind("stamp"):
        sy = int(c.value[:4]) if not c.value.startswith("XXXX") else None
        if sy is None:
            continue
        if r.bound is not None and sy > r.bound + 1:
            evidence.append(f'stamp "{c.kind.split(":")[1]}: {c.text}" ignored: the text reports nothing after {r.bound}')
            continue
        conf = 0.6 if "updat" in c.kind or "modif" in c.kind else 0.75
        prec: Precision = "day" if len(c.value) == 10 else "month" if len(c.value) == 7 else "year"
        return r.result(PublicationDate(c.value, prec, conf, (f'stamp "{c.kind.split(":")[1]}: {c.text}"', *evidence)),
                        int(c.value[5:7]) if len(c.value) >= 7 else None)  # fmt: skip
    return None


def _by_month(r: _Reading, evidence: list[str]) -> TextDating | None:
    """3. year-less facts give the month; the year comes from the text's arithmetic or, as a lower
    bound, from the latest year it names"""
    facts, datelines = r.kind("fact"), r.kind("dateline")
    dateline = datelines[0] if datelines else None
    month, margin = (int(dateline.value[5:7]), 1.0) if dateline else _best_month(facts)
    if month is not None and not dateline and not any(len(c.value) == 10 and int(c.value[5:7]) == month for c in facts):
        # only bare month names ("in April", "in August") voted: background as often as news, and
        # a page telling its news by "on Thursday" / "earlier this month" names no month of its own
        names = ", ".join(dict.fromkeys(f'"{c.text}"' for c in facts))[:120]
        evidence.append(f"month uncertain: only month names without a day ({names})")
        month = None
    if month is None:
        return None
    latest = _latest_fact(facts, month)
    planned = [c for c in facts if c.tense == "future" and int(c.value[5:7]) == month]
    about = (f'dateline "{dateline.text}"' if dateline else f'latest dated fact "{latest.text}"' if latest
             else f'planned "{planned[0].text}"' if planned else f"month {_MONTH_NAMES[month - 1]}")
    day = dateline.value[8:10] if dateline else None
    if r.pinned is not None:
        conf = (0.6 if dateline else 0.45) * (0.6 + 0.4 * margin)
        value = f"{r.pinned[0]:04d}-{month:02d}" + (f"-{day}" if day else "")
        evidence += [f'{about} ({r.pinned[0]} from "{r.pinned[1]}")']
        return r.result(PublicationDate(value, "day" if day else "month", round(conf, 2), tuple(evidence)), month)
    own_day, bound = _own_day(dateline, latest, month)
    if r.year is None or r.year_clue is None:
        evidence += [about, f"month {_MONTH_NAMES[month - 1]}; the year is not stated in the text"]
        return r.result(PublicationDate(None, "none", 0.1, tuple(e for e in evidence if e)), month, own_day, bound)
    pub_year, conf, why = _infer_year(r.year, r.year_clue, month, r.clues, r.text)
    back = years_back(r.text)
    if conf < 0.4 or back:  # the named year is only a lower bound here: say so instead of guessing
        evidence += [about, f"month {_MONTH_NAMES[month - 1]}; year not stated (not before {r.year}, "
                            f'from "{r.year_clue.text}")']
        if back:
            evidence.append(f'the text reports things "{back}": {r.year} may be years before the page')
        return r.result(PublicationDate(None, "none", 0.15, tuple(evidence)), month, own_day, bound)
    value = f"{pub_year:04d}-{month:02d}" + (f"-{day}" if day else "")
    conf = min(0.45, conf * (0.6 + 0.4 * margin))  # a lower bound, not a pinned year
    evidence += [f'{about} ({pub_year} inferred from "{r.year_clue.text}"{why})']
    evidence += [f'relative phrase "{c.text}"' for c in facts if "this" in c.text.lower()][:2]
    return r.result(PublicationDate(value, "day" if day else "month", round(conf, 2), tuple(evidence)), month)


def _by_explicit_dates(r: _Reading, evidence: list[str]) -> TextDating:
    """4. only explicit dates: the page is no older than the latest one it reports"""
    explicit = [c for c in r.clues if c.kind == "explicit" and c.tense != "future"]
    anchored = anchored_phrases(r.text)
    shown = ", ".join(f'"{a}"' for a in anchored[:3])
    if explicit:
        c = max(explicit, key=lambda c: c.value)
        if anchored and len(c.value) < 10:
            # recent news told by "last Tuesday" and a month long past: only a lower bound
            evidence += [f'not before {c.value} (latest explicit date "{c.text}"); {shown} count from an unstated day']
            return r.result(PublicationDate(None, "none", 0.1, tuple(evidence)), None)
        late: Precision = "day" if len(c.value) == 10 else "month"
        return r.result(PublicationDate(c.value, late, 0.4, (f'latest explicit date "{c.text}"', *evidence)),
                        int(c.value[5:7]))
    if r.pinned is not None:
        return r.result(PublicationDate(str(r.pinned[0]), "year", 0.4, (f'{r.pinned[0]} from "{r.pinned[1]}"', *evidence)),
                        None)
    if r.year is not None and r.year_clue is not None and anchored:
        evidence += [f'not before {r.year} (latest year named "{r.year_clue.text}"); {shown} count from an unstated day']
        return r.result(PublicationDate(None, "none", 0.1, tuple(evidence)), None)
    if r.year is not None and r.year_clue is not None:
        return r.result(PublicationDate(str(r.year), "year", 0.2, (f'latest year named "{r.year_clue.text}"', *evidence)),
                        None)
    return r.result(PublicationDate(None, "none", 0.0, tuple(evidence)), None)


def _own_day(dateline: Clue | None, latest: Clue | None, month: int) -> tuple[str | None, bool]:
    """The page's yearless day: its dateline's, else the latest day of its month it reports as
    past ("said on Sept. 11"), which the page follows (a bound: news reports its last days)."""
    if dateline is not None:
        return "--" + dateline.value[5:10], False
    if latest is not None and latest.tense == "past" and len(latest.value) == 10 and int(latest.value[5:7]) == month:
        return "--" + latest.value[5:10], True
    return None, False


def _latest_fact(facts: list[Clue], month: int) -> Clue | None:
    """The reported (not planned) fact closest before the publication month, day facts first."""
    past = [c for c in facts if c.tense != "future" and not _fact_month(c)[1]]
    if not past:
        return None
    return min(past, key=lambda c: ((month - int(c.value[5:7])) % 12, -len(c.value), -int(c.value[8:10] or 0) if len(c.value) == 10 else 0))


def _infer_year(year: int, year_clue: Clue, month: int, clues: list[Clue], text: str) -> tuple[int, float, str]:
    """Publication year from the latest year named in a past context.

    That year is only a lower bound. It is trusted (modestly) when the text also speaks of
    "last/this year" or names plans a few years ahead: both say the named year is near. Early in
    a year, with "last year" in the text, the latest named year is most often last year.
    """
    relative = _RELATIVE_YEAR.findall(text)
    future = [y for y in _future_years(clues) if y > year]
    near = bool(relative) or any(y - year <= 6 for y in future)
    conf = 0.55 if near else 0.3
    says_last_year = any("last" in r.lower() or "previous" in r.lower() for r in relative)
    if month <= 3 and says_last_year:
        return year + 1, conf, ', early in the year after it'
    return year, conf, ""


# ---------------------------------------------------------------------------------------------
# header lines: the date lines the cleaner removed as furniture ("Friday, 1 November 2019")
# ---------------------------------------------------------------------------------------------

DATE_LINE_REASON = RemovedReason.DATE_LINE  # the cleaner's reasons for removed date lines
UPDATE_REASON = RemovedReason.UPDATE_STAMP
_UPDATE_WORD = re.compile(r"(?i)\b(?:last\s+)?(?:updated?|modified|revised|edited|uppdaterad|aktualisiert)\b")
_PUBLISHED_WORD = re.compile(r"(?i)\b(?:first\s+)?(?:published|posted)\b")
# Numeric dates with dots are day-first where they are written (28.04.2020); our time-expression
# rules read slashes month-first (US usage), so dotted and ISO-like dates are read here.
_DOTTED = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")
_YMD = re.compile(r"\b(?P<y>(?:19|20)\d\d)[.\-/](?P<m>[01]?\d)[.\-/](?P<d>[0-3]?\d)\b")


@dataclasses.dataclass(frozen=True)
class HeaderDate:
    """A full date read from a removed header line: the page's own date or its update stamp."""

    kind: str  # "published" or "updated"
    value: str  # YYYY-MM-DD
    line: str  # the whole line, as evidence
    labelled: bool  # the line says "Published"/"Posted" (or "Updated")
    position: int


def line_date(text: str) -> str | None:
    """The first full calendar date (YYYY-MM-DD) in a short line, or None."""
    import datetime as dt

    hits: list[tuple[int, str]] = []
    for t in find_times(text, None):
        if t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
            hits.append((t.span.start, t.value))
    for pat in (_DOTTED, _YMD):
        for m in pat.finditer(text):
            try:
                hits.append((m.start(), dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()))
            except ValueError:
                continue
    return min(hits)[1] if hits else None


def _dates_in_line(text: str, reason: str, position: int) -> list[HeaderDate]:
    """A line split at its update label: dates before it are the page's, after it the edit's."""
    line = " ".join(text.split())
    m = _UPDATE_WORD.search(line)
    parts = [("published", line[: m.start()]), ("updated", line[m.start() :])] if m else [
        ("updated" if reason == UPDATE_REASON else "published", line)]  # fmt: skip
    out = []
    for kind, part in parts:
        value = line_date(part)
        if value:
            labelled = bool(_PUBLISHED_WORD.search(part)) if kind == "published" else True
            out.append(HeaderDate(kind, value, line, labelled, position))
    return out


def _body_start(removed: Sequence[RemovedBlock]) -> int:
    """Index of the first kept block of a flat page (its removed blocks are all the others)."""
    taken = {b.position for b in removed}
    return next(i for i in range(len(taken) + 1) if i not in taken)


def header_dates(removed: Sequence[RemovedBlock], flat: bool = False) -> list[HeaderDate]:
    """Dates of the removed date lines, in page order.

    Uses the cleaner's "date line" / "update stamp" reasons; on flat pages (where every block is
    either kept or removed) also any short removed block before the body that is a full date,
    so this works with a cleaner that does not label them.
    """
    start = _body_start(removed) if flat else -1
    out: list[HeaderDate] = []
    for b in removed:
        if b.reason in (DATE_LINE_REASON, UPDATE_REASON):
            out += _dates_in_line(b.text, b.reason, b.position)
        elif flat and 0 <= b.position < start and len(b.text.split()) <= 8:
            out += _dates_in_line(b.text, DATE_LINE_REASON, b.position)
    return out
