"""Failures are seen: a document whose analysis raises is kept raw, counted in the build summary,
and its traceback is stored and shown by `dossier show ID`; `--verbose` turns on the log."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import dossier.mapstep
from dossier.cli import app

pytestmark = pytest.mark.slow  # the build loads spaCy once for the model label
runner = CliRunner()
PAGE = (
    "The ministers of the two countries met in the capital on Monday to discuss the dam on the river.\n\n"
    "They agreed to meet again next month, officials said after the talks ended late at night.\n\n"
    "Engineers from both sides will visit the site before the rainy season begins, the statement said.\n\n"
    "Farmers downstream have asked for a binding agreement on how fast the reservoir is filled.\n"
)


def _explode(doc: Any, nlp: Any, parsed: Any = None) -> Any:
    raise RuntimeError("extractor broke on purpose")


@pytest.fixture()
def broken_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A one-page store built while every analysis raises (no spaCy needed)."""
    monkeypatch.setattr(dossier.mapstep, "analyse_document", _explode)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["build", str(pages), "--db", str(db)])
    return db, result.stdout


def test_build_summary_counts_the_failed_document(broken_build: tuple[Path, str]) -> None:
    _, out = broken_build
    assert "kept raw 1" in out
    assert "RuntimeError: extractor broke on purpose" in out


def test_show_gives_the_stored_traceback(broken_build: tuple[Path, str]) -> None:
    db, _ = broken_build
    rows = json.loads(runner.invoke(app, ["docs", "--db", str(db), "--json"]).stdout)
    assert [r["status"] for r in rows] == ["raw"]
    shown = json.loads(runner.invoke(app, ["show", rows[0]["id"], "--db", str(db), "--json"]).stdout)
    assert "Traceback" in shown["error"] and "extractor broke on purpose" in shown["error"]
    plain = runner.invoke(app, ["show", rows[0]["id"], "--db", str(db)]).stdout
    assert "error" in plain and "_explode" in plain


def test_verbose_turns_on_the_log(tmp_path: Path) -> None:
    log = logging.getLogger("dossier")
    try:
        runner.invoke(app, ["--verbose", "docs", "--db", str(tmp_path / "none.db")])
        assert log.getEffectiveLevel() == logging.DEBUG
        runner.invoke(app, ["docs", "--db", str(tmp_path / "none.db")])
        assert log.getEffectiveLevel() == logging.WARNING
    finally:
        log.setLevel(logging.NOTSET)
