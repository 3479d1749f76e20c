"""The example story's timeline end to end: ``dossier build`` with the dates the dating stage finds
(no hand-set dates), checked against the answer key in examples/gerd/README.md.

This is what ``make demo`` shows: page 10 has no date of its own ("on Thursday", "this week") and
must be dated from the Cairo meeting it shares with page 09; the meeting must be one event.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def built(gerd_store):
    docs = {Path(d.source).name[:2]: d for d in gerd_store.documents()}
    events = list(gerd_store.corpus().events)
    prefix = {d.id: k for k, d in docs.items()}
    return docs, events, prefix


def _files(ev, prefix):
    return {prefix[s.doc_id] for s in ev.mentions}



def test_cairo_meeting_is_one_event_from_09_and_10(built):
    docs, events, prefix = built
    hits = [e for e in events if e.date == "2023-07-13"]
    assert len(hits) == 1, [(e.summary, e.date) for e in events]
    ev = hits[0]
    assert {"09", "10"} <= _files(ev, prefix)
    assert (ev.kind, ev.place, ev.status) == ("meeting", "Cairo", "happened")
    assert "Sisi" in ev.summary and "Abiy" in ev.summary and ev.summary.endswith("in Cairo")  # headline: who met where


def test_page_10_is_dated_from_the_meeting_it_shares_with_09(built, gerd_true_dates):
    docs, _, _ = built
    pub = docs["10"].published
    assert pub.value == gerd_true_dates["10"][:7] and pub.precision == "month", pub
    assert 0.4 <= pub.confidence <= 0.75, pub
    shared = [line for line in pub.evidence if line.startswith("shares event")]
    assert any("in Cairo" in line and "2023-07-13" in line and "09-cairo-summit" in line
               for line in shared), pub.evidence


def test_no_other_sisi_abiy_event_in_2023(built):
    """11's "talks that Sisi and Abiy had launched in July with the promise of a deal" is the Cairo
    meeting, not a "launch" row, and the promised deal is no event of December."""
    _, events, prefix = built
    pair = [e for e in events if (e.date or "").startswith("2023") and "Sisi" in e.summary and "Abiy" in e.summary]
    assert [e.date for e in pair] == ["2023-07-13"], [(e.summary, e.date) for e in pair]
    assert "11" in _files(pair[0], prefix)
    assert not [e for e in events if e.kind == "launch"]


def test_washington_talks_of_2019_11_06_planned_in_03_held_in_04(built):
    _, events, prefix = built
    hits = [e for e in events if e.date == "2019-11-06"]
    assert len(hits) == 1, [(e.summary, e.date) for e in hits]
    ev = hits[0]
    assert ev.place == "Washington" and ev.status == "happened"
    assert {"03", "04"} <= _files(ev, prefix)


def test_video_summit_of_2020_07_21_holds_what_the_leaders_agreed_there(built):
    """06: "a video summit on Tuesday chaired by Ramaphosa. The leaders of Egypt, Ethiopia and Sudan
    agreed there to keep negotiating": one summit; "until a deal was signed" is no event."""
    _, events, prefix = built
    july = [e for e in events if (e.date or "").startswith("2020-07")]
    assert len(july) == 1, [(e.summary, e.date) for e in july]
    ev = july[0]
    assert ev.date == "2020-07-21" and ev.kind == "summit"
    assert "Ramaphosa" in ev.summary and "summit" in ev.summary.lower()  # named by the summit's own sentence
    assert len({s.start for s in ev.mentions}) == 2  # the summit sentence and the "agreed there" one


def test_every_event_names_an_actor_or_a_place(built):
    _, events, _ = built
    assert 8 <= len(events) <= 20, [(e.summary, e.date) for e in events]
    for e in events:
        assert e.participants or e.place, (e.summary, e.date)
