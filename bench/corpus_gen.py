"""A deterministic generator of N distinct, realistic news pages from the shared PolNeAR texts.

How: page i takes a base article (the i-th of the 927 texts of ../shared/data/quotes, cycling) and keeps
its headline, its lead paragraph and a random half of its other paragraphs, then splices in 2-4
paragraphs of two other articles (so facts, quotes and names recombine across pages); its date is the
base article's date shifted by a whole number of weeks per cycle plus a few days, written as a header
date line under the headline as plain-text pages carry it; in every cycle after the first the recurring
two-word names ("Given Family", seen at least twice in the page) get a different family name from a
fixed list, so people vary across copies of one base. One seed (``random.Random(seed + i)``) makes every
page reproducible. Pages are plain text files ``00042-<outlet>.txt``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes"
# Invented family names (no story's people): swapped in for a page's recurring names.
SURNAMES = ("Aldana", "Brenner", "Castell", "Dunmore", "Ekwueme", "Falk", "Granger", "Halloran", "Ivers",
            "Jessup", "Kowal", "Lindqvist", "Marchetti", "Nakamura", "Okafor", "Pryce", "Quinlan", "Rasmussen",
            "Sandoval", "Thorne", "Ulrich", "Varga", "Whitlock", "Yilmaz", "Zeller")
_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")


def _sources() -> list[tuple[str, str, dt.date, list[str]]]:
    """(title, outlet, date, paragraphs) of each shared text, sorted by file name."""
    meta = {r["filename"]: r for r in csv.DictReader((DATA / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    out = []
    for f in sorted(DATA.glob("*/text/*.txt")):
        m = meta.get(f.stem)
        if not m:
            continue
        paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if len(paras) < 3:
            continue
        out.append((m["title"], m["publisher"], dt.date.fromisoformat(m["publication_date"]), paras[1:]))
    return out


def _rename(text: str, rng: random.Random) -> str:
    """Give the page's recurring two-word names other family names (same given names)."""
    counts = Counter(m.group(2) for m in _NAME.finditer(text))
    for family, n in counts.most_common(3):
        if n >= 2:
            text = re.sub(rf"\b{family}\b", rng.choice(SURNAMES), text)
    return text


def page(i: int, sources: list[tuple[str, str, dt.date, list[str]]], seed: int = 16) -> tuple[str, str]:
    """(file name, text) of page ``i``."""
    rng = random.Random(seed + i)
    cycle, k = divmod(i, len(sources))
    title, outlet, date, paras = sources[k]
    rest = paras[1:]
    body = [paras[0]] + sorted(rng.sample(rest, len(rest) // 2), key=rest.index)
    for donor in rng.sample(range(len(sources)), 2):
        dparas = sources[donor][3]
        body.insert(rng.randint(1, len(body)), rng.choice(dparas))
        if rng.random() < 0.5:
            body.insert(rng.randint(1, len(body)), rng.choice(dparas))
    shift = 7 * cycle + rng.randint(0, 3) if cycle else 0
    when = date + dt.timedelta(days=shift)
    text = f"{title}\n\n{when:%B} {when.day}, {when.year}\n\n" + "\n\n".join(body) + "\n"
    if cycle:
        text = _rename(text, rng)
    return f"{i:05d}-{re.sub(r'[^a-z0-9]+', '-', outlet.lower())}.txt", text


def write(folder: Path, n: int, start: int = 0, seed: int = 16) -> list[Path]:
    """Write pages ``start .. start+n-1`` into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = _sources()
    paths = []
    for i in range(start, start + n):
        name, text = page(i, sources, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
