"""The timeline gold under eval/gold/ holds what eval/stories.py assumes of it: every election event
is reported by two or more articles of the corpus, at least one of them on or after its day, its
evidence is copied from those articles and one of its keyword sets matches that evidence (else the
scorer could never find it); every ECB+ seminal event cites files that exist in its topic."""

from __future__ import annotations

import html
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


# --- layers gold (eval/gold/quotes.tsv, positions.tsv, conflicts.tsv; scored by eval/layers.py) ---


@pytest.fixture(scope="module")
def layers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_layers_under_test", ROOT / "eval" / "layers.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _page_text(layers: ModuleType, stem: str) -> str:
    """A gold page's visible text, folded as the scorer folds it."""
    if stem.startswith(layers.EXAMPLE_PREFIX):
        (path,) = [p for p in layers.EXAMPLE.glob(f"*/{stem[len(layers.EXAMPLE_PREFIX):]}*")]
        raw = path.read_text(encoding="utf-8")
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw)) if path.suffix == ".html" else raw
    else:
        raw = (DATA / "quotes" / "dev" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    return str(layers.norm(raw))


def _in_page(layers: ModuleType, words: str, page: str) -> bool:
    return str(layers.norm(words)) in page


def _named(layers: ModuleType, who: str, page: str) -> bool:
    """Some name of the speaker (its last word, hyphens kept) is in the page."""
    return any(str(layers.norm(n)).split()[-1] in page for n in who.split("|"))


def test_layers_quote_gold_is_in_the_texts(layers: ModuleType) -> None:
    rows = layers.read_gold("quotes.tsv")
    stems = layers._stems({r[0] for r in rows})
    assert len(rows) >= 100
    assert sum(len(r) > 3 and r[3] == "question" for r in rows) >= 8
    for doc, words, who, *rest in rows:
        page = _page_text(layers, stems[doc])
        assert _in_page(layers, words, page), (doc, words)
        assert _named(layers, who, page), (doc, who)
        assert rest in ([], ["question"]), (doc, words, rest)
    assert len({tuple(r[:2]) for r in rows}) == len(rows)


def test_layers_position_gold_is_in_the_texts_and_spread(layers: ModuleType) -> None:
    rows = layers.read_gold("positions.tsv")
    stems = layers._stems({r[0] for r in rows})
    assert len(rows) >= 60 and all(len(r) == 4 and r[3] for r in rows)
    per_doc = {d: sum(r[0] == d for r in rows) for d in {r[0] for r in rows}}
    assert max(per_doc.values()) <= 3 and len(per_doc) >= 40, per_doc
    assert len({stems[d].split("_")[0] for d in per_doc}) >= 7  # outlets (and the example story)
    for doc, words, who, _stance in rows:
        page = _page_text(layers, stems[doc])
        assert _in_page(layers, words, page), (doc, words)
        assert _named(layers, who, page), (doc, who)


def test_layers_conflict_gold_is_in_the_texts(layers: ModuleType) -> None:
    rows = layers.read_gold("conflicts.tsv")
    stems = layers._stems({d for r in rows for d in layers.doc_names(r[0]) + layers.doc_names(r[1])})
    assert len(rows) >= 40
    verdicts = [r[4] for r in rows]
    assert set(verdicts) == {"true", "false"} and verdicts.count("true") >= 3
    for a, b, va, vb, _ok, why in rows:
        assert why and not set(layers.doc_names(a)) & set(layers.doc_names(b)), (a, b)
        for docs, value in ((a, va), (b, vb)):
            assert all(_in_page(layers, value, _page_text(layers, stems[d])) for d in layers.doc_names(docs)), (docs, value)
    assert len({tuple(r[:4]) for r in rows}) == len(rows)


def test_layers_scorer_matches_names_and_values(layers: ModuleType) -> None:
    assert layers.same_person("Schiff", "Adam Schiff") and layers.same_person("de Blasio", "Bill de Blasio")
    assert not layers.same_person("Ivanka Trump", "Donald Trump") and layers.same_person("Ivanka Trump", "Trump")
    assert not layers.same_person("Tsion Bekele", "Seleshi Bekele")
    assert layers.same_person("IMF|International Monetary Fund", "the International Monetary Fund")
    assert layers.same_value("375 megawatts", "375 megawatts") and layers.same_value("Water", "Ethiopian Water Minister")
    assert not layers.same_value("29", "129 people") and not layers.same_value("nine people", "Twenty-nine people")
