"""A content hash of a store, per table, for comparing builds made different ways.

Generic over the schema (every table, every column but timestamps), so it keeps working when the
store's layout changes; full-text index internals are left out (their layout depends on write order).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

VOLATILE = {"at", "added_at", "updated_at", "created_at"}


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = list(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(n for n, _ in rows if not n.startswith("sqlite_") and n not in virtual
                  and not any(n.startswith(v + "_") for v in virtual))


def digest(db: Path) -> dict[str, str]:
    """A content hash per table (rows sorted, so the order they were written in does not count)."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in _tables(conn):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
            if table == "meta":
                continue  # timings and stamps of the last run
            rows = sorted(json.dumps([v if not isinstance(v, bytes) else v.hex() for v in r], ensure_ascii=False)
                          for r in conn.execute(f"SELECT {', '.join(cols)} FROM {table}"))
            out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
    return out
