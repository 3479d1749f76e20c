"""What the corpus step writes back to the pages, without holding the corpus as it was read.

The write-back stores a page's new date or duplicate status, and its annotations when a pass replaced
them (a pass returns the very object it was given when nothing changed). Comparing with the corpus as
read used to keep every page's annotations alive for the whole step, next to the copies resolution
makes (a mention gets its entity id): both sets at once. ``AsRead`` keeps only each page's date and a
weak reference to its annotations: an object a pass replaced is freed, and
a dead reference means that page changed. Pages are then written in batches, so the JSON of every
changed page is never in memory at once.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from dossier.corpus.held import as_stored
from dossier.corpus.state import Corpus
from dossier.model import Annotations, PublicationDate

logger = logging.getLogger(__name__)

BATCH = 256  # pages a write-back transaction covers

# ``Store.update_documents``: new dates, duplicate links and annotations, in one transaction
Update = Callable[[dict[str, PublicationDate], dict[str, str | None], list[Annotations]], None]


@dataclass(frozen=True)
class AsRead:
    """Each page's date as read, and its annotations by weak reference."""

    dates: Mapping[str, PublicationDate]
    annotations: Mapping[str, weakref.ref[Annotations]]

    @classmethod
    def of(cls, corpus: Corpus) -> AsRead:
        return cls({d.id: d.published for d in corpus.documents.values()},
                   {i: weakref.ref(a) for i, a in corpus.annotations.items()})

    def replaced(self, doc_id: str, annots: Annotations) -> bool:
        """Whether ``annots`` is not the object read for that page (a page not read counts as replaced)."""
        ref = self.annotations.get(doc_id)
        return ref is None or ref() is not annots


def write_pages(update: Update, was: AsRead, after: Corpus, pages: Iterable[str], batch: int = BATCH) -> None:
    """Store (``update``) ``pages``' new dates and duplicate links, and every replaced page's
    annotations (with the fields held apart, ``corpus.held``), ``batch`` pages a transaction."""
    ids = list(pages)
    listed = set(ids)
    ids += [i for i in after.annotations if i not in listed]  # annotations replaced on a page not listed
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        docs = [after.documents[i] for i in chunk if i in listed]
        dates = {d.id: d.published for d in docs if d.published != was.dates.get(d.id)}
        duplicates = {d.id: d.duplicate_of for d in docs}
        rebased = [as_stored(after.whole(a)) for i in chunk
                   if (a := after.annotations.get(i)) is not None and was.replaced(i, a)]
        update(dates, duplicates, rebased)
    logger.debug("write-back: %d pages in batches of %d", len(ids), batch)
