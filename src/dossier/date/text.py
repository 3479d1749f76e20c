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
import re

from dossier.model import PublicationDate, TimeExpr
from dossier.nlp.timex import MONTHS, find_times, tense_at

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip

_STAMP = re.compile(
    r"(?i)\b(?P<kind>last updated|last modified|updated|modified|published|posted|first published|"
    r"date(?:d)?|created)\b\s*(?:on|at)?\s*:?\s*$"
)
_DATELINE = re.compile(
    r"(?m)^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?(?:/[A-Z][A-Za-z. ,]{1,40})?)"
    r",\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?)\s*(?:\([^)]{1,40}\)\s*)?[-–—]{1,2}"
)
_RELATIVE_YEAR = re.compile(r"(?i)\b(?:last|this|next|previous|past) year\b|\bthe previous year\b")


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


def date_from_text(text: str) -> TextDating:
    """Weigh the text's clues into a PublicationDate (with the month even when the year is unknown)."""
    clues = collect_clues(text)
    evidence: list[str] = []
    year, year_clue = _latest_past_year(clues)
    datelines = [c for c in clues if c.kind == "dateline"]
    stamps = [c for c in clues if c.kind.startswith("stamp")]
    facts = [c for c in clues if c.kind == "fact"]

    # 1. a dateline with a full date is the strongest thing flat text can say
    for c in datelines:
        if not c.value.startswith("XXXX"):
            return TextDating(PublicationDate(c.value, "day", 0.85, (f'dateline "{c.text}"',)), int(c.value[5:7]), tuple(clues))

    # 2. stamps: believed unless they postdate everything the text reports (a crawl or edit date)
    for c in stamps:
        sy = int(c.value[:4]) if not c.value.startswith("XXXX") else None
        if sy is None:
            continue
        if year is not None and sy > year + 1:
            evidence.append(f'stamp "{c.kind.split(":")[1]}: {c.text}" ignored: the text reports nothing after {year}')
            continue
        conf = 0.6 if "updat" in c.kind or "modif" in c.kind else 0.75
        prec = "day" if len(c.value) == 10 else "month" if len(c.value) == 7 else "year"
        return TextDating(PublicationDate(c.value, prec, conf, (f'stamp "{c.kind.split(":")[1]}: {c.text}"', *evidence)),
                          int(c.value[5:7]) if len(c.value) >= 7 else None, tuple(clues))  # fmt: skip

    # 3. year-less facts give the month; the year comes from the latest year the text names
    dateline = datelines[0] if datelines else None
    month, margin = (int(dateline.value[5:7]), 1.0) if dateline else _best_month(facts)
    if month is not None:
        latest = _latest_fact(facts, month)
        planned = [c for c in facts if c.tense == "future" and int(c.value[5:7]) == month]
        about = (f'dateline "{dateline.text}"' if dateline else f'latest dated fact "{latest.text}"' if latest
                 else f'planned "{planned[0].text}"' if planned else f"month {_MONTH_NAMES[month - 1]}")
        if year is None or year_clue is None:
            evidence += [about, f"month {_MONTH_NAMES[month - 1]}; the year is not stated in the text"]
            return TextDating(PublicationDate(None, "none", 0.1, tuple(e for e in evidence if e)), month, tuple(clues))
        pub_year, conf, why = _infer_year(year, year_clue, month, clues, text)
        if conf < 0.4:  # the named year is only a lower bound here: say so instead of guessing
            evidence += [about, f"month {_MONTH_NAMES[month - 1]}; year not stated (not before {year}, "
                                f'from "{year_clue.text}")']
            return TextDating(PublicationDate(None, "none", 0.15, tuple(evidence)), month, tuple(clues))
        day = dateline.value[8:10] if dateline else None
        value = f"{pub_year:04d}-{month:02d}" + (f"-{day}" if day else "")
        conf = conf * (0.6 + 0.4 * margin)
        evidence += [f'{about} ({pub_year} inferred from "{year_clue.text}"{why})']
        evidence += [f'relative phrase "{c.text}"' for c in facts if "this" in c.text.lower()][:2]
        return TextDating(PublicationDate(value, "day" if day else "month", round(conf, 2), tuple(evidence)), month, tuple(clues))

    # 4. only explicit dates: the page is no older than the latest one it reports
    explicit = [c for c in clues if c.kind == "explicit" and c.tense != "future"]
    if explicit:
        c = max(explicit, key=lambda c: c.value)
        prec = "day" if len(c.value) == 10 else "month"
        return TextDating(PublicationDate(c.value, prec, 0.4, (f'latest explicit date "{c.text}"', *evidence)),
                          int(c.value[5:7]), tuple(clues))  # fmt: skip
    if year is not None and year_clue is not None:
        return TextDating(PublicationDate(str(year), "year", 0.2, (f'latest year named "{year_clue.text}"', *evidence)), None, tuple(clues))
    return TextDating(PublicationDate(None, "none", 0.0, tuple(evidence)), None, tuple(clues))


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
