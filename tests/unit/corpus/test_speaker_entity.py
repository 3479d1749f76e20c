"""Quote.speaker_entity: the quote finder's resolved speaker outranks the entity of a pronoun span."""

from __future__ import annotations

from dossier.corpus.passes import with_entity_ids
from dossier.model import Annotations, Mention, Quote, Span


def test_resolved_speaker_name_beats_the_pronoun_mentions_link():
    lena = Mention(Span("d", 0, 8), "Lena Vos", "PERSON", canonical="Lena Vos")
    adam = Mention(Span("d", 20, 29), "Adam Kerr", "PERSON", canonical="Adam Kerr")
    she = Mention(Span("d", 60, 63), "she", "PRON", canonical="Adam Kerr")  # a gender-blind link
    quote = Quote(Span("d", 40, 55), "We will not.", "direct", speaker="Lena Vos", speaker_span=Span("d", 60, 63))
    bare = Quote(Span("d", 70, 80), "Never.", "direct", speaker=None, speaker_span=Span("d", 20, 29))
    annots = Annotations("d", mentions=(lena, adam, she), quotes=(quote, bare))
    ids = {("d", 0, 8): "e-vos", ("d", 20, 29): "e-kerr", ("d", 60, 63): "e-kerr"}
    out = with_entity_ids(annots, ids)
    assert [q.speaker_entity for q in out.quotes] == ["e-vos", "e-kerr"]


def test_claim_actor_is_the_entity_its_name_denotes_and_none_without_one():
    from dossier.corpus.passes import with_claim_actors
    from dossier.extract.positions import entity_index
    from dossier.model import Claim, Entity

    place = Entity("p-nor", "Norland", "place")
    gov = Entity("g-nor", "Government of Norland", "gov", aliases=("Norland",), government_of="p-nor")
    said = Claim(Span("d", 0, 10), "Norland", "demand", "talks")
    nobody = Claim(Span("d", 20, 30), "Someone Unknown", "refusal", "talks")
    ents = [place, gov]
    by_id = {e.id: e for e in ents}
    out = with_claim_actors(Annotations("d", claims=(said, nobody)), by_id, entity_index(ents))
    assert [(c.actor_name, c.actor) for c in out.claims] == [("Norland", "g-nor"), ("Someone Unknown", None)]
    assert with_claim_actors(out, by_id, entity_index(ents)) is out  # unchanged: the same object


def test_a_claim_by_a_namesake_is_the_person_its_sentence_names():
    """Two people share a surname: the claim goes to the one the resolver gave the mention in the
    claim's own sentence, not to whichever the name alone would pick."""
    from dossier.corpus.passes import with_claim_actors
    from dossier.extract.positions import entity_index
    from dossier.model import Claim, Entity

    elder = Entity("p-old", "Ann Smith", "person", aliases=("Smith",))
    younger = Entity("p-new", "Bo Smith", "person", aliases=("Smith",))
    ents = [elder, younger]
    mentions = (Mention(Span("d", 0, 5), "Smith", "PERSON", canonical="Smith", entity_id="p-old"),
                Mention(Span("d", 40, 45), "Smith", "PERSON", canonical="Smith", entity_id="p-new"))
    claim = Claim(Span("d", 40, 80), "Smith", "demand", "talks")
    out = with_claim_actors(Annotations("d", mentions=mentions, claims=(claim,)), {e.id: e for e in ents},
                            entity_index(ents))
    assert out.claims[0].actor == "p-new"  # by the name alone it would be the first Smith


def test_a_claim_stored_before_actor_name_reads_its_name_back():
    from dossier.model import Claim, from_dict

    old = {"span": {"doc_id": "d", "start": 0, "end": 5}, "actor": "Norland", "stance": "demand", "statement": "x"}
    claim = from_dict(Claim, old)
    assert (claim.actor_name, claim.actor) == ("Norland", None)


def test_a_position_stored_with_a_name_reads_it_as_its_label():
    from dossier.model import Position, from_dict, to_dict

    span = {"doc_id": "d", "start": 0, "end": 5}
    old = {"actor": "Norland", "issue": "talks", "stance": "demand", "statement": "x", "span": span}
    assert (from_dict(Position, old).actor, from_dict(Position, old).actor_label) == (None, "Norland")
    new = Position("e-nor", "talks", "demand", "x", Span("d", 0, 5))
    assert from_dict(Position, to_dict(new)) == new  # a stored id stays an id
