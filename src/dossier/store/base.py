"""The store interface every backend implements (SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Iterable, Protocol, Sequence

from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Page,
    Position,
    PublicationDate,
    Quote,
)
from dossier.store.tables import ALL_QUOTES, QuoteQuery

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corpus:
    """What the cross-document (reduce) step computes: replaced as a whole by a full corpus step,
    changed in place by an incremental one (``CorpusChanges``)."""

    entities: tuple[Entity, ...] = ()  # each stored mention and quote carries its entity id
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()


@dataclass(frozen=True)
class CorpusChanges:
    """What an incremental corpus step changed in the corpus tables, so a store writes those rows
    only (rewriting every table was most of the cost of adding a few pages to a large store).
    Entities and events are written by id; positions and conflicts are added and removed (the store
    orders them on read); figures are appended, or given whole when the new list is not the stored
    one with rows appended."""

    entities: tuple[Entity, ...] = ()  # new or changed
    gone_entities: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    gone_events: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    gone_positions: tuple[Position, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()  # appended
    gone_figures: tuple[CorpusFigure, ...] = ()
    all_figures: tuple[CorpusFigure, ...] | None = None  # instead of the two above: the whole table
    conflicts: tuple[Conflict, ...] = ()
    gone_conflicts: tuple[Conflict, ...] = ()


def _changed_by_id(before: Iterable[Entity | Event], after: Iterable[Entity | Event]) -> tuple[list[Any], tuple[str, ...]]:
    old, new = {x.id: x for x in before}, {x.id: x for x in after}  # the last of one id wins, as stored
    changed = [x for i, x in new.items() if (o := old.get(i)) is not x and o != x]
    return changed, tuple(i for i in old if i not in new)


def _multiset_diff(before: Sequence[Any], after: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(rows of ``before`` not in ``after``, rows of ``after`` not in ``before``), counting repeats."""
    old, new = Counter(before), Counter(after)
    return tuple((old - new).elements()), tuple((new - old).elements())


def corpus_changes(before: Corpus, after: Corpus) -> CorpusChanges:
    """The rows a store must write to turn the stored ``before`` into ``after`` (``Store.corpus``
    of the result equals ``ordered_corpus(after)``)."""
    entities, gone_entities = _changed_by_id(before.entities, after.entities)
    events, gone_events = _changed_by_id(before.events, after.events)
    gone_positions, positions = _multiset_diff(before.positions, after.positions)
    gone_figures, figures = _multiset_diff(before.figures, after.figures)
    gone_conflicts, conflicts = _multiset_diff(before.conflicts, after.conflicts)
    drop = Counter(gone_figures)
    kept = []
    for f in before.figures:  # the stored figures in order, less those gone
        if drop[f]:
            drop[f] -= 1
        else:
            kept.append(f)
    appended = tuple(after.figures[: len(kept)]) == tuple(kept)
    return CorpusChanges(
        entities=tuple(entities), gone_entities=gone_entities, events=tuple(events), gone_events=gone_events,
        positions=positions, gone_positions=gone_positions,
        figures=figures if appended else (), gone_figures=gone_figures if appended else (),
        all_figures=None if appended else tuple(after.figures),
        conflicts=conflicts, gone_conflicts=gone_conflicts,
    )


def ordered_corpus(corpus: Corpus) -> Corpus:
    """``corpus`` with its positions and conflicts in listing order: how every store reads it."""
    from dossier.extract.conflicts_events import conflict_order
    from dossier.extract.positions import position_order

    names = {e.id: e.name for e in corpus.entities}
    return replace(corpus, positions=tuple(position_order(corpus.positions, names)),
                   conflicts=tuple(conflict_order(corpus.conflicts)))


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    start: int
    end: int
    text: str
    snippet: str  # the sentence with hits wrapped in [[...]] markers (escaped by the renderer)
    score: float


@dataclass(frozen=True)
class DocMeta:
    """The few fields of a document that listings filter and label by, read without its text."""

    id: str
    source: str
    status: str
    published: str | None
    outlet: str | None
    title: str | None
    duplicate_of: str | None = None
    precision: str | None = None  # of ``published``: day, month, year or none
    confidence: float | None = None  # of ``published``


class Store(Protocol):
    location: str

    def close(self) -> None: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    # per-document (map) results: each put is one atomic commit
    def has_document(self, doc_id: str, version: str) -> bool: ...
    def put_document(
        self, doc: Document, annots: Annotations, raw: bytes, version: str, declared: dict[str, str] | None = None
    ) -> None: ...
    def add_source(self, source: str, doc_id: str, declared: dict[str, str] | None = None) -> None: ...
    def sources(self, doc_id: str) -> list[tuple[str, dict[str, str]]]: ...
    def add_skipped(self, source: str, reason: str) -> None: ...
    def skipped(self) -> list[tuple[str, str]]: ...
    def documents(self) -> list[Document]: ...
    def document(self, doc_id: str) -> Document | None: ...
    def annotations(self, doc_id: str) -> Annotations | None: ...
    def all_annotations(self) -> dict[str, Annotations]: ...
    def raw(self, doc_id: str) -> bytes | None: ...
    def page(self, doc_id: str) -> Page | None: ...

    # cross-document (reduce) results
    def update_documents(
        self,
        dates: dict[str, PublicationDate],
        duplicates: dict[str, str | None],
        annotations: Iterable[Annotations] = (),
    ) -> None: ...
    def replace_corpus(self, corpus: Corpus) -> None: ...
    def update_corpus(self, changes: CorpusChanges) -> None: ...
    def corpus(self) -> Corpus: ...
    def search(
        self,
        query: str,
        limit: int = 20,
        doc_ids: Iterable[str] | None = None,
        *,
        offset: int = 0,
        live: bool = False,
        outlet: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> list[SearchHit]: ...

    # light reads for listings (no document text, no full annotations)
    def document_meta(self) -> list[DocMeta]: ...
    def find_quotes(self, query: QuoteQuery = ALL_QUOTES, limit: int | None = None, offset: int = 0,
                    total: int | None = None) -> tuple[int, list[Quote]]: ...
    def names_any(self, doc_id: str, start: int, end: int, ids: Iterable[str]) -> bool: ...
    def speaker_names(self) -> list[str]: ...
    def sentence_bounds(self, doc_id: str) -> list[tuple[int, int]]: ...
    def count_quotes(self) -> int: ...
