"""Which sense of an ambiguous event word a sentence uses, from the word's own arguments.

A trigger word of the kind inventory (``events_kinds``) is often not an event, or an event of
another kind: "fired the coach" / "fired shots", "a heart attack" / "an attack", "an air strike" /
"a strike by dockers", "released the hostages" / "released an album". ACE's annotation guidelines
decide these by the trigger's arguments (who or what undergoes it), and so does this module: each
rule reads the dependency parse around the word, never a story's wording. It also finds the
events named by a verb with a particle, object or complement ("stepped down", "opened fire",
"found dead", "filed for bankruptcy"), whose verb alone means nothing.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dossier.extract import events_kinds as kinds
from dossier.extract import events_lexicon as lex
from dossier.nlp.cues import ROLE_NOUNS

log = logging.getLogger(__name__)

_HUMAN_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "i", "we", "us", "me", "who", "whom"})
# "a heart attack", "a panic attack": a medical episode, not an assault
_MEDICAL_ATTACK = frozenset({"heart", "panic", "asthma", "anxiety", "seizure"})
# "an air strike", "missile strikes", "a strike on the base": a military strike, else a labour one
_WEAPON_WORDS = frozenset({"air", "missile", "drone", "rocket", "military", "artillery", "nuclear", "aerial",
                           "naval", "retaliatory", "preemptive", "pre-emptive", "surgical", "precision",
                           "bomber", "cruise", "targeted", "coalition", "allied"})
_PENALTY_WORDS = frozenset({"life", "prison", "jail", "death", "suspended", "year", "years", "month", "months",
                            "custodial", "mandatory", "maximum", "minimum", "reduced", "lengthy", "harsh"})
_COMP_DEPS = ("acomp", "oprd", "ccomp", "xcomp", "advcl", "conj", "dobj")


def is_human(tok: Token) -> bool:
    """A person or people: a PERSON name, a role or people noun, a personal pronoun."""
    return (tok.ent_type_ == "PERSON" or tok.lower_ in _HUMAN_PRONOUNS or tok.lower_ in ROLE_NOUNS
            or tok.lower_ in lex.PEOPLE_NOUNS or tok.lower_ in _PEOPLE_EXTRA)


# people a justice or rescue event happens to ("the hostages were freed", "the suspect was released")
_PEOPLE_EXTRA = frozenset({"hostage", "hostages", "prisoner", "prisoners", "suspect", "suspects", "detainee",
                           "detainees", "man", "men", "woman", "women", "captive", "captives", "inmate", "inmates",
                           "teenager", "boy", "girl", "activist", "activists", "journalist", "soldier", "soldiers",
                           "killer", "killers", "murderer", "convict", "convicts", "patient", "patients"})


def _objects(verb: Token) -> list[Token]:
    """What undergoes the verb: its direct object, or its subject when passive."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        out.append(verb.head)  # "the hostages freed on Monday"
    return out


def prep_objects(tok: Token, preps: frozenset[str] | tuple[str, ...],
                 deps: tuple[str, ...] = ("prep", "dative")) -> list[Token]:
    """The objects of ``tok``'s prepositions in ``preps`` ("release *from prison*")."""
    return [g for c in tok.children if c.dep_ in deps and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _complements(verb: Token) -> list[Token]:
    """Adjective complements of the verb, also inside a small clause ("found him guilty")."""
    out = [c for c in verb.children if c.dep_ in _COMP_DEPS]
    out += [g for c in out for g in c.children if g.dep_ in ("acomp", "oprd", "amod")]
    return out


def _construction(verb: Token) -> tuple[str, str, Token] | None:
    """(kind, link, word) of the construction the verb heads (``kinds.CONSTRUCTIONS``), or None."""
    base = kinds.CONSTRUCTION_VERB.get(verb.lower_)
    if base is None or not (verb.pos_ == "VERB" or verb.tag_.startswith("VB")):
        return None
    for link, words, kind in kinds.CONSTRUCTIONS[base]:
        if link == "prt":  # the parser also labels a particle "advmod" ("stepped down")
            got = [c for c in verb.children if c.dep_ in ("prt", "advmod")]
        elif link == "dobj":
            got = _objects(verb)
        elif link == "comp":
            got = _complements(verb)
        else:
            got = [w for o in prep_objects(verb, (link,)) for w in o.subtree]
        word = next((t for t in got if t.lower_ in words), None)
        if word is not None:
            return kind, link, word
    return None


def construction_kind(verb: Token) -> str | None:
    """Kind of a predicate of a few words ("stepped down", "opened fire", "found dead", "filed for
    bankruptcy", "taken into custody"); None if the verb heads none."""
    got = _construction(verb)
    return got[0] if got is not None else None


def construction_tail(verb: Token) -> str:
    """The words a headline keeps after the verb of a construction ("found dead", "files for
    bankruptcy", "steps down"); empty when the label shows them already (a particle, the object)."""
    got = _construction(verb)
    if got is None or got[1] == "dobj" or got[2].dep_ == "prt":
        return ""
    kind, link, word = got
    return f"{link} {word.text}" if link not in ("prt", "comp") else word.text


def is_construction_argument(tok: Token) -> bool:
    """The noun is the object of a construction that names the event ("opened fire", "declared
    bankruptcy"): the verb's event, not a second one."""
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    return tok.dep_ in ("dobj", "pobj", "nsubjpass") and construction_kind(gov) is not None


def _has_money(tok: Token) -> bool:
    return any(w.ent_type_ == "MONEY" for w in tok.subtree)


def _names_role(verb: Token) -> bool:
    """"named X chief", "named X as", "picked X to run", "chose X for": a role to fill; not "named
    after", "named in the suit", "picked X up at the airport"."""
    return any(c.dep_ in ("oprd", "xcomp") or c.dep_ in ("prep", "dative") and c.lower_ in ("as", "to", "for")
               for c in verb.children)


def _object_sense(verb: Token, base: str) -> bool:
    """The verb's object (or the sum it pays) is the kind the verb needs (``kinds.NEEDS_OBJECT``)."""
    heads = {o.lower_ for o in _objects(verb)}
    if heads & kinds.NEEDS_OBJECT[base]:
        return True
    return base in kinds.NEEDS_MONEY and any(_has_money(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))


def _legal_appeal(tok: Token) -> bool:
    """"appealed the verdict", "an appeal against the ruling", "appealed to the Supreme Court",
    "filed an appeal": not "appealed for calm", "the appeal of the plan"."""
    args = _objects(tok) if tok.pos_ == "VERB" else []
    args += prep_objects(tok, ("against", "of", "to", "over"))
    if any(a.lower_ in kinds.LEGAL_OBJECTS for a in args):
        return True
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and kinds.verb_base(tok.head.lower_) in ("file", "lodge")


_CAUSATIVES = frozenset({"have", "has", "had", "having", "get", "gets", "got", "getting"})


def _leaves_office(verb: Token, base: str) -> bool:
    """Someone resigns or retires of their own act: not a passive ("his number was retired"), a
    causative's complement ("had his jersey retired") or a transitive "retire" (retiring a jersey,
    a debt): what is retired there is a thing, not a person leaving a post."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    if verb.dep_ in ("ccomp", "xcomp", "oprd") and verb.head.lower_ in _CAUSATIVES:
        return False
    return not (base == "retire" and any(c.dep_ == "dobj" for c in verb.children))


def verb_sense(verb: Token, kind: str, base: str, personish: bool) -> str | None:
    """The kind an inventory verb has in its sentence, or None when its arguments say it is no
    event (``personish``: a direct object or passive subject names someone)."""
    if base == "release":
        freed = _objects(verb)
        if any(is_human(o) for o in freed) or any(o.lower_ in kinds.CUSTODY_NOUNS
                                                  for o in prep_objects(verb, ("from",))):
            return "release"  # "released the hostages", "was released from prison"
        return kind
    if base == "appeal":
        return kind if _legal_appeal(verb) else None
    if kind == "resignation" and not _leaves_office(verb, base):
        return None
    if base in kinds.NEEDS_OBJECT and not _object_sense(verb, base):
        return None
    if base in kinds.NEEDS_PERSON_OBJECT and not personish:
        return None
    if base == "cast" and not any(w.lower_ in kinds.PRODUCTION_NOUNS for w in verb.subtree):
        return None  # "cast as the villain in the film", not "cast himself as an outsider"
    if base in kinds.NEEDS_ROLE and not _names_role(verb):
        return None  # "named X as / to / chief", not "named after", "cast a vote"
    return kind


def noun_sense(tok: Token, kind: str) -> str | None:
    """The kind an inventory noun has in its phrase, or None when it names no event there."""
    word = tok.lower_
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if is_construction_argument(tok):
        return None  # "opened fire": the verb's event
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return None  # "life without parole", "released without charge": what did not happen
    if word in ("attack", "attacks") and mods & _MEDICAL_ATTACK:
        return "health"
    if word in ("strike", "strikes"):
        if mods & _WEAPON_WORDS or prep_objects(tok, ("on", "against")):
            return "attack"
        return "protest" if "hunger" in mods else "strike"
    if word in ("landslide", "landslides") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by"):
        return None  # "won in a landslide": a margin, not a disaster
    if kind == "disaster" and tok.dep_ == "dobj" and kinds.VERB_KIND.get(tok.head.lower_, ("", ""))[0] == "result":
        return None  # "won a landslide": what a contest is won by; a disaster befalls, it is not won
    if kind == "result" and tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.children):
        return None  # "46 wins", "51 knockouts": a record's tally, not one contest
    if kind == "deal" and mods & (_WEAPON_WORDS | {"army"}):
        return "attack"  # "a military takeover" is a coup; a company's takeover is a deal
    if word in ("sentence", "sentences") and not any(
            c.dep_ == "poss" or any(w.lower_ in _PENALTY_WORDS for w in c.subtree) for c in tok.lefts):
        return None  # "a life sentence", "a 10-year sentence", "his sentence", not "the first sentence"
    if word in ("execution", "executions") and any(not is_human(o) for o in prep_objects(tok, ("of",))):
        return None  # "the execution of the plan"
    if word in ("appeal", "appeals") and not _legal_appeal(tok):
        return None
    log.debug("noun %r read as %s", tok.text, kind)
    return kind
