"""Flat-text cleaner vs trafilatura on HTML pages rendered flat (menus and footers included).

Pages: ../shared/data/dates/pages, English ones only (py3langid on trafilatura's main text). Each
page is rendered the way a simple scraper would (lxml text of block elements, one per line), saved
as a .txt file, and the folder is built into a fresh store as a user builds (``dossier build``);
the documents' text and author are read back from the store. Reference: trafilatura's main text
from the full HTML (it sees the markup, we do not). Scores are bag-of-words token overlap (multiset), micro-averaged
over all pages. For scale, ``f1_nocleaning`` keeps every flat line. Note the reference is itself an
extractor, not human gold, so the figures say "how close to trafilatura", not absolute accuracy.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates" / "pages"

METRICS = [
    ("precision", None, "tokens kept that trafilatura keeps too (flat text, English pages)"),
    ("recall", None, "trafilatura's main-text tokens that the flat cleaner kept"),
    ("f1", 0.77, "token F1 vs trafilatura main text; goal = jusText on flat lines (DEPENDENCIES.md)"),
    ("f1_nocleaning", None, "same F1 when every flat line is kept (baseline)"),
    ("pages", None, "share of the 200 pages used (English, non-empty reference)"),
    ("author_recall", None, "pages whose markup names an author (trafilatura metadata) where the flat "
     "cleaner finds a name sharing a word with it (reference is noisy: agencies, site names)"),
    ("author_precision", None, "of the flat cleaner's authors on those pages, share sharing a word with the reference"),
]


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def _name_words(name: str | None) -> set[str]:
    """Lower-case words of a name, without "by" (so "By Jane Doe" and "Jane Doe" match)."""
    return set(re.findall(r"[^\W\d_]{2,}", (name or "").lower())) - {"by", "and", "the"}


def _overlap(pred: Counter, gold: Counter) -> int:
    return sum((pred & gold).values())


def run() -> dict[str, float]:
    import tempfile

    import lxml.html
    import py3langid
    import trafilatura

    from dates import built_documents
    from dossier.clean.decode import decode
    from dossier.clean.render import flat_lines

    files = sorted(DATA.glob("*.html"))
    refs: dict[str, tuple[str, str, str | None]] = {}  # txt name -> (reference text, flat text, author)
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            html, _, _ = decode(f.read_bytes(), None, "html")
            gold_text = trafilatura.extract(html, include_comments=False) or ""
            if len(gold_text) < 200 or py3langid.classify(gold_text[:3000])[0] != "en":
                continue
            try:
                flat = "\n".join(flat_lines(lxml.html.fromstring(html)))
            except Exception:
                continue
            meta = trafilatura.extract_metadata(html)
            name = f.stem + ".txt"
            (Path(tmp) / name).write_text(flat, encoding="utf-8")
            refs[name] = (gold_text, flat, meta.author if meta is not None else None)
        docs = built_documents(Path(tmp))
    tp = n_pred = n_gold = tp0 = n_flat = 0
    a_gold = a_pred = a_hit = 0
    for name, (gold_text, flat, author) in sorted(refs.items()):
        doc = docs.get(name)
        gold, pred, allflat = _tokens(gold_text), _tokens(doc.text if doc else ""), _tokens(flat)
        tp += _overlap(pred, gold)
        n_pred += sum(pred.values())
        n_gold += sum(gold.values())
        tp0 += _overlap(allflat, gold)
        n_flat += sum(allflat.values())
        ref = _name_words(author)
        if ref:
            got = _name_words(doc.author if doc else None)
            a_gold += 1
            a_pred += bool(got)
            a_hit += bool(got & ref)
    used = len(refs)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    p0, r0 = (tp0 / n_flat if n_flat else 0.0), (tp0 / n_gold if n_gold else 0.0)
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "f1_nocleaning": 2 * p0 * r0 / (p0 + r0) if p0 + r0 else 0.0,
        "pages": used / len(files) if files else 0.0,
        "author_recall": a_hit / a_gold if a_gold else 0.0,
        "author_precision": a_hit / a_pred if a_pred else 0.0,
    }


if __name__ == "__main__":
    print(run())
