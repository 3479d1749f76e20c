"""Step 3 of resolution: names that are not persons -> clusters by spelling-insensitive key, short
forms and acronyms of exactly one longer name; the type is voted from labels and text cues."""

from __future__ import annotations

import logging
from sys import intern
import re
from collections import Counter, defaultdict
from collections.abc import Callable

from dossier.lang.en import LEGAL_FORMS, PLACE_NOUNS, STREET_ABBREVIATIONS
from dossier.model import EntityType
from dossier.lang import geo
from dossier.nlp.names import direction_keys, fold, same_name, translit_key, translit_word
from dossier.resolve.observe import LABEL_TYPE, POINTERS, MentionKey, Obs
from dossier.resolve.context import ends_in_legal_form, used_as_medium
from dossier.resolve.unionfind import UnionFind

logger = logging.getLogger(__name__)

def name_labels(obs: list[Obs], taken: dict[MentionKey, str]) -> dict[MentionKey, str]:
    """Cluster labels for the remaining names: spelling-insensitive key, fuzzy key merges, written
    variants (org suffixes, spacing, initialisms), then short forms and acronyms. Labels interned
    (one string per cluster: see ``persons.person_labels``)."""
    rest = [o for o in obs if o.key not in taken and o.kind not in ("gov", "common", "pron")]
    keys = sorted({translit_key(o.name) for o in rest} - {""})
    uf = UnionFind()
    for a in keys:
        uf.find(a)
    _fuzzy_unions(keys, uf)
    _variant_unions(keys, uf)
    place_votes: dict[str, Counter[bool]] = defaultdict(Counter)
    doc_keys: dict[str, set[str]] = defaultdict(set)
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    written: dict[str, set[str]] = defaultdict(set)
    abbreviated: set[str] = set()  # names with a word that is an abbreviation itself ('<Place> GOP')
    for o in rest:
        k = translit_key(o.name)
        written[k].add(fold(o.name))
        if _ABBREVIATED_WORD.search(o.name) and any(c.islower() for c in o.name):  # not a dateline's capitals
            abbreviated.add(k)
        place_votes[k][o.mention.label in ("GPE", "LOC") or o.place] += 1
        doc_keys[o.key[0]].add(k)
        label_votes[k][o.mention.label] += 1
    labels_of = {k: v.most_common(1)[0][0] for k, v in label_votes.items()}
    def listed(k: str) -> bool:  # asked only of a short form and the one name it would join
        return any(geo.known_place(f) for f in written.get(k, ()))

    def place_led(k: str, n: int) -> bool:  # '<Gazetteer place> <n words>' as written
        return any(len(w := f.split()) > n and _place_led_body(w, w[-n:]) for f in written.get(k, ()))

    _short_forms(keys, uf, {k for k, v in place_votes.items() if v[True] > v[False]}, labels_of, listed, place_led)
    _acronyms(keys, uf, doc_keys, labels_of, written, abbreviated)
    labels = {}
    for o in rest:
        k = translit_key(o.name)
        if k:
            labels[o.key] = intern("name:" + uf.find(k))
    return labels


_NUMBER = re.compile(r"\d+")
# A Roman numeral ending a name ('World War II', 'Super Bowl XLIX'): a number, like digits. One letter
# only as 'i', 'v' or 'x' ('Vitamin C' is a letter).
_ROMAN = re.compile(r"(?=[mdclxvi]{2,}$)m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})|[ivx]")


def _numbers(key: str) -> list[str]:
    """The numbers a name key holds: its digits, and a Roman numeral that is its last word."""
    toks = key.split()
    roman = [toks[-1]] if len(toks) > 1 and _ROMAN.fullmatch(toks[-1]) else []
    return _NUMBER.findall(key) + roman


def _fuzzy_unions(keys: list[str], uf: UnionFind) -> None:
    """Spelling variants ('same_name'), compared only within blocks that share the first or the
    last two letters (a typo rarely hits both ends), so the cost is not quadratic in all names.
    A number in a name identifies (a model, a mission, a version): names whose numbers differ are
    never spelling variants of each other ('<Product> 8' / '<Product> 9')."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        blocks["<" + k[:2]].append(k)
        blocks[">" + k[-2:]].append(k)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if abs(len(a) - len(b)) <= 3 and uf.find(a) != uf.find(b) and _numbers(a) == _numbers(b) \
                        and same_name(a, b):
                    uf.union(a, b)


# Legal-form and web suffixes that do not change which organisation is meant.
_ORG_SUFFIXES = LEGAL_FORMS | frozenset("co ag sa com org net".split())


def variant_key(key: str) -> str:
    """A name key without org suffixes, spaces or hyphens, its street noun written out: 'tal gras
    distributors ltd' and 'talgras distributors', 'i b m' and 'ibm', 'people com' and 'people',
    '<name> ave' and '<name> avenue' share it."""
    toks = key.split()
    while len(toks) > 1 and toks[-1] in _ORG_SUFFIXES:
        toks = toks[:-1]
    if len(toks) > 1:
        toks[-1] = STREET_ABBREVIATIONS.get(toks[-1], toks[-1])
    return "".join(toks)


def _variant_unions(keys: list[str], uf: UnionFind) -> None:
    by_variant: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        v = variant_key(k)
        if len(v) >= 3:
            by_variant[v].append(k)
    for group in by_variant.values():
        for k in group[1:]:
            uf.union(group[0], k)


_INITIAL_SKIP = frozenset("of and for the de du la le des on in at to".split())


def initials(key: str) -> set[str]:
    """The acronyms a multi-word name may be written as: every word's initial, or the initials of
    its content words ('academy of motion picture arts and sciences' -> 'aompaas', 'ampas')."""
    toks = [t for t in key.split() if t not in _ORG_SUFFIXES] or key.split()
    if len(toks) < 2:
        return set()
    return {"".join(t[0] for t in toks), "".join(t[0] for t in toks if t not in _INITIAL_SKIP)}


# A word of capitals (and periods) that is an abbreviation itself: 'GOP', 'U.S.'.
_ABBREVIATED_WORD = re.compile(r"(?<![\w.])(?:[A-Z]\.?){2,}(?![\w.])")


def _acronyms(keys: list[str], uf: UnionFind, doc_keys: dict[str, set[str]], labels_of: dict[str, str],
              written: dict[str, set[str]] | None = None, abbreviated: set[str] | None = None) -> None:
    """An acronym ('ap', 'i b m') is the long name whose initials it spells: the one long name in
    the same documents when there is one there (one page gives 'Associated Press' and 'AP'), else
    the only such name of its label (an ORG acronym is not a film), else the only such name in the
    corpus; ambiguous acronyms stay apart. Its letters are read as ``written`` (each key's folded
    forms) gives them: the name key folds a doubled letter into one, but 'NN' in an acronym are two
    words' initials; and they must be the long name's initials as written (``_spelt_agrees``). A name
    with an abbreviation among its words (``abbreviated``: '<Place> GOP', 'U.S. Army') is written
    short with that abbreviation, never by its words' initials."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in set(keys) - (abbreviated or set()):
        for ini in initials(k):
            if len(ini) >= 2:
                by_initials[ini].add(k)
    written = written or {}
    for short in keys:
        if " " in short.strip() and not all(len(t) == 1 for t in short.split()):
            continue
        forms = {f.replace(" ", "") for f in written.get(short, ())}
        compact = _letters(short, {f.replace("y", "i") for f in forms})
        cands = {k for k in by_initials.get(compact, ()) if k != short and _spelt_agrees(forms, written.get(k, set()))}
        roots = {uf.find(k) for k in cands}
        if not 2 <= len(compact) <= 6 or not roots or uf.find(short) in roots:
            continue
        if len(roots) > 1:
            near = set()  # each page giving the acronym and exactly one long form votes for it
            for ks in doc_keys.values():
                here = {uf.find(k) for k in ks & cands} if short in ks else set()
                if len(here) == 1:
                    near |= here
            same_label = {uf.find(k) for k in cands if labels_of.get(k) == labels_of.get(short)}
            roots = near or same_label
        if len(roots) == 1:
            uf.union(short, next(iter(roots)))


def _spelt_agrees(short: set[str], long: set[str]) -> bool:
    """An acronym's letters as written are the initials of the long name as written: the keys fold
    'y' into 'i' (a spelling variant), but 'IG' is no initialism of '<Y...> Group'. True when either
    has no written form to compare."""
    return not short or not long or any(s in initials(f) for s in short for f in long)


def _letters(key: str, forms: set[str]) -> str:
    """The letters an acronym spells: as written when every form agrees, else its key's."""
    return next(iter(forms)) if len(forms) == 1 and next(iter(forms)) else variant_key(key)


# Nouns that, added to a body's full name, name another body attached to it ('<Name> Caucus
# Foundation', '<Name> Party PAC'): unlike 'Inc.' or 'Ltd.' they are not a way of writing the same one.
# Folded as the name keys are ('committee' is keyed 'comite'), or they never meet a key's words.
_BODY_NOUNS = frozenset(translit_word(w) for w in "foundation institute fund pac committee trust endowment".split())


# Heads of a body inside another body: 'the Senate Judiciary Committee' is a part of the Senate, and
# a town's or county's public service is its own body ('<Town> Police Department', '<County> Sheriff's
# Office', '<City> School District'): the town's name alone is the town, not the service.
_SUB_BODIES = _BODY_NOUNS | frozenset(
    translit_word(w) for w in "subcommittee board council panel commission caucus department office agency district".split())


def _spin_off(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The long name is a name of several words followed by a body noun: another body ('X Caucus'
    and 'X Caucus Foundation'). A one-word clipping ('Heritage' for 'Heritage Foundation') is not
    a full name and still shortens it, but not a body named after it with more words between
    ('Senate' / 'Senate Judiciary Committee', an initialism / '<initialism> Rules Committee'): that
    is a part of it."""
    if len(short) > 1 and len(long) > len(short) and long[len(short)] in _BODY_NOUNS:
        return True
    return len(long) >= len(short) + 2 and long[-1] in _SUB_BODIES


# A site of a body: '<Company> plant' is where the company works, not another name for it.
_SITE_NOUNS = frozenset(translit_word(w) for w in "plant factory mill warehouse store headquarters campus site facility".split())


def _site_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The long name is the short one and a site noun ('<Company> Plant'): a place of that body,
    so it is no other long name the short one could stand for."""
    return len(long) == len(short) + 1 and long[-1] in _SITE_NOUNS


def _numbered(added: tuple[str, ...]) -> bool:
    """The words a longer name adds to a short one are numbers ('<Team> 7' in a score, '2008 <Team>',
    '<War> II'):
    a number qualifies a name (a season, a score, a model), it makes no other name to choose from."""
    return bool(added) and all(t.isdigit() or _ROMAN.fullmatch(t) for t in added)


# 'Southern X' is a part of X, not a longer name for it (folded as the keys are: 'upper' -> 'uper').
_DIRECTIONS = direction_keys()


def _short_forms(keys: list[str], uf: UnionFind, places: frozenset[str] | set[str] = frozenset(),
                 labels_of: dict[str, str] | None = None, listed: Callable[[str], bool] | None = None,
                 place_led: Callable[[str, int], bool] | None = None) -> None:
    """A short name that begins or ends exactly one longer name is that name ('Red Sox' for
    'Boston Red Sox', 'Falkland' for 'Falkland Islands'). Countries and capitals never shorten
    another name ('Japan' is not 'Japan Times'), and a place never shortens a name it ends:
    'White Volta' is a part of the 'Volta', not another name for it, though a word tagged a place that
    no gazetteer lists is the body '<Listed place> <Word>' ends ('<City> <Team>': the tagger reads a
    team's nickname as a place; ``place_led`` asks how a name is written). A name read as a person's
    shortens no name read as something else, nor the reverse: 'Smith' alone is a surname, not the
    'Smith Foundation' (types must agree). Two places of the gazetteer (``listed``: whether it lists
    a key's name) are two places ('<State>' and '<State> Springs'). A full name followed by a body noun ('_spin_off') names
    another body and is no candidate. Longer names come from an index of word prefixes and
    suffixes, not a scan of every name."""
    person = {k for k, label in (labels_of or {}).items() if label == "PERSON"}
    toks = {k: tuple(k.split()) for k in keys}
    heads: dict[tuple[str, ...], list[str]] = defaultdict(list)
    tails: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k, t in toks.items():
        for n in range(1, len(t)):
            if not _DIRECTIONS & set(t[n:]):
                heads[t[:n]].append(k)
            if not _DIRECTIONS & set(t[:-n]):
                tails[t[-n:]].append(k)
    for short in keys:
        st = toks[short]
        if geo.country_named(short) or geo.country_of_capital(short):
            continue
        longer = [k for k in heads.get(st, []) if not _spin_off(st, toks[k]) and not _numbered(toks[k][len(st):])
                  and not _site_of(st, toks[k])]
        ends = [k for k in tails.get(st, []) if not _numbered(toks[k][: -len(st)])]
        if short in places:  # ... unless no gazetteer lists it and a listed place opens the longer name
            ends = [k for k in ends if listed is not None and place_led is not None and not listed(short)
                    and labels_of is not None and labels_of.get(k) == "ORG" and place_led(k, len(st))]
        longer += ends
        nickname = short in places and bool(ends)
        if len({uf.find(k) for k in longer}) == 1 and (short in person) == (longer[0] in person):
            if listed is not None and listed(short) and listed(longer[0]):
                continue  # the gazetteer lists both: a state is not the city named after it
            if short in places and not nickname and not _place_like(longer[0], places, labels_of or {}):
                continue  # a state or city opens an organisation's name: 'Ohio' is not the 'Ohio Democratic Party'
            if (labels_of or {}).get(short) == "GPE" and (labels_of or {}).get(longer[0]) == "FAC":
                continue  # nor a building's: the town '<Town>' is not the '<Town> Health Clinic' in it
            uf.union(short, longer[0])


def _place_like(key: str, places: frozenset[str] | set[str], labels_of: dict[str, str]) -> bool:
    """Read as a place: voted a place, or tagged a place or facility ('Falkland Islands')."""
    return key in places or labels_of.get(key) in ("GPE", "LOC", "FAC")


def vote_type(obs: list[Obs]) -> EntityType:
    """Entity type from the (corrected) labels of its mentions and what the text says."""
    votes: Counter[str] = Counter()
    medium = used_as_medium(sum(o.medium for o in obs), len(obs))  # a PERSON tag on a platform's name
    nicknames = _nicknames(obs)
    for o in obs:
        if o.place:
            votes["place"] += 3
        if o.org:
            votes["org"] += 3
        if o.mention.rule == "vessel":
            votes["other"] += 3  # 'INS <Name>', 'the frigate <Name>': a ship, though named after a person or place
        if geo.country_named(o.name) or geo.country_of_capital(o.name):
            votes["place"] += 3
        label = "ORG" if o.name in nicknames else o.mention.label
        if label in LABEL_TYPE:
            votes["org" if medium and label == "PERSON" else LABEL_TYPE[label]] += 1
        elif label not in POINTERS and label != "NORP":
            votes["other"] += 1
    if not votes:
        return "other"
    if any(ends_in_legal_form(o.surface) for o in obs):
        return "org"  # '<Name> Inc.' written once says what the tagger's PERSON on '<Name>' does not
    order = {"place": 0, "org": 1, "person": 2, "other": 3, "gov": 4}
    best: EntityType = min(votes, key=lambda t: (-votes[t], order[t]))  # type: ignore[arg-type]
    return best


def _nicknames(obs: list[Obs]) -> set[str]:
    """Names of the cluster, no gazetteer's places, that end or are a body's name '<Listed place>
    <Name>' tagged ORG in it ('<Team>' and '<City> <Team>' of '<City> <Team>'): the tagger's place or
    facility label on them reads the city the team is named after."""
    bodies = [o.name.split() for o in obs if o.mention.label == "ORG" and len(o.name.split()) >= 2]
    if not bodies:
        return set()
    tagged = {o.name for o in obs if o.mention.label in ("GPE", "LOC", "FAC")}
    return {name for name in tagged if not geo.known_place(name)
            and any(_place_led_body(b, name.split()) for b in bodies)}


def _place_led_body(body: list[str], words: list[str]) -> bool:
    """The body's name is a listed place and then ``words`` ('<City> <Team>', '<Team>'), or is
    ``words`` and opens with a listed place."""
    if body == words:  # the whole name tagged a place too: a team's plural ('<City> <Players>' not '<Region> Belt')
        last = words[-1]
        return (last[-1:] == "s" and last[-2:] != "ss" and last.lower() not in PLACE_NOUNS
                and any(geo.known_place(" ".join(body[:i])) for i in range(1, len(body))))
    return len(body) > len(words) and body[-len(words):] == words and geo.known_place(" ".join(body[:-len(words)]))
