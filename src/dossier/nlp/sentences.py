"""Sentence boundaries that respect paragraphs.

Flat news text separates paragraphs, headlines and captions by blank lines and rarely ends a
headline with a full stop; spaCy's parser then glues a headline to the first sentence. Marking the
token after a blank line as a sentence start *before* the parser runs fixes that (the parser keeps
boundaries that are already set) and gives it cleaner input.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.model import Span


def is_paragraph_break(text: str) -> bool:
    """Whitespace holding a blank line ("\\n\\n", "\\n \\n")."""
    return text.count("\n") >= 2


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each paragraph break (before parsing)."""
    prev_break = False
    for tok in doc:
        if prev_break and not tok.is_space:
            tok.is_sent_start = True
            prev_break = False
        if tok.is_space and is_paragraph_break(tok.text):  # spaCy keeps newlines as SPACE tokens
            prev_break = True
    return doc


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
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
    pieces: list[tuple[int, int, int]] = []  # (start, end, paragraph number)
    para = 0
    for sent in doc.sents:
        start = sent.start_char
        for tok in sent:
            if tok.is_space and is_paragraph_break(tok.text):
                pieces.append((start, tok.idx, para))
                para += 1
                start = tok.idx + len(tok.text)
        pieces.append((start, sent.end_char, para))
    merged: list[tuple[int, int, int]] = []
    for a, b, p in pieces:
        a, b = _trimmed(text, a, b)
        if b <= a or not any(ch.isalnum() for ch in text[a:b]):
            continue
        if merged and merged[-1][2] == p and not text[merged[-1][0] : merged[-1][1]].endswith(_TERMINAL):
            merged[-1] = (merged[-1][0], b, p)
        else:
            merged.append((a, b, p))
    return tuple(Span(doc_id, a, b) for a, b, _ in merged)
