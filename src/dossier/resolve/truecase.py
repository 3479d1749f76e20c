"""Headline words read as the common nouns they are: '<Noun> Dies In Crash', 'A <NOUN> has been
held' over 'the <noun>' of other pages.

A headline capitalises every word, and a lede or a wire line may be written in capitals: there a
capital says nothing about a name. ``clean.capitalised_common`` truecases such a word from its own
page (the page writes 'the driver' in a sentence); a short page that never writes the word in
lowercase keeps '<Noun>' as a name of its own, apart from every description of the same person. Read
across the corpus: a one-word mention capitalised only where English capitalises any word, whose
lowercase form is the head of common noun phrases on other pages and no word of any longer name
(the surname of '<Given> <Surname>', the '<Team>' of '<City> <Team>'), is such a noun phrase.
A title stays as written: 'Governor Signs <Name> Bill' names the office's holder.

Why hand-written: truecasing needs a lexicon; the pages' own noun phrases are one, for their story.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping, Sequence

from dossier.resolve.clean import is_role, title_case_line
from dossier.resolve.common import head_lemma
from dossier.resolve.observe import Obs

logger = logging.getLogger(__name__)

_ADDRESS = re.compile(r"https?:|www\.|\.com\b|\.html?\b")


def _line(text: str, start: int, end: int) -> str:
    """The line of the page the span is on."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last >= 0 else len(text)]


def capital_anyway(text: str, start: int, end: int) -> bool:
    """The word at the span is written where English capitalises any word: in capitals ('MAN'), or on
    a title-case line (a headline)."""
    word = text[start:end]
    return (len(word) > 1 and word.isupper()) or title_case_line(_line(text, start, end))


def common_heads(obs: Sequence[Obs], texts: Mapping[str, str]) -> frozenset[str]:
    """Head words of the corpus's common noun phrases, leaving out those read from a web address
    (its words are lowercase whatever they name)."""
    return frozenset(o.name for o in obs if o.kind == "common"
                     and not _ADDRESS.search(_line(texts.get(o.key[0], ""), o.key[1], o.key[2])))


def name_words(obs: Sequence[Obs]) -> frozenset[str]:
    """The words, lowercased, of every name of two words or more ('<Given> <Surname>')."""
    out: set[str] = set()
    for o in obs:
        if o.kind not in ("common", "pron"):
            for name in (o.name, o.surface):
                words = name.split()
                if len(words) >= 2:
                    out.update(w.lower() for w in words)
    return frozenset(out)


def truecase_headline_words(obs: list[Obs], texts: Mapping[str, str]) -> list[Obs]:
    """The observations, a one-word name capitalised only as headlines and capitals write any word,
    and known to the corpus as a common noun, read as that common noun (see the module docstring)."""
    heads = common_heads(obs, texts)
    if not heads:
        return obs
    parts = name_words(obs)
    out = []
    for o in obs:
        word = o.surface.strip()
        lower = word.lower()
        if (o.kind in ("person", "name") and o.name == word and " " not in word and word[:1].isupper()
                and head_lemma(lower) in heads and lower not in parts and not is_role(word)
                and capital_anyway(texts.get(o.key[0], ""), o.key[1], o.key[2])):
            o = dataclasses.replace(o, name=head_lemma(lower), kind="common", shape="common")
        out.append(o)
    return out
