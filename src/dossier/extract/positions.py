"""Positions: who stands where on which issue, over time, across the corpus.

Claims (one sentence each) are turned into positions by
(1) mapping each claim's speaker to the side it speaks for: a country and its government are one
    side shown by the country's name, a minister / spokesman / president in office speaks for his
    government, while commentators, analysts, professors and newspapers keep their own name;
(2) grouping the claims' key phrases into issues found from the corpus itself: each phrase is
    reduced to its head noun (skipping light heads: "the return of four islands" -> islands),
    phrases sharing a head form one issue named by their most common short form ("peace treaty"),
    and claims that join no issue shared by two or more claims fall under one "other" issue;
(3) dating each position by its sentence's own date, else the page's date (with its precision).
The user's config may rename or merge issues afterwards (``issue_names``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from dossier.extract.demonyms import demonym_lookup
from dossier.extract.positions_order import OTHER, position_order
from dossier.extract.positions_quotes import quote_claims
from dossier.lang.geo import country_named
from dossier.model import Annotations, Claim, Document, Entity, Position, Precision, Quote
from dossier.nlp.cues import POST_NOUNS

logger = logging.getLogger(__name__)


# Words that carry no topic: determiners, quantifiers, numbers in words. Generic English only.
_STOP = frozenset(
    """a an the this that these those any all some such no its their his her our your my of on
    over for to in at by with and or but from as into about toward towards between regarding
    one two three four five six seven eight nine ten first second new other more most much many
    further both each either neither every own same""".split()
)
# Light heads: the topic is what they attach to ("the return of X", "the basis of X", "the X issue").
_LIGHT = frozenset(
    """return basis part outcome fact consideration finalization finalisation issue question matter
    problem way kind sort type form number lot rest aspect result idea need possibility point status
    future terms term case subject topic thing things something anything nothing everything one
    start beginning end use resolution settlement solution speed pace timing rate level amount
    scale data information details""".split()
)
# Pro-form nouns: what comes before them is a quality, not a topic ("the right thing", "the best
# way", "a good one"), so with nothing attached after them a phrase is about nothing.
_PRO_FORMS = frozenset("thing things something anything nothing everything one ones way ways kind sort lot bit".split())
# Role nouns that are as often a thing or an idea ("racial justice", "the head of the list").
_ROLE_AND_THING = frozenset("justice general head chief host anchor chair executive".split())
# Heads naming the parties, never what they disagree about ("the two countries").
_PARTY_NOUNS = frozenset(
    """country countries side sides party parties nation nations government governments leader
    leaders official officials state states people we they both partner partners""".split()
)
_PREPS = frozenset(
    "of over on for to in at by with from as into about toward towards between regarding against "
    "under within without after before during".split()
)
_MAX_NAME_WORDS = 5
# Near-synonyms of diplomacy (generic English): one issue whatever word a page uses. The issue
# is still named by its most common written form ("peace treaty", "talks").
_SYNONYMS = {
    **dict.fromkeys(("deal", "accord", "pact", "treaty", "arrangement"), "agreement"),
    **dict.fromkeys(("negotiation", "talk", "dialogue", "discussion"), "talks"),
    **dict.fromkeys(("guideline", "regulation", "norm"), "rule"),
}
# "an agreement on X" is about X; the agreement itself is the issue only when nothing follows.
_ABOUT_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})

# Role words of someone who speaks for a government when in office (generic English titles).
_OFFICIAL_WORDS = frozenset(
    """president vice-president premier chancellor minister ministers secretary spokesman
    spokeswoman spokesperson ambassador envoy king queen emperor monarch governor leader head
    official officials diplomat negotiator representative delegate cabinet ministry government
    chairman""".split()
)
# Role words of someone who only comments: keeps his own name, is not a side.
_COMMENTATOR_WORDS = frozenset(
    """professor analyst analysts commentator columnist editor host researcher expert scholar
    fellow lecturer economist historian author writer reporter correspondent journalist observer
    critic blogger student director""".split()
)
# "France's position/stance/view ..." in a statement: the speaker voices that country's position.
_STANCE_NOUNS = ("position", "stance", "view", "policy", "claim", "demand", "line")



# ---------------------------------------------------------------------------------------------
# issues
# ---------------------------------------------------------------------------------------------


def _lemma(word: str) -> str:
    """Crude English plural fold ("territories" -> "territory", "islands" -> "island").

    Hand-written because the pipeline runs without spaCy's lemmatizer and issue grouping only
    needs plural nouns to meet their singulars.
    """
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _words(phrase: str) -> list[str]:
    """The words of a phrase, a possessive's clitic dropped ("Smith’s plan" -> Smith, plan): with a
    typographic apostrophe the clitic was a word of its own, and "s" an issue."""
    text = re.sub(r"'s\b", "", phrase.replace("’", "'").replace("‘", "'"))
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'\-\.]*[A-Za-z0-9]|[A-Za-z0-9]", text)


def _split_core(words: list[str]) -> tuple[list[str], list[str], str]:
    """(core, rest, separator): words before the first preposition / conjunction, and after it."""
    for i, w in enumerate(words):
        if i > 0 and (w.lower() in _PREPS or w.lower() in ("and", "or", "but", "which", "that", "who")):
            return words[:i], words[i + 1 :], w.lower()
    return words, [], ""


def _strip_det(words: list[str]) -> list[str]:
    out = list(words)
    while out and (out[0].lower() in _STOP or out[0].isdigit() or out[0].lower().endswith("'s")):
        out = out[1:]
    return out


def _head(core: list[str]) -> tuple[str, list[str]] | None:
    """(head term, display words) of a core noun phrase, skipping trailing light heads.

    A capitalised run ending in a numeral ("World War II") is one name; otherwise the head is the
    last word ("Aland Islands" -> island) so named and common mentions of a thing meet.
    """
    words = _strip_det(core)
    if words and words[-1].lower() in _PRO_FORMS:
        return None
    while words and (words[-1].lower() in _LIGHT or words[-1].lower() in _STOP):
        words = words[:-1]
    if not words:
        return None
    last = words[-1]
    if re.fullmatch(r"[IVX]+|\d+", last) and len(words) > 1:
        run = [last]
        for w in reversed(words[:-1]):
            if not w[:1].isupper():
                break
            run.insert(0, w)
        return " ".join(run).lower(), words[-_MAX_NAME_WORDS:]
    if _lemma(last) in _PARTY_NOUNS or last.lower() in _PARTY_NOUNS or _is_role(last):
        return None  # the parties or a person's office ("the Republican nominee"), never the issue
    lemma = _lemma(last)
    return _SYNONYMS.get(lemma, lemma), words[-_MAX_NAME_WORDS:]


def phrase_terms(phrase: str) -> tuple[str, ...]:
    """Topic terms of a key phrase, head first: "the return of four rocky islands" -> (island, rocky).

    Light heads ("return", "basis", "part", "issue") hand the topic to what they attach to; the
    other content words of the phrase follow the head so a phrase can join an issue through a
    modifier ("the peace treaty accord" -> accord, peace, treaty).
    """
    terms: list[str] = []
    words = _words(phrase)
    while words:
        core, rest, sep = _split_core(words)
        head = _head(core)
        if head is not None and head[0] == "agreement" and sep in _ABOUT_PREPS and rest and not terms:
            words = rest  # "an agreement on the filling": the filling is the issue
            continue
        if head is not None:
            term, display = head
            terms.append(term)
            for w in display[:-1]:
                lw = _lemma(w)
                if lw not in _STOP and lw not in _LIGHT and not w.isdigit() and lw not in terms:
                    terms.append(lw)
        words = rest
    return tuple(dict.fromkeys(terms))  # first occurrence of each, in order


def _display(phrase: str, term: str) -> str | None:
    """The short form of a phrase around a term ("the two smaller islands of X" -> "smaller islands")."""
    words = _words(phrase)
    while words:
        core, rest, _ = _split_core(words)
        head = _head(core)
        if head is not None and head[0] == term:
            return " ".join(head[1])
        words = rest
    return None


def cluster_issues(
    phrases: Sequence[str], min_claims: int = 2, sentences: Sequence[Any] | None = None
) -> dict[str, str]:
    """Key phrase -> issue name; ``phrases`` has one entry per claim (repeats count, or with
    ``sentences`` — one key per phrase, e.g. its sentence span — repeats within a sentence don't).

    Why head nouns rather than string similarity: fuzzy scores make "the islands" and "the
    talks on the islands" near-identical and "peace treaty" and "treaty" different; an issue
    is what a phrase is *about*, its head noun. A head shared by ``min_claims`` claims makes an
    issue; a phrase whose head is not shared joins the first shared issue among its other terms,
    else falls under ``OTHER``. The issue's name is the most common short form of its phrases.
    """
    terms = {p: phrase_terms(p) for p in set(phrases)}
    heads = Counter(terms[p][0] for p in phrases if terms[p])
    if sentences is not None:  # two claims read from one sentence are one piece of evidence
        pairs = {(terms[p][0], s) for p, s in zip(phrases, sentences) if terms[p]}
        heads = Counter(head for head, _ in pairs)
    shared = {t for t, n in heads.items() if n >= min_claims}
    term_of: dict[str, str] = {}
    for p, ts in terms.items():
        term_of[p] = next((t for t in ts if t in shared), OTHER)
    names = _issue_names(phrases, term_of)
    return {p: names.get(term_of[p], OTHER) for p in terms}


def _issue_names(phrases: Sequence[str], term_of: dict[str, str]) -> dict[str, str]:
    """Issue term -> readable name: the most frequent short form, shorter on ties."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for p in phrases:
        term = term_of.get(p, OTHER)
        if term == OTHER:
            continue
        shown = _display(p, term)
        if shown:
            forms[term][shown] += 1
    names: dict[str, str] = {}
    for term, counter in forms.items():
        folded: Counter[str] = Counter()
        for form, n in counter.items():
            folded[form.lower()] += n
        best = min(folded.items(), key=lambda kv: (-kv[1], len(kv[0].split()), kv[0]))[0]
        # shown as most often written: "Western Sahara", "peace treaty"
        names[term] = max((f for f in counter if f.lower() == best), key=lambda f: (counter[f], f.islower()))
    return names


def _statement_term(statement: str, shared: set[str]) -> str | None:
    """First word of a statement that names a shared issue (claims without a key phrase)."""
    for i, w in enumerate(_words(statement)):
        if i == 0 or not w.islower() or _is_role(w):
            continue  # a name, a title or a sentence's first word ("Right now, ...") is not what it is about
        lw = _SYNONYMS.get(_lemma(w), _lemma(w))
        if lw in shared:
            return lw
    return None


def _is_role(word: str) -> bool:
    """A person's office or title ("president", "nominees"): who holds a stance, not an issue (an
    occupation in the plural may be one: 'police officers', 'investors')."""
    low = word.lower()
    return (low in POST_NOUNS or _lemma(low) in POST_NOUNS) and _lemma(low) not in _ROLE_AND_THING


# ---------------------------------------------------------------------------------------------
# actors
# ---------------------------------------------------------------------------------------------


def _title_words(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z\-]+", title)}


def _role_kind(title: str) -> str:
    """ "commentator" (not a side), "official" (speaks for a government in office) or "other"."""
    words = _title_words(title)
    if words & _COMMENTATOR_WORDS:
        return "commentator"
    if words & _OFFICIAL_WORDS:
        return "official"
    return "other"


_PAST_TITLE = re.compile(r"\b(former|ex-|then|late|outgoing|retired|candidate|nominee|hopeful|challenger)\b", re.IGNORECASE)


def _role_at(roles: Sequence[Any], date: str | None) -> list[Any]:
    """Roles held at ``date`` first (a former minister speaks for himself later), then the rest."""
    if not date:
        return list(roles)

    def holds(r: Any) -> bool:
        first, last = r.first_seen or "", r.last_seen or "9999"
        return first[: len(date)] <= date <= last + "~"

    return sorted(roles, key=lambda r: 0 if holds(r) else 1)


def entity_index(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Lower-cased name or alias -> the entity a claim naming it speaks as.

    A name that is both a place and a government's alias ("the capital") is the government;
    otherwise full names beat aliases. The resolve pass uses it to set ``Claim.actor``."""
    by_name: dict[str, Entity] = {}
    for e in entities:
        if e.government_of:
            for name in (e.name, *e.aliases):
                by_name.setdefault(name.lower(), e)
    for e in entities:
        by_name.setdefault(e.name.lower(), e)
    for e in entities:
        for alias in e.aliases:
            by_name.setdefault(alias.lower(), e)
    return by_name


Side = tuple[str | None, str]  # (the side's entity id, or None when no entity stands for it; its name)


def default_actor_of(resolution: Any) -> Callable[[Claim], Side]:
    """A claim -> side mapper built from a resolver's output (anything with ``.entities``).

    Rules, in order: a government or its seat ("Government of X", a capital) is its country
    (``Entity.government_of``); a person whose roles are only commentary (analyst, professor,
    editor...) speaks for himself; a country's office holder speaks for it (``Role.of``,
    itself mapped to its country), else for the country of a nationality adjective in his title,
    else for a country whose position his statement voices ("France's position remained ..."); a
    bare demonym is its country; anything else is itself. The side is an entity id when an entity
    stands for it, and its name (for ordering, and as the label of a side with no entity).
    """
    entities: Sequence[Entity] = tuple(getattr(resolution, "entities", ()) or ())
    by_id = {e.id: e for e in entities}
    by_name = entity_index(entities)
    countries = demonym_lookup([e.name for e in entities if e.type == "place" or (e.type == "gov" and not e.government_of)])

    def side_of(ent: Entity, seen: frozenset[str] = frozenset()) -> Entity | str:
        """A government or seat of government -> its country."""
        if ent.government_of and ent.government_of not in seen:
            target = by_id.get(ent.government_of) or by_name.get(ent.government_of.lower())
            if target is not None and target.id != ent.id:
                return side_of(target, seen | {ent.id})
            return ent.government_of if ent.government_of not in by_id else ent
        return ent

    def named(name: str) -> Entity | str:
        ent = by_name.get(name.lower())
        return side_of(ent) if ent else name

    def body(ref: str) -> Entity | str:
        ent = by_id.get(ref) or by_name.get(ref.lower())
        return side_of(ent) if ent else ref

    def voiced_country(statement: str) -> Entity | str | None:
        for m in re.finditer(r"\b([A-Z][\w\.\- ]{1,40}?)(?:'s|’s)\s+(\w+)", statement):
            if m.group(2).lower() in _STANCE_NOUNS:
                ent = by_name.get(m.group(1).lower())
                if ent is not None and (ent.type in ("place", "gov")):
                    return side_of(ent)
        return None

    def person_side(ent: Entity, claim: Claim) -> Entity | str:
        # a past office ("former secretary of state") or a candidacy speaks for no government:
        # a candidate or an ex-minister holds the stance himself
        held = [r for r in _role_at(ent.roles, claim.date) if not r.past and not _PAST_TITLE.search(r.title)]
        kinds = [(r, _role_kind(r.title)) for r in held]
        if not kinds or all(k == "commentator" for _, k in kinds):
            return ent
        for role, kind in kinds:
            if kind == "official" and role.of and (role.of in by_id or country_named(role.of)):  # of a country
                return body(role.of)
        for role, kind in kinds:
            if kind != "official":
                continue
            for word in role.title.split():
                country = countries(word)
                if country:
                    return named(country)
            return voiced_country(claim.statement) or ent
        return ent

    def side(claim: Claim) -> Entity | str:
        ent = (by_id.get(claim.actor) if claim.actor else None) or by_name.get(claim.actor_name.lower())
        if ent is None:
            country = countries(claim.actor_name)
            return named(country) if country else claim.actor_name
        if ent.government_of:
            return side_of(ent)
        if ent.type == "person":
            return person_side(ent, claim)
        if ent.type == "other":
            country = countries(ent.name)
            return named(country) if country else ent
        return ent

    def actor_of(claim: Claim) -> Side:
        found = side(claim)
        return (found.id, found.name) if isinstance(found, Entity) else (None, found)

    return actor_of


# ---------------------------------------------------------------------------------------------
# positions
# ---------------------------------------------------------------------------------------------


def _precision(value: str | None) -> Precision:
    if not value:
        return "none"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "none")  # type: ignore[return-value]


def _position_date(claim: Claim, doc: Document | None, annot: Annotations | None) -> tuple[str | None, Precision]:
    """The claim's own sentence date, else the page's date (which may have been re-dated since).

    A claim's ``date`` is its sentence's date or, failing one, the page date known when the page
    was read; it counts as the sentence's own only if a time expression of the sentence still
    carries it.
    """
    page = doc.published if doc is not None else None
    if claim.date and annot is not None:
        sent = annot.sentence_of(claim.span) or claim.span
        own = any(t.value == claim.date and sent.start <= t.span.start < sent.end for t in annot.times)
        if own:
            return claim.date, _precision(claim.date)
    if doc is not None and annot is not None:  # times re-resolved since ("last November" once dated)
        found = _sentence_date(doc, annot, annot.sentence_of(claim.span) or claim.span)
        if found:
            return found, _precision(found)
    if page is not None and page.value:
        return page.value, page.precision if page.precision != "none" else _precision(page.value)
    if claim.date and doc is None:
        return claim.date, _precision(claim.date)
    return None, "none"


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _sentence_date(doc: Document, annot: Annotations, sent: Any) -> str | None:
    """First date of a sentence that is not after the page date and does not name a thing.

    Used when a claim carries no date of its own (its page was undated when it was read): the
    parse is gone here, so "the 1956 declaration" / "the Declaration of October 1956" are
    recognised from the text around the date (a bare year before a lower-case word, or "of").
    """
    page = doc.published.value
    for t in annot.times:
        if not (sent.start <= t.span.start < sent.end) or t.type != "DATE" or not t.value or not _ISO.match(t.value):
            continue
        if page and (t.value[: len(page)] > page or (len(t.value) < len(page) and page.startswith(t.value))):
            continue  # a deadline, or coarser than the page date
        before = doc.text[max(0, t.span.start - 4) : t.span.start].lower()
        after = doc.text[t.span.end : t.span.end + 20]
        if before.endswith("of ") or (re.fullmatch(r"\d{4}", t.text.strip()) and re.match(r"\s+[a-z]", after)):
            continue
        return t.value
    return None


def build_positions(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    actor_of: Callable[[Claim], Side],
    issue_names: dict[str, str] | None = None,
    known: Mapping[str, str] | None = None,
    quotes_of: Callable[[Annotations], Sequence[Quote]] | None = None,
) -> list[Position]:
    """Every claim as a dated Position on a corpus-found issue.

    Sorted by actor, then issue (largest first, ``OTHER`` last), then date (undated last), so
    each actor's stance on each issue reads top to bottom in time. ``issue_names`` (found name,
    issue head word or a claim's own head word -> wanted name, case-insensitive) renames issues;
    giving two issues one name merges them. ``known`` (an issue's head term -> its name) holds the
    issues already found on other pages (the incremental corpus step): a phrase whose head, or else
    another term, is one of them joins it, as it would have with those pages' claims counted.
    ``quotes_of``: a page's quotes, when ``annots`` are held without them (``corpus.held``).
    """
    by_doc = {d.id: d for d in docs}
    annot_of = {a.doc_id: a for a in annots}
    claims = [c for a in annots for c in a.claims]
    claims += quote_claims(annots, by_doc, claims, quotes_of)
    phrases = [c.key_phrase for c in claims]
    keyed = [(c.key_phrase, c.span) for c in claims if c.key_phrase and phrase_terms(c.key_phrase)]
    names = _with_known(cluster_issues([k for k, _ in keyed], sentences=[s for _, s in keyed]), known or {})
    shared_terms = {phrase_terms(p)[0] for p in phrases if p and names.get(p, OTHER) != OTHER}
    name_of_term = {phrase_terms(p)[0]: names[p] for p in phrases if p and names.get(p, OTHER) != OTHER}
    for p in phrases:  # a phrase can join an issue through a secondary term
        if p and names.get(p, OTHER) != OTHER:
            for t in phrase_terms(p):
                if t in shared_terms:
                    name_of_term.setdefault(t, names[p])
    rename = {k.lower(): v for k, v in (issue_names or {}).items()}

    rows: list[Position] = []
    name_of: dict[str, str] = {}  # entity id -> its name, for the order
    for c in claims:
        terms = phrase_terms(c.key_phrase) if c.key_phrase else ()
        issue = names.get(c.key_phrase, OTHER) if terms else OTHER
        if issue == OTHER:
            # "other" only when no issue fits: a claim whose own key phrase is not shared joins
            # the first shared issue its statement names ("taxes on the rich" -> taxes)
            term = _statement_term(c.statement, shared_terms)
            issue = name_of_term.get(term, OTHER) if term else OTHER
        issue = _renamed(issue, terms, c.key_phrase, rename)
        date, precision = _position_date(c, by_doc.get(c.span.doc_id), annot_of.get(c.span.doc_id))
        actor, name = actor_of(c)
        pos = Position(actor=actor, actor_label=None if actor else name, issue=issue, stance=c.stance,
                       statement=c.statement, span=c.span, date=date, confidence=c.confidence, precision=precision)
        if actor:
            name_of[actor] = name
        rows.append(pos)
    return position_order(rows, name_of)


def _with_known(names: dict[str, str], known: Mapping[str, str]) -> dict[str, str]:
    """Issue names with the known issues' terms first (see ``build_positions``)."""
    if not known:
        return names
    out = dict(names)
    for p, name in names.items():
        terms = phrase_terms(p)
        if terms and terms[0] in known:
            out[p] = known[terms[0]]
        elif name == OTHER:
            out[p] = next((known[t] for t in terms if t in known), OTHER)
    return out


def _renamed(issue: str, terms: Sequence[str], key_phrase: str, rename: dict[str, str]) -> str:
    """Apply the user's issue names: to the issue's name, else (for a claim left in ``OTHER``)
    to its own head word or short form, so "declaration": "islands" files it under islands."""
    if not rename:
        return issue
    if issue.lower() in rename:
        return rename[issue.lower()]
    head = terms[0] if terms else None
    if issue != OTHER and head is not None and head in rename:
        return rename[head]
    if issue == OTHER and head is not None:
        short = (_display(key_phrase, head) or "").lower()
        for cand in (head, short, key_phrase.lower()):
            if cand and cand in rename:
                return rename[cand]
    return issue


def summarize_positions(positions: Sequence[Position]) -> list[dict[str, Any]]:
    """One row per (actor, issue): first and last date and the stances in time order.

    ``stances`` is run-length: consecutive positions with the same stance are one entry with a
    count, its date range and its first statement, so "how it moved" is a short list. Rows come
    in the order of ``positions`` (``build_positions`` sorts them by actor, issue rank, date).
    """
    groups: dict[tuple[str, str], list[Position]] = {}
    for p in positions:
        groups.setdefault((p.side, p.issue), []).append(p)
    out: list[dict[str, Any]] = []
    for (side, issue), items in groups.items():
        items = sorted(items, key=lambda p: (p.date is None, p.date or "", p.span.doc_id, p.span.start))
        dated = [p.date for p in items if p.date]
        runs: list[dict[str, Any]] = []
        for p in items:
            if runs and runs[-1]["stance"] == p.stance:
                runs[-1]["count"] += 1
                runs[-1]["last_date"] = p.date or runs[-1]["last_date"]
                continue
            runs.append(
                {"stance": p.stance, "count": 1, "first_date": p.date, "last_date": p.date, "statement": p.statement}
            )
        out.append(
            {
                "side": side,
                "actor": items[0].actor,
                "actor_label": items[0].actor_label,
                "issue": issue,
                "first_date": dated[0] if dated else None,
                "last_date": dated[-1] if dated else None,
                "count": len(items),
                "docs": len({p.span.doc_id for p in items}),
                "stances": runs,
            }
        )
    return out
