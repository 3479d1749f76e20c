"""``position_order``: two stable sorts on keys made once per side and issue give the order of one
sort on the whole key (side name, side, issue size, date, page, offset), ties included."""

from __future__ import annotations

import random
from collections import Counter

from dossier.extract.positions_order import OTHER, position_order
from dossier.model import Position, Span


def _one_sort(rows: list[Position], name_of: dict[str, str]) -> list[Position]:
    """The order as one sort on the whole key (how it was written before the keys were shared)."""
    size = Counter(p.issue for p in rows)

    def label(p: Position) -> str:
        return name_of.get(p.actor, "") if p.actor else (p.actor_label or "")

    return sorted(rows, key=lambda p: (label(p).lower(), p.side, p.issue == OTHER, -size[p.issue], p.issue,
                                       p.date is None, p.date or "", p.span.doc_id, p.span.start))


def _random_positions(rng: random.Random, n: int) -> list[Position]:
    rows = []
    for i in range(n):
        actor = rng.choice(["e1", "e2", "e3", None, None])
        rows.append(Position(
            actor=actor, actor_label=None if actor else rng.choice(["Protesters", "protesters", "Analysts", ""]),
            issue=rng.choice(["taxes", "border", "Border", OTHER, "trade"]), stance=rng.choice(["said", "demand"]),
            statement=f"statement {i}", span=Span(rng.choice(["d1", "d2"]), rng.randrange(3), rng.randrange(3) + 5),
            date=rng.choice([None, "2020-01-02", "2020-01", "2019"])))
    return rows


def test_order_is_the_one_sort_on_the_whole_key_ties_in_input_order():
    rng = random.Random(7)
    name_of = {"e1": "Ana Reyes", "e2": "ana reyes", "e3": "Bo Lind"}  # two sides whose names fold together
    for _ in range(50):
        rows = _random_positions(rng, rng.randrange(60))
        got = position_order(rows, name_of)
        want = _one_sort(rows, name_of)
        assert [id(p) for p in got] == [id(p) for p in want]


def test_sides_by_name_then_issues_largest_first_other_last_then_undated_last():
    def pos(actor: str, issue: str, date: str | None, start: int) -> Position:
        return Position(actor=actor, actor_label=None, issue=issue, stance="said", statement="s",
                        span=Span("d", start, start + 1), date=date)

    rows = [pos("e2", "taxes", None, 0), pos("e1", OTHER, "2020", 1), pos("e1", "taxes", None, 2),
            pos("e1", "trade", "2020", 3), pos("e1", "trade", "2019", 4), pos("e1", "trade", "2019", 5)]
    got = position_order(rows, {"e1": "Bo Lind", "e2": "Ana Reyes"})
    assert [(p.actor, p.issue, p.span.start) for p in got] == [
        ("e2", "taxes", 0), ("e1", "trade", 4), ("e1", "trade", 5), ("e1", "trade", 3), ("e1", "taxes", 2),
        ("e1", OTHER, 1)]
