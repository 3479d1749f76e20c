"""HTML pieces shared by the single-file report and the web app.

Everything that comes from a source page passes through ``markupsafe.escape`` here (or through
jinja2's autoescape in the templates); only markup built in this module is trusted. Hand-written
because no library marks overlapping character spans inside escaped text or draws a dependency-free
inline SVG timeline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from markupsafe import Markup, escape

from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)

_SNIPPET_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


@dataclass(frozen=True)
class Layer:
    """One span to wrap in a tag: ``<tag class=cls id=id title=title>`` over text[start:end]."""

    start: int
    end: int
    tag: str = "span"
    cls: str = ""
    id: str | None = None
    title: str | None = None
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _open(layer: Layer, first: bool) -> Markup:
    parts = [Markup("<{}").format(Markup(layer.tag))]
    if layer.cls:
        parts.append(Markup(' class="{}"').format(layer.cls))
    if first and layer.id:
        parts.append(Markup(' id="{}"').format(layer.id))
    if layer.title:
        parts.append(Markup(' title="{}"').format(layer.title))
    if layer.href:
        parts.append(Markup(' href="{}"').format(layer.href))
    for k, v in layer.attrs:
        parts.append(Markup(' {}="{}"').format(Markup(k), v))
    parts.append(Markup(">"))
    return Markup("").join(parts)


def mark_text(text: str, layers: Iterable[Layer], base: int = 0) -> Markup:
    """Escape ``text`` and wrap the layers' spans (offsets relative to ``base``) in their tags.

    Overlapping layers are handled by cutting the text at every boundary and reopening the tags that
    cover each piece, so the HTML always nests; an ``id`` is put only on a layer's first piece.
    Outer layers (earlier start, later end) open first.
    """
    end_all = base + len(text)
    spans = [l for l in layers if l.end > l.start and l.start < end_all and l.end > base]
    cuts = sorted({base, end_all} | {max(base, min(end_all, x)) for l in spans for x in (l.start, l.end)})
    order = sorted(spans, key=lambda l: (l.start, -l.end))
    out: list[Markup] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a - base : b - base])
        active = [l for l in order if l.start <= a and b <= l.end]
        for l in active:
            out.append(_open(l, first=(a == max(base, l.start))))
        out.append(piece)
        for l in reversed(active):
            out.append(Markup("</{}>").format(Markup(l.tag)))
    return Markup("").join(out)


def highlight_snippet(snippet: str) -> Markup:
    """A search snippet with ``[[...]]`` hit markers -> escaped HTML with ``<mark>`` (markers
    are turned into tags only after escaping, so page text can never inject markup)."""
    escaped = str(escape(snippet))
    return Markup(_SNIPPET_MARK.sub(lambda m: f"<mark>{m.group(1)}</mark>", escaped))


# ---------------------------------------------------------------------------------------------
# timeline chart
# ---------------------------------------------------------------------------------------------


def date_to_year(value: str | None) -> float | None:
    """'2018', '2018-11' or '2018-11-14' -> a fractional year for placing on an axis."""
    p = PartialDate.parse(value)
    return p.fractional_year() if p else None


def _lanes(xs: Sequence[float], gap: float, max_lanes: int = 8) -> list[int]:
    """Greedy lane assignment so markers closer than ``gap`` pixels stack instead of overlapping;
    past ``max_lanes`` a marker joins the lane that has been free longest (the chart stays short)."""
    last: list[float] = []
    lanes = []
    for x in xs:
        free = next((i for i, lx in enumerate(last) if x - lx >= gap), None)
        if free is None and len(last) < max_lanes:
            last.append(x)
            free = len(last) - 1
        elif free is None:
            free = min(range(len(last)), key=lambda i: last[i])
        last[free] = x
        lanes.append(free)
    return lanes


BREAK_GAP_YEARS = 4.0  # an empty stretch longer than this breaks the axis ("1959 // 2013 ... 2023")


def axis_segments(years: Sequence[float], max_gap: float = BREAK_GAP_YEARS) -> list[tuple[int, int]]:
    """Whole-year ranges ``(lo, hi)`` that hold the events, split wherever no event falls for more
    than ``max_gap`` years, so one old event (a treaty recalled as background) does not squeeze
    the dense years into a corner of the chart."""
    segs: list[list[int]] = []
    for y in sorted(years):
        if segs and y - segs[-1][1] <= max_gap:
            segs[-1][1] = max(segs[-1][1], int(y) + 1)
        else:
            segs.append([int(y), int(y) + 1])
    return [(a, b) for a, b in segs]


def segment_widths(segs: Sequence[tuple[int, int]], avail: float, min_w: float = 64.0) -> list[float]:
    """Pixel widths in proportion to each range's years, none narrower than ``min_w``."""
    widths = [float(b - a) for a, b in segs]
    fixed: set[int] = set()
    for _ in range(len(segs) + 1):
        free = avail - min_w * len(fixed)
        total = sum(w for i, w in enumerate(widths) if i not in fixed) or 1.0
        scaled = [min_w if i in fixed else (b - a) / total * free for i, (a, b) in enumerate(segs)]
        small = {i for i, w in enumerate(scaled) if w < min_w and i not in fixed}
        if not small:
            return scaled
        fixed |= small
        widths = [float(b - a) for a, b in segs]
    return [avail / len(segs)] * len(segs)


MONTH_AXIS_YEARS = 3.0  # events within this many years: the axis is drawn in months, not years
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_floor(y: float) -> float:
    """A fractional year -> the start of its month."""
    return int(y) + int((y - int(y)) * 12 + 1e-9) / 12


def _month_ticks(a: float, b: float, x0: float, w: float, axis_y: float) -> list[Markup]:
    """Ticks at month starts between ``a`` and ``b`` (fractional years), labelled 'Mar' ('Jan 2016'
    where the year changes or at the first label), thinned so labels never collide."""
    months = round((b - a) * 12)
    step = max(1, -(-months // max(1, int(w // 56))))
    out = []
    for k in range(0, months + 1, step):
        y = a + k / 12
        year, month = int(round(y * 12, 6)) // 12, int(round(y * 12, 6)) % 12
        label = _MONTH_ABBR[month] + (f" {year}" if k == 0 or month < step else "")
        x = x0 + (y - a) / max(b - a, 1e-9) * w
        out.append(Markup('<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y2}" class="tick"/>'
                          '<text x="{x:.1f}" y="{ty}" class="tick-label">{t}</text>')
                   .format(x=x, y1=axis_y - 4, y2=axis_y + 4, ty=axis_y + 18, t=label))
    return out


def timeline_svg(events: Sequence[dict[str, Any]], href: Callable[[dict[str, Any]], str | None], width: int = 920) -> Markup:
    """An inline SVG timeline of event rows (``views.event_row``): held events as filled dots,
    planned/possible ones as hollow dashed rings, each linking to its source sentence. Long empty
    stretches are cut out of the axis (``axis_segments``) and shown as a break mark."""
    placed = ((date_to_year(e.get("date")), e) for e in events)
    dated = sorted(((y, e) for y, e in placed if y is not None), key=lambda t: t[0])
    if not dated:
        return Markup('<p class="muted">No dated events.</p>')
    month_axis = dated[-1][0] - dated[0][0] <= MONTH_AXIS_YEARS
    segs: list[tuple[Any, Any]] = (
        [(_month_floor(dated[0][0]), _month_floor(dated[-1][0]) + 1 / 12)] if month_axis
        else list(axis_segments([y for y, _ in dated]))
    )
    left, right, top, lane_h, brk = 40, 20, 34, 15, 30
    widths = segment_widths(segs, width - left - right - brk * (len(segs) - 1))
    starts = [left + sum(widths[:i]) + brk * i for i in range(len(segs))]

    def x_of(y: float) -> float:
        i = next((k for k, (a, b) in enumerate(segs) if a <= y <= b), len(segs) - 1)
        a, b = segs[i]
        return float(starts[i] + (y - a) / max(b - a, 1e-9) * widths[i])

    xs = [x_of(y) for y, _ in dated]
    lanes = _lanes(xs, 14)
    n_lanes = max(lanes) + 1
    axis_y = top + n_lanes * lane_h + 6
    height = axis_y + 30
    out = [
        Markup('<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
               'width="100%" role="img" aria-label="Timeline of events">').format(w=width, h=height),
        Markup('<g class="legend"><circle cx="{x}" cy="12" r="6" class="ev held"/>'
               '<text x="{tx}" y="16">held</text>'
               '<circle cx="{x2}" cy="12" r="6" class="ev planned"/><text x="{tx2}" y="16">planned or possible</text></g>')
        .format(x=left, tx=left + 10, x2=left + 70, tx2=left + 80),
    ]
    for i, ((a, b), x0, w) in enumerate(zip(segs, starts, widths)):
        out.append(Markup('<line x1="{a:.1f}" y1="{y}" x2="{b:.1f}" y2="{y}" class="axis"/>').format(a=x0, b=x0 + w, y=axis_y))
        if month_axis:
            out.extend(_month_ticks(a, b, x0, w, axis_y))
            continue
        step = max(1, -(-(b - a) // max(1, int(w // 56))))
        for year in range(a, b + 1, step):
            if year == b and i < len(segs) - 1:
                continue  # the end of a range before a break: the next range's first year is the label
            x = x0 + (year - a) / max(b - a, 1) * w
            label_x = x + (w / 2 if b - a == 1 and i < len(segs) - 1 else 0)
            out.append(
                Markup('<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y2}" class="tick"/>'
                       '<text x="{lx:.1f}" y="{ty}" class="tick-label">{year}</text>')
                .format(x=x, lx=label_x, y1=axis_y - 4, y2=axis_y + 4, ty=axis_y + 18, year=year)
            )
        if i < len(segs) - 1:
            mid = x0 + w + brk / 2
            nxt = segs[i + 1][0]
            out.append(
                # styled inline: the web app's stylesheet and the report's both show it unchanged
                Markup('<g class="axis-break" stroke="#555" stroke-width="1.5"><title>no events {a}–{b}</title>'
                       '<line x1="{x1:.1f}" y1="{y1}" x2="{x2:.1f}" y2="{y2}"/>'
                       '<line x1="{x3:.1f}" y1="{y1}" x2="{x4:.1f}" y2="{y2}"/>'
                       '<line x1="{x5:.1f}" y1="{t}" x2="{x5:.1f}" y2="{y2}" class="break-line" stroke="#b8c0c8" '
                       'stroke-width="1" stroke-dasharray="2 3"/></g>')
                .format(a=b, b=nxt - 1, x1=mid - 6, x2=mid - 2, x3=mid + 2, x4=mid + 6, x5=mid,
                        y1=axis_y + 6, y2=axis_y - 6, t=top - 8)
            )
    # planned markers are drawn last so a crowded lane never hides one under a held marker
    for (_, ev), x, lane in sorted(zip(dated, xs, lanes), key=lambda t: t[0][1].get("status") != "happened"):
        status = "held" if ev.get("status") == "happened" else "planned"
        label = f"{ev.get('date')} {ev.get('kind')} ({'held' if status == 'held' else ev.get('status')}): {ev.get('summary')}"
        circle = Markup('<circle cx="{x:.1f}" cy="{y}" r="6" class="ev {s}"><title>{t}</title></circle>').format(
            x=x, y=top + lane * lane_h, s=status, t=label
        )
        link = href(ev)
        out.append(Markup('<a href="{h}">{c}</a>').format(h=link, c=circle) if link else circle)
    out.append(Markup("</svg>"))
    return Markup("").join(out)
