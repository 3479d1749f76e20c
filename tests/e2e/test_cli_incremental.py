"""End to end: a page added to a built store is folded into the stored results (the incremental
corpus step), and ``--all`` recomputes the whole corpus step, through the real CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"

pytestmark = pytest.mark.slow
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stdout
    return result.stdout


def _last_step(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        return json.loads(conn.execute("SELECT value FROM meta WHERE key = 'corpus_passes'").fetchone()[0])


def _entities(db: Path) -> list[dict]:
    return json.loads(run("entities", "--db", str(db), "--json"))


def test_a_new_page_is_folded_in_and_all_recomputes(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    files = sorted((p for p in GERD.rglob("*") if p.suffix in (".txt", ".html")), key=lambda p: p.name)
    for f in files[:-1]:
        shutil.copy(f, pages / f.name)
    db = tmp_path / "s.db"
    run("build", str(pages), "--db", str(db))
    assert "incremental" not in _last_step(db)["runs"]
    shutil.copy(files[-1], pages / files[-1].name)
    assert "added 1" in run("build", str(pages), "--db", str(db))
    step = _last_step(db)
    assert step["runs"] == ["incremental"] and step["new_pages"] == 1
    folded = {e["name"] for e in _entities(db)}
    new_doc = next(r["id"] for r in json.loads(run("docs", "--db", str(db), "--json")) if r["source"].endswith(files[-1].name))
    assert any(new_doc in e["docs"] for e in _entities(db))  # the new page's mentions have entities

    run("build", str(pages), "--db", str(db), "--all")  # nothing new: --all still recomputes
    assert "duplicates" in _last_step(db)["runs"]
    full = {e["name"] for e in _entities(db)}
    assert len(folded ^ full) <= 0.1 * len(full)
    assert "resolved:" in run("resolve", "--db", str(db), "--all")
    assert "resolve" in _last_step(db)["runs"]
