"""Positions on the GERD example corpus (examples/gerd), checked against its README answer key.

The pages go through the real build (ingest, clean, duplicates); their publication dates are then
set by hand to the answer key's dates (dating is another stage), and the pages are re-annotated
with those dates so claims are dated as the pipeline would date them.

Answer key (positions): Egypt wants a binding deal (2019: "any deal must be binding"; 2020: "a
legally binding agreement with clear rules for drought years"); Ethiopia prefers guidelines that
can be revised, refuses a binding treaty (2021), and keeps to its own filling (2021: data on the
filling; 2023: an agreement on the filling and operation of the dam).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier.extract.claims import find_claims
from dossier.extract.positions import OTHER, build_positions, default_actor_of, summarize_positions

# The side's name, as the query layer shows it (``Reader.side_name``): positions hold entity ids.
NAMES: dict[str, str] = {}


def side_name(p) -> str:
    """The shown name of a position's (or a summary row's) side."""
    ref, label = (p["actor"], p["actor_label"]) if isinstance(p, dict) else (p.actor, p.actor_label)
    return NAMES.get(ref, ref) if ref else label


@pytest.fixture(scope="module")
def gerd(gerd_true_dated):
    from dossier.resolve import resolve_entities

    live = [d for d, _, _ in gerd_true_dated]
    annots = [dataclasses.replace(a, claims=tuple(find_claims(d, sdoc, a))) for d, a, sdoc in gerd_true_dated]
    res = resolve_entities(live, annots)
    NAMES.update({e.id: e.name for e in res.entities})
    positions = build_positions(live, annots, default_actor_of(res))
    files = {d.id: Path(d.source).name[:2] for d in live}
    return positions, files


def _on(positions, actor, issue):
    return [p for p in positions if side_name(p) == actor and p.issue == issue]


def test_egypt_wants_a_binding_deal_with_drought_rules(gerd):
    positions, files = gerd
    deal = _on(positions, "Egypt", "deal")
    assert [p.date for p in deal] == sorted(p.date for p in deal)
    (binding,) = [p for p in deal if "any deal must be binding" in p.statement]
    assert binding.stance == "demand" and binding.date == "2019-11-01" and files[binding.span.doc_id] == "03"
    (drought,) = [p for p in deal if "clear rules for drought years" in p.statement]
    assert drought.stance == "aim" and drought.date == "2020-07-22" and files[drought.span.doc_id] == "06"
    assert "legally binding agreement" in drought.statement


def test_ethiopia_prefers_guidelines_and_refuses_a_binding_treaty(gerd):
    positions, files = gerd
    guidelines = _on(positions, "Ethiopia", "guidelines")
    assert len(guidelines) >= 3
    assert any(p.stance == "proposal" and "non-binding guidelines" in p.statement for p in guidelines)
    assert any(p.date == "2023-12-20" and files[p.span.doc_id] == "11" for p in guidelines)
    (treaty,) = [p for p in _on(positions, "Ethiopia", "deal") if p.statement == "a binding treaty"]
    assert treaty.stance == "refusal" and treaty.date == "2021-07-09" and files[treaty.span.doc_id] == "07"


def test_ethiopia_on_the_filling_over_time(gerd):
    positions, files = gerd
    filling = _on(positions, "Ethiopia", "filling")
    assert [p.date for p in filling] == sorted(p.date for p in filling)
    assert filling[0].date.startswith("2021") and "data on the filling" in filling[0].statement
    assert filling[-1].date == "2023-07-13" and files[filling[-1].span.doc_id] == "09"


def test_capitals_and_officials_are_their_country_and_analysts_are_not_sides(gerd):
    positions, _ = gerd
    actors = {side_name(p) for p in positions}
    assert {"Egypt", "Ethiopia", "Sudan"} <= actors
    for a in ("Cairo", "Addis Ababa", "Government of Egypt", "Government of Ethiopia", "Seleshi", "Seleshi Bekele",
              "Abdel Fattah el-Sisi", "Abiy Ahmed"):
        assert a not in actors
    rows = summarize_positions(positions)
    egypt = [r for r in rows if side_name(r) == "Egypt"]
    assert egypt[0]["issue"] != OTHER and egypt[-1]["issue"] == OTHER
    assert all(r["first_date"] <= r["last_date"] for r in rows if r["first_date"])
