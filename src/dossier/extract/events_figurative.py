"""Senses a trigger word has in its sentence beyond its own arguments: a document, a force of
nature, a figurative or sporting use.

These rules read how English marks the sense, never a story's wording:
- "release": a document when it is a press/news release, speaks ("the release said") or is where
  something is said ("said in a release"); freeing someone when its possessor or "of"/"from"
  complement is a person or a place of custody ("his release from prison"); else a launch.
- a harm verb whose subject, or the subject of the clause a participle hangs on, is a
  natural-phenomenon noun (the inventory's disaster nouns: "Earthquake kills 10", "a storm
  killed") reports the disaster, not an attack.
- an attack needs a physical target: a verbal attack ("personal/political attacks") or one on an
  abstract object ("attacked his record / the plan / her comments") is a statement, no event;
  "derail"/"steal" on a thing no vehicle or property ("derail the talks", "steal the show") too.
- sports: teams "meet" in a game or a round of a tournament, and "five rounds sooner" measures a
  bout; neither is a meeting or talks. "second-round pick": a round modifying a noun names none.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dossier.extract import events_kinds as kinds
from dossier.extract.events_senses import is_human, prep_objects
from dossier.nlp.cues import is_speech_verb

logger = logging.getLogger(__name__)

_SUBJ = ("nsubj", "nsubjpass")
_DOCUMENT_MODS = frozenset({"press", "news", "media"})
_RELEASE_WORDS = frozenset({"release", "releases"})
_CUSTODY_PLACES = frozenset({"prison", "jail", "custody", "detention", "captivity", "hospital", "prisons", "jails"})
_HARM_KINDS = frozenset({"attack", "death", "injury"})
# adjectives that make an attack one of words: "personal attacks", "under political attack"
_VERBAL_ATTACK = frozenset({"personal", "political", "verbal", "rhetorical", "negative", "partisan",
                            "sharpened", "sharp", "blistering", "scathing", "withering", "ad", "campaign"})
# what words, not weapons, are aimed at: "attacked his record", "attacks on the plan"
ABSTRACT_TARGETS = frozenset({"record", "records", "plan", "plans", "idea", "ideas", "comment", "comments",
                              "policy", "policies", "proposal", "proposals", "remarks", "position", "positions",
                              "views", "stance", "claim", "claims", "decision", "agenda", "rhetoric",
                              "statement", "statements", "character", "credibility", "leadership", "tenure",
                              "judgment", "judgement", "integrity", "candidacy", "campaign", "ads", "message"})
_ATTACK_WORDS = frozenset({"attack", "attacks", "attacked", "attacking"})
_VEHICLES = frozenset({"train", "trains", "tram", "trams", "locomotive", "carriage", "carriages", "wagon",
                       "wagons", "car", "cars", "coach", "coaches"})
_DERAIL = frozenset({"derail", "derails", "derailed", "derailing"})
_STEAL = frozenset({"steal", "steals", "stole", "stolen", "stealing"})
# things one "steals" only in idioms: the show, the spotlight, someone's thunder
_STOLEN_IDIOMS = frozenset({"show", "spotlight", "limelight", "thunder", "scene", "headlines", "march",
                            "glances", "kiss", "base", "bases"})
# the games and stages of a sports competition
CONTEST_NOUNS = frozenset({"semifinal", "semifinals", "semi-final", "semi-finals", "final", "finals",
                           "quarterfinal", "quarterfinals", "quarter-final", "game", "games", "match", "matches",
                           "playoff", "playoffs", "tournament", "championship", "round", "bowl", "series",
                           "opener", "rematch", "fight", "bout", "title", "league", "cup"})
_MEET = frozenset({"meet", "meets", "met", "meeting"})
_ROUNDS = frozenset({"round", "rounds"})


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a participle or conjunct without one ("..., killing 10") the
    subject of the clause it hangs on."""
    seen = 0
    while seen < 4:
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is not None or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return subj
        verb, seen = verb.head, seen + 1
    return None


def is_natural_force(tok: Token) -> bool:
    """A natural-phenomenon noun: one the inventory reads as a disaster ("earthquake", "storm")."""
    got = kinds.NOUN_KIND.get(tok.lower_)
    return tok.pos_ in ("NOUN", "PROPN") and got is not None and got[0] == "disaster"


def _is_person(tok: Token) -> bool:
    return is_human(tok) or tok.pos_ == "PRON"


def release_sense(tok: Token) -> str | None:
    """"a press release", "the release said", "said in a release": a document, no event; "his
    release", "release of the hostages", "release from prison": freeing someone; else a launch."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & _DOCUMENT_MODS or (tok.dep_ in _SUBJ and is_speech_verb(tok.head)):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by") and is_speech_verb(tok.head.head):
        return None
    if any(c.dep_ == "acl" or c.dep_ == "relcl" and c.lower_ != "release" and any(
            g.dep_ == "mark" for g in c.children) for c in tok.children) and any(
            c.lower_ == "that" for c in tok.rights):
        return None  # "in a release that the jury found ...": the text of a statement
    freed = [c for c in tok.children if c.dep_ == "poss"]
    freed += prep_objects(tok, ("of", "from"), deps=("prep",))
    if any(_is_person(f) or f.lower_ in _CUSTODY_PLACES for f in freed):
        return "release"
    return "launch"


def _attack_sense(tok: Token) -> str | None:
    """None for an attack of words: a verbal modifier, or an abstract target."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & _VERBAL_ATTACK:
        return None
    targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.pos_ == "NOUN":  # "attacks on the plan"; a verb's "on Tuesday" is its time
        targets += prep_objects(tok, ("on", "against"), deps=("prep",))
    if targets and all(t.lower_ in ABSTRACT_TARGETS for t in targets):
        return None
    return "attack"


def _sporting_meet(tok: Token) -> bool:
    """"will meet Indiana State in the semifinal": teams meeting in a game or a stage of a contest."""
    where = prep_objects(tok, ("in", "for", "at"), deps=("prep",))
    return any(w.lower_ in CONTEST_NOUNS for g in where for w in g.subtree)


def _measured_rounds(tok: Token) -> bool:
    """"five rounds sooner", "a second-round pick": rounds counted as a measure or modifying a noun."""
    if tok.dep_ in ("amod", "compound"):
        return True
    return tok.dep_ == "npadvmod" and any(c.dep_ == "nummod" for c in tok.children)


def refine_sense(tok: Token, kind: str) -> str | None:
    """The kind ``tok`` names given the marks above, from the kind its inventory and arguments gave."""
    got = _marked_sense(tok, kind)
    if got != kind:
        logger.debug("%r read as %s, not %s, from its marks", tok.text, got, kind)
    return got


def _marked_sense(tok: Token, kind: str) -> str | None:
    """The rules of the module docstring, in order; the first that applies decides."""
    word = tok.lower_
    if word in _RELEASE_WORDS and tok.pos_ == "NOUN" and kind in ("launch", "release"):
        return release_sense(tok)
    if kind in _HARM_KINDS and tok.pos_ == "VERB":
        subj = _subject(tok)
        if subj is not None and is_natural_force(subj):
            return "disaster"  # "Earthquake kills 10": the disaster's toll, not an attack
    if kind == "attack" and word in _ATTACK_WORDS:
        return _attack_sense(tok)
    if word in _DERAIL and any(c.dep_ == "dobj" and c.lower_ not in _VEHICLES for c in tok.children):
        return None  # "derail the talks"
    if word in _STEAL and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _STOLEN_IDIOMS for c in tok.children):
        return None  # "steal the show"
    if kind == "meeting" and word in _MEET and _sporting_meet(tok):
        return None
    if word in _ROUNDS and kind == "talks" and _measured_rounds(tok):
        return None
    return kind
