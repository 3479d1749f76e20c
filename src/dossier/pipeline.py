"""The ordered stages: a pure per-document map, then a cross-document reduce.

map (``process_page``): clean -> date -> nlp -> quotes / events / claims. It never looks at another
document, so it runs serially, in a process pool, or (later) on a Dask cluster through the same
``Executor`` interface, and each result is committed on its own: a killed build resumes where it
stopped. reduce (``reduce_corpus``): the declared passes of ``dossier.corpus`` (duplicates ->
resolve -> events -> redate -> positions -> figures -> conflicts, re-dating re-running the passes
whose inputs it changed); it reads the store and can be rerun alone (``dossier resolve``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol, Sequence

from dossier import __version__
from dossier.ingest.manifest import Manifest
from dossier.model import Annotations, Document, Page, Skipped
from dossier.store import Corpus, Store

if TYPE_CHECKING:
    from dossier.corpus import Corpus as CorpusState

logger = logging.getLogger(__name__)

# Bump when a stage changes what it stores: documents built by another version are rebuilt.
PIPELINE_REVISION = "3"  # 2: own dating evidence (own_month); 3: furniture digests


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
    not_in_manifest: list[str] = field(default_factory=list)  # pages a --manifest names no row for

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def pipeline_version(model: str | None) -> str:
    return f"{__version__}+{PIPELINE_REVISION}+{model or 'default'}"


# ---------------------------------------------------------------------------------------------
# map
# ---------------------------------------------------------------------------------------------


def analyse_document(doc: Document, nlp: Any) -> Annotations:
    """The language layer and the registered per-document extractors (``dossier.extractors``)."""
    from dossier.extract.registry import ordered
    from dossier.nlp.annotate import annotate_document
    from dossier.plugins import EXTRACTORS, load_group

    annots, sdoc = annotate_document(doc, nlp)
    for extractor in ordered(load_group(EXTRACTORS)):
        annots = extractor.fn(doc, sdoc, annots)
    return annots


def own_dating(doc: Document) -> Document:
    """Keep the page's own dating evidence the corpus step needs (the month an undated page names),
    so no corpus pass re-reads text."""
    from dossier.date import date_from_text

    if doc.published.value:
        return doc
    return replace(doc, own_month=date_from_text(doc.text).month)


def process_page(page: Page, furniture: frozenset[str] = frozenset(), model: str | None = None) -> MapResult:
    """Page -> clean, dated, annotated document. Errors are reported on the result, never raised.

    ``furniture`` holds the digests (``clean.furniture_keys``) of lines other pages of a site repeat;
    the cleaner removes those of this page, and the document keeps its own digests for the next build.
    """
    from dossier.clean import clean_page, furniture_keys
    from dossier.date import date_document
    from dossier.nlp.pipeline import load_pipeline

    keys = furniture_keys(page)
    applied = {h: line for h, line in keys.items() if h in furniture}
    doc = clean_page(page, frozenset(applied.values()))
    doc = replace(doc, line_keys=tuple(sorted(keys)), furniture=tuple(sorted(applied)))
    if doc.status == "non_english":  # dated like any page (metadata, numbers, month names); no English layer
        try:
            doc = replace(doc, published=date_document(doc, page))
        except Exception:  # noqa: BLE001 - an undated page is still a page: keep it, say why in the log
            logger.warning("dating failed for %s", page.source, exc_info=True)
    if doc.status != "ok":
        return MapResult(doc, Annotations(doc_id=doc.id), page.raw, declared=page.declared)
    try:
        doc = own_dating(replace(doc, published=date_document(doc, page)))
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
    manifest: Manifest | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``store``: skip unchanged documents, map the rest, then reduce.

    ``manifest`` (the user's table of file/URL -> published, title, outlet, author) is declared on
    each page it names and wins over the page's own metadata.
    """
    from dossier.ingest import doc_id, read_inputs

    report = BuildReport()
    pages: list[Page] = []
    for item in read_inputs(paths, declared):
        if isinstance(item, Skipped):
            report.skipped.append((item.source, item.reason))
            store.add_skipped(item.source, item.reason)
        else:
            page = manifest.apply(item) if manifest else item
            if manifest and page is item:
                report.not_in_manifest.append(item.source)
            pages.append(page)
    version = _known_version(store, settings, [doc_id(p.raw) for p in pages]) or _record_model(store, settings)
    todo: list[Page] = []
    seen: set[str] = set()
    for page in pages:
        did = doc_id(page.raw)
        if (store.has_document(did, version) and not _declared_changed(store, did, page, manifest)) or did in seen:
            report.unchanged.append(page.source)
            store.add_source(page.source, did)
        else:
            seen.add(did)
            todo.append(page)
    refreshed: list[str] = []
    if todo:  # new pages may make lines of stored pages of their site furniture (nothing else can)
        counts = stored_line_counts(store, skip={doc_id(p.raw) for p in todo})
        _map_and_commit(todo, repeated_keys(counts, todo), store, settings, version, report, on_progress)
        refreshed = refresh_furniture(store, settings, version)
    if todo or refreshed or store.get_meta("corpus_stamp") != corpus_stamp(store, settings):
        report.duplicates = reduce_corpus(store, settings)
    else:  # nothing added or changed since the last corpus step: its results stand (a no-op rebuild)
        report.duplicates = [m.source for m in store.document_meta() if m.status == "duplicate"]
    store.set_meta("pipeline_version", version)
    return report


# ---------------------------------------------------------------------------------------------
# cross-page furniture: lines one site repeats on many pages
# ---------------------------------------------------------------------------------------------


def stored_line_counts(store: Store, skip: frozenset[str] | set[str] = frozenset()) -> Counter[str]:
    """How many stored pages (other than ``skip``) have each short-line digest."""
    counts: Counter[str] = Counter()
    for doc in store.documents():
        if doc.id not in skip:
            counts.update(doc.line_keys)
    return counts


def repeated_keys(counts: Counter[str], pages: Sequence[Page]) -> frozenset[str]:
    """Digests of lines found on two or more pages of one site: the stored ones and ``pages``."""
    from dossier.clean import furniture_keys

    total = counts.copy()
    for page in pages:
        total.update(furniture_keys(page).keys())
    return frozenset(h for h, c in total.items() if c >= 2)


def refresh_furniture(store: Store, settings: Settings, version: str) -> list[str]:
    """Map again the stored flat pages whose cross-page furniture changed since they were cleaned
    (a new page of their site repeats one of their lines), so a page's text depends on the pages
    of its site in the store, never on how they were batched. Returns the ids mapped again."""
    docs = store.documents()
    counts: Counter[str] = Counter(h for d in docs for h in d.line_keys)
    stale = [d.id for d in docs if {h for h in d.line_keys if counts[h] >= 2} != set(d.furniture)]
    pages = [p for i in stale if (p := store.page(i)) is not None]
    if not pages:
        return []
    logger.info("furniture: %d stored pages share lines with new pages of their site; mapping them again", len(pages))
    repeated = frozenset(h for h, c in counts.items() if c >= 2)
    for result in make_executor(settings.workers).map(process_page, pages, repeated, settings.model):
        store.put_document(result.doc, result.annots, result.raw, version, result.declared)
    return stale


def _known_version(store: Store, settings: Settings, ids: Sequence[str]) -> str | None:
    """The stored pipeline version when every page is already stored by this code and model setting:
    then the language model (seconds to load) need not be loaded to learn it. A new model is picked
    up by the next build that adds a page (all pages are then rebuilt) or by ``dossier rebuild``."""
    prior = store.get_meta("pipeline_version")
    code = pipeline_version(None).rsplit("+", 1)[0] + "+"
    if not prior or not prior.startswith(code) or store.get_meta("model_setting") != str(settings.model):
        return None
    return prior if all(store.has_document(i, prior) for i in ids) else None


def corpus_stamp(store: Store, settings: Settings) -> str:
    """What the corpus step's result depends on: the stored documents and the user's config."""
    import hashlib

    digest = hashlib.sha256("\n".join(sorted(m.id for m in store.document_meta())).encode())
    if settings.config and Path(settings.config).exists():
        digest.update(Path(settings.config).read_bytes())
    return digest.hexdigest()


def _declared_changed(store: Store, did: str, page: Page, manifest: Manifest | None) -> bool:
    """A stored page whose manifest fields changed is built again (its content id did not change)."""
    if manifest is None:
        return False
    stored = store.page(did)
    return stored is None or stored.declared != page.declared


def _record_model(store: Store, settings: Settings) -> str:
    """Load the language model once, note it in the store, and return the pipeline version."""
    from dossier.nlp.pipeline import load_pipeline, model_label

    model = model_label(load_pipeline(settings.model))
    store.set_meta("model", model)
    store.set_meta("model_setting", str(settings.model))
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
    version = _record_model(store, settings)
    pages = [p for d in store.documents() if (p := store.page(d.id)) is not None]
    report = BuildReport()
    _map_and_commit(pages, repeated_keys(Counter(), pages), store, settings, version, report, on_progress)
    report.duplicates = reduce_corpus(store, settings)
    store.set_meta("pipeline_version", version)
    return report


# ---------------------------------------------------------------------------------------------
# reduce
# ---------------------------------------------------------------------------------------------


def reduce_corpus(store: Store, settings: Settings = Settings()) -> list[str]:
    """Run the registered corpus passes over everything stored; returns the sources marked as
    duplicates. Only what the passes changed is written back (dates, rebased annotations)."""
    from dossier.config import load_issue_names
    from dossier.corpus import Options, corpus_of, registered_passes, run_passes
    from dossier.resolve.corrections import load_corrections

    options = Options(
        corrections=load_corrections(settings.config) if settings.config else None,
        issue_names=load_issue_names(settings.config),
    )
    before = corpus_of(store.documents(), store.all_annotations(), options)
    after, log = run_passes(before, registered_passes())
    seconds = log.seconds_by_pass()
    logger.info("corpus step: %s", ", ".join(f"{k} {v:.2f} s" for k, v in seconds.items()))
    _write_corpus(store, before, after)
    # each pass's time by name (and whether re-dating settled), for budgets and `dossier status`
    store.set_meta("corpus_passes", json.dumps({"seconds": {k: round(v, 3) for k, v in seconds.items()},
                                                "runs": [r.name for r in log.runs], "converged": log.converged}))
    store.set_meta("corpus_stamp", corpus_stamp(store, settings))
    return [d.source for d in after.documents.values() if d.status == "duplicate"]


def _write_corpus(store: Store, before: CorpusState, after: CorpusState) -> None:
    """Store what the corpus step changed on the pages and everything it computed across them."""
    new_dates = {i: d.published for i, d in after.documents.items() if d.published != before.documents[i].published}
    duplicates = {i: d.duplicate_of for i, d in after.documents.items()}
    rebased = [a for i, a in after.annotations.items() if a is not before.annotations.get(i)]
    store.update_documents(new_dates, duplicates, rebased)
    store.replace_corpus(
        Corpus(
            entities=tuple(after.entities.values()),
            events=tuple(after.events),
            positions=tuple(after.positions),
            conflicts=tuple(after.conflicts),
            figures=tuple(after.figures),
        )
    )
