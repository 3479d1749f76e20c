"""The report's timeline at any size: a bar per month over the span where events are dense, and the
event list grouped by month, so a campaign month with 200 events is not one blob on a 13-year axis.

Hand-written SVG (no chart library in a self-contained file): the bars are links to the month's place
in the list, so the chart is also the list's index.
"""

from __future__ import annotations

import logging
from typing import Any, Sequence

from markupsafe import Markup

from dossier.lang.en import MONTH_NAMES
from dossier.query.overview import core_span

logger = logging.getLogger(__name__)



def month_label(month: str) -> str:
    """'2016-10' -> 'October 2016'."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from ``first`` to ``last`` inclusive (empty months too: gaps show as gaps)."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def group_by_month(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows in groups by month (date order), then those known only to the year, then undated."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        date = e.get("date") or ""
        key = date[:7] if len(date) >= 7 else (date[:4] if date else "")
        groups.setdefault(key, []).append(e)
    out = []
    for key in sorted(groups, key=lambda k: (k == "", len(k) < 7, k)):
        label = month_label(key) if len(key) == 7 else (f"{key}, month unknown" if key else "Undated")
        out.append({"id": "m-" + (key or "undated"), "key": key, "label": label, "events": groups[key]})
    return out


def dense_span(events: Sequence[dict[str, Any]], share: float = 0.9) -> tuple[str, str] | None:
    """The months holding ``share`` of the events dated to the month (outliers stay in the list)."""
    months = sorted(e["date"][:7] for e in events if len(e.get("date") or "") >= 7)
    span = core_span(months, share)
    return (span[0][:7], span[1][:7]) if span else None


def in_dense_span(events: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], tuple[str, str] | None]:
    """The events dated to a month inside the dense span (all events when none is dated to the month):
    what the dot chart zooms to, in the report and on the app's home page alike."""
    span = dense_span(events)
    if span is None:
        return list(events), None
    return [e for e in events if len(e.get("date") or "") >= 7 and span[0] <= e["date"][:7] <= span[1]], span


def month_bars_svg(events: Sequence[dict[str, Any]], width: int = 920, height: int = 120) -> Markup:
    """Bars per month over the dense span; each bar links to its month in the list below."""
    span = dense_span(events)
    if span is None:
        return Markup('<p class="muted">No events dated to the month.</p>')
    months = months_between(*span)
    counts = {m: 0 for m in months}
    for e in events:
        m = (e.get("date") or "")[:7]
        if m in counts:
            counts[m] += 1
    top = max(counts.values()) or 1
    left, base = 30, height - 22
    step = (width - left - 10) / len(months)
    out = [Markup('<svg class="month-bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" '
                  'role="img" aria-label="Events per month">').format(w=width, h=height)]
    every = max(1, round(len(months) / 12))  # at most about a dozen labels
    for i, m in enumerate(months):
        x, n = left + i * step, counts[m]
        bar_h = (base - 12) * n / top
        bar = Markup('<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" class="bar"><title>{t}: {n} '
                     'events</title></rect>').format(x=x + 1, y=base - bar_h, w=max(step - 2, 1), h=bar_h,
                                                     t=month_label(m), n=n)
        out.append(Markup('<a href="#m-{m}">{b}</a>').format(m=m, b=bar) if n else bar)
        if i % every == 0:
            label = month_label(m)[:3] + (f" {m[:4]}" if i == 0 or m.endswith("-01") else "")
            out.append(Markup('<text x="{x:.1f}" y="{y}" class="tick-label">{t}</text>').format(
                x=x + step / 2, y=base + 15, t=label))
    out.append(Markup('<line x1="{a}" y1="{y}" x2="{b}" y2="{y}" class="axis"/></svg>').format(
        a=left, b=width - 10, y=base))
    return Markup("").join(out)
