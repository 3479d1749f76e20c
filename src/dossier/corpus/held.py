"""Annotation fields the full corpus step holds packed, outside the pages' annotations, until a pass reads them.

A page's quotes and figures are a quarter of the corpus as read (6.2 and 1.5 KB a page at 3,000
generated pages), and no pass before resolution's end reads them: resolution writes each quote's
speaker entity once its clusters are made, positions read the quotes, the figures and conflicts
passes the figures. Held as objects they sat under resolution's working set, the step's peak; held
as one compressed block of flat rows per page and field (about a fifth of their size) they are decoded only by
the passes that read them, one page at a time, and freed after. ``Corpus.annotations`` then holds
each page's annotations without them (empty tuples); ``Corpus.whole`` gives them back. Field by
field, so a pass decodes only what it reads (the fifth round decoded whole pages about 15 times a
step: +45 % CPU).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import marshal
import sys
import typing
import zlib
from collections.abc import Collection, Mapping
from typing import Any

from dossier.corpus.state import Corpus
from dossier.model import SHARED_MAX, Annotations, Figure, Quote, Span

logger = logging.getLogger(__name__)

HELD = ("quotes", "figures")  # read after resolution's clusters, never changed before it
_CLASSES: dict[str, type] = {"quotes": Quote, "figures": Figure}


_PLAIN, _SPAN, _MAYBE_SPAN, _SPANS = range(4)  # how a field is flattened: as it is, or its spans' offsets


@functools.cache
def _layout(cls: type) -> tuple[int, ...]:
    """Each field of a held class, in order, by how it is flattened (``_SPAN``...); its other
    fields are strings, numbers and flags, which ``marshal`` takes as they are."""
    hints = typing.get_type_hints(cls)
    kinds = {Span: _SPAN, Span | None: _MAYBE_SPAN, tuple[Span, ...]: _SPANS}
    return tuple(kinds.get(hints[f.name], _PLAIN) for f in dataclasses.fields(cls))


def _flat(x: Any) -> tuple[Any, ...]:
    """An object as a tuple of its fields, each span as its two offsets."""
    return tuple(_offsets(k, getattr(x, f.name))
                 for k, f in zip(_layout(typing.cast(Any, type(x))), dataclasses.fields(x), strict=True))


def _offsets(kind: int, v: Any) -> Any:
    if kind == _PLAIN:
        return v
    if kind == _SPANS:
        return tuple((s.start, s.end) for s in v)
    return None if v is None else (v.start, v.end)


def pack(values: tuple[Any, ...]) -> bytes:
    """One page's field as flat rows (each object a tuple, each span its two offsets: the page's id
    is the page's), marshalled and compressed (level 1: a page's quotes shrink to about a fifth;
    higher levels cost more CPU than the bytes they save). Several times cheaper to decode than
    the model's JSON (``model.from_dict``), which the fifth round paid at every read."""
    return zlib.compress(marshal.dumps(tuple(_flat(x) for x in values)), 1)


def unpack(field: str, doc_id: str, blob: bytes) -> tuple[Any, ...]:
    """A page's field as ``pack`` kept it. Short strings are shared as the store's read shares them
    (``model.SHARED_MAX``): what a pass keeps of it (a quote's speaker in a position) costs no copy."""
    cls = _CLASSES[field]
    layout, intern = _layout(cls), sys.intern
    # one expression, no call per field: decoding is most of what holding these fields apart costs
    return tuple(cls(*[None if v is None
                       else (intern(v) if type(v) is str and len(v) <= SHARED_MAX else v) if k == _PLAIN
                       else Span(doc_id, *v) if k != _SPANS else tuple(Span(doc_id, *s) for s in v)
                       for k, v in zip(layout, row, strict=True)])
                 for row in marshal.loads(zlib.decompress(blob)))


def apart(annotations: Mapping[str, Annotations], fields: Collection[str] = HELD,
          ) -> tuple[dict[str, Annotations], dict[str, dict[str, bytes]]]:
    """Each page's annotations without ``fields``, and those fields packed by field and page (a
    page without any of one is not listed)."""
    held: dict[str, dict[str, bytes]] = {f: {} for f in fields}
    out: dict[str, Annotations] = {}
    for doc_id, a in annotations.items():
        present: dict[str, Any] = {f: v for f in fields if (v := getattr(a, f))}
        for f, v in present.items():
            held[f][doc_id] = pack(v)
        out[doc_id] = _without(a, present) if present else a
    return out, held


def joined(annots: Annotations, held: Mapping[str, Mapping[str, bytes]], fields: Collection[str]) -> Annotations:
    """``annots`` with its held ``fields`` decoded (itself when none of them is held for its page). A
    field the annotations already have (a pass set it) is theirs: the held copy is the one read."""
    back: dict[str, Any] = {f: unpack(f, annots.doc_id, blob) for f in fields
                            if not getattr(annots, f) and (blob := held.get(f, {}).get(annots.doc_id)) is not None}
    return dataclasses.replace(annots, **back) if back else annots


def kept_apart(was: Annotations, whole: Annotations, new: Annotations,
               held: Mapping[str, Mapping[str, bytes]]) -> tuple[Annotations, dict[str, bytes]]:
    """After a pass changed a page's annotations (``new``, from ``whole``: ``was`` with its held
    fields joined), what the corpus holds again: ``was`` itself when nothing changed (so the
    write-back sees the page as read), else ``new`` without the held fields, and the held fields
    that changed, packed again."""
    if new is whole:
        return was, {}
    fields = list(held)
    if not fields:  # nothing held apart (an incremental step, a caller of the passes): as before
        return new, {}
    changed = {f: pack(getattr(new, f)) for f in fields if getattr(new, f) != getattr(whole, f)}
    return _without(new, fields), changed


def _without(annots: Annotations, fields: Collection[str]) -> Annotations:
    empty: dict[str, Any] = {f: () for f in fields}
    return dataclasses.replace(annots, **empty)


def held_apart(corpus: Corpus) -> Corpus:
    """``corpus`` with its pages' ``HELD`` fields packed apart and their texts held compressed
    (``pagetext.TextPacked``): the full step's read."""
    from dossier.pagetext import text_packed

    annotations, held = apart(corpus.annotations)
    documents = {i: text_packed(d) for i, d in corpus.documents.items()}
    logger.debug("held apart: %s", ", ".join(f"{f} of {len(p)} pages, {sum(map(len, p.values())) // 1024} KB"
                                           for f, p in held.items()))
    return dataclasses.replace(corpus, documents=documents, annotations=annotations, held=held)
