"""User corrections to entity resolution, kept in a small TOML file and re-applied on every build.

Format (``corrections.toml``; every table is optional, an entity is named by id, name or alias)::

    [[merge]]                      # these are one entity
    names = ["Sergey Ivanov", "S. Ivanov"]

    [[split]]                      # these surface forms are another entity than the rest
    entity = "Smith"
    names = ["Jane Smith"]

    [[rename]]                     # display name (the id does not change)
    entity = "e_3f2a9c01b2d4"
    name = "John Smith"

    [[type]]                       # person | org | place | gov | other
    entity = "Falkland"
    type = "place"

``tomllib`` reads TOML but cannot write it, so ``save_corrections`` writes this fixed shape by hand.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.model import EntityType

logger = logging.getLogger(__name__)

ENTITY_TYPES: tuple[str, ...] = ("person", "org", "place", "gov", "other")


@dataclass(frozen=True)
class Split:
    entity: str  # id, name or alias of the entity to split
    names: tuple[str, ...]  # surface forms that go to a separate entity


@dataclass(frozen=True)
class Corrections:
    merges: tuple[tuple[str, ...], ...] = ()
    splits: tuple[Split, ...] = ()
    renames: tuple[tuple[str, str], ...] = ()  # (entity, new name)
    types: tuple[tuple[str, str], ...] = ()  # (entity, type)

    @property
    def empty(self) -> bool:
        return not (self.merges or self.splits or self.renames or self.types)


def _strs(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return tuple(value)


def parse_corrections(data: dict[str, Any]) -> Corrections:
    """TOML tables -> Corrections, with a clear error for a malformed entry."""
    merges = tuple(_strs(m.get("names"), "merge.names") for m in data.get("merge", []))
    splits = tuple(Split(str(s["entity"]), _strs(s.get("names"), "split.names")) for s in data.get("split", []))
    renames = tuple((str(r["entity"]), str(r["name"])) for r in data.get("rename", []))
    types = []
    for t in data.get("type", []):
        if t.get("type") not in ENTITY_TYPES:
            raise ValueError(f"type: {t.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
        types.append((str(t["entity"]), str(t["type"])))
    return Corrections(merges, splits, renames, tuple(types))


def load_corrections(path: Path) -> Corrections:
    """Read the corrections file; a missing file means no corrections."""
    if not path.exists():
        return Corrections()
    with path.open("rb") as fh:
        return parse_corrections(tomllib.load(fh))


def _q(s: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes for quotes, backslashes, controls).
    return json.dumps(s, ensure_ascii=False)


def dump_corrections(c: Corrections) -> str:
    """Corrections -> TOML text in the documented shape."""
    out = ["# dossier entity corrections: applied on every build (see docs/parts/resolve.md)", ""]
    for names in c.merges:
        out += ["[[merge]]", f"names = [{', '.join(_q(n) for n in names)}]", ""]
    for s in c.splits:
        out += ["[[split]]", f"entity = {_q(s.entity)}", f"names = [{', '.join(_q(n) for n in s.names)}]", ""]
    for entity, name in c.renames:
        out += ["[[rename]]", f"entity = {_q(entity)}", f"name = {_q(name)}", ""]
    for entity, typ in c.types:
        out += ["[[type]]", f"entity = {_q(entity)}", f"type = {_q(typ)}", ""]
    return "\n".join(out)


CORRECTION_TABLES = ("[[merge]]", "[[split]]", "[[rename]]", "[[type]]")
_HEADER_COMMENT = "# dossier entity corrections"


def other_settings(text: str) -> str:
    """The file's text without the correction tables, so saving keeps the user's other settings.

    Hand-written because tomllib only reads: a correction table runs from its ``[[...]]`` header to the
    next table header; everything else (top-level keys, ``[issues]``, comments) is kept as written.
    """
    kept: list[str] = []
    inside = False
    for line in text.splitlines():
        head = line.strip()
        if head.startswith("["):
            inside = head in CORRECTION_TABLES
        if not inside and not head.startswith(_HEADER_COMMENT):
            kept.append(line)
    return "\n".join(kept).strip()


def save_corrections(path: Path, corrections: Corrections) -> None:
    """Write the corrections, keeping whatever else the settings file holds (model, issues)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rest = other_settings(path.read_text(encoding="utf-8")) if path.exists() else ""
    # Top-level keys must come before any table, so the user's settings go first.
    text = (rest + "\n\n" if rest else "") + dump_corrections(corrections)
    path.write_text(text, encoding="utf-8")


def add_merge(c: Corrections, names: list[str] | tuple[str, ...]) -> Corrections:
    if len(names) < 2:
        raise ValueError("a merge needs at least two names")
    return dataclasses.replace(c, merges=c.merges + (tuple(names),))


def add_split(c: Corrections, entity: str, names: list[str] | tuple[str, ...]) -> Corrections:
    if not names:
        raise ValueError("a split needs the names that go to the new entity")
    return dataclasses.replace(c, splits=c.splits + (Split(entity, tuple(names)),))


def add_rename(c: Corrections, entity: str, new_name: str) -> Corrections:
    kept = tuple(r for r in c.renames if r[0] != entity)  # the latest rename wins
    return dataclasses.replace(c, renames=kept + ((entity, new_name),))


def add_type(c: Corrections, entity: str, type: EntityType | str) -> Corrections:
    if type not in ENTITY_TYPES:
        raise ValueError(f"{type!r} is not one of {', '.join(ENTITY_TYPES)}")
    kept = tuple(t for t in c.types if t[0] != entity)
    return dataclasses.replace(c, types=kept + ((entity, str(type)),))
