"""The store interface every backend implements (SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Collection, Iterable, Mapping, Protocol, Sequence

from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Page,
    Position,
    PublicationDate,
    Quote,
)
from dossier.store.tables import ALL_QUOTES, QuoteQuery

if TYPE_CHECKING:
    from dossier.clean.duplicates import Sketch
    from dossier.store.sketches import StoredSketches

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corpus:
    """What the cross-document (reduce) step computes: replaced as a whole by a full corpus step,
    changed in place by an incremental one (``CorpusChanges``)."""

    entities: tuple[Entity, ...] = ()  # each stored mention and quote carries its entity id
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()


@dataclass(frozen=True)
class CorpusChanges:
    """What an incremental corpus step changed in the corpus tables, so a store writes those rows
    only (rewriting every table was most of the cost of adding a few pages to a large store).
    Entities and events are written by id; positions and conflicts are added and removed (the store
    orders them on read); figures are removed and appended (``all_figures``: the whole table instead,
    for a caller that read all of it)."""

    entities: tuple[Entity, ...] = ()  # new or changed
    gone_entities: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    gone_events: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    gone_positions: tuple[Position, ...] = ()
    figures: tuple[CorpusFigure, ...] = ()  # appended
    gone_figures: tuple[CorpusFigure, ...] = ()
    all_figures: tuple[CorpusFigure, ...] | None = None  # instead of the two above: the whole table
    conflicts: tuple[Conflict, ...] = ()
    gone_conflicts: tuple[Conflict, ...] = ()


def _changed_by_id(before: Iterable[Entity | Event], after: Iterable[Entity | Event]) -> tuple[list[Any], tuple[str, ...]]:
    old, new = {x.id: x for x in before}, {x.id: x for x in after}  # the last of one id wins, as stored
    changed = [x for i, x in new.items() if (o := old.get(i)) is not x and o != x]
    return changed, tuple(i for i in old if i not in new)


def _multiset_diff(before: Sequence[Any], after: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(rows of ``before`` not in ``after``, rows of ``after`` not in ``before``), counting repeats."""
    old, new = Counter(before), Counter(after)
    return tuple((old - new).elements()), tuple((new - old).elements())


def _figure_changes(before: Sequence[CorpusFigure], after: Sequence[CorpusFigure]) -> tuple[tuple[CorpusFigure, ...], tuple[CorpusFigure, ...]]:
    """(rows of ``before`` to delete, rows to append) that turn ``before`` into ``after``: the rows of
    ``before`` that ``after`` starts with, in order, stay. Never a rewrite of the whole table: an
    incremental step reads only some of the stored figures (those of pages it takes out)."""
    gone, i = [], 0
    for f in before:
        if i < len(after) and after[i] == f:
            i += 1
        else:
            gone.append(f)
    return tuple(gone), tuple(after[i:])


def corpus_changes(before: Corpus, after: Corpus) -> CorpusChanges:
    """The rows a store must write to turn the stored ``before`` into ``after`` (``Store.corpus``
    of the result equals ``ordered_corpus(after)``). ``before`` may hold only some of the stored
    positions, figures and conflicts: the rows not read are left as they are."""
    entities, gone_entities = _changed_by_id(before.entities, after.entities)
    events, gone_events = _changed_by_id(before.events, after.events)
    gone_positions, positions = _multiset_diff(before.positions, after.positions)
    gone_figures, figures = _figure_changes(before.figures, after.figures)
    gone_conflicts, conflicts = _multiset_diff(before.conflicts, after.conflicts)
    return CorpusChanges(
        entities=tuple(entities), gone_entities=gone_entities, events=tuple(events), gone_events=gone_events,
        positions=positions, gone_positions=gone_positions, figures=figures, gone_figures=gone_figures,
        conflicts=conflicts, gone_conflicts=gone_conflicts,
    )


def ordered_corpus(corpus: Corpus) -> Corpus:
    """``corpus`` with its positions and conflicts in listing order: how every store reads it."""
    from dossier.extract.conflicts_events import conflict_order
    from dossier.extract.positions_order import position_order

    names = {e.id: e.name for e in corpus.entities}
    return replace(corpus, positions=tuple(position_order(corpus.positions, names)),
                   conflicts=tuple(conflict_order(corpus.conflicts)))


CORPUS_TABLES = ("entities", "events", "positions", "conflicts", "figures")
_CORPUS_READS: dict[str, tuple[str, type[Any]]] = {
    "entities": ("SELECT json FROM entities ORDER BY name", Entity),
    "events": ("SELECT json FROM events ORDER BY date IS NULL, date, id", Event),
    "positions": ("SELECT json FROM positions ORDER BY n", Position),
    "conflicts": ("SELECT json FROM conflicts ORDER BY n", Conflict),
    "figures": ("SELECT json FROM figures ORDER BY n", CorpusFigure),
}


def read_corpus(run: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]], tables: Collection[str]) -> Corpus:
    """The corpus tables named in ``tables`` (the others left empty), as every store reads them: an
    incremental step reads only the tables new pages can change in place (entities, events), not
    the large ones it only appends to (positions, figures, conflicts)."""
    import json

    from dossier.model import from_dict

    unknown = set(tables) - set(CORPUS_TABLES)
    if unknown:
        raise ValueError(f"no corpus tables {sorted(unknown)}")
    read = {t: tuple(from_dict(cls, json.loads(r[0])) for r in run(sql, ()))
            for t, (sql, cls) in _CORPUS_READS.items() if t in tables}
    return ordered_corpus(Corpus(**read)) if {"positions", "conflicts"} & set(tables) else Corpus(**read)


def rows_citing(run: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]], doc_ids: Collection[str],
                ph: str = "?") -> Corpus:
    """The events, positions, figures and conflicts whose stored JSON names one of ``doc_ids`` (the
    rows of those pages, and perhaps a few more: the caller checks each row's spans), found by a text
    scan in SQL, so only these rows are decoded; in the order ``read_corpus`` gives."""
    import json

    from dossier.model import from_dict

    ids = sorted(set(doc_ids))
    if not ids:
        return Corpus()
    find = "instr(json, ?) > 0" if ph == "?" else "strpos(json, %s) > 0"
    where = " WHERE " + " OR ".join([find] * len(ids)) + " ORDER BY "
    read = {t: tuple(from_dict(cls, json.loads(r[0]))
                     for r in run(sql.replace(" ORDER BY ", where), [f'"doc_id":"{i}"' for i in ids]))
            for t, (sql, cls) in _CORPUS_READS.items() if t in ("events", "positions", "figures", "conflicts")}
    return Corpus(**read)


def _within(dates: Collection[str]) -> Callable[[str], bool]:
    """Is a date one of ``dates``, within one (a prefix: '2020-05' holds '2020-05-04') or holding one?"""
    holding = {d[:k] for d in dates for k in range(1, len(d) + 1)}
    lengths = {len(d) for d in dates}
    return lambda date: date in holding or any(date[:k] in dates for k in lengths)


def _by_name(who: Iterable[str]) -> bool:
    return any(p.startswith("name:") for p in who)


def near_rule(found: Sequence[Event]) -> Callable[[dict[str, Any]], bool]:
    """Whether a stored event (its JSON, as a dict) is one ``events_near`` gives for ``found``."""
    from dossier.extract.events_scope import PAGE_HINT, hinted_date

    actors = {p for e in found for p in e.participants}
    names = {v.text for e in found for v in e.evidence if v.rule == "event:name"}
    dated = [(e, when) for e in found if (when := hinted_date(e))]  # an undated one by its page month hint
    any_actor = _within({when for e, when in dated if not e.participants})
    no_actor = _within({when for e, when in dated if e.participants})
    spelled = _within({when for e, when in dated if _by_name(e.participants)})

    def near(data: dict[str, Any]) -> bool:
        who = data.get("participants") or ()
        date = str(data.get("date") or next((v.get("text") for v in data.get("evidence") or ()
                                             if v.get("rule") == PAGE_HINT and v.get("text")), ""))
        if actors.intersection(who) or (names and any(v.get("rule") == "event:name" and v.get("text") in names
                                                       for v in data.get("evidence") or ())):
            return True
        return date != "" and (any_actor(date) or (not who and no_actor(date)) or (_by_name(who) and spelled(date)))

    return near


def events_near(run: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]], found: Sequence[Event],
                ph: str = "?") -> tuple[Event, ...]:
    """The stored events any of ``found`` may be a report of, in store order: those sharing a
    participant or a name (evidence ``event:name``) with one, and those dated within one's date
    or holding it when one of the two names no actor, or both name actors by name only (matched
    up to spelling): ``corpus.fold.fold_events`` joins no other (``near_rule``). SQL finds the
    candidates by their ``event_keys`` rows (``store.event_keys``), so only their JSON is parsed
    (every row's was, before), and the rule then keeps the same events as over every row."""
    import json

    from dossier.extract.events_scope import hinted_date
    from dossier.model import from_dict
    from dossier.store.event_keys import candidates

    if not found:
        return ()
    dated = [(e, when) for e in found if (when := hinted_date(e))]
    select = candidates({p for e in found for p in e.participants},
                        {v.text for e in found for v in e.evidence if v.rule == "event:name"},
                        [w for e, w in dated if not e.participants], [w for e, w in dated if e.participants],
                        [w for e, w in dated if _by_name(e.participants)], ph)
    if select is None:
        return ()
    near = near_rule(found)
    return tuple(from_dict(Event, d) for r in run(*select) if near(d := json.loads(r[0])))


# What only the map step reads of a page (dating, quotes, the cleaner): its removed blocks, paragraph
# bounds and furniture digests. The full corpus step reads pages without them (``without_layout``).
LAYOUT = ("removed", "paragraphs", "line_keys", "furniture")
HEAD_DROPS = ("text", *LAYOUT)  # what a document head leaves out


def document_heads(rows: Iterable[Sequence[Any]]) -> list[tuple[Document, int]]:
    """Documents from rows of (their JSON without ``HEAD_DROPS``, their text's length): the fields a
    corpus step reads of a stored page (status, date, source, duplicate), ``text`` left empty."""
    import json

    from dossier.model import from_dict

    return [(from_dict(Document, {**json.loads(r[0]), "text": ""}), int(r[1] or 0)) for r in rows]


# Every page's JSON in the stores' one page order (``Store.documents``, ``Store.corpus_documents``).
DOCUMENTS_IN_ORDER = "SELECT doc_json FROM documents ORDER BY published IS NULL, published, source"


def without_layout(rows: Iterable[Sequence[Any]]) -> list[Document]:
    """Documents from rows of their JSON, with their text (held compressed: ``pagetext.TextPacked``)
    and without ``LAYOUT`` (left empty): what the full corpus step holds of every stored page for the
    whole step, where the layout's objects were about a fifteenth of the corpus as read and no corpus
    pass reads them."""
    import json

    from dossier.model import from_dict
    from dossier.pagetext import text_packed

    # each text packed as its row is read: every page's text string alive at once left the heap holes
    # that small objects (pymalloc's own arenas) never reuse
    return [text_packed(from_dict(Document, {k: v for k, v in json.loads(r[0]).items() if k not in LAYOUT}))
            for r in rows]


def issue_sizes(run: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]) -> dict[str, int]:
    """Each stored issue and its number of positions, counted in SQL (no position decoded)."""
    return {str(r[0]): int(r[1]) for r in run("SELECT issue, count(*) FROM positions GROUP BY issue", ())}


def stored_conflicts(run: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]], conflicts: Iterable[Conflict],
                     ph: str = "?") -> set[Conflict]:
    """Those of ``conflicts`` the store holds, matched on their stored JSON (no stored row decoded)."""
    from dossier.store.rows import dumps
    from dossier.store.tables import sql_in

    by_json = {dumps(c): c for c in conflicts}
    if not by_json:
        return set()
    where, params = sql_in("json", frozenset(by_json), ph)
    return {by_json[r[0]] for r in run(f"SELECT json FROM conflicts WHERE {where}", params)}


class CorpusReads:
    """The corpus step's reads, one body for both stores: each store runs the SQL through its own
    ``_run`` with its parameter mark (``PARAM``: '?' for SQLite, '%s' for psycopg)."""

    PARAM: ClassVar[str] = "?"

    def _run(self, sql: str, params: Any = ()) -> Iterable[Any]:
        raise NotImplementedError

    def corpus(self, tables: Collection[str] = CORPUS_TABLES) -> Corpus:
        return read_corpus(self._run, tables)

    def events_near(self, found: Sequence[Event]) -> tuple[Event, ...]:
        return events_near(self._run, found, self.PARAM)

    def issue_sizes(self) -> dict[str, int]:
        return issue_sizes(self._run)

    def rows_citing(self, doc_ids: Collection[str]) -> Corpus:
        return rows_citing(self._run, doc_ids, self.PARAM)

    def stored_conflicts(self, conflicts: Iterable[Conflict]) -> set[Conflict]:
        return stored_conflicts(self._run, conflicts, self.PARAM)

    def sketches(self) -> StoredSketches:
        """The stored pages' near-duplicate sketches, looked up by text key and band (``store.sketches``)."""
        from dossier.store.sketches import StoredSketches

        return StoredSketches(self._run, self.PARAM)


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    start: int
    end: int
    text: str
    snippet: str  # the sentence with hits wrapped in [[...]] markers (escaped by the renderer)
    score: float


@dataclass(frozen=True)
class DocMeta:
    """The few fields of a document that listings filter and label by, read without its text."""

    id: str
    source: str
    status: str
    published: str | None
    outlet: str | None
    title: str | None
    duplicate_of: str | None = None
    precision: str | None = None  # of ``published``: day, month, year or none
    confidence: float | None = None  # of ``published``


class Store(Protocol):
    location: str

    def close(self) -> None: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    # per-document (map) results: each put is one atomic commit
    def has_document(self, doc_id: str, version: str) -> bool: ...
    def document_versions(self) -> dict[str, str]: ...
    def set_documents(self, docs: Iterable[tuple[Document, str]]) -> None: ...
    def put_document(
        self, doc: Document, annots: Annotations, raw: bytes, version: str, declared: dict[str, str] | None = None
    ) -> None: ...
    def add_source(self, source: str, doc_id: str, declared: dict[str, str] | None = None) -> None: ...
    def sources(self, doc_id: str) -> list[tuple[str, dict[str, str]]]: ...
    def add_skipped(self, source: str, reason: str) -> None: ...
    def skipped(self) -> list[tuple[str, str]]: ...
    def documents(self) -> list[Document]: ...
    def document_heads(self) -> list[tuple[Document, int]]: ...
    def corpus_documents(self) -> list[Document]: ...
    def document(self, doc_id: str) -> Document | None: ...
    def annotations(self, doc_id: str) -> Annotations | None: ...
    def all_annotations(self) -> dict[str, Annotations]: ...
    def raw(self, doc_id: str) -> bytes | None: ...
    def page(self, doc_id: str) -> Page | None: ...

    # cross-document (reduce) results
    def update_documents(
        self,
        dates: dict[str, PublicationDate],
        duplicates: dict[str, str | None],
        annotations: Iterable[Annotations] = (),
    ) -> None: ...
    def replace_corpus(self, corpus: Corpus) -> None: ...
    def update_corpus(self, changes: CorpusChanges) -> None: ...
    def corpus(self, tables: Collection[str] = CORPUS_TABLES) -> Corpus: ...
    def issue_sizes(self) -> dict[str, int]: ...
    def rows_citing(self, doc_ids: Collection[str]) -> Corpus: ...
    def events_near(self, found: Sequence[Event]) -> tuple[Event, ...]: ...
    def stored_conflicts(self, conflicts: Iterable[Conflict]) -> set[Conflict]: ...
    def sketches(self) -> StoredSketches: ...
    def put_sketches(self, sketches: Mapping[str, Sketch], gone: Collection[str] = (), replace: bool = False) -> None: ...
    def search(
        self,
        query: str,
        limit: int = 20,
        doc_ids: Iterable[str] | None = None,
        *,
        offset: int = 0,
        live: bool = False,
        outlet: str | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> list[SearchHit]: ...

    # light reads for listings (no document text, no full annotations)
    def document_meta(self) -> list[DocMeta]: ...
    def find_quotes(self, query: QuoteQuery = ALL_QUOTES, limit: int | None = None, offset: int = 0,
                    total: int | None = None) -> tuple[int, list[Quote]]: ...
    def names_any(self, doc_id: str, start: int, end: int, ids: Iterable[str]) -> bool: ...
    def speaker_names(self) -> list[str]: ...
    def sentence_bounds(self, doc_id: str) -> list[tuple[int, int]]: ...
    def count_quotes(self) -> int: ...
