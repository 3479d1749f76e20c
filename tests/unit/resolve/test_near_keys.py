"""``persons._near_keys`` (rapidfuzz pre-scores each bucket, the exact check runs on the pairs it
keeps) gives what checking every pair of a bucket gives, on seeded misspellings of surnames,
suffixes and honorifics."""
from __future__ import annotations

import random
from collections import defaultdict

from dossier.nlp.names import same_person_name
from dossier.resolve.persons import _near_keys


def _every_pair(keys: list[str]) -> dict[str, list[str]]:
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        index[(k[:1], k[-1:])].append(k)
    return {k: [k2 for k2 in index[(k[:1], k[-1:])] if k2 > k and same_person_name("x " + k, "x " + k2)]
            for k in keys}


def test_near_keys_equal_the_exhaustive_check() -> None:
    rng = random.Random(7)
    base = ["smith", "ivanov", "ivanova", "jr", "mr", "sr", "iii", "dmitrii", "sergei", "kowalski",
            "kovalski", "schmidt", "schmitt", "al", "bin", "nguyen", "okonkwo"]
    keys = set(base)
    for _ in range(1500):
        w = rng.choice(base)
        for _ in range(rng.randint(0, 3)):
            p = rng.randrange(len(w) + 1)
            w = w[:p] + rng.choice("aeiouyklmnrst") + w[p:]
        keys.add(w)
    ordered = sorted(keys)
    near = _near_keys(ordered)
    assert near == _every_pair(ordered)
    assert sum(map(len, near.values())) > 100  # typos of long surnames do pair
