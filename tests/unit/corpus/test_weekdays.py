"""weekdays: a page naming only weekdays is dated by the days other pages give the events it reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dossier.corpus.redate import _keeps_day, can_date_others
from dossier.corpus.story_year import lends_year
from dossier.corpus.weekdays import WEEKDAY_PREFIX, dates_from_weekdays, named_weekday, window
from dossier.model import Annotations, Document, Event, Evidence, PublicationDate, Span

D = dt.date
TEXT = "The debate on Monday night was loud. The rally is on Thursday."


def _event(doc_id: str, phrase: str, kind: str = "debate", status: str = "happened", date: str | None = None,
           who: tuple[str, ...] = ("Ana Ruiz",)) -> Event:  # fmt: skip
    start = TEXT.find(phrase) if phrase in TEXT else 0
    span = Span(doc_id, start, start + len(phrase))
    return Event(id=f"{doc_id}-{phrase}", kind=kind, summary=kind.title(), mentions=(span,), participants=who,
                 date=date, precision="day" if date else "none", status=status,  # type: ignore[arg-type]
                 evidence=(Evidence("date:time", phrase, span),))  # fmt: skip


def _page(doc_id: str, pub: PublicationDate, *events: Event) -> tuple[Document, Annotations]:
    return Document(id=doc_id, source=f"{doc_id}.txt", text=TEXT, published=pub), Annotations(doc_id=doc_id, events=events)


LENDER = _page("a", PublicationDate("2016-09-27", "day", 0.75, ("dateline",)),
               _event("a", "Monday night", date="2016-09-26", who=("Ana Ruiz", "Bo Lee")))


def _dates(*pages: tuple[Document, Annotations]) -> dict[str, PublicationDate]:
    return dates_from_weekdays([p[0] for p in pages], {p[0].id: p[1] for p in pages})


def test_a_plain_weekday_is_named_and_a_shifted_one_is_not() -> None:
    assert named_weekday("Monday night") == 0
    assert named_weekday("on Friday") == 4
    assert named_weekday("last Monday") is None  # its distance from the page's day is not bounded
    assert named_weekday("Monday and Tuesday") is None
    assert named_weekday("last week") is None


def test_a_reported_event_bounds_the_page_after_it_and_an_announced_one_before_it() -> None:
    assert window(D(2016, 9, 26), "happened") == (D(2016, 9, 26), D(2016, 10, 2))
    assert window(D(2016, 9, 26), "planned") == (D(2016, 9, 20), D(2016, 9, 26))


def test_a_past_weekday_report_of_an_event_another_page_dates_gives_the_middle_of_its_week() -> None:
    undated = _page("b", PublicationDate(), _event("b", "Monday night", who=("Ruiz",)))
    got = _dates(LENDER, undated)["b"]
    assert (got.value, got.precision) == ("2016-09-29", "day")
    assert 0 < got.confidence < 0.5  # an estimate: never a confident date
    assert any(line.startswith(WEEKDAY_PREFIX) for line in got.evidence)
    announced = _page("c", PublicationDate(), _event("c", "Monday night", status="planned", who=("Bo Lee",)))
    assert _dates(LENDER, announced)["c"].value == "2016-09-23"


def test_no_date_without_the_same_party_kind_and_weekday() -> None:
    other_party = _page("b", PublicationDate(), _event("b", "Monday night", who=("Cy Dorn",)))
    other_kind = _page("c", PublicationDate(), _event("c", "Monday night", kind="arrest"))
    other_weekday = _page("d", PublicationDate(), _event("d", "Thursday"))  # the lent day is a Monday
    assert _dates(LENDER, other_party, other_kind, other_weekday) == {}


def test_phrases_that_disagree_give_nothing_and_lenders_that_disagree_lend_nothing() -> None:
    rally = _page("r", PublicationDate("2016-10-13", "day", 0.75, ("dateline",)),
                  _event("r", "Thursday", kind="protest", date="2016-10-13"))
    both = _page("b", PublicationDate(), _event("b", "Monday night"), _event("b", "Thursday", kind="protest"))
    assert _dates(LENDER, rally, both) == {}  # after Sept. 26 by a week at most, and after Oct. 13
    other = _page("o", PublicationDate("2016-10-04", "day", 0.75, ("dateline",)),
                  _event("o", "Monday night", date="2016-10-03"))
    assert _dates(LENDER, other, _page("b", PublicationDate(), _event("b", "Monday night"))) == {}


def test_only_surely_self_dated_pages_lend_and_pages_dated_here_lend_nothing() -> None:
    undated = _page("b", PublicationDate(), _event("b", "Monday night"))
    weak = (dataclasses.replace(LENDER[0], published=PublicationDate("2016-09-27", "day", 0.3)), LENDER[1])
    assert _dates(weak, undated) == {}
    assert _dates(LENDER, undated)["b"].confidence < 0.4  # lends to neither other pass by its confidence
    borrowed = PublicationDate("2016-09-27", "day", 0.55, (f"{WEEKDAY_PREFIX}the debate",))
    assert not can_date_others(borrowed) and not lends_year(borrowed)  # nor by its evidence
    assert _dates((dataclasses.replace(LENDER[0], published=borrowed), LENDER[1]), undated) == {}
    day_page = _page("c", PublicationDate("2016-09-28", "day", 0.3, ("latest day",)), _event("c", "Monday night"))
    assert _dates(LENDER, day_page) == {}  # a page with a day of its own keeps it


def test_shared_events_that_allow_a_pages_day_leave_it_rather_than_give_a_month() -> None:
    day = PublicationDate("2016-09-29", "day", 0.35, (f"{WEEKDAY_PREFIX}the debate",))
    assert _keeps_day(day, D(2016, 9, 26), D(2016, 10, 31))
    assert not _keeps_day(day, D(2016, 10, 1), D(2016, 10, 31))
    assert not _keeps_day(PublicationDate("2016-09", "month", 0.35), D(2016, 9, 1), D(2016, 9, 30))
