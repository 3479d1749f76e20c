"""``Dossier.settings``: a ``map_batch`` given from Python is used as given, ``None`` means "not given"
(the settings file's, else the default), and a value below 1 is refused as the CLI and the settings
file refuse it, instead of silently falling back to the settings file."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.api import Dossier
from dossier.mapstep import DEFAULT_MAP_BATCH


@pytest.fixture
def dossier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dossier:
    monkeypatch.delenv("DOSSIER_CONFIG", raising=False)
    (tmp_path / "s.toml").write_text("map_batch = 5\n")  # the settings file beside the store
    return Dossier.open(tmp_path / "s.db")


def test_none_is_the_settings_file_and_a_value_wins(dossier: Dossier) -> None:
    with dossier:
        assert dossier.settings(map_batch=None).map_batch == 5
        assert dossier.settings(map_batch=1).map_batch == 1
        assert dossier.settings(map_batch=12).map_batch == 12


def test_no_file_gives_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_CONFIG", raising=False)
    with Dossier.open(tmp_path / "bare.db") as d:
        assert d.settings().map_batch == DEFAULT_MAP_BATCH


@pytest.mark.parametrize("bad", [0, -3])
def test_a_map_batch_below_1_is_refused(dossier: Dossier, bad: int) -> None:
    with dossier:
        with pytest.raises(ValueError, match="map_batch must be a whole number of pages >= 1"):
            dossier.settings(map_batch=bad)
        with pytest.raises(ValueError, match="map_batch"):
            dossier.build([], map_batch=bad)  # before anything is read or stored
