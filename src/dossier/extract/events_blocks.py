"""Blocking for event merging: which clusters a report can possibly join, found through indexes.

Greedy merging asks, for each report, which of the events found so far it fits. Asking every event
made merging quadratic in the corpus (the slowest corpus pass at a few hundred pages). Each way a
report can fit an event (``events_merge._fits``) needs something the two share, so an index on that
thing gives every event the report can fit, and the exact test then runs on those few alone:

- shared participants (the usual case, and "same day across kinds"), and for a report with a date
  of its own, an event of the same or a containing date (or none yet): an index on each participant
  key; a key that is only a name matches another spelling of the name, so such keys are also filed
  under a coarser bucket the caller gives (``key_block``: for names, the surname's last letter);
- a report with no date, weekday or month of its own: a report of the same page (its lead) or, when
  it names a place, an event with a place;
- a report that names no actor, or an event that names none: the same date, or one containing the
  other (a prefix of the ISO date) when both name a place (``_fits``: ``it.date == cl.date`` or
  places and ``contains``; the cluster's date and place are those of some report in it, so an index
  on every report's date and the set of events with a place hold it), or, for a page-dated lead,
  the same place. Without the place condition a report dated only to a year ("in 2016") and naming
  no actor was tested against every event of that year;
- the same named document ("the Declaration of Principles").

The index is a superset (keys and dates of every report in an event, not only those the event shows),
so the clusters found are exactly those the exhaustive scan finds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger(__name__)


class Report(Protocol):
    """What blocking reads of a per-document event report (``events_merge._Item``)."""

    keys: list[str]
    place: str | None
    date: str | None
    name: str | None

    @property
    def match_keys(self) -> list[str]: ...


class Blocks:
    """Indexes from what reports share to the clusters (by number) that hold such a report."""

    def __init__(self, key_block: Callable[[str], str | None]) -> None:
        # a participant key -> the bucket of the keys it may match other than itself (or None)
        self.key_block = key_block
        self.by_key: defaultdict[str, set[int]] = defaultdict(set)
        self.by_date: defaultdict[str, set[int]] = defaultdict(set)  # a report's own date
        self.by_date_prefix: defaultdict[str, set[int]] = defaultdict(set)  # every prefix of it
        self.by_place: defaultdict[str, set[int]] = defaultdict(set)
        self.by_name: defaultdict[str, set[int]] = defaultdict(set)
        self.by_doc: defaultdict[str, set[int]] = defaultdict(set)
        self.keyed: set[int] = set()  # clusters some report of which names an actor
        self.dated: set[int] = set()  # clusters some report of which has a date of its own
        self.placed: set[int] = set()  # clusters some report of which names a place

    def add(self, cluster: int, it: Report, doc: str) -> None:
        """File report ``it`` of page ``doc`` (just added to ``cluster``) under all it can be matched by."""
        self.by_doc[doc].add(cluster)
        for k in it.keys:
            self.by_key[k].add(cluster)
            block = self.key_block(k)
            if block is not None:
                self.by_key[block].add(cluster)
        if it.keys:
            self.keyed.add(cluster)
        if it.date:
            self.dated.add(cluster)
            self.by_date[it.date].add(cluster)
            for n in range(1, len(it.date) + 1):
                self.by_date_prefix[it.date[:n]].add(cluster)
        if it.place:
            self.placed.add(cluster)
            self.by_place[it.place].add(cluster)
        if it.name:
            self.by_name[it.name].add(cluster)

    def _dated_alike(self, date: str) -> set[int]:
        """Clusters holding a date that is ``date`` or a prefix of it, or that ``date`` prefixes."""
        out = set(self.by_date_prefix.get(date, ()))
        for n in range(1, len(date) + 1):
            out.update(self.by_date.get(date[:n], ()))
        return out

    def _unnamed_alike(self, it: Report, date: str) -> set[int]:
        """Clusters a report dated ``date`` may fit when it or the cluster names no actor: the same
        date, or (both placed) one containing the other."""
        same = set(self.by_date.get(date, ()))
        if it.place:
            same.update(c for c in self._dated_alike(date) if c in self.placed)
        return same

    def candidates(self, it: Report, doc: str, reach: str = "any") -> set[int]:
        """Every cluster report ``it`` of page ``doc`` may fit (a superset of those ``_fits``
        accepts). ``reach`` (for a report with no date of its own) says which events of its actors
        it can join: ``any``; ``page``, only one its own page's lead reported; ``placed``, those and
        events with a place."""
        out: set[int] = set(self.by_name.get(it.name, ())) if it.name else set()
        if it.keys:
            actors: set[int] = set()
            for k in it.match_keys:
                actors.update(self.by_key.get(k, ()))
                block = self.key_block(k)
                if block is not None:
                    actors.update(self.by_key.get(block, ()))
            if it.date:  # a dated report joins an event of the same or a containing date, or an undated one
                alike = self._dated_alike(it.date)
                out.update(c for c in actors if c in alike or c not in self.dated)
                out.update(c for c in self._unnamed_alike(it, it.date) if c not in self.keyed)  # names no actor
            elif reach == "any":
                out.update(actors)
            else:  # its page's lead can tie it to an event, or (``placed``) an event with a place
                page = self.by_doc.get(doc, set())
                out.update(c for c in actors if c in page or (reach == "placed" and c in self.placed))
        elif it.date:
            out.update(self._unnamed_alike(it, it.date))
        elif it.place:  # a page-dated lead with no actor: the same place
            out.update(self.by_place.get(it.place, ()))
        return out
