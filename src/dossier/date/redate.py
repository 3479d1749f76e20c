"""Date a weakly dated page from the events it shares with well-dated pages.

A page that says "talks in Paris earlier this month" about an event another (well-dated) page
dates to 2019-01-14 must itself be from January 2019, on or after the 14th; a page that reports a
meeting as planned for 2019-01-22 predates it. Each shared event gives a range of possible page
dates; the ranges are intersected (the tightest first, conflicting ones dropped) and the page gets
the month the range points to, with the events as evidence. Hand-written: no library infers
document dates from cross-document event coreference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from dossier.extract.events_dates import (
    add_days,
    add_months,
    as_range,
    month_end,
    month_start,
)
from dossier.model import Annotations, Document, Event, PublicationDate

WEAK_CONFIDENCE = 0.6
_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

Range = tuple[dt.date, dt.date]


@dataclasses.dataclass(frozen=True)
class Constraint:
    """Possible page dates implied by one shared event."""

    lo: dt.date
    hi: dt.date
    why: str

    @property
    def width(self) -> int:
        return (self.hi - self.lo).days


def is_weak(pub: PublicationDate) -> bool:
    """Little or vague date evidence: worth re-dating from events."""
    return pub.value is None or pub.confidence < WEAK_CONFIDENCE or pub.precision not in ("day", "month")


def _months_range(e: Range, delta: int) -> Range:
    """The whole month ``delta`` months from the event's month."""
    m = add_months(month_start(e[0]), delta)
    return m, month_end(m)


def relative_range(phrase: str, event: Range, status: str) -> Range | None:
    """Page dates a relative phrase allows, given the date range of the event it names."""
    p = " ".join(phrase.lower().split())
    e0, e1 = event
    if re.search(r"\b(earlier|early) this month\b", p):
        return e0, month_end(e1)
    if re.search(r"\blater this month\b", p):
        return month_start(e0), e1
    if re.search(r"\bthis month\b", p):
        return month_start(e0), month_end(e1)
    if re.search(r"\blast month\b", p):
        return _months_range(event, 1)
    if re.search(r"\bnext month\b", p):
        return _months_range(event, -1)
    if re.search(r"\blast week\b", p):
        return add_days(e0, 1), add_days(e1, 13)
    if re.search(r"\bnext week\b", p):
        return add_days(e0, -13), add_days(e1, -1)
    if re.search(r"\bthis week\b", p):
        return add_days(e0, -6), add_days(e1, 6)
    if re.search(r"\byesterday\b", p):
        return add_days(e0, 1), add_days(e1, 1)
    if re.search(r"\btomorrow\b", p):
        return add_days(e0, -1), add_days(e1, -1)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", p):
        return e0, e1
    if re.search(rf"\b(last|this past) ({_MONTHS})\b", p) or re.search(rf"\b({_MONTHS}) last year\b", p):
        if "last year" in p:
            return dt.date(e0.year + 1, 1, 1), dt.date(e0.year + 1, 12, 31)
        return add_days(month_end(e1), 1), month_end(add_months(e0, 12))
    if re.search(rf"\bnext ({_MONTHS})\b", p) or re.search(rf"\b({_MONTHS}) next year\b", p):
        if "next year" in p:
            return dt.date(e0.year - 1, 1, 1), dt.date(e0.year - 1, 12, 31)
        return month_start(add_months(e0, -12)), add_days(month_start(e0), -1)
    if re.search(r"\blast year\b", p):
        return dt.date(e0.year + 1, 1, 1), dt.date(e0.year + 1, 12, 31)
    if re.search(r"\bnext year\b", p):
        return dt.date(e0.year - 1, 1, 1), dt.date(e0.year - 1, 12, 31)
    if re.search(r"\b(earlier |later )?this year\b", p):
        return dt.date(e0.year, 1, 1), dt.date(e0.year, 12, 31)
    if re.search(rf"\b({_WEEKDAYS})\b", p):
        return (e0, add_days(e1, 7)) if status == "happened" else (add_days(e0, -7), e1)
    if re.search(rf"\b({_MONTHS})\b", p) and not re.search(r"\b\d{4}\b", p):
        # a yearless month or day ("on January 22"): news names dates within about half a year
        return (e0, add_days(e1, 183)) if status == "happened" else (add_days(e0, -183), e1)
    return None


def status_range(event: Range, status: str) -> Range | None:
    """Reported as held: the page is not older than the event; as planned: not newer."""
    if status == "happened":
        return event[0], _FAR_FUTURE
    if status == "planned":
        return _FAR_PAST, event[1]
    return None


def _time_text(local: Event, text: str) -> str:
    for ev in local.evidence:
        if ev.rule in ("date:time", "date:unresolved") and ev.span is not None:
            return ev.span.text_in(text)
    return ""


def _date_source(event: Event, strong: dict[str, Document], doc_id: str) -> Document | None:
    """The well-dated page (other than ``doc_id``) whose text gave the merged event its date."""
    for ev in event.evidence:
        if ev.rule == "date:source" and ev.span is not None and ev.span.doc_id != doc_id:
            return strong.get(ev.span.doc_id)
    return None


def constraints_for(
    doc: Document, local_events: Sequence[Event], events: Sequence[Event], strong: dict[str, Document]
) -> list[Constraint]:
    """One constraint per (shared event, mention of it in ``doc``)."""
    out: list[Constraint] = []
    for ev in events:
        if not ev.date or ev.precision not in ("day", "month"):
            continue
        src = _date_source(ev, strong, doc.id)
        rng = as_range(ev.date)
        if src is None or rng is None:
            continue
        mine = {s for s in ev.mentions if s.doc_id == doc.id}
        for local in local_events:
            if not mine.intersection(local.mentions) or not _kind_shared(local, ev):
                continue
            phrase = _time_text(local, doc.text)
            ranges = [r for r in (relative_range(phrase, rng, local.status) if phrase else None,
                                  status_range(rng, local.status)) if r]
            if not ranges:
                continue
            lo, hi = max(r[0] for r in ranges), min(r[1] for r in ranges)
            if lo > hi:
                continue
            how = f'"{phrase}"' if phrase else local.status
            out.append(Constraint(lo, hi, f"shares event {ev.summary} dated {ev.date} by {src.source} ({how})"))
    return out


def _kind_shared(local: Event, merged: Event) -> bool:
    from dossier.extract.events_merge import kinds_compatible

    return kinds_compatible(local.kind, merged.kind)


def combine(constraints: Sequence[Constraint]) -> tuple[Range, list[Constraint]] | None:
    """Intersect the constraints, tightest first, skipping any that would leave nothing."""
    lo, hi = _FAR_PAST, _FAR_FUTURE
    used: list[Constraint] = []
    for c in sorted(constraints, key=lambda c: (c.width, c.lo, c.why)):
        nlo, nhi = max(lo, c.lo), min(hi, c.hi)
        if nlo <= nhi:
            lo, hi = nlo, nhi
            used.append(c)
    return ((lo, hi), used) if used else None


def pick_month(lo: dt.date, hi: dt.date) -> tuple[str, float] | None:
    """The month a page-date range points to, and how sure that is."""
    if lo == _FAR_PAST and hi == _FAR_FUTURE:
        return None
    if lo == _FAR_PAST:
        day, conf = hi, 0.4  # only "before X": a page is usually close before what it announces
    else:
        day = lo  # a page is usually written soon after the latest event it reports as held
        width = (hi - lo).days if hi != _FAR_FUTURE else 10**6
        conf = 0.7 if width <= 31 else (0.55 if width <= 92 else 0.45)
        if month_start(lo) == month_start(hi):
            conf = 0.7
    return f"{day.year:04d}-{day.month:02d}", conf


def redate_documents(
    docs: Sequence[Document], annots: Sequence[Annotations], events: Sequence[Event]
) -> dict[str, PublicationDate]:
    """New publication dates for weakly dated pages that share dated events (changed ones only)."""
    strong = {d.id: d for d in docs if not is_weak(d.published)}
    local_of = {a.doc_id: a.events for a in annots}
    changed: dict[str, PublicationDate] = {}
    for doc in docs:
        if doc.id in strong:
            continue
        cons = constraints_for(doc, local_of.get(doc.id, ()), events, strong)
        old = as_range(doc.published.value) if doc.published.value else None
        if old is not None:
            cons.append(Constraint(old[0], old[1], f"earlier date {doc.published.value}"))
        got = combine(cons)
        if got is None:
            continue
        (lo, hi), used = got
        picked = pick_month(lo, hi)
        if picked is None:
            continue
        value, conf = picked
        conf = round(min(0.75, conf + 0.05 * (len(used) - 1)), 3)
        if conf <= doc.published.confidence or (value == doc.published.value and conf <= doc.published.confidence):
            continue
        evidence = tuple(doc.published.evidence) + tuple(c.why for c in used if not c.why.startswith("earlier"))
        changed[doc.id] = PublicationDate(value=value, precision="month", confidence=conf, evidence=evidence)
    return changed


def rebase_times(doc: Document, annots: Annotations, new_date: PublicationDate | str | None) -> Annotations:
    """Re-resolve relative time expressions ("last week") against a page's new date."""
    try:
        from dossier.nlp.timex import renormalize
    except ImportError:  # the time resolver is not installed: keep the times as they are
        return annots
    anchor = new_date.value if isinstance(new_date, PublicationDate) else new_date
    return dataclasses.replace(annots, times=tuple(renormalize(annots.times, doc.text, anchor)))
