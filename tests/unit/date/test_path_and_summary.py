"""Dates in file names and paths, checked against the text; the build summary of dating."""

from __future__ import annotations

import pytest

from dossier.date import date_document, date_in_path, dating_summary
from dossier.model import Document, Page, PublicationDate


@pytest.mark.parametrize(
    "source, expected",
    [
        ("/data/nyt_2016-02-22_story.txt", "2016-02-22"),
        ("/data/20161007-story.txt", "2016-10-07"),
        ("/data/2016/10/07/story.txt", "2016-10-07"),
        ("/data/doc001.txt", None),
        ("/data/report_2016-01-01_2016-12-31.txt", None),  # a range is not the page's day
        ("/data/id20161340.txt", None),  # month 13: not a date
        ("/data/123201610071.txt", None),  # digits around it: an id
    ],
)
def test_date_in_path(source: str, expected: str | None):
    found = date_in_path(source)
    assert (found[0] if found else None) == expected


def test_date_in_a_url_of_a_plain_text_page():
    assert date_in_path("pages.jsonl#3", "https://example.org/2019/05/14/bridge")[0] == "2019-05-14"


def _dated(text: str, source: str) -> PublicationDate:
    page = Page(source=source, raw=text.encode(), media="text")
    return date_document(Document(id="x", source=source, text=text), page)


def test_file_name_date_agreeing_with_the_text():
    pub = _dated("The council voted on Sept. 12 to close the bridge.", "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-09-14" and pub.precision == "day" and pub.confidence >= 0.75
    assert any("file name" in e for e in pub.evidence)


def test_file_name_date_before_the_facts_the_text_reports_is_trusted_less():
    pub = _dated("The council voted on Oct. 30, 2016 to close the bridge.", "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-09-14" and pub.confidence < 0.5


def test_a_dateline_with_its_year_beats_the_file_name():
    text = "MILTON, Oct. 2, 2016 -- The council voted to close the bridge on Saturday."
    pub = _dated(text, "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-10-02"


def test_dating_summary_counts_day_month_undated_and_low_confidence():
    rows = [
        ("ok", "2016-10-07", "day", 0.9),
        ("non_english", "2016-10-07", "day", 0.3),
        ("duplicate", "2016-10", "month", 0.4),
        ("ok", None, "none", 0.1),
        ("raw", None, None, None),
    ]
    assert dating_summary(rows) == "dated: 2 to the day, 1 to the month, 1 undated (low confidence: 2)"
