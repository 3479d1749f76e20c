"""The ``make bench`` scale rows from stores built beforehand (10,000 pages take hours to build here, so
``make bench`` is never run at that size): bench/scale.py's own measures on a copy of each store.

    .venv/bin/python bench/scale_store.py STORE:PAGES:EXTRA [STORE:PAGES:EXTRA ...]

Each argument is a store of N generated pages (``bench/corpus_gen.py``, built with ``dossier build
PAGES --db STORE``), the folder of those pages, and a folder of 10 more (``corpus_gen.write(EXTRA, 10,
start=N)``). For each, on a fresh copy (the stores are never written): the full corpus step (CPU-s
and peak RSS of ``reduce_corpus`` in a child), store KB a page, add-10 (the build of PAGES + EXTRA:
its corpus step as % of the full one), then the API's p50/p95. The build's own rows (pages/s, its
peak RSS) are not measured again: they are in the log of the build that made the store. The growth
exponent is that of the full corpus step between the two largest stores; the last line is
``scale (prepared stores): ...`` for tools.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402


def _copy(src: Path, dst: Path) -> None:
    """The store without its WAL side files (a copy of a closed store is the main file alone)."""
    for side in (dst, dst.with_name(dst.name + "-wal"), dst.with_name(dst.name + "-shm")):
        side.unlink(missing_ok=True)
    shutil.copyfile(src, dst)


def measure(src: Path, pages: Path, extra: Path, work: Path) -> dict[str, Any]:
    n = sum(1 for _ in pages.glob("*.txt"))
    db = work / f"s{n}.db"
    _copy(src, db)
    corpus_s, corpus_rss, passes = scale.corpus_step(db)
    size = sum(p.stat().st_size for p in work.glob(f"s{n}.db*"))
    add_s, add_step, add_runs = scale.add_pages(db, pages, extra)
    return {"n": n, "corpus_s": corpus_s, "corpus_rss": corpus_rss, "passes": passes, "bytes": size / n,
            "add_s": add_s, "add_step": add_step, "add_runs": add_runs, "api": scale.api_latency(db)}


def rows(results: list[dict[str, Any]]) -> list[str]:
    out = [f"load average {os.getloadavg()[0]:.1f} at the end"]
    for r in results:
        n = r["n"]
        slowest = ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["passes"].items(), key=lambda kv: -kv[1])[:3])
        how = "folded in" if r["add_runs"] == ["incremental"] else "full step"
        out += [f"scale {n}: corpus step {r['corpus_s']:.1f} cpu-s (slowest wall s: {slowest})",
                f"scale {n}: corpus step RSS {r['corpus_rss']:.0f} MB",
                f"scale {n}: add-10 corpus step {100 * r['add_step'] / r['corpus_s']:.1f} % of full "
                f"({r['add_step']:.2f} CPU-s, {how}; the whole build {r['add_s']:.1f} CPU-s)",
                f"scale {n}: store {r['bytes'] / 1024:.1f} KB/page"]
        out += [f"scale {n}: {url} p50 {p50:.1f} ms, p95 {p95:.1f} ms" for url, (p50, p95) in r["api"].items()]
    first, last = results[max(0, len(results) - 2)], results[-1]
    k = (math.log(last["corpus_s"] / first["corpus_s"]) / math.log(last["n"] / first["n"])
         if last["n"] > first["n"] else float("nan"))
    p95 = max(p for _, p in last["api"].values())
    out.append(f"scale (prepared stores): {last['n']} pages, corpus step {last['corpus_s']:.1f} cpu-s, rss "
               f"{last['corpus_rss']:.0f} MB, corpus-step exponent {k:.2f} (from {first['n']}), add-10 "
               f"{100 * last['add_step'] / last['corpus_s']:.1f}% of full, p95 {p95:.0f} ms")
    return out


def main(args: list[str]) -> int:
    stores = [tuple(Path(p) for p in a.split(":")) for a in args]
    if not stores or any(len(s) != 3 for s in stores):
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        results = sorted((measure(*s, Path(tmp)) for s in stores), key=lambda r: r["n"])
    for line in rows(results):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
