"""A faith's or party's word tagged PERSON names no one (session 21): 'a Sikh temple', 'fellow
Republican <Name>'; a given name that is such a word in a full name ('Christian <Surname>') stays."""

from __future__ import annotations

from dossier.resolve import resolve_entities

from .helpers import annotate, make_doc


def test_an_affiliation_word_tagged_a_person_is_no_entity_unless_a_full_name_has_it():
    a = make_doc("a", "She walked to a Sikh temple with fellow Republican Dana Moor. Christian Lund and Christian spoke.")
    ann = annotate(a, ("Sikh", "PERSON"), ("Republican", "PERSON"), ("Dana Moor", "PERSON"), ("Christian Lund", "PERSON"),
                   ("Christian", "PERSON"))
    res = resolve_entities([a], [ann])
    sikh, rep = a.text.index("Sikh"), a.text.index("Republican")
    assert (a.id, sikh, sikh + 4) not in res.mention_entity
    assert (a.id, rep, rep + 10) not in res.mention_entity
    last = a.text.rindex("Christian")
    assert (a.id, last, last + 9) in res.mention_entity
