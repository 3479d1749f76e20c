"""Corpus rows encoded before a write transaction, held in a temporary file instead of in memory.

Replacing the corpus tables encodes every entity, event, position, conflict and figure as JSON
before the transaction opens, so the write lock another builder waits on is held for the inserts
only. Held as a list, that JSON was the last rise of the full corpus step's memory (about 100 MB at
10,000 pages: 127k positions). A ``Spool`` writes each row's JSON as one line of a temporary file and
reads them back, in order, while the rows are inserted: the same strings, the lock still not held
while encoding, and only a buffer's worth in memory.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

logger = logging.getLogger(__name__)

_CODEC = ("utf-8", "surrogatepass")  # a lone surrogate in a text comes back as it went in


class Spool:
    """``encode(item)`` of every item, one line each (compact JSON has no raw newline: ``json.dumps``
    escapes control characters, and no UTF-8 sequence holds the newline byte)."""

    def __init__(self, items: Iterable[Any], encode: Callable[[Any], str]) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()
        self.count = 0
        for item in items:
            line = encode(item).encode(*_CODEC)
            if b"\n" in line:
                raise ValueError("a spooled row must be one line")
            self._file.write(line + b"\n")
            self.count += 1
        self._file.flush()

    def __iter__(self) -> Iterator[str]:
        """The encoded rows, in the order given."""
        self._file.seek(0)
        for line in self._file:
            yield line[:-1].decode(*_CODEC)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
