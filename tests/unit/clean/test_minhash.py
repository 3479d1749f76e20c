"""clean.minhash gives datasketch's MinHash values, band sizes and LSH candidates (datasketch is the
reference here; the code no longer imports it, for its scipy import)."""

from __future__ import annotations

import random
import struct

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from dossier.clean import duplicates
from dossier.clean.minhash import BANDS, ROWS, BandIndex, minhash


def _reference(items: list[bytes]) -> list[int]:
    mh = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, scheme=duplicates.SCHEME)
    mh.update_batch(items)
    return [int(v) for v in mh.hashvalues]


def test_band_sizes_are_datasketchs_for_the_duplicate_threshold():
    assert (BANDS, ROWS) == _optimal_param(duplicates.THRESHOLD, duplicates.NUM_PERM, 0.5, 0.5)


def test_values_and_candidates_match_datasketch():
    rng = random.Random(16)
    words = [f"w{i}" for i in range(60)]
    sets = [[" ".join(rng.choices(words, k=5)).encode() for _ in range(rng.randint(0, 40))] for _ in range(60)]
    sets += [s[: len(s) - 2] for s in sets[:20]]  # near copies, so that bands agree
    ours, ref = BandIndex(), MinHashLSH(threshold=duplicates.THRESHOLD, num_perm=duplicates.NUM_PERM)
    for i, items in enumerate(sets):
        values = minhash(items, duplicates.NUM_PERM, duplicates.SEED)
        assert values == _reference(items)
        assert all(type(v) is int for v in values)  # plain ints: stored as JSON and packed into band keys
        assert ours.query(values) == set(ref.query(MinHash(scheme=duplicates.SCHEME, hashvalues=np.array(values, dtype=np.uint32))))
        ours.insert(str(i), values)
        ref.insert(str(i), MinHash(scheme=duplicates.SCHEME, hashvalues=np.array(values, dtype=np.uint32)))
    assert any(len(ours.query(minhash(s))) > 1 for s in sets[:20])  # the near copies were found


def test_bands_are_keyed_by_packed_words_and_a_value_over_32_bits_is_refused():
    index = BandIndex()
    values = minhash([b"one two three four five", b"two three four five six"])
    index.insert("a", values)
    assert all(type(k) is bytes and len(k) == 4 * ROWS for table in index.tables for k in table)
    other = list(values)
    for band in range(BANDS):  # one value changed in every band: no band agrees
        other[band * ROWS] ^= 1
    assert index.query(values) == {"a"} and index.query(other) == set()
    other[0] = values[0]  # the first band agrees again
    assert index.query(other) == {"a"}
    with pytest.raises(struct.error):
        index.query([1 << 32] * len(values))
