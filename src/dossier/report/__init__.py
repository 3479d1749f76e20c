"""The dossier as ONE self-contained HTML file: inline CSS, JS and SVG, readable offline and printable.

``render_report(reader)`` gathers every view through ``dossier.query.views`` (the same fields the
CLI and the API print), registers each citation it links to, then renders the sources with exactly
those sentences wrapped in ``<mark id="s-<doc>-<start>">`` so every ``#anchor`` resolves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from dossier.model import Document
from dossier.query import Reader
from dossier.query import views
from dossier.report.html import Layer, mark_text, timeline_svg

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
        end = cite.get("end") if cite.get("end") is not None else cite["start"]
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


def _overview(reader: Reader, live: list[Document]) -> dict[str, Any]:
    dates = sorted(d.published.value for d in live if d.published.value)
    outlets = Counter(d.outlet or "unknown outlet" for d in live)
    return {
        "sources": len(live),
        "stored": len(reader.all_documents),
        "outlets": sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "others": [views.document_row(d) for d in reader.all_documents if d.status != "ok"],
    }


def _people(reader: Reader, cites: _Citations) -> list[dict[str, Any]]:
    quotes_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in reader.quotes():
        row = views.quote_row(reader, q)
        if row["speaker_id"]:
            quotes_by[row["speaker_id"]].append(row)
    out = []
    for e in reader.entities():
        if e.type not in ENTITY_TYPES_SHOWN:
            continue
        row = views.entity_row(e)
        row["roles"] = _role_rows(reader, e, row, cites)
        row["quotes"] = [q | {"href": cites.href(q["source"])}
                         for q in sorted(quotes_by.get(e.id, []), key=lambda q: (q["date"] is None, q["date"] or ""))]
        out.append(row)
    # people with roles first (who is who), then by how much the sources say about them
    return sorted(out, key=lambda r: (not r["roles"], r["type"] != "person", -r["mentions"], r["name"]))


def _positions(reader: Reader, cites: _Citations) -> list[dict[str, Any]]:
    """Actor -> issue -> how the stance moved (``summarize_positions``: first -> last, with dates),
    then the statements themselves in date order, each linking to its sentence."""
    from dossier.extract.positions import summarize_positions

    positions = reader.positions()
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in positions:
        row = views.position_row(reader, p)
        row["href"] = cites.href(row["source"])
        rows[(row["actor"], row["issue"])].append(row)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for summary in summarize_positions(positions):
        key = (summary["actor"], summary["issue"])
        statements = sorted(rows.get(key, []), key=lambda r: (r["date"] is None, r["date"] or ""))
        grouped[summary["actor"]].append(summary | {"moves": stance_moves(summary["stances"]), "rows": statements})
    return [
        {"actor": actor, "issues": sorted(issues, key=lambda i: (i["issue"] == "other", -i["count"], i["issue"]))}
        for actor, issues in sorted(grouped.items(), key=lambda kv: (-sum(i["count"] for i in kv[1]), kv[0]))
    ]


def reports_by_source(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An event's cited sentences grouped by the page that carries them (one "Outlet, date" per
    page, in publication order), each sentence still its own link."""
    pages: dict[str, dict[str, Any]] = {}
    for s in sources:
        if not s.get("href"):
            continue
        page = pages.setdefault(s["doc"], {"outlet": s.get("outlet"), "published": s.get("published"), "links": []})
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
    return sorted(roles, key=lambda r: (r["from"] is None, r["from"] or "", r["to"] or ""))


def _source_text(doc: Document, ranges: set[tuple[int, int]]) -> Markup:
    layers = [Layer(a, b, tag="mark", cls="cited", id=anchor_id(doc.id, a)) for a, b in sorted(ranges)]
    # a zero-length citation still needs its anchor: give it one character (or an empty marker)
    layers = [l if l.end > l.start else Layer(l.start, min(l.start + 1, len(doc.text)), "mark", "cited", l.id)
              for l in layers]
    return mark_text(doc.text, layers)


def build_context(reader: Reader, title: str | None = None) -> dict[str, Any]:
    """Everything the report template shows (plain data; source text already escaped+marked)."""
    cites = _Citations()
    live = reader.live_documents()
    events = []
    for ev in reader.timeline():
        row = views.event_row(reader, ev)
        row["sources"] = [s | {"href": cites.href(s)} for s in row["sources"]]
        row["reports"] = reports_by_source(row["sources"])
        events.append(row)
    people = _people(reader, cites)
    positions = _positions(reader, cites)
    figures = []
    for f in reader.figures():
        row = views.figure_row(reader, f)
        row["href"] = cites.href(row.get("source"))
        figures.append(row)
    conflicts = []
    for c in reader.conflicts():
        row = views.conflict_row(reader, c)
        row["sources"] = [s | {"href": cites.href(s)} for s in row["sources"]]
        conflicts.append(row)
    shown = live + [d for d in reader.all_documents if d.status != "ok" and d.id in cites.ranges]
    sources = [
        views.document_detail(reader, d) | {"html": _source_text(d, cites.ranges.get(d.id, set()))} for d in shown
    ]
    return {
        "title": title or _default_title(live),
        "overview": _overview(reader, live),
        "chart": timeline_svg(events, lambda e: next((s["href"] for s in e["sources"] if s["href"]), None)),
        "events": events,
        "held": sum(1 for e in events if e["status"] == "happened"),
        "people": people,
        "positions": positions,
        "figures": figures,
        "conflicts": conflicts,
        "sources": sources,
        "doc_titles": {d.id: d.title or d.source for d in reader.all_documents},
    }


def _default_title(live: list[Document]) -> str:
    return f"Dossier: {len(live)} sources"


def render_report(reader: Reader, title: str | None = None) -> str:
    """The whole dossier as one HTML string (write it to a file; it needs no network)."""
    env = _environment()
    return env.get_template("report.html").render(
        **build_context(reader, title), css=_asset("report.css"), js=_asset("report.js")
    )
