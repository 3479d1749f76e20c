"""Shared fixtures: paths to the shared data and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KURIL = SHARED / "corpus" / "kuril"


@pytest.fixture(scope="session")
def kuril_dir() -> Path:
    assert KURIL.is_dir(), f"reference corpus missing at {KURIL}"
    return KURIL


@pytest.fixture(scope="session")
def kuril_texts(kuril_dir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(kuril_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, loaded once per session (it takes seconds)."""
    from dossier.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server per test session (see tests/support/pgserver.py)."""
    from tests.support.pgserver import start_server

    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A URL to an empty database of its own on the session's server."""
    return pg_server.new_database()
