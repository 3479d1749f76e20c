"""What only the PostgreSQL store has: its migration table and several builders writing one store at
once (the behaviour every backend shares is in test_store.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from dossier.model import Annotations, Document, PublicationDate, Span
from dossier.store import open_store
from dossier.store.postgres import SCHEMA_VERSION


def _doc(i: int) -> tuple[Document, Annotations]:
    text = f"Page {i} opens here. The envoy number {i} said little."
    doc = Document(id=f"doc{i:04d}", source=f"p{i}.txt", text=text,
                   published=PublicationDate("2020-03-04", "day", 0.9, ()), paragraphs=((0, len(text)),))
    first = text.index(".") + 1
    return doc, Annotations(doc.id, sentences=(Span(doc.id, 0, first), Span(doc.id, first + 1, len(text))))


def test_schema_is_versioned_and_a_newer_one_is_refused(pg_url):
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT max(version) FROM dossier_schema").fetchone()[0] == SCHEMA_VERSION
        conn.execute("INSERT INTO dossier_schema VALUES (%s)", (SCHEMA_VERSION + 1,))
    with pytest.raises(RuntimeError, match="newer"):
        open_store(pg_url)


def test_concurrent_builders_lose_and_duplicate_nothing(pg_url):
    """Four builders, each with its own connection, store overlapping page sets at once (as builds of
    overlapping folders would): every page is stored once, with its sentences once."""
    with ThreadPoolExecutor(4) as pool:  # opened at once: one of them migrates, the others wait
        stores = list(pool.map(lambda _: open_store(pg_url), range(4)))

    def build(k: int) -> None:
        for i in range(k * 30, k * 30 + 60):  # each range overlaps the next builder's by 30 pages
            doc, ann = _doc(i)
            stores[k].put_document(doc, ann, b"raw", "v1")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(build, range(4)))
    check = open_store(pg_url)
    ids = [m.id for m in check.document_meta()]
    assert len(ids) == len(set(ids)) == 150
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT (doc_id, start)) FROM sentences").fetchone() == (300, 300)
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 150
    assert len(check.search("envoy", limit=1000)) == 150
