"""Ingest + clean throughput on the quotes corpus texts (flat news articles).

dossier: read_inputs + clean_page (+ date_document when the date stage exists) per file.
baseline: reading and decoding the same files in the same process (the floor any tool pays).
A deterministic subsample (every k-th file, sorted) keeps the run well under a minute.
"""

from __future__ import annotations

import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"
SAMPLE = 300


def _files() -> list[Path]:
    files = sorted(DATA.glob("*/text/*"))
    step = max(1, len(files) // SAMPLE)
    return files[::step][:SAMPLE]


def _baseline(files: list[Path]) -> float:
    t0 = time.perf_counter()
    for f in files:
        f.read_bytes().decode("utf-8", "replace")
    return time.perf_counter() - t0


def _clean_only(files: list[Path]) -> float:
    from dossier.clean import clean_page
    from dossier.ingest import read_inputs
    from dossier.model import Page

    t0 = time.perf_counter()
    for page in read_inputs(files):
        if isinstance(page, Page):
            clean_page(page)
    return time.perf_counter() - t0


def _dossier(files: list[Path]) -> tuple[float, bool]:
    from dossier.clean import clean_page
    from dossier.ingest import read_inputs
    from dossier.model import Page

    try:
        from dossier.date import date_document  # written by another engineer; optional here
    except ImportError:
        date_document = None
    t0 = time.perf_counter()
    for page in read_inputs(files):
        if isinstance(page, Page):
            doc = clean_page(page)
            if date_document is not None:
                date_document(doc, page)
    return time.perf_counter() - t0, date_document is not None


def run() -> list[dict]:
    files = _files()
    if not files:
        return []
    from dossier.clean import clean_page  # noqa: F401  warm imports outside the timed part
    from dossier.model import Page

    clean_page(Page("warm", b"Warm up the language model with one English sentence here.", "text"))
    base = _baseline(files)
    base = min(base, _baseline(files))  # second pass: both sides read from a warm page cache
    secs, dated = _dossier(files)
    value, baseline = len(files) / secs, len(files) / base
    stage = "read_inputs + clean_page" + (" + date_document" if dated else "")
    clean_secs = _clean_only(files)
    rows = [{
        "bench": "ingest_clean_only",
        "unit": "docs/s",
        "value": round(len(files) / clean_secs, 1),
        "baseline": round(baseline, 1),
        "ratio": round(base / clean_secs, 5),
        "goal": None,
        "note": f"read_inputs + clean_page only, {len(files)} quotes texts; baseline = read + decode",
    }] if dated else []
    return rows + [{
        "bench": "ingest_clean",
        "unit": "docs/s",
        "value": round(value, 1),
        "baseline": round(baseline, 1),
        "ratio": round(value / baseline, 5),
        "goal": None,
        "note": f"{stage} on {len(files)} of {len(sorted(DATA.glob('*/text/*')))} quotes texts; "
                "baseline = read + decode the same files",
    }]


if __name__ == "__main__":
    for row in run():
        print(row)
