"""The cheap checks in front of the trigger rules, which are asked of every word of a page: they
must never change what the rules say."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.extract.events_parse import TRIGGER_WORDS, _inventory_kind, in_name

TEXT = ("Talks between the two governments resumed in Geneva on Monday, a week after Acme Corp "
        "announced it would buy Widgetco for $2 billion. Protesters marched through the capital, "
        "and police arrested 40 people. The minister declared the emergency over and called for "
        "new elections, which the opposition said it would boycott. Summit Entertainment released "
        "the film, and the company filed for bankruptcy. Voters went to the polls in March.")


def test_a_word_outside_the_trigger_tables_is_given_no_kind_by_any_rule(nlp):
    sdoc = nlp(TEXT)
    kinds = {t.i: _inventory_kind(t) for t in sdoc}
    assert any(kinds.values())  # the passage has triggers
    assert all(k is None for i, k in kinds.items() if sdoc[i].lower_ not in TRIGGER_WORDS)


def test_a_word_is_in_a_name_when_the_next_word_continues_the_same_entity(nlp):
    words = ["Summit", "Entertainment", "Acme", "Widgetco", "talks"]
    doc = Doc(nlp.vocab, words=words, ents=["B-ORG", "I-ORG", "B-ORG", "B-ORG", "O"])
    assert [in_name(t) for t in doc] == [True, False, False, False, False]
