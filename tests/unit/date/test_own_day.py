"""The page's own yearless day: a dateline's year from a full date told close to it, the day kept
for the corpus step, and repeated days counted once when choosing the page's month."""

from __future__ import annotations

from dossier.date import date_from_text


def test_yearless_dateline_takes_the_year_of_a_full_date_told_the_day_before() -> None:
    text = ("SPRINGFIELD, Sept. 28 (UPI) -- The council voted on a plan it first debated "
            "September 27, 2016, officials said.")
    got = date_from_text(text).date
    assert (got.value, got.precision) == ("2016-09-28", "day")
    assert 0.5 <= got.confidence < 0.85
    assert any('"September 27, 2016"' in e for e in got.evidence)


def test_full_dates_far_from_the_dateline_or_in_two_years_give_no_year() -> None:
    far = "SPRINGFIELD, Sept. 28 (UPI) -- The plan first passed on March 3, 2011, officials said."
    assert date_from_text(far).date.value is None
    assert date_from_text(far).day == "--09-28"
    two = ("SPRINGFIELD, Jan. 2 (UPI) -- The plan passed on Dec. 20, 2015, and was amended on "
           "Dec. 21, 2016, officials said.")  # both within range of a Jan. 2 of some year: no year
    assert date_from_text(two).date.value is None


def test_an_undated_page_keeps_its_yearless_dateline_day_and_its_latest_reported_day() -> None:
    dateline = date_from_text("SPRINGFIELD, Oct. 4 (AP) -- The mayor spoke on Monday.")
    assert (dateline.date.value, dateline.day, dateline.day_is_bound) == (None, "--10-04", False)
    told = date_from_text("The mayor said on Sept. 11 that the plan was dead. It was revived on Sept. 12.")
    assert (told.date.value, told.day, told.day_is_bound) == (None, "--09-12", True)
    planned = date_from_text("The council will vote on Sept. 30.")
    assert planned.day is None  # a plan bounds the page from above, not from below


def test_a_day_told_three_times_does_not_outvote_three_days_of_another_month() -> None:
    text = ("Since January 1 prices rose. Since January 1 wages fell. Since January 1 rents rose. "
            "The poll ran on September 18. A debate was held on September 26. A vote followed on September 27.")
    got = date_from_text(text)
    assert got.month == 9
    assert got.day == "--09-27"
