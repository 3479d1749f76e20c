"""Shared fixtures for the golden tests on the example story (examples/gerd).

The corpus is built once per test session through the real pipeline; tests that judge a later stage
on its own re-annotate the pages with the answer key's publication dates (so an error of the dating
stage does not hide or fake a result of theirs).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from dossier.model import Annotations, Document, PublicationDate

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"


def load_gerd_key() -> dict:
    """The answer key: the one ```json block of the corpus README (one source of truth)."""
    readme = (GERD / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)\n```", readme, re.S)
    assert len(blocks) == 1, "the README must hold exactly one json answer-key block"
    return json.loads(blocks[0])


@pytest.fixture(scope="session")
def gerd_key() -> dict:
    return load_gerd_key()


@pytest.fixture(scope="session")
def gerd_true_dates(gerd_key) -> dict[str, str]:
    """File-name prefix ("03") -> the page's true publication date."""
    return {Path(name).name[:2]: entry["published"] for name, entry in gerd_key["files"].items()}


@pytest.fixture(scope="session")
def gerd_store(tmp_path_factory):
    """The example story built once through ``dossier.pipeline.build``."""
    from dossier.pipeline import build
    from dossier.store import open_store

    store = open_store(tmp_path_factory.mktemp("gerd") / "g.db")
    build([GERD / "html", GERD / "text"], store)
    return store


@pytest.fixture(scope="session")
def gerd_true_dated(nlp, gerd_store, gerd_true_dates) -> list[tuple[Document, Annotations, object]]:
    """(document, annotations, spaCy doc) of each non-duplicate page, dated by the answer key."""
    from dossier.clean.duplicates import find_duplicates
    from dossier.nlp.annotate import annotate_document

    docs = [d for d in gerd_store.documents() if d.status in ("ok", "duplicate")]
    dup = find_duplicates(docs)
    out = []
    for d in docs:
        if d.id in dup:
            continue
        day = gerd_true_dates[Path(d.source).name[:2]]
        dated = dataclasses.replace(d, published=PublicationDate(day, "day", 0.9, ("answer key",)))
        annots, sdoc = annotate_document(dated, nlp)
        out.append((dated, annots, sdoc))
    return out
