"""Aliases the text itself gives: 'X, known in Japan as Y', 'X (Y in Japanese)', 'administered by
A as X but claimed by B as Y'. Only names the text declares equivalent are linked; two different
names for one thing are never guessed from spelling.

Why hand-written: no installed library extracts naming statements; these are generic English
patterns matched around the named mentions of one sentence.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from dossier.lang.en import FUNCTION_WORDS
from dossier.lang.geo import known_place
from dossier.model import Mention, Span

logger = logging.getLogger(__name__)

_NAMING_VERB = r"(?:known|referred\s+to|called|claimed|administered|designated|named|labell?ed|termed|identified)"
# Text between a naming verb and the alias, ending right before it: "known in Japan as ", "called ".
_AS_BEFORE = re.compile(
    rf"\b{_NAMING_VERB}\b(?:\s+(?:by|in|to)\b[^,.;()]{{0,40}}?)?\s+as\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?[\"“‘']?$",
    re.I,
)
_CALLED_BEFORE = re.compile(r"\b(?:called|named|dubbed|nicknamed)\s+(?:the\s+)?[\"“‘']?$", re.I)
_CALLS_BEFORE = re.compile(
    r"\b(?:which|what)\s+\w+(?:\s+\w+)?\s+(?:calls?|call|refers?\s+to\s+as|knows?\s+as|names?)\s+(?:the\s+|its\s+|their\s+)?[\"“‘']?$",
    re.I,
)
# Verbs that also have an active use with a subject: '<A> called <B> a liar' names nothing, while
# '<A>, called <B>' and '<A>, also named <B>' do ('known as' has no such use).
_ACTIVE = re.compile(r"(?:called|named|dubbed|nicknamed|labell?ed|termed)\b", re.I)
# What may stand between X and the naming phrase for the phrase to be about X.
_LINK = re.compile(r"^[\s,(–—\-]*(?:(?:also|better|widely|often|now|sometimes|formerly|officially)\s+)*$", re.I)
# 'X (Y in Japanese)' / 'X (or Y)' / 'X (also Y)'.
_PAREN = re.compile(r"^\s*\(\s*(?:or|also|aka|a\.k\.a\.)?\s*$", re.I)
_PAREN_AFTER = re.compile(r"^\s*(?:in\s+[A-Z][a-z]+)?\s*\)")

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def _sentences(text: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    if sentences:
        return [(s.start, s.end) for s in sentences]
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]


def _dateline(m: Mention, text: str) -> bool:
    """'WASHINGTON (AP) -': a capitalised place opening a line before the agency, not an alias."""
    line_start = text.rfind("\n", 0, m.span.start) + 1
    return m.text.isupper() and len(m.text) > 2 and not text[line_start : m.span.start].strip(" -–—\t")


def _acronym_of_more(x: Mention, y: Mention) -> bool:
    """'<Words ... in Washington> (CREW)': an initialism in parentheses abbreviates the words before
    it; when it does not even start with the last name's initial, that name is only its last word."""
    acronym = y.text.replace(".", "")
    words = [w for w in x.text.split() if w[:1].isalpha() and w.lower() != "the"]
    return len(acronym) >= 2 and acronym.isupper() and acronym.isalpha() and bool(words) and (
        acronym[0] != words[0][0].upper())


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def where_it_is(x: Mention, y: Mention) -> bool:
    """'<Coach> (<City>)', '<Firm> (<Country>)': a place in brackets after a name that is no place
    says where it is or whom it is with, not another name for it ('Burma (Myanmar)' still is one)."""
    return x.label not in _PLACE_LABELS and (y.label in ("GPE", "LOC") or known_place(y.text))


_PREDICATE_AFTER = re.compile(r"\s+[\"“‘']?(?:a|an)\s", re.I)  # 'called <B> a "petulant child"'
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’-]*)")


def _modifies_next_noun(text: str, y: Mention) -> bool:
    """A lowercase content word right after the name: the name qualifies it ('the <Name> speech')."""
    nxt = _NEXT_WORD.match(text, y.span.end)
    return nxt is not None and nxt.group(1) not in FUNCTION_WORDS


def find_aliases(text: str, mentions: Sequence[Mention], sentences: Sequence[Span] = ()) -> list[tuple[Mention, Mention]]:
    """Pairs (X, Y) of named mentions the text declares to be names of one thing."""
    named = sorted((m for m in mentions if m.label in _NAME_LABELS), key=lambda m: m.span.start)
    pairs: list[tuple[Mention, Mention]] = []
    for s_start, s_end in _sentences(text, sentences):
        inside = [m for m in named if s_start <= m.span.start and m.span.end <= s_end]
        as_names: list[tuple[Mention, int, bool]] = []  # (alias, start of its naming phrase, active verb)
        for y in inside:
            head = text[s_start : y.span.start]
            m = _AS_BEFORE.search(head) or _CALLED_BEFORE.search(head) or _CALLS_BEFORE.search(head)
            if m and _modifies_next_noun(text, y):
                continue  # '<A>, called the <B> speech a moment': <B> is no name given, it qualifies a noun
            if m:
                as_names.append((y, s_start + m.start(), bool(_ACTIVE.match(m.group()))))
                continue
            # Parenthetical: 'X (Y in Japanese)'.
            prev = [x for x in inside if x.span.end <= y.span.start]
            if (prev and _PAREN.match(text[prev[-1].span.end : y.span.start]) and "(" in text[prev[-1].span.end : y.span.start]
                    and not _dateline(prev[-1], text)):
                if (_PAREN_AFTER.match(text[y.span.end : s_end]) and not _acronym_of_more(prev[-1], y)
                        and not where_it_is(prev[-1], y)):
                    pairs.append((prev[-1], y))
        linked = set()
        for y, phrase_start, active in as_names:
            before = [x for x in inside if x.span.end <= phrase_start]
            gap = text[before[-1].span.end : phrase_start] if before else ""
            if active and before and (not re.search(r"[,(–—]", gap) or _PREDICATE_AFTER.match(text, y.span.end)):
                # '<A> called <B> a liar', '<A> also called <B> ...', '<A>, hoping to win, called <B> a child':
                # <A> is the subject who calls <B> something (the naming use sets the alias off with a comma)
                linked.add(id(y))
                continue
            if before and _LINK.match(gap):
                pairs.append((before[-1], y))
                linked.add(id(y))
        # Several names given to one unnamed thing in one sentence are names of one another.
        free = [y for y, _, _ in as_names if id(y) not in linked]
        pairs.extend((free[0], y) for y in free[1:])
    return pairs
