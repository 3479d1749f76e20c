"""SQLite backend: one file, WAL, versioned schema, FTS5 over sentences.

Per-document rows are written in one transaction each, so a build killed at any moment leaves every
document either fully stored or absent; corpus-level tables are replaced in one transaction too.
Model objects are stored as JSON beside the few columns that queries filter on; quotes and mentions
are rows of their own (``store/tables.py``).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Literal, Mapping

from dossier.model import (
    Annotations,
    Document,
    Page,
    PublicationDate,
    Quote,
    from_dict,
)
from dossier.store import event_keys, fts_search, tables
from dossier.store.base import (
    DOCUMENTS_IN_ORDER,
    HEAD_DROPS,
    Corpus,
    CorpusChanges,
    CorpusReads,
    DocMeta,
    SearchHit,
    document_heads,
    without_layout,
)
from dossier.store.rows import (
    DOCUMENT_COLUMNS,
    annotations_blob,
    change_rows,
    declared_json,
    document_json,
    document_row,
    dumps,
    search_terms,
    sentence_rows,
    updated_document,
)
from dossier.store.sketches import writes
from dossier.store.spool import Spool
from dossier.store.tables import ALL_QUOTES, QuoteQuery

if TYPE_CHECKING:
    from dossier.clean.duplicates import Sketch

logger = logging.getLogger(__name__)

# Each entry migrates the schema from version i to i+1. Never edit a released entry: append one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        status TEXT NOT NULL,
        published TEXT,
        outlet TEXT,
        duplicate_of TEXT,
        version TEXT NOT NULL,
        doc_json TEXT NOT NULL,
        annotations_json TEXT NOT NULL,
        raw BLOB NOT NULL,
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE sources (source TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
    CREATE TABLE skipped (source TEXT PRIMARY KEY, reason TEXT NOT NULL,
                          at TEXT NOT NULL DEFAULT (datetime('now')));
    CREATE VIRTUAL TABLE sentences USING fts5(
        text, doc_id UNINDEXED, start UNINDEXED, end UNINDEXED, tokenize = 'porter unicode61'
    );
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TABLE mention_entity (doc_id TEXT, start INTEGER, end INTEGER, entity_id TEXT,
                                 PRIMARY KEY (doc_id, start, end));
    CREATE INDEX mention_entity_entity ON mention_entity (entity_id);
    CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, kind TEXT, json TEXT NOT NULL);
    CREATE TABLE positions (n INTEGER PRIMARY KEY, actor TEXT, issue TEXT, date TEXT, json TEXT NOT NULL);
    CREATE TABLE conflicts (n INTEGER PRIMARY KEY, kind TEXT, json TEXT NOT NULL);
    CREATE TABLE figures (n INTEGER PRIMARY KEY, json TEXT NOT NULL);
    """,
    # v2: what the container declared (JSONL fields, WARC headers, a user's --date), so a document can
    # be rebuilt from the store alone.
    """
    ALTER TABLE documents ADD COLUMN declared TEXT NOT NULL DEFAULT '{}';
    """,
    # v3: resolution lives in the model (Mention.entity_id, Quote.speaker_entity in the annotations);
    # the side table joined back by (doc, start, end) goes.
    """
    DROP TABLE mention_entity;
    """,
    # v4: what each source declared (JSONL fields, WARC headers): identical bodies on several lines are
    # one document, and every line keeps its own url, title and date beside it.
    """
    ALTER TABLE sources ADD COLUMN declared TEXT NOT NULL DEFAULT '{}';
    """,
    # v5: quotes and mentions as rows (store/tables.py says why), moved out of the annotation JSON;
    # each row's JSON drops what its columns hold. Listings filter and sort live documents by date without
    # reading their (large) rows: covering indexes.
    """
    CREATE TABLE quotes (doc_id TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                         speaker_entity TEXT, speaker TEXT, json TEXT NOT NULL, PRIMARY KEY (doc_id, n)) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes (speaker_entity);
    CREATE INDEX quotes_name ON quotes (speaker);
    CREATE INDEX quotes_doc ON quotes (doc_id);
    CREATE TABLE mentions (doc_id TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                           entity_id TEXT, json TEXT NOT NULL, PRIMARY KEY (doc_id, n)) WITHOUT ROWID;
    CREATE INDEX documents_live ON documents (status, (published IS NULL), published, source, outlet, id);
    CREATE INDEX documents_key ON documents (id, status, published, source, outlet);
    INSERT INTO quotes SELECT d.id, q.key, json_extract(q.value, '$.content.start'), json_extract(q.value, '$.content.end'),
        json_extract(q.value, '$.speaker_entity'), json_extract(q.value, '$.speaker'),
        json_remove(q.value, '$.content', '$.speaker_entity', '$.speaker')
        FROM documents AS d, json_each(d.annotations_json, '$.quotes') AS q;
    INSERT INTO mentions SELECT d.id, m.key, json_extract(m.value, '$.span.start'), json_extract(m.value, '$.span.end'),
        json_extract(m.value, '$.entity_id'), json_remove(m.value, '$.span', '$.entity_id')
        FROM documents AS d, json_each(d.annotations_json, '$.mentions') AS m;
    UPDATE documents SET annotations_json = json_set(annotations_json, '$.quotes', json('[]'), '$.mentions', json('[]'));
    """,
    # v6: each page's near-duplicate sketch as rows, by text key and by LSH band (store/sketches.py says
    # why); they were one JSON value in meta 'corpus_index', whose new version makes the next step a
    # full one, which fills these tables.
    """
    CREATE TABLE sketches (doc_id TEXT PRIMARY KEY, key TEXT NOT NULL);
    CREATE INDEX sketches_key ON sketches (key);
    CREATE TABLE sketch_bands (band INTEGER NOT NULL, doc_id TEXT NOT NULL);
    CREATE INDEX sketch_bands_band ON sketch_bands (band);
    CREATE INDEX sketch_bands_doc ON sketch_bands (doc_id);
    """,
    # v7: what each stored event can be joined by (participants, named documents, date) as rows, so an
    # incremental step finds the events new ones may join in SQL (store/event_keys.py); filled by the
    # next full step, which the corpus index's new version asks for.
    """
    CREATE TABLE event_keys (event_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
    CREATE INDEX event_keys_value ON event_keys (kind, value);
    CREATE INDEX event_keys_event ON event_keys (event_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


SQLITE_MAGIC = b"SQLite format 3\x00"


# What the corpus step may change in a document's row (``update_documents``)
_DOCUMENT_SETS = "doc_json = ?, published = ?, duplicate_of = ?, status = ?"


class NotAStore(ValueError):
    """The location exists but is not a dossier store (a folder, a text file, another database)."""


def check_location(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a dossier store, or None if it can (absent, empty or a store).

    Read-only: a file that is not a store is refused before anything writes to it, so a mistyped
    ``--db`` never turns someone's file into a database.
    """
    if not path.exists():
        return None
    if path.is_dir():
        return f"{path} is a folder, not a dossier store (give a file name, e.g. {path / 'dossier.db'})"
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror or exc}"
    if not head:
        return None
    if head != SQLITE_MAGIC:
        return f"{path} is not a dossier store (not a SQLite file); refusing to write to it"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"{path} is a damaged SQLite file ({exc}); refusing to write to it"
    if tables and not {"meta", "documents"} <= tables:
        return f"{path} is a SQLite database but not a dossier store; refusing to write to it"
    return None


def _statements(script: str) -> list[str]:
    """A migration script as single statements (``executescript`` would commit the lock away)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out + ([buf.strip()] if buf.strip() else [])


LOCK_WAIT = 30.0  # seconds a builder waits for another's write lock (sqlite3's busy timeout)


def use_wal(execute: Callable[[str], Any], wait: float = LOCK_WAIT, pause: float = 0.05) -> None:
    """Put the store in WAL mode, retrying while another process does the same.

    Two builders opening a new store at once race to switch its journal mode, and SQLite can answer
    that switch "database is locked" at once, without running the busy handler the connection's
    timeout sets; so the retry is ours, bounded by the same wait."""
    deadline = time.monotonic() + wait
    while True:
        try:
            execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            logger.debug("journal mode switch busy, retrying: %s", exc)
            time.sleep(pause)


class SQLiteStore(CorpusReads):
    """The embedded default store (see ``dossier.store.base.Store`` for the interface)."""

    def __init__(self, path: Path):
        self.location = str(path)
        problem = check_location(path)
        if problem:
            raise NotAStore(problem)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), timeout=LOCK_WAIT, check_same_thread=False)
        use_wal(self.conn.execute)
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # -- schema ---------------------------------------------------------------------------------
    def _version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        """Bring the schema up to date under one write lock (``BEGIN IMMEDIATE``), reading the version
        inside it: two builders opening a new store at once must not both create its tables."""
        if self._version() == SCHEMA_VERSION:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            current = self._version()
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"store {self.location} has schema v{current}, newer than this dossier (v{SCHEMA_VERSION})"
                )
            for i in range(current, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[i]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {i + 1}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    # -- meta -----------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- documents ------------------------------------------------------------------------------
    def has_document(self, doc_id: str, version: str) -> bool:
        row = self.conn.execute("SELECT version FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return bool(row) and row[0] == version

    def document_versions(self) -> dict[str, str]:
        """Each stored document's pipeline version (``upgrade`` brings older ones up to date)."""
        return dict(self.conn.execute("SELECT id, version FROM documents"))

    def set_documents(self, docs: Iterable[tuple[Document, str]]) -> None:
        """Rewrite stored documents and their versions in one transaction; their annotations, raw
        page and sources stay as they are (``upgrade``: a field computed from what is stored)."""
        rows = [(dumps(d), v, d.id) for d, v in docs]  # encoded before the write lock
        with self.conn:
            self.conn.executemany("UPDATE documents SET doc_json = ?, version = ? WHERE id = ?", rows)

    def put_document(
        self,
        doc: Document,
        annots: Annotations,
        raw: bytes,
        version: str,
        declared: dict[str, str] | None = None,
    ) -> None:
        with self.conn:  # one transaction: the document, its sentences and its source, or nothing
            if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                # Only a stored page has sentences (they are written here, with its row, and rows are
                # never deleted); doc_id is not indexed in FTS5, so this DELETE reads every sentence
                # of the store: for each new page it made a build quadratic (20 ms a page at 3,000).
                self.conn.execute("DELETE FROM sentences WHERE doc_id = ?", (doc.id,))
            cols = ", ".join(DOCUMENT_COLUMNS)
            self.conn.execute(
                f"INSERT OR REPLACE INTO documents ({cols}) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
                document_row(doc, annots, raw, version, declared),
            )
            self._index_sentences(doc, annots)
            self._write_rows(annots)
            self._upsert_source(doc.source, doc.id, declared)

    def _write_rows(self, annots: Annotations) -> None:
        """Replace a document's quote and mention rows (inside the caller's transaction)."""
        for table, columns, rows in (("quotes", tables.QUOTE_COLUMNS, tables.quote_rows(annots)),
                                     ("mentions", tables.MENTION_COLUMNS, tables.mention_rows(annots))):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (annots.doc_id,))
            marks = ", ".join("?" * len(columns))
            self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _run(self, sql: str, params: Any = ()) -> Iterable[Any]:
        return self.conn.execute(sql, tuple(params))

    def _index_sentences(self, doc: Document, annots: Annotations) -> None:
        rows = sentence_rows(doc, annots)
        self.conn.executemany("INSERT INTO sentences (text, doc_id, start, end) VALUES (?, ?, ?, ?)", rows)

    def _upsert_source(self, source: str, doc_id: str, declared: dict[str, str] | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO sources (source, doc_id, declared) VALUES (?, ?, ?)",
            (source, doc_id, declared_json(declared)),
        )
        self.conn.execute("DELETE FROM skipped WHERE source = ?", (source,))

    def add_source(self, source: str, doc_id: str, declared: dict[str, str] | None = None) -> None:
        with self.conn:
            self._upsert_source(source, doc_id, declared)

    def sources(self, doc_id: str) -> list[tuple[str, dict[str, str]]]:
        """Every input that gave this document (a JSONL line, a file), each with what it declared."""
        rows = self.conn.execute("SELECT source, declared FROM sources WHERE doc_id = ? ORDER BY source", (doc_id,))
        return [(str(r[0]), json.loads(r[1])) for r in rows]

    def add_skipped(self, source: str, reason: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO skipped (source, reason) VALUES (?, ?)", (source, reason))

    def skipped(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT source, reason FROM skipped ORDER BY source")]

    def documents(self) -> list[Document]:
        rows = self.conn.execute(DOCUMENTS_IN_ORDER)
        return [from_dict(Document, json.loads(r[0])) for r in rows]

    def corpus_documents(self) -> list[Document]:
        """Every document with its text, without its page layout (``base.without_layout``), in the
        order of ``documents``."""
        return without_layout(self.conn.execute(DOCUMENTS_IN_ORDER))

    def document_heads(self) -> list[tuple[Document, int]]:
        """Every document without its text and page layout, and its text's length (``base.document_heads``)."""
        return document_heads(self.conn.execute(
            "SELECT json_remove(doc_json, " + ", ".join(f"'$.{f}'" for f in HEAD_DROPS)
            + "), length(json_extract(doc_json, '$.text')) FROM documents ORDER BY published IS NULL, published, source"))

    def _resolve_id(self, doc_id: str) -> str | None:
        """Accept a full id or a unique prefix (users type the first characters)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id = ? OR id LIKE ? LIMIT 2", (doc_id, doc_id + "%")
        ).fetchall()
        exact = [str(r[0]) for r in rows if r[0] == doc_id]
        if exact:
            return exact[0]
        return str(rows[0][0]) if len(rows) == 1 else None

    def document(self, doc_id: str) -> Document | None:
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT doc_json FROM documents WHERE id = ?", (full,)).fetchone()
        return from_dict(Document, json.loads(row[0]))

    def annotations(self, doc_id: str) -> Annotations | None:
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT annotations_json FROM documents WHERE id = ?", (full,)).fetchone()
        return tables.joined(json.loads(row[0]), tables.rows_of(self._run, "quotes", full, "?"),
                             tables.rows_of(self._run, "mentions", full, "?"))

    def all_annotations(self) -> dict[str, Annotations]:
        quotes, mentions = tables.grouped_rows(self._run, "quotes"), tables.grouped_rows(self._run, "mentions")
        rows = self.conn.execute("SELECT id, annotations_json FROM documents")
        return {r[0]: tables.joined(json.loads(r[1]), quotes.get(r[0], ()), mentions.get(r[0], ())) for r in rows}

    def raw(self, doc_id: str) -> bytes | None:
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT raw FROM documents WHERE id = ?", (full,)).fetchone()
        return zlib.decompress(row[0])

    def page(self, doc_id: str) -> Page | None:
        """The stored input of a document, as ingest read it: enough to rebuild without the source."""
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT doc_json, raw, declared FROM documents WHERE id = ?", (full,)).fetchone()
        doc = json.loads(row[0])
        media: Literal["html", "text"] = "html" if doc.get("media") == "html" else "text"
        return Page(
            source=doc["source"],
            raw=zlib.decompress(row[1]),
            media=media,
            declared=json.loads(row[2]),
            encoding=doc.get("encoding"),
        )

    # -- corpus level ---------------------------------------------------------------------------
    def update_documents(
        self,
        dates: dict[str, PublicationDate],
        duplicates: dict[str, str | None],
        annotations: Iterable[Annotations] = (),
    ) -> None:
        """Apply what the reduce step learnt about documents (re-dating, duplicates) in one transaction."""
        by_id = {a.doc_id: a for a in annotations}
        blobs = {i: annotations_blob(a) for i, a in by_id.items()}  # encoded before the write lock
        ids = set(dates) | set(duplicates) | set(by_id)
        with self.conn:
            for doc_id in ids:
                row = self.conn.execute("SELECT doc_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
                if not row:
                    continue
                data = updated_document(json.loads(row[0]), doc_id, dates, duplicates)
                values = (document_json(data), (data.get("published") or {}).get("value"),
                          data.get("duplicate_of"), data.get("status", "ok"))
                if doc_id in by_id:  # one UPDATE: SQLite rewrites the whole row (text, raw page) each time
                    self.conn.execute(f"UPDATE documents SET {_DOCUMENT_SETS}, annotations_json = ? WHERE id = ?",
                                      (*values, blobs[doc_id], doc_id))
                    self._write_rows(by_id[doc_id])
                else:
                    self.conn.execute(f"UPDATE documents SET {_DOCUMENT_SETS} WHERE id = ?", (*values, doc_id))

    def replace_corpus(self, corpus: Corpus) -> None:
        """Replace the corpus tables in one transaction. Rows are serialised before it begins, so the
        write lock another builder waits on is held for the inserts only, not for the JSON encoding;
        their JSON waits in temporary files (``spool``), not in memory."""
        c, run = corpus, self.conn.executemany
        with (Spool(c.entities, dumps) as entities, Spool(c.events, dumps) as events,
              Spool(c.positions, dumps) as positions, Spool(c.conflicts, dumps) as conflicts,
              Spool(c.figures, dumps) as figures):
            keys = event_keys.writes(c.events, (), True, "?")
            with self.conn:
                for table in ("entities", "events", "positions", "conflicts", "figures"):
                    self.conn.execute(f"DELETE FROM {table}")
                for sql, rows in keys:
                    run(sql, rows)
                run("INSERT INTO entities (id, name, type, json) VALUES (?, ?, ?, ?)",
                    ((e.id, e.name, e.type, j) for e, j in zip(c.entities, entities, strict=True)))
                run("INSERT OR REPLACE INTO events (id, date, kind, json) VALUES (?, ?, ?, ?)",
                    ((e.id, e.date, e.kind, j) for e, j in zip(c.events, events, strict=True)))
                run("INSERT INTO positions (actor, issue, date, json) VALUES (?, ?, ?, ?)",
                    ((p.actor, p.issue, p.date, j) for p, j in zip(c.positions, positions, strict=True)))
                run("INSERT INTO conflicts (kind, json) VALUES (?, ?)",
                    ((f.kind, j) for f, j in zip(c.conflicts, conflicts, strict=True)))
                run("INSERT INTO figures (json) VALUES (?)", ((j,) for j in figures))

    def update_corpus(self, changes: CorpusChanges) -> None:
        """Write only what an incremental corpus step changed, in one transaction (rows encoded first)."""
        rows = change_rows(changes)
        keys = event_keys.writes(changes.events, changes.gone_events, False, "?")
        run = self.conn.executemany
        with self.conn:
            for sql, params in keys:
                run(sql, params)
            run("DELETE FROM entities WHERE id = ?", rows.gone_entities)
            run("INSERT OR REPLACE INTO entities (id, name, type, json) VALUES (?, ?, ?, ?)", rows.entities)
            run("DELETE FROM events WHERE id = ?", rows.gone_events)
            run("INSERT OR REPLACE INTO events (id, date, kind, json) VALUES (?, ?, ?, ?)", rows.events)
            run("DELETE FROM positions WHERE n = (SELECT min(n) FROM positions WHERE json = ?)", rows.gone_positions)
            run("INSERT INTO positions (actor, issue, date, json) VALUES (?, ?, ?, ?)", rows.positions)
            if rows.replace_figures:
                self.conn.execute("DELETE FROM figures")
            run("DELETE FROM figures WHERE n = (SELECT min(n) FROM figures WHERE json = ?)", rows.gone_figures)
            run("INSERT INTO figures (json) VALUES (?)", rows.figures)
            run("DELETE FROM conflicts WHERE n = (SELECT min(n) FROM conflicts WHERE json = ?)", rows.gone_conflicts)
            run("INSERT INTO conflicts (kind, json) VALUES (?, ?)", rows.conflicts)


    def put_sketches(self, sketches: Mapping[str, Sketch], gone: Collection[str] = (), replace: bool = False) -> None:
        """Store the pages' near-duplicate sketches (``store.sketches``): instead of every stored one
        (``replace``), or in place of those of ``gone`` and of the pages given; one transaction."""
        statements = writes(sketches, gone, replace, "?")
        with self.conn:
            for sql, rows in statements:
                self.conn.executemany(sql, rows)

    # -- light reads for listings ---------------------------------------------------------------
    def document_meta(self) -> list[DocMeta]:
        """Every document's id, status, date, outlet and title, without parsing its text or annotations."""
        rows = self.conn.execute(
            "SELECT id, source, status, published, outlet, json_extract(doc_json, '$.title'), duplicate_of,"
            " json_extract(doc_json, '$.published.precision'), json_extract(doc_json, '$.published.confidence')"
            " FROM documents ORDER BY published IS NULL, published, source"
        )
        return [DocMeta(*r) for r in rows]

    def find_quotes(self, query: QuoteQuery = ALL_QUOTES, limit: int | None = None, offset: int = 0,
                    total: int | None = None) -> tuple[int, list[Quote]]:
        """How many quotes of live documents pass ``query``, and one page of them (see tables.find_quotes)."""
        return tables.find_quotes(self._run, query, limit, offset, total=total)

    def speaker_names(self) -> list[str]:
        """Every distinct speaker name read on a page."""
        return tables.speaker_names(self._run)

    def count_quotes(self) -> int:
        """How many quotes the live documents hold."""
        row = self.conn.execute(
            "SELECT count(*) FROM quotes AS q JOIN documents AS d ON d.id = q.doc_id WHERE d.status = 'ok'"
        ).fetchone()
        return int(row[0])

    def names_any(self, doc_id: str, start: int, end: int, ids: Iterable[str]) -> bool:
        """Does a mention starting in [start, end) of the document resolve to one of ``ids``?"""
        return tables.names_any(self._run, doc_id, start, end, ids)

    def sentence_bounds(self, doc_id: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of a document, pulled out of its annotations by SQLite."""
        rows = self.conn.execute(
            "SELECT json_extract(s.value, '$.start'), json_extract(s.value, '$.end')"
            " FROM documents AS d, json_each(d.annotations_json, '$.sentences') AS s WHERE d.id = ? ORDER BY s.key",
            (doc_id,),
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    # -- search ---------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        limit: int = 20,
        doc_ids: Iterable[str] | None = None,
        *,
        offset: int = 0,
        live: bool = False,
        outlet: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> list[SearchHit]:
        """BM25 over sentences (FTS5). The query is reduced to plain terms so user input is never syntax.
        ``live``, ``outlet`` and the prefix-aware date range filter documents in SQL (a join, on the
        best-scored sentences first: :mod:`fts_search`), so no document id is bound as a parameter unless
        ``doc_ids`` is given explicitly."""
        terms = search_terms(query)
        if not terms:
            return []
        where, params = "", list[Any]()
        if live:
            where += " AND d.status = 'ok'"
        if outlet:
            where += " AND d.outlet = ?"
            params.append(outlet)
        for bound, op in ((start, ">="), (end, "<=")):
            if bound:  # compare on the shorter precision: '2018' may fall in 2018-05..2018-12
                where += f" AND substr(d.published, 1, length(?)) {op} substr(?, 1, length(d.published))"
                params.extend([bound, bound])
        if doc_ids is not None:
            ids = list(doc_ids)
            if not ids:
                return []
            where += f" AND s.doc_id IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        return fts_search.ranked(self.conn, " OR ".join(f'"{t}"' for t in terms), where, params, limit, offset)
