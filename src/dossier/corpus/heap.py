"""Reading the corpus without the cyclic garbage collector scanning it.

The full corpus step holds every stored page's annotations as objects: millions of small dataclasses
with no reference cycles. Python's collector, triggered by allocations, traverses the ever larger
heap while they are read (at 3,000 generated pages 1.6 of 3.4 CPU-s of reading the annotations)
and again in every full collection the passes trigger later. So the corpus is read with the
collector off, then frozen (``gc.freeze``: left out of later scans) until the step ends. Reference
counting still frees whatever a pass replaces; nothing about the results changes.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterator
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


def read_unscanned(read: Callable[[], T]) -> T:
    """``read()`` with the collector off; what it read is then frozen (see ``frozen_until_done``)."""
    was = gc.isenabled()
    gc.disable()
    try:
        out = read()
    finally:
        if was:
            gc.enable()
    gc.freeze()
    logger.debug("corpus read: %d objects frozen", gc.get_freeze_count())
    return out


@contextlib.contextmanager
def frozen_until_done() -> Iterator[None]:
    """Unfreeze when the block ends, so a long-running process (the web server) scans them again."""
    try:
        yield
    finally:
        gc.unfreeze()
