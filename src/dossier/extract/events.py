"""Event mentions per sentence (meetings, talks, visits, agreements, protests...) and a timeline.

``find_events`` reads one document: a trigger word (noun or verb, see ``events_lexicon``) plus its
dependency neighbourhood gives the participants ("X met Y", "talks between X and Y", "his meeting
with Y"), the place ("in Paris"), the date (the time expression nearest in the parse tree) and the
status (planned / possible / happened from modal and tense cues, or from the date against the
document date). ``merge_events`` (in ``events_merge``) joins mentions of one event across reports;
``timeline`` sorts and filters events for display.

The work is split by what it reads: ``events_parse`` (triggers, participants, place, status from the
parse), ``events_scope`` (times, summaries, ids, kinds of mention), ``events_core`` (one page ->
mentions). This module re-dates a page's mentions and gives the timeline; it is also the package's
entry point for events (``find_events``, ``merge_events``, ``event_summary`` are re-exported).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence


from dossier.extract.events_dates import (
    date_of_time,
    offset_date,
)
from dossier.extract.events_core import find_events
from dossier.extract.events_merge import merge_events
from dossier.extract.events_parse import find_dateline
from dossier.extract.events_scope import event_summary
from dossier.model import Annotations, Document, Event, Evidence, TimeExpr
from dossier.extract.events_core import SUPPORT_CONFIDENCE
from dossier.extract.events_scope import (
    coarser, document_date, fix_year, is_background, mention_confidence, page_hint,
)

logger = logging.getLogger(__name__)

__all__ = ["find_events", "find_dateline", "merge_events", "timeline", "event_summary", "redate_mentions",
           "redate_mention", "DEFAULT_MIN_CONFIDENCE"]


# ---------------------------------------------------------------------------------------------
# after a page is re-dated
# ---------------------------------------------------------------------------------------------


def redate_mention(ev: Event, doc_date: str, times: dict[tuple[int, int], TimeExpr]) -> Event:
    """One mention of a re-dated page: its own yearless time ("January 22") now resolves against
    the new page date; a mention with no time of its own takes the page's month. Needs no parse:
    the mention keeps the time expression it was given (``date:unresolved``)."""
    rules = {e.rule: e for e in ev.evidence}
    from_page = "date:offset" in rules and "@" not in rules["date:offset"].text
    if ev.date is not None and "date:document" not in rules and not from_page:
        return ev  # a date of its own that did not depend on the page date
    evidence = [e for e in ev.evidence if e.rule not in ("date:document", "scope:background", "date:relative")]
    date, precision = None, "none"
    if from_page and (got := offset_date(coarser(doc_date)[0], rules["date:offset"].text)) is not None:
        date, precision = got  # "one month after their talks": a month before the page's month
        off = rules["date:offset"]
        evidence.append(Evidence("date:relative", f"{date} ({off.text} from the page date)", off.span, 0.6))
    unresolved = rules.get("date:unresolved") if date is None else None
    t = times.get((unresolved.span.start, unresolved.span.end)) if unresolved and unresolved.span else None
    if t is not None:
        date, precision = date_of_time(t)
        if date:
            date = fix_year(date, ev.status, doc_date, t.text)
            evidence = [Evidence("date:time", date, e.span, e.confidence) if e is unresolved else e for e in evidence]
    own = date is not None
    if date is None:  # stays undated: the page's month is a merge hint, not a date
        evidence.append(page_hint(doc_date))
    confidence = mention_confidence(len(ev.participants), precision if own else "none", bool(ev.place),
                                    "scope:lead" in rules, "event:name" in rules)
    if "scope:support" in rules:
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    elif is_background(date, precision, doc_date):
        evidence.append(Evidence(rule="scope:background", text=date or ""))
        confidence = min(confidence, 0.6)
    return dataclasses.replace(ev, date=date, precision=precision, confidence=confidence,  # type: ignore[arg-type]
                               evidence=tuple(evidence))


def redate_mentions(doc: Document, annots: Annotations) -> tuple[Event, ...]:
    """The page's event mentions dated against its (new) publication date and re-resolved times."""
    doc_date = document_date(doc)
    if not doc_date:
        return annots.events
    times = {(t.span.start, t.span.end): t for t in annots.times}
    return tuple(redate_mention(ev, doc_date, times) for ev in annots.events)


# ---------------------------------------------------------------------------------------------
# timeline
# ---------------------------------------------------------------------------------------------


def _in_window(date: str | None, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    if date is None:
        return False
    if start is not None and date[: len(start)] < start[: len(date)]:
        return False
    if end is not None and date[: len(end)] > end[: len(date)]:
        return False
    return True


DEFAULT_MIN_CONFIDENCE = 0.5  # hides lone mentions that name one actor and no date of their own


def timeline(
    events: Sequence[Event], entity: str | None = None, start: str | None = None, end: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Event]:
    """Events sorted by date (undated last), optionally only those with ``entity`` among the
    participants and a date inside [start, end] (ISO prefixes: "2019", "2019-01", "2019-01-22").
    Events below ``min_confidence`` are hidden; pass 0 to get every event with its confidence."""
    def wanted(e: Event) -> bool:
        if e.confidence < min_confidence:
            return False
        if entity is not None and entity not in e.participants:
            return False
        return _in_window(e.date, start, end)

    return sorted((e for e in events if wanted(e)), key=lambda e: (e.date is None, e.date or "", e.id))
