"""Event mentions, the parse side: which word is a trigger, who takes part, where, and in what status.

Small walks over the dependency parse (every walk bounded, tokens compared by index) give the
participants ("X met Y", "talks between X and Y", "his meeting with Y"), the place ("in Paris")
and the status (planned / possible / happened from modal and tense cues). ``events_core`` turns
them into event mentions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract import events_kinds as kinds
from dossier.extract import events_lexicon as lex
from dossier.extract.events_dates import (
    compare_dates,
)
from dossier.extract.events_generic import generic_kind, is_report_frame
from dossier.extract.events_figurative import refine_sense
from dossier.extract.events_senses import construction_kind
from dossier.model import Evidence, Mention

logger = logging.getLogger(__name__)


_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'/-]{2,40}?)(?:,\s*[A-Z][A-Za-z0-9 ./]{1,30}?)*(?:\s*\([A-Za-z .&'-]{1,40}\))?"
    r"\s*(?:--|—|–|-)\s"
)


ACTOR_FOR_SEP = " for "  # Evidence("actor:for", "<person> for <country>")


def ancestors_path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root."""
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (large if in different trees)."""
    pa, pb = ancestors_path(a), ancestors_path(b)
    ia = {t.i: k for k, t in enumerate(pa)}
    for kb, t in enumerate(pb):
        if t.i in ia:
            return ia[t.i] + kb
    return 99


def span_root(sdoc: SpacyDoc, start: int, end: int) -> Token | None:
    sp = sdoc.char_span(start, end, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _clause_verb(tok: Token) -> Token | None:
    """The nearest ancestor verb that has its own subject (the clause that carries tense)."""
    cur = tok
    for _ in range(12):
        if is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            return cur
        if cur.head.i == cur.i:
            return cur if is_verb(cur) else None
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


def _meets_people(verb: Token) -> bool:
    """"met his counterpart" / "met Merkel", not "meet domestic levels" (an object that is no one)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return True
    o = objs[0]
    return o.pos_ in ("PROPN", "PRON") or o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        o.lower_ in lex.PEOPLE_NOUNS
    )


_RALLY = frozenset({"rally", "rallies", "rallied", "rallying"})
_NAMING_ENTS = frozenset({"WORK_OF_ART", "PRODUCT"})


def in_name(tok: Token) -> bool:
    """The word belongs to a name the tagger found: a title ("Catching Fire") anywhere, an
    organisation's name before its head word ("Summit Entertainment", not "the Iowa Caucus")."""
    if tok.ent_type_ in _NAMING_ENTS:
        return True
    if tok.ent_type_ != "ORG":
        return False
    # the next word goes on with the same name (IOB "I"): asked of every word, so not through
    # ``doc.ents``, which builds every entity span of the page on each call
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].ent_iob_ == "I"


# Every word some branch of ``_inventory_kind`` can give a kind (each looks the lower-case word up
# in one of these tables): ``trigger_kind`` is asked of every word of a page, and most are in none.
TRIGGER_WORDS = frozenset({*lex.CALL_NOUNS, *lex.TRIGGERS, *kinds.VERB_KIND, *kinds.NOUN_KIND,
                           *kinds.CONSTRUCTION_VERB, "polls"})


def trigger_kind(tok: Token) -> str | None:
    """The event kind a token announces, or None: the inventory's kind in the sense its arguments
    give, then the marks of a document, a natural force, a figurative or sporting use."""
    if tok.lower_ not in TRIGGER_WORDS:
        return None
    kind = _inventory_kind(tok)
    return refine_sense(tok, kind) if kind is not None else None


def _inventory_kind(tok: Token) -> str | None:
    """The kind the lexicon and the generic inventory give the token in its arguments' sense."""
    word = tok.lower_
    if word in lex.CALL_NOUNS and tok.pos_ == "NOUN":
        near = {c.lower_ for c in tok.children} | {tok.nbor(-1).lower_ if tok.i > 0 else ""}
        return "call" if near & lex.PHONE_WORDS else None
    if is_verb(tok) and construction_kind(tok) is not None:
        return construction_kind(tok)  # "declared dead", "declared bankruptcy": not a declaration
    if in_name(tok):
        return None  # "Summit Entertainment", "Catching Fire": a word of a name, not an event
    kind = lex.TRIGGERS.get(word)
    if kind is None or (word == "polls" and tok.dep_ == "pobj"):
        return generic_kind(tok)
    if kind == "poll" and is_report_frame(tok):
        return None  # "..., the Survey said": a source of the news, not an event
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    if word in lex.NOUN_ONLY and not is_noun:
        return None
    if word in lex.VERB_ONLY and not is_verb(tok):
        return None
    if tok.pos_ not in ("NOUN", "PROPN", "VERB", "AUX"):
        return None
    if kind == "meeting" and is_verb(tok) and not _meets_people(tok):
        return None
    if kind == "declaration" and is_verb(tok) and any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "X declared that it was pulling out": a statement, not a declaration signed
    if word in lex.ROUND_NOUNS and (any(g.lower_ not in lex.LAUNCHED_TALKS for c in tok.children
                                        if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                                        if g.dep_ == "pobj") or stage_of_contest(tok)):
        return None
    if kind == "protest" and word in _RALLY and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "rallied the team", "rally support": gathering others, not a demonstration
    if kind == "launch" and is_verb(tok):
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


def stage_of_contest(tok: Token) -> bool:
    """"stopped him in the sixth round", "44 seconds of the seventh round": an ordinal round with
    no "of" complement, placed by "in"/"of", locates a moment of a contest, not a round of talks."""
    ordinal = any(c.dep_ == "amod" and c.tag_ == "JJ" and c.lower_.endswith(("st", "nd", "rd", "th"))
                  for c in tok.children)
    owns_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return ordinal and not owns_of and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of")


def mention_at(mentions: Sequence[Mention], tok: Token) -> Mention | None:
    for m in mentions:
        if m.span.start <= tok.idx < m.span.end:
            return m
    return None


def party_name(m: Mention) -> str | None:
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
        if t.lower_ in lex.PEOPLE_NOUNS and mention_at(mentions, t) is None:
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
        m = mention_at(mentions, t)
        if (m is None or not party_name(m)) and people:
            m = _person_named(t, people) or m
        if m is not None and not skip[0] <= m.span.start < skip[1] and party_name(m) and m not in out:
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
        elif c.dep_ == "prep" and c.lower_ in ("of", "against") and kind not in lex.TRIGGER_KINDS and not is_verb(trig):
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
    """The country a token names: a GPE/GOV mention, or a demonym ("the Freedonian delegation")."""
    m = mention_at(mentions, tok)
    if m is not None and m.label in ("GPE", "GOV"):
        return m.canonical or m.text
    if (m is not None and m.label == "NORP") or tok.pos_ == "ADJ":
        from dossier.lang.geo import country_of_adjective

        return country_of_adjective(tok.text)
    return None


def _country_of_group(noun: Token, mentions: Sequence[Mention]) -> str | None:
    """"Freedonia's delegation", "the Freedonian delegation", "the delegation of/from Freedonia" -> Freedonia."""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and (n := _country_at(c, mentions)):
            return n
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for g in c.children:
                if g.dep_ == "pobj" and (n := _country_at(g, mentions)):
                    return n
    return None


def _speaks_for(verb: Token, mentions: Sequence[Mention]) -> str | None:
    """"speaking for Freedonia", "signed on behalf of Freedonia" on ``verb`` or its participial clause."""
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
    delegation ("X will lead Freedonia's delegation", "X, who led the Freedonian team", "the delegation
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


# the source, loser or destination of a generic predicate ("stole ... from X", "a win over X",
# "checked into X"): a party when a person or organisation is named there (a place is the place)
_OBLIQUE_PREPS = frozenset({"from", "over", "into"})
_OBLIQUE_LABELS = frozenset({"PERSON", "ORG"})


def oblique_heads(trig: Token) -> list[Token]:
    """Objects of the trigger's (or its direct object's) source/loser/destination prepositions,
    and one "of" further ("from the branch of X" -> X)."""
    out: list[Token] = []
    objects = [c for c in trig.children if c.dep_ == "dobj"]  # "stole [diamonds from X]": the parser's choice
    for c in [*trig.children, *(p for o in objects for p in o.children)]:
        if c.dep_ == "prep" and c.lower_ in _OBLIQUE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(o for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj")
    return out


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
    if kind not in lex.TRIGGER_KINDS:
        own += [m for m in _names_under(oblique_heads(trig), mentions, skip, people)
                if m.label in _OBLIQUE_LABELS and m not in own]
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)
    if own and (has_subject or not is_verb(trig)):
        return own
    if kind not in lex.TRIGGER_KINDS and is_verb(trig) and not has_subject:
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
    if is_verb(trig):  # "meet his counterpart, X, in Paris": the parser often hangs it on the object
        candidates.extend(c for c in trig.children if c.dep_ == "dobj")
    if not is_verb(trig):  # "a meeting of ministers in Geneva": the parser hangs it on "ministers"
        candidates.extend(g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj")
    if trig.dep_ in ("nsubj", "nsubjpass") and trig.head.lower_ in lex.HAPPEN_VERBS:
        candidates.append(trig.head)  # "earlier rounds took place in Geneva"
    if trig.dep_ in ("pobj", "dobj", "pcomp") and trig.head.i != trig.i:
        verb = trig.head if is_verb(trig.head) else trig.head.head
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
                    m = mention_at(mentions, t)
                    if m is not None and m.label in lex.PLACE_LABELS:
                        return m
        if here and any(c.lower_ == "here" for c in cand.children):
            return here
    return place_modifier(trig, kind, mentions)


def place_modifier(trig: Token, kind: str, mentions: Sequence[Mention]) -> Mention | None:
    """"their Helsinki meeting", "the Geneva summit": a city (a place that is no country)
    before a meeting noun is where it was held, not who took part."""
    if kind not in lex.MEETING_KINDS or is_verb(trig):
        return None
    for c in trig.children:
        m = mention_at(mentions, c) if c.dep_ in ("compound", "amod", "nmod") else None
        if m is not None and m.label in lex.PLACE_LABELS and not _is_country(m.canonical or m.text):
            return m
    return None


def _is_country(name: str) -> bool:
    from dossier.lang.geo import country_named

    return country_named(name) is not None


def country_pair(name: str) -> list[str]:
    """"Norway-Sweden" (one hyphenated name the tagger gave as one place) -> the two countries
    it joins; any other name stays whole."""
    parts = [p.strip() for p in name.split("-")]
    if len(parts) == 2 and all(parts) and all(_is_country(p) for p in parts):
        return parts
    return [name]


def _set_to(head: Token) -> bool:
    """ "are set to meet", "is poised to sign": "set"/"poised" with a present "be" (not "had set")."""
    return head.lower_ in lex.SET_TO_WORDS and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in lex.BE_FORMS - {"was", "were"} for c in head.children)


def _status_cues(trig: Token) -> tuple[str | None, str]:
    """('planned'|'possible'|None, cue word) from modals, plan verbs and "is to" near the trigger."""
    words: list[Token] = [c for c in trig.children if c.dep_ in ("aux", "amod", "advmod", "acl", "neg")]
    cur = trig
    for _ in range(10):
        words.append(cur)
        words.extend(c for c in cur.children if c.dep_ in ("aux", "auxpass", "advmod"))
        if cur.i != trig.i and cur.dep_ == "xcomp" and cur.head.lower_ in lex.BE_FORMS:
            return "planned", f"{cur.head.text} to"
        if cur.dep_ == "xcomp" and _set_to(cur.head):
            return "planned", f"{cur.head.text} to"
        if is_verb(cur) and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
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


def clause_tense(trig: Token) -> str | None:
    """'past' or 'present' from the trigger (verbs) or its clause verb (nouns)."""
    verb = trig if is_verb(trig) else _clause_verb(trig)
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
    if clause_tense(trig) == "past" and is_verb(trig):
        return "happened", Evidence(rule="status:past-tense", text=trig.text, confidence=0.75)
    order = compare_dates(date, doc_date) if date and doc_date else None
    if order == "before":
        return "happened", Evidence(rule="status:date-before-document", text=date or "", confidence=0.8)
    if order == "after":
        return "planned", Evidence(rule="status:date-after-document", text=date or "", confidence=0.75)
    tense = clause_tense(trig)
    if tense == "past":
        return "happened", Evidence(rule="status:past-tense", text=trig.text, confidence=0.75)
    if tense == "present" and is_verb(trig) and trig.tag_ in ("VBP", "VBZ", "VB"):
        return "planned", Evidence(rule="status:present-verb", text=trig.text, confidence=0.45)
    return "happened", Evidence(rule="status:default", text=trig.text, confidence=0.5)
