"""Run declared corpus passes in order, re-running only those whose inputs changed.

Each pass declares the facets it ``reads`` and ``gives`` (see ``state.FACETS``), as spaCy
factories declare ``assigns=``. After a pass runs, the runner compares the facets it gives; when one
changed that an earlier pass reads (re-dating moves page dates, and resolution reads dates), it goes
back to the earliest such pass and re-runs the stale ones in order: a fixed point, bounded by
``max_runs`` runs of any one pass. A pass whose CPU time in one corpus step goes over ``budget``
seconds is named in a warning and in the run log (the build summary shows it): a pass cannot be
stopped halfway without losing the corpus step, but a slow one must say which it is. Hand-written: the graph is a handful of nodes with one loop,
which no scheduler library makes simpler.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dossier.corpus.state import FACETS, Corpus

logger = logging.getLogger(__name__)

MAX_RUNS = 3  # any pass runs at most this often in one corpus step (the re-dating loop's cap)


@dataclass(frozen=True)
class Pass:
    """One corpus pass: ``fn`` returns the corpus with the facets named in ``gives`` updated."""

    name: str
    fn: Callable[[Corpus], Corpus]
    reads: frozenset[str]
    gives: frozenset[str]
    order: int  # position in the flow; a plugin picks a number between the built-ins'

    def __post_init__(self) -> None:
        unknown = (self.reads | self.gives) - FACETS.keys()
        if unknown:
            raise ValueError(f"pass {self.name}: unknown facets {sorted(unknown)}")


@dataclass
class PassRun:
    """How one pass run went: its name, the facets it changed, and its time (wall and CPU)."""

    name: str
    changed: frozenset[str]
    seconds: float
    cpu: float = 0.0


@dataclass
class RunLog:
    runs: list[PassRun] = field(default_factory=list)
    converged: bool = True
    overruns: list[str] = field(default_factory=list)  # one line per pass over its budget

    def seconds_by_pass(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for r in self.runs:
            out[r.name] = out.get(r.name, 0.0) + r.seconds
        return out

    def cpu_of(self, name: str) -> float:
        return sum(r.cpu for r in self.runs if r.name == name)

    def check_budget(self, name: str, budget: float | None) -> None:
        """Note (once) and warn when pass ``name`` has used more CPU than ``budget`` seconds."""
        cpu = self.cpu_of(name)
        if budget is None or cpu <= budget or any(o.startswith(f"pass {name} ") for o in self.overruns):
            return
        line = f"pass {name} took {cpu:.1f} s CPU, over its budget of {budget:g} s (pass_budget)"
        logger.warning("corpus step: %s", line)
        self.overruns.append(line)


def ordered(passes: Iterable[Pass]) -> list[Pass]:
    """Passes in flow order (``order``, then name); names must be unique."""
    out = sorted(passes, key=lambda p: (p.order, p.name))
    names = [p.name for p in out]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate pass names: {names}")
    return out


def _snapshot(corpus: Corpus, facets: Iterable[str]) -> dict[str, Any]:
    return {f: FACETS[f](corpus) for f in facets}


def _run_one(p: Pass, corpus: Corpus) -> tuple[Corpus, PassRun]:
    before = _snapshot(corpus, p.gives)
    start, cpu = time.perf_counter(), time.process_time()
    out = p.fn(corpus)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    changed = frozenset(f for f, v in before.items() if FACETS[f](out) != v)
    logger.debug("pass %s: %.2f s, changed %s", p.name, seconds, sorted(changed) or "nothing")
    return out, PassRun(p.name, changed, seconds, cpu)


def run_passes(
    corpus: Corpus, passes: Sequence[Pass], max_runs: int = MAX_RUNS, budget: float | None = None
) -> tuple[Corpus, RunLog]:
    """Run ``passes`` over ``corpus`` to a fixed point (see the module docstring); ``budget``: CPU
    seconds any one pass may take in this step before it is named as over budget."""
    flow = ordered(passes)
    stale = {p.name for p in flow}
    count: Counter[str] = Counter()
    log = RunLog()
    i = 0
    while i < len(flow):
        p = flow[i]
        if p.name not in stale:
            i += 1
            continue
        stale.discard(p.name)
        if count[p.name] >= max_runs:
            logger.warning("pass %s: inputs still changing after %d runs; keeping its last result", p.name, max_runs)
            log.converged = False
            i += 1
            continue
        corpus, run = _run_one(p, corpus)
        count[p.name] += 1
        log.runs.append(run)
        log.check_budget(p.name, budget)
        readers = [j for j, q in enumerate(flow) if q.reads & run.changed and j != i]
        stale.update(flow[j].name for j in readers)
        earlier = [j for j in readers if j < i]
        i = min(earlier) if earlier else i + 1
        _release_memos(corpus, flow, i, count, max_runs)
    return corpus, log


def _release_memos(corpus: Corpus, flow: Sequence[Pass], at: int, count: Counter[str], max_runs: int) -> None:
    """Drop the memo (``Corpus.memo``) of every pass before ``at`` that cannot run again: none of
    the passes from ``at`` on gives a facet it reads, or it has had its runs. A memo only serves its
    pass's next run, and resolution's (each page's observations) is a large part of the step's peak."""
    for p in flow[:at]:
        if p.name not in corpus.memo:
            continue
        if count[p.name] >= max_runs or not any(q.gives & p.reads for q in flow[at:]):
            del corpus.memo[p.name]
            logger.debug("pass %s cannot run again: its memo released", p.name)
