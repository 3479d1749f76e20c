"""story_year: a page naming its day but not its year takes the year of the build's self-dated pages."""

from __future__ import annotations

import datetime as dt

from dossier.corpus.story_year import BORROWED, dates_from_build, place_day
from dossier.model import Document, PublicationDate

D = dt.date


def _doc(i: str, pub: PublicationDate, day: str | None = None, bound: bool = False) -> Document:
    return Document(id=i, source=f"{i}.txt", text="x", published=pub, own_day=day, own_day_bound=bound)


def _dated(i: str, value: str, conf: float = 0.85) -> Document:
    return _doc(i, PublicationDate(value, "day" if len(value) == 10 else "month", conf, ("dateline",)))


def test_a_yearless_day_lies_in_the_year_nearest_the_dated_pages() -> None:
    assert place_day("--09-26", [D(2016, 9, 28)]) == (D(2016, 9, 26), 2, 1)
    assert place_day("--01-03", [D(2016, 12, 30), D(2016, 12, 20)]) == (D(2017, 1, 3), 4, 2)
    assert place_day("--06-01", [D(2016, 9, 28)]) is None  # no dated page within 45 days of any June 1
    assert place_day("--02-29", [D(2016, 9, 28)]) is None


def test_a_dateline_day_is_dated_and_a_reported_day_is_followed_with_a_low_confidence() -> None:
    docs = [_dated("a", "2016-09-28"), _dated("b", "2016-10"),
            _doc("c", PublicationDate(None, "none", 0.1, ("dateline",)), "--09-26"),
            _doc("d", PublicationDate(None, "none", 0.1), "--09-11", bound=True)]
    got = dates_from_build(docs)
    assert (got["c"].value, got["c"].precision) == ("2016-09-26", "day")
    assert got["c"].confidence >= 0.5  # two dated pages within a month agree on the year
    assert any(e.startswith(BORROWED) for e in got["c"].evidence)
    assert (got["d"].value, got["d"].confidence) == ("2016-09-12", 0.3)
    assert set(got) == {"c", "d"}


def test_weak_or_borrowed_dates_lend_no_year_and_one_page_gives_a_low_confidence() -> None:
    undated = _doc("c", PublicationDate(None, "none", 0.1), "--09-26")
    weak = _dated("w", "2014-09-20", conf=0.4)  # "latest explicit date": only a lower bound
    borrowed = _doc("b", PublicationDate("2016-09-20", "day", 0.55, (f"{BORROWED}2016",)))
    assert dates_from_build([undated, weak, borrowed]) == {}
    one = dates_from_build([undated, _dated("a", "2016-09-28")])
    assert one["c"].value == "2016-09-26" and one["c"].confidence < 0.5


def test_an_incremental_step_dates_only_its_new_pages() -> None:
    old = _doc("old", PublicationDate(None, "none", 0.1), "--09-27")  # left as the full step left it
    new = _doc("new", PublicationDate(None, "none", 0.1), "--09-26")
    got = dates_from_build([_dated("a", "2016-09-28"), old, new], targets={"new"})
    assert set(got) == {"new"}
