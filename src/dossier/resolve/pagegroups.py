"""Pages grouped by what they report, so a common noun refers only within its group.

A definite description ('the suspect', 'the plant') is resolved against the situation its text
reports: two pages about one event share its referents, two pages about two events of one kind
(two shootings, two product launches) do not, though both say 'the suspect'. Names carry their
referent across such pages ('<Company>' is one company in both), common nouns do not. Pages that
report one event share its vocabulary, so the pages holding common noun phrases are clustered by
the words they use: TF-IDF over lowercase content words (function words left out), cosine
similarity, average-linkage agglomeration stopped below ``THRESHOLD``; a page alone in its group
(a short page sharing few words) joins the group it is most similar to on average. This is the
document clustering step of cross-document coreference systems (e.g. Barhom et al. 2019 cluster
ECB+ documents by TF-IDF before linking). Measured on ECB+ (33 topics of two events each): of
706 pages grouped, 672 fall in the event most of their group reports (71 groups); common nouns
kept within a group raise entity CoNLL F1 0.6728 -> 0.6825 (odd topics +0.0092, even +0.0103;
splitting by the true event instead gives 0.6822). Splitting names so loses (persons -0.006,
other names -0.0045): a name keeps its referent across events.

Why hand-written: a few lines over numpy and scipy.sparse (scipy has hierarchical clustering, but
its linkage wants the condensed distance matrix of every pair and cuts by distance; the
agglomeration here is the nearest-neighbour chain, which average linkage allows since it is
reducible: the same merges as the greedy loop, in O(n²)).
"""

from __future__ import annotations

import logging
import math
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from sys import intern

import numpy as np
from scipy import sparse

from dossier.lang.en import FUNCTION_WORDS
from dossier.model import Document
from dossier.pagetext import TextsOf

logger = logging.getLogger(__name__)

# Average cosine below which two groups of pages report different events. Checked on ECB+ at
# 0.03 / 0.04 / 0.05 / 0.06 / 0.08: CoNLL 0.6761 / 0.6795 / 0.6825 / 0.6797 / 0.6770 (0.6728 without groups).
THRESHOLD = 0.05
# Above this many pages the pairwise similarities cost too much (n² memory: 72 MB at 3,000 pages, and
# 2.5 CPU-s with the agglomeration there); all pages stay one group.
MAX_PAGES = 3000
_WORD = re.compile(r"[a-z]{3,}")


def _features(text: str) -> Counter[str]:
    """A page's content words and their counts; each word one string for all pages (interned)."""
    return Counter(intern(w) for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS)


def similarities(texts: Sequence[str]) -> np.ndarray:
    """Cosine similarity of the pages' TF-IDF vectors ((1 + log tf) * log(n / df), l2-normed), as a
    sparse product: the cost grows with the pairs of pages sharing each word, not pages² x words."""
    n = len(texts)
    feats = [_features(t) for t in texts]
    df: Counter[str] = Counter(f for c in feats for f in c)
    index = {f: j for j, f in enumerate(sorted(df))}
    # The nonzero entries as C arrays, not lists of Python numbers (about 100 bytes an entry, and a
    # thousand pages hold hundreds of thousands): the same values, and the pages' words freed first.
    rows, cols, vals = array("q"), array("q"), array("d")
    for i, c in enumerate(feats):
        for f, v in c.items():
            rows.append(i)
            cols.append(index[f])
            vals.append((1 + math.log(v)) * math.log(n / df[f]))
    del feats
    x = sparse.csr_matrix((np.array(vals, dtype=np.float64), (np.array(rows, dtype=np.int64),
                                                               np.array(cols, dtype=np.int64))), shape=(n, len(index)))
    del rows, cols, vals
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = (sparse.diags(1 / norms) @ x).tocsc()
    # Words on many pages make the product dense: those columns are multiplied as a dense block.
    counts = np.array([df[f] for f in sorted(df)])
    common = counts >= max(2, n // 50)
    block = x[:, np.flatnonzero(common)].toarray()
    rare = x[:, np.flatnonzero(~common)].tocsr()
    out = np.asarray(block @ block.T)
    del block
    # The rare words' products are added where they are not zero, in place: the same sums as adding
    # them as a dense array, with one pages x pages array alive instead of three.
    product = rare @ rare.T
    product.sum_duplicates()
    pairs = product.tocoo()
    out[pairs.row, pairs.col] += pairs.data
    return out


def average_linkage(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of indices merged while the average similarity between two groups is ``threshold``
    or more (nearest-neighbour chain, Lance-Williams update of the average)."""
    n = len(sims)
    s = sims.astype(float)  # a copy (merges overwrite it); one, not two at once
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    done: list[list[int]] = []
    chain: list[int] = []
    while active.sum() > 1:
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        a = chain[-1]
        row = np.where(active, s[a], -np.inf)
        row[a] = -np.inf
        b = int(np.argmax(row))
        if row[b] < threshold:  # a merges with nothing: averages never rise above their parts
            done.append(members.pop(a))
            active[a] = False
            chain.pop()
            continue
        if len(chain) >= 2 and row[chain[-2]] >= row[b]:
            b = chain[-2]
            chain.pop()
            chain.pop()
            merged = (size[a] * s[a] + size[b] * s[b]) / (size[a] + size[b])
            s[a], s[:, a] = merged, merged
            s[a, a] = -np.inf
            size[a] += size[b]
            active[b] = False
            s[b], s[:, b] = -np.inf, -np.inf
            members[a] += members.pop(b)
            continue
        chain.append(b)
    done += [members[int(i)] for i in np.flatnonzero(active)]
    return sorted(sorted(g) for g in done)


def page_groups(docs: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, str]:
    """Page id -> its group's key (the smallest page id in it), or {} when the pages form one group."""
    if len(docs) < 2:
        return {}
    if len(docs) > MAX_PAGES:
        logger.info("%d pages: too many to group by what they report; common nouns link across all", len(docs))
        return {}
    sims = similarities(TextsOf(docs))  # each text decoded as it is read (dossier.pagetext)
    groups = average_linkage(sims, threshold)
    big = [g for g in groups if len(g) > 1]
    if not big:
        return {}
    alone = [g[0] for g in groups if len(g) == 1]
    near = {i: max(range(len(big)), key=lambda k: float(sims[i, big[k]].mean())) for i in alone}
    for i, k in near.items():
        big[k] = big[k] + [i]
    if len(big) == 1:
        return {}
    return {docs[i].id: min(docs[j].id for j in g) for g in big for i in g}
