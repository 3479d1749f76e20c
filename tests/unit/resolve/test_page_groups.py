"""Pages grouped by what they report: a common noun refers only within its group of pages."""

from __future__ import annotations

import numpy as np

from dossier.resolve import resolve_entities
from dossier.resolve.pagegroups import average_linkage, page_groups

from .helpers import annotate, make_doc, without_page_split

# Two events of one kind (two warehouse fires in two towns), two pages each; invented names.
_FIRE_A = (
    "A fire swept through a furniture warehouse in Larkmoor on Tuesday. The suspect, a former night "
    "watchman, was arrested near the loading dock. Firefighters from Larkmoor battled the blaze for "
    "six hours; the warehouse roof collapsed and sofas and mattresses burned. Police said the watchman "
    "had been dismissed in March."
)
_FIRE_A2 = (
    "Larkmoor police arrested a former night watchman over the furniture warehouse fire. The suspect "
    "was dismissed in March, police said. The blaze destroyed sofas and mattresses and the roof of the "
    "warehouse collapsed after six hours near the loading dock."
)
_FIRE_B = (
    "A grain silo caught fire at a harbour cooperative in Quenby overnight. The suspect, a teenager "
    "seen with fireworks, was questioned by coastguard officers. Barley stocks smouldered until dawn "
    "and the cooperative's jetty was closed to fishing boats."
)
_FIRE_B2 = (
    "Coastguard officers in Quenby questioned a teenager with fireworks after the harbour silo fire. "
    "The suspect was released. Barley stocks smouldered and the cooperative closed its jetty to "
    "fishing boats until dawn."
)


def _docs():
    return [make_doc(i, t) for i, t in (("a1", _FIRE_A), ("a2", _FIRE_A2), ("b1", _FIRE_B), ("b2", _FIRE_B2))]


def test_pages_reporting_two_events_form_two_groups():
    groups = page_groups(_docs())
    assert groups["a1"] == groups["a2"] == "a1"
    assert groups["b1"] == groups["b2"] == "b1"


def test_one_event_is_one_group_and_no_key():
    docs = _docs()[:2]
    assert page_groups(docs) == {}
    assert page_groups(docs[:1]) == {}


def test_a_page_alone_joins_the_group_it_is_closest_to():
    short = make_doc("a3", "Larkmoor warehouse fire: watchman held.")
    groups = page_groups([*_docs(), short])
    assert groups["a3"] == groups["a1"]


def test_average_linkage_stops_below_the_threshold():
    sims = np.array([[1, 0.9, 0.0, 0.1], [0.9, 1, 0.1, 0.0], [0.0, 0.1, 1, 0.8], [0.1, 0.0, 0.8, 1]])
    assert average_linkage(sims, 0.5) == [[0, 1], [2, 3]]
    assert average_linkage(sims, 0.01) == [[0, 1, 2, 3]]
    assert average_linkage(sims, 0.95) == [[0], [1], [2], [3]]


def test_the_suspect_of_two_events_is_two_referents():
    docs = _docs()
    anns = [annotate(d, ("the suspect", "PERSON"), ("The suspect", "PERSON")) for d in docs]
    with without_page_split():  # the groups' rule; two mentions a page are what the learned split doubts
        res = resolve_entities(docs, anns)
    ents = {d.id: {e for a in anns if a.doc_id == d.id for m in a.mentions if (e := res.entity_of(m))} for d in docs}
    assert ents["a1"] == ents["a2"] and ents["b1"] == ents["b2"]
    assert ents["a1"] != ents["b1"]


def test_a_name_keeps_its_referent_across_events():
    docs = _docs()
    anns = [annotate(d, ("Larkmoor", "GPE"), ("the suspect", "PERSON"), ("The suspect", "PERSON")) for d in docs]
    res = resolve_entities(docs, anns)
    places = {e.id for a in anns for m in a.mentions if m.text == "Larkmoor" and (e := res.entity_of(m))}
    assert len(places) == 1


def test_a_description_goes_to_the_person_its_event_pages_describe_so():
    # '<Name>, the suspect' on one page of the Larkmoor fire; 'the suspect' unnamed on another
    # page of it is that person, and the suspect of the Quenby fire is someone else.
    named = make_doc("a0", _FIRE_A.replace("The suspect, a former", "Orrin Vale, the suspect, a former"))
    docs = [named, *_docs()[1:]]
    specs = (("Orrin Vale", "PERSON"), ("the suspect", "PERSON"), ("The suspect", "PERSON"))
    anns = [annotate(d, *specs) for d in docs]
    res = resolve_entities(docs, anns)
    of = {a.doc_id: {res.entity_of(m).name for m in a.mentions if m.text.lower() == "the suspect"} for a in anns}
    assert of["a2"] == {"Orrin Vale"}
    assert "Orrin Vale" not in of["b1"] | of["b2"]
