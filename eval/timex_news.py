"""Time values on modern web news: a second, independent check of the timex normaliser.

TimeBank (eval/timex.py) is 1990s newswire with its own annotation habits; gains there need not
carry over. This set is 2016 US web news (PolNeAR dev texts in ../shared/data/quotes) with gold
values written by hand from reading each text and its publication date (eval/gold/polnear_timex.json:
weekdays, "yesterday", "last week", "in July", "last year", dates, years; durations left out).

The pages go through the path of a user's build: a JSONL line with ``published`` is read by
``ingest.read_inputs``, cleaned (``clean_page``), dated (``date_document``: the declared date wins),
and its time expressions are the ones the language layer stores (``nlp.annotate.find_times``).
Gold offsets are into the raw .txt; each is re-found in the cleaned text by its context.

The gold marks the point expressions of each text, not every timex (durations, vague spans are not
judged), so precision is taken over the system expressions that overlap a gold one:
``news_value_accuracy`` = right value / system expressions overlapping gold; ``news_value_recall`` =
gold expressions with an overlapping system expression of the gold value / all gold;
``news_value_f1`` combines the two.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "polnear_timex.json"
QUOTES = HERE.parents[1] / "shared" / "data" / "quotes"

Gold = dict  # file, page_date, start, end, text, value, accept?, note?


def load_gold() -> list[Gold]:
    return list(json.loads(GOLD.read_text())["expressions"])


def _raw_text(name: str) -> str:
    return (QUOTES / "dev" / "text" / f"{name}.txt").read_text(errors="replace")


def build_documents(names: dict[str, str]) -> Iterator[tuple[str, object]]:
    """(file name, Document) for each article, read, cleaned and dated as a build does."""
    from dossier.clean import clean_page
    from dossier.date import date_document
    from dossier.ingest.read import read_inputs
    from dataclasses import replace

    order = sorted(names)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.jsonl"
        with path.open("w") as fh:
            for name in order:
                fh.write(json.dumps({"url": f"file://{name}.txt", "text": _raw_text(name), "published": names[name]}) + "\n")
        for name, page in zip(order, read_inputs([path])):
            doc = clean_page(page, frozenset())  # type: ignore[arg-type]
            yield name, replace(doc, published=date_document(doc, page))  # type: ignore[arg-type]


def locate(raw: str, clean: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of raw[start:end] in the cleaned text, found by its context (the widest context that
    occurs once; whitespace may differ: the cleaner re-joins lines and paragraphs)."""
    for before, after in ((60, 30), (30, 15), (15, 5), (30, 0), (0, 30), (12, 0), (0, 12)):
        lo = max(0, start - before)
        pieces = [raw[lo:start], raw[start:end], raw[end : end + after]]
        pat = "".join(f"({_loose(p)})" for p in pieces)
        hits = list(re.finditer(pat, clean))
        if len(hits) == 1:
            return hits[0].start(2), hits[0].end(2)
    return None


def _loose(s: str) -> str:
    return "".join(r"\s+" if part.isspace() else re.escape(part) for part in re.split(r"(\s+)", s) if part)


def score(gold: list[Gold]) -> dict[str, float]:
    from dossier.nlp.annotate import find_times

    by_file: dict[str, list[Gold]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    found = right = sys_judged = sys_right = lost = 0
    for name, doc in build_documents({f: gs[0]["page_date"] for f, gs in by_file.items()}):
        raw, text = _raw_text(name), doc.text  # type: ignore[attr-defined]
        times = find_times(doc)  # type: ignore[arg-type]
        spans = []
        for g in by_file[name]:
            at = locate(raw, text, g["start"], g["end"])
            lost += at is None
            if at is not None:
                spans.append((at, {g["value"], *g.get("accept", [])}))
        for (s, e), ok in spans:
            hits = [t for t in times if t.span.start < e and s < t.span.end]
            found += bool(hits)
            right += any(t.value in ok for t in hits)
        for t in times:
            over = [ok for (s, e), ok in spans if t.span.start < e and s < t.span.end]
            if over:
                sys_judged += 1
                sys_right += any(t.value in ok for ok in over)
    n = len(gold)
    p, r = sys_right / max(sys_judged, 1), right / max(n, 1)
    return {
        "news_span_recall": found / max(n, 1),
        "news_value_recall": r,
        "news_value_accuracy": p,
        "news_value_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "news_gold": float(n),
        "news_gold_lost": float(lost),
    }


def errors(gold: list[Gold]) -> Iterator[tuple[Gold, str]]:
    """Each gold expression the system gets wrong, with what it gave (for error analysis)."""
    from dossier.nlp.annotate import find_times

    by_file: dict[str, list[Gold]] = {}
    for g in gold:
        by_file.setdefault(g["file"], []).append(g)
    for name, doc in build_documents({f: gs[0]["page_date"] for f, gs in by_file.items()}):
        raw, text = _raw_text(name), doc.text  # type: ignore[attr-defined]
        times = find_times(doc)  # type: ignore[arg-type]
        for g in by_file[name]:
            at = locate(raw, text, g["start"], g["end"])
            if at is None:
                yield g, "LOST"
                continue
            hits = [t for t in times if t.span.start < at[1] and at[0] < t.span.end]
            if not any(t.value in {g["value"], *g.get("accept", [])} for t in hits):
                yield g, "; ".join(f"{t.text!r}={t.value}" for t in hits) or "MISSED"


if __name__ == "__main__":
    gold = load_gold()
    if sys.argv[1:] == ["--errors"]:
        for g, got in errors(gold):
            ctx = _raw_text(g["file"])[max(0, g["start"] - 70) : g["end"] + 30].replace("\n", " ")
            print(f"{g['page_date']} {g['value']:14} got {got:30} | {ctx}")
    else:
        for k, v in score(gold).items():
            print(f"{k:22} {v:.4f}")
