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
