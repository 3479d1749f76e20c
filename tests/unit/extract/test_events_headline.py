"""The headline states the page's lead event (events_headline), and a person dies once (merge)."""

from __future__ import annotations

import dataclasses

from test_events_support import make_doc, with_events

from dossier.extract.events_headline import can_stand_alone, headline_kinds, headline_names, title_words
from dossier.extract.events_rank import salience
from dossier.model import Event, Evidence, Mention, Span


def _titled(nlp, title: str, text: str, published: str | None = "2013-05-02"):
    doc = dataclasses.replace(make_doc(text, published), title=title)
    return doc, list(with_events(doc, nlp).events)


def test_headline_present_tense_is_the_news_and_to_verb_the_future():
    assert headline_kinds(title_words("Acme Buys Widgetco")) == {"deal": False}
    assert headline_kinds(title_words("Acme to Buy Widgetco")) == {"deal": True}


def test_headline_names_take_a_surname_alone_and_drop_parts_of_longer_names():
    def m(text: str, label: str = "PERSON") -> Mention:
        return Mention(text=text, label=label, span=Span("d", 0, len(text)))

    got = headline_names(title_words("Doe Checks Into Rehab"), [m("Jane Doe"), m("Doe"), m("Malibu", "GPE")])
    assert got == ["Jane Doe"]


def test_a_headline_kind_stands_alone_only_when_its_words_say_enough():
    assert can_stand_alone("health", title_words("Jane Doe Checks Into Rehab"), ["Jane Doe"])
    assert not can_stand_alone("health", title_words("Jane Doe Checks Out Early"), ["Jane Doe"])
    assert not can_stand_alone("talks", title_words("Jane Doe Talks Tough"), ["Jane Doe"])
    assert not can_stand_alone("health", title_words("Star Checks Into Rehab"), [])


def test_headline_names_and_dates_the_lead_event_its_sentence_left_unnamed(nlp):
    text = ("The actress checked into a rehab clinic in Malibu, her publicist said.\n\n"
            "Jane Doe had been filming a comedy in Canada for most of the spring.")
    doc, evs = _titled(nlp, "Jane Doe Checks Into Rehab", text)
    ev = next(e for e in evs if e.kind == "health")
    rules = {e.rule for e in ev.evidence}
    assert "scope:headline" in rules and "scope:lead" in rules
    assert "Jane Doe" in ev.participants, ev.participants
    assert (ev.date, ev.precision) == ("2013-05-02", "day")
    _doc, plain = _titled(nlp, "", text)
    assert not any(e.rule == "scope:headline" for p in plain for e in p.evidence)


def test_an_event_only_the_headline_states_is_found_and_cites_the_lead(nlp):
    text = ("Jane Doe has left the hospital in Los Angeles, a spokesman for the family said on Thursday.\n\n"
            "Doe was seen leaving with her mother and two friends late in the afternoon.")
    doc, evs = _titled(nlp, "Jane Doe Checks Into Rehab", text)
    ev = next(e for e in evs if e.kind == "health")
    assert ev.summary == "Jane Doe Checks Into Rehab"
    assert ev.participants == ("Jane Doe",) and ev.status == "happened"
    assert ev.mentions[0].start == 0 and ev.date == "2013-05-02"


def test_a_headline_event_ranks_above_the_same_event_told_in_the_lead_alone():
    base = Event(id="e", kind="deal", summary="Acme buys Widgetco", mentions=(Span("d", 0, 10),),
                 participants=("Acme",), date=None, precision="none", status="happened", confidence=0.6,
                 evidence=(Evidence(rule="scope:lead", text=""),))
    marked = dataclasses.replace(base, evidence=(*base.evidence, Evidence(rule="scope:headline", text="t")))
    assert salience(marked) > salience(base)


def test_one_persons_death_reported_by_undated_pages_is_one_event(nlp):
    from dossier.extract.events import merge_events

    docs = [make_doc("Jane Doe died at her home in Beverly Hills, her family said.", None, doc_id="a"),
            make_doc("Actress Jane Doe has died at the age of 91, her agent told reporters.", None, doc_id="b")]
    ann = [with_events(d, nlp) for d in docs]
    assert all(any(e.kind == "death" for e in a.events) for a in ann), [a.events for a in ann]
    deaths = [e for e in merge_events(docs, ann) if e.kind == "death"]
    assert len(deaths) == 1, [(e.summary, e.mentions) for e in deaths]
    other = make_doc("John Roe died at his home in Boston on the coast, his family told reporters.", None, doc_id="c")
    deaths = [e for e in merge_events([*docs, other], [*ann, with_events(other, nlp)]) if e.kind == "death"]
    assert len(deaths) == 2
