"""Mention cleaning before resolution: a name written with what stands around it.

News writes descriptors and titles straight before a name ("sect leader <Name>", "former Sen.
<Name>", "Chairperson <Name>"); annotators and NER often keep them in the mention. Left in, they make
the mention a noun phrase (dropped as malformed) or a name of its own (a split). ``peel_descriptor``
returns the descriptor (a role for the person) and the bare name. Lists of names in one mention
("<A>, <B>") are refused by the caller as two things, like "<A> and <B>".

Why hand-written: the resolver sees mention strings, not a parse; the rule is English news
convention (premodifying descriptors are lowercase or role words, names are capitalised).
"""

from __future__ import annotations

import functools
import logging
import re

from dossier.nlp.cues import ROLE_NOUNS, TITLE_MODIFIERS

logger = logging.getLogger(__name__)

# Abbreviated titles written before a name.
_TITLE_ABBREVIATIONS = frozenset(
    "sen rep gov gen lt col sgt capt cpt adm cmdr pres atty supt insp det rev gov-elect amb".split()
)
_ROLE_WORDS = ROLE_NOUNS | TITLE_MODIFIERS | _TITLE_ABBREVIATIONS | {"chairperson", "manager", "vice-president"}
# Lowercase words that belong to a name ('Charles de Gaulle', 'Ludwig van Beethoven').
_PARTICLES = frozenset("de da del della der den di do dos das du des la le van von bin ibn al el y zu ter ten".split())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _PARTICLES


def _descriptor_word(word: str, person: bool) -> bool:
    """A word that describes rather than names: lowercase (not a name particle), or for a person a
    role word or abbreviated title ('Chairperson', 'Sen.', 'Deputy')."""
    low = word.lower().rstrip(".,")
    if word[:1].islower() and low not in _PARTICLES:
        return True
    base = low.split("-")[-1] if "-" in low else low  # 'then-Secretary', 'ex-President'
    return person and (low in _ROLE_WORDS or base in _ROLE_WORDS)


@functools.lru_cache(maxsize=65536)
def peel_descriptor(text: str, person: bool = False) -> tuple[str, str]:
    """'sect leader Warren Smith' -> ('sect leader', 'Warren Smith'); ('', text) when nothing is
    peeled. What remains must be a name: one or more capitalised words (particles allowed), and
    for a non-person only lowercase words are peeled ('Ministry of Health' keeps its role word)."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and _descriptor_word(words[i], person):
        i += 1
    rest = words[i:]
    if i == 0 or not rest or not rest[0][:1].isupper() or not all(_capitalised(w) for w in rest):
        return "", text
    if person and len(rest) == 1 and rest[0].lower().rstrip(".") in _ROLE_WORDS:
        return "", text  # 'Deputy Director': a title alone
    if len(rest) == 1 and words[i - 1][:1].isupper() and not words[i - 1].endswith("."):
        return "", text  # 'Dean Baker', 'King Hussein'? a capitalised role word before one name word may be a given name
    return " ".join(words[:i]), " ".join(rest)


def is_role(descriptor: str) -> bool:
    """The descriptor ends in a role word ('sect leader', 'former Sen.'), so it is a title."""
    words = descriptor.lower().split()
    return bool(words) and words[-1].rstrip(".").split("-")[-1] in _ROLE_WORDS


_LIST = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)+$")


def name_list(text: str) -> list[str]:
    """'Smith, Jones' -> ['Smith', 'Jones']: capitalised names separated by commas are a list
    of people, not one name ([] otherwise). Suffixes after a comma ('Smith, Jr.') are not a list."""
    if not _LIST.match(text.strip()):
        return []
    parts = [p.strip() for p in text.split(",")]
    if any(re.fullmatch(r"(?:Jr|Sr|I{1,3}|IV|Inc|Ltd|Corp|Co|LLC|Esq|PhD)\.?", p) for p in parts):
        return []
    return parts
