"""Scale rows of `make bench`: a store of N generated pages (bench/corpus_gen.py), N from BENCH_SCALE.

For each size N (BENCH_SCALE="100,300" by default; e.g. BENCH_SCALE=300,1000 for the README figures):
- build: ``dossier build`` of the N pages in a child process, serial (--workers 1): pages per CPU-second
  (user + system of the child, model load included; CPU time because the machine is shared and wall
  time would measure the neighbours) and the child's peak RSS (``os.wait4``);
- corpus step: ``dossier resolve`` on the built store (the cross-document step alone), CPU seconds;
  its growth exponent is the slope of log(time) over log(N) between the smallest and largest size;
- add-10: ``dossier build`` of the same folder plus 10 new pages, CPU seconds, as % of the full build;
- store bytes a page: the SQLite file (+ WAL) over N;
- API: each listing of the web API (and search) through FastAPI's TestClient, warmed once then
  ``ROUNDS`` times; p50/p95 ms, and the worst p95 over all of them.
Bare NER: spaCy's ``nlp.pipe`` with only the NER pipe (and its tok2vec) over the first 100 pages of the
smallest size, pages per CPU-second of this process; "x bare NER" is build pages/s over that.
The final line ``scale: ...`` gives the largest size's figures in one line tools can read.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import corpus_gen

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = str(ROOT / ".venv" / "bin" / "dossier")
ROUNDS = 10
SUMMARY: list[str] = []  # bench/run.py prints these after the table
API = ["/api/docs", "/api/entities", "/api/timeline", "/api/quotes", "/api/positions", "/api/figures",
       "/api/conflicts", "/api/search?q=election", "/api/search?q=said+court"]


def sizes() -> list[int]:
    raw = os.environ.get("BENCH_SCALE") or "100,300"
    return sorted({int(x) for x in raw.split(",") if x.strip()})


def _run(args: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS (MB) of one dossier command in a child process. CPU time,
    not wall: 8 people share this 2-core machine, and wall time would measure them."""
    proc = subprocess.Popen([DOSSIER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"dossier {' '.join(args)} failed: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bare_ner(folder: Path, n: int = 100) -> float:
    """Pages/s of spaCy's NER alone over the first ``n`` pages."""
    from dossier.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    keep = {"ner", "tok2vec"}
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]]
    with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep]):
        t0 = time.process_time()
        for _ in nlp.pipe(texts):
            pass
    return len(texts) / (time.process_time() - t0)


def api_latency(db: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 (ms) of each API listing, in this process."""
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    client = TestClient(create_app(str(db)))
    out = {}
    for url in API:
        assert client.get(url).status_code == 200, url
        times = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()  # latency is wall time by nature (a busy machine inflates p95)
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out[url] = (statistics.median(times), times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)])
    return out


def measure(n: int, work: Path) -> dict[str, Any]:
    pages, extra, db = work / f"p{n}", work / f"x{n}", work / f"s{n}.db"
    corpus_gen.write(pages, n)
    corpus_gen.write(extra, 10, start=n)
    build_s, rss = _run(["build", str(pages), "--db", str(db)])
    corpus_s, _ = _run(["resolve", "--db", str(db)])
    size = sum(p.stat().st_size for p in work.glob(f"s{n}.db*"))
    add_s, _ = _run(["build", str(pages), str(extra), "--db", str(db)])
    return {"n": n, "build_s": build_s, "rss": rss, "corpus_s": corpus_s, "add_s": add_s,
            "bytes": size / n, "api": api_latency(db), "pages": pages}


def _row(name: str, value: float, unit: str, note: str = "", baseline: float | None = None) -> dict[str, Any]:
    return {"bench": name, "value": value, "unit": unit, "baseline": baseline,
            "ratio": value / baseline if baseline else None, "goal": None, "note": note}


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        results = [measure(n, Path(tmp)) for n in sizes()]
        ner = bare_ner(results[0]["pages"])
    for r in results:
        n = r["n"]
        rows.append(_row(f"scale {n}: build serial", n / r["build_s"], "pages/s", "CPU time, model load included", ner))
        rows.append(_row(f"scale {n}: peak RSS", r["rss"], "MB", "the build's child process"))
        rows.append(_row(f"scale {n}: corpus step", r["corpus_s"], "s", "dossier resolve, CPU time"))
        rows.append(_row(f"scale {n}: add 10 pages", 100 * r["add_s"] / r["build_s"], "% full", f"{r['add_s']:.1f} CPU-s"))
        rows.append(_row(f"scale {n}: store", r["bytes"] / 1024, "KB/page", "SQLite file + WAL"))
        for url, (p50, p95) in r["api"].items():
            rows.append(_row(f"scale {n}: {url}"[:30], p95, "ms p95", f"p50 {p50:.1f} ms"))
    first, last = results[0], results[-1]
    k = (math.log(last["corpus_s"] / first["corpus_s"]) / math.log(last["n"] / first["n"])
         if last["n"] > first["n"] else float("nan"))
    rows.append(_row("bare spaCy NER", ner, "pages/s", "nlp.pipe, ner + tok2vec only"))
    p95 = max(p for _, p in last["api"].values())
    SUMMARY.append(f"scale: {last['n']} pages, {last['n'] / last['build_s']:.2f} pages/s, "
          f"{last['n'] / last['build_s'] / ner:.2f}x bare NER, rss {last['rss']:.0f} MB, corpus-step exponent "
          f"{k:.2f}, add-10 {100 * last['add_s'] / last['build_s']:.0f}% of full, p95 {p95:.0f} ms")
    return rows
