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
