"""End to end: the real `dossier` CLI over the Kuril pages and over bad input.

The build over the five Kuril pages runs once per module (it loads spaCy) and the tests read the store.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def kuril_db(tmp_path_factory, kuril_dir) -> Path:
    db = tmp_path_factory.mktemp("kuril") / "k.db"
    code, out = run("build", str(kuril_dir), "--db", str(db))
    assert code == 0, out
    assert "added 5" in out
    return db


def test_docs_json_lists_five_clean_dated_documents(kuril_db):
    code, out = run("docs", "--db", str(kuril_db), "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 5
    keys = {"id", "source", "title", "outlet", "author", "published", "published_precision",
            "published_confidence", "published_evidence", "language", "words", "duplicate_of", "status", "reason"}
    for row in rows:
        assert keys <= set(row)
        assert row["status"] == "ok" and row["language"] == "en"
        assert row["words"] > 300
        assert 0.0 <= row["published_confidence"] <= 1.0


def test_rebuild_skips_unchanged_documents(kuril_db, kuril_dir, monkeypatch):
    import dossier.nlp.pipeline
    import dossier.pipeline

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged build must not run this")

    monkeypatch.setattr(dossier.pipeline, "reduce_corpus", fail)  # the corpus step is skipped
    monkeypatch.setattr(dossier.nlp.pipeline, "load_pipeline", fail)  # so is loading the model
    code, out = run("build", str(kuril_dir), "--db", str(kuril_db))
    assert code == 0
    assert "added 0, unchanged 5" in out


def test_piped_listings_are_tsv_and_take_a_limit(kuril_db):
    code, out = run("entities", "--db", str(kuril_db), "--limit", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "name\ttype\tmentions\tdocs\taliases\troles"
    assert len(lines) == 4 and all(line.count("\t") == 5 for line in lines)
    code, out = run("quotes", "--db", str(kuril_db), "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 3
    code, out = run("docs", "--db", str(kuril_db), "--from", "2100")
    assert code == 0 and len(out.splitlines()) == 1  # the header alone: no page from the future


def test_who_counts_the_documents_and_shows_the_top_ones(kuril_db):
    code, out = run("entities", "--db", str(kuril_db), "--json")
    top = json.loads(out)[0]
    code, out = run("who", top["name"], "--db", str(kuril_db), "--limit", "1")
    assert code == 0
    assert f"in {len(top['docs'])} documents" in out
    assert len([line for line in out.splitlines() if line.startswith("  in ")]) == 1
    if len(top["docs"]) > 1:
        assert f"and {len(top['docs']) - 1} more" in out


def test_show_and_text(kuril_db):
    rows = json.loads(run("docs", "--db", str(kuril_db), "--json")[1])
    doc = next(r for r in rows if r["source"].endswith("004_88f331eb946bdea1.txt"))
    code, out = run("show", doc["id"][:8], "--db", str(kuril_db), "--json")
    detail = json.loads(out)
    assert code == 0 and detail["id"] == doc["id"]
    assert any("Try 3 months" in r["text"] or "subscription" in r["text"] for r in detail["removed"])
    code, out = run("text", doc["id"], "--db", str(kuril_db))
    assert "Try 3 months for $9" not in out
    assert "MOSCOW -- Japanese Prime Minister Shinzo Abe" in out
    assert run("show", "nosuchid", "--db", str(kuril_db))[0] == 1


def test_missing_store_is_a_clear_error(tmp_path):
    code, _ = run("docs", "--db", str(tmp_path / "none.db"))
    assert code == 1


def test_bad_inputs_are_reported_and_nothing_stored_is_lost(tmp_path, kuril_dir):
    db = tmp_path / "b.db"
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text((kuril_dir / "000_5fe1ee3c21c004c6.txt").read_text())
    assert run("build", str(good), "--db", str(db))[0] == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (bad / "broken.html").write_text("<html><body><p>Unclosed <b>tags <div>and nothing else")
    with open(bad / "huge.txt", "wb") as fh:  # sparse: 50 MB without writing 50 MB
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    code, out = run("build", str(bad), str(tmp_path / "missing.txt"), "--db", str(db), "--json")
    report = json.loads(out)
    reasons = dict(report["skipped"]) | dict(report["failed"])
    assert any("empty" in r for r in reasons.values())
    assert any("binary" in r for r in reasons.values())
    assert any("large" in r for r in reasons.values())
    assert any("missing.txt" in s for s in reasons)
    rows = json.loads(run("docs", "--db", str(db), "--json")[1])
    assert any(r["source"].endswith("a.txt") for r in rows)  # the earlier document is still there


def test_killed_build_resumes(tmp_path, kuril_dir):
    """kill -9 in the middle of a build leaves a consistent store; the next build finishes the job.
    Two pages a map task, so the 5 pages land in three steps and the kill comes between them."""
    db = tmp_path / "kill.db"
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "dossier.cli", "build", str(kuril_dir), "--db", str(db), "--map-batch", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    deadline = time.time() + 120
    count = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0
            if count >= 1:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 1 <= count < 5, "the build should be killed part-way"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 1 <= stored < 5
    code, out = run("build", str(kuril_dir), "--db", str(db))
    assert code == 0
    assert f"added {5 - stored}, unchanged {stored}" in out
    assert len(json.loads(run("docs", "--db", str(db), "--json")[1])) == 5


def test_workers_build_the_same_store(tmp_path, kuril_dir, kuril_db):
    """The map step in a process pool stores what the serial build stores."""
    db = tmp_path / "w.db"
    code, out = run("build", str(kuril_dir), "--db", str(db), "--workers", "2")
    assert code == 0 and "added 5" in out
    serial = {r["id"]: r for r in json.loads(run("docs", "--db", str(kuril_db), "--json")[1])}
    parallel = {r["id"]: r for r in json.loads(run("docs", "--db", str(db), "--json")[1])}
    assert serial.keys() == parallel.keys()
    for doc_id, row in serial.items():
        assert parallel[doc_id]["published"] == row["published"]
        assert parallel[doc_id]["words"] == row["words"]


def test_rebuild_from_the_store_alone(tmp_path, kuril_dir):
    """The raw pages kept in the store are enough to rebuild it: the sources can be gone."""
    import shutil

    src = tmp_path / "pages"
    shutil.copytree(kuril_dir, src)
    db = tmp_path / "r.db"
    assert run("build", str(src), "--db", str(db), "--date", "2019-02-18")[0] == 0
    before = {r["id"]: r for r in json.loads(run("docs", "--db", str(db), "--json")[1])}
    shutil.rmtree(src)
    code, out = run("rebuild", "--db", str(db), "--json")
    assert code == 0
    assert len(json.loads(out)["added"]) == 5
    after = {r["id"]: r for r in json.loads(run("docs", "--db", str(db), "--json")[1])}
    assert after.keys() == before.keys()
    assert all(r["published"] == "2019-02-18" for r in after.values())  # the user's --date survives


def test_corrections_commands_change_the_entities(tmp_path, kuril_dir):
    db = tmp_path / "c.db"
    cfg = tmp_path / "c.toml"
    assert run("build", str(kuril_dir), "--db", str(db))[0] == 0
    code, _ = run("rename", "Igor Ivanov", "Igor S. Ivanov", "--db", str(db), "--config", str(cfg))
    assert code == 0
    names = {e["name"] for e in json.loads(run("entities", "--db", str(db), "--json")[1])}
    assert "Igor S. Ivanov" in names and "Igor Ivanov" not in names
    code, _ = run("merge", "Yohei Kono", "Taro Kono", "--db", str(db), "--config", str(cfg))
    assert code == 0
    konos = [e for e in json.loads(run("who", "Kono", "--db", str(db), "--json")[1]) if e["type"] == "person"]
    assert len(konos) == 1
    code, _ = run("set-type", "Crimea", "place", "--db", str(db), "--config", str(cfg))
    assert code == 0
    assert "[[merge]]" in cfg.read_text() and "[[rename]]" in cfg.read_text()


def test_listings_answer_with_their_sources(kuril_db):
    """Every listing's --json carries its sources down to the sentence."""
    db = str(kuril_db)
    events = json.loads(run("timeline", "--db", db, "--json")[1])
    munich = [e for e in events if e["place"] == "Munich" and e["date"] == "2019-02-16"]
    assert len(munich) == 1 and munich[0]["status"] == "happened"
    assert {"Taro Kono", "Sergei Lavrov"} <= set(munich[0]["participants"])
    assert all(s["sentence"] for s in munich[0]["sources"])
    ono = json.loads(run("quotes", "--speaker", "Ono", "--db", db, "--json")[1])
    assert any(q["text"].startswith("We really can't expect very much") for q in ono)
    assert all(q["speaker"] == "Tsutomu Ono" and q["sentence"] for q in ono)
    japan = json.loads(run("positions", "--actor", "Japan", "--db", db, "--json")[1])
    assert japan and all(p["actor"] == "Japan" and p["sentence"] for p in japan)
    figures = json.loads(run("figures", "--db", db, "--json")[1])
    assert any(f["unit"] == "percent" and f["value"] == 17 for f in figures)
    conflicts = json.loads(run("conflicts", "--db", db, "--json")[1])
    assert any(c["kind"] == "title" and c["about"] == "Shinzo Abe" for c in conflicts)
    hits = json.loads(run("search", "Irkutsk", "--db", db, "--json")[1])
    assert hits and all("Irkutsk" in h["sentence"] for h in hits)


def test_ask_and_report_from_the_cli(kuril_db, tmp_path):
    code, out = run("ask", "When did Abe and Putin meet in Moscow?", "--db", str(kuril_db), "--json")
    answer = json.loads(out)
    assert code == 0 and answer["found"]
    assert any("Moscow" in (item["citation"] or {}).get("sentence", "") for item in answer["items"])
    missing = json.loads(run("ask", "Who is Zebulon Quartermaine?", "--db", str(kuril_db), "--json")[1])
    assert not missing["found"]
    out_file = tmp_path / "r.html"
    assert run("report", "--db", str(kuril_db), "--out", str(out_file))[0] == 0
    html = out_file.read_text()
    assert "Yohei Kono" in html and "Taro Kono" in html
    assert "src=\"http" not in html and "href=\"http" not in html
