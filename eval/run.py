"""`make eval`: score dossier on the development sets in ../shared/data and print one table.

Each task is a module ``eval/<name>.py`` with ``METRICS`` (a list of (metric, goal, note)) and
``run() -> dict[str, float]``. Floors (eval/floors.json) are the figures last accepted: a figure more
than TOLERANCE below its floor fails the run, like trafilatura's evaluation gate. ``--raise-floors``
lifts floors to the current figures; floors are never lowered by a script (edit the file by hand and
say why in the commit). A task may name ``LOWER_IS_BETTER`` metrics (error rates): their floor is a
ceiling.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
TOLERANCE = 0.01


def gated(metric: str) -> bool:
    """Baselines and corpus shares describe the data, not dossier: they get no floor."""
    return not (metric.startswith("baseline") or metric.endswith(("_nocleaning", "pages")))
TASKS = ["clean", "dates", "pages", "timex", "coref", "events", "quotes", "layers", "stories"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tasks", nargs="*", default=TASKS)
    parser.add_argument("--raise-floors", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    rows, failed = [], []
    for name in args.tasks:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"[{name}] not available: {exc}", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        figures = mod.run()
        secs = time.perf_counter() - t0
        lower_better = set(getattr(mod, "LOWER_IS_BETTER", ()))
        for metric, goal, note in mod.METRICS:
            key = f"{name}.{metric}"
            value = figures.get(metric)
            floor = floors.get(key)
            sign = -1 if metric in lower_better else 1  # floors of lower-is-better metrics are ceilings
            status = "-"
            if value is not None and goal is not None:
                status = "goal met" if sign * value >= sign * goal else "below goal"
            if value is not None and floor is not None and sign * value < sign * floor - TOLERANCE:
                status = "BELOW FLOOR" if sign > 0 else "ABOVE CEILING"
                failed.append(key)
            better = floor is None or sign * value > sign * floor if value is not None else False
            if args.raise_floors and gated(metric) and value is not None and better:
                floors[key] = round(value, 4)
            rows.append((key, value, goal, floor, status, note))
        print(f"[{name}] {secs:.1f}s", file=sys.stderr)
    print(f"{'metric':34} {'value':>7} {'goal':>7} {'floor':>7}  status       note")
    for key, value, goal, floor, status, note in rows:
        fmt = lambda x: f"{x:7.3f}" if isinstance(x, (int, float)) else f"{'-':>7}"
        print(f"{key:34} {fmt(value)} {fmt(goal)} {fmt(floor)}  {status:12} {note}")
    if args.raise_floors:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
    if failed:
        print("figures below their floor: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
