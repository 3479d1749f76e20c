"""Executors for the map step: in this process, a local pool of worker processes, or Dask.

Every executor takes pages lazily and holds only a bounded number in flight, so a build's memory does
not grow with the number of pages. ``map(fn, items, on_lost)`` yields one result per item (in the
order they finish); ``on_lost(item, reason)`` makes the result for an item whose worker had to be
stopped or died, so a page is never lost: it is kept raw with the reason.

Why a hand-written pool rather than ``concurrent.futures`` or ``pebble``: a page over budget must be
stopped and its worker replaced while the build goes on, measured in CPU seconds (a shared, busy
machine must not fail good pages on wall time), and the user must be told in which stage it was.
``ProcessPoolExecutor`` cannot stop a running task (a stuck worker breaks the whole pool), and
pebble's timeouts are wall-clock and know nothing of stages.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

from dossier import budget
from dossier.corpus.partitions import IN_PROCESS, Partitions

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

GRACE_SECONDS = 5.0  # CPU seconds past the budget before a worker is stopped from outside
WALL_FACTOR = 10.0  # a page idle-stuck (deadlock, I/O) for this many budgets of wall time is stopped too
POLL_SECONDS = 0.5
ORPHAN_CHECK_SECONDS = 1.0  # how often an idle worker checks that its build is still there


class Executor(Protocol):
    """Runs the map step over items read lazily; see the module docstring."""

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any],
            on_lost: Callable[[Any, str], Any]) -> Iterator[Any]: ...

    def partitions(self) -> Partitions:
        """Where the corpus step runs its per-page parts (``corpus.partitions``)."""
        ...

    def kept_open(self) -> contextlib.AbstractContextManager[None]:
        """A block over which what the executor starts for one map (a cluster) serves the next."""
        ...


class _InProcessCorpus:
    """The corpus step's parts run in the build's process, as they always did: only a cluster gets
    them (a forked pool would start again, copying the whole corpus, for each pass that maps parts)."""

    def partitions(self) -> Partitions:
        return IN_PROCESS

    def kept_open(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


class SerialExecutor(_InProcessCorpus):
    """In this process, one page after another (tests, debugging). The page budget still applies
    through the CPU timer, but a page stuck inside C code cannot be stopped here."""

    def map(self, fn: Callable[[T], R], items: Iterable[T], on_lost: Callable[[T, str], R]) -> Iterator[R]:
        for item in items:
            yield fn(item)


# ---------------------------------------------------------------------------------------------
# the local process pool
# ---------------------------------------------------------------------------------------------


def _worker_main(conn: Connection, stage: Any, fn: Callable[[Any], Any], build_pid: int) -> None:
    """A worker: run ``fn`` on each item sent, send the result back; stop after a timed-out page
    (a stage interrupted half way may have left state behind; a fresh worker is cheap).

    A worker also stops when the build that started it is gone (``kill -9``): forked workers hold
    copies of the pool's pipe ends, so the pipe alone never tells them, and they would wait forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle

    def show(name: str) -> None:  # shared memory, not the pipe: a timer signal may interrupt it
        stage.value = name.encode("utf-8", "replace")[:63]

    budget.add_listener(show)
    while True:
        try:
            while not conn.poll(ORPHAN_CHECK_SECONDS):
                if os.getppid() != build_pid:
                    return  # the build died: nobody will send work or read a result
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, item = msg
        result = fn(item)
        try:
            conn.send((key, result))
        except OSError:  # the build died while the page ran
            return
        if getattr(result, "timed_out", False):
            return


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc), or None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


@dataclass
class _Worker:
    process: Any
    conn: Connection
    stage: Any
    task: tuple[int, Any] | None = None
    cpu0: float = 0.0
    wall0: float = 0.0

    def over(self, timeout: float, grace: float) -> bool:
        """Past the budget: in CPU seconds (wall seconds where CPU time cannot be read), or stuck
        without using CPU for ``WALL_FACTOR`` budgets of wall time."""
        wall = time.monotonic() - self.wall0
        cpu = _cpu_seconds(self.process.pid)
        used = cpu - self.cpu0 if cpu is not None else wall
        return used > timeout + grace or wall > WALL_FACTOR * timeout + 60

    def give(self, key: int, item: Any) -> None:
        self.task = (key, item)
        self.stage.value = b"start"
        self.cpu0 = _cpu_seconds(self.process.pid) or 0.0
        self.wall0 = time.monotonic()
        self.conn.send((key, item))

    def where(self) -> str:
        return self.stage.value.decode("utf-8", "replace") or "start"


class ProcessExecutor(_InProcessCorpus):
    """``workers`` processes, one item (a page, or a batch of pages: ``dossier.mapstep``) in flight
    each; an item past ``timeout`` CPU seconds (+ grace) has its worker killed and replaced, and is
    reported through ``on_lost``."""

    def __init__(self, workers: int = 1, timeout: float | None = budget.DEFAULT_PAGE_TIMEOUT,
                 grace: float = GRACE_SECONDS):
        self.workers = max(1, workers)
        self.timeout = timeout
        self.grace = grace
        # fork: workers inherit the loaded language model, so a replacement starts in milliseconds
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.forks = self.ctx.get_start_method() == "fork"  # workers start with this process's memory

    def _spawn(self, fn: Callable[[Any], Any]) -> _Worker:
        parent, child = self.ctx.Pipe()
        stage = self.ctx.Array(ctypes.c_char, 64, lock=False)
        proc = self.ctx.Process(target=_worker_main, args=(child, stage, fn, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent, stage)

    def map(self, fn: Callable[[T], R], items: Iterable[T], on_lost: Callable[[T, str], R]) -> Iterator[R]:
        source = enumerate(iter(items))
        pool = [self._spawn(fn) for _ in range(self.workers)]
        try:
            for w in pool:
                _feed(w, source)
            while any(w.task for w in pool):
                busy = [w for w in pool if w.task]
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], POLL_SECONDS)
                for i, w in enumerate(pool):
                    if w.task is None:
                        continue
                    result, replace = self._check(w, ready, on_lost)
                    if replace:
                        _kill(w)
                        pool[i] = w = self._spawn(fn)
                    if result is not _NOTHING:
                        _feed(w, source)
                        yield result
        finally:
            for w in pool:
                _stop(w)

    def _check(self, w: _Worker, ready: list[Any], on_lost: Callable[[Any, str], Any]) -> tuple[Any, bool]:
        """(the worker's result or _NOTHING, whether to replace the worker)."""
        assert w.task is not None
        key, item = w.task
        if w.conn in ready:
            try:
                got_key, result = w.conn.recv()
            except (EOFError, OSError):
                return self._lost(w, on_lost, _death(w)), True
            w.task = None
            return result, bool(getattr(result, "timed_out", False))
        if w.process.sentinel in ready and not w.process.is_alive():
            return self._lost(w, on_lost, _death(w)), True
        if self.timeout and w.over(self.timeout, self.grace):
            log.warning("page %s: over %s s in %s; stopping its worker", key, self.timeout, w.where())
            return self._lost(w, on_lost, budget.timeout_reason(self.timeout, w.where())), True
        return _NOTHING, False

    @staticmethod
    def _lost(w: _Worker, on_lost: Callable[[Any, str], Any], reason: str) -> Any:
        assert w.task is not None
        item = w.task[1]
        w.task = None
        return on_lost(item, reason)


_NOTHING = object()


def _death(w: _Worker) -> str:
    w.process.join(1)
    code = w.process.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"worker stopped ({how}) in {w.where()}"


def _feed(w: _Worker, source: Iterator[tuple[int, Any]]) -> None:
    nxt = next(source, None)
    if nxt is not None:
        w.give(*nxt)


def _kill(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.kill()
    w.process.join(5)
    w.conn.close()


def _stop(w: _Worker) -> None:
    """Ask a worker to finish; kill it if it does not."""
    try:
        if w.process.is_alive() and w.task is None:
            w.conn.send(None)
            w.process.join(2)
    except (OSError, ValueError):
        pass
    if w.process.is_alive():
        w.process.kill()
        w.process.join(5)
    w.conn.close()


def make_executor(name: str | None, workers: int, timeout: float | None) -> Executor:
    """``serial`` (this process), ``local``/None (a process pool of ``workers``), ``dask`` (a local
    Dask cluster) or a ``tcp://host:port`` Dask scheduler address."""
    kind = (name or "local").strip()
    if kind == "serial":
        return SerialExecutor()
    if kind in ("local", "process"):
        return ProcessExecutor(workers, timeout)
    if kind == "dask" or kind.startswith(("tcp://", "tls://")):
        from dossier.executor_dask import DaskExecutor

        return DaskExecutor(None if kind == "dask" else kind, workers, timeout)
    raise ValueError(f"unknown executor {kind!r}: expected serial, local, dask or tcp://HOST:PORT")
