"""The map step on a Dask LocalCluster of 2 worker processes gives the same store as the serial path,
and a failed batch is mapped again page by page on the cluster already running."""
from __future__ import annotations

import logging
import operator
import shutil
from pathlib import Path
from typing import Any

import pytest

from dossier.api import Dossier
from tests.support.storehash import digest

pytestmark = pytest.mark.slow
GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"
PAGES = [GERD / "text" / "01-blue-nile-diverted.txt", GERD / "text" / "05-washington-deal-syndicated.txt",
         GERD / "html" / "06-first-filling.html"]


def test_dask_local_cluster_matches_serial(tmp_path) -> None:
    pytest.importorskip("distributed")
    src = tmp_path / "in"
    src.mkdir()
    for p in PAGES:
        shutil.copy(p, src / p.name)
    with Dossier.open(tmp_path / "serial.db") as d:
        serial = d.build([src], executor="serial")
    with Dossier.open(tmp_path / "dask.db") as d:
        dask = d.build([src], executor="dask", workers=2)
    assert sorted(dask.added) == sorted(serial.added) and len(serial.added) == 3
    assert digest(tmp_path / "dask.db") == digest(tmp_path / "serial.db")


def test_a_scheduler_address_is_accepted() -> None:
    from dossier.executor import make_executor
    from dossier.executor_dask import DaskExecutor

    ex = make_executor("tcp://127.0.0.1:8786", 2, 60.0)
    assert isinstance(ex, DaskExecutor) and ex.address == "tcp://127.0.0.1:8786"


def _counting_local_clusters(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every LocalCluster started from now on (``DaskExecutor`` looks the class up when it starts one)."""
    import distributed

    real, started = distributed.LocalCluster, []

    def counting(*args: Any, **kwargs: Any) -> Any:
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(distributed, "LocalCluster", counting)
    return started


def test_a_map_inside_a_map_shares_the_running_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the map step does with a failed batch: a second map of the same executor, started while
    the first runs, uses the cluster already running; the last map to end closes it."""
    pytest.importorskip("distributed")
    from dossier.executor_dask import DaskExecutor

    started = _counting_local_clusters(monkeypatch)
    ex = DaskExecutor(None, workers=1, timeout=60.0)
    got = []
    for outer in ex.map(operator.neg, [1, 2, 3], lambda item, why: None):
        got.append(outer)
        got.extend(ex.map(abs, [outer, 10 * outer], lambda item, why: None))
    assert sorted(got, key=abs) == sorted([-1, 1, 10, -2, 2, 20, -3, 3, 30], key=abs)
    assert len(started) == 1  # no second cluster for the inner maps
    assert started[0].status.name == "closed"


def test_a_failed_batch_is_mapped_again_on_the_same_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    """A page that raises in a batch on the cluster: the batch goes back page by page on the cluster
    already running (one LocalCluster for the build), and the store is the serial one-page-a-call
    build's, the bad page alone kept raw with the same line."""
    pytest.importorskip("distributed")
    import dask

    import dossier.mapstep
    from tests.support import dask_hostile

    src = tmp_path / "in"
    src.mkdir()
    for p in PAGES:
        shutil.copy(p, src / p.name)
    (src / "freedonia.txt").write_text(f"{dask_hostile.MARK} and Sylvania met on Monday to talk about the dam.\n",
                                       encoding="utf-8")
    with monkeypatch.context() as m, Dossier.open(tmp_path / "serial.db") as d:
        m.setattr(dossier.mapstep, "analyse_document", dask_hostile.analyse)
        serial = d.build([src], executor="serial", map_batch=1)
    started = _counting_local_clusters(monkeypatch)
    with dask.config.set({"distributed.worker.preload": ["tests.support.dask_hostile"]}):
        with caplog.at_level(logging.INFO, logger="dossier.mapstep"), Dossier.open(tmp_path / "dask.db") as d:
            report = d.build([src], executor="dask", workers=2, map_batch=8)
    assert caplog.text.count("a batch of 4 pages failed") == 1
    assert len(started) == 1  # the retry ran on the build's cluster
    assert len(report.failed) == 1 and report.failed == serial.failed
    assert report.failed[0][0].endswith("freedonia.txt")
    assert sorted(report.added) == sorted(serial.added) and len(report.added) == 3  # the good pages
    assert digest(tmp_path / "dask.db") == digest(tmp_path / "serial.db")


def test_the_corpus_step_runs_its_parts_on_the_build_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """The example story built with ``--executor dask``: resolution's observations and the duplicates
    pass's sketches go to the cluster the map step started (one LocalCluster for the build), and the
    store, entities, events, figures and conflicts included, is the serial build's."""
    pytest.importorskip("distributed")
    with Dossier.open(tmp_path / "serial.db") as d:
        d.build([GERD / "html", GERD / "text"], executor="serial")
    started = _counting_local_clusters(monkeypatch)
    with caplog.at_level(logging.INFO, logger="dossier.executor_dask"), Dossier.open(tmp_path / "dask.db") as d:
        d.build([GERD / "html", GERD / "text"], executor="dask", workers=2)
    assert len(started) == 1 and started[0].status.name == "closed"
    assert "parts of observe_part ran on the Dask cluster" in caplog.text
    assert "parts of sketch_part ran on the Dask cluster" in caplog.text
    serial, dask = digest(tmp_path / "serial.db"), digest(tmp_path / "dask.db")
    assert {t: dask[t] for t in ("entities", "events", "figures", "conflicts")} == \
        {t: serial[t] for t in ("entities", "events", "figures", "conflicts")}
    assert dask == serial
    with Dossier.open(tmp_path / "dask.db") as d:
        c = d.store.corpus()
        assert len(c.entities) > 20 and c.events and c.figures and c.conflicts


def test_a_part_that_fails_on_the_cluster_is_run_in_the_build_process(caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("distributed")
    from dossier.executor_dask import DaskExecutor
    from tests.support.dask_hostile import fails_on_a_worker

    parts = DaskExecutor(None, workers=1, timeout=60.0).partitions()
    with caplog.at_level(logging.WARNING, logger="dossier.executor_dask"):
        assert parts.map(fails_on_a_worker, [(1, 2), (3,)]) == [[2, 4], [6]]
    assert caplog.text.count("failed on the cluster") == 2


def test_a_build_with_nothing_new_starts_no_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page stored already: no page to map and no corpus step, so no LocalCluster starts."""
    pytest.importorskip("distributed")
    src = tmp_path / "in"
    src.mkdir()
    for p in PAGES[:2]:
        shutil.copy(p, src / p.name)
    with Dossier.open(tmp_path / "d.db") as d:
        d.build([src], executor="serial")
        started = _counting_local_clusters(monkeypatch)
        again = d.build([src], executor="dask", workers=2)
    assert not again.added and started == []
