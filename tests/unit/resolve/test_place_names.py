"""Place mentions read as the place they name (session 16): a capitalised preposition taken into a
mention, a place noun in apposition to a name, a town apart from a building named after it."""

from __future__ import annotations

from dossier.nlp.names import clean_name
from dossier.resolve import resolve_entities
from dossier.resolve.clean import place_apposition, without_capital_preposition

from .helpers import annotate, make_doc


def _entity(res, doc, surface: str, nth: int = 0):
    start = [i for i in range(len(doc.text)) if doc.text.startswith(surface, i)][nth]
    return res.mention_entity[(doc.id, start, start + len(surface))]


def test_a_capitalised_preposition_opening_a_place_mention_is_no_part_of_the_name():
    assert without_capital_preposition("In Queens") == "Queens"  # a headline or a sentence start capitalises it
    assert without_capital_preposition("IN RICHMOND HILL") == "RICHMOND HILL"
    assert without_capital_preposition("Of Betty Ford Treatment Center") == "Betty Ford Treatment Center"
    assert clean_name("In Cold Blood") == "In Cold Blood"  # the title of a work keeps it (only places are read so)
    a = make_doc("a", "Crash In Queens Kills Two\nTwo men died in Queens on Friday.")
    res = resolve_entities([a], [annotate(a, ("In Queens", "GPE"), ("in Queens", "GPE"))])
    assert _entity(res, a, "In Queens") == _entity(res, a, "in Queens")


def test_a_place_noun_in_apposition_names_the_place():
    assert place_apposition("in the city of Hawaiian Gardens") == "Hawaiian Gardens"
    assert place_apposition("the southern resort of Cannes") == "Cannes"
    assert place_apposition("in the fishing village of Bayou Town , Alabama") == "Bayou Town"
    assert place_apposition("Qeshm island") == "Qeshm"
    assert place_apposition("Iran's Qeshm island") == "Qeshm"
    assert place_apposition("Akhal province") == "Akhal"


def test_what_is_no_apposition_is_left_alone():
    assert place_apposition("in a district of Palermo") == ""  # an indefinite: a part of the city
    assert place_apposition("the capital of France") == ""  # a relational noun: another place
    assert place_apposition("the villages on the island of Qeshm") == ""  # the noun is in a post-modifier
    assert place_apposition("the Greek island") == ""  # a nationality, no name
    assert place_apposition("This city") == ""
    assert place_apposition("Kuwait city") == ""  # a capital named after its country
    assert place_apposition("Isle of Man") == ""  # the noun written with a capital is part of the name
    assert place_apposition("the streets of Athens") == ""


def test_provinces_named_with_a_lowercase_noun_are_each_their_province():
    a = make_doc("a", "Rain fell in Akhal province and in Lebap province on Monday.")
    b = make_doc("b", "Floods hit the city of Dashoguz. Dashoguz had no power.")
    res = resolve_entities([a, b], [annotate(a, ("Akhal province", "GPE"), ("Lebap province", "GPE")),
                                    annotate(b, ("the city of Dashoguz", "GPE"), ("Dashoguz", "GPE"))])
    assert _entity(res, a, "Akhal province") != _entity(res, a, "Lebap province")
    assert _entity(res, b, "the city of Dashoguz") == _entity(res, b, "Dashoguz", 1)
    assert res.entity(_entity(res, b, "Dashoguz", 1)).name == "Dashoguz"


def test_a_town_is_not_the_building_named_after_it():
    a = make_doc("a", "The Millbrook Rural Health Clinic opened in Millbrook on Monday.")
    b = make_doc("b", "Residents of Millbrook welcomed it.")
    res = resolve_entities([a, b], [annotate(a, ("Millbrook Rural Health Clinic", "FAC"), ("Millbrook", "GPE")),
                                    annotate(b, ("Millbrook", "GPE"))])
    assert _entity(res, b, "Millbrook") != _entity(res, a, "Millbrook Rural Health Clinic")
    assert _entity(res, b, "Millbrook") == _entity(res, a, "Millbrook", 1)


def test_a_bare_surname_goes_to_the_full_name_without_the_descriptor_written_before_it():
    a = make_doc("a", "The team lost defensive tackle Jamal Okoro on Sunday. Okoro was hurt.")
    b = make_doc("b", "Jamal Okoro will miss the game.")
    res = resolve_entities([a, b], [annotate(a, ("defensive tackle Jamal Okoro", "PERSON"), ("Okoro", "PERSON")),
                                    annotate(b, ("Jamal Okoro", "PERSON"))])
    bare = _entity(res, a, "Okoro", 1)
    assert bare == _entity(res, b, "Jamal Okoro")
    assert res.entity(bare).name == "Jamal Okoro"


def test_a_description_holding_its_possessor_is_not_the_last_organisation_named():
    a = make_doc("a", "The Chargers released the player on Monday. The City Attorney's office said it would not file charges.")
    res = resolve_entities([a], [annotate(a, ("Chargers", "ORG"), ("City Attorney's office", "ORG"))])
    assert _entity(res, a, "City Attorney's office") != _entity(res, a, "Chargers")


def test_a_lowercase_word_before_a_name_with_of_inside_is_peeled():
    from dossier.resolve.clean import peel_descriptor
    assert peel_descriptor("notorious Gulf of Aden") == ("notorious", "Gulf of Aden")
    assert peel_descriptor("mayor of New York") == ("", "mayor of New York")  # the name is a complement
    assert peel_descriptor("between Alexandria and the Suez") == ("", "between Alexandria and the Suez")


def test_a_preposition_opening_the_mention_does_not_stop_peeling():
    from dossier.resolve.clean import peel_descriptor
    assert peel_descriptor("in downtown Palmer") == ("downtown", "Palmer")  # as 'downtown Palmer' is
    assert peel_descriptor("with Sen. Smith", True) == ("Sen.", "Smith")  # the preposition is no part of the title
    assert peel_descriptor("in a bank in Athens") == ("", "in a bank in Athens")  # a post-modifier: no name
    assert peel_descriptor("in Athens") == ("", "in Athens")  # nothing to peel (clean_name trims it)


def test_the_team_is_the_last_organisation_named_before_it():
    a = make_doc("a", "The Lakeside Rovers signed a new striker on Monday. The team said he would play on Friday.")
    res = resolve_entities([a], [annotate(a, ("Lakeside Rovers", "ORG"), ("team", "ORG"))])
    assert _entity(res, a, "team") == _entity(res, a, "Lakeside Rovers")


def test_a_tokenised_possessor_inside_a_description_is_read():
    from dossier.resolve.describe import possessed
    text = "The City Attorney ’ s office said so."
    assert possessed(text, 4, "City Attorney ’ s office")


def test_a_name_the_text_calls_a_city_is_no_person_whatever_the_tagger_said():
    a = make_doc("a", "The injured were flown to the port city of Bandar Kola. Doctors in Bandar Kola worked all night.")
    b = make_doc("b", "The quake shook the city of Bandar Kola, officials said. Bandar Kola has 500,000 people.")
    c = make_doc("c", "Director Tomas Bay said the film will open in May. Bay said he was pleased.")
    res = resolve_entities([a, b, c], [annotate(a, ("Bandar Kola", "PERSON")), annotate(b, ("Bandar Kola", "PERSON")),
                                       annotate(c, ("Tomas Bay", "PERSON"), ("Bay", "PERSON"))])
    assert res.entity(_entity(res, a, "Bandar Kola")).type == "place"
    assert res.entity(_entity(res, c, "Tomas Bay")).type == "person"  # a surname that is a place noun


def test_a_bare_surname_misspelt_goes_to_the_one_surname_it_is_a_typo_of():
    a = make_doc("a", "Wladimir Klitschko defended his title. Klitschko won on points.")
    b = make_doc("b", "The champion Klistchko said he was tired.")
    c = make_doc("c", "Ivanova won the race. Ivanov was second.")
    res = resolve_entities([a, b, c], [annotate(a, ("Wladimir Klitschko", "PERSON"), ("Klitschko", "PERSON")),
                                       annotate(b, ("Klistchko", "PERSON")),
                                       annotate(c, ("Ivanova", "PERSON"), ("Ivanov", "PERSON"))])
    assert _entity(res, b, "Klistchko") == _entity(res, a, "Wladimir Klitschko")
    assert _entity(res, c, "Ivanova") != _entity(res, c, "Ivanov", 1)  # another ending: another surname


def test_a_locative_post_modifier_after_a_common_noun_or_between_is_no_part_of_the_head():
    from dossier.resolve.clean import np_core
    assert np_core("a small hut on Mount Sefton") == "a small hut"
    assert np_core("the store on Rue de Castiglione") == "the store"
    assert np_core("Mediterranean between Sicily and Tunisia") == "Mediterranean"
    assert np_core("Council on Foreign Relations") == "Council on Foreign Relations"  # inside a name


def test_a_courtesy_title_inside_the_mention_says_the_gender():
    a = make_doc("a", "John Smithers was charged. His sister Katie Smithers died. Mr Smithers denied it.")
    res = resolve_entities([a], [annotate(a, ("John Smithers", "PERSON"), ("Katie Smithers", "PERSON"),
                                          ("Mr Smithers", "PERSON"))])
    assert _entity(res, a, "Mr Smithers") == _entity(res, a, "John Smithers")


def test_a_street_tagged_a_body_is_a_place_and_its_abbreviated_noun_the_same_street():
    from dossier.resolve import resolve_entities
    from dossier.resolve.namegroups import variant_key

    from .helpers import annotate, make_doc

    assert variant_key("church ave") == variant_key("church avenue") != variant_key("church")
    a = make_doc("a", "Shots were fired on Elm Ave. near the school.", "2016-03-01")
    b = make_doc("b", "Police closed Elm Avenue on Monday.", "2016-03-02")
    res = resolve_entities([a, b], [annotate(a, ("Elm Ave.", "ORG")), annotate(b, ("Elm Avenue", "FAC"))])
    (street,) = [e for e in res.entities if "Elm" in e.name]
    assert street.type == "place"


def test_a_town_followed_by_its_state_or_country_is_a_place():
    from dossier.resolve.context import place_cue

    for text, name, expected in (("a church in Dunmore, Alaska, about 9 p.m.", "Dunmore", True),
                                 ("in Dunmore, Nebraska.", "Dunmore", True),
                                 ("her hometown of Dunmore.", "Dunmore", True),
                                 ("said Ted Dunmore, Texas senator.", "Dunmore", False),
                                 ("said Dunmore, Texas's senator.", "Dunmore", False),
                                 ("Dunmore, Roe and Poe spoke.", "Dunmore", False)):
        s = text.index(name)
        assert place_cue(text, s, s + len(name)) is expected, text


def test_a_given_name_tagged_a_place_is_the_person_its_page_names_in_full():
    from dossier.resolve import resolve_entities

    from .helpers import annotate, make_doc

    a = make_doc("a", "His sons, Lachlan, 44, and Teo, 43, run the firm. Lachlan Murdane spoke.", "2016-03-01")
    b = make_doc("b", "Sam Lachman wrote it. Lachman said so.", "2016-03-01")
    res = resolve_entities([a, b], [annotate(a, ("Lachlan Murdane", "PERSON"), ("Lachlan", "GPE"), ("Teo", "PERSON")),
                                    annotate(b, ("Sam Lachman", "PERSON"), ("Lachman", "PERSON"))])
    names = {e.id: (e.name, e.type) for e in res.entities}
    start = a.text.index("Lachlan")
    assert names[res.mention_entity[("a", start, start + 7)]] == ("Lachlan Murdane", "person")
    assert [n for n, _ in names.values()].count("Lachlan Murdane") == 1  # one person, not a second by the tag


def test_a_given_name_before_a_facility_noun_followed_by_a_persons_cue_is_a_person():
    """'<Given> Hall, who ...': a surname may be a facility noun; a relative 'who', a post in
    apposition or a verb of saying after it say a person, and the page's bare surname is that person."""
    a = make_doc("a", "Marla Hall, who directs the agency, objected. Hall said the rule was rushed.")
    b = make_doc("b", "H. Marla Hall, director of the agency, had concerns. The Brixton Hall was full.")
    res = resolve_entities([a, b], [annotate(a, ("Marla Hall", "PERSON"), ("Hall", "PERSON")),
                                    annotate(b, ("H. Marla Hall", "PERSON"), ("Brixton Hall", "PERSON"))])
    person = res.entity(_entity(res, a, "Marla Hall"))
    assert person.type == "person"
    assert _entity(res, a, "Hall", 1) == _entity(res, b, "H. Marla Hall") == person.id
    assert res.entity(_entity(res, b, "Brixton Hall")).type != "person"  # no given name, no cue


def test_a_word_tagged_a_place_that_no_gazetteer_lists_is_the_body_a_listed_place_and_it_name():
    """'<City> <Team>' tagged ORG and '<Team>' tagged GPE on other pages: the team's nickname, not a
    place; a listed place ending a name stays apart ('<Name> Denver' is not 'Denver')."""
    a = make_doc("a", "The Denver Falcons signed him on Monday. The Denver Falcons won.")
    b = make_doc("b", "He was added off the Falcons' practice squad.")
    c = make_doc("c", "The Falcons lost again. Crowds gathered in Denver.")
    res = resolve_entities([a, b, c], [annotate(a, ("Denver Falcons", "ORG"), ("Denver Falcons", "FAC")),
                                       annotate(b, ("Falcons", "GPE")),
                                       annotate(c, ("Falcons", "GPE"), ("Denver", "GPE"))])
    team = _entity(res, a, "Denver Falcons")
    assert _entity(res, b, "Falcons") == _entity(res, c, "Falcons") == team
    assert res.entity(team).type == "org"
    assert _entity(res, c, "Denver") != team


def test_a_town_named_like_the_pages_person_is_that_person_when_the_page_says_so():
    """A surname or given name that is also a town's ('<Given> LaSalle', 'Tyler <Surname>'), tagged
    a place when written alone, is the page's person named in full by it; a town's name after a
    preposition of place, or the first word of '<City> Mayor' tagged PERSON, stays the town."""
    a = make_doc("a", "Driver Anthony LaSalle was charged. Police said LaSalle drank before he drove.")
    res = resolve_entities([a], [annotate(a, ("Anthony LaSalle", "PERSON"), ("LaSalle", "GPE"))])
    assert _entity(res, a, "LaSalle", 1) == _entity(res, a, "Anthony LaSalle")
    b = make_doc("b", "Tyler Hansbrough scored 20. Hansbrough cried. It was a perfect night for Tyler, a coach said.")
    res = resolve_entities([b], [annotate(b, ("Tyler Hansbrough", "PERSON"), ("Hansbrough", "PERSON"), ("Tyler", "GPE"))])
    assert _entity(res, b, "Tyler", 1) == _entity(res, b, "Tyler Hansbrough")
    c = make_doc("c", "Singer Whitney Houston died. She had lived in Houston for years.")
    res = resolve_entities([c], [annotate(c, ("Whitney Houston", "PERSON"), ("Houston", "GPE"))])
    assert _entity(res, c, "Houston", 1) != _entity(res, c, "Whitney Houston")
    d = make_doc("d", "Charlotte Mayor spoke on Friday. Charlotte remains under a state of emergency.")
    res = resolve_entities([d], [annotate(d, ("Charlotte Mayor", "PERSON"), ("Charlotte", "GPE"))])
    assert _entity(res, d, "Charlotte", 1) != _entity(res, d, "Charlotte Mayor")
