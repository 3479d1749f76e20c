"""Entity resolution time at 1k and 3k pages (BENCH_RESOLVE="1000,3000,10000" for more sizes), its
growth exponent between the two largest, and the cost of adding 10 pages to the largest.

Pages are generated from the 924 texts of ../shared/data/quotes without spaCy (annotating thousands
of pages would measure the parser, not the resolver): every run of capitalised words not opening a
sentence is a mention (two or three words: PERSON; one word: PERSON when it is the last word of such
a name on the page, else ORG). Page i reuses text i mod 924; in its k-th copy (k >= 1) one name in
three (by a stable hash) gets a copy-specific surname, so distinct names keep growing with the corpus
as in a real one, while most names recur. Dates spread over one year. ``resolve_entities`` runs on
the whole set (there is no incremental resolve yet: adding 10 pages costs a full resolve).
"""

from __future__ import annotations

import math
import os
import re
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
sys.path.insert(0, str(ROOT / "src"))

from dossier.model import Annotations, Document, Mention, PublicationDate, Span  # noqa: E402
from dossier.resolve import resolve_entities  # noqa: E402

_NAME = re.compile(r"(?<![.!?\n\"“]\s)(?<=\s)[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,}){0,2}\b")


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*/text/*.txt"))]


def _page(i: int, texts: list[str]) -> tuple[Document, Annotations]:
    base, copy = texts[i % len(texts)], i // len(texts)
    text = base
    if copy:
        def rename(m: re.Match) -> str:
            words = m.group(0).split()
            if len(words) >= 2 and zlib.crc32(m.group(0).encode()) % 3 == 0:
                words[-1] += "ov" * copy
            return " ".join(words)
        text = _NAME.sub(rename, base)
    doc_id = f"p{i:05d}"
    month, day = 1 + i % 12, 1 + i % 28
    doc = Document(id=doc_id, source=doc_id, text=text,
                   published=PublicationDate(value=f"2016-{month:02d}-{day:02d}", precision="day", confidence=1.0))
    found = list(_NAME.finditer(text))
    surnames = {m.group(0).split()[-1] for m in found if " " in m.group(0)}
    mentions = tuple(
        Mention(Span(doc_id, m.start(), m.end()), m.group(0),
                "PERSON" if " " in m.group(0) or m.group(0) in surnames else "ORG")
        for m in found
    )
    return doc, Annotations(doc_id=doc_id, mentions=mentions)


def _time(pages: list[tuple[Document, Annotations]]) -> float:
    t0 = time.process_time()
    resolve_entities([d for d, _ in pages], [a for _, a in pages])
    return time.process_time() - t0


def sizes() -> list[int]:
    raw = os.environ.get("BENCH_RESOLVE") or "1000,3000"
    return sorted({int(x) for x in raw.split(",") if x.strip()})


def run() -> list[dict]:
    texts = _texts()
    ns = sizes()
    pages = [_page(i, texts) for i in range(max(ns) + 10)]
    secs = {n: _time(pages[:n]) for n in ns}
    small, large = ns[max(0, len(ns) - 2)], ns[-1]  # the two largest sizes: the growth that matters
    exponent = math.log(secs[large] / secs[small]) / math.log(large / small) if large > small else float("nan")
    add10 = _time(pages[: large + 10])
    rows = [
        {"bench": f"resolve {n} pages", "unit": "cpu-s", "value": secs[n], "note": "generated from the quotes texts"}
        for n in ns
    ]
    rows.append({"bench": "resolve growth exponent", "unit": "x", "value": exponent, "goal": 1.2,
                 "note": f"log(t{large}/t{small})/log({large}/{small})"})
    rows.append({"bench": f"resolve add 10 pages to {large}", "unit": "% full", "value": 100 * add10 / secs[large],
                 "goal": 5.0, "note": "resolve_entities alone, over every page: the build folds new pages in"
                                      " (corpus.incremental), see the scale rows"})
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['bench']:30} {r['value']:8.2f} {r['unit']}")
