"""Filters, paging and the overview's title parts: the pure pieces every listing shares."""

from __future__ import annotations

import pytest

from dossier.query import Reader
from dossier.query.filters import Filters, in_range
from dossier.query.overview import core_span, span_label
from dossier.query.paging import BadCursor, paginate
from dossier.store import open_store
from tests.support.synthetic import D1, D2, build_store


def test_dates_compare_on_the_shorter_precision() -> None:
    assert in_range("2018", "2018-05", "2018-12")
    assert not in_range("2017-12-31", "2018", None)
    assert not in_range(None, "2018", None) and in_range(None, None, None)
    assert Filters(outlet="", start="").on_documents is False


def test_pages_walk_the_whole_listing_once() -> None:
    items = list(range(7))
    seen, cursor = [], None
    while True:
        page = paginate(items, 3, cursor)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == items and page.total == 7
    with pytest.raises(BadCursor):
        paginate(items, 3, "x1")
    with pytest.raises(BadCursor):
        paginate(items, 0)


def test_core_span_ignores_a_stray_old_page() -> None:
    dates = ["2008", "2016-06-02"] + [f"2016-{m:02d}-10" for m in range(7, 12)] * 2
    assert core_span(dates) == ("2016-07-10", "2016-11-10")  # 80% of 12 dates: the two strays fall out
    assert core_span(["2008"] + dates[1:7]) == ("2008", "2016-11-10")  # under 10 dates none is a stray
    assert span_label(("2016-06-02", "2016-11-10")) == "Jun–Nov 2016"
    assert span_label(("2015-12-01", "2016-02-03")) == "Dec 2015–Feb 2016"
    assert span_label(("2014", "2017-03")) == "2014–2017"
    assert span_label(None) == "undated"


def test_search_filters_live_documents_by_outlet_and_date_in_sql(tmp_path) -> None:
    store = open_store(build_store(tmp_path / "s.db"))
    reader = Reader(store)
    every = {h.doc_id for h in reader.search("voters")}
    assert every == {D1, D2}  # the third document is not live
    assert {h.doc_id for h in reader.search("voters", filters=Filters(outlet="Morning Post"))} == {D2}
    assert {h.doc_id for h in reader.search("voters", filters=Filters(start="2018-11", end="2018"))} == {D1}
    assert {h.doc_id for h in reader.search("voters", filters=Filters(start="2019-01-22"))} == {D2}
    assert reader.search("voters", filters=Filters(end="2017")) == []
    store.close()


def test_the_reader_hides_the_events_the_extractor_calls_weak() -> None:
    from dossier.extract.events import DEFAULT_MIN_CONFIDENCE
    from dossier.query import MIN_EVENT_CONFIDENCE

    assert MIN_EVENT_CONFIDENCE == DEFAULT_MIN_CONFIDENCE


def test_reading_a_store_does_not_import_spacy(tmp_path) -> None:
    import subprocess
    import sys

    db = build_store(tmp_path / "s.db")
    code = ("import sys; from dossier.query import Reader; from dossier.query.overview import overview; "
            "from dossier.store import open_store; overview(Reader(open_store(sys.argv[1]))); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)


def test_figures_and_conflicts_filter_by_the_entities_their_sentence_names(tmp_path) -> None:
    """``entity`` keeps a figure or conflict whose sentence has a resolved mention of an entity the
    name may denote (not a substring of the text): one filter for every listing."""
    import dataclasses

    from dossier.model import Conflict, CorpusFigure
    from tests.support.synthetic import KLIND, TEXT1, corpus, sentence_span, span_of

    store = open_store(build_store(tmp_path / "s.db"))
    zone = CorpusFigure(1.0, span_of(D1, TEXT1, "joint"), sentence_span(D1, TEXT1, "joint").text_in(TEXT1))
    clash = Conflict("figure", "zone", ("one", "two"), (span_of(D1, TEXT1, "joint"), span_of(D1, TEXT1, "17 percent")))
    base = corpus()
    store.replace_corpus(dataclasses.replace(base, figures=base.figures + (zone,), conflicts=(clash,)))
    reader = Reader(store)
    for name in ("Karl Lind", KLIND, "Lind"):
        assert [f.value for f in reader.figures(Filters(entity=name))] == [1.0], name
        assert reader.conflicts(Filters(entity=name)) == [clash], name
    assert reader.figures(Filters(entity="Anna Berg")) == [] and reader.conflicts(Filters(entity="Anna Berg")) == []
    assert reader.figures(Filters(entity="voters")) == []  # words of the sentence are no entity
    store.close()


def test_timeline_takes_the_shared_filters_and_the_main_events(tmp_path) -> None:
    from dossier.extract.events_rank import main_events

    store = open_store(build_store(tmp_path / "s.db"))
    reader = Reader(store)
    every = reader.timeline()
    assert [e.id for e in reader.timeline(main=True)] == [e.id for e in every if e in main_events(every)]
    assert [e.date for e in reader.timeline(filters=Filters(start="2019"))] == ["2019-03"]
    assert reader.timeline(filters=Filters(entity="Anna Berg")) == reader.timeline("Anna Berg")
    assert reader.timeline(filters=Filters(outlet="No Such Outlet")) == []
    store.close()
