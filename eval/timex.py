"""Time expressions on TimeBank (TempEval-3 TBAQ-cleaned): recognition and normalisation; and
values on 2016 web news with hand-written gold (``timex_news``: the ``news_*`` metrics).

Each .tml file's <TEXT> is stripped of tags; find_times runs on that text anchored at the DCT
(document creation time). Scores as in TempEval-3: span F1 strict (exact offsets) and relaxed
(overlap), value accuracy on relaxed-matched spans, and value F1 where a system timex is correct
when it overlaps a gold one AND has the gold value.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.date.timex import find_times  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timex" / "timebank"

METRICS = [
    ("span_f1_strict", None, "exact offsets, 183 TimeBank files"),
    ("span_f1_relaxed", None, "overlapping spans"),
    ("value_accuracy", None, "value right on relaxed-matched spans"),
    ("value_f1", 0.80, "TempEval-3 style; HeidelTime reports 0.776"),
    # a second, independent set: 2016 web news, gold written by hand (eval/timex_news.py)
    ("news_span_recall", None, "PolNeAR dev, 41 pages, 326 gold values: a gold span found"),
    ("news_value_recall", None, "gold values the build gives (anchored at the page date)"),
    ("news_value_accuracy", None, "right values among the build's expressions on gold spans"),
    ("news_value_f1", 0.80, "issue #12 target on unseen newswire is 0.80"),
    ("news_gold", None, "gold expressions"),
    ("news_gold_lost", None, "gold expressions in text the cleaner removed (counted as missed)"),
]
INFORMATIONAL = ("news_gold", "news_gold_lost")

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def read_tml(path: Path) -> tuple[str, str, list[tuple[int, int, str]]]:
    """(text, dct, gold) with gold = [(start, end, value)] offsets into the stripped text."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    gold: list[tuple[int, int, str]] = []
    open_timex: tuple[int, str] | None = None
    length = 0
    for m in _TAG.finditer(body):
        chunk = _unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            val = re.search(r'value="([^"]*)"', m.group(3))
            open_timex = (length, val.group(1) if val else "")
        elif open_timex is not None:
            gold.append((open_timex[0], length, open_timex[1]))
            open_timex = None
    out.append(_unescape(body[pos:]))
    return "".join(out), (dct.group(1)[:10] if dct else ""), gold


def _unescape(s: str) -> str:
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(files: list[Path]) -> dict[str, float]:
    n_sys = n_gold = strict = relaxed_sys = relaxed_gold = value_ok = value_matched = 0
    value_correct_sys = 0
    for path in files:
        text, dct, gold = read_tml(path)
        system = [(t.span.start, t.span.end, t.value or "") for t in find_times(text, dct)]
        n_sys += len(system)
        n_gold += len(gold)
        gold_set = {(s, e) for s, e, _ in gold}
        strict += sum((s, e) in gold_set for s, e, _ in system)
        for s, e, v in system:
            hits = [g for g in gold if g[0] < e and s < g[1]]
            if hits:
                relaxed_sys += 1
                value_matched += 1
                value_ok += any(v == g[2] for g in hits)
                value_correct_sys += any(v == g[2] for g in hits)
        relaxed_gold += sum(any(s < ge and gs < e for s, e, _ in system) for gs, ge, _ in gold)
    p_s, r_s = strict / max(n_sys, 1), strict / max(n_gold, 1)
    p_r, r_r = relaxed_sys / max(n_sys, 1), relaxed_gold / max(n_gold, 1)
    p_v, r_v = value_correct_sys / max(n_sys, 1), value_correct_sys / max(n_gold, 1)
    return {
        "span_f1_strict": _f1(p_s, r_s),
        "span_f1_relaxed": _f1(p_r, r_r),
        "value_accuracy": value_ok / max(value_matched, 1),
        "value_f1": _f1(p_v, r_v),
        "system": float(n_sys),
        "gold": float(n_gold),
    }


def run() -> dict[str, float]:
    import timex_news

    files = sorted(DATA.glob("*.tml"))
    return {**score(files), **timex_news.score(timex_news.load_gold())}


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:20} {v:.3f}")
