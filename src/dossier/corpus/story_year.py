"""Give a page that names its day but not its year the year of the build's other pages.

Wire copy and reprints often carry a dateline with no year ("HEMPSTEAD, N.Y., Sept. 26 (UPI) —"),
and plain text has no metadata to add it. A build is a folder of pages gathered about one story,
so a yearless day close to the days other pages of the build date themselves to (with their year)
lies in that year: "Sept. 26" among pages of 2016-09 is 2016-09-26, never 2015-09-26. Only pages
that date themselves (to the day or month, with their year, confidence >= 0.5, not by borrowing)
lend a year, and only when the day falls within ``NEAR_DAYS`` of one of them; a day that lies
between years of a build spanning several years stays undated. A page whose day is only the latest
day it reports ("said on Sept. 11", no dateline) is placed the day after it, with a low confidence.
Hand-written: no library dates a document from the dates of the other documents of a collection.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Collection, Sequence

from dossier.corpus.state import Corpus
from dossier.corpus.weekdays import WEEKDAY_PREFIX
from dossier.model import Document, PublicationDate

logger = logging.getLogger(__name__)

BORROWED = "year from the build: "  # evidence lines written here start so; such pages lend no year
SOURCE_MIN = 0.5
NEAR_DAYS = 45  # a yearless day this close to a self-dated page of the build lies in its year
DATELINE_CONFIDENCE = (0.45, 0.55)  # one page lends the year / two or more within a month agree
BOUND_CONFIDENCE = 0.3  # the day after the latest reported day: a guess, said to be one


def lends_year(pub: PublicationDate) -> bool:
    """A page dated with its year by its own evidence (not by another page's year or events)."""
    return (bool(pub.value) and pub.precision in ("day", "month") and pub.confidence >= SOURCE_MIN
            and not any(line.startswith((BORROWED, "shares event ", WEEKDAY_PREFIX)) for line in pub.evidence))  # fmt: skip


def _anchor(pub: PublicationDate) -> dt.date:
    value = pub.value or ""
    return dt.date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-15")


def place_day(own_day: str, sources: Sequence[dt.date]) -> tuple[dt.date, int, int] | None:
    """(the yearless day "--MM-DD" in the year that puts it nearest a source date, its distance in
    days, the sources within a month of it); None when no source is within ``NEAR_DAYS``."""
    month, day = int(own_day[2:4]), int(own_day[5:7])
    best: tuple[dt.date, int, int] | None = None
    for year in sorted({s.year + k for s in sources for k in (-1, 0, 1)}):
        try:
            when = dt.date(year, month, day)
        except ValueError:  # Feb. 29 in a common year
            continue
        gaps = [abs((when - s).days) for s in sources]
        if min(gaps) <= NEAR_DAYS and (best is None or min(gaps) < best[1]):
            best = (when, min(gaps), sum(g <= 31 for g in gaps))
    return best


def date_from_build(doc: Document, sources: Sequence[tuple[dt.date, str]]) -> PublicationDate | None:
    """The page's yearless day placed in the year of the nearest self-dated pages of the build."""
    if doc.published.value is not None or doc.own_day is None:
        return None
    others = [s for s in sources if s[1] != doc.id]
    placed = place_day(doc.own_day, [d for d, _ in others])
    if placed is None:
        return None
    when, gap, near = placed
    evidence = list(doc.published.evidence)
    why = f"{BORROWED}{when.year}, the year of the {near or 1} page(s) of the build dated nearest it ({gap} days)"
    if doc.own_day_bound:
        after = when + dt.timedelta(days=1)
        evidence += [why, f"the day after {when.isoformat()}, the latest day the page reports (a guess)"]
        return PublicationDate(after.isoformat(), "day", BOUND_CONFIDENCE, tuple(evidence))
    conf = DATELINE_CONFIDENCE[1] if near >= 2 else DATELINE_CONFIDENCE[0]
    return PublicationDate(when.isoformat(), "day", conf, (*evidence, why))


def dates_from_build(docs: Sequence[Document], targets: Collection[str] | None = None) -> dict[str, PublicationDate]:
    """New dates of the undated pages (of ``targets`` when given: an incremental step's new pages)
    that name a yearless day near the build's self-dated pages."""
    sources = [(_anchor(d.published), d.id) for d in docs if lends_year(d.published)]
    if not sources:
        return {}
    out: dict[str, PublicationDate] = {}
    for doc in docs:
        if targets is not None and doc.id not in targets:
            continue
        new = date_from_build(doc, sources)
        if new is not None:
            out[doc.id] = new
    if out:
        logger.debug("story year: %d pages dated from the years of %d self-dated pages", len(out), len(sources))
    return out


def with_build_years(corpus: Corpus, targets: Collection[str] | None = None) -> Corpus:
    """The corpus with ``dates_from_build`` applied (the pages' times re-anchored to their new day)."""
    from dossier.corpus.redate import rebase_times

    new_dates = dates_from_build(corpus.live(), targets)
    if not new_dates:
        return corpus
    documents, annotations = dict(corpus.documents), dict(corpus.annotations)
    for doc_id, date in new_dates.items():
        if doc_id in annotations:
            annotations[doc_id] = rebase_times(documents[doc_id], annotations[doc_id], date)
        documents[doc_id] = dataclasses.replace(documents[doc_id], published=date)
    return dataclasses.replace(corpus, documents=documents, annotations=annotations)


__all__ = ["BORROWED", "date_from_build", "dates_from_build", "lends_year", "place_day", "with_build_years"]
