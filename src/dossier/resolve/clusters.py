"""Working clusters -> entities: display names, types, stable content-derived ids, pronouns
attached (pronouns.py), user corrections applied, roles over time and aliases."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from dossier.model import Entity, EntityType
from dossier.lang import geo
from dossier.resolve.corrections import Corrections
from dossier.resolve.namegroups import vote_type
from dossier.nlp.cues import PORTFOLIO_WORDS, ROLE_WORDS
from dossier.nlp.names import name_tokens, translit_key
from dossier.resolve.observe import POINTERS, Obs
from dossier.resolve.roles import roles_from

logger = logging.getLogger(__name__)

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


def _matches(c: Cluster, ref: str) -> bool:
    """A correction names this cluster: by id, name or any surface form (spelling-insensitive)."""
    if ref == c.id:
        return True
    k = translit_key(ref)
    return bool(k) and (k == translit_key(c.name) or any(k in (translit_key(o.name), translit_key(o.surface)) for o in c.obs))


def apply_corrections(clusters: list[Cluster], corr: Corrections) -> list[Cluster]:
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


_NAME_LEAST = 2  # mentions a cluster needs before its name counts as one a title may be of (not a stray tag)
# Words a title is made of: a name made of them only ('National Security', 'Kremlin') may be a phrase.
_TITLE_WORDS = ROLE_WORDS | PORTFOLIO_WORDS


def _written_as_names(names: set[str], texts: Iterable[str]) -> set[str]:
    """Those of the (lower-case) names the pages write capitalised more often than in lower case:
    'Kremlin' is a name, 'national security' (tagged in a headline's capitals) a phrase. Each name is
    counted wherever its words stand, inside a longer one too, in one pass over the pages' words."""
    lengths = {len(n.split()) for n in names}
    firsts = {n.split()[0] for n in names}
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for text in texts:
        words = re.findall(r"\w+", text)
        for i, w in enumerate(words):
            if w.lower() not in firsts:
                continue
            for n in lengths:
                gram = " ".join(words[i : i + n])
                if gram.lower() in names and (gram.islower() or gram == gram.title()):
                    (low if gram.islower() else cap)[gram.lower()] += 1
    return {n for n in names if cap[n] > low[n]}


def title_names(clusters: Iterable[Cluster], texts: Iterable[str] = ()) -> frozenset[str]:
    """The names, casefolded, a role title may be of ('<Surname> adviser', '<Outlet> host'): each person's
    name and surname, each organisation's name and the names it is written by, of clusters with two
    mentions or more. Resolution's names are the corpus's evidence that a capitalised word is a name
    rather than an adjective in a headline's capitals (``roles.read_title``); a name made of title words
    only is kept when the pages (``texts``) write it capitalised more than in lower case."""
    out: set[str] = set()
    for c in clusters:
        if len(c.obs) < _NAME_LEAST or c.type not in ("person", "org"):
            continue
        words = c.name.split()
        out.add(c.name.casefold())
        if c.type == "person" and len(words) > 1:
            out.add(words[-1].casefold())
        elif c.type == "org":
            out |= {o.name.casefold() for o in c.obs if o.kind not in ("pron", "common") and o.name}
    phrases = {n for n in out if all(w in _TITLE_WORDS for w in n.split())}
    return frozenset(out - phrases) | frozenset(_written_as_names(phrases, texts))


def to_entity(c: Cluster, country_ids: dict[str, str], names: Collection[str] = frozenset()) -> Entity:
    obs = sorted(c.obs, key=lambda o: o.key)
    named = [o for o in obs if o.kind not in ("pron", "common")]
    # A description linked to a name ('host of a podcast and <Platform> junkie, <Name>') says what the
    # entity is, not what it is called: a named entity's aliases are names only.
    written = obs if c.kind == "common" else named
    forms = sorted(
        Counter([o.name for o in named] + [o.surface for o in written if o.mention.label not in POINTERS]).items(),
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
        roles=roles_from(observations, {o.mention.span: o.term for o in obs if o.term != (None, None)}, names)
        if c.type in ("person", "other") else (),
        mentions=len(obs),
        docs=tuple(sorted({o.key[0] for o in obs})),
        government_of=country_ids.get(c.country) if c.type == "gov" and c.country else None,
        confidence=c.confidence,
    )


def make_cluster(label: str, obs: list[Obs]) -> Cluster:
    """A working cluster with its automatic type, display name, confidence and stable id."""
    c = Cluster(obs=list(obs))
    if label.startswith("common:"):
        # Noun phrases linked by their head word ('the actress'): a guess, said with low confidence.
        c.kind, c.type, c.confidence = "common", vote_type(obs), 0.5
        forms = Counter(o.surface for o in obs)
        c.name = min(forms, key=lambda n: (-forms[n], len(n), n))
        c.id = _hash_id("common", c.type, label[7:])
        return c
    if label.startswith("gov:"):
        c.kind, c.country, c.type = "gov", label[4:], "gov"
        c.name = _display_name(c)
        c.id = _hash_id("gov", translit_key(c.country))
        return c
    c.type = "person" if label.startswith("person:") else vote_type(obs)
    c.kind = "person" if c.type == "person" else "name"
    c.name = _display_name(c)
    country = geo.country_named(c.name) if c.type == "place" else None
    if country:
        c.kind, c.country, c.name = "country", country, country
    if c.type == "person" and all(len(name_tokens(o.name)) < 2 for o in obs):
        c.confidence = 0.5  # a bare name never given in full: who it is stays uncertain
    c.id = _hash_id(c.type, translit_key(c.name))
    return c


def country_cluster(country: str) -> Cluster:
    """A country named only through its government still gets an entity to point at."""
    c = Cluster(kind="country", country=country, type="place", name=country)
    c.id = _hash_id("place", translit_key(country))
    return c


def ensure_unique_ids(clusters: list[Cluster]) -> None:
    """Two clusters with one (type, name) get a disambiguator: their earliest mention."""
    seen: Counter[str] = Counter(c.id for c in clusters)
    for c in clusters:
        if seen[c.id] > 1 and c.obs:
            first = min(o.key for o in c.obs)
            c.id = _hash_id(c.id, first[0], str(first[1]))