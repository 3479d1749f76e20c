"""Step 1 of resolution: mentions of one document -> ``Obs`` values the resolver clusters.

Each usable mention gets its display name (the in-document canonical name when known), a
provisional kind (person, gov, a plain name, a common noun or a pronoun) and its document's date.
What the whole corpus says of a name's type, and refusing mentions that stand for two things
('Merkel and Macron', 'France-Germany'), is in ``agreement``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import marshal
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass

from dossier.model import Annotations, Document, EntityType, Mention
from dossier.lang import geo
from dossier.lang.en import (
    FACILITY_NOUNS, FUNCTION_WORDS, GPE_NOUNS, PAST_TITLE_WORDS, PEOPLE_NOUNS, RELATIONAL_TITLE_WORDS, STREET_FIRST_NOUNS,
    STREET_LAST_NOUNS,
)
from dossier.resolve.clean import (
    capitalised_common,
    is_role,
    lower_head,
    name_list,
    np_core,
    peel_descriptor,
    place_apposition,
    trim_common_words,
    without_capital_preposition,
)
from dossier.resolve.common import bare_pronoun, first_person, head_lemma, is_pronoun
from dossier.resolve.placenames import person_over_known_place
from dossier.resolve.pronouns import RELATIVE_PRONOUNS
from dossier.resolve.context import (
    address_title,
    company_short_form,
    ends_in_initialism,
    is_actor,
    medium_cue,
    org_cue,
    org_shaped,
    person_cue,
    place_cue,
    strip_title_word,
    title_words,
)
from dossier.nlp.gender import disagrees, honorific_before, honorific_gender
from dossier.nlp.names import (
    clean_name,
    coordination,
    GENERATIONS,
    generation,
    joined_names,
    malformed,
    name_tokens,
    translit_word,
)
from dossier.resolve.roles import read_titles, stated_term

logger = logging.getLogger(__name__)

MentionKey = tuple[str, int, int]
_NAMEISH = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "MISC"})
# Last words of a political unit's name that no person's name ends in ('<Surname> County'; not 'State',
# 'City' or 'Capital', which end bodies' and teams' names too).
_UNIT_LAST_WORDS = GPE_NOUNS - {"state", "capital", "republic", "city", "town", "village"}
POINTERS = frozenset({"PRON", "TITLE"})
_PLACE_LABELS = frozenset({"FAC", "GPE", "LOC"})  # mentions that point at a named entity
LABEL_TYPE: dict[str, EntityType] = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_GOV_ORG = re.compile(r"^(?:(?P<adj>[A-Z][\w.\- ]*?)\s+government|government\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.\- ]*))$", re.I)


@dataclass(frozen=True, slots=True)
class Obs:
    """One mention as the resolver sees it."""

    key: MentionKey
    mention: Mention
    name: str  # display name: canonical (fullest in-document name) or the cleaned text
    surface: str  # the cleaned text as written
    kind: str  # person | gov | name
    date: str | None
    country: str | None = None  # for gov: the country it stands for
    place: bool = False  # the text says it is a place ("X islands")
    org: bool = False  # the text says it is a publication or agency ("the newspaper X")
    shape: str = "name"  # name | coord ('X and Y') | joined ('X-Y') | malformed | common | pron
    term: tuple[str | None, str | None] = (None, None)  # the title's start and end as the page states them
    medium: bool = False  # the text uses it as a medium ('on X', 'X account'): never a person
    gender: str = ""  # 'm'/'f': the courtesy title before a bare name ('Mr. <Surname>'), for its namesakes


# Every field of ``Obs`` but its mention, in declaration order (key first, as ``unpacked`` reads
# them): derived, so a field added to ``Obs`` is packed too (a hand-written list once dropped ``gender``).
_PACKED_FIELDS = tuple(f.name for f in dataclasses.fields(Obs) if f.name != "mention")


# ---------------------------------------------------------------------------------------------
# 1. observe
# ---------------------------------------------------------------------------------------------


def _is_name(text: str) -> bool:
    """Proper names have a capital letter; 'the man' or 'her' is not a name."""
    return any(c.isupper() for c in text)


def _gov_country(m: Mention, name: str, text: str) -> str | None:
    """The country whose government this mention stands for, if it is used that way."""
    seat = geo.country_of_seat(name)
    if seat and m.label in ("ORG", "FAC", "GPE", "LOC"):
        # A seat is the government unless it is plainly a location ("talks at the White House").
        before = text[max(0, m.span.start - 12) : m.span.start].lower().split()
        return None if before and before[-1] in {"in", "at", "inside", "outside", "near", "into"} else seat
    if m.label == "ORG":
        g = _GOV_ORG.match(name)
        if g:
            part = g.group("adj") or g.group("of") or ""
            return geo.country_of_adjective(part) or geo.country_named(part)
        return None
    if m.label in ("GPE", "LOC"):
        country = geo.country_named(name) or geo.country_of_capital(name)
        if country and is_actor(text, m.span.start, m.span.end):
            return country
    return None


# An abbreviated title written straight before a name, with the state or place it is of: 'Sen. <Name>',
# '<State> Gov. <Name>', 'Lt. Gov. <Name>' (roles.py spells them out).
_ABBREVIATED_TITLE = re.compile(r"((?:\b[A-Z][a-z]+\s+){0,2}(?:Lt\.\s+)?\b(?:Sen|Gov|Rep|Gen|Adm|Col|Amb)\.)\s*$")


# 'would-be president <Name>', 'potential nominee <Name>': a role the text does not say is held
_NOT_ACTUAL = re.compile(r"\b(would-be|wannabe|potential|possible|prospective|hypothetical)[\s-]*$")
# A past-holder word before the title ("former", "then-"), maybe across up to two words of the post
# the title left out ("former travel reporter", "former <State> state senator"; not a possessive, which
# makes the past word another person's, nor a relation, "former rival Sen.", nor a function word, "late
# November with chief <Name>"): kept, as a past role.
_PAST_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(PAST_TITLE_WORDS)) + r")[\s-]+"
    r"(?:(?!(?:" + "|".join(sorted(RELATIONAL_TITLE_WORDS | FUNCTION_WORDS)) + r")\b)[\w.-]+\s+){0,2}$")


def _demonym_plural(name: str) -> bool:
    """One word, the plural of a nationality's name ('Greeks', 'Americans'; the gazetteer's
    adjectives) or of another people's (lang/en ``PEOPLE_NOUNS``): a people, which the tagger
    sometimes calls a person."""
    return " " not in name and name.endswith("s") and (
        geo.country_of_adjective(name[:-1]) is not None or name[:-1].lower() in PEOPLE_NOUNS)


def _without_function_words(title: str) -> str:
    """'While Sen.' -> 'Sen.': a capitalised word before an abbreviated title that is a function word
    (a sentence's first word: 'But', 'While', 'When') is no part of it."""
    words = title.split()
    while len(words) > 1 and words[0].lower() in FUNCTION_WORDS:
        words = words[1:]
    return " ".join(words)


def _relabelled_by_words(m: Mention, toks: list[str], shaped: bool, name: str, text: str) -> Mention:
    """A name's own words overrule the tagger's label: '<Surname> Tower' is a building (not '<Given>
    Hall, who ...': ``person_cue``) and '<Surname> County' a political unit named after someone; 'Rue de
    <Surname>', 'Place <Name>' (``shaped``: not a body's name) and '<Name> Ave.' tagged ORG are streets."""
    label = m.label
    if len(toks) < 2:
        return m
    if label == "PERSON" and toks[-1] in FACILITY_NOUNS and not person_cue(name, text, m.span.end):
        label = "FAC"
    elif label == "PERSON" and toks[-1] in _UNIT_LAST_WORDS:
        label = "GPE"
    elif (label in ("PERSON", "ORG") and toks[0] in STREET_FIRST_NOUNS and not shaped) or (
            label == "ORG" and toks[-1] in STREET_LAST_NOUNS):
        label = "FAC"
    return m if label == m.label else dataclasses.replace(m, label=label)


def _person_tagged_place(m: Mention, name: str, text: str, tables: tuple[dict[str, list[tuple[int, str]]], ...]) -> str | None:
    """The page's person a one-word name tagged a place stands for: the text does not call it a place,
    the page names someone in full by it ('his sons, <Given>, 44, and ...' tagged GPE), and no
    gazetteer lists it or ``placenames`` finds the page's evidence stronger: the tagger read the words
    around it, not the name."""
    if m.label not in ("GPE", "LOC") or place_cue(text, m.span.start, m.span.end):
        return None
    person = _same_doc_person(m, name, tables)
    words = (person or "").split()  # a name as written, each word capitalised ('<Word>-free' is none)
    ok = len(words) >= 2 and all(w[:1].isupper() and not re.search(r"-[a-z]", w) for w in words)
    if ok and geo.known_place(name):  # a town's name too: the page must say it is the person's
        ok = person_over_known_place(name, person or "", text, m.span.start)
    return person if ok else None


def current_title(m: Mention, text: str) -> str | None:
    """The mention's title unless the words before it say it is not held at the time of writing
    ('then', 'former', or the indefinite 'a President <Name>' or 'would-be president' of a hypothesis)."""
    if not m.title and m.label == "PERSON":
        abbreviated = _ABBREVIATED_TITLE.search(text[max(0, m.span.start - 40) : m.span.start])
        m = dataclasses.replace(m, title=_without_function_words(abbreviated.group(1))) if abbreviated else m
    if not m.title:
        return None
    window = text[max(0, m.span.start - len(m.title) - 40) : m.span.start].lower()
    at = window.rfind(m.title.lower().split()[0])
    before = window[:at] if at >= 0 else window
    # 'former', 'then-': held before, kept as a past role; 'a President <Name>': a hypothetical, no role.
    if re.search(r"\b(a|an)\s*$", before) or _NOT_ACTUAL.search(before):
        return None
    return f"former {m.title}" if _PAST_BEFORE.search(before) else m.title


def _person_tables(annots: Annotations) -> tuple[dict[str, list[tuple[int, str]]], ...]:
    """Full PERSON names of one document by surname key and by first-name key, and bare PERSON
    names by key, so a bare name elsewhere in the document can find its person."""
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
    bare: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in annots.mentions:
        if m.label != "PERSON" or coordination(m.text) or name_list(clean_name(m.text)):
            continue
        full = peel_descriptor(clean_name(m.canonical or m.text), True)[1]  # 'defensive tackle <Name>' is '<Name>'
        if org_shaped(full) or ends_in_initialism(full):
            continue  # '<Name> Mining', '<State> GOP' tagged PERSON: a body, no one's surname or given name
        if lower_head(full):
            continue  # "<Team>' defense", '<Name> supporters': a noun phrase with a lowercase head, no person's name
        toks = name_tokens(full)
        gen = "|" + generation(full)  # 'Smith' is not 'John Smith Jr.' of the same page
        if len(toks) >= 2:
            by_surname[translit_word(toks[-1]) + gen].append((m.span.start, full))
            by_first[translit_word(toks[0]) + gen].append((m.span.start, full))
        elif toks:
            bare[translit_word(toks[0]) + gen].append((m.span.start, full))
    return by_surname, by_first, bare


def _same_doc_person(m: Mention, name: str, tables: tuple[dict[str, list[tuple[int, str]]], ...]) -> str | None:
    """The person a bare name means within its own document: a full name with that surname, else
    with that first name ('Tesfaye' after 'Tesfaye Alemu': given names are used alone in some
    naming customs), else the same bare name tagged PERSON (a 'Tesfaye' tagged LAW next to 'Tesfaye'
    tagged PERSON). The nearest such name before the mention wins."""
    toks = name_tokens(name)
    if len(toks) != 1:
        return None
    k = translit_word(toks[0]) + "|" + generation(name)
    for table in tables:
        cands = table.get(k, [])
        if cands and (table is not tables[1] or len({n for _, n in cands}) == 1):
            before = [c for c in cands if c[0] <= m.span.start]
            return (before or cands)[-1][1]
    if not generation(name):
        # only the suffixed keys are read: not the whole surname table per bare name
        return only_suffixed(k, {k + g: {n for _, n in tables[0].get(k + g, ())} for g in GENERATIONS})
    return None


def _in_person_name(name: str, tables: tuple[dict[str, list[tuple[int, str]]], ...]) -> bool:
    """A word of the name is a surname or given name of a full person name on the page."""
    return any(translit_word(w) + "|" + gen in table for w in name_tokens(name) for table in tables[:2] for gen in ("",) + GENERATIONS)


def only_suffixed(bare_key: str, by_key: Mapping[str, Collection[str]]) -> str | None:
    """The one suffixed name ('<Given> <Surname> Jr.') a bare surname key means when no name without a
    suffix has that surname: later references drop the suffix ('<Surname> said'), as news style has it.
    Two suffixed namesakes (Jr. and Sr.) leave it undecided."""
    found = {n for gen in GENERATIONS for n in by_key.get(bare_key + gen, ())}
    return next(iter(found)) if len(found) == 1 else None


def _page_titles(annots: Annotations) -> dict[str, set[str]]:
    """The role titles each full person name carries on one page (normalised), from mentions
    written in full: a titled bare surname is what is being decided."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in annots.mentions:
        full = m.label == "PERSON" and m.title and len(name_tokens(clean_name(m.text))) >= 2
        for norm in read_titles(m.title) if full and m.title else ():
            out[clean_name(m.canonical or m.text)].add(norm.title)
    return out


def _title_disagrees(m: Mention, surface: str, held: set[str]) -> bool:
    """A titled bare surname whose page-canonical person never holds that title on the page."""
    norms = read_titles(m.title) if m.title and m.label == "PERSON" else []  # held now or before
    return bool(norms) and len(name_tokens(surface)) == 1 and all(n.title not in held for n in norms)


def _covers(name: str, surface: str) -> bool:
    """Every word of a full surface name is in the in-page name it was given."""
    words = name_tokens(surface)
    return len(words) < 2 or set(words) <= set(name_tokens(name))


def peel(m: Mention, surface: str, name: str) -> tuple[Mention, str, str]:
    """The mention without a descriptor or title written before the name ('sect leader <Name>');
    a role word peeled from a person becomes the mention's title when it has none."""
    person = m.label == "PERSON"
    descriptor, core = peel_descriptor(surface, person)
    if not descriptor:
        return m, surface, name
    _, name_core = peel_descriptor(name, person)
    if person and not m.title and is_role(descriptor):
        m = dataclasses.replace(m, title=descriptor)
    return m, core, name_core


@dataclass(frozen=True)
class _Page:
    """What one page says about its names, read once: person tables, titles, title words, names."""

    tables: tuple[dict[str, list[tuple[int, str]]], ...]
    titles: dict[str, set[str]]
    address_words: set[str]
    names: set[str]


def _page(text: str, annots: Annotations) -> _Page:
    """Read the page's person tables, role titles, title words after a title of address, and names."""
    named = [m for m in annots.mentions if m.label in ("PERSON", "ORG")]
    persons = {clean_name(m.text) for m in named if m.label == "PERSON"}
    words = title_words(text, [(m.span.start, clean_name(m.text)) for m in named if m.label == "PERSON"], persons)
    return _Page(_person_tables(annots), _page_titles(annots), words, {clean_name(m.text) for m in named})


def _honorific(m: Mention, text: str) -> str:
    """The gender of the courtesy title before the mention or opening it ('Mrs. <Surname>', the span
    '<Mr> <Surname>' as an annotator or a tagger may take it in)."""
    words = m.text.split()
    return (honorific_gender(words[0]) if len(words) >= 2 else "") or honorific_before(text, m.span.start)


def _names(m: Mention, text: str, page: _Page) -> tuple[Mention, str, str, bool]:
    """The mention (its title read in context, a descriptor peeled), its surface name, the name it
    stands for on the page, and whether a titled bare surname was kept from the page's full name."""
    title = current_title(m, text)
    m = m if title == m.title else dataclasses.replace(m, title=title)
    surface = strip_title_word(clean_name(m.text), page.address_words)
    name = strip_title_word(clean_name(m.canonical), page.address_words) if m.canonical else surface
    if m.label in _PLACE_LABELS:
        surface, name = without_capital_preposition(surface), without_capital_preposition(name)  # 'In <Town>'
    if m.label in ("PERSON", "TITLE", "PRON"):
        surface, name = trim_common_words(surface, text), trim_common_words(name, text)
    if m.label != "TITLE" and not _covers(name, surface):
        # nlp's in-page name is another one ('<Surname> Speech' for '<Given> <Surname>'); a title
        # ('the Texas senator') is no name, so its words never cover its person's
        name = surface
    m, surface, name = peel(m, surface, name)
    full = name if name != surface else _same_doc_person(m, surface, page.tables) or surface
    detached = full != surface and (_title_disagrees(m, surface, page.titles.get(full, set()))
                                    or disagrees(_honorific(m, text), full.split()))
    # 'President <Surname>' or 'Mr. <Surname>' on a page naming only his wife in full: decided across pages.
    return m, surface, surface if detached else name, detached


_BODY_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


def body_names(annots: Iterable[Annotations]) -> dict[str, str]:
    """Names of two or more words tagged a body (ORG, FAC, GPE, LOC) more often than a person,
    with their most frequent body label, over the given pages."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for a in annots:
        for m in a.mentions:
            if m.label in _BODY_LABELS or m.label == "PERSON":
                name = clean_name(m.text)
                if len(name.split()) >= 2:
                    votes[name][m.label] += 1
    out = {}
    for name, v in votes.items():
        label, n = max(((lab, c) for lab, c in v.items() if lab != "PERSON"), key=lambda x: (x[1], x[0]), default=("", 0))
        if n > v["PERSON"]:
            out[name] = label
    return out


def _body_tails(name: str) -> list[str]:
    """The tails of a person span's clean name that may name a body: two words or more, not the
    whole span ('<Given> <Surname> White House' -> '<Surname> White House', 'White House')."""
    words = name.split()
    return [" ".join(words[k:]) for k in range(1, len(words) - 1)]


def _date_times(annots: Annotations) -> list[tuple[int, str]]:
    """The page's resolved DATE times (start offset, value): what a role's stated term reads."""
    return [(t.span.start, t.value) for t in annots.times if t.value and t.type == "DATE"]


def bodies_named_after(annots: Annotations, known: Mapping[str, str] | None = None) -> Annotations:
    """A PERSON span that ends in a body of two or more words the page tags on its own, or the
    corpus does (``known``, from ``body_names``): 'the <Surname> White House' where 'the White
    House' is an organisation. The body, qualified by a name, is no person. The span takes the
    body's label, and so do the parts of it nlp pointed at it; it neither makes a person of the
    page nor takes the page's bare surnames."""
    bodies = {**(known or {}), **body_names([annots])}
    qualified: dict[str, str] = {}
    for m in annots.mentions:
        tails = _body_tails(clean_name(m.text)) if m.label == "PERSON" else []
        tail = next((t for t in tails if t in bodies), None)
        if tail:
            qualified[clean_name(m.text)] = tail
    if not qualified:
        return annots

    def as_body(m: Mention) -> Mention:
        tail = qualified.get(clean_name(m.text))
        if tail is not None:
            return dataclasses.replace(m, canonical=tail, label=bodies[tail])
        tail = qualified.get(clean_name(m.canonical or ""))
        if tail is None:
            return m
        if m.label == "PERSON" and set(clean_name(m.text).split()) <= set(tail.split()):
            return dataclasses.replace(m, canonical=tail, label=bodies[tail])  # 'House' of it
        # A person's own name ('<Given> <Surname>'), or a title or pronoun nlp pointed at the span:
        # it stands on its own words (no in-page name to point at).
        return dataclasses.replace(m, canonical=None)

    return dataclasses.replace(annots, mentions=tuple(as_body(m) for m in annots.mentions))


# A page's observations as the memo keeps them between resolution runs (``packed``): the mention
# each stands for (its index among the page's mentions, or the object observe made), and every
# other field marshalled. During a run they are the objects.
Packed = tuple[tuple[int | Mention, ...], bytes]
ObsMemo = MutableMapping[str, tuple[Hashable, list[Obs] | Packed]]


def inputs_of(doc: Document, annots: Annotations, bodies: Mapping[str, str] | None) -> Hashable:
    """Everything ``observe`` reads of a page besides its text (fixed after the map step): its date,
    its resolved DATE times, its mentions as the annotator gave them (not the entity ids resolution
    writes into them) and the corpus's body names its PERSON spans end in (``bodies_named_after``)."""
    known = bodies or {}
    tails = [(t, known[t]) for m in annots.mentions if m.label == "PERSON"
             for t in _body_tails(clean_name(m.text)) if t in known]
    return (
        doc.published.value,
        tuple(_date_times(annots)),
        tuple((m.span.doc_id, m.span.start, m.span.end, m.text, m.label, m.canonical, m.title, m.confidence, m.rule)
              for m in annots.mentions),
        tuple(tails),
    )


def inputs_digest(key: Hashable) -> bytes:
    """A page's inputs (``inputs_of``) as the memo keeps them: a 16-byte BLAKE2b digest of their
    repr instead of the tuple of every mention's fields (a third of the memo). The inputs are
    strings, numbers and None in tuples, whose reprs are equal exactly when they are."""
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def interned(seen: list[Obs]) -> list[Obs]:
    """The observations with their names and surfaces shared: a corpus has a few thousand distinct
    names over hundreds of thousands of observations, which the memo keeps for the whole step.
    ``dataclasses.replace`` keeps every other field (a hand-listed copy once dropped ``gender``)."""
    intern = sys.intern
    return [dataclasses.replace(o, name=intern(o.name), surface=intern(o.surface)) for o in seen]


def observe_once(doc: Document, annots: Annotations, bodies: Mapping[str, str] | None, memo: ObsMemo | None) -> list[Obs]:
    """``observe``, kept in ``memo`` (by page id) for as long as the page's inputs stay the same:
    a corpus step re-runs resolution after re-dating moved a few pages, and every other page's
    observations, most of resolution's time, are those of the run before."""
    if memo is None:
        return observe(doc, annots, bodies)
    key = inputs_digest(inputs_of(doc, annots, bodies))
    kept = memo.get(doc.id)
    if kept is not None and kept[0] == key:
        if isinstance(kept[1], list):
            return kept[1]
        seen = unpacked(kept[1], annots.mentions)
    else:
        seen = interned(observe(doc, annots, bodies))
    memo[doc.id] = (key, seen)  # packed again when the run is over (``pack_memo``)
    return seen


def pack_memo(memo: ObsMemo, annots: Iterable[Annotations]) -> None:
    """Pack (``packed``) the observations the memo holds as objects, against the ``annots`` they
    were observed on: called once a resolution run is over, when nothing else holds them, so they
    are not held twice during it."""
    for a in annots:
        got = memo.get(a.doc_id)
        if got is not None and isinstance(got[1], list):
            memo[a.doc_id] = (got[0], packed(got[1], a.mentions))


def packed(seen: Sequence[Obs], mentions: Sequence[Mention]) -> Packed:
    """Observations as the memo keeps them between two resolution runs (through the events and
    re-dating passes): every page's ``Obs`` objects and key tuples were tens of MB at 10,000 pages,
    and they held the page's mentions as observed, which resolution then replaces (it writes their
    entity ids), so both copies lived. A mention of the page is kept as its index. The rows are
    compressed (zlib level 1, about a third of their size): the memo is held through the events
    pass, whose own working set stood on it at the step's peak, and read again only when
    re-dating makes resolution run twice."""
    at = {id(m): i for i, m in enumerate(mentions)}
    return tuple(at.get(id(o.mention), o.mention) for o in seen), zlib.compress(marshal.dumps(tuple(
        tuple(getattr(o, f) for f in _PACKED_FIELDS) for o in seen)), 1)


def unpacked(kept: Packed, mentions: Sequence[Mention]) -> list[Obs]:
    """The observations ``packed`` was given, on the page's ``mentions`` now: the same inputs
    (``inputs_of``), so equal to those observed but for the entity ids, which resolution never reads."""
    refs, rows = kept
    return [Obs(key, mentions[m] if isinstance(m, int) else m, *rest)
            for m, (key, *rest) in zip(refs, marshal.loads(zlib.decompress(rows)), strict=True)]


def _read_as(m: Mention, name: str, surface: str, text: str,
             tables: tuple[dict[str, list[tuple[int, str]]], ...]) -> tuple[str, str]:
    """The name and surface a mention is read as: a place noun in apposition gives the place's name
    ('the city of <Name>', '<Name> province'), and a capitalised word its page writes only lowercase
    inside sentences is that common noun ('Driver' in a headline over 'the driver', truecased)."""
    written = without_capital_preposition(m.text.strip()) if m.label in _PLACE_LABELS else m.text
    placed = place_apposition(written) if name == surface and m.label != "PERSON" else ""
    if placed:
        name = surface = placed
    if _is_name(name) and name == surface and capitalised_common(name, text) and not _in_person_name(name, tables):
        name = name.lower()
    return name, surface


def observe(doc: Document, annots: Annotations, bodies: Mapping[str, str] | None = None) -> list[Obs]:
    """Mentions of one document -> observations (pronouns without a canonical name are kept as
    'pron', non-name noun phrases as 'common'; both are linked after the names). ``bodies``: the
    corpus's body names (``body_names``)."""
    annots = bodies_named_after(annots, bodies)
    text = doc.text
    date = doc.published.value
    page = _page(text, annots)
    tables = page.tables
    out = []
    for m, surface, name, detached in (_names(m, text, page) for m in sorted(annots.mentions, key=lambda m: (m.span.start, m.span.end))):
        key = (doc.id, m.span.start, m.span.end)
        if address_title(text, m.span.start, surface, page.address_words):
            continue  # 'the former Miss <Title>': a title, not a name
        if m.label in POINTERS:
            # "he", "the foreign minister": nlp said whom they stand for, or a pronoun to attach later.
            if m.canonical and _is_name(name):
                out.append(Obs(key, m, name, surface, "pointer", date))
            elif m.label == "PRON" and (is_pronoun(m.text) or m.text.strip().lower() in RELATIVE_PRONOUNS):
                out.append(Obs(key, m, m.text.strip().lower(), surface, "pron", date, shape="pron"))
            elif m.label == "PRON" and bare_pronoun(m.text):
                out.append(Obs(key, m, bare_pronoun(m.text), surface, "pron", date, shape="pron"))  # "she's"
            elif m.label == "PRON" and first_person(m.text):
                out.append(Obs(key, m, "i", surface, "pron", date, shape="pron"))  # the speaker of its quote
            continue
        if m.label == "NORP" or m.label not in _NAMEISH or not name:
            continue  # 'Japanese', 'Russian': adjectives, not actors or places
        name, surface = _read_as(m, name, surface, text, tables)
        if not _is_name(name) or (malformed(name) and lower_head(name)):
            # 'the actress', 'two hospitals', 'Danube bridge', 'a bank in <City>': a noun phrase,
            # linked by its head word.
            if is_pronoun(name):
                out.append(Obs(key, m, name.lower(), surface, "pron", date, shape="pron"))
            elif head_lemma(np_core(name)):
                out.append(Obs(key, m, head_lemma(np_core(name)), surface, "common", date, shape="common"))
            continue
        name, surface = np_core(name), np_core(surface)  # '<Name> Center in <Town>' is '<Name> Center'
        country = _gov_country(m, name, text)
        if country:
            out.append(Obs(key, m, name, surface, "gov", date, country=country))
            continue
        listed = coordination(name) or (m.label == "PERSON" and name_list(name))
        shape = "coord" if listed and not geo.country_named(name) else (
            "malformed" if malformed(name) else "joined" if joined_names(name, lambda p: True) else "name")
        toks = name_tokens(name)
        if m.label == "PERSON" and _demonym_plural(name):
            m = dataclasses.replace(m, label="NORP")  # 'Greeks', 'Americans': a people, not a person
        if len(toks) == 1 and shape == "name" and (person := _person_tagged_place(m, name, text, tables)):
            out.append(Obs(key, dataclasses.replace(m, label="PERSON"), person, surface, "person", date))
            continue
        if len(toks) == 1 and m.label not in ("GPE", "LOC") and shape == "name":
            # A bare name whose person is in this document (robust to a missing canonical).
            company = None if m.title or _same_doc_person(m, name, tables[:2]) else company_short_form(name, page.names)
            if company and m.label in ("PERSON", "ORG"):
                out.append(Obs(key, m, company, surface, "name", date, org=True))
                continue
            person = None if detached or org_shaped(name) else _same_doc_person(m, name, tables)
            if person and (m.label == "PERSON" or not geo.country_named(name)):
                out.append(Obs(key, m, person, surface, "person", date, place=place_cue(text, m.span.start, m.span.end),
                               org=org_cue(text, m.span.start, m.span.end), medium=medium_cue(text, m.span.start, m.span.end)))
                continue
        # '<Name> Mining', a lone 'Caucus', '<Name> PAC' tagged PERSON: a body, whatever the tag
        shaped = org_shaped(name) or (m.label == "PERSON" and ends_in_initialism(name))
        m = _relabelled_by_words(m, toks, shaped, name, text)
        kind = "person" if m.label == "PERSON" and shape in ("name", "joined") and not shaped else "name"
        if geo.country_named(name):
            name, kind = geo.country_named(name) or name, "name"
        out.append(
            Obs(key, m, name, surface, kind, date, place=place_cue(text, m.span.start, m.span.end),
                org=shaped or org_cue(text, m.span.start, m.span.end), shape=shape,
                medium=medium_cue(text, m.span.start, m.span.end),
                gender=_honorific(m, text) if kind == "person" and len(toks) == 1 else "")
        )
    times = _date_times(annots)
    return [dataclasses.replace(o, term=stated_term(o.mention.title, o.mention.span.end, text, times))
            if o.mention.title and o.kind == "person" else o for o in out]
