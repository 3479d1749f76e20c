"""The eval gate (eval/run.py) fails closed: a broken task, a missing figure, a figure below its
floor or a changed data set each fail the run; --raise-floors never lowers a floor."""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

RUN_PY = Path(__file__).resolve().parents[2] / "eval" / "run.py"


@pytest.fixture()
def gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """eval/run.py loaded fresh, with its task dir, floors, digests and data root in tmp_path."""
    spec = importlib.util.spec_from_file_location("eval_gate_under_test", RUN_PY)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, mod)  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    data = tmp_path / "data" / "set"
    data.mkdir(parents=True)
    (data / "a.txt").write_text("gold\n")
    monkeypatch.setattr(mod, "HERE", tmp_path)
    monkeypatch.setattr(mod, "FLOORS", tmp_path / "floors.json")
    monkeypatch.setattr(mod, "DIGESTS", tmp_path / "datasets.json")
    monkeypatch.setattr(mod, "DATA_ROOT", tmp_path / "data")
    monkeypatch.setattr(mod, "TASK_DATA", {})
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "datasets.json").write_text(json.dumps({"set": mod.digest(data)}))
    return mod


def add_task(gate: ModuleType, tmp_path: Path, name: str, body: str, floors: dict[str, float]) -> None:
    """Write a task module ``name`` and its floors; it reads the pinned data set ``set``."""
    sys.modules.pop(name, None)
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(body))
    gate.TASK_DATA[name] = ("set",)
    (tmp_path / "floors.json").write_text(json.dumps(floors))


GOOD = """
METRICS = [("f1", None, "a score"), ("err", None, "an error rate")]
LOWER_IS_BETTER = ("err",)
def run():
    return {"f1": 0.80, "err": 0.10}
"""


def test_passing_task_passes(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_good", GOOD, {"t_good.f1": 0.80, "t_good.err": 0.10})
    assert gate.main(["t_good"]) == 0


def test_task_that_cannot_import_fails(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_broken", "import no_such_module_xyz\n" + GOOD, {})
    assert gate.main(["t_broken"]) == 1


def test_task_whose_run_raises_fails(gate: ModuleType, tmp_path: Path) -> None:
    body = GOOD.replace('return {"f1": 0.80, "err": 0.10}', "raise RuntimeError('stage broke')")
    add_task(gate, tmp_path, "t_raises", body, {})
    assert gate.main(["t_raises"]) == 1


def test_missing_floored_metric_fails(gate: ModuleType, tmp_path: Path) -> None:
    body = GOOD.replace('"f1": 0.80, ', "")
    add_task(gate, tmp_path, "t_missing", body, {"t_missing.f1": 0.80})
    assert gate.main(["t_missing"]) == 1


def test_floored_metric_dropped_from_metrics_fails(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_dropped", GOOD, {"t_dropped.recall": 0.5})
    assert gate.main(["t_dropped"]) == 1


def test_below_floor_fails(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_low", GOOD, {"t_low.f1": 0.90})
    assert gate.main(["t_low"]) == 1


def test_above_ceiling_fails(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_ceil", GOOD, {"t_ceil.err": 0.05})
    assert gate.main(["t_ceil"]) == 1


def test_within_tolerance_passes(gate: ModuleType, tmp_path: Path) -> None:
    add_task(gate, tmp_path, "t_tol", GOOD, {"t_tol.f1": 0.805})
    assert gate.main(["t_tol"]) == 0


def test_changed_data_set_fails(gate: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_task(gate, tmp_path, "t_data", GOOD, {})
    (tmp_path / "data" / "set" / "a.txt").write_text("gold, edited\n")
    assert gate.main(["t_data"]) == 1
    assert "data set set: sha256" in capsys.readouterr().err


def test_unknown_task_fails(gate: ModuleType) -> None:
    assert gate.main(["no_such_task"]) == 1


def test_raise_floors_never_lowers(gate: ModuleType, tmp_path: Path) -> None:
    floors = {"t_raise.f1": 0.795, "t_raise.err": 0.105}
    add_task(gate, tmp_path, "t_raise", GOOD, floors)
    assert gate.main(["t_raise", "--raise-floors"]) == 0
    assert json.loads((tmp_path / "floors.json").read_text()) == {"t_raise.f1": 0.8, "t_raise.err": 0.1}
    worse = GOOD.replace("0.80", "0.797").replace("0.10}", "0.104}")
    add_task(gate, tmp_path, "t_raise", worse, {"t_raise.f1": 0.8, "t_raise.err": 0.1})
    assert gate.main(["t_raise", "--raise-floors"]) == 0
    assert json.loads((tmp_path / "floors.json").read_text()) == {"t_raise.f1": 0.8, "t_raise.err": 0.1}


INFO = GOOD.replace('LOWER_IS_BETTER = ("err",)', 'LOWER_IS_BETTER = ("err",)\nINFORMATIONAL = ("n",)').replace(
    '("err", None, "an error rate")]', '("err", None, "an error rate"), ("n", None, "a count")]').replace(
    '"err": 0.10}', '"err": 0.10, "n": 2.0}')


def test_informational_metric_is_never_gated_nor_floored(gate: ModuleType, tmp_path: Path) -> None:
    """A count that is neither better high nor low may fall or rise; --raise-floors gives it no floor."""
    add_task(gate, tmp_path, "t_info", INFO, {"t_info.f1": 0.80})
    assert gate.main(["t_info", "--raise-floors"]) == 0
    assert "t_info.n" not in json.loads((tmp_path / "floors.json").read_text())


def test_floor_on_informational_metric_fails(gate: ModuleType, tmp_path: Path) -> None:
    """A floor left on an informational count would gate it again: the run says so and fails."""
    add_task(gate, tmp_path, "t_infofloor", INFO, {"t_infofloor.n": 1.0})
    assert gate.main(["t_infofloor"]) == 1


def test_real_tasks_all_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every data set a real task reads has a digest in eval/datasets.json."""
    spec = importlib.util.spec_from_file_location("eval_gate_real", RUN_PY)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, mod)
    spec.loader.exec_module(mod)
    pinned = json.loads(mod.DIGESTS.read_text())
    assert set(mod.TASKS) == set(mod.TASK_DATA)
    assert {d for ds in mod.TASK_DATA.values() for d in ds} <= set(pinned)
