"""A name the definite article opens is no person's name.

English personal names take no article ('told the Herald', 'The <Noun> Line'): a name the tagger
calls a person right after 'the' is a body's or a publication's, unless it modifies a noun after it
('the <Surname> administration', 'the <Surname> campaign': the person's, and the tagger is right).
Run over every page's observations in ``core.resolve_entities``, before the names cluster.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping

from dossier.lang import geo
from dossier.lang.en import FUNCTION_WORDS
from dossier.resolve.context import place_cue
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)

_THE_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he\s+$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_JOINERS = frozenset("-‐–'’")


def articled_person(text: str, start: int, end: int, surface: str) -> bool:
    """Is the person-tagged name at ``start:end`` opened by 'the' and used as a name, not as a
    premodifier (the next word a lowercase content word, a hyphen, a possessive)? A plural ('the
    <Surname>s': a family) stays a person."""
    if surface.endswith("s") or not _THE_BEFORE.search(text[max(0, start - 5) : start]):
        return False
    if text[end : end + 1] in _JOINERS:
        return False  # 'the <Surname>-backed group', "the <Surname>'s": a compound or a possessive
    nxt = _NEXT_WORD.match(text, end)
    word = nxt.group(1) if nxt else ""
    if word in ("and", "or"):
        return False  # 'the <Given> and <Given> <Surname> Foundation': the person is named inside a body's name
    return not (word.islower() and word not in FUNCTION_WORDS)


def demote_articled_persons(obs: list[Obs], texts: Mapping[str, str]) -> list[Obs]:
    """Mentions tagged PERSON that ``articled_person`` reads as a body's name are tagged ORG (a town
    the gazetteer knows or the text calls a place is left to the place rules: 'the <Town>, <State>,
    home of ...')."""
    out = []
    for o in obs:
        if (o.mention.label == "PERSON" and o.kind in ("person", "name") and o.shape == "name"
                and not geo.known_place(o.name) and not place_cue(texts.get(o.key[0], ""), o.key[1], o.key[2])
                and articled_person(texts.get(o.key[0], ""), o.key[1], o.key[2], o.surface)):
            logger.debug("%r after 'the': a body's name, not a person's", o.surface)
            o = dataclasses.replace(o, mention=dataclasses.replace(o.mention, label="ORG"), kind="name")
        out.append(o)
    return out
