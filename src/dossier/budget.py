"""Time budgets for the map step: which stage a page is in, and a CPU timer that stops it.

A page over its budget must not stop the build: it is kept raw with "took over N s in <stage>".
Two layers do that. Inside the process that runs the page, ``page_budget`` arms a CPU-time timer
(``ITIMER_PROF``: CPU seconds, not wall seconds, so a busy shared machine does not fail good pages)
whose signal raises ``PageTimeout`` at the next Python bytecode. Code stuck inside a C extension never
reaches a bytecode, so the process pool (``dossier.executor``) also watches each worker's CPU time
from outside and replaces a worker that is past its budget plus a grace period.

``PageTimeout`` derives from ``BaseException`` on purpose: stage code has ``except Exception`` guards
(one bad page element must not fail the page) and a timeout must go through them.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from typing import Callable, Iterator

log = logging.getLogger(__name__)

DEFAULT_PAGE_TIMEOUT = 60.0  # CPU seconds a page may take in the map step
DEFAULT_PASS_BUDGET = 300.0  # CPU seconds one corpus pass may take before the build warns, naming it

_stage = "start"
_listeners: list[Callable[[str], None]] = []


class PageTimeout(BaseException):
    """A page took more CPU time than its budget; ``stage`` is where it was."""

    def __init__(self, seconds: float, stage: str):
        super().__init__(f"took over {seconds:g} s in {stage}")
        self.seconds = seconds
        self.stage = stage


def timeout_reason(seconds: float, stage: str) -> str:
    """The one line a user sees for a page that ran out of time."""
    return f"took over {seconds:g} s in {stage}"


def enter(stage: str) -> None:
    """Say which stage the current page is in (shown if it runs out of time there)."""
    global _stage
    _stage = stage
    for listener in _listeners:
        listener(stage)


def current() -> str:
    return _stage


def add_listener(fn: Callable[[str], None]) -> None:
    """Call ``fn(stage)`` on every stage change (a worker forwards them to its pool)."""
    _listeners.append(fn)


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def page_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``PageTimeout`` in this thread once the block has used ``seconds`` of CPU time.

    A no-op when ``seconds`` is falsy or outside the main thread (signals reach only that one).
    """
    enter("start")
    if not seconds or not _can_time():
        yield
        return

    def on_timer(signum: int, frame: object) -> None:
        raise PageTimeout(seconds, _stage)

    previous = signal.signal(signal.SIGPROF, on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
