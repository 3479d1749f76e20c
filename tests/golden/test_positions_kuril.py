"""Positions and conflicts on the Kuril pages, checked against what the pages say (read by hand).

Publication dates are given here from reading the pages (the date stage is tested elsewhere):
000 CNN, January 2001 (Kono to meet Ivanov "January 16"); 001 Mainichi, after the Feb. 16, 2019
meeting; 002 Jamestown Monitor, early November 2000; 003 RFE/RL, before the January 22, 2019 talks;
004 Nikkei, the day after the January 22, 2019 summit.
"""

from __future__ import annotations

import dataclasses

import pytest

from dossier.extract.claims import find_claims
from dossier.extract.conflicts import find_conflicts
from dossier.extract.positions import build_positions, default_actor_of
from dossier.model import Document, PublicationDate

DATES = {"000": "2001-01-10", "001": "2019-02-18", "002": "2000-11-06", "003": "2019-01-21", "004": "2019-01-23"}


@pytest.fixture(scope="module")
def kuril(nlp, kuril_dir):
    from dossier.nlp.annotate import annotate_document
    from dossier.resolve.core import resolve_entities

    docs, annots = [], []
    for path in sorted(kuril_dir.glob("*.txt")):
        key = path.name[:3]
        doc = Document(
            id=key, source=path.name, text=path.read_text(encoding="utf-8"),
            published=PublicationDate(value=DATES[key], precision="day", confidence=1.0),
        )
        annot, sdoc = annotate_document(doc, nlp)
        docs.append(doc)
        annots.append(dataclasses.replace(annot, claims=tuple(find_claims(doc, sdoc, annot))))
    resolution = resolve_entities(docs, annots)
    positions = build_positions(docs, annots, default_actor_of(resolution))
    conflicts = find_conflicts(docs, annots, [], resolution.entities, resolution.mention_entity)
    return docs, annots, positions, conflicts


def _find(positions, actor, doc_id, words):
    return [p for p in positions if p.actor == actor and p.span.doc_id == doc_id and words in p.statement]


def test_japan_demands_return_of_four_islands_in_2001(kuril):
    _, _, positions, _ = kuril
    found = _find(positions, "Japan", "000", "without the return of four rocky islands")
    assert {(p.stance, p.issue) for p in found} == {("condition", "islands"), ("refusal", "treaty")}
    (cond,) = [p for p in found if p.stance == "condition"]
    assert cond.statement.startswith("without the return") and cond.date == "2001-01-10"
    (insist,) = _find(positions, "Japan", "000", "on the return of the islands")
    assert insist.stance == "demand" and insist.issue == "islands"


def test_japan_later_eyes_two_islands_plus_and_the_1956_basis(kuril):
    _, _, positions, _ = kuril
    (two,) = _find(positions, "Japan", "001", "two smaller islands of Habomai and Shikotan returned")
    assert two.stance == "aim" and two.issue == "islands" and two.date == "2019-02-18"
    assert "two-island plus alpha" in two.statement
    (basis,) = _find(positions, "Japan", "003", "negotiate on the basis of the 1956 declaration")
    assert basis.stance == "proposal"


def test_japan_islands_positions_read_in_time_order(kuril):
    _, _, positions, _ = kuril
    dates = [p.date for p in positions if p.actor == "Japan" and p.issue == "islands"]
    assert dates == sorted(dates) and dates[0].startswith("2000") and dates[-1].startswith("2019")


def test_russia_islands_russian_after_ww2_and_sovereignty_recognised(kuril):
    _, _, positions, _ = kuril
    (ww2,) = _find(positions, "Russia", "004", "became Russian territory as a result of World War II")
    assert ww2.stance == "claim" and ww2.issue == "islands"
    (recog,) = _find(positions, "Russia", "004", "does not recognize Russian sovereignty over the islands")
    assert recog.stance == "condition" and recog.date == "2019-01-14"
    (accept,) = _find(positions, "Russia", "003", "Japan must accept Russian sovereignty")
    assert accept.stance == "demand"
    (legit,) = _find(positions, "Russia", "001", "came under Russian control legitimately")
    assert legit.stance == "claim"


def test_russia_peace_treaty_without_preconditions(kuril):
    _, _, positions, _ = kuril
    found = [p for p in positions if p.actor == "Russia" and p.issue == "preconditions" and p.span.doc_id == "003"]
    assert {p.stance for p in found} == {"condition", "proposal"}
    assert any(p.statement == "without any preconditions" for p in found)


def test_abe_called_president_in_rferl_page_is_a_title_conflict(kuril):
    docs, _, _, conflicts = kuril
    titles = [c for c in conflicts if c.kind == "title"]
    abe = [c for c in titles if c.about == "Shinzo Abe"]
    assert len(abe) == 1
    (c,) = abe
    assert c.values == ("Japanese Prime Minister", "Japanese President")
    suspect = c.sources[1]
    text = {d.id: d.text for d in docs}["003"]
    assert suspect.doc_id == "003" and text[suspect.start : suspect.end] == "Shinzo Abe"
    assert "Japanese President Shinzo Abe" in text[suspect.start - 20 : suspect.end]
    assert c.sources[0].doc_id != "003"
    # Putin is "President" everywhere: no conflict for him
    assert not [c for c in titles if c.about == "Vladimir Putin"]
