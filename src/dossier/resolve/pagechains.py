"""Page chains of descriptions kept with, or split from, the entity their head word joined them to.

A common noun links across pages by its head word within a group of pages that report one event
(``pagegroups``): 'the suspect' on one page joins 'the suspect' on another. Often rightly, often not
(two girls of one story under 'the girl', a victim and a suspect under 'the man'), and no single
surface feature tells which (sessions 5, 14 and 19 of docs/parts/resolve.md tried them one by one).
This step weighs several generic ones together: for each page whose mentions of an entity are
descriptions and pronouns only (a *page chain* with no name), a logistic model gives the chance
that none of them refers to what the entity's other pages do; above one half the page chain
becomes an entity of its own (its in-page links kept).

The features are word categories and counts, never words (no lexical or story features), so the
model can hold on stories it never saw. They are listed in ``FEATURES``; the weights are fitted by
``eval/fit_pagechains.py`` on the ECB+ dev topics and shipped in ``pagechains.json``.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dossier.lang.en import ARTICLES
from dossier.resolve.clusters import Cluster, _display_name, _hash_id
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)

# Labels a chain's entity may carry (the most frequent mention label among its non-pronouns).
_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC")
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*|[^\s\w]")
_PREMODIFIER = re.compile(r"[a-z0-9][\w-]*|-")

# Every feature of a page chain, in the order of the shipped weights:
FEATURES: tuple[str, ...] = (
    "chain_log",  # log of the chain's mentions on its page
    "rest_log",  # log of the entity's mentions on its other pages
    "pages_log",  # log of the entity's pages
    "page_share",  # the entity's pages over the pages resolved together
    "rest_has_name",  # the entity's other pages name it
    "written_elsewhere",  # a description of the chain is written the same on another page
    "written_share",  # log1p of the other pages' mentions written as one of the chain's
    "definite",  # a description of the chain opens with 'the' (in its span or just before it)
    "indefinite",  # ... with 'a'/'an'
    "plural",  # the chain's head is plural
    "words",  # mean words per description of the chain as written (its article and modifiers)
    "mixed_labels",  # the entity's mentions carry more than one label
    "others_named",  # log1p of the other entities of the entity's type the chain's page names
) + tuple(f"label_{label}" for label in _LABELS)


@dataclass(frozen=True)
class Model:
    """A logistic model over ``FEATURES``: standardised inputs, weights, a bias and the threshold."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def chance(self, values: Sequence[float]) -> float:
        """The chance that the page chain is another referent than the rest of its entity."""
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z))


@cache
def shipped_model() -> Model:
    """The weights in ``pagechains.json`` (read once); its feature list must be ``FEATURES``."""
    data = json.loads(resources.files("dossier.resolve").joinpath("pagechains.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("pagechains.json was fitted on other features; refit with eval/fit_pagechains.py")
    return Model(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), float(data["bias"]),
                 float(data["threshold"]))


def article(o: Obs, text: str) -> str:
    """The article that opens a description's noun phrase ('the', 'a', 'an'), in the mention or up
    to three premodifying words before it (gold mentions often leave the article and adjectives out:
    'the [suspect]', 'a 63 - year - old [woman]'); '' when none does."""
    words = o.mention.text.lower().split()
    if words and words[0] in ARTICLES:
        return words[0]
    before: list[str] = _TOKEN.findall(text[max(0, o.key[1] - 60) : o.key[1]])
    for token in reversed(before[-3:]):
        if token.lower() in ARTICLES:
            return token.lower()
        if not _PREMODIFIER.fullmatch(token):
            return ""
    return ""


def chain_features(chain: Sequence[Obs], rest: Sequence[Obs], pages: int, texts: Mapping[str, str],
                   others_named: int = 0) -> list[float]:
    """The values of ``FEATURES`` for one page chain (``chain``) of an entity (the rest: ``rest``)
    seen on ``pages`` of the pages resolved together (``texts``: their texts by page id);
    ``others_named``: the entities of the entity's type that the chain's page names (``named_on_pages``)."""
    text = texts.get(chain[0].key[0], "")
    articles = {article(o, text) for o in chain if o.kind == "common"}
    commons = [o for o in chain if o.kind == "common"]
    written = {o.surface.lower() for o in commons}
    elsewhere = Counter(o.surface.lower() for o in rest if o.kind != "pron")
    labels = Counter(o.mention.label for o in (*chain, *rest) if o.kind != "pron")
    top = labels.most_common(1)[0][0] if labels else ""
    values = [
        math.log(len(chain)),
        math.log(len(rest)),
        math.log(pages),
        pages / max(1, len(texts)),
        float(any(o.kind not in ("common", "pron") for o in rest)),
        float(any(w in elsewhere for w in written)),
        math.log1p(sum(elsewhere[w] for w in written)),
        float("the" in articles),
        float(bool(articles & {"a", "an"})),
        float(any(o.surface.lower().endswith("s") and not o.surface.lower().endswith("ss") for o in commons)),
        sum(len(o.mention.text.split()) for o in commons) / max(1, len(commons)),
        float(len(labels) > 1),
        math.log1p(others_named),
    ]
    return values + [float(top == label) for label in _LABELS]


def page_chains(obs: Sequence[Obs]) -> list[tuple[list[Obs], list[Obs], int]]:
    """An entity's page chains with no name: (chain, the entity's other mentions, its pages)."""
    by_page: dict[str, list[Obs]] = {}
    for o in obs:
        by_page.setdefault(o.key[0], []).append(o)
    if len(by_page) < 2:
        return []
    out = []
    for page, chain in by_page.items():
        if all(o.kind == "common" for o in chain):
            out.append((chain, [o for o in obs if o.key[0] != page], len(by_page)))
    return out


def named_on_pages(clusters: Sequence[Cluster]) -> dict[tuple[str, str], int]:
    """(page, entity type) -> how many entities of that type the page names (by a name, not only a
    description or a pronoun). A page that names its own participants of a type mostly means one of
    them by an unnamed description of that type, not an entity only other pages name."""
    out: Counter[tuple[str, str]] = Counter()
    for c in clusters:
        for page in {o.key[0] for o in c.obs if o.kind not in ("common", "pron")}:
            out[(page, c.type)] += 1
    return dict(out)


def split_chains(c: Cluster, texts: Mapping[str, str], model: Model,
                 named: Mapping[tuple[str, str], int]) -> list[list[Obs]]:
    """The page chains of one entity the model gives to another referent (each to become an entity
    of its own); the entity keeps the rest. ``named``: ``named_on_pages`` of all the clusters."""
    return [chain for chain, rest, pages in page_chains(c.obs)
            if model.chance(chain_features(chain, rest, pages, texts, named.get((chain[0].key[0], c.type), 0)))
            > model.threshold]


def split_clusters(clusters: list[Cluster], texts: Mapping[str, str]) -> list[Cluster]:
    """``clusters`` with the page chains the shipped model splits off made entities of their own: a
    description's entity, of its entity's type, named by its most used description. An entity all of whose pages would go keeps its largest page chain."""
    model = shipped_model()
    named = named_on_pages(clusters)
    out = list(clusters)
    for c in clusters:
        if c.kind in ("gov", "country"):
            continue
        gone = split_chains(c, texts, model, named)
        if len(gone) == len({o.key[0] for o in c.obs}):
            gone.remove(max(gone, key=len))
        for chain in gone:
            moved = {o.key for o in chain}
            c.obs = [o for o in c.obs if o.key not in moved]
            new = Cluster(obs=list(chain), kind="common", type=c.type, confidence=c.confidence)
            new.name = _display_name(new)
            new.id = _hash_id(c.id, "page", chain[0].key[0])
            out.append(new)
    logger.debug("%d page chains of descriptions split from their entities", len(out) - len(clusters))
    return out
