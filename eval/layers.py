"""Quotes, positions and conflicts as a user gets them: one `build` of dev pages, scored against
hand-written gold (eval/gold/*.tsv, written from the texts of ../shared/data/quotes).

The pages go in as a user would give them: one JSONL line per article with its text, title,
``published`` and ``outlet`` from ``metadata.tsv``; the store is read back through the public API
(``dossier.Dossier``). Gold rows name a document (file-stem prefix), the words a quote or statement
starts with, and the speaker or actor (a surname suffices: "Schiff" matches "Adam Schiff").

- quotes: precision = found gold quotes whose speaker is right / found gold quotes; recall = gold
  quotes found with the right speaker / all gold quotes;
- positions: the same for actors, over positions whose statement holds the gold words; plus the
  share of all positions filed under the issue "other" (lower is better);
- conflicts: every conflict the build reports on these pages is judged by a gold row (true or
  false, by the two values' text); precision over the judged ones, and how many went unjudged.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
GOLD = Path(__file__).resolve().parent / "gold"
sys.path.insert(0, str(ROOT / "src"))

METRICS = [
    ("quote_speaker_precision", 0.90, "gold quotes found by a build: share with the right speaker (name or surname)"),
    ("quote_speaker_recall", None, "gold quotes found by a build with the right speaker / all gold quotes"),
    ("position_actor_precision", 0.80, "positions on a gold statement: share whose actor is the gold holder"),
    ("position_recall", None, "gold positions found with the right actor / all gold positions"),
    ("position_other_share", None, "share of all positions on these pages whose issue is 'other'"),
    ("conflict_precision", 0.80, "reported conflicts judged true / reported conflicts the gold judges"),
    ("conflicts_reported", None, "conflicts the build reports on these pages"),
    ("conflicts_unjudged", None, "reported conflicts no gold row judges (read them and add rows)"),
]
LOWER_IS_BETTER = ("position_other_share",)
VERBOSE = bool(os.environ.get("DOSSIER_EVAL_VERBOSE"))


def norm(text: str) -> str:
    """Lower case, curly quotes and dashes folded, marks and spaces squeezed: for prefix matching."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\xa0", " ")
    return re.sub(r"\s+", " ", re.sub(r"[\"']", "", text)).strip().lower()


def read_gold(name: str) -> list[list[str]]:
    rows = []
    for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _meta() -> dict[str, dict[str, str]]:
    with (DATA / "metadata.tsv").open(encoding="utf-8") as fh:
        return {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}


def _stems(prefixes: set[str]) -> dict[str, str]:
    """Gold document prefix -> the dev text's file stem."""
    stems = sorted(p.stem for p in (DATA / "dev" / "text").glob("*.txt"))
    out = {}
    for prefix in prefixes:
        hits = [s for s in stems if s.startswith(prefix)]
        if len(hits) != 1:
            raise SystemExit(f"gold document {prefix!r} names {len(hits)} dev texts")
        out[prefix] = hits[0]
    return out


def write_jsonl(stems: list[str], path: Path) -> None:
    """The pages as a user hands them over: text, title, url, published date and outlet."""
    meta = _meta()
    with path.open("w", encoding="utf-8") as fh:
        for stem in stems:
            m = meta.get(stem, {})
            fh.write(json.dumps({
                "url": f"https://example.org/{stem}", "title": m.get("title"),
                "text": (DATA / "dev" / "text" / f"{stem}.txt").read_text(encoding="utf-8"),
                "published": m.get("publication_date"), "outlet": m.get("publisher"),
            }) + "\n")


def same_person(gold: str, system: str | None) -> bool:
    if not system:
        return False
    g, s = norm(gold), norm(system)
    return g == s or g in s or (g.split()[-1] in s.split())


def score_pairs(gold: list[list[str]], items: list[tuple[str, str, str | None]], stems: dict[str, str]) -> tuple[float, float]:
    """(precision, recall) of speakers/actors: items are (doc stem, text, name)."""
    found = right = 0
    for doc, words, who, *_ in gold:
        stem, key = stems[doc], norm(words)
        hits = [name for d, text, name in items if d == stem and key[:60] in norm(text)]
        found += bool(hits)
        ok = any(same_person(who, n) for n in hits)
        right += ok
        if VERBOSE and not ok:
            print(f"  {'wrong' if hits else 'missed'}: {doc[:30]} {words!r} gold={who!r} system={hits}", file=sys.stderr)
    return right / max(1, found), right / max(1, len(gold))


def run() -> dict[str, float]:
    from dossier import Dossier

    quotes_g, positions_g, conflicts_g = read_gold("quotes.tsv"), read_gold("positions.tsv"), read_gold("conflicts.tsv")
    stems = _stems({r[0] for r in quotes_g + positions_g} | {r[0] for r in conflicts_g} | {r[1] for r in conflicts_g})
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        write_jsonl(sorted(set(stems.values())), pages)
        with Dossier.open(Path(tmp) / "store.db") as d:
            d.build([pages])
            return _score(d, quotes_g, positions_g, conflicts_g, stems)


def _score(d, quotes_g, positions_g, conflicts_g, stems) -> dict[str, float]:
    reader = d.reader
    docs = {doc.id: doc for doc in d.documents()}
    stem_of = {doc.id: (doc.url or doc.source or "").rsplit("/", 1)[-1] for doc in docs.values()}
    quotes = [(stem_of.get(q.content.doc_id, ""), q.text, reader.speaker_name(q)) for q in d.quotes()]
    qp, qr = score_pairs(quotes_g, quotes, stems)
    positions = d.positions()
    items = [(stem_of.get(p.span.doc_id, ""), p.statement, reader.side_name(p)) for p in positions]
    pp, pr = score_pairs(positions_g, items, stems)
    other = sum(p.issue == "other" for p in positions) / max(1, len(positions))
    verdicts = {(stems[a], stems[b], norm(va), norm(vb)): ok == "true" for a, b, va, vb, ok, *_ in conflicts_g}
    judged = true = unjudged = 0
    for c in d.conflicts():
        da, db = (stem_of.get(s.doc_id, "") for s in c.sources[:2])
        va, vb = (norm(v) for v in c.values[:2])
        ok = verdicts.get((da, db, va, vb), verdicts.get((db, da, vb, va)))
        if ok is None:
            unjudged += 1
            print(f"  unjudged conflict: {c.kind} {c.about!r} {c.values} {da} {db}", file=sys.stderr)
            continue
        judged += 1
        true += ok
    return {
        "quote_speaker_precision": qp, "quote_speaker_recall": qr,
        "position_actor_precision": pp, "position_recall": pr, "position_other_share": other,
        "conflicts_reported": float(judged + unjudged), "conflicts_unjudged": float(unjudged),
        **({"conflict_precision": true / judged} if judged else {}),  # no figure without a judged conflict
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:28} {value:.3f}")
