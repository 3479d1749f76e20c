"""Annotations as rows: quotes and mentions in their own tables, shared by SQLite and PostgreSQL.

Why: listings ask for quotes by speaker, page and date, and the reader asks which entities a sentence
names. Kept inside one JSON blob per document, every request parsed (or filtered in Python) every quote
of the store; as rows with indexed columns (speaker entity, document, offsets) these are SQL queries
that read only the page shown. The rest of a document's annotations (sentences, times, figures,
events, claims) stays one JSON value: only the corpus step reads it, and it reads all of it.

A row's JSON omits what the row's columns already hold (the span, the speaker, the entity id) and
fields at their default, so a quote or a mention is stored once and small; ``joined`` rebuilds the
same objects.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence, cast

from dossier.model import Annotations, Mention, Quote, from_dict, to_dict
from dossier.store.nul import json_text, text_value

logger = logging.getLogger(__name__)

Run = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]

QUOTE_COLUMNS = ("doc_id", "n", "start", '"end"', "speaker_entity", "speaker", "json")
MENTION_COLUMNS = ("doc_id", "n", "start", '"end"', "entity_id", "json")


@functools.cache
def _defaults(cls: Any) -> dict[str, Any]:
    return {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}


def _row_json(obj: Any, held: tuple[str, ...]) -> str:
    """An object's JSON without the fields its row's columns hold and without fields at their default
    (``from_dict`` restores those): a store holds millions of these rows, mostly defaults."""
    defaults = _defaults(cast(Any, type(obj)))  # a class is hashable; mypy does not say so
    kept = {k: v for k, v in to_dict(obj).items()
            if k not in held and not (k in defaults and type(v) is type(defaults[k]) and v == defaults[k])}
    return json_text(json.dumps(kept, ensure_ascii=False, separators=(",", ":")))


_QUOTE_HELD = ("content", "speaker_entity", "speaker")
_MENTION_HELD = ("span", "entity_id")


def quote_rows(annots: Annotations) -> list[tuple[Any, ...]]:
    """One row per quote, in ``QUOTE_COLUMNS`` order (``n`` keeps the document's order)."""
    return [(annots.doc_id, n, q.content.start, q.content.end, text_value(q.speaker_entity), text_value(q.speaker),
             _row_json(q, _QUOTE_HELD)) for n, q in enumerate(annots.quotes)]


def mention_rows(annots: Annotations) -> list[tuple[Any, ...]]:
    """One row per mention, in ``MENTION_COLUMNS`` order."""
    return [(annots.doc_id, n, m.span.start, m.span.end, text_value(m.entity_id), _row_json(m, _MENTION_HELD))
            for n, m in enumerate(annots.mentions)]


def quote_of(doc_id: str, start: int, end: int, speaker_entity: str | None, speaker: str | None, data: str) -> Quote:
    """A quote from its row."""
    fields = json.loads(data)
    fields.update(content={"doc_id": doc_id, "start": start, "end": end}, speaker_entity=speaker_entity,
                  speaker=speaker)
    return from_dict(Quote, fields)


def mention_of(doc_id: str, start: int, end: int, entity_id: str | None, data: str) -> Mention:
    """A mention from its row."""
    fields = json.loads(data)
    fields.update(span={"doc_id": doc_id, "start": start, "end": end}, entity_id=entity_id)
    return from_dict(Mention, fields)


_SELECT = {"quotes": 'SELECT doc_id, start, "end", speaker_entity, speaker, json FROM quotes',
           "mentions": 'SELECT doc_id, start, "end", entity_id, json FROM mentions'}
_MAKE: dict[str, Callable[..., Any]] = {"quotes": quote_of, "mentions": mention_of}


def joined(blob: dict[str, Any], quotes: Sequence[Quote], mentions: Sequence[Mention]) -> Annotations:
    """A document's annotations from its row's JSON and its quote and mention rows."""
    return replace(from_dict(Annotations, blob), quotes=tuple(quotes), mentions=tuple(mentions))


def grouped_rows(run: Run, table: str) -> dict[str, list[Any]]:
    """Every row of ``quotes`` or ``mentions`` as objects, by document id, in document order."""
    make, out = _MAKE[table], dict[str, list[Any]]()
    for row in run(_SELECT[table] + " ORDER BY doc_id, n", ()):
        out.setdefault(row[0], []).append(make(*row))
    return out


def rows_of(run: Run, table: str, doc_id: str, ph: str) -> list[Any]:
    """The quotes or mentions of one document, in its order."""
    return [_MAKE[table](*r) for r in run(_SELECT[table] + f" WHERE doc_id = {ph} ORDER BY n", (doc_id,))]


# -- the quotes listing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteQuery:
    """Which quotes a listing shows: those of live documents, narrowed by the quoting page's outlet and
    date (prefix-aware, as ``query.filters.in_range``) and, when ``by_speaker``, to quotes whose
    speaker resolved to one of ``speaker_ids`` or was read on the page as one of ``speaker_names``."""

    outlet: str | None = None
    start: str | None = None
    end: str | None = None
    by_speaker: bool = False
    speaker_ids: frozenset[str] = frozenset()
    speaker_names: frozenset[str] = frozenset()


ALL_QUOTES = QuoteQuery()
_ORDER = " ORDER BY d.published IS NULL, d.published, d.source, q.n"


def sql_in(column: str, values: frozenset[str], ph: str) -> tuple[str, list[Any]]:
    """``column`` is one of ``values``, bound as one parameter whatever their number (SQLite reads a
    JSON array, PostgreSQL an array)."""
    if ph == "?":
        return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(sorted(values), ensure_ascii=False)]
    return f"{column} = ANY({ph})", [sorted(values)]


def _where(query: QuoteQuery, ph: str) -> tuple[str, list[Any]]:
    """The FROM and WHERE of a quotes listing."""
    sql = " FROM quotes AS q JOIN documents AS d ON d.id = q.doc_id WHERE d.status = 'ok'"
    params: list[Any] = []
    if query.outlet:
        sql += f" AND d.outlet = {ph}"
        params.append(query.outlet)
    for bound, op in ((query.start, ">="), (query.end, "<=")):
        if bound:  # compare on the shorter precision: '2018' may fall in 2018-05..2018-12
            sql += f" AND substr(d.published, 1, length({ph})) {op} substr({ph}, 1, length(d.published))"
            params.extend([bound, bound])
    if query.by_speaker:
        ors = [sql_in(col, values, ph) for col, values in (("q.speaker_entity", query.speaker_ids),
                                                         ("q.speaker", query.speaker_names)) if values]
        sql += " AND (" + " OR ".join(c for c, _ in ors) + ")" if ors else " AND 1 = 0"
        params += [p for _, ps in ors for p in ps]
    return sql, params


def find_quotes(run: Run, query: QuoteQuery, limit: int | None, offset: int, *, ph: str = "?",
                total: int | None = None) -> tuple[int, list[Quote]]:
    """(how many quotes pass, the ``limit`` of them from ``offset``) in listing order: the quoting
    page's date, then its source, then the order in the page. Filtered, counted and paged in SQL;
    only the page's quotes are decoded. ``total``: the count, when the caller knows it already."""
    where, params = _where(query, ph)
    if total is None:
        total = int(next(iter(run("SELECT count(*)" + where, params)))[0])
    page = " LIMIT " + (str(int(limit)) if limit is not None else "-1" if ph == "?" else "ALL")
    cols = 'SELECT q.doc_id, q.start, q."end", q.speaker_entity, q.speaker, q.json'
    return total, [quote_of(*r) for r in run(cols + where + _ORDER + page + f" OFFSET {int(offset)}", params)]


def speaker_names(run: Run) -> list[str]:
    """Every speaker name read on a page (distinct, from an index): a reader matches a typed name
    against these once, not against every quote."""
    return [r[0] for r in run("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker", ())]


def names_any(run: Run, doc_id: str, start: int, end: int, ids: Iterable[str], ph: str = "?") -> bool:
    """Does a mention starting in [start, end) of the document resolve to one of ``ids``?"""
    wanted = sorted(ids)
    if not wanted:
        return False
    sql = (f"SELECT 1 FROM mentions WHERE doc_id = {ph} AND start >= {ph} AND start < {ph}"
           f" AND entity_id IN ({', '.join([ph] * len(wanted))}) LIMIT 1")
    return any(True for _ in run(sql, (doc_id, start, end, *wanted)))
