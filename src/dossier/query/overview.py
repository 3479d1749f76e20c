"""The story at a glance, computed once for the web app's home page and the report.

Counts here are the counts the CLI listings print (``dossier entities`` lists every entity, so the
overview says "949 entities (716 people, organisations and governments)", never only the latter).
The title names the story by its main entities and the span its sources cover, so a reader of a
100-page report sees what it is about before reading it.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any, Sequence

from dossier.query import Reader

log = logging.getLogger(__name__)

PEOPLE_TYPES = ("person", "org", "gov")
TITLE_TYPES = ("person", "org", "gov", "place")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def core_span(dates: Sequence[str], share: float = 0.8) -> tuple[str, str] | None:
    """The shortest run of sorted dates that holds ``share`` of them: the span the sources mostly
    cover, so a few misdated or background pages (a 2008 page in a 2016 story) do not stretch it."""
    ds = sorted(d for d in dates if d)
    if not ds:
        return None
    if len(ds) < 10:  # too few to call any of them stray
        return ds[0], ds[-1]
    k = round(len(ds) * share)
    best = min(range(len(ds) - k + 1), key=lambda i: (_months(ds[i + k - 1]) - _months(ds[i]), i))
    return ds[best], ds[best + k - 1]


def _months(date: str) -> int:
    """'2016-10-07' -> months since year 0 (a year alone counts as its middle)."""
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 6
    return year * 12 + month


def span_label(span: tuple[str, str] | None) -> str:
    """('2016-06-02', '2016-11-09') -> 'Jun–Nov 2016'; across years 'Dec 2015–Feb 2016'; years alone
    '2014–2017'."""
    if not span:
        return "undated"
    a, b = span

    def month(d: str) -> str:
        return MONTHS[int(d[5:7]) - 1] if len(d) >= 7 else ""

    if len(a) < 7 or len(b) < 7:
        return a[:4] if a[:4] == b[:4] else f"{a[:4]}–{b[:4]}"
    if a[:7] == b[:7]:
        return f"{month(a)} {a[:4]}"
    if a[:4] == b[:4]:
        return f"{month(a)}–{month(b)} {a[:4]}"
    return f"{month(a)} {a[:4]}–{month(b)} {b[:4]}"


def main_entities(reader: Reader, n: int = 3) -> list[str]:
    """The names the story is about: the entities named in the most live sources (at least half as
    many as the first, so a story about one person is not padded with passers-by)."""
    live = {m.id for m in reader.live_meta()}
    ranked = sorted(
        ((len(live & set(e.docs)), e.mentions, reader.entity_name(e.id) or e.name) for e in reader.corpus.entities
         if e.type in TITLE_TYPES),
        key=lambda t: (-t[0], -t[1], t[2]),
    )
    if not ranked or ranked[0][0] == 0:
        return []
    names: list[str] = []
    for docs, _, name in ranked:
        if docs * 2 < ranked[0][0] or len(names) == n:
            break
        if name not in names:
            names.append(name)
    return names


def story_title(reader: Reader) -> str:
    """'John Smith, Mary Jones · Jun–Nov 2016' from the sources themselves."""
    names = main_entities(reader)
    span = span_label(core_span([m.published for m in reader.live_meta() if m.published]))
    if not names:
        return f"Dossier · {span}"
    return f"{', '.join(names)} · {span}"


def overview(reader: Reader) -> dict[str, Any]:
    """Sources, outlets, span and the count of every listing, as the CLI would count them."""
    live = reader.live_meta()
    dates = sorted(m.published for m in live if m.published)
    outlets = Counter(m.outlet or "unknown outlet" for m in live)
    entities = reader.corpus.entities
    events = reader.timeline()
    return {
        "title": story_title(reader),
        "sources": len(live),
        "stored": len(reader.meta),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "core": core_span(dates),
        "undated": len(live) - len(dates),
        "outlets": sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        "counts": {
            "events": len(reader.timeline(main=True)),  # what `dossier timeline` lists by default
            "all_events": len(events),
            "entities": len(entities),
            "people": sum(1 for e in entities if e.type in PEOPLE_TYPES),
            "quotes": reader.store.count_quotes(),
            "positions": len(reader.corpus.positions),
            "figures": len(reader.corpus.figures),
            "conflicts": len(reader.corpus.conflicts),
        },
    }
