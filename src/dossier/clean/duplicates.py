"""Exact and near-duplicate documents (one wire story printed by several outlets).

Exact: same normalised text. Near: datasketch MinHash + LSH on word 5-shingles, confirmed with the
exact Jaccard of the shingle sets so the answer does not depend on hash luck. Deterministic: fixed
seed, input order, and a fixed rule for which copy is kept.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence

from dossier.model import Document

logger = logging.getLogger(__name__)

THRESHOLD = 0.8
SHINGLE = 5
NUM_PERM = 128
SEED = 1


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _shingles(tokens: list[str]) -> set[str]:
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def _rank(doc: Document, index: int) -> tuple[bool, int, int]:
    """Sort key of the copy to keep: a usable status first, then the longer text, then the earlier."""
    return (doc.status not in ("ok", "non_english"), -len(doc.text), index)


def _root(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def find_duplicates(docs: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, str]:
    """doc id -> id of the kept doc it duplicates (exact or near, Jaccard >= threshold)."""
    from datasketch import MinHash, MinHashLSH  # lazy: only the reduce step needs it

    parent = {i: i for i in range(len(docs))}
    tokens = [_tokens(d.text) for d in docs]
    by_hash: dict[str, int] = {}
    for i, toks in enumerate(tokens):
        if not toks:
            continue
        key = hashlib.sha1(" ".join(toks).encode()).hexdigest()
        if key in by_hash:
            parent[_root(parent, i)] = _root(parent, by_hash[key])
        else:
            by_hash[key] = i
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    shingles: dict[int, set[str]] = {}
    for i in sorted(by_hash.values()):
        sh = _shingles(tokens[i])
        shingles[i] = sh
        mh = MinHash(num_perm=NUM_PERM, seed=SEED)
        mh.update_batch([s.encode() for s in sorted(sh)])
        for j in sorted(int(k) for k in lsh.query(mh)):
            other = shingles[j]
            jac = len(sh & other) / len(sh | other) if sh | other else 0.0
            if jac >= threshold:
                a, b = _root(parent, i), _root(parent, j)
                if a != b:
                    parent[a] = b
        lsh.insert(str(i), mh)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(_root(parent, i), []).append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = min(members, key=lambda i: _rank(docs[i], i))
        for i in members:
            if docs[i].id != docs[keep].id:
                out[docs[i].id] = docs[keep].id
    return out
