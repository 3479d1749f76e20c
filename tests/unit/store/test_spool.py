"""Rows spooled to a temporary file before a write come back as the same strings, in order."""

from __future__ import annotations

import json

import pytest

from dossier.store.spool import Spool


def test_rows_come_back_equal_and_in_order():
    rows = [{"name": "Ana Ruiz", "n": 1}, {"quote": "line one\nline two\r\u2028 \"said\""}, {"odd": "\ud800 lone"},
            {"text": "Zürich — 東京"}]

    def encode(row: dict[str, object]) -> str:
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    with Spool(rows, encode) as spool:
        assert spool.count == 4
        assert list(spool) == [encode(r) for r in rows]
        assert list(spool) == [encode(r) for r in rows]  # read again from the start


def test_a_row_of_two_lines_is_refused():
    with pytest.raises(ValueError):
        Spool(["one\ntwo"], str)
