"""The `dossier` command: a thin layer that parses arguments and calls the library.

Every listing takes ``--json``. Exit codes: 0 success; 1 nothing could be done (e.g. ``build`` stored no
document at all, an unknown id); 2 usage error.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dossier import validate
from dossier.budget import DEFAULT_PAGE_TIMEOUT
from dossier.cli_logging import verbose_option
from dossier.store import DEFAULT_DB

logger = logging.getLogger(__name__)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    callback=verbose_option,
    help="Turn raw news pages about one story into a cited, queryable dossier.",
)
# Piped output is never wrapped or cut at 80 columns (soft_wrap): a line is a line.
console = Console(soft_wrap=not sys.stdout.isatty())
err = Console(stderr=True, soft_wrap=not sys.stderr.isatty())

DbOpt = typer.Option(DEFAULT_DB, "--db", envvar="DOSSIER_DB", help="The store: a SQLite file or a postgresql:// URL.")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of a table.")
LimitOpt = typer.Option(None, "--limit", min=1, help="Print at most this many rows (default: all).")
OutletOpt = typer.Option(None, "--outlet", help="Only sources from this outlet.")
EntityOpt = typer.Option(None, "--entity", help="A name (every entity it may denote) or an entity id.")
ConfigOpt = typer.Option(None, "--config", envvar="DOSSIER_CONFIG", help="Settings and corrections (TOML).")


def _usage(problem: str | None) -> None:
    """Stop with one line and exit 2 (a usage error) when a check found a problem."""
    if problem:
        err.print(f"[red]error[/red]: {escape(problem)}", soft_wrap=True)
        raise typer.Exit(2)


def _checked(check: Any) -> Any:
    """A typer callback that runs ``check(value)`` while arguments are parsed (before anything runs)."""

    def callback(value: Any) -> Any:
        _usage(check(value))
        return value

    return callback


FromOpt = typer.Option(None, "--from", help="YYYY[-MM[-DD]], inclusive.",
                       callback=_checked(lambda v: validate.date_problem(v, "--from")))
ToOpt = typer.Option(None, "--to", help="YYYY[-MM[-DD]], inclusive.",
                     callback=_checked(lambda v: validate.date_problem(v, "--to")))


@contextlib.contextmanager
def _storage_errors():
    """A full disk or a damaged store ends the command with one line (exit 1), not a traceback."""
    import sqlite3

    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        err.print(f"[red]error[/red]: {escape(validate.storage_problem(exc) or str(exc))}", soft_wrap=True)
        raise typer.Exit(1)


def _open(db: str, config: Optional[Path] = None, must_exist: bool = True):
    from dossier.api import Dossier
    from dossier.config import config_path, config_problem
    from dossier.store.sqlite import NotAStore
    from dossier.store import is_url

    if must_exist and not is_url(db) and not Path(db).exists():
        err.print(f"[red]no store at {escape(db)}[/red]: run `dossier build PATH --db {escape(db)}` first")
        raise typer.Exit(1)
    _usage(config_problem(config_path(db, config)))  # a bad settings file: one line, store untouched
    try:
        with _storage_errors():
            return Dossier.open(db, config)
    except NotAStore as exc:
        _usage(str(exc))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _cell(v: Any) -> str:
    """A value as one TSV cell: tabs and line breaks inside it become spaces."""
    return " ".join(("" if v is None else str(v)).split())


def _table(title: str, columns: list[str], rows: list[list[Any]], total: int | None = None) -> None:
    """A table on a terminal; plain TSV (header line, one row a line, nothing cut) when piped, so
    ``dossier quotes | cut -f2 | sort | uniq -c`` works. ``total`` > len(rows) notes the rest on stderr."""
    if not console.is_terminal:
        sys.stdout.write("\t".join(columns) + "\n")
        sys.stdout.writelines("\t".join(_cell(v) for v in row) + "\n" for row in rows)
    else:
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*[escape("" if v is None else str(v)) for v in row])
        console.print(table)
    if total is not None and total > len(rows):
        err.print(f"{len(rows)} of {total} {title} shown (--limit)")


def _limited(items: list[Any], limit: int | None) -> list[Any]:
    return items if limit is None else items[:limit]


# ---------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------


PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


def progress_line(i: int, total: int | None, source: str, elapsed: float) -> str:
    """'building: 40/84 documents, 31 s, last: page.txt' (what a log or CI output shows); the build
    streams its inputs, so the total is often not known ('40 documents')."""
    count = f"{i}/{total}" if total else f"{i}"
    return f"building: {count} documents, {elapsed:.0f} s, last: {Path(source).name}"


@contextlib.contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr (a line every few seconds when stderr is not a terminal); yields the
    callback the pipeline reports each document to."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if not err.is_terminal:
        yield None if quiet else _progress_lines()
        return

    columns = (TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("", total=None)

        def on_progress(source: str, i: int, total: int | None) -> None:
            progress.update(task, completed=i, total=total, description=escape(Path(source).name))

        yield on_progress


def _progress_lines():
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


def _print_report(report, location: str, docs: list, as_json: bool) -> None:
    """The build summary; ``docs`` are the store's DocMeta rows (read without the texts)."""
    from dossier.date import dating_summary

    dated = dating_summary((m.status, m.published, m.precision, m.confidence) for m in docs)
    if as_json:
        return _print_json(report.as_dict() | {"db": location, "dated": dated})
    console.print(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, duplicates {len(report.duplicates)}, "
        f"non-English {len(report.non_english)}, kept raw {len(report.failed)}, skipped {len(report.skipped)}"
        + (f", over time budget {len(report.timed_out)}" if report.timed_out else "")
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


PageTimeoutOpt = typer.Option(
    DEFAULT_PAGE_TIMEOUT, "--page-timeout", callback=_checked(validate.timeout_problem),
    help="CPU seconds one page may take; a page over it is kept raw with the stage it was in (0: no limit).")
ExecutorOpt = typer.Option(
    None, "--executor", callback=_checked(validate.executor_problem),
    help="Where the per-document step runs: local (worker processes, default), serial (this process), "
         "dask (a local Dask cluster) or tcp://HOST:PORT (a Dask scheduler).")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.html .htm .txt .md .jsonl .warc .warc.gz)."),
    db: str = DbOpt,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document step."),
    date: Optional[str] = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for these inputs.",
        callback=_checked(lambda v: validate.date_problem(v, "--date", partial=False))),
    manifest: Optional[Path] = typer.Option(
        None, "--manifest", help="CSV/TSV/JSONL of file name or url -> published, title, outlet, author, url "
        "(wins over what the pages say)."),
    config: Optional[Path] = ConfigOpt,
    as_json: bool = JsonOpt,
    page_timeout: float = PageTimeoutOpt,
    executor: Optional[str] = ExecutorOpt,
) -> None:
    """Ingest pages into the store: clean, date, analyse, then resolve across documents."""
    from dossier.ingest.manifest import load_manifest

    try:
        table = load_manifest(manifest) if manifest else None
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    d = _open(db, config, must_exist=False)
    with _storage_errors(), _progress(as_json) as on_progress:
        report = d.build([str(p) for p in paths], workers=workers, date=date, on_progress=on_progress,
                         manifest=table, page_timeout=page_timeout or None, executor=executor)
    stored = len(report.added) + len(report.unchanged) + len(report.non_english) + len(report.failed)
    _print_report(report, d.store.location, d.store.document_meta(), as_json)
    d.close()
    if stored == 0:
        raise typer.Exit(1)


@app.command()
def rebuild(
    db: str = DbOpt,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document step."),
    config: Optional[Path] = ConfigOpt,
    as_json: bool = JsonOpt,
    page_timeout: float = PageTimeoutOpt,
    executor: Optional[str] = ExecutorOpt,
) -> None:
    """Re-run every stage from the pages kept in the store (no source files needed)."""
    d = _open(db, config)
    with _storage_errors(), _progress(as_json) as on_progress:
        report = d.rebuild(workers=workers, on_progress=on_progress, page_timeout=page_timeout or None,
                           executor=executor)
    _print_report(report, d.store.location, d.store.document_meta(), as_json)


@app.command()
def resolve(db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Rerun the cross-document step alone (entities, events, positions), e.g. after corrections."""
    d = _open(db, config)
    with _storage_errors():
        d.resolve()
    console.print(f"resolved: {len(d.entities())} entities, {len(d.timeline())} events")


# ---------------------------------------------------------------------------------------------
# documents
# ---------------------------------------------------------------------------------------------


@app.command()
def docs(db: str = DbOpt, outlet: Optional[str] = OutletOpt, start: Optional[str] = FromOpt,
         end: Optional[str] = ToOpt, entity: Optional[str] = typer.Option(None, "--entity"),
         limit: Optional[int] = LimitOpt, as_json: bool = JsonOpt) -> None:
    """List the documents with their dates, outlets and status."""
    from dossier.query.filters import Filters
    from dossier.query.views import document_row

    reader = _open(db).reader
    found = reader.documents(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [document_row(reader.docs[m.id]) for m in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table(
        "documents",
        ["id", "published", "conf", "outlet", "title", "words", "status"],
        [
            [r["id"][:10], f"{r['published'] or '?'} ({r['published_precision']})", r["published_confidence"],
             r["outlet"], (r["title"] or "")[:60], r["words"], r["status"] + (f": {r['reason']}" if r["reason"] else "")]
            for r in rows
        ],
        len(found),
    )


def _document_or_exit(d, doc_id: str):
    doc = d.document(doc_id)
    if doc is None:
        err.print(f"[red]no document {escape(doc_id)}[/red] (see `dossier docs`)")
        raise typer.Exit(1)
    return doc


@app.command()
def text(doc_id: str, db: str = DbOpt) -> None:
    """Print a document's clean text."""
    sys.stdout.write(_document_or_exit(_open(db), doc_id).text + "\n")


@app.command()
def show(doc_id: str, db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """A document's metadata, date evidence and removed furniture."""
    from dossier.query.views import document_detail

    d = _open(db)
    row = document_detail(d.reader, _document_or_exit(d, doc_id))
    if as_json:
        return _print_json(row)
    for key in ("id", "source", "url", "title", "outlet", "author", "language", "words", "status", "reason",
                "duplicate_of", "error"):
        console.print(f"[bold]{key}[/bold]: {escape(str(row[key]))}")
    console.print(
        f"[bold]published[/bold]: {row['published']} ({row['published_precision']}, "
        f"confidence {row['published_confidence']})"
    )
    for ev in row["published_evidence"]:
        console.print(f"  evidence: {escape(ev)}")
    for src in row["sources"] if len(row["sources"]) > 1 else ():  # identical bodies from several inputs
        console.print(f"  source: {escape(', '.join(str(v) for v in src.values()))}")
    console.print(f"[bold]removed furniture[/bold] ({len(row['removed'])} blocks):")
    for r in row["removed"]:
        console.print(f"  - [{escape(r['reason'])}] {escape(r['text'][:100])}")


# ---------------------------------------------------------------------------------------------
# who is who
# ---------------------------------------------------------------------------------------------


@app.command()
def entities(
    db: str = DbOpt,
    type: Optional[str] = typer.Option(None, "--type", help="person, org, place, gov or other.",
                                       callback=_checked(validate.entity_type_problem)),
    outlet: Optional[str] = OutletOpt,
    start: Optional[str] = FromOpt,
    end: Optional[str] = ToOpt,
    entity: Optional[str] = EntityOpt,
    limit: Optional[int] = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """People, organisations, places and governments, with aliases and roles."""
    from dossier.query.filters import Filters
    from dossier.query.views import entity_row

    found = _open(db).reader.entities(type, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [entity_row(e) for e in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table(
        "entities",
        ["name", "type", "mentions", "docs", "aliases", "roles"],
        [[r["name"], r["type"], r["mentions"], len(r["docs"]), ", ".join(r["aliases"][:5]),
          "; ".join(f"{x['title']} of {x['of']} ({x['from']}..{x['to']})" for x in r["roles"][:3])] for r in rows],
        len(found),
    )


@app.command()
def who(name: str, db: str = DbOpt, limit: int = typer.Option(5, "--limit", min=1, help="Documents shown per entity."),
        as_json: bool = JsonOpt) -> None:
    """Every candidate for a name, with the roles and dates that tell them apart, its document count
    and its top documents (those that name it in the title first, then the newest)."""
    from dossier.query.views import entity_row

    d = _open(db)
    rows = [entity_row(e) for e in d.who(name)]
    if as_json:
        return _print_json(rows)
    if not rows:
        console.print(f"no one called {escape(name)} in the sources")
        raise typer.Exit(1)
    for r in rows:
        console.print(f"[bold]{escape(r['name'])}[/bold] ({r['type']}, {r['mentions']} mentions in "
                      f"{len(r['docs'])} documents, id {r['id']})")
        for role in r["roles"]:
            of = f" of {d.reader.entity_name(role['of'])}" if role["of"] else ""
            when = f"{role['from'] or '?'} .. {role['to'] or '?'}" if role["from"] or role["to"] else "undated"
            console.print(f"  {escape(role['title'] + of)}: {when}")
        if r["aliases"]:
            console.print(f"  also: {escape(', '.join(r['aliases']))}")
        for m in top_documents(d.reader, r, limit):
            console.print(f"  in {m.id[:10]} {m.published or '?'} {escape(m.title or m.source)}")
        if len(r["docs"]) > limit:
            console.print(f"  … and {len(r['docs']) - limit} more (dossier docs --entity {escape(r['id'])})")


def top_documents(reader: Any, row: dict[str, Any], n: int) -> list[Any]:
    """An entity's documents to show first: a title that names it, then the newest."""
    names = [x.lower() for x in (row["name"], *row["aliases"]) if len(x) > 2]
    metas = [reader.meta[d] for d in row["docs"] if d in reader.meta]

    newest = sorted(metas, key=lambda m: m.published or "", reverse=True)
    return sorted(newest, key=lambda m: not any(x in (m.title or "").lower() for x in names))[:n]  # stable


@app.command()
def merge(names: list[str], db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Say that these names or entity ids are one entity (written to the config, applied every build)."""
    from dossier.resolve.corrections import add_merge, load_corrections, save_corrections

    d = _open(db, config)
    save_corrections(d.config, add_merge(load_corrections(d.config), names))
    d.resolve()
    console.print(f"merged {escape(', '.join(names))} (saved in {escape(str(d.config))})")


@app.command()
def split(entity: str, names: list[str], db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Split these names out of an entity into an entity of their own."""
    from dossier.resolve.corrections import add_split, load_corrections, save_corrections

    d = _open(db, config)
    save_corrections(d.config, add_split(load_corrections(d.config), entity, names))
    d.resolve()
    console.print(f"split {escape(', '.join(names))} from {escape(entity)} (saved in {escape(str(d.config))})")


@app.command()
def rename(entity: str, new_name: str, db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Give an entity the name you want shown."""
    from dossier.resolve.corrections import add_rename, load_corrections, save_corrections

    d = _open(db, config)
    save_corrections(d.config, add_rename(load_corrections(d.config), entity, new_name))
    d.resolve()
    console.print(f"renamed {escape(entity)} to {escape(new_name)} (saved in {escape(str(d.config))})")


@app.command("set-type")
def set_type(entity: str, type: str, db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Set an entity's type (person, org, place, gov, other)."""
    from dossier.resolve.corrections import add_type, load_corrections, save_corrections

    d = _open(db, config)
    save_corrections(d.config, add_type(load_corrections(d.config), entity, type))
    d.resolve()
    console.print(f"{escape(entity)} is now a {escape(type)} (saved in {escape(str(d.config))})")


# ---------------------------------------------------------------------------------------------
# the story
# ---------------------------------------------------------------------------------------------


@app.command()
def timeline(
    db: str = DbOpt,
    entity: Optional[str] = typer.Option(None, "--entity"),
    start: Optional[str] = FromOpt,
    end: Optional[str] = ToOpt,
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0, help="Hide weaker events (default 0.5; 0 shows all)."
    ),
    outlet: Optional[str] = OutletOpt,
    limit: Optional[int] = LimitOpt,
    show_all: bool = typer.Option(False, "--all", help="Every event (default: the story's main events)."),
    as_json: bool = JsonOpt,
) -> None:
    """What happened when (planned or held), each event once with all its sources. By default the
    story's main events (most independent reports, lead and headline news), in date order."""
    from dossier.query.views import event_row

    d = _open(db)
    found = d.reader.timeline(entity, start, end, min_confidence, outlet=outlet, main=not show_all)
    rows = [event_row(d.reader, ev) for ev in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table(
        "timeline",
        ["date", "kind", "status", "summary", "place", "sources"],
        [[r["date"] or "?", r["kind"], r["status"], r["summary"], r["place"], len(r["sources"])] for r in rows],
        len(found),
    )


@app.command()
def quotes(
    db: str = DbOpt, speaker: Optional[str] = typer.Option(None, "--speaker"), outlet: Optional[str] = OutletOpt,
    start: Optional[str] = FromOpt, end: Optional[str] = ToOpt, entity: Optional[str] = EntityOpt,
    limit: Optional[int] = LimitOpt, as_json: bool = JsonOpt,
) -> None:
    """Who said what, direct and indirect, with the speaker resolved."""
    from dossier.query.filters import Filters
    from dossier.query.views import quote_row

    d = _open(db)
    found = d.reader.quotes(speaker, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [quote_row(d.reader, q) for q in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table("quotes", ["date", "speaker", "kind", "text"], [[r["date"], r["speaker"], r["kind"], r["text"]] for r in rows],
           len(found))


@app.command()
def positions(
    db: str = DbOpt,
    actor: Optional[str] = typer.Option(None, "--actor"),
    issue: Optional[str] = typer.Option(None, "--issue"),
    outlet: Optional[str] = OutletOpt,
    start: Optional[str] = FromOpt,
    end: Optional[str] = ToOpt,
    entity: Optional[str] = EntityOpt,
    limit: Optional[int] = LimitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Where each side stands on each issue, and how that moved."""
    from dossier.query.filters import Filters
    from dossier.query.views import position_row

    d = _open(db)
    found = d.reader.positions(actor, issue, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [position_row(d.reader, p) for p in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table(
        "positions",
        ["actor", "issue", "date", "stance", "statement"],
        [[r["actor"], r["issue"], r["date"], r["stance"], r["statement"]] for r in rows],
        len(found),
    )


@app.command()
def figures(db: str = DbOpt, entity: Optional[str] = typer.Option(None, "--entity"), outlet: Optional[str] = OutletOpt,
            start: Optional[str] = FromOpt, end: Optional[str] = ToOpt, limit: Optional[int] = LimitOpt,
            as_json: bool = JsonOpt) -> None:
    """The key figures, each with its sentence."""
    from dossier.query.filters import Filters
    from dossier.query.views import figure_row

    d = _open(db)
    found = d.reader.figures(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [figure_row(d.reader, f) for f in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table("figures", ["value", "unit", "about", "date", "sentence"],
           [[r["value"], r["unit"], r["about"], r["date"], r["sentence"]] for r in rows], len(found))


@app.command()
def conflicts(db: str = DbOpt, outlet: Optional[str] = OutletOpt, start: Optional[str] = FromOpt,
              end: Optional[str] = ToOpt, entity: Optional[str] = EntityOpt, limit: Optional[int] = LimitOpt,
              as_json: bool = JsonOpt) -> None:
    """The same fact reported differently, with both sources."""
    from dossier.query.filters import Filters
    from dossier.query.views import conflict_row

    d = _open(db)
    found = d.reader.conflicts(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [conflict_row(d.reader, c) for c in _limited(found, limit)]
    if as_json:
        return _print_json(rows)
    _table("conflicts", ["kind", "about", "values", "sources"],
           [[r["kind"], r["about"], " | ".join(r["values"]), len(r["sources"])] for r in rows], len(found))


@app.command()
def search(query: str, db: str = DbOpt, limit: int = typer.Option(20, "--limit", min=1),
           outlet: Optional[str] = OutletOpt, start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
           entity: Optional[str] = typer.Option(None, "--entity"), as_json: bool = JsonOpt) -> None:
    """Full-text search over the sentences of the live documents (BM25)."""
    from dossier.query.filters import Filters
    from dossier.query.views import search_row

    d = _open(db)
    hits = d.reader.search(query, limit=limit, filters=Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [search_row(d.reader, h) for h in hits]
    if as_json:
        return _print_json(rows)
    _table(f"search: {query}", ["doc", "score", "published", "sentence"],
           [[r["doc"][:10], r["score"], r["published"], r["sentence"]] for r in rows])


# ---------------------------------------------------------------------------------------------
# one file, no store
# ---------------------------------------------------------------------------------------------


@app.command()
def annotate(
    file: Path,
    date: Optional[str] = typer.Option(
        None, "--date", help="Document date (YYYY-MM-DD) to resolve relative times.",
        callback=_checked(lambda v: validate.date_problem(v, "--date", partial=False))),
    as_json: bool = JsonOpt,
) -> None:
    """Annotate one file without a store (offsets into the file's text; .txt keeps its furniture)."""
    from dossier.annotate_file import annotate_file

    try:
        result = annotate_file(file, date)
    except (OSError, ValueError) as exc:
        err.print(f"[red]cannot annotate {escape(str(file))}[/red]: {escape(str(exc))}")
        raise typer.Exit(1)
    if as_json:
        return _print_json(result)
    for key in ("entities", "times", "figures", "quotes"):
        rows = result.get(key, [])
        cols = [c for c in (rows[0].keys() if rows else [])]
        _table(key, cols, [[r[c] for c in cols] for r in rows])


# ---------------------------------------------------------------------------------------------
# interfaces
# ---------------------------------------------------------------------------------------------


@app.command()
def report(db: str = DbOpt, out: Path = typer.Option(Path("dossier.html"), "--out")) -> None:
    """Write the dossier as one self-contained HTML file (offline, printable)."""
    from dossier.report import render_report

    d = _open(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(d.reader), encoding="utf-8")
    console.print(f"report: {escape(str(out))}")


@app.command()
def serve(
    db: str = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (local only by default)."),
    port: int = typer.Option(8765, "--port", callback=_checked(validate.port_problem)),
) -> None:
    """Run the local web app and JSON API (read-only)."""
    from dossier.web import serve as run

    _open(db).close()
    console.print(f"dossier at http://{host}:{port}/  (API under /api/, OpenAPI at /docs)")
    run(db, host=host, port=port)


@app.command()
def ask(question: str, db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """Answer a plain question from the sources, with citations (offline)."""
    import dataclasses

    d = _open(db)
    answer = d.ask(question)
    if as_json:
        return _print_json(dataclasses.asdict(answer))
    console.print(escape(answer.answer))
    for item in answer.items:
        cite = item.get("citation") or {}
        console.print(f"  - {escape(str(item.get('text', '')))}")
        if cite:
            console.print(f"    [dim]{escape(str(cite.get('doc', ''))[:10])}: {escape(str(cite.get('sentence', '')))}[/dim]")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
