"""The dossier as ONE self-contained HTML file: inline CSS, JS and SVG, readable offline and printable.

``render_report(reader)`` gathers every view through ``dossier.query.views`` (the same fields the
CLI and the API print), registers each citation it links to, then renders each cited source as
excerpts (``report.excerpts``: the cited sentences with context, in a size budget) with exactly those
sentences wrapped in ``<mark id="s-<doc>-<start>">`` so every ``#anchor`` resolves. At 100 pages the
file is about 296 KB (it was 1 MB with every page whole): the main people, quotes, statements and
figures are shown, each section saying how many there are in all.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from dossier.query import Reader
from dossier.query import views
from dossier.query.overview import overview
from dossier.report.excerpts import excerpt_html, plan_windows
from dossier.report.html import Layer, timeline_svg
from dossier.report.months import group_by_month, in_dense_span, month_bars_svg

logger = logging.getLogger(__name__)

__all__ = ["render_report", "anchor_id", "reports_by_source", "stance_moves"]

ENTITY_TYPES_SHOWN = ("person", "org", "gov")


def anchor_id(doc_id: str, start: int) -> str:
    """The id of a cited sentence in the report's source section."""
    return f"s-{doc_id}-{start}"


class _Citations:
    """Collects every sentence the report links to, so the sources mark exactly those."""

    def __init__(self) -> None:
        self.ranges: dict[str, set[tuple[int, int]]] = defaultdict(set)

    def href(self, cite: dict[str, Any] | None) -> str | None:
        if not cite or cite.get("doc") is None or cite.get("start") is None:
            return None
        end = cite["end"] if cite.get("end") is not None else cite["start"]
        self.ranges[cite["doc"]].add((int(cite["start"]), int(end)))
        return "#" + anchor_id(cite["doc"], int(cite["start"]))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("dossier.report"))),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def _asset(name: str) -> Markup:
    """Our own CSS/JS (trusted), inlined so the file needs nothing else."""
    return Markup(resources.files("dossier.report").joinpath(name).read_text(encoding="utf-8"))


def _overview(reader: Reader) -> dict[str, Any]:
    """The shared overview (``dossier.query.overview``: the web app's home page counts the same) and
    the stored pages not used, with why."""
    return overview(reader) | {
        "others": [views.meta_row(m) for m in reader.meta.values() if m.status != "ok"],
    }


PEOPLE_SHOWN = 40  # entities with a card of their own; the rest are counted (the app lists them all)
QUOTES_SHOWN = 3  # quotes per card: direct ones first, about two lines long
STATEMENTS_SHOWN = 3  # statements per actor and issue: the newest
FIGURES_SHOWN = 50  # 60 until more kept sentences and event kinds took the 100-page report past its budget
ACTORS_SHOWN = 12  # actors in the positions section: those with the most statements
ISSUES_SHOWN = 3  # issues per actor: those with the most statements ("other" last)
LINKS_PER_PAGE = 3  # sentences linked per reporting page of an event
REPORTS_SHOWN = 5  # pages linked per event: the earliest (the rest are counted)
CONFLICTS_SHOWN = 30  # the most confident, then those across the most pages
SOURCE_BUDGET = 80_000  # characters of source excerpts (about 110 KB of HTML with the marks)
REPORT_BYTES = 300_000  # the whole file's budget up to 100 pages (the issue's goal; a `make bench` row)
REPORT_BYTES_PER_PAGE = 3_000  # ...and beyond, a page's share of it


def _people(reader: Reader, cites: _Citations) -> list[dict[str, Any]]:
    """Cards for the ``PEOPLE_SHOWN`` people and bodies named in the most sources, each with its
    roles over time and its first ``QUOTES_SHOWN`` quotes (the card says how many there are)."""
    live = {m.id for m in reader.live_meta()}
    ranked = sorted((e for e in reader.entities() if e.type in ENTITY_TYPES_SHOWN),
                    key=lambda e: (-len(live & set(e.docs)), -e.mentions, e.name))[:PEOPLE_SHOWN]
    quotes_by: dict[str, list[Any]] = defaultdict(list)
    shown = {e.id for e in ranked}
    for q in reader.quotes():
        if q.speaker_entity in shown:
            quotes_by[q.speaker_entity].append(q)
    out = []
    for e in ranked:
        row = views.entity_row(e)
        row["roles"] = _role_rows(reader, e, row, cites)
        # direct quotes first, of a length a reader takes in at a glance (about two lines)
        qs = sorted(quotes_by.get(e.id, []), key=lambda q: (q.kind != "direct", abs(len(q.text) - 160)))[:QUOTES_SHOWN]
        rows = [views.quote_row(reader, q) for q in qs]
        row["quotes"] = [q | {"href": cites.href(q["source"])}
                         for q in sorted(rows, key=lambda q: (q["date"] is None, q["date"] or ""))]
        row["n_quotes"] = len(quotes_by.get(e.id, []))
        out.append(row)
    # people with roles first (who is who), then by how much the sources say about them
    return sorted(out, key=lambda r: (not r["roles"], r["type"] != "person", -r["mentions"], r["name"]))


def _positions(reader: Reader, cites: _Citations) -> list[dict[str, Any]]:
    """Actor -> issue -> how the stance moved (``summarize_positions``: first -> last, with dates),
    then the statements themselves in date order, each linking to its sentence."""
    from dossier.extract.positions import summarize_positions

    every = reader.positions()
    top = {a for a, _ in Counter(p.side for p in every).most_common(ACTORS_SHOWN)}
    positions = [p for p in every if p.side in top]
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, str] = {}
    for p in positions:
        rows[(p.side, p.issue)].append(views.position_row(reader, p))
        names[p.side] = reader.side_name(p)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for summary in summarize_positions(positions):
        key = (summary["side"], summary["issue"])
        statements = sorted(rows.get(key, []), key=lambda r: (r["date"] is None, r["date"] or ""))
        grouped[summary["side"]].append(summary | {"moves": stance_moves(summary["stances"]),
                                                   "rows": statements[-STATEMENTS_SHOWN:]})
    out = []
    for side, issues in sorted(grouped.items(), key=lambda kv: (-sum(i["count"] for i in kv[1]), names[kv[0]])):
        ranked = sorted(issues, key=lambda i: (i["issue"] == "other", -i["count"], i["issue"]))
        shown = ranked[:ISSUES_SHOWN]
        for issue in shown:
            for r in issue["rows"]:
                r["href"] = cites.href(r["source"])  # only what is shown is cited (the report's size)
        out.append({"actor": names[side], "issues": shown, "n_issues": len(ranked)})
    return out


def reports_by_source(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An event's cited sentences grouped by the page that carries them (one "Outlet, date" per
    page, in publication order), each sentence still its own link."""
    pages: dict[str, dict[str, Any]] = {}
    for s in sources:
        if not s.get("href"):
            continue
        page = pages.setdefault(s["doc"], {"outlet": s.get("outlet"), "published": s.get("published"), "links": []})
        if len(page["links"]) < LINKS_PER_PAGE:
            page["links"].append({"href": s["href"], "sentence": s.get("sentence") or ""})
    return sorted(pages.values(), key=lambda p: (p["published"] is None, p["published"] or "", p["outlet"] or ""))


def stance_moves(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stance runs of one actor on one issue as steps to print "demand (2019-11) -> refusal
    (2021-07, 2x)": the stance, when it was held (first to last date) and how often."""
    out = []
    for r in runs:
        first, last = r.get("first_date"), r.get("last_date")
        when = first if first == last or not last else f"{first or '?'} to {last}"
        out.append({"stance": r["stance"], "when": when or "undated", "count": r["count"]})
    return out


def _role_rows(reader: Reader, e: Any, row: dict[str, Any], cites: _Citations) -> list[dict[str, Any]]:
    """Roles over time: oldest first, each with its span and the sentence that shows it."""
    roles = [
        r | {"of_name": reader.entity_name(r["of"]),
             "href": cites.href(views.cite_dict(reader.cite(role.evidence[0]))) if role.evidence else None}
        for r, role in zip(row["roles"], e.roles)
    ]
    return sorted(roles, key=lambda r: (r["from"] or r["seen_from"] or "~", r["to"] or r["seen_to"] or ""))


def _sources(reader: Reader, cites: _Citations, budget: int = SOURCE_BUDGET) -> tuple[list[dict[str, Any]], int]:
    """The cited pages, each as its cited sentences with context (``excerpts``), in the budget."""
    cited = {d: r for d, r in cites.ranges.items() if d in reader.meta}
    windows, context = plan_windows(cited, {d: reader.sentences.get(d, []) for d in cited}, budget)
    out = []
    for m in reader.meta.values():  # publication order
        if m.id not in cited:
            continue
        doc = reader.docs[m.id]
        marks = [Layer(a, b, tag="mark", cls="cited", id=anchor_id(doc.id, a)) for a, b in sorted(cited[m.id])]
        # a zero-length citation still needs its anchor: give it one character
        marks = [l if l.end > l.start else Layer(l.start, min(l.start + 1, len(doc.text)), "mark", "cited", l.id)
                 for l in marks]
        out.append(views.document_row(doc) | {"url": doc.url, "html": excerpt_html(doc.text, windows[m.id], marks)})
    return out, context


def _linked(sources: list[dict[str, Any]], pages: set[str], cites: _Citations) -> list[dict[str, Any]]:
    """The sources with a link for the first ``LINKS_PER_PAGE`` sentences of each page in ``pages``."""
    used: Counter[str] = Counter()
    out = []
    for s in sources:
        link = s["doc"] in pages and used[s["doc"]] < LINKS_PER_PAGE
        used[s["doc"]] += link
        out.append(s | {"href": cites.href(s) if link else None})
    return out


def _first_pages(sources: list[dict[str, Any]], n: int) -> set[str]:
    """The ``n`` earliest pages among an event's sources (the ones the report links)."""
    pages = {s["doc"]: s.get("published") for s in sources}
    return set(sorted(pages, key=lambda d: (pages[d] is None, pages[d] or "", d))[:n])


def build_context(reader: Reader, title: str | None = None, source_budget: int = SOURCE_BUDGET) -> dict[str, Any]:
    """Everything the report template shows (plain data; source text already escaped+marked)."""
    ctx, cites = _cited_context(reader, title)
    return _with_sources(ctx, reader, cites, source_budget)


def _with_sources(ctx: dict[str, Any], reader: Reader, cites: _Citations, budget: int) -> dict[str, Any]:
    """The context with the cited pages as excerpts in ``budget`` characters (0: cited sentences alone)."""
    sources, context = _sources(reader, cites, budget)
    return ctx | {"sources": sources, "context": context}


def _cited_context(reader: Reader, title: str | None) -> tuple[dict[str, Any], _Citations]:
    """Every section but the sources, and the citations its rows link to."""
    cites = _Citations()
    every = reader.timeline()
    events = []
    for ev in reader.timeline(main=True):  # the story's main events, as `dossier timeline` lists
        row = views.event_row(reader, ev)
        first = _first_pages(row["sources"], REPORTS_SHOWN)
        row["sources"] = _linked(row["sources"], first, cites)
        row["reports"] = reports_by_source(row["sources"])
        row["n_reports"] = len({s["doc"] for s in row["sources"]})
        events.append(row)
    # the chart zooms to the months most events fall in; events known only to the year stay in the list
    dense, span = in_dense_span(events)
    people = _people(reader, cites)
    positions = _positions(reader, cites)
    all_figures = reader.figures()
    figures = []
    for f in all_figures[:FIGURES_SHOWN]:
        row = views.figure_row(reader, f)
        row["href"] = cites.href(row.get("source"))
        figures.append(row)
    all_conflicts = reader.conflicts()
    ranked = sorted(all_conflicts, key=lambda c: (-c.confidence, -len({s.doc_id for s in c.sources})))
    conflicts = []
    for c in ranked[:CONFLICTS_SHOWN]:
        row = views.conflict_row(reader, c)
        row["sources"] = [s | {"href": cites.href(s)} for s in row["sources"]]
        conflicts.append(row)
    ov = _overview(reader)
    return {
        "title": title or ov["title"],
        "overview": ov,
        "chart": timeline_svg(dense, lambda e: next((s["href"] for s in e["sources"] if s["href"]), None)),
        "bars": month_bars_svg(events),
        "span": span,
        "outside": len(events) - len(dense),
        "months": group_by_month(events),
        "events": events,
        "held": sum(1 for e in events if e["status"] == "happened"),
        "all_events": len(every),
        "people": people,
        "positions": positions,
        "figures": figures,
        "n_figures": len(all_figures),
        "conflicts": conflicts,
        "n_actors": len({p.side for p in reader.positions()}),
        "n_conflicts": len(all_conflicts),
        "uncited": [m for m in reader.live_meta() if m.id not in cites.ranges],
        "doc_titles": {m.id: m.title or m.source for m in reader.meta.values()},
        "limits": {"people": PEOPLE_SHOWN, "quotes": QUOTES_SHOWN, "statements": STATEMENTS_SHOWN, "issues": ISSUES_SHOWN},
    }, cites


def report_budget(pages: int) -> int:
    """Bytes the report may take: ``REPORT_BYTES`` up to 100 pages, ``REPORT_BYTES_PER_PAGE`` a page beyond."""
    return max(REPORT_BYTES, REPORT_BYTES_PER_PAGE * pages)


def render_report(reader: Reader, title: str | None = None) -> str:
    """The whole dossier as one HTML string (write it to a file; it needs no network). Over its
    byte budget, the sources are shown as their cited sentences alone, without context."""
    env = _environment()
    ctx, cites = _cited_context(reader, title)  # once: over budget, only the sources are made again

    def render(source_budget: int) -> str:
        return env.get_template("report.html").render(
            **_with_sources(ctx, reader, cites, source_budget), css=_asset("report.css"), js=_asset("report.js")
        )

    html = render(SOURCE_BUDGET)
    budget = report_budget(len(reader.meta))
    if len(html.encode("utf-8")) > budget:
        logger.info("report: %d bytes, over its budget of %d: sources shown without context",
                    len(html.encode("utf-8")), budget)
        # cut apart, excerpts take more markup: on a small store that can outweigh the context saved
        html = min(html, render(0), key=lambda h: len(h.encode("utf-8")))
    return html
