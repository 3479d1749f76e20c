"""Ingest + clean + date throughput on the quotes corpus texts (flat news articles).

dossier: read_inputs + clean_page + date_document per file (and clean alone, for the split).
baseline: reading, decoding and tokenizing the same files with a blank spaCy English tokenizer in the
same process: the cheapest text pass any tool pays, so the ratio says how many tokenizer passes one
document's ingest costs and stays comparable across noisy machines.
A deterministic subsample (every k-th file, sorted) keeps the run well under a minute.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"
SAMPLE = 300


def _files() -> list[Path]:
    files = sorted(DATA.glob("*/text/*"))
    step = max(1, len(files) // SAMPLE)
    return files[::step][:SAMPLE]


def _timed(fn: Callable[[], None], rounds: int = 2) -> float:
    """Best of ``rounds`` (the first round also warms caches)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> list[dict]:
    import spacy

    from dossier.clean import clean_page
    from dossier.date import date_document
    from dossier.ingest import read_inputs
    from dossier.model import Page

    files = _files()
    if not files:
        return []
    tokenizer = spacy.blank("en").tokenizer

    def baseline() -> None:
        for f in files:
            tokenizer(f.read_bytes().decode("utf-8", "replace"))

    def clean_only() -> None:
        for page in read_inputs(files):
            if isinstance(page, Page):
                clean_page(page)

    def full() -> None:
        for page in read_inputs(files):
            if isinstance(page, Page):
                date_document(clean_page(page), page)

    base, clean, dated = _timed(baseline), _timed(clean_only), _timed(full)
    n = len(files)
    note = f"{n} of {len(sorted(DATA.glob('*/text/*')))} quotes texts; baseline = read + decode + blank spaCy tokenizer"
    return [
        {"bench": "ingest: read + clean", "unit": "docs/s", "value": n / clean, "baseline": n / base,
         "ratio": base / clean, "goal": None, "note": note},
        {"bench": "ingest: read + clean + date", "unit": "docs/s", "value": n / dated, "baseline": n / base,
         "ratio": base / dated, "goal": None, "note": note},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
