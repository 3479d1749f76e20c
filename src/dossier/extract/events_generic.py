"""Events of every kind from the parse: a predicate of the generic inventory (``events_kinds``)
with its own arguments, and a headline-style name built from them ("Acme buys Widgetco").

Why rules over the dependency parse: spaCy has no event layer, and the news conventions used here
(a reporting verb frames the news it reports; a negated or modal predicate did not happen; a
passive headline drops its auxiliary) are general English, not any story's wording.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Token

from dossier.extract import events_kinds as kinds
from dossier.extract import events_lexicon as lex
from dossier.extract import events_senses as senses
from dossier.nlp.cues import ROLE_NOUNS, is_speech_verb
from dossier.nlp.pipeline import lemma

log = logging.getLogger(__name__)

_SUBJ = ("nsubj", "nsubjpass")
_OBJ = ("dobj", "nsubjpass", "attr", "oprd")
_PERSONISH_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# "under fire", "on sale", "in custody": set phrases where the noun names no event
_IDIOM_PREPS = frozenset({"under", "on", "for"})
_MAX_LABEL_WORDS = 5


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def _personish(tok: Token) -> bool:
    """A token naming someone (or a body): a name, a pronoun, a role or people noun."""
    return (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _PERSONISH_ENTS
            or tok.lower_ in ROLE_NOUNS or tok.lower_ in lex.PEOPLE_NOUNS)


def _frames_report(tok: Token) -> bool:
    """A reporting use: "announced that ...", "poll ... said" -> the report, not an event."""
    if tok.lower_ in kinds.VERB_KIND and kinds.VERB_KIND[tok.lower_][1] in kinds.CLAUSE_REPORTING:
        return any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) and not any(
            c.dep_ == "dobj" for c in tok.children)
    return False


def _goes_to_care(verb: Token) -> bool:
    """"checked into a rehab clinic", "entered hospital", "admitted to the Mayo Clinic": the goal
    (a direct object or an into/to/in object) names a place of care."""
    goals = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]  # "rushed to hospital": xcomp too
    goals += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "to", "in")
              for g in c.children if g.dep_ == "pobj"]
    return any(w.lower_ in kinds.CARE_NOUNS for g in goals for w in g.subtree if w.dep_ != "relcl")


def generic_verb_kind(tok: Token) -> str | None:
    """The kind a verb predicate announces, or None (see ``events_kinds``): a verb of the
    inventory with arguments of its own, in the sense its arguments give (``events_senses``),
    or a predicate of a few words ("stepped down", "found dead")."""
    if not _is_verb(tok) or tok.dep_ in ("amod", "compound"):
        return None
    construction = senses.construction_kind(tok)
    if construction is not None:
        return construction
    got = kinds.VERB_KIND.get(tok.lower_)
    if got is None or _frames_report(tok):
        return None
    kind, base = got
    args = [c for c in tok.children if c.dep_ in (*_SUBJ, "dobj", "agent", "oprd")]
    if not args and tok.dep_ not in ("relcl", "acl", "xcomp", "conj", "advcl"):
        return None
    if base in kinds.NEEDS_CARE_PLACE and not _goes_to_care(tok):
        return None
    personish = any(_personish(c) or senses.is_human(c) for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
    return senses.verb_sense(tok, kind, base, personish)


# "convicted of murder", "arrested for theft", "charged with assault": the noun is what the
# justice predicate is about, not an event reported on its own
_JUSTICE_KINDS = frozenset({"arrest", "charge", "trial", "verdict", "appeal", "pardon", "execution", "extradition"})
_ABOUT_PREPS = frozenset({"of", "for", "with", "over", "in"})


def is_charge_of(tok: Token) -> bool:
    """``tok`` is the offence a justice predicate names ("convicted John Smith of murder")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _ABOUT_PREPS:
        return False
    for gov in (prep.head, prep.head.head):  # "convicted [Smith of murder]": the parser's choice
        got = kinds.VERB_KIND.get(gov.lower_) or kinds.NOUN_KIND.get(gov.lower_)
        if got is not None and got[0] in _JUSTICE_KINDS or senses.construction_kind(gov) == "verdict":
            return True  # "found guilty of murder" too
    return False


def is_consequence(tok: Token, triggers: set[int]) -> bool:
    """"An earthquake struck ..., killing 12": a participle clause on a clause whose predicate or
    subject is an event tells that event's toll, not a second event."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(c.dep_ in _SUBJ for c in tok.children):
        return False
    head = tok.head
    return head.i in triggers or any(c.dep_ in _SUBJ and any(t.i in triggers for t in c.subtree)
                                     for c in head.children)


def generic_noun_kind(tok: Token) -> str | None:
    """The kind an event noun announces, or None. A noun that only modifies another noun ("election
    campaign", "attack ads") or sits in a set phrase ("under fire") names no event of its own."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod", "npadvmod"):
        return None
    got = kinds.NOUN_KIND.get(tok.lower_)
    if got is None or is_charge_of(tok):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in _IDIOM_PREPS and not any(
            c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
        return None
    return senses.noun_sense(tok, got[0])


def generic_kind(tok: Token) -> str | None:
    """Kind of a generic event predicate (verb or noun). "went to the polls" is voting."""
    if tok.lower_ == "polls" and tok.dep_ == "pobj" and tok.head.lower_ == "to":
        return "election"
    return generic_verb_kind(tok) if _is_verb(tok) else generic_noun_kind(tok)


def is_report_frame(tok: Token) -> bool:
    """"..., the Survey said", "according to a poll": a source quoted for the news, not news."""
    head = tok.head
    if tok.dep_ in _SUBJ and is_speech_verb(head):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def described(tok: Token) -> bool:
    """The predicate says something of its own: a verb with a subject or object, a noun with a
    modifier or complement ("a magnitude 6 earthquake", "the arrest of X"). A bare definite noun
    ("the announcement came a day after") points back to news told elsewhere."""
    deps = ("nsubj", "nsubjpass", "dobj") if _is_verb(tok) else ("amod", "nummod", "compound", "poss", "prep",
                                                                  "relcl", "acl")
    return any(c.dep_ in deps for c in tok.children)


def is_negated(tok: Token) -> bool:
    """"did not attack", "never met", "no arrests were made": the predicate is denied."""
    verb = tok if _is_verb(tok) else tok.head
    for t in {tok.i: tok, verb.i: verb}.values():
        if any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("det", "advmod", "neg")
               for c in t.children):
            return True
    return False


def _phrase(tok: Token, max_words: int = _MAX_LABEL_WORDS) -> str:
    """A short noun phrase for ``tok``: its compounds, adjectives, numbers and ``of``-complement,
    without determiners, relative clauses or appositions."""
    keep = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "quantmod")
            and c.ent_type_ not in ("DATE", "TIME") and not (c.dep_ == "poss" and c.pos_ == "PRON")]  # "Monday's debate": the date is shown apart
    words: list[Token] = []
    for c in keep:
        words.extend(w for w in c.subtree if w.dep_ not in ("det", "punct", "cc", "prep"))
    words.append(tok)
    for c in tok.rights:
        if c.dep_ in ("compound", "flat"):
            words.append(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "against"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                words.append(c)
                words.extend(w for w in obj.subtree if w.dep_ in ("compound", "flat", "amod", "nummod")
                             or w.i == obj.i)
    if tok.tag_ == "VBG" and any(c.dep_ == "det" for c in tok.children):  # "the running back": a noun the
        words.extend(c for c in tok.rights if c.dep_ in ("advmod", "prt"))  # tagger read as a gerund
    ordered = sorted({w.i: w for t in words for w in orthographic_word(t)}.values(), key=lambda w: w.i)
    text = render([w for w in ordered if w.tag_ != "POS" or ordered[0].i < w.i and w.doc[w.i - 1] in ordered])
    parts = text.split()
    return " ".join(parts[-max_words:] if tok.pos_ != "PROPN" else parts[:max_words])


_HYPHENS = frozenset({"-", "–", "‐"})


def orthographic_word(tok: Token) -> list[Token]:
    """The tokens of the written word ``tok`` is part of when that word is hyphenated
    ("first-in-the-nation", "91-73", "52-3"): a label never keeps a piece of a word."""
    doc, lo, hi = tok.doc, tok.i, tok.i
    while lo > 0 and not doc[lo - 1].whitespace_ and (doc[lo - 1].text in _HYPHENS or doc[lo].text in _HYPHENS):
        lo -= 1
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and (doc[hi].text in _HYPHENS or doc[hi + 1].text in _HYPHENS):
        hi += 1
    if doc[lo].text in _HYPHENS or doc[hi].text in _HYPHENS:  # a dash set between words, not inside one
        return [tok]
    return list(doc[lo: hi + 1])


def render(tokens: Sequence[Token]) -> str:
    """Tokens as the page writes them: adjacent ones keep the text's own spacing ("No. 10",
    "91-73"), others are joined by a space (the tokeniser's "No . 10" is never shown)."""
    out = ""
    for prev, tok in zip([None, *tokens], tokens):
        if prev is not None:
            out += prev.whitespace_ if tok.i == prev.i + 1 else " "
        out += tok.text
    return out.strip()


def controlling_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it is an infinitive or conjunct of."""
    cur = verb
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj",)), None)
        if subj is not None:
            return subj
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "suspended ... after losing X"
            cur = cur.head.head
            continue
        if cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the man who killed four people":
    the man killed them); any other token stands for itself."""
    if tok.tag_ not in ("WP", "WDT"):
        return tok
    cur = tok.head
    for _ in range(4):  # "who opted to suspend": up through the infinitive to the relative clause
        if cur.dep_ == "relcl":
            return cur.head
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return tok


_PERSONAL = frozenset({"he", "she"})


def _main_subject(tok: Token) -> Token | None:
    """The subject of the main clause of ``tok``'s sentence, when it names a person."""
    root = tok.sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    return subj if subj is not None and subj.ent_type_ == "PERSON" else None


def pronoun_referent(pron: Token) -> Token | None:
    """The person a subject "he"/"she" most likely is, by two news conventions (centering): a
    pronoun in a clause before the main clause's subject points ahead to it ("On the day he won,
    Sen. X got ..."); any other subject pronoun continues the previous
    sentence's main subject ("X played 15 seasons. He retired in 1993"). None when neither names
    a person: a wrong name is worse than none (a speech verb's subject is not taken, "Her agent
    said she died")."""
    if pron.lower_ not in _PERSONAL:
        return None
    main = _main_subject(pron)
    if main is not None and pron.i < main.i and pron not in list(main.subtree):
        return main
    if any(a.dep_ in ("ccomp", "relcl", "acl", "advcl") for a in pron.ancestors):
        return None
    start = pron.sent.start
    if start == 0:
        return None
    before = pron.doc[start - 1].sent
    return _main_subject(before[0])


def label_subject(verb: Token) -> Token | None:
    """The subject a headline names for ``verb``: its own or its controlling clause's, a relative
    pronoun's noun, a he/she's person (``pronoun_referent``); None when the text gives no name."""
    subj = controlling_subject(verb)
    if subj is None:
        return None
    subj = antecedent(subj)
    if subj.pos_ == "PRON":
        return pronoun_referent(subj)
    return subj


_PLURAL_WORDS = frozenset({"police", "they", "we", "people", "staff", "troops", "forces"})


def _plural(subj: Token) -> bool:
    """A plural subject takes the base verb ("Police arrest man", "Voters reject plan")."""
    if any(c.dep_ == "conj" for c in subj.children):
        return True
    person = subj.ent_type_ == "PERSON" and subj.ent_iob_ == "I" or any(
        c.ent_type_ == "PERSON" and c.dep_ == "compound" for c in subj.children)  # "Maurice Cheeks"
    return not person and (subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _PLURAL_WORDS)


def _base(verb: Token) -> str:
    """The verb's base form: the event lexicon's, else spaCy's lemma ("rejects" -> "reject")."""
    return kinds.VERB_KIND.get(verb.lower_, ("", ""))[1] or lemma(verb)


def _subject_phrase(subj: Token) -> str:
    """The subject with up to two coordinated ones: "Smith and Jones", "Freedonia, Sylvania and Ruritania"."""
    heads = [subj, *[c for c in subj.conjuncts if c.i > subj.i][:2]]
    phrases = [_name(h) or _phrase(h, 3 if len(heads) > 1 else _MAX_LABEL_WORDS) for h in heads]
    return phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} and {phrases[-1]}"


def _name(tok: Token) -> str | None:
    """The whole name a proper noun belongs to, without the titles before it ("Freedonian President
    Abdel Karim el-Amin" -> "Abdel Karim el-Amin"), as the tagger's entity gives it."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ else None
    if ent is None or len(ent) > _MAX_LABEL_WORDS:
        return None
    text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return text[:-2] if text.endswith(("'s", "’s")) else text


def verb_label(verb: Token, skip: tuple[int, int] = (-1, -1)) -> str:
    """"Acme agrees to buy Widgetco" -> "Acme buys Widgetco"; "X was arrested" -> "X arrested";
    "A and B met with C" -> "A and B meet with C" (headline present tense)."""
    base = _base(verb)
    passive = next((antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"), None)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    parts: list[str] = []
    if passive is not None:
        parts = [_subject_phrase(passive), verb.lower_ if verb.tag_ == "VBN" else base]
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            parts += ["by", _phrase(agent)]
    else:
        subj = label_subject(verb)
        if subj is not None and not (skip[0] <= subj.idx < skip[1]):
            parts.append(_subject_phrase(subj))
            parts.append(base if _plural(subj) else kinds.third_person(base))
        elif obj is not None and obj.pos_ != "PRON" and senses.construction_kind(verb) is None and (
                done := _participle(verb)):  # "opened fire" stays "Open fire", not "Fire opened"
            return " ".join(p for p in (_name(obj) or _phrase(obj), done, senses.construction_tail(verb)) if p)
        else:
            parts.append(base)
        if obj is not None and obj.pos_ != "PRON":
            parts.append(_name(obj) or _phrase(obj))
        elif (partner := _with_partner(verb)) is not None:
            parts += ["with", partner]
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if prt:
        parts.insert(parts.index(base) + 1 if base in parts else len(parts), prt)
    parts.append(senses.construction_tail(verb))  # "steps down", "found dead", "files for bankruptcy"
    return " ".join(p for p in parts if p).strip()


def bare_verb(verb: Token) -> bool:
    """A verb trigger whose clause names neither who did it nor to whom ("... and retired in
    1993" after a sentence about someone else): a headline of the verb alone would read "Retire"."""
    if not _is_verb(verb) or label_subject(verb) is not None:
        return False
    args = [a for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "attr") and (a := antecedent(c)).pos_ != "PRON"]
    return not args and _with_partner(verb) is None


def _participle(verb: Token) -> str | None:
    """The verb's past participle ("fired", "killed", "won"), for a headline with no agent
    ("O'Brien fired"); None when it is not known."""
    if verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.lower_.endswith("ed"):
        return verb.lower_
    return kinds.past_participle(_base(verb))


def _with_partner(verb: Token) -> str | None:
    """"met with <X>": the other party of a verb with no object, when a name is given."""
    obj = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"), None)
    return _subject_phrase(obj) if obj is not None and obj.pos_ == "PROPN" else None


def _noun_partners(noun: Token) -> str | None:
    """" with <X>" / " between <X> and <Y>" after an event noun ("talks with Sylvania"): its parties."""
    for c in noun.children:
        obj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if obj is not None and c.lower_ in ("with", "between") and obj.pos_ == "PROPN":
            return f" {c.lower_} {_subject_phrase(obj)}"
    return None


def noun_label(noun: Token) -> str:
    """"the magnitude 6 earthquake that hit the coast" -> "magnitude 6 earthquake hits coast"."""
    head = noun.head
    phrase = _phrase(noun)
    if (partner := _noun_partners(noun)) is not None:
        phrase += partner
    if noun.dep_ == "nsubj" and _is_verb(head):
        obj = next((c for c in head.children if c.dep_ in ("dobj",)), None)
        verb = _base(head) if _plural(noun) else kinds.third_person(_base(head))
        return " ".join(p for p in (phrase, verb, _phrase(obj) if obj is not None and obj.pos_ != "PRON" else "")
                        if p)
    rel = next((c for c in noun.children if c.dep_ == "relcl" and _is_verb(c)), None)
    if rel is not None:
        obj = next((c for c in rel.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ != "PRON":
            return f"{phrase} {rel.text} {_phrase(obj)}"
    return phrase


def event_label(trig: Token, place: str | None, skip: tuple[int, int] = (-1, -1)) -> str:
    """A headline-style name of what happened, from the trigger's own clause (``skip``: the
    dateline's characters, never a subject)."""
    label = verb_label(trig, skip) if _is_verb(trig) else noun_label(trig)
    return _finish(label, place, trig)


def clause_label(trig: Token, kind: str, place: str | None, participants: Sequence[str],
                 skip: tuple[int, int] = (-1, -1)) -> tuple[str, float]:
    """A headline name for any event, with how much it says (0.9: who did what, from the clause;
    0.5: the event's noun phrase). A noun trigger that is a verb's object is named by that verb's
    clause ("Freedonia initials draft agreement"); one with no clause of its own by its phrase and the
    parties the sentence names ("1959 agreement involving Freedonia and Sylvania"), never "<Name> <kind>"."""
    verb = trig if _is_verb(trig) else trig.head if trig.dep_ == "dobj" and _is_verb(trig.head) else None
    if verb is not None:
        subj = next((antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"), None) or label_subject(verb)
        if subj is not None and subj.pos_ != "PRON" and not skip[0] <= subj.idx < skip[1]:
            return _finish(verb_label(verb, skip), place, trig), 0.9
    label = noun_label(trig) if not _is_verb(trig) else kind
    missing = [p for p in participants if p.split()[-1].lower() not in label.lower()][:3]
    if missing:
        label += " involving " + (missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}")
    return _finish(label, place, trig), 0.5


def _finish(label: str, place: str | None, trig: Token) -> str:
    if place and place.lower() not in label.lower():
        label += f" {'to' if trig.lower_.startswith('visit') else 'in'} {place}"
    label = label.strip()
    log.debug("event label %r for %r", label, trig.text)
    return label[:1].upper() + label[1:] if label else trig.text


_LABEL_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_FUNCTION_WORDS = frozenset({"the", "and", "for", "with", "from", "into", "over", "against", "after", "his",
                             "her", "its", "their", "this", "that", "has", "have", "been", "was", "were"})


def object_words(label: str, names: Sequence[str]) -> set[str]:
    """Content words of an event's headline name that are neither in ``names`` (its participants
    and place) nor an event predicate ("Smith beats Jones in the final" -> {"final"}): what it is
    about, to tell two events of one kind and the same actors apart."""
    drop = {w for n in names for w in _LABEL_WORD.findall(n.lower())}
    words = set(_LABEL_WORD.findall(label.lower())) - drop - _FUNCTION_WORDS
    return {w for w in words if w not in kinds.VERB_KIND and w not in kinds.NOUN_KIND}


def strong_overlap(shared: int, named: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """An undated mention (no date of its own, no dated page) may be any year's event of the same
    kind, actors and place ("<Team> beat <Rival> in <City>" recurs every season): it joins an event
    only with two shared actors, or one and a shared object ("the title"). ``named``: the headline
    name and the participant and place names of the mention, then of each report of the event."""
    if shared != 1:
        return shared >= 2
    mine, *theirs = (object_words(label, names) for label, names in named)
    return bool(mine & set().union(*theirs))


# a person dies once: two reports of one person's death are one event, on any page
ONCE_KINDS = frozenset({"death"})
_ONCE_DAYS = 2  # reports of a death a day or two apart (the day it was announced, the next day's paper)


def happens_once(kind: str, a: str | None, b: str | None) -> bool:
    """Reports of a kind that happens once to its participant (checked the same by the caller) are
    one event unless both give dates days apart: a page with no date of its own still reports it."""
    from dossier.extract.events_dates import days_apart

    if kind not in ONCE_KINDS:
        return False
    return a is None or b is None or (days_apart(a, b) or 0) <= _ONCE_DAYS
