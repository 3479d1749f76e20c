"""``NameSet``: the gazetteer's names as one sorted string answer membership exactly as a set does."""

from __future__ import annotations

import random

import pytest

from dossier.lang.nameset import NameSet


def test_membership_is_that_of_a_set() -> None:
    rng = random.Random(7)
    names = {"".join(rng.choice("abcé '-") for _ in range(rng.randint(1, 9))) for _ in range(3000)}
    held = NameSet(sorted(names))
    assert len(held) == len(names) and list(held) == sorted(names)
    probes = list(names) + ["".join(rng.choice("abcé '-") for _ in range(rng.randint(0, 9))) for _ in range(3000)]
    assert all((p in held) == (p in names) for p in probes)


def test_unsorted_or_repeated_names_are_sorted_once() -> None:
    held = NameSet(["tokyo", "abuja", "tokyo", "", "zz"])
    assert list(held) == ["", "abuja", "tokyo", "zz"]
    assert "" in held and "tokyo" in held and "tokyo " not in held and "tok" not in held and "zzz" not in held


def test_edges_and_other_types() -> None:
    empty = NameSet([])
    assert len(empty) == 0 and "a" not in empty and list(empty) == []
    assert 3 not in NameSet(["3"])
    with pytest.raises(ValueError):
        NameSet(["a\nb"])
