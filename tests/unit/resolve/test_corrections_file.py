"""Saving corrections keeps the rest of the settings file (model, issue names)."""

from __future__ import annotations

import tomllib

from dossier.config import load_issue_names
from dossier.resolve.corrections import add_merge, add_rename, load_corrections, save_corrections


def test_save_keeps_other_settings_and_replaces_old_corrections(tmp_path):
    path = tmp_path / "dossier.toml"
    path.write_text('model = "en_core_web_sm"\n\n[issues]\n"the return of the islands" = "territory"\n')
    c = add_merge(load_corrections(path), ["A. Ruiz", "Ana Ruiz"])
    save_corrections(path, c)
    c = add_rename(load_corrections(path), "Ana Ruiz", "Ana María Ruiz")
    save_corrections(path, c)
    data = tomllib.loads(path.read_text())
    assert data["model"] == "en_core_web_sm"
    assert load_issue_names(path) == {"the return of the islands": "territory"}
    assert data["merge"] == [{"names": ["A. Ruiz", "Ana Ruiz"]}]  # saved once, not duplicated
    assert data["rename"] == [{"entity": "Ana Ruiz", "name": "Ana María Ruiz"}]
