"""Name normalisation and matching: spelling variants and transliterations of one name.

Why hand-written: rapidfuzz scores string similarity but knows nothing of the regular ways one
foreign name is romanised differently (Sergey/Sergei, Dmitriy/Dmitry, Tskhinvali/Tskhinval,
diacritics, doubled letters). ``translit_key`` folds those generic differences; rapidfuzz then
handles the remaining small typos. Different names given in the text as equivalent are aliases,
handled elsewhere, never guessed here.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable

from nicknames import NickNamer
from rapidfuzz import fuzz

from dossier.lang import en
from dossier.nlp.gender import is_given_name

logger = logging.getLogger(__name__)

# Entries each name memo below keeps (``functools.lru_cache``). Resolution asks them millions of
# times over a few tens of thousands of distinct names; at 65,536 entries they held 44 MB at 10,000
# generated pages (about 200 bytes an entry) and kept growing with the corpus up to there. A name
# recurs mostly within its page and among the most written names, which this many entries still hold.
NAME_MEMO = 8192

_APOS = "'’‘`"  # '‘' too: a left quote typed for an apostrophe ("<Name>‘s")
# Leading articles, and prepositions a mention boundary sometimes takes in ('in the Gulf of Aden').
_LEADING_PREP = re.compile(r"^(?:in|at|on|from|into|near|of|to|for|with|by|via|outside|inside|toward|towards|across|through|around)\s+(?=the\s|[A-Z])")
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
# Generational suffixes are not the surname ('Arcade Joseph Comeaux Jr' -> surname 'Comeaux'), but
# they tell a father from his son: they stay in the spelling key and must agree between two names.
# Roman numerals count too: after two or more name words ('World War II' keeps its key either way).
_SUFFIXES = frozenset("jr sr ii iii iv".split())
GENERATIONS = tuple(sorted(_SUFFIXES))  # the generational suffixes, for look-ups by key
_POSSESSIVE = re.compile(rf"[{_APOS}]s?$")
# Honorifics and courtesy titles that prefix a person's name but are not part of it.
_HONORIFICS = en.HONORIFICS | en.TITLES_OF_ADDRESS


# A spaced dash ends a name: 'NAIROBI - Kenyan' is a dateline run into the next words.
_SPACED_DASH = re.compile(r"\s[-–—]+\s")
# ... but a hyphen spaced by the tokeniser inside a compound ('co - workers', '61 - year - old',
# 'hit - and - run'), between a whole lowercase word or a number and a lowercase word, joins its
# word; after a capitalised word it is a dash ('<Name> - while'), as news writes one in ASCII.
_SPACED_HYPHEN = re.compile(r"(?<![\w'’-])([a-z]+|\d+) - (?=[a-z])")
# The Arabic article written attached with a hyphen ('al-Assad', 'el-Assad', 'El-Baradei'): romanised
# either way, so it is left out of the spelling key.
_ARTICLE_PARTICLE = re.compile(r"(?<![\w'’])(?:a|e)[ln][-‑](?=\w)", re.I)
# Lowercase words that may stand inside a proper name ('Bank of England', 'Osama bin Laden').
_NAME_PARTICLES = frozenset(
    """of the and for on in at to upon de da del della der den di do dos das du des la le van von
    bin ibn bint al el ul ud y e et zu ter ten st""".split()
)
_COUNTRYISH = re.compile(r"^[A-Z][\w.]*(?:\s[A-Z][\w.]*)*$")


_DASH_NUMBER = re.compile(r"[–—](?=\d)")


@functools.lru_cache(maxsize=NAME_MEMO)
def clean_name(text: str) -> str:
    """Surface form -> display name: trims articles, possessives, quotes, editors' brackets, a number
    run in after a dash and line breaks. Memoized:
    entity resolution asks it several times for every mention of every page."""
    s = " ".join(text.replace("\n", " ").split())
    s = _SPACED_DASH.split(_SPACED_HYPHEN.sub(r"\1-", s))[0]
    s = _DASH_NUMBER.split(s)[0]  # '<Name>—35': a tally or score run into the name
    s = s.replace("[", "").replace("]", "")  # an editor's bracket inside a quote: '[<Given>] <Surname>'
    s = s.strip(" \t\"“”‘’'.,;:()[]-–—")
    s = _LEADING.sub("", _LEADING_PREP.sub("", s))
    s = _POSSESSIVE.sub("", s)
    return s.strip(" \"“”‘’'.,;:()[]-–—")


@functools.lru_cache(maxsize=NAME_MEMO)
def fold(text: str) -> str:
    """Lowercase ASCII letters, digits and spaces only (diacritics removed)."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(rf"[{_APOS}]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


@functools.lru_cache(maxsize=NAME_MEMO)
def translit_word(word: str) -> str:
    """Fold the regular romanisation variants of one word.

    ey/ei -> e + i, y -> i, doubled letters -> one, a final -i/-iy/-ii dropped, so that
    Sergey/Sergei, Dmitriy/Dmitry/Dmitri and Tskhinvali/Tskhinval share a key.
    """
    w = word.replace("y", "i")
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 4 and w.endswith("i"):
        w = w[:-1]
    return w


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name with honorifics, hyphenated al-/el- articles and a generational
    suffix ('Jr', 'III') removed; the suffix is kept apart by ``generation``."""
    return list(_split_name(name)[0])


def generation(name: str) -> str:
    """The generational suffix of a name ('jr', 'sr', 'ii', ...) or '' ('Smith Jr' -> 'jr')."""
    return _split_name(name)[1]


def other_generation(query: str, name: str) -> bool:
    """``query`` asks for a generation ``name`` is not: 'X Jr.' asked is not his father 'X', nor
    'X Sr.'; a bare 'X' asked may still be 'X Jr.' (people drop the suffix)."""
    return bool(generation(query)) and generation(query) != generation(name)


# A nickname in quotes or brackets between given name and surname ('<Given> "The <Nick>" <Surname>',
# '<Given> (<Nick>) <Surname>') is no part of the name's words: it is matched by ``goes_by``.
_INNER_NICKNAME = re.compile(r"(?<=\S)\s+[\"“‘'(][^\"“”‘’()]{1,30}[\"”’')]\s+(?=\S)")


@functools.lru_cache(maxsize=NAME_MEMO)
def _split_name(name: str) -> tuple[tuple[str, ...], str]:
    """(name words, generational suffix): memoized, every comparison of two names needs both."""
    toks = fold(_ARTICLE_PARTICLE.sub("", _INNER_NICKNAME.sub(" ", name))).split()
    gen = ""
    if len(toks) >= 2 and toks[-1] in _SUFFIXES:
        gen = toks[-1]
        toks = toks[:-1]
    kept = [t for t in toks if t not in _HONORIFICS] or toks
    return tuple(kept), gen


@functools.lru_cache(maxsize=NAME_MEMO)
def translit_key(name: str) -> str:
    """The spelling-insensitive key of a whole name (a generational suffix stays in it)."""
    toks, gen = _split_name(name)
    return " ".join([translit_word(t) for t in toks] + ([gen] if gen else []))


@functools.lru_cache(maxsize=4 * NAME_MEMO)  # pairs of words
def word_match(a: str, b: str) -> bool:
    """Two name words are the same word up to romanisation (and a small typo in long words)."""
    ka, kb = translit_word(a), translit_word(b)
    if ka == kb:
        return True
    # A typo in a long word, but not a different ending (Ivanov / Ivanova are two surnames).
    return min(len(ka), len(kb)) >= 6 and ka[-1] == kb[-1] and fuzz.ratio(ka, kb) >= 85


def _part_compatible(x: str, y: str) -> bool:
    """One given or middle name against another: same word up to spelling, its initial, or a
    nickname of it."""
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return same_given_word(x, y)


def same_given_word(x: str, y: str) -> bool:
    """Two spelled-out given names are one: the same word up to spelling, a nickname or a clipped
    form of the other (an initial is not read here: it fits any name it begins)."""
    return word_match(x, y) or nickname_of(x, y) or clipped_of(x, y)


@functools.cache
def _nickname_lookup() -> dict[str, set[str]]:
    """The ``nicknames`` package's table (given name -> its nicknames), read once."""
    return dict(NickNamer().nickname_lookup)


@functools.cache
def _nickname_pairs() -> frozenset[tuple[str, str]]:
    """(given name, nickname) and (nickname, given name) pairs of English given names, from the
    hand-curated list of the ``nicknames`` package (Apache-2.0, 1,151 names): 'Bill' / 'William',
    'Bob' / 'Robert', 'Fred' / 'Frederick', 'Margaret' / 'Peggy'. Why a library: nicknames are
    lexical facts ('Peggy' / 'Margaret'), not a spelling rule."""
    lookup = _nickname_lookup()
    # The list also relates nicknames of one name to each other ('bill' / 'will', 'bill' / 'fred'):
    # a nickname is shorter than the name it stands for, so only those pairs are kept.
    pairs = {(given, nick) for given, nicks in lookup.items() for nick in nicks if len(nick) < len(given)}
    return frozenset(pairs | {(b, a) for a, b in pairs})


@functools.cache
def _given_names() -> frozenset[str]:
    """Every English given name and nickname the ``nicknames`` package lists (folded)."""
    lookup = _nickname_lookup()
    return frozenset(fold(w) for given, nicks in lookup.items() for w in (given, *nicks))


def known_given_name(word: str) -> bool:
    """``word`` is an English given name or nickname ('Ann', 'Lee'), by the ``nicknames`` list:
    a word it lacks may still be one (the list is English and finite)."""
    return fold(word) in _given_names()


def nickname_of(x: str, y: str) -> bool:
    """One given name is a nickname of the other ('bill' / 'william'). Two nicknames of one name
    ('bill' / 'will') are not taken for each other: they may be two people, and the list is not
    transitive. A lookup, not a rule on spelling: a clipped stem ('Don') may start a name of its own
    ('Donna')."""
    return (fold(x), fold(y)) in _nickname_pairs()


def clipped_of(x: str, y: str) -> bool:
    """One given name is the other clipped to its start, a form no list has ('Stan' / 'Stanley'): the
    shorter has three letters or more, begins the longer, which the dictionary knows as a given name,
    and is no known given name itself (a known one may be a name of its own: 'Don' beside 'Donna').
    Why a rule: clipping is how English makes most short forms, and the nickname list is finite."""
    a, b = sorted((fold(x), fold(y)), key=len)
    return (len(a) >= 3 and len(b) > len(a) and b.startswith(a) and not known_given_name(a)
            and is_given_name(b.capitalize()))


def _goes_by_middle(a: list[str], b: list[str]) -> bool:
    """'<Initial>. <Given> <Surname>' / '<Given> <Surname>': a first initial before a spelled given name, and the other
    name starts with that given name (people known by their middle name: the initial is dropped)."""
    return len(a) >= 2 and len(a[0]) == 1 and len(a[1]) > 1 and len(b[0]) > 1 and word_match(a[1], b[0])


def first_names_compatible(a: list[str], b: list[str]) -> bool:
    """Given-name parts agree: the first names, and the first middle names when both give one
    ('George W.' vs 'George H. W.' are two people; 'Anthony D.' vs 'Anthony' may be one)."""
    if not a or not b:
        return True
    if _goes_by_middle(a, b) or _goes_by_middle(b, a):
        return True
    if not _part_compatible(a[0], b[0]):
        return False
    return not (a[1:] and b[1:]) or _part_compatible(a[1], b[1])


def extends_name(short: str, long: str) -> bool:
    """``long`` is ``short`` with more name parts: same first name, and every word of ``short``
    found in order in ``long`` ('John Maynard' -> 'John Maynard Keynes', 'Hassan al-Turabi' ->
    'Hassan Abdallah al-Turabi'). Needs two words in ``short`` so a bare name never extends."""
    ts, tl = name_tokens(short), name_tokens(long)
    if len(ts) < 2 or len(tl) <= len(ts) or not word_match(ts[0], tl[0]) or generation(short) != generation(long):
        return False
    if len(ts) > 2 and len(ts[1]) == 1 and not _part_compatible(ts[1], tl[1]):
        return False  # 'George W. Smith' is not extended by 'George H. W. Smith': another middle initial
    i = 1
    for w in ts[1:]:
        while i < len(tl) and not word_match(w, tl[i]):
            i += 1
        if i == len(tl):
            return False
        i += 1
    return True


def coordination(text: str) -> tuple[str, str] | None:
    """'Merkel and Macron' -> ('Merkel', 'Macron'): a mention that joins two names is two mentions, not one
    name. Only capitalised parts count ('Ministry of Water and Energy' has a lowercase head word
    before 'and' and is left alone by the caller's checks)."""
    m = re.match(r"^(.+?)\s+(?:and|&)\s+(.+)$", clean_name(text))
    if not m:
        return None
    a, b = m.group(1).strip(), m.group(2).strip()
    if not (_COUNTRYISH.match(a) and _COUNTRYISH.match(b)) or fold(a) == fold(b):
        return None
    return a, b


@functools.lru_cache(maxsize=NAME_MEMO)
def malformed(text: str) -> bool:
    """Mention text that is not a usable name: NER noise such as two names glued by a hyphen
    ('France-Germany'), a dangling hyphen ('Chile- One'), mostly digits, a lowercase word
    that is no name particle ('Danube bridge'), or a handle among other words."""
    s = clean_name(text)
    if not s:
        return True
    if re.search(r"\w-\s|\s-\w", s):
        return True
    digits = sum(c.isdigit() for c in s)
    letters = sum(c.isalpha() for c in s)
    if digits and digits >= letters:
        return True
    for w in s.split():
        if w[:1].isalpha() and w[:1].islower() and w.lower() not in _NAME_PARTICLES and "-" not in w:
            return True
        if w.startswith("@") and " " in s:
            return True  # a handle beside other words ('<Platform> @handle' in a byline); alone it names someone
    return False


def joined_names(text: str, is_name: Callable[[str], bool]) -> bool:
    """Two names run together with a hyphen or a slash, each a name on its own ('United
    States-Mexico', 'France-Germany', a joint poll '<Paper>/<Network> News'): a relation between
    two things, not a third thing. 'al-Assad' and 'El-Baradei' are one name (the left part is an
    article)."""
    s = clean_name(text)
    parts = re.split(r"(?<=[A-Za-z])(?:-|\s*/\s*)(?=[A-Z])", s)
    if len(parts) != 2 or not parts[0].split():
        return False
    left_word = parts[0].split()[-1]
    if not left_word[:1].isupper() or left_word.lower() in _NAME_PARTICLES or len(left_word) < 3:
        return False
    return all(is_name(p) for p in parts)


def same_person_name(a: str, b: str) -> bool:
    """Two full person names denote the same name: same surname and compatible first names, or
    the one name the other says its person goes by.

    'Jane Smith' vs 'John Smith' -> False (namesakes); 'Sergey Ivanov' vs 'Sergei Ivanov' -> True;
    'John Smith Jr.' vs 'John Smith' -> False (father and son).
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or generation(a) != generation(b):
        return False
    if not word_match(ta[-1], tb[-1]):
        return spaced_surname(ta, tb) or spaced_surname(tb, ta)
    if goes_by(a, tb) or goes_by(b, ta):
        return True
    return first_names_compatible(ta[:-1], tb[:-1])


def spaced_surname(a: list[str], b: list[str]) -> bool:
    """Name tokens ``a`` end in a surname written as two words that ``b`` writes as one ('<Given> Del
    <Surname>' / '<Given> Del<Surname>', 'Mac Donald' / 'MacDonald'), with compatible given names:
    outlets space a particle differently. Both must be full names (a given name on each side)."""
    return len(a) >= 3 and len(b) >= 2 and a[-2] + a[-1] == b[-1] and first_names_compatible(a[:-2], b[:-1])


def joined_surname_key(name: str) -> str | None:
    """The block key a name with a two-word surname shares with the spelling that writes it as one
    word (``spaced_surname``): its last two words run together; None for a name of two words."""
    toks = name_tokens(name)
    return translit_word(toks[-2] + toks[-1]) if len(toks) >= 3 else None


# A quoted or bracketed word inside a name, after an optional article ('"The <Nick>"')
_NICKNAME = re.compile(r"[\"“(]\s*(?:[Tt]he\s+)?([A-Z][\w.'’-]*)\s*[\"”)]|(?<=\s)['‘](?:[Tt]he\s+)?([A-Z][\w.-]*)['’](?=\s)")


def declared_nickname(full: str) -> str | None:
    """The one word a full name declares its person goes by: '<Given> "<Nick>" <Surname>',
    '<Given> (<Nick>) <Surname>', '<Given> 'The <Nick>' <Surname>' (the article is the epithet's, not
    the name's)."""
    nick = _NICKNAME.search(full)
    return (nick.group(1) or nick.group(2)) if nick else None


def goes_by(full: str, other: list[str]) -> bool:
    """The full name declares a one-word name its person goes by (``declared_nickname``), and the
    other name is that word before the same surname."""
    word = declared_nickname(full)
    return bool(word) and len(other) == 2 and word_match(fold(word or ""), other[0])


@functools.cache
def direction_keys() -> frozenset[str]:
    """``en.DIRECTION_WORDS`` folded as name keys are ('upper' -> 'uper')."""
    return frozenset(translit_word(w) for w in en.DIRECTION_WORDS)


def same_name(a: str, b: str) -> bool:
    """Two non-person names are spelling variants of one another (whole-string comparison)."""
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) == len(wb) and any(x != y and {x, y} & direction_keys() for x, y in zip(wa, wb)):
        return False  # 'Middle West' / 'Middle East': another part of the world, not a typo
    return min(len(ka), len(kb)) >= 7 and fuzz.ratio(ka, kb) >= 90


def surname(name: str) -> str:
    """Last folded token of a person name ('' when empty)."""
    toks = name_tokens(name)
    return toks[-1] if toks else ""


def similarity(query: str, name: str) -> float:
    """0..100 score of how well ``query`` names ``name`` (for look-ups, best first)."""
    kq, kn = translit_key(query), translit_key(name)
    if not kq or not kn:
        return 0.0
    if other_generation(query, name):
        return 0.0
    if kq == kn:
        return 100.0
    qt, nt = kq.split(), kn.split()
    if all(any(q == n for n in nt) for q in qt):
        return 95.0 - 2 * (len(nt) - len(qt))  # every query word is a word of the name
    score = fuzz.ratio(kq, kn)
    if min(len(kq), len(kn)) < 6:  # short names: one letter more or less is another name
        score = min(score, 70.0)
    return float(score)
