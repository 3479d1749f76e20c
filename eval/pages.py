"""Plain-text pages dated, titled and credited from themselves, through `build`.

The 84 dev texts of ../shared/data/quotes (each file: the headline on its first line, then the body;
publisher, date, title and wire credit in metadata.tsv) are built into a fresh store the way a user
builds a folder, twice: once with the file names as given (they contain the date:
``nyt_2016-02-22_...``) and once copied to neutral names (``doc001.txt``), so the second figure is
what the text itself gives. Dates count when within 3 days of the gold date (day precision);
titles when equal to the gold title (case and punctuation aside); an outlet when it names the
gold publisher or the wire credited (by its words or initials).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dates import built_documents  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"

METRICS = [
    ("dated_3d", None, "dev texts dated within 3 days, file names as given (they hold the date)"),
    ("dated_3d_neutral", 0.70, "the same texts renamed doc001.txt...: the date from the text alone"),
    ("confident_wrong_neutral", None, "neutral names: wrong (or undated) with confidence >= 0.5; lower is better"),
    ("titled", 0.80, "title equal to the gold title (neutral names)"),
    ("outlet_precision", None, "of the outlets found (neutral names), share naming the publisher or the wire"),
    ("outlet_wire_recall", None, "texts with a wire credit (AP, Reuters, UPI, AFP) whose outlet names it"),
]
LOWER_IS_BETTER = ("confident_wrong_neutral",)


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _names(outlet: str, gold: str) -> bool:
    """Does ``outlet`` name ``gold`` ("The Associated Press" ~ "AP", "nyt" ~ "The New York Times")?"""
    words = [w for w in _norm(outlet).split() if w != "the"]
    goal = _norm(gold.replace("-", " "))
    initials = "".join(w[0] for w in words)
    return bool(words) and (" ".join(words) == goal or initials == goal.replace(" ", "") or goal in " ".join(words))


def _within(pred: str | None, gold: str, days: int = 3) -> bool:
    if not pred or len(pred) != 10:
        return False
    return abs((dt.date.fromisoformat(pred) - dt.date.fromisoformat(gold)).days) <= days


def run() -> dict[str, float]:
    meta = {r["filename"]: r for r in csv.DictReader((DATA / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    files = sorted((DATA / "dev" / "text").glob("*.txt"))
    given = built_documents(DATA / "dev" / "text")
    with tempfile.TemporaryDirectory() as tmp:
        neutral_of = {}
        for i, f in enumerate(files, 1):
            name = f"doc{i:03d}.txt"
            shutil.copyfile(f, Path(tmp) / name)
            neutral_of[f.name] = name
        neutral = built_documents(Path(tmp))
    dated = dated_n = wrong_n = titled = found = right = wires = wire_hit = 0
    for f in files:
        gold = meta[f.stem]
        a, b = given.get(f.name), neutral.get(neutral_of[f.name])
        dated += bool(a and _within(a.published.value, gold["publication_date"]))
        ok = bool(b and _within(b.published.value, gold["publication_date"]))
        dated_n += ok
        wrong_n += bool(b and not ok and b.published.confidence >= 0.5)
        titled += bool(b and _norm(b.title) == _norm(gold["title"]))
        outlet = b.outlet if b else None
        wire = gold["wire"] if gold["wire"] not in ("None", "NA", "") else None
        if outlet:
            found += 1
            right += _names(outlet, gold["publisher"]) or bool(wire and _names(outlet, wire))
        if wire:
            wires += 1
            wire_hit += bool(outlet and _names(outlet, wire))
    n = max(len(files), 1)
    return {"dated_3d": dated / n, "dated_3d_neutral": dated_n / n, "confident_wrong_neutral": wrong_n / n,
            "titled": titled / n, "outlet_precision": right / max(found, 1), "outlet_wire_recall": wire_hit / max(wires, 1),
            "pages": float(len(files))}


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:24} {v:.3f}")
