"""find_times / renormalize on the brief's examples, with a fixed anchor (Monday 2019-02-18)."""

from __future__ import annotations

import pytest

from dossier.nlp.timex import find_times, parse_anchor, renormalize, tense_at

ANCHOR = "2019-02-18"


def one(text: str, anchor: str | None = ANCHOR):
    times = find_times(text, anchor, doc_id="d1")
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("They met in Munich on Feb. 16 and failed.", "Feb. 16", "2019-02-16"),
        ("He is to meet his counterpart January 16 in Moscow.", "January 16", "2019-01-16"),
        ("She was born 16 January 2001 in Kyiv.", "16 January 2001", "2001-01-16"),
        ("Last Updated: 07/27/2016", "07/27/2016", "2016-07-27"),
        ("The leaders agreed last November to go on.", "last November", "2018-11"),
        ("In November last year, the two agreed.", "November last year", "2018-11"),
        ("Figures released earlier this month show growth.", "earlier this month", "2019-02"),
        ("Talks resumed late last week in Moscow.", "late last week", "2019-W07"),
        ("It followed this past September's summit.", "this past September", "2018-09"),
        ("The leaders met Tuesday in Moscow.", "Tuesday", "2019-02-12"),
        ("The leaders will meet Tuesday in Moscow.", "Tuesday", "2019-02-19"),
        ("He returns next week.", "next week", "2019-W09"),
        ("They are expected to meet next month.", "next month", "2019-03"),
        ("A deal by the end of the year is unlikely.", "the end of the year", "2019"),
        ("In 1997, the leaders pledged a treaty.", "1997", "1997"),
        ("Prices rose in the 1990s.", "the 1990s", "199"),
        ("He said yesterday that talks failed.", "yesterday", "2019-02-17"),
        ("The minister said today that talks failed.", "today", "2019-02-18"),
        ("The talks are now stalled.", "now", "PRESENT_REF"),
        ("Scheduled for Feb. 20, the speech will matter.", "Feb. 20", "2019-02-20"),
    ],
)
def test_dates_with_anchor(text: str, phrase: str, value: str) -> None:
    t = one(text)
    assert t.text == phrase
    assert t.value == value
    assert text[t.span.start : t.span.end] == phrase
    assert t.span.doc_id == "d1"
    assert t.anchor == ANCHOR


@pytest.mark.parametrize(
    "text, phrase, value, kind",
    [
        ("the 90-minute talks", "90-minute", "PT90M", "DURATION"),
        ("For the past 70 years, Japan has waged a campaign.", "the past 70 years", "P70Y", "DURATION"),
        ("a two-day visit to Russia", "two-day", "P2D", "DURATION"),
        ("The festival is held every year.", "every year", "P1Y", "SET"),
    ],
)
def test_durations_and_sets(text: str, phrase: str, value: str, kind: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type) == (phrase, value, kind)


def test_present_ref_and_no_hallucinated_dates() -> None:
    assert one("now").value == "PRESENT_REF"
    # dateparser's search_dates turns these into dates; we must not
    assert find_times("we said the 90-minute meeting went well", ANCHOR)[0].value == "PT90M"
    assert find_times("May we go? We may.", ANCHOR) == []


def test_without_anchor_partial_values() -> None:
    times = find_times("They met on Feb. 16 and last November; Tuesday they talk.", None)
    values = {t.text: t.value for t in times}
    assert values["Feb. 16"] == "XXXX-02-16"
    assert values["last November"] == "XXXX-11"
    assert values["Tuesday"] is None
    assert all(t.confidence < 0.5 for t in times if t.value is None)


def test_month_anchor_precision() -> None:
    assert one("The leaders agreed last November to go on.", "2019-02").value == "2018-11"
    assert one("They agreed in November last year.", "2019").value == "2018-11"


def test_quarters_and_year_ago() -> None:
    assert one("third-quarter profit rose", "1989-10-27").value == "1989-Q3"
    assert one("the fourth quarter of 1989", "1990-03-01").value == "1989-Q4"
    assert one("Sales fell from a year ago.", ANCHOR).value == "2018-02-18"
    assert one("two weeks ago he resigned", ANCHOR).value == "2019-02-04"


def test_clock_merges_with_day() -> None:
    t = one("The deadline is 10 p.m. Wednesday.", "1998-02-13")
    assert (t.text, t.value, t.type) == ("10 p.m. Wednesday", "1998-02-11T22:00", "TIME")


def test_tense_cues() -> None:
    s = "The two will meet on Tuesday, officials said."
    i = s.index("Tuesday")
    assert tense_at(s, i, i + 7) == "future"
    s = "The two met on Tuesday and failed."
    i = s.index("Tuesday")
    assert tense_at(s, i, i + 7) == "past"


def test_parse_anchor() -> None:
    assert parse_anchor("2019-02-18T10:00:00").date is not None
    assert parse_anchor("2019-02").month == 2 and parse_anchor("2019-02").day is None
    assert parse_anchor("junk").year is None


def test_renormalize_moves_relative_values_only() -> None:
    text = "They met last November and signed on 16 January 2001."
    first = find_times(text, None, doc_id="d")
    assert [t.value for t in first] == ["XXXX-11", "2001-01-16"]
    again = renormalize(first, text, "2019-02-18")
    assert [t.value for t in again] == ["2018-11", "2001-01-16"]
    assert [t.span for t in again] == [t.span for t in first]
    assert all(t.anchor == "2019-02-18" for t in again)
    assert renormalize([], text, "2019-02-18") == []
