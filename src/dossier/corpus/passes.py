"""The built-in corpus passes: thin wrappers over the stage functions, each declaring its facets.

duplicates -> story_year -> resolve -> events -> redate -> positions -> figures -> conflicts. The wrappers only
adapt the ``Corpus`` to each function's arguments, so the functions themselves (owned by their
stages) keep their signatures. Registered through the ``dossier.passes`` entry point group.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from typing import Any

from dossier.corpus.runner import Pass
from dossier.corpus.state import Corpus
from dossier.model import Annotations, Claim, Document, Entity, Mention, Quote, Span
from dossier.resolve import Resolution

logger = logging.getLogger(__name__)


def resolution_of(corpus: Corpus) -> Resolution:
    """The resolver's view of the corpus, for stage functions that take one (entities; every
    mention carries its own ``entity_id``)."""
    return Resolution(tuple(corpus.entities.values()), {})


def entity_id_of(mention: Mention) -> str | None:
    """The mention -> entity id function that event merging takes: a plain read."""
    return mention.entity_id


def with_entity_ids(annots: Annotations, mention_entity: Mapping[tuple[str, int, int], str]) -> Annotations:
    """The annotations with resolution written into the model: ``Mention.entity_id`` and
    ``Quote.speaker_entity`` (the entity of the mention the attribution names). Unchanged
    annotations are returned as they are, so the runner sees what resolution changed."""

    def key(span: Span) -> tuple[str, int, int]:
        return (span.doc_id, span.start, span.end)

    mentions = tuple(
        m if m.entity_id == (eid := mention_entity.get(key(m.span))) else dataclasses.replace(m, entity_id=eid)
        for m in annots.mentions
    )
    # The quote finder's resolved speaker name outranks the entity of a pronoun span: it checks kind,
    # salience and gender, the annotator's pronoun links do not ("she" -> a man named before).
    named = {(m.canonical or m.text): eid for m in mentions if m.label != "PRON" and (eid := m.entity_id)}

    def speaker_of(q: Quote) -> str | None:
        if q.speaker and q.speaker in named:
            return named[q.speaker]
        return mention_entity.get(key(q.speaker_span)) if q.speaker_span else None

    quotes = tuple(
        q if q.speaker_entity == (eid := speaker_of(q)) else dataclasses.replace(q, speaker_entity=eid)
        for q in annots.quotes
    )  # fmt: skip
    if mentions == annots.mentions and quotes == annots.quotes:
        return annots
    return dataclasses.replace(annots, mentions=mentions, quotes=quotes)


def with_claim_actors(annots: Annotations, by_id: Mapping[str, Entity], by_name: Mapping[str, Entity]) -> Annotations:
    """The annotations with ``Claim.actor`` set: the person a mention of that name in the claim's
    sentence (else page) was resolved to, so namesakes stay apart; else the entity the name denotes
    (``positions.entity_index``: a government before a place of that name, "Tokyo insists", names
    before aliases). Unchanged annotations are returned as they are."""
    people: dict[str, list[Mention]] = {}
    for m in annots.mentions:
        if m.entity_id and m.label == "PERSON":
            people.setdefault(m.canonical or m.text, []).append(m)

    def actor_of(c: Claim) -> str | None:
        for m in sorted(people.get(c.actor_name, ()), key=lambda m: not c.span.start <= m.span.start < c.span.end):
            ent = by_id.get(m.entity_id or "")
            if ent is not None and ent.type == "person":
                return ent.id
        return _id_of(by_name.get(c.actor_name.lower()))

    claims = tuple(c if c.actor == (eid := actor_of(c)) else dataclasses.replace(c, actor=eid) for c in annots.claims)
    return annots if claims == annots.claims else dataclasses.replace(annots, claims=claims)


def _id_of(entity: Entity | None) -> str | None:
    return entity.id if entity is not None else None


def duplicates(corpus: Corpus) -> Corpus:
    """Mark exact and near duplicates (MinHash over the clean text)."""
    from dossier.clean.duplicates import find_duplicates
    from dossier.corpus.partitions import sketch_pages

    docs = list(corpus.documents.values())
    sketches: dict[str, Any] = {}
    dup_of = find_duplicates(docs, sketches=sketches, made=sketch_pages(docs, corpus.partitions))
    marked = {d.id: _marked(d, dup_of.get(d.id), "duplicate" if d.id in dup_of else _own_status(d)) for d in docs}
    return dataclasses.replace(corpus, documents=marked, sketches=sketches)


def _marked(doc: Document, duplicate_of: str | None, status: Any) -> Document:
    """``doc`` with its duplicate link and status: itself when they are unchanged (a page's text
    may be held compressed, ``dossier.pagetext``; a copy would decode and pack it again)."""
    if doc.duplicate_of == duplicate_of and doc.status == status:
        return doc
    return dataclasses.replace(doc, duplicate_of=duplicate_of, status=status)


def _own_status(doc: Document) -> Any:
    """The status of a page that is not (or no longer) a duplicate: by its language."""
    return "non_english" if doc.language and doc.language != "en" else "ok"


def resolve(corpus: Corpus) -> Corpus:
    """Cluster mentions across pages into entities; write each mention's, quote speaker's and
    claim actor's entity id into the annotations. Each page's observations are made in parts
    (``corpus.partitions``) when the build has a cluster."""
    from dossier.corpus.partitions import observe_pages
    from dossier.extract.positions import entity_index
    from dossier.resolve import resolve_entities
    from dossier.resolve.observe import pack_memo

    memo = corpus.memo.setdefault("resolve", {})
    observe_pages(corpus.live(), corpus.live_annotations(), memo, corpus.partitions)
    res = resolve_entities(corpus.live(), corpus.live_annotations(), corpus.options.corrections, memo)
    # refused words are the whole corpus's finding: a full step starts from none (not corpus.refused)
    pack_memo(memo, corpus.live_annotations())  # held through the passes up to re-dating, which may run resolution again
    by_id, by_name = {e.id: e for e in res.entities}, entity_index(res.entities)
    annotations, held = _with_resolution(corpus, res.mention_entity, by_id, by_name)
    return dataclasses.replace(corpus, entities={e.id: e for e in res.entities}, annotations=annotations,
                               refused=res.refused, held=held)


def _with_resolution(corpus: Corpus, mention_entity: Mapping[tuple[str, int, int], str], by_id: Mapping[str, Entity],
                     by_name: Mapping[str, Entity]) -> tuple[dict[str, Annotations], Mapping[str, Mapping[str, bytes]]]:
    """Every page's annotations with resolution's entity ids, and the held fields (``corpus.held``)
    it changed (quote speakers) packed again: one page's quotes decoded at a time."""
    from dossier.corpus.held import kept_apart

    annotations: dict[str, Annotations] = {}
    changed: dict[str, dict[str, bytes]] = {}
    for i, a in corpus.annotations.items():
        whole = corpus.whole(a, ("quotes",))
        annotations[i], packed = kept_apart(a, whole, with_claim_actors(with_entity_ids(whole, mention_entity),
                                                                        by_id, by_name), corpus.held)
        for f, blob in packed.items():
            changed.setdefault(f, {})[i] = blob
    held = {f: {**pages, **changed[f]} if f in changed else pages for f, pages in corpus.held.items()}
    return annotations, held


def events(corpus: Corpus) -> Corpus:
    """Merge the per-page event mentions into corpus events."""
    from dossier.extract.events import merge_events

    merged = merge_events(corpus.live(), corpus.live_annotations(), entity_id_of)
    return dataclasses.replace(corpus, events=tuple(merged))


def redate(corpus: Corpus) -> Corpus:
    """Date weakly dated pages from events shared with well-dated ones; move their times along."""
    from dossier.corpus.redate import rebase_times, redate_documents

    live = corpus.live()
    new_dates = redate_documents(live, corpus.live_annotations(), corpus.events)
    if not new_dates:
        return corpus
    documents = dict(corpus.documents)
    annotations = dict(corpus.annotations)
    for doc_id, date in new_dates.items():
        annotations[doc_id] = rebase_times(documents[doc_id], annotations[doc_id], date)
        documents[doc_id] = dataclasses.replace(documents[doc_id], published=date)
    return dataclasses.replace(corpus, documents=documents, annotations=annotations)


def story_year(corpus: Corpus) -> Corpus:
    """Date pages that name their day but not their year ("Sept. 26") by the build's other pages,
    then pages that name only weekdays ("on Monday") by the days other pages give their events."""
    from dossier.corpus.story_year import with_build_years
    from dossier.corpus.weekdays import with_weekday_dates

    return with_weekday_dates(with_build_years(corpus))


def positions(corpus: Corpus) -> Corpus:
    """Each claim as a dated position of a side on a corpus-found issue."""
    from dossier.extract.positions import build_positions, default_actor_of

    issue_names = dict(corpus.options.issue_names) if corpus.options.issue_names is not None else None
    found = build_positions(
        corpus.live(), corpus.live_annotations(), default_actor_of(resolution_of(corpus)), issue_names,
        quotes_of=lambda a: corpus.whole(a, ("quotes",)).quotes,  # one page's quotes decoded at a time
    )
    return dataclasses.replace(corpus, positions=tuple(found))


def figures(corpus: Corpus) -> Corpus:
    """One row per figure, with its sentence."""
    from dossier.extract.conflicts import collect_figures

    found = collect_figures(corpus.live(), corpus.live_annotations(),
                            figures_of=lambda a: corpus.whole(a, ("figures",)).figures)  # one page's at a time
    return dataclasses.replace(corpus, figures=tuple(found))


def conflicts(corpus: Corpus) -> Corpus:
    """The same fact reported differently by two sources."""
    from dossier.extract.conflicts import find_conflicts

    found = find_conflicts(corpus.live(), corpus.live_annotations(), corpus.events, tuple(corpus.entities.values()),
                           figures_of=lambda a: corpus.whole(a, ("figures",)).figures)  # one page's at a time
    return dataclasses.replace(corpus, conflicts=tuple(found))


_DOCS = frozenset({"documents", "dates", "annotations"})
DUPLICATES = Pass("duplicates", duplicates, frozenset({"documents"}), frozenset({"documents"}), 10)
STORY_YEAR = Pass("story_year", story_year, frozenset({"documents", "dates"}), frozenset({"dates", "annotations"}), 15)
# Roles and events carry dates from their pages: re-dating re-runs resolution and merging.
RESOLVE = Pass("resolve", resolve, _DOCS, frozenset({"entities", "annotations", "refused"}), 20)
EVENTS = Pass("events", events, _DOCS | {"entities"}, frozenset({"events"}), 30)
REDATE = Pass("redate", redate, _DOCS | {"events"}, frozenset({"dates", "annotations"}), 40)
POSITIONS = Pass("positions", positions, _DOCS | {"entities"}, frozenset({"positions"}), 50)
FIGURES = Pass("figures", figures, _DOCS, frozenset({"figures"}), 60)
CONFLICTS = Pass("conflicts", conflicts, _DOCS | {"events", "entities"}, frozenset({"conflicts"}), 70)
