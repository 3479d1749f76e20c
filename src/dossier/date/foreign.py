"""Header dates of pages in other languages: "17. März 2020", "12 mars 2019", "2020年3月17日".

The English rules (``text.py``, ``clean.meta``) know English month names only. dateparser knows
month names and date orders of about 200 locales, so a page whose language py3langid gave is read
with that locale. Only short lines that hold a four-digit year are passed to it (its search turns
ordinary words into dates otherwise, see DEPENDENCIES.md), and a full day-month-year is required.
"""

from __future__ import annotations

import logging
import re

from dossier.model import Document

log = logging.getLogger(__name__)

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
MAX_WORDS = 12  # a date line, not a sentence that happens to name a date
LEAD_PARAGRAPHS = 2


def line_date(line: str, language: str | None) -> str | None:
    """The first full date (YYYY-MM-DD) dateparser reads in ``line`` with the page's locale."""
    if len(line.split()) > MAX_WORDS or not YEAR.search(line):
        return None
    from dateparser.search import search_dates  # lazy: loads its locale data on first use

    try:
        hits = search_dates(line, languages=[language] if language else None, settings=SETTINGS)
    except Exception:  # noqa: BLE001 - an unknown locale code or an odd string: no date from this line
        log.debug("dateparser could not read %r (%s)", line, language, exc_info=True)
        return None
    for text, when in hits or []:
        if YEAR.search(text) and 1990 <= when.year <= 2100:
            return str(when.date().isoformat())  # dateparser is untyped: say what comes back
    return None


def header_lines(doc: Document) -> list[str]:
    """The lines a page's date sits in: the header lines the cleaner removed (page order), then the
    first paragraphs of the text."""
    removed = sorted((b for b in doc.removed if b.position >= 0), key=lambda b: b.position)
    first = [doc.text[s:e] for s, e in doc.paragraphs[:LEAD_PARAGRAPHS]]
    return [b.text for b in removed][:12] + first


def foreign_header_date(doc: Document) -> tuple[str, str] | None:
    """(YYYY-MM-DD, the line) of the first header line with a full date in the page's language."""
    for line in header_lines(doc):
        value = line_date(line, doc.language)
        if value:
            return value, line
    return None
