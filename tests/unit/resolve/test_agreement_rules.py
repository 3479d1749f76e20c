"""Rules of agreement and reference: a possessive noun phrase tagged as a person is no one's name,
definite descriptions of organisations, locative pro-forms, number agreement of pronouns."""

from __future__ import annotations

from dossier.resolve import resolve_entities

from .helpers import annotate, make_doc


def _entity_of(res, doc, surface, nth=0):
    start = [i for i in range(len(doc.text)) if doc.text.startswith(surface, i)][nth]
    return res.mention_entity.get((doc.id, start, start + len(surface)))


def test_a_possessive_noun_phrase_tagged_person_lends_no_given_name():
    # "Hornets' defense" tagged PERSON is a noun phrase headed by 'defense': the team named alone
    # on the same page is still the team, not a person whose given name is 'Hornets'.
    a = make_doc("a", "The Hornets' defense held. The Hornets won again.")
    b = make_doc("b", "The Hornets lost.")
    res = resolve_entities([a, b], [annotate(a, ("Hornets' defense", "PERSON"), ("Hornets", "ORG")),
                                     annotate(b, ("Hornets", "ORG"))])
    assert _entity_of(res, a, "Hornets", 1) == _entity_of(res, b, "Hornets")


def test_the_company_is_the_last_organisation_named_before_it():
    a = make_doc("a", "Zentrix Corp hired Orvale Ltd. The company said sales rose. The company grew.")
    res = resolve_entities([a], [annotate(a, ("Zentrix Corp", "ORG"), ("Orvale Ltd", "ORG"), ("company", "ORG"))])
    assert _entity_of(res, a, "company", 0) == _entity_of(res, a, "Orvale Ltd")
    assert _entity_of(res, a, "company", 1) == _entity_of(res, a, "Orvale Ltd")


def test_a_definite_noun_that_names_no_class_of_organisation_points_back_at_none():
    """'the state' tagged an organisation is no class noun, and 'the party' is a party: neither is
    the last organisation named when that is no party."""
    for noun in ("state", "party"):
        a = make_doc("a", f"Zentrix Corp hired Orvale Ltd. The {noun} said sales rose.")
        res = resolve_entities([a], [annotate(a, ("Zentrix Corp", "ORG"), ("Orvale Ltd", "ORG"), (noun, "ORG"))])
        assert _entity_of(res, a, noun, 0) != _entity_of(res, a, "Orvale Ltd"), noun


def test_a_company_with_no_organisation_before_it_or_a_possessor_keeps_its_head():
    a = make_doc("a", "The company said sales rose. Zentrix Corp agreed. Lee Ames said his company grew.")
    res = resolve_entities([a], [annotate(a, ("Zentrix Corp", "ORG"), ("Lee Ames", "PERSON"), ("company", "ORG"))])
    zentrix = _entity_of(res, a, "Zentrix Corp")
    assert _entity_of(res, a, "company", 0) != zentrix  # nothing named before it
    assert _entity_of(res, a, "company", 1) != zentrix  # 'his company': someone's, not the last one named


def test_where_and_there_stand_for_the_place_before_them():
    a = make_doc("a", "He flew to Brellick , where he met aides. He stayed there a week. Later there was a storm.")
    res = resolve_entities([a], [annotate(a, ("Brellick", "GPE"), ("where", "LOC"), ("there", "LOC"))])
    town = _entity_of(res, a, "Brellick")
    assert _entity_of(res, a, "where") == town
    assert _entity_of(res, a, "there", 0) == town
    assert _entity_of(res, a, "there", 1) != town  # existential 'there was': no place


def test_he_does_not_join_a_plural_noun_through_its_relative_pronoun():
    a = make_doc("a", "Tom Bly met guards , who said he left.")
    res = resolve_entities([a], [annotate(a, ("Tom Bly", "PERSON"), ("guards", "PERSON"), ("who", "PRON"), ("he", "PRON"))])
    assert _entity_of(res, a, "who") == _entity_of(res, a, "guards")
    assert _entity_of(res, a, "he") == _entity_of(res, a, "Tom Bly")


def test_a_bare_it_after_a_finite_reporting_verb_only():
    from dossier.resolve.pronouns import after_reporting_verb

    for text in ("Zentrix said it", "Zentrix warned Monday that it", "Zentrix acknowledged it", "Zentrix told it"):
        assert after_reporting_verb(text, len(text) - 2)
    for text in ("without reporting it", "did not report it", "it"):
        assert not after_reporting_verb(text, len(text) - 2)


def test_one_list_of_reporting_verbs_for_claims_and_pronouns():
    from dossier.extract.claims_cues import REPORT_FORMS, VERB_CUES
    from dossier.lang.en import REPORTING_VERBS

    assert {"said", "told", "warned", "added", "acknowledged"} <= set(REPORT_FORMS)
    # A reporting verb that is a stance cue itself ('insists that X must') is read once, as its stance.
    assert set(REPORT_FORMS.values()) == set(REPORTING_VERBS) - set(VERB_CUES)
    assert "insists" not in REPORT_FORMS and "insist" in VERB_CUES


def test_who_after_an_apposition_is_the_name_it_describes():
    a = make_doc("a", "Fred Ralls , a senior campaign aide who resigned , spoke.")
    res = resolve_entities([a], [annotate(a, ("Fred Ralls", "PERSON"), ("who", "PRON"))])
    assert _entity_of(res, a, "who") == _entity_of(res, a, "Fred Ralls")


def test_who_may_stand_for_a_body_of_people():
    a = make_doc("a", "Fans cheered the Hornets , who lost .")
    res = resolve_entities([a], [annotate(a, ("Hornets", "ORG"), ("who", "PRON"))])
    assert _entity_of(res, a, "who") == _entity_of(res, a, "Hornets")


def test_the_gender_other_pages_give_a_person_holds_on_a_page_that_shows_none():
    a = make_doc("a", "Dana Kell arrived . She spoke and she left .")
    b = make_doc("b", "Dana Kell met Tom Ames . She smiled .")
    specs = (("Dana Kell", "PERSON"), ("Tom Ames", "PERSON"), ("She", "PRON"), ("she", "PRON"))
    res = resolve_entities([a, b], [annotate(a, *specs), annotate(b, *specs)])
    assert _entity_of(res, b, "She") == _entity_of(res, b, "Dana Kell")


def test_one_pronoun_elsewhere_is_not_enough_to_tell_a_gender():
    a = make_doc("a", "Dana Kell arrived . She spoke .")
    b = make_doc("b", "Dana Kell met Tom Ames . She smiled .")
    specs = (("Dana Kell", "PERSON"), ("Tom Ames", "PERSON"), ("She", "PRON"))
    res = resolve_entities([a, b], [annotate(a, *specs), annotate(b, *specs)])
    assert _entity_of(res, b, "She") == _entity_of(res, b, "Tom Ames")  # the nearest agreeing name


def test_he_does_not_join_a_group_noun_through_its_relative_pronoun():
    a = make_doc("a", "Tom Bly met police , who said he left.")
    res = resolve_entities([a], [annotate(a, ("Tom Bly", "PERSON"), ("police", "PERSON"), ("who", "PRON"), ("he", "PRON"))])
    assert _entity_of(res, a, "who") == _entity_of(res, a, "police")
    assert _entity_of(res, a, "he") == _entity_of(res, a, "Tom Bly")


def test_names_that_differ_in_a_number_are_not_spelling_variants():
    a = make_doc("a", "Zentrix Navigator 8 crashed, but Zentrix Navigator 9 did not. Zentrix Navigater 9 is new.")
    res = resolve_entities([a], [annotate(a, ("Zentrix Navigator 8", "MISC"), ("Zentrix Navigator 9", "MISC"),
                                          ("Zentrix Navigater 9", "MISC"))])
    assert _entity_of(res, a, "Zentrix Navigator 8") != _entity_of(res, a, "Zentrix Navigator 9")
    assert _entity_of(res, a, "Zentrix Navigater 9") == _entity_of(res, a, "Zentrix Navigator 9")  # a typo still joins


def test_a_quotation_of_several_sentences_has_its_speaker():
    from dossier.resolve.pronouns import quotation_around

    text = 'The champion won.\n"It was hard.\nI\'m satisfied," Ivo Marek said.'
    at = text.index("I'm")
    assert quotation_around(text, at) == (text.index("I'm"), text.index(',"') + 2)
    a = make_doc("a", text)
    res = resolve_entities([a], [annotate(a, ("Ivo Marek", "PERSON"), ("I'm", "PRON"))])
    assert _entity_of(res, a, "I'm") == _entity_of(res, a, "Ivo Marek")
    assert quotation_around("He left. I stayed.", 9) is None  # no quote marks: no quotation
    assert quotation_around("I said “yes” to him.", 0) is None  # a quotation after it, not around it


def test_the_party_points_back_at_the_last_party_named():
    a = make_doc("a", "The Green Party met. Channel Nine reported it. The party said little.")
    res = resolve_entities([a], [annotate(a, ("Green Party", "ORG"), ("Channel Nine", "ORG"), ("party", "ORG"))])
    assert _entity_of(res, a, "party", 0) == _entity_of(res, a, "Green Party")
