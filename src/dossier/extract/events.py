"""Event mentions per sentence (meetings, talks, visits, agreements, protests...) and a timeline.

``find_events`` reads one document: a trigger word (noun or verb, see ``events_lexicon``) plus its
dependency neighbourhood gives the participants ("X met Y", "talks between X and Y", "his meeting
with Y"), the place ("in Paris"), the date (the time expression nearest in the parse tree) and the
status (planned / possible / happened from modal and tense cues, or from the date against the
document date). ``merge_events`` (in ``events_merge``) joins mentions of one event across reports;
``timeline`` sorts and filters events for display.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract import events_lexicon as lex
from dossier.extract.events_dates import (
    compare_dates,
    precision_of,
    date_of_time,
    days_apart,
    duration_parts,
    offset_date,
    partial_of_time,
    shift_year,
)
from dossier.extract.events_generic import described, event_label, generic_kind, is_negated, is_report_frame
from dossier.extract.events_kinds import BREAKING_KINDS
from dossier.extract.events_merge import merge_events
from dossier.model import Annotations, Document, Event, Evidence, Mention, Span, TimeExpr

logger = logging.getLogger(__name__)

__all__ = ["find_events", "merge_events", "timeline", "event_summary", "redate_mentions"]

_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'/-]{2,40}?)(?:,\s*[A-Z][A-Za-z0-9 ./]{1,30}?)*(?:\s*\([A-Za-z .&'-]{1,40}\))?"
    r"\s*(?:--|—|–|-)\s"
)
ACTOR_FOR_SEP = " for "  # Evidence("actor:for", "<person> for <country>")
_MAX_TIME_DISTANCE = 6  # tree hops between a time expression and the trigger it dates


# ---------------------------------------------------------------------------------------------
# small helpers over the parse
# ---------------------------------------------------------------------------------------------


def _ancestors_path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root."""
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (large if in different trees)."""
    pa, pb = _ancestors_path(a), _ancestors_path(b)
    ia = {t.i: k for k, t in enumerate(pa)}
    for kb, t in enumerate(pb):
        if t.i in ia:
            return ia[t.i] + kb
    return 99


def _span_root(sdoc: SpacyDoc, start: int, end: int) -> Token | None:
    sp = sdoc.char_span(start, end, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _clause_verb(tok: Token) -> Token | None:
    """The nearest ancestor verb that has its own subject (the clause that carries tense)."""
    cur = tok
    for _ in range(12):
        if _is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return cur if _is_verb(cur) else None
        cur = cur.head
    return None


def _expand_heads(heads: list[Token]) -> list[Token]:
    """Follow conjunctions, appositions and compounds: "X and his counterpart, Y" -> X, Y."""
    seen: dict[int, Token] = {}
    stack = list(heads)
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen[t.i] = t
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos", "compound", "flat"))
    return [seen[k] for k in sorted(seen)]


def find_dateline(text: str) -> tuple[tuple[int, int], str | None]:
    """((start, end), city) of the first "PARIS -- " dateline: the place a "here" refers to,
    and a name that is not an actor of the sentence it is glued to."""
    for m in re.finditer(r"(?:^|\n)", text):
        got = _DATELINE.match(text[m.end() : m.end() + 80])
        if got:
            word = got.group(1).strip().split("/")[0].strip()
            if word.replace(" ", "").isalpha():
                return (m.end(), m.end() + got.end()), word.title()
    return (-1, -1), None


# ---------------------------------------------------------------------------------------------
# triggers
# ---------------------------------------------------------------------------------------------


def _meets_people(verb: Token) -> bool:
    """"met his counterpart" / "met Merkel", not "meet domestic levels" (an object that is no one)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return True
    o = objs[0]
    return o.pos_ in ("PROPN", "PRON") or o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        o.lower_ in lex.PEOPLE_NOUNS
    )


def trigger_kind(tok: Token) -> str | None:
    """The event kind a token announces, or None."""
    word = tok.lower_
    if word in lex.CALL_NOUNS and tok.pos_ == "NOUN":
        near = {c.lower_ for c in tok.children} | {tok.nbor(-1).lower_ if tok.i > 0 else ""}
        return "call" if near & lex.PHONE_WORDS else None
    kind = lex.TRIGGERS.get(word)
    if kind is None or (word == "polls" and tok.dep_ == "pobj"):
        return generic_kind(tok)
    if kind == "poll" and is_report_frame(tok):
        return None  # "..., the Survey said": a source of the news, not an event
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    if word in lex.NOUN_ONLY and not is_noun:
        return None
    if word in lex.VERB_ONLY and not _is_verb(tok):
        return None
    if tok.pos_ not in ("NOUN", "PROPN", "VERB", "AUX"):
        return None
    if kind == "meeting" and _is_verb(tok) and not _meets_people(tok):
        return None
    if kind == "declaration" and _is_verb(tok) and any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "X declared that it was pulling out": a statement, not a declaration signed
    if word in lex.ROUND_NOUNS and any(g.lower_ not in lex.LAUNCHED_TALKS for c in tok.children
                                       if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        return None
    if kind == "launch" and _is_verb(tok):
        launched = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ in ("relcl", "acl"):
            launched.append(tok.head)  # "a round of talks that X and Y launched"
        if any(o.lower_ in lex.LAUNCHED_TALKS for o in launched):
            return "talks"  # leaders launching talks is the opening of the talks
    if kind == "sign":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ in ("acl", "relcl"):
            objs.append(tok.head)
        for o in objs:
            if o.lower_ in lex.SIGNED_KIND:
                return lex.SIGNED_KIND[o.lower_]
        return "agreement"
    return kind


# ---------------------------------------------------------------------------------------------
# participants, place, status
# ---------------------------------------------------------------------------------------------


def _mention_at(mentions: Sequence[Mention], tok: Token) -> Mention | None:
    for m in mentions:
        if m.span.start <= tok.idx < m.span.end:
            return m
    return None


def _party_name(m: Mention) -> str | None:
    if m.label in lex.PARTICIPANT_LABELS:
        return m.canonical or m.text
    if m.label == "PRON" and m.canonical:
        return m.canonical
    return None


def _through_people_nouns(heads: list[Token], mentions: Sequence[Mention]) -> list[Token]:
    """"the foreign ministers of X, Y and Z" -> X, Y, Z: a group named by role stands for the
    governments (or bodies) it belongs to."""
    out = list(heads)
    for t in _expand_heads(heads):
        if t.lower_ in lex.PEOPLE_NOUNS and _mention_at(mentions, t) is None:
            out.extend(g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj")
    return out


def _person_named(tok: Token, people: Sequence[Mention]) -> Mention | None:
    """A bare capitalised name the tagger missed or mislabelled ("Maria" tagged as a law) that is part of
    a person's full name elsewhere on the page: that person."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    return next((m for m in people if tok.text in (m.canonical or m.text).split() and
                 len((m.canonical or m.text).split()) >= 2), None)


def _names_under(heads: list[Token], mentions: Sequence[Mention], skip: tuple[int, int],
                 people: Sequence[Mention] = ()) -> list[Mention]:
    out: list[Mention] = []
    for t in _expand_heads(_through_people_nouns(heads, mentions)):
        m = _mention_at(mentions, t)
        if (m is None or not _party_name(m)) and people:
            m = _person_named(t, people) or m
        if m is not None and not skip[0] <= m.span.start < skip[1] and _party_name(m) and m not in out:
            out.append(m)
    return out


def _reports_speech(verb: Token) -> bool:
    """"Lukin says of the talks": the speaker of a reporting verb is not a participant."""
    from dossier.nlp.cues import is_speech_verb

    return is_speech_verb(verb)


def _own_party_heads(trig: Token, kind: str) -> list[Token]:
    heads: list[Token] = []
    for c in trig.children:
        if c.dep_ in ("nsubj", "agent") or (c.dep_ == "poss"):
            heads.append(c)
        elif c.dep_ == "dobj" and kind in ("meeting", "talks", "call", "visit"):
            heads.append(c)
        elif c.dep_ in ("dobj", "nsubjpass") and kind not in lex.TRIGGER_KINDS:
            heads.append(c)  # generic kinds: "police arrested X", "Acme bought Widgetco"
        elif c.dep_ == "prep" and c.lower_ in ("of", "against") and kind not in lex.TRIGGER_KINDS and not _is_verb(trig):
            heads.extend(g for g in c.children if g.dep_ == "pobj")  # "the arrest of X"
        elif c.dep_ == "prep" and c.lower_ in lex.PARTY_PREPS:
            heads.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "compound" and kind != "visit":
            heads.append(c)
        elif c.dep_ == "acl" and c.lower_ in lex.HOST_VERBS:  # "a summit chaired by X"
            heads.extend(g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
    return heads


def stays_away(verb: Token) -> bool:
    """The subject of ``verb`` is absent from the event it names ("skipped the talks", "did not
    turn up for the final round", "stayed away from the meeting"): no participant."""
    low = verb.lower_
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    if any(c.dep_ == "dobj" and c.lower_ == "part" and any(g.lower_ == "no" for g in c.children)
           for c in verb.children):
        return True  # "played (almost) no part in", "took no part in"
    if low in lex.ABSENCE_VERBS:
        return not negated
    if low in lex.ATTEND_VERBS:
        return negated
    if low in lex.LEAVE_VERBS and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in lex.LEAVE_PARTICLES
                                      for c in verb.children):
        return not negated
    return False


def _country_at(tok: Token, mentions: Sequence[Mention]) -> str | None:
    """The country a token names: a GPE/GOV mention, or a demonym ("the Egyptian delegation")."""
    m = _mention_at(mentions, tok)
    if m is not None and m.label in ("GPE", "GOV"):
        return m.canonical or m.text
    if (m is not None and m.label == "NORP") or tok.pos_ == "ADJ":
        from dossier.resolve.geo import country_of_adjective

        return country_of_adjective(tok.text)
    return None


def _country_of_group(noun: Token, mentions: Sequence[Mention]) -> str | None:
    """"Egypt's delegation", "the Egyptian delegation", "the delegation of/from Egypt" -> Egypt."""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and (n := _country_at(c, mentions)):
            return n
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for g in c.children:
                if g.dep_ == "pobj" and (n := _country_at(g, mentions)):
                    return n
    return None


def _speaks_for(verb: Token, mentions: Sequence[Mention]) -> str | None:
    """"speaking for Egypt", "signed on behalf of Egypt" on ``verb`` or its participial clause."""
    for w in [verb, *(c for c in verb.children if c.dep_ == "advcl")]:
        for prep in (c for c in w.children if c.dep_ == "prep"):
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ == "for" and w.lower_ in lex.SPEAK_FOR_VERBS:
                if n := next((x for g in objs if (x := _country_at(g, mentions))), None):
                    return n
            if prep.lower_ == "on":  # "on behalf of X"
                for g in objs:
                    if g.lower_ == "behalf":
                        for of in (c for c in g.children if c.dep_ == "prep" and c.lower_ == "of"):
                            if n := next((x for o in of.children if o.dep_ == "pobj"
                                          and (x := _country_at(o, mentions))), None):
                                return n
    return None


def country_represented(person: Token, mentions: Sequence[Mention]) -> str | None:
    """The country a person takes part for, by what the sentence says they do: lead or head its
    delegation ("X will lead Egypt's delegation", "X, who led the Egyptian team", "the delegation
    headed by X"), represent it, or speak or sign for it. A minister reported as leading a
    delegation to talks that another report gives as held between countries is that country
    there, so the two reports can be one event (``events_merge`` reads ``actor:for``)."""
    if person.dep_ == "pobj" and person.head.dep_ == "agent":
        verb = person.head.head
        if verb.lower_ in lex.LEAD_VERBS and verb.head.lower_ in lex.DELEGATION_NOUNS:
            return _country_of_group(verb.head, mentions)
    verbs = [person.head] if person.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in person.children if c.dep_ in ("relcl", "acl")]
    for verb in verbs:
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lower_ in lex.LEAD_VERBS:
            if n := next((x for o in objs if o.lower_ in lex.DELEGATION_NOUNS
                          and (x := _country_of_group(o, mentions))), None):
                return n
        if verb.lower_ in lex.REPRESENT_VERBS:
            if n := next((x for o in objs if (x := _country_at(o, mentions))), None):
                return n
        if n := _speaks_for(verb, mentions):
            return n
    return None


def find_participants(
    trig: Token, kind: str, mentions: Sequence[Mention], skip: tuple[int, int], people: Sequence[Mention] = (),
    own_only: bool = False,
) -> list[Mention]:
    """Named participants: the trigger's own arguments, else the subject of its clause.
    ``people`` (the page's PERSON mentions) recovers bare names the tagger missed. With
    ``own_only`` (a document named by its year, "the 1956 agreement") only the noun's own
    modifiers count: whoever "uses" or "cites" it in the clause did not make it."""
    if own_only:
        heads = [c for c in trig.children if c.dep_ in ("poss", "compound")]
        heads += [g for c in trig.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "with")
                  for g in c.children if g.dep_ == "pobj"]
        return _names_under(heads, mentions, skip, people)
    own = _names_under(_own_party_heads(trig, kind), mentions, skip, people)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)
    if own and (has_subject or not _is_verb(trig)):
        return own
    if kind not in lex.TRIGGER_KINDS and _is_verb(trig) and not has_subject:
        from dossier.extract.events_generic import controlling_subject  # "Acme agreed to buy X": Acme buys

        subj = controlling_subject(trig)
        own += [m for m in _names_under([subj] if subj is not None else [], mentions, skip, people) if m not in own]
    clause = _clause_verb(trig.head if trig.head.i != trig.i else trig)
    if clause is not None and clause.i != trig.i and not _reports_speech(clause) and not stays_away(clause):
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        for m in _names_under(subjects, mentions, skip, people):
            if m not in own:
                own.append(m)
    return own


def find_place(trig: Token, kind: str, mentions: Sequence[Mention], here: str | None) -> Mention | str | None:
    """``in/at <GPE|LOC|FAC>`` on the trigger (or its clause verb); "visited Japan" for visits."""
    candidates = [trig]
    if _is_verb(trig):  # "meet his counterpart, X, in Paris": the parser often hangs it on the object
        candidates.extend(c for c in trig.children if c.dep_ == "dobj")
    if not _is_verb(trig):  # "a meeting of ministers in Geneva": the parser hangs it on "ministers"
        candidates.extend(g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj")
    if trig.dep_ in ("nsubj", "nsubjpass") and trig.head.lower_ in lex.HAPPEN_VERBS:
        candidates.append(trig.head)  # "earlier rounds took place in Geneva"
    if trig.dep_ in ("pobj", "dobj", "pcomp") and trig.head.i != trig.i:
        verb = trig.head if _is_verb(trig.head) else trig.head.head
        if verb.i != trig.i:
            candidates.append(verb)
    for cand in candidates:
        for c in cand.children:
            pobjs: list[Token] = []
            if c.dep_ == "prep" and c.lower_ in lex.PLACE_PREPS and (c.lower_ != "to" or kind == "visit"):
                pobjs = [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "dobj" and kind == "visit":
                pobjs = [c]
            for p in pobjs:
                for t in [p, *p.subtree]:
                    m = _mention_at(mentions, t)
                    if m is not None and m.label in lex.PLACE_LABELS:
                        return m
        if here and any(c.lower_ == "here" for c in cand.children):
            return here
    return place_modifier(trig, kind, mentions)


def place_modifier(trig: Token, kind: str, mentions: Sequence[Mention]) -> Mention | None:
    """"their Helsinki meeting", "the Geneva summit": a city (a place that is no country)
    before a meeting noun is where it was held, not who took part."""
    if kind not in lex.MEETING_KINDS or _is_verb(trig):
        return None
    for c in trig.children:
        m = _mention_at(mentions, c) if c.dep_ in ("compound", "amod", "nmod") else None
        if m is not None and m.label in lex.PLACE_LABELS and not _is_country(m.canonical or m.text):
            return m
    return None


def _is_country(name: str) -> bool:
    from dossier.resolve.geo import country_named

    return country_named(name) is not None


def country_pair(name: str) -> list[str]:
    """"Norway-Sweden" (one hyphenated name the tagger gave as one place) -> the two countries
    it joins; any other name stays whole."""
    parts = [p.strip() for p in name.split("-")]
    if len(parts) == 2 and all(parts) and all(_is_country(p) for p in parts):
        return parts
    return [name]


def _status_cues(trig: Token) -> tuple[str | None, str]:
    """('planned'|'possible'|None, cue word) from modals, plan verbs and "is to" near the trigger."""
    words: list[Token] = [c for c in trig.children if c.dep_ in ("aux", "amod", "advmod", "acl", "neg")]
    cur = trig
    for _ in range(10):
        words.append(cur)
        words.extend(c for c in cur.children if c.dep_ in ("aux", "auxpass", "advmod"))
        if cur.i != trig.i and cur.dep_ == "xcomp" and cur.head.lower_ in lex.BE_FORMS:
            return "planned", f"{cur.head.text} to"
        if _is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if trig.dep_ == "xcomp" and trig.head.lower_ in lex.BE_FORMS:
        return "planned", f"{trig.head.text} to"
    for w in words:
        if w.lower_ in lex.PLANNED_WORDS and w.i != trig.i:
            return "planned", w.text
    for w in words:
        if w.lower_ in lex.POSSIBLE_WORDS and w.i != trig.i:
            return "possible", w.text
    return None, ""


def _tense(trig: Token) -> str | None:
    """'past' or 'present' from the trigger (verbs) or its clause verb (nouns)."""
    verb = trig if _is_verb(trig) else _clause_verb(trig)
    if verb is None:
        return None
    tags = [verb.tag_] + [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "VBD" in tags or ("VBN" in tags and any(c.lower_ in ("has", "have", "had") for c in verb.children)):
        return "past"
    if any(t in ("VBZ", "VBP", "MD") for t in tags):
        return "present"
    return None


_FUTURE_TIME = re.compile(r"\b(next|coming|upcoming|tomorrow|later this)\b", re.I)
_PAST_TIME = re.compile(r"\b(last|ago|yesterday|earlier|previous|past|recent)\b", re.I)


def decide_status(
    trig: Token, date: str | None, doc_date: str | None, time_text: str = ""
) -> tuple[str, Evidence]:
    """planned / possible / happened, with the cue that decided it."""
    cue, word = _status_cues(trig)
    if cue is not None:
        return cue, Evidence(rule=f"status:{cue}", text=word, confidence=0.8)
    if _FUTURE_TIME.search(time_text):
        return "planned", Evidence(rule="status:future-time", text=time_text, confidence=0.8)
    if _PAST_TIME.search(time_text):
        return "happened", Evidence(rule="status:past-time", text=time_text, confidence=0.8)
    if _tense(trig) == "past" and _is_verb(trig):
        return "happened", Evidence(rule="status:past-tense", text=trig.text, confidence=0.75)
    order = compare_dates(date, doc_date) if date and doc_date else None
    if order == "before":
        return "happened", Evidence(rule="status:date-before-document", text=date or "", confidence=0.8)
    if order == "after":
        return "planned", Evidence(rule="status:date-after-document", text=date or "", confidence=0.75)
    tense = _tense(trig)
    if tense == "past":
        return "happened", Evidence(rule="status:past-tense", text=trig.text, confidence=0.75)
    if tense == "present" and _is_verb(trig) and trig.tag_ in ("VBP", "VBZ", "VB"):
        return "planned", Evidence(rule="status:present-verb", text=trig.text, confidence=0.45)
    return "happened", Evidence(rule="status:default", text=trig.text, confidence=0.5)


# ---------------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------------


def attach_times(
    sdoc: SpacyDoc, triggers: Sequence[Token], times: Sequence[TimeExpr]
) -> dict[int, TimeExpr]:
    """Each DATE/TIME expression goes to the nearest trigger in the parse tree (trigger.i -> time)."""
    best: dict[int, tuple[int, TimeExpr]] = {}
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        root = _span_root(sdoc, t.span.start, t.span.end)
        if root is None or not triggers:
            continue
        near = [g for g in triggers if not in_other_clause(root, g)]
        if not near:
            continue
        dist, trig = min(((tree_distance(root, g), g) for g in near), key=lambda x: (x[0], x[1].i))
        if dist > _MAX_TIME_DISTANCE:
            continue
        prev = best.get(trig.i)
        if prev is None or dist < prev[0]:
            best[trig.i] = (dist, t)
    return {k: v[1] for k, v in best.items()}


def in_other_clause(tok: Token, trig: Token) -> bool:
    """``tok`` sits in a relative clause that does not hold ``trig`` ("agreed to sign a treaty
    during their tenure, which will last until September 2021"): the date belongs to that noun."""
    path = _ancestors_path(tok)
    above = {t.i for t in _ancestors_path(trig)}
    for t in path:
        if t.i in above:
            return False
        if t.dep_ in ("relcl", "acl") and _is_verb(t) and t.head.i not in above:
            return True  # a clause on another noun ("a summit held on Monday" still dates the summit)
    return False


def _fix_year(date: str, status: str, doc_date: str, time_text: str) -> str:
    """A yearless date ("in June") put on the wrong side of the page date by the time resolver:
    a planned event is not in the past and a held one not in the future."""
    if re.search(r"\b\d{4}\b|'\d{2}\b", time_text):
        return date
    order = compare_dates(date, doc_date)
    if (days_apart(date, doc_date) or 0) <= 31:
        return date  # near the page date: more likely right than a year off
    if status == "planned" and order == "before":
        return shift_year(date, 1)
    if status == "happened" and order == "after":
        return shift_year(date, -1)
    return date


def _document_date(doc: Document) -> str | None:
    return doc.published.value if doc.published and doc.published.value else None


def _coarser(value: str) -> tuple[str, str]:
    """The document date as a stand-in event date: one step less precise."""
    if len(value) >= 10:
        return value[:7], "month"
    if len(value) == 7:
        return value, "month"
    return value[:4], "year"


# ---------------------------------------------------------------------------------------------
# summaries and ids
# ---------------------------------------------------------------------------------------------


def short_name(name: str) -> str:
    """"Angela Merkel" -> "Merkel" for people-like names; organisations and places stay whole."""
    words = name.split()
    if words and words[-1].lower() in lex.ORG_HEADS:
        return name  # "African Union", "United Nations Security Council": a body, not a surname
    if 2 <= len(words) <= 4 and all(w.split("-")[-1][:1].isupper() for w in words) and not any(
        w.lower() in ("of", "the", "and", "for") for w in words
    ):
        last = words[-1]
        head, _, tail = last.partition("-")
        return tail if tail and head.islower() else last  # "al-Bashir" -> "Bashir": a particle, not a name
    return name


def event_summary(kind: str, participants: Sequence[str], place: str | None) -> str:
    """A short line: "Merkel – Macron talks in Paris"."""
    who = " – ".join(short_name(p) for p in participants[:4])
    line = f"{who} {kind}" if who else kind.capitalize()
    if place:
        line += f" {'to' if kind == 'visit' else 'in'} {place}"
    return line


def event_id(doc_id: str, sentence: Span, kind: str, trigger_start: int) -> str:
    """Stable from content: the same text always gives the same id."""
    key = f"{doc_id}:{sentence.start}:{sentence.end}:{kind}:{trigger_start}"
    return "ev_" + hashlib.sha1(key.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# what kind of mention: a named thing, a goal, the page's news, a background reference
# ---------------------------------------------------------------------------------------------


def thing_name(trig: Token, kind: str, mentions: Sequence[Mention]) -> str | None:
    """"declaration of principles" for an agreement-like noun with an "of <thing>" complement:
    reports that name the same document refer to one event, whoever they say signed it."""
    nouns = [trig] if trig.pos_ in ("NOUN", "PROPN") else [
        c for c in trig.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in lex.SIGNED_KIND]
    if kind not in lex.AGREEMENT_KINDS:
        return None
    for noun in nouns:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                m = _mention_at(mentions, obj)
                if obj.pos_ in ("NOUN", "PROPN") and obj.lower_ not in lex.PEOPLE_NOUNS and (
                    m is None or m.label not in lex.PARTICIPANT_LABELS
                ):
                    return f"{noun.lower_} of {obj.lower_}"
    return None


def is_irrealis(trig: Token, kind: str) -> bool:
    """An agreement-like noun that is wanted, demanded or missing ("seeking a binding agreement",
    "ended without agreement") names a goal, not an event."""
    if kind not in lex.AGREEMENT_KINDS:
        return False
    if _is_verb(trig):  # "X should sign a peace treaty": a call to act, not an act
        return any(c.dep_ == "aux" and c.lower_ in lex.OUGHT_WORDS for c in trig.children)
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    near = [c for c in trig.children if c.dep_ in ("det", "amod", "neg")]
    cur = trig
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        near.append(cur)
        if _is_verb(cur):
            break
    return any(t.lower_ in lex.IRREALIS_WORDS for t in near)


def _clause_mark(trig: Token) -> str | None:
    """The subordinating word of the clause the trigger is in ("since", "until"), if any."""
    cur = trig
    for _ in range(4):
        mark = next((c.lower_ for c in cur.children if c.dep_ == "mark"), None)
        if mark is not None or (_is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            return mark
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def is_pending(trig: Token, kind: str, has_time: bool) -> bool:
    """"hoped to prevent it until a deal was signed": an agreement in an until / unless / before
    clause with no date of its own had not happened (a goal, not an event)."""
    return kind in lex.AGREEMENT_KINDS and not has_time and _clause_mark(trig) in lex.PENDING_MARKS


def is_frame(trig: Token) -> bool:
    """"the fourth meeting since the two leaders agreed in Geneva": a since / after clause recalls an
    earlier event as the time frame of the news; without a date of its own it is not the page's
    news, even in the lead."""
    return _clause_mark(trig) in lex.FRAME_MARKS


def says_there(trig: Token) -> bool:
    """"agreed there": the place is the event the previous sentence reported."""
    return any(c.dep_ == "advmod" and c.lower_ == "there" for c in trig.children)


def lead_spans(doc: Document, text: str) -> tuple[tuple[int, int], ...]:
    """The first two real paragraphs (a one-line headline does not count): the page's own news."""
    paras = list(doc.paragraphs) or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    real = [(a, b) for a, b in paras if len(text[a:b].split()) >= 12]
    return tuple(real[:2])


def is_background(date: str | None, precision: str, doc_date: str | None) -> bool:
    """A year-only date two or more years before the page ("the 1959 agreement"): history the
    page recalls, not news it reports."""
    if not date or not doc_date or precision != "year":
        return False
    return date[:4].isdigit() and doc_date[:4].isdigit() and int(doc_date[:4]) - int(date[:4]) >= 2


def mention_confidence(n_parties: int, precision: str, place: bool, lead: bool, named: bool) -> float:
    """How much a single mention says: named actors, a date of its own, a place, the page's news."""
    score = 0.45 + (0.15 if n_parties >= 2 else 0.08 if n_parties == 1 else 0.0)
    score += {"day": 0.15, "month": 0.12, "year": 0.05}.get(precision, 0.0)
    score += (0.05 if place else 0.0) + (0.05 if lead else 0.0) + (0.05 if named else 0.0)
    return round(min(score, 0.9), 3)


# ---------------------------------------------------------------------------------------------
# one sentence -> events
# ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class _Draft:
    """A mutable working record for one trigger before it is frozen into an Event."""

    trig: Token
    kind: str
    parties: list[Mention]
    place: str | None
    time: TimeExpr | None
    name: str | None = None
    irrealis: bool = False
    proxies: dict[str, str] = dataclasses.field(default_factory=dict)  # person -> country they act for
    frame: bool = False  # in a since / after clause: recalls an earlier event
    there: bool = False  # "agreed there": at the event of the previous sentence
    year_named: bool = False  # "the 1956 agreement": a document named by its year
    agreed_at: Token | None = None  # "agreed ... during their summit": the agreement folded in
    offset: tuple[str, TimeExpr, Token] | None = None  # "one month after their talks": (-P1M, time, anchor)
    anchor_time: TimeExpr | None = None  # the anchor event's own time, if it has one


_TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "ahead", "prior", "than"})


def _linked(a: Token, b: Token) -> bool:
    """One trigger governs the other ("meet ... for talks"), not across "after"/"before"."""
    for low, high in ((a, b), (b, a)):
        path = _ancestors_path(low)
        ids = [t.i for t in path]
        if high.i in ids[1:6]:
            between = path[1 : ids.index(high.i)]
            return not any(t.lower_ in _TEMPORAL_PREPS for t in [low, *between])
    return False


def _same_sentence_duplicate(a: _Draft, b: _Draft) -> bool:
    from dossier.extract.events_merge import kinds_compatible

    if not kinds_compatible(a.kind, b.kind) or not _linked(a.trig, b.trig):
        return False
    if a.year_named or b.year_named:
        # "they agreed to use the 1956 agreement": the old document is not today's deal; only a
        # participle on it ("the 2015 Declaration signed in Geneva") describes the same thing
        return _describes(a, b) or _describes(b, a)
    na = {_party_name(m) for m in a.parties}
    nb = {_party_name(m) for m in b.parties}
    if len(na) >= 2 and len(nb) >= 2 and not (na & nb):
        return False  # two different groups of actors: two events even if the parse links them
    if a.place and b.place and a.place != b.place:
        return False
    if a.time and b.time and a.time.span != b.time.span:
        return False
    return True


def _describes(named: _Draft, other: _Draft) -> bool:
    """``other`` is a participle on the year-named document ``named`` ("signed in Geneva")."""
    return named.year_named and other.trig.dep_ == "acl" and other.trig.head.i == named.trig.i


def _collapse(drafts: list[_Draft]) -> list[_Draft]:
    """Several triggers of one event in a sentence ("meet ... for talks") become one draft."""
    out: list[_Draft] = []
    for d in drafts:
        host = next((o for o in out if _same_sentence_duplicate(o, d)), None)
        if host is None:
            out.append(d)
            continue
        if host.year_named or d.year_named:  # the document and where it was signed: its own parties
            named, other = (host, d) if host.year_named else (d, host)
            host.parties, host.proxies, host.kind = named.parties, named.proxies, named.kind
            host.place, host.time, host.name = named.place or other.place, named.time, named.name or other.name
            host.year_named, host.trig, host.frame = True, named.trig, named.frame
            continue
        if len(d.parties) > len(host.parties):
            host.parties = d.parties + [m for m in host.parties if m not in d.parties]
        else:
            host.parties = host.parties + [m for m in d.parties if m not in host.parties]
        if lex.KIND_RANK.get(d.kind, 9) < lex.KIND_RANK.get(host.kind, 9):
            host.kind = d.kind
        host.place = host.place or d.place
        host.time = host.time or d.time
        host.name = host.name or d.name
        host.irrealis = host.irrealis and d.irrealis
        host.proxies = {**d.proxies, **host.proxies}
        host.frame = host.frame and d.frame
        host.there = host.there or d.there
    return out


def _sentence_drafts(
    sdoc: SpacyDoc, sent: Span, mentions: Sequence[Mention], times: Sequence[TimeExpr],
    here: str | None, skip: tuple[int, int], people: Sequence[Mention] = (),
) -> list[_Draft]:
    sp = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    if sp is None:
        return []
    found = [(t, k) for t in sp if (k := trigger_kind(t))]
    if not found:
        return []
    times_of = attach_times(sdoc, [t for t, _ in found], times)
    drafts = []
    for trig, kind in found:
        time = times_of.get(trig.i)
        year_named = named_by_year(sdoc, trig, kind, time)
        parties = find_participants(trig, kind, mentions, skip, people, own_only=year_named)
        place = find_place(trig, kind, mentions, here)
        place_name = place if isinstance(place, str) or place is None else (place.canonical or place.text)
        parties = [m for m in parties if (m.canonical or m.text) != place_name]
        drafts.append(_Draft(trig, kind, parties, place_name, time,
                             thing_name(trig, kind, mentions),
                             is_irrealis(trig, kind) or is_pending(trig, kind, time is not None),
                             _proxies(sdoc, parties, mentions), is_frame(trig), says_there(trig), year_named,
                             offset=None if time else relative_offset(sdoc, trig, times)))
    drafts = fold_agreements_into_meetings(drop_undated_repeats(_collapse(drop_agreed_to(drafts))))
    anchors = {d.trig.i: d for d in drafts}
    for d in drafts:  # "one month after their talks": dated from the event the sentence reports
        if d.offset is not None and (host := anchors.get(d.offset[2].i)) is not None:
            d.offset = (d.offset[0], d.offset[1], host.trig)
            d.anchor_time = host.time
        elif d.offset is not None:
            d.offset = None
    return drafts


def drop_agreed_to(drafts: list[_Draft]) -> list[_Draft]:
    """"Acme agreed to buy Widgetco": an agreement to do what another trigger names is that event
    (planned), not an agreement of its own."""
    from dossier.extract.events_generic import is_consequence

    generic = {d.trig.i: d for d in drafts if d.kind not in lex.TRIGGER_KINDS}
    every = {d.trig.i for d in drafts}
    out = []
    for d in drafts:
        agreed_to = [generic[c.i] for c in d.trig.children if c.dep_ == "xcomp" and c.i in generic] if (
            d.kind in lex.AGREEMENT_KINDS and _is_verb(d.trig)) else []
        for g in agreed_to:  # "agreed on Monday to buy X": the agreeing's time dates the deal
            g.time = g.time or d.time
        if not agreed_to and not (d.trig.i in generic and is_consequence(d.trig, every)):
            out.append(d)
    return out


def named_by_year(sdoc: SpacyDoc, trig: Token, kind: str, time: TimeExpr | None) -> bool:
    """"the 1956 agreement", "a 1997 accord": an agreement-like noun whose own modifier is a year
    names an old document; the sentence around it is about using or citing it."""
    if time is None or kind not in lex.AGREEMENT_KINDS or trig.pos_ not in ("NOUN", "PROPN"):
        return False
    root = _span_root(sdoc, time.span.start, time.span.end)
    date, precision = date_of_time(time)
    return root is not None and root.head.i == trig.i and root.i < trig.i and precision == "year"


_OFFSET_PREPS = {"after": "-", "before": "+"}


def relative_offset(sdoc: SpacyDoc, trig: Token, times: Sequence[TimeExpr]) -> tuple[str, TimeExpr, Token] | None:
    """"met ..., just one month after their talks in X": the talks lie that long before the event
    the sentence reports ("-P1M"), whose trigger is the anchor. Only a meeting-like noun under
    after / before with a duration on the preposition."""
    if _is_verb(trig) or trig.dep_ != "pobj" or trig.head.lower_ not in _OFFSET_PREPS:
        return None
    prep = trig.head
    for t in times:
        if t.type != "DURATION" or not duration_parts(t.value or ""):
            continue
        root = _span_root(sdoc, t.span.start, t.span.end)
        if root is not None and root.head.i == prep.i:
            return _OFFSET_PREPS[prep.lower_] + (t.value or ""), t, prep.head
    return None


_AT_PREPS = frozenset({"during", "at"})


def fold_agreements_into_meetings(drafts: list[_Draft]) -> list[_Draft]:
    """"X and Y agreed to ... during their summit here Tuesday": the agreement was reached at the
    meeting, so the sentence reports one event, the meeting, with the agreement's actors."""
    out = list(drafts)
    for a in drafts:
        if a.kind not in lex.AGREEMENT_KINDS or not _is_verb(a.trig) or not a.parties:
            continue
        hosts = [m for m in out if m.kind in lex.MEETING_KINDS and not _is_verb(m.trig)
                 and m.trig.head.lower_ in _AT_PREPS and a.trig.i in {t.i for t in _ancestors_path(m.trig)[1:7]}]
        if len(hosts) != 1:
            continue
        m = hosts[0]
        names_a = {_party_name(p) for p in a.parties}
        if {_party_name(p) for p in m.parties} - names_a or (a.time and m.time and a.time.span != m.time.span):
            continue
        m.parties = a.parties + [p for p in m.parties if p not in a.parties]
        m.time = m.time or a.time
        m.place = m.place or a.place
        m.proxies = {**a.proxies, **m.proxies}
        m.agreed_at = a.trig
        out.remove(a)
    return out


def _proxies(sdoc: SpacyDoc, parties: Sequence[Mention], mentions: Sequence[Mention]) -> dict[str, str]:
    """Person name -> the country the sentence says they act for (``country_represented``)."""
    out: dict[str, str] = {}
    for m in parties:
        root = _span_root(sdoc, m.span.start, m.span.end) if m.label == "PERSON" else None
        name = _party_name(m)
        if root is not None and name and (country := country_represented(root, mentions)):
            out[name] = country
    return out


SUPPORT_CONFIDENCE = 0.3  # a mention that may only support an event found elsewhere


def drop_undated_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """In one sentence, a trigger with no date of its own whose actors a dated trigger of a
    compatible kind already names ("will meet next week ... after years of negotiations") adds
    nothing: keep the dated one."""
    from dossier.extract.events_merge import kinds_compatible

    def names(d: _Draft) -> set[str]:
        return {n for m in d.parties if (n := _party_name(m))}

    return [d for d in drafts if d.time is not None or not any(
        o is not d and o.time is not None and kinds_compatible(o.kind, d.kind) and names(d) <= names(o)
        for o in drafts)]


def _freeze(doc: Document, sent: Span, d: _Draft, lead: bool) -> Event | None:
    """Draft -> Event (see ``_freeze_draft``); a since / after clause with no date is no lead news."""
    if d.frame and d.time is None:
        lead = False  # "since the two leaders agreed": an earlier event, not the page's news
    return _freeze_draft(doc, sent, d, lead)


def _freeze_draft(doc: Document, sent: Span, d: _Draft, lead: bool) -> Event | None:
    """Draft -> Event, or None for a mention that is no event.

    An event needs named actors or a place (or a document name), and a date of its own unless it
    is the page's lead news. A mention dated only by its page outside the lead, or naming nobody
    and nowhere, is kept as *support* (``Evidence("scope:support")``, confidence 0.3): the merge
    lets it join an event reported elsewhere but never start one. Goals ("a binding agreement")
    are dropped."""
    if d.irrealis:
        return None
    names: list[str] = []
    for m in d.parties:
        n = _party_name(m)
        for part in country_pair(n) if n and m.label in ("GPE", "GOV") else [n]:
            if part and part not in names:
                names.append(part)
    acting = {p: c for p, c in d.proxies.items() if p in names}
    names.extend(c for c in dict.fromkeys(acting.values()) if c not in names)
    shown = [n for n in names if n not in acting]  # "Egypt meeting", not "Shoukry – Egypt meeting"
    doc_date = _document_date(doc)
    date, precision = date_of_time(d.time) if d.time else (None, "none")
    evidence = [Evidence(rule=f"event:{d.kind}", text=d.trig.text,
                         span=Span(doc.id, d.trig.idx, d.trig.idx + len(d.trig.text)))]
    if d.name:
        evidence.append(Evidence(rule="event:name", text=d.name))
    if d.agreed_at is not None:  # no span: not a trigger of its own (``redate`` reads trigger spans)
        evidence.append(Evidence(rule="fold:agreed-at", text=d.agreed_at.text))
    evidence.extend(Evidence(rule="actor:for", text=f"{p}{ACTOR_FOR_SEP}{c}") for p, c in acting.items())
    generic = d.kind not in lex.TRIGGER_KINDS
    if not names and d.place is None and date is None and not ((d.name or (generic and described(d.trig))) and lead):
        return None
    if d.time is not None:
        partial = partial_of_time(d.time)
        evidence.append(Evidence(rule="date:time" if date else "date:unresolved", text=partial or d.time.text,
                                 span=d.time.span, confidence=d.time.confidence))
    status, status_ev = decide_status(d.trig, date, doc_date, d.time.text if d.time else "")
    if generic and is_negated(d.trig):
        status, status_ev = "denied", Evidence(rule="status:negated", text=d.trig.text, confidence=0.7)
    evidence.append(status_ev)
    if date and doc_date and d.time is not None:
        date = _fix_year(date, status, doc_date, d.time.text)
    if d.offset is not None:
        sign_value, t, _anchor = d.offset
        anchor = date_of_time(d.anchor_time)[0] if d.anchor_time is not None else None
        evidence.append(Evidence(rule="date:offset", text=sign_value if anchor is None else f"{sign_value}@{anchor}",
                                 span=t.span))
        base = anchor or (_coarser(doc_date)[0] if doc_date else None)
        got = offset_date(base, sign_value) if base else None
        if got is not None:
            date, precision = got
            evidence.append(Evidence(rule="date:relative", text=f"{date} ({t.text} {_offset_word(sign_value)})",
                                     span=t.span, confidence=0.6))
    confidence = mention_confidence(len(shown), precision if date else "none", bool(d.place), lead, bool(d.name))
    has_own_date = date is not None or (d.time is not None and partial_of_time(d.time) is not None)
    if date is None and doc_date and generic:
        if lead and breaking_news(d.trig, d.kind, status):  # the dateline day, else undated
            date, precision = doc_date[:10], "day" if len(doc_date) >= 10 else precision_of(doc_date)
            evidence.append(Evidence(rule="date:dateline", text=date, confidence=0.5))
            has_own_date = True
    elif date is None and doc_date:
        date, precision = _coarser(doc_date)
        evidence.append(Evidence(rule="date:document", text=date, confidence=0.4))
    support = (not names and d.place is None and not (generic and lead)) or (not has_own_date and not lead)
    if support:
        evidence.append(Evidence(rule="scope:support", text="no date of its own outside the lead"
                                 if names or d.place else "names no actor or place"))
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    elif is_background(date, precision, doc_date):
        evidence.append(Evidence(rule="scope:background", text=date or ""))
        confidence = min(confidence, 0.6)
    elif lead:
        evidence.append(Evidence(rule="scope:lead", text=""))
    return Event(
        id=event_id(doc.id, sent, d.kind, d.trig.idx),
        kind=d.kind,
        summary=label if (label := _label(d, generic, evidence, find_dateline(doc.text)[0])) else event_summary(d.kind, shown, d.place),
        mentions=(sent,),
        participants=tuple(names),
        place=d.place,
        date=date,
        precision=precision,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        confidence=confidence,
        evidence=tuple(evidence),
    )


def breaking_news(trig: Token, kind: str, status: str) -> bool:
    """A lead predicate of a breaking-news kind told in the past tense ("an earthquake struck",
    "police arrested"): news of the dateline day, by the convention of news leads."""
    return kind in BREAKING_KINDS and status == "happened" and _tense(trig) == "past"


def _label(d: _Draft, generic: bool, evidence: list[Evidence], skip: tuple[int, int]) -> str | None:
    """Headline-style name of a generic event ("Acme buys Widgetco"), recorded as evidence so the
    merged event can show it."""
    if not generic:
        return None
    label = event_label(d.trig, d.place, skip)
    evidence.append(Evidence(rule="event:label", text=label))
    return label


def find_events(doc: Document, sdoc: SpacyDoc, annots: Annotations) -> list[Event]:
    """Event mentions of one document, in text order (``sdoc`` is the parsed ``doc.text``)."""
    skip, here = find_dateline(doc.text)
    leads = lead_spans(doc, doc.text)
    people = [m for m in annots.mentions if m.label == "PERSON" and len((m.canonical or m.text).split()) >= 2]
    events: list[Event] = []
    previous: list[int] = []  # indexes in ``events`` of the previous sentence's events
    for sent in annots.sentences:
        lead = any(a <= sent.start < b for a, b in leads)
        mentions = [m for m in annots.mentions if sent.start <= m.span.start < sent.end]
        times = [t for t in annots.times if sent.start <= t.span.start < sent.end]
        here_now: list[int] = []
        for d in _sentence_drafts(sdoc, sent, mentions, times, here, skip, people):
            ev = _freeze(doc, sent, d, lead)
            if ev is None:
                continue
            hosts = [i for i in previous if events[i].kind in lex.MEETING_KINDS]
            if d.there and d.kind in lex.AGREEMENT_KINDS and d.place is None and d.time is None and len(hosts) == 1:
                events[hosts[0]] = fold_into(events[hosts[0]], ev)  # "agreed there": at that summit
                continue
            here_now.append(len(events))
            events.append(ev)
        previous = here_now
    return events


def _offset_word(offset: str) -> str:
    return "before" if offset.startswith("+") else "after"


def fold_into(host: Event, ev: Event) -> Event:
    """An agreement reached "there", at the meeting the previous sentence reported, is part of that
    meeting: its actors and sentence join the meeting's mention (one event, the meeting)."""
    names = list(host.participants) + [p for p in ev.participants if p not in host.participants]
    acting = {e.text.split(ACTOR_FOR_SEP, 1)[0] for e in (*host.evidence, *ev.evidence) if e.rule == "actor:for"}
    shown = [n for n in names if n not in acting]
    rules = {e.rule for e in host.evidence}
    own = host.precision if "date:time" in rules else "none"
    confidence = mention_confidence(len(shown), own, bool(host.place), "scope:lead" in rules, "event:name" in rules)
    if "scope:support" in rules:
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    extra = [e for e in ev.evidence if e.rule.startswith("event:") or e.rule == "actor:for"]
    extra.append(Evidence(rule="event:there", text=f"{ev.kind} there", span=ev.mentions[0]))
    return dataclasses.replace(
        host, participants=tuple(names), summary=event_summary(host.kind, shown, host.place),
        mentions=tuple(dict.fromkeys((*host.mentions, *ev.mentions))),
        confidence=max(host.confidence, confidence), evidence=tuple(host.evidence) + tuple(extra))


# ---------------------------------------------------------------------------------------------
# after a page is re-dated
# ---------------------------------------------------------------------------------------------


def redate_mention(ev: Event, doc_date: str, times: dict[tuple[int, int], TimeExpr]) -> Event:
    """One mention of a re-dated page: its own yearless time ("January 22") now resolves against
    the new page date; a mention with no time of its own takes the page's month. Needs no parse:
    the mention keeps the time expression it was given (``date:unresolved``)."""
    rules = {e.rule: e for e in ev.evidence}
    from_page = "date:offset" in rules and "@" not in rules["date:offset"].text
    if ev.date is not None and "date:document" not in rules and not from_page:
        return ev  # a date of its own that did not depend on the page date
    evidence = [e for e in ev.evidence if e.rule not in ("date:document", "scope:background", "date:relative")]
    date, precision = None, "none"
    if from_page and (got := offset_date(_coarser(doc_date)[0], rules["date:offset"].text)) is not None:
        date, precision = got  # "one month after their talks": a month before the page's month
        off = rules["date:offset"]
        evidence.append(Evidence("date:relative", f"{date} ({off.text} from the page date)", off.span, 0.6))
    unresolved = rules.get("date:unresolved") if date is None else None
    t = times.get((unresolved.span.start, unresolved.span.end)) if unresolved and unresolved.span else None
    if t is not None:
        date, precision = date_of_time(t)
        if date:
            date = _fix_year(date, ev.status, doc_date, t.text)
            evidence = [Evidence("date:time", date, e.span, e.confidence) if e is unresolved else e for e in evidence]
    own = date is not None
    if date is None:
        date, precision = _coarser(doc_date)
        evidence.append(Evidence(rule="date:document", text=date, confidence=0.4))
    confidence = mention_confidence(len(ev.participants), precision if own else "none", bool(ev.place),
                                    "scope:lead" in rules, "event:name" in rules)
    if "scope:support" in rules:
        confidence = min(confidence, SUPPORT_CONFIDENCE)
    elif is_background(date, precision, doc_date):
        evidence.append(Evidence(rule="scope:background", text=date))
        confidence = min(confidence, 0.6)
    return dataclasses.replace(ev, date=date, precision=precision, confidence=confidence,  # type: ignore[arg-type]
                               evidence=tuple(evidence))


def redate_mentions(doc: Document, annots: Annotations) -> tuple[Event, ...]:
    """The page's event mentions dated against its (new) publication date and re-resolved times."""
    doc_date = _document_date(doc)
    if not doc_date:
        return annots.events
    times = {(t.span.start, t.span.end): t for t in annots.times}
    return tuple(redate_mention(ev, doc_date, times) for ev in annots.events)


# ---------------------------------------------------------------------------------------------
# timeline
# ---------------------------------------------------------------------------------------------


def _in_window(date: str | None, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    if date is None:
        return False
    if start is not None and date[: len(start)] < start[: len(date)]:
        return False
    if end is not None and date[: len(end)] > end[: len(date)]:
        return False
    return True


DEFAULT_MIN_CONFIDENCE = 0.5  # hides lone mentions that name one actor and no date of their own


def timeline(
    events: Sequence[Event], entity: str | None = None, start: str | None = None, end: str | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Event]:
    """Events sorted by date (undated last), optionally only those with ``entity`` among the
    participants and a date inside [start, end] (ISO prefixes: "2019", "2019-01", "2019-01-22").
    Events below ``min_confidence`` are hidden; pass 0 to get every event with its confidence."""
    def wanted(e: Event) -> bool:
        if e.confidence < min_confidence:
            return False
        if entity is not None and entity not in e.participants:
            return False
        return _in_window(e.date, start, end)

    return sorted((e for e in events if wanted(e)), key=lambda e: (e.date is None, e.date or "", e.id))
