"""The map step on a Dask LocalCluster of 2 worker processes gives the same store as the serial path."""
from __future__ import annotations

import shutil
from pathlib import Path

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
