"""The corpus pass runner: declared facets, flow order, a bounded fixed point, the registration seam."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.corpus import Corpus, Pass, registered_passes, run_passes
from dossier.model import Document, Entity, PublicationDate


def _corpus(*dates: str | None) -> Corpus:
    docs = {str(i): Document(id=str(i), source=str(i), text="t", published=PublicationDate(v)) for i, v in enumerate(dates)}
    return Corpus(docs, {})


def _count_entities(c: Corpus) -> Corpus:
    """Stands in for resolution: reads dates, gives entities (one marker per dated page)."""
    return dataclasses.replace(c, entities={i: Entity(i, str(d.published.value), "other") for i, d in c.documents.items() if d.published.value})


def _date_first_undated(c: Corpus) -> Corpus:
    """Stands in for re-dating: reads entities, dates one undated page per run."""
    undated = [d for d in c.documents.values() if not d.published.value]
    if not undated:
        return c
    docs = dict(c.documents)
    docs[undated[0].id] = dataclasses.replace(undated[0], published=PublicationDate("2020"))
    return dataclasses.replace(c, documents=docs)


RESOLVE = Pass("resolve", _count_entities, frozenset({"dates"}), frozenset({"entities"}), 20)
REDATE = Pass("redate", _date_first_undated, frozenset({"entities"}), frozenset({"dates"}), 40)


def test_redating_reruns_the_passes_that_read_dates_until_nothing_changes():
    out, log = run_passes(_corpus("2019", None, None), [REDATE, RESOLVE], max_runs=5)
    assert [r.name for r in log.runs] == ["resolve", "redate"] * 3  # the third redate finds nothing left
    assert log.converged
    assert len(out.entities) == 3  # resolution saw every new date


def test_the_cap_stops_a_loop_and_says_so():
    _, log = run_passes(_corpus("2019", None, None, None, None), [RESOLVE, REDATE], max_runs=2)
    assert [r.name for r in log.runs].count("redate") == 2
    assert not log.converged


def test_a_pass_whose_inputs_did_not_change_is_not_rerun():
    other = Pass("figures", lambda c: dataclasses.replace(c, figures=({"n": 1},)), frozenset({"annotations"}),
                 frozenset({"figures"}), 60)
    _, log = run_passes(_corpus("2019", None), [RESOLVE, REDATE, other], max_runs=5)
    assert [r.name for r in log.runs].count("figures") == 1
    assert log.seconds_by_pass().keys() == {"resolve", "redate", "figures"}


def test_unknown_facets_and_duplicate_names_are_refused():
    with pytest.raises(ValueError):
        Pass("x", lambda c: c, frozenset({"nonsense"}), frozenset(), 1)
    with pytest.raises(ValueError):
        run_passes(_corpus(), [RESOLVE, dataclasses.replace(REDATE, name="resolve")])


def test_built_in_passes_come_through_the_entry_point_group_in_flow_order():
    names = [p.name for p in registered_passes()]
    assert names == ["duplicates", "story_year", "resolve", "events", "redate", "positions", "figures", "conflicts"]


def test_built_in_extractors_come_through_the_entry_point_group():
    from dossier.extract.registry import ordered
    from dossier.plugins import EXTRACTORS, load_group

    assert [e.name for e in ordered(load_group(EXTRACTORS))] == ["quotes", "events", "claims"]


def test_an_installed_entry_point_overrides_a_default_of_the_same_name(monkeypatch):
    from importlib.metadata import EntryPoint

    from dossier import plugins

    fake = EntryPoint("figures", "dossier.corpus.passes:CONFLICTS", plugins.PASSES)
    monkeypatch.setattr(plugins, "entry_points", lambda group: [fake] if group == plugins.PASSES else [])
    assert plugins.entry_points_of(plugins.PASSES)["figures"].value == "dossier.corpus.passes:CONFLICTS"


def test_resolution_is_written_into_mentions_and_quotes():
    from dossier.corpus.passes import with_entity_ids
    from dossier.model import Annotations, Mention, Quote, Span

    he, ana = Span("d", 30, 32), Span("d", 0, 8)
    annots = Annotations("d", mentions=(Mention(ana, "Ana Ruiz", "PERSON"), Mention(he, "he", "PRON")),
                         quotes=(Quote(Span("d", 10, 20), "we agree", "direct", speaker_span=he),))
    out = with_entity_ids(annots, {("d", 0, 8): "e1", ("d", 30, 32): "e1"})
    assert [m.entity_id for m in out.mentions] == ["e1", "e1"]
    assert out.quotes[0].speaker_entity == "e1"
    assert with_entity_ids(out, {("d", 0, 8): "e1", ("d", 30, 32): "e1"}) is out  # unchanged: same object
    assert [m.entity_id for m in with_entity_ids(out, {}).mentions] == [None, None]  # a later run may unlink


def _memoing(c: Corpus) -> Corpus:
    """Stands in for resolution: keeps work for its next run in its memo."""
    c.memo.setdefault("resolve", {})["kept"] = True
    return _count_entities(c)


def test_a_pass_memo_is_released_once_the_pass_cannot_run_again():
    seen: dict[str, bool] = {}

    def look(name: str) -> Pass:
        def fn(c: Corpus) -> Corpus:
            seen[name] = "resolve" in c.memo
            return c
        return Pass(name, fn, frozenset({"entities"}), frozenset(), 50)

    memoing = Pass("resolve", _memoing, frozenset({"dates"}), frozenset({"entities"}), 20)
    out, log = run_passes(_corpus("2019", None), [memoing, REDATE, look("later")], max_runs=5)
    assert [r.name for r in log.runs].count("resolve") == 2  # re-dating ran it again: its memo was kept until then
    assert seen == {"later": False}  # no pass left that gives dates: released before "later"
    assert out.memo == {}


def test_a_pass_memo_is_kept_while_a_later_pass_may_change_its_inputs():
    during: list[bool] = []

    def redate(c: Corpus) -> Corpus:
        during.append("resolve" in c.memo)
        return _date_first_undated(c)

    memoing = Pass("resolve", _memoing, frozenset({"dates"}), frozenset({"entities"}), 20)
    run_passes(_corpus("2019", None), [memoing, Pass("redate", redate, frozenset({"entities"}), frozenset({"dates"}), 40)],
               max_runs=5)
    assert during and all(during)
