"""Where the corpus step runs the parts of its passes that are independent per page.

Most of a full corpus step is one process relating pages, but some of its work reads one page at a
time: resolution's observations of a page's mentions (``resolve.observe``, most of resolution's
time) and a page's near-duplicate sketch (``clean.duplicates``). Those parts are mapped in batches
of pages through a ``Partitions``: here, in order (``IN_PROCESS``, the default), or on the build's
Dask cluster (``executor_dask.DaskPartitions``). A part's function is top level, so it pickles, and
gets only what it reads of its pages (text, date, mentions, times), never the ``Corpus``. What
comes back is what the unpartitioned pass computes page by page, so every result is the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from dossier.model import Annotations, Document
from dossier.resolve.observe import Obs, ObsMemo, body_names, inputs_of, observe

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

PAGES_PER_PART = 64  # pages a task: enough to outweigh a task's overhead on a cluster, few enough to spread


class Partitions(Protocol):
    """Maps ``fn`` over ``parts``; the results in the order of the parts."""

    remote: bool  # whether parts leave this process (then they are made compact and shipped)

    def map(self, fn: Callable[[T], R], parts: Sequence[T]) -> list[R]: ...


class InProcess:
    """Each part here, one after another: the passes run as they would unpartitioned."""

    remote = False

    def map(self, fn: Callable[[T], R], parts: Sequence[T]) -> list[R]:
        return [fn(p) for p in parts]


IN_PROCESS = InProcess()


def batches(items: Sequence[T], size: int | None = None) -> list[tuple[T, ...]]:
    """``items`` in consecutive tuples of ``size`` (``PAGES_PER_PART``; the last shorter)."""
    step = size or PAGES_PER_PART
    return [tuple(items[i:i + step]) for i in range(0, len(items), step)]


# ---------------------------------------------------------------------------------------------
# resolution: each page's observations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObservePage:
    """What ``observe`` reads of one page: its text, date, mentions and times, and the corpus's body
    names its PERSON spans end in (the only ones of ``body_names`` it looks up)."""

    doc: Document
    annots: Annotations
    bodies: tuple[tuple[str, str], ...]


def observe_part(pages: Sequence[ObservePage]) -> list[list[Obs]]:
    """Each page's observations (runs where the part is sent)."""
    return [observe(p.doc, p.annots, dict(p.bodies)) for p in pages]


def _compact(doc: Document, annots: Annotations, bodies: tuple[tuple[str, str], ...]) -> ObservePage:
    """The page as ``observe`` reads it, without its other fields (quotes, claims, events, ...)."""
    return ObservePage(
        Document(id=doc.id, source="", text=doc.text, published=doc.published),
        Annotations(doc_id=annots.doc_id, mentions=annots.mentions, times=annots.times),
        bodies,
    )


def observe_pages(
    docs: Sequence[Document], annots: Sequence[Annotations], memo: ObsMemo, partitions: Partitions
) -> int:
    """Put in ``memo`` the observations of every page whose inputs are not there yet, computed in
    parts on ``partitions``; ``resolve_entities`` then finds them all (``observe.observe_once``).
    Only where parts leave this process: here, resolution observes each page itself, as before.
    Returns the pages observed."""
    if not partitions.remote:
        return 0
    by_id = {d.id: d for d in docs}
    bodies = body_names(annots)
    todo: list[tuple[str, object, ObservePage]] = []
    for a in annots:
        doc = by_id.get(a.doc_id)
        if doc is None:
            continue
        key = inputs_of(doc, a, bodies)
        kept = memo.get(doc.id)
        if kept is None or kept[0] != key:
            todo.append((doc.id, key, _compact(doc, a, _named(key))))
    parts = batches([page for _, _, page in todo])
    seen = [obs for part in partitions.map(observe_part, parts) for obs in part]
    for (doc_id, key, _), obs in zip(todo, seen, strict=True):
        memo[doc_id] = (key, obs)
    logger.debug("resolution: %d pages observed in %d parts", len(todo), len(parts))
    return len(todo)


def _named(key: object) -> tuple[tuple[str, str], ...]:
    """The body names a page's inputs key holds (its last member, ``inputs_of``)."""
    assert isinstance(key, tuple)
    return tuple(key[-1])


# ---------------------------------------------------------------------------------------------
# duplicates: each page's sketch
# ---------------------------------------------------------------------------------------------


def sketch_part(texts: Sequence[str]) -> list[tuple[str, list[int]] | None]:
    """Each text's exact-duplicate key and MinHash (None: no words), as ``find_duplicates`` makes them."""
    from dossier.clean.duplicates import page_sketch

    return [page_sketch(t) for t in texts]


def sketch_pages(docs: Sequence[Document], partitions: Partitions) -> Mapping[str, tuple[str, list[int]] | None] | None:
    """Each page's key and MinHash computed in parts on ``partitions`` (None here: ``find_duplicates``
    hashes each page itself, as before)."""
    if not partitions.remote:
        return None
    parts = batches([d.text for d in docs])
    got = [s for part in partitions.map(sketch_part, parts) for s in part]
    return {d.id: s for d, s in zip(docs, got, strict=True)}
