"""The report reads like a brief: a readable timeline axis, how positions moved, roles over time."""

from __future__ import annotations

import re

import pytest

from dossier.query import Reader
from dossier.report import render_report, reports_by_source, stance_moves
from dossier.report.html import axis_segments, segment_widths, timeline_svg
from dossier.store import open_store
from tests.support.synthetic import build_store


def test_axis_breaks_around_a_lone_old_event() -> None:
    assert axis_segments([1959.5, 2015.2, 2019.8, 2020.1, 2023.5]) == [(1959, 1960), (2015, 2024)]
    assert axis_segments([2000.1, 2001.5, 2004.9]) == [(2000, 2005)]  # gaps of at most 4 years stay
    assert axis_segments([2019.1]) == [(2019, 2020)]


def test_segment_widths_keep_a_tiny_range_readable_and_fill_the_axis() -> None:
    assert segment_widths([(1959, 1960), (2015, 2024)], 800) == pytest.approx([80, 720])  # by years
    widths = segment_widths([(1959, 1960), (1990, 2024)], 800)  # 1/35 of 800 is too narrow: 64 px
    assert widths[0] == pytest.approx(64) and widths[1] == pytest.approx(736)
    assert segment_widths([(2000, 2002), (2010, 2012)], 500) == [250.0, 250.0]


def _ev(date: str, status: str = "happened") -> dict:
    return {"date": date, "status": status, "kind": "talks", "summary": "A – B talks"}


def test_chart_gives_the_dense_years_most_of_the_width() -> None:
    svg = str(timeline_svg([_ev("1959"), _ev("2019-11-06"), _ev("2020-02"), _ev("2023-07-13", "planned")],
                           lambda e: None, width=920))
    assert "axis-break" in svg and "no events 1960–2014" not in svg and "no events 1960–2018" in svg
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)" cy="\d+" r="6" class="ev \w+"><title>', svg)]
    assert len(xs) == 4
    old, nov19, feb20 = sorted(xs)[:3]
    assert old < 40 + 830 / 6  # the old event sits in its own narrow range at the left
    assert feb20 - nov19 > 25  # three months of the dense range get real width (3 px on a 1959-2024 axis)
    labels = re.findall(r'class="tick-label">(\d{4})<', svg)
    assert labels[0] == "1959" and "1960" not in labels and labels[1] == "2019"


def test_chart_without_gaps_has_no_break() -> None:
    svg = str(timeline_svg([_ev("2019-01-22"), _ev("2019-02-16"), _ev("2020-01")], lambda e: None))
    assert "axis-break" not in svg


def test_stance_moves_say_when_each_stance_was_held() -> None:
    runs = [{"stance": "demand", "count": 1, "first_date": "2019-11", "last_date": "2019-11"},
            {"stance": "refusal", "count": 2, "first_date": "2021-07", "last_date": "2022-02"},
            {"stance": "aim", "count": 1, "first_date": None, "last_date": None}]
    assert stance_moves(runs) == [{"stance": "demand", "when": "2019-11", "count": 1},
                                  {"stance": "refusal", "when": "2021-07 to 2022-02", "count": 2},
                                  {"stance": "aim", "when": "undated", "count": 1}]


def test_reports_group_sentences_by_page_in_publication_order() -> None:
    src = [{"doc": "b", "outlet": "Later Post", "published": "2020-02-28", "href": "#s-b-1", "sentence": "x"},
           {"doc": "a", "outlet": "Early Times", "published": "2019-11-01", "href": "#s-a-0", "sentence": "y"},
           {"doc": "a", "outlet": "Early Times", "published": "2019-11-01", "href": "#s-a-9", "sentence": "z"},
           {"doc": "c", "outlet": "No Link", "published": None, "href": None}]
    pages = reports_by_source(src)
    assert [p["outlet"] for p in pages] == ["Early Times", "Later Post"]
    assert [l["href"] for l in pages[0]["links"]] == ["#s-a-0", "#s-a-9"]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    store = open_store(build_store(tmp_path_factory.mktemp("brief") / "s.db"))
    try:
        return render_report(Reader(store), title="Test dossier")
    finally:
        store.close()


def test_positions_section_shows_the_moves_then_the_linked_statements(report: str) -> None:
    section = report[report.index('<section id="positions">'):report.index('<section id="figures">')]
    assert '<p class="moves">' in section and '<span class="stance">refusal</span>' in section
    assert "the sovereignty of the islands was not negotiable" in section
    assert re.search(r'<a href="#s-[^"]+">\[source\]</a>', section)


def test_timeline_rows_show_status_and_who_reported_them(report: str) -> None:
    section = report[report.index('<section id="timeline">'):report.index('<section id="people">')]
    assert 'class="ev-held"' in section and 'class="ev-planned"' in section
    assert "1 held, 1 planned or possible" in section
    assert re.search(r'<td class="reports"><span class="report"><a href="#s-[^"]+" title="[^"]*">[^<]+, \d{4}-\d{2}-\d{2}</a>',
                     section)


def test_a_government_is_shown_by_its_countrys_name_once() -> None:
    from dossier.model import Entity, Event
    from dossier.query import views

    r = Reader(store=None)  # type: ignore[arg-type]
    r.__dict__["entities_by_id"] = {
        "c": Entity(id="c", name="Norland", type="place"),
        "g": Entity(id="g", name="Government of Norland", type="gov", government_of="c"),
        "o": Entity(id="o", name="Government of Elsewhere", type="gov", government_of="missing"),
    }
    r.__dict__["docs"] = {}
    assert r.entity_name("g") == "Norland" and r.entity_name("c") == "Norland"
    assert r.entity_name("o") == "Government of Elsewhere"  # no country entity to name it by
    ev = Event(id="e", kind="talks", summary="Norland talks", mentions=(), participants=("g", "c", "o"))
    row = views.event_row(r, ev)
    assert row["participants"] == ["Norland", "Government of Elsewhere"]
    assert row["participant_ids"] == ["g", "c", "o"]
