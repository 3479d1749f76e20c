"""The README documents every command, every option of the CLI, and every setting (datasette's habit)."""

from __future__ import annotations

import re

import typer.main

from dossier.cli import app
from dossier.config import SETTINGS_DOC
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_group(app)
    return group.commands.items()


def test_every_command_is_in_the_readme():
    for name, _cmd in _commands():
        assert re.search(rf"`dossier {re.escape(name)}\b", README) or f"/ `{name} " in README or f"`{name} " in README, name


def test_every_option_is_in_the_readme():
    for name, cmd in _commands():
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in ("--help",):
                    assert opt in README, f"{name} {opt} is not documented"


def test_every_setting_is_in_the_readme():
    for key in SETTINGS_DOC:
        for part in key.split(" / "):
            assert part in README, key
