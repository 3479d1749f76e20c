"""Page texts held compressed while the full corpus step runs, and a page-keyed view of them.

Every pass of the corpus step stands on the pages as read, and their texts were the second largest
part of it (5.5 KB a generated page as Python strings: most news pages have a curly quote or a
dash, so their strings take two bytes a character; 3.0 KB as UTF-8, 1.6 KB compressed). No pass
needs every text at once: each reads a page's text while it works on that page (a slice around a
mention, a figure, a time). So the step holds each page's text as compressed UTF-8
(``TextPacked``, a ``Document`` whose ``text`` is decoded on read) and keeps the last pages read
decoded (``_decoded``), which the passes' page-by-page reading hits. Readers that want texts by page
id take ``page_texts(docs)``: a view that decodes a page's text when asked, where a dict of every
text would hold them all decoded again.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from dossier.model import Document

logger = logging.getLogger(__name__)

CACHED = 64  # pages' texts kept decoded: a pass reads a page's text many times, then the next page's
_LEVEL = 1  # zlib level: a page's UTF-8 shrinks to about half; higher levels save 4 % more for 3x the CPU


def _pack(text: str) -> bytes:
    # surrogatepass: a text read from JSON may hold a lone surrogate, which round-trips as it was
    return zlib.compress(text.encode("utf-8", "surrogatepass"), _LEVEL)


@functools.lru_cache(maxsize=CACHED)
def _decoded(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


class TextPacked(Document):
    """A ``Document`` whose text is held compressed and decoded when read (equal to the document it
    was made from field for field; ``dataclasses.replace`` gives another ``TextPacked``)."""

    __slots__ = ("_packed",)
    _packed: bytes

    @property
    def text(self) -> str:
        return _decoded(self._packed)

    @text.setter
    def text(self, value: str) -> None:  # the dataclass's __init__ sets it
        object.__setattr__(self, "_packed", _pack(value))

    def __eq__(self, other: object) -> bool:
        """Equal to a ``Document`` (packed or not) with the same fields: the dataclass's own test
        asks for the same class."""
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Document))

    __hash__ = Document.__hash__


def text_packed(doc: Document) -> TextPacked:
    """``doc`` with its text held compressed (itself when it already is)."""
    if isinstance(doc, TextPacked):
        return doc
    return TextPacked(**{f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)})


class PageTexts(Mapping[str, str]):
    """The pages' texts by page id, each read from its document when asked (decoded, for a
    ``TextPacked`` one): what a dict ``{d.id: d.text}`` gives, without holding every text at once."""

    def __init__(self, docs: Iterable[Document]) -> None:
        self._docs = {d.id: d for d in docs}

    def __getitem__(self, doc_id: str) -> str:
        return self._docs[doc_id].text

    def get(self, doc_id: str, default: Any = None) -> Any:  # readers ask once a mention: no KeyError raised
        doc = self._docs.get(doc_id)
        return default if doc is None else doc.text

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs


def page_texts(docs: Iterable[Document]) -> Mapping[str, str]:
    """The texts of ``docs`` by page id (see ``PageTexts``)."""
    return PageTexts(docs)


class TextsOf(Sequence[str]):
    """The texts of ``docs`` in order, each read from its document when asked: a list of them
    would hold every text decoded at once."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self._docs = docs

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self._docs[i].text

    def __len__(self) -> int:
        return len(self._docs)
