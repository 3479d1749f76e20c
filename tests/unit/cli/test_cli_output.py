"""What the CLI prints when it is not on a terminal: TSV cells and progress lines."""

from __future__ import annotations

from dossier import cli


def test_tsv_cells_keep_one_row_a_line() -> None:
    assert cli._cell("a\tb\nc  d") == "a b c d"
    assert cli._cell(None) == "" and cli._cell(3) == "3"


def test_progress_lines_come_every_few_seconds_and_at_the_end(monkeypatch, capsys) -> None:
    now = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    on_progress = cli._progress_lines()
    for i in range(1, 11):
        now[0] += 1.0  # one document a second
        on_progress(f"/pages/p{i}.txt", i, 10)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["building: 5/10 documents, 5 s, last: p5.txt", "building: 10/10 documents, 10 s, last: p10.txt"]
