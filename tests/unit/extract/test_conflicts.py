"""Figures listed with their sentences; figure, event-date and title conflicts between sources."""

from __future__ import annotations

from dossier.extract.conflicts import collect_figures, find_conflicts, head_title
from dossier.model import (
    Annotations,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    PublicationDate,
    Span,
    TimeExpr,
)


def _doc(doc_id: str, text: str, date: str) -> Document:
    return Document(id=doc_id, source=doc_id, text=text, published=PublicationDate(value=date, precision="day"))


def _fig(doc: Document, number: str, value: float, about: str, unit: str = "percent") -> Figure:
    start = doc.text.index(number)
    return Figure(Span(doc.id, start, start + len(number)), number, value, unit=unit, about=about)


def _annot(doc: Document, **kw) -> Annotations:
    return Annotations(doc.id, sentences=(Span(doc.id, 0, len(doc.text)),), **kw)


def test_collect_figures_rows_carry_sentence_and_date():
    d = _doc("a", "Some 17 percent of voters back the plan.", "2019-01-20")
    rows = collect_figures([d], [_annot(d, figures=(_fig(d, "17 percent", 17, "voters"),))])
    assert rows == [
        {
            "value": 17,
            "unit": "percent",
            "about": "voters",
            "date": "2019-01-20",
            "doc": "a",
            "sentence": "Some 17 percent of voters back the plan.",
            "span": Span("a", 5, 15),
        }
    ]


def test_figure_conflict_between_two_sources_same_time():
    a = _doc("a", "Only 17 percent of voters back the handover.", "2019-01-20")
    b = _doc("b", "About 27 percent of voters back the handover.", "2019-01-25")
    c = _doc("c", "About 17.2 percent of voters back the handover.", "2019-01-22")  # rounding of 17
    annots = [
        _annot(a, figures=(_fig(a, "17 percent", 17, "voters back the handover"),)),
        _annot(b, figures=(_fig(b, "27 percent", 27, "voters back the handover"),)),
        _annot(c, figures=(_fig(c, "17.2 percent", 17.2, "voters back the handover"),)),
    ]
    conflicts = [x for x in find_conflicts([a, b, c], annots, [], []) if x.kind == "figure"]
    pairs = sorted(tuple(sorted(x.values)) for x in conflicts)
    assert pairs == [("17 percent", "27 percent"), ("17.2 percent", "27 percent")]
    assert {s.doc_id for s in conflicts[0].sources} in ({"a", "b"}, {"b", "c"})


def test_figure_series_is_not_a_conflict():
    a = _doc("a", "Turnout was 40 percent of voters.", "2019-01-20")
    b = _doc("b", "Turnout rose to 55 percent of voters.", "2019-01-22")
    far = _doc("c", "Turnout was 60 percent of voters.", "2016-01-20")
    annots = [
        _annot(a, figures=(_fig(a, "40 percent", 40, "voters"),)),
        _annot(b, figures=(_fig(b, "55 percent", 55, "voters"),)),
        _annot(far, figures=(_fig(far, "60 percent", 60, "voters"),)),
    ]
    assert find_conflicts([a, b, far], annots, [], []) == []


def test_event_date_conflict_uses_each_mentions_sentence_date():
    a = _doc("a", "The ministers met in Oslo on March 3, 2019.", "2019-03-05")
    b = _doc("b", "The ministers met in Oslo on March 4, 2019.", "2019-03-06")
    ta = TimeExpr(Span("a", 29, 42), "March 3, 2019", "2019-03-03")
    tb = TimeExpr(Span("b", 29, 42), "March 4, 2019", "2019-03-04")
    ev = Event("e1", "meeting", "ministers met in Oslo", (Span("a", 14, 17), Span("b", 14, 17)), confidence=1.0)
    conflicts = find_conflicts([a, b], [_annot(a, times=(ta,)), _annot(b, times=(tb,))], [ev], [])
    assert [(c.kind, c.values) for c in conflicts] == [("date", ("2019-03-03", "2019-03-04"))]
    assert conflicts[0].sources == (ta.span, tb.span)
    same = Event("e2", "meeting", "x", (Span("a", 14, 17), Span("a", 0, 3)))
    assert find_conflicts([a, b], [_annot(a, times=(ta,))], [same], []) == []


def test_head_title_table():
    assert head_title("Japanese Prime Minister") == "prime minister"
    assert head_title("Japanese President") == "president"
    assert head_title("Russian foreign Minister") == "foreign minister"
    assert head_title("then Russian President") is None
    assert head_title("Deputy Prime Minister") == "deputy prime minister"
    assert head_title("Editor") is None


def _m(doc: str, start: int, title: str, ent: str = "p1") -> Mention:
    return Mention(Span(doc, start, start + 5), "Ann X", "PERSON", canonical="Ann X", entity_id=ent, title=title)


def test_title_conflict_majority_first_and_same_doc_or_far_apart_ignored():
    docs = [_doc("a", "x", "2019-01-10"), _doc("b", "x", "2019-02-10"), _doc("c", "x", "2019-01-20"), _doc("old", "x", "2005-01-01")]
    annots = [
        Annotations("a", mentions=(_m("a", 0, "Prime Minister"),)),
        Annotations("b", mentions=(_m("b", 0, "Prime Minister"), _m("b", 9, "Foreign Minister", "p2"))),
        Annotations("c", mentions=(_m("c", 0, "Japanese President"),)),
        Annotations("old", mentions=(_m("old", 0, "Minister", "p2"), _m("old", 9, "President", "p2"))),
    ]
    entities = [Entity("p1", "Ann X", "person"), Entity("p2", "Bo Y", "person")]
    conflicts = find_conflicts(docs, annots, [], entities)
    assert [(c.kind, c.about, c.values) for c in conflicts] == [("title", "Ann X", ("Prime Minister", "Japanese President"))]
    assert conflicts[0].sources[1] == Span("c", 0, 5)
    assert conflicts[0].confidence > 0.5


def test_title_conflict_via_mention_entity_map():
    docs = [_doc("a", "x", "2019-01-10"), _doc("b", "x", "2019-01-12")]
    m1 = Mention(Span("a", 0, 5), "Ann X", "PERSON", title="President")
    m2 = Mention(Span("b", 0, 5), "Ann X", "PERSON", title="Prime Minister")
    annots = [Annotations("a", mentions=(m1,)), Annotations("b", mentions=(m2,))]
    mapping = {("a", 0, 5): "p1", ("b", 0, 5): "p1"}
    conflicts = find_conflicts(docs, annots, [], [Entity("p1", "Ann X", "person")], mapping)
    assert len(conflicts) == 1 and set(conflicts[0].values) == {"President", "Prime Minister"}
