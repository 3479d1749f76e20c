"""Descriptions and place pro-forms are linked by looking labels up, never by copying them all per page
(a merged copy of every mention's label for each page made resolution quadratic in the corpus)."""

from __future__ import annotations

from dossier.resolve.describe import link_descriptions
from dossier.resolve.observe import observe

from .helpers import annotate, make_doc


class _NoCopy(dict):
    """Labels that may be looked up but not iterated (``{**labels}`` iterates them)."""

    def keys(self):  # type: ignore[override]
        raise AssertionError("every label copied")

    def __iter__(self):
        raise AssertionError("every label copied")


def test_place_proforms_are_linked_without_copying_the_labels():
    pages = [make_doc(i, f"Crowds met in Springfield on day {n}. Police stayed there overnight.")
             for n, i in enumerate("abc")]
    annots = [annotate(d, ("Springfield", "GPE"), ("there", "GPE")) for d in pages]
    obs = [o for d, a in zip(pages, annots) for o in observe(d, a)]
    labels = {o.key: "name:springfield" for o in obs if o.name == "Springfield"}
    linked = link_descriptions(pages, obs, _NoCopy(labels))
    assert linked == link_descriptions(pages, obs, dict(labels))
    there = [o.key for o in obs if o.surface == "there"]
    assert there and all(linked.get(k) == "name:springfield" for k in there)
