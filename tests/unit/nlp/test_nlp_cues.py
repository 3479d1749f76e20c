"""Reusable cues: speech verbs and role titles."""

from __future__ import annotations

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
