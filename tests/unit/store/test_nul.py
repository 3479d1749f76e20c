"""U+0000 in stored strings (``store.nul``): replaced by U+FFFD in JSON and text columns alike."""

from __future__ import annotations

import json

import pytest

from dossier.store.nul import json_text, text_value


@pytest.mark.parametrize("value", [
    "a\x00b", "\x00", "\\\x00", "\\\\\x00", "\\u0000", "\\\\u0000", "\\\\\\u0000\x00", "no nul", "é\x00\n\"",
    {"k\x00": ["x\x00", 1, None], "t": "\\u0000"},
])
def test_json_text_reads_back_as_the_value_with_each_nul_replaced(value):
    """A backslash written before "u0000" is text, not a NUL: it stays (a plain text replace would
    not keep it)."""
    encoded = json.dumps(value, ensure_ascii=False)
    assert json.loads(json_text(encoded)) == _replaced(value)


def _replaced(value):
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_replaced(k): _replaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced(v) for v in value]
    return value


def test_text_value_keeps_length_and_returns_a_clean_string_as_it_is():
    clean = "no nul here"
    assert text_value(clean) is clean and text_value(None) is None
    assert text_value("a\x00b\x00") == "a\ufffdb\ufffd"
