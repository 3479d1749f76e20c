"""`dossier annotate` (one file, no store) and the Python API over a real build."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dossier import Dossier
from dossier.cli import app
from dossier.model import Entity, Event, Quote

pytestmark = pytest.mark.slow


def test_annotate_json_offsets_point_into_the_file(kuril_dir):
    path = kuril_dir / "001_cadce74c269f35cf.txt"
    text = path.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(path), "--date", "2019-02-18", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) >= {"sentences", "entities", "times", "figures", "quotes"}
    for ent in out["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    kono = [e for e in out["entities"] if e["text"] == "Kono"]
    assert kono and all(e["entity"] == "Taro Kono" for e in kono)
    feb16 = [t for t in out["times"] if t["text"] == "Feb. 16"]
    assert feb16 and feb16[0]["value"] == "2019-02-16"
    assert any(f["unit"] == "percent" and f["value"] == 2.3 and f["about"] == "increase" for f in out["figures"])
    for q in out["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
    # furniture stays in .txt input: the first line is still there
    assert out["sentences"][0]["start"] == 0


def test_annotate_reports_unreadable_input(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(app, ["annotate", str(binary), "--json"])
    assert result.exit_code == 1
    assert "binary" in result.stderr


def test_python_api_returns_model_objects(tmp_path, kuril_dir):
    with Dossier.open(tmp_path / "api.db") as d:
        report = d.build([kuril_dir])
        assert len(report.added) == 5
        ents = d.entities(type="person")
        assert ents and all(isinstance(e, Entity) for e in ents)
        konos = d.who("Kono")
        assert {e.name for e in konos if e.type == "person"} >= {"Yohei Kono", "Taro Kono"}
        events = d.timeline()
        assert events and all(isinstance(e, Event) for e in events)
        quotes = d.quotes()
        assert quotes and all(isinstance(q, Quote) for q in quotes)
        cite = d.cite(quotes[0].content)
        assert cite is not None and quotes[0].text[:20] in d.document(cite.doc_id).text
        answer = d.ask("Who is Kono?")
        assert answer.found and "Kono" in answer.answer
