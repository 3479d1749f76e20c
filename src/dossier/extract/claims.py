"""Stances taken in one sentence: an actor demands, refuses, proposes, sets a condition, claims...

A claim is found from a generic cue lexicon (verbs such as "insist", "rule out", "propose"; nouns
such as "insistence", "offer", "position"; condition markers such as "without", "unless", "as long
as") and the dependency parse: the cue's subject (or possessor, or passive agent) is the actor, and
its object or complement clause is the statement. Nothing here knows a story: the actor is whatever
named mention the parse points to ("Paris refuses ...", "France's insistence on ...", "Berlin made
clear that ..."); mapping a speaker or a capital to the government it speaks for is done later
(``dossier.extract.positions.default_actor_of``).

The pipeline runs without spaCy's lemmatizer, so cue verbs are matched on inflected forms generated
from a small table (hand-written because no installed library ships an English stance lexicon).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.lang.en import FULL_MONTHS, WEEKDAYS
from dossier.model import Annotations, Claim, Document, Mention, Span
from dossier.nlp.cues import inflect

logger = logging.getLogger(__name__)

# Stance verbs: base form -> (stance, irregular forms). Regular forms come from ``cues.inflect``.
_VERB_CUES: dict[str, tuple[str, tuple[str, ...]]] = {
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
_PHRASAL_CUES: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "call": ({"for": "demand"}, ()),
    "rule": ({"out": "refusal"}, ()),
    "make": ({"clear": "claim"}, ("makes", "made", "making")),
    "press": ({"for": "demand"}, ()),
    "push": ({"for": "demand"}, ()),
}
# Reporting verbs whose complement is a stance only when it carries obligation ("must", "necessary").
_REPORT_VERBS: dict[str, tuple[str, ...]] = {
    "suggest": (),
    "say": ("says", "said", "saying"),
    "state": (),
    "stress": (),
    "emphasize": (),
    "emphasise": (),
    "reiterate": (),
    "declare": (),
    "warn": (),
    "tell": ("tells", "told", "telling"),
    "repeat": (),
    "argue": (),
    "announce": (),
}
# Stance nouns: the possessor is the actor ("France's insistence on X", "Merkel's offer of X").
_NOUN_CUES: dict[str, str] = {
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
_READY_ADJS = frozenset({"ready", "prepared", "willing"})
_OBLIGATION = frozenset({"must", "should", "need", "needs", "necessary", "ought"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "GOV", "LOC", "PRON"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_KEY_PREPS = frozenset({"of", "over", "on", "for", "to"})
# Nouns naming the parties themselves, never what they disagree about.
_ACTOR_NOUNS = frozenset(
    "countries country sides side parties party nations nation governments government leaders leader "
    "officials official states state people we they both".split()
)
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(FULL_MONTHS) | frozenset(
    "today yesterday tomorrow week month year weekend morning afternoon evening night".split()
)
# A pronoun whose antecedent the annotator is this unsure of gives no actor (a wrong side is
# worse than a missing claim).
_MIN_PRONOUN_CONFIDENCE = 0.5
# Prepositions whose object can stand for what a verb is about ("insist on X", "call for X");
# place/time/source prepositions ("in Oslo", "from France") never can.
_TOPIC_PREPS = frozenset({"on", "for", "of", "to", "about", "over", "with", "toward", "towards"})
_COPULAS = frozenset(
    "is are was were be been being am 's remain remains remained become becomes became".split()
)
_BASE_CONFIDENCE = {"verb": 0.8, "phrasal": 0.8, "report": 0.7, "noun": 0.65, "condition": 0.7}
_MAX_STATEMENT = 220


def _forms(table: dict[str, tuple[Any, ...]]) -> dict[str, str]:
    """Inflected form -> base form for a cue table whose last tuple item lists irregular forms."""
    out: dict[str, str] = {}
    for base, entry in table.items():
        irregular = entry[-1] if entry and isinstance(entry[-1], tuple) else ()
        for form in (*inflect(base), *irregular):
            out[form] = base
    return out


_VERB_FORMS = _forms(_VERB_CUES)
_LINK_FORMS = frozenset(_forms({"link": (), "tie": ("ties", "tied", "tying"), "connect": (), "condition": ()}))
_PHRASAL_FORMS = _forms(_PHRASAL_CUES)
_REPORT_FORMS = _forms({k: (v,) for k, v in _REPORT_VERBS.items()})


# ---------------------------------------------------------------------------------------------
# small parse helpers
# ---------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Collapse spaces and strip quotes/punctuation left at the ends of a phrase."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" \"'“”‘’,;:.-–—()[]")


def _span_text(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    return _clean(doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)])


def _noun_phrase(head: Token, depth: int = 0) -> list[Token]:
    """The head noun with its left modifiers and an "of/over/on" attachment, without clauses.

    Why: the issue a claim is about is a noun phrase ("the return of four islands"); relative
    clauses and long trailing modifiers would make unrelated phrases look alike or different.
    """
    toks = [head]
    for left in head.lefts:
        if left.dep_ in ("punct",) and left.text not in ("-",):
            continue
        toks.extend(left.subtree)
    for conj in head.rights:
        if conj.dep_ == "conj" and depth <= 1 and conj.pos_ in ("NOUN", "PROPN"):
            toks.extend(t for t in conj.subtree if t.dep_ != "relcl")
    if depth < 2:
        for right in head.rights:
            if right.dep_ == "prep" and right.lower_ in _KEY_PREPS:
                objs = [c for c in right.children if c.dep_ == "pobj"]
                if objs:
                    toks.append(right)
                    toks.extend(_noun_phrase(objs[0], depth + 1))
                break
    # keep the phrase contiguous: cut at the first gap
    toks = sorted(set(toks), key=lambda t: t.i)
    out = [t for t in toks if t.i <= head.i]
    nxt = head.i + 1
    for t in toks:
        if t.i < nxt:
            continue
        if t.i != nxt:
            break
        out.append(t)
        nxt += 1
    return out


def _object_of(verb: Token, depth: int = 0) -> Token | None:
    """The noun a verb (or a verb chain: "sign a treaty", "having X returned") is about.

    "link/tie X to Y" is about Y: the stance makes X depend on it.
    """
    if verb.lower_ in _LINK_FORMS:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "on", "with"):
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                if objs:
                    return objs[0]
    for dep in ("dobj", "attr", "oprd", "nsubjpass", "dative"):
        for child in verb.children:
            if child.dep_ == dep and child.pos_ in ("NOUN", "PROPN", "NUM"):
                return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and not _timeish(c)]
            if objs:
                return objs[0]
            acts = [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
            if acts and depth < 3:  # "insist on linking X to Y"
                found = _object_of(acts[0], depth + 1)
                if found is not None:
                    return found
    if depth < 3:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pcomp") and child.pos_ in ("VERB", "AUX"):
                found = _object_of(child, depth + 1)
                if found is not None:
                    return found
    return None


def _timeish(tok: Token) -> bool:
    """ "on Thursday", "in March": a time, never what a stance is about."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _TIME_WORDS


def _clause_key(clause: Token) -> Token | None:
    """Key noun of a complement clause: its common-noun subject when the clause only describes it
    ("the islands are/became ..."), else what the verb acts on ("France must accept German
    sovereignty", "the two countries would accelerate negotiations")."""
    describes = clause.lower_ in _COPULAS or not any(c.dep_ == "dobj" for c in clause.children)
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and describes:
            if child.lower_ in _ACTOR_NOUNS and _object_of(clause) is not None:
                return _object_of(clause)  # "the two sides move forward on X": X is the topic
            if child.lower_ in _NOUN_CUES:  # "France's position remained that X": X is the point
                inner = next((c for c in clause.children if c.dep_ == "ccomp"), None)
                if inner is not None and inner.i != clause.i:
                    return _clause_key(inner)
            return child
    return _object_of(clause)


def _subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb, climbing through xcomp/conj chains and passive agents.

    A passive verb without a "by" agent has no actor ("the reports were denied"): None.
    """
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and not _dateline(c)]
        if subjects:  # "OSLO -- Lopez agreed": the parser may give two subjects; the nearer is real
            at = tok.i
            return min(subjects, key=lambda c: abs(c.i - at))
        for child in tok.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None
        if tok.dep_ in ("xcomp", "conj", "acomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def _dateline(tok: Token) -> bool:
    """A sentence-initial place line ("OSLO -- ...", "PARIS (Reuters) -"): never an actor."""
    sent = tok.sent
    if tok.i - sent.start > 2 or not tok.text.isupper() or len(tok.text) < 3:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.text in ("--", "—", "–", "-", "(", ",") or nxt.text.isupper())


# ---------------------------------------------------------------------------------------------
# actors
# ---------------------------------------------------------------------------------------------


def _mention_at(mentions: tuple[Mention, ...], char: int) -> Mention | None:
    for m in mentions:
        if m.span.start <= char < m.span.end and m.label in _ACTOR_LABELS:
            return m
    return None


def _mention_name(m: Mention) -> str | None:
    """Canonical name of a mention; an unresolved pronoun has none."""
    if m.canonical:
        return m.canonical
    if m.label == "PRON":
        return None
    return m.text


def _previous_person(mentions: tuple[Mention, ...], sdoc: SpacyDoc, char: int, floor: int) -> str | None:
    """Nearest PERSON named before ``char`` (not before ``floor``), preferring one that is a
    subject: a cheap "he"/"his" fallback for pronouns the annotator did not resolve."""
    people = [m for m in mentions if m.label == "PERSON" and floor <= m.span.start < char]

    def is_subject(m: Mention) -> bool:
        span = sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    ranked = [m for m in people if is_subject(m)] or people
    best = max(ranked, key=lambda m: m.span.start, default=None)
    return (best.canonical or best.text) if best else None


def _actors(head: Token, annots: Annotations, sent_floor: int) -> list[tuple[str, float]]:
    """Actor names (with a confidence factor) for a subject/possessor token and its conjuncts.

    The mention covering the head wins; otherwise a nationality/name modifier on the left
    ("French officials", "the German government"); a bare "he"/"his" falls back to the last
    person named nearby.
    """
    heads = [head, *[c for c in head.children if c.dep_ == "conj"]]
    out: list[tuple[str, float]] = []
    for h in heads:
        m = _mention_at(annots.mentions, h.idx)
        if m is None:
            for left in h.lefts:
                if left.dep_ in ("amod", "compound", "poss", "nmod"):
                    m = _mention_at(annots.mentions, left.idx)
                    if m is not None:
                        break
        if m is None and h.lower_ in _ACTOR_NOUNS:  # "officials in X", "diplomats from X"
            for prep in h.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    m = _mention_at(annots.mentions, pobj.idx) if pobj is not None else None
                    if m is not None:
                        break
        if m is not None and m.label == "PRON" and m.confidence < _MIN_PRONOUN_CONFIDENCE:
            continue  # "they" read as a university: the antecedent is doubtful, drop it
        if m is not None:
            name = _mention_name(m)
            if name:
                out.append((name, 1.0))
                continue
        if h.lower_ in _PERSONAL_PRONOUNS:
            name = _previous_person(annots.mentions, h.doc, h.idx, sent_floor)
            if name:
                out.append((name, 0.7))
    first: dict[str, float] = {}
    for n, c in out:
        first.setdefault(n, c)  # the first reading of each name, in order
    return list(first.items())


# ---------------------------------------------------------------------------------------------
# cue finders: each yields (cue token, stance, actor token, statement tokens, key token, kind)
# ---------------------------------------------------------------------------------------------

_Hit = tuple[Token, str, Token, list[Token], Token | None, str]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _complement(verb: Token, skip: Token | None = None) -> list[Token]:
    """Tokens right of a verb that make its statement (objects, clauses, prepositions)."""
    toks: list[Token] = []
    for child in verb.rights:
        if (skip is not None and child.i == skip.i) or child.dep_ in ("punct", "cc"):
            continue
        if child.dep_ in ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp", "advcl", "conj", "prt", "dative"):
            toks.extend(child.subtree)
    return toks


def _verb_hits(sent: SpacySpan) -> Iterator[_Hit]:
    for tok in sent:
        low = tok.lower_
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        base = _VERB_FORMS.get(low)
        stance: str | None = None
        kind = "verb"
        if base is not None:
            stance = _VERB_CUES[base][0]
        elif low in _PHRASAL_FORMS:
            particles = _PHRASAL_CUES[_PHRASAL_FORMS[low]][0]
            for child in tok.children:
                if child.lower_ in particles and child.dep_ in ("prt", "prep", "ccomp", "acomp", "oprd", "advmod"):
                    stance, kind = particles[child.lower_], "phrasal"
                    break
        if stance is None or _obliged(tok):
            continue
        if base == "suggest" and not _subjunctive_or_object(tok):
            continue
        if _negated(tok):
            if stance == "agreement":
                stance = "refusal"
            elif stance != "refusal":
                continue
        subj = _subject(tok)
        if subj is None:
            continue
        statement = _complement(tok)
        if not statement:
            continue  # "X agrees." says nothing about what
        key = _object_of(tok)
        clause = _clause_of(tok)
        if clause is not None:
            key = _clause_key(clause) or key
            target = _obligation_verb(clause) if stance == "claim" else None
            if target is not None:  # "Berlin made clear that France must accept X"
                stance, key = "demand", _object_of(target) or key
        yield tok, stance, subj, statement, key, kind


def _clause_of(verb: Token) -> Token | None:
    """The complement clause of a verb, also behind a particle ("made clear that ...")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
    for child in verb.children:
        if child.dep_ in ("ccomp", "acomp", "oprd") and child.pos_ == "ADJ":
            for inner in child.children:
                if inner.dep_ in ("ccomp", "csubj", "xcomp") and inner.pos_ in ("VERB", "AUX"):
                    return inner
    return None


def _obliged(verb: Token) -> bool:
    """ "France must accept X" / "it is necessary for France to accept X": the stance is the speaker's
    demand (found by ``_report_hits``), not the subject's agreement."""
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children):
        return True
    head = verb.head
    for _ in range(2):
        if any(c.lower_ in _OBLIGATION and c.dep_ == "acomp" for c in head.children):
            return True
        head = head.head
    return False


def _subjunctive_or_object(verb: Token) -> bool:
    """ "suggest that X be left open" / "suggest a plan" propose; "suggested that X had chosen" reports."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return any(c.dep_ in ("dobj", "xcomp") for c in verb.children)
    return clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children)


def _report_hits(sent: SpacySpan) -> Iterator[_Hit]:
    """ "X said/made clear that Y must accept Z": a demand when the complement carries obligation."""
    for tok in sent:
        if tok.pos_ not in ("VERB",) or tok.lower_ not in _REPORT_FORMS:
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            target = _obligation_verb(clause)
            if target is None:
                continue
            subj = _subject(tok)
            if subj is None:
                continue
            obj = _object_of(target)
            yield tok, "demand", subj, list(clause.subtree), obj, "report"


def _obligation_verb(clause: Token) -> Token | None:
    """The verb under "must"/"should"/"it is necessary for X to" inside a complement clause."""
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in clause.children):
        return clause
    for tok in clause.subtree:
        if tok.lower_ in _OBLIGATION and tok.dep_ in ("aux", "acomp", "ROOT", "ccomp", "xcomp"):
            if tok.dep_ == "aux":
                return tok.head
            for t in tok.head.subtree if tok.dep_ == "acomp" else tok.subtree:
                if t.pos_ == "VERB" and t.i > tok.i:
                    return t
    return None


def _noun_hits(sent: SpacySpan) -> Iterator[_Hit]:
    for tok in sent:
        stance = _NOUN_CUES.get(tok.lower_)
        if stance is None or tok.pos_ != "NOUN":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        statement: list[Token] = []
        key: Token | None = None
        for child in tok.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
                statement = list(child.subtree)
                key = _clause_key(child)
                break
            if child.dep_ == "prep" and child.lower_ in ("on", "of", "for", "to", "that"):
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objs:
                    statement = list(child.subtree)
                    key = objs[0] if objs[0].pos_ in ("NOUN", "PROPN") else _object_of(objs[0])
                    break
        if not statement:
            continue
        yield tok, stance, owner, statement, key, "noun"


def _condition_hits(sent: SpacySpan) -> Iterator[_Hit]:
    """ "... without X", "unless X", "only if X", "as long as X": a condition set by the subject."""
    for tok in sent:
        low = tok.lower_
        if low == "without" and tok.dep_ == "prep":
            objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            if not objs or tok.head.pos_ not in ("VERB", "AUX"):
                continue
            subj = _subject(tok.head)
            if subj is None:
                continue
            key = objs[0] if objs[0].pos_ in ("NOUN", "PROPN") else _object_of(objs[0])
            yield tok, "condition", subj, list(tok.subtree), key, "condition"
        elif tok.dep_ == "mark" and low in ("unless", "if", "as"):
            if low == "if" and not (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "only"):
                continue
            if low == "as" and not (tok.i > 1 and tok.doc[tok.i - 1].lower_ == "long" and tok.doc[tok.i - 2].lower_ == "as"):
                continue
            clause = tok.head
            gov = clause.head
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            subj = _subject(gov)
            while subj is not None and subj.pos_ == "PRON" and subj.lower_ == "it" and gov.head.i != gov.i:
                gov = gov.head  # "X said (that) it is difficult ... as long as": the sayer sets it
                subj = _subject(gov)
            if subj is None:
                continue
            yield tok, "condition", subj, list(clause.subtree), _object_of(clause), "condition"


def _ready_hits(sent: SpacySpan) -> Iterator[_Hit]:
    """ "X is ready/prepared/willing to Y": an offer."""
    for tok in sent:
        if tok.lower_ in _READY_ADJS and tok.dep_ == "acomp":
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            subj = _subject(tok.head)
            if xcomp is None or subj is None:
                continue
            yield tok, "proposal", subj, list(xcomp.subtree), _object_of(xcomp), "verb"


def _mistagged_verb_hits(sent: SpacySpan, annots: Annotations) -> Iterator[_Hit]:
    """Actor name followed by a cue word the tagger read as a noun ("Paris eyes having ...").

    Why: the small English model often tags ambiguous third-person verbs ("eyes", "plans",
    "hopes") as plural nouns after a proper name at the start of a sentence; the surface pattern
    NAME + cue form is a safe reading there.
    """
    toks = list(sent)
    for i, tok in enumerate(toks[1:], start=1):
        if tok.pos_ != "NOUN" or not tok.lower_.endswith("s"):
            continue
        base = _VERB_FORMS.get(tok.lower_)
        prev = toks[i - 1]
        if base is None or prev.pos_ != "PROPN" or i - 1 > 1:
            continue
        if _mention_at(annots.mentions, prev.idx) is None:
            continue
        rest = toks[i + 1 :]
        key = next((t for t in rest if t.pos_ in ("NOUN",) and t.dep_ in ("dobj", "pobj", "nsubj")), None)
        yield tok, _VERB_CUES[base][0], prev, rest, key, "verb"


# ---------------------------------------------------------------------------------------------
# dates and assembly
# ---------------------------------------------------------------------------------------------

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def sentence_date(
    annots: Annotations, sentence: Span, fallback: str | None, sdoc: SpacyDoc | None = None
) -> str | None:
    """The first calendar date expressed in the sentence, else the document's date.

    A date after the document's own date is a deadline or a plan ("until September 2021"), not
    when the stance was taken, so it is skipped. With the parse (``sdoc``), a date that only
    names a thing ("the 1956 declaration", "the Declaration of October 1956") is skipped too: it
    dates the thing talked about, not the stance.
    """
    for t in annots.times:
        if sentence.start <= t.span.start < sentence.end and t.type == "DATE" and t.value and _ISO.match(t.value):
            if fallback and t.value[: len(fallback)] > fallback:
                continue
            if fallback and len(t.value) < len(fallback) and fallback.startswith(t.value):
                continue  # "by the end of the year": coarser than the page date, says nothing more
            if sdoc is not None and _names_a_thing(sdoc, t.span):
                continue
            return t.value
    return fallback


def _names_a_thing(sdoc: SpacyDoc, span: Span) -> bool:
    """True for a date inside a noun phrase: a prenominal modifier or an "of" attachment."""
    tspan = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if tspan is None or not len(tspan):
        return False
    root = tspan.root
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.i > tspan.end - 1
    return root.dep_ == "pobj" and root.head.lower_ == "of"


def _key_text(key_tok: Token | None) -> str:
    """The key noun phrase as plain text (quote marks inside it dropped)."""
    if key_tok is None or key_tok.pos_ == "PRON":
        return ""
    return _clean(re.sub(r"[\"“”]", "", _span_text(_noun_phrase(key_tok))))


def _statement(tokens: list[Token], cue: Token) -> str:
    text = _span_text(tokens) if tokens else _span_text(cue.sent)
    if len(text) > _MAX_STATEMENT:
        cut = text[:_MAX_STATEMENT].rsplit(" ", 1)[0]
        text = cut + " …"
    return text


def _sentences(sdoc: SpacyDoc, annots: Annotations) -> list[SpacySpan]:
    """Sentences as spaCy spans: the annotation's sentence spans when given, else the parser's."""
    if not annots.sentences:
        return list(sdoc.sents)
    out = []
    for s in annots.sentences:
        span = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


def find_claims(doc: Document, sdoc: SpacyDoc, annots: Annotations) -> list[Claim]:
    """Every stance in the document, one Claim per (actor, cue) found in a sentence."""
    claims: list[Claim] = []
    seen: set[tuple[int, str, str, str]] = set()
    sents = _sentences(sdoc, annots)
    for n, sent in enumerate(sents):
        floor = sents[max(0, n - 3)].start_char
        span = Span(doc.id, sent.start_char, sent.end_char)
        date = sentence_date(annots, span, doc.published.value, sdoc)
        hits = [
            *_verb_hits(sent),
            *_report_hits(sent),
            *_noun_hits(sent),
            *_condition_hits(sent),
            *_ready_hits(sent),
            *_mistagged_verb_hits(sent, annots),
        ]
        for cue, stance, actor_tok, stmt_toks, key_tok, kind in hits:
            key = _key_text(key_tok)
            statement = _statement(stmt_toks, cue)
            for actor, factor in _actors(actor_tok, annots, floor):
                ident = (sent.start_char, actor, stance, key)
                if ident in seen or not statement:
                    continue
                seen.add(ident)
                conf = _BASE_CONFIDENCE[kind] * factor * (1.0 if key else 0.8)
                claims.append(
                    Claim(
                        span=span,
                        actor_name=actor,
                        stance=stance,
                        statement=statement,
                        key_phrase=key,
                        date=date,
                        confidence=round(conf, 3),
                    )
                )
    return claims
