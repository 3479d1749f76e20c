"""Who-is-who quality rules: coordinations, name extensions, given names alone, particles,
malformed NER spans, media names, common nouns and pronouns."""

from __future__ import annotations

from dossier.resolve import resolve_entities, who
from dossier.resolve.common import head_lemma, pronoun_fits
from dossier.resolve.context import org_cue
from dossier.nlp.names import clean_name, coordination, extends_name, joined_names, malformed, translit_key

from .helpers import annotate, make_doc, without_page_split


def test_particles_and_endings_fold():
    assert translit_key("Abdel Fattah el-Sisi") == translit_key("Abdel Fattah al-Sisi")
    assert translit_key("al-Sisi") == translit_key("Sisi")
    assert translit_key("Sameh Shoukri") == translit_key("Sameh Shoukry")
    assert translit_key("Al Jazeera") != translit_key("Jazeera")  # only the hyphenated article


def test_extends_name():
    assert extends_name("Abiy Ahmed", "Abiy Ahmed Ali")
    assert extends_name("Mariam al-Mahdi", "Mariam al-Sadiq al-Mahdi")
    assert not extends_name("Ayman Hassan", "Mahmoud Hassan Ali")
    assert not extends_name("Abiy", "Abiy Ahmed")  # a bare name is matched elsewhere


def test_coordination_and_malformed_shapes():
    assert coordination("Sisi and Abiy") == ("Sisi", "Abiy")
    assert coordination("Ministry of Water and Energy") is None
    assert malformed("Japan- One") and malformed("Nile dam") and malformed("1990s")
    assert not malformed("Bank of England") and not malformed("Abdel Fattah el-Sisi")
    assert joined_names("Soviet Union-Japan", lambda p: True)
    assert not joined_names("Abdel Fattah al-Sisi", lambda p: True)
    assert joined_names("Daily Courier/Channel Nine News", lambda p: True)  # a joint poll: two bodies
    assert not joined_names("AC/DC", lambda p: True)  # two letters a side: one name
    assert clean_name("ADDIS ABABA - Ethiopian") == "ADDIS ABABA"
    assert clean_name("in the Gulf of Aden") == "Gulf of Aden"
    # Any lowercase preposition a span took in before a name, not only locative ones.
    assert clean_name("of Acme Recovery") == clean_name("to Acme Recovery") == "Acme Recovery"
    assert clean_name("for the Acme Fund") == "Acme Fund"
    assert clean_name("To Kill a Bird") == "To Kill a Bird"  # a capitalised word is part of the name


def test_coordination_is_refused_and_abiy_stays_a_person():
    a = make_doc("a", "Prime Minister Abiy Ahmed met Sisi. Sisi and Abiy agreed. Abiy Ahmed Ali left.", "2023-07-13")
    res = resolve_entities([a], [annotate(a, ("Abiy Ahmed Ali", "PERSON"), ("Abiy Ahmed", "PERSON"),
                                          ("Sisi and Abiy", "ORG"), ("Sisi", "PERSON"))])
    assert not any("and" in n for e in res.entities for n in (e.name, *e.aliases))
    (abiy,) = who(res, "Abiy")
    assert abiy.type == "person" and abiy.name in ("Abiy Ahmed", "Abiy Ahmed Ali") and abiy.mentions == 2


def test_given_name_alone_joins_its_person_across_documents():
    a = make_doc("a", "Water Minister Seleshi Bekele spoke.", "2020-02-28")
    b = make_doc("b", "Seleshi said the talks failed.", "2020-07-22")
    c = make_doc("c", "Tsion Bekele, an economist, disagreed.", "2022-02-20")
    res = resolve_entities([a, b, c], [annotate(a, ("Seleshi Bekele", "PERSON")), annotate(b, ("Seleshi", "PERSON")),
                                       annotate(c, ("Tsion Bekele", "PERSON"))])
    persons = {e.name: e for e in res.entities if e.type == "person"}
    assert set(persons) == {"Seleshi Bekele", "Tsion Bekele"}
    assert persons["Seleshi Bekele"].docs == ("a", "b")


def test_hyphen_joined_countries_are_dropped():
    a = make_doc("a", "Japan and the Soviet Union signed. Soviet Union-Japan relations froze.")
    res = resolve_entities([a], [annotate(a, ("Soviet Union-Japan", "GPE"), ("Japan", "GPE"), ("Soviet Union", "GPE"))])
    assert not any("-" in e.name for e in res.entities)


def test_media_names_are_orgs():
    s = "In an interview given to the Russian newspaper Segodnya, he spoke."
    i = s.index("Segodnya")
    assert org_cue(s, i, i + 8)
    a = make_doc("a", s + " Segodnya reported it.")
    res = resolve_entities([a], [annotate(a, ("Segodnya", "GPE"))])
    assert who(res, "Segodnya")[0].type == "org"


def test_place_does_not_shorten_a_name_it_ends():
    a = make_doc("a", "The Blue Nile joins the White Nile. The Nile flows north. The Nile is long.")
    res = resolve_entities([a], [annotate(a, ("Blue Nile", "LOC"), ("White Nile", "LOC"), ("Nile", "LOC"))])
    nile = [e for e in res.entities if e.name == "Nile"][0]
    assert nile.mentions == 2 and not nile.aliases


def test_head_lemma_and_pronoun_agreement():
    assert head_lemma("the president of the company") == "president"
    assert head_lemma("two hospitals") == "hospitals"  # number is kept: 'women' is not 'the woman'
    assert head_lemma("31-24") == "31-24"
    assert pronoun_fits("she", "person") and not pronoun_fits("it", "person") and pronoun_fits("they", "org")


def test_common_nouns_cluster_by_head_and_pronouns_attach():
    a = make_doc("a", "Lindsay Lohan entered rehab. The actress said she was fine. The facility is quiet.")
    b = make_doc("b", "The actress left the facility.")
    res = resolve_entities([a, b], [annotate(a, ("Lindsay Lohan", "PERSON"), ("The actress", "PERSON"), ("she", "PRON"),
                                             ("The facility", "FAC")),
                                    annotate(b, ("The actress", "PERSON"), ("the facility", "FAC"))])
    actress = res.mention_entity[("a", a.text.index("The actress"), a.text.index("The actress") + 11)]
    assert actress == res.mention_entity[("b", 0, 11)]
    she = a.text.index("she")
    assert res.mention_entity[("a", she, she + 3)] == actress  # the nearest earlier person-like mention
    e = res.entity(actress)
    assert e.confidence == 0.5 and e.name == "actress"


def test_common_nouns_with_different_quantities_stay_apart():
    a = make_doc("a", "He scored 23 points. Two people were hurt. The first quake hit at dawn.")
    b = make_doc("b", "She scored 14 points. Three people were hurt. The second quake hit at noon. He got 23 points.")
    specs = (("23 points", "MISC"), ("14 points", "MISC"), ("Two people", "MISC"), ("Three people", "MISC"),
             ("The first quake", "EVENT"), ("The second quake", "EVENT"))
    with without_page_split():  # the quantity key; one mention a page is what the learned split doubts
        res = resolve_entities([a, b], [annotate(a, *specs), annotate(b, *specs)])

    def ent(doc, surface, nth=0):
        start = [i for i in range(len(doc.text)) if doc.text.startswith(surface, i)][nth]
        return res.mention_entity.get((doc.id, start, start + len(surface)))

    assert ent(a, "23 points") and ent(a, "23 points") == ent(b, "23 points")  # same quantity: may corefer
    assert ent(a, "23 points") != ent(b, "14 points")
    assert ent(a, "The first quake") != ent(b, "The second quake")


def test_a_person_name_tagged_as_a_place_is_checked_against_the_gazetteer():
    a = make_doc("a", "Zelphine Smith spoke. Zelphine smiled.")
    b = make_doc("b", "Zelphine went home. Paris was quiet. Paris spoke.")
    res = resolve_entities([a, b], [
        annotate(a, ("Zelphine Smith", "PERSON"), ("Zelphine", "PERSON")),
        annotate(b, ("Zelphine", "GPE"), ("Paris", "GPE")),
    ])
    person = res.mention_entity[("a", 0, 14)]
    assert res.mention_entity[("b", 0, 8)] == person  # no place is called that: the person's name
    assert res.entity(person).type == "person"
    paris = res.mention_entity[("b", b.text.index("Paris"), b.text.index("Paris") + 5)]
    assert res.entity(paris).type in ("place", "gov")  # a real place stays one (its seat of government here)


def test_resolution_does_not_load_spacy():
    """`dossier resolve` re-runs the corpus step on stored annotations: importing the resolver must
    not pay for spaCy (its word tables live in modules that import spaCy only for type hints)."""
    import subprocess
    import sys

    code = "import sys, dossier.resolve; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
