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
from array import array
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

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


class Offsets(Sequence[Span]):
    """A page's sentences as one array of offsets, read as the tuple of spans they were (equal to
    it, hashed as it): a sentence span is two offsets into one page, and as objects (a ``Span`` of
    56 bytes and a tuple slot each, about 24 a page) they were 1.5 KB of every page held for the
    whole step, 0.2 as an array. Every pass reads a page's sentences one page at a time (aliases,
    a figure's or a claim's sentence), so each span is made when read and freed after."""

    __slots__ = ("doc_id", "_at")

    def __init__(self, doc_id: str, spans: Iterable[Span]) -> None:
        self.doc_id = doc_id
        self._at = array("I", [x for sp in spans for x in (sp.start, sp.end)])

    def __len__(self) -> int:
        return len(self._at) // 2

    @overload
    def __getitem__(self, i: int) -> Span: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Span, ...]: ...
    def __getitem__(self, i: int | slice) -> Span | tuple[Span, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        j = range(len(self))[i]  # negative indices, and IndexError past the end, as a tuple's
        return Span(self.doc_id, self._at[2 * j], self._at[2 * j + 1])

    def __iter__(self) -> Iterator[Span]:
        at, doc_id = self._at, self.doc_id
        return (Span(doc_id, at[j], at[j + 1]) for j in range(0, len(at), 2))

    def first_holding(self, pos: int) -> Span | None:
        """The first span with ``start <= pos < end`` (``Annotations.sentence_of``), read on the
        offsets: only the span found is made."""
        at = self._at
        for j in range(0, len(at), 2):
            if at[j] <= pos < at[j + 1]:
                return Span(self.doc_id, at[j], at[j + 1])
        return None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return self.doc_id == other.doc_id and self._at == other._at
        return tuple(self) == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Offsets, (self.doc_id, tuple(self)))


def sentences_as_offsets(annots: Annotations) -> Annotations:
    """``annots`` with its sentences held as ``Offsets`` (itself when it has none, or a sentence of
    another page: never made, kept as it is)."""
    if not annots.sentences or isinstance(annots.sentences, Offsets) \
            or any(s.doc_id != annots.doc_id for s in annots.sentences):
        return annots
    # read as the tuple it replaces (equal, hashed alike); the field's type stays the stored one
    return dataclasses.replace(annots, sentences=typing.cast(tuple[Span, ...], Offsets(annots.doc_id, annots.sentences)))


def as_stored(annots: Annotations) -> Annotations:
    """``annots`` with its sentences a tuple again, as the store's JSON writes them."""
    if isinstance(annots.sentences, Offsets):
        return dataclasses.replace(annots, sentences=tuple(annots.sentences))
    return annots


def held_apart(corpus: Corpus) -> Corpus:
    """``corpus`` with its pages' ``HELD`` fields packed apart and their texts held compressed
    (``pagetext.TextPacked``): the full step's read."""
    from dossier.pagetext import text_packed

    annotations, held = apart({i: sentences_as_offsets(a) for i, a in corpus.annotations.items()})
    documents = {i: text_packed(d) for i, d in corpus.documents.items()}
    logger.debug("held apart: %s", ", ".join(f"{f} of {len(p)} pages, {sum(map(len, p.values())) // 1024} KB"
                                           for f, p in held.items()))
    return dataclasses.replace(corpus, documents=documents, annotations=annotations, held=held)
