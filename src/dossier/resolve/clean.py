"""Mention cleaning before resolution: a name written with what stands around it.

News writes descriptors and titles straight before a name ("sect leader <Name>", "former Sen.
<Name>", "Chairperson <Name>"); annotators and NER often keep them in the mention. Left in, they make
the mention a noun phrase (dropped as malformed) or a name of its own (a split). ``peel_descriptor``
returns the descriptor (a role for the person) and the bare name. Lists of names in one mention
("<A>, <B>") are refused by the caller as two things, like "<A> and <B>".

Why hand-written: the resolver sees mention strings, not a parse; the rule is English news
convention (premodifying descriptors are lowercase or role words, names are capitalised).
"""

from __future__ import annotations

import functools
import logging
import re

from dossier.lang import geo
from dossier.lang.en import APPOSITIVE_PLACE_NOUNS, FUNCTION_WORDS, TITLE_ABBREVIATIONS
from dossier.nlp.cues import ROLE_WORDS
from dossier.nlp.names import NAME_MEMO, clean_name

logger = logging.getLogger(__name__)

# The abbreviated titles (lang/en), with 'Rev.' (a title of address there) and 'Gov.-elect'.
_TITLE_ABBREVIATIONS = frozenset(TITLE_ABBREVIATIONS) | {"rev", "gov-elect"}
_ROLE_WORDS = ROLE_WORDS | _TITLE_ABBREVIATIONS | {"chairperson", "manager", "vice-president"}
_PREPOSITIONS = frozenset("in at near of from for to with by on outside inside".split())
# Lowercase words that belong to a name ('Charles de Gaulle', 'Ludwig van Beethoven').
_PARTICLES = frozenset("de da del della der den di do dos das du des la le van von bin ibn al el y zu ter ten".split())


# Lowercase words inside a name of several words ('Gulf of Aden', 'Bank of the West').
_NAME_INNER = frozenset("of the for on".split())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _PARTICLES


def _descriptor_word(word: str, person: bool) -> bool:
    """A word that describes rather than names: lowercase (not a name particle), or for a person a
    role word or abbreviated title ('Chairperson', 'Sen.', 'Deputy')."""
    low = word.lower().rstrip(".,")
    if word[:1].islower() and low not in _PARTICLES:
        return True
    base = low.split("-")[-1] if "-" in low else low  # 'then-Secretary', 'ex-President'
    return person and (low in _ROLE_WORDS or base in _ROLE_WORDS)


@functools.lru_cache(maxsize=NAME_MEMO)
def peel_descriptor(text: str, person: bool = False) -> tuple[str, str]:
    """'sect leader Warren Smith' -> ('sect leader', 'Warren Smith'); ('', text) when nothing is
    peeled. What remains must be a name: one or more capitalised words (particles allowed), and
    for a non-person only lowercase words are peeled ('Ministry of Health' keeps its role word).
    A preposition opening the mention is no part of the descriptor ('in southern <Country>')."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and _descriptor_word(words[i], person):
        i += 1
    rest = words[i:]
    if i == 0 or not rest or not rest[0][:1].isupper() or not all(_capitalised(w) or w in _NAME_INNER for w in rest[1:-1]) \
            or not _capitalised(rest[-1]):
        return "", text
    # A preposition the mention took in opens it ('in southern <Country>', 'in downtown <Town>'); one
    # after a noun starts a post-modifier ('a bank in <City>': the name is not the thing named).
    lead = 1 if words[0].lower() in _PREPOSITIONS else 0
    if lead == i or any(w.lower() in _PREPOSITIONS for w in words[lead:i]):
        return "", text
    if person and len(rest) == 1 and rest[0].lower().rstrip(".") in _ROLE_WORDS:
        return "", text  # 'Deputy Director': a title alone
    if len(rest) == 1 and words[i - 1][:1].isupper() and not words[i - 1].endswith("."):
        return "", text  # 'Dean Baker', 'King Hussein'? a capitalised role word before one name word may be a given name
    return " ".join(words[lead:i]), " ".join(rest)


def is_role(descriptor: str) -> bool:
    """The descriptor ends in a role word ('sect leader', 'former Sen.'), so it is a title."""
    words = descriptor.lower().split()
    return bool(words) and words[-1].rstrip(".").split("-")[-1] in _ROLE_WORDS


_LIST = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)+$")


def name_list(text: str) -> list[str]:
    """'Smith, Jones' -> ['Smith', 'Jones']: capitalised names separated by commas are a list
    of people, not one name ([] otherwise). Suffixes after a comma ('Smith, Jr.') are not a list."""
    if not _LIST.match(text.strip()):
        return []
    parts = [p.strip() for p in text.split(",")]
    if any(re.fullmatch(r"(?:Jr|Sr|I{1,3}|IV|Inc|Ltd|Corp|Co|LLC|Esq|PhD)\.?", p) for p in parts):
        return []
    return parts


# Prepositions that start a locative post-modifier: 'X Center in <Town>', 'a bank in <City>', '<Sea>
# between <A> and <B>'.
_LOCATIVE_POSTMOD = frozenset("in at near outside inside between".split())
# Prepositions that start one after a common noun only ('a hut on <Mountain>', 'the store on <Street>',
# 'the island off <Country>'s coast'): after a capitalised word they may be inside a name ('Council on
# Foreign Relations', 'Commission on Presidential Debates'), as 'of' may.
_POSTMOD_AFTER_NOUN = frozenset("of on off along across".split())
# What may follow a comma inside one name ('<Name>, Jr.', '<Name>, Inc.').
_SUFFIX = re.compile(r"(?:Jr|Sr|I{1,3}|IV|Inc|Ltd|Corp|Co|LLC|Esq|PhD)\.?,?")


def np_core(text: str) -> str:
    """The noun phrase up to its head, without post-modifiers: 'X Center in <Town>, <State>' ->
    'X Center', 'the streets of <City>' -> 'the streets', '<Name>, a treatment facility' ->
    '<Name>', 'a hut on <Mountain>' -> 'a hut'. A name with 'of' or 'on' inside ('Bank of <Name>',
    'Council on <Name>') keeps it. Why: the head word tells a
    name from a described thing, and a location or an apposition added to a name is not the name."""
    words = text.replace(" ,", ",").split()
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w.endswith(",") and nxt and not _SUFFIX.fullmatch(nxt):
            return " ".join(words[: i + 1]).rstrip(",")
        if i == 0 or not nxt:
            continue
        low = w.lower()
        if low in _LOCATIVE_POSTMOD or (low in _POSTMOD_AFTER_NOUN and words[i - 1][:1].islower()):
            return " ".join(words[:i])
    return " ".join(words)


def lower_head(text: str) -> bool:
    """The head word of the noun phrase is lowercase (not a name particle): a described thing
    ('the <Name> rehab facility', 'a bank in <City>'), not a name."""
    words = np_core(text).split()
    head = words[-1] if words else ""
    # 'al-<Name>' is a name: a hyphenated word with a capitalised part is not a common noun.
    return head[:1].islower() and head.lower() not in _PARTICLES and not any(p[:1].isupper() for p in head.split("-"))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SENTENCE_END_CHARS = frozenset(".!?:;\"“”")  # a capital after one of these may be a sentence's first word


def _title_case(line: str) -> bool:
    """A headline or a menu line: most of its longer words are capitalised."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def title_case_line(line: str) -> bool:
    """A headline or a menu line (``_title_case``)."""
    return _title_case(line)


def page_vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The page's words written lowercase, and the words it capitalises inside a sentence of
    running text (not at a sentence start, not in a title-case line such as a headline)."""
    lower, capital, _ = _vocabulary(text)
    return lower, capital


def lone_capitals(text: str) -> frozenset[str]:
    """The words the page capitalises inside a sentence of running text on their own, with no
    capitalised word next to them: 'the Police said' but not 'the <City> Police said', where the
    capital belongs to the longer name."""
    return _vocabulary(text)[2]


@functools.lru_cache(maxsize=256)
def _vocabulary(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``page_vocabulary`` and ``lone_capitals`` of a page, from one walk over its words."""
    lower: set[str] = set()
    capital: set[str] = set()
    lone: set[str] = set()
    for line, headline in _lines(text):
        found = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
        words = [raw.strip("\"“”‘’'.,;:!?()[]") for _, raw in found]
        for i, ((at, _), w) in enumerate(zip(found, words, strict=True)):
            if not _WORD.fullmatch(w):
                continue  # a web address, a number, a handle: not a word of the text
            if w[:1].islower():
                before = found[i - 1][1] if i else ""
                if before[-1:].isalpha() or before[-1:] in ",;":
                    lower.add(w.lower())  # a word of a sentence, not a piece of an address
            elif not headline and at > 0 and not (i and found[i - 1][1][-1] in _SENTENCE_END_CHARS):
                # (the word before is the previous token: only whitespace lies between tokens)
                capital.add(w)
                if not any(words[j][:1].isupper() for j in (i - 1, i + 1) if 0 <= j < len(words)):
                    lone.add(w)
    return frozenset(lower), frozenset(capital), frozenset(lone)


@functools.lru_cache(maxsize=256)
def _lines(text: str) -> tuple[tuple[str, bool], ...]:
    """The page's lines, each with whether it is title case: read once per page, not once for each
    of its mentions (that scan was a sixth of entity resolution)."""
    return tuple((line, _title_case(line)) for line in text.splitlines())


def only_in_headlines(name: str, text: str) -> bool:
    """The page writes this name only in title-case lines (headlines, captions, menus)."""
    found = False
    for line, title_case in _lines(text):
        if name in line:
            if not title_case:
                return False
            found = True
    return found


def trim_common_words(name: str, text: str) -> str:
    """A name its page writes only in headlines, without the words at its ends that the page
    writes only as common words: '<Surname> Plan for Taxes', '<Surname> Speech at ...'. Why: the
    tagger takes capitalised headline words for a name, and the page itself tells which of them
    are names (capitalised inside running sentences) and which are not ('the plan')."""
    if not only_in_headlines(name, text):
        return name
    lower, capital = page_vocabulary(text)
    words = name.split()

    def common(w: str) -> bool:
        return len(w) > 1 and w[:1].isupper() and w.lower() in lower and w not in capital

    while len(words) > 1 and common(words[-1]) and words[-2].lower() not in _PARTICLES:
        words = words[:-1]
    while len(words) > 1 and common(words[0]):
        words = words[1:]
    return " ".join(words)


def capitalised_common(name: str, text: str) -> bool:
    """Every word of the name is a common word of its page, capitalised only where English
    capitalises any word (a headline, a sentence start, an all-caps line): 'Driver' in 'Driver
    Charged After Crash' on a page that writes 'the driver' and never 'Driver' inside a sentence.
    Truecasing from the page itself: such a mention is a noun phrase, not a name. A one-word name
    may also be capitalised inside sentences as part of a longer name ('Quota' in a headline over
    'quota' and the '<Name> Quota Act'), but not alone."""
    lower, capital = page_vocabulary(text)
    words = [w.strip("\"“”‘’'.,;:!?()") for w in name.split()]
    words = [w for w in words if w]
    if len(words) == 1:
        capital = lone_capitals(text)
    return bool(words) and all(w.lower() in lower and w not in capital and w.capitalize() not in capital
                               and w.lower() not in _PARTICLES for w in words)


_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:%s))" % "|".join(sorted(_PARTICLES))
# 'the (southern, Sicilian) city of <Name>[, <State>]': any words, a lowercase place noun, 'of', a name.
_OF_APPOSITION = re.compile(r"^(?:\S+\s+)*?(?P<noun>[a-z]+)\s+of\s+(?P<name>[A-Z][\w.'’-]*(?:\s+%s)*(?:\s*,.*)?)$" % _NAME_WORD)
# '<Name> province', "<Country>'s <Name> island": a name, then a lowercase place noun ending the phrase.
_NOUN_APPOSITION = re.compile(r"^(?:.*[’']s\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+%s)*)\s+(?P<noun>[a-z]+)$" % _NAME_WORD)


_INDEFINITE = re.compile(r"\b(?:a|an|one|another)\s", re.I)


@functools.lru_cache(maxsize=NAME_MEMO)
def place_apposition(text: str) -> str:
    """The name of the place a mention names with a kind noun in apposition ('' when none): 'in the
    city of <Name>' and 'the southern resort of <Name>' are '<Name>', '<Name> province' and "<Country>'s
    <Name> island" are '<Name>'. Why: English joins a kind noun and a place's name into one phrase
    either way (the 'of' of 'the city of Rome' is appositive), and news style writes the noun after
    a name in lowercase when it is not part of the official name; read as a common noun, five
    '<Name> province' mentions were one 'province'. 'a district of <City>' is a part of the city
    (an indefinite is partitive), a nationality before the noun ('the Greek island') is no name,
    nor a function word ('This city')."""
    cleaned = clean_name(text)
    found = _OF_APPOSITION.match(cleaned)
    if found and found.group("noun") in APPOSITIVE_PLACE_NOUNS:
        before = text[: text.rfind(found.group("noun") + " of")]
        inner = any(w in FUNCTION_WORDS and w != "the" for w in cleaned[: found.start("noun")].split())
        # ('the villages on the island of <Name>': the place noun is in a post-modifier, not the head)
        return "" if inner or _INDEFINITE.search(before) else np_core(found.group("name"))
    found = _NOUN_APPOSITION.match(cleaned)
    if not found or found.group("noun") not in APPOSITIVE_PLACE_NOUNS:
        return ""
    name = found.group("name")
    if geo.country_of_adjective(name) or any(w.lower() in FUNCTION_WORDS for w in name.split()):
        return ""
    if found.group("noun") == "city" and geo.country_named(name):
        return ""  # 'Panama city', 'Kuwait city': a capital named after its country, not the country
    return name


# A preposition a headline or a sentence start capitalised, taken into a place's mention ('In
# <Town>', 'IN <TOWN>', 'Of <Name> Center' in a title-case headline).
_CAPITAL_PREPOSITION = re.compile(r"^(?:In|At|On|From|Into|Near|Of|By|IN|AT|ON|FROM|INTO|NEAR|OF|BY)\s+(?=[A-Z])")


def without_capital_preposition(name: str) -> str:
    """A place's name without a capitalised preposition taken in before it ('In <Town>' -> '<Town>').
    Why only places: a capitalised preposition also begins titles of works ('In Cold Blood', 'To
    Kill a Bird'), which ``nlp.names.clean_name`` keeps whole; a place's name seldom begins so."""
    return _CAPITAL_PREPOSITION.sub("", name)
