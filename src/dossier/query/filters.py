"""The filters every listing takes (outlet, date range, entity), shared by the CLI, API and web app.

Dates in the store have a precision (``2018``, ``2018-05``, ``2018-05-14``), so the range test is
prefix-aware: a date known only to the year may fall inside a range of months and is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


def in_range(date: str | None, start: str | None, end: str | None) -> bool:
    """Prefix-aware date filter: '2018' is within from=2018-05 .. to=2018-12 (it may be)."""
    if not start and not end:
        return True
    if not date:
        return False
    if start and date[: len(start)] < start[: len(date)]:
        return False
    if end and date[: len(end)] > end[: len(date)]:
        return False
    return True


@dataclass(frozen=True)
class Filters:
    """What a reader narrows a listing to. Empty strings count as "not given" (web forms send them)."""

    outlet: str | None = None
    start: str | None = None  # YYYY[-MM[-DD]], inclusive
    end: str | None = None
    entity: str | None = None  # a name (every entity it may denote) or an entity id

    def __post_init__(self) -> None:
        for name in ("outlet", "start", "end", "entity"):
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)

    @property
    def on_documents(self) -> bool:
        """True when the filter says anything about which documents count."""
        return bool(self.outlet or self.start or self.end)

    def dates(self, date: str | None) -> bool:
        return in_range(date, self.start, self.end)

    def document(self, outlet: str | None, published: str | None) -> bool:
        """Does a document with this outlet and publication date pass?"""
        if self.outlet and (outlet or "") != self.outlet:
            return False
        return self.dates(published)

    def without_dates(self) -> "Filters":
        """The same filter with no date range (for items that carry their own dates)."""
        return Filters(outlet=self.outlet, entity=self.entity)


NO_FILTERS = Filters()
