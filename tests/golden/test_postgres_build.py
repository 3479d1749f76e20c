"""End to end on PostgreSQL: the example story built into a PostgreSQL store gives the same dossier as
the session's SQLite build (documents, annotations, corpus, listings and the user-facing views)."""

from __future__ import annotations

import pytest

from tests.golden.conftest import GERD

pytestmark = pytest.mark.slow


def _views(store) -> dict[str, object]:
    from dossier.api import Dossier

    d = Dossier(store)
    return {
        "documents": store.documents(),
        "annotations": store.all_annotations(),
        "corpus": store.corpus(),
        "meta": store.document_meta(),
        "quotes": store.find_quotes(),
        "entities": d.entities(),
        "timeline": d.timeline(),
        "positions": d.positions(),
        "conflicts": d.conflicts(),
        "search": sorted((h.doc_id, h.start, h.end) for h in store.search("dam filling", limit=500)),
    }


def test_the_example_story_builds_the_same_dossier_on_postgres(gerd_store, pg_url):
    from dossier.pipeline import build
    from dossier.store import open_store

    pg = open_store(pg_url)
    build([GERD / "html", GERD / "text"], pg)
    want, got = _views(gerd_store), _views(pg)
    assert want["corpus"].entities and want["timeline"] and want["search"], "an empty probe proves nothing"
    for key in want:
        assert got[key] == want[key], key
