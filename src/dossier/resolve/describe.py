"""Descriptions linked to names: 'the actress' is the person the page calls an actress.

A common noun phrase joins a named entity only on evidence the text gives: an apposition
('<Name>, the lawyer', 'the lawyer, <Name>') or a descriptor written before the name ('lawyer
<Name>', the peeled title). Such evidence makes the head word
a description of that entity on the page; a later definite noun phrase with that head on the same
page ('the lawyer said') is then the entity when the page describes only one entity that way. On a
page without such evidence, a description goes to the one entity the page names that other pages
describe with that head. Everything else stays with its head word, as before.

Why hand-written: the resolver sees mention strings and the text, not a parse; apposition and premodifying
descriptors are the standard news ways of introducing who someone is.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence

from dossier.model import Document
from dossier.resolve.common import head_lemma, singular
from dossier.resolve.observe import LABEL_TYPE, MentionKey, Obs

logger = logging.getLogger(__name__)

# '<Name>, the lawyer', '<Name> (the lawyer': the noun phrase right after a name and a comma. A
# copula ('<Name> is a lawyer') predicates a property and is not taken as coreference (OntoNotes).
_APPOSITION = re.compile(r"\s*[,(]\s*(?:(?:a|an|the)\s+)?")
_INDEFINITE = frozenset("a an another one some any".split())


def _evidence(text: str, named: Obs, common: Obs) -> bool:
    """The text makes the common noun phrase a description of the name next to it."""
    (_, ns, ne), (_, cs, ce) = named.key, common.key
    if LABEL_TYPE.get(named.mention.label) != LABEL_TYPE.get(common.mention.label, "thing"):
        return False  # a person is not described as a place: '<Name>, a bank in <City>'
    if cs >= ne:
        return bool(_APPOSITION.fullmatch(text[ne:cs]))
    if ce <= ns:
        gap = text[ce:ns]
        return gap.strip() == "," or gap == " "
    return False


def _indefinite(text: str, o: Obs) -> bool:
    """'a lawyer', 'another facility': a new referent, not one the page has described."""
    words = o.surface.lower().split()
    before = re.findall(r"[A-Za-z]+", text[max(0, o.key[1] - 12) : o.key[1]])
    first = words[0] if words else ""
    return first in _INDEFINITE or (first not in ("the", "this", "that") and bool(before) and before[-1].lower() in _INDEFINITE)


def _page_links(text: str, obs: list[Obs], labels: dict[MentionKey, str]) -> tuple[dict[MentionKey, str], dict[str, set[str]]]:
    """Commons linked on one page by direct evidence, and each head's described labels there."""
    named = [o for o in obs if o.kind not in ("common", "pron") and o.key in labels]
    commons = [o for o in obs if o.kind == "common"]
    direct: dict[MentionKey, str] = {}
    described: dict[str, set[str]] = defaultdict(set)
    for n in named:
        if n.mention.title:
            head = head_lemma(n.mention.title)
            if head:
                described[head].add(labels[n.key])
    for c in commons:
        if singular(c.name) != c.name:
            continue  # 'the managers' describe a group, not one named entity
        near = [n for n in named if abs(n.key[1] - c.key[2]) < 40 or abs(c.key[1] - n.key[2]) < 40]
        hits = {labels[n.key] for n in near if _evidence(text, n, c)}
        if len(hits) == 1:
            direct[c.key] = next(iter(hits))
            described[c.name].add(direct[c.key])
    return direct, described


def link_descriptions(docs: Sequence[Document], obs: list[Obs], labels: dict[MentionKey, str]) -> dict[MentionKey, str]:
    """Labels for common noun phrases that describe a named entity (see the module docstring)."""
    texts = {d.id: d.text for d in docs}
    by_doc: dict[str, list[Obs]] = defaultdict(list)
    for o in obs:
        by_doc[o.key[0]].append(o)
    pages = {d: _page_links(texts.get(d, ""), os, labels) for d, os in by_doc.items()}
    corpus: dict[str, set[str]] = defaultdict(set)
    for _, described in pages.values():
        for head, labs in described.items():
            corpus[head] |= labs
    out: dict[MentionKey, str] = {}
    for d, (direct, described) in pages.items():
        out.update(direct)
        here = {labels[o.key] for o in by_doc[d] if o.kind not in ("common", "pron") and o.key in labels}
        for c in by_doc[d]:
            if c.kind != "common" or c.key in direct or _indefinite(texts.get(d, ""), c):
                continue
            cands = described.get(c.name) or (corpus.get(c.name, set()) & here)
            if len(cands) == 1:
                out[c.key] = next(iter(cands))
    return out
