"""Who is who across documents: entities, governments, roles over time, user corrections.

``resolve_entities`` clusters the per-document mentions of many documents into entities;
``who`` finds every entity a name may stand for, best first; ``corrections`` keeps the user's
merges, splits, renames and types in a TOML file that every build re-applies.
"""

from __future__ import annotations

import logging

from dossier.model import Entity, Refused
from dossier.resolve.core import Resolution, resolve_entities
from dossier.resolve.corrections import (
    Corrections,
    Split,
    add_merge,
    add_rename,
    add_split,
    add_type,
    load_corrections,
    save_corrections,
)
from dossier.nlp.names import similarity

logger = logging.getLogger(__name__)

__all__ = [
    "Corrections",
    "Refused",
    "Resolution",
    "Split",
    "add_merge",
    "add_rename",
    "add_split",
    "add_type",
    "load_corrections",
    "resolve_entities",
    "save_corrections",
    "who",
]

WHO_THRESHOLD = 85.0  # below this a name is only loosely like the query (a short name one letter off scores 70)


def who(resolution: Resolution, name: str, threshold: float = WHO_THRESHOLD) -> list[Entity]:
    """Every entity ``name`` may refer to, best first: exact names and aliases, then names that
    contain every word of the query, then close spellings; ties go to the more mentioned entity."""
    query = name.strip()
    if resolution.entity(query):  # an entity id
        return [resolution.entity(query)]  # type: ignore[list-item]
    scored = []
    for e in resolution.entities:
        # The entity's own name outranks an alias by a hair: 'Moscow' the city before the government.
        score = max([similarity(query, e.name) + 0.5] + [similarity(query, n) for n in e.aliases])
        if score >= threshold:
            scored.append((-score, -e.mentions, e.name, e))
    return [e for *_, e in sorted(scored, key=lambda t: t[:3])]
