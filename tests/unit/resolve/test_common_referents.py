"""Common noun phrases that refer to no entity of their own, or to another one than their head's."""

from __future__ import annotations

from dossier.nlp.names import clean_name
from dossier.resolve import resolve_entities
from dossier.resolve.common import predicate_nominal, quantified, quantity_key

from .helpers import annotate, make_doc, without_page_split


def _at(text: str, surface: str, nth: int = 0) -> int:
    return [i for i in range(len(text)) if text.startswith(surface, i)][nth]


def test_predicate_nominal_is_read_after_a_copula():
    text = "Smith was a senior lawyer. Jones became president. The lawyer said so. Ellen is the ideal host."
    assert predicate_nominal(text, _at(text, "senior lawyer"), "senior lawyer")  # 'a' and an adjective between
    assert predicate_nominal(text, _at(text, "lawyer"), "lawyer")
    assert predicate_nominal(text, _at(text, "president"), "president")  # a bare role
    assert not predicate_nominal(text, _at(text, "The lawyer"), "The lawyer")  # a subject
    assert not predicate_nominal(text, _at(text, "host"), "host")  # a definite predicate may be an identity


def test_predicate_nominal_leaves_locatives_passives_and_existentials():
    text = "He was in prison. He was shot in the head. There were protesters. He was not one person."
    assert not predicate_nominal(text, _at(text, "in prison"), "in prison")
    assert not predicate_nominal(text, _at(text, "prison"), "prison")
    assert not predicate_nominal(text, _at(text, "head"), "head")
    assert not predicate_nominal(text, _at(text, "protesters"), "protesters")
    assert not predicate_nominal(text, _at(text, "person"), "person")
    seen = "Children had been seen throwing bottles. Posted 2:30 AM A Brooklyn woman spoke."
    assert not predicate_nominal(seen, _at(seen, "bottles"), "bottles")  # a participle, no article
    assert not predicate_nominal(seen, _at(seen, "Brooklyn woman"), "Brooklyn woman")  # 'AM' is a time
    home = "The pair were home by then."
    assert predicate_nominal(home, _at(home, "home"), "home") and not predicate_nominal(home, _at(home, "home"), "home", "LOC")


def test_a_predicate_nominal_joins_no_other_mention_of_its_head():
    a = make_doc("a", "By noon the storm was a hurricane. The hurricane hit the coast. Another hurricane formed.")
    res = resolve_entities([a], [annotate(a, ("hurricane", "MISC"))])
    pred, later = (res.mention_entity[("a", _at(a.text, "hurricane", n), _at(a.text, "hurricane", n) + 9)] for n in (0, 1))
    assert pred != later  # 'was a hurricane' says what the storm became, and is no mention of 'the hurricane'
    assert res.mention_entity[("a", _at(a.text, "hurricane", 2), _at(a.text, "hurricane", 2) + 9)] == later  # as before


def test_a_pronoun_does_not_take_a_predicate_nominal_as_antecedent():
    a = make_doc("a", "Bob Smith was a teacher. He retired.")
    res = resolve_entities([a], [annotate(a, ("Bob Smith", "PERSON"), ("teacher", "PERSON"), ("He", "PRON"))])
    he = _at(a.text, "He")
    assert res.mention_entity[("a", he, he + 2)] == res.mention_entity[("a", 0, 9)]


def test_quantified_phrases_name_no_one():
    text = "Any attacker could do it. No gun was used. The attacker fled. Anybody else would. All customers lost service."
    assert quantified(text, _at(text, "attacker"), "attacker")  # the quantifier before a span that leaves it out
    assert quantified(text, _at(text, "No gun"), "No gun")
    assert quantified(text, _at(text, "Anybody else"), "Anybody else")
    assert not quantified(text, _at(text, "The attacker"), "The attacker")
    assert not quantified(text, _at(text, "customers"), "customers")  # 'all customers' is the set the story names


def test_a_quantified_phrase_joins_no_other_mention_of_its_head():
    a = make_doc("a", "Any user can be hit. The user who opened the file lost data. The user called.")
    res = resolve_entities([a], [annotate(a, ("user", "PERSON"))])
    first, second, third = (res.mention_entity[("a", _at(a.text, "user", n), _at(a.text, "user", n) + 4)] for n in range(3))
    assert second == third and first != second


def test_vague_quantifiers_pick_no_set_of_their_own():
    text = "The quake damaged several villages. Many users lost data. Police questioned a few officers. The many fans cheered."
    assert quantified(text, _at(text, "several villages"), "several villages")  # the quantifier in the span
    assert quantified(text, _at(text, "users"), "users")  # before a span that leaves it out
    assert quantified(text, _at(text, "officers"), "officers")  # 'a few'
    assert not quantified(text, _at(text, "fans"), "fans")  # 'the many fans' is a definite set


def test_a_vaguely_quantified_phrase_joins_no_other_mention_of_its_head():
    a = make_doc("a", "The quake destroyed several villages. Aid reached the villages on Monday.")
    b = make_doc("b", "A second quake damaged several villages near the coast.")
    res = resolve_entities([a, b], [annotate(a, ("villages", "MISC")), annotate(b, ("villages", "MISC"))])
    first, second = (res.mention_entity[("a", _at(a.text, "villages", n), _at(a.text, "villages", n) + 8)] for n in (0, 1))
    other = res.mention_entity[("b", _at(b.text, "villages"), _at(b.text, "villages") + 8)]
    assert other != second and first != second


def test_an_age_is_no_quantity_of_the_referent():
    a = make_doc("a", "A 61-year-old man was hit by a car. The man died in hospital.")
    res = resolve_entities([a], [annotate(a, ("61-year-old man", "PERSON"), ("man", "PERSON"))])
    aged, later = _at(a.text, "61-year-old man"), _at(a.text, "man", 1)
    assert res.mention_entity[("a", aged, aged + 15)] == res.mention_entity[("a", later, later + 3)]
    assert quantity_key("three 2-year-old boys") == "#three" and quantity_key("23 points") == "#23"


def test_a_hyphen_spaced_by_the_tokeniser_stays_inside_its_word():
    assert clean_name("co - workers") == "co-workers" and clean_name("hit - and - run driver") == "hit-and-run driver"
    assert clean_name("61 - year - old man") == "61-year-old man"
    assert clean_name("NAIROBI - Kenyan") == "NAIROBI"  # a dateline run into the next words is still cut
    assert clean_name("Colts 31 - 24") == "Colts 31"  # a score is no compound
    # a spaced hyphen after a capitalised word is a dash written in ASCII, not a compound
    assert clean_name("Minnesota Vikings - while") == "Minnesota Vikings" and clean_name("Robert Barr - won") == "Robert Barr"
    a = make_doc("a", "The clerk shot three co - workers , killing two of them , police said .")
    res = resolve_entities([a], [annotate(a, ("clerk", "PERSON"), ("co - workers", "PERSON"), ("them", "PRON"))])
    them, workers = _at(a.text, "them"), _at(a.text, "co - workers")
    assert res.mention_entity.get(("a", them, them + 4)) == res.mention_entity[("a", workers, workers + 12)]


def test_a_money_amount_is_one_sum_however_it_is_written():
    from dossier.resolve.common import amount_key

    assert amount_key("2m euros") == amount_key("€2 million") == amount_key("two million euros") != ""
    assert amount_key("$184M") == amount_key("$184 million") == amount_key("$184 . 0 million") != amount_key("$180 million")
    assert amount_key("nearly $2m") == amount_key("$2 million") != amount_key("€2 million")  # the currency counts
    assert amount_key("102 million") == amount_key("$300,000 in cash") == amount_key("the money") == ""
    a = make_doc("a", "Thieves stole jewels worth 2m euros from the store.")
    b = make_doc("b", "The gems were worth two million euros. Police found €2 million in cash.")
    with without_page_split():  # the amount's key; one mention a page is what the learned split doubts
        res = resolve_entities([a, b], [annotate(a, ("2m euros", "MISC")), annotate(b, ("two million euros", "MISC"))])
    assert res.mention_entity[("a", a.text.index("2m"), a.text.index("2m") + 8)] == \
        res.mention_entity[("b", b.text.index("two"), b.text.index("two") + 17)]
