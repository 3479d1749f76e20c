"""A broad, generic event-kind inventory: which predicates (verbs and event nouns) announce what.

The classes follow the top levels of the ACE 2005 event ontology (Life, Movement, Transaction,
Business, Conflict, Contact, Personnel, Justice) and of CAMEO, widened with the news genres a
dossier meets (disasters, accidents, elections and debates, launches). Hand-written because no
installed library ships an event lexicon (no FrameNet/VerbNet/WordNet offline, and the pipeline
runs without spaCy's lemmatizer); verbs are listed by base form and inflected by
``cues.inflect`` plus explicit irregular forms, so the table also gives each form's lemma (used to
name an event by what happened). Nothing here knows any story.
"""

from __future__ import annotations

import logging

from dossier.nlp.cues import inflect

logger = logging.getLogger(__name__)

# kind -> verb base forms. A verb needs a subject or object of its own to count (see events.py).
_VERBS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "bomb", "shoot", "stab", "kill", "shell", "raid", "ambush", "assault",
               "massacre", "murder", "slay", "invade", "gun"),
    "explosion": ("explode",),
    "disaster": ("erupt",),
    "accident": ("crash", "collide", "derail", "capsize"),
    "death": ("die",),
    "injury": ("injure", "wound"),
    "deal": ("acquire", "buy", "purchase", "merge", "sell", "bid"),
    "arrest": ("arrest", "detain", "apprehend", "capture"),
    "charge": ("charge", "indict", "sue", "prosecute"),
    "trial": ("testify",),
    "verdict": ("convict", "acquit", "sentence", "jail"),
    "escape": ("escape",),
    "robbery": ("rob", "steal", "loot"),
    "election": ("elect", "vote", "reelect", "re-elect"),
    "result": ("win", "defeat", "beat", "lose", "clinch"),
    "debate": ("debate",),
    "appointment": ("appoint", "nominate", "hire", "name"),
    "resignation": ("resign", "quit", "retire"),
    "dismissal": ("dismiss", "sack", "oust", "fire"),
    "announcement": ("announce", "unveil"),
    "launch": ("launch", "release", "introduce"),
    "endorsement": ("endorse",),
    "withdrawal": ("withdraw", "suspend"),
    "health": ("hospitalize", "hospitalise", "check", "enter", "admit"),
    "rescue": ("rescue", "evacuate"),
}

# irregular or consonant-doubling forms of the verbs above (base -> forms); the rest are regular
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shoots", "shot", "shooting"),
    "stab": ("stabs", "stabbed", "stabbing"),
    "slay": ("slays", "slew", "slain", "slaying"),
    "gun": ("guns", "gunned", "gunning"),
    "rob": ("robs", "robbed", "robbing"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "buy": ("buys", "bought", "buying"),
    "sell": ("sells", "sold", "selling"),
    "bid": ("bids", "bidding"),
    "die": ("dies", "died", "dying"),
    "win": ("wins", "won", "winning"),
    "beat": ("beats", "beaten", "beating"),
    "lose": ("loses", "lost", "losing"),
    "quit": ("quits", "quitting"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "acquit": ("acquits", "acquitted", "acquitting"),
    "admit": ("admits", "admitted", "admitting"),
    "jail": ("jails", "jailed"),
    "sack": ("sacks", "sacked"),
    "oust": ("ousts", "ousted", "ousting"),
    "debate": ("debated",),  # "debates"/"debating" are nouns far more often in news
    "name": ("names", "named"),
    "release": ("releases", "released"),
    "charge": ("charged",),  # "charges" is the noun (listed below)
    "fire": ("fired",),
    "vote": ("voted", "voting"),
}

# kind -> event nouns (singular; the plural is added by rule unless listed irregular)
_NOUNS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "bombing", "shooting", "stabbing", "killing", "massacre", "airstrike",
               "air strike", "ambush", "assault", "raid", "murder", "invasion", "offensive",
               "shelling", "gunfight", "firefight", "rampage"),
    "explosion": ("explosion", "blast"),
    "disaster": ("earthquake", "quake", "tsunami", "flood", "flooding", "hurricane", "typhoon",
                 "cyclone", "tornado", "eruption", "landslide", "mudslide", "avalanche", "wildfire",
                 "storm", "drought", "aftershock"),
    "fire": ("fire", "blaze", "inferno"),
    "accident": ("crash", "collision", "accident", "derailment", "pileup"),
    "death": ("death", "funeral", "suicide", "overdose"),
    "deal": ("acquisition", "takeover", "merger", "purchase", "buyout", "sale"),
    "arrest": ("arrest", "detention", "capture"),
    "charge": ("indictment", "lawsuit", "charges"),
    "trial": ("trial", "hearing", "testimony"),
    "verdict": ("verdict", "conviction", "acquittal", "sentencing", "ruling", "judgment"),
    "escape": ("escape", "jailbreak"),
    "robbery": ("robbery", "theft", "heist", "burglary"),
    "election": ("primary", "caucus", "caucuses", "runoff", "ballot", "plebiscite"),
    "result": ("victory", "defeat", "win", "triumph", "upset"),
    "debate": ("debate", "faceoff", "face-off", "town hall"),
    "appointment": ("appointment", "nomination", "inauguration", "swearing-in"),
    "resignation": ("resignation", "retirement"),
    "dismissal": ("dismissal", "firing", "ouster", "sacking"),
    "announcement": ("announcement", "unveiling"),
    "launch": ("release", "debut", "premiere", "rollout", "unveiling"),
    "endorsement": ("endorsement",),
    "withdrawal": ("withdrawal", "suspension"),
    "convention": ("convention", "congress", "conference"),
    "outage": ("outage", "blackout", "shutdown"),
    "riot": ("riot", "unrest", "clashes", "uprising"),
    "rescue": ("rescue", "evacuation"),
    "strike": ("walkout",),
}

_NOUN_PLURALS_IRREGULAR = {"caucus": "caucuses", "primary": "primaries", "unrest": "", "charges": "",
                           "testimony": "", "flooding": "", "shelling": ""}


def verb_forms() -> dict[str, tuple[str, str]]:
    """Inflected verb form -> (kind, base form)."""
    out: dict[str, tuple[str, str]] = {}
    for kind, bases in _VERBS.items():
        for base in bases:
            forms = set(inflect(base)) | set(_IRREGULAR.get(base, ()))
            if base in _IRREGULAR:  # the listed forms replace the rule's guesses
                forms = {base, *_IRREGULAR[base]}
            for form in forms:
                out.setdefault(form, (kind, base))
    return out


def noun_forms() -> dict[str, tuple[str, str]]:
    """Event noun (singular and plural, one-word heads only) -> (kind, singular)."""
    out: dict[str, tuple[str, str]] = {}
    for kind, nouns in _NOUNS.items():
        for noun in nouns:
            head = noun.split()[-1]
            plural = _NOUN_PLURALS_IRREGULAR.get(head, head + ("es" if head.endswith(("s", "sh", "ch", "x"))
                                                                else "s"))
            for form in (head, plural):
                if form:
                    out.setdefault(form, (kind, noun))
    return out


VERB_KIND = verb_forms()
NOUN_KIND = noun_forms()

# verbs of these kinds that report an utterance when they take a clause ("announced that ..."):
# then the reported content, not the reporting, is the news
CLAUSE_REPORTING = frozenset({"announce", "unveil", "release"})

# verbs that need a named human/organisation object to be that kind of event ("named X chief",
# "fired the coach", "charged X with", "beat X"): "fired shots", "named after", "charged batteries"
NEEDS_PERSON_OBJECT = frozenset({"name", "fire", "charge", "hire", "beat", "sack", "dismiss"})

# verbs that are a health event only when their goal is a place of care ("checked into a rehab
# clinic", "entered hospital", "was admitted to hospital"), not "checked the list", "entered the race"
NEEDS_CARE_PLACE = frozenset({"check", "enter", "admit"})
CARE_NOUNS = frozenset({"rehab", "rehabilitation", "hospital", "clinic", "treatment", "hospice", "detox",
                        "infirmary", "sanatorium", "ward"})

# the kinds whose events the lead of breaking news dates to the dateline day when no time is given
BREAKING_KINDS = frozenset({
    "attack", "explosion", "disaster", "fire", "accident", "death", "injury", "arrest", "charge",
    "verdict", "escape", "robbery", "result", "appointment", "resignation", "dismissal", "announcement",
    "launch", "endorsement", "withdrawal", "deal", "riot", "outage", "rescue", "health",
})

# kinds that can name one real event in different reports ("shooting" / "killing" / "attack")
GENERIC_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"attack", "explosion"}),
    frozenset({"disaster"}),
    frozenset({"fire"}),
    frozenset({"accident", "death", "injury"}),
    frozenset({"deal"}),
    frozenset({"arrest", "charge"}),
    frozenset({"trial", "verdict"}),
    frozenset({"election", "result"}),
    frozenset({"debate"}),
    frozenset({"appointment"}),
    frozenset({"resignation", "dismissal", "withdrawal"}),
    frozenset({"announcement", "launch"}),
    frozenset({"endorsement"}),
    frozenset({"convention"}),
    frozenset({"riot", "protest"}),
    frozenset({"escape"}),
    frozenset({"robbery"}),
    frozenset({"outage"}),
    frozenset({"rescue"}),
    frozenset({"health"}),
    frozenset({"strike"}),
)


def third_person(base: str) -> str:
    """Headline present tense of a base verb ("buy" -> "buys"): events are named as headlines are."""
    if base == "be":
        return "is"
    return inflect(base)[1]
