"""Title, outlet, author and header date lines on the example GERD corpus (truth: examples/gerd/README.md
for outlets; titles, bylines and date lines read from the pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import clean_page, repeated_lines
from dossier.ingest import read_inputs
from dossier.model import Page

GERD = Path(__file__).resolve().parents[3] / "examples" / "gerd"

TRUTH = {  # file: (title, outlet, author)
    "html/02-khartoum-declaration.html": ("Egypt, Sudan and Ethiopia sign Nile dam principles in Khartoum",
                                          "Continental Times", "Amina Khalil"),
    "html/04-washington-deal-initialled.html": ("Egypt initials US-brokered Nile dam text as Ethiopia stays away",
                                                "Meridian News Agency", "Daniel Reyes Molina"),
    "html/06-first-filling.html": ("Ethiopia says first Nile dam filling done as rains swell reservoir",
                                   "Global Affairs Daily", "Lucy Anyango"),
    "html/08-first-turbine.html": ("Renaissance Dam sends first power to the grid", "The East Africa Ledger",
                                   "Abebe Tadesse"),
    "html/09-cairo-summit.html": ("Sisi and Abiy agree to seal Nile dam deal within four months",
                                  "The Mediterranean Courier", "Youssef Naguib"),
    "html/11-talks-end-without-deal.html": ("Nile dam talks end without a deal as four-month deadline lapses",
                                            "Atlas World Report", "Farah Idris"),
    "text/01-blue-nile-diverted.txt": ("Ethiopia turns the Blue Nile aside as dam work speeds up, and Cairo takes alarm",
                                       "The Horn Observer", "Selam Worku"),
    "text/03-washington-talks-planned.txt": ("Nile dam ministers to meet in Washington as Cairo seeks outside help",
                                             "Delta Evening Post", "Hany Mostafa"),
    "text/05-washington-deal-syndicated.txt": ("Ethiopia skips Washington round as Egypt initials Nile dam deal",
                                               "The Lakeshore Daily", "Daniel Reyes Molina"),
    "text/07-security-council-2021.txt": (
        "Security Council hears Egypt and Sudan on Nile dam as second filling goes ahead",
        "The Sahel & Horn Review", "Tomas Lindqvist"),
    "text/10-cairo-summit-addis-view.txt": ("Four months to settle the Renaissance Dam: what Abiy and Sisi agreed in Cairo",
                                            "Addis Weekly Review", "Hirut Mengistu"),
}
# Header lines the dating stage reads back from Document.removed, by reason.
DATE_LINES = {
    "text/03-washington-talks-planned.txt": ("Friday, 1 November 2019", "date line"),
    "text/07-security-council-2021.txt": ("9 July 2021 | 10:42 GMT", "date line"),
    "html/06-first-filling.html": ("Published July 22, 2020", "date line"),
    "html/08-first-turbine.html": ("Last updated: 3 October 2024", "update stamp"),
    "html/09-cairo-summit.html": ("Youssef Naguib · Cairo · 13 July 2023", "date line"),
}
BYLINES = {
    "text/01-blue-nile-diverted.txt": "By Selam Worku, Horn Observer correspondent",
    "text/03-washington-talks-planned.txt": "Hany Mostafa",
    "text/07-security-council-2021.txt": "Written by Tomas Lindqvist",
    "text/10-cairo-summit-addis-view.txt": "By Hirut Mengistu",
    "html/08-first-turbine.html": "Abebe Tadesse ·",
}


@pytest.fixture(scope="module")
def docs():
    pages = [p for p in read_inputs([GERD / "html", GERD / "text"]) if isinstance(p, Page)]
    rep = repeated_lines(pages)
    return {str(Path(p.source).relative_to(GERD)): clean_page(p, rep) for p in pages}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_title_outlet_author(docs, name):
    doc = docs[name]
    assert (doc.title, doc.outlet, doc.author) == TRUTH[name]
    assert doc.status == "ok" and doc.words >= 500


@pytest.mark.parametrize("name", sorted(DATE_LINES))
def test_header_date_lines_are_removed_with_their_reason(docs, name):
    line, reason = DATE_LINES[name]
    doc = docs[name]
    assert [r.reason for r in doc.removed if r.text == line] == [reason]
    assert line not in doc.text


@pytest.mark.parametrize("name", sorted(BYLINES))
def test_bylines_are_removed_as_bylines(docs, name):
    doc = docs[name]
    assert [r.reason for r in doc.removed if r.text == BYLINES[name]] == ["byline"]
    assert BYLINES[name] not in doc.text


def test_listen_widget_is_not_the_title(docs):
    why = {r.text: r.reason for r in docs["text/07-security-council-2021.txt"].removed}
    assert why["Listen to this article 6 min"].startswith("call to action / page UI")
