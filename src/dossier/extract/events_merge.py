"""One event, many reports: merge per-document event mentions into corpus events.

Two mentions are one event when their kinds are compatible (talks ~ meeting ~ summit), their
participants overlap, their places agree when both are known, and their dates agree (same day, or
one coarser date containing the other). Mentions without a date of their own (dated only by their
page) join an event of the same participants and place within about two months of the page date;
mentions from an undated page join only when exactly one event fits. A "held" report wins over a
"planned" one when its source was published on or after the event date.

Greedy clustering in a fixed order (precise dates first, then page order) keeps it deterministic.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Sequence

from dossier.extract import events_lexicon as lex
from dossier.extract.events_actors import (
    PersonNames, actor_aliases, ids_by_name, name_key, names_of_entities, surname_block,
)
from dossier.extract.events_blocks import Blocks
from dossier.extract.events_dates import (
    PRECISION_RANK, compare_dates, contains, days_apart, month_partial, page_month, partial_matches, precision_of,
    weekday_matches, weekday_of, yearless_partial,
)
from dossier.extract.events_generic import happens_once, strong_overlap
from dossier.extract.events_scope import best_label, event_summary, placed
from dossier.lang.geo import country_named, country_of_capital
from dossier.nlp.names import same_person_name  # spelling-insensitive
from dossier.model import Annotations, Document, Event, Evidence, Mention

logger = logging.getLogger(__name__)

ACTOR_FOR_SEP = " for "  # as written by ``events_core._freeze_draft``: Evidence("actor:for", "<person> for <country>")
SOFT_WINDOW_DAYS = 62  # "within ~2 months": a page-dated mention and the event it reports


def kinds_compatible(a: str, b: str) -> bool:
    """Same kind, or kinds that name one event in different reports (talks ~ summit)."""
    return a == b or any(a in g and b in g for g in lex.KIND_GROUPS)


def _keys_match(a: str, b: str) -> bool:
    """Participant keys denote the same actor (entity ids: equal; names: same name up to spelling)."""
    if a == b:
        return True
    if a.startswith("name:") and b.startswith("name:"):
        return same_person_name(a[5:], b[5:])
    return False


def shared_participants(a: Sequence[str], b: Sequence[str]) -> int:
    return sum(1 for x in a if any(_keys_match(x, y) for y in b))


def participants_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Overlap of at least one actor, and of two when both sides name two or more."""
    if not a or not b:
        return False
    need = min(2, len(a), len(b))
    return shared_participants(a, b) >= need


@dataclasses.dataclass
class _Item:
    """A per-document event with what merging needs to know about its source."""

    event: Event
    doc: Document
    order: int
    keys: list[str]
    names: dict[str, str]
    place: str | None
    date: str | None  # from a time expression in the text
    soft: str | None  # from the page date only
    partial: str | None  # "XXXX-01-22" on an undated page
    pub: str | None
    name: str | None = None  # a named document ("declaration of principles")
    support: bool = False  # may join an event, never start one (see ``find_events``)
    proxy: set[str] = dataclasses.field(default_factory=set)  # keys of people acting for a country
    weekday: int | None = None  # "on Thursday" with no resolvable date (0 = Monday)

    @property
    def match_keys(self) -> list[str]:
        """The actors to compare: a person who acts for a country named with them counts as it."""
        return [k for k in self.keys if k not in self.proxy] or self.keys


class _Cluster:
    """An event being merged: its reports, and what ``_fits`` asks of them kept as reports join.

    Each of these was recomputed over every report of the cluster for every candidate test (the
    date by counting its reports' dates), a third of the events pass at 10,000 pages; kept here,
    each report costs once, when it joins. Reports only ever join (``add``), so the kept values
    are the ones a recount would give."""

    __slots__ = ("items", "keys", "match_keys", "place", "soft", "places", "names", "by_doc",
                 "_dated", "_date", "_date_stale", "_meeting_kind", "_agreement")

    def __init__(self, items: Sequence[_Item]) -> None:
        self.items: list[_Item] = []
        self.keys: list[str] = []  # every report's actor keys, the first spelling of each actor
        self.match_keys: list[str] = []  # the same for ``_Item.match_keys``
        self.place: str | None = None  # the first report's place that names one
        self.soft: str | None = None  # the first page-month date
        self.places: dict[str | None, None] = {}  # every report's place, once (ordered)
        self.names: set[str] = set()  # named documents
        self.by_doc: dict[str, list[_Item]] = {}
        self._dated: Counter[str] = Counter()
        self._date: str | None = None
        self._date_stale = False
        self._meeting_kind: str | None = None
        self._agreement = False
        for it in items:
            self.add(it)

    def add(self, it: _Item) -> None:
        """Join report ``it``: the kept values extended as a recount over the reports would."""
        self.items.append(it)
        self.keys.extend(k for k in it.keys if not any(_keys_match(k, o) for o in self.keys))
        self.match_keys.extend(k for k in it.match_keys if not any(_keys_match(k, o) for o in self.match_keys))
        self.place = self.place or it.place or None
        self.soft = self.soft or it.soft or None
        self.places.setdefault(it.place)
        if it.name:
            self.names.add(it.name)
        self.by_doc.setdefault(it.doc.id, []).append(it)
        if it.date:
            self._dated[it.date] += 1
            self._date_stale = True
        kind = it.event.kind
        if self._meeting_kind is None and kind in lex.MEETING_KINDS:
            self._meeting_kind = kind
        self._agreement = self._agreement or kind in lex.AGREEMENT_KINDS

    @property
    def kind(self) -> str:
        """The first report's kind; a meeting once a meeting and the agreement reached at it joined."""
        first = self.items[0].event.kind
        return (self._meeting_kind or first) if self._agreement else first

    @property
    def date(self) -> str | None:
        """The most precise date its reports give, the most often given among equals, then the
        earliest."""
        if self._date_stale:
            count = self._dated
            self._date = min(count, key=lambda d: (PRECISION_RANK[precision_of(d)], -count[d], d))
            self._date_stale = False
        return self._date


def _participant_keys(
    ev: Event, annots: Annotations, entity_of: Callable[[Mention], str | None] | None
) -> tuple[list[str], dict[str, str]]:
    """Participant names -> keys (entity ids when a resolver is given), with display names."""
    keys: list[str] = []
    names: dict[str, str] = {}
    sentences = ev.mentions
    for name in ev.participants:
        key = None
        if entity_of is not None:  # the mention in the event's sentence, else the same name on the page
            named = [m for m in annots.mentions if (m.canonical or m.text) == name]
            named.sort(key=lambda m: not any(s.start <= m.span.start < s.end for s in sentences))
            key = next((k for m in named if (k := entity_of(m))), None)
        key = key or ("name:" + name_key(name))
        if key not in names:
            keys.append(key)
            names[key] = name
    return keys, names


def _item(ev: Event, doc: Document, order: int, annots: Annotations,
          entity_of: Callable[[Mention], str | None] | None, month: int | None = None) -> _Item:
    keys, names = _participant_keys(ev, annots, entity_of)
    rules = {e.rule: e for e in ev.evidence}
    hint = rules.get("date:document")
    soft = (ev.date or hint.text or None) if hint is not None else None  # stored before: the month as date
    date = ev.date if ev.date and soft is None else None
    partial = yearless_partial(rules, month) if date is None and soft is None else None
    acting = {e.text.split(ACTOR_FOR_SEP, 1)[0] for e in ev.evidence if e.rule == "actor:for"}
    return _Item(ev, doc, order, keys, names, (ev.place or "").lower() or None, date, soft, partial,
                 doc.published.value if doc.published else None,
                 rules["event:name"].text if "event:name" in rules else None, "scope:support" in rules,
                 {k for k, n in names.items() if n in acting}, weekday_of(rules) if date is None else None)


def _dates_compatible(it: _Item, cl: _Cluster) -> bool:
    cdate = cl.date
    if it.date and cdate:
        return contains(it.date, cdate)
    if it.date and not cdate:
        csoft = cl.soft
        return csoft is None or (days_apart(it.date, csoft) or 0) <= SOFT_WINDOW_DAYS
    if it.soft:
        if weekday_matches(it.weekday, cdate) and shared_participants(it.match_keys, cl.match_keys) >= 2:
            return _soft_fits(it, cdate, True)  # "met on Thursday": the same pair on that weekday
        if not (it.place and cl.place):
            return False  # dated only by its page: same actors *and* same place, or no merge
        return _soft_fits(it, cdate or cl.soft, bool(cdate))
    if month_partial(it.partial) and cdate and precision_of(cdate) in ("day", "month"):
        # an undated page naming the month ("on Jan. 14"): the month (and day) must agree with a
        # dated report of the same actors; the place only when both name one (checked in ``_fits``)
        return partial_matches(it.partial or "", cdate)
    if it.weekday is not None and cdate and shared_participants(it.match_keys, cl.match_keys) >= 2:
        # an undated page: "X and Y met on Thursday" is the day-dated event of the same pair that
        # fell on a Thursday (and, in ``cluster_items``, the only event that fits)
        return weekday_matches(it.weekday, cdate)
    if not (it.place and cl.place):
        return False  # an undated page: same actors and same place, and (below) only one candidate
    if it.partial and cdate:
        return partial_matches(it.partial, cdate)
    return strong_overlap(shared_participants(it.match_keys, cl.match_keys),  # same place, no date
                          [(o.event.summary, [*o.names.values(), o.place or ""]) for o in (it, *cl.items)])


def _soft_fits(it: _Item, ref: str | None, explicit: bool) -> bool:
    """A mention dated only by its page joins an event within ~2 months, on the right side of
    the page date (held: before it; planned: after it), and only a month- or day-precise one."""
    if ref is None:
        return True
    pub = it.pub or it.soft or ""
    if explicit and precision_of(ref) not in ("day", "month"):
        return False
    gap = days_apart(pub, ref)
    if gap is None or gap > SOFT_WINDOW_DAYS:
        return False
    order = compare_dates(ref, pub) if explicit else None
    if it.event.status == "happened" and order == "after":
        return False  # a page cannot report as held an event after its own date
    if it.event.status == "planned" and order == "before":
        return False
    return True


def places_compatible(a: str | None, b: str | None) -> bool:
    """Unknown, the same place, or a capital and its country ("Paris" ~ "France")."""
    if not a or not b or a == b:
        return True
    ca, cb = country_of_capital(a), country_of_capital(b)
    return (ca is not None and ca == country_named(b)) or (cb is not None and cb == country_named(a))


def _same_day_across_kinds(it: _Item, cl: _Cluster) -> bool:
    """A meeting and the agreement it produced, reported as "met" in one page and "agreed" in
    another: the same two or more actors on the same day are one event. The day may be given by
    one report and only its month ("launched talks in July") or its weekday ("met on Thursday")
    by the other."""
    a, b = it.event.kind, cl.kind
    families = (lex.MEETING_KINDS, lex.AGREEMENT_KINDS)
    if not any(a in f and b not in f for f in families) or not all(
        any(k in f for f in families) for k in (a, b)
    ):
        return False
    if shared_participants(it.match_keys, cl.match_keys) < 2 or not cl.date:
        return False
    if precision_of(cl.date) not in ("day", "month"):
        return False
    days = [d for d in (it.date, cl.date) if d and precision_of(d) == "day"]
    if not days:
        # "followed up with talks in November in Singapore" / "agreed in Singapore last November":
        # the same month at a named place (places were checked compatible by the caller)
        return bool(it.date and (it.place or cl.place) and precision_of(it.date) == "month"
                    and it.date == cl.date)
    if it.date:
        return contains(it.date, cl.date) and precision_of(it.date) in ("day", "month")
    if not weekday_matches(it.weekday, cl.date):
        return False
    return it.soft is None or _soft_fits(it, cl.date, True)


def _named_alike(it: _Item, cl: _Cluster) -> bool:
    """Reports naming the same document ("the Declaration of Principles") in a compatible year."""
    if not it.name or it.name not in cl.names:
        return False
    mine = it.date or it.soft
    theirs = cl.date or cl.soft
    return bool(mine and theirs and contains(mine, theirs)) or (mine is None) != (theirs is None)


def _fits(it: _Item, cl: _Cluster) -> bool:
    if not all(places_compatible(it.place, p) for p in cl.places):
        return False
    if _same_day_across_kinds(it, cl):
        return True
    if not kinds_compatible(it.event.kind, cl.kind):
        return False
    if _named_alike(it, cl):
        return True
    if not it.keys or not cl.keys:
        # nothing names the actors: only the same explicit date can tie the reports together,
        # or the same place in the month the page of a lead report was published
        if not it.date or not cl.date:
            return _page_month_fits(it, cl)
        return it.date == cl.date or (bool(it.place and cl.place) and contains(it.date, cl.date))
    if not participants_compatible(it.match_keys, cl.match_keys):
        return False
    return _same_page_lead(it, cl) or _dates_compatible(it, cl) or happens_once(
        it.event.kind if it.event.kind == cl.kind else "", it.date, cl.date)


def _is_lead(it: _Item) -> bool:
    return any(e.rule == "scope:lead" for e in it.event.evidence)


def _same_page_lead(it: _Item, cl: _Cluster) -> bool:
    """A page's lead telling its own news twice ("X and Y agreed ... during their summit here
    Tuesday", "X and Y met for the 25th time"): held mentions in the lead of one page with no date
    of their own, compatible kinds and the same actors (checked by the caller) are one event, so
    the second joins wherever the first went."""
    if it.date or it.event.status != "happened" or not _is_lead(it):
        return False
    return any(o is not it and _is_lead(o) and o.date is None
               and o.event.status == "happened" and kinds_compatible(o.event.kind, it.event.kind)
               for o in cl.by_doc.get(it.doc.id, ()))


def _page_month_fits(it: _Item, cl: _Cluster) -> bool:
    """A lead report that names no actor ("X did not turn up for the final round of talks in
    Washington") and is dated only by its page joins the event another report dates to that very
    month at the very same place (and on the right side of the page date)."""
    cdate = cl.date
    if not (it.soft and not it.keys and it.place and it.place == cl.place and cdate):
        return False
    if not any(e.rule == "scope:lead" for e in it.event.evidence):
        return False
    return precision_of(cdate) == "month" and it.soft[:7] == cdate and _soft_fits(it, cdate, True)


def _sort_key(it: _Item) -> tuple[int, int, int, int, str]:
    if it.support:
        tier = 3  # supporting mentions come last: they only join events found before them
    elif it.date:
        tier = 0
    elif it.soft:
        tier = 1
    else:
        tier = 2
    prec = PRECISION_RANK[precision_of(it.date)] if it.date else 4
    return (min(tier, 3), prec, it.order, it.event.mentions[0].start, it.event.id)


def _reach(it: _Item) -> str:
    """Which events of its actors ``_fits`` can give a report with no date of its own (``Blocks``):
    with no weekday or month either, only one its page's lead reported (``_same_page_lead``) or,
    when it names a place, one with a place too (``_dates_compatible``)."""
    if it.date is not None or it.weekday is not None or (it.soft is None and month_partial(it.partial)) or (
            happens_once(it.event.kind, None, None)):
        return "any"
    return "placed" if it.place else "page"


def _name_block(key: str) -> str | None:
    """The bucket of a name key for blocking: two spellings of one surname end in the same letter
    (``names.word_match``), so ``_keys_match`` never pairs keys from two buckets."""
    block = surname_block(key[5:]) if key.startswith("name:") else None
    return None if block is None else "name~" + block


def cluster_items(items: list[_Item]) -> list[_Cluster]:
    """Greedy, ordered clustering: precise dates seed events, vaguer mentions join them."""
    clusters: list[_Cluster] = []
    blocks = Blocks(_name_block)  # only the clusters an item can fit are tested: linear, not quadratic
    for it in sorted(items, key=_sort_key):
        fits = [n for n in sorted(blocks.candidates(it, it.doc.id, _reach(it))) if _fits(it, clusters[n])]
        if it.date is None and it.soft is None and len(fits) > 1:
            fits = []  # an undated page's mention joins only an unambiguous event
        if fits:
            # the same named place first ("the talks in Vienna"), then the most shared actors
            best = max(fits, key=lambda n: (bool(it.place) and it.place == clusters[n].place,
                                            shared_participants(it.match_keys, clusters[n].match_keys), -n))
            clusters[best].add(it)
            blocks.add(best, it, it.doc.id)
        elif not it.support:
            blocks.add(len(clusters), it, it.doc.id)
            clusters.append(_Cluster([it]))
    return clusters


def _held_counts(it: _Item, date: str | None) -> bool:
    """A held report counts when its page is not older than the event it reports."""
    if it.event.status != "happened":
        return False
    if date and it.pub and compare_dates(date, it.pub) == "after":
        return False
    return True


def _merged_status(cl: _Cluster, date: str | None) -> tuple[str, Evidence]:
    held = [it for it in cl.items if _held_counts(it, date)]
    statuses = {it.event.status for it in cl.items}
    if held:
        return "happened", Evidence(rule="merge:held", text=held[0].doc.source, span=held[0].event.mentions[0])
    order = ("planned", "possible", "denied", "happened")
    status = next(s for s in order if s in statuses or s == "happened")
    return status, Evidence(rule=f"merge:{status}", text=cl.items[0].doc.source)


def other_statuses(cl: _Cluster, status: str) -> list[Evidence]:
    """A planned and a held report of one event: the merged event shows both ("merge:also")."""
    seen: dict[str, _Item] = {}
    for it in cl.items:
        if it.event.status != status:
            seen.setdefault(it.event.status, it)
    return [Evidence(rule="merge:also", text=f"{st} ({it.doc.source})", span=it.event.mentions[0])
            for st, it in sorted(seen.items())]


def _earliest(cl: _Cluster) -> _Item:
    return min(cl.items, key=lambda it: (it.pub or "9999", it.doc.id, it.event.mentions[0].start))


def refine_day(cl: _Cluster, month: str) -> tuple[str, _Item | None]:
    """A month-dated event whose undated reports all name one day of that month ("Jan. 14"):
    the year from the dated report, the day from the others."""
    days = [it for it in cl.items if it.partial and len(it.partial) == 10 and partial_matches(it.partial, month)]
    if not days or len({it.partial for it in days}) != 1:
        return month, None
    return month + (days[0].partial or "")[7:], days[0]


def _to_event(cl: _Cluster, use_ids: bool, short: dict[str, str] | None = None) -> Event:
    first = _earliest(cl)
    date = cl.date
    dated_by = min((it for it in cl.items if it.date == date), default=None,
                   key=lambda it: (_sort_key(it)[:2], it.pub or "9999", it.doc.id,
                                   it.event.mentions[0].start)) if date else None
    day_from = None
    if date is None:  # the page month hint of its reports merged them; it is no date to show
        precision = "none"
        if cl.soft and len(cl.soft) == 7 and (got := refine_day(cl, cl.soft))[1] is not None:
            date, day_from = got  # an undated report names the day ("on Jan. 14") of the hinted month
            precision = precision_of(date)
    else:
        precision = precision_of(date)
    if date is not None and precision == "month":
        date, day_from = refine_day(cl, date)
        precision = precision_of(date)
    status, status_ev = _merged_status(cl, cl.date)
    keys = cl.keys
    display: dict[str, str] = {}
    for it in cl.items:
        for k, n in it.names.items():
            display.setdefault(k, n)
    names = [next((display[o] for o in display if _keys_match(k, o)), k) for k in keys]
    acting = {k for it in cl.items for k in it.proxy} - {k for it in cl.items for k in it.keys if k not in it.proxy}
    shown = [(k, n) for k, n in zip(keys, names) if k not in acting] or list(zip(keys, names))
    # resolved: entity ids, and the names of parties no entity stands for apart; unresolved: names
    participants = tuple(k if use_ids else names[i] for i, k in enumerate(keys) if not use_ids or not k.startswith("name:"))
    labels = tuple(names[i] for i, k in enumerate(keys) if use_ids and k.startswith("name:"))
    kinds = [it.event.kind for it in cl.items]
    if any(k in lex.AGREEMENT_KINDS for k in kinds) and any(k in lex.MEETING_KINDS for k in kinds):
        kind = "summit" if "summit" in kinds else "meeting"  # a meeting that produced a deal: a meeting
    else:
        kind = min(kinds, key=lambda k: (lex.KIND_RANK.get(k, 9), k))
    place = next((it.event.place for it in sorted(cl.items, key=_sort_key) if it.event.place), None)
    mentions = tuple(sorted({s for it in cl.items for s in it.event.mentions},
                            key=lambda s: (s.doc_id, s.start)))
    if dated_by is not None:  # the sentence that gives the date is the one to cite first
        first_span = dated_by.event.mentions[0]
        mentions = (first_span, *(s for s in mentions if s != first_span))
    evidence = [ev for it in sorted(cl.items, key=_sort_key) for ev in it.event.evidence]
    if dated_by is not None:
        evidence.append(Evidence(rule="date:source", text=cl.date or "", span=dated_by.event.mentions[0]))
    if day_from is not None:
        evidence.append(Evidence(rule="date:day", text=day_from.partial or "", span=day_from.event.mentions[0]))
    evidence.append(status_ev)
    evidence.extend(other_statuses(cl, status))
    docs = {it.doc.id for it in cl.items}
    evidence.append(Evidence(rule="merge:reports", text=f"{len(cl.items)} mentions in {len(docs)} documents"))
    confidence = min(0.95, max(it.event.confidence for it in cl.items) + 0.05 * (len(docs) - 1))
    label = best_label([it.event for it in sorted(cl.items, key=_sort_key)], kind)
    return Event(
        id=first.event.id,
        kind=kind,
        summary=placed(label, place, kind) if label else event_summary(kind, [(short or {}).get(k, n) for k, n in shown], place),
        mentions=mentions,
        participants=participants,
        participant_labels=labels,
        place=place,
        date=date,
        precision=precision,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        confidence=round(confidence, 3),
        evidence=tuple(evidence),
    )


def merge_events(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    entity_of: Callable[[Mention], str | None] | None = None,
) -> list[Event]:
    """Corpus events from the per-document ``annots[i].events`` of ``docs[i]``, sorted by date."""
    by_id = {a.doc_id: a for a in annots}
    items: list[_Item] = []
    for order, doc in enumerate(docs):
        ann = by_id.get(doc.id)
        if ann is None:
            continue
        month = page_month(doc) if any(not e.date for e in ann.events) else None
        items.extend(_item(ev, doc, order, ann, entity_of, month) for ev in ann.events)
    short: dict[str, str] = {}
    if entity_of is not None:
        used = [by_id[d.id] for d in docs if d.id in by_id]
        rep, short = actor_aliases(used, entity_of)
        by_name = ids_by_name(used, entity_of)
        people = PersonNames(names_of_entities(used, entity_of))
        for it in items:
            folded: list[str] = []
            proxy: set[str] = set()
            for key in it.keys:
                k = key
                if k.startswith("name:"):  # a name the resolver left alone: the entity of that name
                    k = by_name.get(k[5:]) or people.only(it.names.get(k, k[5:])) or k
                r = rep.get(k, k)
                if key in it.proxy:
                    proxy.add(r)
                if r not in folded:
                    folded.append(r)
                    it.names.setdefault(r, it.names.get(key, r))
            it.keys = folded
            it.proxy = proxy
        short = {**{rep.get(k, k): v for k, v in sorted(short.items())}, **{k: v for k, v in short.items() if rep.get(k, k) == k}}
    events = [_to_event(c, entity_of is not None, short) for c in cluster_items(items)]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
