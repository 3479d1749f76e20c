"""Mentions that are not names: common nouns ('the actress', 'two hospitals') and pronouns.

Why hand-written: the resolver sees mention strings, not a parse, and spaCy's lemmatiser needs the
loaded pipeline. The head of an English noun phrase is its last word before a post-modifier
('the president of the company' -> 'president'); a crude plural fold is enough to compare heads.
Within one story, noun phrases with the same head mostly name the same thing; pronouns point back
to the nearest earlier mention they agree with. Some noun phrases name nothing (``non_referential``):
a predicate nominal says what its subject is ('<Name> was a lawyer') and a quantified phrase ranges
over individuals ('every user'); neither joins another mention of its head.
"""

from __future__ import annotations

import logging
import re

from dossier.lang.en import (
    COPULAS,
    CURRENCY_MARKERS,
    NUMBER_SCALES,
    NUMBER_WORDS,
    QUANTIFIER_DETERMINERS,
    QUANTIFIER_PRONOUNS,
    VAGUE_QUANTIFIERS,
    us_spelling,
)

logger = logging.getLogger(__name__)

# Words that start a post-modifier: the head is the word before them.
POSTMODIFIERS = frozenset(
    """of in at on for from with by who whom whose which that near to after during between under over
    about into outside inside behind across since when where""".split()
)
_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "people", "feet": "foot"}
_DETERMINERS = frozenset("a an the this that these those his her its their our my your some any".split())

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
GROUP_PRONOUNS = frozenset("they them their theirs themselves we us our ours ourselves".split())
# English nouns that carry a gender ('the mother ... she') or stand for a group ('the police ...
# they'): grammar of the language, not of any story.
MALE_NOUNS = frozenset(
    """man boy father son brother husband uncle nephew grandfather grandson king prince actor
    businessman chairman congressman spokesman sportsman gentleman policeman fireman boyfriend""".split()
)
FEMALE_NOUNS = frozenset(
    """woman girl mother daughter sister wife aunt niece grandmother granddaughter queen princess
    actress businesswoman chairwoman congresswoman spokeswoman sportswoman lady policewoman mom mum
    girlfriend widow""".split()
)
GROUP_NOUNS = frozenset(
    """police family team government company firm administration army navy crew staff committee
    board council jury public audience crowd group band club party couple caucus campaign senate
    congress parliament assembly court panel union agency ministry department commission
    coalition""".split()
)  # a group or a body: never one person ('the caucus' does not describe its leader)


def singular(word: str) -> str:
    """A crude English plural fold: 'hospitals' -> 'hospital', 'cities' -> 'city'."""
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:ches|shes|sses|xes|zes)$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not re.search(r"(?:ss|us|is)$", w):
        return w[:-1]
    return w


def head_lemma(text: str) -> str:
    """The head word of a noun phrase, lowercased ('' when there is none). Number stays as written:
    on coreference data 'the woman' and 'women' are mostly different referents, so plurals are not
    folded. A phrase without words ('31-24', '5.9') is its own last token."""
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", text.replace("’", "'"))
    head = ""
    for i, w in enumerate(words):
        if i > 0 and w.lower() in POSTMODIFIERS:
            break
        if w.lower() not in _DETERMINERS:
            head = w
    if not head:
        toks = text.split()
        return toks[-1].strip("'’\"").lower() if toks else ""
    return us_spelling(head.lower())  # 'jewellery' / 'jewelry': one head written two ways


# A quantity or an order in a noun phrase tells its referent apart from others with the same head
# ('23 points' / '14 points', 'two people' / 'three people', 'the first quake' / 'the second quake').
_QUANTITY = re.compile(
    r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|"
    r"hundreds|thousand|thousands|million|millions|billion|billions|first|second|third|fourth|fifth)\b",
    re.IGNORECASE,
)


# An age ('a 61-year-old man', 'the two-month-old girl') says how old the referent is, not how many
# there are: 'the man' later in the page is the same man.
_AGE = re.compile(r"\b[\w.,]+[-\s]+(?:year|month|week|day)s?[-\s]+old\b", re.IGNORECASE)


def quantity_key(text: str) -> str:
    """The numbers and ordinals of a noun phrase as a key suffix ('' when it has none): noun phrases
    with one head but different quantities are different referents. An age is no quantity."""
    nums = [n.replace(",", "").lower() for n in _QUANTITY.findall(_AGE.sub(" ", text))]
    return "#" + "/".join(nums) if nums else ""


_AMOUNT_TOKEN = re.compile(r"(?:us|hk|[acs])\$|[$€£¥₽₹]|\d[\d,]*(?:\.\d+)?[a-z]*|[a-z]+")
_APPROXIMATELY = frozenset("over about around nearly almost roughly some an estimated more less than up to".split())


def amount_key(surface: str) -> str:
    """A money amount as its currency and value ('USD:1.84e+08' for '$184 million', '$184M',
    '184 million dollars'; 'EUR:2e+06' for '2m euros', '€2 million', 'two million euros'), '' for
    any other phrase: pages write one sum in several ways, and its words are no head to key it by.
    An approximation before it ('nearly $2m') is left out; a currency must be written."""
    text = re.sub(r"(\d)\s*([.,])\s*(\d)", r"\1\2\3", surface.lower())  # '2 . 6' as tokenised
    toks = _AMOUNT_TOKEN.findall(text)
    while toks and toks[0] in _APPROXIMATELY:
        toks = toks[1:]
    currency, total, current, seen = "", 0.0, 0.0, False
    for tok in toks:
        number = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)([a-z]*)", tok)
        if tok in CURRENCY_MARKERS:
            currency = currency or CURRENCY_MARKERS[tok]
        elif number and (not number.group(2) or number.group(2) in NUMBER_SCALES):
            current += float(number.group(1).replace(",", "")) * NUMBER_SCALES.get(number.group(2), 1.0)
            seen = True
        elif tok in NUMBER_WORDS and tok not in ("a", "an"):
            current, seen = current + NUMBER_WORDS[tok], True
        elif tok in NUMBER_SCALES and seen and NUMBER_SCALES[tok] < 1e3:
            current *= NUMBER_SCALES[tok]  # 'two hundred thousand'
        elif tok in NUMBER_SCALES and seen:
            total, current = total + (current or 1.0) * NUMBER_SCALES[tok], 0.0
        else:
            return ""  # a word no amount has: '$300,000 in cash' is the cash
    return f"{currency}:{total + current:.6g}" if seen and currency else ""


FIRST_PERSON = frozenset("i me my mine myself".split())


def _glued_word(text: str) -> str:
    """A token's word without the quote marks around it or a clitic after it ('"I', "she's" -> 'i',
    'she'), lowercased."""
    return re.split(r"['’]", text.strip("\"'`“”‘’ "), maxsplit=1)[0].lower()


def first_person(text: str) -> bool:
    """A first-person singular pronoun, a quote mark or a clitic glued on ('"I', "I'm", 'my')."""
    return _glued_word(text) in FIRST_PERSON


def bare_pronoun(text: str) -> str:
    """The personal pronoun of a token with a quote mark or a clitic glued on ('"He', "she's",
    "he'd" -> 'he', 'she', 'he'), or '' when it is none: some tokenisers leave contractions whole,
    and the pronoun inside still refers. Only he/she: "it's" is mostly the expletive ('it's
    official') and "they're", "we're" mostly generic (on ECB+ taking them in lost 0.0009)."""
    word = _glued_word(text)
    return word if word in PERSON_PRONOUNS and " " not in text.strip() else ""


def is_pronoun(text: str) -> bool:
    w = text.strip().lower()
    return w in PERSON_PRONOUNS or w in THING_PRONOUNS or w in GROUP_PRONOUNS


def pronoun_fits(pronoun: str, entity_type: str, plural: bool = False) -> bool:
    """Agreement between a pronoun and a candidate antecedent: 'she' wants a person, 'it' a
    non-person thing, 'they' a group (an organisation, a government, a plural noun)."""
    w = pronoun.strip().lower()
    if w in PERSON_PRONOUNS:
        return entity_type == "person" and not plural
    if w in THING_PRONOUNS:
        return entity_type != "person" and not plural
    return plural or entity_type in ("org", "gov")


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PREDICATE_WORD = re.compile(r"[A-Za-z0-9-]+")
_NOT_IN_PREDICATE = frozenset("and or not n't to also being been".split())


def predicate_nominal(text: str, start: int, surface: str, label: str = "") -> bool:
    """An indefinite noun phrase after a copula ('<Name> was a senior lawyer', up to four words from
    'a' to the head) or a bare one right after it ('she became president'): it ascribes a property to
    the subject and refers to no entity of its own, so it joins no other mention of its head (as in
    OntoNotes; on ECB+ most are gold singletons, and linking them to the subject instead was wrong 44
    times of 62). Left alone: a definite predicate ('<Name> is the new host', which may state an
    identity), a locative ('was in prison'; a place noun: 'were home'), a passive or a progressive
    ('had been seen throwing bottles'), an existential subject ('there were protesters'), and a
    copula not written in lowercase ('2:30 AM A <Town> woman'). ``label``: the mention's entity label."""
    words = surface.lower().split()
    if not words or words[0] in POSTMODIFIERS or label in _PLACE_LABELS:
        return False
    before = text[max(0, start - 80) : start].split()[-6:]
    for i in range(len(before) - 1, max(-1, len(before) - 6), -1):
        if before[i] in COPULAS:  # as written: 'AM' (a time) and a capitalised 'Is' (a question) are none
            break
        if not _PREDICATE_WORD.fullmatch(before[i]):
            return False
    else:
        return False
    if i > 0 and before[i - 1].lower() == "there":
        return False  # 'there were protesters': an existential introduces a referent
    between = [w.lower() for w in before[i + 1 :]] + words[:-1]
    if not between:
        return True  # 'became president'
    if between[0] not in ("a", "an"):
        return False  # 'was seen throwing bottles', 'was the new host' (an identity may be stated)
    return not any(w in POSTMODIFIERS or w in _NOT_IN_PREDICATE for w in between)  # 'was a way to'


_DEMONSTRATIVES = frozenset("the this that these those".split())
# Determiners that make a vaguely quantified phrase definite ('the many fans', 'her several clinics').
_DETERMINERS = _DEMONSTRATIVES | frozenset("his her their its our my your".split())


def quantified(text: str, start: int, surface: str) -> bool:
    """A quantified noun phrase ('every user', 'no gun', 'any attacker', the quantifier also written
    before a mention span that leaves it out) or a quantifier pronoun ('anyone', 'nobody'): it ranges
    over individuals and names none, so it joins no other mention of its head ('anybody else' said
    three times is no one person). A vague quantifier ('many users', 'several villages', 'a few
    officers') picks an unspecified part of a set, which another page's 'several villages' is not
    shown to be; with a determiner before it ('the many fans') the phrase is definite and refers.
    On ECB+: +0.0009 (odd +0.0006, even +0.0010; 5 topics up, 2 down)."""
    words = re.findall(r"[a-z]+", surface.lower())
    if not words:
        return False
    if words[0] in QUANTIFIER_PRONOUNS or words[0] in QUANTIFIER_DETERMINERS:
        return True
    before = [w.lower() for w in re.findall(r"[A-Za-z]+|[^\sA-Za-z]", text[max(0, start - 25) : start])]
    if len(words) > 1 and words[0] in VAGUE_QUANTIFIERS:
        return not before or before[-1] not in _DETERMINERS  # 'several villages', not 'the many fans'
    if before and before[-1] in VAGUE_QUANTIFIERS and words[0] not in _DEMONSTRATIVES:
        return len(before) < 2 or before[-2] not in _DETERMINERS  # 'many [users]', 'a few [officers]'
    return bool(before) and before[-1] in QUANTIFIER_DETERMINERS and words[0] not in _DEMONSTRATIVES


def non_referential(text: str, start: int, surface: str, label: str = "") -> bool:
    """A noun phrase that refers to no entity of its own: a predicate nominal or a quantified phrase.
    It joins no other mention of its head and is no pronoun's antecedent."""
    return predicate_nominal(text, start, surface, label) or quantified(text, start, surface)
