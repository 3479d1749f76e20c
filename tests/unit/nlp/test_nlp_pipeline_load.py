"""Loading the pipeline and naming it: once per name, and the name read once per pipeline."""

from __future__ import annotations

import spacy

from dossier.nlp.pipeline import load_pipeline, model_label


def test_the_default_pipeline_is_loaded_once_however_it_is_asked_for(nlp):
    assert load_pipeline() is load_pipeline(None) is nlp


def test_the_model_label_reads_the_pipeline_meta_once(monkeypatch):
    """spaCy builds ``meta`` anew on every read (with every component's labels), and every page asks
    for the label: it is kept per pipeline."""
    blank = spacy.blank("en")
    expected = f"en_{blank.meta['name']} {blank.meta['version']}"
    real = type(blank).meta
    reads: list[int] = []
    monkeypatch.setattr(type(blank), "meta", property(lambda self: reads.append(1) or real.fget(self)))
    assert model_label(blank) == model_label(blank) == expected
    assert len(reads) == 1
