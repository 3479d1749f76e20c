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
import logging
import re
from collections.abc import Callable, Collection, Sequence

from dossier.corpus.weekdays import WEEKDAY_PREFIX
from dossier.extract.events import redate_mentions
from dossier.extract.events_dates import (
    add_days,
    add_months,
    as_range,
    month_end,
    month_start,
)
from dossier.extract.events_merge import kinds_compatible
from dossier.lang.en import MONTH_PATTERN, WEEKDAYS
from dossier.model import Annotations, Document, Event, PublicationDate, Span
from dossier.date.timex import renormalize

logger = logging.getLogger(__name__)

WEAK_CONFIDENCE = 0.6
SOURCE_MIN = 0.4  # a page dated at least this well (to the month, with its year) may date others
MAX_CONFIDENCE = 0.75
OWN_MONTH_CONFIDENCE = 0.6  # the page's month from its text, its year from a shared event
OWN_MONTH_MAX = 0.65
CONFLICT_MAX = 0.45  # some shared events disagree: say so with a low confidence
_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)
_MONTHS = MONTH_PATTERN
_WEEKDAYS = "|".join(WEEKDAYS)

Range = tuple[dt.date, dt.date]


@dataclasses.dataclass(frozen=True)
class Constraint:
    """Possible page dates implied by one shared event."""

    lo: dt.date
    hi: dt.date
    why: str
    source_confidence: float = 1.0  # how sure the other page is of the date it lends

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
    if re.search(rf"\b({_MONTHS})\b", p) and not re.search(r"\d", p):
        # a bare month ("meet in February"): news says "this month" for its own month, so the
        # page lies in another month, within about half a year
        if status == "happened":
            return add_days(month_end(e1), 1), add_days(e1, 183)
        return add_days(e0, -183), add_days(month_start(e0), -1)
    if re.search(rf"\b({_MONTHS})\b", p) and not re.search(r"\b\d{4}\b", p):
        # a yearless day ("on January 22"): news names dates within about half a year
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
        for local in local_events:
            if not took(ev, local, doc.id) or not _kind_shared(local, ev):
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
            out.append(Constraint(lo, hi, f"{SHARED_PREFIX}{ev.summary} dated {ev.date} by {src.source} ({how})",
                                  src.published.confidence))
    return out


def events_by_page(events: Sequence[Event]) -> dict[str, list[Event]]:
    """Page id -> the merged events that hold a mention or trigger word of that page, in the order
    of ``events``: the only ones ``took`` can match (every weak page scanned every event before,
    N x events on a story whose pages are mostly undated)."""
    out: dict[str, list[Event]] = {}
    for ev in events:
        pages = {s.doc_id for s in ev.mentions}
        pages.update(e.span.doc_id for e in ev.evidence if e.rule.startswith("event:") and e.span is not None)
        for page in pages:
            out.setdefault(page, []).append(ev)
    return out


def _trigger_spans(event: Event, doc_id: str) -> set[Span]:
    """The trigger words of an event in one page: a merged event keeps the evidence of every report
    it joined, so this tells which of the page's own mentions it took (not just the same sentence)."""
    return {e.span for e in event.evidence if e.rule.startswith("event:") and e.span is not None
            and e.span.doc_id == doc_id}


def took(merged: Event, local: Event, doc_id: str) -> bool:
    """The merged event includes this mention of the page: the same trigger word when both carry
    one, else the same sentence."""
    mine, theirs = _trigger_spans(local, doc_id), _trigger_spans(merged, doc_id)
    if mine and theirs:
        return bool(mine & theirs)
    return bool({s for s in merged.mentions if s.doc_id == doc_id}.intersection(local.mentions))


def _kind_shared(local: Event, merged: Event) -> bool:
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


SHARED_PREFIX = "shares event "  # evidence lines written here


def _borrowed(pub: PublicationDate) -> bool:
    """The date was lent by shared events (this pass), not read from the page."""
    return any(line.startswith(SHARED_PREFIX) for line in pub.evidence)


def can_date_others(pub: PublicationDate) -> bool:
    """A page date with its year, to the month or day, not a guess, and not itself borrowed from
    shared events (a rerun of the reduce must not let two pages confirm each other in a loop)."""
    return (bool(pub.value) and pub.precision in ("day", "month") and pub.confidence >= SOURCE_MIN
            and not any(line.startswith((SHARED_PREFIX, WEEKDAY_PREFIX)) for line in pub.evidence))


def text_month(doc: Document) -> int | None:
    """The month an undated page gives for itself ("January", no year), kept by the map step."""
    return doc.own_month


def pick_own_month(lo: dt.date, hi: dt.date, month: int) -> tuple[str, bool] | None:
    """The occurrence of the page's own month inside [lo, hi] (the nearest to what the page
    reports), and whether it is the only one; None when the month cannot fit the range."""
    if lo == _FAR_PAST and hi == _FAR_FUTURE:
        return None
    if lo == _FAR_PAST:  # only "before X": the last such month before it
        year = hi.year if hi.month >= month else hi.year - 1
        return f"{year:04d}-{month:02d}", False
    year = lo.year if lo.month <= month else lo.year + 1
    first = dt.date(year, month, 1)
    if first > hi:
        return None
    return f"{year:04d}-{month:02d}", dt.date(year + 1, month, 1) > hi


def _keeps_day(pub: PublicationDate, lo: dt.date, hi: dt.date) -> bool:
    """The page already has a day (from the weekdays of its events) that the shared events allow:
    a month would only say less."""
    return pub.precision == "day" and bool(pub.value) and lo <= dt.date.fromisoformat(str(pub.value)[:10]) <= hi


def _new_date(doc: Document, cons: list[Constraint], month: int | None) -> PublicationDate | None:
    """Intersect the constraints and read a month off the result, with a calibrated confidence."""
    got = combine(cons)
    if got is None:
        return None
    (lo, hi), used = got
    shared = [c for c in used if c.why.startswith(SHARED_PREFIX)]
    if not shared or _keeps_day(doc.published, lo, hi):
        return None
    conflict = len(used) < len(cons)
    extra: list[str] = []
    own = pick_own_month(lo, hi, month) if month is not None else None
    if own is not None:
        value, only = own
        conf = (OWN_MONTH_CONFIDENCE if only else 0.5) + 0.05 * (len(shared) - 1)
        conf = min(conf, OWN_MONTH_MAX)
        extra.append(f"month {value[5:]} from the page's own text, year {value[:4]} from shared events")
    else:
        picked = pick_month(lo, hi)
        if picked is None:
            return None
        value, conf = picked
        conf = min(MAX_CONFIDENCE, conf + 0.05 * (len(shared) - 1))
        if month is not None:  # the page's text names another month than its events allow
            conflict = True
            extra.append(f"conflicting: the page's own text points to month {month:02d}")
    conf = min(conf, max(c.source_confidence for c in shared) + 0.2)  # no surer than what lends the year
    if conflict:
        conf = min(conf, CONFLICT_MAX)
        extra += [f"conflicting: {c.why}" for c in cons if c not in used]
    whys = list(dict.fromkeys(c.why for c in shared))
    evidence = tuple(dict.fromkeys((*doc.published.evidence, *whys, *extra)))  # a re-run lends again
    return PublicationDate(value=value, precision="month", confidence=round(conf, 3), evidence=evidence)


def redate_documents(
    docs: Sequence[Document], annots: Sequence[Annotations], events: Sequence[Event],
    own_month: Callable[[Document], int | None] = text_month, targets: Collection[str] | None = None,
) -> dict[str, PublicationDate]:
    """New publication dates for weakly dated pages that share dated events (changed ones only).

    A page's events lend it a range of dates (see ``constraints_for``); an undated page whose
    text names its month ("January", no year) takes that month in the range. The other pages
    must be dated with their year and more surely than this one (``can_date_others``). With
    ``targets``, only those pages are re-dated (the incremental step: the new pages), the others
    only lend their dates."""
    local_of = {a.doc_id: a.events for a in annots}
    changed: dict[str, PublicationDate] = {}
    lenders = {d.id: d for d in docs if can_date_others(d.published)}
    sources: dict[float, dict[str, Document]] = {}  # a page's confidence -> the pages surer than it
    reported = events_by_page(events)
    for doc in docs:
        if not is_weak(doc.published) or (targets is not None and doc.id not in targets):
            continue
        conf = doc.published.confidence
        if conf not in sources:  # (a page is never surer than itself, so never its own source)
            sources[conf] = {i: d for i, d in lenders.items() if d.published.confidence > conf}
        cons = constraints_for(doc, local_of.get(doc.id, ()), reported.get(doc.id, ()), sources[conf])
        if not cons:
            continue
        # A date this pass lent the page before is no evidence of its own: kept as a constraint, it
        # narrowed itself and raised its confidence on the next run (another round of every pass).
        borrowed = _borrowed(doc.published)
        old = as_range(doc.published.value) if doc.published.value and not borrowed else None
        if old is not None:
            cons.append(Constraint(old[0], old[1], f"earlier date {doc.published.value}"))
        elif doc.own_latest_year is not None:  # a page is no older than the latest year it reports
            cons.append(Constraint(dt.date(doc.own_latest_year, 1, 1), _FAR_FUTURE,
                                   f"not before {doc.own_latest_year}, the latest year the page reports"))
        month = own_month(doc) if doc.published.value is None or borrowed else None
        new = _new_date(doc, cons, month)
        if new is None or new.confidence <= doc.published.confidence:
            continue
        changed[doc.id] = new
    return changed


def rebase_times(doc: Document, annots: Annotations, new_date: PublicationDate | str | None) -> Annotations:
    """Re-resolve relative time expressions ("last week") against a page's new date."""
    anchor = new_date.value if isinstance(new_date, PublicationDate) else new_date
    rebased = dataclasses.replace(annots, times=tuple(renormalize(annots.times, doc.text, anchor)))
    if not anchor or not annots.events:
        return rebased
    # the page's events move with its times
    pub = new_date if isinstance(new_date, PublicationDate) else PublicationDate(anchor, "month", 0.5)
    return dataclasses.replace(rebased, events=redate_mentions(dataclasses.replace(doc, published=pub), rebased))
