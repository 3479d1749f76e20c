"""The store: one interface, SQLite by default.

Every stage above works on model objects; only this package does database I/O. ``open_store`` picks a
backend from the location: a path -> SQLite (one file, the default); a ``postgresql://`` URL -> the
PostgreSQL backend (a server several builders and readers share), which implements the same ``Store``
protocol.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dossier.store.base import Corpus, CorpusChanges, DocMeta, SearchHit, Store
from dossier.store.sqlite import SQLiteStore
from dossier.store.tables import QuoteQuery

logger = logging.getLogger(__name__)

DEFAULT_DB = "dossier.db"


def default_location() -> str:
    """``$DOSSIER_DB`` or ``./dossier.db``."""
    return os.environ.get("DOSSIER_DB") or DEFAULT_DB


def is_url(location: str | Path) -> bool:
    """Whether a store location names a server (PostgreSQL) rather than a SQLite file."""
    return str(location).startswith(("postgres://", "postgresql://"))


def open_store(location: str | Path | None = None, *, create: bool = True) -> Store:
    loc = str(location or default_location())
    if is_url(loc):
        from dossier.store.postgres import PostgresStore  # psycopg is imported only for such stores

        return PostgresStore(loc)
    if not create and not Path(loc).exists():
        raise FileNotFoundError(f"no store at {loc} (run `dossier build PATH --db {loc}` first)")
    return SQLiteStore(Path(loc))


__all__ = ["Corpus", "CorpusChanges", "DocMeta", "QuoteQuery", "SearchHit", "Store", "SQLiteStore", "open_store", "default_location", "DEFAULT_DB", "is_url"]
