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
