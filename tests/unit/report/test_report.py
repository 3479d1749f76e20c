"""The single-file report: self-contained, complete, every anchor resolves, sources escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from dossier.query import Reader
from dossier.report import anchor_id, render_report
from dossier.report.html import Layer, date_to_year, highlight_snippet, mark_text
from dossier.store import open_store
from tests.support.synthetic import D1, D2, EVIL_ID, IMG, SCRIPT, TEXT1, build_store, sentence_span


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.marks: dict[str, str] = {}
        self._mark: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if "src" in a:
            self.srcs.append(a["src"])
        if tag == "mark":
            self._mark.append(a.get("id"))
            if a.get("id"):
                self.marks[a["id"]] = ""

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark:
            self._mark.pop()

    def handle_data(self, data):
        for mid in self._mark:
            if mid:
                self.marks[mid] += data


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    db = build_store(tmp_path_factory.mktemp("report") / "s.db")
    store = open_store(db)
    try:
        return render_report(Reader(store), title="Test dossier")
    finally:
        store.close()


@pytest.fixture(scope="module")
def parsed(report: str) -> _Collect:
    p = _Collect()
    p.feed(report)
    return p


def test_report_is_self_contained(report: str, parsed: _Collect) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert "<style>" in report and "<script>" in report and "<svg" in report
    external = [u for u in parsed.srcs + parsed.hrefs if re.match(r"^\s*(https?:)?//", u)]
    assert external == []
    assert not any(tag == "link" for tag, _ in parsed.tags)  # no external stylesheet or font
    assert "@import" not in report and "url(" not in report
    assert "@media print" in report


def test_report_has_every_section(parsed: _Collect, report: str) -> None:
    for section in ("overview", "timeline", "people", "positions", "figures", "conflicts", "sources"):
        assert section in parsed.ids
    assert "Test dossier" in report
    assert "Daily Planet" in report and "2018-11-14 to 2019-02-01" in report  # outlets and span of dates
    assert "Anna Berg" in report
    assert 'reported 2018-11-14..2019-01-22</span> Foreign Minister of Norland' in report  # her role over time
    assert "We will never give up our sovereignty over the islands," in report  # her quote
    assert "peace treaty" in report and "17 percent" in report and "20 percent" in report
    assert "Subscribe to our newsletter" not in report  # the sources are cited excerpts, not whole pages


def test_timeline_chart_draws_planned_and_held_differently(report: str) -> None:
    start = report.index('<svg class="timeline-chart"')
    chart = report[start : report.index("</svg>", start)]
    assert len(re.findall(r'class="ev held"><title>', chart)) == 1
    assert len(re.findall(r'class="ev planned"><title>', chart)) == 1
    assert ".ev.planned" in report and "stroke-dasharray" in report


def test_every_anchor_resolves_and_marks_its_sentence(parsed: _Collect) -> None:
    ids = set(parsed.ids)
    anchors = [h[1:] for h in parsed.hrefs if h.startswith("#")]
    assert anchors, "the report links to its sources"
    missing = [a for a in anchors if a not in ids]
    assert missing == []
    assert len(parsed.ids) == len(ids), "ids are unique"
    # the sentence the sovereignty position cites is highlighted in the source text
    s = sentence_span(D1, TEXT1, "not negotiable")
    target = anchor_id(D1, s.start)
    assert "#" + target in parsed.hrefs
    assert parsed.marks[target] == TEXT1[s.start : s.end]
    assert any(a.startswith(f"s-{D2}-") for a in anchors)


def test_source_payloads_are_escaped(report: str, parsed: _Collect) -> None:
    assert SCRIPT not in report and IMG not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "&lt;img src=x onerror=alert(1)&gt;" in report
    assert not any(tag == "img" for tag, _ in parsed.tags)
    assert sum(1 for tag, _ in parsed.tags if tag == "script") == 1  # only our own
    assert f"doc-{EVIL_ID}" in parsed.ids


def test_mark_text_nests_overlapping_layers_and_escapes() -> None:
    html = mark_text("a <b> c", [Layer(0, 5, "mark", "x", id="m1"), Layer(2, 7, "span", "y")])
    assert html == '<mark class="x" id="m1">a </mark><mark class="x"><span class="y">&lt;b&gt;</span></mark><span class="y"> c</span>'


def test_snippet_markers_become_marks_only_after_escaping() -> None:
    assert highlight_snippet("x [[<b>]] y [[z]]") == "x <mark>&lt;b&gt;</mark> y <mark>z</mark>"
    assert highlight_snippet("odd [[ marker") == "odd [[ marker"


def test_date_to_year_places_partial_dates() -> None:
    assert date_to_year("2018") == 2018.5
    assert date_to_year("2018-01") == pytest.approx(2018 + 14 / 365)
    assert date_to_year("2018-07-01") == pytest.approx(2018.5)
    assert date_to_year(None) is None and date_to_year("spring") is None


def test_excerpts_widen_by_a_sentence_and_merge() -> None:
    from dossier.report.excerpts import plan_windows, with_context

    sents = [(0, 10), (11, 20), (21, 30), (31, 40), (41, 50)]
    assert with_context([(21, 30)], sents) == [(11, 40)]
    assert with_context([(0, 10), (31, 40)], sents) == [(0, 50)]  # the windows touch: one excerpt
    assert with_context([(0, 10)], sents, context=0) == [(0, 10)]
    windows, context = plan_windows({"d": {(21, 30)}}, {"d": sents}, budget=15)
    assert context == 0 and windows == {"d": [(21, 30)]}  # over budget: the cited sentence alone


def test_month_groups_and_bars() -> None:
    from dossier.report.months import group_by_month, month_bars_svg, months_between

    events = [{"date": "2016-10-07"}, {"date": "2016-10"}, {"date": "2016-12-01"}, {"date": "2016"}, {"date": None}]
    groups = group_by_month(events)
    assert [(g["label"], len(g["events"])) for g in groups] == [
        ("October 2016", 2), ("December 2016", 1), ("2016, month unknown", 1), ("Undated", 1)]
    assert months_between("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]
    svg = str(month_bars_svg(events))
    assert svg.count('<rect') == 3 and 'href="#m-2016-10"' in svg and 'href="#m-2016-11"' not in svg


def test_a_report_over_its_byte_budget_shows_its_sources_without_context(tmp_path, monkeypatch) -> None:
    """The budget holds the whole file: over it, the report is rendered again with the sources as their
    cited sentences alone, and the smaller of the two is kept."""
    import dossier.report as rep

    assert rep.report_budget(10) == rep.REPORT_BYTES and rep.report_budget(1000) == 1000 * rep.REPORT_BYTES_PER_PAGE
    asked: list[int] = []
    real = rep._with_sources

    def spy(ctx, reader, cites, source_budget):
        asked.append(source_budget)
        return real(ctx, reader, cites, source_budget)

    monkeypatch.setattr(rep, "_with_sources", spy)
    store = open_store(build_store(tmp_path / "s.db"))
    try:
        full = rep.render_report(Reader(store), title="Test dossier")
        assert asked == [rep.SOURCE_BUDGET]  # within budget: rendered once
        monkeypatch.setattr(rep, "REPORT_BYTES", len(full.encode("utf-8")) - 1)
        small = rep.render_report(Reader(store), title="Test dossier")
    finally:
        store.close()
    assert asked[1:] == [rep.SOURCE_BUDGET, 0]
    assert len(small) <= len(full)
