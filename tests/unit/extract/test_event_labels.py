"""Event names are headlines from the event's own clause (who did what, where), for every kind,
never "<Name> <kind>"; verbs are put in the headline present tense by spaCy's lemmatizer."""

from __future__ import annotations

import pytest
from test_events_support import make_doc, with_events

from dossier.nlp.pipeline import lemma


def _summaries(nlp, text: str, published: str = "2021-03-10") -> list[str]:
    return [e.summary for e in with_events(make_doc(text, published), nlp).events]


@pytest.mark.parametrize("text, expected", [
    # a verb trigger: its subject (coordinated subjects kept), the verb in the present, its object
    ("The presidents of Norland and Sudmark signed a border treaty in Vilnius on Monday.",
     "Presidents of Norland sign border treaty"),
    ("Anna Berg and Piet Mol met in Oslo on Tuesday.", "Anna Berg and Piet Mol meet"),
    # "met with <name>": the other party
    ("Anna Berg met with Piet Mol in Oslo on Tuesday.", "Anna Berg meets with Piet Mol"),
    # a noun trigger that is a verb's object: named by that verb's clause
    ("Norland initialled a draft agreement in Vilnius on Friday.", "Norland initials draft agreement"),
])
def test_clause_names_who_did_what(nlp, text, expected):
    got = _summaries(nlp, text)
    assert any(s.startswith(expected) for s in got), got


def test_noun_with_no_clause_names_its_parties_not_name_kind(nlp):
    got = _summaries(nlp, "Talks between Norland and Sudmark in Vilnius on Monday ended without a deal.")
    assert any(s.startswith("Talks between Norland and Sudmark") for s in got), got
    assert not any(s in ("Norland – Sudmark talks", "Norland talks") for s in got), got


def test_titles_are_not_part_of_the_headline_name(nlp):
    got = _summaries(nlp, "Foreign Minister Anna Berg met Piet Mol in Oslo on Tuesday.")
    assert any(s.startswith("Anna Berg meets Piet Mol") for s in got), got


@pytest.mark.parametrize("word, tag_text, base", [
    ("agreed", "They agreed to talk.", "agree"),
    ("met", "They met in Oslo.", "meet"),
    ("rejects", "Norland rejects the plan.", "reject"),
])
def test_lemma_of_a_verb(nlp, word, tag_text, base):
    tok = next(t for t in nlp(tag_text) if t.text == word)
    assert lemma(tok) == base


@pytest.mark.parametrize("text, expected", [
    # a relative pronoun's noun is the subject ("the man who killed"), also of a passive
    ("The man who killed four people in Atlanta was sentenced on Friday.", "Man kills four people"),
    ("Police said John Smith, who had recently been fired from his job, was arrested.", "John Smith fired"),
    # "he" before the main clause points ahead to its subject; else it continues the last sentence's
    ("On the same day he won the Iowa caucus, Sen. Ted Cruz got a favorable decision.",
     "Ted Cruz wins Iowa caucus"),
    ("Maurice Cheeks played 15 seasons in the NBA. He retired in 1993.", "Maurice Cheeks retires"),
    # no subject named: the object and the participle ("O'Brien fired"), never "Fire O'Brien"
    ("King said he decided on Saturday to fire Jim O'Brien.", "Jim O'Brien fired"),
    # a written word is never split or respaced: "No. 10", "91-73", "first-in-the-nation"
    ("Creighton's 91-73 victory over Drake was historic.", "Creighton's 91-73 victory"),
    ("Independent voters decided the state's first-in-the-nation primary on Tuesday.",
     "State's first-in-the-nation primary"),
    # a noun the tagger read as a gerund keeps its words ("the running back", not "Running")
    ("The running back was arrested on Sunday in Dallas.", "Running back arrested"),
])
def test_names_keep_the_clause_and_the_written_words(nlp, text, expected):
    got = _summaries(nlp, text)
    assert any(s.startswith(expected) for s in got), got


def test_a_verb_with_no_one_named_is_named_by_its_kind(nlp):
    """"Her agent said she died": "she" is not the speaker, and a bare "Die" says nothing."""
    got = _summaries(nlp, "Her agent, Mark Roesler, said she died yesterday at a Los Angeles hospital.")
    assert any(s.startswith("Death") for s in got), got
    assert not any(s.split()[0] in ("Die", "Mark", "Roesler") for s in got), got
