"""The `dossier` command: a thin layer that parses arguments and calls the library.

Every listing takes ``--json``. Exit codes: 0 success; 1 nothing could be done (e.g. ``build`` stored no
document at all, an unknown id); 2 usage error.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dossier.store import DEFAULT_DB

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw news pages about one story into a cited, queryable dossier.",
)
console = Console()
err = Console(stderr=True)

DbOpt = typer.Option(DEFAULT_DB, "--db", envvar="DOSSIER_DB", help="The store (a SQLite file).")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of a table.")
ConfigOpt = typer.Option(None, "--config", envvar="DOSSIER_CONFIG", help="Settings and corrections (TOML).")


def _open(db: str, config: Optional[Path] = None, must_exist: bool = True):
    from dossier.api import Dossier

    if must_exist and not Path(db).exists():
        err.print(f"[red]no store at {escape(db)}[/red]: run `dossier build PATH --db {escape(db)}` first")
        raise typer.Exit(1)
    return Dossier.open(db, config)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[escape("" if v is None else str(v)) for v in row])
    console.print(table)


# ---------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr; yields the callback the pipeline reports each document to."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True, disable=quiet) as progress:
        task = progress.add_task("", total=None)

        def on_progress(source: str, i: int, total: int) -> None:
            progress.update(task, completed=i, total=total, description=escape(Path(source).name))

        yield on_progress


def _print_report(report, location: str, documents: int, as_json: bool) -> None:
    if as_json:
        return _print_json(report.as_dict() | {"db": location})
    console.print(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, duplicates {len(report.duplicates)}, "
        f"non-English {len(report.non_english)}, kept raw {len(report.failed)}, skipped {len(report.skipped)}"
    )
    for source, reason in report.skipped:
        console.print(f"  skipped {escape(source)}: {escape(reason)}")
    for source, reason in report.failed:
        console.print(f"  kept raw {escape(source)}: {escape(reason)}")
    for source in report.duplicates:
        console.print(f"  duplicate {escape(source)}")
    console.print(f"store: {escape(location)} ({documents} documents)")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.html .htm .txt .md .jsonl .warc .warc.gz)."),
    db: str = DbOpt,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document step."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for these inputs."),
    config: Optional[Path] = ConfigOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Ingest pages into the store: clean, date, analyse, then resolve across documents."""
    d = _open(db, config, must_exist=False)
    with _progress(as_json) as on_progress:
        report = d.build([str(p) for p in paths], workers=workers, date=date, on_progress=on_progress)
    stored = len(report.added) + len(report.unchanged) + len(report.non_english) + len(report.failed)
    _print_report(report, d.store.location, len(d.documents()), as_json)
    d.close()
    if stored == 0:
        raise typer.Exit(1)


@app.command()
def rebuild(
    db: str = DbOpt,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document step."),
    config: Optional[Path] = ConfigOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Re-run every stage from the pages kept in the store (no source files needed)."""
    d = _open(db, config)
    with _progress(as_json) as on_progress:
        report = d.rebuild(workers=workers, on_progress=on_progress)
    _print_report(report, d.store.location, len(d.documents()), as_json)


@app.command()
def resolve(db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Rerun the cross-document step alone (entities, events, positions), e.g. after corrections."""
    d = _open(db, config)
    d.resolve()
    console.print(f"resolved: {len(d.entities())} entities, {len(d.timeline())} events")


# ---------------------------------------------------------------------------------------------
# documents
# ---------------------------------------------------------------------------------------------


@app.command()
def docs(db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """List the documents with their dates, outlets and status."""
    from dossier.query.views import document_row

    rows = [document_row(doc) for doc in _open(db).documents()]
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
                "duplicate_of"):
        console.print(f"[bold]{key}[/bold]: {escape(str(row[key]))}")
    console.print(
        f"[bold]published[/bold]: {row['published']} ({row['published_precision']}, "
        f"confidence {row['published_confidence']})"
    )
    for ev in row["published_evidence"]:
        console.print(f"  evidence: {escape(ev)}")
    console.print(f"[bold]removed furniture[/bold] ({len(row['removed'])} blocks):")
    for r in row["removed"]:
        console.print(f"  - [{escape(r['reason'])}] {escape(r['text'][:100])}")


# ---------------------------------------------------------------------------------------------
# who is who
# ---------------------------------------------------------------------------------------------


@app.command()
def entities(
    db: str = DbOpt,
    type: Optional[str] = typer.Option(None, "--type", help="person, org, place, gov or other."),
    as_json: bool = JsonOpt,
) -> None:
    """People, organisations, places and governments, with aliases and roles."""
    from dossier.query.views import entity_row

    rows = [entity_row(e) for e in _open(db).entities(type)]
    if as_json:
        return _print_json(rows)
    _table(
        "entities",
        ["name", "type", "mentions", "docs", "aliases", "roles"],
        [[r["name"], r["type"], r["mentions"], len(r["docs"]), ", ".join(r["aliases"][:5]),
          "; ".join(f"{x['title']} of {x['of']} ({x['from']}..{x['to']})" for x in r["roles"][:3])] for r in rows],
    )


@app.command()
def who(name: str, db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """Every candidate for a name, with the roles and dates that tell them apart."""
    from dossier.query.views import entity_row

    d = _open(db)
    rows = [entity_row(e) for e in d.who(name)]
    if as_json:
        return _print_json(rows)
    if not rows:
        console.print(f"no one called {escape(name)} in the sources")
        raise typer.Exit(1)
    docs_by_id = {doc.id: doc for doc in d.documents()}
    for r in rows:
        console.print(f"[bold]{escape(r['name'])}[/bold] ({r['type']}, {r['mentions']} mentions, id {r['id']})")
        for role in r["roles"]:
            console.print(f"  {escape(role['title'])} of {escape(str(role['of']))}: {role['from']} .. {role['to']}")
        if r["aliases"]:
            console.print(f"  also: {escape(', '.join(r['aliases']))}")
        for doc_id in r["docs"]:
            doc = docs_by_id.get(doc_id)
            if doc:
                console.print(f"  in {doc_id[:10]} {doc.published.value or '?'} {escape(doc.title or doc.source)}")


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
    start: Optional[str] = typer.Option(None, "--from", help="YYYY[-MM[-DD]]"),
    end: Optional[str] = typer.Option(None, "--to", help="YYYY[-MM[-DD]]"),
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0, help="Hide weaker events (default 0.5; 0 shows all)."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """What happened when (planned or held), each event once with all its sources."""
    from dossier.query.views import event_row

    d = _open(db)
    rows = [event_row(d.reader, ev) for ev in d.timeline(entity, start, end, min_confidence)]
    if as_json:
        return _print_json(rows)
    _table(
        "timeline",
        ["date", "kind", "status", "summary", "place", "sources"],
        [[r["date"] or "?", r["kind"], r["status"], r["summary"], r["place"], len(r["sources"])] for r in rows],
    )


@app.command()
def quotes(
    db: str = DbOpt, speaker: Optional[str] = typer.Option(None, "--speaker"), as_json: bool = JsonOpt
) -> None:
    """Who said what, direct and indirect, with the speaker resolved."""
    from dossier.query.views import quote_row

    d = _open(db)
    rows = [quote_row(d.reader, q) for q in d.quotes(speaker)]
    if as_json:
        return _print_json(rows)
    _table("quotes", ["date", "speaker", "kind", "text"], [[r["date"], r["speaker"], r["kind"], r["text"]] for r in rows])


@app.command()
def positions(
    db: str = DbOpt,
    actor: Optional[str] = typer.Option(None, "--actor"),
    issue: Optional[str] = typer.Option(None, "--issue"),
    as_json: bool = JsonOpt,
) -> None:
    """Where each side stands on each issue, and how that moved."""
    from dossier.query.views import position_row

    d = _open(db)
    rows = [position_row(d.reader, p) for p in d.positions(actor, issue)]
    if as_json:
        return _print_json(rows)
    _table(
        "positions",
        ["actor", "issue", "date", "stance", "statement"],
        [[r["actor"], r["issue"], r["date"], r["stance"], r["statement"]] for r in rows],
    )


@app.command()
def figures(db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """The key figures, each with its sentence."""
    from dossier.query.views import figure_row

    d = _open(db)
    rows = [figure_row(d.reader, f) for f in d.figures()]
    if as_json:
        return _print_json(rows)
    _table("figures", ["value", "unit", "about", "date", "sentence"],
           [[r["value"], r["unit"], r["about"], r["date"], r["sentence"]] for r in rows])


@app.command()
def conflicts(db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """The same fact reported differently, with both sources."""
    from dossier.query.views import conflict_row

    d = _open(db)
    rows = [conflict_row(d.reader, c) for c in d.conflicts()]
    if as_json:
        return _print_json(rows)
    _table("conflicts", ["kind", "about", "values", "sources"],
           [[r["kind"], r["about"], " | ".join(r["values"]), len(r["sources"])] for r in rows])


@app.command()
def search(query: str, db: str = DbOpt, limit: int = typer.Option(20, "--limit"), as_json: bool = JsonOpt) -> None:
    """Full-text search over the sentences (BM25)."""
    d = _open(db)
    hits = d.reader.search(query, limit=limit)
    rows = [{"doc": h.doc_id, "start": h.start, "end": h.end, "sentence": h.text, "score": round(h.score, 4)}
            for h in hits]
    if as_json:
        return _print_json(rows)
    _table(f"search: {query}", ["doc", "score", "sentence"], [[r["doc"][:10], r["score"], r["sentence"]] for r in rows])


# ---------------------------------------------------------------------------------------------
# one file, no store
# ---------------------------------------------------------------------------------------------


@app.command()
def annotate(
    file: Path,
    date: Optional[str] = typer.Option(None, "--date", help="Document date (YYYY-MM-DD) to resolve relative times."),
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
    port: int = typer.Option(8765, "--port"),
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
