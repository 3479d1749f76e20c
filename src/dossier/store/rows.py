"""Row encodings shared by every backend, so SQLite and PostgreSQL store the same JSON for an object."""

from __future__ import annotations

import json
import re
import logging
import zlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from dossier.model import Annotations, Document, PublicationDate, to_dict
from dossier.store.nul import json_text, text_value

if TYPE_CHECKING:
    from dossier.store.base import CorpusChanges

logger = logging.getLogger(__name__)


def dumps(obj: Any) -> str:
    """A model object as compact JSON (the stored form of documents, annotations and corpus rows;
    U+0000 as U+FFFD: ``store.nul``)."""
    return json_text(json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":")))


# A code point of the surrogate range standing alone: what a JSON '\ud800' escape with no pair decodes to.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def declared_json(declared: dict[str, str] | None) -> str:
    """What the container declared, as JSON kept as given: readable UTF-8, except that a lone
    surrogate (untrusted input: '"title": "\\ud800"') stays escaped, as no UTF-8 text can hold it."""
    text = json.dumps(declared or {}, ensure_ascii=False)
    return json.dumps(declared or {}) if _LONE_SURROGATE.search(text) else text


def document_json(data: dict[str, Any]) -> str:
    """A stored document's JSON rewritten by the corpus step (``updated_document``)."""
    return json_text(json.dumps(data, ensure_ascii=False))


DOCUMENT_COLUMNS = ("id", "source", "status", "published", "outlet", "duplicate_of", "version", "doc_json",
                    "annotations_json", "raw", "declared")


def annotations_blob(annots: Annotations) -> str:
    """The JSON kept in a document's row: its annotations without the quotes and mentions, which are
    rows of their own (``store/tables.py``)."""
    return dumps(replace(annots, quotes=(), mentions=()))


def document_row(doc: Document, annots: Annotations, raw: bytes, version: str,
                 declared: dict[str, str] | None) -> tuple[Any, ...]:
    """The values of a ``documents`` row, in ``DOCUMENT_COLUMNS`` order (raw bytes kept compressed; what
    the container declared kept as given, U+0000 included: ``store.nul``)."""
    return (doc.id, doc.source, doc.status, text_value(doc.published.value), text_value(doc.outlet),
            doc.duplicate_of, version, dumps(doc), annotations_blob(annots), zlib.compress(raw, 6),
            declared_json(declared))


def sentence_rows(doc: Document, annots: Annotations) -> list[tuple[str, str, int, int]]:
    """(text, doc id, start, end) of what search indexes: the sentences, else the paragraphs, else the
    whole text (a page kept raw still answers a search). U+0000 as U+FFFD, as in the stored text."""
    text = text_value(doc.text)
    rows = [(text[s.start : s.end], doc.id, s.start, s.end) for s in annots.sentences]
    if not rows and text:
        rows = [(text[a:b], doc.id, a, b) for a, b in doc.paragraphs] or [(text, doc.id, 0, len(text))]
    return rows


def updated_document(
    data: dict[str, Any],
    doc_id: str,
    dates: dict[str, PublicationDate],
    duplicates: dict[str, str | None],
) -> dict[str, Any]:
    """A stored document's JSON after the reduce step re-dated it or (un)marked it a duplicate."""
    data = dict(data)
    if doc_id in dates:
        data["published"] = to_dict(dates[doc_id])
    if doc_id in duplicates:
        data["duplicate_of"] = duplicates[doc_id]
        if duplicates[doc_id]:
            data["status"] = "duplicate"
        elif data.get("status") == "duplicate":  # back to its own status, by its language
            data["status"] = "non_english" if data.get("language") not in (None, "en") else "ok"
    return data


@dataclass(frozen=True)
class ChangeRows:
    """``CorpusChanges`` encoded as the parameters of each backend's statements (encoded before any
    write lock is taken)."""

    gone_entities: list[tuple[str]]
    entities: list[tuple[str, str, str, str]]
    gone_events: list[tuple[str]]
    events: list[tuple[str, str | None, str | None, str]]
    gone_positions: list[tuple[str]]
    positions: list[tuple[str | None, str, str | None, str]]
    gone_figures: list[tuple[str]]
    figures: list[tuple[str]]
    replace_figures: bool
    gone_conflicts: list[tuple[str]]
    conflicts: list[tuple[str, str]]


def change_rows(changes: CorpusChanges) -> ChangeRows:
    """The rows of ``changes``, in the corpus tables' column order."""
    replace_figures = changes.all_figures is not None
    return ChangeRows(
        gone_entities=[(i,) for i in changes.gone_entities],
        entities=[(e.id, e.name, e.type, dumps(e)) for e in changes.entities],
        gone_events=[(i,) for i in changes.gone_events],
        events=[(e.id, e.date, e.kind, dumps(e)) for e in changes.events],
        gone_positions=[(dumps(p),) for p in changes.gone_positions],
        positions=[(p.actor, p.issue, p.date, dumps(p)) for p in changes.positions],
        gone_figures=[(dumps(f),) for f in changes.gone_figures],
        figures=[(dumps(f),) for f in (changes.all_figures if changes.all_figures is not None else changes.figures)],
        replace_figures=replace_figures,
        gone_conflicts=[(dumps(c),) for c in changes.gone_conflicts],
        conflicts=[(c.kind, dumps(c)) for c in changes.conflicts],
    )


def search_terms(query: str) -> list[str]:
    """The plain words of a user's query: input is never query syntax in any backend."""
    import re

    return re.findall(r"\w+", query, flags=re.UNICODE)
