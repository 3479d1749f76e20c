"""The ordered stages: a pure per-document map, then a cross-document reduce.

map (``dossier.mapstep``): clean -> date -> nlp -> quotes / events / claims. It never looks at another
document, so it runs serially, in a process pool, or on a Dask cluster through the same ``Executor``
interface, a few pages a task (spaCy over them at once; a failed batch is mapped again page by page),
and each result is committed on its own: a killed build resumes where it stopped. reduce (``reduce_corpus``): the declared passes of ``dossier.corpus`` (duplicates -> story_year ->
resolve -> events -> redate -> positions -> figures -> conflicts, re-dating re-running the passes
whose inputs it changed); it reads the store and can be rerun alone (``dossier resolve``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from dossier import __version__
from dossier.budget import DEFAULT_PAGE_TIMEOUT, DEFAULT_PASS_BUDGET
from dossier.executor import Executor
from dossier.ingest.manifest import Manifest
from dossier.mapstep import DEFAULT_MAP_BATCH, MapResult, map_pages
from dossier.model import Annotations, Document, Event, Page, Skipped
from dossier.store import Corpus, Store
from dossier.upgrade import upgrade_stored

if TYPE_CHECKING:
    from dossier.corpus import Corpus as CorpusState
    from dossier.corpus.partitions import Partitions
    from dossier.corpus.writeback import AsRead

logger = logging.getLogger(__name__)

# Bump when a stage changes what it stores: documents built by another version are rebuilt, unless
# the change can be made from what is stored: then register an upgrade in ``dossier.upgrade``.
# 2: own dating evidence (own_month); 3: furniture digests; 4: own_day; 5: own_latest_year; 6: mention titles
# (occupations, compound nouns, relative clauses; session 21: no upgrade, the pages are mapped again)
PIPELINE_REVISION = "6"
# Bump when the corpus step changes what it stores: the next build reruns it even with no new page.
CORPUS_REVISION = "2"  # 2: entity ids in Claim.actor, Position.actor, Event.participants


@dataclass(frozen=True)
class Settings:
    """What a build needs besides its inputs (see ``dossier.config``)."""

    model: str | None = None
    workers: int = 1
    config: Path | None = None  # the user's TOML file: corrections, issue names
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT  # CPU seconds a page may take in the map step
    executor: str | None = None  # serial, local (default), dask or tcp://host:port (see dossier.executor)
    pass_budget: float | None = DEFAULT_PASS_BUDGET  # CPU seconds a corpus pass may take before a warning
    full_corpus: bool = False  # --all: a full corpus step even when new pages could be folded in
    map_batch: int = DEFAULT_MAP_BATCH  # pages a worker runs through spaCy at once (1: one a call)


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    non_english: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # kept as raw, with the error
    skipped: list[tuple[str, str]] = field(default_factory=list)  # not stored, with the reason
    not_in_manifest: list[str] = field(default_factory=list)  # pages a --manifest names no row for
    timed_out: list[tuple[str, str]] = field(default_factory=list)  # kept raw: over the page budget
    upgraded: list[str] = field(default_factory=list)  # ids of stored pages upgraded, not mapped again (``upgrade``)
    passes: dict[str, float] = field(default_factory=dict)  # corpus pass -> seconds (when the step ran)
    passes_over_budget: list[str] = field(default_factory=list)  # one line per corpus pass over budget

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def pipeline_version(model: str | None) -> str:
    return f"{__version__}+{PIPELINE_REVISION}+{model or 'default'}"


def document_version(version: str, declared: dict[str, str]) -> str:
    """The pipeline version plus a digest of what the user or container declared (e.g. ``--date``):
    the same bytes given another date are processed again instead of being reported unchanged."""
    if not declared:
        return version
    digest = hashlib.sha256(json.dumps(declared, sort_keys=True).encode("utf-8")).hexdigest()[:8]
    return f"{version}@{digest}"


# ---------------------------------------------------------------------------------------------
# map
# ---------------------------------------------------------------------------------------------


def make_executor(settings: Settings) -> Executor:
    from dossier.executor import make_executor as make

    return make(settings.executor, settings.workers, settings.page_timeout)


def _map(settings: Settings, pages: Iterable[Page], furniture: frozenset[str],
         executor: Executor | None = None) -> Iterator[MapResult]:
    """The map step over ``pages`` (read lazily) on ``executor`` (else the configured one), within the
    page budget, ``settings.map_batch`` pages a task (``dossier.mapstep``)."""
    made = (lambda: executor) if executor is not None else functools.partial(make_executor, settings)
    return map_pages(made, pages, furniture, settings.model, settings.page_timeout, settings.map_batch)


def build(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings = Settings(),
    declared: dict[str, str] | None = None,
    on_progress: Callable[[str, int, int | None], None] | None = None,
    manifest: Manifest | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``store``: skip unchanged documents, map the rest, then reduce.

    ``manifest`` (the user's table of file/URL -> published, title, outlet, author) is declared on
    each page it names and wins over the page's own metadata; a page whose declared metadata changed
    is built again (``document_version``).

    Inputs are streamed: read, hashed and mapped lazily with a bounded number in flight, so memory
    does not grow with the number of pages. The furniture digests of the new flat pages are counted
    in a cheap first pass over the text inputs that keeps no page (HTML pages have none). The map
    step and the corpus step's parts share one executor (on Dask, one cluster: ``kept_open``).
    """
    executor = make_executor(settings)
    with executor.kept_open():
        return _build(list(paths), store, settings, declared, on_progress, manifest, executor)


def _build(
    paths: list[str | Path], store: Store, settings: Settings, declared: dict[str, str] | None,
    on_progress: Callable[[str, int, int | None], None] | None, manifest: Manifest | None, executor: Executor,
) -> BuildReport:
    from dossier.ingest import read_inputs
    from dossier.ingest.read import KINDS

    report = BuildReport()

    def inputs(kinds: tuple[str, ...] = KINDS, note: bool = False) -> Iterator[Page | Skipped]:
        for item in read_inputs(paths, declared, kinds=kinds):
            page = manifest.apply(item) if manifest and isinstance(item, Page) else item
            if note and manifest and isinstance(item, Page) and page is item:
                report.not_in_manifest.append(item.source)
            yield page

    prior = _prior_version(store, settings)
    if prior and _all_stored(inputs(), store, prior):
        version = prior  # nothing new: the language model (seconds to load) is not needed
    else:
        version = _record_model(store, settings)
    upgraded = report.upgraded = upgrade_stored(store, version)  # before asking which pages are stale
    new_counts, new_ids = _new_line_keys(inputs(("text", "jsonl")), store, version)
    counts = stored_line_counts(store, skip=new_ids) + new_counts
    repeated = frozenset(h for h, c in counts.items() if c >= 2)
    mapped = _map_and_commit(_new_pages(inputs(note=True), store, version, report), repeated, store, settings,
                             version, report, on_progress, executor)
    replaced: dict[str, tuple[Document, Annotations]] = {}
    refreshed = refresh_furniture(store, settings, version, replaced, executor) if mapped else []
    changed = frozenset(mapped + refreshed + upgraded)
    if changed or settings.full_corpus or store.get_meta("corpus_stamp") != corpus_stamp(store, settings):
        report.duplicates = reduce_corpus(store, settings, report, changed, replaced, executor)
    else:  # nothing added or changed since the last corpus step: its results stand (a no-op rebuild)
        report.duplicates = [m.source for m in store.document_meta() if m.status == "duplicate"]
    store.set_meta("pipeline_version", version)
    return report


def _new_line_keys(items: Iterable[Page | Skipped], store: Store, version: str) -> tuple[Counter[str], set[str]]:
    """Furniture digests of the flat pages not stored yet, and their ids (one page at a time)."""
    from dossier.clean import furniture_keys
    from dossier.ingest import doc_id

    counts: Counter[str] = Counter()
    ids: set[str] = set()
    for page in items:
        if isinstance(page, Skipped):
            continue
        did = doc_id(page.raw)
        if did not in ids and not store.has_document(did, document_version(version, page.declared)):
            ids.add(did)
            counts.update(furniture_keys(page).keys())
    return counts, ids


def _new_pages(items: Iterable[Page | Skipped], store: Store, version: str, report: BuildReport) -> Iterator[Page]:
    """The pages not stored yet under this version (skipped inputs and unchanged pages are recorded)."""
    from dossier.ingest import doc_id

    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append((item.source, item.reason))
            store.add_skipped(item.source, item.reason)
            continue
        did = doc_id(item.raw)
        if did in seen or store.has_document(did, document_version(version, item.declared)):
            report.unchanged.append(item.source)
            store.add_source(item.source, did, item.declared)  # its own url, title, date kept
        else:
            seen.add(did)
            yield item


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


def repeated_keys(counts: Counter[str], pages: Iterable[Page]) -> frozenset[str]:
    """Digests of lines found on two or more pages of one site: the stored ones and ``pages``."""
    from dossier.clean import furniture_keys

    total = counts.copy()
    for page in pages:
        total.update(furniture_keys(page).keys())
    return frozenset(h for h, c in total.items() if c >= 2)


def refresh_furniture(
    store: Store, settings: Settings, version: str, replaced: dict[str, tuple[Document, Annotations]] | None = None,
    executor: Executor | None = None,
) -> list[str]:
    """Map again the stored flat pages whose cross-page furniture changed since they were cleaned
    (a new page of their site repeats one of their lines), so a page's text depends on the pages
    of its site in the store, never on how they were batched. Returns the ids mapped again; what
    they were before goes to ``replaced`` (when they are few: the incremental corpus step takes
    them out of the stored results and folds them in again)."""
    from dossier.corpus.incremental import MAX_SHARE

    docs = store.documents()
    counts: Counter[str] = Counter(h for d in docs for h in d.line_keys)
    stale = [d.id for d in docs if {h for h in d.line_keys if counts[h] >= 2} != set(d.furniture)]
    if not stale:
        return []
    logger.info("furniture: %d stored pages share lines with new pages of their site; mapping them again", len(stale))
    if replaced is not None and len(stale) <= MAX_SHARE * len(docs):
        by_id = {d.id: d for d in docs}
        replaced.update((i, (by_id[i], a)) for i in stale if (a := store.annotations(i)) is not None)
    repeated = frozenset(h for h, c in counts.items() if c >= 2)
    pages = (p for i in stale if (p := store.page(i)) is not None)  # one at a time: no list of pages
    for result in _map(settings, pages, repeated, executor):
        store.put_document(result.doc, result.annots, result.raw, document_version(version, result.declared),
                           result.declared)
    return stale


def _prior_version(store: Store, settings: Settings) -> str | None:
    """The stored pipeline version if it was made by this code and model setting (else None).

    When every input is already stored under it, the language model (seconds to load) need not be
    loaded to learn the version. A new model is picked up by the next build that adds a page (all
    pages are then rebuilt) or by ``dossier rebuild``."""
    prior = store.get_meta("pipeline_version")
    code = pipeline_version(None).rsplit("+", 1)[0] + "+"
    if not prior or not prior.startswith(code) or store.get_meta("model_setting") != str(settings.model):
        return None
    return prior


def _all_stored(items: Iterable[Page | Skipped], store: Store, version: str) -> bool:
    """Whether every readable input is stored under ``version`` (stops at the first that is not)."""
    from dossier.ingest import doc_id

    return all(store.has_document(doc_id(p.raw), document_version(version, p.declared))
               for p in items if not isinstance(p, Skipped))


def corpus_stamp(store: Store, settings: Settings) -> str:
    """What the corpus step's result depends on: the stored documents and the user's config."""
    import hashlib

    digest = hashlib.sha256("\n".join(sorted(m.id for m in store.document_meta())).encode())
    digest.update(f"corpus revision {CORPUS_REVISION}".encode())
    if settings.config and Path(settings.config).exists():
        digest.update(Path(settings.config).read_bytes())
    return digest.hexdigest()


def _record_model(store: Store, settings: Settings) -> str:
    """Load the language model once, note it in the store, and return the pipeline version."""
    from dossier.nlp.pipeline import load_pipeline, model_label

    model = model_label(load_pipeline(settings.model))
    store.set_meta("model", model)
    store.set_meta("model_setting", str(settings.model))
    return pipeline_version(model)


def _map_and_commit(
    todo: Iterable[Page],
    repeated: frozenset[str],
    store: Store,
    settings: Settings,
    version: str,
    report: BuildReport,
    on_progress: Callable[[str, int, int | None], None] | None,
    executor: Executor | None = None,
) -> list[str]:
    """Run the map step over ``todo`` and commit each document as soon as it is done; returns the
    ids of the documents mapped."""
    ids: list[str] = []
    for i, result in enumerate(_map(settings, todo, repeated, executor), 1):
        store.put_document(result.doc, result.annots, result.raw, document_version(version, result.declared),
                           result.declared)
        ids.append(result.doc.id)
        _count(result, report)
        if on_progress:
            on_progress(result.doc.source, i, None)
    return ids


def _count(result: MapResult, report: BuildReport) -> None:
    doc = result.doc
    if result.timed_out:
        report.timed_out.append((doc.source, doc.reason or "over the page budget"))
    elif doc.status == "raw":
        report.failed.append((doc.source, doc.reason or "unreadable"))
    elif doc.status == "non_english":
        report.non_english.append(doc.source)
    elif doc.status == "empty":
        report.skipped.append((doc.source, doc.reason or "empty after cleaning"))
    else:
        report.added.append(doc.source)


def rebuild(
    store: Store,
    settings: Settings = Settings(),
    on_progress: Callable[[str, int, int | None], None] | None = None,
) -> BuildReport:
    """Re-run every stage from the raw pages kept in the store (no source files needed)."""
    version = _record_model(store, settings)
    ids = [d.id for d in store.documents()]

    def pages() -> Iterator[Page]:  # one at a time from the store: no list of every raw page
        return (p for i in ids if (p := store.page(i)) is not None)

    report = BuildReport()
    executor = make_executor(settings)
    with executor.kept_open():
        _map_and_commit(pages(), repeated_keys(Counter(), pages()), store, settings, version, report, on_progress,
                        executor)
        report.duplicates = reduce_corpus(store, replace(settings, full_corpus=True), report, executor=executor)
    store.set_meta("pipeline_version", version)
    return report


# ---------------------------------------------------------------------------------------------
# reduce
# ---------------------------------------------------------------------------------------------


def reduce_corpus(
    store: Store, settings: Settings = Settings(), report: BuildReport | None = None,
    changed: frozenset[str] = frozenset(), replaced: Mapping[str, tuple[Document, Annotations]] | None = None,
    executor: Executor | None = None,
) -> list[str]:
    """Run the corpus step; returns the sources marked as duplicates. New pages are folded into the
    stored results (``corpus.incremental``) unless ``settings.full_corpus`` or ``incremental.plan``
    says a full step is needed (``changed``: pages this build mapped; ``replaced``: stored pages among
    them, as they were before, which the incremental step takes out and folds in again). A full step runs
    the registered passes over everything stored; only what they changed is written back (dates,
    rebased annotations). Each pass's time, and the passes over ``settings.pass_budget``, go to
    ``report`` and the store's meta. A full step runs its passes' per-page parts on ``executor``'s
    cluster when it is a Dask one (``corpus.partitions``; else the configured executor's)."""
    from dossier.config import load_issue_names
    from dossier.corpus import Options
    from dossier.corpus.incremental import INDEX_KEY, decode_index, plan
    from dossier.resolve.corrections import load_corrections

    options = Options(
        corrections=load_corrections(settings.config) if settings.config else None,
        issue_names=load_issue_names(settings.config),
    )
    index = decode_index(store.get_meta(INDEX_KEY))
    stamp = index_stamp(settings)
    why = "asked (--all)" if settings.full_corpus else None
    if why is None:
        kept = [m.id for m in store.document_meta() if m.status in ("ok", "duplicate", "non_english")]
        replaced = replaced or {}
        why = plan(index, stamp, kept, refreshed=bool(index and (changed & index.seen) - replaced.keys()),
                   replaced=len(replaced))
    if why is None and index is not None:
        done = _incremental_corpus(store, settings, options, index, report, replaced or {})
        if done is not None:
            return done
        why = "a new page changes a stored page's duplicate status"
    logger.info("corpus step: full (%s)", why)
    runner = executor or make_executor(settings)
    with runner.kept_open():  # one cluster for the step's passes (the build's, when it holds one open)
        return _full_corpus(store, settings, options, stamp, report, runner.partitions())


def index_stamp(settings: Settings) -> str:
    """What an incremental corpus step must share with the step it builds on: the corpus code
    revision and the user's configuration (corrections, issue names)."""
    digest = hashlib.sha256(f"corpus revision {CORPUS_REVISION}".encode())
    if settings.config and Path(settings.config).exists():
        digest.update(Path(settings.config).read_bytes())
    return digest.hexdigest()


def _full_corpus(store: Store, settings: Settings, options: Any, stamp: str, report: BuildReport | None,
                 partitions: Partitions) -> list[str]:
    """Every registered pass over every stored page, to a fixed point, their per-page parts on ``partitions``."""
    from dossier.corpus import corpus_of, registered_passes, run_passes
    from dossier.corpus.heap import frozen_until_done, read_unscanned
    from dossier.corpus.held import held_apart
    from dossier.corpus.incremental import INDEX_KEY, Index, encode_index
    from dossier.corpus.writeback import AsRead

    with frozen_until_done():
        read = [read_unscanned(lambda: held_apart(corpus_of(store.corpus_documents(), store.all_annotations(), options,
                                                       partitions)))]
        was = AsRead.of(read[0])
        # handed over, not kept: what a pass replaces is freed (see corpus.writeback)
        after, log = run_passes(read.pop(), registered_passes(), budget=settings.pass_budget)
    seconds = {k: round(v, 3) for k, v in log.seconds_by_pass().items()}
    logger.info("corpus step: %s", ", ".join(f"{k} {v:.2f} s" for k, v in seconds.items()))
    _write_corpus(store, was, after)
    store.put_sketches(after.sketches, replace=True)
    store.set_meta(INDEX_KEY, encode_index(Index(stamp, frozenset(after.documents), after.refused)))
    # each pass's time by name (and whether re-dating settled, which passes overran), for `dossier status`
    store.set_meta("corpus_passes", json.dumps({"seconds": seconds, "runs": [r.name for r in log.runs],
                                                "converged": log.converged, "over_budget": log.overruns}))
    if report is not None:
        report.passes, report.passes_over_budget = seconds, list(log.overruns)
    store.set_meta("corpus_stamp", corpus_stamp(store, settings))
    return [d.source for d in after.documents.values() if d.status == "duplicate"]


def _incremental_corpus(
    store: Store, settings: Settings, options: Any, index: Any, report: BuildReport | None,
    replaced: Mapping[str, tuple[Document, Annotations]],
) -> list[str] | None:
    """The new pages folded into the stored results (None: only a full step can say)."""
    import time

    from dossier.corpus import corpus_of
    from dossier.corpus.incremental import INDEX_KEY, Reads, encode_index, incremental_step
    from dossier.corpus.writeback import AsRead

    start = time.perf_counter()
    # Positions, figures and conflicts are only added to, but for the rows of stored pages mapped
    # again (taken out): only those rows are read; issues are counted in SQL, conflicts found by value.
    # Events: those of the pages taken out, and those the new pages' events may join (by blocking key).
    rows = store.rows_citing(replaced)
    stored = dataclasses.replace(store.corpus(("entities",)), events=rows.events, positions=rows.positions,
                                 figures=rows.figures, conflicts=rows.conflicts)
    near: dict[str, Event] = {}

    def events_for(found: Sequence[Event]) -> list[Event]:
        for e in store.events_near(found):
            near.setdefault(e.id, e)
        return sorted(near.values(), key=lambda e: (e.date is None, e.date or "", e.id))

    def text_of(doc_id: str) -> str:
        doc = store.document(doc_id)
        return doc.text if doc is not None else ""

    heads = store.document_heads()  # the stored pages without their text; the new ones whole
    before = corpus_of((d for d, _ in heads), {}, options)
    new_ids = [i for i in before.documents if i not in index.seen or i in replaced]
    whole = {i: d for i in new_ids if (d := store.document(i)) is not None}
    annots = {i: a for i in new_ids if (a := store.annotations(i)) is not None}
    before = dataclasses.replace(before, documents={i: whole.get(i, d) for i, d in before.documents.items()},
                                 entities={e.id: e for e in stored.entities}, events=stored.events,
                                 positions=stored.positions, figures=stored.figures, conflicts=stored.conflicts)
    reads = Reads(store.issue_sizes(), events_for, text_of, {d.id: n for d, n in heads})
    done = incremental_step(before, annots, index, store.sketches(), replaced, reads)
    if done is None:
        return None
    after, new_index = done
    taken = {e.id for e in stored.events}  # as read: the rows an update compares with
    stored = dataclasses.replace(stored, events=(*stored.events, *(e for i, e in near.items() if i not in taken)))
    have = store.stored_conflicts(after.conflicts) - set(stored.conflicts)  # those read were checked
    after = dataclasses.replace(after, conflicts=tuple(c for c in after.conflicts if c not in have))
    _write_corpus(store, AsRead.of(dataclasses.replace(before, annotations=annots)), after, only=new_ids, stored=stored)
    store.put_sketches(after.sketches, gone=replaced)
    store.set_meta(INDEX_KEY, encode_index(new_index))
    seconds = {"incremental": round(time.perf_counter() - start, 3)}
    logger.info("corpus step: %d new pages folded in, %.2f s", len(new_ids), seconds["incremental"])
    store.set_meta("corpus_passes", json.dumps({"seconds": seconds, "runs": ["incremental"], "converged": True,
                                                "over_budget": [], "new_pages": len(new_ids)}))
    if report is not None:
        report.passes, report.passes_over_budget = seconds, []
    store.set_meta("corpus_stamp", corpus_stamp(store, settings))
    return [d.source for d in after.documents.values() if d.status == "duplicate"]


def _write_corpus(store: Store, was: AsRead, after: CorpusState, only: Iterable[str] | None = None,
                  stored: Corpus | None = None) -> None:
    """Store what the corpus step changed on the pages (``only`` those, when given; ``was``: the
    pages as read) and everything it computed across them: every corpus table, or only the rows that
    differ from ``stored`` (the tables as read before an incremental step)."""
    from dossier.corpus.writeback import write_pages

    write_pages(store.update_documents, was, after, after.documents if only is None else only)
    computed = Corpus(
        entities=tuple(after.entities.values()),
        events=tuple(after.events),
        positions=tuple(after.positions),
        conflicts=tuple(after.conflicts),
        figures=tuple(after.figures),
    )
    if stored is None:
        store.replace_corpus(computed)
    else:
        from dossier.store.base import corpus_changes

        store.update_corpus(corpus_changes(stored, computed))
