"""glibc's malloc settings for a process that runs the map step.

Why: glibc gives memory back to the system as soon as it is freed (a block over its mmap threshold is
unmapped, and a free top of the heap over its trim threshold is trimmed), and the next allocation
faults every page in again. spaCy's arrays for a batch of pages are tens of MB, and the extractors'
Python objects between two batches move the heap's top, so a worker of the map took ~1,800 page
faults a page and spent 5-7 CPU-ms a page in the kernel (5 % of a build) filling them, against ~100 when
glibc keeps the memory (generated pages, serial build). The settings only decide when freed memory
goes back to the system; no value computed changes. The peak is that of the memory in use, which
freed memory kept is reused for.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys
from typing import Any, Callable

logger = logging.getLogger(__name__)

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers (malloc.h)
MMAP_THRESHOLD = 32 << 20  # the largest glibc takes on a 64-bit system: spaCy's batch arrays stay on the heap
TRIM_THRESHOLD = 256 << 20  # 64 MB still left ~950 faults a page


def _mallopt() -> Callable[[int, int], Any] | None:
    """glibc's ``mallopt``, or None (another C library or system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl and others have none
        return None


@functools.cache
def keep_freed_memory() -> bool:
    """Keep freed memory in this process for the next batch instead of giving it back at once
    (see the module docstring); once per process. True if glibc took both settings."""
    mallopt = _mallopt()
    if mallopt is None:
        return False
    done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    logger.debug("malloc thresholds set: %s", done)
    return done
