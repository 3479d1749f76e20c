"""Exact and near-duplicate documents (one wire story printed by several outlets).

Exact: same normalised text. Near: MinHash + LSH on word 5-shingles (``clean.minhash``, the values
datasketch gives), confirmed with the
exact Jaccard of the shingle sets so the answer does not depend on hash luck. Deterministic: fixed
seed, input order, and a fixed rule for which copy is kept.
"""

from __future__ import annotations

import hashlib
import logging
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from dossier.model import Document

if TYPE_CHECKING:
    from dossier.clean.minhash import BandIndex

logger = logging.getLogger(__name__)

THRESHOLD = 0.8
SHINGLE = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's default, which clean.minhash computes: stored sketches are of it


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _shingles(tokens: list[str]) -> set[str]:
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def _rank(doc: Document, index: int, size: int | None = None) -> tuple[bool, int, int]:
    """Sort key of the copy to keep: a usable status first, then the longer text, then the earlier
    (``size``: the text's length, for a page read without its text)."""
    return (doc.status not in ("ok", "non_english"), -(len(doc.text) if size is None else size), index)


def _root(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


# A page's text key, and its MinHash (first page of that text only): 32-bit values, kept for the whole
# corpus step as an ``array`` (0.5 KB a page; a list of Python ints is ten times that).
Sketch = tuple[str, Sequence[int] | None]


def text_key(tokens: list[str]) -> str:
    """The exact-duplicate key of a page: a digest of its normalised words."""
    return hashlib.sha1(" ".join(tokens).encode()).hexdigest()


def page_sketch(text: str) -> tuple[str, list[int]] | None:
    """A text's exact-duplicate key and MinHash, as ``find_duplicates`` makes them (None: no words).
    On its own so a page's sketch can be made elsewhere (``corpus.partitions``)."""
    from dossier.clean.minhash import minhash

    toks = _tokens(text)
    if not toks:
        return None
    return text_key(toks), minhash((s.encode() for s in sorted(_shingles(toks))), NUM_PERM, SEED)


def find_duplicates(
    docs: Sequence[Document], threshold: float = THRESHOLD, sketches: dict[str, Sketch] | None = None,
    made: Mapping[str, tuple[str, list[int]] | None] | None = None,
) -> dict[str, str]:
    """doc id -> id of the kept doc it duplicates (exact or near, Jaccard >= threshold). Each page's
    sketch goes to ``sketches`` when given, so a later step can compare new pages without hashing
    the stored ones again (``add_duplicates``). ``made``: each page's ``page_sketch`` when it was
    made elsewhere (the same values: the answer does not change)."""
    from dossier.clean.minhash import minhash

    # One page at a time: a page's words and shingles are dropped once it is hashed, and a candidate's
    # shingles are made again from its text (candidates are few). Holding every page's words and
    # shingles for the whole pass was most of the corpus step's peak memory (~0.1 MB a page).
    parent = {i: i for i in range(len(docs))}
    by_hash: dict[str, int] = {}
    lsh = _index(threshold)
    for i, doc in enumerate(docs):
        sh: set[str] | None = None
        if made is not None:
            got = made[doc.id]
            if got is None:
                continue
            key, mh = got
        else:
            toks = _tokens(doc.text)
            if not toks:
                continue
            key = text_key(toks)
        if key in by_hash:  # an exact copy: joined to the first page of its text, never hashed
            if sketches is not None:
                sketches[doc.id] = (key, None)
            parent[_root(parent, i)] = _root(parent, by_hash[key])
            continue
        by_hash[key] = i
        if made is None:
            sh = _shingles(toks)
            del toks
            mh = minhash((s.encode() for s in sorted(sh)), NUM_PERM, SEED)
        if sketches is not None:
            sketches[doc.id] = (key, array("I", mh))
        for j in sorted(int(str(k)) for k in lsh.query(mh)):
            sh = sh if sh is not None else _shingles(_tokens(doc.text))
            if _jaccard(sh, _shingles(_tokens(docs[j].text))) >= threshold:
                a, b = _root(parent, i), _root(parent, j)
                if a != b:
                    parent[a] = b
        lsh.insert(str(i), mh)
    return _kept_copies(docs, parent)


def _kept_copies(docs: Sequence[Document], parent: dict[int, int]) -> dict[str, str]:
    """doc id -> the id of the copy kept in its group (``_rank``), for every page of a group of two or more."""
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


class SketchLookup(Protocol):
    """The stored pages' sketches as ``add_duplicates`` asks for them: by text key, and by LSH band
    (a store answers both from indexed tables, so a new page is compared without every stored sketch
    being read and banded again)."""

    def with_key(self, key: str) -> Iterable[str]:
        """The stored pages (ids) whose normalised text has this key."""
        ...

    def near(self, values: Sequence[int]) -> Iterable[str]:
        """The stored pages (ids) whose MinHash agrees with ``values`` on every value of a band."""
        ...


class HeldSketches:
    """A ``SketchLookup`` over sketches held in memory (doc id -> sketch)."""

    def __init__(self, sketches: Mapping[str, Sketch], threshold: float = THRESHOLD) -> None:
        self.keys: dict[str, list[str]] = {}
        self.lsh = _index(threshold)
        for i, (key, values) in sketches.items():
            self.keys.setdefault(key, []).append(i)
            if values is not None:
                self.lsh.insert(i, values)

    def with_key(self, key: str) -> Iterable[str]:
        return self.keys.get(key, ())

    def near(self, values: Sequence[int]) -> Iterable[str]:
        return (str(i) for i in self.lsh.query(values))


def add_duplicates(
    stored: Sequence[Document], new: Sequence[Document], sketches: dict[str, Sketch], threshold: float = THRESHOLD,
    text_of: Callable[[str], str] | None = None, sizes: Mapping[str, int] | None = None,
    lookup: SketchLookup | None = None,
) -> dict[str, str] | None:
    """What ``find_duplicates`` over ``stored`` then ``new`` gives for the new pages (new doc id ->
    the kept doc it duplicates), with the stored pages' sketches instead of their text hashed again;
    ``sketches`` takes the new pages' ones. The stored sketches are ``lookup``'s (a store's tables),
    else those ``sketches`` holds on entry. None when a new page would change a stored page's
    status (it is the better copy of a stored kept page, or joins two stored groups): only a full
    step can say that. ``text_of`` and ``sizes``: a stored page's text, read only when a new page
    may be its near duplicate, and each text's length, when ``stored`` holds pages without text."""
    from dossier.clean.minhash import minhash

    by_id = {d.id: d for d in stored}
    root = {d.id: d.duplicate_of or d.id for d in stored}
    size = sizes or {}
    rank = {d.id: _rank(d, i, size.get(d.id)) for i, d in enumerate(stored)}
    lazy = set(root) if text_of is not None else set()
    held = lookup if lookup is not None else HeldSketches(sketches, threshold)

    def text(i: str) -> str:
        return text_of(i) if text_of is not None and i in lazy else by_id[i].text

    exact: dict[str, str] = {}  # the new pages' text keys
    lsh = _index(threshold)  # the new pages' sketches
    out: dict[str, str] = {}
    for n, doc in enumerate(new, len(stored)):
        toks = _tokens(doc.text)
        if not toks:
            continue
        key, rank[doc.id], by_id[doc.id] = text_key(toks), _rank(doc, n), doc
        # every stored page of one text is in one group (exact copies are joined): one root
        same = {root[i] for i in held.with_key(key) if i in root} or ({exact[key]} if key in exact else set())
        if same:
            roots = same
            sketches[doc.id] = (key, None)
        else:
            sh = _shingles(toks)
            mh = minhash((s.encode() for s in sorted(sh)), NUM_PERM, SEED)
            found = {i for i in held.near(mh) if i in root} | {str(j) for j in lsh.query(mh)}
            roots = {root[j] for j in found if _jaccard(sh, _shingles(_tokens(text(j)))) >= threshold}
            lsh.insert(doc.id, mh)
            sketches[doc.id] = (key, mh)
            exact[key] = doc.id
        if len(roots) > 1 or any(rank[doc.id] < rank[r] for r in roots):
            return None
        root[doc.id] = next(iter(roots), doc.id)
        if root[doc.id] != doc.id:
            out[doc.id] = root[doc.id]
    return out


def _index(threshold: float) -> BandIndex:
    """The banded index of the sketches; its band sizes are datasketch's for THRESHOLD only."""
    from dossier.clean.minhash import BandIndex

    if threshold != THRESHOLD or NUM_PERM != 128:
        raise ValueError(f"band sizes are set for threshold {THRESHOLD} and 128 permutations")
    return BandIndex()


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0
