"""Reading a mention's surroundings: is a place name used as an actor, is a name a place?

Why hand-written: the resolver sees mentions and text, not a parse. These cues are small, generic
English patterns ("Tokyo insists", "talks in Moscow", "the island of X", "X Islands").
"""

from __future__ import annotations

import logging
import re

from dossier.lang import geo
from dossier.lang.en import LEGAL_FORMS, LEGISLATURE_NOUNS, ORG_NAME_NOUNS, PLATFORM_NOUNS
from dossier.nlp.cues import ROLE_NOUNS
from dossier.nlp.gender import given_name_answer

logger = logging.getLogger(__name__)

# Words before a name that make it a location ("talks in Moscow", "north of Tokyo").
_LOCATIVE = frozenset(
    "in at from near into onto outside inside around across to toward towards via through within "
    "throughout over of off visit visited visiting visits reached arrived left".split()
)
# Words before a name that make it a party to an action ("talks with Moscow", "claimed by Japan").
_AGENTIVE = frozenset("with against by".split())
# Auxiliaries and modals: "Moscow has", "Tokyo will".
_AUX = frozenset(
    "has had have is was will would should must may might can could does did cannot won't wont "
    "isn't hasn't didn't doesn't".split()
)
# Stance, action and reporting verbs (stems) that make the subject an actor.
_VERB_STEMS = frozenset(
    """say insist refuse reject demand want hope claim believe make see agree deny warn accuse argue
    urge seek announce expect consider maintain interpret eye call respond propose offer decline
    oppose support threaten plan intend accept recognise recognize protest condemn welcome sign seize
    declare blast press push counter dismiss stress suggest retaliate tell state send sanction veto
    vow pledge promise order approve ban impose criticize criticise object fear view regard link
    need continue remain stick tend confirm repeat reiterate insist note admit acknowledge allege
    threat dispute contend request invite host ratify annex occupy invade attack strike launch
    establish wage reclaim capture""".split()
)
_IRREGULAR = frozenset("said made sought told saw took gave sent held kept began struck won lost thinks thought".split())
# Nouns after "X's" that make X the government that holds them ("Moscow's position").
_STANCE_NOUNS = frozenset(
    """position positions stance policy policies demand demands claim claims insistence refusal offer
    proposal proposals view views efforts effort strategy decision response approach intention plan
    plans bid concern concerns control government administration leadership officials diplomats
    negotiators envoy ambassador objections objection reply warning threat sanctions""".split()
)
# Nouns after a name that make it a place ("Falkland Islands", "Kamchatka Peninsula").
_PLACE_NOUNS = frozenset(
    """island islands islet islets isle isles archipelago peninsula strait straits bay gulf sea ocean
    river lake mountain mountains mount valley province prefecture region district county city town
    village port harbour harbor coast""".split()
)
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:island|isle|city|town|hometown|village|port|province|prefecture|region|republic) of\s+(?:the\s+)?"
    # a plural noun also before later items of a list ("islands of A, B and X"); a singular one names
    # one place: 'the island of <Place>, <Given> <Surname>, 25' puts a person after it
    r"|(?:islands|isles|islets) of\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:\s*,\s*|\s+and\s+|\s+or\s+))*)$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _words_before(text: str, start: int, n: int = 2) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, start - 60) : start])[-n:]]


def _verb_like(word: str) -> bool:
    w = word.lower()
    if w in _AUX or w in _IRREGULAR:
        return True
    for suffix in ("ies", "es", "s", "ed", "d", ""):
        if suffix and not w.endswith(suffix):
            continue
        stem = w[: len(w) - len(suffix)] if suffix else w
        if stem in _VERB_STEMS or (suffix == "ies" and stem + "y" in _VERB_STEMS):
            return True
    return False


def is_actor(text: str, start: int, end: int) -> bool:
    """A place name used as a political actor: subject of a stance verb, 'with X', "X's position".

    "Tokyo refuses", "Moscow, on the other hand, has claimed", "talks with Moscow" -> True;
    "talks in Moscow", "north of Tokyo" -> False.
    """
    before = _words_before(text, start, 1)
    if before and before[0] in _LOCATIVE:
        return False
    if before and before[0] in _AGENTIVE:
        return True
    after = text[end : end + 80]
    m = re.match(r"\s*['’]s?\s+(?:[a-z\-]+\s+){0,2}?([a-z]+)", after)
    if m and re.match(r"\s*['’]", after):
        return m.group(1) in _STANCE_NOUNS
    after = re.sub(r"^\s*,[^,.;]{1,40},", " ", after)  # skip a parenthetical: "Tokyo, on the other hand,"
    words = _WORD.findall(after)[:3]
    if not words or not words[0].islower():
        return False
    if _verb_like(words[0]):
        return True
    # One adverb between subject and verb: "Tokyo consistently insists".
    return words[0].endswith("ly") and len(words) > 1 and _verb_like(words[1])


def place_cue(text: str, start: int, end: int) -> bool:
    """The text itself says this name is a place: 'X Islands', 'X islets', 'the island of X'."""
    words = _WORD.findall(text[end : end + 30])
    if words and words[0].lower() in _PLACE_NOUNS:
        return True
    last = _WORD.findall(text[start:end])
    if last and last[-1].lower() in _PLACE_NOUNS:
        return True
    # Names listed before a place noun: "A, B, X and C islands".
    tail = re.match(r"(?:\s*(?:,|and|or)\s*[A-Z][\w\-]*)+\s+(islands|islets|isles)\b", text[end : end + 120])
    if tail:
        return True
    if _PLACE_BEFORE.search(text[max(0, start - 120) : start]):
        return True
    # '<Town>, <State>' / '<Town>, <Country>' closing a phrase: how news says where a town is ('in
    # <Town>, <State>, about ...'); not '<Name>, <State> senator' nor '<Name>, <State>'s governor'.
    region = _REGION_AFTER.match(text[end : end + 60])
    return region is not None and geo.region_named(region.group(1).rstrip("."))


_REGION_AFTER = re.compile(
    r"\s*,\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|and|was|is|has|had|where|when|about)\b)")


# Nouns that say the name after (or before) them is a publication, broadcaster or agency:
# "the French newspaper Le Monde", "news program Panorama", "Xinhua news agency".
_MEDIA_NOUNS = frozenset(
    """newspaper newspapers daily weekly magazine journal tabloid paper broadsheet agency broadcaster
    channel network program programme show website outlet radio television tv station""".split()
)


def org_cue(text: str, start: int, end: int) -> bool:
    """The text says this name is a publication or broadcaster (an organisation, never a person
    or a place): 'the newspaper X', 'news program X', 'X newspaper', 'X news agency'."""
    before = _words_before(text, start, 1)
    if before and before[0] in _MEDIA_NOUNS:
        return True
    after = _WORD.findall(text[end : end + 25])[:2]
    if after and after[0].lower() in _MEDIA_NOUNS and after[0].islower():
        return True
    return len(after) == 2 and after[0].lower() == "news" and after[1].lower() in _MEDIA_NOUNS


# Last words of a company's name that name its trade ('<Name> Mining', '<Name> Airlines'); words that
# are also common surnames (Steel, Power, Gas) are left out.
TRADE_NOUNS = frozenset(
    """coal oil petroleum energy mining minerals metals chemicals pharmaceuticals airlines airways motors
    automotive foods beverages brewing textiles insurance bancorp holdings industries enterprises technologies
    communications telecom networks entertainment studios publishing capital partners investments ventures
    securities realty properties logistics shipping railways railroad utilities""".split()
)
# Last words of a body's name ('<Name> Caucus', '<Name> Institute'); a body may bear a person's name.
_BODY_NOUNS = ORG_NAME_NOUNS | LEGISLATURE_NOUNS | frozenset("caucus administration board".split())
_ORG_LAST_WORDS = TRADE_NOUNS | _BODY_NOUNS | LEGAL_FORMS


# A name right after 'on' or 'via' is where something is said or shown ('posted on X', 'said on X',
# 'via X'): a medium or a place. People are talked to, about and with, not on (under 2 % of a
# person's mentions in a year of election coverage, a third of a social network's).
_MEDIUM_BEFORE = re.compile(r"(?<![\w'’])(?:on|via)\s+$", re.I)


def medium_cue(text: str, start: int, end: int) -> bool:
    """The text uses the name as a medium: 'on X', 'via X', or 'X account' / 'X feed' (a noun of
    what a platform holds right after the name, lowercase, in ``PLATFORM_NOUNS``)."""
    if _MEDIUM_BEFORE.search(text[max(0, start - 6) : start]):
        return True
    after = _WORD.findall(text[end : end + 20])[:1]
    return bool(after) and after[0] in PLATFORM_NOUNS and text[end : end + 1] == " "


def used_as_medium(medium: int, total: int) -> bool:
    """A name the corpus uses as a medium (``medium_cue``) on three mentions and a tenth of all its
    mentions or more: a platform or broadcaster, whatever the tagger said. One 'pressure on X' in
    a person's many mentions is not enough."""
    return medium >= 3 and medium * 10 >= total


def org_shaped(name: str) -> bool:
    """The name's last word names a trade, a kind of body or a legal form ('<Name> Mining', '<Name>
    Caucus', a lone 'Caucus', '<Name> Corp'): an organisation's name, never a person's, whatever the
    tagger said."""
    words = name.split()
    return bool(words) and words[-1].lower().strip(".,'") in _ORG_LAST_WORDS


def ends_in_legal_form(name: str) -> bool:
    """The name ends in a company's legal form ('<Name> Inc.', '<Name> Corp'): a company calls itself so."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower().strip(".,") in LEGAL_FORMS


_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")


def ends_in_initialism(name: str) -> bool:
    """The last word is written in capitals and an earlier word is not ('<State> GOP', '<Name> PAC'
    tagged PERSON): an initialism closes a body's name, never a person's. A surname in capitals comes
    with the rest of the name in capitals (a headline); a regnal number ('<Given> VIII') is no initialism."""
    words = name.split()
    last = words[-1].strip(".,") if words else ""
    return (len(words) >= 2 and len(last) >= 2 and last.isalpha() and last.isupper()
            and not _ROMAN_NUMERAL.fullmatch(last) and not all(w.isupper() for w in words[:-1]))


def company_short_form(name: str, full_names: set[str]) -> str | None:
    """The one company of the page a lone word begins ('<Word>' after '<Word> Mining'): news calls
    a company by the first word of its name after the first reference. Only trade names count, so
    a surname never goes to a body named after the person (a '<Surname> Foundation')."""
    word = name.strip().lower()
    found = {f for f in full_names if len(f.split()) >= 2 and f.split()[0].lower() == word
             and f.split()[-1].lower() in TRADE_NOUNS}
    return next(iter(found)) if len(found) == 1 else None


_ADDRESS_BEFORE = re.compile(r"\b(?:miss|mister|mr|mrs|ms)\.?\s+$", re.I)


def title_words(text: str, spans: list[tuple[int, str]], persons: set[str]) -> set[str]:
    """Words a title of address makes a title on this page: 'Miss <Title> <Given> <Surname>', where
    the tagger's span starts after 'Miss' and the rest is a person the page names on its own. A
    title of address stands right before a surname or full name, so a capitalised word between it
    and a full name is part of the title, not of the person's name."""
    out = set()
    for start, surface in spans:
        words = surface.split()
        if len(words) >= 3 and " ".join(words[1:]) in persons and _ADDRESS_BEFORE.search(text[max(0, start - 8) : start]):
            out.add(words[0])
    return out


def strip_title_word(name: str, words: set[str]) -> str:
    """The name without a leading title word of the page ('<Title> <Given> <Surname>' -> the person)."""
    parts = name.split()
    return " ".join(parts[1:]) if len(parts) >= 2 and parts[0] in words else name


def address_title(text: str, start: int, surface: str, words: set[str]) -> bool:
    """A lone title word right after a title of address ('the former Miss <Title>'): a title, no name."""
    return surface in words and bool(_ADDRESS_BEFORE.search(text[max(0, start - 8) : start]))


_ROLE = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
# What follows only a person's name: a relative 'who', an age between commas ('<Name>, 52,'), a post
# in apposition ('<Name>, director of ...', '<Name>, a senior lawyer'), a verb of saying right after.
_PERSON_AFTER = re.compile(
    rf"(?:,\s+(?:who|whose|whom)\b|,\s+\d{{1,3}},|,\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{_ROLE})"
    rf"(?![\w'’])|\s+(?:said|says)\b)")
_INITIAL = re.compile(r"[A-Z]\.?")


def person_cue(name: str, text: str, end: int) -> bool:
    """A name that opens with a given name ('<Given> <Word>', after initials: 'H. <Given> <Word>') and
    is followed by what follows only a person's name is a person's, whatever its last word says
    ('<Given> Hall, who ...': surnames are also facility nouns)."""
    words = [w for w in name.split() if not _INITIAL.fullmatch(w)]
    if not words or given_name_answer(words[0]) in ("unknown", "andy"):
        return False
    return bool(_PERSON_AFTER.match(text, end))
