"""The ordered stages: a pure per-document map, then a cross-document reduce.

map (``process_page``): clean -> date -> nlp -> quotes / events / claims. It never looks at another
document, so it runs serially, in a process pool, or (later) on a Dask cluster through the same
``Executor`` interface, and each result is committed on its own: a killed build resumes where it
stopped. reduce (``reduce_corpus``): duplicates -> entities -> merged events -> re-dating ->
positions -> figures and conflicts; it reads the store and can be rerun alone (``dossier resolve``).
"""

from __future__ import annotations

import dataclasses
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

from dossier import __version__
from dossier.model import Annotations, Document, Page, Skipped
from dossier.store import Corpus, Store

# Bump when a stage changes what it stores: documents built by another version are rebuilt.
PIPELINE_REVISION = "1"


@dataclass(frozen=True)
class Settings:
    """What a build needs besides its inputs (see ``dossier.config``)."""

    model: str | None = None
    workers: int = 1
    config: Path | None = None  # the user's TOML file: corrections, issue names


@dataclass(frozen=True)
class MapResult:
    doc: Document
    annots: Annotations
    raw: bytes
    error: str | None = None
    declared: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    non_english: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # kept as raw, with the error
    skipped: list[tuple[str, str]] = field(default_factory=list)  # not stored, with the reason

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def pipeline_version(model: str | None) -> str:
    return f"{__version__}+{PIPELINE_REVISION}+{model or 'default'}"


# ---------------------------------------------------------------------------------------------
# map
# ---------------------------------------------------------------------------------------------


def analyse_document(doc: Document, nlp: Any) -> Annotations:
    """The language layer and the per-document extractors on one clean, dated document."""
    from dossier.extract.claims import find_claims
    from dossier.extract.events import find_events
    from dossier.extract.quotes import find_quotes
    from dossier.nlp.annotate import annotate_document

    annots, sdoc = annotate_document(doc, nlp)
    quotes = tuple(find_quotes(doc, sdoc, annots.mentions))
    annots = replace(annots, quotes=quotes)
    events = tuple(find_events(doc, sdoc, annots))
    claims = tuple(find_claims(doc, sdoc, annots))
    return replace(annots, events=events, claims=claims)


def process_page(page: Page, repeated: frozenset[str] = frozenset(), model: str | None = None) -> MapResult:
    """Page -> clean, dated, annotated document. Errors are reported on the result, never raised."""
    from dossier.clean import clean_page
    from dossier.date import date_document
    from dossier.nlp.pipeline import load_pipeline

    doc = clean_page(page, repeated)
    if doc.status != "ok":
        return MapResult(doc, Annotations(doc_id=doc.id), page.raw, declared=page.declared)
    try:
        doc = replace(doc, published=date_document(doc, page))
        annots = analyse_document(doc, load_pipeline(model))
    except Exception as exc:  # one bad document must not stop the batch: keep it as raw, say why
        reason = f"analysis failed: {type(exc).__name__}: {exc}"
        detail = traceback.format_exc(limit=3)
        failed = replace(doc, status="raw", reason=reason)
        return MapResult(failed, Annotations(doc_id=doc.id), page.raw, detail, page.declared)
    return MapResult(doc, annots, page.raw, declared=page.declared)


class Executor(Protocol):
    """Runs the map step. Serial and process-pool here; a Dask client fits the same shape."""

    def map(self, fn: Callable[..., MapResult], items: Sequence[Page], *args: Any) -> Iterator[MapResult]: ...


class SerialExecutor:
    def map(self, fn: Callable[..., MapResult], items: Sequence[Page], *args: Any) -> Iterator[MapResult]:
        for item in items:
            yield fn(item, *args)


class ProcessExecutor:
    """A local process pool; results come back in input order and are committed one by one."""

    def __init__(self, workers: int):
        self.workers = workers

    def map(self, fn: Callable[..., MapResult], items: Sequence[Page], *args: Any) -> Iterator[MapResult]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            futures = [pool.submit(fn, item, *args) for item in items]
            for fut in futures:
                yield fut.result()


def make_executor(workers: int) -> Executor:
    return ProcessExecutor(workers) if workers > 1 else SerialExecutor()


def build(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings = Settings(),
    declared: dict[str, str] | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``store``: skip unchanged documents, map the rest, then reduce."""
    from dossier.clean import repeated_lines
    from dossier.ingest import doc_id, read_inputs

    report = BuildReport()
    pages: list[Page] = []
    for item in read_inputs(paths, declared):
        if isinstance(item, Skipped):
            report.skipped.append((item.source, item.reason))
            store.add_skipped(item.source, item.reason)
        else:
            pages.append(item)
    version = _record_model(store, settings)
    todo: list[Page] = []
    seen: set[str] = set()
    for page in pages:
        did = doc_id(page.raw)
        if store.has_document(did, version) or did in seen:
            report.unchanged.append(page.source)
            store.add_source(page.source, did)
        else:
            seen.add(did)
            todo.append(page)
    _map_and_commit(todo, repeated_lines(pages), store, settings, version, report, on_progress)
    report.duplicates = reduce_corpus(store, settings)
    store.set_meta("pipeline_version", version)
    return report


def _record_model(store: Store, settings: Settings) -> str:
    """Load the language model once, note it in the store, and return the pipeline version."""
    from dossier.nlp.pipeline import load_pipeline, model_label

    model = model_label(load_pipeline(settings.model))
    store.set_meta("model", model)
    return pipeline_version(model)


def _map_and_commit(
    todo: Sequence[Page],
    repeated: frozenset[str],
    store: Store,
    settings: Settings,
    version: str,
    report: BuildReport,
    on_progress: Callable[[str, int, int], None] | None,
) -> None:
    """Run the map step over ``todo`` and commit each document as soon as it is done."""
    executor = make_executor(settings.workers)
    for i, result in enumerate(executor.map(process_page, todo, repeated, settings.model), 1):
        store.put_document(result.doc, result.annots, result.raw, version, result.declared)
        if result.doc.status == "raw":
            report.failed.append((result.doc.source, result.doc.reason or "unreadable"))
        elif result.doc.status == "non_english":
            report.non_english.append(result.doc.source)
        elif result.doc.status == "empty":
            report.skipped.append((result.doc.source, result.doc.reason or "empty after cleaning"))
        else:
            report.added.append(result.doc.source)
        if on_progress:
            on_progress(result.doc.source, i, len(todo))


def rebuild(
    store: Store,
    settings: Settings = Settings(),
    on_progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Re-run every stage from the raw pages kept in the store (no source files needed)."""
    from dossier.clean import repeated_lines

    version = _record_model(store, settings)
    pages = [p for d in store.documents() if (p := store.page(d.id)) is not None]
    report = BuildReport()
    _map_and_commit(pages, repeated_lines(pages), store, settings, version, report, on_progress)
    report.duplicates = reduce_corpus(store, settings)
    store.set_meta("pipeline_version", version)
    return report


# ---------------------------------------------------------------------------------------------
# reduce
# ---------------------------------------------------------------------------------------------


def reduce_corpus(store: Store, settings: Settings = Settings()) -> list[str]:
    """Cross-document work over everything stored; returns the sources marked as duplicates."""
    from dossier.clean.duplicates import find_duplicates
    from dossier.config import load_issue_names
    from dossier.date.redate import rebase_times, redate_documents
    from dossier.extract.conflicts import collect_figures, find_conflicts
    from dossier.extract.events import merge_events
    from dossier.extract.positions import build_positions, default_actor_of
    from dossier.resolve import resolve_entities
    from dossier.resolve.corrections import load_corrections

    docs = [d for d in store.documents() if d.status in ("ok", "duplicate")]
    all_annots = store.all_annotations()
    dup_of = find_duplicates(docs)
    duplicates = {d.id: dup_of.get(d.id) for d in docs}
    docs = [replace(d, duplicate_of=dup_of.get(d.id), status="duplicate" if d.id in dup_of else "ok") for d in docs]
    live = [d for d in docs if d.status == "ok"]
    annots = [all_annots[d.id] for d in live]
    corrections = load_corrections(settings.config) if settings.config else None

    resolution = resolve_entities(live, annots, corrections)
    events = merge_events(live, annots, _entity_id_of(resolution))
    new_dates = redate_documents(live, annots, events)
    rebased: list[Annotations] = []
    if new_dates:
        by_id = {d.id: d for d in live}
        rebased = [rebase_times(by_id[i], all_annots[i], date) for i, date in new_dates.items()]
        live = [replace(d, published=new_dates.get(d.id, d.published)) for d in live]
        fresh = {a.doc_id: a for a in rebased}
        annots = [fresh.get(a.doc_id, a) for a in annots]
        # Roles and events carry dates from their pages: resolve and merge again with the new dates.
        resolution = resolve_entities(live, annots, corrections)
        events = merge_events(live, annots, _entity_id_of(resolution))
    store.update_documents(new_dates, duplicates, rebased)

    positions = build_positions(live, annots, default_actor_of(resolution), load_issue_names(settings.config))
    conflicts = find_conflicts(live, annots, events, resolution.entities, resolution.mention_entity)
    figures = collect_figures(live, annots)
    store.replace_corpus(
        Corpus(
            entities=tuple(resolution.entities),
            mention_entity=dict(resolution.mention_entity),
            events=tuple(events),
            positions=tuple(positions),
            conflicts=tuple(conflicts),
            figures=tuple(figures),
        )
    )
    return [d.source for d in docs if d.status == "duplicate"]


def _entity_id_of(resolution: Any) -> Callable[[Any], str | None]:
    """The mention -> entity id function that event merging takes."""

    def entity_id(mention: Any) -> str | None:
        entity = resolution.entity_of(mention)
        return entity.id if entity else None

    return entity_id
