"""The hand-written time values of eval/gold/polnear_timex.json point at their words in the dev texts,
carry the page date metadata.tsv gives, and are TIMEX3 values; the scorer re-finds a gold span in
text whose whitespace the cleaner changed, and refuses one whose context is ambiguous."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "quotes"
VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?)?|-W\d{2}(?:-WE)?|-(?:SP|SU|FA|WI))?|\d{3}|PRESENT_REF|PAST_REF|FUTURE_REF")


@pytest.fixture(scope="module")
def news() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_timex_news_under_test", ROOT / "eval" / "timex_news.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_gold_spans_values_and_dates(news: ModuleType) -> None:
    gold = news.load_gold()
    assert len(gold) >= 150 and len({g["file"] for g in gold}) >= 40
    rows = [line.split("\t") for line in (DATA / "metadata.tsv").read_text().splitlines()]
    meta = {r[rows[0].index("filename")]: dict(zip(rows[0], r)) for r in rows[1:]}
    for g in gold:
        assert meta[g["file"]]["compartment"] == "dev", g
        assert meta[g["file"]]["publication_date"] == g["page_date"], g
        assert news._raw_text(g["file"])[g["start"] : g["end"]] == g["text"], g
        assert all(VALUE.fullmatch(v) for v in [g["value"], *g.get("accept", [])]), g


def test_locate_survives_whitespace_changes_and_refuses_ambiguity(news: ModuleType) -> None:
    raw = "He spoke.  On Monday night, she led.  Then on Monday night, he left."
    clean = "He spoke.\n\nOn Monday night, she led.\n\nThen on Monday night, he left."
    start = raw.index("Monday", 20)
    s, e = news.locate(raw, clean, start, start + len("Monday night"))
    assert clean[s:e] == "Monday night" and s == clean.index("Monday", 25)
    assert news.locate("x Monday y", "x Monday y. x Monday y", 2, 8) is None
