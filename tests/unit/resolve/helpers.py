"""Helpers for resolver tests: Documents and Mentions built by hand or by the real nlp stage."""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterator

from dossier.model import Annotations, Document, Mention, PublicationDate, Span
from dossier.resolve import pagechains


def make_doc(doc_id: str, text: str, date: str | None = None) -> Document:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "none")
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        published=PublicationDate(value=date, precision=precision, confidence=1.0 if date else 0.0),  # type: ignore[arg-type]
    )


def mention(doc: Document, surface: str, label: str, nth: int = 0, canonical: str | None = None, title: str | None = None) -> Mention:
    """The ``nth`` occurrence of ``surface`` in ``doc`` as a Mention."""
    starts = [m.start() for m in re.finditer(re.escape(surface), doc.text)]
    start = starts[nth]
    return Mention(Span(doc.id, start, start + len(surface)), surface, label, canonical=canonical, title=title)


def annotate(doc: Document, *specs: tuple) -> Annotations:
    """Annotations from (surface, label[, canonical[, title]]) specs; every occurrence is a mention."""
    mentions = []
    for spec in specs:
        surface, label, *rest = spec
        canonical = rest[0] if rest else None
        title = rest[1] if len(rest) > 1 else None
        for i in range(len(re.findall(re.escape(surface), doc.text))):
            m = mention(doc, surface, label, i, canonical, title)
            if not any(x.span.overlaps(m.span) for x in mentions):
                mentions.append(m)
    return Annotations(doc_id=doc.id, mentions=tuple(sorted(mentions, key=lambda m: m.span.start)))


def with_date(doc: Document, date: str) -> Document:
    return dataclasses.replace(doc, published=make_doc(doc.id, "", date).published)


@contextlib.contextmanager
def without_page_split() -> Iterator[None]:
    """Resolve with the learned page-chain split off (``resolve/pagechains.py``): for tests of the
    rules that link descriptions, on hand-built stories of one mention a page, which the model,
    fitted on whole ECB+ topics, would mostly split (``test_page_chains.py`` tests the split)."""
    keep = pagechains.shipped_model
    pagechains.shipped_model = lambda: pagechains.Model((0.0,), (1.0,), (0.0,), -50.0, 0.5)  # type: ignore[assignment]
    try:
        yield
    finally:
        pagechains.shipped_model = keep
