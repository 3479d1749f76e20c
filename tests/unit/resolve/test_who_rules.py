"""Who is who, session 8: nicknames (once clipped given names) and middle given names, a bare surname for the only suffixed
namesake, trade and body names never persons, title words after a title of address."""

from __future__ import annotations

from dossier.nlp.names import nickname_of, same_person_name
from dossier.resolve import resolve_entities
from dossier.resolve.context import company_short_form, org_shaped, title_words

from .helpers import annotate, make_doc


def test_a_nickname_is_the_given_name_but_not_another_name_of_its_stem():
    assert nickname_of("fred", "frederick") and nickname_of("christopher", "chris")
    assert nickname_of("bill", "william") and nickname_of("robert", "bob")
    assert not nickname_of("don", "donna") and not nickname_of("paul", "pauline")
    assert not nickname_of("bill", "will")  # two nicknames of one name: maybe two people
    assert same_person_name("Fred Larkin", "Frederick C. Larkin")
    assert same_person_name("Bill Larkin", "William Larkin")
    assert not same_person_name("Don Larkin", "Donna Larkin")


def test_a_given_name_clipped_to_its_start_is_that_name_when_no_list_has_the_clipping():
    assert same_person_name("Stan Larkin", "Stanley Larkin")  # no nickname list pairs them
    assert not same_person_name("Stan Larkin", "Stanhope Larkin")  # 'Stanhope' is no given name
    assert not same_person_name("Don Larkin", "Donna Larkin")  # 'Don' is a given name of its own
    assert not same_person_name("Al Larkin", "Alma Larkin")  # two letters: too short to tell


def test_a_quoted_nickname_inside_a_full_name_is_no_part_of_its_words():
    assert same_person_name('Vito "The Hammer" Carbone', "Vito Carbone")
    assert same_person_name("Vito (Hammer) Carbone", "Vito Carbone")
    assert same_person_name('Vito "The Hammer" Carbone', 'Vito "Hammer" Carbone')
    assert not same_person_name('Vito "The Hammer" Carbone', "Luigi Carbone")
    assert same_person_name("Conan O'Brien", "Conan O'Brien") and not same_person_name("Conan O'Brien", "Conan Brien")


def test_a_first_initial_before_the_given_name_a_person_goes_by():
    assert same_person_name("W. Mark Feld", "Mark Feld")
    assert not same_person_name("W. Mark Feld", "John Feld")
    assert not same_person_name("W. Mark Feld", "Mark Feld Sr.")  # the generation still tells them apart


def test_a_bare_surname_goes_to_the_only_suffixed_namesake():
    a = make_doc("a", "Walter Hensley Jr. escaped on Monday. Hensley was caught later.", "2016-10-01")
    b = make_doc("b", "Hensley was returned to the prison.", "2016-10-02")
    res = resolve_entities(
        [a, b],
        [annotate(a, ("Walter Hensley Jr.", "PERSON"), ("Hensley", "PERSON")), annotate(b, ("Hensley", "PERSON"))],
    )
    people = [e for e in res.entities if e.type == "person"]
    assert [e.name for e in people] == ["Walter Hensley Jr"] and people[0].mentions == 3, people


def test_trade_and_body_names_are_organisations():
    assert org_shaped("Granite Coal") and org_shaped("Caucus") and org_shaped("Norvik Airlines")
    assert not org_shaped("Walter Hensley")
    assert company_short_form("Granite", {"Granite Coal", "Walter Hensley"}) == "Granite Coal"
    assert company_short_form("Hensley", {"Hensley Foundation"}) is None  # a body may bear a person's name
    doc = make_doc("a", "Granite Coal filed for bankruptcy. Granite owed miners. The Caucus met.", "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Granite Coal", "PERSON"), ("Granite", "PERSON"), ("Caucus", "PERSON"))])
    assert {(e.name, e.type, e.mentions) for e in res.entities} == {("Granite Coal", "org", 2), ("Caucus", "org", 1)}


def test_a_name_ending_in_an_initialism_is_a_body_and_gives_no_surname():
    from dossier.resolve.context import ends_in_initialism

    assert ends_in_initialism("Norvik GOP") and ends_in_initialism("Ready for Mara PAC")
    assert not ends_in_initialism("Henry VIII") and not ends_in_initialism("JOHN LARKIN")  # a regnal number; a headline
    assert not ends_in_initialism("GOP") and not ends_in_initialism("Walter Hensley")
    text = "Norvik GOP insiders met. The GOP chose slates. Several GOP leaders spoke. Walter Hensley said the GOP won."
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Norvik GOP", "PERSON"), ("GOP", "ORG"), ("Walter Hensley", "PERSON"))])
    # the tagger's PERSON on the full name made every bare 'GOP' that person's surname
    assert not any(e.type == "person" and "GOP" in e.name for e in res.entities), res.entities
    assert any(e.type == "org" and e.name == "GOP" and e.mentions == 3 for e in res.entities), res.entities


def test_a_word_between_a_title_of_address_and_a_full_name_is_a_title():
    text = "Miss Galaxy Rosa Lindqvist spoke. Rosa Lindqvist left. The former Miss Galaxy smiled. Mrs. Mary Ann Roe came."
    assert title_words(text, [(5, "Galaxy Rosa Lindqvist"), (97, "Mary Ann Roe")], {"Rosa Lindqvist", "Mary Ann Roe"}) == {"Galaxy"}
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Galaxy Rosa Lindqvist", "PERSON"), ("Rosa Lindqvist", "PERSON"),
                                            ("Galaxy", "PERSON"), ("Mary Ann Roe", "PERSON"))])
    rosa = next(e for e in res.entities if e.name == "Rosa Lindqvist")
    assert rosa.mentions == 2 and not any("Galaxy" in a for a in rosa.aliases), rosa
    assert not any("Galaxy" in e.name for e in res.entities)
    assert any(e.name == "Mary Ann Roe" for e in res.entities)  # a given name after 'Mrs.' stays


def test_a_headline_word_the_page_writes_lowercase_is_a_common_noun():
    from dossier.resolve.clean import capitalised_common

    text = "Driver Charged After Crash\nThe driver was held. Police said the driver fled. Ann Lowe spoke."
    assert capitalised_common("Driver", text)
    assert not capitalised_common("Police", text)  # never written lowercase on the page
    assert not capitalised_common("Lowe", text)
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Driver", "PERSON"), ("driver", "PERSON"))])
    assert [(e.name, e.mentions) for e in res.entities] == [("driver", 3)], res.entities
    named = make_doc("b", "Hope Leads Comeback\nAnn Hope played with hope.", "2016-10-01")
    res = resolve_entities([named], [annotate(named, ("Ann Hope", "PERSON"), ("Hope", "PERSON"))])
    assert [(e.name, e.mentions) for e in res.entities] == [("Ann Hope", 2)]  # a surname of the page stays a name


def test_a_headline_word_capitalised_in_running_text_only_inside_a_longer_name_is_still_common():
    from dossier.resolve.clean import capitalised_common

    text = "Court Restores Quota Rule\nThe rule sets a fishing quota. The Fishing Quota Act names each quota."
    assert capitalised_common("Quota", text)  # 'Quota' inside a sentence only in the Act's name
    assert not capitalised_common("Fishing Quota", text)  # a longer name keeps the old reading
    alone = "Court Restores Quota Rule\nThe rule sets a quota. Officials said Quota was a name."
    assert not capitalised_common("Quota", alone)  # capitalised on its own inside a sentence: a name


def test_british_and_american_spellings_of_a_head_are_one_head():
    from dossier.lang.en import us_spelling
    from dossier.resolve.common import head_lemma

    assert head_lemma("the stolen jewellery") == head_lemma("jewelry") == "jewelry"
    assert us_spelling("centre") == "center" and us_spelling("catalogue") == "catalog"
    assert us_spelling("vogue") == "vogue" and us_spelling("massacre") == "massacre" and us_spelling("storyteller") == "storyteller"


def test_a_name_with_a_number_added_is_no_other_name_for_the_short_form():
    doc = make_doc("a", "The Falcons won. Kenmore Falcons fans cheered. Falcons 7, Rams 3. The 2008 Falcons lost.", "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Kenmore Falcons", "ORG"), ("Falcons 7", "ORG"), ("2008 Falcons", "ORG"),
                                            ("Falcons", "ORG"))])
    team = next(e for e in res.entities if e.name == "Kenmore Falcons")
    assert "Falcons" in team.aliases, res.entities


def test_a_pronoun_agrees_with_the_gender_a_person_is_given_and_reaches_back_to_her():
    text = ("Actress Nora Quill entered a clinic on Friday. Her lawyer Tom Vance told reporters that the stay was "
            "voluntary and would last a month, according to a statement released late on Friday evening by the "
            "clinic in the desert. He added that she was doing well.")
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Nora Quill", "PERSON"), ("Tom Vance", "PERSON"), ("she", "PRON"))])
    nora = next(e for e in res.entities if e.name == "Nora Quill")
    assert nora.mentions == 2, res.entities  # 'she' is the actress, not the nearer lawyer


def test_first_person_in_a_quotation_is_its_speaker():
    from dossier.resolve.common import first_person
    from dossier.resolve.pronouns import quotation_around

    assert first_person('"I') and first_person("I'm") and first_person("my") and not first_person("It")
    line = 'Vance spoke. "I am sure," Nora Quill said.'
    assert quotation_around(line, line.index("I am")) == (line.index('"I'), line.index('," N') + 2)
    assert quotation_around(line, line.index("Vance")) is None
    text = ('Tom Vance left early.\n"I am sure my team will win," Nora Quill said.\n'
            'Ann Roe said: `` They trust me . \'\'\nI agree, wrote the editor.')
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Tom Vance", "PERSON"), ("Nora Quill", "PERSON"), ("Ann Roe", "PERSON"),
                                            ('"I', "PRON"), ("my", "PRON"), ("me", "PRON"), ("I", "PRON"))])
    by_name = {e.name: e.mentions for e in res.entities}
    assert by_name == {"Tom Vance": 1, "Nora Quill": 3, "Ann Roe": 2}, res.entities  # the last "I" is outside quotes


def test_a_quoted_or_bracketed_word_in_a_name_is_the_name_the_person_goes_by():
    assert same_person_name('Luis Gerardo "Jerry" Vance', "Jerry Vance")
    assert same_person_name("Luis Gerardo ( Jerry ) Vance", "Jerry Vance")
    assert same_person_name("Jerry Vance", "Luis Gerardo (Jerry) Vance")
    assert not same_person_name('Luis "Jerry" Vance', "Ana Vance")
    assert not same_person_name("Luis Vance", "Jerry Vance")  # no nickname declared: namesakes


def test_a_surname_spaced_one_way_on_one_page_and_the_other_way_on_another_is_one_name():
    from dossier.resolve.persons import group_full_names

    assert same_person_name("Michael Del Giudice", "Michael DelGiudice")
    assert same_person_name("Anna MacDonald", "Anna Mac Donald") and same_person_name("Tim La Haye", "T. LaHaye")
    assert not same_person_name("Michael Del Giudice", "Mary DelGiudice")  # given names differ
    assert not same_person_name("Del Giudice", "DelGiudice Jr.")  # generations differ
    groups = group_full_names(["Michael Del Giudice", "Michael DelGiudice", "Mary Giudice", "Ludwig van Beethoven"])
    assert groups["Michael Del Giudice"] == groups["Michael DelGiudice"] != groups["Mary Giudice"]


def test_a_capitalised_word_several_pages_use_as_a_common_noun_names_nothing():
    import dataclasses

    from dossier.model import CLASS_USE
    from dossier.resolve import resolve_entities

    def page(i: str, text: str, classed: bool):
        d = make_doc(i, text, "2016-03-01")
        a = annotate(d, ("PAC", "ORG"), ("Ann Roe", "PERSON"))
        first = next(m for m in a.mentions if m.text == "PAC")  # the page's first 'PAC' is the class use
        marked = [dataclasses.replace(m, rule=CLASS_USE) if m is first and classed else m for m in a.mentions]
        return d, dataclasses.replace(a, mentions=tuple(marked))

    pages = [page("a", "Ann Roe gave to a super PAC. The PAC spent it.", True),
             page("b", "A new PAC backed Ann Roe.", True), page("c", "The PAC said Ann Roe won.", False)]
    res = resolve_entities([d for d, _ in pages], [a for _, a in pages])
    assert "PAC" not in {e.name for e in res.entities} and "Ann Roe" in {e.name for e in res.entities}
    # one page's figurative use ('a desperate <Company>') leaves the name
    one = [pages[0], page("b", "The PAC backed Ann Roe.", False)]
    assert "PAC" in {e.name for e in resolve_entities([d for d, _ in one], [a for _, a in one]).entities}


def test_an_initial_before_a_middle_name_bridges_the_short_and_the_spelled_out_name():
    from dossier.resolve.persons import group_full_names

    names = ["W. Mark Pryce", "Mark Pryce", "William Mark Pryce", "William Roe", "Joan Pryce"]
    groups = group_full_names(names)
    assert groups["W. Mark Pryce"] == groups["Mark Pryce"] == groups["William Mark Pryce"] != groups["Joan Pryce"]
    # one name between two people stays apart from both
    groups = group_full_names(["George Pryce", "George W. Pryce", "George H. W. Pryce"])
    assert len(set(groups.values())) == 3


def test_a_city_tagged_a_person_is_that_place_unless_someone_bears_the_name():
    from dossier.resolve import resolve_entities

    a = make_doc("a", "Ann Roe, 66, of Burnsville was hit. Abraham Lincoln spoke. Lincoln left.", "2016-03-01")
    res = resolve_entities([a], [annotate(a, ("Ann Roe", "PERSON"), ("Burnsville", "PERSON"),
                                           ("Abraham Lincoln", "PERSON"), ("Lincoln", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Burnsville"] == "place"  # a city of the gazetteer, no one's name
    assert types["Abraham Lincoln"] == "person" and "Lincoln" not in types  # a city too, but his surname
    # elsewhere the gazetteer's small towns named like words are left to the tagger
    b = make_doc("b", "Ann Roe thanked God. The Drama went on.", "2016-03-01")
    res = resolve_entities([b], [annotate(b, ("Ann Roe", "PERSON"), ("God", "PERSON"), ("Drama", "PERSON"))])
    assert {e.name: e.type for e in res.entities}["God"] == "person"


def test_a_word_always_written_before_one_weekday_is_a_day_name():
    """'Super Tuesday': the tagger makes 'Super' a place; a name also written alone stays a name."""
    texts = {"a": "Roe won on Super Tuesday. Super Tuesday came. Ann Roe said Smith Tuesday left.",
             "b": "After Super Tuesday, Smith said it was over. " + "Super Tuesday. " * 7 + "Super PACs spent."}
    docs = [make_doc(i, t, "2016-03-01") for i, t in texts.items()]
    annots = [annotate(docs[0], ("Super", "GPE"), ("Ann Roe", "PERSON"), ("Smith", "PERSON")),
              annotate(docs[1], ("Super", "GPE"), ("Smith", "PERSON"))]
    found = {e.name: e.mentions for e in resolve_entities(docs, annots).entities}
    assert found["Super"] == 1 and "Smith" in found  # 'Smith Tuesday left': Smith is written alone too
    # 'Super PACs': the one mention not before the day stays what it was
    # twice is not enough to tell a day's name from a name written twice before a date
    two = [make_doc("c", "Super Tuesday came.", "2016-03-01"), make_doc("d", "Then Super Tuesday.", "2016-03-01")]
    found = {e.name: e.mentions for e in resolve_entities(two, [annotate(d, ("Super", "GPE")) for d in two]).entities}
    assert found["Super"] == 2


def test_words_an_earlier_step_refused_are_refused_on_new_pages():
    """An incremental step resolves a few new pages alone: the corpus's finding that 'PAC' is a common
    noun and 'Super' opens a day's name holds there too, and the result carries it on."""
    from dossier.model import Refused

    d = make_doc("n", "The PAC said Ann Roe won on Super Tuesday.", "2016-03-01")
    a = annotate(d, ("PAC", "ORG"), ("Ann Roe", "PERSON"), ("Super", "GPE"))
    assert {"PAC", "Super"} <= {e.name for e in resolve_entities([d], [a]).entities}
    known = Refused(frozenset({"PAC"}), (("Super", "Tuesday"),))
    res = resolve_entities([d], [a], refused=known)
    assert {e.name for e in res.entities} == {"Ann Roe"} and res.refused == known


def test_a_description_linked_to_a_name_is_no_alias_of_it():
    doc = make_doc("a", "As host of a podcast and Norvik junkie, Walt Brenner has become a critic. Brenner left.", "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Norvik junkie", "PERSON"), ("Walt Brenner", "PERSON"), ("Brenner", "PERSON"))])
    (walt,) = [e for e in res.entities if e.name == "Walt Brenner"]
    assert walt.mentions == 3 and walt.aliases == ("Brenner",)  # the description is linked, but says what he is



def test_a_singular_place_noun_names_one_place_not_the_name_after_it():
    from dossier.resolve.context import place_cue

    text = "at the camp on the island of Lesbos, Abe Zorn, 25, spoke. The islands of Norvik, Tarn and Vell."
    abe = text.index("Abe Zorn")
    assert not place_cue(text, abe, abe + 8)  # 'island of <Place>, <Name>': the list form needs 'islands'
    vell = text.index("Vell")
    assert place_cue(text, vell, vell + 4)
    a = make_doc("a", text, "2016-10-01")
    res = resolve_entities([a], [annotate(a, ("Lesbos", "GPE"), ("Abe Zorn", "PERSON"))])
    assert {e.name: e.type for e in res.entities}["Abe Zorn"] == "person"


def test_a_legislature_and_a_legal_form_say_a_body_whatever_the_tag():
    assert org_shaped("Battleground Senate") and org_shaped("Senate") and org_shaped("Norvik Assembly")
    text = ("Battleground Senate races are close. The Senate should act. Tarnex Inc. said so. Tarnex won. Tarnex lost. "
            "Tarnex grew. Tarnex fell. Tarnex hired.")
    doc = make_doc("a", text, "2016-10-01")
    res = resolve_entities([doc], [annotate(doc, ("Battleground Senate", "PERSON"), ("Senate", "PERSON"),
                                            ("Tarnex Inc.", "ORG"), ("Tarnex", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert all(t != "person" for t in types.values()), types  # the tagger's PERSON on a company's name, six times


def test_a_bare_title_with_a_capitalised_qualifier_goes_to_its_person():
    doc = make_doc("a", "Sen. Walt Brenner spoke in Ohio. The Norvik senator won. Brenner left.", "2016-10-01")
    ann = annotate(doc, ("Walt Brenner", "PERSON", "Walt Brenner", "Sen."), ("Norvik senator", "TITLE", "Walt Brenner"),
                   ("Brenner", "PERSON", "Walt Brenner"))
    res = resolve_entities([doc], [ann])
    (walt,) = [e for e in res.entities if e.name == "Walt Brenner"]
    assert walt.mentions == 3, res.entities  # the title's words ('Norvik') are no name for the canonical to cover


def test_a_name_tagged_a_body_listed_among_persons_is_a_person_on_every_page():
    from dossier.resolve import resolve_entities

    from .helpers import annotate, make_doc

    a = make_doc("a", "The clinic has treated stars including Mary Quell, Ann Roe and Tom Dee.", "2016-03-01")
    b = make_doc("b", "Mary Quell was seen there. Quell said nothing.", "2016-03-02")
    c = make_doc("c", "Members of the Ku Klux Klan and Tom Dee marched.", "2016-03-02")
    res = resolve_entities([a, b, c], [
        annotate(a, ("Mary Quell", "ORG"), ("Ann Roe", "PERSON"), ("Tom Dee", "PERSON")),
        annotate(b, ("Mary Quell", "ORG"), ("Quell", "ORG")),
        annotate(c, ("Ku Klux Klan", "ORG"), ("Tom Dee", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Mary Quell"] == "person" and [e.name for e in res.entities].count("Mary Quell") == 1
    (quell,) = [e for e in res.entities if e.name == "Mary Quell"]
    assert {"a", "b"} <= set(quell.docs) and "Quell" in quell.aliases
    assert types["Ku Klux Klan"] == "org"  # no given name of a gender opens it


def test_a_name_tagged_a_body_with_a_person_noun_beside_it_is_a_person():
    from dossier.resolve import resolve_entities

    from .helpers import annotate, make_doc

    a = make_doc("a", "The debate was led by anchor Lester Hollow of the network.", "2016-03-01")
    b = make_doc("b", "He walked to the office of Paula Rive, another partner, and fired.", "2016-03-01")
    c = make_doc("c", "Donors met the Young Presidents Organization, a group of executives.", "2016-03-01")
    res = resolve_entities([a, b, c], [annotate(a, ("Lester Hollow", "ORG")), annotate(b, ("Paula Rive", "ORG")),
                                       annotate(c, ("Young Presidents Organization", "ORG"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Lester Hollow"] == "person" and types["Paula Rive"] == "person"
    assert types["Young Presidents Organization"] == "org"


def test_a_body_premodifying_a_title_or_beside_a_noun_after_a_preposition_stays_a_body():
    """'billionaire <Team> owner <Name>': the role word before the body is the owner's, and the body
    premodifies his title; '<Hotel>, another huddle with pastors': the person noun is no apposition's head."""
    from dossier.resolve import resolve_entities

    from .helpers import annotate, make_doc

    a = make_doc("a", "He met billionaire Dallas Rovers owner Mark Cubby on Friday.", "2016-03-01")
    b = make_doc("b", "A workout at a Hilton Gardenia, another huddle with pastors, then a rally.", "2016-03-01")
    res = resolve_entities([a, b], [annotate(a, ("Dallas Rovers", "ORG"), ("Mark Cubby", "PERSON")),
                                    annotate(b, ("Hilton Gardenia", "ORG"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Dallas Rovers"] == "org" and types["Hilton Gardenia"] == "org"
