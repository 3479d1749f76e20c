"""merge_events on hand-built per-document events (no parser: fast and exact)."""

from __future__ import annotations

import dataclasses

from test_events_support import make_doc

from dossier.extract.events import merge_events
from dossier.extract.events_merge import kinds_compatible, places_compatible
from dossier.model import Annotations, Event, Evidence, Mention, Span


def _doc(i: str, published: str | None, text: str = "x" * 200):
    return make_doc(text, published, source=f"src-{i}", doc_id=i)


def _event(doc_id: str, start: int, kind: str, who: tuple[str, ...], place: str | None, date: str | None,
           status: str = "happened", soft: bool = False, partial: str | None = None) -> Event:
    ev = [Evidence(rule=f"event:{kind}", text=kind, span=Span(doc_id, start, start + 5))]
    if partial:
        ev.append(Evidence(rule="date:unresolved", text=partial, span=Span(doc_id, start + 6, start + 10)))
    if soft:  # no time of its own: undated, the page month (``date``) kept as the merge hint
        ev.append(Evidence(rule="date:document", text=date or ""))
        date = None
    return Event(id=f"{doc_id}-{start}", kind=kind, summary=kind, mentions=(Span(doc_id, start, start + 40),),
                 participants=who, place=place, date=date,
                 precision={10: "day", 7: "month", 4: "year"}.get(len(date or ""), "none"),  # type: ignore[arg-type]
                 status=status, evidence=tuple(ev))  # type: ignore[arg-type]


def _ann(doc_id: str, *events: Event, mentions: tuple[Mention, ...] = ()) -> Annotations:
    return Annotations(doc_id=doc_id, events=events, mentions=mentions)


def test_planned_and_held_reports_of_one_meeting_merge_and_held_wins():
    a, b = _doc("a", "2019-01-21"), _doc("b", "2019-01-23")
    planned = _event("a", 10, "talks", ("Vladimir Putin", "Shinzo Abe"), "Moscow", "2019-01-22", "planned")
    held = _event("b", 50, "summit", ("Shinzo Abe", "Vladimir Putin"), "Moscow", "2019-01-22", "happened")
    merged = merge_events([a, b], [_ann("a", planned), _ann("b", held)])
    assert len(merged) == 1
    ev = merged[0]
    assert ev.status == "happened"
    assert {s.doc_id for s in ev.mentions} == {"a", "b"}
    assert ev.kind == "summit"  # the most specific of compatible kinds
    assert ev.id == planned.id  # from the earliest report
    assert (ev.date, ev.precision, ev.place) == ("2019-01-22", "day", "Moscow")
    assert any(e.rule == "merge:held" and e.text == "src-b" for e in ev.evidence)


def test_held_report_older_than_the_event_does_not_win():
    a, b = _doc("a", "2019-01-10"), _doc("b", "2019-01-12")
    planned = _event("a", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-01-22", "planned")
    wrong = _event("b", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-01-22", "happened")
    (ev,) = merge_events([a, b], [_ann("a", planned), _ann("b", wrong)])
    assert ev.status == "planned"


def test_different_places_are_not_merged():
    a, b = _doc("a", "2019-02-18"), _doc("b", "2019-01-22")
    munich = _event("a", 10, "meeting", ("Taro Kono", "Sergei Lavrov"), "Munich", "2019-02", "happened")
    moscow = _event("b", 10, "meeting", ("Taro Kono", "Sergei Lavrov"), "Moscow", "2019-02", "planned")
    assert len(merge_events([a, b], [_ann("a", munich), _ann("b", moscow)])) == 2


def test_different_days_are_not_merged_but_a_month_joins_its_day():
    a, b, c = _doc("a", "2019-02-18"), _doc("b", "2019-01-22"), _doc("c", "2019-01-25")
    feb16 = _event("a", 10, "meeting", ("Taro Kono", "Sergei Lavrov"), "Munich", "2019-02-16")
    jan14 = _event("b", 10, "meeting", ("Taro Kono", "Sergei Lavrov"), "Moscow", "2019-01-14")
    feb = _event("c", 10, "talks", ("Sergey Lavrov", "Taro Kono"), None, "2019-02", "planned")
    merged = merge_events([a, b, c], [_ann("a", feb16), _ann("b", jan14), _ann("c", feb)])
    assert [(e.date, sorted({s.doc_id for s in e.mentions})) for e in merged] == [
        ("2019-01-14", ["b"]), ("2019-02-16", ["a", "c"])]  # Sergey ~ Sergei: a spelling variant


def test_namesakes_do_not_merge():
    a, b = _doc("a", "2001-01-10"), _doc("b", "2019-01-20")
    old = _event("a", 10, "talks", ("Yohei Kono", "Igor Ivanov"), "Moscow", "2001-01")
    new = _event("b", 10, "talks", ("Taro Kono", "Sergei Lavrov"), "Moscow", "2001-01")
    assert len(merge_events([a, b], [_ann("a", old), _ann("b", new)])) == 2


def test_page_dated_mention_joins_within_two_months_only_with_same_place():
    a, b, c = _doc("a", "2019-01-22"), _doc("b", "2019-02-01"), _doc("c", "2019-06-01")
    dated = _event("a", 10, "meeting", ("Putin", "Abe"), "Moscow", "2019-01-22")
    near = _event("b", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-02", soft=True)
    far = _event("c", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-06", soft=True)
    noplace = _event("b", 90, "talks", ("Putin", "Abe"), None, "2019-02", soft=True)
    merged = merge_events([a, b, c], [_ann("a", dated), _ann("b", near, noplace), _ann("c", far)])
    main = next(e for e in merged if e.date == "2019-01-22")
    assert {(s.doc_id, s.start) for s in main.mentions} == {("a", 10), ("b", 10)}
    assert len(merged) == 3


def test_undated_page_joins_only_an_unambiguous_event():
    a, b, u = _doc("a", "2019-01-22"), _doc("b", "2018-11-15"), _doc("u", None)
    jan = _event("a", 10, "summit", ("Putin", "Abe"), "Moscow", "2019-01-22")
    nov = _event("b", 10, "talks", ("Putin", "Abe"), "Singapore", "2018-11-14")
    ref = _event("u", 10, "talks", ("Abe", "Putin"), "Moscow", None, "planned", partial="XXXX-01-22")
    bad = _event("u", 90, "talks", ("Abe", "Putin"), "Moscow", None, "planned", partial="XXXX-03-02")
    merged = merge_events([a, b, u], [_ann("a", jan), _ann("b", nov), _ann("u", ref, bad)])
    main = next(e for e in merged if e.date == "2019-01-22")
    assert {(s.doc_id, s.start) for s in main.mentions} == {("a", 10), ("u", 10)}
    assert main.status == "happened"


def test_entity_ids_replace_names_when_a_resolver_is_given():
    a, b = _doc("a", "2019-01-21"), _doc("b", "2019-01-23")
    m1 = Mention(Span("a", 12, 17), "Putin", "PERSON", canonical="Putin")
    m2 = Mention(Span("b", 52, 66), "Vladimir Putin", "PERSON", canonical="Vladimir Putin")
    m3 = Mention(Span("a", 20, 23), "Abe", "PERSON", canonical="Abe")
    m4 = Mention(Span("b", 70, 80), "Shinzo Abe", "PERSON", canonical="Shinzo Abe")
    ids = {"Putin": "E1", "Vladimir Putin": "E1", "Abe": "E2", "Shinzo Abe": "E2"}
    e1 = _event("a", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-01-22", "planned")
    e2 = _event("b", 50, "talks", ("Vladimir Putin", "Shinzo Abe"), "Moscow", "2019-01-22")
    merged = merge_events([a, b], [_ann("a", e1, mentions=(m1, m3)), _ann("b", e2, mentions=(m2, m4))],
                          entity_of=lambda m: ids.get(m.canonical or m.text))
    assert len(merged) == 1
    assert merged[0].participants == ("E1", "E2")
    assert merged[0].summary == "Putin – Abe talks in Moscow"
    # a party no entity stands for is kept apart by name: participants hold entity ids only
    e3 = _event("b", 50, "talks", ("Vladimir Putin", "Shinzo Abe", "Ivan Nobody"), "Moscow", "2019-01-22")
    (ev,) = merge_events([a, b], [_ann("a", e1, mentions=(m1, m3)), _ann("b", e3, mentions=(m2, m4))],
                         entity_of=lambda m: ids.get(m.canonical or m.text))
    assert (ev.participants, ev.participant_labels) == (("E1", "E2"), ("Ivan Nobody",))


def test_merge_is_deterministic_whatever_the_input_order():
    docs = [_doc("a", "2019-01-21"), _doc("b", "2019-01-23"), _doc("c", "2019-02-18")]
    anns = [_ann("a", _event("a", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-01-22", "planned")),
            _ann("b", _event("b", 10, "summit", ("Putin", "Abe"), "Moscow", "2019-01-22")),
            _ann("c", _event("c", 10, "meeting", ("Kono", "Lavrov"), "Munich", "2019-02-16"))]
    one = merge_events(docs, anns)
    two = merge_events(docs[::-1], anns[::-1])
    assert [(e.id, e.date, e.status, e.mentions) for e in one] == [(e.id, e.date, e.status, e.mentions) for e in two]


def test_kind_and_place_compatibility():
    assert kinds_compatible("talks", "summit") and kinds_compatible("meeting", "visit")
    assert not kinds_compatible("talks", "protest")
    assert places_compatible("Moscow", "Russia") and places_compatible(None, "Tokyo")
    assert not places_compatible("Moscow", "Japan")


def test_undated_page_naming_the_day_joins_a_month_dated_report_and_gives_it_the_day():
    # a dated page: "their talks in January" (no place); an undated page: "met in Moscow on Jan. 14"
    a, u = _doc("a", "2019-02-18"), _doc("u", None)
    jan = _event("a", 10, "talks", ("Kono", "Lavrov"), None, "2019-01")
    day = _event("u", 10, "meeting", ("Kono",), "Moscow", None, partial="XXXX-01-14")
    other = _event("u", 90, "meeting", ("Kono",), "Moscow", None, partial="XXXX-03-02")  # another month
    merged = merge_events([a, u], [_ann("a", jan), _ann("u", day, other)])
    main = next(e for e in merged if "a" in {s.doc_id for s in e.mentions})
    assert {(s.doc_id, s.start) for s in main.mentions} == {("a", 10), ("u", 10)}
    assert (main.date, main.precision, main.place) == ("2019-01-14", "day", "Moscow")
    rules = {e.rule: e for e in main.evidence}
    assert rules["date:source"].span.doc_id == "a" and rules["date:source"].text == "2019-01"
    assert rules["date:day"].span.doc_id == "u"


def test_undated_month_mention_needs_the_same_month_and_a_compatible_place():
    a, u = _doc("a", "2019-02-18"), _doc("u", None)
    munich = _event("a", 10, "meeting", ("Kono", "Lavrov"), "Munich", "2019-02-16")
    moscow = _event("u", 10, "talks", ("Kono", "Lavrov"), "Moscow", None, partial="XXXX-02")
    march = _event("u", 60, "talks", ("Kono", "Lavrov"), None, None, partial="XXXX-03")
    feb = _event("u", 90, "talks", ("Lavrov", "Kono"), None, None, "planned", partial="XXXX-02")
    merged = merge_events([a, u], [_ann("a", munich), _ann("u", moscow, march, feb)])
    main = next(e for e in merged if e.date == "2019-02-16")
    assert {(s.doc_id, s.start) for s in main.mentions} == {("a", 10), ("u", 90)}


def test_this_month_on_an_undated_page_uses_the_month_its_text_names():
    text = "Talks were held in Moscow on January 14 and again later. " + "x" * 150
    a, u = _doc("a", "2019-02-18"), _doc("u", None, text)
    jan = _event("a", 10, "talks", ("Kono", "Lavrov"), None, "2019-01-14")
    dec = _event("a", 60, "talks", ("Kono", "Lavrov"), None, "2018-12-10")
    this = _event("u", 10, "talks", ("Lavrov", "Kono"), None, None, partial="earlier this month")
    merged = merge_events([a, u], [_ann("a", jan, dec), _ann("u", this)])
    main = next(e for e in merged if e.date == "2019-01-14")
    assert "u" in {s.doc_id for s in main.mentions}  # "this month" = January, the page's own month


def test_undated_mention_needs_two_shared_actors_or_a_shared_object():
    # an undated page: one shared actor and the same place is not enough (the team plays there
    # every season); the same object ("title") or a second shared actor is
    d, u = _doc("d", "2011-01-05"), _doc("u", None)
    dated = dataclasses.replace(_event("d", 10, "result", ("Saints", "Falcons"), "New Orleans", "2011-01-02"),
                                summary="Saints beat Falcons in New Orleans")
    other = dataclasses.replace(_event("u", 10, "result", ("Saints",), "New Orleans", None),
                                summary="Saints beat Bears in New Orleans")
    merged = merge_events([d, u], [_ann("d", dated), _ann("u", other)])
    assert len(merged) == 2
    same_title = dataclasses.replace(other, summary="Saints win division title")
    titled = dataclasses.replace(dated, summary="Saints clinch division title")
    assert len(merge_events([d, u], [_ann("d", titled), _ann("u", same_title)])) == 1
    pair = dataclasses.replace(other, participants=("Falcons", "Saints"))
    assert len(merge_events([d, u], [_ann("d", dated), _ann("u", pair)])) == 1


def test_reports_merged_by_their_page_month_stay_undated():
    b, c = _doc("b", "2019-02-01"), _doc("c", "2019-02-03")
    one = _event("b", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-02", soft=True)
    two = _event("c", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-02", soft=True)
    (ev,) = merge_events([b, c], [_ann("b", one), _ann("c", two)])
    assert (ev.date, ev.precision) == (None, "none")  # the page month merged them; it is no date
    assert {e.text for e in ev.evidence if e.rule == "date:document"} == {"2019-02"}


def test_an_undated_report_naming_the_day_dates_an_event_merged_by_its_page_month():
    b, u = _doc("b", "2019-01-20"), _doc("u", None)
    hinted = _event("b", 10, "talks", ("Putin", "Abe"), "Moscow", "2019-01", soft=True)
    day = _event("u", 10, "talks", ("Abe", "Putin"), "Moscow", None, partial="XXXX-01-14")
    (ev,) = merge_events([b, u], [_ann("b", hinted), _ann("u", day)])
    assert (ev.date, ev.precision) == ("2019-01-14", "day")  # the month the page hint gives, the day stated
