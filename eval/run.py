"""`make eval`: score dossier on the development sets in ../shared/data and print one table.

Each task is a module ``eval/<name>.py`` with ``METRICS`` (a list of (metric, goal, note)) and
``run() -> dict[str, float]``. Floors (eval/floors.json) are the figures last accepted: a figure more
than TOLERANCE below its floor fails the run, like trafilatura's evaluation gate. ``--raise-floors``
lifts floors to the current figures; floors are never lowered by a script (edit the file by hand and
say why in the commit). A task may name ``LOWER_IS_BETTER`` metrics (error rates): their floor is a
ceiling; and ``INFORMATIONAL`` metrics (counts that are neither better high nor low, such as how many
conflicts a build reports): they are printed but never gated, and a floor written for one fails the run.

The gate fails closed: a task that cannot be imported or raises, a floored metric that a task no
longer reports, and a data set whose content differs from the sha256 pinned in eval/datasets.json
each fail the run (exit 1) with one clear line, so a broken stage can never pass as "not available".
After a deliberate data update, ``--pin-data`` rewrites the digests (say why in the commit).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
DIGESTS = HERE / "datasets.json"
DATA_ROOT = HERE.parents[1] / "shared" / "data"
TOLERANCE = 0.01
TASKS = ["clean", "dates", "pages", "timex", "coref", "whoiswho", "events", "quotes", "layers", "stories"]
# The data sets (directories under ../shared/data) each task reads; every one is pinned in DIGESTS.
TASK_DATA: dict[str, tuple[str, ...]] = {
    "clean": ("dates",),
    "dates": ("dates",),
    "pages": ("quotes",),
    "timex": ("timex/timebank", "quotes"),
    "coref": ("coref/ecbplus",),
    "whoiswho": ("quotes",),
    "events": ("coref/ecbplus",),
    "quotes": ("quotes",),
    "layers": ("quotes",),
    "stories": ("coref/ecbplus", "quotes"),
}

Row = tuple[str, "float | None", "float | None", "float | None", str, str]


@dataclass
class Outcome:
    """What one task gave: table rows, failures (one line each) and run time."""

    rows: list[Row] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)
    declared: list[str] = field(default_factory=list)
    lower_better: set[str] = field(default_factory=set)
    informational: set[str] = field(default_factory=set)
    seconds: float = 0.0


def gated(metric: str) -> bool:
    """Baselines and corpus shares describe the data, not dossier: they get no floor."""
    return not (metric.startswith("baseline") or metric.endswith(("_nocleaning", "pages")))


def digest(path: Path) -> str:
    """sha256 over every file under ``path`` (relative name and bytes, in sorted order)."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        h.update(f.relative_to(path.parent).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def check_data(names: list[str], pinned: dict[str, str], root: Path | None = None) -> list[str]:
    """One failure line per data set that is missing, unpinned or changed since it was pinned."""
    root = root or DATA_ROOT
    failures = []
    for name in sorted(set(names)):
        path = root / name
        if not path.exists():
            failures.append(f"data set {name}: missing at {path}")
        elif name not in pinned:
            failures.append(f"data set {name}: no digest pinned in {DIGESTS.name} (run --pin-data)")
        elif (got := digest(path)) != pinned[name]:
            failures.append(f"data set {name}: sha256 {got[:12]} differs from pinned "
                            f"{pinned[name][:12]}; the figures would not compare with the floors")
    return failures


def load_task(name: str) -> tuple[ModuleType | None, str | None]:
    """Import ``eval/<name>.py``; any import error is a failure, never a skip."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    try:
        mod = importlib.import_module(name)
    except Exception as exc:  # noqa: BLE001 - every import error must fail the gate, with its cause
        return None, f"[{name}] cannot be imported: {type(exc).__name__}: {exc}"
    if not callable(getattr(mod, "run", None)) or not hasattr(mod, "METRICS"):
        return None, f"[{name}] is not a task (needs METRICS and run())"
    return mod, None


def score(name: str, mod: ModuleType, figures: dict[str, float],
          floors: dict[str, float]) -> Outcome:
    """Compare a task's figures with its goals and floors; a floored metric missing is a failure."""
    lower_better = set(getattr(mod, "LOWER_IS_BETTER", ()))
    informational = set(getattr(mod, "INFORMATIONAL", ()))
    out = Outcome(figures=figures, lower_better=lower_better, informational=informational)
    declared = set()
    for metric, goal, note in mod.METRICS:
        key = f"{name}.{metric}"
        declared.add(key)
        out.declared.append(metric)
        value = figures.get(metric)
        floor = floors.get(key)
        sign = -1 if metric in lower_better else 1  # floors of lower-is-better metrics are ceilings
        status = "-"
        if value is not None and goal is not None:
            status = "goal met" if sign * value >= sign * goal else "below goal"
        if metric in informational:
            status = "info"
            if floor is not None:
                status = "FLOORED INFO"
                out.failures.append(f"{key}: is informational (neither higher nor lower is better) but has"
                                    " a floor; remove it from floors.json")
        elif value is None and floor is not None:
            status = "MISSING"
            out.failures.append(f"{key}: has a floor but the task gave no figure")
        elif value is not None and floor is not None and sign * value < sign * floor - TOLERANCE:
            status = "BELOW FLOOR" if sign > 0 else "ABOVE CEILING"
            out.failures.append(f"{key}: {value:.4f} {'below floor' if sign > 0 else 'above ceiling'}"
                                f" {floor:.4f}")
        out.rows.append((key, value, goal, floor, status, note))
    for key in sorted(k for k in floors if k.startswith(f"{name}.") and k not in declared):
        out.failures.append(f"{key}: has a floor but the task no longer declares it")
        out.rows.append((key, None, None, floors[key], "MISSING", "dropped from METRICS"))
    return out


def run_task(name: str, floors: dict[str, float]) -> Outcome:
    """Import, run and score one task; an exception anywhere is a failure of the gate."""
    mod, error = load_task(name)
    if mod is None:
        return Outcome(failures=[error or f"[{name}] unavailable"])
    t0 = time.perf_counter()
    try:
        figures = mod.run()
    except Exception as exc:  # noqa: BLE001 - a crashing task fails the gate, traceback shown
        traceback.print_exc()
        return Outcome(failures=[f"[{name}] run() raised {type(exc).__name__}: {exc}"])
    out = score(name, mod, dict(figures), floors)
    out.seconds = time.perf_counter() - t0
    return out


def raised(floors: dict[str, float], name: str, out: Outcome) -> dict[str, float]:
    """New floors: each gated, declared figure that beats its floor lifts it; none is lowered."""
    new = dict(floors)
    for metric in out.declared:
        key = f"{name}.{metric}"
        value = out.figures.get(metric)
        if not gated(metric) or metric in out.informational or value is None:
            continue
        sign = -1 if metric in out.lower_better else 1
        if key not in new or sign * value > sign * new[key]:
            new[key] = round(value, 4)
    return new


def print_table(rows: list[Row]) -> None:
    print(f"{'metric':34} {'value':>7} {'goal':>7} {'floor':>7}  status       note")
    for key, value, goal, floor, status, note in rows:
        def fmt(x: float | None) -> str:
            return f"{x:7.3f}" if isinstance(x, (int, float)) else f"{'-':>7}"
        print(f"{key:34} {fmt(value)} {fmt(goal)} {fmt(floor)}  {status:12} {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tasks", nargs="*", default=TASKS)
    parser.add_argument("--raise-floors", action="store_true")
    parser.add_argument("--pin-data", action="store_true", help="rewrite eval/datasets.json")
    args = parser.parse_args(argv)
    unknown = [t for t in args.tasks if t not in TASK_DATA]
    if unknown:
        print(f"unknown task(s): {', '.join(unknown)}; add them to TASK_DATA", file=sys.stderr)
        return 1
    names = [d for t in args.tasks for d in TASK_DATA[t]]
    pinned = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
    if args.pin_data:
        pinned.update({n: digest(DATA_ROOT / n) for n in names})
        DIGESTS.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n")
    failures = check_data(names, pinned)
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    rows: list[Row] = []
    new_floors = dict(floors)
    for name in args.tasks:
        out = run_task(name, floors)
        rows += out.rows
        failures += out.failures
        print(f"[{name}] {out.seconds:.1f}s", file=sys.stderr)
        if args.raise_floors and not out.failures:
            new_floors = raised(new_floors, name, out)
    print_table(rows)
    if args.raise_floors and new_floors != floors:
        FLOORS.write_text(json.dumps(new_floors, indent=2, sort_keys=True) + "\n")
    if failures:
        print("eval gate FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
