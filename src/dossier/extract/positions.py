"""Positions: who stands where on which issue, over time, across the corpus.

Claims (one sentence each) are turned into positions by (1) mapping each claim's speaker to the
actor it speaks for (a foreign minister speaks for his country, a capital stands for its
government) and (2) grouping the claims' key phrases into issues found from the corpus itself:
phrases whose content words overlap (rapidfuzz token-set similarity) fall in one issue, named by
its most central phrase. The user's config may rename or merge issues afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

from dossier.model import Annotations, Claim, Document, Entity, Position

# Words that carry no topic: determiners, numbers in words, vague nouns. Generic English only.
_STOP = frozenset(
    """a an the this that these those any all some such no its their his her our your my of on
    over for to in at by with and or but from as into about toward towards between
    one two three four five six seven eight nine ten first second new other more most
    issue issues matter question fact way ways""".split()
)
# Demonyms that do not share a stem with the country name (the stem rule covers the rest).
_IRREGULAR_DEMONYMS = {
    "french": "France", "dutch": "Netherlands", "swiss": "Switzerland", "welsh": "Wales",
    "british": "United Kingdom", "american": "United States", "u.s.": "United States",
    "us": "United States", "soviet": "Soviet Union", "greek": "Greece", "turkish": "Turkey",
    "thai": "Thailand", "danish": "Denmark", "swedish": "Sweden", "finnish": "Finland",
    "polish": "Poland", "spanish": "Spain", "filipino": "Philippines", "irish": "Ireland",
    "scottish": "Scotland", "icelandic": "Iceland", "norwegian": "Norway", "peruvian": "Peru",
}
_SIMILAR = 80  # token-set similarity (0..100) above which two key phrases share an issue


def _content_words(phrase: str) -> str:
    """Lower-case content words with a crude plural fold, so "islands" and "island" agree."""
    words = re.findall(r"[a-z0-9][a-z0-9'\-]*", phrase.lower())
    out = []
    for w in words:
        if w in _STOP or w.isdigit():
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def _similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b) if a and b else 0.0


def cluster_issues(phrases: Sequence[str], threshold: float = _SIMILAR) -> dict[str, str]:
    """Key phrase -> issue name, grouping phrases around the short phrases many others contain.

    Why not plain single-link: token-set similarity scores a phrase 100 against any phrase that
    contains its words, so one long phrase ("linking talks on the treaty to the islands") would
    chain every issue into one. Instead, phrases are seeds ranked by how many phrases contain their
    content words (then shorter first); each phrase joins the first seed it contains, or that it
    nearly equals (token-sort similarity >= ``threshold``), and the seed names the issue.
    """
    uniq = sorted({p for p in phrases if _content_words(p)})
    words = {p: frozenset(_content_words(p).split()) for p in uniq}
    sorted_words = {p: " ".join(sorted(words[p])) for p in uniq}
    degree = {s: sum(1 for p in uniq if words[s] <= words[p]) for s in uniq}
    seeds = sorted(uniq, key=lambda s: (-degree[s], len(words[s]), len(s), s))
    names: dict[str, str] = {}
    for p in uniq:
        for seed in seeds:
            if words[seed] <= words[p] or fuzz.token_sort_ratio(sorted_words[seed], sorted_words[p]) >= threshold:
                names[p] = _issue_label(seed)
                break
    return names


def _issue_label(phrase: str) -> str:
    """A readable issue name: the phrase without leading determiners ("the islands" -> "islands")."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in _STOP:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# actors
# ---------------------------------------------------------------------------------------------


def _country_for_demonym(word: str, countries: Sequence[str]) -> str | None:
    """ "German" -> "Germany" when a country entity shares the adjective's stem (4+ letters)."""
    low = word.lower().strip()
    if low in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[low]
    best = None
    for c in countries:
        cl = c.lower()
        common = 0
        for x, y in zip(cl, low):
            if x != y:
                break
            common += 1
        if common >= 4 and common >= len(cl) - 2 and (best is None or len(c) < len(best)):
            best = c
    return best


def default_actor_of(resolution: Any) -> Callable[[Claim], str]:
    """A claim -> actor mapper built from a resolver's output (anything with ``.entities``).

    Rules, in order: a capital/seat of government used as an actor stands for its country
    (``Entity.government_of``); a person with a role "of" a body speaks for that body; a role
    title or name with a nationality adjective ("French Foreign Minister", "French") stands for
    the country; anything else speaks for itself.
    """
    entities: Sequence[Entity] = tuple(getattr(resolution, "entities", ()) or ())
    by_id = {e.id: e for e in entities}
    by_name: dict[str, Entity] = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            by_name.setdefault(name.lower(), e)
    countries = [e.name for e in entities if e.type in ("place", "gov")]

    def name_of(ref: str | None) -> str | None:
        if not ref:
            return None
        ent = by_id.get(ref) or by_name.get(ref.lower())
        return ent.name if ent else ref

    def actor_of(claim: Claim) -> str:
        ent = by_name.get(claim.actor.lower())
        if ent is None:
            return _country_for_demonym(claim.actor, countries) or claim.actor
        if ent.government_of:
            return name_of(ent.government_of) or ent.name
        for role in ent.roles:
            if role.of:
                return name_of(role.of) or ent.name
        if ent.type == "person":
            for role in ent.roles:
                for word in role.title.split():
                    country = _country_for_demonym(word, countries) if word[:1].isupper() else None
                    if country:
                        return country
            return ent.name
        return _country_for_demonym(ent.name, countries) if ent.type == "other" else ent.name

    return actor_of


# ---------------------------------------------------------------------------------------------
# positions
# ---------------------------------------------------------------------------------------------


def build_positions(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    actor_of: Callable[[Claim], str],
    issue_names: dict[str, str] | None = None,
) -> list[Position]:
    """Every claim as a Position on a corpus-found issue, sorted by actor, issue and date."""
    del docs  # claims already carry their dates; kept for a stable stage signature
    claims = [c for a in annots for c in a.claims]
    names = cluster_issues([c.key_phrase or c.statement for c in claims])
    rename = {k.lower(): v for k, v in (issue_names or {}).items()}
    out: list[Position] = []
    for c in claims:
        issue = names.get(c.key_phrase or c.statement)
        if not issue:
            continue
        issue = rename.get(issue.lower(), issue)
        out.append(
            Position(
                actor=actor_of(c),
                issue=issue,
                stance=c.stance,
                statement=c.statement,
                span=c.span,
                date=c.date,
                confidence=c.confidence,
            )
        )
    out.sort(key=lambda p: (p.actor, p.issue, p.date or "", p.span.doc_id, p.span.start))
    return out
