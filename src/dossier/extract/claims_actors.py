"""Who takes a stance and about what: small walks over the parse for the statement's noun phrase
and object, the clause subject, and the actor it names (a mention, or the person a pronoun stands
for when it is unambiguous). A sentence-initial dateline is never an actor.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.model import Annotations, Mention
from dossier.extract.claims_cues import (
    ACTOR_LABELS, ACTOR_NOUNS, COPULAS, KEY_PREPS, LINK_FORMS, MIN_PRONOUN_CONFIDENCE, NOUN_CUES,
    PERSONAL_PRONOUNS, TIME_WORDS, TOPIC_PREPS,
)

logger = logging.getLogger(__name__)


def clean_phrase(text: str) -> str:
    """Collapse spaces and strip quotes/punctuation left at the ends of a phrase."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" \"'“”‘’,;:.-–—()[]")


def span_text(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    # The span's own text, not a slice of ``doc.text``: spaCy rebuilds the whole page's string on
    # every ``doc.text`` (2 ms a call on a news page; 6 % of the map's time went here).
    return clean_phrase(toks[0].doc[toks[0].i : toks[-1].i + 1].text)


def noun_phrase(head: Token, depth: int = 0) -> list[Token]:
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
            if right.dep_ == "prep" and right.lower_ in KEY_PREPS:
                objs = [c for c in right.children if c.dep_ == "pobj"]
                if objs:
                    toks.append(right)
                    toks.extend(noun_phrase(objs[0], depth + 1))
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


def object_of(verb: Token, depth: int = 0) -> Token | None:
    """The noun a verb (or a verb chain: "sign a treaty", "having X returned") is about.

    "link/tie X to Y" is about Y: the stance makes X depend on it.
    """
    if verb.lower_ in LINK_FORMS:
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
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and not _timeish(c)]
            if objs:
                return objs[0]
            acts = [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
            if acts and depth < 3:  # "insist on linking X to Y"
                found = object_of(acts[0], depth + 1)
                if found is not None:
                    return found
    if depth < 3:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pcomp") and child.pos_ in ("VERB", "AUX"):
                found = object_of(child, depth + 1)
                if found is not None:
                    return found
    return None


def _timeish(tok: Token) -> bool:
    """ "on Thursday", "in March": a time, never what a stance is about."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in TIME_WORDS


def clause_key(clause: Token) -> Token | None:
    """Key noun of a complement clause: its common-noun subject when the clause only describes it
    ("the islands are/became ..."), else what the verb acts on ("France must accept German
    sovereignty", "the two countries would accelerate negotiations")."""
    describes = clause.lower_ in COPULAS or not any(c.dep_ == "dobj" for c in clause.children)
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and describes:
            if child.lower_ in ACTOR_NOUNS and object_of(clause) is not None:
                return object_of(clause)  # "the two sides move forward on X": X is the topic
            if child.lower_ in NOUN_CUES:  # "France's position remained that X": X is the point
                inner = next((c for c in clause.children if c.dep_ == "ccomp"), None)
                if inner is not None and inner.i != clause.i:
                    return clause_key(inner)
            return child
    return object_of(clause)


def subject_of(verb: Token) -> Token | None:
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


def mention_at(mentions: tuple[Mention, ...], char: int) -> Mention | None:
    for m in mentions:
        if m.span.start <= char < m.span.end and m.label in ACTOR_LABELS:
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


def find_actors(head: Token, annots: Annotations, sent_floor: int) -> list[tuple[str, float]]:
    """Actor names (with a confidence factor) for a subject/possessor token and its conjuncts.

    The mention covering the head wins; otherwise a nationality/name modifier on the left
    ("French officials", "the German government"); a bare "he"/"his" falls back to the last
    person named nearby.
    """
    heads = [head, *[c for c in head.children if c.dep_ == "conj"]]
    out: list[tuple[str, float]] = []
    for h in heads:
        m = mention_at(annots.mentions, h.idx)
        if m is None:
            for left in h.lefts:
                if left.dep_ in ("amod", "compound", "poss", "nmod"):
                    m = mention_at(annots.mentions, left.idx)
                    if m is not None:
                        break
        if m is None and h.lower_ in ACTOR_NOUNS:  # "officials in X", "diplomats from X"
            for prep in h.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    m = mention_at(annots.mentions, pobj.idx) if pobj is not None else None
                    if m is not None:
                        break
        if m is not None and m.label == "PRON" and m.confidence < MIN_PRONOUN_CONFIDENCE:
            continue  # "they" read as a university: the antecedent is doubtful, drop it
        if m is not None:
            name = _mention_name(m)
            if name:
                out.append((name, 1.0))
                continue
        if h.lower_ in PERSONAL_PRONOUNS:
            name = _previous_person(annots.mentions, h.doc, h.idx, sent_floor)
            if name:
                out.append((name, 0.7))
    first: dict[str, float] = {}
    for n, c in out:
        first.setdefault(n, c)  # the first reading of each name, in order
    return list(first.items())
