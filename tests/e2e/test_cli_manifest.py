"""End to end: `dossier build PATH --manifest FILE` and pages in other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()

BODY = (
    "The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found "
    "cracks in two of its piers, the council's spokeswoman said.\n\n"
    "Repairs are expected to take most of the year and will cost more than the council had planned, "
    "according to the engineers' report, which was published in full on the council's website.\n"
)
GERMAN = (
    "Stadtrat sperrt alte Brücke für Lastwagen\n\n17.03.2020\n\n"
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für den Schwerverkehr zu sperren, nachdem "
    "Ingenieure Risse in zwei Pfeilern gefunden hatten, sagte eine Sprecherin der Stadt.\n\n"
    "Die Reparaturen werden voraussichtlich den größten Teil des Jahres dauern und mehr kosten als "
    "geplant, heißt es in dem Bericht der Ingenieure, der vollständig veröffentlicht wurde.\n"
)


def _docs(db: Path) -> dict[str, dict]:
    result = runner.invoke(app, ["docs", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stdout
    return {Path(r["source"]).name: r for r in json.loads(result.stdout)}


def test_manifest_declares_date_title_outlet_and_says_so(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bridge.txt").write_text(BODY)
    (pages / "bruecke.txt").write_text(GERMAN)
    copy = "Alte Brücke gesperrt\n\n18.03.2020\n\n" + GERMAN.split("\n\n", 2)[2]  # the article, reposted
    (pages / "bruecke_kopie.txt").write_text(copy)
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published,title,outlet,author\nbridge.txt,2019-05-14,Bridge closed,The Courier,Ann Lee\n")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["build", str(pages), "--db", str(db), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.stdout
    assert "dated: 3 to the day, 0 to the month, 0 undated (low confidence: 0)" in result.stdout
    assert "not in the manifest: 2 pages (bruecke.txt, bruecke_kopie.txt)" in result.stdout
    docs = _docs(db)
    bridge = docs["bridge.txt"]
    assert bridge["published"] == "2019-05-14" and bridge["title"] == "Bridge closed"
    assert bridge["outlet"] == "The Courier" and bridge["author"] == "Ann Lee"
    assert any("manifest" in e and "wins" in e for e in bridge["published_evidence"])
    german = docs["bruecke.txt"]  # not English: no language layer, but dated and titled
    assert german["status"] == "non_english"
    assert german["published"] == "2020-03-17"
    assert german["title"] == "Stadtrat sperrt alte Brücke für Lastwagen"
    assert docs["bruecke_kopie.txt"]["status"] == "duplicate"  # deduplicated in any language

    # a changed manifest re-declares an unchanged page
    manifest.write_text("file,published\nbridge.txt,2019-05-15\n")
    result = runner.invoke(app, ["build", str(pages), "--db", str(db), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.stdout
    assert _docs(db)["bridge.txt"]["published"] == "2019-05-15"


def test_a_manifest_naming_no_page_is_a_usage_error(tmp_path: Path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("title\nNothing\n")
    result = runner.invoke(app, ["build", str(tmp_path), "--db", str(tmp_path / "s.db"), "--manifest", str(manifest)])
    assert result.exit_code == 2
    assert not (tmp_path / "s.db").exists()
