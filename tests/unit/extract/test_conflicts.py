"""Figures listed with their sentences; figure, event-date and title conflicts between sources."""

from __future__ import annotations

from dossier.extract.conflicts import collect_figures, find_conflicts
from dossier.extract.conflicts_titles import head_title
from dossier.model import (
    Annotations,
    CorpusFigure,
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
        CorpusFigure(17, Span("a", 5, 15), "Some 17 percent of voters back the plan.", "percent", "voters", "2019-01-20")
    ]
    assert rows[0].doc == "a"


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
    pa = Event("a1", "meeting", "met", (Span("a", 14, 17),), date="2019-03-03")
    pb = Event("b1", "meeting", "met", (Span("b", 14, 17),), date="2019-03-04")
    conflicts = find_conflicts([a, b], [_annot(a, times=(ta,), events=(pa,)), _annot(b, times=(tb,), events=(pb,))], [ev], [])
    assert [(c.kind, c.values) for c in conflicts] == [("date", ("2019-03-03", "2019-03-04"))]
    assert conflicts[0].sources == (ta.span, tb.span)
    # A page that does not date its report by that date (the sentence's date is of something
    # else: 'met before the March 4 vote') gives no date to compare.
    undated = Event("b1", "meeting", "met", (Span("b", 14, 17),))
    assert find_conflicts([a, b], [_annot(a, times=(ta,), events=(pa,)), _annot(b, times=(tb,), events=(undated,))], [ev], []) == []
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


def test_title_conflict_via_ids_resolution_wrote_into_the_mentions():
    from dossier.corpus.passes import with_entity_ids

    docs = [_doc("a", "x", "2019-01-10"), _doc("b", "x", "2019-01-12")]
    m1 = Mention(Span("a", 0, 5), "Ann X", "PERSON", title="President")
    m2 = Mention(Span("b", 0, 5), "Ann X", "PERSON", title="Prime Minister")
    annots = [Annotations("a", mentions=(m1,)), Annotations("b", mentions=(m2,))]
    mapping = {("a", 0, 5): "p1", ("b", 0, 5): "p1"}
    assert find_conflicts(docs, annots, [], [Entity("p1", "Ann X", "person")]) == []  # unresolved
    resolved = [with_entity_ids(a, mapping) for a in annots]
    conflicts = find_conflicts(docs, resolved, [], [Entity("p1", "Ann X", "person")])
    assert len(conflicts) == 1 and set(conflicts[0].values) == {"President", "Prime Minister"}


# ---------------------------------------------------------------------------------------------
# figure rules: about matching, plan vs actual, change wording in the clause, units, dates
# ---------------------------------------------------------------------------------------------

from dossier.extract.conflicts import about_key, dates_close, same_about  # noqa: E402
from dossier.extract.conflicts_titles import title_office, written_title  # noqa: E402


def _qfig(doc: Document, number: str, value: float, about: str, unit: str, *words: str) -> Figure:
    """A figure whose qualifiers are the given words of its sentence (as figures.py finds them)."""
    start = doc.text.index(number)
    quals = tuple(Span(doc.id, doc.text.index(w), doc.text.index(w) + len(w)) for w in words)
    return Figure(Span(doc.id, start, start + len(number)), number, value, unit=unit, about=about, qualifiers=quals)


def test_same_about_head_and_modifiers():
    assert same_about(about_key("first turbine"), about_key("turbine"))
    assert same_about(about_key("the first of its turbines"), about_key("first turbine"))
    assert same_about(about_key("combined capacity"), about_key("capacity"))
    assert not same_about(about_key("second turbine"), about_key("first turbine"))
    assert not same_about(about_key("reservoir"), about_key("turbine"))
    assert about_key("") is None


def test_turbine_output_conflict_across_units_and_month_only_date():
    a = _doc("a", "The turbine is generating 375 megawatts, officials said.", "2022-02-20")
    b = _doc("b", "The first of its turbines began generating 0.75 GW in February last year.", "")
    fa = _qfig(a, "375 megawatts", 375, "turbine", "MW", "generating", "is")
    fb = _qfig(b, "0.75 GW", 0.75, "first turbine", "GW", "in February last year", "began", "generating")
    tb = TimeExpr(Span("b", b.text.index("February"), b.text.index("February") + 18), "February last year", "XXXX-02")
    annots = [_annot(a, figures=(fa,)), _annot(b, figures=(fb,), times=(tb,))]
    (c,) = find_conflicts([a, b], annots, [], [])
    assert (c.kind, c.about, c.values) == ("figure", "first turbine", ("375 megawatts", "0.75 GW"))
    assert [s.doc_id for s in c.sources] == ["a", "b"]
    assert c.confidence < 0.8 * 0.9  # an unknown year lowers it
    same = _qfig(b, "0.75 GW", 0.375, "first turbine", "GW", "began")  # 375 MW written in GW
    assert find_conflicts([a, b], [annots[0], _annot(b, figures=(same,))], [], []) == []


def test_plan_is_not_set_against_what_is_installed():
    a = _doc("a", "The plant will produce 6,000 megawatts.", "2022-02-20")
    b = _doc("b", "The plant produces 375 megawatts.", "2022-02-22")
    c = _doc("c", "The plant is designed to produce 5,150 megawatts.", "2022-02-25")
    annots = [
        _annot(a, figures=(_qfig(a, "6,000 megawatts", 6000, "plant", "MW", "will", "produce"),)),
        _annot(b, figures=(_qfig(b, "375 megawatts", 375, "plant", "MW", "produces"),)),
        _annot(c, figures=(_qfig(c, "5,150 megawatts", 5150, "plant", "MW", "designed", "produce"),)),
    ]
    found = find_conflicts([a, b, c], annots, [], [])
    assert [(x.values) for x in found] == [("6,000 megawatts", "5,150 megawatts")]  # two plans disagree


def test_change_words_of_the_clause_and_increments_make_a_series():
    a = _doc("a", "Officials now put its cost at $5 billion.", "2022-02-20")
    b = _doc("b", "The dam will cost $4 billion, and it cost a lot.", "2022-02-21")
    c = _doc("c", "They will store a further 13.5 billion cubic metres.", "2022-02-21")
    d = _doc("d", "They will store 74 billion cubic metres.", "2022-02-22")
    annots = [
        _annot(a, figures=(_qfig(a, "$5 billion", 5e9, "cost", "USD", "now", "put"),)),
        _annot(b, figures=(_qfig(b, "$4 billion", 4e9, "dam cost", "USD", "will", "cost"),)),
        _annot(c, figures=(_qfig(c, "13.5 billion cubic metres", 13.5e9, "reservoir", "cubic metres", "will"),)),
        _annot(d, figures=(_qfig(d, "74 billion cubic metres", 74e9, "reservoir", "cubic metres", "will"),)),
    ]
    assert find_conflicts([a, b, c, d], annots, [], []) == []


def test_dates_close():
    assert dates_close("2022-02", "2022-02-20") == 1.0
    assert dates_close("2022-02-20", "2022-05-20") == 0.0
    assert dates_close("2019", "2019-11-01") == 1.0  # a year covers the day
    assert dates_close("XXXX-02", "2022-02-20") == 0.7
    assert dates_close("XXXX-08", "2022-02-20") == 0.0
    assert dates_close(None, "2022-02-20") == 0.0


def test_figure_dated_by_its_clause_not_by_a_noun_date():
    from dossier.extract.conflicts import figure_date

    d = _doc("a", "Egypt holds, under a 1959 agreement, a share of 55.5 bcm; output rose in May 2019.", "2020-01-05")
    t59 = TimeExpr(Span("a", d.text.index("1959"), d.text.index("1959") + 4), "1959", "1959")
    tmay = TimeExpr(Span("a", d.text.index("May"), d.text.index("May") + 8), "May 2019", "2019-05")
    share = _qfig(d, "55.5 bcm", 55.5e9, "share", "cubic metres", "holds")
    rose = _qfig(d, "55.5 bcm", 55.5e9, "output", "cubic metres", "in May 2019", "rose")
    annot = _annot(d, times=(t59, tmay))
    assert figure_date(d, annot, share) == "2020-01-05"
    assert figure_date(d, annot, rose) == "2019-05"


# ---------------------------------------------------------------------------------------------
# title rules: portfolios, the title as written
# ---------------------------------------------------------------------------------------------


def test_title_office_portfolios():
    assert title_office("Ethiopian Water Minister") == ("minister", frozenset({"water"}))
    assert title_office("Minister of Water, Irrigation and Energy") == (
        "minister",
        frozenset({"water", "irrigation", "energy"}),
    )
    assert title_office("Ethiopian Foreign Minister") == ("minister", frozenset({"foreign"}))
    assert title_office("Japanese Prime Minister") == ("prime minister", frozenset())
    assert title_office("former Foreign Minister") is None


def test_written_title_reads_what_the_mention_title_dropped():
    text = "Ethiopia's Minister of Water, Irrigation and Energy, Seleshi Bekele, said so. Water Minister Seleshi added."
    m1 = Mention(Span("a", text.index("Seleshi Bekele"), text.index("Seleshi Bekele") + 14), "Seleshi Bekele", "PERSON", title="Minister")
    at = text.index("Seleshi added")
    m2 = Mention(Span("a", at, at + 7), "Seleshi", "PERSON", title="Minister")
    assert written_title(text, m1) == "Ethiopia's Minister of Water, Irrigation and Energy"
    assert written_title(text, m2) == "Water Minister"
    text = "Meanwhile, Japanese Prime Minister Shinzo Abe spoke."
    m3 = Mention(Span("a", text.index("Shinzo"), text.index("Shinzo") + 10), "Shinzo Abe", "PERSON", title="Japanese Prime Minister")
    assert written_title(text, m3) == "Japanese Prime Minister"


def test_minister_of_another_portfolio_is_a_title_conflict():
    texts = {
        "a": "Water Minister Bo Lee spoke.",
        "b": "Bo Lee, the minister, spoke. Minister of Water and Energy Bo Lee left.",
        "c": "Foreign Minister Bo Lee spoke.",
    }
    docs = [_doc(k, v, d) for (k, v), d in zip(texts.items(), ["2020-01-01", "2020-03-01", "2020-06-01"])]
    def m(doc, at, title):
        start = texts[doc].index("Bo Lee", at)
        return Mention(Span(doc, start, start + 6), "Bo Lee", "PERSON", entity_id="p", title=title)
    annots = [
        Annotations("a", mentions=(m("a", 0, "Minister"),)),
        Annotations("b", mentions=(m("b", 20, "Minister"),)),
        Annotations("c", mentions=(m("c", 0, "Foreign Minister"),)),
    ]
    (c,) = find_conflicts(docs, annots, [], [Entity("p", "Bo Lee", "person")])
    assert c.kind == "title" and c.values == ("Minister of Water and Energy", "Foreign Minister")
    assert [s.doc_id for s in c.sources] == ["b", "c"]  # the closest in time of the majority reading
    # a portfolio shared with the majority ("Energy" of "Water and Energy") is no conflict
    texts["c"] = "Energy Minister Bo Lee spoke."
    docs[2] = _doc("c", texts["c"], "2020-06-01")
    annots[2] = Annotations("c", mentions=(m("c", 0, "Minister"),))
    assert find_conflicts(docs, annots, [], [Entity("p", "Bo Lee", "person")]) == []


def test_month_dates_of_one_event_that_exclude_each_other_conflict_with_a_reason():
    a = _doc("a", "The ministry issued the statement in June 2016.", "2016-08-01")
    b = _doc("b", "The ministry issued the statement in July 2016.", "2016-08-02")
    ta = TimeExpr(Span("a", 36, 45), "June 2016", "2016-06", granularity="month")
    tb = TimeExpr(Span("b", 36, 45), "July 2016", "2016-07", granularity="month")
    ev = Event("e1", "declaration", "statement", (Span("a", 0, 47), Span("b", 0, 47)), confidence=1.0)
    pa = Event("a1", "declaration", "issued", (Span("a", 0, 47),), date="2016-06")
    pb = Event("b1", "declaration", "issued", (Span("b", 0, 47),), date="2016-07")
    (c,) = find_conflicts([a, b], [_annot(a, times=(ta,), events=(pa,)), _annot(b, times=(tb,), events=(pb,))], [ev], [])
    assert c.kind == "date" and c.values == ("2016-06", "2016-07")
    assert "one merged event" in c.reason
    # a weekday resolved against each page's own date proves nothing
    wa = TimeExpr(Span("a", 36, 45), "on Monday", "2016-06-27")
    wb = TimeExpr(Span("b", 36, 45), "on Monday", "2016-07-04")
    assert find_conflicts([a, b], [_annot(a, times=(wa,)), _annot(b, times=(wb,))], [ev], []) == []


def test_a_page_denying_the_event_is_a_contradicting_claim():
    a = _doc("a", "The two leaders met in Vienna on Friday.", "2016-08-01")
    b = _doc("b", "The two leaders did not meet in Vienna.", "2016-08-02")
    ev = Event("e1", "meeting", "leaders met in Vienna", (Span("a", 0, 40), Span("b", 0, 39)), confidence=1.0)
    (c,) = find_conflicts([a, b], [_annot(a), _annot(b)], [ev], [])
    assert c.kind == "claim" and c.sources == (Span("a", 0, 40), Span("b", 0, 39))


def _fig_doc(doc_id, text, published, figure_text, about, holder=None):
    doc = _doc(doc_id, text, published)
    start = text.index(figure_text)
    value = float(figure_text.split()[0].lstrip("$").replace(",", ""))
    fig = Figure(Span(doc_id, start, start + len(figure_text)), figure_text, value, "USD", about)
    mentions = ()
    if holder:
        h = text.index(holder)
        mentions = (Mention(Span(doc_id, h, h + len(holder)), holder, "ORG"),)
    return doc, _annot(doc, figures=(fig,), mentions=mentions)


def test_figures_of_two_subjects_or_bounds_that_agree_are_no_conflict():
    a, aa = _fig_doc("a", "The Acme campaign spent $66 million on ads.", "2016-09-01", "$66 million", "ads", "Acme")
    b, ab = _fig_doc("b", "The Brill campaign spent $1.5 million on ads.", "2016-09-02", "$1.5 million", "ads", "Brill")
    assert find_conflicts([a, b], [aa, ab], [], []) == []
    c, ac = _fig_doc("c", "The Acme campaign spent $40 million on ads.", "2016-09-02", "$40 million", "ads", "Acme")
    (found,) = find_conflicts([a, c], [aa, ac], [], [])
    assert found.kind == "figure" and "same measure" in found.reason
    d, ad = _fig_doc("d", "The Acme campaign spent more than $40 million on ads.", "2016-09-02", "$40 million", "ads", "Acme")
    assert find_conflicts([a, d], [aa, ad], [], []) == []


def test_head_counts_of_no_one_in_particular_and_survey_shares_are_no_conflict():
    a = _doc("a", "About 20 people have shown interest.", "2016-09-08")
    b = _doc("b", "Nine people were injured tonight.", "2016-09-09")
    fa = Figure(Span("a", 0, 15), "About 20 people", 20, unit="people", about="people")
    fb = Figure(Span("b", 0, 11), "Nine people", 9, unit="people", about="people")
    assert find_conflicts([a, b], [_annot(a, figures=(fa,)), _annot(b, figures=(fb,))], [], []) == []
    c = _doc("c", "Only 52 percent of registered voters agreed.", "2016-09-25")
    d = _doc("d", "Just 9 percent of registered voters said so.", "2016-09-26")
    fc = Figure(Span("c", 5, 15), "52 percent", 52, unit="percent", about="registered voters")
    fd = Figure(Span("d", 5, 14), "9 percent", 9, unit="percent", about="registered voters")
    assert find_conflicts([c, d], [_annot(c, figures=(fc,)), _annot(d, figures=(fd,))], [], []) == []


def test_title_clash_needs_the_same_name_written_in_both_pages():
    from dossier.extract.conflicts_titles import _same_name

    def m(text):
        return Mention(Span("x", 0, len(text)), text, "PERSON")

    assert _same_name(m("Seleshi"), m("Seleshi Bekele"))
    assert _same_name(m("Biden"), m("Joseph R. Biden Jr."))
    assert not _same_name(m("George III"), m("George W. Bush"))


_TIE_SCRIPT = """
from dossier.extract.conflicts import find_conflicts
from dossier.model import Annotations, Document, Entity, Mention, PublicationDate, Span
def doc(i, d): return Document(i, i, "x" * 20, published=PublicationDate(d, "day", 1.0))
def m(d, t): return Mention(Span(d, 0, 5), "Ann X", "PERSON", canonical="Ann X", entity_id="p1", title=t)
docs = [doc(c, "2019-01-1" + str(n)) for n, c in enumerate("abcdef")]
titles = ["Prime Minister", "Prime Minister", "Prime Minister", "President", "Foreign Minister", "Finance Minister"]
annots = [Annotations(d.id, mentions=(m(d.id, t),)) for d, t in zip(docs, titles)]
print([(c.values, c.sources) for c in find_conflicts(docs, annots, [], [Entity("p1", "Ann X", "person")])])
"""


def test_title_conflicts_do_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    outs = {subprocess.run([sys.executable, "-c", _TIE_SCRIPT], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(outs) == 1 and "President" in next(iter(outs))


def _claim_pair(text_a: str, text_b: str, outlet_a: str | None = "Daily Planet", outlet_b: str | None = "Morning Post"):
    import dataclasses
    a = dataclasses.replace(_doc("a", text_a, "2016-08-01"), outlet=outlet_a)
    b = dataclasses.replace(_doc("b", text_b, "2016-08-02"), outlet=outlet_b)
    ev = Event("e1", "meeting", "leaders met in Vienna", (Span("a", 0, len(text_a)), Span("b", 0, len(text_b))),
               confidence=1.0)
    return find_conflicts([a, b], [_annot(a), _annot(b)], [ev], [])


def test_a_contradicting_claim_shows_both_wordings_and_why():
    (c,) = _claim_pair("The two leaders met in Vienna on Friday.", "The two leaders never met in Vienna.")
    assert c.values == ("met", "never met")
    assert "one merged event (meeting)" in c.reason and '"never met"' in c.reason


def test_a_plan_a_doubt_or_a_question_denies_nothing():
    held = "The two leaders met in Vienna on Friday."
    for other in ("The two leaders will not meet in Vienna.", "The two leaders could not meet in Vienna.",
                  "Did the two leaders not meet in Vienna?", "The leaders did not meet in Vienna, and later met in Rome."):
        assert [c for c in _claim_pair(held, other) if c.kind == "claim"] == [], other
    # the positive side must be a plain report too: a plan to meet contradicts no denial
    assert _claim_pair("The two leaders plan to meet in Vienna.", "The two leaders did not meet in Vienna.") == []


def test_one_outlet_is_one_source_even_on_two_pages():
    assert _claim_pair("The two leaders met in Vienna on Friday.", "The two leaders did not meet in Vienna.",
                       "Meridian News", "Meridian News") == []


# --- whose quantity it is (session 12): tallies of different people, counts of no one, increments


def _named(doc: Document, name: str, entity: str, label: str = "PERSON") -> Mention:
    start = doc.text.index(name)
    return Mention(Span(doc.id, start, start + len(name)), name, label, entity_id=entity)


def _counted(doc: Document, number: str, value: float, about: str, subject: str | None = None) -> Figure:
    """A plain count (no unit) of ``about``, its clause's subject word among the qualifiers."""
    fig = _fig(doc, number, value, about, unit=None)  # type: ignore[arg-type]
    if subject is None:
        return fig
    at = doc.text.index(subject)
    return Figure(fig.span, fig.text, fig.value, None, about, qualifiers=(Span(doc.id, at, at + len(subject)),))


def _figure_pairs_of(docs: list[Document], annots: list[Annotations]) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(x.values)) for x in find_conflicts(docs, annots, [], []) if x.kind == "figure")


def test_tallies_of_different_subjects_of_one_sentence_list_do_not_conflict():
    """ "<A> has 370 pledged delegates, <B> has 129": each count is its own clause subject's, even though
    both people are named in both sentences; the same subject's count two days apart does conflict."""
    a = _doc("a", "Ana Reyes has 370 pledged delegates, Bo Lind has 129.", "2020-03-15")
    b = _doc("b", "Bo Lind has 160 pledged delegates, Ana Reyes has 370.", "2020-03-16")
    c = _doc("c", "Ana Reyes has 350 pledged delegates after the count.", "2020-03-17")
    annots = [
        _annot(a, figures=(_counted(a, "370", 370, "pledged delegates", "Reyes"),),
               mentions=(_named(a, "Ana Reyes", "e1"), _named(a, "Bo Lind", "e2"))),
        _annot(b, figures=(_counted(b, "160", 160, "pledged delegates", "Lind"),),
               mentions=(_named(b, "Bo Lind", "e2"), _named(b, "Ana Reyes", "e1"))),
        _annot(c, figures=(_counted(c, "350", 350, "pledged delegates", "Reyes"),), mentions=(_named(c, "Ana Reyes", "e1"),)),
    ]
    assert _figure_pairs_of([a, b, c], annots) == [("350", "370")]


def test_a_tally_moves_with_the_story_so_weeks_apart_is_no_conflict():
    a = _doc("a", "Ana Reyes has 370 delegates.", "2020-03-15")
    b = _doc("b", "Ana Reyes has 450 delegates.", "2020-04-05")
    annots = [_annot(d, figures=(_counted(d, n, float(n), "delegates", "Reyes"),), mentions=(_named(d, "Ana Reyes", "e1"),))
              for d, n in ((a, "370"), (b, "450"))]
    assert _figure_pairs_of([a, b], annots) == []
    b2 = _doc("b", "Ana Reyes has 450 delegates.", "2020-03-18")  # within days: one tally, two values
    annots[1] = _annot(b2, figures=(_counted(b2, "450", 450, "delegates", "Reyes"),), mentions=(_named(b2, "Ana Reyes", "e1"),))
    assert _figure_pairs_of([a, b2], annots) == [("370", "450")]


def test_a_count_of_things_of_no_one_in_particular_is_no_conflict():
    """ "595 delegates are at stake" and "691 delegates are up for grabs": two contests."""
    a = _doc("a", "There are 595 delegates at stake.", "2020-03-01")
    b = _doc("b", "In all, 691 delegates are up for grabs.", "2020-03-02")
    annots = [_annot(a, figures=(_counted(a, "595", 595, "delegates"),)),
              _annot(b, figures=(_counted(b, "691", 691, "delegates"),))]
    assert _figure_pairs_of([a, b], annots) == []


def test_a_figure_naming_someone_does_not_conflict_with_one_naming_no_one():
    a = _doc("a", "Ana Reyes won 52 percent of the vote.", "2020-03-01")
    b = _doc("b", "The measure passed with 61 percent of the vote.", "2020-03-02")
    c = _doc("c", "Reyes took 58 percent of the vote, officials said.", "2020-03-02")
    annots = [_annot(a, figures=(_fig(a, "52 percent", 52, "vote"),), mentions=(_named(a, "Ana Reyes", "e1"),)),
              _annot(b, figures=(_fig(b, "61 percent", 61, "vote"),)),
              _annot(c, figures=(_fig(c, "58 percent", 58, "vote"),), mentions=(_named(c, "Reyes", "e1"),))]
    assert _figure_pairs_of([a, b, c], annots) == [("52 percent", "58 percent")]


def test_an_increment_and_a_share_of_a_named_group_are_no_conflict():
    a = _doc("a", "Ana Reyes won 99 additional delegates.", "2020-03-15")
    b = _doc("b", "Ana Reyes won 66 additional delegates.", "2020-03-15")
    annots = [_annot(d, figures=(_counted(d, n, float(n), "additional delegates", "Reyes"),), mentions=(_named(d, "Ana Reyes", "e1"),))
              for d, n in ((a, "99"), (b, "66"))]
    assert _figure_pairs_of([a, b], annots) == []
    c = _doc("c", "Some 55 percent of Greens trust Ana Reyes.", "2020-03-15")
    d = _doc("d", "Some 75 percent of Greens trust Ana Reyes.", "2020-03-16")

    def share(doc: Document, number: str) -> Annotations:
        fig = _fig(doc, number, float(number.split()[0]), "Greens")
        at = doc.text.index("Greens")
        fig = Figure(fig.span, fig.text, fig.value, "percent", "Greens", about_span=Span(doc.id, at, at + 6))
        return _annot(doc, figures=(fig,), mentions=(_named(doc, "Greens", "greens", "NORP"), _named(doc, "Ana Reyes", "e1")))

    assert _figure_pairs_of([c, d], [share(c, "55 percent"), share(d, "75 percent")]) == []


def test_one_title_written_twice_is_no_title_conflict():
    """'President <Name>' on two pages is one office, even where the words before the second
    ('eight years as vice president for President <Name>') read as another office."""
    texts = {"a": "President Ann X spoke.", "b": "He spent eight years as vice president for President Ann X."}
    docs = [_doc(d, t, f"2019-01-1{i}") for i, (d, t) in enumerate(texts.items())]
    annots = [Annotations(d, mentions=(Mention(Span(d, t.index("Ann"), t.index("Ann") + 5), "Ann X", "PERSON",
                                               title="President", entity_id="p1"),))
              for d, t in texts.items()]
    assert find_conflicts(docs, annots, [], [Entity("p1", "Ann X", "person")]) == []


def test_a_gap_a_proportion_or_a_running_tally_is_no_competing_value():
    from dossier.extract.conflicts import _difference

    def fig(text: str, figure: str, unit: str | None = "delegates") -> bool:
        start = text.index(figure)
        return _difference(text, Figure(Span("a", start, start + len(figure)), figure, 1.0, unit, "delegates"))

    assert fig("Reyes led Ortiz by nearly 300 pledged delegates.", "300")
    assert fig("Her lead of roughly 270 delegates held.", "270")
    assert fig("Reyes is 71 delegates short of the number needed.", "71")
    assert fig("About four out of 10 voters agreed.", "10", None)
    assert fig("Reyes has won 100 delegates so far.", "100")
    assert fig("Her margin shrank to 8 percentage points.", "8", "percentage points")
    assert not fig("Reyes won 100 delegates in the state.", "100")
    assert not fig("The town was attacked by 30 gunmen.", "30", None)
    # and a pair of them is no conflict, where the same two plain amounts are
    a, aa = _fig_doc("a", "The Acme campaign led Brill by $66 million on ads.", "2016-09-01", "$66 million", "ads", "Acme")
    b, ab = _fig_doc("b", "The Acme campaign led Brill by $40 million on ads.", "2016-09-02", "$40 million", "ads", "Acme")
    assert find_conflicts([a, b], [aa, ab], [], []) == []
    c, ac = _fig_doc("c", "The Acme campaign spent $66 million on ads.", "2016-09-01", "$66 million", "ads", "Acme")
    d, ad = _fig_doc("d", "The Acme campaign spent $40 million on ads.", "2016-09-02", "$40 million", "ads", "Acme")
    assert len(find_conflicts([c, d], [ac, ad], [], [])) == 1
