"""MinHash sketches and their banded index, value for value those of datasketch's ``MinHash``
(scheme "affine32", SHA-1 input hash) and ``MinHashLSH`` (threshold 0.8, 128 permutations).

Why not datasketch itself: importing it imports scipy (for the one-off choice of band sizes), about
a third of a second of CPU that every corpus step paid, and most of the fixed cost of folding a few
new pages into a large store. The arithmetic is a few lines of numpy; the band sizes are the ones
datasketch chooses for these settings, checked against it by ``tests/unit/clean/test_minhash.py``,
as are the values and the candidates.
"""

from __future__ import annotations

import hashlib
import logging
import struct
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

BANDS, ROWS = 9, 13  # datasketch's _optimal_param(0.8, 128, 0.5, 0.5): equal weights of misses and false hits
_MAX = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[Any, Any]:
    """The affine maps h -> a*h + b mod 2^32 (a odd, so each is a bijection), drawn as datasketch draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(hv: Any) -> Any:
    """MurmurHash3's 32-bit finalizer: spreads the input hashes before the affine maps."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def minhash(items: Iterable[bytes], num_perm: int = 128, seed: int = 1) -> list[int]:
    """The MinHash values of a set of byte strings (all 2^32-1 for an empty set)."""
    hashes = [struct.unpack("<I", hashlib.sha1(x).digest()[:4])[0] for x in items]
    if not hashes:
        return [int(_MAX)] * num_perm
    a, b = _permutations(num_perm, seed)
    hv = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
    with np.errstate(over="ignore"):  # wrapping is the modulo 2^32
        values = (hv * a + b).min(axis=0)
    return [int(v) for v in values]


class BandIndex:
    """Sketches by band: a query's candidates are the keys that agree with it on every value of at
    least one band (what ``MinHashLSH.query`` returns). A band is keyed by its values packed as
    32-bit words (52 bytes): as a tuple of Python ints each band held about 560 bytes, nine a page,
    most of the duplicates pass's memory at 10,000 pages. Equal words are equal values (MinHash
    values are 32-bit; a larger one is refused, never folded)."""

    def __init__(self, bands: int = BANDS, rows: int = ROWS):
        self.rows = rows
        self._pack = struct.Struct(f"<{rows}I").pack
        self.tables: list[defaultdict[bytes, list[Hashable]]] = [defaultdict(list) for _ in range(bands)]

    def _bands(self, values: Sequence[int]) -> Iterable[tuple[int, bytes]]:
        for i in range(len(self.tables)):
            yield i, self._pack(*values[i * self.rows : (i + 1) * self.rows])

    def insert(self, key: Hashable, values: Sequence[int]) -> None:
        for i, band in self._bands(values):
            self.tables[i][band].append(key)

    def query(self, values: Sequence[int]) -> set[Hashable]:
        found: set[Hashable] = set()
        for i, band in self._bands(values):
            found.update(self.tables[i].get(band, ()))
        return found
