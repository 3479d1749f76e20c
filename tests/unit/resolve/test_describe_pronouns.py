"""Noun phrase heads, descriptions linked to names on evidence, pronouns by agreement and binding,
headline words that are not names, and a titled bare surname on a page naming a namesake."""

from __future__ import annotations

from dossier.resolve import resolve_entities, who
from dossier.resolve.clean import lower_head, np_core, trim_common_words

from dossier.model import Annotations

from .helpers import annotate, make_doc, mention


def _entity_of(res, doc, surface, nth=0):
    start = [i for i in range(len(doc.text)) if doc.text.startswith(surface, i)][nth]
    return res.mention_entity.get((doc.id, start, start + len(surface)))


def test_the_head_of_a_noun_phrase_tells_a_name_from_a_description():
    assert np_core("Acme Center in Springfield , Ill") == "Acme Center"
    assert np_core("Acme Recovery, a treatment facility") == "Acme Recovery"
    assert np_core("the streets of Springfield") == "the streets"
    assert np_core("Gulf of Aden") == "Gulf of Aden" and np_core("Bank of Smithland") == "Bank of Smithland"
    assert np_core("Smith, Jr.") == "Smith, Jr."
    assert lower_head("a bank in Springfield") and not lower_head("Acme Center in Springfield")


def test_a_bank_in_a_city_is_not_the_city():
    a = make_doc("a", "Rioters burned a bank in Springfield. Springfield was calm.")
    res = resolve_entities([a], [annotate(a, ("a bank in Springfield", "FAC"), ("Springfield", "GPE"))])
    assert _entity_of(res, a, "a bank in Springfield") != _entity_of(res, a, "Springfield", 1)


def test_an_apposition_makes_a_description_and_the_definite_description_follows_it():
    a = make_doc("a", "Dana Brill, the lawyer, spoke. Later the lawyer left. A lawyer for the city disagreed.")
    res = resolve_entities([a], [annotate(a, ("Dana Brill", "PERSON"), ("lawyer", "PERSON"))])
    brill = _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, a, "lawyer", 0) == brill  # apposition
    assert _entity_of(res, a, "lawyer", 1) == brill  # 'the lawyer' on the same page
    assert _entity_of(res, a, "lawyer", 2) != brill  # 'A lawyer': someone new


def test_an_apposition_with_premodifiers_describes_the_name():
    a = make_doc("a", "Dana Brill, the former FBI official, spoke. Tom Vance, a 38 - year - old Troy resident, was hurt. "
                      "Ann Lee, said the lawyer, left. Bo Ray, the head of the company, spoke. Cy Fox, 20, an alleged gang member, "
                      "fled. Di Moss, the Hawks' leading rusher, was hurt. Al Dee, a 6 - foot, 200 - pound male, ran.")
    ann = annotate(a, ("Dana Brill", "PERSON"), ("Tom Vance", "PERSON"), ("official", "PERSON"), ("resident", "PERSON"),
                   ("Ann Lee", "PERSON"), ("lawyer", "PERSON"), ("Bo Ray", "PERSON"), ("company", "ORG"),
                   ("Cy Fox", "PERSON"), ("member", "PERSON"), ("Di Moss", "PERSON"), ("rusher", "PERSON"),
                   ("Al Dee", "PERSON"), ("male", "PERSON"))
    res = resolve_entities([a], [ann])
    assert _entity_of(res, a, "official") == _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, a, "resident") == _entity_of(res, a, "Tom Vance")
    assert _entity_of(res, a, "lawyer") != _entity_of(res, a, "Ann Lee")  # a reporting verb, no apposition
    assert _entity_of(res, a, "company") != _entity_of(res, a, "Bo Ray")  # in a post-modifier
    assert _entity_of(res, a, "member") == _entity_of(res, a, "Cy Fox")  # after an age
    assert _entity_of(res, a, "rusher") == _entity_of(res, a, "Di Moss")  # a plural possessor
    assert _entity_of(res, a, "male") == _entity_of(res, a, "Al Dee")  # coordinate modifiers


def test_a_description_identified_as_a_name_is_that_name():
    a = make_doc("a", "The driver, who police identified as 23 - year - old Dana Brill, fled. Tom Vance was hurt.")
    b = make_doc("b", "The suspect was later identified as Tom Vance. The gunman fled.")
    ann_a = annotate(a, ("Dana Brill", "PERSON"), ("Tom Vance", "PERSON"), ("driver", "PERSON"))
    ann_b = annotate(b, ("Tom Vance", "PERSON"), ("suspect", "PERSON"), ("gunman", "PERSON"))
    res = resolve_entities([a, b], [ann_a, ann_b])
    assert _entity_of(res, a, "driver") == _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, b, "suspect") == _entity_of(res, b, "Tom Vance")
    assert _entity_of(res, b, "gunman") != _entity_of(res, b, "Tom Vance")  # no evidence


def test_without_evidence_a_description_keeps_its_head_word():
    a = make_doc("a", "Dana Brill spoke. The lawyer left.")
    res = resolve_entities([a], [annotate(a, ("Dana Brill", "PERSON"), ("lawyer", "PERSON"))])
    assert _entity_of(res, a, "lawyer") != _entity_of(res, a, "Dana Brill")


def test_relative_pronouns_and_binding():
    a = make_doc("a", "Tom Ralls, who ran, met Ed Vance. Ed Vance thanked him.")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON"), ("Ed Vance", "PERSON"), ("who", "PRON"), ("him", "PRON"))])
    assert _entity_of(res, a, "who") == _entity_of(res, a, "Tom Ralls")
    # 'him' is not the subject of its own clause ('Ed Vance thanked him'): the nearest other person.
    assert _entity_of(res, a, "him") not in (None, _entity_of(res, a, "Ed Vance"))


def test_whose_is_the_person_or_thing_it_follows():
    a = make_doc("a", "Tom Ralls, whose career spanned decades, met Ed Vance at Acme Corp, whose shares fell.")
    res = resolve_entities([a], [annotate(a, ("Tom Ralls", "PERSON"), ("Ed Vance", "PERSON"), ("Acme Corp", "ORG"),
                                          ("whose", "PRON"))])
    first, second = (a.text.index("whose"), a.text.rindex("whose"))
    assert res.mention_entity.get(("a", first, first + 5)) == _entity_of(res, a, "Tom Ralls")  # a person's 'whose'
    assert res.mention_entity.get(("a", second, second + 5)) == _entity_of(res, a, "Acme Corp")


def test_a_page_that_says_he_does_not_then_say_she_of_the_same_entity():
    a = make_doc("a", "Kim Ralls spoke and he left. Then she arrived.")
    res = resolve_entities([a], [annotate(a, ("Kim Ralls", "PERSON"), ("he", "PRON"), ("she", "PRON"))])
    assert _entity_of(res, a, "he") == _entity_of(res, a, "Kim Ralls")
    assert _entity_of(res, a, "she") != _entity_of(res, a, "Kim Ralls")


def test_headline_words_the_page_writes_as_common_words_are_not_a_name():
    text = "Abbot Plan for Taxes Is Expansive but Complex\nDana Abbot has a plan. The plan is long."
    assert trim_common_words("Abbot Plan", text) == "Abbot"
    assert trim_common_words("Dana Abbot", text) == "Dana Abbot"
    # A name written in running text is left alone, whatever its words.
    assert trim_common_words("Will Ralls", "He said Will Ralls will come.") == "Will Ralls"
    a = make_doc("a", text, "2016-09-16")
    ann = annotate(a, ("Abbot Plan", "PERSON"), ("Dana Abbot", "PERSON", "Abbot Plan"))
    res = resolve_entities([a], [ann])
    (abbot,) = who(res, "Dana Abbot")
    assert abbot.name == "Dana Abbot" and "Abbot Plan" not in abbot.aliases


def test_a_titled_bare_surname_is_not_given_a_full_name_that_never_holds_the_title():
    a = make_doc("a", "President Abbot spoke. Mr. Abbot smiled. His wife, Dana Abbot, waved.", "2016-09-19")
    b = make_doc("b", "President Tom Abbot signed the bill. Tom Abbot left.", "2016-09-18")
    ann_a = annotate(a, ("Abbot", "PERSON", "Dana Abbot"), ("Dana Abbot", "PERSON"))
    ann_a = type(ann_a)(doc_id="a", mentions=tuple(
        m if i else type(m)(m.span, m.text, m.label, canonical="Dana Abbot", title="President") for i, m in enumerate(ann_a.mentions)))
    res = resolve_entities([a, b], [ann_a, annotate(b, ("Tom Abbot", "PERSON", None, "President"))])
    dana = _entity_of(res, a, "Dana Abbot")
    assert _entity_of(res, a, "Abbot", 0) != dana  # 'President Abbot': not his wife
    assert not any(r.title == "president" for e in res.entities if e.id == dana for r in e.roles)


def test_a_descriptor_written_before_a_name_in_the_text_describes_it_on_other_pages():
    # The mention carries no title: the descriptor is read from the text ('fired coach <Name>').
    a = make_doc("a", "The club fired coach Dana Brill on Monday. The coach left.")
    b = make_doc("b", "Dana Brill spoke to reporters. The coach said little.")
    # As in gold-mention input, the descriptor before the name is no mention of its own.
    ann_a = Annotations(doc_id="a", mentions=(mention(a, "Dana Brill", "PERSON"), mention(a, "coach", "PERSON", 1)))
    ann_b = annotate(b, ("Dana Brill", "PERSON"), ("coach", "PERSON"))
    res = resolve_entities([a, b], [ann_a, ann_b])
    brill = _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, a, "coach", 1) == brill  # 'The coach' on the page that says 'coach Dana Brill'
    assert _entity_of(res, b, "coach") == brill  # and on a page naming only her
    # A verb before the name is no descriptor: 'said' is no common noun of the corpus.
    from dossier.resolve.describe import descriptor_before

    assert descriptor_before("Then said Dana Brill", 10, frozenset({"coach"})) == ""
    assert descriptor_before("fired coach Dana Brill", 12, frozenset({"coach"})) == "coach"
    # After 'to' or a modal the word is a verb, though the corpus also uses it as a noun.
    assert descriptor_before("a plan to fix Acme Bank", 14, frozenset({"fix"})) == ""
    assert descriptor_before("who will coach Dana Brill", 15, frozenset({"coach"})) == ""


def test_a_copula_or_as_after_a_name_says_what_the_page_calls_it():
    from dossier.resolve.describe import descriptor_after

    nouns = frozenset({"host", "show", "coach"})
    text = "Kim Ralls is the new host of the show. Kim Ralls as host. Kim Ralls, the coach, left."
    assert descriptor_after(text, len("Kim Ralls"), nouns) == "host"  # cut before 'of the show'
    assert descriptor_after(text, text.index(" as host"), nouns) == "host"
    assert descriptor_after(text, text.index(", the coach"), nouns) == "coach"
    assert descriptor_after("Kim Ralls said the host", 9, nouns) == ""
    a = make_doc("a", "Kim Ralls was named. Kim Ralls is the new host. The host spoke.")
    res = resolve_entities([a], [annotate(a, ("Kim Ralls", "PERSON"), ("host", "PERSON"))])
    assert _entity_of(res, a, "host", 1) == _entity_of(res, a, "Kim Ralls")


def test_a_group_noun_or_a_number_does_not_describe_one_person_nor_a_place_a_person():
    from dossier.resolve.describe import can_describe

    assert not can_describe("police", "person") and not can_describe("two", "person")
    assert can_describe("company", "org") and can_describe("coach", "person")
    # 'police' after a person's name ('<Name>, the police said') describes nobody.
    a = make_doc("a", "Tom Vance, the police said, fled. The police searched.")
    res = resolve_entities([a], [annotate(a, ("Tom Vance", "PERSON"), ("police", "PERSON"))])
    assert _entity_of(res, a, "Tom Vance") not in (_entity_of(res, a, "police", 0), _entity_of(res, a, "police", 1))
    # A description of a place is not given to a person the page names.
    b = make_doc("b", "Dana Brill ran the clinic. Dana Brill, the doctor, left.")
    c = make_doc("c", "Dana Brill spoke. The doctor was away.")
    res = resolve_entities(
        [b, c], [annotate(b, ("Dana Brill", "PERSON"), ("doctor", "PERSON")), annotate(c, ("Dana Brill", "PERSON"), ("doctor", "FAC"))]
    )
    assert _entity_of(res, c, "doctor") != _entity_of(res, c, "Dana Brill")


def test_a_definite_description_of_people_goes_to_the_one_person_its_page_is_about():
    from dossier.resolve.describe import definite, dominant_person, possessed

    def at(text: str, word: str) -> tuple[str, int, str]:
        return text, text.rindex(word), word

    assert definite(*at("Then the 40 - year - old singer", "singer"))
    assert not definite(*at("a judge told the court an actress", "actress"))
    assert possessed(*at("Kim Ralls 's lawyer", "lawyer")) and possessed(*at("Her lawyer", "lawyer"))
    assert not possessed(*at("The '' Party '' actress", "actress"))
    assert dominant_person(["k", "k", "t"]) == "k" and dominant_person(["k", "k", "t", "t"]) == ""
    # Another page, about Dana Brill, calls her an actress; this page is about Kim Ralls (three names to one).
    a = make_doc("a", "Dana Brill is an actress. Dana Brill smiled. Al Dunn is a lawyer. Her lawyer spoke.")
    b = make_doc("b", "Kim Ralls left. Kim Ralls met Tom Vance. Kim Ralls smiled. The actress and the lawyer left.")
    ann_a = annotate(a, ("Dana Brill", "PERSON"), ("Al Dunn", "PERSON"), ("lawyer", "PERSON"))
    ann_b = annotate(b, ("Kim Ralls", "PERSON"), ("Tom Vance", "PERSON"), ("actress", "PERSON"), ("lawyer", "PERSON"))
    res = resolve_entities([a, b], [ann_a, ann_b])
    assert _entity_of(res, b, "actress") == _entity_of(res, b, "Kim Ralls")
    # 'lawyer' has a possessor somewhere ('her lawyer'): a relation to someone, not the page's subject.
    assert _entity_of(res, b, "lawyer") != _entity_of(res, b, "Kim Ralls")


def test_a_person_of_the_pronouns_known_gender_wins_over_a_nearer_one_of_unknown_gender():
    a = make_doc("a", "Mrs. Dana Brill met the judge on Monday. The judge spoke for an hour and she left.")
    res = resolve_entities([a], [annotate(a, ("Dana Brill", "PERSON"), ("judge", "PERSON"), ("she", "PRON"))])
    assert _entity_of(res, a, "she") == _entity_of(res, a, "Dana Brill")
    # With nothing showing a gender, the nearest agreeing mention is still the antecedent.
    b = make_doc("b", "Dana Brill met the judge on Monday. The judge spoke for an hour and she left.")
    res = resolve_entities([b], [annotate(b, ("Dana Brill", "PERSON"), ("judge", "PERSON"), ("she", "PRON"))])
    assert _entity_of(res, b, "she") == _entity_of(res, b, "judge", 1)


def test_a_gendered_pronoun_with_nothing_in_reach_is_the_person_the_page_is_about():
    filler = " The weather was mild and the roads were quiet all through the long afternoon." * 5
    a = make_doc("a", "Dana Brill won. Dana Brill spoke. Dana Brill thanked Tom Vance." + filler + " She smiled.")
    res = resolve_entities([a], [annotate(a, ("Dana Brill", "PERSON"), ("Tom Vance", "PERSON"), ("She", "PRON"))])
    assert _entity_of(res, a, "She") == _entity_of(res, a, "Dana Brill")
    # Two people named about as often: no subject, the pronoun stays unlinked.
    b = make_doc("b", "Dana Brill won. Tom Vance spoke. Dana Brill thanked Tom Vance." + filler + " She smiled.")
    res = resolve_entities([b], [annotate(b, ("Dana Brill", "PERSON"), ("Tom Vance", "PERSON"), ("She", "PRON"))])
    assert _entity_of(res, b, "She") is None
    # A subject the page has called 'he' is not 'she'.
    c = make_doc("c", "Dana Brill won. Dana Brill spoke and he left. Dana Brill thanked Tom Vance." + filler + " She smiled.")
    res = resolve_entities([c], [annotate(c, ("Dana Brill", "PERSON"), ("Tom Vance", "PERSON"), ("he", "PRON"), ("She", "PRON"))])
    assert _entity_of(res, c, "She") != _entity_of(res, c, "Dana Brill")


def test_a_pronoun_with_a_clitic_glued_on_still_refers():
    from dossier.resolve.common import bare_pronoun

    assert bare_pronoun("She's") == "she" and bare_pronoun('"He') == "he" and bare_pronoun("he'd") == "he"
    assert bare_pronoun("It's") == "" and bare_pronoun("they're") == ""  # expletive or generic, left alone
    a = make_doc("a", "Dana Brill won the race. She's happy, and it's official.")
    res = resolve_entities([a], [annotate(a, ("Dana Brill", "PERSON"), ("She's", "PRON"), ("it's", "PRON"))])
    assert _entity_of(res, a, "She's") == _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, a, "it's") is None


def test_we_is_the_speakers_side_not_the_nearest_plural_before_it():
    a = make_doc("a", "The players left the field early. We thank our fans, the club said.")
    res = resolve_entities([a], [annotate(a, ("players", "PERSON"), ("We", "PRON"), ("our", "PRON"))])
    assert _entity_of(res, a, "We") is None and _entity_of(res, a, "our") is None


def test_a_bare_it_refers_only_where_a_reporting_verb_opens_its_clause():
    a = make_doc("a", "The Acme company said Monday it would recall the cars. It was unclear why.")
    res = resolve_entities([a], [annotate(a, ("The Acme company", "ORG"), ("it", "PRON"), ("It", "PRON"))])
    assert _entity_of(res, a, "it") == _entity_of(res, a, "The Acme company")
    assert _entity_of(res, a, "It") is None  # an expletive, not the company


def test_a_capitalised_title_before_a_name_describes_it_but_an_office_is_not_the_pages_subject():
    # 'Deputy <Name>': the title is read like 'coach <Name>' (the corpus writes 'deputy' as a noun).
    a = make_doc("a", "Sheriff's Deputy Dana Brill was shot on Monday. The deputy died later.")
    ann_a = Annotations(doc_id="a", mentions=(mention(a, "Dana Brill", "PERSON"), mention(a, "deputy", "PERSON")))
    # 'Judge <Name>' is someone in a page about another person: 'the judge' elsewhere is not that person.
    b = make_doc("b", "Judge Al Dunn ruled. Kim Ralls left. Kim Ralls wept. Kim Ralls smiled.")
    c = make_doc("c", "Kim Ralls left. Kim Ralls wept. The judge spoke.")
    ann_b = annotate(b, ("Al Dunn", "PERSON"), ("Kim Ralls", "PERSON"))
    ann_c = annotate(c, ("Kim Ralls", "PERSON"), ("judge", "PERSON"))
    res = resolve_entities([a, b, c], [ann_a, ann_b, ann_c])
    assert _entity_of(res, a, "deputy") == _entity_of(res, a, "Dana Brill")
    assert _entity_of(res, c, "judge") != _entity_of(res, c, "Kim Ralls")


def test_a_possessor_after_a_name_is_no_description_of_it():
    from dossier.resolve.describe import descriptor_after

    nouns = frozenset({"state", "newspaper"})
    assert descriptor_after("The Ledger, the state's largest newspaper, said", 10, nouns) == "newspaper"
    assert descriptor_after("The Ledger is the state's", 10, nouns) == ""


def test_a_political_unit_before_a_body_says_where_it_sits_not_what_it_is():
    # 'the state Senate' is no description of the chamber: 'the state' on another page naming it
    # stays with its head word, while 'city Rivertown' would describe a place.
    a = make_doc("a", "The state Assembly voted. The state was quiet.")
    b = make_doc("b", "The Assembly met. The state sued.")
    ann_a = annotate(a, ("Assembly", "ORG"), ("state", "ORG"))
    ann_b = annotate(b, ("Assembly", "ORG"), ("state", "ORG"))
    res = resolve_entities([a, b], [ann_a, ann_b])
    assembly = _entity_of(res, a, "Assembly")
    assert _entity_of(res, a, "state", 1) != assembly
    assert _entity_of(res, b, "state") != assembly


def _with_word(doc, ann, word, label="PRON"):
    """``ann`` with the first whole-word ``word`` of ``doc`` added (annotate would take 'he' in 'The')."""
    import re

    from dossier.model import Mention, Span

    at = re.search(rf"\b{word}\b", doc.text).start()
    m = Mention(Span(doc.id, at, at + len(word)), word, label)
    return Annotations(doc_id=doc.id, mentions=tuple(sorted((*ann.mentions, m), key=lambda m: m.span.start)))


def _word_entity(res, doc, word):
    import re

    at = re.search(rf"\b{word}\b", doc.text).start()
    return res.mention_entity.get((doc.id, at, at + len(word)))


def test_a_pronoun_opening_a_reported_clause_is_the_sayer():
    # The defendant's gender is known and the judge's is not, but the judge says it of himself.
    a = make_doc("a", "The court sentenced Mr. Tom Vance. Judge Philip Hickok told the courtroom that he weighed the facts.")
    res = resolve_entities([a], [_with_word(a, annotate(a, ("Tom Vance", "PERSON"), ("Philip Hickok", "PERSON")), "he")])
    assert _word_entity(res, a, "he") == _entity_of(res, a, "Philip Hickok")
    b = make_doc("b", "Mr. Dan Brill was found dead. The coroner said he believes Dan Brill died Saturday.")
    res = resolve_entities([b], [_with_word(b, annotate(b, ("Dan Brill", "PERSON"), ("coroner", "PERSON")), "he")])
    assert _word_entity(res, b, "he") == _entity_of(res, b, "coroner")
    # A sayer whose given name is of the other gender is not 'she': the woman the page shows is.
    c = make_doc("c", "Mrs. Dana Brill left the clinic. Her lawyer Mark Heller said she was in Newport.")
    res = resolve_entities([c], [annotate(c, ("Dana Brill", "PERSON"), ("Mark Heller", "PERSON"), ("she", "PRON"))])
    assert _entity_of(res, c, "she") == _entity_of(res, c, "Dana Brill")


def test_a_first_person_pronoun_in_a_quotation_is_the_subject_of_its_reporting_verb():
    # The addressee is named nearer the quotation, but the one who says it is the sayer.
    a = make_doc("a", 'Tom King said that when he broke the news to Jim Brill, "He asked why, and I told him."')
    res = resolve_entities([a], [annotate(a, ("Tom King", "PERSON"), ("Jim Brill", "PERSON"), ("I", "PRON"))])
    assert _entity_of(res, a, "I") == _entity_of(res, a, "Tom King")
    # '," said <Name>' after the quotation wins over a name nearer before it.
    b = make_doc("b", 'The court heard from Jim Brill. "I was there," said Tom King.')
    res = resolve_entities([b], [annotate(b, ("Tom King", "PERSON"), ("Jim Brill", "PERSON"), ("I", "PRON"))])
    assert _entity_of(res, b, "I") == _entity_of(res, b, "Tom King")


def test_a_class_noun_goes_back_to_the_last_body_of_its_family_not_to_one_whose_name_says_another():
    a = make_doc("a", "Acme Chargers lineman Dana Brill was stopped by the Oldtown Highway Patrol on Sunday. "
                      "The team said it was aware of the arrest.")
    res = resolve_entities([a], [annotate(a, ("Acme Chargers", "ORG"), ("Dana Brill", "PERSON"),
                                          ("Oldtown Highway Patrol", "ORG"), ("team", "ORG"))])
    assert _entity_of(res, a, "team") == _entity_of(res, a, "Acme Chargers")
    b = make_doc("b", "Acme Chargers fans met at the Oldtown Bank branch. The bank said it was closed.")
    res = resolve_entities([b], [annotate(b, ("Acme Chargers", "ORG"), ("Oldtown Bank", "ORG"), ("bank", "ORG"))])
    assert _entity_of(res, b, "bank") == _entity_of(res, b, "Oldtown Bank")


def test_a_restrictive_that_after_a_phrase_ending_in_a_name_is_the_noun_the_phrase_modifies():
    a = make_doc("a", "Acme released a patch for Webtool Navigator that fixes the flaw.")
    ann = annotate(a, ("Acme", "ORG"), ("patch", "MISC"), ("Webtool Navigator", "MISC"))
    res = resolve_entities([a], [_with_word(a, ann, "that")])
    assert _word_entity(res, a, "that") == _entity_of(res, a, "patch")
    b = make_doc("b", "Acme released a patch for Webtool Navigator, which fixes the flaw.")
    ann = annotate(b, ("Acme", "ORG"), ("patch", "MISC"), ("Webtool Navigator", "MISC"))
    res = resolve_entities([b], [_with_word(b, ann, "which")])
    assert _word_entity(res, b, "which") == _entity_of(res, b, "Webtool Navigator")  # after a comma: left alone
