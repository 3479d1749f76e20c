"""Date a page that names only weekdays ("on Monday") from the events other pages date.

News names the day of the week for what happened or will happen within the week around the
page's own day, and a date beyond it (the wire-style convention). So a page reporting in the past
tense an event that another page of the build dates to Monday D ("the debate on Monday", the same
kind of event with the same named party or place) was written on one of D..D+6; a page announcing
it for "Monday" on one of D-6..D. Each such shared event gives a window of seven days; the windows
of all the page's weekday phrases are intersected. When they agree the page gets the middle day of
what is left (within three days of every day of a week), with a low confidence saying it is an
estimate; when they disagree, or the named weekday is not the weekday of the other page's day,
nothing. Only pages dated to the day with their year by their own text (or their year from the
build, ``story_year``) lend their events' days, never pages dated here or from shared events, and
an event that two lenders date differently lends nothing.
Hand-written: no library dates a document from the weekdays its events share with other documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Collection, Mapping, Sequence

from dossier.corpus.state import Corpus
from dossier.extract.events_merge import kinds_compatible
from dossier.lang.en import WEEKDAYS
from dossier.model import Annotations, Document, Event, PublicationDate

logger = logging.getLogger(__name__)

WEEKDAY_PREFIX = "weekday of an event another page dates: "  # evidence lines written here start so
ANCHOR_MIN = 0.45  # a page dated at least this surely (to the day, with its year) lends its events' days
BASE_CONFIDENCE = 0.35  # one shared event: an estimate, said to be one
MAX_CONFIDENCE = 0.45  # never "confident" (0.5): the page's own day is never read, only bounded
SPAN_DAYS = 6  # a weekday names a day at most this far from the page's own day
_BORROWED_FROM = ("shares event ", WEEKDAY_PREFIX)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_SHIFTED = re.compile(r"\b(last|next|this past|this coming|every|each|previous|following)\s+\w+day\b|\bweeks?\b",
                      re.IGNORECASE)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Anchor:
    """An event a well-dated page dates to the day: what other pages may date themselves by."""

    kind: str
    keys: frozenset[str]
    day: dt.date
    summary: str
    source: str


def named_weekday(phrase: str) -> int | None:
    """The weekday (0 = Monday) a phrase names plainly ("on Monday", "Friday night"); None for none,
    for two, and for a shifted one ("last Monday", "next Friday", "Monday a week ago"), whose
    distance from the page's day the convention does not bound."""
    found = {m.group(1).lower() for m in _WEEKDAY.finditer(phrase)}
    if len(found) != 1 or _SHIFTED.search(phrase):
        return None
    return WEEKDAYS.index(found.pop())


def party_keys(event: Event) -> frozenset[str]:
    """What names the event's parties and place for matching across pages: each name's last word
    ("Jane Smith" and "Smith" share "smith"), and the place."""
    keys = {words[-1].lower() for name in event.participants if (words := re.findall(r"[^\W\d_]{3,}", name))}
    if event.place:
        keys.add("@" + event.place.lower())
    return frozenset(keys)


def lends_days(pub: PublicationDate) -> bool:
    """A page dated to the day with its year by its own evidence, surely enough to date others."""
    return (bool(pub.value) and pub.precision == "day" and pub.confidence >= ANCHOR_MIN
            and not any(line.startswith(_BORROWED_FROM) for line in pub.evidence))  # fmt: skip


def anchors_of(docs: Sequence[Document], annots: Mapping[str, Annotations]) -> list[Anchor]:
    """The day-dated events, naming a party or place, of the pages that lend their days."""
    out: list[Anchor] = []
    for doc in docs:
        if not lends_days(doc.published) or doc.id not in annots:
            continue
        for ev in annots[doc.id].events:
            keys = party_keys(ev)
            if ev.date and ev.precision == "day" and len(ev.date) == 10 and keys and ev.status in ("happened", "planned"):
                out.append(Anchor(ev.kind, keys, dt.date.fromisoformat(ev.date), ev.summary, doc.source))
    return out


def _phrase(event: Event, text: str) -> str:
    for ev in event.evidence:
        if ev.rule in ("date:time", "date:unresolved") and ev.span is not None:
            return ev.span.text_in(text)
    return ""


def window(day: dt.date, status: str) -> tuple[dt.date, dt.date]:
    """The page days a weekday reference to ``day`` allows: after it when reported as held, before it
    when announced."""
    if status == "happened":
        return day, day + dt.timedelta(days=SPAN_DAYS)
    return day - dt.timedelta(days=SPAN_DAYS), day


def windows_for(doc: Document, local: Sequence[Event], anchors: Sequence[Anchor]) -> list[tuple[dt.date, dt.date, str]]:
    """(first, last possible page day, why) for each of the page's weekday-dated events that one
    lent day, of the weekday it names, matches; an event that lent days disagree on gives none."""
    out: list[tuple[dt.date, dt.date, str]] = []
    for ev in local:
        phrase = _phrase(ev, doc.text)
        weekday = named_weekday(phrase) if phrase else None
        keys = party_keys(ev)
        if weekday is None or not keys or ev.status not in ("happened", "planned"):
            continue
        hits = [a for a in anchors if kinds_compatible(ev.kind, a.kind) and a.keys & keys]
        days = {a.day for a in hits}
        if len(days) != 1:
            continue  # none, or other pages date it differently
        day = days.pop()
        if day.weekday() != weekday:
            logger.debug("%s: %r is no %s", doc.source, phrase, day.isoformat())
            continue
        lo, hi = window(day, ev.status)
        out.append((lo, hi, f'{WEEKDAY_PREFIX}{ev.summary} "{phrase}" ({ev.status}) is {hits[0].summary} '
                             f"dated {day.isoformat()} by {hits[0].source}"))
    return out


def weekday_date(doc: Document, local: Sequence[Event], anchors: Sequence[Anchor]) -> PublicationDate | None:
    """The middle day of the page days all its anchored weekday phrases allow; None when they
    allow none (they disagree) or there are none."""
    found = windows_for(doc, local, anchors)
    if not found:
        return None
    lo, hi = max(w[0] for w in found), min(w[1] for w in found)
    if lo > hi:
        logger.debug("%s: its weekday phrases disagree: %s", doc.source, [w[2] for w in found])
        return None
    day = lo + dt.timedelta(days=(hi - lo).days // 2)
    agree = len({(w[0], w[1]) for w in found})
    conf = min(MAX_CONFIDENCE, BASE_CONFIDENCE + 0.05 * (agree - 1))
    whys = list(dict.fromkeys(w[2] for w in found))
    middle = f"the middle of the days {lo.isoformat()}..{hi.isoformat()} they allow (an estimate)"
    return PublicationDate(day.isoformat(), "day", conf, (*doc.published.evidence, *whys, middle))


def dates_from_weekdays(
    docs: Sequence[Document], annots: Mapping[str, Annotations], targets: Collection[str] | None = None
) -> dict[str, PublicationDate]:
    """New dates of the pages (of ``targets`` when given) not dated to the day whose weekday phrases
    name events the build's well-dated pages date."""
    anchors = anchors_of(docs, annots)
    if not anchors:
        return {}
    out: dict[str, PublicationDate] = {}
    for doc in docs:
        if (targets is not None and doc.id not in targets) or doc.published.precision == "day" or doc.id not in annots:
            continue
        new = weekday_date(doc, annots[doc.id].events, anchors)
        if new is not None and new.confidence > doc.published.confidence:
            out[doc.id] = new
    if out:
        logger.debug("weekdays: %d pages dated from %d events other pages date", len(out), len(anchors))
    return out


def with_weekday_dates(corpus: Corpus, targets: Collection[str] | None = None) -> Corpus:
    """The corpus with ``dates_from_weekdays`` applied (the pages' times re-anchored to their new day)."""
    from dossier.corpus.redate import rebase_times

    live = corpus.live()
    new_dates = dates_from_weekdays(live, corpus.annotations, targets)
    if not new_dates:
        return corpus
    documents, annotations = dict(corpus.documents), dict(corpus.annotations)
    for doc_id, date in new_dates.items():
        annotations[doc_id] = rebase_times(documents[doc_id], annotations[doc_id], date)
        documents[doc_id] = dataclasses.replace(documents[doc_id], published=date)
    return dataclasses.replace(corpus, documents=documents, annotations=annotations)


__all__ = ["WEEKDAY_PREFIX", "Anchor", "anchors_of", "dates_from_weekdays", "named_weekday", "party_keys",
           "weekday_date", "window", "with_weekday_dates"]
