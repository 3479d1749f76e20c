"""`make bench`: speed figures as ratios to a baseline measured in the same process.

Each benchmark is a module ``bench/<name>.py`` with ``run() -> list[dict]``; each dict is a row with
keys: bench, unit, value, baseline, ratio, goal (ratio goal or None), note.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["ingest", "language", "ui", "resolve", "scale"]


def main() -> int:
    sys.path.insert(0, str(HERE))
    rows, summary = [], []
    for name in sys.argv[1:] or BENCHES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"[{name}] not available: {exc}", file=sys.stderr)
            continue
        rows.extend(mod.run())
        summary.extend(getattr(mod, "SUMMARY", []))  # one-line figures tools read, after the table
    print(f"{'bench':30} {'value':>10} {'unit':10} {'baseline':>10} {'ratio':>6} {'goal':>6}  note")
    for r in rows:
        goal = f"{r['goal']:6.2f}" if r.get("goal") is not None else f"{'-':>6}"
        base = f"{r['baseline']:10.1f}" if r.get("baseline") is not None else f"{'-':>10}"
        ratio = f"{r['ratio']:6.2f}" if r.get("ratio") is not None else f"{'-':>6}"
        print(f"{r['bench']:30} {r['value']:10.1f} {r['unit']:10} {base} {ratio} {goal}  {r.get('note', '')}")
    for line in summary:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
