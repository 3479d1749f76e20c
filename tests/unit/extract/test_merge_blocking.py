"""Blocking gives the same corpus results as comparing everything with everything.

Event merging (``events_blocks.Blocks``) and figure conflicts (``conflicts._figure_pairs``) test
only the candidates their indexes give. These tests build random but seeded corpora that exercise
every way two reports can meet (shared actors, name spellings, dates that contain each other,
page-dated and undated reports, places and capitals, weekdays, leads, named documents, support
mentions) and compare the blocked result with the exhaustive one.
"""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from test_events_merge import _ann, _doc

from dossier.extract import conflicts as conflicts_mod
from dossier.extract import events_blocks
from dossier.extract.events import merge_events
from dossier.model import Annotations, Document, Event, Evidence, Figure, Mention, Span, to_dict

KINDS = ("meeting", "talks", "summit", "visit", "call", "agreement", "declaration", "protest", "attack")
PEOPLE = ("Sergei Ivanov", "Sergey Ivanov", "Anna Smith", "John Smith", "John Smith Jr.", "Maria Lopez",
          "Lopez", "Paul Brenner", "Ana Maria Silva", "Ana Maria")
PLACES = (None, None, "Paris", "France", "Moscow", "Russia", "Vienna", "Geneva")
DATES = (None, None, "2019", "2019-01", "2019-01-22", "2019-01-24", "2019-02", "2019-02-14", "2018-12-30")
PAGE_DATES = ("2019-01-20", "2019-01-25", "2019-02-16", "2019-03-01", None)
# months apart, so the time index (``Blocks.by_key_time``) leaves events out: a window one day too
# short, a page date or a coarse date not filed, would change the result
FAR_DATES = (None, None, "2019", "2019-01", "2019-01-22", "2019-03-24", "2019-04", "2019-05-14", "2018-10-30",
             "2019-03-23", "2018", "2019-07-02")
FAR_PAGE_DATES = ("2019-01-20", "2019-03-25", "2019-05-16", "2019-07-01", "2018-11-02", "2019-03-24", None)


def _report(rng: random.Random, doc_id: str, start: int, page_date: str | None,
            dates: tuple[str | None, ...] = DATES) -> Event:
    kind = rng.choice(KINDS)
    who = tuple(rng.sample(PEOPLE, rng.choice((0, 1, 2, 2, 3))))
    date = rng.choice(dates)
    status = rng.choice(("happened", "happened", "planned", "denied"))
    span = Span(doc_id, start, start + 5)
    ev = [Evidence(rule=f"event:{kind}", text=kind, span=span)]
    soft = date is None and page_date is not None and rng.random() < 0.6
    if soft:  # undated, the page month kept as the merge hint
        ev.append(Evidence(rule="date:document", text=page_date or ""))
    elif date is None and rng.random() < 0.5:
        ev.append(Evidence(rule="date:unresolved", text=rng.choice(("XXXX-01-22", "XXXX-02", "on Thursday", "on Tuesday")),
                           span=span))
    for rule, p in (("scope:lead", 0.3), ("scope:support", 0.25)):
        if rng.random() < p:
            ev.append(Evidence(rule=rule, text=""))
    if rng.random() < 0.05:
        ev.append(Evidence(rule="event:name", text="declaration of principles"))
    return Event(id=f"{doc_id}-{start}", kind=kind, summary=kind, mentions=(Span(doc_id, start, start + 40),),
                 participants=who, place=rng.choice(PLACES), date=date,
                 precision={10: "day", 7: "month", 4: "year"}.get(len(date or ""), "none"),  # type: ignore[arg-type]
                 status=status, evidence=tuple(ev))  # type: ignore[arg-type]


def _corpus(seed: int, pages: int = 60, far: bool = False) -> tuple[list[Document], list[Annotations]]:
    rng = random.Random(seed)
    docs, annots = [], []
    for p in range(pages):
        doc_id = f"d{p:03d}"
        docs.append(_doc(doc_id, rng.choice(FAR_PAGE_DATES if far else PAGE_DATES)))
        events = tuple(_report(rng, doc_id, 50 * k, docs[-1].published.value, FAR_DATES if far else DATES)
                       for k in range(rng.randint(1, 4)))
        names = {n for e in events for n in e.participants}
        # most names resolved to an entity (one id per spelling group), some left as bare names
        mentions = tuple(Mention(Span(doc_id, 0, 3), n, "PERSON", entity_id=f"e-{n.split()[-1].lower()}")
                         for n in sorted(names) if rng.random() < 0.7)
        annots.append(_ann(doc_id, *events, mentions=mentions))
    return docs, annots


def _exhaustive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every cluster a candidate: the merge before blocking."""
    seen: dict[int, int] = {}
    add = events_blocks.Blocks.add

    def add_all(self: events_blocks.Blocks, cluster: int, it: events_blocks.Report, doc: str) -> None:
        seen[id(self)] = max(seen.get(id(self), 0), cluster + 1)
        add(self, cluster, it, doc)

    monkeypatch.setattr(events_blocks.Blocks, "add", add_all)
    monkeypatch.setattr(events_blocks.Blocks, "candidates", lambda self, it, doc, reach="any": set(range(seen.get(id(self), 0))))


def _entity_of(m: Mention) -> str | None:
    return m.entity_id


@pytest.mark.parametrize(("seed", "far"), [(s, False) for s in range(12)] + [(s, True) for s in range(12)])
def test_blocked_event_merge_equals_exhaustive(seed: int, far: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, annots = _corpus(seed, 120 if far else 60, far)
    blocked = [[to_dict(e) for e in merge_events(docs, annots, f)] for f in (_entity_of, None)]
    reports = sum(len(a.events) for a in annots)
    assert all(len(b) < reports for b in blocked)  # some reports merged: the comparison has teeth
    _exhaustive(monkeypatch)
    every = [[to_dict(e) for e in merge_events(docs, annots, f)] for f in (_entity_of, None)]
    assert blocked == every


def _figure_corpus(seed: int) -> tuple[list[Document], list[Annotations]]:
    rng = random.Random(seed)
    abouts = ("voters", "voter", "registered voters", "turbine", "turbines", "first turbine", "capacity",
              "combined capacity", "people", "dollars", "supporterz", "supporters")
    units = ("percent", None, "MW", "GW", "people", "dollars")
    docs, annots = [], []
    for p in range(40):
        doc_id = f"f{p:03d}"
        parts, figs = [], []
        for k in range(rng.randint(1, 4)):
            value = rng.choice((0.0, 1.0, 9.5, 10.0, 17.0, 27.0, 100.0, 750.0, 0.75, 3000.0, 3500.0, 1e6))
            word = rng.choice(("", "more than ", "about ", "rose to ", "a poll put it at "))
            text = f"{word}{value:g} units"
            offset = sum(len(x) + 2 for x in parts) + len(word)
            parts.append(text)
            figs.append(Figure(Span(doc_id, offset, offset + len(text) - len(word)), text[len(word):], value,
                               unit=rng.choice(units), about=rng.choice(abouts)))
        body = ". ".join(parts) + "."
        docs.append(Document(id=doc_id, source=doc_id, text=body,
                             published=_doc(doc_id, rng.choice(PAGE_DATES[:4])).published))
        annots.append(Annotations(doc_id, sentences=tuple(Span(doc_id, f.span.start - 20 if f.span.start >= 20 else 0,
                                                               f.span.end + 1) for f in figs[:1]) or (),
                                  figures=tuple(figs)))
    return docs, annots


@pytest.mark.parametrize("seed", range(6))
def test_blocked_figure_pairs_equal_all_pairs(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, annots = _figure_corpus(seed)
    blocked = [to_dict(c) for c in conflicts_mod._figure_conflicts(docs, annots)]
    assert blocked  # conflicts found: the comparison has teeth
    monkeypatch.setattr(conflicts_mod, "_figure_pairs", lambda items: combinations(items, 2))
    assert blocked == [to_dict(c) for c in conflicts_mod._figure_conflicts(docs, annots)]
