"""A page whose analysis raises inside Dask workers, for the dask tests.

Dask's local workers are spawned, not forked, so a monkeypatch in the test process (what
``test_map_batches`` does for the forked local pool) does not reach them. This module is named as
a worker preload (``distributed.worker.preload``); ``dask_setup`` then patches the worker's
``dossier.mapstep``. Importing the module patches nothing: a test can use ``analyse`` directly."""

from __future__ import annotations

from typing import Any

import dossier.mapstep
from dossier.mapstep import analyse_document as _real_analyse

MARK = "Freedonia"


def analyse(doc: Any, nlp: Any, parsed: Any = None) -> Any:
    """``analyse_document``, except that a page naming ``MARK`` raises."""
    if MARK in doc.text:
        raise RuntimeError("analysis broke on purpose")
    return _real_analyse(doc, nlp, parsed)


def dask_setup(worker: Any) -> None:
    """Called by Dask in each worker that preloads this module."""
    dossier.mapstep.analyse_document = analyse  # type: ignore[assignment]


def fails_on_a_worker(part: tuple[int, ...]) -> list[int]:
    """A corpus part that raises inside a Dask worker and gives its doubled items anywhere else."""
    import distributed

    try:
        distributed.get_worker()
    except ValueError:  # not in a worker
        return [2 * x for x in part]
    raise RuntimeError("part broke on the cluster on purpose")
