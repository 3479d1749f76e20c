"""Publication dates: weigh the declared date, the HTML metadata and the text's own clues.

Strongest first: a date the user or the container declared (``page.declared["published"]``),
then htmldate on the raw HTML (metadata, URL, visible stamps), then the text (datelines, stamps,
explicit dates and the latest dated facts). Each source comes with a confidence; the text's
evidence is also used to check an HTML date that is far from what the text reports.
"""

from __future__ import annotations

from dossier.date.html import date_from_html
from dossier.date.text import TextDating, collect_clues, date_from_text
from dossier.model import Document, Page, PublicationDate

__all__ = ["date_document", "date_from_text", "date_from_html", "parse_declared", "TextDating", "collect_clues"]


def parse_declared(value: str) -> PublicationDate | None:
    """A declared date string (ISO or anything dateparser reads) -> PublicationDate."""
    import re

    value = value.strip()
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m:
        prec = "day" if m.group(3) else "month" if m.group(2) else "year"
        return PublicationDate(m.group(0), prec, 0.95, (f'declared date "{value}"',))
    import dateparser

    parsed = dateparser.parse(value, languages=["en"])
    if parsed is None:
        return None
    return PublicationDate(parsed.date().isoformat(), "day", 0.9, (f'declared date "{value}"',))


def date_document(doc: Document, page: Page | None = None) -> PublicationDate:
    """The publication date of ``doc`` with its precision, a calibrated confidence and evidence."""
    if page is not None and page.declared.get("published"):
        declared = parse_declared(page.declared["published"])
        if declared is not None:
            return declared
    from_text = date_from_text(doc.text)
    if page is not None and page.media == "html":
        from_html = date_from_html(page.raw, page.encoding, url=page.declared.get("url") or doc.url)
        if from_html.value is not None:
            return _check_html_with_text(from_html, from_text)
    return from_text.date


def _check_html_with_text(html: PublicationDate, text: TextDating) -> PublicationDate:
    """Agreeing sources raise confidence; a dateline naming another day lowers it."""
    t = text.date
    if t.value and t.precision == "day" and t.value == html.value:
        return PublicationDate(html.value, html.precision, min(0.97, html.confidence + 0.08), html.evidence + t.evidence)
    if t.value and t.confidence >= 0.8 and t.value[:7] != (html.value or "")[:7]:
        return PublicationDate(html.value, html.precision, round(html.confidence * 0.6, 2),
                               html.evidence + (f"text disagrees: {t.evidence[0]}",))  # fmt: skip
    return html
