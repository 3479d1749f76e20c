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
