"""Mentions without a name: a bare title ("the foreign minister") and a pronoun speaker ('"...," he
said'), each pointed at the named person it most likely stands for, with lower confidence. Split from
``mentions`` (step 4 of its docstring); a role in irrealis mood ("if he becomes the nominee") points
at no one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from dossier.lang.en import (
    CONDITIONAL_MARKS, IRREALIS_AUXILIARIES, NOT_CURRENT_TITLE_WORDS, POSTPOSITIVE_TITLE_WORDS, SUBORDINATE_ROLE_WORDS,
)
from dossier.model import Mention, Span
from dossier.nlp.cues import ROLE_NOUNS, _title_token, is_speech_verb, normalise_title, role_head

logger = logging.getLogger(__name__)

# "they said" after "Russian-Japanese talks" must not point at a nationality adjective: ORG only.
_PRONOUN_LABELS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG",), "they": ("ORG",)}
_PRONOUN_CONFIDENCE = {"he": 0.7, "she": 0.7, "it": 0.5, "they": 0.4}
_QUOTE_PAIRS = re.compile(r'"[^"\n]{1,2000}"|“[^”]{1,2000}”')


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotes (straight quotes within a line, or curly pairs)."""
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _bare_title_tokens(sdoc: Doc, i: int) -> list[Token] | None:
    """Tokens of "the [qualifiers] <role>" ending at token i, if it is not followed by a name."""
    tok = sdoc[i]
    if tok.lower_ not in ROLE_NOUNS or tok.ent_type_ or tok.lower_ == "officials":
        return None
    if i + 1 < len(sdoc) and (sdoc[i + 1].lower_ in ROLE_NOUNS or sdoc[i + 1].ent_type_ or sdoc[i + 1].pos_ in ("PROPN", "NOUN")):
        return None  # 'the general election', 'the president's...' no: a noun after it is the phrase's head
    j = i
    tokens: list[Token] = []
    while j >= 0 and (j == i or _title_token(sdoc[j])) and len(tokens) < 5:
        tokens.insert(0, sdoc[j])
        j -= 1
    if j < 0 or sdoc[j].lower_ != "the":
        return None
    return tokens


def same_office(held: str, bare: str) -> bool:
    """A bare role ("president") names the office a person's role head holds ("vice president" no:
    a subordinate word before it makes another office; "foreign minister" yes: a qualifier does not)."""
    if not held.endswith(bare):
        return False
    before = held[: len(held) - len(bare)].split()
    if before and bare.split()[0] in POSTPOSITIVE_TITLE_WORDS:
        return False  # 'attorney general': 'general' qualifies the role noun before it
    return not (before and before[-1] in SUBORDINATE_ROLE_WORDS)


def _compatible_titles(qualifier: str, people: list[Mention]) -> list[Mention]:
    """People whose title agrees with a bare title's qualifier ("the Russian foreign minister" is
    not the Japanese one); with no qualifier, anyone holding the role."""
    if not qualifier:
        return people
    # 'the former Ohio governor': a past holder, and of Ohio (the first word alone matched any former one)
    words = [w for w in qualifier.split() if w not in NOT_CURRENT_TITLE_WORDS]
    past = len(words) < len(qualifier.split())
    key = words[0].removesuffix("'s") if words else ""
    return [m for m in people if key in (t := (m.title or "").lower())
            and (not past or any(w in t.replace("-", " ").split() for w in NOT_CURRENT_TITLE_WORDS))]


def _is_appositive(first: Token) -> bool:
    """ "Mikhail Gorbachev, the final Soviet leader": the title is already the person's ``title``."""
    doc = first.doc
    i = first.i - 1  # the determiner
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"


def hypothetical_predicate(noun: Token) -> bool:
    """The noun is the complement of a verb in irrealis mood: a modal or infinitival 'to' on the verb
    ("will become the nominee", "wants to be the chairman"), or a conditional clause ("if he becomes
    the nominee", "should she become president": the inverted modal). Such a role may be held one
    day; it refers to no holder, so it is no mention of one."""
    if noun.dep_ not in ("attr", "oprd"):
        return False
    verb = noun.head
    return any(
        (c.dep_ == "aux" and c.lower_ in IRREALIS_AUXILIARIES) or (c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS)
        for c in verb.children
    )


def title_mentions(sdoc: Doc, mentions: list[Mention], doc_id: str, text: str) -> list[Mention]:
    """ "the foreign minister" -> the closest preceding named person holding that role."""
    people = [m for m in mentions if m.label == "PERSON" and m.title]
    if not people:
        return []
    out = []
    for i in tokens_with_lower(sdoc, ROLE_NOUNS):  # _bare_title_tokens needs a role noun at i
        tokens = _bare_title_tokens(sdoc, i)
        if not tokens:
            continue
        title = normalise_title(tokens)
        head = role_head(title)
        start = tokens[0].idx
        before = [m for m in people if m.span.end <= start and same_office(role_head(m.title or ""), head)]
        before = _compatible_titles(title[: len(title) - len(head)].strip().lower(), before)
        if not before or _is_appositive(tokens[0]) or hypothetical_predicate(tokens[-1]):
            continue
        target = before[-1]
        out.append(
            Mention(
                span=Span(doc_id, start, tokens[-1].idx + len(tokens[-1].text)),
                text=text[start : tokens[-1].idx + len(tokens[-1].text)],
                label="TITLE",
                canonical=target.canonical,
                title=title,
                confidence=0.5,
                rule="title-coref",
            )
        )
    return out


def tokens_with_lower(sdoc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``words``, in order; read from the
    LOWER column, so no Token object is built for the other tokens (a plain loop over the
    document costs more than the rules it feeds)."""
    if len(sdoc) == 0:
        return []
    ids = [sdoc.vocab.strings[w] for w in words]
    lowers = sdoc.to_array([LOWER]).reshape(-1)
    return np.flatnonzero(np.isin(lowers, np.array(ids, dtype=lowers.dtype))).tolist()


def _is_subject(m: Mention, sdoc: Doc) -> bool:
    span = sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") or is_speech_verb(root.head)


def pronoun_antecedent(
    pron_start: int, labels: tuple[str, ...], mentions: list[Mention], sdoc: Doc, quotes: list[tuple[int, int]],
    window: int = 800,
) -> Mention | None:
    """The most recent compatible mention before a pronoun, outside quotes, preferring one that
    was itself a subject or a speaker (the topic of the passage) over an object of a preposition."""
    cands = [
        m for m in mentions
        if m.label in labels and m.span.end <= pron_start and pron_start - m.span.end <= window
        and not _inside(m.span.start, quotes)
    ]
    if not cands:
        return None
    subjects = [m for m in cands if _is_subject(m, sdoc)]
    return (subjects or cands)[-1]


def pronoun_speakers(sdoc: Doc, mentions: list[Mention], doc_id: str, text: str) -> list[Mention]:
    """ "he says", "it said", "she added": the pronoun as a PRON mention with its antecedent."""
    quotes = quoted_regions(text)
    ordered = sorted((m for m in mentions if m.label != "TITLE"), key=lambda m: m.span.start)
    out = []
    for i in tokens_with_lower(sdoc, _PRONOUN_LABELS):
        tok = sdoc[i]
        low = tok.lower_
        if low not in _PRONOUN_LABELS or tok.dep_ not in ("nsubj", "nsubjpass") or not is_speech_verb(tok.head):
            continue
        ante = pronoun_antecedent(tok.idx, _PRONOUN_LABELS[low], ordered, sdoc, quotes)
        if ante is None:
            continue
        out.append(
            Mention(
                span=Span(doc_id, tok.idx, tok.idx + len(tok.text)),
                text=tok.text,
                label="PRON",
                canonical=ante.canonical,
                confidence=_PRONOUN_CONFIDENCE[low],
                rule="pronoun-speaker",
            )
        )
    return out
