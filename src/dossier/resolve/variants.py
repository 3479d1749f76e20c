"""One phrase written twice with other capitals or spacing is one referent: '<Town> police' /
'<Town> Police', '<Borough> neighborhood' / '<Borough> Neighborhood', 'U.S. surgeon general' /
'U . S . Surgeon General', 'Gang Member' / 'Gangmember', "GIs" / "GI's".

A headline capitalises every word, and a writer may capitalise a title or a body's generic noun
where another writes it in lowercase; the resolver reads the two spellings by different paths (a
name keyed by its words, a noun phrase by its head) and so kept them apart. Only mentions that
hold a capital are compared (a proper word in them), of one entity type, and only where the two
spellings differ: the same spelling in two clusters was split on purpose (another event's 'the
police', a namesake). Each mention must sit in a cluster keyed by its own words (its name, its
head noun): one an apposition or a description placed under a named entity ('<Name>, the U.S.
surgeon general') is no bridge from that entity to another page's 'U.S. Surgeon General'. Two
common nouns stay in their page groups, a government read from a capital ('MOSCOW' in a dateline
and 'Moscow' saying something) is told by context, and two full names of two people are never
joined so (``core._two_people``).

On ECB+ (gold mentions, 33 topics) see README, Quality, session 19.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Mapping, Sequence

from dossier.resolve.observe import LABEL_TYPE, MentionKey, Obs

logger = logging.getLogger(__name__)

# Words a mention may open with that are not part of what it names ('in Southern <Country>', 'the U.S.').
_LEADING = frozenset("in at on of near from to the a an into by".split())
_SPACING = re.compile(r"[\s.'’-]+")


def _stripped(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


def written_key(text: str) -> str:
    """A mention's words without case, spaces, dots, hyphens or apostrophes, and without a leading
    preposition or article: 'in Southern <Country>' and 'southern <Country>' share it."""
    return _SPACING.sub("", _stripped(text).lower())


def written_variants(obs: Sequence[Obs], labels: Mapping[MentionKey, str],
                     inert: Collection[MentionKey] = ()) -> list[tuple[str, str]]:
    """Pairs of labels whose mentions are one phrase in two spellings (see the module docstring):
    each later spelling with the first one met, by mention order."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    pairs: list[tuple[str, str]] = []
    for o in sorted(obs, key=lambda o: o.key):
        text = o.mention.text
        if o.kind == "pron" or o.key in inert or o.key not in labels or not any(c.isupper() for c in text):
            continue
        key = written_key(text)
        if len(key) < 3:
            continue
        slot = (LABEL_TYPE.get(o.mention.label, "thing"), key)
        if not _own(labels[o.key], text):
            continue  # placed by other evidence (an apposition, a full name): its cluster is not this phrase's
        stripped = _stripped(text)
        seen = first.setdefault(slot, (stripped, labels[o.key]))
        if seen[0] != stripped and _joinable(seen[1], labels[o.key]):
            pairs.append((seen[1], labels[o.key]))
    return pairs


def _joinable(a: str, b: str) -> bool:
    """Two labels a spelling variant may join: not one already, not two common nouns (each kept to
    its page group on purpose), and no government: 'MOSCOW' opening a dateline and 'Moscow' read as
    the government speaking are the city and the state, told apart by their context, not their case."""
    if a == b or a.startswith("gov:") or b.startswith("gov:"):
        return False
    return not (a.startswith("common:") and b.startswith("common:"))


def _own(label: str, text: str) -> bool:
    """The mention's cluster is named by the mention's own words (its name, its head noun): 'U.S.
    surgeon general' under a cluster keyed 'surgeon general', not under a person an apposition or a
    description gave it, whose cluster a spelling variant must not bridge to another."""
    key = re.sub(r"[^a-z0-9]", "", label.split(":", 1)[-1].split("@")[0].split("!")[0].lower())
    return bool(key) and key in re.sub(r"[^a-z0-9]", "", text.lower())
