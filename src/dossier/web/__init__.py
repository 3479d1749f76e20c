"""The local web app and JSON API: server-rendered pages over one store, read-only.

``create_app(db)`` builds a FastAPI app whose every route is a GET; the only file it opens is the
store given here (no request parameter names a path). Handlers are ``async`` so they all run on the
event loop thread and share one SQLite connection without locking. ``serve`` runs it with uvicorn on
127.0.0.1 unless told otherwise. The JSON under ``/api/`` uses ``dossier.query.views`` like the CLI.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.model import Document
from dossier.query import Reader
from dossier.query import views
from dossier.report.html import Layer, highlight_snippet, mark_text, timeline_svg
from dossier.store import open_store

__all__ = ["create_app", "serve", "DEFAULT_HOST", "DEFAULT_PORT"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
_HL = re.compile(r"^(\d{1,9})-(\d{1,9})$")


# ---------------------------------------------------------------------------------------------
# small pure helpers
# ---------------------------------------------------------------------------------------------


def sentence_href(cite: dict[str, Any] | None) -> str | None:
    """The reader URL that opens a cited sentence highlighted and scrolled into view."""
    if not cite or cite.get("doc") is None or cite.get("start") is None:
        return None
    end = cite.get("end") if cite.get("end") is not None else cite["start"]
    return f"/doc/{cite['doc']}?hl={int(cite['start'])}-{int(end)}#hl"


def parse_hl(value: str | None, length: int) -> tuple[int, int] | None:
    """'start-end' -> offsets clamped to the text, or None when absent or malformed."""
    m = _HL.match(value or "")
    if not m:
        return None
    a, b = min(int(m.group(1)), length), min(int(m.group(2)), length)
    return (a, b) if a < b else None


def in_range(date: str | None, start: str | None, end: str | None) -> bool:
    """Prefix-aware date filter: '2018' is within from=2018-05 .. to=2018-12 (it may be)."""
    if not start and not end:
        return True
    if not date:
        return False
    if start and date[: len(start)] < start[: len(date)]:
        return False
    if end and date[: len(end)] > end[: len(date)]:
        return False
    return True


def doc_reader_html(doc: Document, reader: Reader, hl: tuple[int, int] | None) -> Any:
    """The document text escaped, with mentions and quotes marked and the ``hl`` sentence in one
    ``<mark id="hl">`` (kept whole: inner marks are cut at its edges, never the other way round)."""
    ann = reader.annots.get(doc.id)
    layers: list[Layer] = []
    if ann:
        for q in ann.quotes:
            who = q.speaker or "unknown speaker"
            layers.append(Layer(q.content.start, q.content.end, "span", f"quote {q.kind}", title=f"{q.kind} quote: {who}"))
        for m in ann.mentions:
            ent = reader.corpus.mention_entity.get((doc.id, m.span.start, m.span.end)) or m.entity_id
            name = reader.entity_name(ent) if ent else (m.canonical or m.text)
            if ent and ent in reader.entities_by_id:
                layers.append(Layer(m.span.start, m.span.end, "a", f"mention {m.label.lower()}", title=name,
                                    href=f"/entity/{ent}"))
            else:
                layers.append(Layer(m.span.start, m.span.end, "span", f"mention {m.label.lower()}", title=name))
    text = doc.text
    if not hl:
        return mark_text(text, layers)
    a, b = hl
    return Markup("").join([
        mark_text(text[:a], layers, 0),
        Markup('<mark id="hl" class="hl">'),
        mark_text(text[a:b], layers, a),
        Markup("</mark>"),
        mark_text(text[b:], layers, b),
    ])


# ---------------------------------------------------------------------------------------------
# the app
# ---------------------------------------------------------------------------------------------


class _Source:
    """One store and a Reader over it, reloaded when the store file changes (a rebuild)."""

    def __init__(self, db: Path):
        self.db = db
        self.store = open_store(db, create=False)
        self.stamp = self._stamp()
        self.reader = Reader(self.store)

    def _stamp(self) -> tuple[float, ...]:
        files = (self.db, self.db.with_name(self.db.name + "-wal"))
        return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in files)

    def get(self) -> Reader:
        stamp = self._stamp()
        if stamp != self.stamp:
            self.stamp, self.reader = stamp, Reader(self.store)
        return self.reader


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("dossier.web").joinpath("templates"))),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["href"] = sentence_href
    env.filters["snippet"] = highlight_snippet
    return env


def create_app(db: str | Path) -> FastAPI:
    """The read-only app over the store at ``db`` (which must exist)."""
    source = _Source(Path(db))
    env = _templates()
    css = resources.files("dossier.web").joinpath("static", "app.css").read_text(encoding="utf-8")
    app = FastAPI(title="dossier", description="A cited, queryable dossier (read-only).", version="0.1.0")

    def page(name: str, request: Request, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(request_path=request.url.path, params=request.query_params, **ctx)
        return HTMLResponse(html)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path in ("/docs", "/openapi.json", "/redoc"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = env.get_template("error.html").render(
            request_path=request.url.path, params=request.query_params, status=exc.status_code, detail=exc.detail
        )
        return HTMLResponse(html, status_code=exc.status_code)

    def doc_or_404(reader: Reader, doc_id: str) -> Document:
        doc = reader.document(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return doc

    # -- filters shared by the listings --------------------------------------------------------
    def doc_filter(reader: Reader, outlet: str | None, start: str | None, end: str | None) -> Callable[[str], bool]:
        docs = reader.docs

        def ok(doc_id: str) -> bool:
            d = docs.get(doc_id)
            if d is None:
                return False
            if outlet and (d.outlet or "") != outlet:
                return False
            return in_range(d.published.value, start, end)

        return ok

    def outlets(reader: Reader) -> list[str]:
        return sorted({d.outlet for d in reader.live_documents() if d.outlet})

    # -- pages ------------------------------------------------------------------------------------
    @app.get("/static/app.css", include_in_schema=False)
    async def stylesheet() -> Response:
        return Response(css, media_type="text/css")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request) -> HTMLResponse:
        reader = source.get()
        live = reader.live_documents()
        dates = sorted(d.published.value for d in live if d.published.value)
        events = [views.event_row(reader, ev) for ev in reader.timeline()]
        return page(
            "home.html", request,
            live=len(live), stored=len(reader.all_documents),
            outlets=sorted(Counter(d.outlet or "unknown outlet" for d in live).items(), key=lambda kv: (-kv[1], kv[0])),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            n_events=len(events), n_entities=len(reader.entities()), n_quotes=len(reader.quotes()),
            n_positions=len(reader.positions()), n_figures=len(reader.figures()), n_conflicts=len(reader.conflicts()),
            chart=timeline_svg(events, lambda e: sentence_href(e["sources"][0]) if e["sources"] else None),
        )

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    async def timeline_page(
        request: Request, entity: str | None = None, start: str | None = Query(None, alias="from"),
        end: str | None = Query(None, alias="to"), outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, None, None)
        events = [ev for ev in reader.timeline(entity or None, start or None, end or None)
                  if not outlet or any(ok(s.doc_id) for s in ev.mentions)]
        rows = [views.event_row(reader, ev) for ev in events]
        chart = timeline_svg(rows, lambda e: sentence_href(e["sources"][0]) if e["sources"] else None)
        return page("timeline.html", request, rows=rows, chart=chart, outlets=outlets(reader))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    async def entities_page(request: Request, type: str | None = None, outlet: str | None = None,
                            start: str | None = Query(None, alias="from"), end: str | None = Query(None, alias="to")
                            ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, start, end)
        rows = [views.entity_row(e) for e in reader.entities(type or None)
                if not (outlet or start or end) or any(ok(d) for d in e.docs)]
        return page("entities.html", request, rows=rows, outlets=outlets(reader),
                    names={e.id: e.name for e in reader.entities()})

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        reader = source.get()
        ent = reader.entities_by_id.get(entity_id)
        if ent is None:
            raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
        row = views.entity_row(ent)
        roles = [r | {"of_name": reader.entity_name(r["of"]),
                      "source": views.cite_dict(reader.cite(role.evidence[0])) if role.evidence else None}
                 for r, role in zip(row["roles"], ent.roles)]
        quotes = [views.quote_row(reader, q) for q in reader.quotes() if q.speaker_entity == ent.id]
        events = [views.event_row(reader, ev) for ev in reader.timeline() if ent.id in ev.participants]
        names = {ent.name.lower(), *(a.lower() for a in ent.aliases)}
        positions = [views.position_row(reader, p) for p in reader.positions() if p.actor.lower() in names]
        docs = [views.document_row(reader.docs[d]) for d in ent.docs if d in reader.docs]
        return page("entity.html", request, e=row, roles=roles, quotes=quotes, events=events,
                    positions=positions, docs=docs, others=[views.entity_row(o) for o in reader.who(ent.name)
                                                            if o.id != ent.id])

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    async def quotes_page(
        request: Request, speaker: str | None = None, entity: str | None = None,
        start: str | None = Query(None, alias="from"), end: str | None = Query(None, alias="to"),
        outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, start, end)
        rows = [views.quote_row(reader, q) for q in reader.quotes((speaker or entity) or None) if ok(q.content.doc_id)]
        return page("quotes.html", request, rows=rows, outlets=outlets(reader))

    @app.get("/positions", response_class=HTMLResponse, include_in_schema=False)
    async def positions_page(
        request: Request, actor: str | None = None, entity: str | None = None, issue: str | None = None,
        start: str | None = Query(None, alias="from"), end: str | None = Query(None, alias="to"),
        outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, None, None)
        rows = [views.position_row(reader, p) for p in reader.positions((actor or entity) or None, issue or None)
                if ok(p.span.doc_id) and in_range(p.date, start, end)]
        return page("positions.html", request, rows=rows, outlets=outlets(reader))

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    async def figures_page(
        request: Request, entity: str | None = None, start: str | None = Query(None, alias="from"),
        end: str | None = Query(None, alias="to"), outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, None, None)
        rows = [views.figure_row(reader, f) for f in reader.figures()]
        rows = [r for r in rows if (r.get("doc") is None or ok(r["doc"])) and in_range(r.get("date"), start, end)
                and (not entity or entity.lower() in f"{r.get('about') or ''} {r.get('sentence') or ''}".lower())]
        return page("figures.html", request, rows=rows, outlets=outlets(reader))

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    async def conflicts_page(request: Request, outlet: str | None = None) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, None, None)
        rows = [views.conflict_row(reader, c) for c in reader.conflicts()
                if not outlet or any(ok(s.doc_id) for s in c.sources)]
        return page("conflicts.html", request, rows=rows, outlets=outlets(reader))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    async def documents_page(
        request: Request, entity: str | None = None, start: str | None = Query(None, alias="from"),
        end: str | None = Query(None, alias="to"), outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, start, end)
        with_entity: set[str] | None = None
        if entity:
            with_entity = {d for e in reader.who(entity)[:1] for d in e.docs}
        rows = [views.document_row(d) for d in reader.all_documents
                if ok(d.id) and (with_entity is None or d.id in with_entity)]
        return page("documents.html", request, rows=rows, outlets=outlets(reader))

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    async def doc_page(request: Request, doc_id: str, hl: str | None = None) -> HTMLResponse:
        reader = source.get()
        doc = doc_or_404(reader, doc_id)
        span = parse_hl(hl, len(doc.text))
        return page("doc.html", request, d=views.document_detail(reader, doc), text=doc_reader_html(doc, reader, span),
                    hl=span)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(
        request: Request, q: str = "", start: str | None = Query(None, alias="from"),
        end: str | None = Query(None, alias="to"), outlet: str | None = None,
    ) -> HTMLResponse:
        reader = source.get()
        ok = doc_filter(reader, outlet, start, end)
        doc_ids = [d.id for d in reader.live_documents() if ok(d.id)] if (outlet or start or end) else None
        hits = reader.search(q, limit=50, doc_ids=doc_ids) if q.strip() else []
        rows = [{"doc": h.doc_id, "start": h.start, "end": h.end, "snippet": h.snippet, "score": h.score,
                 "title": (reader.docs[h.doc_id].title or reader.docs[h.doc_id].source) if h.doc_id in reader.docs else h.doc_id,
                 "published": reader.docs[h.doc_id].published.value if h.doc_id in reader.docs else None}
                for h in hits]
        return page("search.html", request, q=q, rows=rows, outlets=outlets(reader))

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    async def ask_page(request: Request, q: str = "") -> HTMLResponse:
        from dossier.query.ask import ask

        answer = ask(source.get(), q) if q.strip() else None
        return page("ask.html", request, q=q, answer=answer)

    # -- JSON API -------------------------------------------------------------------------------
    @app.get("/api/docs", tags=["api"])
    async def api_docs() -> list[dict[str, Any]]:
        return [views.document_row(d) for d in source.get().all_documents]

    @app.get("/api/docs/{doc_id}", tags=["api"])
    async def api_doc(doc_id: str) -> dict[str, Any]:
        reader = source.get()
        doc = doc_or_404(reader, doc_id)
        return views.document_detail(reader, doc) | {"text": doc.text}

    @app.get("/api/entities", tags=["api"])
    async def api_entities(type: str | None = None) -> list[dict[str, Any]]:
        return [views.entity_row(e) for e in source.get().entities(type or None)]

    @app.get("/api/who", tags=["api"])
    async def api_who(name: str) -> list[dict[str, Any]]:
        return [views.entity_row(e) for e in source.get().who(name)]

    @app.get("/api/timeline", tags=["api"])
    async def api_timeline(entity: str | None = None, start: str | None = Query(None, alias="from"),
                           end: str | None = Query(None, alias="to")) -> list[dict[str, Any]]:
        reader = source.get()
        return [views.event_row(reader, ev) for ev in reader.timeline(entity or None, start or None, end or None)]

    @app.get("/api/quotes", tags=["api"])
    async def api_quotes(speaker: str | None = None) -> list[dict[str, Any]]:
        reader = source.get()
        return [views.quote_row(reader, q) for q in reader.quotes(speaker or None)]

    @app.get("/api/positions", tags=["api"])
    async def api_positions(actor: str | None = None, issue: str | None = None) -> list[dict[str, Any]]:
        reader = source.get()
        return [views.position_row(reader, p) for p in reader.positions(actor or None, issue or None)]

    @app.get("/api/figures", tags=["api"])
    async def api_figures() -> list[dict[str, Any]]:
        reader = source.get()
        return [views.figure_row(reader, f) for f in reader.figures()]

    @app.get("/api/conflicts", tags=["api"])
    async def api_conflicts() -> list[dict[str, Any]]:
        reader = source.get()
        return [views.conflict_row(reader, c) for c in reader.conflicts()]

    @app.get("/api/search", tags=["api"])
    async def api_search(q: str, limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        hits = source.get().search(q, limit=limit)
        return [{"doc": h.doc_id, "start": h.start, "end": h.end, "sentence": h.text, "snippet": h.snippet,
                 "score": round(h.score, 4)} for h in hits]

    @app.get("/api/ask", tags=["api"])
    async def api_ask(q: str) -> dict[str, Any]:
        from dossier.query.ask import ask

        return dataclasses.asdict(ask(source.get(), q))

    return app


def serve(db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the app with uvicorn (blocking). Local only unless ``host`` says otherwise."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
