"""A faith's, party's or creed's word tagged a person names no one: 'a Sikh temple', 'a Republican'.

``lang/en.AFFILIATION_WORDS`` are names of groups; written alone they are an adjective or a member
noun, never a person's name, unless some full person name of the corpus has the word ('<Christian>
<Surname>'). Run over every page's observations in ``core.resolve_entities``.
"""

from __future__ import annotations

import logging

from dossier.lang.en import AFFILIATION_WORDS
from dossier.nlp.names import name_tokens, translit_key
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)


def refuse_affiliation_persons(obs: list[Obs]) -> list[Obs]:
    """Drop one-word PERSON mentions that are an affiliation word (``AFFILIATION_WORDS``) and no word
    of a full person name in ``obs``."""
    words = {translit_key(t) for o in obs if o.kind == "person" and len(toks := name_tokens(o.name)) >= 2 for t in toks}

    def refused(o: Obs) -> bool:
        w = o.surface.strip().lower()
        return (o.mention.label == "PERSON" and o.kind in ("person", "name") and " " not in w
                and w in AFFILIATION_WORDS and translit_key(w) not in words)

    out = [o for o in obs if not refused(o)]
    if len(out) < len(obs):
        logger.debug("%d affiliation words tagged PERSON dropped", len(obs) - len(out))
    return out
