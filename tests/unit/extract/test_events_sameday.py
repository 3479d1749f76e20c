"""One meeting in reports that date it differently ("on Thursday" on an undated page, "in July",
"agreed in Cairo on Thursday"), and mentions that are no event of their own (issue 5, items 3-4).

Merge and re-dating cases on hand-built events; parser cases on made-up sentences and names.
"""

from __future__ import annotations

import dataclasses

from test_events_merge import _ann, _doc, _event
from test_events_support import make_doc, with_events

from dossier.corpus.redate import redate_documents
from dossier.extract.events import merge_events
from dossier.model import PublicationDate

PAIR = ("Karl Brenner", "Lena Vogt")


def _undated(i: str):
    d = _doc(i, None)
    return dataclasses.replace(d, published=PublicationDate(None, "none", 0.1, ("no date",)))


def test_undated_weekday_meeting_joins_the_agreement_of_that_day():
    a, b = _doc("a", "2023-07-13"), _undated("b")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")  # a Thursday
    met = _event("b", 40, "meeting", PAIR[::-1], None, None, partial="Thursday")
    (ev,) = merge_events([a, b], [_ann("a", agreed), _ann("b", met)])
    assert {s.doc_id for s in ev.mentions} == {"a", "b"}
    assert (ev.kind, ev.date, ev.place) == ("meeting", "2023-07-13", "Vienna")
    assert ev.summary == "Brenner – Vogt meeting in Vienna"


def test_another_weekday_or_a_second_candidate_keeps_them_apart():
    a, b = _doc("a", "2023-07-13"), _undated("b")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")
    met = _event("b", 40, "meeting", PAIR, None, None, partial="Wednesday")
    assert len(merge_events([a, b], [_ann("a", agreed), _ann("b", met)])) == 2
    other = _event("a", 90, "meeting", PAIR, "Graz", "2023-03-09")  # also a Thursday
    met = _event("b", 40, "meeting", PAIR, None, None, partial="Thursday")
    merged = merge_events([a, b], [_ann("a", agreed, other), _ann("b", met)])
    assert len(merged) == 3  # ambiguous: an undated page joins only an event that alone fits


def test_weekday_needs_both_actors():
    a, b = _doc("a", "2023-07-13"), _undated("b")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")
    met = _event("b", 40, "meeting", ("Karl Brenner", "Ola Berg"), None, None, partial="Thursday")
    assert len(merge_events([a, b], [_ann("a", agreed), _ann("b", met)])) == 2


def test_page_dated_to_the_month_keeps_its_weekday_meeting_in_the_event():
    """After re-dating, the mention is dated only by its page (2023-07) but keeps "Thursday"."""
    a, b = _doc("a", "2023-07-13"), _doc("b", "2023-07")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")
    met = _event("b", 40, "meeting", PAIR, None, "2023-07", soft=True, partial="Thursday")
    (ev,) = merge_events([a, b], [_ann("a", agreed), _ann("b", met)])
    assert ev.kind == "meeting" and {s.doc_id for s in ev.mentions} == {"a", "b"}


def test_talks_launched_that_month_join_the_agreement_of_the_day():
    a, c = _doc("a", "2023-07-13"), _doc("c", "2023-12-20")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")
    launched = _event("c", 0, "talks", PAIR, None, "2023-07")
    (ev,) = merge_events([a, c], [_ann("a", agreed), _ann("c", launched)])
    assert ev.kind == "meeting" and ev.date == "2023-07-13"
    alone = _event("c", 0, "talks", ("Karl Brenner",), None, "2023-07")  # one shared actor: no
    assert len(merge_events([a, c], [_ann("a", agreed), _ann("c", alone)])) == 2


def test_undated_page_is_dated_from_the_weekday_meeting():
    a, b = _doc("a", "2023-07-13"), _undated("b")
    agreed = _event("a", 0, "agreement", PAIR, "Vienna", "2023-07-13")
    met = _event("b", 40, "meeting", PAIR, None, None, partial="Thursday")
    anns = [_ann("a", agreed), _ann("b", met)]
    events = merge_events([a, b], anns)
    new = redate_documents([a, b], anns, events, own_month=lambda d: None)
    pub = new["b"]
    assert (pub.value, pub.precision) == ("2023-07", "month") and 0.4 <= pub.confidence <= 0.75
    assert any(line.startswith("shares event Brenner – Vogt meeting in Vienna dated 2023-07-13 by src-a")
               for line in pub.evidence), pub.evidence


# --- parser ---------------------------------------------------------------------------------------


def _events(nlp, text: str, published: str = "2023-12-20"):
    return list(with_events(make_doc(text, published), nlp).events)


def test_launching_talks_is_talks(nlp):
    text = ("Oslo said on Tuesday that the negotiations had ended, closing a round of talks that President "
            "Karl Brenner and Prime Minister Lena Vogt had launched in July.")
    kinds = {e.kind for e in _events(nlp, text)}
    assert "launch" not in kinds and "talks" in kinds


def test_a_promised_or_pending_deal_is_no_event(nlp):
    for text in ("Brenner and Vogt launched the talks in July with the promise of a deal within four months.",
                 "Norway and Sweden had hoped to prevent the filling until a deal was signed."):
        assert not [e for e in _events(nlp, text) if e.kind == "agreement"], text


def test_an_agreement_recalled_in_a_since_clause_is_only_support(nlp):
    text = ("The negotiators met in Oslo on Tuesday for the last time this year.\n\n"
            "The final meeting was the fourth since the two leaders agreed in Vienna to restart the process.")
    agreed = [e for e in _events(nlp, text) if e.kind == "agreement"]
    assert agreed and all(any(v.rule == "scope:support" for v in e.evidence) for e in agreed)


def test_agreed_there_joins_the_summit_of_the_previous_sentence(nlp):
    text = ("The announcement came a day after a video summit on Tuesday chaired by President Karl Brenner. "
            "The leaders of Norway, Sweden and Finland agreed there to keep negotiating.")
    evs = _events(nlp, text, "2020-07-22")
    assert len(evs) == 1, [(e.kind, e.summary) for e in evs]
    (ev,) = evs
    assert ev.kind == "summit" and ev.date == "2020-07-21" and len(ev.mentions) == 2
    assert {"Karl Brenner", "Norway", "Sweden", "Finland"} <= set(ev.participants)
    assert any(v.rule == "event:there" for v in ev.evidence)


def test_rounds_held_somewhere_are_talks_there_but_not_rounds_of_sanctions(nlp):
    (ev,) = [e for e in _events(nlp, "Earlier rounds took place in Vienna in late August.") if e.kind == "talks"]
    assert (ev.place, ev.date) == ("Vienna", "2023-08")
    assert not [e for e in _events(nlp, "Norway imposed a new round of sanctions on Sweden in May.")
                if e.kind == "talks"]


def test_who_played_no_part_is_no_participant(nlp):
    evs = _events(nlp, "Norway played almost no part in this year's rounds of talks in Vienna.")
    assert evs and all("Norway" not in e.participants for e in evs)


def test_a_meeting_of_ministers_in_a_city_is_held_there(nlp):
    (ev,) = [e for e in _events(nlp, "A meeting of foreign ministers in Vienna in April ended without a deal.",
                                "2021-07-09") if e.kind == "meeting"]
    assert ev.place == "Vienna" and ev.date == "2021-04"
