"""redate_documents: dating weakly dated pages from events shared with well-dated pages."""

from __future__ import annotations

import dataclasses

import datetime as dt

from dossier.corpus.redate import (
    Constraint,
    combine,
    is_weak,
    rebase_times,
    redate_documents,
    relative_range,
)
from dossier.model import Annotations, Document, Event, Evidence, PublicationDate, Span

D = dt.date


def _doc(i: str, text: str, pub: PublicationDate) -> Document:
    return Document(id=i, source=f"page-{i}", text=text, published=pub)


def test_relative_phrases_give_page_date_ranges():
    jan14 = (D(2019, 1, 14), D(2019, 1, 14))
    nov = (D(2018, 11, 1), D(2018, 11, 30))
    assert relative_range("earlier this month", jan14, "happened") == (D(2019, 1, 14), D(2019, 1, 31))
    assert relative_range("last November", nov, "happened") == (D(2018, 12, 1), D(2019, 11, 30))
    assert relative_range("November last year", nov, "happened") == (D(2019, 1, 1), D(2019, 12, 31))
    assert relative_range("next month", (D(2019, 2, 1), D(2019, 2, 28)), "planned") == (D(2019, 1, 1), D(2019, 1, 31))
    assert relative_range("last week", jan14, "happened") == (D(2019, 1, 15), D(2019, 1, 27))
    assert relative_range("on Tuesday", jan14, "happened") == (D(2019, 1, 14), D(2019, 1, 21))
    assert relative_range("on January 22", (D(2019, 1, 22),) * 2, "planned") == (D(2018, 7, 23), D(2019, 1, 22))
    assert relative_range("in 1956", (D(1956, 1, 1), D(1956, 12, 31)), "happened") is None


def test_combine_skips_a_conflicting_constraint():
    a = Constraint(D(2019, 1, 14), D(2019, 1, 31), "a")
    b = Constraint(D(2018, 7, 1), D(2019, 1, 22), "b")
    c = Constraint(D(2020, 1, 1), D(2020, 1, 31), "c")  # contradicts the others
    (lo, hi), used = combine([a, b, c])
    assert (lo, hi) == (D(2019, 1, 14), D(2019, 1, 22))
    assert {x.why for x in used} == {"a", "b"}


def test_weak_dates():
    assert is_weak(PublicationDate())
    assert is_weak(PublicationDate("2019", "year", 0.9))
    assert is_weak(PublicationDate("2019-01-02", "day", 0.3))
    assert not is_weak(PublicationDate("2019-01-02", "day", 0.9))


def _setup(weak_pub: PublicationDate):
    strong_text = "After meeting with Kono in Moscow on Jan. 14, Lavrov said no."
    weak_text = "After talks in Moscow earlier this month between Lavrov and Kono, nothing moved."
    strong = _doc("s", strong_text, PublicationDate("2019-01-22", "day", 0.9))
    weak = _doc("w", weak_text, weak_pub)
    s_sent, w_sent = Span("s", 0, len(strong_text)), Span("w", 0, len(weak_text))
    phrase = weak_text.index("earlier this month")
    local_w = Event(id="w1", kind="talks", summary="talks", mentions=(w_sent,), participants=("Lavrov", "Kono"),
                    place="Moscow", status="happened",
                    evidence=(Evidence("date:unresolved", "earlier this month", Span("w", phrase, phrase + 18)),))
    local_s = Event(id="s1", kind="meeting", summary="m", mentions=(s_sent,), date="2019-01-14", precision="day")
    merged = Event(id="s1", kind="meeting", summary="Kono – Lavrov meeting in Moscow", mentions=(s_sent, w_sent),
                   participants=("Kono", "Lavrov"), place="Moscow", date="2019-01-14", precision="day",
                   evidence=(Evidence("date:source", "2019-01-14", s_sent),))
    anns = [Annotations("s", events=(local_s,)), Annotations("w", events=(local_w,))]
    return [strong, weak], anns, [merged]


def test_weak_page_is_dated_from_a_shared_event_with_a_relative_phrase():
    docs, anns, events = _setup(PublicationDate())
    out = redate_documents(docs, anns, events)
    assert list(out) == ["w"]
    new = out["w"]
    assert (new.value, new.precision) == ("2019-01", "month")
    assert 0.6 <= new.confidence <= 0.75
    assert new.evidence[-1].startswith("shares event Kono – Lavrov meeting in Moscow dated 2019-01-14 by page-s")


def test_well_dated_pages_and_unshared_events_change_nothing():
    docs, anns, events = _setup(PublicationDate("2019-01-20", "day", 0.9))
    assert redate_documents(docs, anns, events) == {}
    docs, anns, _ = _setup(PublicationDate())
    assert redate_documents(docs, anns, []) == {}


def test_a_date_given_by_the_weak_page_itself_is_no_evidence():
    docs, anns, events = _setup(PublicationDate())
    src = events[0].evidence[0]
    only_self = [dataclasses.replace(events[0], evidence=(Evidence("date:source", src.text, Span("w", 0, 5)),))]
    assert redate_documents(docs, anns, only_self) == {}


def test_rebase_times_moves_relative_times_with_the_new_date():
    from dossier.date.timex import find_times

    text = "They met last month, on January 5."
    doc = _doc("w", text, PublicationDate())
    annots = Annotations("w", times=tuple(find_times(text, None, "w")))
    assert [t.value for t in annots.times][0] is None  # unresolvable without a page date
    out = rebase_times(doc, annots, PublicationDate("2019-02", "month", 0.7))
    assert [t.span for t in out.times] == [t.span for t in annots.times]
    assert out.times[0].value == "2019-01"
    assert all(t.anchor == "2019-02" for t in out.times)


def test_a_bare_month_puts_the_page_in_another_month():
    feb16 = (D(2019, 2, 16), D(2019, 2, 16))
    nov = (D(2018, 11, 1), D(2018, 11, 30))
    assert relative_range("in February", feb16, "planned") == (D(2018, 8, 17), D(2019, 1, 31))
    assert relative_range("in November", nov, "happened") == (D(2018, 12, 1), D(2019, 6, 1))


def _month_setup(source_conf: float, phrase: str = "on Jan. 14"):
    """A source page (dated with its year) and an undated page whose text names only the month."""
    src_text = "Lavrov had made a similar remark at his first talks with Kono in January."
    text = f"After meeting with Kono in Moscow {phrase}, Lavrov said no."
    src = _doc("s", src_text, PublicationDate("2019-02", "month", source_conf))
    und = _doc("u", text, PublicationDate(None, "none", 0.15))
    s_sent, u_sent = Span("s", 0, len(src_text)), Span("u", 0, len(text))
    at = text.index(phrase)
    local = Event(id="u1", kind="meeting", summary="m", mentions=(u_sent,), participants=("Kono",), place="Moscow",
                  evidence=(Evidence("event:meeting", "meeting", Span("u", 6, 13)),
                            Evidence("date:unresolved", "XXXX-01-14", Span("u", at, at + len(phrase)))))
    merged = Event(id="s1", kind="talks", summary="Kono – Lavrov talks in Moscow", mentions=(s_sent, u_sent),
                   participants=("Kono", "Lavrov"), place="Moscow", date="2019-01-14", precision="day",
                   evidence=(Evidence("event:talks", "talks", Span("s", 50, 55)), local.evidence[0],
                             Evidence("date:source", "2019-01", s_sent)))
    anns = [Annotations("s"), Annotations("u", events=(local,))]
    return [src, und], anns, [merged]


def test_undated_page_takes_its_own_month_and_the_year_of_a_shared_event():
    docs, anns, events = _month_setup(0.45)
    out = redate_documents(docs, anns, events, own_month=lambda d: 1)
    new = out["u"]
    assert (new.value, new.precision) == ("2019-01", "month")
    assert 0.5 <= new.confidence <= 0.65
    assert any(line.startswith("shares event Kono – Lavrov talks in Moscow dated 2019-01-14 by page-s")
               for line in new.evidence)
    assert any("month 01 from the page's own text" in line for line in new.evidence)


def test_own_month_that_the_events_rule_out_gives_a_low_confidence():
    docs, anns, events = _month_setup(0.9, phrase="earlier this month")  # the page is in 2019-01
    out = redate_documents(docs, anns, events, own_month=lambda d: 3)  # its text says March
    new = out["u"]
    assert new.value == "2019-01" and new.confidence < 0.5
    assert any(line.startswith("conflicting") for line in new.evidence)


def test_pages_that_cannot_lend_a_date():
    # a source no surer than the page, or a guess below 0.4: nothing to borrow
    docs, anns, events = _month_setup(0.3)
    assert redate_documents(docs, anns, events, own_month=lambda d: 1) == {}
    # a date that was itself borrowed from shared events is never lent on (no loops on a rerun)
    docs, anns, events = _month_setup(0.9)
    borrowed = PublicationDate("2019-02", "month", 0.9, ("shares event X dated 2019-02 by page-z (held)",))
    docs = [dataclasses.replace(docs[0], published=borrowed), docs[1]]
    assert redate_documents(docs, anns, events, own_month=lambda d: 1) == {}


def test_rebase_times_dates_the_events_of_a_redated_page():
    from dossier.date.timex import find_times

    text = "Putin and Abe prepare for talks in Moscow on January 22."
    times = tuple(find_times(text, None, "u"))
    at = text.index("January 22")
    t = next(x for x in times if x.span.start == at)
    planned = Event(id="e", kind="talks", summary="talks", mentions=(Span("u", 0, len(text)),),
                    participants=("Putin", "Abe"), place="Moscow", status="planned", confidence=0.65,
                    evidence=(Evidence("event:talks", "talks", Span("u", 26, 31)),
                              Evidence("date:unresolved", "XXXX-01-22", t.span)))
    bare = Event(id="f", kind="meeting", summary="m", mentions=(Span("u", 0, 9),), participants=("Abe",))
    doc = _doc("u", text, PublicationDate())
    out = rebase_times(doc, Annotations("u", times=times, events=(planned, bare)),
                       PublicationDate("2019-01", "month", 0.6))
    ev, other = out.events
    assert (ev.date, ev.precision) == ("2019-01-22", "day")
    assert [e.rule for e in ev.evidence if e.rule.startswith("date:")] == ["date:time"]
    assert ev.confidence > planned.confidence
    assert (other.date, other.precision) == (None, "none")
    assert [e.text for e in other.evidence if e.rule == "date:document"] == ["2019-01"]


def test_events_by_page_files_an_event_under_every_page_it_holds_in_order():
    from dossier.corpus.redate import events_by_page

    docs, anns, events = _setup(PublicationDate())
    other = Event(id="o1", kind="talks", summary="o", mentions=(Span("x", 0, 5),),
                  evidence=(Evidence("event:talks", "talks", Span("w", 10, 15)),))  # a trigger word of page w
    index = events_by_page([*events, other])
    assert [e.id for e in index["w"]] == ["s1", "o1"]
    assert [e.id for e in index["s"]] == ["s1"] and [e.id for e in index["x"]] == ["o1"]


def test_a_page_lends_only_to_pages_less_sure_than_itself():
    """Weak pages of one confidence share their list of lenders; a weak page surer than another
    lends to it, never to itself, and an event holding no mention of a page dates nothing there."""
    docs, anns, events = _setup(PublicationDate())
    strong, weak = docs
    assert list(redate_documents([dataclasses.replace(strong, published=PublicationDate()), weak], anns, events)) == []
    unrelated = dataclasses.replace(events[0], mentions=(events[0].mentions[0],))  # no longer holds page w
    assert redate_documents(docs, anns, [unrelated]) == {}
    assert list(redate_documents(docs, anns, events)) == ["w"]


def test_an_undated_page_is_no_older_than_the_latest_year_it_reports():
    """A page reporting a shared event of 2019 "held" but naming 2021 itself (kept by the map step as
    ``own_latest_year``) is dated from 2021 on, not to the event's month years before."""
    docs, anns, events = _setup(PublicationDate())
    strong, weak = docs
    local = dataclasses.replace(anns[1].events[0], evidence=())  # held, no phrase of its own: after the event
    anns = [anns[0], dataclasses.replace(anns[1], events=(local,))]
    assert redate_documents(docs, anns, events)["w"].value == "2019-01"
    later = dataclasses.replace(weak, own_latest_year=2021)
    new = redate_documents([strong, later], anns, events)["w"]
    assert new.value == "2021-01"
    august = dataclasses.replace(later, own_month=8)  # its own month then falls in the year it allows
    assert redate_documents([strong, august], anns, events)["w"].value == "2021-08"


def test_a_lent_date_does_not_confirm_itself_on_the_next_run():
    """Re-dating again over the same events leaves a page it dated as it is: its borrowed month is
    no constraint of its own (it had narrowed the range to itself and raised its confidence, so the
    corpus step ran another round of every pass)."""
    docs, anns, events = _setup(PublicationDate())
    strong, weak = docs
    local = dataclasses.replace(anns[1].events[0], evidence=())  # held, no phrase: a wide range
    anns = [anns[0], dataclasses.replace(anns[1], events=(local,))]
    first = redate_documents(docs, anns, events)["w"]
    assert first.confidence < 0.6  # only "after 2019-01-14": a weak guess
    again = redate_documents([strong, dataclasses.replace(weak, published=first)], anns, events)
    assert again == {}
