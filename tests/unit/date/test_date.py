"""date_document: evidence weighing on small made-up pages."""

from __future__ import annotations

from dossier.date import date_document, date_from_html, date_from_text, parse_declared
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


# ---------------------------------------------------------------------------------------------
# header date lines, update stamps, edit dates, calibration
# ---------------------------------------------------------------------------------------------

from dossier.date import header_dates  # noqa: E402
from dossier.date.text import anchored_phrases, line_date, years_ago_year  # noqa: E402
from dossier.model import RemovedBlock  # noqa: E402

BODY = ("CAIRO - The ministers will meet in Washington next week, officials said on Wednesday. "
        "The talks follow a meeting of the two leaders last month. A 1959 treaty set the shares.")


def flat_doc(text: str, removed: tuple[RemovedBlock, ...]) -> tuple[Document, Page]:
    return (Document(id="x", source="x", text=text, removed=removed),
            Page(source="x", raw=text.encode(), media="text"))


def test_header_date_line_is_the_page_date() -> None:
    removed = (RemovedBlock("EVENING POST", "outside the article (before the body)", 0),
               RemovedBlock("Friday, 1 November 2019", "date line", 1))
    got = date_document(*flat_doc(BODY, removed))
    assert (got.value, got.precision) == ("2019-11-01", "day")
    assert got.confidence >= 0.75
    assert got.evidence[0] == 'header date line "Friday, 1 November 2019"'


def test_unlabelled_removed_date_before_the_body_counts_after_it_does_not() -> None:
    # a cleaner that does not label date lines: a short full date above the body still counts
    before = (RemovedBlock("Menu", "outside the article (before the body)", 0),
              RemovedBlock("9 July 2021 | 10:42 GMT", "outside the article (before the body)", 1))
    got = date_document(*flat_doc(BODY, before))
    assert got.value == "2021-07-09" and got.confidence >= 0.75
    # the same line below the body (block 1 kept, so the body starts there) is a related story's
    after = (RemovedBlock("Menu", "outside the article (before the body)", 0),
             RemovedBlock("9 July 2021 | 10:42 GMT", "outside the article (after the body)", 3))
    assert not header_dates(after, flat=True)
    assert date_document(*flat_doc(BODY, after)).value is None


def test_update_part_of_a_date_line_is_not_the_publication() -> None:
    hd = header_dates((RemovedBlock("April 21, 2020 at 5:52 pm Updated April 22, 2020 at 7:07 am", "update stamp", 2),))
    assert [(h.kind, h.value) for h in hd] == [("published", "2020-04-21"), ("updated", "2020-04-22")]
    hd = header_dates((RemovedBlock("Last updated: 3 October 2024", "update stamp", 5),))
    assert [(h.kind, h.value) for h in hd] == [("updated", "2024-10-03")]


def test_dotted_numeric_dates_are_day_first() -> None:
    assert line_date("05.07.2020 | 09:03") == "2020-07-05"
    assert line_date("Uppdaterad 28.5.2020 17:43") == "2020-05-28"
    assert line_date("2020.08.19 08:00") == "2020-08-19"
    assert line_date("Sign in | Register") is None


def test_stale_header_stamp_is_ignored() -> None:
    text = ("ADDIS ABABA, Feb. 20 - The plant started on Sunday. Construction began in 2011, almost "
            "eleven years ago. A review in 2019 cut the design.")
    removed = (RemovedBlock("Last updated: 3 October 2024", "update stamp", 0),)
    got = date_document(*flat_doc(text, removed))
    assert got.value == "2022-02-20"
    assert any("update stamp" in e and "ignored" in e for e in got.evidence), got.evidence


def test_years_ago_arithmetic_pins_the_year() -> None:
    assert years_ago_year("Construction began in 2011, almost eleven years ago, under Meles.") == (
        2022, "2011, almost eleven years ago")
    assert years_ago_year("Twenty years ago, in 1999, the first talks began.") == (2019, "Twenty years ago, in 1999")
    assert years_ago_year("The talks broke down more than two years ago.") is None
    assert years_ago_year("WORK BEGAN IN 2011, ELEVEN YEARS AGO.") == (2022, "2011, ELEVEN YEARS AGO")  # any case
    got = date_from_text("ADDIS ABABA, Feb. 20 - Work began in 2011, almost eleven years ago. A review in 2019 followed.")
    assert (got.date.value, got.date.precision) == ("2022-02-20", "day")
    assert 0.5 <= got.date.confidence <= 0.7
    assert got.pinned_year == 2022 and got.latest_year == 2019


def _html_page(meta: str, body: str) -> Page:
    html = f"<html><head>{meta}</head><body><article><p>{body}</p></article></body></html>".encode()
    return Page(source="p.html", raw=html, media="html")


def test_html_edit_date_years_after_the_text_falls_back_to_the_text() -> None:
    body = ("ADDIS ABABA, Feb. 20 - Ethiopia switched on the first turbine on Sunday. Construction began "
            "in 2011, almost eleven years ago. After a review in 2019 the design was trimmed.")
    page = _html_page('<meta property="og:updated_time" content="2024-10-03T09:12:44+03:00">', body)
    got = date_document(Document(id="h", source="p.html", text=body, media="html"), page)
    assert got.value == "2022-02-20"
    assert 0.4 <= got.confidence <= 0.6
    assert any("2024-10-03 is an update date" in e and "the text's date is used" in e for e in got.evidence), got.evidence


def test_html_edit_date_without_a_text_date_is_kept_modestly() -> None:
    body = "The statue, unveiled in 1925, was cleaned by volunteers on Sunday, the council said."
    page = _html_page('<meta property="article:modified_time" content="2020-04-16T10:00:00+00:00">', body)
    got = date_document(Document(id="h", source="p.html", text=body, media="html"), page)
    assert got.value == "2020-04-16"
    assert 0.5 <= got.confidence < 0.7
    assert any("may be an edit date" in e for e in got.evidence)


def test_html_published_date_far_after_old_years_is_trusted() -> None:
    # real pages often name only old years: a *published* date is not an edit date
    body = "The statue, unveiled in 1925, was cleaned by volunteers on Sunday, the council said."
    page = _html_page('<meta property="article:published_time" content="2020-04-16T10:00:00+00:00">', body)
    got = date_document(Document(id="h", source="p.html", text=body, media="html"), page)
    assert got.value == "2020-04-16" and got.confidence >= 0.8


def test_lower_bound_only_is_not_a_date() -> None:
    # recent news told relative to the page, one explicit month long ago: a lower bound only
    text = ("Engineers last Tuesday began steering the river. The dam was started in April 2011. "
            "Opposition figures said on Sunday the government was unprepared. Rains begin next month.")
    assert anchored_phrases(text)[:2] == ["last Tuesday", "on Sunday"]
    got = date_document(doc(text))
    assert got.value is None and got.confidence < 0.5
    assert got.evidence[0].startswith('not before 2011-04 (latest explicit date "April 2011")')


def test_explicit_day_without_relative_phrases_is_kept() -> None:
    got = date_document(doc("The board approved the plan on March 3, 2019, according to the minutes."))
    assert got.value == "2019-03-03" and got.confidence < 0.5


def test_years_back_drops_the_inferred_year() -> None:
    text = ("The leaders met on Thursday. The talks in Washington in 2020 failed, and the last round "
            "broke down more than two years ago. Fighting began on April 15. Officials said earlier this "
            "month that the work goes on. The turbine started in February last year.")
    got = date_from_text(text)
    assert got.date.value is None and got.date.confidence < 0.3
    assert any("more than two years ago" in e for e in got.date.evidence), got.date.evidence


def test_inferred_year_is_never_confident() -> None:
    # the latest named year is a lower bound: even with "last year" and a clear month, < 0.5
    text = ("The ministers met in Munich on Feb. 16 and again on Feb. 17. Figures for 2018 showed growth, "
            "data released earlier this month showed. In November last year the leaders agreed.")
    got = date_document(doc(text))
    assert got.value == "2019-02"
    assert got.confidence < 0.5


def test_bare_month_names_do_not_give_the_month() -> None:
    # the page's news is "on Thursday"; "April" and "August" are background: no month claimed
    text = ("The two leaders met on Thursday. The fighting that began in April goes on. A second unit "
            "followed in August. Officials said earlier this month that the filling would go ahead.")
    got = date_from_text(text)
    assert got.month is None
    assert got.date.value is None
    assert got.date.evidence[0].startswith("month uncertain: only month names without a day")


def test_a_copyright_year_is_a_year_not_january_1() -> None:
    # htmldate's extensive search returns the footer's copyright year as January 1 of that year
    body = "Officials said the fund would open to investors after the holiday."
    html = f"<html><body><article><p>{body}</p></article><footer>&copy; 2016 Example</footer></body></html>"
    page = Page(source="p.html", raw=html.encode(), media="html")
    got = date_document(Document(id="h", source="p.html", text=body, media="html"), page)
    assert (got.value, got.precision) == ("2016", "year")
    assert got.confidence < 0.5
    dated = f"{body} HAMBURG, March 3, 2020 - Markets rose."
    page = Page(source="p.html", raw=html.replace(body, dated).encode(), media="html")
    got = date_document(Document(id="h", source="p.html", text=dated, media="html"), page)
    assert got.value == "2020-03-03"  # the page's own words say more than a bare year
    written = html.replace(body, f"{body} Posted 2016-01-01.")
    assert date_from_html(written.encode()).value == "2016-01-01"  # a January 1 the page writes is a day
