"""The timeline gold under eval/gold/ holds what eval/stories.py assumes of it: every election event
is reported by two or more articles of the corpus, at least one of them on or after its day, its
evidence is copied from those articles and one of its keyword sets matches that evidence (else the
scorer could never find it); every ECB+ seminal event cites files that exist in its topic."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def stories() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_stories_under_test", ROOT / "eval" / "stories.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def metadata() -> dict[str, dict[str, str]]:
    rows = [line.split("\t") for line in (DATA / "quotes" / "metadata.tsv").read_text().splitlines()]
    head = rows[0]
    return {r[head.index("filename")] + ".txt": dict(zip(head, r)) for r in rows[1:]}


def _norm(text: str) -> str:
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", text).strip()


def _article(meta: dict[str, str], name: str) -> str:
    return (DATA / "quotes" / meta["compartment"] / "text" / name).read_text(errors="replace")


def test_election_gold_events_are_reported_by_two_articles(metadata: dict[str, dict[str, str]]) -> None:
    events = json.loads((GOLD / "election2016_timeline.json").read_text())["events"]
    assert len(events) >= 40
    assert len({e["id"] for e in events}) == len(events)
    for e in events:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]), e["id"]
        arts = e["articles"]
        assert len(set(arts)) >= 2 and all(a in metadata for a in arts), e["id"]
        assert any(metadata[a]["publication_date"] >= e["date"] for a in arts), e["id"]


def test_election_gold_evidence_is_copied_and_matched_by_keywords(
    stories: ModuleType, metadata: dict[str, dict[str, str]]
) -> None:
    events = json.loads((GOLD / "election2016_timeline.json").read_text())["events"]
    for e in events:
        for ev in e["evidence"]:
            assert ev["file"] in e["articles"], e["id"]
            text = _norm(_article(metadata[ev["file"]], ev["file"]))
            parts = [p.strip() for p in re.split(r"\.\.\.|\u2026", _norm(ev["sentence"])) if len(p.strip()) > 10]
            assert parts and all(p in text for p in parts), (e["id"], ev["file"])
        assert any(stories._set_match(k, ev["sentence"]) for k in e["keywords"] for ev in e["evidence"]), e["id"]


def test_ecb_seminal_gold_cites_existing_files() -> None:
    gold = json.loads((GOLD / "ecbplus_seminal.json").read_text())
    assert len(gold) == 66
    for g in gold:
        topic = DATA / "coref" / "ecbplus" / str(g["topic"])
        assert g["files"] and all((topic / f"{f}.xml").is_file() for f in g["files"]), g["id"]
        assert all(f.endswith(g["half"]) for f in g["files"]), g["id"]
        assert g["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", g["date"]), g["id"]
        assert g["participants"], g["id"]
