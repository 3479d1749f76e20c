"""Typed reads over a store, shared by the CLI, the web app, the report and the Python API.

``Reader`` loads what a view needs once and answers with model objects; ``dossier.query.views``
turns them into the JSON shapes the CLI and the HTTP API print, each item with its sources down to the
sentence (document id, sentence text and offsets).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, TypeVar

from dossier.model import Annotations, Conflict, CorpusFigure, Document, Entity, Event, Position, Quote, Span
from dossier.query.filters import NO_FILTERS, Filters, in_range
from dossier.query.paging import Page, check_limit, parse_cursor
from dossier.store import Corpus, DocMeta, QuoteQuery, SearchHit, Store

logger = logging.getLogger(__name__)

V = TypeVar("V")

# The events shown by default: the same floor as ``extract.events.DEFAULT_MIN_CONFIDENCE`` (a test
# keeps them equal). Not imported from there: the reading side must not import spaCy, which made the
# web app's first request take seconds.
MIN_EVENT_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Citation:
    """Where an item comes from: the document and the sentence that carries it."""

    doc_id: str
    source: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int  # sentence offsets into Document.text
    end: int
    hit_start: int  # the item's own span inside the document
    hit_end: int


class _Lazy(Mapping[str, V]):
    """A read-through cache keyed by document id: each value is read from the store on first use,
    so a page that cites three documents reads three documents, not the whole store."""

    def __init__(self, load: Callable[[str], V | None], keys: Callable[[], Iterable[str]]):
        self._load = load
        self._keys = keys
        self._cache: dict[str, V | None] = {}

    def __getitem__(self, key: str) -> V:
        if key not in self._cache:
            self._cache[key] = self._load(key)
        value = self._cache[key]
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return sum(1 for _ in self._keys())


class Reader:
    """Read-only access to one store. Cheap to create; reads lazily and caches what it read."""

    def __init__(self, store: Store):
        self.store = store
        self.docs: Mapping[str, Document] = _Lazy(self._load_document, lambda: self.meta.keys())
        self.annots: Mapping[str, Annotations] = _Lazy(self._load_annotations, lambda: self.meta.keys())
        self.sentences: Mapping[str, list[tuple[int, int]]] = _Lazy(self._load_sentences, lambda: self.meta.keys())
        self._ids_of: dict[str, frozenset[str]] = {}  # a name -> the ids of the entities it may denote
        self._quote_totals: dict[QuoteQuery, int] = {}  # a quotes listing -> its length (the store is fixed)

    # -- raw material -----------------------------------------------------------------------------
    def _load_document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id) if doc_id in self.meta else None

    def _load_sentences(self, doc_id: str) -> list[tuple[int, int]] | None:
        return self.store.sentence_bounds(doc_id) if doc_id in self.meta else None

    def _load_annotations(self, doc_id: str) -> Annotations | None:
        return self.store.annotations(doc_id) if doc_id in self.meta else None

    @functools.cached_property
    def meta(self) -> dict[str, DocMeta]:
        """id -> the listing fields of every document (no text): what filters and labels need."""
        return {m.id: m for m in self.store.document_meta()}

    @functools.cached_property
    def all_documents(self) -> list[Document]:
        """Every document in full (text included): for the report and exports, not for listings."""
        return self.store.documents()

    @functools.cached_property
    def corpus(self) -> Corpus:
        return self.store.corpus()

    @functools.cached_property
    def entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.corpus.entities}

    def live_documents(self) -> list[Document]:
        """Documents that count: English, readable, not a duplicate of another."""
        return [d for d in self.all_documents if d.status == "ok"]

    def live_meta(self, filters: Filters = NO_FILTERS) -> list[DocMeta]:
        """The live documents' listing fields, narrowed by ``filters`` (outlet, dates, entity)."""
        docs = [m for m in self.meta.values() if m.status == "ok" and filters.document(m.outlet, m.published)]
        if filters.entity:
            having = self.entity_docs(filters.entity)
            docs = [m for m in docs if m.id in having]
        return docs

    def entity_docs(self, name: str) -> set[str]:
        """The documents that mention any entity a name (or id) may denote."""
        return {d for e in self.matching(name) for d in e.docs}

    def matching(self, name: str) -> list[Entity]:
        """The entity with this id, or every entity this name may denote."""
        ent = self.entities_by_id.get(name)
        return [ent] if ent is not None else self.who(name)

    def doc_ok(self, doc_id: str, filters: Filters) -> bool:
        """Does this document pass the outlet and date parts of ``filters``?"""
        m = self.meta.get(doc_id)
        return m is not None and filters.document(m.outlet, m.published)

    def documents(self, filters: Filters = NO_FILTERS) -> list[DocMeta]:
        """Every stored document (live or not) that passes ``filters``, in publication order."""
        docs = [m for m in self.meta.values() if filters.document(m.outlet, m.published)]
        if filters.entity:
            having = self.entity_docs(filters.entity)
            docs = [m for m in docs if m.id in having]
        return docs

    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.meta.values() if m.status == "ok" and m.outlet})

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def cite(self, span: Span) -> Citation | None:
        doc = self.docs.get(span.doc_id)
        if doc is None:
            return None
        sent = next(((a, b) for a, b in self.sentences.get(span.doc_id, ()) if a <= span.start < b), None)
        start, end = sent or _paragraph_of(doc, span)
        return Citation(
            doc_id=doc.id,
            source=doc.source,
            outlet=doc.outlet,
            published=doc.published.value,
            sentence=doc.text[start:end].strip(),
            start=start,
            end=end,
            hit_start=span.start,
            hit_end=span.end,
        )

    def entity_name(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        ent = self.entities_by_id.get(ref)
        if ent is None:
            return ref
        country = self.entities_by_id.get(ent.government_of) if ent.government_of else None
        return country.name if country else ent.name  # a government is shown by its country's name

    def speaker_name(self, q: Quote) -> str | None:
        """How a quote's speaker is shown: the resolved entity's name, else the name the quote finder
        read (an unresolved pronoun or a description), else None."""
        return self.entity_name(q.speaker_entity) if q.speaker_entity else q.speaker

    def side_name(self, p: Position) -> str:
        """How a position's side is shown: its entity's name (a government by its country's), else
        the label of a side no entity stands for."""
        return (self.entity_name(p.actor) if p.actor else None) or p.actor_label or ""

    def participant_names(self, ev: Event) -> list[str]:
        """The parties of an event as shown: resolved ones by name, then the unresolved names."""
        names = (self.actor_name(p) for p in ev.participants)
        return list(dict.fromkeys(n for n in (*names, *ev.participant_labels) if n))

    @functools.cached_property
    def seats(self) -> dict[str, Entity]:
        """Place name -> the government that answers to it ("Tokyo", "the Kremlin" -> Japan's)."""
        govs = [e for e in self.entities_by_id.values() if e.type == "gov"]
        return {alias.lower(): g for g in govs for alias in (g.name, *g.aliases)}

    def actor_name(self, ref: str | None) -> str | None:
        """How a party to an event is shown: a capital acting for its country is the country."""
        ent = self.entities_by_id.get(ref) if ref else None
        if ent is not None and ent.type == "place" and (gov := self.seats.get(ent.name.lower())):
            return self.entity_name(gov.id)
        return self.entity_name(ref)

    # -- views --------------------------------------------------------------------------------------
    def entities(self, type: str | None = None, filters: Filters = NO_FILTERS) -> list[Entity]:
        """Entities by how often the sources name them; ``filters`` keeps those named in a matching page."""
        ents = [e for e in self._entities_ranked if type is None or e.type == type]
        if filters.on_documents:
            ents = [e for e in ents if any(self.doc_ok(d, filters) for d in e.docs)]
        if filters.entity:
            wanted = {e.id for e in self.matching(filters.entity)}
            ents = [e for e in ents if e.id in wanted]
        return ents

    @functools.cached_property
    def _entities_ranked(self) -> list[Entity]:
        """Every entity by (-mentions, name), sorted once: a stable sort, so any subset kept from it is
        in the order sorting that subset gives (13k entities at 10,000 pages: 11 ms a listing)."""
        return sorted(self.corpus.entities, key=lambda e: (-e.mentions, e.name))

    @functools.cached_property
    def _events_by_date(self) -> list[Event]:
        """Every event by (undated last, date, id), sorted once for the same reason."""
        return sorted(self.corpus.events, key=lambda e: (e.date is None, e.date or "", e.id))

    def who(self, name: str) -> list[Entity]:
        from dossier.resolve import Resolution, who

        res = Resolution(entities=tuple(self.corpus.entities), mention_entity={})
        return who(res, name)

    def timeline(
        self,
        entity: str | None = None,
        start: str | None = None,
        end: str | None = None,
        min_confidence: float | None = None,
        outlet: str | None = None,
        *,
        filters: Filters = NO_FILTERS,
        main: bool = False,
    ) -> list[Event]:
        """Events by date; ``entity`` (or ``filters.entity``) is a name (every person or body it may
        denote) or an entity id; ``outlet`` keeps events that outlet reported; ``main`` keeps the
        story's main events (``events_rank.main_events``: what the CLI, the app's home page and the
        report show by default)."""
        entity, outlet = entity or filters.entity, outlet or filters.outlet
        start, end = start or filters.start, end or filters.end
        floor = MIN_EVENT_CONFIDENCE if min_confidence is None else min_confidence
        events = [e for e in self._events_by_date if e.confidence >= floor]
        if start or end:
            events = [e for e in events if in_range(e.date, start, end)]
        if entity:
            ids = self._matching_ids(entity)
            events = [ev for ev in events if ids & set(ev.participants)]
        if outlet:
            by_outlet = Filters(outlet=outlet)
            events = [ev for ev in events if any(self.doc_ok(s.doc_id, by_outlet) for s in ev.mentions)]
        if main:
            from dossier.extract.events_rank import main_events

            keep = {ev.id for ev in main_events(events)}
            events = [ev for ev in events if ev.id in keep]
        return events

    def quotes(self, speaker: str | None = None, filters: Filters = NO_FILTERS) -> list[Quote]:
        """Quotes in live documents; ``speaker`` is a name (every entity it may denote, or a speaker
        read on the page under that name) or an id; ``filters`` narrows by the quoting page's outlet
        and date."""
        return self.store.find_quotes(self._quote_query(speaker, filters))[1]

    def quote_page(self, speaker: str | None = None, filters: Filters = NO_FILTERS,
                   limit: int | None = None, cursor: str | None = None) -> Page[Quote]:
        """One page of ``quotes``: the store filters, counts and pages in SQL, and decodes only the page."""
        size, start = check_limit(limit), parse_cursor(cursor)
        query = self._quote_query(speaker, filters)
        total, quotes = self.store.find_quotes(query, size, start, total=self._quote_totals.get(query))
        self._quote_totals[query] = total  # the next pages of this listing skip the count
        return Page(quotes, str(start + size) if start + size < total else None, total, start)

    def _quote_query(self, speaker: str | None, filters: Filters) -> QuoteQuery:
        """A speaker is every entity the name may denote, or a speaker read on the page whose name
        holds it as whole words (any case): "Smith" finds "John Smith" and "Mr. Smith", not "Smithson"."""
        speaker = speaker or filters.entity
        if not speaker:
            return QuoteQuery(filters.outlet, filters.start, filters.end)
        word = re.compile(rf"\b{re.escape(speaker)}\b", re.IGNORECASE)
        return QuoteQuery(filters.outlet, filters.start, filters.end, True, self._matching_ids(speaker),
                          frozenset(n for n in self.speaker_names if word.search(n)))

    @functools.cached_property
    def speaker_names(self) -> list[str]:
        """The speaker names read on the pages, once (a few thousand at most, next to every quote)."""
        return self.store.speaker_names()

    def positions(self, actor: str | None = None, issue: str | None = None,
                  filters: Filters = NO_FILTERS) -> list[Position]:
        """Positions; ``actor`` (or ``filters.entity``) is an entity id or a name: the sides of every
        entity it may denote, or the side shown by that name; ``issue`` matches by substring;
        ``filters`` by the page's outlet and the statement's own date."""
        rows = [p for p in self.corpus.positions if not issue or issue.lower() in p.issue.lower()]
        for wanted in (actor, filters.entity):
            if wanted:
                rows = [p for p in rows if self.side_matches(p, wanted)]
        if filters.outlet:
            rows = [p for p in rows if self.doc_ok(p.span.doc_id, filters.without_dates())]
        return [p for p in rows if filters.dates(p.date)] if filters.start or filters.end else rows

    def side_matches(self, p: Position, wanted: str) -> bool:
        """Is ``p`` held by the side ``wanted`` names (an entity id, a name of its entity, or the
        name it is shown by)?"""
        if p.actor is not None and p.actor in self._matching_ids(wanted):
            return True
        return self.side_name(p).lower() == wanted.lower()

    def _matching_ids(self, wanted: str) -> frozenset[str]:
        if wanted not in self._ids_of:
            self._ids_of[wanted] = frozenset({wanted, *(e.id for e in self.matching(wanted))})
        return self._ids_of[wanted]

    def figures(self, filters: Filters = NO_FILTERS) -> list[CorpusFigure]:
        """Figures; ``filters.entity`` keeps those whose sentence names one of the entities it may
        denote (a resolved mention, not a substring)."""
        rows = list(self.corpus.figures)
        if filters.outlet:
            rows = [f for f in rows if self.doc_ok(f.doc, filters.without_dates())]
        if filters.entity:
            ids, docs = self._matching_ids(filters.entity), self.entity_docs(filters.entity)
            rows = [f for f in rows if f.doc in docs and self.names_in_sentence(f.span, ids)]
        return [f for f in rows if filters.dates(f.date)]

    def conflicts(self, filters: Filters = NO_FILTERS) -> list[Conflict]:
        """Conflicts; kept when any of their sources passes the outlet and date filters, and (with
        ``filters.entity``) when a source sentence names one of the entities it may denote."""
        rows = list(self.corpus.conflicts)
        if filters.on_documents:
            rows = [c for c in rows if any(self.doc_ok(s.doc_id, filters) for s in c.sources)]
        if filters.entity:
            ids, docs = self._matching_ids(filters.entity), self.entity_docs(filters.entity)
            rows = [c for c in rows if any(s.doc_id in docs and self.names_in_sentence(s, ids) for s in c.sources)]
        return rows

    def names_in_sentence(self, span: Span, ids: frozenset[str]) -> bool:
        """Does the sentence holding ``span`` mention one of the entities ``ids`` (resolved mentions)?"""
        if span.doc_id not in self.meta:
            return False
        start, end = next(((a, b) for a, b in self.sentences.get(span.doc_id, ()) if a <= span.start < b),
                          (span.start, span.end))
        return self.store.names_any(span.doc_id, start, end, ids)

    def search(self, query: str, limit: int = 20, doc_ids: Iterable[str] | None = None, *,
               offset: int = 0, filters: Filters = NO_FILTERS) -> list[SearchHit]:
        """BM25 over the sentences of live documents; the live, outlet and date filters run in SQL."""
        if filters.entity:
            having = self.entity_docs(filters.entity)
            doc_ids = having if doc_ids is None else having & set(doc_ids)
        return self.store.search(query, limit=limit, doc_ids=doc_ids, offset=offset, live=True,
                                 outlet=filters.outlet, start=filters.start, end=filters.end)


def _paragraph_of(doc: Document, span: Span) -> tuple[int, int]:
    for a, b in doc.paragraphs:
        if a <= span.start < b:
            return a, b
    return span.start, span.end
