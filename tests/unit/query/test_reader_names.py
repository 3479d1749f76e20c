"""How the query layer names the parties of an event."""

from __future__ import annotations

from dossier.model import Entity
from dossier.query import Reader
from dossier.store import Corpus, open_store


def test_a_capital_acting_for_its_country_is_shown_as_the_country(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.replace_corpus(
        Corpus(
            entities=(
                Entity("p1", "Ruritania", "place"),
                Entity("g1", "Government of Ruritania", "gov", aliases=("Strelsau",), government_of="p1"),
                Entity("p2", "Strelsau", "place"),
                Entity("p3", "Zenda", "place"),
                Entity("h1", "Rudolf Rassendyll", "person"),
            )
        )
    )
    reader = Reader(store)
    assert reader.actor_name("p2") == "Ruritania"  # the capital stands for the country
    assert reader.actor_name("g1") == "Ruritania"  # a government is shown by its country
    assert reader.actor_name("p3") == "Zenda"  # any other place keeps its name
    assert reader.actor_name("h1") == "Rudolf Rassendyll"
    assert reader.entity_name("p2") == "Strelsau"  # as a place (not a party) it stays the city


def test_positions_hold_ids_and_the_reader_names_and_filters_them(tmp_path):
    from dossier.model import Event, Position, Span
    from dossier.query.filters import Filters

    store = open_store(tmp_path / "s.db")
    span = Span("d", 0, 5)
    store.replace_corpus(
        Corpus(
            entities=(
                Entity("p1", "Ruritania", "place", aliases=("Ruritanian Republic",)),
                Entity("g1", "Government of Ruritania", "gov", government_of="p1"),
                Entity("h1", "Rudolf Rassendyll", "person"),
            ),
            events=(Event("e1", "meeting", "talks", (span,), ("g1", "h1"), participant_labels=("Black Michael",)),),
            positions=(
                Position("p1", "border", "demand", "the border", span),
                Position(None, "border", "refusal", "no border", span, actor_label="Zenda rebels"),
            ),
        )
    )
    reader = Reader(store)
    assert [reader.side_name(p) for p in reader.positions()] == ["Ruritania", "Zenda rebels"]
    # an id, a name or an alias of the entity, or the label of a side with no entity
    for wanted in ("p1", "Ruritania", "ruritanian republic"):
        assert [p.actor for p in reader.positions(wanted)] == ["p1"], wanted
    assert [p.actor_label for p in reader.positions("zenda rebels")] == ["Zenda rebels"]
    assert [p.actor for p in reader.positions(filters=Filters(entity="p1"))] == ["p1"]
    assert reader.positions("Rudolf") == []  # no substring match on names
    (ev,) = reader.corpus.events
    assert reader.participant_names(ev) == ["Ruritania", "Rudolf Rassendyll", "Black Michael"]


def test_a_speaker_name_finds_its_entity_and_whole_words_of_the_names_read(tmp_path):
    """``quotes(speaker)``: every entity the name may denote, or a speaker read on the page whose
    name holds it as whole words in any case; paging keeps the order and the total."""
    from tests.support.synthetic import BERG, corpus, documents

    store = open_store(tmp_path / "s.db")
    for doc, ann in documents():
        store.put_document(doc, ann, b"x", "v1")
    store.replace_corpus(corpus())
    reader = Reader(store)
    texts = {w: [q.text for q in reader.quotes(w)] for w in ("berg", "Ber", "THE READER", "reader", BERG, "Lind")}
    assert len(texts["berg"]) == 2 and texts["berg"] == texts[BERG]
    assert texts["Ber"] == [] and texts["THE READER"] == texts["reader"] != []
    assert texts["Lind"] == ["a peace treaty must come first"]  # Karl Lind's; Eva Lind said nothing
    first, second = reader.quote_page("berg", limit=1), reader.quote_page("berg", limit=1, cursor="1")
    assert (first.total, second.total, first.next_cursor, second.next_cursor) == (2, 2, "1", None)
    assert [q.text for q in first.items + second.items] == texts["berg"]
