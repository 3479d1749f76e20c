"""find_duplicates hashes one page at a time (a candidate's shingles are made again from its text):
it must give what holding every page's words and shingles for the whole pass gave, duplicates and
sketches alike, on seeded pages with exact copies, near copies and chains of near copies."""

from __future__ import annotations

import random

from dossier.clean.duplicates import (
    NUM_PERM,
    SEED,
    THRESHOLD,
    _index,
    _rank,
    _root,
    _shingles,
    _tokens,
    find_duplicates,
    text_key,
)
from dossier.clean.minhash import minhash
from dossier.model import Document


def _held(docs, threshold=THRESHOLD, sketches=None):
    """The pass as it was: every page's words, then every first copy's shingles, kept to the end."""
    parent = {i: i for i in range(len(docs))}
    tokens = [_tokens(d.text) for d in docs]
    by_hash: dict[str, int] = {}
    for i, toks in enumerate(tokens):
        if not toks:
            continue
        key = text_key(toks)
        if sketches is not None:
            sketches[docs[i].id] = (key, None)
        if key in by_hash:
            parent[_root(parent, i)] = _root(parent, by_hash[key])
        else:
            by_hash[key] = i
    lsh = _index(threshold)
    shingles: dict[int, set[str]] = {}
    for i in sorted(by_hash.values()):
        sh = _shingles(tokens[i])
        shingles[i] = sh
        mh = minhash((s.encode() for s in sorted(sh)), NUM_PERM, SEED)
        if sketches is not None:
            sketches[docs[i].id] = (sketches[docs[i].id][0], mh)
        for j in sorted(int(str(k)) for k in lsh.query(mh)):
            other = shingles[j]
            if len(sh & other) / len(sh | other) >= threshold:
                a, b = _root(parent, i), _root(parent, j)
                if a != b:
                    parent[a] = b
        lsh.insert(str(i), mh)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(_root(parent, i), []).append(i)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            keep = min(members, key=lambda i: _rank(docs[i], i))
            out.update({docs[i].id: docs[keep].id for i in members if i != keep})
    return out


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
        held = _held(docs, sketches=held_sketches)
        streamed = find_duplicates(docs, sketches=streamed_sketches)
        assert streamed == held and list(streamed) == list(held)
        assert list(streamed_sketches.items()) == list(held_sketches.items())
        found_any += len(held)
    assert found_any > 50  # the pages do have exact and near copies
