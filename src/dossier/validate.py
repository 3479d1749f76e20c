"""Checks of user-given values, each returning one line saying what is wrong (or None).

The CLI runs them while it parses arguments, so a bad value stops the command (exit 2) before any
file is read or any store is touched; the web app and the Python API can use the same checks.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import re
import sqlite3
from typing import get_args

from dossier.model import EntityType

logger = logging.getLogger(__name__)

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ADDRESS = re.compile(r"^(tcp|tls)://[\w.\-\[\]:]+:\d{1,5}$")


def date_problem(value: str | None, option: str, partial: bool = True) -> str | None:
    """A calendar date YYYY-MM-DD (or YYYY / YYYY-MM where ``partial``) that exists."""
    if value is None:
        return None
    m = _PARTIAL_DATE.match(value.strip())
    shape = "YYYY-MM-DD" + (", YYYY-MM or YYYY" if partial else "")
    if not m or (not partial and not m.group(3)):
        return f"{option} {value!r} is not a date: expected {shape}"
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        return f"{option} {value!r} is not a real date ({exc})"
    return None


def entity_type_problem(value: str | None) -> str | None:
    if value is None or value in ENTITY_TYPES:
        return None
    return f"--type {value!r} is not an entity type: expected one of {', '.join(ENTITY_TYPES)}"


def port_problem(port: int) -> str | None:
    if 1 <= port <= 65535:
        return None
    return f"--port {port} is out of range: expected 1 to 65535"


def timeout_problem(seconds: float | None) -> str | None:
    if seconds is None or seconds >= 0:
        return None
    return f"--page-timeout {seconds:g} must be 0 (no budget) or a number of seconds"


def executor_problem(value: str | None) -> str | None:
    if value is None or value in ("serial", "local", "dask") or _ADDRESS.match(value):
        return None
    return f"--executor {value!r}: expected serial, local, dask or a scheduler address tcp://HOST:PORT"


def storage_problem(exc: BaseException) -> str | None:
    """One line for an error of the disk or the database (full disk, damaged file), else None."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({exc.strerror}); nothing more could be written"
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "full" in text:
            return "the disk is full (the store could not grow); documents committed so far are kept"
        return f"store error: {text}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return None
