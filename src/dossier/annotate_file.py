"""`dossier annotate FILE`: one file, no store, offsets into the file's own text.

For scoring on outside corpora the offsets must point into the file as given, so a ``.txt`` file is
decoded but not cleaned (its furniture stays); an HTML file is cleaned first (there is no text to point
into before that) and the offsets point into the clean text, which the output includes.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from dossier.model import Document, Page, PublicationDate

logger = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm"}


def load_document(path: Path, date: str | None) -> tuple[Document, Page]:
    """Read ``path`` into a Document whose text the offsets will refer to."""
    from dossier.clean import clean_page
    from dossier.clean.decode import decode
    from dossier.ingest import doc_id

    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file, not text")
    media: Literal["html", "text"] = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    page = Page(source=str(path), raw=raw, media=media, declared={"published": date} if date else {})
    if media == "html":
        return clean_page(page), page
    text, encoding, _note = decode(raw, None, "text")
    return Document(id=doc_id(raw), source=str(path), text=text, media="text", encoding=encoding), page


def annotate_file(path: Path, date: str | None = None) -> dict[str, Any]:
    """Sentences, entities, times, figures and quotes of one file, as JSON-able dicts."""
    from dossier.date import date_document
    from dossier.mapstep import analyse_document
    from dossier.nlp.pipeline import load_pipeline

    doc, page = load_document(path, date)
    published = (
        PublicationDate(value=date, precision="day", confidence=1.0, evidence=("--date",))
        if date
        else date_document(doc, page)
    )
    doc = replace(doc, published=published)
    annots = analyse_document(doc, load_pipeline())
    out: dict[str, Any] = {
        "file": str(path),
        "published": published.value,
        "sentences": [{"start": s.start, "end": s.end} for s in annots.sentences],
        "entities": [
            {
                "text": m.text,
                "label": m.label,
                "start": m.span.start,
                "end": m.span.end,
                "entity": m.canonical or m.text,
            }
            for m in annots.mentions
        ],
        "times": [
            {"text": t.text, "start": t.span.start, "end": t.span.end, "value": t.value, "granularity": t.granularity}
            for t in annots.times
        ],
        "figures": [
            {"text": f.text, "start": f.span.start, "end": f.span.end, "value": f.value, "unit": f.unit, "about": f.about}
            for f in annots.figures
        ],
        "quotes": [
            {
                "text": q.text,
                "start": q.content.start,
                "end": q.content.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_span.start if q.speaker_span else None,
                "speaker_end": q.speaker_span.end if q.speaker_span else None,
            }
            for q in annots.quotes
        ],
    }
    if doc.media == "html":
        out["text"] = doc.text
    return out
