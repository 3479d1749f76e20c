"""The page's headline: the most salient statement of its main event.

The cleaner takes the headline out of the text (``Document.title``: a declared title, or a plain-text
page's first line alone above the body), so no sentence of the text holds it and its events were
never searched. By news convention a headline states the page's lead event, in the present tense for
past events ("Acme buys Widgetco", "Quake hits coast") and with "to" + verb for future ones ("Acme to
buy Widgetco"). Headlines parse poorly (title case, no articles), so the title is read for words,
not parsed: a predicate word of the event inventory names the kind, and the page's own names found
in it name the actors. The page's event of that kind (its lead first) is then the headline's event:
it is the page's lead news, named by the headline's actors when its sentence named none, dated as
the lead (the dateline day for breaking news) and ranked first (``events_rank``).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence

from dossier.extract import events_kinds as kinds
from dossier.extract import events_lexicon as lex
from dossier.model import Annotations, Document, Event, Evidence, Mention

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAME_LABELS = frozenset({"PERSON", "ORG"})
# what the title of a page still says when it is only the site, a section or a date
_MIN_TITLE_WORDS = 3


def title_words(title: str) -> list[str]:
    """The title's words, lower case ("Lohan Checks Into Rehab" -> lohan, checks, into, rehab)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(title)]


def word_kind(word: str) -> str | None:
    """The event kind a (lower-case) headline word names, from the inventory's verb and noun forms
    and the diplomatic triggers."""
    got = kinds.VERB_KIND.get(word) or kinds.NOUN_KIND.get(word)
    return got[0] if got is not None else lex.TRIGGERS.get(word)


def headline_kinds(words: Sequence[str]) -> dict[str, bool]:
    """Kind -> planned, for each predicate word of the headline: "to" + verb is the future
    ("Acme to buy Widgetco"), any other form the news itself."""
    out: dict[str, bool] = {}
    for i, w in enumerate(words):
        kind = word_kind(w)
        if kind is not None and kind not in out:
            out[kind] = i > 0 and words[i - 1] == "to" and w in kinds.VERB_KIND
    return out


def headline_names(words: Sequence[str], mentions: Sequence[Mention]) -> list[str]:
    """The page's person and organisation names the headline uses: every word of the name, or a
    person's surname alone ("Lohan" for Lindsay Lohan), as headlines shorten names."""
    have = set(words)
    out: list[str] = []
    for m in mentions:
        name = m.canonical or m.text
        parts = [w.lower() for w in _WORD.findall(name)]
        if m.label not in _NAME_LABELS or not parts or name in out:
            continue
        if all(p in have for p in parts) or (m.label == "PERSON" and len(parts) >= 2 and parts[-1] in have):
            out.append(name)
    # "Lindsay" beside "Lindsay Lohan": a part of a longer name found is that name
    return [n for n in out if not any(o != n and set(n.split()) < set(o.split()) for o in out)]


def _rank(ev: Event, names: Sequence[str]) -> tuple[bool, int, int]:
    rules = {e.rule for e in ev.evidence}
    return ("scope:lead" not in rules, -len(set(ev.participants) & set(names)), ev.mentions[0].start)


def pick(events: Sequence[Event], kind: str, names: Sequence[str]) -> int | None:
    """Index of the page's event the headline's ``kind`` states: a compatible kind, in the lead
    first, then sharing the most headline names, then the earliest."""
    from dossier.extract.events_merge import kinds_compatible

    found = [i for i, ev in enumerate(events) if kinds_compatible(ev.kind, kind)
             and not any(e.rule == "scope:background" for e in ev.evidence)]
    return min(found, key=lambda i: _rank(events[i], names)) if found else None


def as_headline(ev: Event, title: str, names: Sequence[str], planned: bool, doc_date: str | None) -> Event:
    """``ev`` as the headline's event: the page's lead news, with the headline's actors when its own
    sentence named none, and the lead's date (the dateline day for breaking news) when it has none."""
    from dossier.extract.events_core import SUPPORT_CONFIDENCE
    from dossier.extract.events_scope import mention_confidence

    rules = {e.rule for e in ev.evidence}
    evidence = [e for e in ev.evidence if e.rule != "scope:support"]
    evidence.append(Evidence(rule="scope:headline", text=title))
    if "scope:lead" not in rules:
        evidence.append(Evidence(rule="scope:lead", text="headline"))
    participants = ev.participants if ev.participants else tuple(names)
    date, precision, status = ev.date, ev.precision, ev.status
    own = "date:time" in rules or "date:dateline" in rules or "date:relative" in rules
    if planned and not own:
        status = "planned"
    elif not own and doc_date and len(doc_date) >= 10 and ev.kind in kinds.BREAKING_KINDS:
        evidence = [e for e in evidence if e.rule not in ("date:document", "date:unresolved")]
        date, precision, status = doc_date[:10], "day", "happened"
        evidence.append(Evidence(rule="date:dateline", text=date, confidence=0.5))
        own = True
    confidence = mention_confidence(len(participants), precision if own else "none", bool(ev.place), True,
                                    "event:name" in rules)
    if not participants and ev.place is None:
        confidence = min(confidence, SUPPORT_CONFIDENCE + 0.2)
    return dataclasses.replace(ev, participants=participants, date=date, precision=precision,
                               status=status, confidence=max(confidence, ev.confidence),
                               evidence=tuple(evidence))


def can_stand_alone(kind: str, words: Sequence[str], names: Sequence[str]) -> bool:
    """A headline kind no sentence of the page reports may make an event of its own only when the
    headline's words say enough: a predicate of the generic inventory (the diplomatic words "talks",
    "deal", "round" are too often something else in a title), a place of care for a health verb
    ("Checks Into Rehab", not "Checks Out"), and a name of the page among its words."""
    if not names or kind in lex.TRIGGER_KINDS:
        return False
    bases = {got[1] for w in words if (got := kinds.VERB_KIND.get(w)) and got[0] == kind}
    nouns = {w for w in words if (got := kinds.NOUN_KIND.get(w)) and got[0] == kind}
    if nouns:
        return True
    if bases & kinds.NEEDS_CARE_PLACE:
        return bool(set(words) & kinds.CARE_NOUNS)
    return bool(bases - kinds.NEEDS_PERSON_OBJECT)


def headline_event(doc: Document, annots: Annotations, title: str, kind: str, names: Sequence[str],
                   planned: bool) -> Event | None:
    """An event the headline alone states: cited by the page's first sentence (the lead that tells
    the headline's news), named by the headline itself."""
    from dossier.extract.events_scope import event_id

    if not annots.sentences:
        return None
    first = annots.sentences[0]
    ev = Event(id=event_id(doc.id, first, kind, -1), kind=kind, summary=title, mentions=(first,),
               participants=tuple(names), place=None, date=None, precision="none",
               status="planned" if planned else "happened", confidence=0.5,
               evidence=(Evidence(rule=f"event:{kind}", text=title), Evidence(rule="event:label", text=title),
                         Evidence(rule="status:headline", text="to" if planned else "present", confidence=0.6)))
    return ev


def mark_headline(doc: Document, annots: Annotations, events: list[Event]) -> list[Event]:
    """The page's events with those its headline states marked (``as_headline``), and an event for
    a headline kind no sentence reports (``headline_event``)."""
    from dossier.extract.events_scope import document_date

    title = (doc.title or "").strip()
    words = title_words(title)
    if len(words) < _MIN_TITLE_WORDS:
        return events
    names = headline_names(words, annots.mentions)
    out = list(events)
    for kind, planned in headline_kinds(words).items():
        i = pick(out, kind, names)
        if i is None and can_stand_alone(kind, words, names):
            made = headline_event(doc, annots, title, kind, names, planned)
            if made is not None:
                out.append(made)
                i = len(out) - 1
        if i is not None and not any(e.rule == "scope:headline" for e in out[i].evidence):
            out[i] = as_headline(out[i], title, names, planned, document_date(doc))
            logger.debug("headline %r states %s event %r", title, kind, out[i].summary)
    return out
