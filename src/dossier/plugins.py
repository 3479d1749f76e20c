"""One seam for built-in and third-party stages: entry point groups read with importlib.metadata.

Built-in extractors (``dossier.extractors``) and corpus passes (``dossier.passes``) are declared in
pyproject.toml exactly as a plugin package would declare its own, and loaded by the same function.
As datasette does with its ``DEFAULT_PLUGINS``, the built-ins are also listed here, so a checkout
whose installed metadata is older than its source (an editable install made before a pass was
added) still runs every built-in; an installed entry point of the same name wins.
"""

from __future__ import annotations

import functools
import logging
from importlib.metadata import EntryPoint, entry_points
from typing import Any

logger = logging.getLogger(__name__)

PASSES = "dossier.passes"
EXTRACTORS = "dossier.extractors"

DEFAULTS: dict[str, tuple[tuple[str, str], ...]] = {
    EXTRACTORS: (
        ("quotes", "dossier.extract.registry:QUOTES"),
        ("events", "dossier.extract.registry:EVENTS"),
        ("claims", "dossier.extract.registry:CLAIMS"),
    ),
    PASSES: (
        ("duplicates", "dossier.corpus.passes:DUPLICATES"),
        ("resolve", "dossier.corpus.passes:RESOLVE"),
        ("events", "dossier.corpus.passes:EVENTS"),
        ("redate", "dossier.corpus.passes:REDATE"),
        ("positions", "dossier.corpus.passes:POSITIONS"),
        ("figures", "dossier.corpus.passes:FIGURES"),
        ("conflicts", "dossier.corpus.passes:CONFLICTS"),
    ),
}


def entry_points_of(group: str) -> dict[str, EntryPoint]:
    """The group's entry points by name: the built-in defaults, overridden by installed ones."""
    found = {name: EntryPoint(name, value, group) for name, value in DEFAULTS.get(group, ())}
    for ep in entry_points(group=group):
        found[ep.name] = ep
    return found


@functools.cache
def load_group(group: str) -> tuple[Any, ...]:
    """Every object registered in ``group`` (loaded once per process)."""
    loaded = []
    for name, ep in entry_points_of(group).items():
        obj = ep.load()
        logger.debug("loaded %s %s from %s", group, name, ep.value)
        loaded.append(obj)
    return tuple(loaded)
