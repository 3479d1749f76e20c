"""find_claims on synthetic sentences, annotated by the real per-document map step."""

from __future__ import annotations

import pytest

from dossier.extract.claims import find_claims
from dossier.model import Document, PublicationDate


def _claims(nlp, text: str, published: str = "2020-03-01"):
    from dossier.nlp.annotate import annotate_document

    doc = Document(id="d1", source="d1", text=text, published=PublicationDate(value=published, precision="day"))
    annots, sdoc = annotate_document(doc, nlp)
    return find_claims(doc, sdoc, annots)


def _one(claims, actor: str, stance: str):
    found = [c for c in claims if c.actor_name == actor and c.stance == stance]
    assert found, [(c.actor_name, c.stance, c.key_phrase) for c in claims]
    return found[0]


def test_refusal_and_condition_from_capital_as_actor(nlp):
    claims = _claims(nlp, "Paris refuses to sign the accord without the return of the stolen paintings.")
    refusal = _one(claims, "Paris", "refusal")
    assert refusal.key_phrase == "the accord"
    cond = _one(claims, "Paris", "condition")
    assert cond.key_phrase == "the return of the stolen paintings"
    assert cond.statement.startswith("without the return")
    assert cond.span.start == 0 and cond.date == "2020-03-01"


def test_possessive_noun_cue(nlp):
    claims = _claims(nlp, "Germany's insistence on the closure of the coal mines angered its partners.")
    c = _one(claims, "Germany", "demand")
    assert c.key_phrase == "the closure of the coal mines"


def test_made_clear_with_obligation_is_a_demand_of_the_speaker_not_agreement(nlp):
    claims = _claims(nlp, "Berlin made clear that Poland must accept the new border before any deal is signed.")
    c = _one(claims, "Berlin", "demand")
    assert c.key_phrase == "the new border"
    assert not [x for x in claims if x.actor_name == "Poland" and x.stance == "agreement"]


def test_passive_agent_and_person_subject_with_date(nlp):
    text = (
        "Finance Minister Maria Lopez proposed a new tax on imports on March 3, 2019. "
        "The islands are considered by Spain to be an integral part of its territory."
    )
    claims = _claims(nlp, text)
    prop = _one(claims, "Maria Lopez", "proposal")
    assert prop.key_phrase == "a new tax on imports"
    assert prop.date == "2019-03-03"
    claim = _one(claims, "Spain", "claim")
    assert claim.key_phrase == "The islands"  # what is claimed: the passive subject
    assert claim.statement == "to be an integral part of its territory"


def test_condition_as_long_as_belongs_to_the_sayer(nlp):
    text = "Smith said that it is difficult to count on any progress as long as Canada does not recognize the old treaty."
    claims = _claims(nlp, text)
    c = _one(claims, "Smith", "condition")
    assert c.key_phrase == "the old treaty"


@pytest.mark.parametrize(
    "text",
    [
        "The reports were denied on Tuesday.",  # passive without an agent: no actor
        "The weather was cold in Oslo.",
        "Analysts said the talks went well.",
    ],
)
def test_no_claim_without_actor_or_cue(nlp, text):
    assert _claims(nlp, text) == []


def test_future_deadline_is_not_the_claim_date(nlp):
    claims = _claims(nlp, "Italy agreed to sign the pact before May 2025.", published="2020-03-01")
    assert _one(claims, "Italy", "agreement").date == "2020-03-01"


def test_dateline_is_not_the_actor(nlp):
    claims = _claims(nlp, "OSLO -- Finance Minister Maria Lopez agreed to resume the talks on fishing quotas.")
    assert {c.actor_name for c in claims} == {"Maria Lopez"}


def test_a_date_that_names_a_thing_is_not_the_claim_date(nlp):
    claims = _claims(nlp, "Spain offered to negotiate on the basis of the 1978 agreement.", published="2020-03-01")
    c = _one(claims, "Spain", "proposal")
    assert c.date == "2020-03-01"
    held = _claims(nlp, "Spain offered in 2019 to negotiate on the basis of the old agreement.", published="2020-03-01")
    assert _one(held, "Spain", "proposal").date == "2019"


def test_link_x_to_y_is_about_y(nlp):
    claims = _claims(nlp, "Madrid insisted on linking the trade talks to a settlement of the fishing dispute.")
    assert _one(claims, "Madrid", "demand").key_phrase == "a settlement of the fishing dispute"


def test_time_words_are_never_the_key_phrase(nlp):
    claims = _claims(nlp, "Spain and Italy agreed on Thursday to finalise a deal on fishing quotas.")
    c = _one(claims, "Spain", "agreement")
    assert c.key_phrase == "a deal on fishing quotas"


def test_pronoun_with_a_doubtful_antecedent_gives_no_actor(nlp):
    import dataclasses

    from dossier.model import Mention, Span

    from dossier.nlp.annotate import annotate_document

    text = "The report came from Oslo University. They agreed to sell the plant."
    doc = Document(id="d1", source="d1", text=text, published=PublicationDate(value="2020-03-01", precision="day"))
    annots, sdoc = annotate_document(doc, nlp)
    start = text.index("They")
    others = tuple(m for m in annots.mentions if not (m.span.start <= start < m.span.end))
    for conf, expected in ((0.4, set()), (0.9, {"Oslo University"})):
        pron = Mention(Span("d1", start, start + 4), "They", "PRON", canonical="Oslo University", confidence=conf)
        found = find_claims(doc, sdoc, dataclasses.replace(annots, mentions=(*others, pron)))
        assert {c.actor_name for c in found} == expected
