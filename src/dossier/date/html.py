"""Dates from HTML with htmldate (metadata, structured data, URL, visible stamps)."""

from __future__ import annotations

import logging
import re

from dossier.model import PublicationDate

logger = logging.getLogger(__name__)


def _decode(raw: bytes, encoding: str | None) -> str:
    for enc in (encoding, "utf-8", "cp1252"):
        if not enc:
            continue
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


def date_from_html(raw: bytes, encoding: str | None = None, url: str | None = None) -> PublicationDate:
    """htmldate's original (not last-modified) date; its fast pass first, the extensive search
    only when the fast pass finds nothing (extensive guesses from any date-like string, so it is
    trusted less)."""
    from htmldate import find_date

    html = _decode(raw, encoding)
    if not html.strip():
        return PublicationDate()
    for extensive, conf in ((False, 0.85), (True, 0.6)):
        try:
            found = find_date(html, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
        except Exception:  # noqa: BLE001 - htmldate raises on odd markup; treat as "no date"
            found = None
        if found and extensive and is_year_stand_in(found, html):
            return PublicationDate(found[:4], "year", YEAR_CONFIDENCE,
                                   (f"htmldate (extensive search) {found}: January 1 stands in for a bare year (a copyright line)",))  # fmt: skip
        if found:
            mode = "extensive search" if extensive else "metadata"
            return PublicationDate(found, "day", conf, (f"htmldate ({mode}) {found}",))
    return PublicationDate()


YEAR_CONFIDENCE = 0.2  # as a year the text names and nothing more (date.text: "latest year named")


def is_year_stand_in(found: str, html: str) -> bool:
    """htmldate's extensive search falls back to a page's copyright year ("(c) 2016") and returns it
    as January 1 of that year: a January 1 the markup never writes as a date is only a year."""
    if not found.endswith("-01-01"):
        return False
    year = found[:4]
    return not re.search(rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}|{year}0101|\b1(st)? jan\w* {year}|jan\w* 1(st)?,? {year}",
                         html, re.IGNORECASE)  # fmt: skip


_ROLE_KEY = re.compile(r"(?i)(modif|updat|publish|creat|issued|pubdate|posted)")


def date_role(raw: bytes, value: str, encoding: str | None = None) -> str:
    """How the markup labels ``value`` (YYYY-MM-DD): "published", "modified" or "unknown".

    htmldate with ``original_date`` still returns a modification date when the page has no
    other; a page whose only machine-readable date sits in ``dateModified`` /
    ``og:updated_time`` may have been edited long after it was written. Hand-written: htmldate
    does not say which field its date came from. The key nearest before each occurrence decides.
    """
    html = _decode(raw, encoding)
    roles = set()
    for m in re.finditer(re.escape(value), html):
        keys = _ROLE_KEY.findall(html[max(0, m.start() - 80) : m.start()])
        if keys:
            k = keys[-1].lower()
            roles.add("modified" if k in ("modif", "updat") else "published")
    return "published" if "published" in roles else "modified" if roles else "unknown"
