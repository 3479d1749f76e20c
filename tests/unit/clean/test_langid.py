"""The language identifier read from the uncompressed copy of py3langid's model answers exactly as
py3langid itself, whether the copy is written, read, or damaged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import py3langid
import pytest

from dossier.clean import langid
from dossier.config import CACHE_ENV

TEXTS = [
    "The minister said on Tuesday that talks would resume next month in the capital.",
    "Der Minister sagte am Dienstag, die Gespräche würden im nächsten Monat fortgesetzt.",
    "Le ministre a déclaré mardi que les pourparlers reprendraient le mois prochain.",
    "Министр заявил во вторник, что переговоры возобновятся в следующем месяце.",
    "HEADLINE IN CAPITALS ONLY",
    "x",
    "",
]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    langid.identifier.cache_clear()
    yield tmp_path
    langid.identifier.cache_clear()


def _answers() -> list[tuple[str, float]]:
    return [tuple(langid.identifier().classify(t)) for t in TEXTS]


def test_the_copy_is_written_then_read_with_py3langids_answers(cache: Path) -> None:
    expected = [tuple(py3langid.classify(t)) for t in TEXTS]
    assert _answers() == expected  # decompressed, copy written
    assert len(list(cache.glob("py3langid-*.npz"))) == 1
    langid.identifier.cache_clear()
    assert _answers() == expected  # read from the copy
    assert langid.classify(TEXTS[1]) == "de"


def test_a_damaged_copy_falls_back_to_py3langid(cache: Path) -> None:
    expected = [tuple(py3langid.classify(t)) for t in TEXTS]
    langid._copy_path(langid._packaged()).write_bytes(b"not a model")
    assert _answers() == expected
