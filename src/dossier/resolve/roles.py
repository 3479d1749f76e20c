"""Role titles: 'Russian Foreign Minister' -> ('foreign minister', 'Russia'), and roles over time.

A title names a role and often whom or what it is of: a country ('Russian', "Russia's", 'of
Russia'), a place ('Ohio Governor'), an organisation ('DNC chairwoman', "<Org>'s chief
executive", 'chairman of the <Org> Committee') or a person's campaign ('<Name> campaign manager',
'manager of the <Name> campaign'). Modifiers such as 'former' or 'then-' say the role is no longer
held at the time of writing: it is kept, marked past, and dates nothing.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from dossier.lang.en import (
    AFFILIATION_WORDS, CANDIDACY_NOUNS, CHAMBER_WORDS, NOT_CURRENT_TITLE_WORDS, RELATIONAL_TITLE_WORDS, SINGLE_HOLDER_TITLES, TITLE_ABBREVIATIONS,
)
from dossier.model import Entity, Role, Span
from dossier.lang.geo import country_named, country_of_adjective, known_place
from dossier.nlp.cues import PORTFOLIO_WORDS, ROLE_NOUNS, ROLE_WORDS, TITLE_MODIFIERS, is_year

logger = logging.getLogger(__name__)

# Modifiers that say the title was not held at the time of writing: such a mention dates nothing.
_NOT_CURRENT = NOT_CURRENT_TITLE_WORDS
# Words after which a capitalised word may start the name a title is of ('senior <Name> adviser'); after
# any other lowercase word it is part of a compound ('super <Initialism> spokeswoman').
_COMPOUNDING_OK = ROLE_WORDS
# Modifiers that do not change which role it is.
_FILLER = frozenset({"current", "incumbent", "new", "newly", "appointed", "his", "her", "their", "its", "the", "a", "an", "s"})
# Portfolio words: 'Secretary of State', 'Minister of Foreign Affairs' name the role, not whom it is of.
_PORTFOLIO = TITLE_MODIFIERS | PORTFOLIO_WORDS | {"the"}
# Nouns ending a name that make it an organisation the role is of ('<Name> Foundation president').
_ORG_NOUNS = frozenset(
    "committee party foundation institute council administration team board caucus union association "
    "center centre agency department ministry office group company corporation bank court".split())


# Abbreviated titles written before names, spelled out so 'Sen. X' and 'Senator X' hold one role.
_ABBREVIATIONS = TITLE_ABBREVIATIONS


@dataclass(frozen=True)
class TitleReading:
    """A title read: the role in lower case, whom or what it is of, and whether it is past."""

    title: str
    of: str | None
    past: bool = False
    year: str | None = None  # the year the title says it was held in ('2012 nominee')


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z.\-]*(?:'s)?|\b\d{4}\b", text.replace("’", "'"))  # words, and years


def _split_of(text: str) -> tuple[str, str | None]:
    """'Chairman of the <Org> Committee' -> ('Chairman', '<Org> Committee'); a portfolio after 'of'
    stays in the title ('Secretary of State'), as does an 'of' with no name after it."""
    m = re.search(r"\bof\s+(?:the\s+)?(.+)$", text, re.I)
    if not m:
        return text, None
    rest = m.group(1).strip(" ,.")
    words = [w.lower() for w in _words(rest)]
    if not words or all(w in _PORTFOLIO for w in words) or not any(c.isupper() for c in rest):
        return text, None
    rest = rest[re.search(r"[A-Z]", rest).start():]  # type: ignore[union-attr]  # 'the advocacy group <Org>'
    head = text[: m.start()].strip()
    if not any(_is_role_word(w.lower().rstrip(".")) for w in _words(head)):
        # no role word before 'of': it is inside a name before the title ('<Hall> of <Fame> player'),
        # which is the role words it ends with
        tail = list(itertools.takewhile(lambda w: _is_role_word(w.lower().rstrip(".")), reversed(_words(rest))))
        return (" ".join(reversed(tail)) or text), None
    if words[-1] == "campaign" and len(words) > 1:  # 'manager of the <Name> campaign': as '<Name> campaign manager'
        return f"campaign {head}", rest[: rest.lower().rfind("campaign")].strip()
    return head, rest


def _of_name(run: list[str], next_word: str | None) -> tuple[str | None, bool]:
    """Whom or what a run of capitalised words before a role word is of, if it names one: a
    country, a known place, an initialism ('DNC'), or a name before an organisation noun or
    'campaign'. Returns (name, consumed the next word)."""
    if not run:
        return None, False
    name = " ".join(run)
    low = (next_word or "").lower()
    if low == "campaign":
        return name, False  # '<Name> campaign manager': the campaign manager of <Name>
    if low in _ORG_NOUNS:
        return f"{name} {next_word}", True
    if run[-1].lower() in _ORG_NOUNS and len(run) > 1:  # '<Name> Foundation president'
        return name, False
    core = list(run)
    while len(core) > 1 and core[-1].lower() in AFFILIATION_WORDS:
        core.pop()  # '<State> Republican senator': the senator of <State>; a party is no post's 'of'
    for k in range(len(core)):  # the longest tail that is a place: 'Monday Ohio Gov.' is of 'Ohio'
        tail = " ".join(core[k:])
        country = country_of_adjective(tail) or country_named(tail)
        if country or known_place(tail):
            return country or tail, False
    if len(run) == 1 and len(name) >= 2 and name.isupper():
        return name, False
    return None, False


def _possessor(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _country_prefix(words: list[str], i: int) -> tuple[str, int] | None:
    """A country (or its adjective) starting at ``words[i]``, multi-word first ('South Korean')."""
    for n in (3, 2, 1):
        chunk = " ".join(_possessor(w) for w in words[i : i + n])
        country = country_of_adjective(chunk) or country_named(chunk)
        if country and (n > 1 or words[i][:1].isupper()):
            return country, n
    return None


def _is_role_word(low: str) -> bool:
    return low in ROLE_WORDS or low in _ABBREVIATIONS or low in _ABBREVIATIONS.values()


def _starts_name(words: list[str], i: int) -> bool:
    """A capitalised filler word that begins a name ('New Jersey', 'New York Times')."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return words[i][:1].isupper() and nxt[:1].isupper() and not _is_role_word(nxt.lower().rstrip("."))


def _capitalised_tail(before: list[str], kept: int) -> list[str]:
    """The capitalised title words right before a capitalised possessive, among the ``kept`` last
    words read into the title ('State' of "State Department's climate envoy"): they begin the
    possessor's name, not the title."""
    tail: list[str] = []
    for w in reversed(before[len(before) - kept :] if kept else []):
        if not (w[:1].isupper() and w.lower() in TITLE_MODIFIERS):
            break
        tail.insert(0, w)
    return tail


def _named_of(words: list[str], i: int, names: Collection[str]) -> int:
    """How many words from ``words[i]`` name whom a post is of ('<Surname> adviser', '<Outlet> host',
    '<Org> press secretary'), 0 when none do.

    A capitalised premodifier may be a name or an adjective in a headline's capitals ('Longtime <Name>
    Aide'); no word list can tell a surname or an outlet from an adjective, so the corpus decides:
    ``names`` holds the names resolution made, casefolded (``clusters.title_names``). The name must
    end right before a role word (a capitalised word after it continues the name: '<Name> Foundation
    president' is read whole by ``_of_name``, as are '<Name> campaign' and places, whose reading stands:
    '<Affiliation> <State> Sen.' is of the state), and be no affiliation (a party, ideology or faith:
    ``AFFILIATION_WORDS``), portfolio ('Treasury Secretary'), chamber ('Senate candidate') or title.
    Only a name starting the capitalised words is taken: one after them ('Longtime <Name>', '<Place>
    Law School', 'The New <Name>') may end a longer name or follow an adjective, which the names of
    the corpus cannot tell apart (on the 924 election articles all three such readings were wrong)."""
    for k in range(min(len(words) - i - 1, 4), 0, -1):
        chunk, nxt = words[i : i + k], words[i + k]
        low = [w.lower().rstrip(".") for w in chunk]
        if (" ".join(chunk).casefold() not in names or nxt.lower() == "campaign"
                or not _is_role_word(nxt.lower().rstrip(".")) or not all(w[:1].isupper() for w in chunk)
                or low[-1] in AFFILIATION_WORDS
                or all(w in AFFILIATION_WORDS or w in PORTFOLIO_WORDS or w in CHAMBER_WORDS for w in low)
                or all(w in ROLE_NOUNS or w in _ABBREVIATIONS for w in low)
                or _of_name(chunk, nxt)[0] not in (None, " ".join(chunk))
                or (k == 1 and low[0] in TITLE_MODIFIERS and nxt[:1].isupper() and nxt.lower() in TITLE_MODIFIERS)):
            # the last: a capitalised title word before another ('White House') is no one-word name
            continue
        return k
    return 0


def read_title(title: str, names: Collection[str] = frozenset()) -> TitleReading | None:
    """Role title -> its reading, or None when no role word is left.

    'Japanese Foreign Minister' -> ('foreign minister', 'Japan'); "<Org>'s chief executive" ->
    ('chief executive', '<Org>'); 'former Prime Minister' -> ('prime minister', None, past); with
    '<Outlet>' in ``names`` (``_named_of``), '<Outlet> host' -> ('host', '<Outlet>').
    """
    head, of = _split_of(title)
    past = False
    year: str | None = None
    words = _words(head)
    kept: list[str] = []
    run: list[str] = []  # capitalised words that may name whom the role is of
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower().rstrip(".")
        for prefix in ("then-", "ex-"):
            if low.startswith(prefix):
                past, w, low = True, w[len(prefix):], low[len(prefix):]
        if low in _NOT_CURRENT:
            past, i = True, i + 1
            continue
        if is_year(low):
            year, i = low, i + 1
            continue
        if low in _FILLER and not _starts_name(words, i):
            i += 1
            continue
        hit = _country_prefix(words, i) if not run else None
        if hit and of is None:
            of, i = hit[0], i + hit[1]
            continue
        named = _named_of(words, i, names) if of is None and not run and w[:1].isupper() and not (
            kept and kept[-1] not in _COMPOUNDING_OK) else 0
        if named:
            of, i = " ".join(words[i : i + named]), i + named
            continue
        if w.endswith("'s") and w[:1].isupper():  # "<Org>'s chief executive"
            lead = _capitalised_tail(words[:i], len(kept))  # "State Department's": the possessor's own words
            of = of or " ".join(lead + run + [_possessor(w)])
            kept = kept[: len(kept) - len(lead)] if not run else kept
            run, i = [], i + 1
            continue
        if w[:1].isupper() and not _is_role_word(low) and not (kept and kept[-1] not in _COMPOUNDING_OK
                                                               and not run):
            run.append(w)  # a lowercase word before it makes it part of a compound ('super PAC')
            i += 1
            continue
        if run:
            name, consumed = _of_name(run, w)
            if name and of is None:
                of = name
            else:
                kept.extend(r.lower() for r in run)
            run = []
            if consumed:
                i += 1
                continue
        kept.append(_ABBREVIATIONS.get(low, low))
        i += 1
    kept.extend(r.lower() for r in run)
    text = " ".join(kept).strip()
    if of and country_named(of):
        of = country_named(of)
    return TitleReading(text, of, past, year) if text else None


# Role nouns that make one title with the role word after them: modifiers ('Chief Executive') and ranks
# an abbreviation spells ('Lieutenant Gov.', 'Senator' of 'Sen.').
_COMPOUNDING = TITLE_MODIFIERS | frozenset(_ABBREVIATIONS.values())


def _bare(word: str) -> str:
    return word.lower().strip(".,")


def _starts_title(words: list[str], i: int) -> bool:
    """``words[i]`` begins a second title after a role noun: 'former'/'then-', an abbreviated title
    ('Sen.', not 'Gen.' of 'Attorney Gen.'), or a run of capitalised non-role words ending at a role
    word ('Texas Senator')."""
    low = _bare(words[i])
    if low in _NOT_CURRENT or low.startswith(("then-", "ex-")):
        return True
    if low in _ABBREVIATIONS:
        return _ABBREVIATIONS[low] not in TITLE_MODIFIERS
    j = i
    while j < len(words) and words[j][:1].isupper() and not _is_role_word(_bare(words[j])):
        j += 1
    return i < j < len(words) and _is_role_word(_bare(words[j])) and _bare(words[j]) not in TITLE_MODIFIERS


def split_stack(title: str) -> list[str]:
    """Titles stacked before one name, each on its own: 'Republican Presidential Candidate Sen.' ->
    ['Republican Presidential Candidate', 'Sen.'] (a candidacy and a seat; 'former' in one says nothing
    of the other). A new title starts after a head role noun (not a modifier: 'Attorney General', 'Chief
    Executive', 'Lieutenant Gov.' stay whole), and so does an office right after a candidacy
    ('presidential candidate Senator'). A relation to another person before a title ('fellow', '<Name> rival',
    ``RELATIONAL_TITLE_WORDS``) is no post and goes, with what stands before it ('former rival')."""
    words = title.split()
    pieces: list[list[str]] = [[]]
    for i, w in enumerate(words):
        last = _bare(pieces[-1][-1]) if pieces[-1] else ""
        low = _bare(w)
        if (last in ROLE_NOUNS and last not in _COMPOUNDING and _starts_title(words, i)) or (
                last in CANDIDACY_NOUNS and _is_role_word(low)):
            pieces.append([])
        pieces[-1].append(w)
        if low in RELATIONAL_TITLE_WORDS and i < len(words) - 1:  # last, it is the post ('Senior Fellow')
            pieces[-1] = []
    return [" ".join(p) for p in pieces if p]


def read_titles(title: str, names: Collection[str] = frozenset()) -> list[TitleReading]:
    """Each title of a stack read (``split_stack``, ``read_title``)."""
    return [r for piece in split_stack(title) if (r := read_title(piece, names)) is not None]


def normalise_title(title: str) -> tuple[str, str | None] | None:
    """Role title -> (lowercase title, of) or None when it does not describe a current role.

    'Japanese Foreign Minister' -> ('foreign minister', 'Japan'); "Russia's President" ->
    ('president', 'Russia'); 'former Prime Minister' -> None.
    """
    read = read_title(title)
    return None if read is None or read.past else (read.title, read.of)


Term = tuple[str | None, str | None]  # (start, end) as the text states them


def _join_countryless(groups: dict[tuple[str, str | None], list[tuple[str | None, Span, bool]]]) -> None:
    """'President Smith' and 'Freedonian President Smith' are one role when only one 'of' goes with it;
    so are '<Surname> campaign manager' and "<Given> <Surname>'s campaign manager" (an 'of' whose
    words are all in one fuller 'of'). The longest 'of's go first, so a chain joins: '<Surname>' into
    '<Given> <Surname>' before the bare title is matched, which then has one 'of' left to join."""
    for title, of in sorted(groups, key=lambda k: -len(k[1] or "")):
        words = set((of or "").lower().split())
        withs = [k for k in groups if k[0] == title and k[1] is not None and k[1] != of
                 and words < set(k[1].lower().split())]
        if len(withs) == 1:
            groups[withs[0]] += groups.pop((title, of))


def _join_short_titles(groups: dict[tuple[str, str | None], list[tuple[str | None, Span, bool]]]) -> None:
    """'Secretary <Name>' is the 'Secretary of State <Name>' of the same person (a title of address
    keeps the office's first word): a one-word title with no 'of' joins the one longer title of the
    person that is that word followed by 'of ...'."""
    for title, of in [k for k in groups if k[1] is None and " " not in k[0]]:
        longer = [k for k in groups if k[0].startswith(title + " of ")]
        if len(longer) == 1:
            groups[longer[0]] += groups.pop((title, of))


def _one_role(title: str, of: str | None, obs: list[tuple[str | None, Span, bool]], terms: Mapping[Span, Term]) -> Role:
    """One role from its observations: held dates from pages calling it current, and past when
    'former' is written at least as often as the bare title from the first 'former' on (a bare
    title after it is often a reference to the time in office: 'under President <Name>'; a
    return to office outnumbers it), and the term the text states."""
    held = sorted(d for d, _, past in obs if d and not past)
    gone = sorted(d for d, _, past in obs if d and past)
    past = all(p for _, _, p in obs) or bool(gone and len(gone) >= sum(d >= gone[0] for d in held))
    spans = tuple(sorted({s for _, s, _ in obs}, key=lambda s: (s.doc_id, s.start)))
    starts = sorted(t[0] for s in spans if (t := terms.get(s)) and t[0])
    ends = sorted(t[1] for s in spans if (t := terms.get(s)) and t[1])
    return Role(title=title, of=of, first_seen=held[0] if held else None, last_seen=held[-1] if held else None,
                evidence=spans, start=starts[0] if starts else None, end=ends[-1] if ends else None, past=past)


def roles_from(observations: Iterable[tuple[str, str | None, Span]], terms: Mapping[Span, Term] | None = None,
               names: Collection[str] = frozenset()) -> tuple[Role, ...]:
    """(title, date, evidence span) observations -> one Role per (title, of) with its dates.

    Dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD) so string order is time order; ``terms``
    gives the start and end a page states for the role written at a span ('since 2014'); ``names``:
    the corpus's names a title may be of (``read_title``).
    """
    groups: dict[tuple[str, str | None], list[tuple[str | None, Span, bool]]] = {}
    for title, date, span in observations:
        for read in read_titles(title, names):
            past = read.past or bool(read.year and date and read.year < date[:4])  # '2012 nominee' on a 2016 page
            groups.setdefault((read.title, read.of), []).append((date, span, past))
    _join_countryless(groups)
    _join_short_titles(groups)
    roles = [_one_role(title, of, obs, terms or {}) for (title, of), obs in groups.items()]
    return tuple(sorted(roles, key=lambda r: (r.first_seen or "9999", r.title, r.of or "")))


def former_counts(titles: Iterable[str | None], names: Collection[str] = frozenset()) -> Counter[tuple[str, str | None]]:
    """How often each (title, of) is written as a past one ('former President') among one person's titles
    (``names`` as for ``roles_from``, so the keys are the roles')."""
    out: Counter[tuple[str, str | None]] = Counter()
    for t in titles:
        for read in read_titles(t, names) if t else ():
            if read.past:
                out[read.title, read.of] += 1
    return out


_OFTEN_FORMER = 1 / 5  # of a role's mentions written 'former <Title>': a past holder's share
_RARELY_FORMER = 1 / 20  # ... and the most a sitting holder's may be
_SITTING_LEAST = 3  # mentions with the title a sitting holder needs (not one stray mention)


def _overlap(a: Role, b: Role) -> bool:
    return bool(a.first_seen and b.first_seen and a.last_seen and b.last_seen
                and a.first_seen <= b.last_seen and b.first_seen <= a.last_seen)


def _formers(counts: Counter[tuple[str, str | None]], r: Role) -> int:
    """'former <Title>' written of this role: with its 'of', or with none when the role has none."""
    return counts[r.title, r.of] + (counts[r.title, None] if r.of is not None else 0)


def one_holder_at_a_time(entities: Sequence[Entity], formers: Mapping[str, Counter[tuple[str, str | None]]]) -> list[Entity]:
    """An office one person holds at a time (``SINGLE_HOLDER_TITLES``), held by two people on the pages
    of the same time (the same 'of', or one left unsaid): the one often written 'former' is a past
    holder when the other rarely is and is written with it three times or more ('President <Name>' in a
    clause about a past president; the text's tense is not read; a stray 'former' by a misplaced
    mention must not decide). ``formers``: each entity id's ``former_counts``."""
    holders: dict[str, list[tuple[Entity, Role]]] = {}
    for e in entities:
        for r in e.roles:
            if r.title in SINGLE_HOLDER_TITLES and not r.past and e.type == "person":
                holders.setdefault(r.title, []).append((e, r))
    none: Counter[tuple[str, str | None]] = Counter()
    share = {(e.id, r.title, r.of): _formers(formers.get(e.id, none), r) / max(1, len(r.evidence))
             for held in holders.values() for e, r in held}
    gone: set[tuple[str, str, str | None]] = set()
    for held in holders.values():
        for e, r in held:
            if share[e.id, r.title, r.of] >= _OFTEN_FORMER and any(
                    o is not e and (q.of == r.of or None in (q.of, r.of)) and share[o.id, q.title, q.of] <= _RARELY_FORMER
                    and len(q.evidence) >= _SITTING_LEAST and _overlap(r, q) for o, q in held):
                gone.add((e.id, r.title, r.of))
    if gone:
        logger.debug("%d single-holder roles read as past", len(gone))
    ids = {k[0] for k in gone}
    return [replace(e, roles=tuple(replace(r, past=True) if (e.id, r.title, r.of) in gone else r for r in e.roles))
            if e.id in ids else e for e in entities]


# Between a titled name and 'since <date>': the title's own words, or a clause saying it is held.
_HELD_CLAUSE = re.compile(r"^[\s,]*(?:(?:who|which)\s+)?(?:has|had|have)?\s*(?:been|served|held\b[^,;.]{0,40}|was|is)?\b", re.I)
_TERM_WORD = re.compile(r"\b(since|until|till|through|from|to)\s+$", re.I)


def _term_dates(after: str, offset: int, times: Iterable[tuple[int, str]]) -> Term:
    """Start and end stated right after a title: 'since <date>', 'until <date>', 'from <date> to
    <date>', for dates the time tagger resolved (``times``: start offset in the page, value)."""
    start = end = None
    for at, value in sorted(times):
        rel = at - offset
        if not (0 <= rel <= len(after)) or not re.match(r"\d{4}", value):
            continue
        word = _TERM_WORD.search(after[:rel])
        if not word:
            continue
        kind = word.group(1).lower()
        if kind in ("since", "from"):
            start = start or value
        elif kind != "to" or start:  # 'to <date>' ends a term only after 'from <date>'
            end = end or value
    return start, end


def stated_term(title: str | None, name_end: int, text: str, times: Iterable[tuple[int, str]]) -> Term:
    """The term a page states for the title written at a name ending at ``name_end``: within the
    clause after the name ('<Name>, chairman of <Org> since 2014,', '<Name>, who has been chairman
    until March'), when what stands between the name and the date is the title or a clause of
    holding it, not another event ('<Name>, who moved here in 2014')."""
    if not title:
        return None, None
    clause = re.split(r"[;.()\n]|,\s+(?:and|but)\b", text[name_end : name_end + 160], maxsplit=1)[0]
    word = re.search(r"\b(since|until|till|through|from)\b", clause, re.I)
    if not word:
        return None, None
    gap = clause[: word.start()]
    head = title.lower().split()[-1]
    held = head in gap.lower() or _HELD_CLAUSE.fullmatch(gap.strip(" ,") + " ") is not None or not gap.strip(" ,")
    return _term_dates(clause, name_end, times) if held else (None, None)
