"""What the CLI prints when it is not on a terminal: TSV cells and progress lines."""

from __future__ import annotations

from dossier import cli, cli_output


def test_tsv_cells_keep_one_row_a_line() -> None:
    assert cli_output.cell("a\tb\nc  d") == "a b c d"
    assert cli_output.cell(None) == "" and cli_output.cell(3) == "3"


def test_progress_lines_come_every_few_seconds_and_at_the_end(monkeypatch, capsys) -> None:
    now = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    on_progress = cli_output.progress_lines()
    for i in range(1, 11):
        now[0] += 1.0  # one document a second
        on_progress(f"/pages/p{i}.txt", i, 10)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["building: 5/10 documents, 5 s, last: p5.txt", "building: 10/10 documents, 10 s, last: p10.txt"]


def test_every_listing_takes_the_entity_filter(tmp_path) -> None:
    """--entity, like --outlet/--from/--to, is one filter of the query layer for every listing."""
    import json

    from typer.testing import CliRunner

    from tests.support.synthetic import build_store

    db = str(build_store(tmp_path / "s.db"))
    runner = CliRunner()

    def rows(*args: str) -> list[dict]:
        result = runner.invoke(cli.app, [*args, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    for command in ("docs", "entities", "timeline", "quotes", "positions", "figures", "conflicts"):
        rows(command, "--entity", "Karl Lind")
    assert {q["speaker"] for q in rows("quotes", "--entity", "Karl Lind")} == {"Karl Lind"}
    assert {p["actor"] for p in rows("positions", "--entity", "Sudland")} == {"Sudland"}
    assert [e["name"] for e in rows("entities", "--entity", "Anna Berg")] == ["Anna Berg"]
    assert rows("conflicts", "--entity", "Anna Berg") == []


def test_a_role_names_its_place_and_dates_only_when_known() -> None:
    from dossier.cli_output import role_text

    assert role_text({"title": "nominee", "of": None, "from": None, "to": None}) == "nominee"
    assert role_text({"title": "mayor", "of": "Springfield", "from": "2016-09", "to": None}) == "mayor of Springfield (since 2016-09)"
    assert role_text({"title": "mayor", "of": None, "from": "2009", "to": "2013", "past": True}) == "former mayor (2009..2013)"
    # the dates of the pages that report a role are no term: said as such
    assert role_text({"title": "president", "of": None, "from": None, "to": None, "seen_from": "2016-09-17",
                      "seen_to": "2016-09-17"}) == "president (reported 2016-09-17)"
    assert role_text({"title": "senator", "of": None, "seen_from": "2016-02", "seen_to": "2016-09"}) == "senator (reported 2016-02..2016-09)"
