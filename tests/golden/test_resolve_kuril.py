"""Golden test: who is who across the five Kuril pages (2000-2019), checked by reading the pages.

Publication dates are set by hand here (read from the pages' content); dating is another stage.
"""

from __future__ import annotations

import dataclasses

import pytest

from dossier.clean import clean_page
from dossier.model import Page, PublicationDate
from dossier.nlp.annotate import annotate_document
from dossier.resolve import resolve_entities, who

pytestmark = pytest.mark.slow

# File prefix -> month of publication, as the text of each page tells it.
DATES = {"000": "2001-01", "001": "2019-02", "002": "2000-11", "003": "2019-01", "004": "2019-01"}


@pytest.fixture(scope="module")
def kuril(kuril_dir, nlp):
    docs, anns, ids = [], [], {}
    for path in sorted(kuril_dir.glob("*.txt")):
        doc = clean_page(Page(source=str(path), raw=path.read_bytes(), media="text"))
        doc = dataclasses.replace(doc, published=PublicationDate(value=DATES[path.name[:3]], precision="month", confidence=1.0))
        ann, _ = annotate_document(doc, nlp)
        docs.append(doc)
        anns.append(ann)
        ids[path.name[:3]] = doc.id
    return docs, anns, ids, resolve_entities(docs, anns)


def test_two_konos(kuril):
    _, _, ids, res = kuril
    konos = {e.name: e for e in who(res, "Kono")}
    assert set(konos) == {"Yohei Kono", "Taro Kono"}
    assert all(e.type == "person" for e in konos.values())
    assert set(konos["Yohei Kono"].docs) == {ids["000"], ids["002"]}
    assert set(konos["Taro Kono"].docs) == {ids["001"], ids["003"], ids["004"]}
    yohei_roles = {(r.title, r.of): r for r in konos["Yohei Kono"].roles}
    taro_roles = {(r.title, r.of): r for r in konos["Taro Kono"].roles}
    assert yohei_roles[("foreign minister", "Japan")].first_seen == "2001-01"
    assert taro_roles[("foreign minister", "Japan")].first_seen == "2019-02"


def test_one_lavrov_with_both_spellings(kuril):
    _, _, ids, res = kuril
    (lavrov,) = who(res, "Lavrov")
    assert {"Sergey Lavrov", "Sergei Lavrov"} <= {lavrov.name, *lavrov.aliases}
    assert set(lavrov.docs) == {ids["001"], ids["003"], ids["004"]}
    assert ("foreign minister", "Russia") in {(r.title, r.of) for r in lavrov.roles}


def test_one_putin_in_all_pages(kuril):
    _, _, ids, res = kuril
    putins = [e for e in res.entities if e.type == "person" and "Putin" in (e.name, *e.aliases)]
    assert len(putins) == 1
    assert set(putins[0].docs) == set(ids.values())
    assert putins[0].name == "Vladimir Putin"


def test_kunashiri_and_kunashir_one_place_iturup_apart(kuril):
    _, _, ids, res = kuril
    (kun,) = who(res, "Kunashir")
    assert kun.type == "place" and {"Kunashiri", "Kunashir"} <= {kun.name, *kun.aliases}
    assert set(kun.docs) == {ids["001"], ids["003"]}
    assert who(res, "Iturup")[0].id != who(res, "Etorofu")[0].id  # not given as aliases in these pages


def test_no_island_is_a_person(kuril):
    _, _, _, res = kuril
    for island in ("Habomai", "Shikotan", "Kunashiri", "Etorofu", "Iturup", "Kunashir"):
        found = who(res, island)
        assert found, island
        assert found[0].type == "place", (island, found[0])
        assert not [e for e in found if e.type == "person"], island


def test_governments(kuril):
    _, _, _, res = kuril
    gov_ru = [e for e in res.entities if e.type == "gov" and e.name == "Government of Russia"]
    gov_jp = [e for e in res.entities if e.type == "gov" and e.name == "Government of Japan"]
    assert gov_ru and gov_jp
    assert "Kremlin" in gov_ru[0].aliases and "Moscow" in gov_ru[0].aliases
    assert "Tokyo" in gov_jp[0].aliases
    assert res.entity(gov_ru[0].government_of).name == "Russia"
    assert any(e.name == "Moscow" and e.type == "place" for e in res.entities)  # "talks in Moscow"


def test_alias_from_text_southern_kurils(kuril):
    _, _, ids, res = kuril
    (nt,) = who(res, "Northern Territories")
    assert any("Kuril" in a for a in nt.aliases)  # "administered by Russia as the southern Kurils but claimed by Japan as ..."
