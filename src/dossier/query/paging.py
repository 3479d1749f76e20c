"""Pages of a listing: ``limit`` items from an opaque ``cursor``, and the cursor of the next page.

The cursor is the offset into the listing's stable order, written as text so clients treat it as
opaque (it may become a keyset later without changing the API). Shared by the CLI, the JSON API and
the web app so every listing pages the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class BadCursor(ValueError):
    """A cursor this listing did not hand out (or a limit out of range)."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: the items, the cursor of the next page (None at the end), the total."""

    items: list[T]
    next_cursor: str | None
    total: int
    offset: int = 0


def parse_cursor(cursor: str | None) -> int:
    """'' or None -> 0; a decimal offset -> that offset; anything else is a client error."""
    if not cursor:
        return 0
    if not cursor.isdigit() or len(cursor) > 9:
        raise BadCursor(f"bad cursor {cursor[:20]!r}: use the next_cursor of a previous page")
    return int(cursor)


def check_limit(limit: int | None, default: int = DEFAULT_LIMIT) -> int:
    if limit is None:
        return default
    if not 1 <= limit <= MAX_LIMIT:
        raise BadCursor(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def paginate(items: Sequence[T], limit: int | None = None, cursor: str | None = None) -> Page[T]:
    """The page of ``items`` that starts at ``cursor`` and holds at most ``limit`` items."""
    size = check_limit(limit)
    start = parse_cursor(cursor)
    chunk = list(items[start : start + size])
    nxt = str(start + size) if start + size < len(items) else None
    return Page(items=chunk, next_cursor=nxt, total=len(items), offset=start)
