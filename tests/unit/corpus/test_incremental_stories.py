"""Incremental vs full corpus step on the example stories: the last page added to a store of the
others (folded in) against every page built at once (``--all``).

What must be the same: duplicates, figures and the new page's figures' rows; page dates on the
example story. What may differ, and why (README, "The incremental corpus step"): an entity keeps
its stored name and id when the new page would make another spelling the most frequent; names the
new page alone links (its own small corpus) stay linked; an issue that only becomes shared once the
new page's claims are counted leaves the stored claims under "other"; a new page's reports join at
most one stored event each. Each of these is bounded here as a share of the whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier.corpus.incremental as incremental
from dossier.pipeline import Settings, build
from dossier.store import open_store

GERD = Path(__file__).resolve().parents[3] / "examples" / "gerd"

pytestmark = pytest.mark.slow


def _rows(store) -> dict[str, set]:
    c = store.corpus()
    annots = store.all_annotations()
    return {
        "entities": {(e.id, e.type, e.mentions) for e in c.entities},
        "events": {(e.kind, e.date, tuple(sorted(e.participants)), len(e.mentions)) for e in c.events},
        "positions": {(p.actor, p.actor_label, p.issue, p.span.doc_id, p.span.start) for p in c.positions},
        "figures": {(f.span.doc_id, f.span.start, f.value, f.unit) for f in c.figures},
        "mentions": {(m.span.doc_id, m.span.start, m.entity_id) for a in annots.values() for m in a.mentions},
        "documents": {(d.id, d.status, d.duplicate_of) for d in store.documents()},
        "dates": {(d.id, d.published.value) for d in store.documents()},
    }


def _compare(files: list[Path], tmp_path: Path) -> tuple[dict[str, set], dict[str, float]]:
    folded = open_store(tmp_path / "folded.db")
    build(files[:-1], folded)
    report = build(files, folded)
    assert list(report.passes) == ["incremental"]  # the last page was folded in
    full = open_store(tmp_path / "full.db")
    build(files, full, Settings(full_corpus=True))
    a, b = _rows(folded), _rows(full)
    share = {k: len(a[k] ^ b[k]) / max(1, len(a[k] | b[k])) for k in a}
    return a, share


def test_the_example_story_folded_page_by_page_is_close_to_a_full_step(tmp_path, monkeypatch):
    files = sorted((p for p in GERD.rglob("*") if p.suffix in (".txt", ".html")), key=lambda p: p.name)
    monkeypatch.setattr(incremental, "MAX_SHARE", 0.5)
    _, share = _compare(files, tmp_path)
    assert share["documents"] == share["figures"] == share["dates"] == 0.0
    assert share["entities"] <= 0.08 and share["mentions"] <= 0.05, share
    assert share["events"] <= 0.2 and share["positions"] <= 0.1, share


def test_the_kuril_pages_folded_are_close_to_a_full_step(tmp_path, monkeypatch, kuril_dir):
    # one page of five is a share the build would not fold (MAX_SHARE): the drift is larger
    monkeypatch.setattr(incremental, "MAX_SHARE", 0.5)
    _, share = _compare(sorted(kuril_dir.iterdir()), tmp_path)
    assert share["documents"] == share["figures"] == 0.0
    assert share["entities"] <= 0.05 and share["mentions"] <= 0.02, share
    assert share["positions"] <= 0.15, share


def test_stored_pages_mapped_again_are_taken_out_and_folded_in_again(tmp_path, monkeypatch):
    # the example story's flat pages share site furniture: adding the last one maps a stored page
    # again (its text loses a line), which the incremental step takes out and folds in anew
    files = sorted((GERD / "text").iterdir())
    monkeypatch.setattr(incremental, "MAX_SHARE", 0.6)
    folded = open_store(tmp_path / "folded.db")
    build(files[:-1], folded)
    report = build(files, folded)
    assert list(report.passes) == ["incremental"]
    full = open_store(tmp_path / "full.db")
    build(files, full, Settings(full_corpus=True))
    a, b = _rows(folded), _rows(full)
    assert a["documents"] == b["documents"] and a["figures"] == b["figures"]
    docs = {d.id for d in folded.documents()}
    entity_docs = {d for e in folded.corpus().entities for d in e.docs}
    assert entity_docs <= docs  # nothing points at a page's old text
    share = {k: len(a[k] ^ b[k]) / max(1, len(a[k] | b[k])) for k in a}
    # two of five pages folded (the new one and the one mapped again): a share the build would not
    # fold, so issues drift most (an issue shared by the refolded pages' claims only)
    assert share["events"] == 0.0 and share["entities"] <= 0.1 and share["mentions"] <= 0.08, share
    assert share["positions"] <= 0.35, share


def test_a_word_the_stored_pages_use_as_a_common_noun_is_no_name_on_a_page_added_later(tmp_path, monkeypatch):
    """Two stored pages write 'a super PAC': 'PAC' names nothing. The page added later writes 'The PAC
    spent...' (no class use of its own): folded in, it reads the word as the stored pages did."""
    monkeypatch.setattr(incremental, "MAX_SHARE", 0.5)
    texts = {
        "a.txt": "Ann Roe gave money to a super PAC on Monday. Her rival Bo Lee said the gift was legal.",
        "b.txt": "A new super PAC backed Bo Lee in the race for governor, his aides said on Tuesday.",
        "c.txt": "Voters in the county went to the polls as Ann Roe and Bo Lee made their last calls.",
        "d.txt": "The PAC spent two million dollars on ads for Ann Roe, filings showed on Friday.",
    }
    files = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    folded = open_store(tmp_path / "folded.db")
    build(files[:-1], folded)
    report = build(files, folded)
    assert list(report.passes) == ["incremental"]
    assert "PAC" not in {e.name for e in folded.corpus().entities}
