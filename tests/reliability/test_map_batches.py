"""The map step in batches (``map_batch`` pages a task, spaCy over them at once) stores exactly what
the map one page at a time stores, and a page that raises, runs over its budget or kills its worker
costs the pages batched with it nothing: its batch is mapped again page by page, so the bad page
alone is kept raw with the line it gets without batching, and every table of the store is the same.

The hostile page is simulated as in the executor tests: the analysis of one marked page (Freedonia)
raises, spins or kills its process (the default local pool forks, so the patch reaches the workers)."""
from __future__ import annotations

import logging
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

import dossier.mapstep
from dossier.api import Dossier
from dossier.mapstep import DEFAULT_MAP_BATCH
from tests.support.storehash import digest

pytestmark = pytest.mark.slow  # builds with spaCy

ROOT = Path(__file__).resolve().parents[2]
STORY = [ROOT / "examples" / "gerd" / "html", ROOT / "examples" / "gerd" / "text"]  # 14 pages: batches of 8 and 6
MARK = "Freedonia"
BAD = (f"{MARK} and its neighbour Sylvania met on Monday to talk about the river and the dam.\n\n"
       "Officials said the talks would go on next week in the capital, after the rainy season began.\n")
TIMEOUT = 10.0  # CPU seconds: the whole batch of 8 good pages takes a few


def _build(db: Path, paths: list[Path], batch: int | None) -> Any:
    with Dossier.open(db) as d:
        return d.build(paths, map_batch=batch, page_timeout=TIMEOUT)


def test_batch_size_does_not_change_the_store(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    _build(one, STORY, 1)
    with caplog.at_level(logging.INFO, logger="dossier.mapstep"):
        report = _build(batched, STORY, None)  # the default, from no settings file
    assert DEFAULT_MAP_BATCH > 1 and not report.failed and not report.timed_out
    assert "mapping them one by one" not in caplog.text  # every batch went through whole
    assert digest(batched) == digest(one)


def _hostile(how: str) -> Any:
    real = dossier.mapstep.analyse_document

    def analyse(doc: Any, nlp: Any, parsed: Any = None) -> Any:
        if MARK in doc.text:
            if how == "raise":
                raise RuntimeError("analysis broke on purpose")
            if how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            while how == "spin":
                pass
        return real(doc, nlp, parsed)

    return analyse


@pytest.mark.parametrize("how", ["raise", "spin", "kill"])
def test_a_bad_page_costs_its_batch_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            caplog: pytest.LogCaptureFixture, how: str) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "freedonia.txt").write_text(BAD, encoding="utf-8")
    paths = [bad, *STORY]  # read first: the bad page shares the first batch with 7 good ones
    monkeypatch.setattr(dossier.mapstep, "analyse_document", _hostile(how))
    one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    alone = _build(one, paths, 1)
    with caplog.at_level(logging.INFO, logger="dossier.mapstep"):
        report = _build(batched, paths, 8)
    assert caplog.text.count("a batch of 8 pages failed") == 1  # the first batch, then its pages one by one
    lines = report.failed + report.timed_out
    assert len(lines) == 1 and lines[0][0].endswith("freedonia.txt"), lines
    assert lines == alone.failed + alone.timed_out  # the same one line as without batching
    assert sorted(report.added) == sorted(alone.added) and len(report.added) >= 8
    assert digest(batched) == digest(one)
    shutil.rmtree(bad)


def test_a_lost_task_of_one_page_is_kept_raw_once() -> None:
    """A task of one page (the last of a build) is on the per-page path already: when its worker is
    lost it is kept raw with the reason at once, as without batching, not mapped a second time."""
    from dossier.mapstep import _lost_batch, kept_raw
    from dossier.model import Page

    page = Page(source="jones.txt", raw=BAD.encode(), media="text")
    one = _lost_batch((page,), "worker stopped (signal 9) in nlp")
    assert one.results == (kept_raw(page, "worker stopped (signal 9) in nlp"),)
    two = _lost_batch((page, page), "worker stopped (signal 9) in nlp")
    assert two.results is None and two.pages == (page, page)  # mapped again one by one


def test_a_batch_scans_each_page_for_times_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The map dates every page of a batch before it annotates any: the time-expression matches of
    a page's text are kept from its dating to its annotation (``timex._matches``), so a full batch
    scans each page's text once (with room for 4 texts, half of every batch was scanned twice)."""
    import dossier.date.timex as timex
    from dossier.ingest.read import read_inputs
    from dossier.mapstep import _process_batch

    pages = tuple(p for p in read_inputs(STORY) if hasattr(p, "raw"))[:8]
    assert len(pages) == 8
    scanned: list[str] = []
    real = timex._runnable_rules
    monkeypatch.setattr(timex, "_runnable_rules", lambda text: scanned.append(text) or real(text))
    timex._matches.cache_clear()
    results = _process_batch(pages, frozenset(), None)
    long_texts = [t for t in scanned if len(t) > 500]  # page texts, not date lines
    assert {r.doc.text for r in results} <= set(long_texts)
    assert len(long_texts) == len(set(long_texts))
