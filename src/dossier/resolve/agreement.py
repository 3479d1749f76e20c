"""Types that agree across the corpus, and mentions that stand for two things.

Run over every page's observations together (``core.resolve_entities``), after ``observe``: the
tagger labels each mention alone, and a name's type is what the corpus says of it as a whole (a
gazetteer, role titles, the votes of its tags, whether it is used as a medium).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from dossier.lang import geo
from dossier.lang.en import FACILITY_NOUNS, ORG_NAME_NOUNS, PERSON_KIND_NOUNS, PLACE_NOUNS, WEEKDAYS
from dossier.nlp.cues import ROLE_NOUNS
from dossier.nlp.gender import given_name_answer
from dossier.model import CLASS_USE
from dossier.nlp.names import clean_name, coordination, joined_names, name_tokens, translit_key, translit_word
from dossier.resolve.clean import name_list
from dossier.resolve.context import org_shaped, used_as_medium
from dossier.resolve.observe import LABEL_TYPE, MentionKey, Obs

logger = logging.getLogger(__name__)


def promote_unknown_places(obs: list[Obs]) -> list[Obs]:
    """A name tagged as a place that no gazetteer knows as one, tagged PERSON on other mentions of the
    corpus, is that person's name (a given name tagged GPE once): NER's place tag is a guess the
    gazetteer can check, and a person's name never turns into a place entity of its own."""
    tagged = [o for o in obs if o.mention.label == "PERSON" and o.kind in ("person", "name")]
    persons = {translit_key(n) for o in tagged for n in (o.name, o.surface)}
    persons |= {translit_key(t) for o in tagged for t in o.name.split()}  # 'Melania' of 'Melania Roe'

    out = []
    for o in obs:
        if (o.mention.label in ("GPE", "LOC") and o.kind == "name" and translit_key(o.name) in persons
                and not geo.known_place(o.name) and not geo.country_named(o.name)):
            logger.debug("%r: tagged as a place, no place of that name, a person elsewhere", o.name)
            o = dataclasses.replace(o, mention=dataclasses.replace(o.mention, label="PERSON"), kind="person")
        out.append(o)
    return out


# Between a person's name and the town a news report says they are from: '<Name> of ', '<Name>, 66, of '.
_RESIDENCE = re.compile(r",?(?:\s+\d{1,3},)?\s+of\s+$")
# ... and the age form alone, when the tagger found no name before it: '<Surname>, 66, of '.
_AGED_RESIDENCE = re.compile(r"[A-Z][\w'’-]*,\s+\d{1,3},\s+of\s+$")


def demote_known_places(obs: list[Obs], texts: Mapping[str, str]) -> list[Obs]:
    """The converse of ``promote_unknown_places``: a one-word name tagged PERSON right after a
    person's name and 'of' ('<Name>, 66, of <Town>': news gives where a person is from so, and the
    tagger calls the town a person too) is a place when the gazetteer knows it as a country, state or
    city and it is no word of any full person name in the corpus. Only there: the gazetteer holds
    small towns named like words and surnames ('God', 'Drama', 'Santos'), and news writes such words
    as names elsewhere."""
    ends = {(o.key[0], o.key[2]) for o in obs if o.kind == "person"}
    words = {translit_key(t) for o in obs if o.kind == "person" and len(toks := name_tokens(o.name)) >= 2 for t in toks}

    def bare(o: Obs) -> bool:
        return (o.mention.label == "PERSON" and o.kind in ("person", "name") and not o.mention.title
                and len(name_tokens(o.name)) == 1)

    # decided for the name, then for all its person-tagged mentions ('a <Town> woman' too)
    towns = {k for o in obs if bare(o) and _after_resident(o, texts, ends)
             and (k := translit_key(o.name)) not in words and geo.known_place(o.name)}
    if not towns:
        return obs
    logger.debug("tagged as persons after '<Name> of', places of the gazetteer: %s", sorted(towns))
    return [dataclasses.replace(o, mention=dataclasses.replace(o.mention, label="GPE"), kind="name")
            if bare(o) and translit_key(o.name) in towns else o for o in obs]


def _after_resident(o: Obs, texts: Mapping[str, str], ends: set[tuple[str, int]]) -> bool:
    """The mention follows a person's mention and 'of' (``_RESIDENCE``), or a name, an age and 'of'."""
    doc, start = o.key[0], o.key[1]
    before = texts.get(doc, "")[max(0, start - 16) : start]
    m = _RESIDENCE.search(before)
    return m is not None and ((doc, start - len(m.group())) in ends or _AGED_RESIDENCE.search(before) is not None)


# What stands between two items of a list of names: ', ', ', and ', ' and ', ' & '.
_LIST_GAP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def promote_listed_persons(obs: list[Obs], texts: Mapping[str, str]) -> list[Obs]:
    """A name of two or three words tagged an organisation or a facility that opens with a given name
    and is listed next to a name tagged PERSON ('stars including <Given> <Surname>, <Given>
    <Surname> and ...') is a person: items of one list are of one kind, and the tagger labels each
    name alone. Names ending in a place or facility noun ('Fifth and <Name> Streets') are left."""
    order = sorted((o for o in obs if o.kind in ("person", "name")), key=lambda o: o.key)
    gaps = [_list_gap(a, b, texts) for a, b in zip(order, order[1:])]  # '' (none), ',' or 'and'
    listed: set[MentionKey] = set()
    for i, o in enumerate(order):
        if not _person_shaped_body(o):
            continue
        before = gaps[i - 1] if i > 0 and order[i - 1].mention.label == "PERSON" else ""
        after = gaps[i] if i < len(gaps) and order[i + 1].mention.label == "PERSON" else ""
        # 'A and <Name>', '<Name> and B', commas on both sides ('A, <Name>, B') or a list's first item
        # ('<Name>, B and C'): a comma alone may close a name before its verb ('..., <Name> said')
        opens = after == "," and i + 1 < len(gaps) and gaps[i + 1] == "and"
        if "and" in (before, after) or (before and after) or opens or _person_noun_beside(o, texts):
            listed.add(o.key)
    if not listed:
        return obs
    logger.debug("%d names tagged bodies listed among persons", len(listed))
    # decided for the name, so for all its mentions tagged so ('<Given> <Surname>' of other pages),
    # and the page's bare surname of it, tagged a body as the name was
    names = {translit_key(o.name) for o in order if o.key in listed}
    listed |= {o.key for o in order if translit_key(o.name) in names and _person_shaped_body(o)}
    full = {(o.key[0], name_tokens(o.name)[-1]): o.name for o in order if o.key in listed}
    out = []
    for o in obs:
        toks = name_tokens(o.name)
        surname = full.get((o.key[0], toks[0])) if len(toks) == 1 and o.kind == "name" and o.mention.label in (
            "ORG", "FAC") else None
        if o.key in listed or surname:
            o = dataclasses.replace(o, mention=dataclasses.replace(o.mention, label="PERSON"), kind="person",
                                    name=surname or o.name)
        out.append(o)
    return out


_ROLE = "|".join(sorted(ROLE_NOUNS | {n + "s" for n in ROLE_NOUNS}, key=len, reverse=True))
# a lowercase role noun right before the name ('pitcher <Name>', 'starters <Name> and ...')
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{_ROLE})\s+$")
_PREPOSITIONS = "with|of|for|at|in|on|from|by|to|about"
# an apposition naming a post or a kind of person ('<Name>, another partner,', '<Name>, a 52-year-old
# lawyer'): the noun is its head, after no preposition ('<Name>, another huddle with pastors' is none)
_ROLE_APPOSITION = re.compile(rf"^,\s+(?:a|an|the|another|his|her|their)\s+(?:(?!(?:{_PREPOSITIONS})\s)[\w-]+\s+){{0,3}}?"
                              rf"(?:{_ROLE}|{'|'.join(sorted(PERSON_KIND_NOUNS))})\b")
# a lowercase role word right after the name: the name premodifies a title ('<Team> owner <Name>')
_TITLE_AFTER = re.compile(rf"^\s+(?:{_ROLE})\b")


def _person_noun_beside(o: Obs, texts: Mapping[str, str]) -> bool:
    """A role noun right before the name, or an apposition of a person's noun right after it."""
    text = texts.get(o.key[0], "")
    after = text[o.key[2] : o.key[2] + 80]
    return bool((_ROLE_BEFORE.search(text[max(0, o.key[1] - 30) : o.key[1]]) and not _TITLE_AFTER.match(after))
                or _ROLE_APPOSITION.match(after))


def _list_gap(a: Obs, b: Obs, texts: Mapping[str, str]) -> str:
    """How two observations in text order are joined as items of a list: 'and' (an 'and' or '&'
    between them), ',' (a comma alone), '' (not as items of one list)."""
    if a.key[0] != b.key[0]:
        return ""
    gap = _LIST_GAP.fullmatch(texts.get(a.key[0], "")[a.key[2] : b.key[1]])
    return "" if gap is None else "and" if re.search(r"and|&", gap.group()) else ","


def _person_shaped_body(o: Obs) -> bool:
    """Two or three words tagged a body, opening with a name the dictionary gives a gender, mostly
    at least (not one of either: '<Syllable> <Word> <Word>' of a body), ending in no place or
    facility noun."""
    toks = name_tokens(o.name)
    return (o.mention.label in ("ORG", "FAC") and o.kind == "name" and o.shape == "name" and 2 <= len(toks) <= 3
            and given_name_answer(o.name.split()[0]) not in ("unknown", "andy")
            and toks[-1].rstrip("s") not in FACILITY_NOUNS | PLACE_NOUNS | ORG_NAME_NOUNS and not org_shaped(o.name)
            and not (o.place or o.org or o.medium))


@dataclass(frozen=True)
class _TypeEvidence:
    """What the whole corpus says about each name's type (keys: ``translit_key`` of the name)."""

    votes: Mapping[str, Counter[bool]]  # PERSON tags (True) against ORG/place tags and org cues (False)
    media: set[str]  # names used as a medium ('on <Platform>')
    titled: set[str]  # names given a role title somewhere
    titled_persons: set[str]  # ... on a PERSON-tagged person mention
    surnames: Mapping[str, int]  # last words of full person names -> mentions of those names
    org_heads: set[str]  # first words of names of two words or more of bodies, facilities, places


def _type_evidence(obs: list[Obs], keys: list[str]) -> _TypeEvidence:
    """The corpus's evidence; ``keys``: each observation's ``translit_key``, read once by the caller."""
    votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for o, k in zip(obs, keys, strict=True):
        if o.mention.label in LABEL_TYPE and o.kind != "gov":
            votes[k][LABEL_TYPE[o.mention.label] == "person"] += 1
        if o.org or (o.place and not _ends_in_place_noun(o.name)):
            votes[k][False] += 3  # 'the newspaper X'; 'the port city of X' (not a person's 'Bay' read as one)
    return _TypeEvidence(
        votes=votes,
        media=_media_names(obs, keys),
        titled={k for o, k in zip(obs, keys, strict=True) if o.mention.title},
        titled_persons={k for o, k in zip(obs, keys, strict=True)
                        if o.mention.title and o.kind == "person" and o.mention.label == "PERSON"},
        surnames=Counter(translit_key(t[-1]) for o in obs if o.kind == "person" and len(t := name_tokens(o.name)) >= 2),
        org_heads={translit_key(clean_name(w[0])) for o in obs  # clean_name: "<Surname>'s Analytics"
                   if o.mention.label in ("ORG", "FAC", "GPE", "LOC") and len(w := o.name.split()) >= 2},
    )


def _ends_in_place_noun(name: str) -> bool:
    """The name's own last word is a place noun ('<Given> Bay', '<Name> Island'): what ``place_cue``
    read may be the name itself, which a person's surname can be, not the text around it."""
    words = name.lower().split()
    return bool(words) and words[-1] in PLACE_NOUNS


def demote_non_persons(obs: list[Obs]) -> list[Obs]:
    """Person and non-person names made to agree with the corpus: a PERSON-tagged name the corpus
    says is none becomes a plain name (``_no_person``), and an ORG- or place-tagged name the corpus
    says is a person becomes one (``_a_person``: its label rewritten to PERSON)."""
    keys = [translit_key(o.name) for o in obs]  # once: the name memos are bounded, the corpus is not
    ev = _type_evidence(obs, keys)
    out = []
    for o, k in zip(obs, keys, strict=True):
        if _no_person(o, k, ev):
            o = dataclasses.replace(o, kind="name")
        elif _a_person(o, k, ev):
            o = dataclasses.replace(o, mention=dataclasses.replace(o.mention, label="PERSON"), kind="person")
        out.append(o)
    return out


def _no_person(o: Obs, k: str, ev: _TypeEvidence) -> bool:
    """A name tagged PERSON no more often than ORG/place across all documents ('Yomiuri Shimbun'
    tagged PERSON once and ORG once), or used as a medium ('on <Platform>'), is no person, unless a
    role title says it is."""
    votes = ev.votes[k]
    return (o.kind == "person" and o.mention.label == "PERSON" and k not in ev.titled
            and (votes[True] <= votes[False] or k in ev.media))


def _a_person(o: Obs, k: str, ev: _TypeEvidence) -> bool:
    """A full name a role title gives to a PERSON-tagged mention ('former <Company> CEO <Given>
    <Surname>') is that person where the tagger called it an organisation (the small tagger often
    does for a candidate's name); a bare surname the corpus tags PERSON more often than anything
    else is the person's name where it was tagged ORG ('<Surname> said') or made a place only by a
    locative word or against the gazetteer ('from <Surname>'); so is a bare surname tagged ORG on
    pages naming no one in full when the corpus names the person in full three times as often
    and no organisation bears the name. Never a mention that reads as a body or a place ('the
    newspaper X', 'X Islands')."""
    if o.kind != "name" or o.shape != "name" or o.org or o.place:
        return False
    words = len(name_tokens(o.name))
    if o.mention.label == "ORG" and words >= 2:
        return k in ev.titled_persons
    votes = ev.votes[k]
    if words != 1 or k not in ev.surnames:
        return False
    if o.mention.label == "ORG":
        # the bare ORG tags are outvoted by the PERSON tags of the bare word, or, when no name of a
        # body, facility or place begins with it ('<Surname> Foundation', "<Surname>'s Point"), by
        # the mentions of the person's full name: the tagger's habit with one surname is no
        # organisation (an all-capital word is an initialism, no surname)
        return votes[True] > votes[False] or (
            k not in ev.org_heads and not o.name.isupper() and ev.surnames[k] >= _FULL_NAME_MAJORITY * votes[False])
    return o.mention.label in ("GPE", "LOC") and _weak_place(o) and votes[True] > votes[False]


_FULL_NAME_MAJORITY = 3  # full-name mentions of a person per ORG tag of their bare surname


def _weak_place(o: Obs) -> bool:
    """A place label only a locative word gave ('from <Surname>', the map's place cue), or one the
    gazetteer does not back: a person's surname the corpus otherwise tags PERSON outvotes it."""
    return o.mention.rule == "place-cue" or not geo.known_place(o.name)


def _media_names(obs: list[Obs], keys: list[str]) -> set[str]:
    """Keys of the names the corpus uses as a medium (``used_as_medium``): 'posted on <Platform>'."""
    total: Counter[str] = Counter()
    medium: Counter[str] = Counter()
    for o, k in zip(obs, keys, strict=True):
        if o.kind in ("person", "name"):
            total[k] += 1
            medium[k] += o.medium
    return {k for k, n in medium.items() if used_as_medium(n, total[k])}


def refuse_non_names(obs: list[Obs]) -> list[Obs]:
    """Drop mentions that stand for two things: 'Merkel and Macron' (a coordination; always for a
    PERSON tag, else when both parts are names met on their own) and 'France-Germany' (two
    names joined by a hyphen, each a name on its own)."""
    known = {translit_key(x) for o in obs if o.shape == "name" for x in (o.name, o.surface)}
    known |= {translit_word(t) for o in obs if o.kind == "person" for t in name_tokens(o.name)}

    def is_known(part: str) -> bool:
        return translit_key(part) in known or bool(geo.country_named(part) or geo.country_of_capital(part))

    out = []
    for o in obs:
        if o.shape == "coord":
            parts = coordination(o.surface) or coordination(o.name) or name_list(o.name)
            if parts and (o.mention.label == "PERSON" or all(is_known(p) for p in parts)):
                continue
        if o.shape == "joined" and joined_names(o.surface, is_known):
            continue
        out.append(dataclasses.replace(o, shape="name") if o.shape in ("coord", "joined") else o)
    return out


_CLASS_PAGES = 2  # pages using a capitalised word as a common noun before it names nothing anywhere


def refuse_class_words(obs: list[Obs], known: frozenset[str] = frozenset()) -> tuple[list[Obs], frozenset[str]]:
    """Drop every mention of a word that several pages use as a common noun ('a prior DUI', 'a super
    PAC': nlp marks such uses ``CLASS_USE``): it names no entity, and the tagger's organisation
    label would make one body of every page's uses. A word used so on one page only stays a name
    there and elsewhere: news writes a name with an evaluative adjective too ('a desperate
    <Company>', 'a strong <Union>'). ``known``: words an earlier step found so. Returns the
    observations kept and the words refused."""
    pages: dict[str, set[str]] = defaultdict(set)
    for o in obs:
        if o.mention.rule == CLASS_USE:
            pages[o.surface].add(o.key[0])
    common = known | {w for w, p in pages.items() if len(p) >= _CLASS_PAGES}
    if not common:
        return obs, common
    logger.debug("capitalised words used as common nouns: %s", sorted(common))
    return [o for o in obs if o.surface not in common or o.kind in ("pron", "common")], common


# A weekday written right after a name, on its line ('<Word> Tuesday').
_WEEKDAY_AFTER = re.compile(r"[ \t]+(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
_DAY_NAME_LEAST = 3  # mentions of a word before one weekday before it is read as a day's name ...
_DAY_NAME_SHARE = 0.9  # ... when they are this share of the word's mentions


def refuse_day_names(obs: list[Obs], texts: Mapping[str, str], known: Mapping[str, str] | None = None
                     ) -> tuple[list[Obs], dict[str, str]]:
    """Drop a word where it is written before the weekday it is nearly always written before ('Super
    Tuesday', 'Cyber Monday': the tagger labels the first word a place or an organisation and the
    weekday a date): it is the first word of a day's name. A name is written without a weekday after it
    too ('<Name> Tuesday signed the bill', '<Name> said'), so a word that is not nearly always so stays
    a name; three at least. ``known``: day names an earlier step found. Returns the observations kept
    and the day names (word -> weekday)."""
    day_of: dict[MentionKey, str] = {}
    days: dict[str, Counter[str | None]] = defaultdict(Counter)
    for o in obs:
        if o.kind not in ("pron", "common"):
            m = _WEEKDAY_AFTER.match(texts.get(o.key[0], ""), o.key[2])
            days[o.surface][m.group(1) if m else None] += 1
            if m:
                day_of[o.key] = m.group(1)
    named = {**(known or {}), **{w: day for w, c in days.items() for day, n in c.most_common(1)
                                 if day and n >= _DAY_NAME_LEAST and n >= _DAY_NAME_SHARE * sum(c.values())}}
    if not named:
        return obs, named
    logger.debug("first words of named days: %s", sorted(named))
    return [o for o in obs if o.surface not in named or day_of.get(o.key) != named[o.surface]], named
