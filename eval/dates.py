"""Publication dates of real HTML news pages (htmldate's test set, many languages), through `build`.

The 200 pages of ../shared/data/dates/pages are built into a fresh store exactly as a user would
(``Dossier.build`` on the folder, with a manifest giving each file its URL and nothing else), and
the documents read back from the store are compared with the gold date: day-exact and within 31
days. Pages with no predicted date count as wrong; every language counts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.model import Document  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates"

METRICS = [
    ("day_exact", 0.90, "the 195 pages with a gold date, all languages, through build; htmldate reports 0.90"),
    ("day_exact_en", None, "English pages only (language as the store says)"),
    ("day_exact_other", None, "pages in other languages"),
    ("within_31d", None, "predicted date within 31 days of gold"),
    ("confident_wrong", None, "share of pages dated wrong (not the gold day) with confidence >= 0.5; lower is better"),
    ("ece", None, "expected calibration error of confidence vs day-exact, 5 bins; lower is better"),
    ("titled", None, "share of the pages whose document has a title"),
    ("with_outlet", None, "share of the pages whose document names an outlet"),
]
LOWER_IS_BETTER = ("confident_wrong", "ece")


def built_documents(folder: Path, manifest_rows: list[dict[str, str]] | None = None) -> dict[str, Document]:
    """file name -> Document, built into a temporary store the way a user builds (CLI = this call)."""
    from dossier.api import Dossier

    with tempfile.TemporaryDirectory() as tmp:
        manifest = None
        if manifest_rows:
            manifest = Path(tmp) / "manifest.csv"
            with manifest.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(manifest_rows[0]))
                writer.writeheader()
                writer.writerows(manifest_rows)
        with Dossier.open(Path(tmp) / "eval.db") as d:
            d.build([folder], manifest=manifest)
            return {Path(doc.source).name: doc for doc in d.store.documents()}


def _days(a: str, b: str) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def run() -> dict[str, float]:
    gold = json.loads((DATA / "gold.json").read_text())
    rows = [{"file": item["file"], "url": url} for url, item in sorted(gold.items())]
    docs = built_documents(DATA / "pages", rows)
    exact = near = total = confident_wrong = titled = outlet = 0
    by_lang: dict[bool, list[bool]] = {True: [], False: []}
    scored: list[tuple[float, bool]] = []
    for url, item in sorted(gold.items()):
        if not (DATA / "pages" / item["file"]).exists() or not isinstance(item.get("date"), str):
            continue  # 5 gold entries are NaN
        doc = docs.get(item["file"])
        pred = doc.published if doc is not None else None
        total += 1
        titled += bool(doc and doc.title)
        outlet += bool(doc and doc.outlet)
        right = False
        if pred is not None and pred.value and len(pred.value) == 10:
            d = _days(pred.value, item["date"])
            right = d == 0
            exact += right
            near += d is not None and d <= 31
        by_lang[bool(doc and doc.language in (None, "en"))].append(right)
        conf = pred.confidence if pred is not None else 0.0
        confident_wrong += conf >= 0.5 and not right
        scored.append((conf, right))
    share = lambda xs: sum(xs) / max(len(xs), 1)  # noqa: E731
    return {"day_exact": exact / max(total, 1), "within_31d": near / max(total, 1),
            "day_exact_en": share(by_lang[True]), "day_exact_other": share(by_lang[False]),
            "confident_wrong": confident_wrong / max(total, 1), "ece": _ece(scored), "pages": float(total),
            "titled": titled / max(total, 1), "with_outlet": outlet / max(total, 1)}


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
        print(f"{k:16} {v:.3f}")
