"""date_document: evidence weighing on small made-up pages."""

from __future__ import annotations

from dossier.date import date_document, date_from_text, parse_declared
from dossier.date.text import collect_clues
from dossier.model import Document, Page


def doc(text: str) -> Document:
    return Document(id="x", source="x", text=text)


def test_declared_date_wins() -> None:
    page = Page(source="p", raw=b"", media="text", declared={"published": "2019-02-18"})
    got = date_document(doc("MOSCOW, Feb. 10 (Reuters) - Talks failed."), page)
    assert (got.value, got.precision) == ("2019-02-18", "day")
    assert got.confidence >= 0.9
    assert "declared" in got.evidence[0]


def test_declared_free_text_and_partial() -> None:
    assert parse_declared("2019-02").precision == "month"
    assert parse_declared("February 18, 2019").value == "2019-02-18"


def test_dateline_with_year_is_day_precise() -> None:
    got = date_document(doc("MOSCOW, Feb. 18, 2019 (Reuters) - Russia said on Monday talks failed."))
    assert (got.value, got.precision) == ("2019-02-18", "day")
    assert got.evidence[0].startswith('dateline "MOSCOW, Feb. 18, 2019"')


def test_dateline_year_from_text() -> None:
    text = ("MOSCOW, Feb. 18 (Reuters) - Russia said GDP grew 2.3 percent in 2018, figures released "
            "earlier this month showed. In November last year the leaders agreed to speed up talks.")
    got = date_document(doc(text))
    assert got.value == "2019-02-18"
    assert 0.3 <= got.confidence < 0.8
    assert any('dateline "MOSCOW, Feb. 18"' in e for e in got.evidence)


def test_latest_fact_gives_month_year_inferred() -> None:
    text = ("The ministers met in Munich on Feb. 16. Preliminary figures for 2018 showed growth. "
            "In November last year the leaders agreed. A speech is scheduled for Feb. 20.")
    got = date_document(doc(text))
    assert (got.value, got.precision) == ("2019-02", "month")
    assert 0.3 <= got.confidence <= 0.6
    assert 'latest dated fact "Feb. 16" (2019 inferred from "2018"' in got.evidence[0]


def test_stale_stamp_is_not_the_publication() -> None:
    text = ("Last Updated: 07/27/2016\n\nThe minister is to meet his counterpart January 16. "
            "The leaders pledged a treaty by the end of 2000. Putin visited Japan last year.")
    got = date_document(doc(text))
    assert got.value == "2001-01"
    assert any("ignored" in e for e in got.evidence)


def test_recent_stamp_is_used() -> None:
    got = date_document(doc("Published: 03/05/2019\n\nThe vote took place in 2018 and again on March 1."))
    assert got.value == "2019-03-05"
    assert got.confidence >= 0.7


def test_year_not_stated_is_low_confidence() -> None:
    text = "The leaders met on January 20. They will meet again on January 22. The 1956 declaration stands."
    td = date_from_text(text)
    assert td.date.value is None
    assert td.date.confidence < 0.3
    assert td.month == 1
    assert any("year not stated" in e for e in td.date.evidence)


def test_nothing_dated() -> None:
    got = date_document(doc("No dates here at all."))
    assert got.value is None and got.confidence == 0.0


def test_html_uses_metadata() -> None:
    html = (b'<html><head><meta property="article:published_time" content="2020-06-07T10:00:00+00:00">'
            b"</head><body><article><p>Text of the article, long enough to read.</p></article></body></html>")
    page = Page(source="p.html", raw=html, media="html")
    got = date_document(doc("Text of the article, long enough to read."), page)
    assert got.value == "2020-06-07"
    assert got.confidence >= 0.8
    assert "htmldate" in got.evidence[0]


def test_planned_month_after_intent_verb_is_ahead() -> None:
    # past verbs of intent govern plans ("committed to holding their next summit ... after [they]
    # meet in February"): February lies after the page, so the page is January's
    text = ("Abe and Putin met for the 25th time. They also committed to holding their next summit in "
            "Japan in June after Russian Foreign Minister Sergey Lavrov and Japanese counterpart Taro "
            "Kono meet in February.\n\nAfter meeting with Kono in Moscow on Jan. 14, Lavrov said that "
            "progress was difficult.\n\nOffer ends October 31st")
    clues = [(c.text, c.tense) for c in collect_clues(text)]
    assert ("February", "future") in clues, clues
    assert date_from_text(text).month == 1
