"""The incremental corpus step: a few new pages joined to the stored results without redoing them.

A full corpus step costs time in the number of stored pages (every page's annotations loaded,
hashed, resolved and merged again). When a build adds a few pages to a store whose last corpus
step saw all the others, under the same code and configuration, the passes run over the new pages
alone and ``fold`` joins their results to the stored ones (entities by name keys, events by actors
and dates, issues by head term); only new pages are re-dated. What it keeps between steps beyond
the corpus tables is an ``Index`` (store meta ``corpus_index``): the pages the last step saw, under
which code and configuration; and each page's near-duplicate sketch (text key and MinHash bands,
in the store's sketch tables: ``store.sketches``), so a new page is compared without hashing the
stored ones again. When it cannot give what a full step would (a new page displaces a stored page as the
kept copy of a duplicate group, too many new pages, a stored page mapped again, another code or
configuration), it says why and the caller runs the full step (``plan``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dossier.clean.duplicates import Sketch, SketchLookup
from dossier.corpus.fold import fold_entities, fold_events, fold_positions, issue_terms, issue_terms_by_size, unfold
from dossier.corpus.state import Corpus
from dossier.model import Annotations, Conflict, Document, Event, Position, Refused

logger = logging.getLogger(__name__)

INDEX_KEY = "corpus_index"  # store meta key
INDEX_VERSION = 4  # 1 held every page's sketch too (now in the store's tables); 2: no event_keys rows yet; 3: no refused words
MAX_SHARE = 0.10  # more new pages than this share of the pages seen: a full step (folding drifts)


@dataclass(frozen=True)
class Index:
    """What the last corpus step leaves for the next incremental one."""

    stamp: str  # the code revision and configuration the step ran under
    seen: frozenset[str]  # the pages it saw (ids)
    refused: Refused = Refused()  # words resolution read as naming nothing over those pages


def encode_index(index: Index) -> str:
    return json.dumps({"version": INDEX_VERSION, "stamp": index.stamp, "seen": sorted(index.seen),
                       "class_words": sorted(index.refused.class_words),
                       "day_names": [list(p) for p in index.refused.day_names]}, separators=(",", ":"))


def decode_index(text: str | None) -> Index | None:
    """The stored index, or None when there is none or it was written by another version."""
    if not text:
        return None
    try:
        data = json.loads(text)
        if data.get("version") != INDEX_VERSION:
            return None
        refused = Refused(frozenset(data["class_words"]), tuple((str(w), str(d)) for w, d in data["day_names"]))
        return Index(str(data["stamp"]), frozenset(data["seen"]), refused)
    except (ValueError, KeyError, TypeError, IndexError):
        logger.warning("corpus index unreadable: the next corpus step is a full one")
        return None


def plan(index: Index | None, stamp: str, kept: Sequence[str], refreshed: bool = False, replaced: int = 0) -> str | None:
    """Why the corpus step over the pages ``kept`` must be a full one, or None when the new pages
    (and ``replaced`` stored pages mapped again) can be folded into the stored results."""
    if index is None:
        return "no earlier corpus step to build on"
    if index.stamp != stamp:
        return "the code or configuration changed since the last corpus step"
    if refreshed:
        return "stored pages were mapped again (their site's furniture changed)"
    if not index.seen.issubset(kept):
        return "pages the last corpus step saw are gone"
    new = len(kept) - len(index.seen) + replaced
    if new == 0:
        return "no new pages"
    if new > MAX_SHARE * len(index.seen):
        return f"{new} new pages are over {MAX_SHARE:.0%} of the {len(index.seen)} stored"
    return None


def _statuses(corpus: Corpus, new: Sequence[Document], dup_of: Mapping[str, str]) -> Corpus:
    """The new pages marked as duplicates (or not), as the duplicates pass would."""
    from dossier.corpus.passes import _own_status

    docs = dict(corpus.documents)
    for d in new:
        docs[d.id] = dataclasses.replace(d, duplicate_of=dup_of.get(d.id),
                                         status="duplicate" if d.id in dup_of else _own_status(d))
    return dataclasses.replace(corpus, documents=docs)


EventsFor = Callable[[Sequence[Event]], Sequence[Event]]


def _resolve_new(corpus: Corpus, stored: Corpus, ids: Sequence[str], events_for: EventsFor | None = None,
                 refused: Refused | None = None) -> Corpus:
    """Entities and events of the new pages ``ids``, folded into ``stored``'s (or into those
    ``events_for`` gives for the events found); ``refused``: the words the stored pages' resolution
    read as naming nothing, which the new pages' few uses could not tell."""
    from dossier.corpus.passes import entity_id_of, with_claim_actors, with_entity_ids
    from dossier.extract.events import merge_events
    from dossier.extract.positions import entity_index
    from dossier.resolve import resolve_entities

    live = [corpus.documents[i] for i in ids if corpus.documents[i].status == "ok"]
    annots = [corpus.annotations[d.id] for d in live if d.id in corpus.annotations]
    res = resolve_entities(live, annots, corpus.options.corrections, refused=refused)
    entities, renamed = fold_entities(stored.entities.values(), res.entities)
    mention_entity = {k: renamed.get(v, v) for k, v in res.mention_entity.items()}
    by_name = entity_index(tuple(entities.values()))
    resolved = {a.doc_id: with_claim_actors(with_entity_ids(a, mention_entity), entities, by_name) for a in annots}
    annotations = {**corpus.annotations, **resolved}
    found = merge_events(live, [annotations[d.id] for d in live if d.id in annotations], entity_id_of)
    events, _ = fold_events(stored.events if events_for is None else events_for(found), found)
    return dataclasses.replace(corpus, entities=entities, annotations=annotations, events=tuple(events),
                               refused=res.refused)


def _redate_new(corpus: Corpus, ids: Sequence[str]) -> Corpus | None:
    """The new pages re-dated from the events they share with stored pages (None: none moved)."""
    from dossier.corpus.redate import rebase_times, redate_documents

    live = corpus.live()
    annots = [corpus.annotations[i] for i in ids if i in corpus.annotations]
    new_dates = redate_documents(live, annots, corpus.events, targets=frozenset(ids))
    if not new_dates:
        return None
    documents, annotations = dict(corpus.documents), dict(corpus.annotations)
    for doc_id, date in new_dates.items():
        annotations[doc_id] = rebase_times(documents[doc_id], annotations[doc_id], date)
        documents[doc_id] = dataclasses.replace(documents[doc_id], published=date)
    return dataclasses.replace(corpus, documents=documents, annotations=annotations)


def _layers_new(corpus: Corpus, stored: Corpus, ids: Sequence[str], known: Mapping[str, str] | None = None) -> Corpus:
    """Positions, figures and conflicts of the new pages, added to the stored ones (those ``stored``
    holds: none when the caller writes additions only). ``known``: the stored issues by head term,
    when ``stored`` does not hold the positions."""
    from dossier.extract.conflicts import collect_figures, find_conflicts
    from dossier.extract.positions import build_positions, default_actor_of
    from dossier.resolve import Resolution

    live = [corpus.documents[i] for i in ids if corpus.documents[i].status == "ok"]
    annots = [corpus.annotations[d.id] for d in live if d.id in corpus.annotations]
    entities = tuple(corpus.entities.values())
    issue_names = dict(corpus.options.issue_names) if corpus.options.issue_names is not None else None
    known = issue_terms(stored.positions) if known is None else known
    found = build_positions(live, annots, default_actor_of(Resolution(entities, {})), issue_names, known)
    positions = fold_positions(stored.positions, found, {e.id: e.name for e in entities}, known)
    figures = (*stored.figures, *collect_figures(live, annots))
    on_new = {d.id for d in live}
    events = [e for e in corpus.events if any(s.doc_id in on_new for s in e.mentions)]
    conflicts = _new_conflicts(stored.conflicts, find_conflicts(live, annots, events, entities))
    return dataclasses.replace(corpus, positions=tuple(positions), figures=figures, conflicts=conflicts)


def _new_conflicts(stored: Sequence[Conflict], found: Sequence[Conflict]) -> tuple[Conflict, ...]:
    from dossier.extract.conflicts_events import conflict_order

    have = set(stored)
    return tuple(conflict_order([*stored, *(c for c in found if c not in have)]))


def _known_issues(sizes: Mapping[str, int], read: Sequence[Position], kept: Sequence[Position]) -> dict[str, str]:
    """The stored issues by head term (``fold.issue_terms_by_size``) once the positions of ``read``
    not ``kept`` (those of pages taken out) are no longer counted."""
    left = Counter(sizes)
    left.subtract(Counter(p.issue for p in read) - Counter(p.issue for p in kept))
    return issue_terms_by_size({i: n for i, n in left.items() if n > 0})


def _event_key(e: Event) -> tuple[bool, str, str]:
    return e.date is None, e.date or "", e.id  # the store's order, and fold_events'


def _blocked(kept: Sequence[Event], gone: set[str], events_for: EventsFor) -> EventsFor:
    """``events_for`` with the events of the pages taken out as ``unfold`` left them (``kept``;
    ``gone``: those it dropped) in place of their stored form, in the store's order."""
    def stored_for(found: Sequence[Event]) -> Sequence[Event]:
        have = {e.id: e for e in kept}
        more = [e for e in events_for(found) if e.id not in have and e.id not in gone]
        return sorted([*kept, *more], key=_event_key)
    return stored_for


@dataclass(frozen=True)
class Reads:
    """What the step reads from the store as it needs it, instead of finding it in ``stored``."""

    issue_sizes: Mapping[str, int]  # each stored issue's number of positions
    events_for: EventsFor  # the stored events found ones may join (Store.events_near)
    text_of: Callable[[str], str]  # a stored page's text (``stored`` holds pages without it)
    text_sizes: Mapping[str, int]  # each stored page's text length


def incremental_step(
    stored: Corpus, new_annotations: Mapping[str, Annotations], index: Index, sketches: SketchLookup,
    replaced: Mapping[str, tuple[Document, Annotations]] | None = None, reads: Reads | None = None,
) -> tuple[Corpus, Index] | None:
    """``stored`` (every kept page, the stored results, annotations of the new pages only) with the
    new pages folded in (their near-duplicate sketches in its ``sketches``, to store in place of
    those of the ``replaced`` pages), and the index for the next step; ``sketches``: the stored
    pages' (a page among ``replaced`` is looked up as no stored page). None when only a full step can say
    (a new page changes a stored page's duplicate status). ``replaced``: stored pages mapped again,
    as they were: their part of the stored results is taken out first (``fold.unfold``) and they
    are folded in again as new pages; one that was or had a duplicate asks for a full step.
    With ``reads``, ``stored`` holds the stored pages but the new ones without their text, and of the
    events, positions, figures and conflicts only those of the ``replaced`` pages: positions, figures
    and conflicts are only added to (a new issue is named by ``reads.issue_sizes``), and the events
    the new ones may join come from ``reads.events_for`` (``Store.events_near``: a superset of those
    ``fold.fold_events`` joins, in the store's order, every one read so far). The result then holds
    the rows read (less the replaced pages' rows) and the new ones, which is what
    ``store.base.corpus_changes`` needs against the rows read."""
    from dossier.clean.duplicates import add_duplicates
    from dossier.corpus.story_year import with_build_years
    from dossier.corpus.weekdays import with_weekday_dates

    replaced = replaced or {}
    if any(old.status == "duplicate" for old, _ in replaced.values()) or any(
            d.duplicate_of in replaced for d in stored.documents.values()):
        return None
    read, stored = stored, unfold(stored, {i: a for i, (_, a) in replaced.items()})
    known, events_for = None, None
    if reads is not None:
        known = _known_issues(reads.issue_sizes, read.positions, stored.positions)
        gone = {e.id for e in read.events} - {e.id for e in stored.events}
        events_for = _blocked(stored.events, gone, reads.events_for)
    new_ids = [i for i in stored.documents if i not in index.seen or i in replaced]
    seen_docs = [d for i, d in stored.documents.items() if i in index.seen and i not in replaced]
    fresh: dict[str, Sketch] = {}
    dup_of = add_duplicates(seen_docs, [stored.documents[i] for i in new_ids], fresh, lookup=sketches,
                            text_of=reads.text_of if reads else None, sizes=reads.text_sizes if reads else None)
    if dup_of is None:
        return None
    corpus = _statuses(dataclasses.replace(stored, annotations=dict(new_annotations), sketches=fresh),
                       [stored.documents[i] for i in new_ids], dup_of)
    new = frozenset(new_ids)  # the story_year pass, on the new pages (lent days: of the new pages only)
    corpus = with_weekday_dates(with_build_years(corpus, new), new)
    corpus = _resolve_new(corpus, stored, new_ids, events_for, index.refused)
    redated = _redate_new(corpus, new_ids)
    if redated is not None:  # the new pages' times moved: resolve and merge them again, from the stored state
        corpus = _resolve_new(redated, stored, new_ids, events_for, index.refused)
    corpus = _layers_new(corpus, stored, new_ids, known)
    return corpus, Index(index.stamp, frozenset(stored.documents), corpus.refused)
