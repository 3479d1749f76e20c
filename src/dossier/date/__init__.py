"""Publication dates: weigh the declared date, the HTML metadata, the header date lines and the text.

Strongest first: a date the user or the container declared (``page.declared["published"]``),
then htmldate on the raw HTML (metadata, URL, visible stamps), then the header date line the
cleaner removed as furniture ("Friday, 1 November 2019", kept in ``Document.removed``), then the
text (datelines, stamps, explicit dates and the latest dated facts). Each source comes with a
confidence; the text's evidence checks the others: a date (metadata, header line or stamp) years
after everything the text reports, and labelled as an update, is an edit or crawl date.

Calibration (the rule is "never a confident wrong date"): >= 0.75 only when a source names the
page's day (declared, metadata, header date line, dateline with its year); ~0.6 when the text pins
it by arithmetic; below 0.5 whenever the year is only a lower bound.
"""

from __future__ import annotations

import dataclasses
import logging

from collections.abc import Iterable
from typing import Any

from dossier.date.foreign import foreign_header_date
from dossier.date.html import date_from_html, date_role
from dossier.date.path import date_in_path
from dossier.date.text import HeaderDate, TextDating, collect_clues, date_from_text, header_dates
from dossier.ingest.manifest import MANIFEST_KEY
from dossier.model import Document, Page, PublicationDate
from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)

__all__ = [
    "date_document",
    "date_in_path",
    "dating_summary",
    "date_from_text",
    "date_from_html",
    "parse_declared",
    "TextDating",
    "collect_clues",
    "header_dates",
    "HeaderDate",
]

HEADER_CONFIDENCE = 0.8  # a full date line above the headline: the page's own date (or, rarely, today's)
FALLBACK_CAP = 0.6  # the text's date when the metadata turned out to be an edit date


def parse_declared(value: str) -> PublicationDate | None:
    """A declared date string (ISO or anything dateparser reads) -> PublicationDate."""
    value = value.strip()
    p = PartialDate.parse(value)
    if p:
        return PublicationDate(p.iso(), p.precision, 0.95, (f'declared date "{value}"',))
    import dateparser

    parsed = dateparser.parse(value, languages=["en"])
    if parsed is None:
        return None
    return PublicationDate(parsed.date().isoformat(), "day", 0.9, (f'declared date "{value}"',))


def date_document(doc: Document, page: Page | None = None) -> PublicationDate:
    """The publication date of ``doc`` with its precision, a calibrated confidence and evidence.

    Fields a manifest declared are named in the evidence: they win over what the page says.
    """
    found = _date_document(doc, page)
    note = page.declared.get(MANIFEST_KEY) if page is not None else None
    if note:
        found = dataclasses.replace(found, evidence=(*found.evidence, f"manifest {note} (wins over what the page says)"))
    return found


def _date_document(doc: Document, page: Page | None) -> PublicationDate:
    if page is not None and page.declared.get("published"):
        declared = parse_declared(page.declared["published"])
        if declared is not None:
            return declared
    text = date_from_text(doc.text)
    year_only: PublicationDate | None = None
    flat = (page.media if page is not None else doc.media) != "html"
    header = header_dates(doc.removed, flat=flat)
    if page is not None and page.media == "html":
        html = date_from_html(page.raw, page.encoding, url=page.declared.get("url") or doc.url)
        if html.value is not None and html.precision != "day":
            year_only = html  # only a year: the page's own words may say more
        elif html.value is not None:
            edited = _edit_date(html.value, page, header)
            after = _after_text(html.value, text)
            if not (edited and after):
                return _check_html_with_text(_with_header(html, header), text)
            return _fallback(html, f"htmldate {html.value} is an update date ({edited}), {after}", header, text)
    own = _from_header(header, text) or text.date
    if doc.language not in (None, "en") and not (own.value and own.precision == "day" and own.confidence >= 0.5):
        own = _foreign(doc) or own
    in_path = date_in_path(page.source, page.declared.get("url")) if page is not None else None
    own = _with_path(own, in_path, text) if in_path else own
    return own if own.value is not None or year_only is None else year_only


def _foreign(doc: Document) -> PublicationDate | None:
    """A header date line of a page in another language, read with its locale's month names."""
    found = foreign_header_date(doc)
    if found is None:
        return None
    return PublicationDate(found[0], "day", HEADER_CONFIDENCE, (f'header date line "{found[1]}" (read as {doc.language})',))


def _with_path(own: PublicationDate, in_path: tuple[str, str], text: TextDating) -> PublicationDate:
    """A date in the file name, folder path or URL, checked against the page's own words.

    The page's own day (a dateline or header date line, confidence >= 0.75) stays and is raised when
    the path agrees. Otherwise the path date is used, lowered when the text reports dated facts more
    than two days after it (the file was then named by another day) and raised when the text's
    dated facts fall in the same month.
    """
    value, part = in_path
    said = f'date in the file name or path "{part}"'
    if own.value and own.precision == "day" and own.confidence >= 0.75:
        if own.value == value:
            return PublicationDate(own.value, "day", round(min(0.95, own.confidence + 0.05), 2), (*own.evidence, f"{said} agrees"))
        return PublicationDate(own.value, "day", own.confidence, (*own.evidence, f"{said} ignored: the page names its day"))
    later = [c for c in text.clues if c.kind == "explicit" and c.tense != "future" and len(c.value) == 10
             and (_day(c.value) - _day(value)).days > 2]  # fmt: skip
    if later:
        return PublicationDate(value, "day", 0.4, (said, f'but the text reports "{later[0].text}" after it'))
    if text.month is not None and text.month == int(value[5:7]):
        return PublicationDate(value, "day", 0.85, (said, f"the text's dated facts agree on {value[:7]}"))
    return PublicationDate(value, "day", 0.75, (said,))


def _day(value: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value)


def dating_summary(rows: Iterable[tuple[str, str | None, str | None, float | None]]) -> str:
    """"dated: 80 to the day, 3 to the month, 1 undated (low confidence: 2)" over (status, value,
    precision, confidence) of the stored pages that have text (duplicates and pages in every
    language count; unreadable ones do not)."""
    day = month = year = undated = low = 0
    for status, value, precision, confidence in rows:
        if status in ("raw", "empty"):
            continue
        if not value or precision in (None, "none"):
            undated += 1
            continue
        day += precision == "day"
        month += precision == "month"
        year += precision == "year"
        low += (confidence or 0.0) < 0.5
    parts = [f"{day} to the day", f"{month} to the month"] + ([f"{year} to the year"] if year else [])
    return f"dated: {', '.join(parts)}, {undated} undated (low confidence: {low})"


def _edit_date(value: str, page: Page, header: list[HeaderDate]) -> str | None:
    """Why htmldate's ``value`` is a modification date (None when nothing says so).

    Only a labelled edit counts: on real pages a published date years after every year the text
    names is common (the text recalls old events), so the gap alone is no evidence.
    """
    if date_role(page.raw, value, page.encoding) == "modified":
        return "marked as modified in the markup"
    updated = any(h.kind == "updated" and h.value == value for h in header)
    published = any(h.kind == "published" and h.value == value for h in header)
    return "the page says updated" if updated and not published else None


def _after_text(value: str, text: TextDating) -> str | None:
    """Why ``value`` postdates the text by years (None when it does not): an edit or crawl date."""
    bound = max((y for y in (text.latest_year, text.pinned_year) if y is not None), default=None)
    if bound is None or int(value[:4]) <= bound + 1:
        return None
    return f"the text reports nothing after {bound}"


def _crawl_bar(value: str, text: TextDating) -> str | None:
    """Why a header date line is a "today's date" bar (None when it is not): the text dates itself
    (a dateline, a pinned year) more than a year earlier. Old years the text merely names are not
    enough: a page about 2020 may recall 1959."""
    own = text.date
    if own.value is None or own.confidence < 0.5 or int(value[:4]) <= int(own.value[:4]) + 1:
        return None
    return f"the text dates itself {own.value} ({own.evidence[0]})"


def _fallback(stale: PublicationDate, why: str, header: list[HeaderDate], text: TextDating) -> PublicationDate:
    """An edit date was found: the header's own date line, else the text (capped), else the edit date, low."""
    own = _from_header([h for h in header if h.value != stale.value], text)
    if own is not None and own.confidence >= 0.5:
        return PublicationDate(own.value, own.precision, own.confidence, (*own.evidence, why))
    t = text.date
    if t.value is not None and t.confidence >= 0.5:
        conf = round(min(t.confidence, FALLBACK_CAP), 2)
        return PublicationDate(t.value, t.precision, conf, (*t.evidence, f"{why}: the text's date is used"))
    # the text names only old years (background, often): keep the date, say it may be an edit's
    return PublicationDate(stale.value, stale.precision, 0.55, (*stale.evidence, f"{why}: it may be an edit date"))


def _from_header(header: list[HeaderDate], text: TextDating) -> PublicationDate | None:
    """The page's date from its header date lines, checked against what the text reports.

    A line labelled "Published"/"Posted" is preferred, else the first one. A date line years
    after everything the text reports is a crawl date (a "today's date" bar), an update stamp is
    used only when no date line exists, and then modestly (the page may be older than its edit).
    """
    pubs = [h for h in header if h.kind == "published"]
    pubs.sort(key=lambda h: not h.labelled)  # stable: labelled first, then page order
    for h in pubs:
        if _crawl_bar(h.value, text):
            continue
        conf = HEADER_CONFIDENCE + (0.05 if h.labelled else 0.0)
        evidence = [f'header date line "{h.line}"']
        if text.month is not None and text.month == int(h.value[5:7]):
            conf += 0.05
            evidence.append(f"the text's dated facts agree on {h.value[:7]}")
        return PublicationDate(h.value, "day", round(min(conf, 0.92), 2), tuple(evidence))
    ignored = [f'header date line "{h.line}" ignored: {_crawl_bar(h.value, text)}' for h in pubs]
    for h in (h for h in header if h.kind == "updated"):
        after = _after_text(h.value, text)
        if after:
            ignored.append(f'update stamp "{h.line}" ignored: an edit date, {after}')
            continue
        if text.date.value and text.date.confidence >= 0.5:
            break  # the text's own date beats an edit stamp
        return PublicationDate(h.value, "day", 0.55, (f'update stamp "{h.line}" (the page may be older)', *ignored))
    if ignored and text.date.value is None:
        return PublicationDate(None, "none", text.date.confidence, (*text.date.evidence, *ignored))
    if ignored:
        d = text.date
        return PublicationDate(d.value, d.precision, d.confidence, (*d.evidence, *ignored))
    return None


def _with_header(html: PublicationDate, header: list[HeaderDate]) -> PublicationDate:
    """A header date line naming the same day as the metadata raises it a little."""
    same = next((h for h in header if h.kind == "published" and h.value == html.value), None)
    if same is None:
        return html
    return PublicationDate(html.value, html.precision, round(min(0.92, html.confidence + 0.05), 2),
                           (*html.evidence, f'header date line "{same.line}" agrees'))  # fmt: skip


def _check_html_with_text(html: PublicationDate, text: TextDating) -> PublicationDate:
    """Agreeing sources raise confidence; a dateline naming another day lowers it."""
    t = text.date
    if t.value and t.precision == "day" and t.value == html.value:
        return PublicationDate(html.value, html.precision, min(0.97, html.confidence + 0.08), html.evidence + t.evidence)
    if t.value and t.confidence >= 0.8 and t.value[:7] != (html.value or "")[:7]:
        return PublicationDate(html.value, html.precision, round(html.confidence * 0.6, 2),
                               html.evidence + (f"text disagrees: {t.evidence[0]}",))  # fmt: skip
    return html
