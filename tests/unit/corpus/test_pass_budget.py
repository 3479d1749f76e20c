"""A corpus pass over its CPU budget says which it is: a warning, the store's meta, the build summary."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from importlib.metadata import EntryPoint

import pytest
from typer.testing import CliRunner

from dossier.corpus import Corpus, Pass, run_passes
from dossier.model import Document, PublicationDate


def _spin(c: Corpus) -> Corpus:
    """Burns 0.3 s of CPU and changes nothing (a slow plugin pass)."""
    end = time.process_time() + 0.3
    while time.process_time() < end:
        pass
    return c


SLOW = Pass("slow", _spin, frozenset({"documents"}), frozenset({"figures"}), 65)
QUICK = Pass("quick", lambda c: dataclasses.replace(c, figures=()), frozenset({"documents"}), frozenset({"figures"}), 66)


def _corpus() -> Corpus:
    return Corpus({"0": Document(id="0", source="0", text="t", published=PublicationDate("2020"))}, {})


def test_the_pass_over_budget_is_named_once_and_the_others_are_not(caplog):
    with caplog.at_level(logging.WARNING, logger="dossier"):
        _, log = run_passes(_corpus(), [SLOW, QUICK], budget=0.2)
    assert len(log.overruns) == 1 and log.overruns[0].startswith("pass slow took ")
    assert "budget of 0.2 s" in log.overruns[0]
    assert [r.getMessage() for r in caplog.records] == [f"corpus step: {log.overruns[0]}"]
    assert log.runs[0].cpu >= 0.3


def test_no_budget_no_overrun():
    _, log = run_passes(_corpus(), [SLOW], budget=None)
    assert log.overruns == [] and log.runs[0].cpu >= 0.3


@pytest.fixture
def slow_pass_registered(monkeypatch):
    """Registers SLOW through the entry point group, as a plugin package would."""
    from dossier import plugins

    real = plugins.entry_points
    ep = EntryPoint("slow", f"{__name__}:SLOW", plugins.PASSES)
    monkeypatch.setattr(plugins, "entry_points", lambda group: [*real(group=group), *([ep] if group == plugins.PASSES else [])])
    plugins.load_group.cache_clear()
    yield
    plugins.load_group.cache_clear()


@pytest.mark.slow
def test_the_build_summary_names_a_registered_pass_over_budget(tmp_path, slow_pass_registered):
    from dossier.cli import app

    page = tmp_path / "in" / "page.txt"
    page.parent.mkdir()
    page.write_text("Smith said on Monday that the plan would go ahead. Jones agreed with the plan.\n")
    (tmp_path / "s.toml").write_text("pass_budget = 0.2\n")
    result = CliRunner().invoke(app, ["build", str(page), "--db", str(tmp_path / "s.db"), "--executor", "serial"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("corpus step: ") and ", slow " in line for line in lines), result.output
    assert [ln.strip() for ln in lines if "over budget:" in ln and "pass slow" in ln], result.output
    from dossier.store import open_store

    record = json.loads(open_store(tmp_path / "s.db").get_meta("corpus_passes"))
    assert any(o.startswith("pass slow took") for o in record["over_budget"])
