"""Quotes as positions: what a speaker is quoted as saying is where the speaker stands.

Claims come from stance verbs ("X demands ..."); most of what news reports of a side's stance is
quoted speech, so each attributed statement becomes a claim of its speaker as well.
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence

from dossier.model import Annotations, Claim, Document, Quote, Span

logger = logging.getLogger(__name__)

MAX_STATEMENT = 240  # characters of a quote kept as the statement (as claims keep theirs short)
QUOTE_MIN_CONFIDENCE = 0.5  # below it a quote's speaker is a guess ('recent subject'), no stance of anyone


def quote_claims(annots: Sequence[Annotations], by_doc: dict[str, Document], claims: Sequence[Claim],
                 quotes_of: Callable[[Annotations], Sequence[Quote]] | None = None) -> list[Claim]:
    """What a speaker is quoted as saying is where the speaker stands: each attributed statement
    (not a question, not a guessed speaker) becomes a claim of its speaker, unless a claim already
    reads that sentence. Its issue comes from the words of the statement (no key phrase).
    ``quotes_of``: a page's quotes when its annotations are held without them (the full corpus step
    decodes them one page at a time, ``corpus.held``)."""
    taken: dict[str, list[Span]] = defaultdict(list)
    for c in claims:
        taken[c.span.doc_id].append(c.span)
    out: list[Claim] = []
    for a in annots:
        doc = by_doc.get(a.doc_id)
        for q in (a.quotes if quotes_of is None else quotes_of(a)):
            if (q.question or not q.speaker or q.confidence < QUOTE_MIN_CONFIDENCE
                    or any(q.content.overlaps(sp) for sp in taken[a.doc_id])):
                continue
            # one string per cue word ('said', 'told'): a position keeps it as its stance
            cue = sys.intern(doc.text[q.cue_span.start : q.cue_span.end].lower()) if doc and q.cue_span else ""
            out.append(Claim(span=q.content, actor_name=q.speaker, stance=cue or "said", statement=_short(q.text), key_phrase=q.key_phrase,
                             confidence=q.confidence, actor=q.speaker_entity))
    return out


def _short(text: str) -> str:
    """A long quote cut at a word before ``MAX_STATEMENT`` characters, marked with an ellipsis."""
    if len(text) <= MAX_STATEMENT:
        return text
    return text[:MAX_STATEMENT].rsplit(" ", 1)[0] + " …"
