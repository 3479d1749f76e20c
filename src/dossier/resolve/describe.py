"""Descriptions linked to names: 'the actress' is the person the page calls an actress.

A common noun phrase joins a named entity only on evidence the text gives: an apposition
('<Name>, the lawyer', 'the lawyer, <Name>'), a name given to it ('the driver, who police
identified as <Name>', 'the suspect was named as <Name>') or a descriptor written before the name ('lawyer
<Name>', the peeled title, or read from the text when the mention carries none: 'fired coach
<Name>'); a copula, 'as' or an apposition after the name that is no mention itself ('<Name> is the
new coach', '<Name> as host', '<Name>, the actress,') says what the page calls the entity too,
though the predicate is not a mention of it. Such evidence makes the head word
a description of that entity on the page; a later definite noun phrase with that head on the same
page ('the lawyer said') is then the entity when the page describes only one entity that way. On a
page without such evidence, a description goes to the one entity the page names that other pages
describe with that head, if it is of the description's type (a person is no 'facility'); a group
noun or a number never describes one person. A description of a person with no such candidate,
on a page whose subject it does not describe (below), goes to the one person that the pages
reporting the same event (``pagegroups``) describe with that head, named on its page or not
('<Name>, the suspect' on one page, 'the suspect' on another). Last, a definite description of a person ('the
actress') with no such candidate goes to the person its page is about (named at least twice as
often as anyone else there), when the corpus uses that head for the person some page is about
and the head is no relational noun (never written with a possessor: 'her lawyer', '<Name>'s
mother' are someone else). A definite description of an organisation ('the company said') with no
such candidate is the last organisation its page names before it. The locative pro-forms 'where'
and 'there', when given as mentions, are the place written before them (``locative_proforms``).
Everything else stays with its head word, as before.

Why hand-written: the resolver sees mention strings and the text, not a parse; apposition and premodifying
descriptors are the standard news ways of introducing who someone is.
"""

from __future__ import annotations

import logging
import re
from collections import ChainMap, Counter, defaultdict
from collections.abc import Mapping, Sequence

from dossier.lang.en import FUNCTION_WORDS, GPE_NOUNS, NAMED_CLASS_NOUNS, ORG_CLASS_FAMILIES, ORG_CLASS_NOUNS, us_spelling
from dossier.pagetext import page_texts
from dossier.model import Document
from dossier.resolve.common import GROUP_NOUNS, POSTMODIFIERS, head_lemma, singular
from dossier.resolve.observe import LABEL_TYPE, MentionKey, Obs

logger = logging.getLogger(__name__)

# '<Name>, the lawyer', '<Name> (the lawyer': the noun phrase right after a name and a comma. A
# copula ('<Name> is a lawyer') predicates a property and is not taken as coreference (OntoNotes).
_APPOSITION = re.compile(r"\s*[,(]\s*(?:(?:a|an|the)\s+)?")
# '<Name>, the former FBI second-in-command', '<Name>, a 38-year-old <Town> resident': an apposition
# whose noun phrase has premodifiers before its head (gold spans may hold the head alone). Only
# after a determiner (an age may come first: '<Name>, 20, an alleged gang member'; a possessor may
# be plural: 'the <Team>' leading rusher'; coordinate modifiers take a comma: 'a 6-foot, 200-pound
# man'), and only modifier words: a function word ('said the lawyer', 'the head of the company')
# makes the noun no apposition of the name.
_MODIFIED_APPOSITION = re.compile(
    r"\s*[,(]\s*(?:\d{1,3}\s*,\s*)?(?:a|an|the|another)\s+((?:[\w.&]+(?:\s*['’](?:\s*s)?)?(?:\s*-\s*[\w.&]+)*(?:\s*,)?\s+){1,4})"
)
_INDEFINITE = frozenset("a an another one some any".split())


def _evidence(text: str, named: Obs, common: Obs) -> bool:
    """The text makes the common noun phrase a description of the name next to it."""
    (_, ns, ne), (_, cs, ce) = named.key, common.key
    if LABEL_TYPE.get(named.mention.label) != LABEL_TYPE.get(common.mention.label, "thing"):
        return False  # a person is not described as a place: '<Name>, a bank in <City>'
    if cs >= ne:
        return bool(_APPOSITION.fullmatch(text[ne:cs])) or _modified_apposition(text[ne:cs])
    if ce <= ns:
        gap = text[ce:ns]
        return gap.strip() == "," or (gap == " " and bool(_classifier_free(common.name, named))) or bool(_IDENTIFIED.fullmatch(gap))
    return False


# 'the suspect, identified as <Name>', 'the driver, who police identified as <Name>': news gives a
# name to someone it has described; the description and the name are one referent.
_IDENTIFIED = re.compile(
    r"\s*,?\s*(?:who\s+(?:[a-z]+\s+){0,2})?(?:(?:was|were|has\s+been|had\s+been|is)\s+)?(?:later\s+)?"
    r"(?:identified|named)\s+as\s+(?:[a-z0-9-]+\s+){0,6}"
)


def _modified_apposition(gap: str) -> bool:
    """The gap between a name and a common noun is ', <determiner> <premodifiers>'."""
    m = _MODIFIED_APPOSITION.fullmatch(gap)
    return m is not None and not any(w.lower() in FUNCTION_WORDS for w in re.findall(r"[A-Za-z]+", m.group(1)))


def _indefinite(text: str, o: Obs) -> bool:
    """'a lawyer', 'another facility': a new referent, not one the page has described."""
    words = o.surface.lower().split()
    before = re.findall(r"[A-Za-z]+", text[max(0, o.key[1] - 12) : o.key[1]])
    first = words[0] if words else ""
    return first in _INDEFINITE or (first not in ("the", "this", "that") and bool(before) and before[-1].lower() in _INDEFINITE)


_WORD_BEFORE = re.compile(r"(?:^|[^\w'’-])([A-Za-z][a-z]+) $")
# Words after which the next word is a verb, not a noun: 'to fix <Name>', 'will coach <Name>'.
_VERB_MARKERS = re.compile(r"\b(?:to|will|would|can|could|should|may|might|must|shall|did|does|do|not|n't)\s+$")


def descriptor_before(text: str, start: int, nouns: frozenset[str]) -> str:
    """The common noun written right before a name as its descriptor ('coach <Name>', 'the actress
    <Surname>', a title 'Deputy <Name>'), or ''. Only a word the corpus uses (in lowercase) as the head
    of a common noun phrase counts, so a verb or a preposition before the name ('said <Name>', 'with
    <Name>') is no descriptor."""
    if not text[start : start + 1].isupper():
        return ""  # the span starts with a preposition or article ('at <Name> Center'): no descriptor next to it
    window = text[max(0, start - 40) : start]
    m = _WORD_BEFORE.search(window)
    if not m or _VERB_MARKERS.search(window[: m.start(1)]):
        return ""  # 'a plan to fix <Name>': a verb, though the corpus also uses it as a noun
    word = us_spelling(m.group(1).lower())
    return word if word in nouns else ""


# After a name: a copula or 'as' ('<Name> is the new coach', '<Name> as host', '<Name>, who was a
# lawyer'), or an apposition not itself a mention ('<Name>, the actress,'). A copula predicates and
# links no mentions, but it says what the page calls the entity.
_AFTER = re.compile(
    r"\s*(?:,\s*(?:who\s+(?:is|was|has\s+been|had\s+been)\s+)?(?:a|an|the)\s+"
    r"|\s(?:is|was|has\s+been|had\s+been|became|as)\s+(?:(?:a|an|the)\s+)?)"
    r"((?:[a-z0-9][\w-]*(?:['’]s)?\s+){0,3}[a-z][\w-]*)(?![\w'’-])"  # a possessor ('the state's paper') is no head
)


def descriptor_after(text: str, end: int, nouns: frozenset[str]) -> str:
    """The common noun a copula, 'as' or an apposition right after a name gives it ('<Name> is the
    new coach' -> 'coach'), or '': of up to four lowercase words, cut at a post-modifier ('the host
    of the show'), the last one the corpus uses as the head of a common noun phrase."""
    m = _AFTER.match(text, end)
    if not m:
        return ""
    words = []
    for w in m.group(1).split():
        if w in POSTMODIFIERS:
            break  # 'the host of the show': the head is before the post-modifier
        words.append(us_spelling(w))
    hits = [i for i, w in enumerate(words) if w in nouns]
    return words[hits[-1]] if hits else ""


_NUMBER_WORD = re.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)s?$")


def can_describe(head: str, entity_type: str) -> bool:
    """A head word that can describe one entity of the type: a group noun or 'people' is never one
    person ('police' are not one officer), nor is a number ('two')."""
    if _NUMBER_WORD.match(head):
        return False
    return entity_type != "person" or (head not in GROUP_NOUNS and head != "people")


def _classifier_free(head: str, named: Obs) -> str:
    """A political-unit noun written before a name that is no place ('the state <Chamber>', 'city
    <Council>') says where the body sits, not what it is: the body is not a state, so the noun is no
    description of it."""
    return "" if head in GPE_NOUNS and LABEL_TYPE.get(named.mention.label) != "place" else head


def _page_links(
    text: str, obs: list[Obs], labels: dict[MentionKey, str], nouns: frozenset[str] = frozenset()
) -> tuple[dict[MentionKey, str], dict[str, set[str]]]:
    """Commons linked on one page by direct evidence, and each head's described labels there."""
    named = [o for o in obs if o.kind not in ("common", "pron") and o.key in labels]
    commons = [o for o in obs if o.kind == "common"]
    direct: dict[MentionKey, str] = {}
    described: dict[str, set[str]] = defaultdict(set)
    for n in named:
        heads = [head_lemma(n.mention.title) if n.mention.title else _classifier_free(descriptor_before(text, n.key[1], nouns), n)]
        heads.append(descriptor_after(text, n.key[2], nouns))
        for head in heads:
            if head and can_describe(head, LABEL_TYPE.get(n.mention.label, "thing")):
                described[head].add(labels[n.key])
    for c in commons:
        if singular(c.name) != c.name or not can_describe(c.name, LABEL_TYPE.get(c.mention.label, "thing")):
            continue  # 'the managers' describe a group, not one named entity; nor does '<Name>, the police said'
        near = [n for n in named if abs(n.key[1] - c.key[2]) < 80 or abs(c.key[1] - n.key[2]) < 40]
        hits = {labels[n.key] for n in near if _evidence(text, n, c)}
        if len(hits) == 1:
            direct[c.key] = next(iter(hits))
            described[c.name].add(direct[c.key])
    return direct, described


def link_descriptions(docs: Sequence[Document], obs: list[Obs], labels: dict[MentionKey, str],
                      group: dict[str, str] | None = None) -> dict[MentionKey, str]:
    """Labels for common noun phrases that describe a named entity (see the module docstring).
    ``group``: page id -> its group of pages reporting one event (``pagegroups.page_groups``; a
    page missing from it is in the one group of the corpus)."""
    texts = page_texts(docs)  # decoded page by page (dossier.pagetext)
    by_doc: dict[str, list[Obs]] = defaultdict(list)
    for o in obs:
        by_doc[o.key[0]].append(o)
    nouns = frozenset(o.name for o in obs if o.kind == "common" and singular(o.name) == o.name)
    pages = {d: _page_links(texts.get(d, ""), os, labels, nouns) for d, os in by_doc.items()}
    group = group or {}
    corpus: dict[str, set[str]] = defaultdict(set)
    in_group: dict[tuple[str, str], set[str]] = defaultdict(set)  # (group, head) -> labels described so there
    for d, (_, described) in pages.items():
        for head, labs in described.items():
            corpus[head] |= labs
            in_group[(group.get(d, ""), head)] |= labs
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for o in obs:
        if o.kind not in ("common", "pron") and o.key in labels:
            kinds[labels[o.key]][LABEL_TYPE.get(o.mention.label, "thing")] += 1
    subjects = {d: dominant_person([labels[o.key] for o in os if o.kind not in ("common", "pron") and o.key in labels
                                    and _type_of(kinds, labels[o.key]) == "person"]) for d, os in by_doc.items()}
    # Heads the corpus uses for the person a page is about ('actress', 'coach'), not only for
    # someone in it ('Judge <Name>' names an office that is seldom the page's subject).
    subject_heads = {h for h, labs in corpus.items() if labs & set(subjects.values())}
    relational = {c.name for c in obs if c.kind == "common" and possessed(texts.get(c.key[0], ""), c.key[1], c.surface)}
    out: dict[MentionKey, str] = {}
    for d, (direct, described) in pages.items():
        text = texts.get(d, "")
        out.update(direct)
        here = {labels[o.key] for o in by_doc[d] if o.kind not in ("common", "pron") and o.key in labels}
        for c in by_doc[d]:
            if c.kind != "common" or c.key in direct or _indefinite(text, c):
                continue
            cands = described.get(c.name) or (corpus.get(c.name, set()) & here)
            want = LABEL_TYPE.get(c.mention.label, "thing")
            cands = {x for x in cands if _type_of(kinds, x) == want}
            if not can_describe(c.name, want):
                continue
            subject = subjects[d] if want == "person" and c.name in subject_heads and c.name not in relational \
                and singular(c.name) == c.name and definite(text, c.key[1], c.surface) else ""
            if not cands and want == "person" and not subject:  # '<Name>, the suspect' on a page of the same event
                cands = {x for x in in_group.get((group.get(d, ""), c.name), set()) if _type_of(kinds, x) == want}
            if len(cands) == 1:
                out[c.key] = next(iter(cands))
            elif not cands and subject:
                out[c.key] = subject
            elif not cands and want in _ANAPHORIC_TYPES and singular(c.name) == c.name and c.name in ORG_CLASS_NOUNS \
                    and definite(text, c.key[1], c.surface) and not possessed(text, c.key[1], c.surface):
                named = last_named_before(by_doc[d], c, want, kinds, labels)
                if named:
                    out[c.key] = named
        # the labels so far, looked up through: a merged copy of every mention's label for each page
        # was quadratic (most of resolution's time at 3,000 pages and more)
        out.update(locative_proforms(text, by_doc[d], ChainMap(out, labels)))
    return out


_EXISTENTIAL = re.compile(r"\s*(?:is|are|was|were|will|would|has|have|had|may|might|could|must|seems?|seemed|appears?|appeared)\b", re.I)


def locative_proforms(text: str, page: list[Obs], labels: Mapping[MentionKey, str]) -> dict[MentionKey, str]:
    """'where' and 'there' mentions that stand for a place: the relative 'where' is the place written
    right before it ('in <Town>, where'); a locative 'there' is the last place mentioned within 400
    characters before it ('arrived at the clinic ... stayed there'). An existential 'there' ('there
    was a fire') stands for nothing."""
    out: dict[MentionKey, str] = {}
    places = sorted((o for o in page if o.kind != "pron" and LABEL_TYPE.get(o.mention.label) == "place"), key=lambda o: o.key)
    for c in places:
        if c.kind != "common" or c.name not in ("where", "there") or c.surface.lower().strip() != c.name:
            continue
        if c.name == "there" and _EXISTENTIAL.match(text, c.key[2]):
            continue
        reach = 3 if c.name == "where" else 400
        before = [o for o in places if o.key[2] <= c.key[1] and c.key[1] - o.key[2] <= reach
                  and (out.get(o.key) or labels.get(o.key))]
        if before:
            last = max(before, key=lambda o: o.key[2])
            out[c.key] = out.get(last.key) or labels[last.key]
    return out


# Types whose definite description points back at the last one named ('<Org> ... the company
# said'): news names an organisation, then calls it by its class. A person is not so taken (the
# nearest person before 'the lawyer' is mostly someone else: on ECB+ it lost 0.004), nor a place
# ('the scene', 'the area' are seldom the last place named: even for countries and cities it lost 0.001).
_ANAPHORIC_TYPES = ("org",)


def last_named_before(page: list[Obs], c: Obs, want: str, kinds: dict[str, Counter[str]], labels: dict[MentionKey, str]) -> str:
    """The label of the last name of type ``want`` written before the mention on its page ('');
    for a class whose members carry its noun in their names, the last name holding it."""
    before = [o for o in page if o.kind not in ("common", "pron") and o.key in labels and o.key[2] <= c.key[1]
              and _type_of(kinds, labels[o.key]) == want
              and (c.name not in NAMED_CLASS_NOUNS or c.name in {singular(w) for w in o.name.lower().split()})
              and _same_family(c.name, o.name)]
    return labels[max(before, key=lambda o: o.key[1]).key] if before else ""


_FAMILY_OF = {w: family for family, words in ORG_CLASS_FAMILIES.items() for w in words}


def _same_family(noun: str, name: str) -> bool:
    """A class noun may describe the named body unless the name ends in a class word of another
    family ('<Place> Highway Patrol' is no 'team'); a name that says no class ('<Team nickname>s')
    may be any."""
    words = re.findall(r"[A-Za-z]+", name)
    last = words[-1].lower() if words else ""
    own = _FAMILY_OF.get(last) or _FAMILY_OF.get(singular(last))
    return own is None or own == _FAMILY_OF.get(noun, own)


def _type_of(kinds: dict[str, Counter[str]], label: str) -> str:
    """The type most mentions with this label are tagged with ('' when none is)."""
    votes = kinds.get(label)
    return votes.most_common(1)[0][0] if votes else ""


# A possessor before a noun: 'her lawyer', '<Name>'s mother', '<Name> 's rep' (tokenised text).
_POSSESSOR = re.compile(r"(?:\b(?i:his|her|their|its|our|my|your)|\w['’]s?|\s['’]s)\s+(?:[a-z][\w-]*\s+){0,2}$")


_INNER_POSSESSOR = re.compile(r"\w['’]s?\s+\S|\s['’]\s?s\s+\S")  # "<Name>'s office", tokenised "<Name> ’ s office"


def possessed(text: str, start: int, surface: str) -> bool:
    """The noun phrase has a possessor ('her lawyer', "<Name>'s new rep"): a relational noun, whose
    referent is someone else than its possessor."""
    return bool(_POSSESSOR.search(text[max(0, start - 40) : start])) or bool(
        re.match(r"(?:his|her|their|its|our|my|your)\s", surface.lower())
    ) or bool(_INNER_POSSESSOR.search(surface))  # "the City Attorney's office": the possessor is in the mention


def definite(text: str, start: int, surface: str) -> bool:
    """'the singer', 'the 40 - year - old singer': a definite article opens the noun phrase, in the
    mention or at most five lowercase words before it (gold mentions often leave it out)."""
    words = surface.lower().split()
    if words and words[0] in ("the", "this", "that"):
        return True
    before = re.findall(r"[\w']+(?:-[\w']+)*|[^\s\w-]", text[max(0, start - 40) : start])  # a lone '-' joins words
    for t in reversed(before[-5:]):
        if t.lower() in ("the", "this", "that"):
            return True
        if not re.fullmatch(r"[a-z0-9-]+", t) or t in POSTMODIFIERS or t in ("a", "an", "and", "or"):
            return False
    return False


def dominant_person(labels: list[str]) -> str:
    """The person a page is about, when one is: named at least twice as often as anyone else."""
    top = Counter(labels).most_common(2)
    if not top or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return ""
    return top[0][0]


