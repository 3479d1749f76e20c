"""Step 2 of resolution: person names -> person clusters.

Full names cluster when surname and first names agree up to spelling; a bare surname goes to the
full name of its own document, else to the namesake closest in time sharing a role, else it stays
its own low-confidence entity.
"""

from __future__ import annotations

import bisect
import logging
from sys import intern
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping

import numpy as np
from rapidfuzz import fuzz, process

from dossier.partial_date import PartialDate
from dossier.nlp.gender import agreeing_names, name_gender
from dossier.nlp.names import (
    declared_nickname,
    extends_name,
    generation,
    joined_surname_key,
    known_given_name,
    malformed,
    name_tokens,
    same_person_name,
    surname,
    translit_key,
    translit_word,
    word_match,
)
from dossier.resolve.observe import MentionKey, Obs, only_suffixed
from dossier.resolve.roles import read_titles
from dossier.resolve.unionfind import UnionFind

logger = logging.getLogger(__name__)

def _year(date: str | None) -> float | None:
    """ISO prefix -> fractional year, for 'closest in time'."""
    p = PartialDate.parse(date)
    return p.fractional_year() if p else None


def group_full_names(names: Iterable[str], pages: Mapping[str, Collection[str]] | None = None,
                     apart: Collection[tuple[str, str]] = ()) -> dict[str, str]:
    """Full person names -> a representative per person (namesakes stay apart). Names are compared
    only within a block of near-same surnames, so the cost grows with the block sizes, not with
    the square of all names. ``pages`` (name -> the pages naming it) lets a suffixed formal name
    join the plain name of the same man (``_join_generations``); ``apart``: pairs of names (sorted)
    a page shows are two people (``kin.kin_apart``), whatever their names' fit."""
    uf = UnionFind()
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in sorted(set(names)):
        uf.find(n)
        by_surname[block_key(n)].append(n)
        joined = joined_surname_key(n)
        if joined and joined != block_key(n):
            by_surname[joined].append(n)  # '<Given> Del <Surname>' beside '<Given> Del<Surname>'
    pairs: dict[tuple[str, str], bool] = dict.fromkeys(apart, False)  # near keys put a name in several blocks: compared once
    for k, near in _near_keys(sorted(by_surname)).items():
        # Same or near-same surname keys (a typo in a long surname) are compared pairwise.
        group = list(by_surname[k]) + [n for k2 in near for n in by_surname[k2]]
        _union_compatible(group, uf, pairs)
    _join_extensions(sorted(set(uf.parent)), uf)
    _join_epithets(sorted(set(uf.parent)), uf)
    if pages:
        _join_generations(by_surname, uf, pages)  # (a name with no pages here has no suffixed namesake)
    return {n: uf.find(n) for n in uf.parent}


def block_key(name: str) -> str:
    """The key full names are compared within: the folded surname (a generation left out)."""
    return translit_word(surname(name))


def _join_generations(by_surname: Mapping[str, list[str]], uf: UnionFind, pages: Mapping[str, Collection[str]]) -> None:
    """'<Given> <Initial>. <Surname> Jr.' is the man other pages call '<Given> <Initial>. <Surname>'
    and '<Given> <Surname>' (a formal style writes the suffix, most pages drop it) when nothing says
    there are two: one person without the suffix fits the name and is written with the same middle
    part, and no other generation of it is named (no 'Sr.', 'III'). Father and son are named on the
    same page (the son is news as the father's son), so pages holding both forms keep them apart,
    unless they are few beside either form's own pages (a byline or a quoted office restating the
    formal name beside the plain one: one page in ``_APART_SHARE`` or fewer of each)."""
    for block in by_surname.values():
        suffixed = [n for n in block if generation(n)]
        if not suffixed:
            continue
        gens = {generation(n) for n in suffixed}
        if len(gens) > 1:
            continue  # 'X Jr.' and 'X III' on record: a family, not one man's styles
        plain = [n for n in block if not generation(n)]
        for n in suffixed:
            base = " ".join(name_tokens(n))
            fits = {uf.find(p) for p in plain if same_person_name(base, p)}
            # the plain form must be the whole formal name, middle part and all ('<Given> <Initial>.
            # <Surname>'): a bare '<Given> <Surname>' beside '<Given> <Surname> III' is no evidence
            written_out = len(name_tokens(base)) >= 3 and any(translit_key(p) == translit_key(base) for p in plain)
            if len(fits) != 1 or not written_out:
                continue
            target = next(iter(fits))
            mine = {p for m in block if uf.find(m) == uf.find(n) for p in pages.get(m, ())}
            theirs = {p for m in plain if uf.find(m) == target for p in pages.get(m, ())}
            both = len(mine & theirs)
            if both and both * _APART_SHARE > min(len(mine), len(theirs)):
                continue
            logger.debug("%r is %r in a formal style", n, target)
            uf.union(n, target)


def _join_epithets(names: list[str], uf: UnionFind) -> None:
    """'Crooked <Given> <Surname>': a person's full name behind one word that begins nobody's own
    name in the corpus is that person under an epithet (news quotes the nicknames one side gives
    another, and NER takes them into the name). A word that begins another person's name ('Mary'
    of 'Mary Ann Roe' beside 'Mary Poe'), an initial, or a target that is itself such a form leave
    the names apart. Two-word forms ('Crooked <Given>') are left alone: without a list of given
    names, 'Rand <Surname>' cannot be told from an epithet. The same index finds a two-word surname
    written alone: '<Given> <A> <B>' and '<A> <B>', where <A> begins no one's name in the corpus."""
    toks = {n: name_tokens(n) for n in names}
    by_rest: dict[str, str] = {}
    for n, t in toks.items():
        by_rest.setdefault(" ".join(t), n)
    long_forms = {n for n, t in toks.items() if len(t) >= 3 and " ".join(t[1:]) in by_rest}
    firsts: dict[str, set[str]] = defaultdict(set)
    lasts: dict[str, set[str]] = defaultdict(set)
    for n, t in toks.items():
        if len(t) <= 3:  # a longer 'name' is mostly a tagger's run-on ('<Surname> <Noun> <Verb>s <Given>')
            firsts[t[0]].add(n)
            lasts[t[-1]].add(n)

    def begins_another(word: str, n: str) -> bool:
        return bool(firsts[word] - {n} - long_forms)

    # '<Word> <Given>' where only the second word begins another person's name: an epithet or a
    # slogan ('Crooked <Given>', 'Stop <Given>'), which says nothing about <Given> being a surname
    epithet_like = {n for n, t in toks.items() if len(t) == 2 and begins_another(t[1], n) and not begins_another(t[0], n)}
    # 'Crooked <Given>': a word before a given name that is no one else's surname
    short_forms = {n for n in epithet_like if not lasts[toks[n][1]] - {n} - long_forms - epithet_like}
    given = {toks[n][0] for n in names if n not in long_forms and n not in short_forms}
    holders: dict[str, set[str]] = defaultdict(set)  # a short form -> the groups of its long forms
    for n in long_forms:
        holders[by_rest[" ".join(toks[n][1:])]].add(uf.find(n))
    for n in sorted(long_forms):
        t = toks[n]
        target = by_rest[" ".join(t[1:])]
        if target in long_forms | short_forms:
            continue
        if t[0] not in given and len(t[0]) >= 3:
            logger.debug("%r is %r under an epithet", n, target)
            uf.union(n, target)
        elif (len(t) == 3 and not begins_another(t[1], target) and not known_given_name(t[1])
              and len(holders[target]) == 1):
            # '<Given> <Name> <Surname>' and '<Name> <Surname>' where <Name> begins no one's name
            # and is no given name: a two-word surname used alone ('<Given> Hale Norton' / 'Hale
            # Norton'), not a middle name ('Mary Ann Poe' / 'Ann Poe' may be two people)
            logger.debug("%r is the two-word surname of %r", target, n)
            uf.union(n, target)


def _union_compatible(group: list[str], uf: UnionFind, pairs: dict[tuple[str, str], bool]) -> None:
    """Join the names of one surname block that denote one person. A name compatible with two
    names that are not ('George Smith' with 'George W. Smith' and 'George H. W. Smith') is
    ambiguous and joins neither: chaining through it would merge father and son. ``pairs`` keeps
    ``same_person_name`` (symmetric) of each pair across blocks."""

    def same(a: str, b: str) -> bool:
        key = (a, b) if a < b else (b, a)
        if key not in pairs:
            pairs[key] = same_person_name(*key)
        return pairs[key]

    compat = {a: [b for b in group if b != a and same(a, b)] for a in group}
    ambiguous = {
        a for a, cs in compat.items()
        if any(not same(x, y) and not goes_by_middle_bridge(a, x, y) for i, x in enumerate(cs) for y in cs[i + 1 :])
    }
    for a in group:
        if a not in ambiguous:
            for b in compat[a]:
                if b not in ambiguous:
                    uf.union(a, b)


def goes_by_middle_bridge(a: str, x: str, y: str) -> bool:
    """'<I>. <Middle> <Surname>' fits both '<Middle> <Surname>' and '<Given> <Middle> <Surname>' (the
    given name beginning with <I>), which do not fit each other only because one leaves the given name
    out: the initialled form shows the person goes by the middle name, so the three are one name
    written three ways, not one name between two people ('<Given> W. <Surname>' between '<Given> H. W.
    <Surname>' and '<Given> <Surname>' is)."""
    ta, tx, ty = (name_tokens(n)[:-1] for n in (a, x, y))
    if len(ta) != 2 or len(ta[0]) != 1 or len(ta[1]) < 2:
        return False
    short, full = (tx, ty) if len(tx) < len(ty) else (ty, tx)
    return (len(short) == 1 and word_match(short[0], ta[1]) and len(full) == 2 and len(full[0]) > 1
            and full[0][0] == ta[0] and word_match(full[1], ta[1]))


def _near_keys(keys: list[str]) -> dict[str, list[str]]:
    """Each surname key -> the later keys that may be a typo of it (same first and last letter,
    what ``word_match`` can accept), found through a (first letter, last letter) index. Within a
    bucket rapidfuzz scores every pair in C first: ``word_match`` accepts only words whose folded
    forms are equal or score 85 or more, so only those pairs are checked in full (a bucket grows
    with the corpus's surnames; checking each pair in Python was a tenth of resolution at 10,000
    pages)."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        index[(k[:1], k[-1:])].append(k)
    out: dict[str, list[str]] = {k: [] for k in keys}
    for bucket in index.values():
        folded = [translit_word(k) for k in bucket]
        scores = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, dtype=np.uint8)
        # a key that is no plain surname word ('jr', an honorific) is compared as a name: with everyone
        odd = [i for i, k in enumerate(bucket) if name_tokens("x " + k)[-1:] != [k]]
        scores[odd, :] = 1
        scores[:, odd] = 1
        for i, j in zip(*np.nonzero(scores), strict=True):
            k, k2 = bucket[i], bucket[j]
            if k2 > k and same_person_name("x " + k, "x " + k2):
                out[k].append(k2)
    return out


_APART_SHARE = 4  # pages naming both forms, at most one in this many of either form's pages
_NEAR_CUTOFF = 84.5  # under ``word_match``'s 85: every pair it can accept scores above this


def _join_extensions(names: list[str], uf: UnionFind) -> None:
    """A full name that another full name extends is that person ('John Maynard' / 'John Maynard Keynes')
    when it extends only one person: a shorter name two people extend stays ambiguous and apart.
    Blocking: a longer name must contain the short name's last word, so candidates come from an
    index of name words instead of every name."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for n in names:
        for t in name_tokens(n)[1:]:
            by_word[translit_word(t)].add(n)
    for short in names:
        toks = name_tokens(short)
        if len(toks) < 2:
            continue
        cands = by_word.get(translit_word(toks[-1]), set())
        longer = {uf.find(n) for n in sorted(cands) if extends_name(short, n)}
        if len(longer) == 1:
            uf.union(short, next(iter(longer)))


def person_labels(groups: dict[str, str], obs: list[Obs]) -> dict[MentionKey, str]:
    """Cluster labels for person observations (full names first, then bare surnames). Each label
    string is interned: one per cluster, not one per mention (hundreds of thousands at 10,000 pages)."""
    labels: dict[MentionKey, str] = {}
    full = [o for o in obs if o.kind == "person" and len(name_tokens(o.name)) >= 2]
    for o in full:
        labels[o.key] = intern("person:" + groups[o.name])
    # Only a well-formed full name takes bare names: NER noise ('<Platform> junkie', a handle) is
    # kept apart (and dropped when nothing else joins it) instead of drawing every bare '<Platform>'.
    full = [o for o in full if o.shape == "name" and not malformed(o.name)]
    # What each full-name person looks like, for bare surnames elsewhere.
    profile: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"dates": set(), "roles": set()})
    for o in full:
        p = profile[labels[o.key]]
        if o.date:
            p["dates"].add(o.date)
        if len(name_tokens(o.surface)) >= 2:  # a title written with the full name, not a surname's guess
            p["roles"] |= _role_keys(o.mention.title)
    # Indexed by the surname of every full name a person is written with, not only the group's
    # representative: that may be a clipped form ('<Given> <Initial>') whose last word is no surname.
    # (dicts as ordered sets: a list's membership test made a common surname's block quadratic)
    surname_sets: dict[str, dict[str, None]] = defaultdict(dict)
    first_sets: dict[str, dict[str, None]] = defaultdict(dict)
    for o in sorted(full, key=lambda o: (labels[o.key], o.name)):
        surname_sets[_surname_key(o.name)].setdefault(labels[o.key])
    nick_sets: dict[str, dict[str, None]] = defaultdict(dict)  # '<Given> "The <Nick>" <Surname>': '<Nick>'
    for o in full:
        first_sets[translit_word(name_tokens(o.name)[0])].setdefault(labels[o.key])
        if (nick := declared_nickname(o.name)) and name_tokens(nick):
            nick_sets[translit_word(name_tokens(nick)[0])].setdefault(labels[o.key])
    by_surname = {k: list(v) for k, v in surname_sets.items()}
    by_first = {k: list(v) for k, v in first_sets.items()}
    by_nick = {k: list(v) for k, v in nick_sets.items()}
    blocks: dict[str, list[str]] = defaultdict(list)  # unsuffixed surname keys by first and by last two letters
    for k in by_surname:
        word, gen = k.split("|", 1)
        if not gen and len(word) >= 6:
            blocks["<" + word[:2]].append(word)
            blocks[">" + word[-2:]].append(word)
    genders = label_genders(full, labels) if any(o.gender for o in obs) else {}
    years: dict[str, list[float]] = {}  # each candidate's dates as sorted years, parsed once
    pending: list[tuple[Obs, tuple[str, ...]]] = []  # bare surnames among contemporaries
    for o in obs:
        if o.kind == "pointer" and o.name in groups:
            labels[o.key] = intern("person:" + groups[o.name])
        if o.kind not in ("person", "pointer") or o.key in labels:
            continue
        toks = name_tokens(o.name)
        cands = by_surname.get(_surname_key(o.name), []) if toks else []
        suffixed = bool(generation(o.name))
        if not cands and toks and not suffixed:
            son = only_suffixed(_surname_key(o.name), by_surname)
            cands = [son] if son else []
        if not cands and len(toks) == 1 and not suffixed:
            cands = _misspelt_surname(toks[0], by_surname, blocks)  # '<Surnmae>': a typo of one surname
        if not cands and len(toks) == 1 and not suffixed:
            # No one has it as a surname: a given name used alone ('Tesfaye'). A given name with a
            # regnal number ('<Given> III', a monarch) is a name of its own, not a given name alone.
            cands = by_first.get(translit_word(toks[0]), [])
        if not cands and len(toks) == 1 and not suffixed:
            cands = by_nick.get(translit_word(toks[0]), [])  # the name a full name says its person goes by
        best = _closest_candidate(o, of_gender(cands, o.gender, genders) if o.gender else cands, profile, years)
        if isinstance(best, tuple):
            pending.append((o, best))
        elif best or o.kind == "person":
            labels[o.key] = best or "bare:" + translit_key(o.name)
    # Namesakes of the same time: the bare surname means the one the corpus is about far more
    # often, counted on the pages naming them in full and those whose bare surname was decided
    # (both are in ``labels`` by now; only the contenders' pages are kept).
    pages: dict[str, set[str]] = {c: set() for _, cs in pending for c in cs}
    for key, lab in labels.items():
        if lab in pages:
            pages[lab].add(key[0])
    for o, contenders in pending:
        best = _prominent(contenders, pages)
        if best or o.kind == "person":
            labels[o.key] = best or intern("bare:" + translit_key(o.name))
    return labels


def of_gender(cands: list[str], gender: str, genders: Mapping[str, str]) -> list[str]:
    """The namesakes a bare surname after a courtesy title of ``gender`` may mean: all but those whose
    given names have the other gender ('Mr. <Surname>' is not the senator's wife); all of them when
    none is left (a given name the dictionary genders wrongly for
    this bearer must not leave him unresolved). ``genders``: ``label_genders``."""
    return agreeing_names(cands, {c: genders.get(c, "") for c in cands}, gender) or cands


def label_genders(full: Iterable[Obs], labels: Mapping[MentionKey, str]) -> dict[str, str]:
    """Each person's gender as the given names of its full-name mentions say, when four in five of
    those with a known gender agree (a cluster's display name may be an epithet: 'Crooked <Given>')."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for o in full:
        g = name_gender(o.name.split())
        if g:
            votes[labels[o.key]][g] += 1
    return {lab: g for lab, v in votes.items() for g, n in v.most_common(1) if n >= 0.8 * sum(v.values())}


def _prominent(contenders: tuple[str, ...], pages: Mapping[str, Collection[str]]) -> str | None:
    """The contender on ``_PROMINENT`` times as many pages as any other, else None (do not guess):
    a page that uses a bare surname without introducing anyone by it means the bearer its readers
    know by it."""
    ranked = sorted((len(pages[c]), c) for c in contenders)
    return ranked[-1][1] if ranked[-1][0] >= _PROMINENT * ranked[-2][0] else None


def _role_keys(title: str | None) -> set[str]:
    """What a title says about who holds it, held now or before ('then-Secretary <Surname>' is the
    namesake once titled 'Secretary of State'): the role, and its head word before any 'of'."""
    keys: set[str] = set()
    for read in read_titles(title) if title else ():
        head = read.title.split(" of ")[0].split()
        keys |= {read.title, head[-1]} if head else {read.title}
    return keys


def _misspelt_surname(word: str, by_surname: Mapping[str, list[str]], blocks: Mapping[str, list[str]]) -> list[str]:
    """The candidates of the one surname a bare name with no namesake is a typo of ('<Klistchko>' for
    '<Given> Klitschko': ``word_match``, a long word with the same ending), none when it could be
    several. Only surname keys sharing its first or last two letters are compared (a typo rarely hits
    both ends), so a bare name is not compared with every surname of the corpus."""
    key = translit_word(word)
    if len(key) < 6:
        return []
    near = {k for b in ("<" + key[:2], ">" + key[-2:]) for k in blocks.get(b, ()) if word_match(key, k)}
    return list(by_surname[next(iter(near)) + "|"]) if len(near) == 1 else []


def _surname_key(name: str) -> str:
    """Surname and generation: a bare 'Smith Jr.' is only ever the son."""
    return translit_word(surname(name)) + "|" + generation(name)


def _nearest(t: float, years: list[float]) -> float | None:
    """min(|t - y|) over the sorted ``years`` (None when empty), by bisection: a person named on
    thousands of pages is not scanned once per bare surname."""
    i = bisect.bisect_left(years, t)
    return min((abs(t - y) for y in years[max(0, i - 1) : i + 1]), default=None)


def _closest_candidate(o: Obs, cands: list[str], profile: dict[str, dict[str, set[str]]],
                       years_of: dict[str, list[float]] | None = None) -> str | tuple[str, ...] | None:
    """The namesake a bare surname most likely means: one candidate, or the one closest in time
    (a shared role breaks ties and outranks distance); None when it cannot be told. Namesakes of
    the same time (named in full within ``_SAME_TIME`` of the best) are returned as a tuple, for
    prominence to decide (``_prominent``). ``years_of`` caches each candidate's sorted years
    across calls."""
    cache = years_of if years_of is not None else {}
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None
    t = _year(o.date)
    title = _role_keys(o.mention.title)
    if t is None:
        # An undated page: time cannot tell its namesakes apart, a shared role still can, and
        # prominence decides among the rest (its readers know the bare surname's main bearer).
        sharing = tuple(c for c in cands if title & profile[c]["roles"]) if title else ()
        undated = sharing or tuple(cands)
        return undated[0] if len(undated) == 1 else undated
    scored = []
    for c in cands:
        if c not in cache:
            cache[c] = sorted(y for y in (_year(d) for d in profile[c]["dates"]) if y is not None)
        dist = _nearest(t, cache[c])
        if dist is None:
            continue
        shares_role = bool(title & profile[c]["roles"])
        scored.append((not shares_role if title else False, dist, c))
    if not scored:
        return None
    scored.sort()
    best_role, best_dist = scored[0][:2]
    contenders = tuple(c for role, dist, c in scored if role == best_role and dist <= best_dist + _SAME_TIME)
    return contenders[0] if len(contenders) == 1 else contenders


_SAME_TIME = 1 / 12  # years: namesakes named in full within a month of each other are contemporaries
_PROMINENT = 3  # how many times the pages of the next namesake the one a bare surname means has
