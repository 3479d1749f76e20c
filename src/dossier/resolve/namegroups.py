"""Step 3 of resolution: names that are not persons -> clusters by spelling-insensitive key, short
forms and acronyms of exactly one longer name; the type is voted from labels and text cues."""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.model import EntityType
from dossier.resolve import geo
from dossier.resolve.names import same_name, translit_key
from dossier.resolve.observe import LABEL_TYPE, POINTERS, MentionKey, Obs
from dossier.resolve.unionfind import UnionFind

def name_labels(obs: list[Obs], taken: dict[MentionKey, str]) -> dict[MentionKey, str]:
    """Cluster labels for the remaining names: spelling-insensitive key, then fuzzy key merges."""
    rest = [o for o in obs if o.key not in taken and o.kind not in ("gov", "common", "pron")]
    keys = sorted({translit_key(o.name) for o in rest} - {""})
    uf = UnionFind()
    for i, a in enumerate(keys):
        uf.find(a)
        for b in keys[i + 1 :]:
            if abs(len(a) - len(b)) <= 3 and same_name(a, b):
                uf.union(a, b)
    place_votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for o in rest:
        place_votes[translit_key(o.name)][o.mention.label in ("GPE", "LOC") or o.place] += 1
    _short_forms(keys, uf, {k for k, v in place_votes.items() if v[True] > v[False]})
    labels = {}
    for o in rest:
        k = translit_key(o.name)
        if k:
            labels[o.key] = "name:" + uf.find(k)
    return labels


# 'Southern X' is a part of X, not a longer name for it.
_DIRECTIONS = frozenset("north south east west northern southern eastern western upper lower central greater inner outer".split())


def _short_forms(keys: list[str], uf: UnionFind, places: frozenset[str] | set[str] = frozenset()) -> None:
    """A short name that begins or ends exactly one longer name is that name ('Red Sox' for
    'Boston Red Sox', 'Falkland' for 'Falkland Islands'); so is an acronym of exactly one name
    ('AP' for 'Associated Press'). Countries and capitals never shorten another name
    ('Japan' is not 'Japan Times'), and a place never shortens a name it ends: 'White Volta' is a
    part of the 'Volta', not another name for it."""
    toks = {k: k.split() for k in keys}
    for short in keys:
        st = toks[short]
        if geo.country_named(short) or geo.country_of_capital(short):
            continue
        longer = [
            k for k in keys
            if len(toks[k]) > len(st)
            and (toks[k][: len(st)] == st or (toks[k][-len(st) :] == st and short not in places))
            and not _DIRECTIONS & set(toks[k][len(st) :] if toks[k][: len(st)] == st else toks[k][: -len(st)])
        ]
        if len(st) == 1 and 2 <= len(short) <= 5 and not longer:
            longer = [k for k in keys if len(toks[k]) == len(short) and "".join(t[0] for t in toks[k]) == short]
        if len({uf.find(k) for k in longer}) == 1:
            uf.union(short, longer[0])


def vote_type(obs: list[Obs]) -> EntityType:
    """Entity type from the (corrected) labels of its mentions and what the text says."""
    votes: Counter[str] = Counter()
    for o in obs:
        if o.place:
            votes["place"] += 3
        if o.org:
            votes["org"] += 3
        if geo.country_named(o.name) or geo.country_of_capital(o.name):
            votes["place"] += 3
        label = o.mention.label
        if label in LABEL_TYPE:
            votes[LABEL_TYPE[label]] += 1
        elif label not in POINTERS and label != "NORP":
            votes["other"] += 1
    if not votes:
        return "other"
    order = {"place": 0, "org": 1, "person": 2, "other": 3, "gov": 4}
    best: EntityType = min(votes, key=lambda t: (-votes[t], order[t]))  # type: ignore[arg-type]
    return best

