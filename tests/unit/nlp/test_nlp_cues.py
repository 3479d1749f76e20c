"""Reusable cues: speech verbs and role titles."""

from __future__ import annotations

import pytest

from dossier.nlp.cues import is_speech_verb, role_head, role_title_after, role_title_before, speech_verbs


def test_speech_verb_forms():
    forms = speech_verbs()
    assert {"say", "says", "said", "told", "added", "insisted", "denied", "wrote"} <= forms
    assert "table" not in forms


def test_is_speech_verb_needs_a_verb(nlp):
    doc = nlp("She said the note was wrong.")
    assert is_speech_verb(doc[1])
    assert not is_speech_verb(doc[3])  # "note" as a noun


def test_role_title_before(nlp):
    doc = nlp("Government spokesman Dmitry Peskov declined to comment.")
    assert role_title_before(doc[2:4]) == "Government Spokesman"
    doc = nlp("Russia's President Vladimir Putin arrived.")
    assert role_title_before(doc[3:5]) == "Russia's President"
    doc = nlp("They met Vladimir Putin.")
    assert role_title_before(doc[2:4]) is None


def test_role_title_after_clause_is_not_a_title(nlp):
    doc = nlp("They met Ivanov, Russian officials said.")
    assert role_title_after(doc[2:3]) is None


def test_role_head():
    assert role_head("Japanese Foreign Minister") == "foreign minister"
    assert role_head("Russia's President") == "president"


def test_person_spans_are_cleaned_of_overreach(nlp):
    from dossier.nlp.mentions import find_mentions

    def people(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.canonical or "") for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"]

    assert ("Hillary Clinton", "Hillary Clinton") in people("Hammering Hillary Clinton, the man spoke.")
    brazile = [m for m in find_mentions(nlp("Chairperson Donna Brazile resigned."), "t") if m.label == "PERSON"]
    assert [m.text for m in brazile] == ["Donna Brazile"] and brazile[0].title == "Chairperson"
    assert ("John Podesta", "John Podesta") in people("John Podesta's Gmail account was hacked.")
    assert people("Donald Trump, Jr. spoke.") == [("Donald Trump, Jr.", "Donald Trump, Jr.")]
    assert ("Crooked Hillary", "Hillary Clinton") in people("Hillary Clinton spoke. Crooked Hillary is a liar, he said.")


def test_a_possessive_inside_a_bodys_name_stays_and_a_non_given_name_title_is_peeled(nlp):
    from dossier.nlp.mentions import find_mentions

    text = "He had served with the Harlow County Sheriff's Department.\n\n“ Deputy Ortiz was killed while investigating a shooting."
    found = [(m.text, m.label) for m in find_mentions(nlp(text), "t", text)]
    assert ("Harlow County Sheriff's Department", "ORG") in found  # one name: not cut at the possessive
    people = [m for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"]
    assert [(m.text, m.title) for m in people] == [("Ortiz", "Deputy")]  # 'Deputy' is no given name ('Dean' is)


@pytest.mark.parametrize("name, kept", [
    ("Deputy Ortiz", "Ortiz"),  # a role word that is no given name is peeled: the person is 'Ortiz'
    ("Pope Francis", "Pope Francis"),  # a title before a given name is how the person is named
    ("Dean Baker", "Dean Baker"),  # a role word that is also a given name may be one
])
def test_a_role_word_before_one_name_word(nlp, name, kept):
    from dossier.nlp.mention_cands import _Cand
    from dossier.nlp.mentions import clean_span

    doc = nlp(f"On Saturday, {name} made clear that the meeting was private.")
    got = clean_span(_Cand(doc[3:5], "PERSON"))
    assert [c.span.text for c in got] == [kept]


def test_a_possessor_before_a_body_is_cut_off(nlp):
    from dossier.nlp.mentions import find_mentions

    text = "The inquiry covers wrongdoing in Clinton’s State Department and at Wyoming's Republican Party."
    found = [m.text for m in find_mentions(nlp(text), "t", text)]
    assert "Clinton’s State Department" not in found and "Wyoming's Republican Party" not in found


def _first_person(doc):
    return next(e for e in doc.ents if e.label_ == "PERSON")


def test_a_portfolio_after_of_belongs_to_the_title_before_a_name(nlp):
    doc = nlp("Former Secretary of State Madeleine Albright urged voters.")
    assert role_title_before(_first_person(doc)) == "Former Secretary of State"


def test_an_appositive_title_keeps_whom_it_is_of(nlp):
    doc = nlp("Kevin Brady, chairman of the House Ways and Means Committee, said so.")
    assert role_title_after(_first_person(doc)) == "Chairman of the House Ways and Means Committee"
    doc = nlp("Matthew Prince, chief executive of CloudFlare, said so.")
    assert role_title_after(_first_person(doc)) == "Chief Executive of CloudFlare"
    doc = nlp("Acosta Febo, the president of the bank, said so.")  # no one named: no 'of'
    assert role_title_after(_first_person(doc)) == "President"


def test_a_persons_campaign_title_names_the_person(nlp):
    doc = nlp("Hillary Clinton's campaign manager Robby Mook said as much.")
    mook = [e for e in doc.ents if e.label_ == "PERSON"][-1]
    assert role_title_before(mook) == "Hillary Clinton's Campaign Manager"


def test_an_appositive_title_before_another_name_is_that_persons(nlp):
    doc = nlp("Bill Clinton and Melania Trump, Republican nominee Donald Trump's wife, spoke.")
    melania = next(e for e in doc.ents if e.text == "Melania Trump")
    assert role_title_after(melania) is None


def test_an_adjective_complement_before_a_title_is_not_part_of_it(nlp):
    doc = nlp("Her team worked to make sure President Walter Smith did not get the credit.")
    assert role_title_before(_first_person(doc)) == "President"
    doc = nlp("The likely Democratic nominee Anna Jones spoke.")
    assert role_title_before(_first_person(doc)) == "likely Democratic Nominee"


def test_a_role_noun_after_a_name_that_is_no_apposition_gives_no_title(nlp):
    # a possessor: the title is someone else's
    doc = nlp("He charmed Sara Brill, the prime minister's wife, at dinner.")
    assert role_title_after(_first_person(doc)) is None
    # the subject of a new clause after an introductory phrase, behind a quote mark or not
    doc = nlp("Emerging from two hours alone with Mr. Vance, the prime minister ''looked ashen,'' an aide said.")
    assert role_title_after(_first_person(doc)) is None
    doc = nlp("She met Dana Brill, the prime minister, in Oslo.")
    assert role_title_after(_first_person(doc)) == "Prime Minister"


def test_a_headline_run_into_one_person_span_is_no_person():
    import spacy
    from spacy.tokens import Doc

    from dossier.nlp.mention_cands import _Cand
    from dossier.nlp.mentions import clean_span

    words = ["Acme", "Cash", "Debunks", "Mary", ":", "Ann", "Vance", "Wins"]
    tags = ["NNP", "NNP", "NNS", "NNP", ":", "NNP", "NNP", "VBZ"]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    assert clean_span(_Cand(doc[0:4], "PERSON")) == []  # a plural noun or a verb inside the name
    kept = clean_span(_Cand(doc[5:7], "PERSON"))
    assert [c.span.text for c in kept] == ["Ann Vance"]


def test_an_age_compound_before_a_title_is_no_part_of_it(nlp):
    text = "The officer who died was 51-year-old Capt. Tom Tennant."
    doc = nlp(text)
    start = text.index("Tom")
    assert role_title_before(doc.char_span(start, start + len("Tom Tennant"))) == "Capt."
    text = "Ex-CIA chief Dave Petters testified."
    doc = nlp(text)
    start = text.index("Dave")
    assert role_title_before(doc.char_span(start, start + len("Dave Petters"))) in ("Chief", "CIA Chief")
    for text, title in (("the then-lieutenant governor Dave Petters", "Lieutenant Governor"),
                        ("then-vice president Dave Petters said", "Vice President")):
        doc = nlp(text)
        start = text.index("Dave")
        assert role_title_before(doc.char_span(start, start + len("Dave Petters"))) == title, text


def test_a_surname_right_before_a_role_word_is_whose_post_it_is(nlp):
    text = "Johnson aide Nick Merrow said so."  # the small tagger reads 'Johnson' as a person here
    doc = nlp(text)
    start = text.index("Nick")
    assert doc[0].ent_type_ == "PERSON"
    assert role_title_before(doc.char_span(start, start + len("Nick Merrow"))) == "Johnson Aide"
    text = "He met Ann Quell Secretary of State Tom Kerrow."
    doc = nlp(text)
    start = text.index("Tom")
    assert role_title_before(doc.char_span(start, start + len("Tom Kerrow"))) == "Secretary of State"


def test_a_name_opening_a_relative_clause_takes_no_title_from_the_noun_before_it(nlp):
    """'the court reporter <Name> murdered': the name is the clause's subject, the role another's."""
    doc = nlp("Her mother was the court reporter Nichols murdered.")
    assert role_title_before(_first_person(doc)) is None
    doc = nlp("She met the lawyer John Smith hired in May.")
    assert role_title_before(_first_person(doc)) is None
    doc = nlp("He spoke with the court reporter Julie Brandau.")
    assert role_title_before(_first_person(doc)) == "court Reporter"  # a compound noun is the title's
    doc = nlp("The coach Bill Jones said the team was ready.")
    assert role_title_before(_first_person(doc)) == "Coach"
    doc = nlp("He handled the emails in a way FBI Director Jane Holt called careless.")
    assert role_title_before(_first_person(doc)) == "FBI Director"  # a capitalised title is the name's


def test_an_affiliation_and_a_role_word_inside_a_persons_span_are_peeled_into_the_title(nlp):
    """'<Team> QB <Given> <Surname>' tagged as one person: the name starts after the role word."""
    from dossier.nlp.mentions import find_mentions

    text = "Fans remember when Colts QB Andrew Luck was the top prize of the draft."
    people = [m for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"]
    assert [(m.text, m.title) for m in people] == [("Andrew Luck", "Colts QB")]


def test_an_occupation_written_before_a_name_is_its_title(nlp):
    doc = nlp("The moderator Mary Jones asked the first question.")
    assert role_title_before(_first_person(doc)) == "Moderator"
    doc = nlp("Pollster Anna Kowalski said so.")
    assert role_title_before(_first_person(doc)) == "Pollster"


def test_a_title_whose_noun_phrase_goes_on_past_the_role_word_is_not_the_names(nlp):
    """'<Name>, investor <Team> owner <Name>': the apposition describes the owner, and the team
    before 'owner' qualifies his title, so neither name before takes 'investor'."""
    from dossier.nlp.mentions import find_mentions

    text = "Eight years after backing Barack Obama, investor Dallas Mavericks owner Mark Cuban is sizing up the race."
    found = {m.text: m.title for m in find_mentions(nlp(text), "t", text)}
    assert found["Barack Obama"] is None and found.get("Dallas Mavericks") is None
    assert found["Mark Cuban"] == "Investor Dallas Mavericks Owner"


def test_a_lowercase_descriptor_gives_way_to_a_post_of_someone_after_the_name(nlp):
    from dossier.nlp.mentions import find_mentions

    text = "A company controlled by the billionaire Paul Allen, a founder of Microsoft, had bought that plane."
    assert [m.title for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"] == ["Founder of Microsoft"]


def test_an_appositive_title_reads_on_past_a_role_word_to_the_title_it_is_part_of(nlp):
    from dossier.nlp.mentions import find_mentions

    text = "Patricof was the finance chairman. Roger Altman, a former deputy treasury secretary and head of the fund, said so."
    assert [m.title for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"] == [
        None, "Former Deputy treasury Secretary"]
    text = "John Bulgaro, the president of Teamsters Local 294 in Albany, said that the members were angry."
    assert [m.title for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"] == ["President of Teamsters"]


def test_a_lowercase_noun_compounded_with_a_lowercase_role_word_is_part_of_the_title(nlp):
    doc = nlp("Former college football player Brian Nolan was sentenced on Friday.")
    assert role_title_before(_first_person(doc)) == "Former college football Player"
    doc = nlp("He said no matter what unilateral action President Walter Smith takes, nothing changes.")
    assert role_title_before(_first_person(doc)) == "President"  # a formal title takes no common noun


def test_a_bare_surname_described_after_it_stays_the_pages_full_name(nlp):
    """'<Full name>, president of X. <Surname>, an influential activist, ...': an apposition after the
    surname goes on describing the page's person (only a title before it may name a namesake)."""
    from dossier.nlp.mentions import find_mentions

    text = ("The letter was signed by Martin Kline, president of the Freedom League. "
            "Kline, an influential activist who did not attend, said the plan was wrong.")
    people = [(m.text, m.canonical) for m in find_mentions(nlp(text), "t", text) if m.label == "PERSON"]
    assert ("Kline", "Martin Kline") in people
