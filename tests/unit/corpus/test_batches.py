"""A page gives the same text however pages are batched: cross-page furniture lives in the store.

The flat pages of the example story share site furniture ("Share this article"). Built one page
first and the rest later, the first page cannot know its furniture until the others arrive; the
build maps it again then, so the store equals the one built from all pages at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import to_dict
from dossier.pipeline import build
from dossier.store import open_store

TEXT = Path(__file__).resolve().parents[3] / "examples" / "gerd" / "text"

pytestmark = pytest.mark.slow


def _state(store) -> dict:
    docs = {d.id: to_dict(d) for d in store.documents()}
    annots = {i: to_dict(a) for i, a in store.all_annotations().items()}
    return {"documents": docs, "annotations": annots, "corpus": to_dict(store.corpus())}


def test_two_batches_give_the_same_store_as_one(tmp_path):
    files = sorted(TEXT.iterdir())
    once = open_store(tmp_path / "once.db")
    build(files, once)
    twice = open_store(tmp_path / "twice.db")
    first = build(files[:1], twice)
    alone = twice.documents()[0]
    assert not alone.furniture  # alone, the page cannot tell its site's furniture from its text
    build(files[1:], twice)
    assert first.added == [str(files[0])]
    later = next(d for d in twice.documents() if d.id == alone.id)
    across = "repeated across pages"
    assert later.furniture and not any(r.reason == across for r in alone.removed)
    assert any(r.reason == across for r in later.removed)  # mapped again once its site's pages came
    assert _state(twice) == _state(once)


def test_the_corpus_step_records_each_pass_by_name(tmp_path):
    import json

    store = open_store(tmp_path / "s.db")
    build(sorted(TEXT.iterdir())[:2], store)
    record = json.loads(store.get_meta("corpus_passes"))
    assert set(record["seconds"]) == {"duplicates", "story_year", "resolve", "events", "redate", "positions", "figures", "conflicts"}
    assert record["runs"][:5] == ["duplicates", "story_year", "resolve", "events", "redate"] and record["converged"]
