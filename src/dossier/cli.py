"""The `dossier` command: a thin layer that parses arguments and calls the library.

Every listing takes ``--json``. Exit codes: 0 success; 1 nothing could be done (e.g. ``build`` stored no
document at all, an unknown id); 2 usage error.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.markup import escape

from dossier import validate
from dossier.budget import DEFAULT_PAGE_TIMEOUT
from dossier.cli_logging import verbose_option
from dossier.store import DEFAULT_DB
from dossier.cli_output import (
    build_progress, checked, console, err, limited, open_dossier, print_json, print_report, print_table, role_text,
    storage_errors,
)

if TYPE_CHECKING:
    from dossier.api import Dossier
    from dossier.model import Document

logger = logging.getLogger(__name__)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    callback=verbose_option,
    help="Turn raw news pages about one story into a cited, queryable dossier.",
)

DbOpt = typer.Option(DEFAULT_DB, "--db", envvar="DOSSIER_DB", help="The store: a SQLite file or a postgresql:// URL.")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of a table.")
LimitOpt = typer.Option(None, "--limit", min=1, help="Print at most this many rows (default: all).")
OutletOpt = typer.Option(None, "--outlet", help="Only sources from this outlet.")
EntityOpt = typer.Option(None, "--entity", help="A name (every entity it may denote) or an entity id.")
ConfigOpt = typer.Option(None, "--config", envvar="DOSSIER_CONFIG", help="Settings and corrections (TOML).")


FromOpt = typer.Option(None, "--from", help="YYYY[-MM[-DD]], inclusive.",
                       callback=checked(lambda v: validate.date_problem(v, "--from")))
ToOpt = typer.Option(None, "--to", help="YYYY[-MM[-DD]], inclusive.",
                     callback=checked(lambda v: validate.date_problem(v, "--to")))


# ---------------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------------


PageTimeoutOpt = typer.Option(
    DEFAULT_PAGE_TIMEOUT, "--page-timeout", callback=checked(validate.timeout_problem),
    help="CPU seconds one page may take; a page over it is kept raw with the stage it was in (0: no limit).")
ExecutorOpt = typer.Option(
    None, "--executor", callback=checked(validate.executor_problem),
    help="Where the per-document step runs: local (worker processes, default), serial (this process), "
         "dask (a local Dask cluster) or tcp://HOST:PORT (a Dask scheduler).")


MapBatchOpt = typer.Option(
    None, "--map-batch", min=1, help="Pages a worker runs through spaCy at once (default: the settings file's "
    "map_batch, else 8; 1: one page a call). The store is the same whatever the batch.")


AllOpt = typer.Option(
    False, "--all", help="Recompute the whole corpus step (default: a few new pages are folded into the "
    "stored entities and events when the last step saw every other page).")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.html .htm .txt .md .jsonl .warc .warc.gz)."),
    db: str = DbOpt,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document step."),
    date: Optional[str] = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for these inputs.",
        callback=checked(lambda v: validate.date_problem(v, "--date", partial=False))),
    manifest: Optional[Path] = typer.Option(
        None, "--manifest", help="CSV/TSV/JSONL of file name or url -> published, title, outlet, author, url "
        "(wins over what the pages say)."),
    config: Optional[Path] = ConfigOpt,
    as_json: bool = JsonOpt,
    page_timeout: float = PageTimeoutOpt,
    executor: Optional[str] = ExecutorOpt,
    full: bool = AllOpt,
    map_batch: Optional[int] = MapBatchOpt,
) -> None:
    """Ingest pages into the store: clean, date, analyse, then resolve across documents."""
    from dossier.ingest.manifest import load_manifest

    try:
        table = load_manifest(manifest) if manifest else None
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    d = open_dossier(db, config, must_exist=False)
    with storage_errors(), build_progress(as_json) as on_progress:
        report = d.build([str(p) for p in paths], workers=workers, date=date, on_progress=on_progress,
                         manifest=table, page_timeout=page_timeout or None, executor=executor, full=full,
                         map_batch=map_batch)
    stored = len(report.added) + len(report.unchanged) + len(report.non_english) + len(report.failed)
    print_report(report, d.store.location, d.store.document_meta(), as_json)
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
    map_batch: Optional[int] = MapBatchOpt,
) -> None:
    """Re-run every stage from the pages kept in the store (no source files needed)."""
    d = open_dossier(db, config)
    with storage_errors(), build_progress(as_json) as on_progress:
        report = d.rebuild(workers=workers, on_progress=on_progress, page_timeout=page_timeout or None,
                           executor=executor, map_batch=map_batch)
    print_report(report, d.store.location, d.store.document_meta(), as_json)


@app.command()
def resolve(db: str = DbOpt, config: Optional[Path] = ConfigOpt, full: bool = AllOpt) -> None:
    """Rerun the cross-document step alone (entities, events, positions), e.g. after corrections."""
    d = open_dossier(db, config)
    with storage_errors():
        d.resolve(full=full)
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

    reader = open_dossier(db).reader
    found = reader.documents(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [document_row(reader.docs[m.id]) for m in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table(
        "documents",
        ["id", "published", "conf", "outlet", "title", "words", "status"],
        [
            [r["id"][:10], f"{r['published'] or '?'} ({r['published_precision']})", r["published_confidence"],
             r["outlet"], (r["title"] or "")[:60], r["words"], r["status"] + (f": {r['reason']}" if r["reason"] else "")]
            for r in rows
        ],
        len(found),
    )


def _document_or_exit(d: Dossier, doc_id: str) -> Document:
    doc = d.document(doc_id)
    if doc is None:
        err.print(f"[red]no document {escape(doc_id)}[/red] (see `dossier docs`)")
        raise typer.Exit(1)
    return doc


@app.command()
def text(doc_id: str, db: str = DbOpt) -> None:
    """Print a document's clean text."""
    sys.stdout.write(_document_or_exit(open_dossier(db), doc_id).text + "\n")


@app.command()
def show(doc_id: str, db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """A document's metadata, date evidence and removed furniture."""
    from dossier.query.views import document_detail

    d = open_dossier(db)
    row = document_detail(d.reader, _document_or_exit(d, doc_id))
    if as_json:
        return print_json(row)
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
                                       callback=checked(validate.entity_type_problem)),
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

    found = open_dossier(db).reader.entities(type, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [entity_row(e) for e in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table(
        "entities",
        ["name", "type", "mentions", "docs", "aliases", "roles"],
        [[r["name"], r["type"], r["mentions"], len(r["docs"]), ", ".join(r["aliases"][:5]),
          "; ".join(role_text(x) for x in r["roles"][:3])] for r in rows],
        len(found),
    )


@app.command()
def who(name: str, db: str = DbOpt, limit: int = typer.Option(5, "--limit", min=1, help="Documents shown per entity."),
        as_json: bool = JsonOpt) -> None:
    """Every candidate for a name, with the roles and dates that tell them apart, its document count
    and its top documents (those that name it in the title first, then the newest)."""
    from dossier.query.views import entity_row, role_when

    d = open_dossier(db)
    rows = [entity_row(e) for e in d.who(name)]
    if as_json:
        return print_json(rows)
    if not rows:
        console.print(f"no one called {escape(name)} in the sources")
        raise typer.Exit(1)
    for r in rows:
        console.print(f"[bold]{escape(r['name'])}[/bold] ({r['type']}, {r['mentions']} mentions in "
                      f"{len(r['docs'])} documents, id {r['id']})")
        for role in r["roles"]:
            of = f" of {d.reader.entity_name(role['of'])}" if role["of"] else ""
            former = "former " if role["past"] else ""
            console.print(f"  {escape(former + role['title'] + of)}: {role_when(role) or 'undated'}")
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


def _settings_file(d: Dossier) -> Path:
    """The settings file corrections are written to (``Dossier.open`` always names one)."""
    from dossier.config import config_path

    return d.config or config_path(d.store.location)


@app.command()
def merge(names: list[str], db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Say that these names or entity ids are one entity (written to the config, applied every build)."""
    from dossier.resolve.corrections import add_merge, load_corrections, save_corrections

    d = open_dossier(db, config)
    cfg = _settings_file(d)
    save_corrections(cfg, add_merge(load_corrections(cfg), names))
    d.resolve()
    console.print(f"merged {escape(', '.join(names))} (saved in {escape(str(cfg))})")


@app.command()
def split(entity: str, names: list[str], db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Split these names out of an entity into an entity of their own."""
    from dossier.resolve.corrections import add_split, load_corrections, save_corrections

    d = open_dossier(db, config)
    cfg = _settings_file(d)
    save_corrections(cfg, add_split(load_corrections(cfg), entity, names))
    d.resolve()
    console.print(f"split {escape(', '.join(names))} from {escape(entity)} (saved in {escape(str(cfg))})")


@app.command()
def rename(entity: str, new_name: str, db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Give an entity the name you want shown."""
    from dossier.resolve.corrections import add_rename, load_corrections, save_corrections

    d = open_dossier(db, config)
    cfg = _settings_file(d)
    save_corrections(cfg, add_rename(load_corrections(cfg), entity, new_name))
    d.resolve()
    console.print(f"renamed {escape(entity)} to {escape(new_name)} (saved in {escape(str(cfg))})")


@app.command("set-type")
def set_type(entity: str, type: str, db: str = DbOpt, config: Optional[Path] = ConfigOpt) -> None:
    """Set an entity's type (person, org, place, gov, other)."""
    from dossier.resolve.corrections import add_type, load_corrections, save_corrections

    d = open_dossier(db, config)
    cfg = _settings_file(d)
    save_corrections(cfg, add_type(load_corrections(cfg), entity, type))
    d.resolve()
    console.print(f"{escape(entity)} is now a {escape(type)} (saved in {escape(str(cfg))})")


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

    d = open_dossier(db)
    found = d.reader.timeline(entity, start, end, min_confidence, outlet=outlet, main=not show_all)
    rows = [event_row(d.reader, ev) for ev in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table(
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

    d = open_dossier(db)
    found = d.reader.quotes(speaker, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [quote_row(d.reader, q) for q in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table("quotes", ["date", "speaker", "kind", "text"], [[r["date"], r["speaker"], r["kind"], r["text"]] for r in rows],
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

    d = open_dossier(db)
    found = d.reader.positions(actor, issue, Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [position_row(d.reader, p) for p in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table(
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

    d = open_dossier(db)
    found = d.reader.figures(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [figure_row(d.reader, f) for f in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table("figures", ["value", "unit", "about", "date", "sentence"],
           [[r["value"], r["unit"], r["about"], r["date"], r["sentence"]] for r in rows], len(found))


@app.command()
def conflicts(db: str = DbOpt, outlet: Optional[str] = OutletOpt, start: Optional[str] = FromOpt,
              end: Optional[str] = ToOpt, entity: Optional[str] = EntityOpt, limit: Optional[int] = LimitOpt,
              as_json: bool = JsonOpt) -> None:
    """The same fact reported differently, with both sources."""
    from dossier.query.filters import Filters
    from dossier.query.views import conflict_row

    d = open_dossier(db)
    found = d.reader.conflicts(Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [conflict_row(d.reader, c) for c in limited(found, limit)]
    if as_json:
        return print_json(rows)
    print_table("conflicts", ["kind", "about", "values", "sources"],
           [[r["kind"], r["about"], " | ".join(r["values"]), len(r["sources"])] for r in rows], len(found))


@app.command()
def search(query: str, db: str = DbOpt, limit: int = typer.Option(20, "--limit", min=1),
           outlet: Optional[str] = OutletOpt, start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
           entity: Optional[str] = typer.Option(None, "--entity"), as_json: bool = JsonOpt) -> None:
    """Full-text search over the sentences of the live documents (BM25)."""
    from dossier.query.filters import Filters
    from dossier.query.views import search_row

    d = open_dossier(db)
    hits = d.reader.search(query, limit=limit, filters=Filters(outlet=outlet, start=start, end=end, entity=entity))
    rows = [search_row(d.reader, h) for h in hits]
    if as_json:
        return print_json(rows)
    print_table(f"search: {query}", ["doc", "score", "published", "sentence"],
           [[r["doc"][:10], r["score"], r["published"], r["sentence"]] for r in rows])


# ---------------------------------------------------------------------------------------------
# one file, no store
# ---------------------------------------------------------------------------------------------


@app.command()
def annotate(
    file: Path,
    date: Optional[str] = typer.Option(
        None, "--date", help="Document date (YYYY-MM-DD) to resolve relative times.",
        callback=checked(lambda v: validate.date_problem(v, "--date", partial=False))),
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
        return print_json(result)
    for key in ("entities", "times", "figures", "quotes"):
        rows = result.get(key, [])
        cols = [c for c in (rows[0].keys() if rows else [])]
        print_table(key, cols, [[r[c] for c in cols] for r in rows])


# ---------------------------------------------------------------------------------------------
# interfaces
# ---------------------------------------------------------------------------------------------


@app.command()
def report(db: str = DbOpt, out: Path = typer.Option(Path("dossier.html"), "--out")) -> None:
    """Write the dossier as one self-contained HTML file (offline, printable)."""
    from dossier.report import render_report

    d = open_dossier(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(d.reader), encoding="utf-8")
    console.print(f"report: {escape(str(out))}")


@app.command()
def serve(
    db: str = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (local only by default)."),
    port: int = typer.Option(8765, "--port", callback=checked(validate.port_problem)),
) -> None:
    """Run the local web app and JSON API (read-only)."""
    from dossier.web import serve as run

    open_dossier(db).close()
    console.print(f"dossier at http://{host}:{port}/  (API under /api/, OpenAPI at /docs)")
    run(db, host=host, port=port)


@app.command()
def ask(question: str, db: str = DbOpt, as_json: bool = JsonOpt) -> None:
    """Answer a plain question from the sources, with citations (offline)."""
    import dataclasses

    d = open_dossier(db)
    answer = d.ask(question)
    if as_json:
        return print_json(dataclasses.asdict(answer))
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
