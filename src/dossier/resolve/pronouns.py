"""Pronouns the language layer left unresolved, linked within their own page.

A pronoun joins the nearest earlier mention it agrees with (number, animacy, and gender as the page
has already shown it), read in text order so that a chain of pronouns follows its first antecedent.
Three rules of English grammar narrow the choice:
- a relative pronoun ('who', 'which', 'that', 'whose') is the noun phrase it directly follows: '<Name>, who',
  or the name an apposition before it describes ('<Name>, a senior aide who'), and has its number:
  'he' does not go back to 'the guards, who'; 'who' is a person or a body of people ('the <Team>, who');
  a restrictive 'that' (no comma) after '<noun> <preposition> <Name>' is the noun ('a patch for
  <Product> that fixes'): a restrictive clause narrows a common noun, a proper name needs none;
- a non-reflexive object pronoun ('him', 'them') is not the subject of its own short clause
  ('<Name> hit him': someone else), while a reflexive ('himself') is;
- once a page calls an entity 'he', 'she' does not point to it there (and the reverse);
- a person whose gender the text has shown ('Mrs. <Name>', 'actress <Name>', an earlier 'she', or
  'she' twice on its other pages) within two sentences wins over a nearer candidate whose gender
  nothing shows;
- a subject pronoun opening the clause a reporting verb reports is the sayer ('the coroner said he
  believes', '<Name> told the court that he'), unless the sayer's given name is of the other gender;
- a 'he' or 'she' with nothing in reach is the person the page is about, if one person's name
  outnumbers every other's three to one there and no gender contradicts it;
- 'we', 'us', 'our' point at the speaker and those with them, not back at a noun phrase: they stay
  unlinked ('I' goes to its quotation's speaker, attach_first_person);
- a bare 'it' is taken only where a reporting verb opens its clause ('<Org> said it'): elsewhere it
  is mostly an expletive or an event ('it was unclear', 'it follows weeks of talks').

Why hand-written: the resolver sees mentions and text, not a parse or a coreference model; these are
the standard agreement and binding constraints (Hobbs 1978; Lappin and Leass 1994), kept to what
mention offsets and the words between them can show.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from dossier.lang.en import REPORTING_VERBS
from dossier.nlp.cues import inflect
from dossier.nlp.gender import given_name_gender
from dossier.resolve.common import FEMALE_NOUNS, GROUP_NOUNS, MALE_NOUNS, pronoun_fits, singular

if TYPE_CHECKING:
    from dossier.resolve.clusters import Cluster
    from dossier.resolve.observe import MentionKey, Obs

logger = logging.getLogger(__name__)

RELATIVE_PRONOUNS = frozenset("who whom whose which that".split())
FIRST_PERSON_PLURAL = frozenset("we us our ours ourselves".split())
_MALE = frozenset("he him his himself".split())
_FEMALE = frozenset("she her hers herself".split())
_OBJECT = frozenset("him them".split())
_PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
# Words that open a new clause between a subject and a later pronoun: 'X said that he', 'X told Y he'.
_CLAUSE_BREAK = re.compile(r"[,;:.!?\"“”()]|\b(?:that|who|whom|which|and|but|or|when|while|after|before|because|if|"
                           r"said|says|told|tells|asked|to)\b", re.I)


def _gender(pronoun: str) -> str:
    return "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else ""


def _noun_gender(noun: str) -> str:
    return "m" if noun in MALE_NOUNS else "f" if noun in FEMALE_NOUNS else ""


# An apposition between a name and a relative pronoun: '<Name>, a senior official who' (the relative
# clause says more of the same person: an apposition is its noun phrase's referent).
_APPOSED = re.compile(r"\s*,\s*(?:a|an|the)\s+[\w' -]*\s*$")


# A prepositional phrase ending in a proper name, right before a restrictive 'that': 'a patch for
# <Product> that', 'rules under the <Name> Act that'. A restrictive relative clause narrows a common
# noun down to one referent; a proper name already is one, so the clause belongs to the noun before
# the preposition.
_PROPER_PP = re.compile(r"\s+(?:in|for|of|on|to|with|from|at|under|against|into|about|by|over|inside)\s+"
                        r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*)*\s*$")


def _restrictive_past_name(pronoun: str, o: Obs, p: Obs, text: str) -> bool | None:
    """For a 'that' written with no comma after a proper name that closes a prepositional phrase:
    False for the name itself, True for the common noun the phrase modifies; None where the rule
    does not speak."""
    if pronoun != "that":
        return None
    if o.kind != "common":
        pp = _PROPER_PP.search(text, max(0, o.key[1] - 20), p.key[1])
        close = p.key[1] - o.key[2] <= 3 and "," not in text[o.key[2] : p.key[1]]
        return False if close and pp and pp.start() < o.key[1] else None
    return True if _PROPER_PP.fullmatch(text, o.key[2], p.key[1]) else None


def _relative_fits(pronoun: str, c: Cluster, o: Obs, p: Obs, text: str = "") -> bool:
    """'who' a person or a body of people ('the <Team>, who'), 'which' a thing, 'that' and the
    possessive 'whose' either ('<Name>, whose career', 'a company whose shares'), written straight
    after the noun phrase or after an apposition to it; a restrictive 'that' after '<noun> <prep>
    <Name>' is the noun (``_restrictive_past_name``)."""
    gap = p.key[1] - o.key[2]
    past = _restrictive_past_name(pronoun, o, p, text)
    if past is not None:
        return past
    if gap > 3 and not (gap < 80 and _APPOSED.match(text, o.key[2], p.key[1])):
        return False
    if pronoun in ("who", "whom"):
        return c.type in ("person", "org")
    return pronoun in ("that", "whose") or c.type != "person"


def _same_clause(text: str, o: Obs, p: Obs) -> bool:
    """The candidate is the subject of the pronoun's own short clause: few words and no break."""
    gap = text[o.key[2] : p.key[1]]
    return len(gap.split()) <= 4 and not _CLAUSE_BREAK.search(gap)


def _fits(text: str, c: Cluster, o: Obs, p: Obs, genders: dict[int, str], phrases: dict[MentionKey, Obs] | None = None) -> bool:
    """Agreement of the pronoun with the candidate mention ``o`` of cluster ``c``; a relative
    pronoun stands for its noun phrase (``phrases``: 'the guards' of 'the guards, who')."""
    if p.name in RELATIVE_PRONOUNS:
        return _relative_fits(p.name, c, o, p, text)
    phrase = (phrases or {}).get(o.key, o)
    if not pronoun_fits(p.name, c.type, plural_mention(phrase)):
        return False
    g = _gender(p.name)
    if g and genders.get(id(c), g) != g:
        return False
    if g and phrase.kind == "common" and (phrase.name in GROUP_NOUNS or _noun_gender(phrase.name) not in ("", g)):
        return False  # 'the police ... he', 'the mother ... he', 'the police, who ... he'
    return True


def plural_mention(o: Obs) -> bool:
    """The mention is plural: a plural noun or 'they', 'them' (a relative pronoun has the number
    of its noun phrase)."""
    if o.kind == "common":
        return singular(o.name) != o.name
    return o.kind == "pron" and o.name in _PLURAL_PRONOUNS


def _gendered_over_unknown(items: list[tuple[int, Cluster, Obs]], start: int, c: Cluster, p: Obs, text: str,
                           genders: dict[int, str], bound: set[int], far: int,
                           phrases: dict[MentionKey, Obs] | None = None) -> Cluster | None:
    """A person of the pronoun's known gender within ``far`` characters before it, when the nearest
    agreeing candidate ``c`` (first mentioned at ``start``) has no known gender: agreement the text
    has shown beats agreement merely not ruled out ('Mrs. <Name> met the judge ... she': the judge
    may be a man). None when the pronoun has no gender, ``c``'s is known, or no such person is there."""
    g = _gender(p.name)
    if not g or genders.get(id(c)) is not None:
        return None
    for at, other, o in reversed(items):
        if at >= start or p.key[1] - at > far or id(other) in bound or other is c:
            continue
        if other.type == "person" and genders.get(id(other)) == g and _fits(text, other, o, p, genders, phrases):
            return other
    return None


def attach_pronouns(clusters: list[Cluster], prons: Sequence[Obs], texts: Mapping[str, str],
                    inert: Collection[MentionKey] = frozenset(), window: int = 100, far: int = 250) -> None:
    """Attach each pronoun to the cluster of its antecedent (see the module docstring); a pronoun
    with no agreeing mention within ``window`` characters before it stays unlinked. ``inert``: the
    common nouns that refer to no one (``common.non_referential``), never an antecedent."""
    by_doc: dict[str, list[tuple[int, Cluster, Obs]]] = defaultdict(list)
    for c in clusters:
        for o in c.obs:
            if o.key in inert:
                continue
            by_doc[o.key[0]].append((o.key[1], c, o))
    pron_by_doc: dict[str, list[Obs]] = defaultdict(list)
    for p in prons:
        if p.name == "i":
            continue  # the speaker of a quote, not a referent of the text before (attach_first_person)
        if p.name == "it" and not after_reporting_verb(texts.get(p.key[0], ""), p.key[1]):
            continue  # 'it was unclear why', 'it follows weeks of talks': an expletive or an event, not a thing named
        if p.name in FIRST_PERSON_PLURAL:
            continue  # 'we' is the speaker and those with them, not the nearest plural noun before it
        pron_by_doc[p.key[0]].append(p)
    known = person_genders(clusters, texts)
    # A first reading tells the gender of persons whose pages show none by name or noun: the
    # pronouns other pages give them ('she' twice on two pages, never 'he').
    known = {**pronoun_genders(_link(by_doc, pron_by_doc, texts, known, window, far)), **known}
    for p, c in _link(by_doc, pron_by_doc, texts, known, window, far):
        c.obs.append(p)


def pronoun_genders(links: Sequence[tuple[Obs, Cluster]], least: int = 2) -> dict[int, str]:
    """Each person cluster's gender as the pronouns linked to it show, across its pages: at least
    ``least`` pronouns of one gender and three times as many as of the other."""
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for p, c in links:
        if c.type == "person" and _gender(p.name):
            votes[id(c)][_gender(p.name)] += 1
    out = {}
    for cid, v in votes.items():
        (g, n), *rest = v.most_common()
        if n >= least and (not rest or n >= 3 * rest[0][1]):
            out[cid] = g
    return out


def _link(by_doc: dict[str, list[tuple[int, Cluster, Obs]]], pron_by_doc: dict[str, list[Obs]], texts: Mapping[str, str],
          known: dict[int, str], window: int, far: int) -> list[tuple[Obs, Cluster]]:
    """(pronoun, antecedent cluster) pairs, page by page in text order, the clusters left as they are."""
    links: list[tuple[Obs, Cluster]] = []
    phrases: dict[MentionKey, Obs] = {}  # relative pronoun -> the noun phrase it stands for
    given: dict[int, str] = {}  # a sayer's given-name gender, read once a cluster (a main actor has thousands of mentions)
    for doc_id, ps in pron_by_doc.items():
        items = sorted(by_doc.get(doc_id, []), key=lambda t: t[0])
        text = texts.get(doc_id, "")
        genders: dict[int, str] = dict(known)
        for p in sorted(ps, key=lambda p: p.key):
            sayer = reporting_subject(items, p, text)
            if sayer is not None and id(sayer[0]) not in given:
                given[id(sayer[0])] = _given_gender(sayer[0])
            if sayer is not None and _fits(text, sayer[0], sayer[1], p, genders, phrases) and (
                    given[id(sayer[0])] in ("", _gender(p.name))):
                _attach(p, sayer[0], items, genders, links)
                continue
            bound: set[int] = set()  # clusters the pronoun cannot be: the subject of its own clause
            for start, c, o in reversed(items):
                if start >= p.key[1] or id(c) in bound:
                    continue
                if p.key[1] - start > window:
                    # Farther back only a person the pronoun's gender is known to fit ('she' three
                    # sentences after '<Name>, the actress'): salience of the one gendered referent.
                    if p.key[1] - start > far or not _gender(p.name) or genders.get(id(c)) != _gender(p.name):
                        continue
                if p.name in _OBJECT and _same_clause(text, o, p):
                    bound.add(id(c))
                elif _fits(text, c, o, p, genders, phrases):
                    if p.name in RELATIVE_PRONOUNS:
                        phrases[p.key] = phrases.get(o.key, o)
                    _attach(p, _gendered_over_unknown(items, start, c, p, text, genders, bound, far, phrases) or c,
                            items, genders, links)
                    break
            else:
                subject = page_subject(items, p, genders, bound)
                if subject is not None:
                    _attach(p, subject, items, genders, links)
    return links


def _given_gender(c: Cluster) -> str:
    """A person's gender as the given name of its full names says it ('Mark <Surname>'), '' when
    they say none or both: the dictionary is read only where a pronoun might take a sayer."""
    if c.type != "person":
        return ""
    said = {given_name_gender(o.name.split()[0]) for o in c.obs if o.kind == "person" and len(o.name.split()) >= 2}
    said.discard("")
    return said.pop() if len(said) == 1 else ""


def reporting_subject(items: list[tuple[int, Cluster, Obs]], p: Obs, text: str) -> tuple[Cluster, Obs] | None:
    """The sayer of a reported clause that the subject pronoun ``p`` opens ('the coroner said he
    believes', '<Name> told the court that he weighed'): in indirect speech a subject pronoun
    stands for the one who speaks far more often than for a name between (the sayer is the
    clause's topic; Lappin and Leass's subject salience). None when no mention ends right before
    a finite reporting verb (and its addressee) before the pronoun."""
    if p.name not in _SUBJECT_PRONOUNS:
        return None
    for _, c, o in reversed(items):
        if o.key[2] > p.key[1]:
            continue
        if p.key[1] - o.key[2] > 60:
            return None
        if _SAID_GAP.match(text, o.key[2], p.key[1]):
            return c, o
    return None


def _attach(p: Obs, c: Cluster, items: list[tuple[int, Cluster, Obs]], genders: dict[int, str],
            links: list[tuple[Obs, Cluster]]) -> None:
    """The pronoun joins the cluster, which from here on has the pronoun's gender on its page."""
    links.append((p, c))
    if _gender(p.name):
        genders.setdefault(id(c), _gender(p.name))
    bisect.insort(items, (p.key[1], c, p), key=lambda t: t[0])  # after its equals, as a stable sort put it


def page_subject(items: list[tuple[int, Cluster, Obs]], p: Obs, genders: dict[int, str], bound: set[int]) -> Cluster | None:
    """For a 'he' or 'she' with no antecedent in reach: the person the page is about, named at least
    three times as often by name as any other person of the page and before the pronoun, when its
    gender does not contradict the pronoun's (a news report's subject is what an unanchored pronoun
    most often means). None otherwise."""
    g = _gender(p.name)
    if not g:
        return None
    named = Counter(id(c) for _, c, o in items if c.type == "person" and o.kind not in ("pron", "common"))
    top = named.most_common(2)
    if not top or (len(top) > 1 and top[0][1] < 3 * top[1][1]) or top[0][0] in bound:
        return None
    subject = next(c for _, c, _ in items if id(c) == top[0][0])
    if genders.get(id(subject), g) != g or not any(at < p.key[1] for at, c, _ in items if c is subject):
        return None
    return subject


_HONORIFIC_GENDER = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f"}
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s*\.?\s*$")


def mention_gender(text: str, o: Obs) -> str:
    """The gender a mention of a person shows by itself: an honorific ('Mrs. <Surname>', also
    inside the span) or a gendered noun right before the name ('actress <Name>') or as its title."""
    words = o.surface.replace(".", " ").split()
    before = _WORD_BEFORE.search(text[max(0, o.key[1] - 20) : o.key[1]])
    cues = [w.lower() for w in words[:1]] + ([before.group(1).lower()] if before else [])
    cues += (o.mention.title or "").lower().split()[-1:]
    found = {_HONORIFIC_GENDER.get(c) or _noun_gender(c) for c in cues} - {""}
    return found.pop() if len(found) == 1 else ""


def person_genders(clusters: Sequence[Cluster], texts: Mapping[str, str]) -> dict[int, str]:
    """Each person cluster's gender when its mentions show one and only one (a person is the same
    on every page): honorifics, gendered nouns before the name, gendered common nouns joined to it."""
    persons = [c for c in clusters if c.type == "person"]
    # each mention's own gender read page by page: a cluster's mentions are on many pages, and a
    # page's text may be decoded when read (``dossier.pagetext``), the last pages only kept
    by_page: dict[str, list[Obs]] = defaultdict(list)
    for c in persons:
        for o in c.obs:
            if o.kind not in ("pron", "common"):
                by_page[o.key[0]].append(o)
    shown = {id(o): mention_gender(text, o) for doc_id, os in by_page.items() for text in (texts.get(doc_id, ""),)
             for o in os}
    del by_page
    out: dict[int, str] = {}
    for c in persons:
        seen = {shown[id(o)] if o.kind != "common" else _noun_gender(o.name) for o in c.obs if o.kind != "pron"} - {""}
        if len(seen) == 1:
            out[id(c)] = seen.pop()
    return out


# Quotation marks: opening, closing, and the straight one that is either.
_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
_SPEAKER_REACH = 80  # characters between a quotation and its attribution ('," <Name> said')


def quotation_around(text: str, pos: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation on ``pos``'s line that holds it, or None:
    '``'/'“' open and "''"/'”' close; a straight '"' opens when an even number precede it on the line.
    A line that opens with no quote mark before ``pos`` and then closes one (a closing mark, or the
    last of an odd number of straight ones) continues a quotation opened on an earlier line: a
    quote of several sentences ('"It was hard.\nI'm satisfied," <Name> said')."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    marks = list(_QUOTE_MARK.finditer(text, start, end))
    odd = sum(m.group() == '"' for m in marks) % 2 == 1
    if marks and marks[0].start() >= pos and (marks[0].group() in ("''", "”") or (marks[0].group() == '"' and odd)):
        return start, marks[0].end()  # the quotation began on an earlier line
    opened = None
    straight = 0
    for m in marks:
        mark = m.group()
        opening = mark in ("``", "“") or (mark == '"' and straight % 2 == 0)
        straight += mark == '"'
        if m.start() < pos and opening:
            opened = m.start()
        elif m.start() < pos:
            opened = None
        elif opened is not None:
            return opened, m.end()
    return (opened, end) if opened is not None else None


def attach_first_person(clusters: list[Cluster], prons: Sequence[Obs], texts: Mapping[str, str]) -> None:
    """'I', 'me', 'my' inside a quotation are its speaker (``quote_speaker``). A first-person pronoun
    outside quotes, or with no person next to its quotation, stays unlinked."""
    by_doc: dict[str, list[tuple[Obs, Cluster]]] = defaultdict(list)
    for c in clusters:
        if c.type == "person":
            for o in c.obs:
                if o.kind != "pron" and not (o.kind == "common" and singular(o.name) != o.name):
                    by_doc[o.key[0]].append((o, c))  # a plural ('users') quotes no one
    for p in prons:
        if p.name != "i":
            continue
        text = texts.get(p.key[0], "")
        quote = quotation_around(text, p.key[2] - 1)  # a quote mark glued on ("I) is before it
        speaker = quote_speaker(text, quote, by_doc[p.key[0]]) if quote is not None else None
        if speaker is not None:
            speaker.obs.append(p)


def quote_speaker(text: str, quote: tuple[int, int], persons: Sequence[tuple[Obs, Cluster]]) -> Cluster | None:
    """The person a quotation is attributed to, among ``persons`` (the page's person mentions) within
    reach of it: the subject of a reporting verb next to it ('," <Name> said', '," said <Name>',
    '<Name> said that ... "'), else the person named right after it, else right before it. The
    verb decides over nearness: '<Name> said that when he told <Other>, "I ..."' quotes <Name>."""
    after = [(o.key[1] - quote[1], o, c) for o, c in persons if quote[1] <= o.key[1] <= quote[1] + _SPEAKER_REACH]
    before = [(quote[0] - o.key[2], o, c) for o, c in persons if 0 <= quote[0] - o.key[2] <= _SPEAKER_REACH]
    sayers = [(gap, c) for gap, o, c in after + before
              if _SAYS.match(text, o.key[2]) or _SAID_BY.fullmatch(text, quote[1], max(quote[1], o.key[1]))]
    for found in (sayers, [(g, c) for g, _, c in after], [(g, c) for g, _, c in before]):
        if found:
            return min(found, key=lambda t: t[0])[1]
    return None


# A reporting verb, an optional day or name and 'that' before a pronoun: '<Org> said Saturday (that) it'.
# The finite forms ('said', 'says'): after a gerund or a bare infinitive 'it' is mostly the
# verb's object ('without reporting it', "did n't report it").
_REPORT_FORMS = sorted({f for base, irregular in REPORTING_VERBS.items() for f in (*inflect(base), *irregular)
                        if f != base and not f.endswith("ing")}, key=lambda f: (-len(f), f))
_REPORTED = re.compile(
    r"\b(?:" + "|".join(_REPORT_FORMS) + r")(?:\s+(?:on\s+)?[A-Z]\w+|\s+(?:today|yesterday|earlier|late|last\s+\w+))?"
    r"(?:\s+that)?\s+$"
)


def after_reporting_verb(text: str, start: int) -> bool:
    """The pronoun opens the clause a reporting verb reports ('the company said it is working'):
    there 'it' is the sayer or a thing just named. Elsewhere news 'it' is mostly an expletive ('it
    was unclear'), a clause or an event ('it follows weeks of talks'), which are no entities: on ECB+ a
    bare 'it' joined the nearest thing right 19 times and wrong 38 (after a reporting verb 9 and 3)."""
    return bool(_REPORTED.search(text[max(0, start - 60) : start]))


_SUBJECT_PRONOUNS = frozenset("he she they it".split())
_TELL_FORMS = "|".join(f for f in (*inflect("tell"), *REPORTING_VERBS["tell"]) if f != "tell" and not f.endswith("ing"))
# Between a sayer and the pronoun opening the reported clause: '<X> said (Monday) (that) he',
# '<X> told <whom> (that) she'.
_SAID_GAP = re.compile(
    r"\s*(?:" + "|".join(_REPORT_FORMS) + r")(?:\s+(?:on\s+)?[A-Z]\w+|\s+(?:today|yesterday|earlier|late|last\s+\w+))?"
    r"(?:\s+that)?\s+$|\s*(?:" + _TELL_FORMS + r")\s+[^,.;:!?\"“”()]{1,40}?\s+(?:that\s+)?$"
)


# A reporting verb after its subject ('<Name> said'), or before it after a quotation ('," said <Name>').
_SAYS = re.compile(r"\s*(?:,\s*)?(?:" + "|".join(_REPORT_FORMS) + r")\b")
_SAID_BY = re.compile(r"[\s,]*(?:" + "|".join(_REPORT_FORMS) + r")\s+(?:the\s+)?")
