"""Namesakes stay apart: generational suffixes, different middle initials; one person's variants join."""

from __future__ import annotations

import dataclasses

from dossier.resolve import resolve_entities, who
from dossier.nlp.names import generation, name_tokens, same_person_name, translit_key

from .helpers import annotate, make_doc


def test_generation_is_kept_apart_from_the_name_words():
    assert generation("Arcade Joseph Comeaux Jr.") == "jr" and name_tokens("Arcade Joseph Comeaux Jr.")[-1] == "comeaux"
    assert generation("Comeaux Jr") == "jr" and name_tokens("Comeaux Jr") == ["comeaux"]
    assert translit_key("Walter Hensley Jr") != translit_key("Walter Hensley")
    assert generation("Walter Hensley") == ""


def test_father_and_son_and_middle_initials():
    assert not same_person_name("Walter Hensley Jr.", "Walter Hensley")
    assert not same_person_name("Walter Hensley III", "Walter Hensley II")
    assert not same_person_name("Robert K. Dunmore", "Robert T. K. Dunmore")  # first middle initials differ
    assert same_person_name("Robert K. Dunmore", "Robert Dunmore")  # a middle initial left out
    assert same_person_name("Robert K. Dunmore", "Robert Kenneth Dunmore")  # the initial spelled out


def test_son_and_father_resolve_to_two_people_and_a_bare_suffixed_name_to_the_son():
    a = make_doc("a", "Walter Hensley Jr. spoke. Walter Hensley was absent.", "2016-10-01")
    b = make_doc("b", "Hensley Jr said the plan was sound. Walter Hensley disagreed.", "2016-10-02")
    res = resolve_entities(
        [a, b],
        [annotate(a, ("Walter Hensley Jr.", "PERSON"), ("Walter Hensley", "PERSON")),
         annotate(b, ("Hensley Jr", "PERSON"), ("Walter Hensley", "PERSON"))],
    )
    people = sorted(e.name for e in res.entities if e.type == "person")
    assert people == ["Walter Hensley", "Walter Hensley Jr"], people
    son = next(e for e in res.entities if e.name == "Walter Hensley Jr")
    assert son.mentions == 2 and son.docs == ("a", "b")
    father = who(res, "Walter Hensley")[0]
    assert not any("jr" in a.lower() for a in father.aliases)


def test_a_different_middle_initial_never_extends_a_name():
    from dossier.nlp.names import extends_name

    assert not extends_name("Robert K. Dunmore", "Robert T. K. Dunmore")
    assert extends_name("Robert Dunmore", "Robert Kenneth Dunmore")


def test_titled_surname_goes_to_the_namesake_holding_the_title():
    a = make_doc("a", "Governor Ruth Alder spoke. Governor Alder said no.", "2016-09-01")
    b = make_doc("b", "Governor Alder met voters. Tom Alder, her husband, waved.", "2016-09-02")
    res = resolve_entities(
        [a, b],
        [annotate(a, ("Ruth Alder", "PERSON", None, "Governor"), ("Alder", "PERSON", "Ruth Alder", "Governor")),
         annotate(b, ("Tom Alder", "PERSON"), ("Alder", "PERSON", "Tom Alder", "Governor"))],
    )
    ruth, tom = who(res, "Ruth Alder")[0], who(res, "Tom Alder")[0]
    assert ruth.id != tom.id and ruth.mentions == 3 and tom.mentions == 1
    assert not tom.roles and any(r.title == "governor" for r in ruth.roles)


def test_an_epithet_before_a_full_name_is_that_person():
    from dossier.resolve.persons import group_full_names

    g = group_full_names(["Crooked Jane Roe", "Jane Roe", "Jane Q. Roe", "Defeat Crooked Jane",
                          "Crooked Jane", "Mary Ann Poe", "Ann Poe", "Mary Lee", "Rand Paulson",
                          "Paulson Reed"])
    assert g["Crooked Jane Roe"] == g["Jane Roe"]
    assert g["Defeat Crooked Jane"] != g["Jane Roe"]  # a form of a form: left alone
    assert g["Mary Ann Poe"] != g["Ann Poe"]  # 'Mary' begins another person's name: a given name
    assert g["Rand Paulson"] != g["Paulson Reed"]  # two-word names are never read as epithets
    # A tagger's run-on headline span ending in the given name ('Roe Fund Debunks Jane') is no
    # evidence that 'Jane' is someone's surname: the epithet still joins.
    g = group_full_names(["Crooked Jane Roe", "Jane Roe", "Crooked Jane", "Roe Fund Debunks Jane"])
    assert g["Crooked Jane Roe"] == g["Jane Roe"]
    # nor does a slogan of the same shape ('Stop <Given>'); a name whose first word is a given name
    # elsewhere ('Edmund' of 'Edmund Burke') makes <Given> a surname too: 'Crooked' may be a given name
    g = group_full_names(["Crooked Jane Roe", "Jane Roe", "Crooked Jane", "Stop Jane"])
    assert g["Crooked Jane Roe"] == g["Jane Roe"]
    g = group_full_names(["Crooked Jane Roe", "Jane Roe", "Crooked Jane", "Edmund Jane", "Edmund Burke"])
    assert g["Crooked Jane Roe"] != g["Jane Roe"]


def test_a_bare_surname_finds_a_person_whose_group_is_named_by_a_clipped_form():
    # The tagger clips 'Walter P. Smith' to 'Walter P' once; the group of the two may be keyed by the
    # clipped form, whose last word is no surname. A bare 'Smith' elsewhere still has two candidates
    # (father and son) and goes to the one closest in time, not to the only one indexed.
    a = make_doc("a", "Walter P. Smith spoke in Ohio. Later Walter P. Smith left.", "2016-06-01")
    b = make_doc("b", "Walter P said no.", "2016-06-01")
    c = make_doc("c", "Eric Smith spoke.", "2016-01-10")
    d = make_doc("d", "Smith won the vote.", "2016-06-03")
    res = resolve_entities([a, b, c, d], [
        annotate(a, ("Walter P. Smith", "PERSON")), annotate(b, ("Walter P", "PERSON")),
        annotate(c, ("Eric Smith", "PERSON")), annotate(d, ("Smith", "PERSON")),
    ])
    (walter,) = [e for e in res.entities if e.name == "Walter P. Smith"]
    (eric,) = [e for e in res.entities if e.name == "Eric Smith"]
    assert "d" in walter.docs and "d" not in eric.docs


def test_a_person_span_running_into_a_body_the_page_names_is_that_body():
    # The tagger reads 'the Smith White House' as one PERSON; the page also names 'the White House'.
    a = make_doc("a", "Aides in the Smith White House left. Smith spoke outside the White House.", "2016-02-19")
    b = make_doc("b", "President John Smith spoke.", "2016-02-18")
    ann_a = annotate(a, ("Smith White House", "PERSON"), ("White House", "ORG"), ("Smith", "PERSON"))
    # nlp's in-page name for 'Smith' is the longest name holding it: the span
    ann_a = dataclasses.replace(ann_a, mentions=tuple(
        dataclasses.replace(m, canonical="Smith White House") if m.text == "Smith" else m for m in ann_a.mentions))
    res = resolve_entities([a, b], [ann_a, annotate(b, ("John Smith", "PERSON"))])
    assert not [e for e in res.entities if e.type == "person" and "White House" in (e.name, *e.aliases)]
    (john,) = [e for e in res.entities if e.name == "John Smith"]
    assert set(john.docs) == {"a", "b"} and john.mentions == 2


def test_a_body_the_corpus_names_qualified_by_a_name_on_another_page_is_no_person():
    # Page a names 'the Smith White House' only; pages b and c tag 'White House' an organisation.
    a = make_doc("a", "Aides in the Smith White House left. Smith spoke.", "2016-02-19")
    b = make_doc("b", "The White House said no. President John Smith spoke.", "2016-02-18")
    c = make_doc("c", "The White House said yes.", "2016-02-18")
    res = resolve_entities([a, b, c], [
        annotate(a, ("Smith White House", "PERSON"), ("Smith", "PERSON")),
        annotate(b, ("White House", "ORG"), ("John Smith", "PERSON")), annotate(c, ("White House", "ORG")),
    ])
    assert not [e for e in res.entities if e.type == "person" and "Smith White House" in (e.name, *e.aliases)]


def test_a_titled_persons_full_name_tagged_an_organisation_is_that_person():
    # The tagger calls a candidate's full name ORG on one page; a title gives it to a person on
    # another: one person. A building named after someone is no person.
    a = make_doc("a", "Former Acme chief executive Carla Brill spoke in Ohio.", "2016-01-01")
    b = make_doc("b", "Carla Brill wrote on Monday. Crowds gathered at Brill Tower.", "2016-01-02")
    ann_a = annotate(a, ("Carla Brill", "PERSON", None, "Former Acme Chief Executive"))
    ann_b = annotate(b, ("Carla Brill", "ORG"), ("Brill Tower", "PERSON"))
    res = resolve_entities([a, b], [ann_a, ann_b])
    ent = {e.id: e for e in res.entities}
    brill_a = res.mention_entity[(a.id, a.text.index("Carla"), a.text.index("Carla") + 11)]
    brill_b = res.mention_entity[(b.id, 0, 11)]
    assert brill_a == brill_b and ent[brill_a].type == "person"
    tower = res.mention_entity[(b.id, b.text.index("Brill Tower"), b.text.index("Brill Tower") + 11)]
    assert ent[tower].type != "person"


def test_a_bare_surname_the_corpus_mostly_tags_person_is_that_person_where_tagged_an_organisation():
    pages = [make_doc("a", "Carla Brill spoke. Brill said more.", "2016-01-01"),
             make_doc("b", "Brill won the vote.", "2016-01-02"),
             make_doc("c", "Brill lost the count.", "2016-01-03"),
             make_doc("d", "Brill spoke again.", "2016-01-04")]
    anns = [annotate(pages[0], ("Carla Brill", "PERSON"), ("Brill", "PERSON")),
            annotate(pages[1], ("Brill", "PERSON")), annotate(pages[2], ("Brill", "PERSON")),
            annotate(pages[3], ("Brill", "ORG"))]
    res = resolve_entities(pages, anns)
    ent = {e.id: e for e in res.entities}
    d = pages[3]
    eid = res.mention_entity[(d.id, d.text.index("Brill"), d.text.index("Brill") + 5)]
    assert ent[eid].type == "person" and ent[eid].name == "Carla Brill"
