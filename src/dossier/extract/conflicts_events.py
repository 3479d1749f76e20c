"""Conflicts about one merged event: pages that date it differently, pages that deny it.

Both work on a merged event (``merge_events`` joined its mentions across pages), so two pages
only disagree about the same happening:
- dates: each page's explicit date in the event's sentence (a month name or a numeric date; a
  weekday or "yesterday" resolves against the page's own date and proves nothing), one per page;
  the event's dates conflict when the days two pages allow do not overlap ("in June" / "in July");
- contradicting claims: one page says the event happened, another says it did not ("did not
  meet", "never signed") — a negation right before one of the event kind's trigger words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from datetime import date

from dossier.extract.events_lexicon import TRIGGERS
from dossier.model import Annotations, Conflict, Document, Event, Span, TimeExpr

logger = logging.getLogger(__name__)


def conflict_order(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Conflicts as listed: most confident first, then by kind and subject; stable on ties. One
    order for both corpus steps and the store, which sorts on read (an incremental step only adds)."""
    return sorted(conflicts, key=lambda c: (-c.confidence, c.kind, c.about))

_EXPLICIT = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\d{1,4}[/.-]\d{1,2}", re.IGNORECASE
)
_CALENDAR = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_NEGATION = r"\b(?:not|n't|never|no)\s+(?:\w+\s+){0,2}"


def _days(value: str) -> tuple[date, date] | None:
    """The days an ISO day or month covers ("2016-06" -> June 1 .. June 30)."""
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        first = date(parts[0], parts[1], 1)
    except ValueError:
        return None
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, date.fromordinal(nxt.toordinal() - 1)


def explicit_date(annot: Annotations, sentence: Span) -> TimeExpr | None:
    """The one calendar date a sentence states in words or digits; None when it states none or
    several (then which one dates the event is a guess)."""
    found = [
        t for t in annot.times
        if t.type == "DATE" and t.value and _CALENDAR.match(t.value) and _EXPLICIT.search(t.text)
        and sentence.start <= t.span.start < sentence.end
    ]  # fmt: skip
    return found[0] if len({t.value for t in found}) == 1 else None


def _per_page_dates(annots: dict[str, Annotations], ev: Event) -> dict[str, TimeExpr]:
    out: dict[str, TimeExpr] = {}
    for m in ev.mentions:
        annot = annots.get(m.doc_id)
        found = explicit_date(annot, annot.sentence_of(m) or m) if annot else None
        if found is not None and m.doc_id not in out:
            out[m.doc_id] = found
    return out


def event_date_conflicts(annots: Sequence[Annotations], events: Sequence[Event]) -> list[Conflict]:
    """One conflict per merged event whose pages give dates that exclude each other."""
    by_doc = {a.doc_id: a for a in annots}
    out: list[Conflict] = []
    for ev in events:
        dated = sorted(_per_page_dates(by_doc, ev).items(), key=lambda kv: kv[1].span.start)
        pairs = [(a, b) for i, a in enumerate(dated) for b in dated[i + 1 :]]
        for (doc_a, ta), (doc_b, tb) in pairs:
            ra, rb = _days(ta.value or ""), _days(tb.value or "")
            if ra is None or rb is None or max(ra[0], rb[0]) <= min(ra[1], rb[1]):
                continue
            out.append(Conflict(
                kind="date",
                about=ev.summary or ev.kind,
                values=(ta.value or ta.text, tb.value or tb.text),
                sources=(ta.span, tb.span),
                confidence=round(ev.confidence * 0.7, 3),
                reason=f"one merged event ({ev.kind}); two pages state dates that do not overlap "
                       f"({ta.value} / {tb.value})",
            ))
            break  # one conflict per event: the first disagreeing pair, both sentences shown
    return out


def _negated(text: str, kind: str) -> re.Match[str] | None:
    words = sorted((w for w, k in TRIGGERS.items() if k == kind), key=len, reverse=True)
    if not words:
        return None
    return re.search(_NEGATION + r"(" + "|".join(map(re.escape, words)) + r")\b", text, re.IGNORECASE)


def contradicting_claims(docs: Sequence[Document], annots: Sequence[Annotations],
                         events: Sequence[Event]) -> list[Conflict]:
    """A merged event one page reports and another denies ("X did not meet Y")."""
    texts = {d.id: d.text for d in docs}
    by_doc = {a.doc_id: a for a in annots}
    out: list[Conflict] = []
    for ev in events:
        said: dict[str, Span] = {}
        denied: dict[str, Span] = {}
        for m in ev.mentions:
            text, annot = texts.get(m.doc_id), by_doc.get(m.doc_id)
            if text is None:
                continue
            sent = (annot.sentence_of(m) if annot else None) or m
            (denied if _negated(text[sent.start : sent.end], ev.kind) else said).setdefault(m.doc_id, sent)
        deny = next((d for d in denied if d not in said), None)
        say = next((d for d in said if d not in denied), None)
        if deny is None or say is None:
            continue
        out.append(Conflict(
            kind="claim",
            about=ev.summary or ev.kind,
            values=("happened", "did not happen"),
            sources=(said[say], denied[deny]),
            confidence=round(ev.confidence * 0.6, 3),
            reason=f"one merged event ({ev.kind}); one page reports it, another negates it",
        ))
    return out
