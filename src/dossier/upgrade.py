"""Pages stored by an earlier pipeline revision, brought up to this one without mapping them again.

A revision bump (``pipeline.PIPELINE_REVISION``) makes every stored page stale, and a stale page is
mapped again: the language model over every page, about a tenth of a CPU second each, so minutes to
hours for a large store. Some revisions only add a field that the cheap, model-free part of the map
computes from what the store keeps (the clean text and the raw page). Such a revision registers an
upgrade here, from the revision before it; a build then applies the chain of upgrades to the pages
stored under an older revision of the same code and model, rewrites their versions, and hands them
to the corpus step as changed pages. A revision with no upgrade registered maps its pages again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace

from dossier.model import Document, Page
from dossier.store.base import Store

logger = logging.getLogger(__name__)

Upgrade = Callable[[Document, Page], Document]

_BATCH = 256  # documents rewritten a transaction


def _own_latest_year(doc: Document, page: Page) -> Document:
    """Revision 4 -> 5: ``own_latest_year``, the latest year a page undated by its own evidence
    reports. Whether the map found no date of the page's own is asked of the page again (the stored
    date may have been lent by the corpus step)."""
    from dossier.date import date_document
    from dossier.mapstep import own_dating

    own = own_dating(replace(doc, published=date_document(doc, page)))
    return replace(doc, own_latest_year=own.own_latest_year)


# revision k -> the upgrade from k to k + 1 (only for pages the map analysed: status ok at map time)
UPGRADES: dict[int, Upgrade] = {4: _own_latest_year}
_ANALYSED = frozenset({"ok", "duplicate"})  # a duplicate was an analysed page before the corpus step


def _parts(version: str) -> tuple[str, int, str] | None:
    """(code and model, revision, declared digest) of a stored document version
    ``<package>+<revision>+<model>[@<digest>]``, or None when it reads otherwise."""
    base, _, digest = version.partition("@")
    fields = base.split("+", 2)
    if len(fields) != 3 or not fields[1].isdigit():
        return None
    return f"{fields[0]}+{fields[2]}", int(fields[1]), digest


def chain(stored: str, current: str) -> list[Upgrade] | None:
    """The upgrades that bring a document stored under version ``stored`` to ``current``: None when
    the code, model or declared fields differ, or when a revision between has no upgrade."""
    old, new = _parts(stored), _parts(current.partition("@")[0])
    if old is None or new is None or old[0] != new[0] or old[1] >= new[1]:
        return None
    steps = [UPGRADES.get(k) for k in range(old[1], new[1])]
    return [s for s in steps if s is not None] if all(steps) else None


def _upgraded(store: Store, todo: dict[str, tuple[str, list[Upgrade]]]) -> Iterator[tuple[Document, str]]:
    """Each analysed page of ``todo`` with its upgrades applied, and its new version. Other pages
    (kept raw, not English, empty) are left stale: mapping them again is cheap or may now succeed."""
    for doc_id, (new_version, steps) in todo.items():
        doc, page = store.document(doc_id), store.page(doc_id)
        if doc is None or page is None or doc.status not in _ANALYSED:
            continue
        for step in steps:
            doc = step(doc, page)
        yield doc, new_version


def upgrade_stored(store: Store, version: str) -> list[str]:
    """Bring the documents stored under an older revision of ``version`` up to it (see the module
    docstring); returns their ids, which the corpus step takes as changed pages."""
    todo: dict[str, tuple[str, list[Upgrade]]] = {}
    for doc_id, stored in store.document_versions().items():
        steps = chain(stored, version) if stored != version else None
        if steps is not None:
            digest = stored.partition("@")[2]
            todo[doc_id] = (f"{version}@{digest}" if digest else version, steps)
    if not todo:
        return []
    done: list[str] = []
    batch: list[tuple[Document, str]] = []
    for doc, new_version in _upgraded(store, todo):
        batch.append((doc, new_version))
        done.append(doc.id)
        if len(batch) >= _BATCH:
            store.set_documents(batch)
            batch = []
    store.set_documents(batch)
    logger.info("upgraded %d stored pages to %s without mapping them again", len(done), version)
    return done
