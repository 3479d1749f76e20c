"""The SQLite store: atomic per-document writes, migrations, search, corpus replacement."""

from __future__ import annotations

import sqlite3

import pytest

from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Position,
    PublicationDate,
    RemovedBlock,
    Role,
    Span,
)
from dossier.store import Corpus, open_store
from dossier.store.sqlite import SCHEMA_VERSION


def _doc(doc_id: str = "d1", text: str = "Talks resumed in Geneva. The envoy said little.") -> tuple[Document, Annotations]:
    doc = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        published=PublicationDate("2020-03-04", "day", 0.9, ("dateline",)),
        removed=(RemovedBlock("Share this", "share button", 0),),
        paragraphs=((0, len(text)),),
    )
    first = text.index(".") + 1
    ann = Annotations(doc_id, sentences=(Span(doc_id, 0, first), Span(doc_id, first + 1, len(text))))
    return doc, ann


def test_document_round_trip_and_prefix_lookup(tmp_path):
    store = open_store(tmp_path / "s.db")
    doc, ann = _doc("abcdef0123")
    store.put_document(doc, ann, b"raw bytes", "v1")
    assert store.document("abcdef0123") == doc
    assert store.document("abcd") == doc  # a unique prefix is enough
    assert store.annotations("abcdef0123") == ann
    assert store.raw("abcdef0123") == b"raw bytes"
    assert store.has_document("abcdef0123", "v1")
    assert not store.has_document("abcdef0123", "v2")  # another pipeline version rebuilds it


def test_ambiguous_prefix_finds_nothing(tmp_path):
    store = open_store(tmp_path / "s.db")
    for i in ("ab1", "ab2"):
        store.put_document(*_doc(i), b"x", "v1")
    assert store.document("ab") is None


def test_schema_is_versioned_and_reopen_keeps_data(tmp_path):
    path = tmp_path / "s.db"
    store = open_store(path)
    store.put_document(*_doc(), b"x", "v1")
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert open_store(path).document("d1").text.startswith("Talks")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_store(path)


def test_search_ranks_sentences_and_treats_input_as_words(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.put_document(*_doc(), b"x", "v1")
    hits = store.search("envoy")
    assert [h.text for h in hits] == ["The envoy said little."]
    assert hits[0].snippet == "The [[envoy]] said little."
    assert store.search('envoy" OR (') [0].text == "The envoy said little."  # FTS syntax is neutralised
    assert store.search("envoy", doc_ids=[]) == []


def test_rewriting_a_document_replaces_its_sentences(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.put_document(*_doc(), b"x", "v1")
    store.put_document(*_doc(text="Nothing here. Only quiet."), b"x", "v2")
    assert store.search("envoy") == []
    assert len(store.search("quiet")) == 1


def test_update_documents_marks_duplicates_and_redates(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.put_document(*_doc("a"), b"x", "v1")
    store.put_document(*_doc("b"), b"y", "v1")
    store.update_documents({"a": PublicationDate("2020-02", "month", 0.5, ("event",))}, {"b": "a"})
    assert store.document("a").published.value == "2020-02"
    assert store.document("b").status == "duplicate" and store.document("b").duplicate_of == "a"
    store.update_documents({}, {"b": None})
    assert store.document("b").status == "ok"


def test_corpus_is_replaced_whole(tmp_path):
    store = open_store(tmp_path / "s.db")
    span = Span("d1", 0, 24)
    corpus = Corpus(
        entities=(Entity("e1", "Ana Ruiz", "person", roles=(Role("envoy", "Spain", "2020-03", "2020-03"),)),),
        events=(Event("ev1", "talks", "talks in Geneva", (span,), ("e1",), "Geneva", "2020-03-04", "day"),),
        positions=(Position("Spain", "talks", "demand", "resume talks", span, "2020-03"),),
        conflicts=(Conflict("figure", "cost", ("1", "2"), (span, span)),),
        figures=(CorpusFigure(3.0, span, "a road of 3 km", "km", "road"),),
    )
    store.replace_corpus(corpus)
    assert store.corpus() == corpus
    store.replace_corpus(Corpus())
    assert store.corpus() == Corpus()


def test_skipped_inputs_are_listed_until_stored(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.add_skipped("d1.txt", "empty file")
    assert store.skipped() == [("d1.txt", "empty file")]
    store.put_document(*_doc(), b"x", "v1")
    assert store.skipped() == []


def test_page_round_trip_keeps_what_the_container_declared(tmp_path):
    store = open_store(tmp_path / "s.db")
    doc, ann = _doc()
    store.put_document(doc, ann, b"<p>raw</p>", "v1", {"published": "2020-03-04", "title": "T"})
    page = store.page("d1")
    assert page.raw == b"<p>raw</p>" and page.source == "d1.txt" and page.media == "text"
    assert page.declared == {"published": "2020-03-04", "title": "T"}


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    """Stores written before the `declared` column keep their documents and gain the column."""
    from dossier.store.sqlite import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    doc, ann = _doc()
    from dossier.store.sqlite import _dumps

    conn.execute(
        "INSERT INTO documents (id, source, status, version, doc_json, annotations_json, raw)"
        " VALUES (?, ?, 'ok', 'v1', ?, ?, ?)",
        (doc.id, doc.source, _dumps(doc), _dumps(ann), __import__("zlib").compress(b"raw")),
    )
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.document("d1") == doc
    assert store.page("d1").declared == {}
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
