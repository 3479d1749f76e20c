"""Inputs for the event tests: documents with hand-set dates and their real annotations.

Imported by the other event test modules (and the golden test) through ``load_support``.
"""

from __future__ import annotations

import hashlib

from dossier.model import Annotations, Document, PublicationDate


def make_doc(text: str, published: str | None = None, source: str = "test", doc_id: str | None = None) -> Document:
    """A Document with a hand-set publication date (day/month/year precision from its length)."""
    pub = PublicationDate()
    if published:
        precision = {10: "day", 7: "month", 4: "year"}[len(published)]
        pub = PublicationDate(value=published, precision=precision, confidence=0.9, evidence=("set by test",))
    did = doc_id or hashlib.sha1(text.encode()).hexdigest()[:16]
    from dossier.mapstep import own_dating  # the dating evidence the map step keeps for the corpus step

    return own_dating(Document(id=did, source=source, text=text, published=pub))


def annotate(doc: Document, nlp) -> tuple[Annotations, object]:
    """(Annotations, spaCy Doc) for ``doc``, from the real annotator."""
    from dossier.nlp.annotate import annotate_document

    return annotate_document(doc, nlp)


def with_events(doc: Document, nlp) -> Annotations:
    """Annotations with ``events`` filled by ``find_events`` (what the pipeline stores)."""
    import dataclasses

    from dossier.extract.events import find_events

    annots, sdoc = annotate(doc, nlp)
    return dataclasses.replace(annots, events=tuple(find_events(doc, sdoc, annots)))


def test_annotate_gives_sentences_mentions_and_times(nlp):
    doc = make_doc("Kono met Lavrov in Munich on Feb. 16. They spoke for an hour.", "2019-02-18")
    annots, sdoc = annotate(doc, nlp)
    assert len(annots.sentences) == 2
    assert any((m.canonical or m.text) == "Lavrov" or m.text == "Lavrov" for m in annots.mentions)
    assert any(t.value == "2019-02-16" for t in annots.times)
    assert sdoc.text == doc.text
