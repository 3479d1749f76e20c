"""A name the definite article opens is no person's (session 21): 'told the Herald', 'The
Helicopter Line', 'allies in the West' tagged PERSON are bodies; 'the <Surname> administration',
'the <Surname>-backed group', 'the <Surname>s' keep their person."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.articles import articled_person

from .helpers import annotate, make_doc


def test_the_article_before_a_person_tagged_name_makes_it_a_body_unless_the_name_modifies_a_noun():
    t = "He told the Herald on Sunday. The Keller administration and the Keller-backed group met the Kellers."
    assert articled_person(t, t.index("Herald"), t.index("Herald") + 6, "Herald")
    k = [i for i in range(len(t)) if t.startswith("Keller", i)]
    assert not articled_person(t, k[0], k[0] + 6, "Keller")  # 'the Keller administration': his
    assert not articled_person(t, k[1], k[1] + 6, "Keller")  # a compound
    assert not articled_person(t, k[2], k[2] + 7, "Kellers")  # a family


def test_a_paper_tagged_a_person_after_the_is_typed_a_body():
    a = make_doc("a", "Pilot Jim Cobb told the Timaru Herald the climber was alive.")
    res = resolve_entities([a], [annotate(a, ("Jim Cobb", "PERSON"), ("Timaru Herald", "PERSON"))])
    paper = res.entity_of(annotate(a, ("Timaru Herald", "PERSON")).mentions[0])
    assert paper is not None and paper.type == "org"
