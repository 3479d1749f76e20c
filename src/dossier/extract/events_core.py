"""One page -> event mentions: drafts per sentence (trigger, participants, place, times), joined
within the sentence, folded (an agreement reached at talks is the talks), then frozen into ``Event``
objects with their date, status and confidence (``find_events``).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract import events_lexicon as lex
from dossier.extract.events_dates import (
    precision_of,
    date_of_time,
    duration_parts,
    offset_date,
    partial_of_time,
)
from dossier.extract.events_generic import bare_verb, clause_label, described, event_label, is_negated
from dossier.extract.events_headline import mark_headline
from dossier.extract.events_kinds import BREAKING_KINDS
from dossier.model import Annotations, Document, Event, Evidence, Mention, Span, TimeExpr
from dossier.extract.events_parse import (
    ACTOR_FOR_SEP, ancestors_path, clause_tense, country_pair, country_represented, decide_status,
    find_dateline, find_participants, find_place, is_verb, party_name, span_root, trigger_kind,
)
from dossier.extract.events_scope import (
    attach_times, coarser, document_date, event_id, fix_year, is_background, is_frame, page_hint,
    is_irrealis, is_pending, lead_spans, mention_confidence, says_there, thing_name,
)

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class _Draft:
    """A mutable working record for one trigger before it is frozen into an Event."""

    trig: Token
    kind: str
    parties: list[Mention]
    place: str | None
    time: TimeExpr | None
    name: str | None = None
    irrealis: bool = False
    proxies: dict[str, str] = dataclasses.field(default_factory=dict)  # person -> country they act for
    frame: bool = False  # in a since / after clause: recalls an earlier event
    there: bool = False  # "agreed there": at the event of the previous sentence
    year_named: bool = False  # "the 1956 agreement": a document named by its year
    agreed_at: Token | None = None  # "agreed ... during their summit": the agreement folded in
    offset: tuple[str, TimeExpr, Token] | None = None  # "one month after their talks": (-P1M, time, anchor)
    anchor_time: TimeExpr | None = None  # the anchor event's own time, if it has one


_TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "ahead", "prior", "than"})


def _linked(a: Token, b: Token) -> bool:
    """One trigger governs the other ("meet ... for talks"), not across "after"/"before"."""
    for low, high in ((a, b), (b, a)):
        path = ancestors_path(low)
        ids = [t.i for t in path]
        if high.i in ids[1:6]:
            between = path[1 : ids.index(high.i)]
            return not any(t.lower_ in _TEMPORAL_PREPS for t in [low, *between])
    return False


def _same_sentence_duplicate(a: _Draft, b: _Draft) -> bool:
    from dossier.extract.events_merge import kinds_compatible

    if not kinds_compatible(a.kind, b.kind) or not _linked(a.trig, b.trig):
        return False
    if a.year_named or b.year_named:
        # "they agreed to use the 1956 agreement": the old document is not today's deal; only a
        # participle on it ("the 2015 Declaration signed in Geneva") describes the same thing
        return _describes(a, b) or _describes(b, a)
    na = {party_name(m) for m in a.parties}
    nb = {party_name(m) for m in b.parties}
    if len(na) >= 2 and len(nb) >= 2 and not (na & nb):
        return False  # two different groups of actors: two events even if the parse links them
    if a.place and b.place and a.place != b.place:
        return False
    if a.time and b.time and a.time.span != b.time.span:
        return False
    return True


def _describes(named: _Draft, other: _Draft) -> bool:
    """``other`` is a participle on the year-named document ``named`` ("signed in Geneva")."""
    return named.year_named and other.trig.dep_ == "acl" and other.trig.head.i == named.trig.i


def _collapse(drafts: list[_Draft]) -> list[_Draft]:
    """Several triggers of one event in a sentence ("meet ... for talks") become one draft."""
    out: list[_Draft] = []
    for d in drafts:
        host = next((o for o in out if _same_sentence_duplicate(o, d)), None)
        if host is None:
            out.append(d)
            continue
        if host.year_named or d.year_named:  # the document and where it was signed: its own parties
            named, other = (host, d) if host.year_named else (d, host)
            host.parties, host.proxies, host.kind = named.parties, named.proxies, named.kind
            host.place, host.time, host.name = named.place or other.place, named.time, named.name or other.name
            host.year_named, host.trig, host.frame = True, named.trig, named.frame
            continue
        if len(d.parties) > len(host.parties):
            host.parties = d.parties + [m for m in host.parties if m not in d.parties]
        else:
            host.parties = host.parties + [m for m in d.parties if m not in host.parties]
        if lex.KIND_RANK.get(d.kind, 9) < lex.KIND_RANK.get(host.kind, 9):
            host.kind = d.kind
        host.place = host.place or d.place
        host.time = host.time or d.time
        host.name = host.name or d.name
        host.irrealis = host.irrealis and d.irrealis
        host.proxies = {**d.proxies, **host.proxies}
        host.frame = host.frame and d.frame
        host.there = host.there or d.there
    return out


def _sentence_drafts(
    sdoc: SpacyDoc, sent: Span, mentions: Sequence[Mention], times: Sequence[TimeExpr],
    here: str | None, skip: tuple[int, int], people: Sequence[Mention] = (),
) -> list[_Draft]:
    sp = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    if sp is None:
        return []
    found = [(t, k) for t in sp if (k := trigger_kind(t))]
    if not found:
        return []
    times_of = attach_times(sdoc, [t for t, _ in found], times)
    drafts = []
    for trig, kind in found:
        time = times_of.get(trig.i)
        year_named = named_by_year(sdoc, trig, kind, time)
        parties = find_participants(trig, kind, mentions, skip, people, own_only=year_named)
        place = find_place(trig, kind, mentions, here)
        place_name = place if isinstance(place, str) or place is None else (place.canonical or place.text)
        parties = [m for m in parties if (m.canonical or m.text) != place_name]
        drafts.append(_Draft(trig, kind, parties, place_name, time,
                             thing_name(trig, kind, mentions),
                             is_irrealis(trig, kind) or is_pending(trig, kind, time is not None),
                             _proxies(sdoc, parties, mentions), is_frame(trig), says_there(trig), year_named,
                             offset=None if time else relative_offset(sdoc, trig, times)))
    drafts = fold_agreements_into_meetings(drop_undated_repeats(_collapse(drop_agreed_to(drafts))))
    anchors = {d.trig.i: d for d in drafts}
    for d in drafts:  # "one month after their talks": dated from the event the sentence reports
        if d.offset is not None and (host := anchors.get(d.offset[2].i)) is not None:
            d.offset = (d.offset[0], d.offset[1], host.trig)
            d.anchor_time = host.time
        elif d.offset is not None:
            d.offset = None
    return drafts


def drop_agreed_to(drafts: list[_Draft]) -> list[_Draft]:
    """"Acme agreed to buy Widgetco": an agreement to do what another trigger names is that event
    (planned), not an agreement of its own."""
    from dossier.extract.events_generic import is_consequence

    generic = {d.trig.i: d for d in drafts if d.kind not in lex.TRIGGER_KINDS}
    every = {d.trig.i for d in drafts}
    out = []
    for d in drafts:
        agreed_to = [generic[c.i] for c in d.trig.children if c.dep_ == "xcomp" and c.i in generic] if (
            d.kind in lex.AGREEMENT_KINDS and is_verb(d.trig)) else []
        for g in agreed_to:  # "agreed on Monday to buy X": the agreeing's time dates the deal
            g.time = g.time or d.time
        if not agreed_to and not (d.trig.i in generic and is_consequence(d.trig, every)):
            out.append(d)
    return out


def named_by_year(sdoc: SpacyDoc, trig: Token, kind: str, time: TimeExpr | None) -> bool:
    """"the 1956 agreement", "a 1997 accord": an agreement-like noun whose own modifier is a year
    names an old document; the sentence around it is about using or citing it."""
    if time is None or kind not in lex.AGREEMENT_KINDS or trig.pos_ not in ("NOUN", "PROPN"):
        return False
    root = span_root(sdoc, time.span.start, time.span.end)
    date, precision = date_of_time(time)
    return root is not None and root.head.i == trig.i and root.i < trig.i and precision == "year"


_OFFSET_PREPS = {"after": "-", "before": "+"}


def relative_offset(sdoc: SpacyDoc, trig: Token, times: Sequence[TimeExpr]) -> tuple[str, TimeExpr, Token] | None:
    """"met ..., just one month after their talks in X": the talks lie that long before the event
    the sentence reports ("-P1M"), whose trigger is the anchor. Only a meeting-like noun under
    after / before with a duration on the preposition."""
    if is_verb(trig) or trig.dep_ != "pobj" or trig.head.lower_ not in _OFFSET_PREPS:
        return None
    prep = trig.head
    for t in times:
        if t.type != "DURATION" or not duration_parts(t.value or ""):
            continue
        root = span_root(sdoc, t.span.start, t.span.end)
        if root is not None and root.head.i == prep.i:
            return _OFFSET_PREPS[prep.lower_] + (t.value or ""), t, prep.head
    return None


_AT_PREPS = frozenset({"during", "at"})


def fold_agreements_into_meetings(drafts: list[_Draft]) -> list[_Draft]:
    """"X and Y agreed to ... during their summit here Tuesday": the agreement was reached at the
    meeting, so the sentence reports one event, the meeting, with the agreement's actors."""
    out = list(drafts)
    for a in drafts:
        if a.kind not in lex.AGREEMENT_KINDS or not is_verb(a.trig) or not a.parties:
            continue
        hosts = [m for m in out if m.kind in lex.MEETING_KINDS and not is_verb(m.trig)
                 and m.trig.head.lower_ in _AT_PREPS and a.trig.i in {t.i for t in ancestors_path(m.trig)[1:7]}]
        if len(hosts) != 1:
            continue
        m = hosts[0]
        names_a = {party_name(p) for p in a.parties}
        if {party_name(p) for p in m.parties} - names_a or (a.time and m.time and a.time.span != m.time.span):
            continue
        m.parties = a.parties + [p for p in m.parties if p not in a.parties]
        m.time = m.time or a.time
        m.place = m.place or a.place
        m.proxies = {**a.proxies, **m.proxies}
        m.agreed_at = a.trig
        out.remove(a)
    return out


def _proxies(sdoc: SpacyDoc, parties: Sequence[Mention], mentions: Sequence[Mention]) -> dict[str, str]:
    """Person name -> the country the sentence says they act for (``country_represented``)."""
    out: dict[str, str] = {}
    for m in parties:
        root = span_root(sdoc, m.span.start, m.span.end) if m.label == "PERSON" else None
        name = party_name(m)
        if root is not None and name and (country := country_represented(root, mentions)):
            out[name] = country
    return out


SUPPORT_CONFIDENCE = 0.3  # a mention that may only support an event found elsewhere


def drop_undated_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """In one sentence, a trigger with no date of its own whose actors a dated trigger of a
    compatible kind already names ("will meet next week ... after years of negotiations") adds
    nothing: keep the dated one."""
    from dossier.extract.events_merge import kinds_compatible

    def names(d: _Draft) -> set[str]:
        return {n for m in d.parties if (n := party_name(m))}

    return [d for d in drafts if d.time is not None or not any(
        o is not d and o.time is not None and kinds_compatible(o.kind, d.kind) and names(d) <= names(o)
        for o in drafts)]


def _freeze(doc: Document, sent: Span, d: _Draft, lead: bool) -> Event | None:
    """Draft -> Event (see ``_freeze_draft``); a since / after clause with no date is no lead news."""
    if d.frame and d.time is None:
        lead = False  # "since the two leaders agreed": an earlier event, not the page's news
    return _freeze_draft(doc, sent, d, lead)


def _draft_names(d: _Draft) -> tuple[list[str], dict[str, str], list[str]]:
    """The draft's actors (a country pair split in two, the country a proxy acts for added), who acts
    for whom, and the names a summary shows ("Freedonia meeting", not "Smith – Freedonia meeting")."""
    names: list[str] = []
    for m in d.parties:
        n = party_name(m)
        for part in country_pair(n) if n and m.label in ("GPE", "GOV") else [n]:
            if part and part not in names:
                names.append(part)
    acting = {p: c for p, c in d.proxies.items() if p in names}
    names.extend(c for c in dict.fromkeys(acting.values()) if c not in names)
    return names, acting, [n for n in names if n not in acting]


def _offset_dating(
    offset: tuple[str, TimeExpr, Token], anchor_time: TimeExpr | None, doc_date: str | None, evidence: list[Evidence]
) -> tuple[str, str] | None:
    """The date an offset gives ("two weeks after the talks"), counted from its anchor time or else
    the page date; the offset and the date it gives are added to ``evidence``."""
    sign_value, t, _anchor = offset
    anchor = date_of_time(anchor_time)[0] if anchor_time is not None else None
    evidence.append(Evidence(rule="date:offset", text=sign_value if anchor is None else f"{sign_value}@{anchor}",
                             span=t.span))
    base = anchor or (coarser(doc_date)[0] if doc_date else None)
    got = offset_date(base, sign_value) if base else None
    if got is not None:
        evidence.append(Evidence(rule="date:relative", text=f"{got[0]} ({t.text} {_offset_word(sign_value)})",
                                 span=t.span, confidence=0.6))
    return got


def _freeze_draft(doc: Document, sent: Span, d: _Draft, lead: bool) -> Event | None:
    """Draft -> Event, or None for a mention that is no event.

    An event needs named actors or a place (or a document name), and a date of its own unless it
    is the page's lead news. A mention dated only by its page outside the lead, or naming nobody
    and nowhere, is kept as *support* (``Evidence("scope:support")``, confidence 0.3): the merge
    lets it join an event reported elsewhere but never start one. Goals ("a binding agreement")
    are dropped."""
    if d.irrealis:
        return None
    names, acting, shown = _draft_names(d)
    doc_date = document_date(doc)
    date, precision = date_of_time(d.time) if d.time else (None, "none")
    evidence = [Evidence(rule=f"event:{d.kind}", text=d.trig.text,
                         span=Span(doc.id, d.trig.idx, d.trig.idx + len(d.trig.text)))]
    if d.name:
        evidence.append(Evidence(rule="event:name", text=d.name))
    if d.agreed_at is not None:  # no span: not a trigger of its own (``redate`` reads trigger spans)
        evidence.append(Evidence(rule="fold:agreed-at", text=d.agreed_at.text))
    evidence.extend(Evidence(rule="actor:for", text=f"{p}{ACTOR_FOR_SEP}{c}") for p, c in acting.items())
    generic = d.kind not in lex.TRIGGER_KINDS
    if not names and d.place is None and date is None and not ((d.name or (generic and described(d.trig))) and lead):
        return None
    if d.time is not None:
        partial = partial_of_time(d.time)
        evidence.append(Evidence(rule="date:time" if date else "date:unresolved", text=partial or d.time.text,
                                 span=d.time.span, confidence=d.time.confidence))
    status, status_ev = decide_status(d.trig, date, doc_date, d.time.text if d.time else "")
    if generic and is_negated(d.trig):
        status, status_ev = "denied", Evidence(rule="status:negated", text=d.trig.text, confidence=0.7)
    evidence.append(status_ev)
    if date and doc_date and d.time is not None:
        date = fix_year(date, status, doc_date, d.time.text)
    if d.offset is not None and (got := _offset_dating(d.offset, d.anchor_time, doc_date, evidence)) is not None:
        date, precision = got
    confidence = mention_confidence(len(shown), precision if date else "none", bool(d.place), lead, bool(d.name))
    has_own_date = date is not None or (d.time is not None and partial_of_time(d.time) is not None)
    if date is None and doc_date and generic:
        if lead and breaking_news(d.trig, d.kind, status):  # the dateline day, else undated
            date, precision = doc_date[:10], "day" if len(doc_date) >= 10 else precision_of(doc_date)
            evidence.append(Evidence(rule="date:dateline", text=date, confidence=0.5))
            has_own_date = True
    elif date is None and doc_date:  # stays undated: the page's month is a merge hint, not a date
        evidence.append(page_hint(doc_date))
    support = (not names and d.place is None and not (generic and lead)) or (not has_own_date and not lead)
    if support:
        evidence.append(Evidence(rule="scope:support", text="no date of its own outside the lead"
                                 if names or d.place else "names no actor or place"))
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    elif is_background(date, precision, doc_date):
        evidence.append(Evidence(rule="scope:background", text=date or ""))
        confidence = min(confidence, 0.6)
    elif lead:
        evidence.append(Evidence(rule="scope:lead", text=""))
    return Event(
        id=event_id(doc.id, sent, d.kind, d.trig.idx),
        kind=d.kind,
        summary=_label(d, generic, shown, evidence, find_dateline(doc.text)[0]),
        mentions=(sent,),
        participants=tuple(names),
        place=d.place,
        date=date,
        precision=precision,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        confidence=confidence,
        evidence=tuple(evidence),
    )


def breaking_news(trig: Token, kind: str, status: str) -> bool:
    """A lead predicate of a breaking-news kind told in the past tense ("an earthquake struck",
    "police arrested"): news of the dateline day, by the convention of news leads."""
    return kind in BREAKING_KINDS and status == "happened" and clause_tense(trig) == "past"


def _label(d: _Draft, generic: bool, shown: list[str], evidence: list[Evidence], skip: tuple[int, int]) -> str:
    """Headline-style name of the event ("Acme buys Widgetco", "Jones and Amin meet in Fredville"),
    recorded as evidence (its confidence: how much the name says) so the merged event can show the
    best one."""
    if generic and not bare_verb(d.trig):  # a verb alone says nothing: named by its kind and parties
        label, says = event_label(d.trig, d.place, skip), 0.9
    else:
        label, says = clause_label(d.trig, d.kind, d.place, shown, skip)
    evidence.append(Evidence(rule="event:label", text=label, confidence=says))
    return label


def find_events(doc: Document, sdoc: SpacyDoc, annots: Annotations) -> list[Event]:
    """Event mentions of one document, in text order (``sdoc`` is the parsed ``doc.text``)."""
    skip, here = find_dateline(doc.text)
    leads = lead_spans(doc, doc.text)
    people = [m for m in annots.mentions if m.label == "PERSON" and len((m.canonical or m.text).split()) >= 2]
    events: list[Event] = []
    previous: list[int] = []  # indexes in ``events`` of the previous sentence's events
    for sent in annots.sentences:
        lead = any(a <= sent.start < b for a, b in leads)
        mentions = [m for m in annots.mentions if sent.start <= m.span.start < sent.end]
        times = [t for t in annots.times if sent.start <= t.span.start < sent.end]
        here_now: list[int] = []
        for d in _sentence_drafts(sdoc, sent, mentions, times, here, skip, people):
            ev = _freeze(doc, sent, d, lead)
            if ev is None:
                continue
            hosts = [i for i in previous if events[i].kind in lex.MEETING_KINDS]
            if d.there and d.kind in lex.AGREEMENT_KINDS and d.place is None and d.time is None and len(hosts) == 1:
                events[hosts[0]] = fold_into(events[hosts[0]], ev)  # "agreed there": at that summit
                continue
            here_now.append(len(events))
            events.append(ev)
        previous = here_now
    return mark_headline(doc, annots, events)


def _offset_word(offset: str) -> str:
    return "before" if offset.startswith("+") else "after"


def fold_into(host: Event, ev: Event) -> Event:
    """An agreement reached "there", at the meeting the previous sentence reported, is part of that
    meeting: its actors and sentence join the meeting's mention (one event, the meeting)."""
    names = list(host.participants) + [p for p in ev.participants if p not in host.participants]
    acting = {e.text.split(ACTOR_FOR_SEP, 1)[0] for e in (*host.evidence, *ev.evidence) if e.rule == "actor:for"}
    shown = [n for n in names if n not in acting]
    rules = {e.rule for e in host.evidence}
    own = host.precision if "date:time" in rules else "none"
    confidence = mention_confidence(len(shown), own, bool(host.place), "scope:lead" in rules, "event:name" in rules)
    if "scope:support" in rules:
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    extra = [e for e in ev.evidence if e.rule.startswith("event:") or e.rule == "actor:for"]
    extra.append(Evidence(rule="event:there", text=f"{ev.kind} there", span=ev.mentions[0]))
    return dataclasses.replace(
        host, participants=tuple(names), summary=host.summary,
        mentions=tuple(dict.fromkeys((*host.mentions, *ev.mentions))),
        confidence=max(host.confidence, confidence), evidence=tuple(host.evidence) + tuple(extra))
