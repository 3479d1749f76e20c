"""The listing order of positions, sorted with small shared keys.

The full corpus step sorts every position of the corpus at once (about 13 per page), at the end of
the positions pass, the step's highest point in memory at 3,000 generated pages: one key tuple of
ten fields per position, with a lowered copy of its side's name, a side string and a negative issue
size made anew for each, was a quarter of the pass's own working set. The keys are now built from
parts made once per side and once per issue, in two stable sorts (the finer fields first, then the
coarser ones), which give the very order of one sort on the whole key, ties included.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping

from dossier.model import Position

logger = logging.getLogger(__name__)

OTHER = "other"  # the issue of claims that join no shared issue (``positions.OTHER``)


def position_order(positions: Iterable[Position], name_of: Mapping[str, str]) -> list[Position]:
    """Positions in listing order: by side (its name, ``name_of`` an entity id's, then the side),
    issue (largest first, ``OTHER`` last), date (undated last), page and offset; stable on ties.
    One order for the full corpus step, the incremental one and the store, which sorts on read so
    an incremental step can write only the positions it adds."""
    rows = list(positions)
    size = Counter(p.issue for p in rows)
    issue_key = {issue: (issue == OTHER, -n, issue) for issue, n in size.items()}
    side_key: dict[tuple[str | None, str | None], tuple[str, str]] = {}

    def side_of(p: Position) -> tuple[str, str]:
        got = side_key.get(who := (p.actor, p.actor_label))
        if got is None:
            label = name_of.get(p.actor, "") if p.actor else (p.actor_label or "")
            got = side_key[who] = (label.lower(), p.side)
        return got

    rows.sort(key=lambda p: (p.date is None, p.date or "", p.span.doc_id, p.span.start))
    rows.sort(key=lambda p: (side_of(p), issue_key[p.issue]))  # stable: ties keep the finer order
    return rows
