"""Who may be a speaker: people and organisations, never a number, an epithet or a scare quote."""

from __future__ import annotations

from dossier.extract.quotes import find_quotes, is_question
from dossier.model import Document
from dossier.nlp.annotate import annotate_document


def _quotes(nlp, text: str):
    doc = Document(id="t", source="t", text=text)
    annots, sdoc = annotate_document(doc, nlp)
    return find_quotes(doc, sdoc, annots.mentions)


def test_share_of_people_is_who_it_counts_not_the_number(nlp):
    quotes = _quotes(nlp, "In the survey, 74 percent of likely voters said the mayor should resign.")
    assert quotes, "the reported speech is found"
    assert all(q.speaker != "74 percent" for q in quotes)
    assert any(q.speaker == "likely voters" for q in quotes)


def test_relative_clause_on_an_epithet_names_the_person(nlp):
    text = ("Officials criticised Marco Delgado, a rampant populist who said that the border "
            "should be closed to all travellers.")
    speakers = {q.speaker for q in _quotes(nlp, text)}
    assert "rampant populist" not in speakers
    assert "Marco Delgado" in speakers


def test_short_phrase_under_a_thing_is_a_scare_quote(nlp):
    text = "The practice, known in the trade as \"chalking\", has spread to three states."
    assert not [q for q in _quotes(nlp, text) if q.kind == "direct"]


def test_short_quote_of_a_person_is_kept(nlp):
    text = "The senator called the plan \"a disaster\" on Tuesday."
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.text.startswith("a disaster")


def test_dash_signature_after_a_quote_line(nlp):
    text = ("Readers told us what they think.\n\n"
            "\u201cThe council has ignored our street for years and nobody answers our letters.\u201d \u2015 Maria Lopez\n"
            "\u201cThe new park is the best thing that has happened here in a decade.\u201d \u2015 Peter Novak\n")
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Peter Novak"]


def test_questions_are_marked(nlp):
    text = "\"Will you raise taxes next year?\" the moderator asked. \"No,\" said Governor Ellen Park."
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.question for q in quotes] == [True, False]
    assert is_question("why not?\u201d")
    assert is_question("whether the plan would pass", "asked")
    assert not is_question("the plan will pass", "said")
    # statements closing on a rhetorical question are statements; an interviewer's questions are questions
    assert not is_question("Notice how he sniffs all the time. Who does that?")
    assert is_question("Do you really see those two as equal? Do you, Governor Park?")


def test_the_president_is_the_person_last_given_that_title(nlp):
    text = ("President Tomas Varga met the delegates on Monday. Later the president said that the "
            "reforms would continue next year.")
    speakers = {q.speaker for q in _quotes(nlp, text)}
    assert "Tomas Varga" in speakers and "the president" not in speakers


def test_she_does_not_resolve_to_a_man_called_mr(nlp):
    from dossier.extract.quotes import name_genders
    from dossier.model import Mention, Span

    text = "Mr. Adam Kerr spoke first. Mrs. Lena Vos replied."
    m1 = Mention(Span("t", 4, 13), "Adam Kerr", "PERSON", canonical="Adam Kerr")
    m2 = Mention(Span("t", 32, 40), "Lena Vos", "PERSON", canonical="Lena Vos")
    assert name_genders(text, [m1, m2]) == {"Adam Kerr": "m", "Lena Vos": "f"}
    text = ("Mrs. Lena Vos opened the hearing. Mr. Adam Kerr, the chairman, then took the floor. "
            "\"We will not accept this,\" she said.")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "Lena Vos"


def test_verb_reached_through_its_infinitive_reports_nothing(nlp):
    # 'continue' reports speech in '"...," he continued', not in 'will continue to be "..."'
    text = ("Mr. Stone entered the race in May. Adams said he is certain Baker will continue to be "
            "\u201ca champion for working families in this state.\u201d")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "Adams"


def test_role_subject_gives_way_to_the_name_in_it(nlp):
    text = "The spokesman, John Roe, said the plan was \u201ca disaster for the city.\u201d"
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "John Roe"
    assert text[q.speaker_span.start:q.speaker_span.end] == "John Roe"


def test_transcript_labels_name_each_turn(nlp):
    text = ("Governor Ellen Park spoke to the host on Sunday. Partial transcript as follows:\n\n"
            "\"HALLORAN: Will you sign the budget bill this week if the senate passes it?\n\n"
            "\"PARK: Well, look, the bill is not ready and we will not sign it until it is fixed.\n\n"
            "\"UPDATE: The interview was recorded before the vote on the bill.\n")
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    by_start = {q.text.split()[0]: q for q in quotes}
    assert by_start["Will"].speaker == "Halloran" and by_start["Will"].question
    assert by_start["Well,"].speaker == "Ellen Park" and by_start["Well,"].rule == "transcript-label"
    assert not any(q.text.startswith("PARK") for q in quotes), "the label is not part of what was said"
    assert all(q.rule != "transcript-label" for q in quotes if "interview was recorded" in q.text)


def test_the_organisation_noun_is_the_organisation_of_that_kind(nlp):
    text = ("The Northern Water Commission met on Monday in the capital. Engineers presented a new plan "
            "for the river.\n\n\"The plan protects every farm downstream,\" the commission said in a statement.")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "Northern Water Commission"


def test_the_organisation_noun_takes_an_earlier_speaker_of_that_kind(nlp):
    text = ("Egypt's foreign ministry said that the move was a violation of the accord.\n\n"
            "\"We will not accept a policy of imposing facts on the ground,\" said the ministry.")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "Egypt's foreign ministry"


def test_the_organisation_noun_is_the_organisation_just_written_about(nlp):
    text = ("The Association of Pilots called the senator a champion of safety on Thursday.\n\n"
            "\"Her work has opened the door for every crew in the country,\" the union wrote.")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "Association of Pilots"


def test_an_organisation_noun_is_never_a_place(nlp):
    text = ("Officials in Ohio met on Monday.\n\n\"The plan protects every farm downstream,\" the "
            "commission said in a statement.")
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker == "the commission"
