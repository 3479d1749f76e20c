"""Relatives named as such: 'his son, <Initials> <Surname>' is another person than the <Given>
<Surname> the page is about, though an initial fits any given name it begins.

News names a relative by the kinship noun and a possessor set against the name ('his son, <Name>',
'<Name>, her husband,'): the apposition says the name is someone's relative, so on that page it is
not the other bearer of its surname. Why hand-written: it is a pattern of English apposition over
the mention's surroundings, which no library reads for the resolver.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from dossier.lang.en import FAMILY_NOUNS
from dossier.nlp.names import name_tokens, same_given_word
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)

_FAMILY = "|".join(sorted(FAMILY_NOUNS, key=len, reverse=True))
# 'his son, ', 'her late husband ', "<Name>'s eldest daughter, " right before the name
_BEFORE = re.compile(rf"\b(?:his|her|their|\w+['’]s)\s+(?:[\w-]+\s+)?(?:{_FAMILY})\s*,?\s*$", re.IGNORECASE)
# ', his son,' right after it
_AFTER = re.compile(rf"^\s*,\s*(?:his|her|their|\w+['’]s)\s+(?:[\w-]+\s+)?(?:{_FAMILY})\b", re.IGNORECASE)


def named_as_kin(text: str, start: int, end: int) -> bool:
    """The name at [start, end) is set in apposition to a possessed family noun."""
    return bool(_BEFORE.search(text[max(0, start - 50) : start]) or _AFTER.match(text[end : end + 50]))


def kin_apart(texts: Mapping[str, str], obs: Iterable[Obs], block_of: Mapping[str, str]) -> set[tuple[str, str]]:
    """Pairs of full person names (in sorted order) that a page shows are two people: one is named as
    someone's relative there, the other is a full name of the same surname block (``block_of``: name
    -> its block key) on that page whose first given name differs as written (not the same word, a
    nickname or a clipped form of it: 'his wife, <Given> <Surname>' beside '<Nickname> <Surname>' may
    still be one woman written two ways)."""
    on_page: dict[str, set[str]] = defaultdict(set)
    kin: set[tuple[str, str]] = set()
    for o in obs:
        if o.kind != "person" or o.name not in block_of:
            continue
        doc = o.key[0]
        on_page[doc].add(o.name)
        span = o.mention.span
        if o.surface == o.name and named_as_kin(texts[doc], span.start, span.end):
            kin.add((doc, o.name))
    apart: set[tuple[str, str]] = set()
    for doc, name in kin:
        for other in on_page[doc] - {name}:
            if block_of[other] == block_of[name] and not _same_given(name, other):
                logger.debug("%r is named as a relative beside %r on %s", name, other, doc)
                apart.add((name, other) if name < other else (other, name))
    return apart


def _same_given(a: str, b: str) -> bool:
    """The first given names are one word, one's nickname or clipped form."""
    return same_given_word(name_tokens(a)[0], name_tokens(b)[0])
