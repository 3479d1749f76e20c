"""Typed reads over a store, shared by the CLI, the web app, the report and the Python API.

``Reader`` loads what a view needs once and answers with model objects; ``dossier.query.views``
turns them into the JSON shapes the CLI and the HTTP API print, each item with its sources down to the
sentence (document id, sentence text and offsets).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Iterable

from dossier.model import Annotations, Conflict, Document, Entity, Event, Position, Quote, Span
from dossier.store import Corpus, SearchHit, Store


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


class Reader:
    """Read-only access to one store. Cheap to create; caches what it loaded."""

    def __init__(self, store: Store):
        self.store = store

    # -- raw material -----------------------------------------------------------------------------
    @functools.cached_property
    def all_documents(self) -> list[Document]:
        return self.store.documents()

    @functools.cached_property
    def docs(self) -> dict[str, Document]:
        return {d.id: d for d in self.all_documents}

    @functools.cached_property
    def corpus(self) -> Corpus:
        return self.store.corpus()

    @functools.cached_property
    def annots(self) -> dict[str, Annotations]:
        return self.store.all_annotations()

    @functools.cached_property
    def entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.corpus.entities}

    def live_documents(self) -> list[Document]:
        """Documents that count: English, readable, not a duplicate of another."""
        return [d for d in self.all_documents if d.status == "ok"]

    def document(self, doc_id: str) -> Document | None:
        return self.store.document(doc_id)

    def cite(self, span: Span) -> Citation | None:
        doc = self.docs.get(span.doc_id)
        if doc is None:
            return None
        ann = self.annots.get(span.doc_id)
        sent = ann.sentence_of(span) if ann else None
        start, end = (sent.start, sent.end) if sent else _paragraph_of(doc, span)
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
    def entities(self, type: str | None = None) -> list[Entity]:
        ents = [e for e in self.corpus.entities if type is None or e.type == type]
        return sorted(ents, key=lambda e: (-e.mentions, e.name))

    def who(self, name: str) -> list[Entity]:
        from dossier.resolve import Resolution, who

        res = Resolution(entities=tuple(self.corpus.entities), mention_entity=dict(self.corpus.mention_entity))
        return who(res, name)

    def timeline(
        self,
        entity: str | None = None,
        start: str | None = None,
        end: str | None = None,
        min_confidence: float | None = None,
    ) -> list[Event]:
        """Events by date; ``entity`` is a name (every person or body it may denote) or an entity id."""
        from dossier.extract.events import DEFAULT_MIN_CONFIDENCE, timeline

        floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
        events = timeline(self.corpus.events, None, start, end, floor)
        if entity:
            ids = {entity} | {e.id for e in self.who(entity)}
            events = [ev for ev in events if ids & set(ev.participants)]
        return events

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        """Quotes in live documents; ``speaker`` is a name (every entity it may denote) or an id."""
        ids: set[str] = {speaker} | {e.id for e in self.who(speaker)} if speaker else set()
        word = re.compile(rf"\b{re.escape(speaker)}\b", re.IGNORECASE) if speaker else None
        out: list[Quote] = []
        for doc in self.live_documents():
            ann = self.annots.get(doc.id)
            for q in ann.quotes if ann else ():
                if not q.speaker_entity and q.speaker_span:
                    key = (doc.id, q.speaker_span.start, q.speaker_span.end)
                    if key in self.corpus.mention_entity:
                        q = replace(q, speaker_entity=self.corpus.mention_entity[key])
                if word and q.speaker_entity not in ids and not (q.speaker and word.search(q.speaker)):
                    continue
                out.append(q)
        return out

    def positions(self, actor: str | None = None, issue: str | None = None) -> list[Position]:
        def match(value: str, wanted: str | None) -> bool:
            return wanted is None or wanted.lower() in value.lower()

        return [p for p in self.corpus.positions if match(p.actor, actor) and match(p.issue, issue)]

    def figures(self) -> list[dict]:
        return list(self.corpus.figures)

    def conflicts(self) -> list[Conflict]:
        return list(self.corpus.conflicts)

    def search(self, query: str, limit: int = 20, doc_ids: Iterable[str] | None = None) -> list[SearchHit]:
        live = {d.id for d in self.live_documents()}
        allowed = live if doc_ids is None else live & set(doc_ids)
        return self.store.search(query, limit=limit, doc_ids=allowed)


def _paragraph_of(doc: Document, span: Span) -> tuple[int, int]:
    for a, b in doc.paragraphs:
        if a <= span.start < b:
            return a, b
    return span.start, span.end
