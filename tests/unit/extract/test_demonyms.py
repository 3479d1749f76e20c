"""The indexed demonym lookup answers as the scan of every country does, ties included."""

from __future__ import annotations

import random

from dossier.extract.demonyms import _country_for_demonym, demonym_lookup


def test_lookup_matches_the_full_scan_on_random_names_and_ties():
    rng = random.Random(16)
    stems = ["sylv", "sylva", "mora", "moran", "kest", "İsta", "abc", "nor"]
    ends = ["", "a", "ia", "ian", "ese", "land", "ish", "i", "an"]
    for _ in range(200):
        countries = [rng.choice(stems) + rng.choice(ends) for _ in range(rng.randint(0, 12))]
        countries = [c.capitalize() if rng.random() < 0.7 else c for c in countries]
        lookup = demonym_lookup(countries)
        words = [rng.choice(stems) + rng.choice(ends) for _ in range(20)] + ["French", " Swiss ", "Sylvanian", ""]
        for w in words:
            assert lookup(w) == _country_for_demonym(w, countries), (w, countries)
            assert lookup(w) == _country_for_demonym(w, countries)  # memoized answer is the same


def test_lookup_keeps_the_first_of_the_shortest_and_the_irregular_forms():
    lookup = demonym_lookup(["Morania", "Moran", "Morana", "Kestavia", "France"])
    assert lookup("Moranian") == "Moran"
    assert lookup("Kestavian") == "Kestavia"
    assert lookup("Kestrel") is None  # a shared prefix, but not the country's stem
    assert lookup("French") == "France"
    assert lookup("Mor") is None  # fewer than four letters name nothing
    assert demonym_lookup(["Morana", "Moranb"])("Moranx") == "Morana"  # a tie: the first listed
