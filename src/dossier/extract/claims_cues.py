"""Stance cues in English: the verbs, phrasal verbs, reporting verbs and nouns by which an actor
demands, refuses, proposes, supports or opposes something, each with its stance, and their
inflected forms (``nlp.cues.inflect``); also the small word lists the claim finder reads.
"""

from __future__ import annotations

import logging
from typing import Any


from dossier.lang.en import FULL_MONTHS, REPORTING_VERBS, WEEKDAYS
from dossier.nlp.cues import inflect

logger = logging.getLogger(__name__)


# Stance verbs: base form -> (stance, irregular forms). Regular forms come from ``cues.inflect``.
VERB_CUES: dict[str, tuple[str, tuple[str, ...]]] = {
    "demand": ("demand", ()),
    "insist": ("demand", ()),
    "urge": ("demand", ()),
    "require": ("demand", ()),
    "refuse": ("refusal", ()),
    "reject": ("refusal", ()),
    "dismiss": ("refusal", ()),
    "oppose": ("refusal", ()),
    "deny": ("refusal", ("denies", "denied", "denying")),
    "propose": ("proposal", ()),
    "offer": ("proposal", ()),
    "suggest": ("proposal", ()),
    "claim": ("claim", ()),
    "consider": ("claim", ()),
    "maintain": ("claim", ()),
    "regard": ("claim", ()),
    "agree": ("agreement", ()),
    "accept": ("agreement", ()),
    "want": ("aim", ()),
    "seek": ("aim", ("seeks", "sought", "seeking")),
    "hope": ("aim", ()),
    "eye": ("aim", ("eyes", "eyed", "eyeing")),
    "aim": ("aim", ()),
    "intend": ("aim", ()),
    "prefer": ("aim", ("prefers", "preferred", "preferring")),
}


# Verb + particle cues ("call for", "rule out", "make clear"): base -> {particle: stance}.
PHRASAL_CUES: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "call": ({"for": "demand"}, ()),
    "rule": ({"out": "refusal"}, ()),
    "make": ({"clear": "claim"}, ("makes", "made", "making")),
    "press": ({"for": "demand"}, ()),
    "push": ({"for": "demand"}, ()),
}


# Stance nouns: the possessor is the actor ("France's insistence on X", "Merkel's offer of X").
NOUN_CUES: dict[str, str] = {
    "insistence": "demand",
    "demand": "demand",
    "demands": "demand",
    "call": "demand",
    "calls": "demand",
    "refusal": "refusal",
    "rejection": "refusal",
    "proposal": "proposal",
    "proposals": "proposal",
    "offer": "proposal",
    "suggestion": "proposal",
    "plan": "proposal",
    "claim": "claim",
    "claims": "claim",
    "position": "claim",
    "stance": "claim",
    "view": "claim",
    "condition": "condition",
    "conditions": "condition",
    "precondition": "condition",
    "preconditions": "condition",
}


# Adjectives of readiness ("France was ready to negotiate on the basis of X").
READY_ADJS = frozenset({"ready", "prepared", "willing"})


OBLIGATION = frozenset({"must", "should", "need", "needs", "necessary", "ought"})


ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "GOV", "LOC", "PRON"})


PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


KEY_PREPS = frozenset({"of", "over", "on", "for", "to"})


# Nouns naming the parties themselves, never what they disagree about.
ACTOR_NOUNS = frozenset(
    "countries country sides side parties party nations nation governments government leaders leader "
    "officials official states state people we they both".split()
)


TIME_WORDS = frozenset(WEEKDAYS) | frozenset(FULL_MONTHS) | frozenset(
    "today yesterday tomorrow week month year weekend morning afternoon evening night".split()
)


# A pronoun whose antecedent the annotator is this unsure of gives no actor (a wrong side is
# worse than a missing claim).
MIN_PRONOUN_CONFIDENCE = 0.5


# Prepositions whose object can stand for what a verb is about ("insist on X", "call for X");
# place/time/source prepositions ("in Oslo", "from France") never can.
TOPIC_PREPS = frozenset({"on", "for", "of", "to", "about", "over", "with", "toward", "towards"})


COPULAS = frozenset(
    "is are was were be been being am 's remain remains remained become becomes became".split()
)


BASE_CONFIDENCE = {"verb": 0.8, "phrasal": 0.8, "report": 0.7, "noun": 0.65, "condition": 0.7}


MAX_STATEMENT = 220


def _forms(table: dict[str, tuple[Any, ...]]) -> dict[str, str]:
    """Inflected form -> base form for a cue table whose last tuple item lists irregular forms."""
    out: dict[str, str] = {}
    for base, entry in table.items():
        irregular = entry[-1] if entry and isinstance(entry[-1], tuple) else ()
        for form in (*inflect(base), *irregular):
            out[form] = base
    return out


VERB_FORMS = _forms(VERB_CUES)


LINK_FORMS = frozenset(_forms({"link": (), "tie": ("ties", "tied", "tying"), "connect": (), "condition": ()}))


PHRASAL_FORMS = _forms(PHRASAL_CUES)


# Reporting verbs (lang.en) whose complement is a stance only when it carries obligation ("must",
# "necessary"). Not those that are stance cues themselves ('insist', 'claim', 'suggest'): they are
# read as their own stance (VERB_CUES), once.
REPORT_FORMS = _forms({k: (v,) for k, v in REPORTING_VERBS.items() if k not in VERB_CUES})
