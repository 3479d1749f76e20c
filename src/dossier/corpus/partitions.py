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

import dataclasses
import logging
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from dossier.model import Annotations, Document, Mention, PublicationDate, Span, TimeExpr
from dossier.resolve.observe import Obs, ObsMemo, body_names, inputs_digest, inputs_of, interned, observe

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
    """What ``observe`` reads of one page, flat: its id, text and date, its mentions and times as rows
    (``_rows``), and the corpus's body names its PERSON spans end in (the only ones of
    ``body_names`` it looks up)."""

    doc_id: str
    text: str
    published: PublicationDate
    mentions: tuple[tuple[Any, ...], ...]
    times: tuple[tuple[Any, ...], ...]
    bodies: tuple[tuple[str, str], ...]


_REST: dict[type, tuple[str, ...]] = {}


def _rest(cls: type) -> tuple[str, ...]:
    """The fields of a span-first model class after its span, in order."""
    if cls not in _REST:
        names = tuple(f.name for f in dataclasses.fields(cls))
        assert names[0] == "span", cls
        _REST[cls] = names[1:]
    return _REST[cls]


def _rows(items: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    """Mentions or times as flat tuples (start, end, other fields): pickled several times faster
    than the dataclasses, whose pickling asks for their fields object by object."""
    return tuple((x.span.start, x.span.end, *(getattr(x, f) for f in _rest(type(x)))) for x in items)


def _unrow(cls: Callable[..., R], doc_id: str, row: Sequence[Any]) -> R:
    start, end, *rest = row
    return cls(Span(doc_id, start, end), *rest)


def observe_part(pages: Sequence[ObservePage]) -> list[list[tuple[Any, ...]]]:
    """Each page's observations, encoded (``_encoded``; runs where the part is sent)."""
    return [_observed(p) for p in pages]


def _observed(p: ObservePage) -> list[tuple[Any, ...]]:
    mentions = tuple(_unrow(Mention, p.doc_id, r) for r in p.mentions)
    times = tuple(_unrow(TimeExpr, p.doc_id, r) for r in p.times)
    doc = Document(id=p.doc_id, source="", text=p.text, published=p.published)
    seen = observe(doc, Annotations(doc_id=p.doc_id, mentions=mentions, times=times), dict(p.bodies))
    return _encoded(seen, mentions)


_OBS = tuple(f.name for f in dataclasses.fields(Obs))
assert _OBS[:2] == ("key", "mention")


def _encoded(seen: Sequence[Obs], mentions: Sequence[Mention]) -> list[tuple[Any, ...]]:
    """Observations as rows (start, end, mention, other fields): the mention as its index among the
    page's mentions when it is one of them unchanged (most are), else as a row."""
    index = {m: i for i, m in reversed(list(enumerate(mentions)))}
    return [(o.key[1], o.key[2], index[o.mention] if o.mention in index else _rows([o.mention])[0],
             *(getattr(o, f) for f in _OBS[2:])) for o in seen]


def _decoded(doc_id: str, mentions: Sequence[Mention], rows: Sequence[tuple[Any, ...]]) -> list[Obs]:
    """The observations ``_encoded`` gave, the page's own mentions used again."""
    return [Obs((doc_id, start, end), mentions[m] if isinstance(m, int) else _unrow(Mention, doc_id, m), *rest)
            for start, end, m, *rest in rows]


def _compact(doc: Document, annots: Annotations, bodies: tuple[tuple[str, str], ...]) -> ObservePage:
    """The page as ``observe`` reads it, without its other fields (quotes, claims, events, ...)."""
    return ObservePage(doc.id, doc.text, doc.published, _rows(annots.mentions), _rows(annots.times), bodies)


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
    todo: list[tuple[Annotations, Hashable]] = []
    for a in annots:
        doc = by_id.get(a.doc_id)
        if doc is None:
            continue
        key = inputs_of(doc, a, bodies)
        kept = memo.get(doc.id)
        if kept is None or kept[0] != inputs_digest(key):
            todo.append((a, key))
    parts = batches([_compact(by_id[a.doc_id], a, _named(key)) for a, key in todo])
    seen = [rows for part in partitions.map(observe_part, parts) for rows in part]
    for (a, key), rows in zip(todo, seen, strict=True):
        memo[a.doc_id] = (inputs_digest(key), interned(_decoded(a.doc_id, a.mentions, rows)))
    logger.debug("resolution: %d pages observed in %d parts", len(todo), len(parts))
    return len(todo)


def _named(key: Hashable) -> tuple[tuple[str, str], ...]:
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
