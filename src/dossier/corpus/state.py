"""The one object the corpus passes read and return: everything known about the stored pages.

Id-keyed: documents and annotations by document id, entities and events by their ids. Frozen: a
pass returns a new ``Corpus`` (``dataclasses.replace``) so the runner can see which facets changed
and re-run only the passes that read them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from dossier.corpus.partitions import IN_PROCESS, Partitions
from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Position,
    PublicationDate,
    Refused,
)


logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Options:
    """What the user configured for the corpus step (``dossier.config``)."""

    corrections: Any = None  # resolve.corrections.Corrections
    issue_names: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Corpus:
    # every stored page kept for the corpus step (ok or duplicate); read whole but for its page layout
    # (``store.base.LAYOUT``: removed blocks, paragraphs, furniture digests), which only the map step reads
    documents: Mapping[str, Document]
    annotations: Mapping[str, Annotations]
    entities: Mapping[str, Entity] = field(default_factory=dict)  # mentions carry their ids (entity_id)
    events: tuple[Event, ...] = ()  # merged corpus events, in timeline order
    positions: tuple[Position, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    # words resolution read as naming nothing (``resolve.Refused``), kept in the incremental index
    refused: Refused = field(default_factory=Refused)
    options: Options = field(default_factory=Options)
    # each page's near-duplicate sketch (the duplicates pass fills it; not a facet: no pass reads it)
    sketches: Mapping[str, Any] = field(default_factory=dict)
    # work a pass keeps for its own next run within this corpus step, by pass name (``resolve``:
    # each page's observations). Not a facet and never stored: a cache, it changes no result; the
    # runner drops it once no later pass can make that pass run again.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # where passes run their per-page parts (``corpus.partitions``): here, or on the build's cluster
    partitions: Partitions = field(default=IN_PROCESS, compare=False, repr=False)
    # annotation fields held apart from ``annotations`` (``corpus.held``: quotes and figures in a full
    # step), packed by field and page id; ``whole`` and ``live_annotations(fields)`` join them back
    held: Mapping[str, Mapping[str, bytes]] = field(default_factory=dict, repr=False)

    def live(self) -> list[Document]:
        """The pages that count (not duplicates), in store order."""
        return [d for d in self.documents.values() if d.status == "ok"]

    def live_annotations(self, fields: Collection[str] = ()) -> list[Annotations]:
        """Annotations of ``live()``, in the same order (the shape the stage functions take), with
        the held ``fields`` they read joined back (``corpus.held``; the others stay empty)."""
        return [self.whole(self.annotations[d.id], fields) for d in self.live() if d.id in self.annotations]

    def whole(self, annots: Annotations, fields: Collection[str] | None = None) -> Annotations:
        """A page's annotations with its held ``fields`` joined back (every held field by default)."""
        from dossier.corpus.held import joined

        return joined(annots, self.held, self.held.keys() if fields is None else fields) if self.held else annots

    def dates(self) -> dict[str, PublicationDate]:
        return {i: d.published for i, d in self.documents.items()}


def _duplicates(c: Corpus) -> Any:
    return {i: (d.status, d.duplicate_of) for i, d in c.documents.items()}


# What a pass may declare in ``reads`` / ``gives``, and how the runner sees that one changed.
FACETS: dict[str, Callable[[Corpus], Any]] = {
    "documents": _duplicates,  # which pages count: the text never changes after the map step
    "dates": Corpus.dates,
    "annotations": lambda c: (c.annotations, c.held),
    "entities": lambda c: c.entities,
    "events": lambda c: c.events,
    "positions": lambda c: c.positions,
    "figures": lambda c: c.figures,
    "conflicts": lambda c: c.conflicts,
    "refused": lambda c: c.refused,
}
