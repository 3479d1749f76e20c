"""find_duplicates hashes one page at a time (a candidate's shingles are made again from its text):
it must give what holding every page's words and shingles for the whole pass gave, duplicates and
sketches alike, on seeded pages with exact copies, near copies and chains of near copies."""

from __future__ import annotations

import random

from dossier.clean.duplicates import find_duplicates
from dossier.model import Document
from tests.support.held import held_find_duplicates


def _pages(seed: int) -> list[Document]:
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(300)]
    bases = [" ".join(rng.choice(words) for _ in range(rng.randint(60, 200))) for _ in range(12)]
    texts = list(bases)
    for _ in range(30):
        base = rng.choice(texts).split()
        kind = rng.random()
        if kind < 0.3:  # an exact copy up to case and punctuation
            texts.append(" ".join(base).upper() + ".")
        else:  # a near copy: a few words changed (a chain when its base was a copy itself)
            for _ in range(rng.randint(0, 3)):
                base[rng.randrange(len(base))] = rng.choice(words)
            texts.append(" ".join(base))
    texts += ["", "too short"]
    rng.shuffle(texts)
    return [Document(id=f"d{n}", source=f"d{n}", text=t, status=rng.choice(["ok", "ok", "raw"]))
            for n, t in enumerate(texts)]


def test_one_page_at_a_time_gives_what_holding_every_page_gave():
    found_any = 0
    for seed in range(6):
        docs = _pages(seed)
        held_sketches: dict = {}
        streamed_sketches: dict = {}
        held = held_find_duplicates(docs, sketches=held_sketches)
        streamed = find_duplicates(docs, sketches=streamed_sketches)
        assert streamed == held and list(streamed) == list(held)
        as_lists = [(k, (key, None if v is None else list(v))) for k, (key, v) in streamed_sketches.items()]
        assert as_lists == list(held_sketches.items())
        found_any += len(held)
    assert found_any > 50  # the pages do have exact and near copies


def test_sketches_are_compact_arrays_and_band_as_the_numbers_do():
    from array import array

    from dossier.store.sketches import band_keys

    sketches: dict = {}
    find_duplicates(_pages(0), sketches=sketches)
    kept = [v for _, v in sketches.values() if v is not None]
    assert kept and all(isinstance(v, array) and v.itemsize == 4 for v in kept)
    assert all(band_keys(v) == band_keys(list(v)) for v in kept)  # the store's band rows are the same
