"""A small hand-made store for the interface tests (report, web app, ask).

Built without the NLP pipeline so the tests are fast and deterministic: three documents with
sentences, mentions and quotes, two events (one held, one planned), positions, a figure conflict
and figures. Document ``EVIL_ID`` carries HTML/script payloads in its text, title and outlet so the
tests can check that every surface shows them as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Position,
    PublicationDate,
    Quote,
    RemovedBlock,
    Role,
    Span,
)
from dossier.store import Corpus, open_store

D1, D2, EVIL_ID = "d1aaaaaaaaaaaaaa", "d2bbbbbbbbbbbbbb", "d3cccccccccccccc"
BERG, KLIND, ELIND, NORLAND, SUDLAND, VESTERBY = "e-berg", "e-klind", "e-elind", "e-norland", "e-sudland", "e-vesterby"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

TEXT1 = (
    "Foreign Minister Anna Berg of Norland met Prime Minister Karl Lind of Sudland in Vesterby on 14 November 2018.\n\n"
    "Berg said the sovereignty of the islands was not negotiable.\n\n"
    '"We will never give up our sovereignty over the islands," Berg said.\n\n'
    "Lind proposed a joint economic zone around the islands.\n\n"
    "About 17 percent of voters support a deal."
)
TEXT2 = (
    "Karl Lind and Anna Berg will meet again in Vesterby in March 2019.\n\n"
    "Lind said a peace treaty must come first.\n\n"
    "Around 20 percent of voters support a deal.\n\n"
    "Eva Lind, the trade minister of Sudland, opened a fishing fair in the capital."
)
TEXT3 = (
    f"A reader wrote {SCRIPT} under the article about the islands.\n\n"
    f"Another reader posted {IMG} about the fishing quotas.\n\n"
    f'"{SCRIPT}," the reader said.'
)


def span_of(doc_id: str, text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` (fails loudly if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(doc_id, start, start + len(needle))


def sentences(doc_id: str, text: str) -> tuple[Span, ...]:
    """One sentence per non-empty paragraph line (the synthetic texts are written that way)."""
    return tuple(Span(doc_id, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))


def sentence_span(doc_id: str, text: str, needle: str) -> Span:
    """The sentence that contains ``needle``."""
    hit = span_of(doc_id, text, needle)
    return next(s for s in sentences(doc_id, text) if s.start <= hit.start < s.end)


def _mention(doc_id: str, text: str, needle: str, label: str, entity: str, nth: int = 0, title: str | None = None):
    return Mention(span_of(doc_id, text, needle, nth), needle, label, entity_id=entity, title=title)


def documents() -> list[tuple[Document, Annotations]]:
    doc1 = Document(
        id=D1, source="pages/one.html", text=TEXT1, media="html", url="https://example.org/one",
        title="Ministers meet in Vesterby", outlet="Daily Planet", author="J. Writer", language="en",
        published=PublicationDate("2018-11-14", "day", 0.9, ("meta: article:published_time",)),
        removed=(RemovedBlock("Subscribe to our newsletter", "boilerplate", 0),
                 RemovedBlock("Share on social media", "navigation", 7)),
        paragraphs=paragraphs(TEXT1),
    )
    ann1 = Annotations(
        doc_id=D1,
        sentences=sentences(D1, TEXT1),
        mentions=(
            _mention(D1, TEXT1, "Anna Berg", "PERSON", BERG, title="Foreign Minister"),
            _mention(D1, TEXT1, "Norland", "GPE", NORLAND),
            _mention(D1, TEXT1, "Karl Lind", "PERSON", KLIND, title="Prime Minister"),
            _mention(D1, TEXT1, "Sudland", "GPE", SUDLAND),
            _mention(D1, TEXT1, "Vesterby", "GPE", VESTERBY),
            _mention(D1, TEXT1, "Berg", "PERSON", BERG, nth=1),
            _mention(D1, TEXT1, "Berg", "PERSON", BERG, nth=2),
            _mention(D1, TEXT1, "Lind", "PERSON", KLIND, nth=1),
        ),
        figures=(Figure(span_of(D1, TEXT1, "17 percent"), "17 percent", 17.0, "percent", "voters support a deal"),),
        quotes=(
            Quote(span_of(D1, TEXT1, "the sovereignty of the islands was not negotiable"),
                  "the sovereignty of the islands was not negotiable", "indirect", "Anna Berg",
                  span_of(D1, TEXT1, "Berg", 1), span_of(D1, TEXT1, "said"), BERG, 0.8, "indirect"),
            Quote(span_of(D1, TEXT1, "We will never give up our sovereignty over the islands,"),
                  "We will never give up our sovereignty over the islands,", "direct", "Anna Berg",
                  span_of(D1, TEXT1, "Berg", 2), span_of(D1, TEXT1, "said", 1), BERG, 0.95, "direct"),
        ),
    )
    doc2 = Document(
        id=D2, source="pages/two.txt", text=TEXT2, title="Second round planned", outlet="Morning Post",
        language="en", published=PublicationDate("2019-01-22", "day", 0.8, ("text: dateline",)),
        paragraphs=paragraphs(TEXT2),
    )
    ann2 = Annotations(
        doc_id=D2,
        sentences=sentences(D2, TEXT2),
        mentions=(
            _mention(D2, TEXT2, "Karl Lind", "PERSON", KLIND),
            _mention(D2, TEXT2, "Anna Berg", "PERSON", BERG),
            _mention(D2, TEXT2, "Vesterby", "GPE", VESTERBY),
            _mention(D2, TEXT2, "Lind", "PERSON", KLIND, nth=1),
            _mention(D2, TEXT2, "Eva Lind", "PERSON", ELIND),
            _mention(D2, TEXT2, "Sudland", "GPE", SUDLAND),
        ),
        figures=(Figure(span_of(D2, TEXT2, "20 percent"), "20 percent", 20.0, "percent", "voters support a deal"),),
        quotes=(
            Quote(span_of(D2, TEXT2, "a peace treaty must come first"), "a peace treaty must come first", "indirect",
                  "Karl Lind", span_of(D2, TEXT2, "Lind", 1), span_of(D2, TEXT2, "said"), KLIND, 0.8, "indirect"),
        ),
    )
    doc3 = Document(
        id=EVIL_ID, source="pages/evil.html", text=TEXT3, title=f"Comments {SCRIPT}", outlet=f"Evil {IMG} Times",
        language="en", published=PublicationDate("2019-02-01", "day", 0.5, ()),
        removed=(RemovedBlock(f"Footer {SCRIPT}", "boilerplate", 3),),
        paragraphs=paragraphs(TEXT3),
    )
    ann3 = Annotations(
        doc_id=EVIL_ID,
        sentences=sentences(EVIL_ID, TEXT3),
        quotes=(Quote(span_of(EVIL_ID, TEXT3, SCRIPT, 1), SCRIPT, "direct", "the reader", None, None, None, 0.5, "direct"),),
    )
    return [(doc1, ann1), (doc2, ann2), (doc3, ann3)]


def corpus() -> Corpus:
    role_berg = Role("Foreign Minister", NORLAND, "2018-11-14", "2019-01-22", (span_of(D1, TEXT1, "Foreign Minister"),))
    role_klind = Role("Prime Minister", SUDLAND, "2018-11-14", "2019-01-22", (span_of(D1, TEXT1, "Prime Minister"),))
    role_elind = Role("trade minister", SUDLAND, "2019-01-22", "2019-01-22", (span_of(D2, TEXT2, "trade minister"),))
    entities = (
        Entity(BERG, "Anna Berg", "person", ("Berg",), (role_berg,), 5, (D1, D2)),
        Entity(KLIND, "Karl Lind", "person", ("Lind",), (role_klind,), 4, (D1, D2)),
        Entity(ELIND, "Eva Lind", "person", ("Lind",), (role_elind,), 1, (D2,)),
        Entity(NORLAND, "Norland", "place", (), (), 1, (D1,)),
        Entity(SUDLAND, "Sudland", "place", (), (), 2, (D1, D2)),
        Entity(VESTERBY, "Vesterby", "place", (), (), 2, (D1, D2)),
    )
    held = Event(
        "ev-held", "meeting", "Anna Berg met Karl Lind in Vesterby", (span_of(D1, TEXT1, "met"),),
        (BERG, KLIND), "Vesterby", "2018-11-14", "day", "happened", 0.9,
    )
    planned = Event(
        "ev-planned", "meeting", "Karl Lind and Anna Berg will meet again in Vesterby",
        (span_of(D2, TEXT2, "will meet"),), (KLIND, BERG), "Vesterby", "2019-03", "month", "planned", 0.7,
    )
    positions = (
        Position(NORLAND, "sovereignty", "refusal", "the sovereignty of the islands was not negotiable",
                 sentence_span(D1, TEXT1, "not negotiable"), "2018-11-14", 0.8),
        Position(SUDLAND, "economic zone", "proposal", "Lind proposed a joint economic zone around the islands.",
                 sentence_span(D1, TEXT1, "joint economic zone"), "2018-11-14", 0.7),
        Position(SUDLAND, "peace treaty", "condition", "a peace treaty must come first",
                 sentence_span(D2, TEXT2, "peace treaty"), "2019-01-22", 0.8),
    )
    conflicts = (
        Conflict("figure", "voters support a deal", ("17 percent", "20 percent"),
                 (span_of(D1, TEXT1, "17 percent"), span_of(D2, TEXT2, "20 percent")), 0.6),
    )
    figures = (
        CorpusFigure(17.0, span_of(D1, TEXT1, "17 percent"), "About 17 percent of voters support a deal.",
                     "percent", "voters support a deal", "2018-11-14"),
        CorpusFigure(20.0, span_of(D2, TEXT2, "20 percent"), "Around 20 percent of voters support a deal.",
                     "percent", "voters support a deal", "2019-01-22"),
    )
    return Corpus(entities, (held, planned), positions, conflicts, figures)


def build_store(path: str | Path) -> Path:
    """Write the synthetic store to ``path`` (a new SQLite file) and return the path."""
    path = Path(path)
    store = open_store(path)
    try:
        for doc, ann in documents():
            store.put_document(doc, ann, doc.text.encode("utf-8"), "synthetic-1")
        store.replace_corpus(corpus())
    finally:
        store.close()
    return path
