"""Answer a plain question from the sources, offline, every answer item with its citation.

No language model: the question is parsed with a few generic rules (names matched against the
corpus's entities and aliases, fuzzy with rapidfuzz; years and months; an intent from the question
word and verb), then answered from events, quotes, positions and BM25-ranked sentences
(``Reader.search``). When nothing fits, the answer says so (``found=False``) instead of guessing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from rapidfuzz import fuzz, process, utils

from dossier.lang.en import FULL_MONTHS
from dossier.model import Entity, Event, Span
from dossier.nlp.names import generation, other_generation
from dossier.query import Reader
from dossier.query.views import cite_dict, role_row, role_when

logger = logging.getLogger(__name__)

NOT_FOUND = "Not found in the sources."
NO_EVENT = "No event was extracted, but these sentences name them together."
FUZZY_CUTOFF = 90  # rapidfuzz ratio: one typo in a full name passes, a short common word never matches a short name
MAX_ITEMS = 10

_MONTHS = FULL_MONTHS
_STOP = frozenset(
    "a an the of in on at to for from by with about over and or but is are was were be been being do does did "
    "what when where who whom whose which why how that this these those it its their his her he she they them "
    "there any some all ever has have had will would shall should can could may might must not no than then "
    "as into onto upon regarding concerning say said says tell told think thought meet met meeting meetings "
    "mean means talk talked speak spoke state stated claim claimed argue argued stance position view views "
    "happen happened hold held take took place first last ever".split()
)
# A "when" question names the event itself: its event word and ordinal are what to look for
# ("When was the first debate?", "When was the meeting?").
_WHEN_STOP = _STOP - frozenset("meet met meeting meetings first last hold held talk talked".split())
_SAY = re.compile(r"\b(say|said|says|saying|tell|told|think|thinks|thought|state|stated|claim|claimed|argue|argued|"
                  r"stance|position|positions|view|views|opinion|comment|commented|speak|spoke|quote|quoted)\b", re.I)
_MEET = re.compile(r"\b(meet|met|meeting|meetings|visit|visited|talks|summit|call|called|sign|signed|hold|held)\b", re.I)
_MEETING_WORDS = frozenset("meet met meeting meetings talk talks talked summit visit visited".split())
_MEETING_KINDS = frozenset({"meeting", "talks", "summit", "visit", "call"})
_WHO = re.compile(r"^\s*(who|what)\s+(is|was|are|were)\s+(?P<name>.+?)\s*\??\s*$", re.I)
_PLACE = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)*)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD = re.compile(r"[A-Za-z][\w\-']*")


@dataclass(frozen=True)
class Answer:
    """What ``dossier ask`` prints: a one-line answer and the cited items it rests on."""

    question: str
    intent: str  # who | events | quotes | search
    answer: str
    items: list[dict[str, Any]] = field(default_factory=list)  # {"text": ..., "citation": cite_dict | None}
    found: bool = False
    entities: list[str] = field(default_factory=list)  # the entity ids the question was read as naming
    dates: list[str] = field(default_factory=list)  # year / year-month prefixes the question restricts to


# ---------------------------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------------------------


def detect_intent(question: str) -> str:
    """who / events / quotes / search, from the question word and the main verb."""
    m = _WHO.match(question)
    if m and not _SAY.search(question):
        name = m.group("name").split()
        # "What is the capacity of ...?" asks for a fact, not for a person: names are short, no article
        if m.group(1).lower() == "who" or (len(name) <= 4 and name[0].lower() not in ("the", "a", "an")):
            return "who"
    if re.match(r"^\s*when\b", question, re.I) or _MEET.search(question):
        return "events"
    if _SAY.search(question):
        return "quotes"
    return "search"


def parse_dates(question: str) -> list[str]:
    """Years and 'Month YYYY' in the question as ISO prefixes ('2018', '2018-11')."""
    out: list[str] = []
    for m in re.finditer(r"\b(?P<month>[A-Za-z]+)\s+(?P<year>1[89]\d\d|20\d\d)\b", question):
        month = _MONTHS.get(m.group("month").lower())
        if month:
            out.append(f"{m.group('year')}-{month:02d}")
    years = {p[:4] for p in out}
    out += [y for y in _YEAR.findall(question) if y not in years]
    return out


def _ngrams(words: list[re.Match[str]], n_max: int = 4) -> Iterable[tuple[int, int, str]]:
    for n in range(min(n_max, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            yield words[i].start(), words[i + n - 1].end(), " ".join(w.group(0) for w in words[i : i + n])


def match_entities(question: str, entities: Iterable[Entity]) -> list[tuple[str, list[Entity]]]:
    """Phrases of the question that name entities -> every entity that phrase may stand for.

    Longest phrases first, non-overlapping; a phrase matches a name or alias exactly (any case) or
    within FUZZY_CUTOFF; in a question that capitalises names, a lower-case phrase names no one,
    and a capitalised two-letter word may be a name ("Xi", "UN"). All entities sharing the best-matching name are kept (a bare surname may
    name several people); they are ordered by mentions.
    """
    names: dict[str, list[Entity]] = {}
    for e in entities:
        for n in {e.name, *e.aliases}:
            if len(n) >= 2:
                names.setdefault(n, []).append(e)
    choices = list(names)
    words = list(_WORD.finditer(question))
    # A question that capitalises names ("When did Smith veto the bill?") writes common words in
    # lower case: "bill" there is no Bill. All-lower-case typing keeps every phrase a candidate.
    cased = any(w.group(0)[0].isupper() for w in words[1:])
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, list[Entity]]] = []
    for a, b, phrase in _ngrams(words):
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        tokens = phrase.lower().split()
        if all(t in _STOP for t in tokens) or len(phrase) < (2 if phrase[0].isupper() else 3) or (cased and phrase.islower()):
            continue
        best = process.extractOne(phrase, choices, scorer=fuzz.ratio, processor=utils.default_process,
                                  score_cutoff=FUZZY_CUTOFF)
        if generation(phrase) and (not best or other_generation(phrase, best[0])):
            if process.extractOne(phrase.rsplit(" ", 1)[0], choices, scorer=fuzz.ratio,
                                  processor=utils.default_process, score_cutoff=FUZZY_CUTOFF):
                taken.append((a, b))  # 'Donald Smith Jr.' names no one here, and not 'Donald Smith' either
            continue
        if not best:
            continue
        ents = sorted({e.id: e for e in names[best[0]]}.values(), key=lambda e: (-e.mentions, e.name))
        taken.append((a, b))
        found.append((a, phrase, ents))
    return [(phrase, ents) for _, phrase, ents in sorted(found, key=lambda t: t[0])]


def topic_terms(question: str, named: Iterable[str], stop: frozenset[str] = _STOP) -> list[str]:
    """Content words of the question that are not names, question words or reporting verbs."""
    skip = {w.lower() for phrase in named for w in phrase.split()}
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(question))
            if w not in stop and w not in skip and len(w) > 2 and not _YEAR.fullmatch(w)]


def _stem(word: str) -> str:
    """A crude prefix stem so 'sovereignty' finds 'sovereign' (FTS5's porter does this for search)."""
    w = word.lower()
    return w[: max(5, len(w) - 3)] if len(w) > 5 else w


def mentions_topic(text: str, terms: list[str]) -> bool:
    if not terms:
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    return any(any(w.startswith(_stem(t)) for w in words) for t in terms)


def _date_ok(date: str | None, dates: list[str]) -> bool:
    if not dates:
        return True
    return date is not None and any(date.startswith(d) or d.startswith(date) for d in dates)


# ---------------------------------------------------------------------------------------------
# answering
# ---------------------------------------------------------------------------------------------


def _item(reader: Reader, text: str, span: Span | None) -> dict[str, Any]:
    return {"text": text, "citation": cite_dict(reader.cite(span)) if span else None}


def _who(reader: Reader, question: str, name: str) -> Answer:
    cands = reader.who(name)
    if not cands:
        return Answer(question, "who", NOT_FOUND)
    items = []
    for e in cands:
        roles = "; ".join(
            f"{'former ' if r.past else ''}{r.title}{' of ' + (reader.entity_name(r.of) or '') if r.of else ''}"
            + (f" ({when})" if (when := role_when(role_row(r))) else "")
            for r in e.roles
        )
        span = next((r.evidence[0] for r in e.roles if r.evidence), None) or _first_mention(reader, e.id)
        text = f"{e.name} ({e.type}, {e.mentions} mentions)" + (f": {roles}" if roles else "")
        if e.aliases:
            text += f"; also called {', '.join(e.aliases)}"
        items.append(_item(reader, text, span))
    head = cands[0].name if len(cands) == 1 else f"{len(cands)} candidates: " + ", ".join(e.name for e in cands)
    return Answer(question, "who", head, items, True, [e.id for e in cands])


def _first_mention(reader: Reader, entity_id: str) -> Span | None:
    spans = sorted((m.span.doc_id, m.span.start, m.span.end) for a in reader.annots.values() for m in a.mentions
                   if m.entity_id == entity_id)  # fmt: skip
    return Span(*spans[0]) if spans else None


def _sentences_naming(reader: Reader, entity_ids: set[str]) -> dict[tuple[str, int, int], set[str]]:
    """Sentence (doc, start, end) -> which of ``entity_ids`` it mentions."""
    out: dict[tuple[str, int, int], set[str]] = {}
    for annots in reader.annots.values():
        for m in annots.mentions:
            if m.entity_id in entity_ids:
                c = reader.cite(m.span)
                if c:
                    out.setdefault((m.span.doc_id, c.start, c.end), set()).add(m.entity_id)
    return out


def _events(reader: Reader, question: str, people: list[Entity], dates: list[str], terms: list[str] = ()) -> Answer:  # type: ignore[assignment]
    """Events of the people asked about (at the place and in the dates asked); with ``terms`` (the
    topic words of a "when" question), only events one of whose sentences holds every one ("When
    did X open the fair?" is not answered with X's meetings)."""
    place_m = _PLACE.search(question)
    place = place_m.group("place") if place_m else None
    names = {e.id: {e.name.lower(), *(a.lower() for a in e.aliases)} for e in people}
    # The place asked about is a filter, not a participant, whichever entity its name matched
    # ("in Moscow" may match the city or the government that answers to that name).
    wanted = {e.id for e in people if not (place and place.lower() in names[e.id])}

    def has(ev: Event, ent_id: str) -> bool:
        return ent_id in ev.participants or any(p.lower() in names[ent_id] for p in ev.participant_labels)

    def at_place(ev: Event) -> bool:
        if not place:
            return True
        if ev.place and fuzz.ratio(ev.place.lower(), place.lower()) >= FUZZY_CUTOFF:
            return True
        return any(place.lower() in (c.sentence.lower() if (c := reader.cite(s)) else "") for s in ev.mentions)

    events = [ev for ev in reader.timeline() if all(has(ev, i) for i in wanted) and _date_ok(ev.date, dates)
              and _about_event(reader, ev, terms)[0]]
    events = [ev for ev in events if at_place(ev)] or ([] if place and wanted else events)
    if not wanted and not dates and not place:
        events = []
    if events:
        items = [
            _item(reader, f"{ev.date or 'undated'}: {ev.summary} ({'held' if ev.status == 'happened' else ev.status}"
                          f"{', in ' + ev.place if ev.place else ''})", ev.mentions[0] if ev.mentions else None)
            for ev in events[:MAX_ITEMS]
        ]
        held = [ev for ev in events if ev.status == "happened"]
        first = (held or events)[0]
        head = f"{first.date or 'undated'}: {first.summary}" + (f" (and {len(events) - 1} more)" if len(events) > 1 else "")
        return Answer(question, "events", head, items, True, sorted(wanted), dates)
    # no merged event: fall back to sentences that name every participant
    if len(wanted) >= 2:
        sents = [k for k, ents in _sentences_naming(reader, wanted).items() if ents >= wanted]
        if sents:
            items = [_item(reader, reader.docs[d].text[a:b].strip(), Span(d, a, b)) for d, a, b in sorted(sents)[:MAX_ITEMS]]
            return Answer(question, "events", NO_EVENT, items, True, sorted(wanted), dates)
    return Answer(question, "events", NOT_FOUND, [], False, sorted(wanted), dates)


def _about(terms: list[str], topics: list[Entity]) -> list[list[str]]:
    """What a statement must be about: each topic word, and each entity asked about (any of its
    names), every one of them ('What did X say about Y and taxes?' needs Y and taxes)."""
    return [[t] for t in terms] + [[n for n in (e.name, *e.aliases) if n] for e in topics]


def _on_topic(text: str, about: list[list[str]]) -> bool:
    low = text.lower()
    return all(any((len(n.split()) > 1 and n.lower() in low) or mentions_topic(text, [n]) for n in names) for names in about)


def _quotes(reader: Reader, question: str, speakers: list[Entity], terms: list[str], dates: list[str],
            topics: list[Entity] = ()) -> Answer:  # type: ignore[assignment]
    """The speaker's own quotes and positions whose words are about the topic (a quote counts by its
    text, a position by its statement: the sentence around a quote may be about something else)."""
    ids = {e.id for e in speakers}
    names = {n.lower() for e in speakers for n in (e.name, *e.aliases)}
    about = _about(terms, list(topics))
    items: list[dict[str, Any]] = []
    for q in reader.quotes():
        doc = reader.docs.get(q.content.doc_id)
        spoke = q.speaker_entity in ids or (q.speaker or "").lower() in names
        if not spoke or q.question or not _date_ok(doc.published.value if doc else None, dates):
            continue
        if _on_topic(q.text, about):
            items.append(_item(reader, f"{reader.speaker_name(q) or 'unknown'} ({q.kind}): {q.text}",
                               q.content))
    for p in reader.positions():
        held = p.actor in ids or reader.side_name(p).lower() in names
        if held and _date_ok(p.date, dates) and _on_topic(p.statement, about):
            items.append(_item(reader, f"{reader.side_name(p)} on {p.issue} ({p.stance}, {p.date or 'undated'}): "
                                       f"{p.statement}", p.span))
    own = len(items)
    if not items and about:  # sentences that name the person and the topic, best BM25 first
        naming = _sentences_naming(reader, ids)
        for h in reader.search(" ".join(terms + [e.name for e in topics]), limit=200):
            key = next((k for k in naming if k[0] == h.doc_id and k[1] <= h.start < k[2]), None)
            if key and _on_topic(h.text, about):
                items.append(_item(reader, h.text.strip(), Span(h.doc_id, h.start, h.end)))
    items = _dedupe(items)[:MAX_ITEMS]
    if not items:
        return Answer(question, "quotes", NOT_FOUND, [], False, sorted(ids), dates)
    who = speakers[0].name
    subject = " ".join(terms + [e.name for e in topics])
    shown = f" about {subject}" if subject else ""
    if not own:  # say so: these sentences are the writer's, not the speaker's words
        head = f"No quote or position of {who}{shown}; {len(items)} sentences name both."
        return Answer(question, "quotes", head, items, True, sorted(ids), dates)
    return Answer(question, "quotes", f"{len(items)} statements by {who}{shown}.", items, True, sorted(ids), dates)


def _when(reader: Reader, question: str, people: list[Entity], terms: list[str], dates: list[str]) -> Answer:
    """'When was the first debate?': the dated event one of whose sentences (with its kind, summary,
    place and participants) holds every topic word and names every entity asked about (a
    participant, or its name written there, as a place is), best supported first; its date and
    citation."""
    ids = {e.id for e in people}
    found = [(ev, span) for ev in reader.timeline() if ev.date and _date_ok(ev.date, dates)
             and (span := _about_event(reader, ev, terms, people))[0]]
    if not found:
        return Answer(question, "events", NOT_FOUND, [], False, sorted(ids), dates)
    found.sort(key=lambda t: (t[0].status != "happened", -len({s.doc_id for s in t[0].mentions}), -t[0].confidence))
    items = [_item(reader, f"{ev.date}: {ev.summary}", span) for ev, (_, span) in found[:MAX_ITEMS]]
    first = found[0][0]
    return Answer(question, "events", f"{first.date}: {first.summary}", items, True, sorted(ids), dates)


def _about_event(reader: Reader, ev: Event, terms: list[str], people: Iterable[Entity] = ()) -> tuple[bool, Span | None]:
    """Is there a sentence of the event that, read with its kind, summary, place and participants,
    holds every topic word and names every entity (a participant counts as named)? And its span
    (None for an event without mentions). Words spread over the sentences of a
    merged event do not make one event about them."""
    head = f"{ev.kind} {ev.summary} {ev.place or ''} {' '.join(ev.participant_labels)}"
    if ev.kind in _MEETING_KINDS:  # "When did A and B meet?" asks for their talks or summit too
        terms = [t for t in terms if t not in _MEETING_WORDS]
    spans: list[Span | None] = list(ev.mentions[:5]) or [None]
    for s in spans:
        c = reader.cite(s) if s else None
        text = f"{head} {c.sentence if c else ''}"
        if all(mentions_topic(text, [t]) for t in terms) and all(e.id in ev.participants or _named(text, e) for e in people):
            return True, s
    return False, None


def _named(text: str, e: Entity) -> bool:
    """Is one of the entity's names written in the text (whole words, any case)?"""
    return any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in (e.name, *e.aliases) if len(n) > 1)


def _search(reader: Reader, question: str, terms: list[str], ents: list[Entity], dates: list[str]) -> Answer:
    words = terms + [e.name for e in ents]
    if not words:
        return Answer(question, "search", NOT_FOUND, [], False, [e.id for e in ents], dates)
    hits = reader.search(" ".join(words), limit=50)
    need = max(1, (len(terms) + 1) // 2)  # a sentence must carry at least half the topic words
    items = []
    for h in hits:
        doc = reader.docs.get(h.doc_id)
        if not _date_ok(doc.published.value if doc else None, dates):
            continue
        if terms and sum(mentions_topic(h.text, [t]) for t in terms) < need:
            continue
        items.append(_item(reader, h.text.strip(), Span(h.doc_id, h.start, h.end)))
    items = _dedupe(items)[:MAX_ITEMS]
    if not items:
        return Answer(question, "search", NOT_FOUND, [], False, [e.id for e in ents], dates)
    return Answer(question, "search", f"{len(items)} sentences match.", items, True, [e.id for e in ents], dates)


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for it in items:
        c = it.get("citation") or {}
        key = (c.get("doc"), c.get("hit_start"), c.get("hit_end"), it["text"])
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def ask(reader: Reader, question: str) -> Answer:
    """Answer ``question`` from the store behind ``reader``; see the module docstring."""
    question = question.strip()
    if not question:
        return Answer(question, "search", NOT_FOUND)
    intent = detect_intent(question)
    dates = parse_dates(question)
    if intent == "who":
        m = _WHO.match(question)
        answer = _who(reader, question, m.group("name").strip(" ?.!\"'")) if m else Answer(question, "who", NOT_FOUND)
        if answer.found:
            return answer
        intent = "search"
    matched = match_entities(question, reader.entities())
    terms = topic_terms(question, [phrase for phrase, _ in matched] + _months_in(question))
    best = [ents[0] for _, ents in matched]
    when_terms = topic_terms(question, [phrase for phrase, _ in matched] + _months_in(question), _WHEN_STOP)
    if intent == "events" and re.match(r"^\s*when\b", question, re.I) and when_terms:
        answer = _events(reader, question, best, dates, when_terms) if best else Answer(question, "events", NOT_FOUND)
        if answer.found and answer.answer != NO_EVENT:
            return answer
        when = _when(reader, question, best, when_terms, dates)
        return when if when.found else answer  # sentences naming them, said to be no event, or not found
    if intent == "events":
        answer = _events(reader, question, best, dates)
        return answer if answer.found or not terms else _search(reader, question, terms, best, dates)
    if intent == "quotes":
        speakers = [e for e in best if e.type in ("person", "org", "gov")] or best
        if speakers:
            # the first name asked about speaks; the others are what they spoke about
            return _quotes(reader, question, speakers[:1], terms, dates, [e for e in best if e.id != speakers[0].id])
    return _search(reader, question, terms, best, dates)


def _months_in(question: str) -> list[str]:
    return [w for w in _WORD.findall(question) if w.lower() in _MONTHS]
