"""Salience: independent reports and lead news rank first; background ranks last."""

from __future__ import annotations

from dossier.extract.events_rank import main_events, salience
from dossier.model import Event, Evidence, Span


def _ev(eid: str, docs: int, rules: tuple[str, ...] = (), precision: str = "day") -> Event:
    spans = tuple(Span(f"d{i}", 0, 10) for i in range(docs))
    return Event(id=eid, kind="attack", summary=eid, mentions=spans, date="2020-01-01", precision=precision,  # type: ignore[arg-type]
                 confidence=0.7, evidence=tuple(Evidence(rule=r, text="") for r in rules))


def test_more_reports_and_lead_rank_higher_background_lower():
    many, lead, one, old = _ev("many", 3), _ev("lead", 1, ("scope:lead",)), _ev("one", 1), \
        _ev("old", 1, ("scope:background",), "year")
    assert salience(many) > salience(lead) > salience(one) > salience(old)


def test_main_events_keeps_the_most_salient_share():
    evs = [_ev(f"e{i}", 1) for i in range(40)] + [_ev("big", 5)]
    top = main_events(evs, share=0.1, minimum=3)
    assert len(top) == 4 and top[0].id == "big"
