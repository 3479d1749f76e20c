"""The incremental corpus step's parts: when it falls back to a full step, near duplicates from
stored sketches, and folding new entities, events and positions into stored ones."""

from __future__ import annotations

import dataclasses
import random

from dossier.clean.duplicates import add_duplicates, find_duplicates
from dossier.corpus.fold import fold_entities, fold_events, fold_positions, issue_terms, issue_terms_by_size
from dossier.corpus.incremental import Index, decode_index, encode_index, plan
from dossier.model import Document, Entity, Event, Evidence, Position, PublicationDate, Refused, Span

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma".split()


def _doc(i: str, text: str) -> Document:
    return Document(id=i, source=f"{i}.txt", text=text, published=PublicationDate(None, "none", 0.0))


def test_plan_folds_a_few_new_pages_and_says_why_otherwise():
    index = Index("s", frozenset(f"d{i}" for i in range(20)))
    kept = [f"d{i}" for i in range(21)]
    assert plan(index, "s", kept) is None
    assert "no earlier" in (plan(None, "s", kept) or "")
    assert "configuration" in (plan(index, "other", kept) or "")
    assert "mapped again" in (plan(index, "s", kept, refreshed=True) or "")
    assert "gone" in (plan(index, "s", kept[1:]) or "")
    assert "no new pages" in (plan(index, "s", kept[:20]) or "")
    assert "over 10%" in (plan(index, "s", kept + [f"n{i}" for i in range(5)]) or "")


def test_the_index_survives_the_store_and_a_damaged_one_is_no_index():
    index = Index("s", frozenset({"a", "b"}))
    assert decode_index(encode_index(index)) == index
    words = Index("s", frozenset({"a"}), Refused(frozenset({"PAC"}), (("Super", "Tuesday"),)))
    assert decode_index(encode_index(words)) == words
    # version 3 kept no refused words: read as no index, so the next step is a full one
    assert decode_index('{"version": 3, "stamp": "s", "seen": ["a"]}') is None
    assert decode_index("{not json") is None
    assert decode_index('{"version": 0}') is None
    # version 1 held every page's sketch: read as no index, so the next step is a full one (which
    # fills the store's sketch tables)
    assert decode_index('{"version": 1, "stamp": "s", "seen": ["a"], "sketches": {}}') is None


def test_new_pages_get_the_duplicates_a_full_scan_gives():
    rng = random.Random(7)
    texts = [" ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(120)) for _ in range(12)]
    stored = [_doc(f"s{i}", t) for i, t in enumerate(texts)]
    stored.append(_doc("s_copy", texts[3]))  # an exact copy among the stored pages
    near = texts[5].split()
    new = [_doc("n_near", " ".join(near[:-2] + ["omega", "omega"])), _doc("n_exact", texts[7]),
           _doc("n_fresh", " ".join(rng.choice(WORDS) for _ in range(150)))]
    sketches: dict = {}
    full_stored = find_duplicates(stored, sketches=sketches)
    stored = [dataclasses.replace(d, duplicate_of=full_stored.get(d.id)) for d in stored]
    heads = [dataclasses.replace(d, text="") for d in stored]  # as the incremental step reads them
    asked: list[str] = []

    def text_of(i: str) -> str:
        asked.append(i)
        return next(d.text for d in stored if d.id == i)

    light = add_duplicates(heads, new, dict(sketches), text_of=text_of, sizes={d.id: len(d.text) for d in stored})
    found = add_duplicates(stored, new, sketches)
    full = find_duplicates(stored + new)
    assert found == {i: full[i] for i in ("n_near", "n_exact")} == {"n_near": "s5", "n_exact": "s7"}
    assert set(sketches) >= {d.id for d in new}
    assert light == found and asked == ["s5"]  # only the near duplicate's candidate text is read


def test_a_new_page_that_is_the_better_copy_asks_for_a_full_step():
    text = " ".join(f"w{i}" for i in range(100))
    stored = [_doc("s", text)]
    sketches: dict = {}
    find_duplicates(stored, sketches=sketches)
    assert add_duplicates(stored, [_doc("n", text + " and a longer ending of the same story here")], sketches) is None
    head = dataclasses.replace(stored[0], text="")  # read without its text: its length decides
    assert add_duplicates([head], [_doc("n", text + " and more")], dict(sketches), text_of=lambda i: text,
                          sizes={"s": len(text)}) is None
    assert add_duplicates([head], [_doc("n", text + " and more")], dict(sketches), text_of=lambda i: text,
                          sizes={"s": len(text) + 100}) == {"n": "s"}


def _person(i: str, name: str, aliases: tuple[str, ...] = (), mentions: int = 3) -> Entity:
    return Entity(id=i, name=name, type="person", aliases=aliases, mentions=mentions, docs=("d1",))


def test_new_entities_join_stored_ones_by_name_and_a_lone_surname_by_its_only_namesake():
    stored = [_person("e_smith", "Anna Smith", ("Smith",)), _person("e_jones", "Bo Jones"),
              Entity(id="e_acme", name="Acme Corp", type="org", aliases=("Acme",), mentions=2, docs=("d1",))]
    found = [_person("x1", "anna smith", mentions=1), _person("x2", "Jones", mentions=2),
             Entity(id="x3", name="Acme", type="place", mentions=1, docs=("d9",)),
             _person("x4", "Carl Brown", mentions=1)]
    entities, ids = fold_entities(stored, found)
    assert ids == {"x1": "e_smith", "x2": "e_jones", "x3": "e_acme", "x4": "x4"}
    assert entities["e_jones"].mentions == 5 and entities["e_jones"].aliases == ("Jones",)
    assert entities["e_acme"].docs == ("d1", "d9") and entities["e_acme"].type == "org"
    assert "x4" in entities


def test_a_surname_two_stored_people_bear_stays_apart():
    stored = [_person("e_a", "Anna Smith"), _person("e_b", "Ben Smith")]
    _, ids = fold_entities(stored, [_person("x", "Smith", mentions=1)])
    assert ids == {"x": "x"}


def _event(i: str, kind: str, date: str | None, actors: tuple[str, ...], doc: str, place: str | None = None) -> Event:
    return Event(id=i, kind=kind, summary=kind, mentions=(Span(doc, 0, 5),), participants=actors, place=place,
                 date=date, precision="day" if date and len(date) == 10 else "month" if date else "none",
                 evidence=(Evidence(rule="merge:reports", text="1 mentions in 1 documents"),))


def test_a_new_report_joins_the_stored_event_it_fits_and_others_stay_apart():
    stored = [_event("ev1", "meeting", "2020-05-04", ("e_a", "e_b"), "d1"),
              _event("ev2", "meeting", "2020-05-04", ("e_c", "e_d"), "d2")]
    found = [_event("n1", "meeting", "2020-05", ("e_a", "e_b"), "d9"),  # a containing date, same actors
             _event("n2", "meeting", "2021-01-01", ("e_a", "e_b"), "d9"),  # another date
             _event("n3", "meeting", "2020-05-04", ("e_a", "e_x"), "d9")]  # one actor of two shared
    events, touched = fold_events(stored, found)
    assert touched == {"ev1"}
    ev1 = next(e for e in events if e.id == "ev1")
    assert {s.doc_id for s in ev1.mentions} == {"d1", "d9"} and ev1.date == "2020-05-04"
    assert ev1.evidence[-1].text == "2 mentions in 2 documents"
    assert {e.id for e in events} == {"ev1", "ev2", "n2", "n3"}


def test_the_stored_events_read_by_blocking_key_fold_as_all_of_them_would():
    # Store.events_near reads only the stored events a found one may join: folding into those
    # changes and adds the same events as folding into all of them
    from dossier.store.base import events_near
    from dossier.store.rows import dumps

    rng = random.Random(16)
    actors = [*(f"e_{c}" for c in "abcdef"), "name:Anna Lee", "name:Lee", "name:A. Lee", "name:Bo Ek"]
    dates = [None, "2020", "2020-05", "2020-05-04", "2020-05-05", "2020-06", "2021-01-02"]

    def event(i: str, doc: str) -> Event:
        e = _event(i, rng.choice(["meeting", "talks", "vote"]), rng.choice(dates),
                   tuple(rng.sample(actors, rng.randint(0, 2))), doc, rng.choice([None, "Paris", "Rome"]))
        if rng.random() < 0.2:
            e = dataclasses.replace(e, evidence=(*e.evidence, Evidence(rule="event:name", text="the summit")))
        if e.date is None and rng.random() < 0.6:  # undated: the page month kept as the merge hint
            e = dataclasses.replace(e, evidence=(*e.evidence, Evidence(rule="date:document", text=rng.choice(dates[2:4]))))
        return e

    stored = sorted((event(f"s{i:02}", f"d{i % 7}") for i in range(80)), key=lambda e: (e.date is None, e.date or "", e.id))
    rows = [(dumps(e),) for e in stored]
    kept = set(stored)
    for trial in range(40):
        found = [event(f"n{trial}-{k}", "d9") for k in range(rng.randint(1, 4))]
        near = events_near(lambda sql, params: rows, found)
        assert len(near) < len(stored)
        whole, touched = fold_events(stored, found)
        part, touched_part = fold_events(near, found)
        assert touched == touched_part
        assert [e for e in whole if e not in kept] == [e for e in part if e not in kept]


def test_undated_events_fold_by_their_page_month_hint_as_the_merge_did():
    hinted = [dataclasses.replace(_event(i, "meeting", None, ("e_a", "e_b"), d),
                                  evidence=(Evidence(rule="date:document", text=month),))
              for i, d, month in (("ev1", "d1", "2020-05"), ("n1", "d9", "2020-05"), ("n2", "d8", "2021-01"))]
    events, touched = fold_events(hinted[:1], hinted[1:])
    assert touched == {"ev1"}  # the same page month: one event; a page of another year: apart
    assert {e.id for e in events} == {"ev1", "n2"}
    assert all(e.date is None for e in events)


def _position(actor: str, issue: str, doc: str, start: int) -> Position:
    return Position(actor=actor, actor_label=None, issue=issue, stance="support", statement="s",
                    span=Span(doc, start, start + 1), date=None, confidence=0.5)


def test_a_new_issue_of_a_stored_issue_term_takes_its_name():
    stored = [_position("e_a", "water dam", "d1", 0), _position("e_a", "water dam", "d2", 0)]
    known = issue_terms(stored)
    assert known == {"dam": "water dam"}
    rows = fold_positions(stored, [_position("e_b", "dam", "d9", 0), _position("e_b", "other", "d9", 5)],
                          {"e_a": "Anna", "e_b": "Ben"}, known)
    assert [(p.actor, p.issue) for p in rows] == [("e_a", "water dam")] * 2 + [("e_b", "water dam"), ("e_b", "other")]


def test_stored_issues_counted_by_the_store_give_a_head_term_to_the_larger_issue():
    # the store counts each issue's positions; no position is read
    assert issue_terms_by_size({"water dam": 5, "dam": 2, "other": 9}) == {"dam": "water dam"}
    assert issue_terms_by_size({"water dam": 2, "dam": 5}) == {"dam": "dam"}
    assert issue_terms_by_size({"water dam": 3, "dam": 3}) == {"dam": "dam"}  # a tie: the first by name
    assert issue_terms([_position("e_a", "dam", "d1", 0), _position("e_b", "water dam", "d1", 5),
                        _position("e_b", "water dam", "d2", 5)]) == {"dam": "water dam"}


def test_a_page_taken_out_leaves_what_the_other_pages_gave():
    from dossier.corpus.fold import unfold
    from dossier.corpus.state import Corpus
    from dossier.model import Annotations, CorpusFigure, Mention, Role

    smith = Entity(id="e_s", name="Anna Smith", type="person", mentions=5, docs=("d1", "d2"),
                   roles=(Role("minister", evidence=(Span("d1", 0, 3), Span("d2", 0, 3))), Role("mayor", evidence=(Span("d2", 9, 12),))))
    only_d2 = Entity(id="e_o", name="Bo", type="person", mentions=1, docs=("d2",))
    ev = _event("ev1", "meeting", "2020-05-04", ("e_s",), "d1")
    ev = dataclasses.replace(ev, mentions=(Span("d1", 0, 5), Span("d2", 0, 5)))
    corpus = Corpus({}, {}, entities={"e_s": smith, "e_o": only_d2},
                    events=(ev, _event("ev2", "talks", None, ("e_o",), "d2")),
                    positions=(_position("e_s", "dam", "d1", 0), _position("e_s", "dam", "d2", 0)),
                    figures=(CorpusFigure(1.0, Span("d2", 1, 2), "s"),))
    old = {"d2": Annotations("d2", mentions=(Mention(Span("d2", 0, 5), "Anna Smith", "PERSON", entity_id="e_s"),
                                             Mention(Span("d2", 6, 8), "Smith", "PERSON", entity_id="e_s"),
                                             Mention(Span("d2", 9, 11), "Bo", "PERSON", entity_id="e_o")))}
    out = unfold(corpus, old)
    assert set(out.entities) == {"e_s"} and out.entities["e_s"].mentions == 3 and out.entities["e_s"].docs == ("d1",)
    assert [r.title for r in out.entities["e_s"].roles] == ["minister"]
    assert [e.id for e in out.events] == ["ev1"] and out.events[0].mentions == (Span("d1", 0, 5),)
    assert [p.span.doc_id for p in out.positions] == ["d1"] and out.figures == ()


def test_folding_roles_keeps_the_stated_term_and_whether_it_is_past():
    from dossier.corpus.fold import _merge_roles
    from dossier.model import Role

    old = (Role("mayor", "Springfield", "2016-01", "2016-02", (Span("a", 0, 1),), start="2014"),)
    gone = _merge_roles(old, (Role("mayor", "Springfield", None, None, (Span("b", 0, 1),), end="2016-05", past=True),))
    assert [(r.start, r.end, r.past, r.first_seen, r.last_seen) for r in gone] == [("2014", "2016-05", True, "2016-01", "2016-02")]
    back = _merge_roles(gone, (Role("mayor", "Springfield", "2018-01", "2018-01", (Span("c", 0, 1),)),))
    assert [(r.past, r.last_seen) for r in back] == [(False, "2018-01")]
