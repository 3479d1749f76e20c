"""One type for the dates news gives at any precision: a year, a month or a day.

Every stage used to read ISO prefixes ("2019", "2019-01", "2019-01-22", "2019-01-22T10:00") with a
regex of its own; ``PartialDate.parse`` is the one reader, and the ranges and axis positions the
timeline, the conflicts and the resolver need are computed here. Hand-written because
``datetime.date.fromisoformat`` rejects reduced precision, which is the point of this type.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Literal

logger = logging.getLogger(__name__)

Precision = Literal["year", "month", "day"]
_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day; a part is None when it is not known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None, whole: bool = False) -> PartialDate | None:
        """The ISO date at the start of ``value``, keeping only its valid parts ("2019-13" -> 2019);
        None when it starts with no year (or, with ``whole``, when anything follows the date)."""
        m = _ISO_PREFIX.match(value or "")
        if m is None or (whole and m.end() != len(value or "")):
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        if year < dt.MINYEAR:
            return None
        if month is None or not 1 <= month <= 12:
            return cls(year)
        if day is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return cls(year, month)
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def iso(self) -> str:
        """'2019', '2019-01' or '2019-01-22'."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first(self) -> dt.date:
        """The first day the date stands for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> dt.date:
        """The last day the date stands for."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def span(self) -> tuple[dt.date, dt.date]:
        return self.first(), self.last()

    def fractional_year(self) -> float:
        """A position on a time axis: the middle of a year; the 15th of a month when the day is unknown."""
        if self.month is None:
            return self.year + 0.5
        return self.year + (self.month - 1) / 12 + ((self.day or 15) - 1) / 365
