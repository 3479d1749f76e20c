"""SQLite search ranks the best-scored sentences before filtering their documents: the hits must be
exactly those of the join over every match (order, ties, highlight), with and without the fallback."""

from __future__ import annotations

import random

import pytest

from dossier.model import Annotations, Document, PublicationDate, Span
from dossier.store import SQLiteStore, open_store
from dossier.store import fts_search

WORDS = ["court", "ruled", "said", "the", "judge", "appeal", "vote", "election", "minister", "today"]


def _page(rng: random.Random, i: int) -> tuple[Document, Annotations]:
    """A page of three sentences of random words (identical sentences across pages tie on score)."""
    doc_id = f"p{i:03d}"
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7))) + "." for _ in range(3)]
    if i % 5 == 0:
        sentences[0] = "The court said."  # the same sentence on many pages: equal scores
    text, spans, at = "", [], 0
    for s in sentences:
        spans.append(Span(doc_id, at, at + len(s)))
        text += s + " "
        at += len(s) + 1
    outlet = "Daily" if i % 7 == 0 else "Herald"
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text.rstrip(), outlet=outlet,
                   published=PublicationDate(f"2020-{1 + i % 12:02d}-01", "day", 0.9, ()),
                   paragraphs=((0, len(text.rstrip())),))
    return doc, Annotations(doc_id, sentences=tuple(spans))


@pytest.fixture
def store(tmp_path):
    rng = random.Random(7)
    s = open_store(tmp_path / "s.db")
    assert isinstance(s, SQLiteStore)
    for i in range(120):
        s.put_document(*_page(rng, i), b"x", "v1")
    s.update_documents({}, {f"p{i:03d}": "p001" for i in range(2, 120, 3)})  # a third of the pages not live
    yield s
    s.close()


FILTERS = [("", []), (" AND d.status = 'ok'", []), (" AND d.status = 'ok' AND d.outlet = ?", ["Daily"]),
           (" AND s.doc_id IN (?, ?)", ["p005", "p010"])]


@pytest.mark.parametrize("where,params", FILTERS)
@pytest.mark.parametrize("match", ['"court"', '"said" OR "court"', '"election"'])
def test_the_window_gives_the_hits_of_the_join_over_every_match(store, match, where, params) -> None:
    for limit, offset in ((21, 0), (6, 10), (21, 40)):
        want = fts_search._joined(store.conn, match, where, params, limit, offset)
        assert want or offset, "the reference found nothing: the comparison would be empty"
        for window in (None, 1, 8, 10_000):
            assert fts_search.ranked(store.conn, match, where, params, limit, offset, window) == want


def test_the_window_alone_answers_when_it_holds_enough_hits(store, monkeypatch) -> None:
    want = fts_search._joined(store.conn, '"court"', " AND d.status = 'ok'", [], 5, 0)
    monkeypatch.setattr(fts_search, "_joined", lambda *a: pytest.fail("fell back to the join"))
    assert fts_search.ranked(store.conn, '"court"', " AND d.status = 'ok'", [], 5, 0) == want


def test_a_selective_filter_falls_back_to_the_join(store, monkeypatch) -> None:
    calls = []
    joined = fts_search._joined
    monkeypatch.setattr(fts_search, "_joined", lambda *a: calls.append(a) or joined(*a))
    hits = fts_search.ranked(store.conn, '"court"', " AND s.doc_id IN (?)", ["p119"], 21, 0, window=2)
    assert calls and {h.doc_id for h in hits} == {"p119"}


def test_store_search_keeps_its_hits_and_highlight(store) -> None:
    hits = store.search("court said", limit=3, live=True)
    assert hits == fts_search._joined(
        store.conn, '"court" OR "said"', " AND d.status = 'ok'", [], 3, 0)
    assert all("[[" in h.snippet for h in hits)
