"""Mention candidates and the page-level repairs of what the name tagger split or missed.

- ``split_glued_names``: a PERSON span that swallowed a following country or capital ("with
  <Surname> Germany's position") is cut before it.
- ``missed_surnames``: a lone capitalised word that is the surname of a full PERSON name on the same
  page, which the tagger left untagged, is a PERSON mention (news names a person in full once, then
  by surname: the tagger's misses of that surname are misses of that person).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.lang import geo
from dossier.model import CLASS_USE
from dossier.nlp.cues import HONORIFICS, ROLE_NOUNS, TITLE_MODIFIERS
from dossier.nlp.gender import is_given_name

logger = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@dataclass(frozen=True)
class _Cand:
    """A mention being built: a spaCy span plus the label and the rule that set it."""

    span: SpacySpan
    label: str
    rule: str = "ner"
    confidence: float = 1.0

    @functools.cached_property
    def text(self) -> str:
        """``span.text``, built once: spaCy joins the tokens again on every access."""
        return self.span.text


def split_glued_names(cands: list[_Cand]) -> list[_Cand]:
    """Split a PERSON span that swallowed a following place ("with Merkel Germany's position"):
    when its last word is a one-word place elsewhere in the document and a real country or capital
    (a surname the tagger once called a place, '<Given> <Surname>' beside a lone '<Surname>' tagged
    GPE, is no place to cut at, nor is a given name and a country's name: '<Given> <Country>' is a
    person's full name written so)."""
    places = {c.text: c.label for c in cands if c.label in PLACE_LABELS and len(c.span) == 1}
    out = []
    for c in cands:
        last = c.span[-1]
        if (c.label == "PERSON" and len(c.span) >= 2 and last.text in places
                and (geo.country_named(last.text) or geo.country_of_capital(last.text))
                and not (len(c.span) == 2 and is_given_name(c.span[0].text))):  # '<Given> Jordan' is a full name
            doc = c.span.doc
            out.append(replace(c, span=doc[c.span.start : c.span.end - 1], rule="split-place", confidence=0.8))
            out.append(_Cand(doc[last.i : last.i + 1], places[last.text], rule="split-place", confidence=0.8))
        else:
            out.append(c)
    return out


def _surnames(cands: list[_Cand]) -> set[str]:
    """Last words of the page's full PERSON names (honorifics and generations aside)."""
    out = set()
    for c in cands:
        if c.label != "PERSON":
            continue
        words = [t.text for t in c.span if t.is_alpha and t.lower_ not in HONORIFICS and t.lower_ not in _GENERATIONS]
        if 2 <= len(words) <= 4 and words[-1][:1].isupper():  # a headline run-on ('<Name> On Why <Word>') is none
            out.add(words[-1])
    return out


def _capitalised(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _alone(tok: Token) -> bool:
    """The word stands alone as a name: no capitalised word glued before it (another name, unless
    a title or honorific: 'President <Surname>') or after it ('<Surname> Foundation'), no hyphen
    joining it to another name, and not a sentence's first word unless tagged a proper noun."""
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (_capitalised(nxt) or nxt.text in ("-", "–")):
        return False
    if prev is not None and prev.text in ("-", "–"):
        return False
    if prev is not None and _capitalised(prev) and not prev.is_sent_start:
        low = prev.lower_.rstrip(".")
        if low not in ROLE_NOUNS and low not in TITLE_MODIFIERS and prev.lower_ not in HONORIFICS:
            return False
    return tok.pos_ == "PROPN" or not tok.is_sent_start


def missed_surnames(cands: list[_Cand]) -> list[_Cand]:
    """New PERSON candidates for lone surnames of the page's full PERSON names that no candidate
    covers (rule ``doc-surname-missed``)."""
    if not cands:
        return []
    surnames = _surnames(cands)
    if not surnames:
        return []
    doc = cands[0].span.doc
    covered = {i for c in cands for i in range(c.span.start, c.span.end)}
    out = [_Cand(doc[t.i : t.i + 1], "PERSON", rule="doc-surname-missed", confidence=0.8)
           for t in doc if t.text in surnames and t.i not in covered and _alone(t)]
    if out:
        logger.debug("%d surnames the tagger missed", len(out))
    return out


# Determiners that make a noun phrase indefinite or quantified: a proper name does not take them.
_INDEFINITE = frozenset({"a", "an", "another", "any", "every", "each", "no"})


def _indefinite_acronym(span: SpacySpan) -> bool:
    """One all-capitals word heading a noun phrase with an indefinite determiner ('a prior DUI', 'a
    super PAC', 'an ATM'): used as a class of things, not as the name of one body (or a name used
    figuratively: 'a desperate <Company>'). The determiner must attach to the word itself: in 'an
    FBI agent' it belongs to 'agent'."""
    if len(span) != 1 or not (span.text.isupper() and 2 <= len(span.text) <= 6 and span.text.isalpha()):
        return False
    if not span.doc.has_annotation("DEP"):
        return False  # no parse (``parse=False``): reading a token's children would crash spaCy
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in span[0].children)


def mark_class_acronyms(cands: list[_Cand]) -> list[_Cand]:
    """The candidates, an acronym heading an indefinite noun phrase (``_indefinite_acronym``: 'a prior
    DUI', 'a super PAC') marked with the rule ``CLASS_USE``. Resolution reads the marks across pages:
    a word written so on one page may be a name used figuratively ('a desperate <Company>'), one
    written so on several is a class of things ('PAC', 'DUI'), which taggers call organisations."""
    return [replace(c, rule=CLASS_USE) if _indefinite_acronym(c.span) else c for c in cands]
