"""Whether a one-word name the gazetteer knows as a town is, on its page, that page's person.

The tagger labels a name from the words around it, and a person's surname or given name used alone
('<Surname> drank', 'a dream for <Given>') is often tagged a place. ``observe`` gives such a name to
the page's person only when no gazetteer lists it; this module says when the page's own evidence
outweighs the gazetteer for a name it does list (towns of 15,000 people carry many surnames and
given names).
"""

from __future__ import annotations

import logging
import re

from dossier.lang import geo
from dossier.nlp.cues import ROLE_WORDS
from dossier.nlp.gender import given_name_answer
from dossier.nlp.names import translit_key

logger = logging.getLogger(__name__)

# Prepositions that put a place after them ('in <Town>', 'from <Town>'); 'to', 'for', 'with' and
# 'of' take persons as often ('a dream for <Given>', 'closer to <Given>'s heart').
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|from|near|into|across|outside|inside|around|throughout|toward|towards)\s+$", re.IGNORECASE)


def person_over_known_place(name: str, person: str, text: str, start: int) -> bool:
    """Is ``name`` (one word, tagged a place, a town of the gazetteer) the page's ``person`` (named
    in full on the page) at ``start``? Yes when the full name opens with a given name the dictionary
    knows (a person's name, not '<City> Mayor' or '<City> Sentinel' tagged PERSON), and the word is
    its surname (news refers back to a person by the surname) or its given name while the page also
    writes the surname alone (not after 'the', not a role word: '<City> Mayor' is no one's name): a
    given name alone is how sports and profile pages refer back. Never a country, a US state or a
    capital (news names those alone far more often than any namesake), nor after a preposition of
    place ('in <Town>')."""
    words = person.split()
    if len(words) < 2 or given_name_answer(words[0]) == "unknown":
        return False
    if geo.region_named(name) or geo.country_of_capital(name):
        return False
    if _PLACE_PREPOSITION.search(text[max(0, start - 14) : start]):
        return False
    key = translit_key(name)
    if key == translit_key(words[-1]):
        return True
    if key != translit_key(words[0]):
        return False
    last = words[-1]
    if last.lower() in ROLE_WORDS:
        return False
    alone = re.search(rf"(?<!{re.escape(words[0])} )(?<!the )(?<!The )\b{re.escape(last)}\b", text)
    return alone is not None
