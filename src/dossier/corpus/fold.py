"""Fold what a few new pages give into the stored corpus results (the incremental corpus step).

The passes run over the new pages alone; these functions then join each result to the stored one
it denotes, through indexes on what a match needs (blocking, as in ``resolve`` and
``extract.events_blocks``), so the cost grows with the new pages, not with the store:

- entities: the same content-derived id (type and name key), else one stored entity of the same
  type bearing the name or an alias (spelling-insensitive ``translit_key``), else, for a bare
  surname, the one stored full-named person of that surname; otherwise the entity is new;
- events: a new event joins the stored event of a compatible kind and date (the same, or one
  containing the other) that shares its actors (two when both name two), or, when neither names an
  actor, the same date and place; the best is the one with the same place, then most shared actors;
- positions: a new position's issue takes the stored issue of the same head term.

Hand-written: the stored results are this project's own model values, no library merges them.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from dossier.extract.events_merge import (
    kinds_compatible,
    participants_compatible,
    places_compatible,
    shared_participants,
)
from dossier.corpus.state import Corpus
from dossier.extract.events_scope import hinted_date
from dossier.model import Annotations, Entity, Evidence, Event, Position, Role, Span
from dossier.nlp.names import name_tokens, translit_key

logger = logging.getLogger(__name__)

OTHER_ISSUE = "other"


# ---------------------------------------------------------------------------------------------
# entities
# ---------------------------------------------------------------------------------------------


def _type_family(t: str) -> str:
    """Types a name may move between across pages (NER's org/other split is loose); a person,
    a place and a government stay apart."""
    return t if t in ("person", "place", "gov") else "thing"


class EntityIndex:
    """Stored entities by (type family, name key) and persons by surname key: what matching reads."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_id: dict[str, Entity] = {}
        self.by_key: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_surname: defaultdict[str, set[str]] = defaultdict(set)
        for e in entities:
            self.add(e)

    def add(self, e: Entity) -> None:
        self.by_id[e.id] = e
        fam = _type_family(e.type)
        for name in (e.name, *e.aliases):
            if key := translit_key(name):
                self.by_key[(fam, key)].add(e.id)
        toks = name_tokens(e.name)
        if e.type == "person" and len(toks) >= 2:
            self.by_surname[translit_key(toks[-1])].add(e.id)

    def match(self, e: Entity) -> str | None:
        """The stored entity ``e`` (found on new pages) stands for, or None."""
        if e.id in self.by_id:
            return e.id
        fam = _type_family(e.type)
        found = self.by_key.get((fam, translit_key(e.name)), set())
        if len(found) == 1:
            return next(iter(found))
        if not found and e.type not in ("person", "gov"):
            # the type voted on a few pages is loose (a dam an org here, a place there): a name
            # one stored place or thing alone bears is that one
            found = {i for f in ("place", "thing") for i in self.by_key.get((f, translit_key(e.name)), set())}
            if len(found) == 1:
                return next(iter(found))
        toks = name_tokens(e.name)
        if e.type == "person" and len(toks) == 1 and not found:
            # a bare surname goes to the namesake the store has, when there is only one
            named = self.by_surname.get(translit_key(toks[0]), set())
            if len(named) == 1:
                return next(iter(named))
        return None


def _merge_roles(old: Sequence[Role], new: Sequence[Role]) -> tuple[Role, ...]:
    """One role per (title, of), with the widest dates and every evidence span."""
    by: dict[tuple[str, str | None], Role] = {(r.title, r.of): r for r in old}
    for r in new:
        have = by.get((r.title, r.of))
        if have is None:
            by[(r.title, r.of)] = r
            continue
        firsts = [d for d in (have.first_seen, r.first_seen) if d]
        lasts = [d for d in (have.last_seen, r.last_seen) if d]
        spans = tuple(sorted(set(have.evidence) | set(r.evidence), key=lambda s: (s.doc_id, s.start)))
        starts = [d for d in (have.start, r.start) if d]
        ends = [d for d in (have.end, r.end) if d]
        # The newer pages say whether it is still held: past when they call it former, or when the
        # old store did and the new pages report it held no later than the old ones.
        past = r.past if r.last_seen or r.past else have.past
        by[(r.title, r.of)] = dataclasses.replace(
            have, first_seen=min(firsts) if firsts else None, last_seen=max(lasts) if lasts else None, evidence=spans,
            start=min(starts) if starts else None, end=max(ends) if ends else None, past=past)
    return tuple(sorted(by.values(), key=lambda r: (r.first_seen or "9999", r.title, r.of or "")))


def merge_entity(old: Entity, new: Entity, ids: Mapping[str, str]) -> Entity:
    """The stored entity with what the new pages say of it: counts, pages, names, roles."""
    seen = {old.name.casefold(), *(a.casefold() for a in old.aliases)}
    extra = [n for n in (new.name, *new.aliases) if n.casefold() not in seen and not seen.add(n.casefold())]  # type: ignore[func-returns-value]
    gov = old.government_of or (ids.get(new.government_of, new.government_of) if new.government_of else None)
    return dataclasses.replace(
        old, aliases=old.aliases + tuple(extra), roles=_merge_roles(old.roles, new.roles),
        mentions=old.mentions + new.mentions, docs=tuple(sorted(set(old.docs) | set(new.docs))),
        government_of=gov, confidence=max(old.confidence, new.confidence))


def fold_entities(stored: Iterable[Entity], found: Sequence[Entity]) -> tuple[dict[str, Entity], dict[str, str]]:
    """Stored entities with ``found`` (resolved on the new pages alone) folded in, and each found
    entity's id -> the id it has now."""
    index = EntityIndex(stored)
    ids = {e.id: index.match(e) or e.id for e in found}
    entities = dict(index.by_id)
    for e in found:
        target = ids[e.id]
        if target in entities:
            entities[target] = merge_entity(entities[target], e, ids)
        else:
            gov = ids.get(e.government_of, e.government_of) if e.government_of else None
            entities[target] = dataclasses.replace(e, government_of=gov)
    ordered = sorted(entities.values(), key=lambda e: (-e.mentions, e.name, e.id))
    return {e.id: e for e in ordered}, ids


# ---------------------------------------------------------------------------------------------
# events
# ---------------------------------------------------------------------------------------------


def _dates_fit(a: str | None, b: str | None) -> bool:
    """The same date, one containing the other (an ISO prefix), or either undated."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _named(e: Event) -> set[str]:
    return {ev.text for ev in e.evidence if ev.rule == "event:name"}


def _event_fits(new: Event, old: Event) -> bool:
    """``events_merge._fits`` on merged events: compatible places and kinds, then the same named
    document, shared actors at a compatible date, or (an actor missing) the same date, or a
    containing one when both name a place. An undated event is compared by its page month hint
    (``hinted_date``), as the merge did."""
    if not places_compatible(new.place, old.place) or not kinds_compatible(new.kind, old.kind):
        return False
    new_date, old_date = hinted_date(new), hinted_date(old)
    if _named(new) & _named(old) and _dates_fit(new_date, old_date):
        return True
    if not _dates_fit(new_date, old_date):
        return False
    if new.participants and old.participants:
        return participants_compatible(new.participants, old.participants)
    if not new_date or not old_date:
        return False
    return new_date == old_date or bool(new.place and old.place)


_MERGE_RULES = ("merge:reports",)


def merge_event(old: Event, new: Event) -> Event:
    """The stored event with a new event's reports: mentions, actors, the more precise date,
    evidence, and the report count."""
    mentions = old.mentions + tuple(s for s in new.mentions if s not in set(old.mentions))
    participants = old.participants + tuple(p for p in new.participants if p not in old.participants)
    labels = old.participant_labels + tuple(p for p in new.participant_labels if p not in old.participant_labels)
    date, precision = old.date, old.precision
    if new.date and (not old.date or (new.date.startswith(old.date) and len(new.date) > len(old.date))):
        date, precision = new.date, new.precision
    docs = {s.doc_id for s in mentions}
    evidence = [e for e in old.evidence if e.rule not in _MERGE_RULES]
    evidence += [e for e in new.evidence if e.rule not in _MERGE_RULES and e not in old.evidence]
    evidence.append(Evidence(rule="merge:reports", text=f"{len(mentions)} mentions in {len(docs)} documents"))
    status = "happened" if "happened" in (old.status, new.status) else old.status
    return dataclasses.replace(
        old, mentions=mentions, participants=participants, participant_labels=labels, date=date,
        precision=precision, status=status, place=old.place or new.place, evidence=tuple(evidence),
        confidence=round(min(0.95, max(old.confidence, new.confidence) + 0.05 * len({s.doc_id for s in new.mentions})), 3))


class EventIndex:
    """Stored events by participant id and by date: the events a new one can fit."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.events = list(events)
        self.by_actor: defaultdict[str, set[int]] = defaultdict(set)
        self.by_date: defaultdict[str, set[int]] = defaultdict(set)  # every prefix: year, month, day
        self.by_name: defaultdict[str, set[int]] = defaultdict(set)
        for n, e in enumerate(self.events):
            for p in e.participants:
                self.by_actor[p].add(n)
            when = hinted_date(e)
            for d in ([when[:k] for k in (4, 7, 10) if len(when) >= k] if when else []):
                self.by_date[d].add(n)
            for name in _named(e):
                self.by_name[name].add(n)

    def candidates(self, e: Event) -> list[int]:
        """A superset of the stored events ``_event_fits`` accepts: a shared actor, the same year,
        or the same named document."""
        found: set[int] = set()
        for p in e.participants:
            found |= self.by_actor.get(p, set())
        if when := hinted_date(e):
            found |= self.by_date.get(when[:4], set())
        for name in _named(e):
            found |= self.by_name.get(name, set())
        return sorted(found)


def fold_events(stored: Sequence[Event], found: Sequence[Event]) -> tuple[list[Event], set[str]]:
    """Stored events with ``found`` (merged on the new pages alone) folded in, sorted by date, and
    the ids of the stored events that took a new report."""
    index = EventIndex(stored)
    out = list(stored)
    touched: set[str] = set()
    for e in found:
        fits = [n for n in index.candidates(e) if _event_fits(e, out[n])]
        if not fits:
            out.append(e)
            continue
        best = max(fits, key=lambda n: (bool(e.place) and e.place == out[n].place,
                                        shared_participants(e.participants, out[n].participants), -n))
        out[best] = merge_event(out[best], e)
        touched.add(out[best].id)
    return sorted(out, key=lambda e: (e.date is None, e.date or "", e.id)), touched


# ---------------------------------------------------------------------------------------------
# positions
# ---------------------------------------------------------------------------------------------


def issue_terms(positions: Iterable[Position]) -> dict[str, str]:
    """An issue's head term -> the issue's name, over stored positions."""
    return issue_terms_by_size(Counter(p.issue for p in positions))


def issue_terms_by_size(sizes: Mapping[str, int]) -> dict[str, str]:
    """An issue's head term -> the issue's name, from the stored issues and their sizes (counted by
    the store, no position read). Two issues whose names have one head term (rare: an issue is named
    after the term its claims share) give it to the larger, then to the first by name."""
    from dossier.extract.positions import phrase_terms

    out: dict[str, str] = {}
    for issue in sorted(sizes, key=lambda i: (-sizes[i], i)):
        if issue != OTHER_ISSUE and (terms := phrase_terms(issue)):
            out.setdefault(terms[0], issue)
    return out


def fold_positions(
    stored: Sequence[Position], found: Sequence[Position], name_of: Mapping[str, str], known: Mapping[str, str]
) -> list[Position]:
    """Stored positions and the new pages' ones, a new issue renamed to the stored issue of the
    same head term (``known``), in the order ``build_positions`` gives (side, issue size, date)."""
    from dossier.extract.positions import phrase_terms
    from dossier.extract.positions_order import position_order

    renamed = []
    for p in found:
        terms = phrase_terms(p.issue) if p.issue != OTHER_ISSUE else ()
        issue = known.get(terms[0], p.issue) if terms else p.issue
        renamed.append(p if issue == p.issue else dataclasses.replace(p, issue=issue))
    return position_order([*stored, *renamed], name_of)


def doc_ids(spans: Iterable[Span]) -> set[str]:
    return {s.doc_id for s in spans}


# ---------------------------------------------------------------------------------------------
# taking pages out (a stored page mapped again is taken out, then folded in as a new one)
# ---------------------------------------------------------------------------------------------


def _unfold_entity(e: Entity, pages: set[str], count: int) -> Entity | None:
    """``e`` without ``count`` mentions on ``pages`` (None when nothing is left of it)."""
    docs = tuple(d for d in e.docs if d not in pages)
    mentions = max(0, e.mentions - count)
    if not docs or mentions == 0:
        return None
    roles = []
    for r in e.roles:
        spans = tuple(s for s in r.evidence if s.doc_id not in pages)
        if spans or not r.evidence:
            roles.append(r if spans == r.evidence else dataclasses.replace(r, evidence=spans))
    return dataclasses.replace(e, docs=docs, mentions=mentions, roles=tuple(roles))


def _unfold_event(e: Event, pages: set[str]) -> Event | None:
    mentions = tuple(s for s in e.mentions if s.doc_id not in pages)
    if not mentions:
        return None
    if len(mentions) == len(e.mentions):
        return e
    docs = {s.doc_id for s in mentions}
    evidence = [v for v in e.evidence if v.rule not in _MERGE_RULES and (v.span is None or v.span.doc_id not in pages)]
    evidence.append(Evidence(rule="merge:reports", text=f"{len(mentions)} mentions in {len(docs)} documents"))
    return dataclasses.replace(e, mentions=mentions, evidence=tuple(evidence))


def unfold(corpus: Corpus, old: Mapping[str, Annotations]) -> Corpus:
    """The stored results without what the pages of ``old`` (their annotations as stored) gave:
    their mentions' counts and pages in entities, their reports in events, their positions,
    figures and conflicts. Names and aliases they brought stay (a name once read is kept)."""
    if not old:
        return corpus
    pages = set(old)
    counts = Counter(m.entity_id for a in old.values() for m in a.mentions if m.entity_id)
    entities = {}
    for i, e in corpus.entities.items():
        kept = _unfold_entity(e, pages, counts[i]) if i in counts or pages & set(e.docs) else e
        if kept is not None:
            entities[i] = kept
    events = tuple(k for e in corpus.events if (k := _unfold_event(e, pages)) is not None)
    return dataclasses.replace(
        corpus, entities=entities, events=events,
        positions=tuple(p for p in corpus.positions if p.span.doc_id not in pages),
        figures=tuple(f for f in corpus.figures if f.span.doc_id not in pages),
        conflicts=tuple(c for c in corpus.conflicts if not doc_ids(c.sources) & pages))
