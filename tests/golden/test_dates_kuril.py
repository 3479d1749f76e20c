"""Publication dates of the five Kuril pages, decided by reading them.

000 (Kono to meet Ivanov "January 16"; the 2000 deadline "closed without a resolution"; a
     "Last Updated: 07/27/2016" crawl stamp)                                  -> 2001-01
001 (Munich meeting "on Feb. 16"; 2018 GDP figures "released earlier this month"; a speech
     "scheduled for Feb. 20")                                                  -> 2019-02
002 (Monitor Vol. 6 No. 207: Kono-Ivanov "on November 3", "(AFP, Segodnya, November 3)",
     Brunei meeting "on November 15" ahead; deadline "the year 2000")          -> 2000-11
003 (protests "on January 20", talks "on January 22" ahead; no year after 1956 in the text)
                                                                               -> 2019-01
004 (summit "Tuesday"; Lavrov-Kono "Jan. 14"; ministers meet "in February" (a plan); no year
     after 1956 except a plan for 2023)                                        -> 2019-01

003 and 004 never state their year, so the page alone cannot date them: the honest output is no
value with low confidence (the month is still reported). The brief asked for four of five in
the true month; only three are reachable without guessing a year, see docs/parts/dates.md.
"""

from __future__ import annotations

from dossier.clean import clean_page
from dossier.date import date_document, date_from_text
from dossier.model import Document, Page

TRUE_MONTH = {
    "000_5fe1ee3c21c004c6.txt": "2001-01",
    "001_cadce74c269f35cf.txt": "2019-02",
    "002_08e61e256d194835.txt": "2000-11",
    "003_8678ed7301d6b549.txt": "2019-01",
    "004_88f331eb946bdea1.txt": "2019-01",
}


def _document(name: str, text: str) -> tuple[Document, Page]:
    page = Page(source=name, raw=text.encode("utf-8"), media="text")
    return clean_page(page), page


def test_kuril_publication_months(kuril_texts: dict[str, str]) -> None:
    results = {}
    for name, text in kuril_texts.items():
        doc, page = _document(name, text)
        results[name] = date_document(doc, page)
    right = {n for n, r in results.items() if r.value and r.value[:7] == TRUE_MONTH[n]}
    assert len(right) >= 3, results
    for name, r in results.items():
        if name not in right:
            assert r.confidence < 0.5, (name, r)
        assert r.evidence, (name, r)
    # the year-less pages say so
    for name in ("003_8678ed7301d6b549.txt", "004_88f331eb946bdea1.txt"):
        assert any("year not stated" in e for e in results[name].evidence), results[name]


def test_kuril_specific_evidence(kuril_texts: dict[str, str]) -> None:
    r = date_document(Document(id="1", source="1", text=kuril_texts["001_cadce74c269f35cf.txt"]))
    assert r.value == "2019-02" and r.precision == "month"
    assert 'latest dated fact "Feb. 16" (2019 inferred from "2018"' in r.evidence[0]
    r = date_document(Document(id="0", source="0", text=kuril_texts["000_5fe1ee3c21c004c6.txt"]))
    assert r.value == "2001-01"
    assert any("07/27/2016" in e and "ignored" in e for e in r.evidence)


def test_kuril_month_of_year_even_without_year(kuril_texts: dict[str, str]) -> None:
    months = {n: date_from_text(t).month for n, t in kuril_texts.items()}
    right = [n for n, m in months.items() if m == int(TRUE_MONTH[n][5:7])]
    assert len(right) >= 4, months
    # 004's "instructed ... to hold the next round ... in February" and "committed to holding
    # their next summit ... after [they] meet in February" are plans: the page is January's
    assert months["004_88f331eb946bdea1.txt"] == 1, months
