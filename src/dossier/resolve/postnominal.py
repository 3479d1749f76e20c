"""Letters written after a person's name are part of how the name is written, not a name.

News writes degrees, honours and generations after a name and a comma ('<Name>, MD, PhD',
'<Given> <Surname>, Sr.'); the tagger often tags those letters alone, a place ('MD' is also a
state's abbreviation) or a person ('Sr' then joins whatever name it abbreviates). Run over every
page's observations in ``core.resolve_entities``.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Mapping

from dossier.lang.en import POST_NOMINALS
from dossier.nlp.names import GENERATIONS
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)

_SUFFIX_WORDS = POST_NOMINALS | frozenset(GENERATIONS)
_COMMA_BEFORE = re.compile(r",\s*$")


def post_nominal(word: str) -> bool:
    """'MD', 'Ph.D.', 'QC', 'Sr.', 'Jr': letters written after a person's name (``lang/en.POST_NOMINALS``,
    the generational suffixes)."""
    return word.replace(".", "").strip().lower() in _SUFFIX_WORDS


def refuse_post_nominals(obs: list[Obs], texts: Mapping[str, str]) -> list[Obs]:
    """Drop the mentions of letters after a person's name and a comma ('<Name>, [[MD]]', '<Name>,
    MD, [[PhD]]', '<Name>, [[Sr]].'): they name no one. Only there: 'MD' after a town ('<Town>, MD')
    is the state, and a name mention ends right before the comma only when a person's does (or a
    person's mention takes the comma and the letters in: the tagger gave both)."""
    ends = {(o.key[0], o.key[2]) for o in obs if o.kind == "person"}
    spans = defaultdict(list)  # a person's mention that takes the letters in ('<Name>, Sr' and 'Sr' inside it)
    for o in obs:
        if o.kind == "person":
            spans[o.key[0]].append((o.key[1], o.key[2]))
    out = []
    for o in obs:  # each page's observations in text order ('MD' before 'PhD')
        doc, start = o.key[0], o.key[1]
        comma = post_nominal(o.surface) and _COMMA_BEFORE.search(texts.get(doc, "")[max(0, start - 4) : start])
        inside = comma and any(s < start and o.key[2] <= e for s, e in spans.get(doc, ()))
        if comma and (inside or (doc, start - len(comma.group())) in ends):
            logger.debug("%r after a person's name: post-nominal letters, no name", o.surface)
            ends.add((doc, o.key[2]))  # '<Name>, MD, PhD': the next letters follow these
            continue
        out.append(o)
    return out
