"""The map step's executors: a page over its budget is stopped (softly by the CPU timer, or by
killing its worker when it is stuck where signals do not reach), reported with its stage, its worker
replaced, and the build goes on; pages are pulled lazily with a bounded number in flight."""
from __future__ import annotations

import os
import signal
from dataclasses import dataclass

import pytest

from dossier import budget
from dossier.executor import ProcessExecutor, SerialExecutor, make_executor


@dataclass
class Out:
    item: str
    pid: int
    reason: str | None = None
    timed_out: bool = False


def run(item: str) -> Out:
    """A stand-in for process_page: most items are quick; some spin, hang or die."""
    try:
        with budget.page_budget(0.5):
            budget.enter("spin" if item.startswith("spin") else "work")
            if item.startswith("spin"):  # pure Python: the CPU timer stops it
                while True:
                    pass
            if item.startswith("stuck"):  # as if inside C code: the timer's signal never arrives
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
                budget.enter("stuck")
                while True:
                    pass
            if item.startswith("die"):
                os.kill(os.getpid(), signal.SIGKILL)
            return Out(item, os.getpid())
    except budget.PageTimeout as exc:
        return Out(item, os.getpid(), str(exc), timed_out=True)


def lost(item: str, reason: str) -> Out:
    return Out(item, -1, reason, timed_out=True)


def by_item(results: list[Out]) -> dict[str, Out]:
    return {r.item: r for r in results}


def test_pool_stops_a_spinning_page_and_goes_on() -> None:
    items = ["a", "spin1", "b", "c"]
    got = by_item(list(ProcessExecutor(1, timeout=0.5, grace=0.5).map(run, items, lost)))
    assert set(got) == set(items)
    assert got["spin1"].timed_out and got["spin1"].reason == "took over 0.5 s in spin"
    assert not got["a"].timed_out and not got["c"].timed_out
    assert got["a"].pid != got["c"].pid  # the worker that ran the spinning page was replaced


def test_pool_kills_a_worker_stuck_where_signals_do_not_reach() -> None:
    items = ["a", "stuck1", "b"]
    got = by_item(list(ProcessExecutor(2, timeout=0.5, grace=0.5).map(run, items, lost)))
    assert set(got) == set(items)
    assert got["stuck1"].pid == -1 and got["stuck1"].reason == "took over 0.5 s in stuck"
    assert not got["b"].timed_out


def test_pool_reports_a_dead_worker_and_goes_on() -> None:
    got = by_item(list(ProcessExecutor(1, timeout=5).map(run, ["a", "die1", "b"], lost)))
    assert got["die1"].pid == -1 and got["die1"].reason.startswith("worker stopped (signal 9)")
    assert not got["b"].timed_out and got["b"].pid > 0


def test_serial_stops_a_spinning_page_softly() -> None:
    got = by_item(list(SerialExecutor().map(run, ["spin1", "a"], lost)))
    assert got["spin1"].reason == "took over 0.5 s in spin" and got["a"].pid == os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_items_are_pulled_lazily_with_a_bounded_number_in_flight(workers: int) -> None:
    pulled = 0
    most = 0
    done = 0

    def items():
        nonlocal pulled
        for i in range(30):
            pulled += 1
            yield f"x{i}"

    for _ in ProcessExecutor(workers, timeout=5).map(run, items(), lost):
        done += 1
        most = max(most, pulled - done)
    assert done == 30
    assert most <= workers  # never more pages held than workers busy


def test_make_executor_names() -> None:
    assert isinstance(make_executor("serial", 1, 1.0), SerialExecutor)
    assert isinstance(make_executor(None, 2, 1.0), ProcessExecutor)
    with pytest.raises(ValueError):
        make_executor("bogus", 1, 1.0)


ORPHAN_SCRIPT = """
import multiprocessing, time
from dossier.executor import ProcessExecutor

def slow(x):
    time.sleep(0.2)
    return x

for i, _ in enumerate(ProcessExecutor(workers=2, timeout=None).map(slow, range(10**6), lambda x, r: x)):
    if i == 3:
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has stopped
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_stop_when_their_build_is_killed(tmp_path) -> None:
    import subprocess
    import sys
    import time

    script = tmp_path / "build.py"
    script.write_text(ORPHAN_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2 and all(_running(p) for p in workers)
    proc.kill()  # kill -9: the build gets no chance to stop its workers
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_running(p) for p in workers):
        time.sleep(0.2)
    assert not any(_running(p) for p in workers), "workers outlived their build"
