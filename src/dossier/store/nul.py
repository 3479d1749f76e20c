"""U+0000 in what a store writes: the same stand-in on every backend.

Why: PostgreSQL's text columns cannot hold U+0000, and its jsonb, through which the store's queries
read documents and annotations (``doc_json::jsonb``), rejects the escaped ``\\u0000``; source text is
untrusted, so one NUL in a page's title made its insert, or every listing after it, fail there.

Why a stand-in and not the NUL itself: cleaning already drops NULs from a page's text, before any
offset is taken (``clean.clean_page``), and the readers never give one to the store (binary input
is refused), so a page the map step stores has none; keeping every character recoverable would
only serve strings that the pipeline never produces. A store given one anyway (a document built
elsewhere) cannot drop it from a text without moving every span after it, so it writes U+FFFD, the
replacement character, in its place: one character for one, every offset still holds, and SQLite
and PostgreSQL read back the same strings. What is kept for a rebuild (the raw page as bytes, what
the container declared as JSON text no query parses) is stored as given.
"""

from __future__ import annotations

import logging
import re
from typing import overload

logger = logging.getLogger(__name__)

NUL, STAND_IN = "\x00", "\ufffd"
# "\u0000" as json.dumps escapes a NUL, after an even run of backslashes (an odd run ends in an
# escaped backslash: the text "\\u0000" is a backslash and five characters, not a NUL)
_ESCAPED = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


@overload
def text_value(value: str) -> str: ...
@overload
def text_value(value: None) -> None: ...
def text_value(value: str | None) -> str | None:
    """A string for a text column, U+0000 replaced (the same string when it holds none)."""
    if value is None or NUL not in value:
        return value
    logger.debug("U+0000 stored as U+FFFD in a %d-character string", len(value))
    return value.replace(NUL, STAND_IN)


def json_text(encoded: str) -> str:
    """JSON from ``json.dumps`` with every escaped U+0000 in its strings replaced by U+FFFD."""
    if "\\u0000" not in encoded:  # nearly always: one scan, no copy
        return encoded
    return _ESCAPED.sub(lambda m: m.group(1) + STAND_IN, encoded)
