"""The map step on a Dask distributed cluster: ``--executor dask`` (a local cluster of worker
processes) or ``--executor tcp://scheduler:8786`` (a running cluster).

Pages are submitted lazily with a bounded number in flight (twice the cluster's threads), results
come back as they finish and are committed by the build one by one, exactly as with the local pool;
the map (``dossier.mapstep``: a page or a batch of pages a task) is a pure function of its pages, so the
store ends the same as a serial build.

Time budget: Dask runs tasks in worker threads, where the CPU timer of ``dossier.budget`` (a signal,
main thread only) cannot reach. A page still running after the pool's wall-clock backstop
(``WALL_FACTOR`` budgets + 60 s) is reported through ``on_lost`` and the worker running it restarted.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from dossier.corpus.partitions import Partitions
from dossier.executor import WALL_FACTOR

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


class DaskExecutor:
    """``address`` None starts a ``LocalCluster`` of ``workers`` processes (one thread each).

    A ``map`` started while another ``map`` of the same executor runs (the map step mapping a failed
    batch's pages again one by one) shares its client and cluster: a second cluster would take
    seconds to start and, for a while, double the worker processes on the machine. The cluster is
    closed when the last running ``map`` ends, or, inside ``kept_open`` (a build), when the block
    ends: the map step and the corpus step's parts (``partitions``) share one cluster."""

    def __init__(self, address: str | None, workers: int = 2, timeout: float | None = None):
        self.address = address
        self.workers = max(1, workers)
        self.timeout = timeout
        self._open: tuple[Any, Any] | None = None  # (client, cluster or None) while a map runs
        self._users = 0  # maps running on ``_open``
        self._kept = 0  # ``kept_open`` blocks running

    def _client(self) -> tuple[Any, Any]:
        dist = _distributed()
        if self.address:
            return dist.Client(self.address), None
        cluster = dist.LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                    dashboard_address=None)
        return dist.Client(cluster), cluster

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        """The client of the running maps, started by the first: nested maps share one cluster."""
        if self._open is None:
            self._open = self._client()
        else:
            log.debug("sharing the running Dask cluster")
        self._users += 1
        try:
            yield self._open[0]
        finally:
            self._users -= 1
            if self._users == 0 and self._kept == 0:
                self._close()

    def _close(self) -> None:
        if self._open is not None:
            client, cluster = self._open
            self._open = None
            client.close()
            if cluster is not None:
                cluster.close()

    @contextlib.contextmanager
    def kept_open(self) -> Iterator[None]:
        """The cluster the first map starts stays up until the block ends (none is started for it)."""
        self._kept += 1
        try:
            yield
        finally:
            self._kept -= 1
            if self._kept == 0 and self._users == 0:
                self._close()

    def partitions(self) -> Partitions:
        return DaskPartitions(self)

    def map(self, fn: Callable[[T], R], items: Iterable[T], on_lost: Callable[[T, str], R]) -> Iterator[R]:
        source = iter(items)
        first = next(source, _END)
        if first is _END:
            return  # nothing to map (a build with no new page): no cluster is started for it
        source = itertools.chain([first], source)
        with self._session() as client:
            slots = 2 * max(1, sum(client.nthreads().values()))
            pending: dict[str, tuple[Any, T, float]] = {}
            done = _distributed().as_completed()

            def submit() -> None:
                item = next(source, _END)
                if item is not _END:
                    fut = client.submit(fn, item, pure=False)
                    pending[fut.key] = (fut, item, time.monotonic())
                    done.add(fut)

            for _ in range(slots):
                submit()
            while pending:
                for fut in done.next_batch(block=False) or []:
                    if fut.key in pending:
                        yield self._result(pending.pop(fut.key), on_lost)
                        submit()
                for key in self._overdue(pending):
                    fut, item, _ = pending.pop(key)
                    self._restart_worker_of(client, fut)
                    yield on_lost(item, f"took over {self.timeout:g} s (wall clock) on the cluster")
                    submit()
                if pending:
                    time.sleep(0.05)

    @staticmethod
    def _result(entry: tuple[Any, Any, float], on_lost: Callable[[Any, str], Any]) -> Any:
        fut, item, _ = entry
        try:
            return fut.result()
        except Exception as exc:  # a worker died (KilledWorker) or the task raised: keep the page
            log.warning("a page failed on the cluster: %s", exc)
            return on_lost(item, f"failed on the cluster: {type(exc).__name__}")

    def _overdue(self, pending: dict[str, tuple[Any, Any, float]]) -> list[str]:
        if not self.timeout:
            return []
        limit = WALL_FACTOR * self.timeout + 60
        now = time.monotonic()
        return [k for k, (fut, _, began) in pending.items() if now - began > limit and fut.status == "pending"]

    @staticmethod
    def _restart_worker_of(client: Any, fut: Any) -> None:
        """Free the worker a stuck page holds (a thread cannot be stopped; its process can)."""
        try:
            busy = [w for w, keys in client.processing().items() if fut.key in keys]
            fut.cancel()
            if busy:
                client.restart_workers(busy)
        except Exception as exc:  # the cluster may refuse; the page is reported either way
            log.warning("could not restart the worker of a stuck page: %s", exc)


_END: Any = object()


class DaskPartitions:
    """The corpus step's parts (``corpus.partitions``) as tasks on the executor's cluster: the running
    one when the build holds it open, else one started for the pass. All parts are submitted at once
    (they are few: a batch of pages each), each on its own so no one message holds every page; a part
    that fails on the cluster (a worker died) is run again here, so the pass's result never depends
    on the cluster."""

    remote = True

    def __init__(self, executor: DaskExecutor):
        self.executor = executor

    def map(self, fn: Callable[[T], R], parts: Sequence[T]) -> list[R]:
        if not parts:
            return []
        with self.executor._session() as client:
            futures = [client.submit(fn, part, pure=False) for part in parts]
            out = [_part_result(fut, fn, part) for fut, part in zip(futures, parts, strict=True)]
        log.info("corpus step: %d parts of %s ran on the Dask cluster", len(parts), getattr(fn, "__name__", fn))
        return out


def _part_result(fut: Any, fn: Callable[[T], R], part: T) -> R:
    try:
        result: R = fut.result()
        return result
    except Exception as exc:  # a worker died (KilledWorker) or the task raised: the part is pure, run it here
        log.warning("a corpus part failed on the cluster (%s); running it in the build's process", exc)
        return fn(part)


def _distributed() -> Any:
    """The ``distributed`` package, imported only when a Dask executor is used (it is untyped)."""
    import importlib

    return importlib.import_module("distributed")
