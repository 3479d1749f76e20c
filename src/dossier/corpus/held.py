"""Annotation fields the full corpus step holds packed, outside the pages' annotations, until a pass reads them.

A page's quotes and figures are a quarter of the corpus as read (6.2 and 1.5 KB a page at 3,000
generated pages), and no pass before resolution's end reads them: resolution writes each quote's
speaker entity once its clusters are made, positions read the quotes, the figures and conflicts
passes the figures. Held as objects they sat under resolution's working set, the step's peak; held
as one compressed pickle per page and field (about a fifth of their size) they are decoded only by
the passes that read them, one page at a time, and freed after. ``Corpus.annotations`` then holds
each page's annotations without them (empty tuples); ``Corpus.whole`` gives them back. Field by
field, so a pass decodes only what it reads (the fifth round decoded whole pages about 15 times a
step: +45 % CPU).
"""

from __future__ import annotations

import dataclasses
import pickle
import zlib
from collections.abc import Collection, Mapping
from typing import Any

from dossier.corpus.state import Corpus
from dossier.model import Annotations

HELD = ("quotes", "figures")  # read after resolution's clusters, never changed before it


def pack(values: tuple[Any, ...]) -> bytes:
    """One page's field, compressed (level 1: the pickle of a page's quotes shrinks to about a
    fifth; higher levels cost more CPU than the bytes they save)."""
    return zlib.compress(pickle.dumps(values, pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> tuple[Any, ...]:
    out = pickle.loads(zlib.decompress(blob))  # noqa: S301 - bytes this process made (``pack``)
    assert isinstance(out, tuple)
    return out


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
    back: dict[str, Any] = {f: unpack(blob) for f in fields
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
    changed = {f: pack(getattr(new, f)) for f in fields if getattr(new, f) != getattr(whole, f)}
    return _without(new, fields), changed


def _without(annots: Annotations, fields: Collection[str]) -> Annotations:
    empty: dict[str, Any] = {f: () for f in fields}
    return dataclasses.replace(annots, **empty)


def held_apart(corpus: Corpus) -> Corpus:
    """``corpus`` with its pages' ``HELD`` fields packed apart (the full step's read)."""
    annotations, held = apart(corpus.annotations)
    return dataclasses.replace(corpus, annotations=annotations, held=held)
