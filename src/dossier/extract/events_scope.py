"""Event mentions, the page side: the time a mention is dated by, its summary and id, and what
kind of mention it is (a named thing, a goal, a frame, the page's news or a background reference),
which sets its confidence.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract import events_lexicon as lex
from dossier.extract.events_dates import (
    compare_dates,
    days_apart,
    shift_year,
)
from dossier.model import Document, Event, Evidence, Mention, Span, TimeExpr
from dossier.extract.events_parse import ancestors_path, is_verb, mention_at, span_root, tree_distance

logger = logging.getLogger(__name__)


_MAX_TIME_DISTANCE = 6  # tree hops between a time expression and the trigger it dates


def attach_times(
    sdoc: SpacyDoc, triggers: Sequence[Token], times: Sequence[TimeExpr]
) -> dict[int, TimeExpr]:
    """Each DATE/TIME expression goes to the nearest trigger in the parse tree (trigger.i -> time)."""
    best: dict[int, tuple[int, TimeExpr]] = {}
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        root = span_root(sdoc, t.span.start, t.span.end)
        if root is None or not triggers:
            continue
        near = [g for g in triggers if not in_other_clause(root, g)]
        if not near:
            continue
        dist, trig = min(((tree_distance(root, g), g) for g in near), key=lambda x: (x[0], x[1].i))
        if dist > _MAX_TIME_DISTANCE:
            continue
        prev = best.get(trig.i)
        if prev is None or dist < prev[0]:
            best[trig.i] = (dist, t)
    return {k: v[1] for k, v in best.items()}


def in_other_clause(tok: Token, trig: Token) -> bool:
    """``tok`` sits in a relative clause that does not hold ``trig`` ("agreed to sign a treaty
    during their tenure, which will last until September 2021"): the date belongs to that noun."""
    path = ancestors_path(tok)
    above = {t.i for t in ancestors_path(trig)}
    for t in path:
        if t.i in above:
            return False
        if t.dep_ in ("relcl", "acl") and is_verb(t) and t.head.i not in above:
            return True  # a clause on another noun ("a summit held on Monday" still dates the summit)
    return False


def fix_year(date: str, status: str, doc_date: str, time_text: str) -> str:
    """A yearless date ("in June") put on the wrong side of the page date by the time resolver:
    a planned event is not in the past and a held one not in the future."""
    if re.search(r"\b\d{4}\b|'\d{2}\b", time_text):
        return date
    order = compare_dates(date, doc_date)
    if (days_apart(date, doc_date) or 0) <= 31:
        return date  # near the page date: more likely right than a year off
    if status == "planned" and order == "before":
        return shift_year(date, 1)
    if status == "happened" and order == "after":
        return shift_year(date, -1)
    return date


def document_date(doc: Document) -> str | None:
    return doc.published.value if doc.published and doc.published.value else None


def coarser(value: str) -> tuple[str, str]:
    """The document date as a stand-in event date: one step less precise."""
    if len(value) >= 10:
        return value[:7], "month"
    if len(value) == 7:
        return value, "month"
    return value[:4], "year"


PAGE_HINT = "date:document"


def page_hint(doc_date: str) -> Evidence:
    """The page's month (``coarser``) for an event the page does not date: a hint the merge may use
    to keep reports of one happening together, never the event's date (a guess is no date)."""
    return Evidence(rule=PAGE_HINT, text=coarser(doc_date)[0], confidence=0.4)


def hinted_date(ev: Event) -> str | None:
    """The event's date, else the page month hint its reports carry (merging only, never shown)."""
    return ev.date or next((e.text for e in ev.evidence if e.rule == PAGE_HINT and e.text), None)


def short_name(name: str) -> str:
    """"Angela Merkel" -> "Merkel" for people-like names; organisations and places stay whole."""
    words = name.split()
    if words and words[-1].lower() in lex.ORG_HEADS:
        return name  # "African Union", "United Nations Security Council": a body, not a surname
    if 2 <= len(words) <= 4 and all(w.split("-")[-1][:1].isupper() for w in words) and not any(
        w.lower() in ("of", "the", "and", "for") for w in words
    ):
        last = words[-1]
        head, _, tail = last.partition("-")
        return tail if tail and head.islower() else last  # "al-Bashir" -> "Bashir": a particle, not a name
    return name


def event_summary(kind: str, participants: Sequence[str], place: str | None) -> str:
    """A short line: "Merkel – Macron talks in Paris"."""
    who = " – ".join(short_name(p) for p in participants[:4])
    line = f"{who} {kind}" if who else kind.capitalize()
    if place:
        line += f" {'to' if kind == 'visit' else 'in'} {place}"
    return line


def best_label(events: Sequence[Event], kind: str) -> str | None:
    """The headline name of a merged event: of its reports' own names (the first "event:label" of
    each; a folded agreement's comes later), one of the event's kind that says who did what, else
    the earliest."""
    best: tuple[bool, float, int] | None = None
    label = None
    for n, ev in enumerate(events):
        own = next((e for e in ev.evidence if e.rule == "event:label"), None)
        if own is not None and (best is None or (ev.kind == kind, own.confidence, -n) > best):
            best, label = (ev.kind == kind, own.confidence, -n), own.text
    return label


def placed(label: str, place: str | None, kind: str) -> str:
    """A merged event's headline name with its place, when the sentence it came from gave none."""
    if not place or place.lower() in label.lower():
        return label
    return f"{label} {'to' if kind == 'visit' else 'in'} {place}"


def event_id(doc_id: str, sentence: Span, kind: str, trigger_start: int) -> str:
    """Stable from content: the same text always gives the same id."""
    key = f"{doc_id}:{sentence.start}:{sentence.end}:{kind}:{trigger_start}"
    return "ev_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def thing_name(trig: Token, kind: str, mentions: Sequence[Mention]) -> str | None:
    """"declaration of principles" for an agreement-like noun with an "of <thing>" complement:
    reports that name the same document refer to one event, whoever they say signed it."""
    nouns = [trig] if trig.pos_ in ("NOUN", "PROPN") else [
        c for c in trig.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in lex.SIGNED_KIND]
    if kind not in lex.AGREEMENT_KINDS:
        return None
    for noun in nouns:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                m = mention_at(mentions, obj)
                if obj.pos_ in ("NOUN", "PROPN") and obj.lower_ not in lex.PEOPLE_NOUNS and (
                    m is None or m.label not in lex.PARTICIPANT_LABELS
                ):
                    return f"{noun.lower_} of {obj.lower_}"
    return None


def is_irrealis(trig: Token, kind: str) -> bool:
    """An agreement-like noun that is wanted, demanded or missing ("seeking a binding agreement",
    "ended without agreement") names a goal, not an event."""
    if kind not in lex.AGREEMENT_KINDS:
        return False
    if is_verb(trig):  # "X should sign a peace treaty": a call to act, not an act
        return any(c.dep_ == "aux" and c.lower_ in lex.OUGHT_WORDS for c in trig.children)
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    near = [c for c in trig.children if c.dep_ in ("det", "amod", "neg")]
    cur = trig
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        near.append(cur)
        if is_verb(cur):
            break
    return any(t.lower_ in lex.IRREALIS_WORDS for t in near)


def _clause_mark(trig: Token) -> str | None:
    """The subordinating word of the clause the trigger is in ("since", "until"), if any."""
    cur = trig
    for _ in range(4):
        mark = next((c.lower_ for c in cur.children if c.dep_ == "mark"), None)
        if mark is not None or (is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return mark
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def is_pending(trig: Token, kind: str, has_time: bool) -> bool:
    """"hoped to prevent it until a deal was signed": an agreement in an until / unless / before
    clause with no date of its own had not happened (a goal, not an event)."""
    return kind in lex.AGREEMENT_KINDS and not has_time and _clause_mark(trig) in lex.PENDING_MARKS


def is_frame(trig: Token) -> bool:
    """"the fourth meeting since the two leaders agreed in Geneva": a since / after clause recalls an
    earlier event as the time frame of the news; without a date of its own it is not the page's
    news, even in the lead."""
    return _clause_mark(trig) in lex.FRAME_MARKS


def says_there(trig: Token) -> bool:
    """"agreed there": the place is the event the previous sentence reported."""
    return any(c.dep_ == "advmod" and c.lower_ == "there" for c in trig.children)


def lead_spans(doc: Document, text: str) -> tuple[tuple[int, int], ...]:
    """The first two real paragraphs (a one-line headline does not count): the page's own news."""
    paras = list(doc.paragraphs) or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    real = [(a, b) for a, b in paras if len(text[a:b].split()) >= 12]
    return tuple(real[:2])


def is_background(date: str | None, precision: str, doc_date: str | None) -> bool:
    """A year-only date two or more years before the page ("the 1959 agreement"): history the
    page recalls, not news it reports."""
    if not date or not doc_date or precision != "year":
        return False
    return date[:4].isdigit() and doc_date[:4].isdigit() and int(doc_date[:4]) - int(date[:4]) >= 2


def mention_confidence(n_parties: int, precision: str, place: bool, lead: bool, named: bool) -> float:
    """How much a single mention says: named actors, a date of its own, a place, the page's news."""
    score = 0.45 + (0.15 if n_parties >= 2 else 0.08 if n_parties == 1 else 0.0)
    score += {"day": 0.15, "month": 0.12, "year": 0.05}.get(precision, 0.0)
    score += (0.05 if place else 0.0) + (0.05 if lead else 0.0) + (0.05 if named else 0.0)
    return round(min(score, 0.9), 3)
