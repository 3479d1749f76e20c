"""The map step: one page (``process_page``), or a small batch of pages (``process_batch``), to clean,
dated, annotated documents; ``map_pages`` runs either on an ``Executor``.

Why batches: spaCy called on one text at a time pays its per-call overhead on every page; ``nlp.pipe``
over a few pages amortises it (the parses are the same: same tokens, tags, heads and entities, checked
on 120 PolNeAR texts). Everything after spaCy still runs page by page.

Why batches fall back to single pages: a page must not cost the pages it was batched with. When a
batch fails in any way (a page raises, runs over the budget, or kills its worker), none of its results
are kept and its pages are mapped again one by one through ``process_page``, the per-page path with its
own budget and lost-worker handling, so the bad page alone is kept raw with the one line it gets
today and the others are stored as they would be without batching.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import logging
import traceback
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from dossier import budget, heap
from dossier.executor import Executor
from dossier.model import Annotations, Document, Page

if TYPE_CHECKING:
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

DEFAULT_MAP_BATCH = 8  # pages a worker runs through spaCy at once (1: one page a call, no batching)


@dataclass(frozen=True)
class MapResult:
    doc: Document
    annots: Annotations
    raw: bytes
    error: str | None = None
    declared: dict[str, str] = field(default_factory=dict)
    timed_out: bool = False


@dataclass(frozen=True)
class BatchOutcome:
    """What a worker hands back for a batch: a result per page, in order, or (``results`` None) the
    pages to map again one by one, with why. ``timed_out`` makes the pool replace the worker, as
    after a page over its budget (a stage stopped half way may have left state behind)."""

    pages: tuple[Page, ...]
    results: tuple[MapResult, ...] | None
    reason: str = ""
    timed_out: bool = False


def analyse_document(doc: Document, nlp: Any, parsed: Doc | None = None) -> Annotations:
    """The language layer and the registered per-document extractors (``dossier.extractors``).
    ``parsed``: the spaCy Doc of ``doc.text`` when a batch already ran the model over it."""
    from dossier.extract.registry import ordered
    from dossier.nlp.annotate import annotate_document, annotate_parsed
    from dossier.plugins import EXTRACTORS, load_group

    budget.enter("nlp")
    if parsed is None:
        annots, sdoc = annotate_document(doc, nlp)
    else:
        annots, sdoc = annotate_parsed(doc, parsed, nlp), parsed
    for extractor in ordered(load_group(EXTRACTORS)):
        budget.enter(extractor.name)
        annots = extractor.fn(doc, sdoc, annots)
    return annots


def own_dating(doc: Document) -> Document:
    """Keep the page's own dating evidence the corpus step needs (the month and yearless day an
    undated page names, the latest year it reports), so no corpus pass re-reads text."""
    from dossier.date import date_from_text

    if doc.published.value:
        return doc
    own = date_from_text(doc.text)
    return replace(doc, own_month=own.month, own_day=own.day, own_day_bound=own.day_is_bound,
                   own_latest_year=own.latest_year)


def process_page(
    page: Page, furniture: frozenset[str] = frozenset(), model: str | None = None, timeout: float | None = None
) -> MapResult:
    """Page -> clean, dated, annotated document. Errors are reported on the result, never raised.

    ``furniture`` holds the digests (``clean.furniture_keys``) of lines other pages of a site repeat;
    the cleaner removes those of this page, and the document keeps its own digests for the next build.
    A page over ``timeout`` CPU seconds is kept raw with the stage it was in.
    """
    heap.keep_freed_memory()
    try:
        with budget.page_budget(timeout):
            return _process_page(page, furniture, model)
    except budget.PageTimeout as exc:
        logger.warning("%s: %s", page.source, exc)
        return kept_raw(page, budget.timeout_reason(exc.seconds, exc.stage), timed_out=True)


def _cleaned(page: Page, furniture: frozenset[str]) -> Document | MapResult:
    """The cleaned document, or the finished result of a page with no English text to analyse."""
    from dossier.clean import clean_page, furniture_keys
    from dossier.date import date_document

    budget.enter("clean")
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
    return doc


def _dated(doc: Document, page: Page) -> Document:
    from dossier.date import date_document

    budget.enter("date")
    return own_dating(replace(doc, published=date_document(doc, page)))


def _process_page(page: Page, furniture: frozenset[str], model: str | None) -> MapResult:
    from dossier.nlp.pipeline import load_pipeline

    doc = _cleaned(page, furniture)
    if isinstance(doc, MapResult):
        return doc
    try:
        doc = _dated(doc, page)
        annots = analyse_document(doc, load_pipeline(model))
    except Exception as exc:  # one bad document must not stop the batch: keep it as raw, say why
        reason = f"analysis failed: {type(exc).__name__}: {exc}"
        detail = traceback.format_exc()  # whole: the innermost frames say where it broke
        logger.warning("%s kept raw: %s", page.source, reason)
        logger.debug("%s", detail)
        failed = replace(doc, status="raw", reason=reason, error=detail)
        return MapResult(failed, Annotations(doc_id=doc.id), page.raw, detail, page.declared)
    return MapResult(doc, annots, page.raw, declared=page.declared)


def kept_raw(page: Page, reason: str, timed_out: bool = False) -> MapResult:
    """The result for a page the map could not finish: stored raw (nothing lost), with the reason."""
    from dossier.ingest import doc_id

    doc = Document(id=doc_id(page.raw), source=page.source, text="", media=page.media,
                   url=page.declared.get("url"), status="raw", reason=reason, encoding=page.encoding)
    return MapResult(doc, Annotations(doc_id=doc.id), page.raw, reason, page.declared, timed_out)


# ---------------------------------------------------------------------------------------------
# batches
# ---------------------------------------------------------------------------------------------


def process_batch(
    pages: Sequence[Page], furniture: frozenset[str] = frozenset(), model: str | None = None,
    timeout: float | None = None,
) -> BatchOutcome:
    """Pages -> their results, spaCy run over them with ``nlp.pipe``; never raises. The whole batch
    gets one page's budget (a batch of ordinary pages uses a small part of it): past it, or on any
    error, the outcome asks for the pages to be mapped one by one instead."""
    pages = tuple(pages)
    heap.keep_freed_memory()
    try:
        with budget.page_budget(timeout):
            return BatchOutcome(pages, _process_batch(pages, furniture, model))
    except budget.PageTimeout as exc:
        return BatchOutcome(pages, None, f"took over {exc.seconds:g} s in {exc.stage}", timed_out=True)
    except Exception as exc:  # noqa: BLE001 - which page broke is for the per-page path to say
        logger.debug("batch failed", exc_info=True)
        return BatchOutcome(pages, None, f"{type(exc).__name__} in {budget.current()}")


def _process_batch(pages: tuple[Page, ...], furniture: frozenset[str], model: str | None) -> tuple[MapResult, ...]:
    """``_process_page`` over ``pages`` with the model run once over all the texts to analyse; an
    error anywhere propagates (no page of a failed batch is kept)."""
    from dossier.nlp.annotate import parse_many
    from dossier.nlp.pipeline import load_pipeline

    done: dict[int, MapResult] = {}
    todo: list[tuple[int, Document]] = []
    for i, page in enumerate(pages):
        got = _cleaned(page, furniture)
        if isinstance(got, MapResult):
            done[i] = got
        else:
            todo.append((i, _dated(got, page)))
    nlp = load_pipeline(model)
    budget.enter("nlp")
    parsed = parse_many([d.text for _, d in todo], nlp, batch_size=max(1, len(todo)))
    for (i, doc), sdoc in zip(todo, parsed, strict=True):
        done[i] = MapResult(doc, analyse_document(doc, nlp, sdoc), pages[i].raw, declared=pages[i].declared)
    return tuple(done[i] for i in range(len(pages)))


def _lost_batch(pages: Sequence[Page], reason: str) -> BatchOutcome:
    """A batch whose worker died or was stopped: its pages are mapped again one by one (a chunk of
    one page was already on the per-page path: it is kept raw, as a lost page always is)."""
    if len(pages) == 1:
        return BatchOutcome(tuple(pages), (kept_raw(pages[0], reason),))
    return BatchOutcome(tuple(pages), None, reason)


def _chunks(pages: Iterable[Page], size: int) -> Iterator[tuple[Page, ...]]:
    """``pages`` in tuples of ``size``, read lazily."""
    it = iter(pages)
    while chunk := tuple(itertools.islice(it, size)):
        yield chunk


def map_pages(
    executor: Callable[[], Executor], pages: Iterable[Page], furniture: frozenset[str], model: str | None,
    timeout: float | None, batch: int = DEFAULT_MAP_BATCH,
) -> Iterator[MapResult]:
    """The map step over ``pages`` (read lazily), ``batch`` pages a task, on the executor ``executor()``
    makes (made when the first result is asked for); yields a result per page, as they finish. A
    failed batch's pages go one by one (``process_page``), as every page does when ``batch`` is 1,
    through the same executor: a Dask one runs them on the cluster already running instead of
    starting another (``DaskExecutor``); a process pool starts a pool for them either way."""
    one = functools.partial(process_page, furniture=furniture, model=model, timeout=timeout)
    runner = executor()
    if getattr(runner, "forks", False):
        preload_for_fork()
    if batch <= 1:
        yield from runner.map(one, pages, kept_raw)
        return
    many = functools.partial(process_batch, furniture=furniture, model=model, timeout=timeout)
    task = functools.partial(_run_chunk, many, one)
    for outcome in runner.map(task, _chunks(pages, batch), _lost_batch):
        if outcome.results is not None:
            yield from outcome.results
            continue
        logger.info("a batch of %d pages failed (%s); mapping them one by one", len(outcome.pages), outcome.reason)
        yield from runner.map(one, outcome.pages, kept_raw)


# Modules the map's workers and the corpus step after the map both import (about 0.15 CPU-s).
_SHARED_MODULES = ("dossier.date", "dossier.extract.events", "dossier.nlp.figures")


def preload_for_fork() -> None:
    """Load in the build's process, before a pool forks the workers, what a worker would load on its
    first page and the build's process again after the map: the given-name dictionary, which
    mentions and quotes read in the map and resolution in the corpus step (about 0.3 CPU-s), and the
    modules both import. Loaded once, they are shared by every worker (and by a worker started again
    after a page over its budget)."""
    from dossier.nlp.gender import load_dictionary

    load_dictionary()
    for name in _SHARED_MODULES:
        importlib.import_module(name)


def _run_chunk(many: Callable[[Sequence[Page]], BatchOutcome], one: Callable[[Page], MapResult],
               pages: Sequence[Page]) -> BatchOutcome:
    """A chunk of one page (the last of a build, or a build of one page) takes the per-page path
    itself: there is nothing to batch, and its failure is its own."""
    if len(pages) == 1:
        result = one(pages[0])
        return BatchOutcome(tuple(pages), (result,), timed_out=result.timed_out)
    return many(pages)
