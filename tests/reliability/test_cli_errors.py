"""Every bad use of the CLI gives one line and a clear exit code, before anything runs; a --db that
is not a dossier store is refused and left untouched; a full disk is one line, not a traceback."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

runner = CliRunner()
GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd" / "text"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def one_line(out: str) -> str:
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    assert "Traceback" not in out
    return lines[0]


@pytest.mark.parametrize("args, says", [
    (["build", "x", "--date", "2016-13-45"], "not a real date"),
    (["build", "x", "--date", "yesterday"], "not a date"),
    (["timeline", "--from", "notadate"], "--from 'notadate' is not a date"),
    (["timeline", "--to", "2019-02-30"], "not a real date"),
    (["entities", "--type", "alien"], "not an entity type"),
    (["serve", "--port", "99999"], "out of range"),
    (["build", "x", "--executor", "ftp://nowhere"], "--executor"),
    (["build", "x", "--page-timeout", "-3"], "--page-timeout"),
])
def test_bad_values_stop_with_exit_2_before_anything_runs(tmp_path, args, says) -> None:
    db = tmp_path / "never.db"
    code, out = run(*args, "--db", str(db))
    assert code == 2 and says in one_line(out)
    assert not db.exists()


@pytest.mark.parametrize("settings, says", [('pass_budget = "soon"\n', "pass_budget must be a number"),
                                             ("map_batch = 0\n", "map_batch must be a whole number"),
                                             ("model = [unclosed\n", "settings file")])
def test_a_bad_settings_file_stops_with_one_line_before_anything_runs(tmp_path, settings, says) -> None:
    db = tmp_path / "never.db"
    db.with_suffix(".toml").write_text(settings)
    code, out = run("build", str(GERD), "--db", str(db))
    assert code == 2 and says in one_line(out)
    assert not db.exists()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _not_stores(tmp: Path) -> list[Path]:
    text = tmp / "notes.txt"
    text.write_text("my notes\n")
    other = tmp / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
    corrupt = tmp / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    return [text, other, corrupt]


@pytest.mark.parametrize("command", [["docs"], ["build", str(GERD)], ["resolve"]])
def test_a_db_that_is_not_a_store_is_refused_and_untouched(tmp_path, command) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    code, out = run(*command, "--db", str(folder))
    assert code == 2 and "is a folder" in one_line(out)
    for path in _not_stores(tmp_path):
        before = _digest(path)
        code, out = run(*command, "--db", str(path))
        assert code == 2 and "refusing" in one_line(out), out
        assert _digest(path) == before
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_a_full_disk_is_one_line(tmp_path, monkeypatch) -> None:
    """SQLite's own "disk full" (the store may not grow) stands for a full file system."""
    from dossier.store import sqlite as backend

    real_init = backend.SQLiteStore.__init__

    def tiny(self, path):  # a store that may grow by a few pages only
        real_init(self, path)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    monkeypatch.setattr(backend.SQLiteStore, "__init__", tiny)
    code, out = run("build", str(GERD), "--db", str(tmp_path / "full.db"), "--executor", "serial")
    assert code == 1 and "disk is full" in one_line(out)
