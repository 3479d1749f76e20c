"""Conflicts about one merged event: pages that date it differently, pages that deny it.

Both work on a merged event (``merge_events`` joined its mentions across pages), so two pages
only disagree about the same happening:
- dates: each page's explicit date in the event's sentence (a month name or a numeric date; a
  weekday or "yesterday" resolves against the page's own date and proves nothing), one per page;
  the event's dates conflict when the days two pages allow do not overlap ("in June" / "in July");
- contradicting claims: one source says the event happened, another says as a fact that it did
  not ("did not meet", "never signed": a realis negation right before one of the event kind's
  trigger words; "will not meet", "could not sign", a condition or a question deny nothing); each
  page must read one way, and the two pages come from different outlets. The values are the
  words each page wrote ("met" / "never met").
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from dossier.extract.events_lexicon import TRIGGERS
from dossier.pagetext import page_texts
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
    """Each page's explicit date of the event: the one date its sentence states, when the page's
    own reading of the event took that date (a sentence may date something else: 'the primary in
    March' beside a vote the page does not date)."""
    out: dict[str, TimeExpr] = {}
    for m in ev.mentions:
        annot = annots.get(m.doc_id)
        found = explicit_date(annot, annot.sentence_of(m) or m) if annot else None
        if found is not None and annot is not None and m.doc_id not in out and _page_dated(annot, m, found.value):
            out[m.doc_id] = found
    return out


def _page_dated(annot: Annotations, mention: Span, value: str | None) -> bool:
    """The page's own event at ``mention`` carries the date ``value``."""
    return any(e.date == value for e in annot.events if mention in e.mentions)


def event_date_conflicts(annots: Sequence[Annotations], events: Sequence[Event]) -> list[Conflict]:
    """One conflict per merged event whose pages give dates that exclude each other."""
    by_doc = {a.doc_id: a for a in annots}
    out: list[Conflict] = []
    for ev in events:
        dated = sorted(_per_page_dates(by_doc, ev).values(), key=lambda t: t.span.start)
        ranged = [(t, r) for t in dated if (r := _days(t.value or "")) is not None]  # each page's days
        if len(ranged) < 2 or max(r[0] for _, r in ranged) <= min(r[1] for _, r in ranged):
            continue  # ranges that overlap pairwise share a day (Helly, on a line): no pair to test
        pairs = ((a, b) for i, a in enumerate(ranged) for b in ranged[i + 1 :])
        for (ta, ra), (tb, rb) in pairs:
            if max(ra[0], rb[0]) <= min(ra[1], rb[1]):
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


# A negation that states a past or present fact ("did not meet", "has never signed", "wasn't
# elected"): a modal one ("will not meet", "could not sign") is a plan or a doubt, not a denial.
_REALIS_NEGATION = re.compile(
    r"(?:\b(?:did|does|do|has|have|had|was|were|is|are)(?:\s+not\b|n't\b)|\bnever\b)\s+(?:\w+ly\s+)?(?:been\s+)?$",
    re.IGNORECASE)
# Words right before a trigger that make its clause no plain report: a negation, a modal, an
# infinitive or a condition ("if they meet", "agreed to meet", "may sign").
_NOT_PLAIN = re.compile(
    r"\b(?:not|n't|never|no|without|will|would|shall|should|could|might|may|must|can|cannot|to|if|whether|unless)"
    r"\s+(?:\S+\s+){0,2}$", re.IGNORECASE)


@functools.cache
def _triggers_of(kind: str) -> re.Pattern[str]:
    """The trigger words of an event kind, longest first, as one pattern (built once per kind)."""
    words = sorted((w for w, k in TRIGGERS.items() if k == kind), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _reading(sentence: str, kind: str) -> tuple[str, str] | None:
    """How one sentence reports an event of ``kind``: ("said", the trigger as written) or
    ("denied", the negated verb as written); None when it does neither plainly (a question, a
    plan, a condition, or both readings at once)."""
    if sentence.rstrip().rstrip("\"'”’").endswith("?"):
        return None
    found: dict[str, str] = {}
    for m in _triggers_of(kind).finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()]
        neg = _REALIS_NEGATION.search(before)
        if neg is not None:
            found.setdefault("denied", (before[neg.start() :] + m.group(0)).strip())
        elif not _NOT_PLAIN.search(before):
            found.setdefault("said", m.group(0))
    if len(found) != 1:
        return None
    ((how, words_),) = found.items()
    return how, words_


def _page_readings(ev: Event, texts: Mapping[str, str], by_doc: dict[str, Annotations]) -> dict[str, tuple[str, str, Span]]:
    """Each page's one plain reading of the event (pages whose sentences disagree among themselves
    give none): doc id -> (said | denied, the words, the sentence)."""
    seen: dict[str, set[tuple[str, str, Span]]] = {}
    for m in ev.mentions:
        text, annot = texts.get(m.doc_id), by_doc.get(m.doc_id)
        if text is None:
            continue
        sent = (annot.sentence_of(m) if annot else None) or m
        got = _reading(text[sent.start : sent.end], ev.kind)
        if got is not None:
            seen.setdefault(m.doc_id, set()).add((*got, sent))
    out = {}
    for doc_id, readings in seen.items():
        if len({how for how, _, _ in readings}) == 1:
            out[doc_id] = min(readings, key=lambda r: (r[2].start, r[2].end))
    return out


def contradicting_claims(docs: Sequence[Document], annots: Sequence[Annotations],
                         events: Sequence[Event]) -> list[Conflict]:
    """A merged event one source reports ("met") and another denies as a fact ("did not meet").

    Precision first: each page must read one way in every sentence it gives the event, the denial
    must be a realis negation of the event's own trigger (not a plan, a doubt, a condition or a
    question), and the two pages must come from different outlets (a syndicated copy is one source)."""
    texts = page_texts(docs)  # decoded page by page (dossier.pagetext)
    outlets = {d.id: (d.outlet or "").strip().lower() for d in docs}
    by_doc = {a.doc_id: a for a in annots}
    out: list[Conflict] = []
    for ev in events:
        readings = _page_readings(ev, texts, by_doc)
        said = [d for d, r in readings.items() if r[0] == "said"]
        denied = [d for d, r in readings.items() if r[0] == "denied"]
        pair = next(((s, n) for n in denied for s in said
                     if not (outlets.get(s) and outlets.get(s) == outlets.get(n))), None)
        if pair is None:
            continue
        (_, say_words, say_sent), (_, deny_words, deny_sent) = readings[pair[0]], readings[pair[1]]
        out.append(Conflict(
            kind="claim",
            about=ev.summary or ev.kind,
            values=(say_words, deny_words),
            sources=(say_sent, deny_sent),
            confidence=round(ev.confidence * 0.6, 3),
            reason=f"one merged event ({ev.kind}): one source reports it (\"{say_words}\"), "
                   f"another states it did not happen (\"{deny_words}\")",
        ))
    return out
