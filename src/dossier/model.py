"""The one data model every stage shares.

Every extracted thing is a view into a document's clean text (``Span``: character offsets), plus the
evidence and a confidence, so anything shown can be traced to its sentence and anything uncertain
says so. Dataclasses are frozen: stages return new objects instead of mutating shared state, which
keeps the per-document map step pure (safe to run in worker processes or on a Dask cluster).

Serialisation: ``to_dict`` / ``from_dict`` turn any model object into plain JSON-able dicts and back;
the store and the JSON outputs use them, so a new field only needs a default to stay compatible.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import sys
import types
import typing
from dataclasses import dataclass, field
from enum import StrEnum
from collections.abc import Callable
from typing import Any, Literal, TypeVar

logger = logging.getLogger(__name__)

Precision = Literal["day", "month", "year", "decade", "none"]
EntityType = Literal["person", "org", "place", "gov", "other"]
QuoteKind = Literal["direct", "indirect"]
EventStatus = Literal["happened", "planned", "possible", "denied"]
DocStatus = Literal["ok", "duplicate", "non_english", "raw", "empty"]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into ``Document.text`` of document ``doc_id``."""

    doc_id: str
    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the tool believes something: the rule that fired, the phrase it read, how sure it is."""

    rule: str
    text: str = ""
    span: Span | None = None
    confidence: float = 1.0


# ---------------------------------------------------------------------------------------------
# ingest -> clean -> date
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input item as read from disk (a file, a JSONL line or a WARC record).

    ``media`` is "html" or "text". ``declared`` holds metadata given by the container (JSONL fields,
    WARC headers, ``--date`` from the user): url, title, published, outlet, author.
    """

    source: str
    raw: bytes
    media: Literal["html", "text"]
    declared: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None  # a charset declared by the container (HTTP header, meta tag)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read as a page, with one clear line saying why."""

    source: str
    reason: str


class RemovedReason(StrEnum):
    """Reasons the cleaner gives to removed lines that later stages read back (the dater reads date
    lines and update stamps, the metadata step bylines): one enum, so both sides name the same thing."""

    DATE_LINE = "date line"
    UPDATE_STAMP = "update stamp"
    BYLINE = "byline"


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A line or paragraph the cleaner dropped, kept so a user can see (and undo) it."""

    text: str
    reason: str
    position: int  # index of the block in the page's block list
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PublicationDate:
    value: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: Precision = "none"
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    id: str  # stable: hash of the raw content
    source: str
    text: str  # the clean text every Span points into
    media: str = "text"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    published: PublicationDate = field(default_factory=PublicationDate)
    removed: tuple[RemovedBlock, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()  # (start, end) of each kept paragraph in text
    duplicate_of: str | None = None
    status: DocStatus = "ok"
    reason: str | None = None
    encoding: str | None = None
    # Dating evidence kept from the map step for the corpus step (which never re-reads text): the
    # month an undated page's text names for itself ("in January", no year), and its day ("--09-26",
    # from a yearless dateline; with ``own_day_bound``, the latest day it reports, which it follows).
    own_month: int | None = None
    own_day: str | None = None
    own_day_bound: bool = False
    own_latest_year: int | None = None  # the latest year an undated page reports: it is no older
    # Cross-page furniture evidence of a flat page (digests from ``clean.furniture_keys``): its short
    # lines, and those the cleaner removed because other pages of its site repeat them.
    line_keys: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    # Why the map step failed on a page kept raw (status "raw"): the traceback, shown by `dossier show`.
    error: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


# ---------------------------------------------------------------------------------------------
# nlp: sentences, mentions, times, figures
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A named (or pronominal) reference to an entity.

    ``label`` is the corrected entity label (PERSON, ORG, GPE, LOC, NORP, FAC, PRON, TITLE...).
    ``canonical`` is the fullest name this mention refers to within its document ("Ruiz" ->
    "Ana Ruiz"); ``entity_id`` is filled by cross-document resolution.
    """

    span: Span
    text: str
    label: str
    canonical: str | None = None
    entity_id: str | None = None
    title: str | None = None  # a role title attached in the text ("Foreign Minister")
    confidence: float = 1.0
    rule: str = "ner"


# The rule of a capitalised word the page uses as a common noun ('a prior <ACRONYM>'): nlp marks it,
# resolution decides across pages whether the word names anything (``agreement.refuse_class_words``).
CLASS_USE = "class-use"


@dataclass(frozen=True)
class Refused:
    """Words resolution read as naming nothing across the corpus: capitalised words used as common
    nouns (``resolve.agreement.refuse_class_words``) and first words of named days with their weekday
    (``refuse_day_names``). Kept between corpus steps (``corpus.incremental.Index``) so pages added
    later are read as the corpus was, not by their own few uses."""

    class_words: frozenset[str] = frozenset()
    day_names: tuple[tuple[str, str], ...] = ()  # (word, weekday), sorted


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with a TIMEX3-style normalised value (2019-02-16, 2018-11, P70Y, ...)."""

    span: Span
    text: str
    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    granularity: str = "day"
    anchor: str | None = None  # the date it was resolved against (relative expressions)
    confidence: float = 1.0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and what it measures ("17 percent of Russians")."""

    span: Span
    text: str
    value: float
    unit: str | None = None
    about: str | None = None
    about_span: Span | None = None
    confidence: float = 1.0
    qualifiers: tuple[Span, ...] = ()  # words of its clause saying when/how it holds ("will", "in May")


# ---------------------------------------------------------------------------------------------
# extract: quotes, events, claims (per document), positions, conflicts (corpus)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    content: Span
    text: str
    kind: QuoteKind
    speaker: str | None = None  # resolved name (full name when known)
    speaker_span: Span | None = None  # the mention the attribution names ("he" in '"...," he said')
    cue_span: Span | None = None  # the reporting verb
    speaker_entity: str | None = None
    confidence: float = 1.0
    rule: str = ""
    question: bool = False  # a question put to someone (or asked): no statement of a view
    key_phrase: str = ""  # what the statement is about (a noun phrase of it): the issue of its position


@dataclass(frozen=True, slots=True)
class Event:
    """An event mention (per document) or a merged event (corpus level, ``mentions`` from many docs)."""

    id: str
    kind: str  # meeting, talks, summit, visit, call, agreement, declaration, treaty, ...
    summary: str
    mentions: tuple[Span, ...]
    # Per page (map step): the names the sentence gives. Merged (corpus step): entity ids only; a
    # party no entity stands for keeps its name in ``participant_labels``. Names are shown by the
    # query layer (``Reader.actor_name``), never stored here.
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    precision: Precision = "none"
    status: EventStatus = "happened"
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    participant_labels: tuple[str, ...] = ()  # merged events: parties named but never resolved


@dataclass(frozen=True, slots=True)
class Claim:
    """A stance taken in one sentence: an actor demands/refuses/proposes/claims something.

    ``actor_name`` is the actor as the sentence names it (map step); ``actor`` is the entity it
    denotes, set by the corpus step's resolve pass (None when no entity stands for that name).
    """

    span: Span
    actor_name: str
    stance: str  # demand, refusal, condition, proposal, claim, ...
    statement: str
    key_phrase: str = ""
    date: str | None = None
    confidence: float = 1.0
    actor: str | None = None  # entity id

    @staticmethod
    def upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """A claim stored before ``actor_name`` existed held the name in ``actor``."""
        if "actor_name" not in data and "actor" in data:
            return {**data, "actor_name": data["actor"], "actor": None}
        return data


@dataclass(frozen=True, slots=True)
class Position:
    """A side's stance on an issue in one sentence.

    ``actor`` is the side's entity id; a side no entity stands for (a demonym with no country
    entity, a name the resolver left alone) has ``actor`` None and its name in ``actor_label``.
    Display names are computed by the query layer (``Reader.side_name``).
    """

    actor: str | None
    issue: str
    stance: str
    statement: str
    span: Span
    date: str | None = None
    confidence: float = 1.0
    precision: Precision = "none"  # of ``date``: the sentence's own date, else the page's date
    actor_label: str | None = None  # only when ``actor`` is None

    @staticmethod
    def upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """A position stored before ``actor_label`` existed held the side's name in ``actor``: read it
        as a label (shown as it was) until the next build stores ids."""
        if "actor_label" not in data and "actor" in data:
            return {**data, "actor": None, "actor_label": data["actor"]}
        return data

    @property
    def side(self) -> str:
        """What groups a side's positions: its entity id, else its label."""
        return self.actor or f"label:{self.actor_label or ''}"


@dataclass(frozen=True, slots=True)
class Role:
    """A title a person holds, of whom or what ('chairman' of 'Acme campaign', 'president' of 'Russia').

    ``first_seen``/``last_seen`` are the dates of the pages that report it as held (evidence dates,
    not a term); ``start``/``end`` are the term as the text states it ('since 2014', 'until March');
    ``past`` says the latest page writing it calls it no longer held ('former', 'then-').
    """

    title: str
    of: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: tuple[Span, ...] = ()
    start: str | None = None
    end: str | None = None
    past: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: int = 0
    docs: tuple[str, ...] = ()
    government_of: str | None = None  # for capitals/seats used as actors: the country entity id
    confidence: float = 1.0  # low for a bare name never given in full (who it is stays uncertain)


@dataclass(frozen=True, slots=True)
class CorpusFigure:
    """A figure as the corpus lists it: value, unit, what it measures, its date and its sentence."""

    value: float
    span: Span  # the number in its page
    sentence: str
    unit: str | None = None
    about: str | None = None
    date: str | None = None  # the sentence's own date, else the page's

    @property
    def doc(self) -> str:
        return self.span.doc_id


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # figure, date, title
    about: str
    values: tuple[str, ...]
    sources: tuple[Span, ...]
    confidence: float = 1.0
    reason: str = ""  # why the two were paired (same measure, subject, unit and time; one event)


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Annotations:
    """Everything the per-document map step finds in one document."""

    doc_id: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    model: str | None = None  # language model name and version

    def sentence_of(self, span: Span) -> Span | None:
        held = getattr(self.sentences, "first_holding", None)  # the corpus step's offsets (corpus.held.Offsets)
        if held is not None:
            return typing.cast(Span | None, held(span.start))
        for s in self.sentences:
            if s.start <= span.start < s.end:
                return s
        return None


# ---------------------------------------------------------------------------------------------
# (de)serialisation
# ---------------------------------------------------------------------------------------------

T = TypeVar("T")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), once per class: asking ``dataclasses``
    for the fields of every object was a third of writing the corpus tables."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


_ATOMS = frozenset({str, int, float, bool, type(None)})  # returned as they are, before any other test


def to_dict(obj: Any) -> Any:
    """Model object -> JSON-able structure (tuples become lists). Most values are strings and
    numbers: they return at the first test (each page's annotations are a few thousand values)."""
    cls = type(obj)
    if cls in _ATOMS:
        return obj
    names = _field_names(typing.cast(Any, cls))  # a class itself (type(obj) is its metaclass) is left as it is
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        raise TypeError("bytes are not serialised by to_dict")
    return obj


def _same(data: Any) -> Any:
    return data


SHARED_MAX = 40  # longer strings (quotes, summaries, sentences) rarely repeat


def _shared(data: Any) -> Any:
    """A short string decoded once per distinct value (``sys.intern``): the corpus step holds every
    page's annotations, where each span repeats its page's id and each mention its label, rule and
    entity id; one object per value instead of one per field was a fifth of their memory."""
    return sys.intern(data) if type(data) is str and len(data) <= SHARED_MAX else data


SHARED_INTS = tuple(range(1 << 16))  # offsets into a page's text, and other small counts


def _shared_int(data: Any) -> Any:
    """A small int as one object per value: every span holds two offsets into its page's text, and
    an int above 256 decoded from JSON or SQL is a new 28-byte object each time."""
    return SHARED_INTS[data] if type(data) is int and 0 <= data < len(SHARED_INTS) else data


_FLOATS: dict[float, float] = {}
SHARED_FLOATS_MAX = 1 << 12


def _shared_float(data: Any) -> Any:
    """A float as one object per value (confidences repeat: 1.0, 0.9, ...), for the first
    ``SHARED_FLOATS_MAX`` values seen. Not 0.0: -0.0 equals it and would lose its sign."""
    if type(data) is not float or not data:
        return data
    if len(_FLOATS) < SHARED_FLOATS_MAX:
        return _FLOATS.setdefault(data, data)
    return _FLOATS.get(data, data)


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """The function JSON data -> a value of type ``tp`` (None stays None), composed once per type:
    reading a store decodes millions of values, and asking ``typing`` about the type of each one
    (get_origin, is_dataclass) was most of the cost of loading annotations."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(args[0]) if len(args) == 1 else _same
    if origin is tuple:
        targs = typing.get_args(tp)
        if len(targs) == 2 and targs[1] is Ellipsis:
            item = _decoder(targs[0])
            return lambda data: None if data is None else tuple(map(item, data))
        items = tuple(_decoder(a) for a in targs)
        return lambda data: None if data is None else tuple(f(x) for f, x in zip(items, data))
    if origin is list:
        (arg,) = typing.get_args(tp)
        each = _decoder(arg)
        return lambda data: None if data is None else list(map(each, data))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda data: None if data is None else from_dict(tp, data)
    if tp is int:
        return _shared_int
    if tp is float:
        return _shared_float
    return _shared if tp is str or origin is Literal else _same


@functools.cache
def _fields_of(cls: Any) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """(name, decoder) of a dataclass's fields, computed once per class: resolving the hints on
    every call was 80% of reading a store (``typing.get_type_hints`` re-evaluates each string)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Inverse of ``to_dict``; unknown keys are ignored, missing keys take defaults."""
    # A class is hashable; mypy's type[T] does not say so to lru_cache.
    fields = _fields_of(typing.cast(Any, cls))
    upgrade = getattr(cls, "upgrade", None)
    if upgrade is not None:  # a class that renamed a field reads its older stored form
        data = upgrade(data)
    return cls(**{name: decode(data[name]) for name, decode in fields if name in data})
