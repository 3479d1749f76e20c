"""The corpus step: declared passes over one id-keyed ``Corpus`` (see ``runner`` and ``passes``).

The map step gives each page on its own; this step relates pages: duplicates -> story_year -> resolve -> events
-> redate -> positions -> figures -> conflicts, re-running the passes whose inputs re-dating changed.
Passes are registered in the ``dossier.passes`` entry point group, built-ins included, so a plugin
adds one the same way (see README, "How to add a pass").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from dossier.corpus.partitions import IN_PROCESS, Partitions
from dossier.corpus.runner import MAX_RUNS, Pass, PassRun, RunLog, ordered, run_passes
from dossier.corpus.state import FACETS, Corpus, Options
from dossier.model import Annotations, Document
from dossier.plugins import PASSES, load_group

logger = logging.getLogger(__name__)


def registered_passes() -> list[Pass]:
    """Every pass of the ``dossier.passes`` group, in flow order."""
    return ordered(load_group(PASSES))


def corpus_of(docs: Iterable[Document], annots: dict[str, Annotations], options: Options | None = None,
              partitions: Partitions = IN_PROCESS) -> Corpus:
    """A fresh corpus over stored pages (those the corpus step uses: ok or duplicate, and pages in
    other languages, which are deduplicated too but are never ``live``); ``partitions``: where its
    passes run their per-page parts."""
    kept = {d.id: d for d in docs if d.status in ("ok", "duplicate", "non_english")}
    return Corpus(kept, {i: annots[i] for i in kept if i in annots}, options=options or Options(),
                  partitions=partitions)


__all__ = [
    "FACETS",
    "MAX_RUNS",
    "Corpus",
    "Options",
    "Pass",
    "PassRun",
    "RunLog",
    "corpus_of",
    "registered_passes",
    "run_passes",
]  # fmt: skip
