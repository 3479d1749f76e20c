"""What the `dossier` command prints and how it stops: the consoles, one-line errors (exit 2 for a
usage error, 1 for a storage error), tables that are TSV when piped, JSON, build progress and the
build summary. Kept beside ``cli`` so the command module stays a thin argument layer.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dossier import validate

if TYPE_CHECKING:  # imported lazily at run time: `dossier --help` loads no pipeline
    from dossier.api import Dossier
    from dossier.pipeline import BuildReport
    from dossier.store.base import DocMeta

logger = logging.getLogger(__name__)

OnProgress = Callable[[str, int, "int | None"], None]  # (source, documents done, total if known)


# Piped output is never wrapped or cut at 80 columns (soft_wrap): a line is a line.
console = Console(soft_wrap=not sys.stdout.isatty())
err = Console(stderr=True, soft_wrap=not sys.stderr.isatty())


def usage(problem: str | None) -> None:
    """Stop with one line and exit 2 (a usage error) when a check found a problem."""
    if problem:
        err.print(f"[red]error[/red]: {escape(problem)}", soft_wrap=True)
        raise typer.Exit(2)


def checked(check: Any) -> Any:
    """A typer callback that runs ``check(value)`` while arguments are parsed (before anything runs)."""

    def callback(value: Any) -> Any:
        usage(check(value))
        return value

    return callback


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """A full disk or a damaged store ends the command with one line (exit 1), not a traceback."""
    import sqlite3

    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        err.print(f"[red]error[/red]: {escape(validate.storage_problem(exc) or str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from exc


def open_dossier(db: str, config: Optional[Path] = None, must_exist: bool = True) -> Dossier:
    from dossier.api import Dossier
    from dossier.config import config_path, config_problem
    from dossier.store.sqlite import NotAStore
    from dossier.store import is_url

    if must_exist and not is_url(db) and not Path(db).exists():
        err.print(f"[red]no store at {escape(db)}[/red]: run `dossier build PATH --db {escape(db)}` first")
        raise typer.Exit(1)
    usage(config_problem(config_path(db, config)))  # a bad settings file: one line, store untouched
    try:
        with storage_errors():
            return Dossier.open(db, config)
    except NotAStore as exc:
        usage(str(exc))
        raise  # not reached: usage() stops with exit 2


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def cell(v: Any) -> str:
    """A value as one TSV cell: tabs and line breaks inside it become spaces."""
    return " ".join(("" if v is None else str(v)).split())


def print_table(title: str, columns: list[str], rows: list[list[Any]], total: int | None = None) -> None:
    """A table on a terminal; plain TSV (header line, one row a line, nothing cut) when piped, so
    ``dossier quotes | cut -f2 | sort | uniq -c`` works. ``total`` > len(rows) notes the rest on stderr."""
    if not console.is_terminal:
        sys.stdout.write("\t".join(columns) + "\n")
        sys.stdout.writelines("\t".join(cell(v) for v in row) + "\n" for row in rows)
    else:
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*[escape("" if v is None else str(v)) for v in row])
        console.print(table)
    if total is not None and total > len(rows):
        err.print(f"{len(rows)} of {total} {title} shown (--limit)")


def role_text(role: dict[str, Any]) -> str:
    """A role as a reader says it: "nominee of Acme (since 2016-09)", "former mayor (reported
    2016-09)"; whom it is of and when only when known (a cell must not read "of None (None..None)")."""
    from dossier.query.views import role_when

    text = ("former " if role.get("past") else "") + str(role["title"]) + (f" of {role['of']}" if role.get("of") else "")
    when = role_when(role)
    return text + (f" ({when})" if when else "")


def limited(items: list[Any], limit: int | None) -> list[Any]:
    return items if limit is None else items[:limit]


PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


def progress_line(i: int, total: int | None, source: str, elapsed: float) -> str:
    """'building: 40/84 documents, 31 s, last: page.txt' (what a log or CI output shows); the build
    streams its inputs, so the total is often not known ('40 documents')."""
    count = f"{i}/{total}" if total else f"{i}"
    return f"building: {count} documents, {elapsed:.0f} s, last: {Path(source).name}"


@contextlib.contextmanager
def build_progress(quiet: bool) -> Iterator[OnProgress | None]:
    """A progress bar on stderr (a line every few seconds when stderr is not a terminal); yields the
    callback the pipeline reports each document to."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if not err.is_terminal:
        yield None if quiet else progress_lines()
        return

    columns = (TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("", total=None)

        def on_progress(source: str, i: int, total: int | None) -> None:
            progress.update(task, completed=i, total=total, description=escape(Path(source).name))

        yield on_progress


def progress_lines() -> OnProgress:
    """The callback for a piped stderr: one plain line every ``PROGRESS_EVERY`` seconds and at the end."""
    import time

    began = time.monotonic()
    last = [began]

    def on_progress(source: str, i: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or i == total:
            last[0] = now
            sys.stderr.write(progress_line(i, total, source, now - began) + "\n")
            sys.stderr.flush()

    return on_progress


def print_report(report: BuildReport, location: str, docs: list[DocMeta], as_json: bool) -> None:
    """The build summary; ``docs`` are the store's DocMeta rows (read without the texts)."""
    from dossier.date import dating_summary

    dated = dating_summary((m.status, m.published, m.precision, m.confidence) for m in docs)
    if as_json:
        return print_json(report.as_dict() | {"db": location, "dated": dated})
    console.print(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, duplicates {len(report.duplicates)}, "
        f"non-English {len(report.non_english)}, kept raw {len(report.failed)}, skipped {len(report.skipped)}"
        + (f", over time budget {len(report.timed_out)}" if report.timed_out else "")
        + (f" ({len(report.upgraded)} of the unchanged brought up to this version without mapping them again)"
           if report.upgraded else "")
    )
    for source, reason in report.skipped:
        console.print(f"  skipped {escape(source)}: {escape(reason)}")
    for source, reason in report.failed:
        console.print(f"  kept raw {escape(source)}: {escape(reason)} (traceback: dossier show ID)")
    for source, reason in report.timed_out:
        console.print(f"  kept raw {escape(source)}: {escape(reason)}")
    for source in report.duplicates:
        console.print(f"  duplicate {escape(source)}")
    if report.passes:
        console.print("corpus step: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.passes.items()))
    for line in report.passes_over_budget:
        console.print(f"  over budget: {escape(line)}")
    if report.not_in_manifest:
        shown = ", ".join(Path(s).name for s in report.not_in_manifest[:5])
        more = f" and {len(report.not_in_manifest) - 5} more" if len(report.not_in_manifest) > 5 else ""
        console.print(f"  not in the manifest: {len(report.not_in_manifest)} pages ({escape(shown)}{more})")
    console.print(dated)
    console.print(f"store: {escape(location)} ({len(docs)} documents)")
