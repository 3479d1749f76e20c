"""Dates in file names, folder paths and URLs: ``nyt_2016-02-22_x.txt``, ``20161007-story.txt``,
``/2016/10/07/story``.

People and scrapers name saved articles by their publication date (and news sites put it in the URL
path), so a full, valid calendar date in the path is good evidence, though it can also be the day the
page was saved. Hand-written because dateparser and htmldate read dates in text and markup, not in
file names (htmldate reads URLs of HTML pages only, and this is also used for plain text).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import PurePath

logger = logging.getLogger(__name__)

# Year 1990-2039, then month and day, with one separator kind (or none) and no digit around it.
_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19[89]|20[0-3])\d)(?P<sep>[-_./]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


def _valid(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def date_in_path(source: str, url: str | None = None) -> tuple[str, str] | None:
    """(YYYY-MM-DD, the part it was read from) for the last path part (file name first) or URL
    that holds exactly one full date; None when none does or a part holds two different dates."""
    path = PurePath(source.split("#", 1)[0])
    parts = [*reversed(path.parts), path.parent.as_posix()]  # the folders together: .../2016/10/07/
    if url:
        parts.append(url)
    for part in parts:
        found = {v for m in _YMD.finditer(part) if (v := _valid(m["y"], m["m"], m["d"]))}
        if len(found) == 1:
            return found.pop(), part
        if len(found) > 1:
            return None  # "2016-01-01_to_2016-12-31": a range, not the page's day
    return None
