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
from dossier.extract.positions import OTHER, build_positions, default_actor_of, summarize_positions
from dossier.model import Document, PublicationDate

# The side's name, as the query layer shows it (``Reader.side_name``): positions hold entity ids.
NAMES: dict[str, str] = {}


def side_name(p) -> str:
    """The shown name of a position's (or a summary row's) side."""
    ref, label = (p["actor"], p["actor_label"]) if isinstance(p, dict) else (p.actor, p.actor_label)
    return NAMES.get(ref, ref) if ref else label


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
    NAMES.update({e.id: e.name for e in resolution.entities})
    positions = build_positions(docs, annots, default_actor_of(resolution))
    from dossier.corpus.passes import with_entity_ids  # resolution written into the mentions

    resolved = [with_entity_ids(a, resolution.mention_entity) for a in annots]
    conflicts = find_conflicts(docs, resolved, [], resolution.entities)
    merged = build_positions(docs, annots, default_actor_of(resolution), {"declaration": "islands"})
    return docs, annots, positions, conflicts, merged


def _find(positions, actor, doc_id, words):
    return [p for p in positions if side_name(p) == actor and p.span.doc_id == doc_id and words in p.statement]


def test_japan_demands_return_of_four_islands_in_2001(kuril):
    _, _, positions, _, _ = kuril
    found = _find(positions, "Japan", "000", "without the return of four rocky islands")
    assert {(p.stance, p.issue) for p in found} == {("condition", "islands"), ("refusal", "peace treaty")}
    (cond,) = [p for p in found if p.stance == "condition"]
    assert cond.statement.startswith("without the return") and cond.date == "2001-01-10"
    (insist,) = _find(positions, "Japan", "000", "on the return of the islands")
    assert insist.stance == "demand" and insist.issue == "islands"


def test_japan_later_eyes_two_islands_plus_and_the_1956_basis(kuril):
    _, _, positions, _, _ = kuril
    (two,) = _find(positions, "Japan", "001", "two smaller islands of Habomai and Shikotan returned")
    assert two.stance == "aim" and two.issue == "islands" and two.date == "2019-02-18"
    assert "two-island plus alpha" in two.statement
    (basis,) = _find(positions, "Japan", "003", "negotiate on the basis of the 1956 declaration")
    assert basis.stance == "proposal"


def test_japan_islands_positions_read_in_time_order(kuril):
    _, _, positions, _, _ = kuril
    islands = [p for p in positions if side_name(p) == "Japan" and p.issue == "islands"]
    dates = [p.date for p in islands]
    assert dates == sorted(dates) and dates[0].startswith("2000") and dates[-1].startswith("2019")
    # 2000-2001: the return of (all four) islands; 2019: two smaller islands
    early = " ".join(p.statement for p in islands if p.date < "2002")
    late = " ".join(p.statement for p in islands if p.date > "2018")
    assert "return of four rocky islands" in early and "return of the islands" in early
    assert "two smaller islands" in late and "four" not in late


def test_positions_are_dated_by_their_sentence_else_the_page(kuril):
    _, _, positions, _, _ = kuril
    assert all(p.date for p in positions)  # every page is dated here
    (suga,) = _find(positions, "Japan", "003", "Northern Territories issue is resolved")
    assert suga.date == "2018-09" and suga.precision == "month"  # "in Vladivostok in September"
    (basis,) = _find(positions, "Japan", "003", "negotiate on the basis of the 1956 declaration")
    assert basis.date == "2019-01-21" and basis.precision == "day"  # "the 1956 declaration" is not when


def test_a_country_and_its_government_are_one_side_and_officials_speak_for_it(kuril):
    _, _, positions, _, _ = kuril
    actors = {side_name(p) for p in positions}
    assert {"Japan", "Russia"} <= actors
    assert not [a for a in actors if a.startswith("Government of")]
    for a in ("Tokyo", "Moscow", "MOSCOW", "Shinzo Abe", "Vladimir Putin", "Sergei Lavrov", "Yoshihide Suga"):
        assert a not in actors
    # a "they" read as a university (doubtful antecedent) gives no claim
    assert "International Christian University" not in actors
    # a newspaper's editorial keeps the newspaper's name: it is not a side
    assert any(side_name(p) == "Yomiuri Shimbun" for p in positions)


def test_issues_are_short_and_the_rest_is_other_ranked_last(kuril):
    _, _, positions, _, _ = kuril
    issues = {p.issue for p in positions}
    assert {"islands", "peace treaty", "preconditions"} <= issues
    assert all(len(i.split()) <= 5 for i in issues)
    for noise in ("do more", "countries", "help", "efforts"):
        assert noise not in issues
    for actor in ("Japan", "Russia"):
        mine = [p.issue for p in positions if side_name(p) == actor]
        assert OTHER in mine and mine[-1] == OTHER and mine.index(OTHER) > mine.index("islands")


def test_issue_names_config_merges_the_1956_basis_into_islands(kuril):
    _, _, _, _, merged = kuril
    islands = [p for p in merged if side_name(p) == "Japan" and p.issue == "islands"]
    assert any("basis of the 1956 declaration" in p.statement for p in islands)
    assert [p.date for p in islands] == sorted(p.date for p in islands)


def test_summary_reads_how_japan_moved_on_the_islands(kuril):
    _, _, positions, _, _ = kuril
    rows = summarize_positions(positions)
    (japan,) = [r for r in rows if side_name(r) == "Japan" and r["issue"] == "islands"]
    assert japan["first_date"].startswith("2000") and japan["last_date"].startswith("2019")
    assert sum(s["count"] for s in japan["stances"]) == japan["count"] >= 5
    assert japan["stances"][0]["stance"] == "demand" and japan["stances"][-1]["first_date"].startswith("2019")


def test_russia_islands_russian_after_ww2_and_sovereignty_recognised(kuril):
    _, _, positions, _, _ = kuril
    (ww2,) = _find(positions, "Russia", "004", "became Russian territory as a result of World War II")
    assert ww2.stance == "claim" and ww2.issue == "islands"
    (recog,) = _find(positions, "Russia", "004", "does not recognize Russian sovereignty over the islands")
    assert recog.stance == "condition" and recog.date == "2019-01-14"
    (accept,) = _find(positions, "Russia", "003", "Japan must accept Russian sovereignty")
    assert accept.stance == "demand"
    (legit,) = _find(positions, "Russia", "001", "came under Russian control legitimately")
    assert legit.stance == "claim"


def test_russia_peace_treaty_without_preconditions(kuril):
    _, _, positions, _, _ = kuril
    found = [p for p in positions if side_name(p) == "Russia" and p.issue == "preconditions" and p.span.doc_id == "003"]
    assert {p.stance for p in found} == {"condition", "proposal"}
    assert any(p.statement == "without any preconditions" for p in found)


def test_abe_called_president_in_rferl_page_is_a_title_conflict(kuril):
    docs, _, _, conflicts, _ = kuril
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
