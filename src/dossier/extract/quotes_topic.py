"""What a quoted statement is about: one noun phrase of it, the key phrase its position is filed by.

Why from the parse: the object or predicate noun of the statement's main clause is what it says
something about ('we need a border wall' -> 'a border wall'); pronouns and the speakers' own names
say who, not what, and are skipped. The positions pass turns the phrase into an issue.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan

logger = logging.getLogger(__name__)

# Dependency roles of a noun phrase, most telling first: what is done or claimed, then the rest.
_ROLE_ORDER = {"dobj": 0, "attr": 1, "oprd": 1, "pobj": 2, "nsubjpass": 3, "nsubj": 4, "appos": 5, "conj": 6}
_MAX_WORDS = 6
# Who and when, never what: names of parties and places, numbers, and nouns of time.
_NOT_TOPICS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "PERCENT",
                         "MONEY", "ORDINAL", "QUANTITY"})
_TIME_NOUNS = frozenset("time times day days moment moments week weeks month months year years night morning".split())


def topic_phrase(sdoc: SpacyDoc, start: int, end: int, chunks: Sequence[SpacySpan] | None = None) -> str:
    """The noun phrase of sdoc[start:end] (characters) that best says what it is about, or ''.
    ``chunks`` are the document's noun chunks when the caller asks for many spans of one document
    (spaCy recomputes ``noun_chunks`` on every access)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    best: tuple[int, int, SpacySpan] | None = None
    for chunk in sdoc.noun_chunks if chunks is None else chunks:
        if chunk.start < span.start or chunk.end > span.end:
            continue
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in _NOT_TOPICS or root.lower_ in _TIME_NOUNS:
            continue
        rank = (_ROLE_ORDER.get(root.dep_, 9), chunk.start)
        if best is None or rank < best[:2]:
            best = (*rank, chunk)
    if best is None:
        return ""
    words = [t.text for t in best[2] if not t.is_punct][-_MAX_WORDS:]
    return " ".join(words)
