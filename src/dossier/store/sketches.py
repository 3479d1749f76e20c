"""Each page's near-duplicate sketch as rows: its text key, and one row per LSH band it falls in.

Why: an incremental corpus step compares a few new pages with every stored one. Kept as one JSON
value (the corpus index in the store's meta), every stored page's 128 MinHash values were parsed,
banded and written back on each step: time and bytes in the number of stored pages. As rows, a new
page asks SQL for the pages sharing its text key or one of its bands (both indexed), and a step
writes the new pages' rows only. A band is stored as a 63-bit digest of its values (a collision
only adds a candidate, which the exact Jaccard check then refuses); the MinHash values themselves
are not kept: a full step hashes every page again.
"""

from __future__ import annotations

import hashlib
import logging
import struct
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Callable

from dossier.clean.duplicates import Sketch

logger = logging.getLogger(__name__)

Run = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]

DELETE = ("DELETE FROM sketches WHERE doc_id = {ph}", "DELETE FROM sketch_bands WHERE doc_id = {ph}")
CLEAR = ("DELETE FROM sketches", "DELETE FROM sketch_bands")
INSERT = ("INSERT INTO sketches (doc_id, key) VALUES ({ph}, {ph})",
          "INSERT INTO sketch_bands (band, doc_id) VALUES ({ph}, {ph})")


def band_keys(values: Sequence[int]) -> list[int]:
    """One signed 64-bit key per LSH band of a MinHash (``clean.minhash.BandIndex``'s bands, with
    the band's number, so equal values in two bands are two keys)."""
    from dossier.clean.minhash import BANDS, ROWS

    out = []
    for i in range(BANDS):
        band = struct.pack(f"<{ROWS + 1}Q", i, *values[i * ROWS:(i + 1) * ROWS])
        out.append(int.from_bytes(hashlib.blake2b(band, digest_size=8).digest(), "big", signed=True))
    return out


def sketch_rows(sketches: Mapping[str, Sketch]) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """(rows of ``sketches``: doc id, text key; rows of ``sketch_bands``: band key, doc id)."""
    keys = [(i, key) for i, (key, _) in sketches.items()]
    bands = [(b, i) for i, (_, values) in sketches.items() if values is not None for b in band_keys(values)]
    return keys, bands


def writes(sketches: Mapping[str, Sketch], gone: Collection[str], replace: bool, ph: str) -> list[tuple[str, list[Any]]]:
    """The statements (SQL, rows for ``executemany``) that store ``sketches``: after deleting every
    stored sketch (``replace``) or those of ``gone`` and of the pages written again."""
    keys, bands = sketch_rows(sketches)
    out: list[tuple[str, list[Any]]] = []
    if replace:
        out += [(sql, [()]) for sql in CLEAR]
    else:
        drop = [(i,) for i in sorted(set(gone) | set(sketches))]
        out += [(sql.format(ph=ph), drop) for sql in DELETE]
    out += [(INSERT[0].format(ph=ph), keys), (INSERT[1].format(ph=ph), bands)]
    return out


class StoredSketches:
    """A ``clean.duplicates.SketchLookup`` over a store's sketch tables."""

    def __init__(self, run: Run, ph: str) -> None:
        self.run, self.ph = run, ph

    def with_key(self, key: str) -> Iterable[str]:
        return [str(r[0]) for r in self.run(f"SELECT doc_id FROM sketches WHERE key = {self.ph}", (key,))]

    def near(self, values: Sequence[int]) -> Iterable[str]:
        keys = band_keys(values)
        marks = ", ".join([self.ph] * len(keys))
        return [str(r[0]) for r in self.run(
            f"SELECT DISTINCT doc_id FROM sketch_bands WHERE band IN ({marks})", keys)]
