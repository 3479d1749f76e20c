"""The store interface every backend implements (SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Protocol

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
    """What the cross-document (reduce) step computes; replaced as a whole on every build."""

    entities: tuple[Entity, ...] = ()  # each stored mention and quote carries its entity id
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()


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
