"""The corpus step's code as it was before its memory and speed work (issue #16), kept as the
reference those changes must equal: the duplicates pass holding every page's words and shingles,
names cleaned without memos, headline lines scanned for every mention, the corpus read with the
garbage collector scanning it. ``as_before`` swaps them in for one test."""

from __future__ import annotations

from typing import Any

from dossier.clean.duplicates import NUM_PERM, SEED, THRESHOLD, _index, _rank, _root, _shingles, _tokens, text_key
from dossier.clean.minhash import minhash


def held_find_duplicates(docs: Any, threshold: float = THRESHOLD, sketches: Any = None) -> dict[str, str]:
    """find_duplicates as it was: every page's words, then every first copy's shingles, kept to the end."""
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


def held_only_in_headlines(name: str, text: str) -> bool:
    """only_in_headlines as it was: the page's lines split and tested for every mention."""
    from dossier.resolve.clean import _title_case

    found = False
    for line in text.splitlines():
        if name in line:
            if not _title_case(line):
                return False
            found = True
    return found


def as_before(monkeypatch: Any) -> None:
    """Swap the reference code in (``monkeypatch``: pytest's fixture), wherever it was imported."""
    import sys

    import dossier.clean.duplicates as duplicates
    import dossier.corpus.heap as heap
    import dossier.resolve.clean as clean
    from dossier.nlp import names

    monkeypatch.setattr(duplicates, "find_duplicates", held_find_duplicates)
    monkeypatch.setattr(clean, "only_in_headlines", held_only_in_headlines)
    monkeypatch.setattr(heap, "read_unscanned", lambda read: read())
    memoized = {id(f): f.__wrapped__ for f in (names.clean_name, names.malformed)}
    for name, module in list(sys.modules.items()):
        if name.startswith("dossier"):
            for attr, value in list(vars(module).items()):
                if id(value) in memoized:
                    monkeypatch.setattr(module, attr, memoized[id(value)])
