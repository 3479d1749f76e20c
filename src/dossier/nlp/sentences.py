"""Sentence boundaries that respect paragraphs.

Flat news text separates paragraphs, headlines and captions by blank lines and rarely ends a
headline with a full stop; spaCy's parser then glues a headline to the first sentence. Marking the
token after a blank line as a sentence start *before* the parser runs fixes that (the parser keeps
boundaries that are already set) and gives it cleaner input.
"""

from __future__ import annotations

import logging
from bisect import bisect_left

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc

from dossier.model import Span

logger = logging.getLogger(__name__)


def is_paragraph_break(text: str) -> bool:
    """Whitespace holding a blank line ("\\n\\n", "\\n \\n")."""
    return text.count("\n") >= 2


def paragraph_breaks(doc: Doc) -> list[int]:
    """Indices of the whitespace tokens that hold a blank line, in order.

    Only whitespace tokens are looked at (found through the IS_SPACE column): building a Token
    object for every word costs more than the rest of this module."""
    if len(doc) == 0:
        return []
    spaces = doc.to_array([IS_SPACE]).reshape(-1).nonzero()[0].tolist()
    return [i for i in spaces if is_paragraph_break(doc[i].text)]


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each paragraph break (before parsing)."""
    if len(doc) == 0:
        return doc
    is_space = doc.to_array([IS_SPACE]).reshape(-1)  # spaCy keeps newlines as SPACE tokens
    nxt = -1
    for i in paragraph_breaks(doc):
        if i < nxt:
            continue  # a second break before the same word
        nxt = i + 1
        while nxt < len(doc) and is_space[nxt]:
            nxt += 1
        if nxt < len(doc):
            doc[nxt].is_sent_start = True
    return doc


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets [start, end) moved inward past white space at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_TERMINAL = tuple('.!?:;"”’\')…')


def sentence_spans(doc: Doc, doc_id: str, text: str | None = None) -> tuple[Span, ...]:
    """One Span per sentence, whitespace trimmed, split at any blank line the parser left inside.

    Inside a paragraph, a piece that does not end in terminal punctuation is joined to the next
    piece: the small model sometimes cuts a headline after its first word ("Japan | Hopes For ...").
    Pieces without a letter or digit (a stray ".") are dropped.
    """
    text = doc.text if text is None else text  # spaCy rebuilds doc.text on each access
    breaks = paragraph_breaks(doc)
    pieces: list[tuple[int, int, int]] = []  # (start, end, paragraph number)
    para = 0
    for sent in doc.sents:
        start = sent.start_char
        for k in range(bisect_left(breaks, sent.start), bisect_left(breaks, sent.end)):
            tok = doc[breaks[k]]
            pieces.append((start, tok.idx, para))
            para += 1
            start = tok.idx + len(tok.text)
        pieces.append((start, sent.end_char, para))
    merged: list[tuple[int, int, int]] = []
    for a, b, p in pieces:
        a, b = trim_whitespace(text, a, b)
        if b <= a or not any(ch.isalnum() for ch in text[a:b]):
            continue
        if merged and merged[-1][2] == p and not text[merged[-1][0] : merged[-1][1]].endswith(_TERMINAL):
            merged[-1] = (merged[-1][0], b, p)
        else:
            merged.append((a, b, p))
    return tuple(Span(doc_id, a, b) for a, b, _ in merged)
