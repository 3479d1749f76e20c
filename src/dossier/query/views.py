"""Model objects -> the JSON shapes printed by ``--json`` and served under ``/api/``.

One function per listing, so the CLI, the HTTP API and the report print the very same fields.
"""

from __future__ import annotations

import logging
from typing import Any

from dossier.model import Conflict, CorpusFigure, Document, Entity, Event, Position, Quote, Role, Span
from dossier.query import Citation, Reader
from dossier.query.paging import Page
from dossier.store import DocMeta, SearchHit

logger = logging.getLogger(__name__)


def cite_dict(c: Citation | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "doc": c.doc_id,
        "source": c.source,
        "outlet": c.outlet,
        "published": c.published,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "hit_start": c.hit_start,
        "hit_end": c.hit_end,
    }


def document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "outlet": d.outlet,
        "author": d.author,
        "published": d.published.value,
        "published_precision": d.published.precision,
        "published_confidence": round(d.published.confidence, 3),
        "published_evidence": list(d.published.evidence),
        "language": d.language,
        "words": d.words,
        "duplicate_of": d.duplicate_of,
        "status": d.status,
        "reason": d.reason,
    }


def document_detail(reader: Reader, d: Document) -> dict[str, Any]:
    row = document_row(d)
    row["url"] = d.url
    row["error"] = d.error
    row["removed"] = [{"text": r.text, "reason": r.reason, "position": r.position} for r in d.removed]
    row["sources"] = [{"source": s, **declared} for s, declared in reader.store.sources(d.id)]
    return row


def role_row(r: Role) -> dict[str, Any]:
    """A role for the API: its term as the text states it ('from'/'to'), whether it is past, and
    the dates of the pages reporting it held ('seen_from'/'seen_to'), which are not a term."""
    row: dict[str, Any] = {"title": r.title, "of": r.of, "from": r.start, "to": r.end, "past": r.past,
                           "seen_from": r.first_seen, "seen_to": r.last_seen}
    return row | {"when": role_when(row)}


def role_when(role: dict[str, Any]) -> str:
    """When a role row holds, as a reader says it: its stated term ('since 2014', '2009..2013',
    'until 2016-03'), else the pages that report it ('reported 2016-09..2016-10'), else ''."""
    start, end = role.get("from"), role.get("to")
    if start or end:
        return f"{start}..{end}" if start and end else f"since {start}" if start else f"until {end}"
    first, last = role.get("seen_from"), role.get("seen_to")
    if not first:
        return ""
    return f"reported {first}" + (f"..{last}" if last and last != first else "")


def entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "roles": [role_row(r) for r in e.roles],
        "mentions": e.mentions,
        "docs": list(e.docs),
        "government_of": e.government_of,
    }


def event_row(reader: Reader, ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id,
        "date": ev.date,
        "precision": ev.precision,
        "kind": ev.kind,
        "summary": ev.summary,
        "participants": reader.participant_names(ev),
        "participant_ids": list(ev.participants),
        "place": ev.place,
        "status": ev.status,
        "confidence": round(ev.confidence, 3),
        "sources": [_source(reader, s) for s in ev.mentions],
    }


def _source(reader: Reader, span: Span) -> dict[str, Any]:
    c = reader.cite(span)
    return cite_dict(c) or {"doc": span.doc_id, "sentence": None, "start": span.start, "end": span.end}


def quote_row(reader: Reader, q: Quote) -> dict[str, Any]:
    c = reader.cite(q.content)
    doc = reader.docs.get(q.content.doc_id)
    return {
        "speaker": reader.speaker_name(q),
        "speaker_id": q.speaker_entity,
        "text": q.text,
        "kind": q.kind,
        "question": q.question,
        "doc": q.content.doc_id,
        "date": doc.published.value if doc else None,
        "sentence": c.sentence if c else None,
        "start": q.content.start,
        "end": q.content.end,
        "confidence": round(q.confidence, 3),
        "source": cite_dict(c),
    }


def position_row(reader: Reader, p: Position) -> dict[str, Any]:
    c = reader.cite(p.span)
    return {
        "actor": reader.side_name(p),
        "actor_id": p.actor,
        "issue": p.issue,
        "stance": p.stance,
        "statement": p.statement,
        "date": p.date,
        "precision": p.precision,
        "doc": p.span.doc_id,
        "sentence": c.sentence if c else None,
        "confidence": round(p.confidence, 3),
        "source": cite_dict(c),
    }


def figure_row(reader: Reader, f: CorpusFigure) -> dict[str, Any]:
    row: dict[str, Any] = {"value": f.value, "unit": f.unit, "about": f.about, "date": f.date, "doc": f.doc,
                           "sentence": f.sentence}
    row["source"] = cite_dict(reader.cite(f.span))
    return row


def conflict_row(reader: Reader, c: Conflict) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "about": c.about,
        "values": list(c.values),
        "confidence": round(c.confidence, 3),
        "reason": c.reason,
        "sources": [_source(reader, s) for s in c.sources],
    }


def search_row(reader: Reader, h: SearchHit) -> dict[str, Any]:
    """One search hit, shaped once for the CLI, the API and the web app."""
    m = reader.meta.get(h.doc_id)
    return {
        "doc": h.doc_id,
        "start": h.start,
        "end": h.end,
        "sentence": h.text,
        "snippet": h.snippet,  # the sentence with [[hit]] markers (escaped before they become <mark>)
        "score": round(h.score, 4),
        "title": (m.title or m.source) if m else h.doc_id,
        "outlet": m.outlet if m else None,
        "published": m.published if m else None,
    }


def meta_row(m: DocMeta) -> dict[str, Any]:
    """A document in a listing, from the fields read without its text."""
    return {"id": m.id, "source": m.source, "title": m.title, "outlet": m.outlet, "published": m.published,
            "status": m.status, "duplicate_of": m.duplicate_of}


def page_dict(page: Page[Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON envelope of every paged listing: items, the cursor of the next page, the total."""
    return {"items": rows, "next_cursor": page.next_cursor, "total": page.total}
