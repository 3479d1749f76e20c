"""Scale rows of `make bench`: a store of N generated pages (bench/corpus_gen.py), N from BENCH_SCALE.

For each size N (BENCH_SCALE="100,300" by default; e.g. BENCH_SCALE=300,1000 for the README figures):
- build: ``dossier build`` of the N pages in a child process, serial (--workers 1): pages per CPU-second
  (user + system of the child, model load included; CPU time because the machine is shared and wall
  time would measure the neighbours) and the child's peak RSS (``os.wait4``);
- corpus step: ``reduce_corpus`` on the built store in a child process (the cross-document step alone:
  load, passes, write back), CPU seconds measured around the call, so interpreter start-up and imports
  do not hide its growth; its growth exponent is the slope of log(time) over log(N) between the two
  largest sizes;
- add-10: ``build`` of the same folder plus 10 new pages in a child process: the CPU seconds of its
  corpus step (the new pages folded into the stored results, ``corpus.incremental``) as % of the full
  corpus step above, and of the whole build (hashing every input again, loading the model, mapping
  the 10 pages);
- store bytes a page: the SQLite file (+ WAL) over N;
- API: each listing of the web API (and search) through FastAPI's TestClient, warmed once then
  ``ROUNDS`` times; p50/p95 ms, and the worst p95 over all of them.
Bare NER: spaCy's ``nlp.pipe`` with only the NER pipe (and its tok2vec) over the same N pages, in a child
process run right before and right after that size's build (the load of a shared machine drifts: both
runs bracket the build), pages per CPU-second of the pipe loop (the model load is not counted), the two
runs' CPU time averaged; "x bare NER" of each size is its build pages/s over its own bare NER.
The final line ``scale: ...`` gives the largest size's figures in one line tools can read.
"""

from __future__ import annotations

import json
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
PYTHON = str(ROOT / ".venv" / "bin" / "python")
ROUNDS = 10
SUMMARY: list[str] = []  # bench/run.py prints these after the table
API = ["/api/docs", "/api/entities", "/api/timeline", "/api/quotes", "/api/quotes?cursor=500", "/api/positions",
       "/api/figures", "/api/conflicts", "/api/search?q=election", "/api/search?q=said+court"]


def sizes() -> list[int]:
    raw = os.environ.get("BENCH_SCALE") or "100,300"
    return sorted({int(x) for x in raw.split(",") if x.strip()})


def _child(argv: list[str]) -> tuple[float, float, str]:
    """CPU seconds (user + system), peak RSS (MB) and stdout of one child process. CPU time, not wall:
    several people share this 2-core machine, and wall time would measure them. Output goes to files
    (a pipe left unread would block a chatty child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {err.read().decode(errors='replace')[-2000:]}")
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read().decode()


def _run(args: list[str]) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of one dossier command."""
    cpu, rss, _ = _child([DOSSIER, *args])
    return cpu, rss


# The corpus step alone (load, passes, write back), timed inside the child: no interpreter start-up,
# imports or printing, which would hide its growth at small N.
_CORPUS_STEP = """
import json, resource, sys, time
from dossier.pipeline import reduce_corpus
from dossier.store import open_store
store = open_store(sys.argv[1], create=False)
t0 = time.process_time()
reduce_corpus(store)
cpu = time.process_time() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": cpu, "rss": rss, "passes": json.loads(store.get_meta("corpus_passes") or "{}").get("seconds", {})}))
"""


def corpus_step(db: Path) -> tuple[float, float, dict[str, float]]:
    """CPU seconds and peak RSS (MB) of the corpus step on the store at ``db``, and each pass's
    (wall) seconds."""
    _, _, out = _child([PYTHON, "-c", _CORPUS_STEP, str(db)])
    found = json.loads(out.strip().splitlines()[-1])
    return found["cpu"], found["rss"], found["passes"]


# Adding pages: the build's own CPU and that of its corpus step (reduce_corpus wrapped, timed inside).
_ADD_STEP = """
import json, sys, time
import dossier.pipeline as pl
from dossier.store import open_store
store = open_store(sys.argv[1], create=False)
orig, spent = pl.reduce_corpus, {}
def timed(*a, **k):
    t0 = time.process_time()
    out = orig(*a, **k)
    spent["cpu"] = time.process_time() - t0
    return out
pl.reduce_corpus = timed
t0 = time.process_time()
pl.build(sys.argv[2:], store)
runs = json.loads(store.get_meta("corpus_passes") or "{}").get("runs", [])
print(json.dumps({"cpu": time.process_time() - t0, "step": spent.get("cpu", 0.0), "runs": runs}))
"""


def add_pages(db: Path, *folders: Path) -> tuple[float, float, list[str]]:
    """CPU seconds of a build adding pages, of its corpus step, and the corpus passes it ran."""
    _, _, out = _child([PYTHON, "-c", _ADD_STEP, str(db), *map(str, folders)])
    found = json.loads(out.strip().splitlines()[-1])
    return found["cpu"], found["step"], found["runs"]


# spaCy's NER alone (and the tok2vec it reads) over every page of a folder, timed around the pipe loop.
_BARE_NER = """
import json, sys, time
from pathlib import Path
from dossier.nlp.pipeline import load_pipeline
nlp = load_pipeline()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in ("ner", "tok2vec")]):
    t0 = time.process_time()
    for _ in nlp.pipe(texts):
        pass
print(json.dumps({"pages": len(texts), "cpu": time.process_time() - t0}))
"""


def bare_ner(folder: Path) -> float:
    """Pages/s of spaCy's NER alone over the pages of ``folder``, in a child process (the build's
    baseline: measured next to it, on the same pages)."""
    _, _, out = _child([PYTHON, "-c", _BARE_NER, str(folder)])
    found = json.loads(out.strip().splitlines()[-1])
    return float(found["pages"] / found["cpu"])


def api_latency(db: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 (ms) of each API listing, in this process."""
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1:8765")  # a Host the app allows
    out = {}
    first = client.get("/api/quotes?limit=1").json()["items"]
    speaker = (first[0]["speaker"] or "").split()[-1:] if first else []  # the listing of a speaker on the pages
    for url in [*API, *(f"/api/quotes?speaker={s}" for s in speaker)]:
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
    before = bare_ner(pages)
    build_s, rss = _run(["build", str(pages), "--db", str(db)])
    after = bare_ner(pages)  # bracketing the build, same pages: the ratio sees the same load
    ner = 2 / (1 / before + 1 / after)  # pages over the mean CPU time of the two runs
    corpus_s, corpus_rss, passes = corpus_step(db)
    size = sum(p.stat().st_size for p in work.glob(f"s{n}.db*"))
    add_s, add_step, add_runs = add_pages(db, pages, extra)
    return {"n": n, "build_s": build_s, "rss": rss, "ner": ner, "ner_runs": (before, after), "corpus_s": corpus_s, "add_s": add_s, "add_step": add_step,
            "add_runs": add_runs, "passes": passes, "corpus_rss": corpus_rss,
            "bytes": size / n, "api": api_latency(db), "pages": pages}


def _row(name: str, value: float, unit: str, note: str = "", baseline: float | None = None) -> dict[str, Any]:
    return {"bench": name, "value": value, "unit": unit, "baseline": baseline,
            "ratio": value / baseline if baseline else None, "goal": None, "note": note}


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        results = [measure(n, Path(tmp)) for n in sizes()]
    for r in results:
        n = r["n"]
        rows.append(_row(f"scale {n}: build serial", n / r["build_s"], "pages/s", "CPU time, model load included; "
                         "baseline: bare NER on the same pages, measured right before and after", r["ner"]))
        rows.append(_row(f"scale {n}: bare spaCy NER", r["ner"], "pages/s", "nlp.pipe, ner + tok2vec only; before / "
                         "after the build: {:.2f} / {:.2f}".format(*r["ner_runs"])))
        rows.append(_row(f"scale {n}: peak RSS", r["rss"], "MB", "the build's child process"))
        slowest = ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["passes"].items(), key=lambda kv: -kv[1])[:3])
        rows.append(_row(f"scale {n}: corpus step", r["corpus_s"], "cpu-s", f"load+passes+write; slowest (wall s): {slowest}"))
        rows.append(_row(f"scale {n}: corpus step RSS", r["corpus_rss"], "MB", "peak, store loaded in one process"))
        how = "folded in" if r["add_runs"] == ["incremental"] else "full step"
        rows.append(_row(f"scale {n}: add-10 corpus step", 100 * r["add_step"] / r["corpus_s"], "% full step",
                         f"{r['add_step']:.2f} CPU-s ({how}); the whole build {r['add_s']:.1f} CPU-s"))
        rows.append(_row(f"scale {n}: store", r["bytes"] / 1024, "KB/page", "SQLite file + WAL"))
        for url, (p50, p95) in r["api"].items():
            rows.append(_row(f"scale {n}: {url.split('=')[0]}"[:40], p95, "ms p95", f"p50 {p50:.1f} ms; {url}"))
    first, last = results[max(0, len(results) - 2)], results[-1]  # the two largest sizes: the growth that matters
    k = (math.log(last["corpus_s"] / first["corpus_s"]) / math.log(last["n"] / first["n"])
         if last["n"] > first["n"] else float("nan"))
    rows.append(_row("scale: corpus-step exponent", k, "x", f"log(t{last['n']}/t{first['n']}) / log({last['n']}/{first['n']})"))
    p95 = max(p for _, p in last["api"].values())
    SUMMARY.append(f"scale: {last['n']} pages, {last['n'] / last['build_s']:.2f} pages/s, "
          f"{last['n'] / last['build_s'] / last['ner']:.2f}x bare NER, rss {last['rss']:.0f} MB, corpus-step exponent "
          f"{k:.2f}, add-10 {100 * last['add_step'] / last['corpus_s']:.0f}% of full, p95 {p95:.0f} ms")
    return rows
