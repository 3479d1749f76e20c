"""The local web app and JSON API: server-rendered pages over one store, read-only.

``create_app(db)`` builds a FastAPI app whose every route is a GET; the only file it opens is the
store given here (no request parameter names a path). Handlers are ``async`` so they all run on the
event loop thread and share one SQLite connection without locking. ``serve`` runs it with uvicorn on
127.0.0.1 unless told otherwise. The JSON under ``/api/`` uses ``dossier.query.views`` like the CLI.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import logging
import re
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
from dossier.query.filters import Filters, in_range
from dossier.query.overview import overview
from dossier.query.paging import BadCursor, Page, paginate
from dossier.report.html import Layer, highlight_snippet, mark_text, timeline_svg
from dossier.report.months import in_dense_span
from dossier.store import open_store

logger = logging.getLogger(__name__)

__all__ = ["create_app", "serve", "DEFAULT_HOST", "DEFAULT_PORT", "in_range", "page_links"]

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
    end = cite["end"] if cite.get("end") is not None else cite["start"]
    return f"/doc/{cite['doc']}?hl={int(cite['start'])}-{int(end)}#hl"


def parse_hl(value: str | None, length: int) -> tuple[int, int] | None:
    """'start-end' -> offsets clamped to the text, or None when absent or malformed."""
    m = _HL.match(value or "")
    if not m:
        return None
    a, b = min(int(m.group(1)), length), min(int(m.group(2)), length)
    return (a, b) if a < b else None


def page_links(path: str, params: Any, page: Page[Any]) -> dict[str, Any]:
    """What a listing's pager shows: "21–40 of 1843" and the URLs of the next and first pages
    (the other parameters kept, so a filter survives paging)."""
    from urllib.parse import urlencode

    keep = [(k, v) for k, v in params.multi_items() if k != "cursor"] if hasattr(params, "multi_items") else []
    nxt = f"{path}?{urlencode(keep + [('cursor', page.next_cursor)])}" if page.next_cursor else None
    first = f"{path}?{urlencode(keep)}" if page.offset else None
    return {"from": page.offset + 1 if page.items else 0, "to": page.offset + len(page.items), "total": page.total,
            "next": nxt, "first": first}


def doc_reader_html(doc: Document, reader: Reader, hl: tuple[int, int] | None) -> Any:
    """The document text escaped, with mentions and quotes marked and the ``hl`` sentence in one
    ``<mark id="hl">`` (kept whole: inner marks are cut at its edges, never the other way round)."""
    ann = reader.annots.get(doc.id)
    layers: list[Layer] = []
    if ann:
        for q in ann.quotes:
            who = reader.speaker_name(q) or "unknown speaker"
            layers.append(Layer(q.content.start, q.content.end, "span", f"quote {q.kind}", title=f"{q.kind} quote: {who}"))
        for m in ann.mentions:
            ent = m.entity_id
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
    """One store and a Reader over it, renewed when the store file changes (a rebuild). The Reader
    reads lazily, so starting the server and renewing it cost nothing until a page asks."""

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


# ---------------------------------------------------------------------------------------------
# security headers and the Host allow-list
# ---------------------------------------------------------------------------------------------

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def inline_script_hashes(texts: list[str]) -> list[str]:
    """CSP source expressions ('sha256-...') for the inline scripts of our own templates: only these
    exact scripts may run, so markup injected from a page's text could never run a script."""
    out = []
    for text in texts:
        for body in _INLINE_SCRIPT.findall(text):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            out.append(f"'sha256-{digest}'")
    return sorted(set(out))


def content_security_policy(script_hashes: list[str]) -> str:
    scripts = " ".join(["'self'", *script_hashes])
    return (f"default-src 'none'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


# FastAPI's own /docs and /redoc pages load Swagger/ReDoc from a CDN with an inline starter script;
# they show no store content, so they get a looser policy of their own.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "img-src 'self' data: https:; font-src https://fonts.gstatic.com; frame-ancestors 'none'")


def allowed_hosts(bind_host: str | None) -> set[str]:
    """Host header names the app answers to: the loopback names and the interface it was bound to.
    Anything else (a DNS-rebinding page naming its own domain) gets 400."""
    names = set(LOCAL_HOSTS)
    if bind_host and bind_host not in ("0.0.0.0", "::"):
        names.add(bind_host.strip("[]").lower())
    return names


def host_name(header: str) -> str:
    """'example.org:8765' -> 'example.org'; '[::1]:8765' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _add_security(app: FastAPI, hosts: set[str] | None, script_hashes: list[str]) -> None:
    """Every response gets the security headers; a request naming another host is refused."""
    policy = content_security_policy(script_hashes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        if hosts is not None and host_name(request.headers.get("host", "")) not in hosts:
            response: Response = JSONResponse({"detail": "unknown Host header"}, status_code=400)
        else:
            response = await call_next(request)
        docs = request.url.path in ("/docs", "/redoc", "/docs/oauth2-redirect")
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _template_texts() -> list[str]:
    folder = resources.files("dossier.web").joinpath("templates")
    return [f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".html")]


def create_app(db: str | Path, host: str | None = DEFAULT_HOST) -> FastAPI:
    """The read-only app over the store at ``db`` (which must exist). Requests must name one of
    ``allowed_hosts(host)`` in their Host header (``host=None`` turns the check off, for tests)."""
    source = _Source(Path(db))
    env = _templates()
    css = resources.files("dossier.web").joinpath("static", "app.css").read_text(encoding="utf-8")
    app = FastAPI(title="dossier", description="A cited, queryable dossier (read-only).", version="0.1.0")
    _add_security(app, allowed_hosts(host) if host is not None else None, inline_script_hashes(_template_texts()))

    def page(name: str, request: Request, listing: Page[Any] | None = None, **ctx: Any) -> HTMLResponse:
        pager = page_links(request.url.path, request.query_params, listing) if listing is not None else None
        html = env.get_template(name).render(request_path=request.url.path, params=request.query_params,
                                             pager=pager, **ctx)
        return HTMLResponse(html)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path in ("/docs", "/openapi.json", "/redoc"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = env.get_template("error.html").render(
            request_path=request.url.path, params=request.query_params, status=exc.status_code, detail=exc.detail
        )
        return HTMLResponse(html, status_code=exc.status_code)

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, exc: BadCursor) -> Response:
        return await http_error(request, StarletteHTTPException(status_code=400, detail=str(exc)))

    def doc_or_404(reader: Reader, doc_id: str) -> Document:
        doc = reader.document(doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return doc

    _register_pages(app, source, page, doc_or_404)
    _register_api(app, source, doc_or_404)

    @app.get("/static/app.css", include_in_schema=False)
    async def stylesheet() -> Response:
        return Response(css, media_type="text/css")

    return app


# Query parameters every listing takes (the same names in the web app and the API).
From = Query(None, alias="from", description="YYYY[-MM[-DD]], inclusive")
To = Query(None, alias="to", description="YYYY[-MM[-DD]], inclusive")
Limit = Query(None, ge=1, le=500, description="items per page (default 50)")
Cursor = Query(None, description="next_cursor of the previous page")
MainOnly = Query(False, description="only the story's main events (as `dossier timeline` lists by default)")


def _filters(outlet: str | None, start: str | None, end: str | None, entity: str | None = None) -> Filters:
    return Filters(outlet=outlet, start=start, end=end, entity=entity)


def _register_pages(app: FastAPI, source: _Source, page: Callable[..., HTMLResponse],
                    doc_or_404: Callable[[Reader, str], Document]) -> None:
    """The server-rendered pages: every listing pages (``limit``, ``cursor``) and filters alike."""
    _register_story_pages(app, source, page, doc_or_404)
    _register_layer_pages(app, source, page)


def _register_story_pages(app: FastAPI, source: _Source, page: Callable[..., HTMLResponse],
                          doc_or_404: Callable[[Reader, str], Document]) -> None:
    """The home page, the timeline, who is who and the documents."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request) -> HTMLResponse:
        reader = source.get()
        # the story's main events, as `dossier timeline` and the report show them
        events = [views.event_row(reader, ev) for ev in reader.timeline(main=True)]
        dense, span = in_dense_span(events)
        chart = timeline_svg(dense, lambda e: sentence_href(e["sources"][0]) if e["sources"] else None)
        return page("home.html", request, o=overview(reader), chart=chart, span=span,
                    outside=len(events) - len(dense))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    async def timeline_page(request: Request, entity: str | None = None, start: str | None = From,
                            end: str | None = To, outlet: str | None = None, main: bool = MainOnly,
                            limit: int | None = Limit, cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        events = reader.timeline(filters=_filters(outlet, start, end, entity), main=main)
        chart = timeline_svg([views.event_row(reader, ev) for ev in events],
                             lambda e: sentence_href(e["sources"][0]) if e["sources"] else None)
        listing = paginate(events, limit, cursor)
        rows = [views.event_row(reader, ev) for ev in listing.items]
        return page("timeline.html", request, listing, rows=rows, chart=chart, outlets=reader.outlets())

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    async def entities_page(request: Request, type: str | None = None, outlet: str | None = None,
                            start: str | None = From, end: str | None = To, entity: str | None = None,
                            limit: int | None = Limit, cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = paginate(reader.entities(type or None, _filters(outlet, start, end, entity)), limit, cursor)
        rows = [views.entity_row(e) for e in listing.items]
        names = {r["of"]: reader.entity_name(r["of"]) for row in rows for r in row["roles"] if r["of"]}
        return page("entities.html", request, listing, rows=rows, outlets=reader.outlets(), names=names)

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        reader = source.get()
        ent = reader.entities_by_id.get(entity_id)
        if ent is None:
            raise HTTPException(status_code=404, detail=f"no entity {entity_id}")
        return page("entity.html", request, **_entity_context(reader, ent))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    async def documents_page(request: Request, entity: str | None = None, start: str | None = From,
                             end: str | None = To, outlet: str | None = None, limit: int | None = Limit,
                             cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = paginate(reader.documents(_filters(outlet, start, end, entity)), limit, cursor)
        rows = [views.document_row(reader.docs[m.id]) for m in listing.items if m.id in reader.meta]
        return page("documents.html", request, listing, rows=rows, outlets=reader.outlets())

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    async def doc_page(request: Request, doc_id: str, hl: str | None = None) -> HTMLResponse:
        reader = source.get()
        doc = doc_or_404(reader, doc_id)
        span = parse_hl(hl, len(doc.text))
        return page("doc.html", request, d=views.document_detail(reader, doc), text=doc_reader_html(doc, reader, span),
                    hl=span)


def _register_layer_pages(app: FastAPI, source: _Source, page: Callable[..., HTMLResponse]) -> None:
    """The pages of what the sources say (quotes, positions, figures, conflicts) and search/ask."""

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    async def quotes_page(request: Request, speaker: str | None = None, entity: str | None = None,
                          start: str | None = From, end: str | None = To, outlet: str | None = None,
                          limit: int | None = Limit, cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = reader.quote_page((speaker or entity) or None, _filters(outlet, start, end), limit, cursor)
        rows = [views.quote_row(reader, q) for q in listing.items]
        return page("quotes.html", request, listing, rows=rows, outlets=reader.outlets())

    @app.get("/positions", response_class=HTMLResponse, include_in_schema=False)
    async def positions_page(request: Request, actor: str | None = None, entity: str | None = None,
                             issue: str | None = None, start: str | None = From, end: str | None = To,
                             outlet: str | None = None, limit: int | None = Limit,
                             cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        found = reader.positions((actor or entity) or None, issue or None, _filters(outlet, start, end))
        listing = paginate(found, limit, cursor)
        rows = [views.position_row(reader, p) for p in listing.items]
        return page("positions.html", request, listing, rows=rows, outlets=reader.outlets())

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    async def figures_page(request: Request, entity: str | None = None, start: str | None = From,
                           end: str | None = To, outlet: str | None = None, limit: int | None = Limit,
                           cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = paginate(reader.figures(_filters(outlet, start, end, entity)), limit, cursor)
        rows = [views.figure_row(reader, f) for f in listing.items]
        return page("figures.html", request, listing, rows=rows, outlets=reader.outlets())

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    async def conflicts_page(request: Request, outlet: str | None = None, start: str | None = From,
                             end: str | None = To, entity: str | None = None, limit: int | None = Limit,
                             cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = paginate(reader.conflicts(_filters(outlet, start, end, entity)), limit, cursor)
        rows = [views.conflict_row(reader, c) for c in listing.items]
        return page("conflicts.html", request, listing, rows=rows, outlets=reader.outlets())

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(request: Request, q: str = "", start: str | None = From, end: str | None = To,
                          outlet: str | None = None, entity: str | None = None, limit: int | None = Limit,
                          cursor: str | None = Cursor) -> HTMLResponse:
        reader = source.get()
        listing = _search_page(reader, q, _filters(outlet, start, end, entity), limit, cursor)
        rows = [views.search_row(reader, h) for h in listing.items]
        return page("search.html", request, listing, q=q, rows=rows, outlets=reader.outlets())

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    async def ask_page(request: Request, q: str = "") -> HTMLResponse:
        from dossier.query.ask import ask

        answer = ask(source.get(), q) if q.strip() else None
        return page("ask.html", request, q=q, answer=answer)


def _search_page(reader: Reader, q: str, filters: Filters, limit: int | None, cursor: str | None) -> Page[Any]:
    """A page of search hits: one hit more than asked tells whether there is a next page (BM25 has no
    cheap total, so ``total`` counts the hits up to the end of this page)."""
    from dossier.query.paging import check_limit, parse_cursor

    size, offset = check_limit(limit), parse_cursor(cursor)
    hits = reader.search(q, limit=size + 1, offset=offset, filters=filters) if q.strip() else []
    more = len(hits) > size
    return Page(items=hits[:size], next_cursor=str(offset + size) if more else None,
                total=offset + len(hits[:size]) + (1 if more else 0), offset=offset)


ENTITY_SECTION = 50  # items per section of an entity page; the rest is one click away, filtered


def _entity_context(reader: Reader, ent: Any) -> dict[str, Any]:
    """What an entity page shows: roles, then its quotes, events, positions and documents (the first
    ``ENTITY_SECTION`` of each, with the total and a link to the filtered listing)."""
    row = views.entity_row(ent)
    roles = [r | {"of_name": reader.entity_name(r["of"]),
                  "source": views.cite_dict(reader.cite(role.evidence[0])) if role.evidence else None}
             for r, role in zip(row["roles"], ent.roles)]
    by_id = Filters(entity=ent.id)
    quotes = reader.quote_page(ent.id, limit=ENTITY_SECTION)
    events = paginate(reader.timeline(ent.id), ENTITY_SECTION)
    positions = paginate(reader.positions(filters=by_id), ENTITY_SECTION)
    docs = paginate(reader.documents(by_id), ENTITY_SECTION)
    return {
        "e": row, "roles": roles,
        "quotes": [views.quote_row(reader, q) for q in quotes.items], "n_quotes": quotes.total,
        "events": [views.event_row(reader, ev) for ev in events.items], "n_events": events.total,
        "positions": [views.position_row(reader, p) for p in positions.items], "n_positions": positions.total,
        "docs": [views.document_row(reader.docs[m.id]) for m in docs.items], "n_docs": docs.total,
        "others": [views.entity_row(o) for o in reader.who(ent.name) if o.id != ent.id],
    }


def paged(items: list[Any], limit: int | None, cursor: str | None, row: Callable[[Any], dict[str, Any]]
          ) -> dict[str, Any]:
    """One page of an API listing, each item shaped by ``row``."""
    listing = paginate(items, limit, cursor)
    return views.page_dict(listing, [row(x) for x in listing.items])


def _register_api(app: FastAPI, source: _Source, doc_or_404: Callable[[Reader, str], Document]) -> None:
    """The JSON API: every listing is ``{"items": [...], "next_cursor": str | null, "total": int}``."""
    _register_story_api(app, source, doc_or_404)
    _register_layer_api(app, source)


def _register_story_api(app: FastAPI, source: _Source, doc_or_404: Callable[[Reader, str], Document]) -> None:
    """Documents, who is who and the timeline as JSON."""

    @app.get("/api/docs", tags=["api"])
    async def api_docs(outlet: str | None = None, start: str | None = From, end: str | None = To,
                       entity: str | None = None, limit: int | None = Limit, cursor: str | None = Cursor
                       ) -> dict[str, Any]:
        reader = source.get()
        return paged(reader.documents(_filters(outlet, start, end, entity)), limit, cursor,
                     lambda m: views.document_row(reader.docs[m.id]))

    @app.get("/api/docs/{doc_id}", tags=["api"])
    async def api_doc(doc_id: str) -> dict[str, Any]:
        reader = source.get()
        doc = doc_or_404(reader, doc_id)
        return views.document_detail(reader, doc) | {"text": doc.text}

    @app.get("/api/entities", tags=["api"])
    async def api_entities(type: str | None = None, outlet: str | None = None, start: str | None = From,
                           end: str | None = To, entity: str | None = None, limit: int | None = Limit,
                           cursor: str | None = Cursor) -> dict[str, Any]:
        reader = source.get()
        return paged(reader.entities(type or None, _filters(outlet, start, end, entity)), limit, cursor,
                     views.entity_row)

    @app.get("/api/who", tags=["api"])
    async def api_who(name: str, limit: int | None = Limit, cursor: str | None = Cursor) -> dict[str, Any]:
        return paged(source.get().who(name), limit, cursor, views.entity_row)

    @app.get("/api/timeline", tags=["api"])
    async def api_timeline(entity: str | None = None, start: str | None = From, end: str | None = To,
                           outlet: str | None = None, main: bool = MainOnly, limit: int | None = Limit,
                           cursor: str | None = Cursor) -> dict[str, Any]:
        reader = source.get()
        events = reader.timeline(filters=_filters(outlet, start, end, entity), main=main)
        return paged(events, limit, cursor, lambda ev: views.event_row(reader, ev))



def _register_layer_api(app: FastAPI, source: _Source) -> None:
    """Quotes, positions, figures, conflicts, search and ask as JSON."""

    @app.get("/api/quotes", tags=["api"])
    async def api_quotes(speaker: str | None = None, entity: str | None = None, outlet: str | None = None,
                         start: str | None = From, end: str | None = To, limit: int | None = Limit,
                         cursor: str | None = Cursor) -> dict[str, Any]:
        reader = source.get()
        listing = reader.quote_page((speaker or entity) or None, _filters(outlet, start, end), limit, cursor)
        return views.page_dict(listing, [views.quote_row(reader, q) for q in listing.items])

    @app.get("/api/positions", tags=["api"])
    async def api_positions(actor: str | None = None, issue: str | None = None, entity: str | None = None,
                            outlet: str | None = None, start: str | None = From, end: str | None = To,
                            limit: int | None = Limit, cursor: str | None = Cursor) -> dict[str, Any]:
        reader = source.get()
        found = reader.positions(actor or None, issue or None, _filters(outlet, start, end, entity))
        return paged(found, limit, cursor, lambda p: views.position_row(reader, p))

    @app.get("/api/figures", tags=["api"])
    async def api_figures(entity: str | None = None, outlet: str | None = None, start: str | None = From,
                          end: str | None = To, limit: int | None = Limit, cursor: str | None = Cursor
                          ) -> dict[str, Any]:
        reader = source.get()
        return paged(reader.figures(_filters(outlet, start, end, entity)), limit, cursor,
                     lambda f: views.figure_row(reader, f))

    @app.get("/api/conflicts", tags=["api"])
    async def api_conflicts(outlet: str | None = None, start: str | None = From, end: str | None = To,
                            entity: str | None = None, limit: int | None = Limit, cursor: str | None = Cursor
                            ) -> dict[str, Any]:
        reader = source.get()
        return paged(reader.conflicts(_filters(outlet, start, end, entity)), limit, cursor,
                     lambda c: views.conflict_row(reader, c))

    @app.get("/api/search", tags=["api"])
    async def api_search(q: str, outlet: str | None = None, start: str | None = From, end: str | None = To,
                         entity: str | None = None, limit: int | None = Limit, cursor: str | None = Cursor
                         ) -> dict[str, Any]:
        reader = source.get()
        listing = _search_page(reader, q, _filters(outlet, start, end, entity), limit, cursor)
        return views.page_dict(listing, [views.search_row(reader, h) for h in listing.items])

    @app.get("/api/ask", tags=["api"])
    async def api_ask(q: str) -> dict[str, Any]:
        from dossier.query.ask import ask

        return dataclasses.asdict(ask(source.get(), q))


def serve(db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the app with uvicorn (blocking). Local only unless ``host`` says otherwise."""
    import uvicorn

    uvicorn.run(create_app(db, host), host=host, port=port, log_level="warning")
