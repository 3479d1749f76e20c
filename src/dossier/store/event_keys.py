"""What a stored event can be joined by, as rows: its participants, its named documents, its date.

Why: an incremental corpus step asks which stored events the new pages' events may be reports of
(``base.events_near``). Reading that off every stored event's JSON parsed the whole events table
on each step: time in the number of stored events. With one row per participant (kind ``a``), per
name (``n``, evidence ``event:name``) and one for the date (``d``; ``d0`` when the event names no
actor, ``dn`` when one is named by name only: the date matches ``events_near`` asks for each),
indexed by (kind, value), SQL finds the candidates and only their JSON is parsed; ``events_near``
then keeps exactly the ones its rule keeps, so the result is the same.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from dossier.model import Event

logger = logging.getLogger(__name__)

DELETE = "DELETE FROM event_keys WHERE event_id = {ph}"
CLEAR = "DELETE FROM event_keys"
INSERT = "INSERT INTO event_keys (event_id, kind, value) VALUES ({ph}, {ph}, {ph})"


def date_kind(participants: Sequence[str]) -> str:
    """The kind of an event's date row: which of ``events_near``'s date rules may pick it."""
    if not participants:
        return "d0"
    return "dn" if any(p.startswith("name:") for p in participants) else "d"


def key_rows(events: Iterable[Event]) -> list[tuple[str, str, str]]:
    """(event id, kind, value) rows of ``events`` (the last of one id wins, as the events table)."""
    from dossier.extract.events_scope import hinted_date

    out: list[tuple[str, str, str]] = []
    for e in {e.id: e for e in events}.values():
        out += [(e.id, "a", p) for p in dict.fromkeys(e.participants)]
        out += [(e.id, "n", n) for n in dict.fromkeys(v.text for v in e.evidence if v.rule == "event:name")]
        if when := hinted_date(e):
            out.append((e.id, date_kind(e.participants), when))
    return out


def _within(column: str, dates: Collection[str], ph: str, sql_in: Any) -> tuple[str, list[Any]]:
    """SQL for ``base._within(dates)(column)``: one of ``dates``, within one or holding one."""
    holding = frozenset(d[:k] for d in dates for k in range(1, len(d) + 1))
    parts = [sql_in(column, holding, ph)]
    parts += [sql_in(f"substr({column}, 1, {k})", frozenset(dates), ph) for k in sorted({len(d) for d in dates})]
    return "(" + " OR ".join(p for p, _ in parts) + ")", [x for _, ps in parts for x in ps]


def candidates(actors: Collection[str], names: Collection[str], any_actor: Collection[str],
               no_actor: Collection[str], spelled: Collection[str], ph: str) -> tuple[str, list[Any]] | None:
    """The SELECT of the stored events' JSON (in store order) that share an actor or a name, or whose
    date row matches: within ``any_actor`` (any kind), ``no_actor`` (``d0``), ``spelled`` (``dn``).
    None when nothing can match."""
    from dossier.store.tables import sql_in

    ors: list[tuple[str, list[Any]]] = []
    for kind, values in (("'a'", actors), ("'n'", names)):
        if values:
            sql, params = sql_in("value", frozenset(values), ph)
            ors.append((f"kind = {kind} AND {sql}", params))
    for kinds, dates in (("'d', 'd0', 'dn'", any_actor), ("'d0'", no_actor), ("'dn'", spelled)):
        if dates:
            sql, params = _within("value", dates, ph, sql_in)
            ors.append((f"kind IN ({kinds}) AND {sql}", params))
    if not ors:
        return None
    union = " UNION ".join(f"SELECT event_id FROM event_keys WHERE {sql}" for sql, _ in ors)
    return (f"SELECT json FROM events WHERE id IN ({union}) ORDER BY date IS NULL, date, id",
            [p for _, ps in ors for p in ps])


def writes(events: Sequence[Event], gone: Collection[str], replace: bool, ph: str) -> list[tuple[str, list[Any]]]:
    """The statements (SQL, rows for ``executemany``) that keep ``event_keys`` in step with the events
    table: every row again (``replace``), or those of ``gone`` and of the ``events`` written."""
    if replace:
        head: tuple[str, list[Any]] = (CLEAR, [()])
    else:
        head = (DELETE.format(ph=ph), [(i,) for i in sorted(set(gone) | {e.id for e in events})])
    return [head, (INSERT.format(ph=ph), list(key_rows(events)))]
