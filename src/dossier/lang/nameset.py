"""A large fixed set of names held as one sorted string, for membership tests.

Why: the gazetteer (``geo.known_place``) is 125,000 folded place names asked only "is this one of
them?". As a ``frozenset`` each name was a string object of its own plus a hash-table slot, 11 MB
of every process that resolves entities (the corpus step's peak among them); as one string with an
array of where each name starts it is about 2 MB, and a binary search (17 comparisons) answers the
same question exactly.
"""

from __future__ import annotations

import logging
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import accumulate, pairwise

logger = logging.getLogger(__name__)


class NameSet:
    """An immutable set of strings without a newline in them: ``name in names``, ``len``, iteration in order."""

    __slots__ = ("_blob", "_starts")

    def __init__(self, names: Iterable[str]):
        ordered = list(names)
        if not all(a < b for a, b in pairwise(ordered)):  # a file written sorted needs no sort
            ordered = sorted(set(ordered))
        if any("\n" in n for n in ordered):
            raise ValueError("a name with a newline")
        self._blob = "\n".join(ordered)
        self._starts = array("q", accumulate((len(n) + 1 for n in ordered), initial=0))  # the last: past the end
        logger.debug("name set: %d names in %d characters", len(ordered), len(self._blob))

    def _at(self, i: int) -> str:
        return self._blob[self._starts[i] : self._starts[i + 1] - 1]

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        i = bisect_left(range(len(self)), name, key=self._at)
        return i < len(self) and self._at(i) == name

    def __iter__(self) -> Iterator[str]:
        return (self._at(i) for i in range(len(self)))
