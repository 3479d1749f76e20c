"""One phrase written twice with other capitals or spacing is one referent: '<Town> police' /
'<Town> Police', '<Borough> neighborhood' / '<Borough> Neighborhood', 'U.S. surgeon general' /
'U . S . Surgeon General', 'Gang Member' / 'Gangmember', "GIs" / "GI's".

A headline capitalises every word, and a writer may capitalise a title or a body's generic noun
where another writes it in lowercase; the resolver reads the two spellings by different paths (a
name keyed by its words, a noun phrase by its head) and so kept them apart. Only mentions that
hold a capital are compared (a proper word in them), of one entity type, and only where the two
spellings differ: the same spelling in two clusters was split on purpose (another event's 'the
police', a namesake).

On ECB+ (gold mentions, 33 topics) see README, Quality, session 19.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from dossier.resolve.observe import LABEL_TYPE, MentionKey, Obs

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
        seen = first.setdefault(slot, (_stripped(text), labels[o.key]))
        both_common = seen[1].startswith("common:") and labels[o.key].startswith("common:")
        if seen[0] != _stripped(text) and seen[1] != labels[o.key] and not both_common:
            pairs.append((seen[1], labels[o.key]))
    return pairs
