"""PostgreSQL backend: the same ``Store`` protocol as SQLite, for stores that several builders and
readers share (``--db postgresql://user@host/dbname``).

Why it differs from the SQLite backend where it does:
- Several builders may write one store at once. Every write is one transaction that first takes a
  transaction-scoped advisory lock on what it replaces (a document id, or the whole corpus), so two
  builders storing the same page serialise and a page is never lost or stored twice (its sentences
  included); readers are never blocked (MVCC).
- Text columns that listings sort by use the "C" collation, so orders are byte orders as in SQLite.
- Full-text search is a stored ``tsvector`` with a GIN index, ranked by ``ts_rank`` and highlighted by
  ``ts_headline``. Its configuration stems English words (snowball, like FTS5's porter) and keeps stop
  words, as FTS5 does, so a query finds the same sentences on both backends.
- ``documents.seq`` keeps SQLite's rowid order (a rewritten document moves to the end), so
  ``all_annotations`` hands the corpus step documents in the same order on both backends.
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import TYPE_CHECKING, Any, Collection, Iterable, Mapping

import psycopg

from dossier.model import (
    Annotations,
    Document,
    Page,
    PublicationDate,
    Quote,
    from_dict,
)
from dossier.store import event_keys, tables
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

log = logging.getLogger(__name__)

# Each entry migrates the schema from version i to i+1. Never edit a released entry: append one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGSERIAL,
        source TEXT COLLATE "C" NOT NULL,
        status TEXT NOT NULL,
        published TEXT COLLATE "C",
        outlet TEXT COLLATE "C",
        duplicate_of TEXT,
        version TEXT NOT NULL,
        doc_json TEXT NOT NULL,
        annotations_json TEXT NOT NULL,
        raw BYTEA NOT NULL,
        declared TEXT NOT NULL DEFAULT '{}',
        added_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX documents_order ON documents ((published IS NULL), published, source);
    CREATE TABLE sources (source TEXT COLLATE "C" PRIMARY KEY, doc_id TEXT NOT NULL);
    CREATE TABLE skipped (source TEXT COLLATE "C" PRIMARY KEY, reason TEXT NOT NULL,
                          at TIMESTAMPTZ NOT NULL DEFAULT now());
    CREATE TEXT SEARCH DICTIONARY dossier_stem (TEMPLATE = snowball, LANGUAGE = english);
    CREATE TEXT SEARCH CONFIGURATION dossier_english (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION dossier_english
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH dossier_stem;
    CREATE TABLE sentences (
        doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('dossier_english', text)) STORED
    );
    CREATE INDEX sentences_doc ON sentences (doc_id);
    CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, type TEXT NOT NULL,
                           json TEXT NOT NULL);
    CREATE TABLE events (id TEXT COLLATE "C" PRIMARY KEY, date TEXT COLLATE "C", kind TEXT, json TEXT NOT NULL);
    CREATE TABLE positions (n BIGSERIAL PRIMARY KEY, actor TEXT, issue TEXT, date TEXT, json TEXT NOT NULL);
    CREATE TABLE conflicts (n BIGSERIAL PRIMARY KEY, kind TEXT, json TEXT NOT NULL);
    CREATE TABLE figures (n BIGSERIAL PRIMARY KEY, json TEXT NOT NULL);
    """,
    # v2: what each source declared (see the SQLite store's v4)
    """
    ALTER TABLE sources ADD COLUMN declared TEXT NOT NULL DEFAULT '{}';
    """,
    # v3: quotes and mentions as rows, out of the annotation JSON (see the SQLite store's v5)
    """
    CREATE TABLE quotes (doc_id TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL,
                         "end" INTEGER NOT NULL, speaker_entity TEXT, speaker TEXT, json TEXT NOT NULL,
                         PRIMARY KEY (doc_id, n));
    CREATE INDEX quotes_speaker ON quotes (speaker_entity);
    CREATE INDEX quotes_name ON quotes (speaker);
    CREATE TABLE mentions (doc_id TEXT COLLATE "C" NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL,
                           "end" INTEGER NOT NULL, entity_id TEXT, json TEXT NOT NULL, PRIMARY KEY (doc_id, n));
    INSERT INTO quotes SELECT d.id, q.n - 1, (q.value -> 'content' ->> 'start')::int, (q.value -> 'content' ->> 'end')::int,
        q.value ->> 'speaker_entity', q.value ->> 'speaker', (q.value - 'content' - 'speaker_entity' - 'speaker')::text
        FROM documents AS d, jsonb_array_elements(d.annotations_json::jsonb -> 'quotes') WITH ORDINALITY AS q(value, n);
    INSERT INTO mentions SELECT d.id, m.n - 1, (m.value -> 'span' ->> 'start')::int, (m.value -> 'span' ->> 'end')::int,
        m.value ->> 'entity_id', (m.value - 'span' - 'entity_id')::text
        FROM documents AS d, jsonb_array_elements(d.annotations_json::jsonb -> 'mentions') WITH ORDINALITY AS m(value, n);
    UPDATE documents SET annotations_json = (annotations_json::jsonb || '{"quotes": [], "mentions": []}'::jsonb)::text;
    """,
    # v4: near-duplicate sketches as rows (see the SQLite store's v6)
    """
    CREATE TABLE sketches (doc_id TEXT COLLATE "C" PRIMARY KEY, key TEXT NOT NULL);
    CREATE INDEX sketches_key ON sketches (key);
    CREATE TABLE sketch_bands (band BIGINT NOT NULL, doc_id TEXT COLLATE "C" NOT NULL);
    CREATE INDEX sketch_bands_band ON sketch_bands (band);
    CREATE INDEX sketch_bands_doc ON sketch_bands (doc_id);
    """,
    # v5: what each stored event can be joined by, as rows (see the SQLite store's v7)
    """
    CREATE TABLE event_keys (event_id TEXT COLLATE "C" NOT NULL, kind TEXT NOT NULL, value TEXT COLLATE "C" NOT NULL);
    CREATE INDEX event_keys_value ON event_keys (kind, value);
    CREATE INDEX event_keys_event ON event_keys (event_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
_MIGRATE_LOCK = 0x646F7373  # advisory lock keys: one for migrations, one for the corpus tables
_CORPUS_LOCK = 0x646F7374
_CORPUS_TABLES = ("entities", "events", "positions", "conflicts", "figures")


class PostgresStore(CorpusReads):
    """A shared store on a PostgreSQL server (see ``dossier.store.base.Store`` for the interface)."""

    PARAM = "%s"

    def __init__(self, url: str):
        self.location = url
        self.conn = psycopg.connect(url, autocommit=True)
        self._migrate()

    # -- schema ---------------------------------------------------------------------------------
    def _version(self) -> int:
        self.conn.execute("CREATE TABLE IF NOT EXISTS dossier_schema (version INTEGER NOT NULL)")
        row = self.conn.execute("SELECT max(version) FROM dossier_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        """Apply pending migrations, one transaction each, under a lock so concurrent openers agree."""
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            current = self._version()
            if current > SCHEMA_VERSION:
                raise RuntimeError(
                    f"store {self.location} has schema v{current}, newer than this dossier (v{SCHEMA_VERSION})"
                )
            for i in range(current, SCHEMA_VERSION):
                log.info("migrating %s to schema v%d", self.location, i + 1)
                self.conn.execute(MIGRATIONS[i])  # trusted constant SQL
                self.conn.execute("INSERT INTO dossier_schema (version) VALUES (%s)", (i + 1,))

    def close(self) -> None:
        self.conn.close()

    # -- meta -----------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (key, value),
        )

    # -- documents ------------------------------------------------------------------------------
    def has_document(self, doc_id: str, version: str) -> bool:
        row = self.conn.execute("SELECT version FROM documents WHERE id = %s", (doc_id,)).fetchone()
        return row is not None and row[0] == version

    def document_versions(self) -> dict[str, str]:
        """Each stored document's pipeline version (``upgrade`` brings older ones up to date)."""
        return {i: v for i, v in self.conn.execute("SELECT id, version FROM documents")}

    def set_documents(self, docs: Iterable[tuple[Document, str]]) -> None:
        """Rewrite stored documents and their versions in one transaction; their annotations, raw
        page and sources stay as they are (``upgrade``: a field computed from what is stored)."""
        rows = [(dumps(d), v, d.id) for d, v in docs]  # encoded before the write lock
        with self.conn.transaction():
            with self.conn.cursor() as cur:
                cur.executemany("UPDATE documents SET doc_json = %s, version = %s WHERE id = %s", rows)

    def put_document(
        self,
        doc: Document,
        annots: Annotations,
        raw: bytes,
        version: str,
        declared: dict[str, str] | None = None,
    ) -> None:
        with self.conn.transaction():  # the document, its sentences and its source, or nothing
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (doc.id,))
            self.conn.execute("DELETE FROM sentences WHERE doc_id = %s", (doc.id,))
            self.conn.execute("DELETE FROM documents WHERE id = %s", (doc.id,))  # a rewrite moves to the end
            cols = ", ".join(DOCUMENT_COLUMNS)
            self.conn.execute(
                f"INSERT INTO documents ({cols}) VALUES ({', '.join(['%s'] * len(DOCUMENT_COLUMNS))})",
                document_row(doc, annots, raw, version, declared),
            )
            self._index_sentences(doc, annots)
            self._write_rows(annots)
            self._upsert_source(doc.source, doc.id, declared)

    def _write_rows(self, annots: Annotations) -> None:
        """Replace a document's quote and mention rows (inside the caller's transaction)."""
        with self.conn.cursor() as cur:
            for table, columns, rows in (("quotes", tables.QUOTE_COLUMNS, tables.quote_rows(annots)),
                                         ("mentions", tables.MENTION_COLUMNS, tables.mention_rows(annots))):
                cur.execute(f"DELETE FROM {table} WHERE doc_id = %s", (annots.doc_id,))
                marks = ", ".join(["%s"] * len(columns))
                cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _run(self, sql: str, params: Any = ()) -> Iterable[Any]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def _index_sentences(self, doc: Document, annots: Annotations) -> None:
        rows = sentence_rows(doc, annots)
        with self.conn.cursor() as cur:
            cur.executemany('INSERT INTO sentences (text, doc_id, start, "end") VALUES (%s, %s, %s, %s)', rows)

    def _upsert_source(self, source: str, doc_id: str, declared: dict[str, str] | None) -> None:
        self.conn.execute(
            "INSERT INTO sources (source, doc_id, declared) VALUES (%s, %s, %s)"
            " ON CONFLICT (source) DO UPDATE SET doc_id = EXCLUDED.doc_id, declared = EXCLUDED.declared",
            (source, doc_id, declared_json(declared)),
        )
        self.conn.execute("DELETE FROM skipped WHERE source = %s", (source,))

    def add_source(self, source: str, doc_id: str, declared: dict[str, str] | None = None) -> None:
        with self.conn.transaction():
            self._upsert_source(source, doc_id, declared)

    def sources(self, doc_id: str) -> list[tuple[str, dict[str, str]]]:
        """Every input that gave this document, each with what it declared."""
        rows = self.conn.execute("SELECT source, declared FROM sources WHERE doc_id = %s ORDER BY source", (doc_id,))
        return [(str(r[0]), json.loads(r[1])) for r in rows]

    def add_skipped(self, source: str, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO skipped (source, reason) VALUES (%s, %s)"
            " ON CONFLICT (source) DO UPDATE SET reason = EXCLUDED.reason",
            (source, reason),
        )

    def skipped(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute("SELECT source, reason FROM skipped ORDER BY source")]

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
            "SELECT (doc_json::jsonb" + "".join(f" - '{f}'" for f in HEAD_DROPS)
            + ")::text, length(doc_json::jsonb->>'text') FROM documents ORDER BY published IS NULL, published, source"))

    def _resolve_id(self, doc_id: str) -> str | None:
        """Accept a full id or a unique prefix (users type the first characters)."""
        pattern = doc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id = %s OR id LIKE %s LIMIT 2", (doc_id, pattern)
        ).fetchall()
        exact = [r[0] for r in rows if r[0] == doc_id]
        if exact:
            return str(exact[0])
        return str(rows[0][0]) if len(rows) == 1 else None

    def _column(self, doc_id: str, column: str) -> Any:
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute(f"SELECT {column} FROM documents WHERE id = %s", (full,)).fetchone()
        return row[0] if row else None

    def document(self, doc_id: str) -> Document | None:
        value = self._column(doc_id, "doc_json")
        return None if value is None else from_dict(Document, json.loads(value))

    def annotations(self, doc_id: str) -> Annotations | None:
        full = self._resolve_id(doc_id)
        row = None if full is None else self.conn.execute(
            "SELECT annotations_json FROM documents WHERE id = %s", (full,)).fetchone()
        if full is None or row is None:
            return None
        return tables.joined(json.loads(row[0]), tables.rows_of(self._run, "quotes", full, "%s"),
                             tables.rows_of(self._run, "mentions", full, "%s"))

    def all_annotations(self) -> dict[str, Annotations]:
        quotes, mentions = tables.grouped_rows(self._run, "quotes"), tables.grouped_rows(self._run, "mentions")
        rows = self.conn.execute("SELECT id, annotations_json FROM documents ORDER BY seq")
        return {r[0]: tables.joined(json.loads(r[1]), quotes.get(r[0], ()), mentions.get(r[0], ())) for r in rows}

    def raw(self, doc_id: str) -> bytes | None:
        value = self._column(doc_id, "raw")
        return None if value is None else zlib.decompress(bytes(value))

    def page(self, doc_id: str) -> Page | None:
        """The stored input of a document, as ingest read it: enough to rebuild without the source."""
        full = self._resolve_id(doc_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT doc_json, raw, declared FROM documents WHERE id = %s", (full,)).fetchone()
        if row is None:
            return None
        doc = json.loads(row[0])
        return Page(
            source=doc["source"],
            raw=zlib.decompress(bytes(row[1])),
            media="html" if doc.get("media") == "html" else "text",
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
        with self.conn.transaction():
            for doc_id in sorted(set(dates) | set(duplicates) | set(by_id)):  # sorted: locks in one order
                self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (doc_id,))
                row = self.conn.execute("SELECT doc_json FROM documents WHERE id = %s", (doc_id,)).fetchone()
                if not row:
                    continue
                data = updated_document(json.loads(row[0]), doc_id, dates, duplicates)
                self.conn.execute(
                    "UPDATE documents SET doc_json = %s, published = %s, duplicate_of = %s, status = %s WHERE id = %s",
                    (
                        document_json(data),
                        (data.get("published") or {}).get("value"),
                        data.get("duplicate_of"),
                        data.get("status", "ok"),
                        doc_id,
                    ),
                )
                if doc_id in by_id:
                    self.conn.execute(
                        "UPDATE documents SET annotations_json = %s WHERE id = %s",
                        (annotations_blob(by_id[doc_id]), doc_id),
                    )
                    self._write_rows(by_id[doc_id])

    def replace_corpus(self, corpus: Corpus) -> None:
        """Replace the corpus tables in one transaction under the corpus lock. As in the SQLite store,
        every row's JSON is encoded before the transaction begins, so the lock other builders wait on
        is held for the inserts only, and it waits in temporary files (``spool``), not in memory."""
        c = corpus
        with (Spool(c.entities, dumps) as entities, Spool(c.events, dumps) as events,
              Spool(c.positions, dumps) as positions, Spool(c.conflicts, dumps) as conflicts,
              Spool(c.figures, dumps) as figures):
            keys = event_keys.writes(c.events, (), True, "%s")
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_CORPUS_LOCK,))
                cur.execute("TRUNCATE " + ", ".join(_CORPUS_TABLES) + " RESTART IDENTITY")
                for sql, rows in keys:
                    cur.executemany(sql, rows)
                cur.executemany("INSERT INTO entities (id, name, type, json) VALUES (%s, %s, %s, %s)",
                                ((e.id, e.name, e.type, j) for e, j in zip(c.entities, entities, strict=True)))
                cur.executemany(  # the last of one id wins, as SQLite's INSERT OR REPLACE
                    "INSERT INTO events (id, date, kind, json) VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE"
                    " SET date = EXCLUDED.date, kind = EXCLUDED.kind, json = EXCLUDED.json",
                    ((e.id, e.date, e.kind, j) for e, j in zip(c.events, events, strict=True)))
                cur.executemany("INSERT INTO positions (actor, issue, date, json) VALUES (%s, %s, %s, %s)",
                                ((p.actor, p.issue, p.date, j) for p, j in zip(c.positions, positions, strict=True)))
                cur.executemany("INSERT INTO conflicts (kind, json) VALUES (%s, %s)",
                                ((f.kind, j) for f, j in zip(c.conflicts, conflicts, strict=True)))
                cur.executemany("INSERT INTO figures (json) VALUES (%s)", ((j,) for j in figures))

    def update_corpus(self, changes: CorpusChanges) -> None:
        """Write only what an incremental corpus step changed, in one transaction (rows encoded first)."""
        rows = change_rows(changes)
        keys = event_keys.writes(changes.events, changes.gone_events, False, "%s")
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_CORPUS_LOCK,))
            for sql, params in keys:
                cur.executemany(sql, params)
            cur.executemany("DELETE FROM entities WHERE id = %s", rows.gone_entities)
            cur.executemany(
                "INSERT INTO entities (id, name, type, json) VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE"
                " SET name = EXCLUDED.name, type = EXCLUDED.type, json = EXCLUDED.json", rows.entities)
            cur.executemany("DELETE FROM events WHERE id = %s", rows.gone_events)
            cur.executemany(
                "INSERT INTO events (id, date, kind, json) VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE"
                " SET date = EXCLUDED.date, kind = EXCLUDED.kind, json = EXCLUDED.json", rows.events)
            cur.executemany("DELETE FROM positions WHERE n = (SELECT min(n) FROM positions WHERE json = %s)",
                            rows.gone_positions)
            cur.executemany("INSERT INTO positions (actor, issue, date, json) VALUES (%s, %s, %s, %s)", rows.positions)
            if rows.replace_figures:
                cur.execute("DELETE FROM figures")
            cur.executemany("DELETE FROM figures WHERE n = (SELECT min(n) FROM figures WHERE json = %s)",
                            rows.gone_figures)
            cur.executemany("INSERT INTO figures (json) VALUES (%s)", rows.figures)
            cur.executemany("DELETE FROM conflicts WHERE n = (SELECT min(n) FROM conflicts WHERE json = %s)",
                            rows.gone_conflicts)
            cur.executemany("INSERT INTO conflicts (kind, json) VALUES (%s, %s)", rows.conflicts)

    def put_sketches(self, sketches: Mapping[str, Sketch], gone: Collection[str] = (), replace: bool = False) -> None:
        """Store the pages' near-duplicate sketches (see the SQLite store), under the corpus lock."""
        statements = writes(sketches, gone, replace, "%s")
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_CORPUS_LOCK,))
            for sql, rows in statements:
                cur.executemany(sql, rows)

    # -- light reads for listings ---------------------------------------------------------------
    def document_meta(self) -> list[DocMeta]:
        """Every document's id, status, date, outlet and title, without parsing its text or annotations."""
        rows = self.conn.execute(
            "SELECT id, source, status, published, outlet, doc_json::jsonb ->> 'title', duplicate_of,"
            " doc_json::jsonb -> 'published' ->> 'precision', (doc_json::jsonb -> 'published' ->> 'confidence')::float8"
            " FROM documents ORDER BY published IS NULL, published, source"
        )
        return [DocMeta(*r) for r in rows]

    def find_quotes(self, query: QuoteQuery = ALL_QUOTES, limit: int | None = None, offset: int = 0,
                    total: int | None = None) -> tuple[int, list[Quote]]:
        """How many quotes of live documents pass ``query``, and one page of them (see tables.find_quotes)."""
        return tables.find_quotes(self._run, query, limit, offset, ph="%s", total=total)

    def speaker_names(self) -> list[str]:
        """Every distinct speaker name read on a page."""
        return tables.speaker_names(self._run)

    def count_quotes(self) -> int:
        """How many quotes the live documents hold."""
        row = self.conn.execute(
            "SELECT count(*) FROM quotes AS q JOIN documents AS d ON d.id = q.doc_id WHERE d.status = 'ok'"
        ).fetchone()
        return int(row[0]) if row else 0

    def names_any(self, doc_id: str, start: int, end: int, ids: Iterable[str]) -> bool:
        """Does a mention starting in [start, end) of the document resolve to one of ``ids``?"""
        return tables.names_any(self._run, doc_id, start, end, ids, ph="%s")

    def sentence_bounds(self, doc_id: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of a document, pulled out of its annotations by the server."""
        rows = self.conn.execute(
            "SELECT (s.value ->> 'start')::int, (s.value ->> 'end')::int FROM documents AS d,"
            " jsonb_array_elements(d.annotations_json::jsonb -> 'sentences') WITH ORDINALITY AS s(value, n)"
            " WHERE d.id = %s ORDER BY s.n",
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
        """Sentences matching any word of the query, ranked by ``ts_rank``; filters as in SQLite."""
        terms = search_terms(query)
        if not terms:
            return []
        # websearch_to_tsquery never raises on user input; the words alone, joined by 'or', are matched
        sql = (
            "SELECT s.doc_id, s.start, s.\"end\", s.text,"
            " ts_headline('dossier_english', s.text, q, 'StartSel=[[, StopSel=]], HighlightAll=true'),"
            " ts_rank(s.tsv, q) AS score"
            " FROM sentences AS s JOIN documents AS d ON d.id = s.doc_id,"
            " websearch_to_tsquery('dossier_english', %s) AS q WHERE s.tsv @@ q"
        )
        params: list[Any] = [" or ".join(terms)]
        if live:
            sql += " AND d.status = 'ok'"
        if outlet:
            sql += " AND d.outlet = %s"
            params.append(outlet)
        for bound, op in ((start, ">="), (end, "<=")):
            if bound:  # compare on the shorter precision: '2018' may fall in 2018-05..2018-12
                sql += f" AND left(d.published, length(%s)) {op} left(%s, length(d.published))"
                params.extend([bound, bound])
        if doc_ids is not None:
            ids = list(doc_ids)
            if not ids:
                return []
            sql += " AND s.doc_id = ANY(%s)"
            params.append(ids)
        sql += " ORDER BY score DESC, s.doc_id, s.start LIMIT %s OFFSET %s"
        params.extend([limit, offset])
        return [
            SearchHit(doc_id=r[0], start=int(r[1]), end=int(r[2]), text=r[3], snippet=r[4], score=float(r[5]))
            for r in self.conn.execute(sql, params)
        ]
