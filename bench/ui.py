"""The reader-facing figures: report size, no-op rebuild, and how fast the app and API answer.

- report at 100 pages: bytes of ``dossier report`` over the first 100 PolNeAR training texts (given
  as JSONL with their date, outlet and title); goal <= 300 KB.
- no-op rebuild: ``build`` of the same 100 pages again (nothing added); goal < 2 s.
- app and API at 1,000 pages: the 100-page store cloned ten times (documents, annotations, sentences
  under new ids; the corpus tables stay those of 100 pages), served by uvicorn in this process. Each
  page and listing is requested once to warm up, then ``ROUNDS`` times; p50/p95 in ms, and the ratio
  of p50 to a static file (the stylesheet) served by the same server. Goal: under 1 s each.
The stores are kept in build/bench-ui/ and reused (delete the folder after changing the pipeline).
"""

from __future__ import annotations

import csv
import json
import shutil
import socket
import sqlite3
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "quotes" / "train" / "text"
WORK = ROOT / "build" / "bench-ui"
ROUNDS = 7
PAGES = ["/", "/timeline", "/entities", "/quotes", "/positions", "/figures", "/conflicts", "/documents",
         "/search?q=campaign", "/quotes?cursor=500"]
API = ["/api/docs", "/api/entities", "/api/quotes", "/api/quotes?cursor=500", "/api/timeline", "/api/positions",
       "/api/figures", "/api/conflicts", "/api/search?q=campaign+debate"]


def story_jsonl(n: int = 100) -> Path:
    """The first ``n`` training texts as one JSONL file with their date, outlet and title."""
    meta = {r["filename"]: r for r in csv.DictReader((TEXTS.parents[1] / "metadata.tsv").open(encoding="utf-8"),
                                                      delimiter="\t")}
    path = WORK / f"story{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for f in sorted(TEXTS.glob("*.txt"))[:n]:
            m = meta.get(f.stem, {})
            item = {"url": f"https://example.org/{f.stem}", "text": f.read_text(encoding="utf-8"),
                    "title": m.get("title"), "published": m.get("publication_date"), "outlet": m.get("publisher")}
            out.write(json.dumps({k: v for k, v in item.items() if v}) + "\n")
    return path


def clone_store(src: Path, dst: Path, times: int) -> None:
    """``src`` with every document, its annotations and its sentences copied ``times`` times."""
    from dossier.store import open_store

    open_store(src).close()  # brings an older store's schema up to date first
    shutil.copy(src, dst)
    con = sqlite3.connect(dst)
    with con:
        con.execute("PRAGMA journal_mode=DELETE")
        cols = [r[1] for r in con.execute("PRAGMA table_info(documents)") if r[1] not in ("id", "source")]
        for k in range(1, times):
            con.execute(f"INSERT INTO documents (id, source, {', '.join(cols)}) SELECT id || '{k:02d}', "
                        f"source || '#{k}', {', '.join(cols)} FROM documents WHERE length(id) = 16")
            con.execute(f"INSERT INTO sentences (text, doc_id, start, end) SELECT text, doc_id || '{k:02d}', start, "
                        "end FROM sentences WHERE length(doc_id) = 16")
            for table in ("quotes", "mentions"):  # annotation rows (schema v5)
                rest = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "doc_id"]
                names = ", ".join(f'"{c}"' for c in rest)
                con.execute(f"INSERT INTO {table} (doc_id, {names}) SELECT doc_id || '{k:02d}', {names} FROM {table}"
                            " WHERE length(doc_id) = 16")
    con.close()


def _serve(db: Path) -> tuple[str, Any]:
    import uvicorn

    from dossier.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", srv


def _times(url: str) -> list[float]:
    def get() -> float:
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as r:
            r.read()
        return (time.perf_counter() - t0) * 1000

    get()  # the first request warms what the page reads
    return sorted(get() for _ in range(ROUNDS))


def _row(bench: str, ms: list[float], static: float, note: str = "") -> dict[str, Any]:
    p50, p95 = statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"bench": bench, "unit": "ms p50", "value": p50, "baseline": static, "ratio": p50 / static,
            "goal": None, "note": f"p95 {p95:.0f} ms; goal < 1000 ms{'; ' + note if note else ''}"}


def _speaker_listing(base: str) -> str:
    """The quotes of the first quote's speaker (the story's own names, not written here)."""
    with urllib.request.urlopen(base + "/api/quotes?limit=1", timeout=120) as r:
        speaker = json.loads(r.read())["items"][0]["speaker"] or ""
    return "/api/quotes?speaker=" + urllib.parse.quote(speaker.split()[-1] if speaker else "")


def run() -> list[dict]:
    from dossier.api import Dossier
    from dossier.query import Reader
    from dossier.report import render_report
    from dossier.store import open_store

    WORK.mkdir(parents=True, exist_ok=True)
    db100, db1000 = WORK / "story100.db", WORK / "story1000.db"
    jsonl = story_jsonl()
    if not db100.exists():
        with Dossier.open(db100) as d:
            d.build([jsonl])
    t0 = time.perf_counter()
    with Dossier.open(db100) as d:
        d.build([jsonl])
    noop = time.perf_counter() - t0
    store = open_store(db100)
    size = len(render_report(Reader(store)).encode("utf-8")) / 1000
    store.close()
    rows: list[dict[str, Any]] = [
        {"bench": "report at 100 pages", "unit": "KB", "value": size, "baseline": 300.0, "ratio": size / 300,
         "goal": 1.0, "note": "budget 300 KB (baseline column = the budget)"},
        {"bench": "no-op rebuild, 100 pages", "unit": "s", "value": noop, "baseline": 2.0, "ratio": noop / 2,
         "goal": 1.0, "note": "nothing added: no model load, no corpus step"},
    ]
    if not db1000.exists():
        clone_store(db100, db1000, 10)
    base, srv = _serve(db1000)
    try:
        static = statistics.median(_times(base + "/static/app.css"))
        for path in PAGES:
            rows.append(_row(f"web {path} (1,000 pages)", _times(base + path), static))
        for path in [*API, _speaker_listing(base)]:
            rows.append(_row(f"api {path} (1,000 pages)", _times(base + path), static))
    finally:
        srv.should_exit = True
    return rows
