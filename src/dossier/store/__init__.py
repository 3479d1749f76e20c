"""The store: one interface, SQLite by default.

Every stage above works on model objects; only this package does database I/O. ``open_store`` picks a
backend from the location (a path -> SQLite; a ``postgresql://`` URL is reserved for the PostgreSQL
backend that implements the same ``Store`` protocol).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dossier.store.base import Corpus, DocMeta, SearchHit, Store
from dossier.store.sqlite import SQLiteStore

logger = logging.getLogger(__name__)

DEFAULT_DB = "dossier.db"


def default_location() -> str:
    """``$DOSSIER_DB`` or ``./dossier.db``."""
    return os.environ.get("DOSSIER_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None, *, create: bool = True) -> Store:
    loc = str(location or default_location())
    if loc.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError("the PostgreSQL backend is not built yet; use a SQLite file path")
    if not create and not Path(loc).exists():
        raise FileNotFoundError(f"no store at {loc} (run `dossier build PATH --db {loc}` first)")
    return SQLiteStore(Path(loc))


__all__ = ["Corpus", "DocMeta", "SearchHit", "Store", "SQLiteStore", "open_store", "default_location", "DEFAULT_DB"]
