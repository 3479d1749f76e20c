"""The per-document extractors, declared so the map step (and a plugin) can list and order them.

Each extractor reads one clean, dated, annotated document (with its spaCy ``Doc``) and returns the
annotations with its own field filled. ``order`` places it: an extractor reading another's output
(events read quotes) comes after it. Registered through the ``dossier.extractors`` entry point group
(see ``dossier.plugins``); a plugin adds one by declaring an ``Extractor`` object there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from dossier.model import Annotations, Document

logger = logging.getLogger(__name__)

ExtractFn = Callable[[Document, Any, Annotations], Annotations]


@dataclass(frozen=True)
class Extractor:
    name: str
    gives: str  # the Annotations field it fills
    order: int
    fn: ExtractFn


def _quotes(doc: Document, sdoc: Any, annots: Annotations) -> Annotations:
    from dossier.extract.quotes import find_quotes

    return replace(annots, quotes=tuple(find_quotes(doc, sdoc, annots.mentions)))


def _events(doc: Document, sdoc: Any, annots: Annotations) -> Annotations:
    from dossier.extract.events import find_events

    return replace(annots, events=tuple(find_events(doc, sdoc, annots)))


def _claims(doc: Document, sdoc: Any, annots: Annotations) -> Annotations:
    from dossier.extract.claims import find_claims

    return replace(annots, claims=tuple(find_claims(doc, sdoc, annots)))


QUOTES = Extractor("quotes", "quotes", 10, _quotes)
EVENTS = Extractor("events", "events", 20, _events)
CLAIMS = Extractor("claims", "claims", 30, _claims)


def ordered(extractors: tuple[Any, ...]) -> list[Extractor]:
    """The registered extractors in run order (by ``order``, then name)."""
    return sorted(extractors, key=lambda e: (e.order, e.name))
