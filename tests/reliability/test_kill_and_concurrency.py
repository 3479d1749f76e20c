"""kill -9 at random points of build, resolve and rebuild, then run the command again: the store ends
with the same content as an uninterrupted build. Two builders on one store lose no page.

Kept small (four pages, a few trials with a fixed seed) so the suite stays fast."""
from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.storehash import digest

pytestmark = pytest.mark.slow

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"
PAGES = [GERD / "text" / "01-blue-nile-diverted.txt", GERD / "text" / "03-washington-talks-planned.txt",
         GERD / "html" / "02-khartoum-declaration.html", GERD / "html" / "04-washington-deal-initialled.html"]
DOSSIER = [sys.executable, "-c", "from dossier.cli import app; app()"]
def dossier(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(DOSSIER + [*args, "--db", str(db)], capture_output=True, timeout=900)


def inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for p in PAGES:
        shutil.copy(p, folder / p.name)
    return folder


def kill_after(args: list[str], db: Path, seconds: float) -> int | None:
    """Start a command, SIGKILL it after ``seconds`` (if still running); its return code or None."""
    proc = subprocess.Popen(DOSSIER + [*args, "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        import os

        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as a power cut would
        proc.wait()
        return None


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    src = inputs(root / "in")
    db = root / "ref.db"
    start = time.monotonic()
    done = dossier("build", str(src), db=db)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return root, src, db, time.monotonic() - start


def test_kill_during_build_then_resume(reference) -> None:
    root, src, ref, took = reference
    rng = random.Random(10)
    for trial in range(2):
        db = root / f"build{trial}.db"
        kill_after(["build", str(src)], db, rng.uniform(0.3, 1.0) * took)
        done = dossier("build", str(src), db=db)
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        assert digest(db) == digest(ref), f"trial {trial}"


def test_kill_during_resolve_and_rebuild_then_rerun(reference) -> None:
    root, src, ref, took = reference
    rng = random.Random(11)
    for command in ("resolve", "rebuild"):
        db = root / f"{command}.db"
        shutil.copy(ref, db)
        kill_after([command], db, rng.uniform(0.3, 0.9) * took)
        done = dossier(command, db=db)
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        assert digest(db) == digest(ref), command


def test_two_builders_on_one_store_lose_no_page(reference) -> None:
    root, src, ref, _ = reference
    db = root / "two.db"
    a, b = inputs(root / "a"), inputs(root / "b")
    for p in PAGES[:1]:
        (b / p.name).unlink()  # overlapping, not identical
    procs = [subprocess.Popen(DOSSIER + ["build", str(x), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for x in (a, b)]
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err.decode()[-2000:]
        assert b"locked" not in err and b"Traceback" not in err
    assert dossier("resolve", db=db).returncode == 0
    # sources differ (two folders), so compare what does not name them
    sql = ("SELECT id, status, published FROM documents", "SELECT name, type FROM entities",
           "SELECT date, kind FROM events")
    for q in sql:
        with sqlite3.connect(db) as one, sqlite3.connect(ref) as other:
            assert sorted(one.execute(q), key=repr) == sorted(other.execute(q), key=repr), q  # undated: NULL
