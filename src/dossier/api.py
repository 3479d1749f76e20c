"""The Python API: ``from dossier import Dossier``.

    d = Dossier.open("dossier.db")
    d.build(["pages/"])
    for ev in d.timeline(entity="Smith"):
        print(ev.date, ev.summary)

Every method returns the typed model objects of ``dossier.model`` (the CLI prints the same objects as
text or JSON); ``cite(span)`` gives the sentence any of them came from.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from dossier.budget import DEFAULT_PAGE_TIMEOUT, DEFAULT_PASS_BUDGET
from dossier.config import checked_map_batch, config_path, load_config, load_map_batch, load_pass_budget
from dossier.ingest.manifest import Manifest
from dossier.model import Conflict, CorpusFigure, Document, Entity, Event, Position, Quote, Span
from dossier.mapstep import DEFAULT_MAP_BATCH
from dossier.pipeline import BuildReport, Settings, build, rebuild, reduce_corpus
from dossier.query import Citation, Reader
from dossier.query.filters import NO_FILTERS, Filters
from dossier.store import SearchHit, Store, open_store

if TYPE_CHECKING:  # imported lazily at run time (ask loads rapidfuzz)
    from dossier.query.ask import Answer

logger = logging.getLogger(__name__)


class Dossier:
    """One story's store, with the reads the CLI, web app and report use."""

    def __init__(self, store: Store, config: Path | None = None):
        self.store = store
        self.config = config
        self._reader: Reader | None = None

    @classmethod
    def open(cls, path: str | Path | None = None, config: str | Path | None = None) -> "Dossier":
        store = open_store(path)
        return cls(store, config_path(store.location, config))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Dossier":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reader(self) -> Reader:
        if self._reader is None:
            self._reader = Reader(self.store)
        return self._reader

    def settings(self, workers: int = 1, page_timeout: float | None = DEFAULT_PAGE_TIMEOUT,
                 executor: str | None = None, map_batch: int | None = None) -> Settings:
        """The build's settings: the arguments, then the settings file (``map_batch`` None: the file's).
        A ``map_batch`` below 1 is refused (ValueError), not read as "not given"."""
        model = load_config(self.config).get("model")
        batch = load_map_batch(self.config, DEFAULT_MAP_BATCH) if map_batch is None else checked_map_batch(map_batch)
        return Settings(model=model, workers=workers, config=self.config, page_timeout=page_timeout,
                        executor=executor, pass_budget=load_pass_budget(self.config, DEFAULT_PASS_BUDGET),
                        map_batch=batch)

    # -- writing --------------------------------------------------------------------------------
    def build(
        self,
        paths: Iterable[str | Path],
        workers: int = 1,
        date: str | None = None,
        on_progress: Callable[[str, int, int | None], None] | None = None,
        manifest: "str | Path | Manifest | None" = None,
        page_timeout: float | None = DEFAULT_PAGE_TIMEOUT,
        executor: str | None = None,
        full: bool = False,
        map_batch: int | None = None,
    ) -> BuildReport:
        """Build from files; ``manifest`` (CSV/TSV/JSONL: file or url -> published, title, outlet,
        author, url) declares each page's metadata and wins over the page's own. ``page_timeout``: CPU
        seconds a page may take (then it is kept raw); ``executor``: serial, local (a process pool of
        ``workers``), dask, or a tcp:// Dask scheduler address; ``full``: recompute the whole corpus
        step instead of folding a few new pages into the stored results; ``map_batch``: pages a map
        task runs through spaCy at once (>= 1; None: the settings file's, default 8)."""
        from dossier.ingest.manifest import load_manifest

        declared = {"published": date} if date else None
        table = load_manifest(manifest) if isinstance(manifest, (str, Path)) else manifest
        settings = dataclasses.replace(self.settings(workers, page_timeout, executor, map_batch), full_corpus=full)
        report = build(paths, self.store, settings, declared, on_progress, table)
        self._reader = None
        return report

    def rebuild(self, workers: int = 1, on_progress: Callable[[str, int, int | None], None] | None = None,
                page_timeout: float | None = DEFAULT_PAGE_TIMEOUT, executor: str | None = None,
                map_batch: int | None = None) -> BuildReport:
        """Re-run every stage from the pages kept in the store (after an upgrade; no source files needed)."""
        report = rebuild(self.store, self.settings(workers, page_timeout, executor, map_batch), on_progress)
        self._reader = None
        return report

    def resolve(self, full: bool = False) -> None:
        """Rerun the cross-document step alone (after editing corrections): pages stored since the
        last step are folded in when they can be, else (or with ``full``) everything is recomputed."""
        reduce_corpus(self.store, dataclasses.replace(self.settings(), full_corpus=full))
        self._reader = None

    # -- reading: every listing takes the same ``Filters`` (outlet, from/to dates, entity) as the CLI
    # and the web app (``dossier.query.filters``).
    def documents(self, filters: Filters = NO_FILTERS) -> list[Document]:
        """Every stored document, or those that pass ``filters`` (outlet, dates, entity)."""
        if filters == NO_FILTERS:
            return self.reader.all_documents
        return [doc for m in self.reader.documents(filters) if (doc := self.reader.docs.get(m.id)) is not None]

    def document(self, doc_id: str) -> Document | None:
        return self.reader.document(doc_id)

    def entities(self, type: str | None = None, filters: Filters = NO_FILTERS) -> list[Entity]:
        return self.reader.entities(type, filters)

    def who(self, name: str) -> list[Entity]:
        return self.reader.who(name)

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
        """Events by date (``main``: the story's main events only, as ``dossier timeline`` shows)."""
        return self.reader.timeline(entity, start, end, min_confidence, outlet=outlet, filters=filters, main=main)

    def quotes(self, speaker: str | None = None, filters: Filters = NO_FILTERS) -> list[Quote]:
        return self.reader.quotes(speaker, filters)

    def positions(self, actor: str | None = None, issue: str | None = None,
                  filters: Filters = NO_FILTERS) -> list[Position]:
        return self.reader.positions(actor, issue, filters)

    def figures(self, filters: Filters = NO_FILTERS) -> list[CorpusFigure]:
        return self.reader.figures(filters)

    def conflicts(self, filters: Filters = NO_FILTERS) -> list[Conflict]:
        return self.reader.conflicts(filters)

    def search(self, query: str, limit: int = 20, filters: Filters = NO_FILTERS) -> list[SearchHit]:
        """BM25 over the sentences of live documents (the filters run in SQL)."""
        return self.reader.search(query, limit=limit, filters=filters)

    def cite(self, span: Span) -> Citation | None:
        return self.reader.cite(span)

    def ask(self, question: str) -> Answer:
        from dossier.query.ask import ask

        return ask(self.reader, question)
