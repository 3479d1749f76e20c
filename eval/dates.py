"""Publication dates of real HTML news pages (htmldate's test set, many languages).

For each page in ../shared/data/dates/gold.json the Document is built with dossier.clean.clean_page
when that exists (else trafilatura's text), and date_document(doc, page) is compared with the gold
date: day-exact and within 31 days. Pages with no predicted date count as wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.date import date_document  # noqa: E402
from dossier.model import Document, Page  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates"

METRICS = [
    ("day_exact", 0.90, "the 195 pages with a gold date; htmldate reports 0.90 on its own set"),
    ("within_31d", None, "predicted date within 31 days of gold"),
    ("confident_wrong", None, "share of pages dated wrong (not the gold day) with confidence >= 0.5; lower is better"),
    ("ece", None, "expected calibration error of confidence vs day-exact, 5 bins; lower is better"),
]
LOWER_IS_BETTER = ("confident_wrong", "ece")


def _document(page: Page) -> Document:
    """The page as the pipeline cleans it (clean_page never raises: bad pages come back as status raw)."""
    from dossier.clean import clean_page

    return clean_page(page)


def _days(a: str, b: str) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def run() -> dict[str, float]:
    gold = json.loads((DATA / "gold.json").read_text())
    exact = near = total = confident_wrong = 0
    scored: list[tuple[float, bool]] = []
    for url, item in sorted(gold.items()):
        path = DATA / "pages" / item["file"]
        if not path.exists() or not isinstance(item.get("date"), str):  # 5 gold entries are NaN
            continue
        page = Page(source=str(path), raw=path.read_bytes(), media="html", declared={"url": url})
        pred = date_document(_document(page), page)
        total += 1
        right = False
        if pred.value and len(pred.value) == 10:
            d = _days(pred.value, item["date"])
            right = d == 0
            exact += right
            near += d is not None and d <= 31
        confident_wrong += pred.confidence >= 0.5 and not right
        scored.append((pred.confidence, right))
    return {"day_exact": exact / max(total, 1), "within_31d": near / max(total, 1),
            "confident_wrong": confident_wrong / max(total, 1), "ece": _ece(scored), "pages": float(total)}


def _ece(scored: list[tuple[float, bool]], bins: int = 5) -> float:
    """Expected calibration error: |mean confidence - accuracy| per confidence bin, weighted."""
    err = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        cell = [(c, r) for c, r in scored if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if cell:
            err += len(cell) * abs(sum(c for c, _ in cell) / len(cell) - sum(r for _, r in cell) / len(cell))
    return err / max(len(scored), 1)


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:12} {v:.3f}")
