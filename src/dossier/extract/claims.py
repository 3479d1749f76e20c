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
The table is ``claims_cues``; who the actor is and what the statement says, ``claims_actors``; this
module finds the cues in a sentence and builds the claims.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.model import Annotations, Claim, Document, Span
from dossier.extract.claims_actors import (
    clause_key, clean_phrase, find_actors, mention_at, noun_phrase, object_of, span_text, subject_of,
)
from dossier.extract.claims_cues import (
    BASE_CONFIDENCE, MAX_STATEMENT, NOUN_CUES, OBLIGATION, PHRASAL_CUES, PHRASAL_FORMS, READY_ADJS,
    REPORT_FORMS, VERB_CUES, VERB_FORMS,
)

logger = logging.getLogger(__name__)


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
        base = VERB_FORMS.get(low)
        stance: str | None = None
        kind = "verb"
        if base is not None:
            stance = VERB_CUES[base][0]
        elif low in PHRASAL_FORMS:
            particles = PHRASAL_CUES[PHRASAL_FORMS[low]][0]
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
        subj = subject_of(tok)
        if subj is None:
            continue
        statement = _complement(tok)
        if not statement:
            continue  # "X agrees." says nothing about what
        key = object_of(tok)
        clause = _clause_of(tok)
        if clause is not None:
            key = clause_key(clause) or key
            target = _obligation_verb(clause) if stance == "claim" else None
            if target is not None:  # "Berlin made clear that France must accept X"
                stance, key = "demand", object_of(target) or key
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
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in verb.children):
        return True
    head = verb.head
    for _ in range(2):
        if any(c.lower_ in OBLIGATION and c.dep_ == "acomp" for c in head.children):
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
        if tok.pos_ not in ("VERB",) or tok.lower_ not in REPORT_FORMS:
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            target = _obligation_verb(clause)
            if target is None:
                continue
            subj = subject_of(tok)
            if subj is None:
                continue
            obj = object_of(target)
            yield tok, "demand", subj, list(clause.subtree), obj, "report"


def _obligation_verb(clause: Token) -> Token | None:
    """The verb under "must"/"should"/"it is necessary for X to" inside a complement clause."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children):
        return clause
    for tok in clause.subtree:
        if tok.lower_ in OBLIGATION and tok.dep_ in ("aux", "acomp", "ROOT", "ccomp", "xcomp"):
            if tok.dep_ == "aux":
                return tok.head
            for t in tok.head.subtree if tok.dep_ == "acomp" else tok.subtree:
                if t.pos_ == "VERB" and t.i > tok.i:
                    return t
    return None


def _noun_hits(sent: SpacySpan) -> Iterator[_Hit]:
    for tok in sent:
        stance = NOUN_CUES.get(tok.lower_)
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
                key = clause_key(child)
                break
            if child.dep_ == "prep" and child.lower_ in ("on", "of", "for", "to", "that"):
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objs:
                    statement = list(child.subtree)
                    key = objs[0] if objs[0].pos_ in ("NOUN", "PROPN") else object_of(objs[0])
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
            subj = subject_of(tok.head)
            if subj is None:
                continue
            key = objs[0] if objs[0].pos_ in ("NOUN", "PROPN") else object_of(objs[0])
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
            subj = subject_of(gov)
            while subj is not None and subj.pos_ == "PRON" and subj.lower_ == "it" and gov.head.i != gov.i:
                gov = gov.head  # "X said (that) it is difficult ... as long as": the sayer sets it
                subj = subject_of(gov)
            if subj is None:
                continue
            yield tok, "condition", subj, list(clause.subtree), object_of(clause), "condition"


def _ready_hits(sent: SpacySpan) -> Iterator[_Hit]:
    """ "X is ready/prepared/willing to Y": an offer."""
    for tok in sent:
        if tok.lower_ in READY_ADJS and tok.dep_ == "acomp":
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            subj = subject_of(tok.head)
            if xcomp is None or subj is None:
                continue
            yield tok, "proposal", subj, list(xcomp.subtree), object_of(xcomp), "verb"


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
        base = VERB_FORMS.get(tok.lower_)
        prev = toks[i - 1]
        if base is None or prev.pos_ != "PROPN" or i - 1 > 1:
            continue
        if mention_at(annots.mentions, prev.idx) is None:
            continue
        rest = toks[i + 1 :]
        key = next((t for t in rest if t.pos_ in ("NOUN",) and t.dep_ in ("dobj", "pobj", "nsubj")), None)
        yield tok, VERB_CUES[base][0], prev, rest, key, "verb"


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
    return clean_phrase(re.sub(r"[\"“”]", "", span_text(noun_phrase(key_tok))))


def _statement(tokens: list[Token], cue: Token) -> str:
    text = span_text(tokens) if tokens else span_text(cue.sent)
    if len(text) > MAX_STATEMENT:
        cut = text[:MAX_STATEMENT].rsplit(" ", 1)[0]
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
            for actor, factor in find_actors(actor_tok, annots, floor):
                ident = (sent.start_char, actor, stance, key)
                if ident in seen or not statement:
                    continue
                seen.add(ident)
                conf = BASE_CONFIDENCE[kind] * factor * (1.0 if key else 0.8)
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
