"""Cross-document entity resolution: mentions from many documents -> entities.

The steps, each a small function over plain values:
1. ``observe``: every usable mention becomes an ``Obs`` with its display name (the in-document
   canonical name when known), a provisional kind (person, gov, or a plain name) and its doc date.
2. persons: full names cluster when surname and first names agree up to spelling; a bare surname
   goes to the full name of its own document, else to the namesake closest in time sharing a role,
   else it stays its own low-confidence entity.
3. other names cluster by spelling-insensitive key; the type is voted from labels and text cues.
4. capitals, countries and seats of government used as actors go to the country's government.
5. aliases the text declares ("X, known in Japan as Y") join clusters; then user corrections.
6. clusters become ``Entity`` values with stable content-derived ids, roles over time and aliases.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dossier.model import Annotations, Document, Entity, EntityType, Mention, Span
from dossier.resolve import geo
from dossier.resolve.aliases import find_aliases
from dossier.resolve.common import head_lemma, is_pronoun, pronoun_fits, singular
from dossier.resolve.context import is_actor, org_cue, place_cue
from dossier.resolve.corrections import Corrections
from dossier.resolve.names import (
    clean_name,
    coordination,
    extends_name,
    joined_names,
    malformed,
    name_tokens,
    same_name,
    same_person_name,
    surname,
    translit_key,
    translit_word,
)
from dossier.resolve.roles import normalise_title, roles_from

MentionKey = tuple[str, int, int]
_NAMEISH = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "MISC"})
_POINTERS = frozenset({"PRON", "TITLE"})  # mentions that point at a named entity
_LABEL_TYPE: dict[str, EntityType] = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_GOV_ORG = re.compile(r"^(?:(?P<adj>[A-Z][\w.\- ]*?)\s+government|government\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.\- ]*))$", re.I)


@dataclass(frozen=True)
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


@dataclass
class Cluster:
    """A mutable working cluster (local to one resolve run, never shared)."""

    obs: list[Obs] = field(default_factory=list)
    kind: str = "name"
    country: str | None = None
    id: str = ""
    type: EntityType = "other"
    name: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class Resolution:
    """The result of resolving entities across documents."""

    entities: tuple[Entity, ...]
    mention_entity: dict[MentionKey, str]

    @functools.cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def entity(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity_of(self, mention: Mention | Span) -> Entity | None:
        """The entity a mention (or a mention's span) was resolved to, if any."""
        span = mention.span if isinstance(mention, Mention) else mention
        eid = self.mention_entity.get((span.doc_id, span.start, span.end))
        return self.entity(eid) if eid else None


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


def current_title(m: Mention, text: str) -> str | None:
    """The mention's title unless the words before it say it was held before ('then', 'former')."""
    if not m.title:
        return None
    window = text[max(0, m.span.start - len(m.title) - 40) : m.span.start].lower()
    at = window.rfind(m.title.lower().split()[0])
    before = window[:at] if at >= 0 else window
    return None if re.search(r"\b(then|former|ex|late)[\s-]*$", before) else m.title


def _person_tables(annots: Annotations) -> tuple[dict[str, list[tuple[int, str]]], ...]:
    """Full PERSON names of one document by surname key and by first-name key, and bare PERSON
    names by key, so a bare name elsewhere in the document can find its person."""
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
    bare: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in annots.mentions:
        if m.label != "PERSON" or coordination(m.text):
            continue
        full = clean_name(m.canonical or m.text)
        toks = name_tokens(full)
        if len(toks) >= 2:
            by_surname[translit_word(toks[-1])].append((m.span.start, full))
            by_first[translit_word(toks[0])].append((m.span.start, full))
        elif toks:
            bare[translit_word(toks[0])].append((m.span.start, full))
    return by_surname, by_first, bare


def _same_doc_person(m: Mention, tok: str, tables: tuple[dict[str, list[tuple[int, str]]], ...]) -> str | None:
    """The person a bare name means within its own document: a full name with that surname, else
    with that first name ('Tesfaye' after 'Tesfaye Alemu': given names are used alone in some
    naming customs), else the same bare name tagged PERSON (a 'Tesfaye' tagged LAW next to 'Tesfaye'
    tagged PERSON). The nearest such name before the mention wins."""
    k = translit_word(tok)
    for table in tables:
        cands = table.get(k, [])
        if cands and (table is not tables[1] or len({n for _, n in cands}) == 1):
            before = [c for c in cands if c[0] <= m.span.start]
            return (before or cands)[-1][1]
    return None


def observe(doc: Document, annots: Annotations) -> list[Obs]:
    """Mentions of one document -> observations (pronouns without a canonical name are kept as
    'pron', non-name noun phrases as 'common'; both are linked after the names)."""
    text = doc.text
    date = doc.published.value
    tables = _person_tables(annots)
    out = []
    for m in sorted(annots.mentions, key=lambda m: (m.span.start, m.span.end)):
        key = (doc.id, m.span.start, m.span.end)
        m = dataclasses.replace(m, title=current_title(m, text))
        surface = clean_name(m.text)
        name = clean_name(m.canonical) if m.canonical else surface
        if m.label in _POINTERS:
            # "he", "the foreign minister": nlp said whom they stand for, or a pronoun to attach later.
            if m.canonical and _is_name(name):
                out.append(Obs(key, m, name, surface, "pointer", date))
            elif m.label == "PRON" and is_pronoun(m.text):
                out.append(Obs(key, m, m.text.strip().lower(), surface, "pron", date, shape="pron"))
            continue
        if m.label == "NORP" or m.label not in _NAMEISH or not name:
            continue  # 'Japanese', 'Russian': adjectives, not actors or places
        if not _is_name(name) or (malformed(name) and _lower_head(name)):
            # 'the actress', 'two hospitals', 'Danube bridge': a noun phrase, linked by its head word.
            if is_pronoun(name):
                out.append(Obs(key, m, name.lower(), surface, "pron", date, shape="pron"))
            elif head_lemma(name):
                out.append(Obs(key, m, head_lemma(name), surface, "common", date, shape="common"))
            continue
        country = _gov_country(m, name, text)
        if country:
            out.append(Obs(key, m, name, surface, "gov", date, country=country))
            continue
        shape = "coord" if coordination(name) and not geo.country_named(name) else (
            "malformed" if malformed(name) else "joined" if joined_names(name, lambda p: True) else "name")
        toks = name_tokens(name)
        if len(toks) == 1 and m.label not in ("GPE", "LOC") and shape == "name":
            # A bare name whose person is in this document (robust to a missing canonical).
            person = _same_doc_person(m, toks[0], tables)
            if person and (m.label == "PERSON" or not geo.country_named(name)):
                out.append(Obs(key, m, person, surface, "person", date, place=place_cue(text, m.span.start, m.span.end),
                               org=org_cue(text, m.span.start, m.span.end)))
                continue
        kind = "person" if m.label == "PERSON" and shape in ("name", "joined") else "name"
        if geo.country_named(name):
            name, kind = geo.country_named(name) or name, "name"
        out.append(
            Obs(key, m, name, surface, kind, date, place=place_cue(text, m.span.start, m.span.end),
                org=org_cue(text, m.span.start, m.span.end), shape=shape)
        )
    return out


def _lower_head(name: str) -> bool:
    """The last word is lowercase: a noun phrase with a name in it ('Danube bridge'), not a name."""
    words = name.split()
    return bool(words) and words[-1][:1].islower()


def demote_non_persons(obs: list[Obs]) -> list[Obs]:
    """A full name tagged PERSON less often than ORG/place across all documents is not a person
    ('Yomiuri Shimbun' tagged PERSON once and ORG once), unless a role title says otherwise."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for o in obs:
        if o.mention.label in _LABEL_TYPE and o.kind != "gov":
            votes[translit_key(o.name)][_LABEL_TYPE[o.mention.label] == "person"] += 1
        if o.org:
            votes[translit_key(o.name)][False] += 3
    titled = {translit_key(o.name) for o in obs if o.mention.title}
    out = []
    for o in obs:
        k = translit_key(o.name)
        if o.kind == "person" and o.mention.label == "PERSON" and k not in titled and votes[k][True] <= votes[k][False]:
            o = dataclasses.replace(o, kind="name")
        out.append(o)
    return out


# ---------------------------------------------------------------------------------------------
# 2-4. clustering
# ---------------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _year(date: str | None) -> float | None:
    """ISO prefix -> fractional year, for 'closest in time'."""
    if not date:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date)
    if not m:
        return None
    return int(m.group(1)) + (int(m.group(2) or 6) - 1) / 12 + (int(m.group(3) or 15) - 1) / 365


def _group_full_names(names: Iterable[str]) -> dict[str, str]:
    """Full person names -> a representative per person (namesakes stay apart)."""
    uf = _UnionFind()
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in sorted(set(names)):
        uf.find(n)
        by_surname[translit_word(surname(n))].append(n)
    keys = sorted(by_surname)
    for i, k in enumerate(keys):
        # Same or near-same surname keys (a typo in a long surname) are compared pairwise.
        group = list(by_surname[k])
        for k2 in keys[i + 1 :]:
            if k2[:1] == k[:1] and same_person_name("x " + k, "x " + k2):
                group += by_surname[k2]
        for a_i, a in enumerate(group):
            for b in group[a_i + 1 :]:
                if same_person_name(a, b):
                    uf.union(a, b)
    _join_extensions(sorted(set(uf.parent)), uf)
    return {n: uf.find(n) for n in uf.parent}


def _join_extensions(names: list[str], uf: _UnionFind) -> None:
    """A full name that another full name extends is that person ('John Maynard' / 'John Maynard Keynes')
    when it extends only one person: a shorter name two people extend stays ambiguous and apart."""
    for short in names:
        longer = {uf.find(n) for n in names if extends_name(short, n)}
        if len(longer) == 1:
            uf.union(short, next(iter(longer)))


def _person_label(groups: dict[str, str], obs: list[Obs]) -> dict[MentionKey, str]:
    """Cluster labels for person observations (full names first, then bare surnames)."""
    labels: dict[MentionKey, str] = {}
    full = [o for o in obs if o.kind == "person" and len(name_tokens(o.name)) >= 2]
    for o in full:
        labels[o.key] = "person:" + groups[o.name]
    # What each full-name person looks like, for bare surnames elsewhere.
    profile: dict[str, dict[str, set]] = defaultdict(lambda: {"dates": set(), "roles": set()})
    for o in full:
        p = profile[labels[o.key]]
        if o.date:
            p["dates"].add(o.date)
        norm = normalise_title(o.mention.title) if o.mention.title else None
        if norm:
            p["roles"].add(norm[0])
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for lab in sorted(profile):
        by_surname[translit_word(surname(lab.split(":", 1)[1]))].append(lab)
    for o in full:
        first = translit_word(name_tokens(o.name)[0])
        if labels[o.key] not in by_first[first]:
            by_first[first].append(labels[o.key])
    for o in obs:
        if o.kind == "pointer" and o.name in groups:
            labels[o.key] = "person:" + groups[o.name]
        if o.kind not in ("person", "pointer") or o.key in labels:
            continue
        toks = name_tokens(o.name)
        cands = by_surname.get(translit_word(toks[-1]), []) if toks else []
        if not cands and len(toks) == 1:
            # No one has it as a surname: a given name used alone ('Tesfaye').
            cands = by_first.get(translit_word(toks[0]), [])
        best = _closest_candidate(o, cands, profile)
        if best or o.kind == "person":
            labels[o.key] = best or "bare:" + translit_key(o.name)
    return labels


def _closest_candidate(o: Obs, cands: list[str], profile: dict[str, dict[str, set]]) -> str | None:
    """The namesake a bare surname most likely means: one candidate, or the one closest in time
    (a shared role breaks ties and outranks distance); None when it cannot be told."""
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None
    t = _year(o.date)
    if t is None:
        return None
    title = normalise_title(o.mention.title) if o.mention.title else None
    scored = []
    for c in cands:
        years = [y for y in (_year(d) for d in profile[c]["dates"]) if y is not None]
        if not years:
            continue
        dist = min(abs(t - y) for y in years)
        shares_role = bool(title and title[0] in profile[c]["roles"])
        scored.append((not shares_role if title else False, dist, c))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None  # equally close: do not guess
    return scored[0][2]


def _name_labels(obs: list[Obs], taken: dict[MentionKey, str]) -> dict[MentionKey, str]:
    """Cluster labels for the remaining names: spelling-insensitive key, then fuzzy key merges."""
    rest = [o for o in obs if o.key not in taken and o.kind not in ("gov", "common", "pron")]
    keys = sorted({translit_key(o.name) for o in rest} - {""})
    uf = _UnionFind()
    for i, a in enumerate(keys):
        uf.find(a)
        for b in keys[i + 1 :]:
            if abs(len(a) - len(b)) <= 3 and same_name(a, b):
                uf.union(a, b)
    place_votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for o in rest:
        place_votes[translit_key(o.name)][o.mention.label in ("GPE", "LOC") or o.place] += 1
    _short_forms(keys, uf, {k for k, v in place_votes.items() if v[True] > v[False]})
    labels = {}
    for o in rest:
        k = translit_key(o.name)
        if k:
            labels[o.key] = "name:" + uf.find(k)
    return labels


# 'Southern X' is a part of X, not a longer name for it.
_DIRECTIONS = frozenset("north south east west northern southern eastern western upper lower central greater inner outer".split())


def _short_forms(keys: list[str], uf: _UnionFind, places: frozenset[str] | set[str] = frozenset()) -> None:
    """A short name that begins or ends exactly one longer name is that name ('Red Sox' for
    'Boston Red Sox', 'Falkland' for 'Falkland Islands'); so is an acronym of exactly one name
    ('AP' for 'Associated Press'). Countries and capitals never shorten another name
    ('Japan' is not 'Japan Times'), and a place never shortens a name it ends: 'White Volta' is a
    part of the 'Volta', not another name for it."""
    toks = {k: k.split() for k in keys}
    for short in keys:
        st = toks[short]
        if geo.country_named(short) or geo.country_of_capital(short):
            continue
        longer = [
            k for k in keys
            if len(toks[k]) > len(st)
            and (toks[k][: len(st)] == st or (toks[k][-len(st) :] == st and short not in places))
            and not _DIRECTIONS & set(toks[k][len(st) :] if toks[k][: len(st)] == st else toks[k][: -len(st)])
        ]
        if len(st) == 1 and 2 <= len(short) <= 5 and not longer:
            longer = [k for k in keys if len(toks[k]) == len(short) and "".join(t[0] for t in toks[k]) == short]
        if len({uf.find(k) for k in longer}) == 1:
            uf.union(short, longer[0])


def _vote_type(obs: list[Obs]) -> EntityType:
    """Entity type from the (corrected) labels of its mentions and what the text says."""
    votes: Counter[str] = Counter()
    for o in obs:
        if o.place:
            votes["place"] += 3
        if o.org:
            votes["org"] += 3
        if geo.country_named(o.name) or geo.country_of_capital(o.name):
            votes["place"] += 3
        label = o.mention.label
        if label in _LABEL_TYPE:
            votes[_LABEL_TYPE[label]] += 1
        elif label not in _POINTERS and label != "NORP":
            votes["other"] += 1
    if not votes:
        return "other"
    order = {"place": 0, "org": 1, "person": 2, "other": 3, "gov": 4}
    return min(votes, key=lambda t: (-votes[t], order[t]))  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# 5. aliases and corrections
# ---------------------------------------------------------------------------------------------


def _alias_unions(docs: Sequence[Document], annots: Sequence[Annotations], labels: dict[MentionKey, str], uf: _UnionFind) -> None:
    by_doc = {d.id: d for d in docs}
    for a in annots:
        doc = by_doc.get(a.doc_id)
        if doc is None:
            continue
        for x, y in find_aliases(doc.text, a.mentions, a.sentences):
            kx, ky = (doc.id, x.span.start, x.span.end), (doc.id, y.span.start, y.span.end)
            if kx in labels and ky in labels:
                uf.union(labels[kx], labels[ky])


def _matches(c: Cluster, ref: str) -> bool:
    """A correction names this cluster: by id, name or any surface form (spelling-insensitive)."""
    if ref == c.id:
        return True
    k = translit_key(ref)
    return bool(k) and (k == translit_key(c.name) or any(k in (translit_key(o.name), translit_key(o.surface)) for o in c.obs))


def _apply_corrections(clusters: list[Cluster], corr: Corrections) -> list[Cluster]:
    for group in corr.merges:
        hit = [c for c in clusters if any(_matches(c, ref) for ref in group)]
        if len(hit) < 2:
            continue
        keep = max(hit, key=lambda c: (len(c.obs), -int(c.id[2:], 16) if c.id.startswith("e_") else 0))
        for c in hit:
            if c is not keep:
                keep.obs.extend(c.obs)
                keep.confidence = max(keep.confidence, c.confidence)
        keep.kind = "person" if any(c.kind == "person" for c in hit) else keep.kind
        clusters = [c for c in clusters if c is keep or c not in hit]
    for split in corr.splits:
        wanted = {translit_key(n) for n in split.names}
        for c in [c for c in clusters if _matches(c, split.entity)]:
            moved = [o for o in c.obs if translit_key(o.name) in wanted or translit_key(o.surface) in wanted]
            if moved and len(moved) < len(c.obs):
                c.obs = [o for o in c.obs if o not in moved]
                new = Cluster(obs=moved, kind=c.kind, country=c.country, type=c.type, confidence=1.0)
                new.id = _hash_id(c.id, "split", *sorted(wanted))
                new.name = _display_name(new)
                clusters.append(new)
    for ref, typ in corr.types:
        for c in clusters:
            if _matches(c, ref):
                c.type = typ  # type: ignore[assignment]
    for ref, new_name in corr.renames:
        for c in clusters:
            if _matches(c, ref):
                c.name = new_name
    return clusters


# ---------------------------------------------------------------------------------------------
# 6. entities
# ---------------------------------------------------------------------------------------------


def _hash_id(*parts: str) -> str:
    return "e_" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _display_name(c: Cluster) -> str:
    """The most used full form: most frequent, then longest, then alphabetical (deterministic)."""
    if c.kind == "gov" and c.country:
        return f"Government of {geo.with_article(c.country)}"
    names = Counter(o.name for o in c.obs if o.kind != "pron")
    if c.kind == "common":
        names = Counter(o.surface for o in c.obs if o.kind != "pron")
    if c.kind == "person":
        multi = Counter({n: k for n, k in names.items() if len(name_tokens(n)) >= 2})
        names = multi or names
    return min(names, key=lambda n: (-names[n], -len(n), n)) if names else ""


def _dedupe(forms: Iterable[str]) -> tuple[str, ...]:
    seen, out = set(), []
    for f in forms:
        k = f.casefold()
        if f and k not in seen:
            seen.add(k)
            out.append(f)
    return tuple(out)


def _to_entity(c: Cluster, country_ids: dict[str, str]) -> Entity:
    obs = sorted(c.obs, key=lambda o: o.key)
    named = [o for o in obs if o.kind not in ("pron", "common")]
    forms = sorted(
        Counter([o.name for o in named] + [o.surface for o in obs if o.mention.label not in _POINTERS]).items(),
        key=lambda kv: (-kv[1], kv[0]),
    )
    aliases = tuple(a for a in _dedupe(f for f, _ in forms) if a.casefold() != c.name.casefold())
    observations = [
        (o.mention.title, o.date, o.mention.span) for o in obs if o.mention.title
    ]
    return Entity(
        id=c.id,
        name=c.name,
        type=c.type,
        aliases=aliases,
        roles=roles_from(observations) if c.type in ("person", "other") else (),
        mentions=len(obs),
        docs=tuple(sorted({o.key[0] for o in obs})),
        government_of=country_ids.get(c.country) if c.type == "gov" and c.country else None,
        confidence=c.confidence,
    )


def resolve_entities(
    docs: Sequence[Document], annots: Sequence[Annotations], corrections: Corrections | None = None
) -> Resolution:
    """Cluster the mentions of many documents into entities (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    obs = refuse_non_names(demote_non_persons([o for a in annots if a.doc_id in by_id for o in observe(by_id[a.doc_id], a)]))
    groups = _group_full_names(o.name for o in obs if o.kind == "person" and len(name_tokens(o.name)) >= 2)
    labels = _person_label(groups, obs)
    # Unresolved bare person names join the name pool (an island tagged PERSON among its LOC tags).
    pooled = {k: v for k, v in labels.items() if not v.startswith("bare:")}
    labels = {**pooled, **_name_labels(obs, pooled)}
    for o in obs:
        if o.kind == "gov" and o.country:
            labels[o.key] = "gov:" + o.country
        elif o.kind == "common":
            labels[o.key] = "common:" + o.name
    uf = _UnionFind()
    _alias_unions(docs, annots, labels, uf)
    members: dict[str, list[Obs]] = defaultdict(list)
    for o in obs:
        if o.key in labels:
            members[uf.find(labels[o.key])].append(o)
    clusters = [_make_cluster(lab, ob) for lab, ob in sorted(members.items())]
    # An entity made only of malformed or joined mentions is NER noise ('Chile- One').
    clusters = [c for c in clusters if any(o.shape in ("name", "common") for o in c.obs)]
    _attach_pronouns(clusters, [o for o in obs if o.kind == "pron"])
    have = {c.country for c in clusters if c.kind == "country"}
    clusters += [_country_cluster(c.country) for c in clusters if c.kind == "gov" and c.country and c.country not in have]
    _ensure_unique_ids(clusters)
    if corrections and not corrections.empty:
        clusters = _apply_corrections(clusters, corrections)
    country_ids = {}
    for c in clusters:
        if c.kind == "country":
            country_ids[c.country or ""] = c.id
    entities = tuple(sorted((_to_entity(c, country_ids) for c in clusters), key=lambda e: (-e.mentions, e.name, e.id)))
    mention_entity = {o.key: c.id for c in clusters for o in c.obs}
    return Resolution(entities=entities, mention_entity=mention_entity)


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
            parts = coordination(o.surface) or coordination(o.name)
            if parts and (o.mention.label == "PERSON" or all(is_known(p) for p in parts)):
                continue
        if o.shape == "joined" and joined_names(o.surface, is_known):
            continue
        out.append(dataclasses.replace(o, shape="name") if o.shape in ("coord", "joined") else o)
    return out


def _attach_pronouns(clusters: list[Cluster], prons: list[Obs], window: int = 100) -> None:
    """A pronoun nlp did not resolve joins the nearest earlier mention of its document that it
    agrees with ('she' a person, 'it' a thing, 'they' a group), within ``window`` characters;
    otherwise it stays unlinked."""
    by_doc: dict[str, list[tuple[int, Cluster, Obs]]] = defaultdict(list)
    for c in clusters:
        for o in c.obs:
            by_doc[o.key[0]].append((o.key[1], c, o))
    for items in by_doc.values():
        items.sort(key=lambda t: t[0])
    for p in prons:
        for start, c, o in reversed(by_doc.get(p.key[0], [])):
            if start >= p.key[1]:
                continue
            if p.key[1] - start > window:
                break
            plural = o.kind == "common" and singular(o.name) != o.name
            if pronoun_fits(p.name, c.type, plural):
                c.obs.append(p)
                break


def _make_cluster(label: str, obs: list[Obs]) -> Cluster:
    """A working cluster with its automatic type, display name, confidence and stable id."""
    c = Cluster(obs=list(obs))
    if label.startswith("common:"):
        # Noun phrases linked by their head word ('the actress'): a guess, said with low confidence.
        c.kind, c.type, c.confidence = "common", _vote_type(obs), 0.5
        forms = Counter(o.surface for o in obs)
        c.name = min(forms, key=lambda n: (-forms[n], len(n), n))
        c.id = _hash_id("common", c.type, label[7:])
        return c
    if label.startswith("gov:"):
        c.kind, c.country, c.type = "gov", label[4:], "gov"
        c.name = _display_name(c)
        c.id = _hash_id("gov", translit_key(c.country))
        return c
    c.type = "person" if label.startswith("person:") else _vote_type(obs)
    c.kind = "person" if c.type == "person" else "name"
    c.name = _display_name(c)
    country = geo.country_named(c.name) if c.type == "place" else None
    if country:
        c.kind, c.country, c.name = "country", country, country
    if c.type == "person" and all(len(name_tokens(o.name)) < 2 for o in obs):
        c.confidence = 0.5  # a bare name never given in full: who it is stays uncertain
    c.id = _hash_id(c.type, translit_key(c.name))
    return c


def _country_cluster(country: str) -> Cluster:
    """A country named only through its government still gets an entity to point at."""
    c = Cluster(kind="country", country=country, type="place", name=country)
    c.id = _hash_id("place", translit_key(country))
    return c


def _ensure_unique_ids(clusters: list[Cluster]) -> None:
    """Two clusters with one (type, name) get a disambiguator: their earliest mention."""
    seen: Counter[str] = Counter(c.id for c in clusters)
    for c in clusters:
        if seen[c.id] > 1 and c.obs:
            first = min(o.key for o in c.obs)
            c.id = _hash_id(c.id, first[0], str(first[1]))
