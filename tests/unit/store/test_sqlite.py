"""What only the SQLite store has: its user_version schema, WAL, and in-place migrations of old files
(the behaviour every backend shares is in test_store.py)."""

from __future__ import annotations

import sqlite3

import pytest

from dossier.model import Annotations, Document, PublicationDate, RemovedBlock, Span
from dossier.store import open_store
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


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    """Stores written before the `declared` column keep their documents and gain the column."""
    from dossier.store.sqlite import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    doc, ann = _doc()
    from dossier.store.rows import dumps as _dumps

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


def test_wal_switch_retries_a_busy_store_and_gives_up_on_other_errors():
    """Two builders opening a new store race to switch its journal mode; SQLite may answer "locked"
    at once, without its busy handler, so the switch is retried (it failed the build before)."""
    from dossier.store.sqlite import use_wal

    calls: list[str] = []

    def busy_twice(sql: str) -> None:
        calls.append(sql)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")

    use_wal(busy_twice, wait=5.0, pause=0.0)
    assert calls == ["PRAGMA journal_mode=WAL"] * 3

    def always_busy(sql: str) -> None:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError):
        use_wal(always_busy, wait=0.0, pause=0.0)

    def broken(sql: str) -> None:
        calls.append("broken")
        raise sqlite3.OperationalError("disk I/O error")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="disk"):
        use_wal(broken, wait=5.0, pause=0.0)
    assert calls == ["broken"]
