"""The reader sorts entities and events once and filters the sorted lists: every listing must be in
the order sorting its own rows gives, ties included, whatever filter it takes."""

from __future__ import annotations

import random

from dossier.model import Entity, Event, Position, Span
from dossier.query import MIN_EVENT_CONFIDENCE, Reader
from dossier.query.filters import Filters, in_range
from dossier.store import Corpus, open_store

TYPES = ("person", "org", "place")
DATES = (None, "2019", "2019-05", "2019-05-02", "2019-05-30", "2020-01-01")


def _reader(tmp_path) -> Reader:
    rng = random.Random(3)
    ents = tuple(Entity(f"e{i:02d}", rng.choice(("Avon", "Brill", "Cato")), rng.choice(TYPES),
                        mentions=rng.randint(1, 4)) for i in range(60))  # many ties on (mentions, name)
    events = tuple(Event(f"v{rng.randint(0, 999):03d}-{i}", "meeting", "", (Span("d", 0, 1),),
                         date=rng.choice(DATES), confidence=rng.choice((0.3, 0.6, 0.9))) for i in range(60))
    positions = tuple(Position("e00", "talks", "for", "s", Span("d", 0, 1), date=rng.choice(DATES)) for _ in range(20))
    reader = Reader(open_store(tmp_path / "s.db"))
    # Set in place of the store's read, which already orders entities by name and events by date:
    # the reader's own order must not depend on it.
    reader.corpus = Corpus(entities=tuple(rng.sample(ents, len(ents))), events=tuple(rng.sample(events, len(events))),
                           positions=positions)
    return reader


def test_entities_of_each_type_are_in_the_order_their_own_sort_gives(tmp_path) -> None:
    reader = _reader(tmp_path)
    stored = reader.corpus.entities
    for type in (None, *TYPES):
        want = sorted((e for e in stored if type is None or e.type == type), key=lambda e: (-e.mentions, e.name))
        assert reader.entities(type) == want


def test_the_timeline_in_any_range_is_in_date_order(tmp_path) -> None:
    reader = _reader(tmp_path)
    for start, end in ((None, None), ("2019-05", None), (None, "2019-05-10"), ("2019", "2019")):
        want = sorted((e for e in reader.corpus.events if e.confidence >= MIN_EVENT_CONFIDENCE
                       and in_range(e.date, start, end)), key=lambda e: (e.date is None, e.date or "", e.id))
        assert want and reader.timeline(filters=Filters(start=start, end=end)) == want


def test_positions_keep_their_dates_filter(tmp_path) -> None:
    reader = _reader(tmp_path)
    every = list(reader.corpus.positions)
    assert reader.positions() == every
    dated = reader.positions(filters=Filters(start="2019-05"))
    assert dated == [p for p in every if in_range(p.date, "2019-05", None)] and len(dated) < len(every)
