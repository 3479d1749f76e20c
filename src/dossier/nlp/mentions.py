"""Named mentions from spaCy's entities, corrected with what the rest of the document says.

spaCy's small English model labels each occurrence on its own, so an unfamiliar surname becomes an
ORG in one sentence and a PERSON in the next, and an unfamiliar island a PERSON. A document usually
holds the evidence to fix that (a title before the name, "islands" after it, the full name three
paragraphs earlier), and no library combines it, so this module does, in small steps:

1. ``candidate_spans``: keep the entity labels dossier uses, trim "the" and possessive "'s".
2. ``correct_labels``: local cues (title before -> PERSON; place noun, "city of", list of places,
   "in/off" -> place), then document cues (a surname of a named person -> PERSON; the majority
   label of the same string in the document).
3. ``canonical_names``: "Merkel" -> "Angela Merkel" when the full name is in the document.
4. ``title_mentions`` and ``pronoun_speakers`` (in ``mention_titles``): "the foreign minister" and
   '"...," he said' pointed at the person they most likely stand for, with lower confidence.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.lang.zones import zone_abbreviations
from dossier.lang.en import (
    ORG_NAME_NOUNS,
    SHIP_PREFIXES,
    VESSEL_NOUNS,
)
from dossier.model import Mention, Span
from dossier.nlp.names import generation
from dossier.nlp.gender import agreeing_names, is_given_name, name_gender, span_honorific_gender
from dossier.nlp.mention_titles import pronoun_speakers, title_mentions
from dossier.nlp.mention_cands import _Cand, mark_class_acronyms, missed_surnames, split_glued_names
from dossier.nlp.cues import (
    GPE_NOUNS,
    HONORIFICS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PORTFOLIO_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    is_title_abbreviation,
    role_head,
    role_title_after,
    role_title_before,
)

logger = logging.getLogger(__name__)

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Place nouns that, right after a name, make it a place ("X Islands", "X River"); "state" or
# "capital" are left out: "X state media" is an organisation's phrase as often as a place's.
_FOLLOWING_PLACE_NOUNS = PLACE_NOUNS - {"state", "capital", "port", "coast", "territory", "territories"}
# Prepositions after which a one-word PERSON is far more often a place; for ORG only the clearly
# geographic ones ("in Reuters" never happens, but "in the Kremlin" does).
_ORG_PLACE_PREPOSITIONS = frozenset({"off", "near"})
ORG_NOUNS = ORG_NAME_NOUNS  # last words that make a name an organisation ("Levada Center")


# ------------------------------------------------------------------------------------------
# 1. candidates
# ------------------------------------------------------------------------------------------


def trim_entity(ent: SpacySpan) -> SpacySpan | None:
    """Drop a leading article, a trailing possessive or punctuation, and anything after a line
    break (spaCy sometimes runs a byline name into the next paragraph)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if "\n" in doc[i].text or (i < end - 1 and "\n" in doc[i].whitespace_):
            end = i if "\n" in doc[i].text else i + 1
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    if ent.label_ != "PERSON" and end - start > 1 and _title_abbreviation_before_name(doc, end - 1):
        end -= 1  # 'State Police Lt. <Name>': the abbreviated title is the next name's
    if end <= start:
        return None
    return SpacySpan(doc, start, end, label=ent.label_)


def portfolio_of_title(span: SpacySpan) -> bool:
    """'State' of 'Secretary of State', 'Interior' of 'Interior Secretary <Name>': a portfolio after
    '<role noun> of [the]' or right before a role noun is part of the office's name (the tagger makes
    it an organisation); the department's own name ('Interior Department') is not."""
    if not all(t.lower_ in PORTFOLIO_WORDS for t in span):  # 'U.S. Army' names a body
        return False
    doc, i = span.doc, span.start - 1
    if span.end < len(doc) and (doc[span.end].lower_ in ROLE_NOUNS or is_title_abbreviation(doc[span.end])):
        return True
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in ROLE_NOUNS


def _title_abbreviation_before_name(doc: Doc, i: int) -> bool:
    """Token ``i`` is an abbreviated title ('Lt', 'Capt.') and a capitalised word follows it."""
    nxt = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ".")
    return is_title_abbreviation(doc[i]) and nxt < len(doc) and doc[nxt].text[:1].isupper()


def candidate_spans(sdoc: Doc) -> list[_Cand]:
    """spaCy entities with a label dossier uses, trimmed."""
    cands = []
    for ent in sdoc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        span = trim_entity(ent)
        if span is not None and (zone_after_clock(span) or portfolio_of_title(span)):
            continue  # 'at 0930 GMT', 'Secretary of State': part of the time or the office, no body
        if span is not None and vessel_name(span):
            cands.append(_Cand(_vessel_span(span), "PRODUCT", "vessel", 0.85))  # 'INS <Name>' tagged a person
        elif span is not None and any(t.is_alpha and not t.is_lower for t in span):  # not "tablet apps"
            cands.extend(clean_span(_Cand(span, ent.label_)))
    return mark_class_acronyms(split_glued_names(cands))


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|\d{1,2}|[ap]\.?m\.?|[ap]m|hrs?", re.I)


def zone_after_clock(span: SpacySpan) -> bool:
    """A one-word span that is a time-zone abbreviation right after a clock time ('0930 GMT', '3
    p.m. EST', '(1430 BST)'): the time's zone, not a name. Elsewhere the word may be a name (a party
    or a company can share the letters), so only the position decides."""
    if len(span) != 1 or span.start == 0 or span.text not in zone_abbreviations():
        return False
    return _CLOCK.fullmatch(span.doc[span.start - 1].text) is not None


_PROPER_TAGS = frozenset({"NNP", "NNPS"})
# Inside a person's name there is no plural common noun or finite verb; a capitalised one there is a
# headline's word the tagger took into the name.
_RUN_ON_TAGS = frozenset({"NNS", "VBZ", "VBD", "VBP"})
_NAME_PARTICLES = frozenset("de da del della der den di do dos das du des la le van von bin ibn al el y zu".split())
_ROLE_PREFIXES = ROLE_WORDS | {"chairperson", "manager"}


def _peelable(tok: Token) -> bool:
    """A word before a person's name that is not part of it: a verb or adjective the tagger saw as
    such ('Hammering <Name>'), a lowercase descriptor ('polygamist <Name>'), or a role word
    ('Chairperson <Name>', 'Insp <Name>': spaCy keeps capitalised titles inside PERSON spans)."""
    if tok.lower_ in _NAME_PARTICLES:
        return False
    return tok.tag_ not in _PROPER_TAGS or tok.is_lower or tok.lower_ in _ROLE_PREFIXES or is_title_abbreviation(tok)


def _after_inner_title(span: SpacySpan) -> int:
    """Where a person's name starts after an affiliation and a role word the tagger took in with it
    ('<Team> QB <Given> <Surname>', '<Firm> CEO <Given> <Surname>'): a role word among the first four,
    capitalised words before it and a name of two words or more after it; else the span's start."""
    doc = span.doc
    for i in range(span.start + 1, min(span.start + 4, span.end - 2)):
        tok = doc[i]
        if (tok.lower_ in ROLE_NOUNS or is_title_abbreviation(tok)) and all(
                t.is_title or t.is_upper for t in doc[span.start : i]):
            return i + 1
    return span.start


def _suffix_follows(doc: Doc, i: int) -> bool:
    """'<Name>, Jr.': the comma comes before a generational suffix, not another name."""
    return i + 1 < len(doc) and doc[i + 1].lower_.rstrip(".") in ("jr", "sr", "ii", "iii", "iv")


# Common nouns that open a body's name in the possessive ("Sheriff's Office", "Women's Club").
_POSSESSOR_NOUNS = ROLE_NOUNS | frozenset(
    "women men children people workers veterans teachers farmers officers patrolmen firefighters citizens "
    "taxpayers employees nurses doctors students parents voters".split())


def clean_span(c: _Cand) -> list[_Cand]:
    """NER over-reach trimmed before anything reads the span: a possessive inside the span ends it
    ("<Name>'s Gmail" -> the person); a person's span loses descriptors and titles before the name
    and splits at commas and "and" between names ("<A>, <B>" -> two people); a trailing plural
    common noun ("<Org> officials") leaves the organisation."""
    span, doc = c.span, c.span.doc
    cut = next((t.i for t in span[1:] if t.lower_ in ("'s", "’s")), None)
    if cut is not None and not (c.label != "PERSON" and cut == span.end - 2 and span[-1].lower_ in ORG_NOUNS
                                and doc[cut - 1].lower_ in _POSSESSOR_NOUNS):
        # not inside a body's name: '<County> Sheriff's Department', "Women's Club" are one name, while
        # "<Name>'s State Department" is a possessor and a body
        span = doc[span.start : cut]
    if c.label == "PERSON" and len(span) > 1 and span[-1].tag_ == "NNS" and span[-1].is_lower:
        return [replace(c, span=doc[span.start : span.end - 1], label="ORG", rule="org-group", confidence=0.8)]
    if c.label != "PERSON":
        return [replace(c, span=span)] if span.end != c.span.end else [c]
    if any(t.tag_ in _RUN_ON_TAGS and t.is_title for t in span[1:-1]):
        return []  # '<Surname> <Noun> <Verb>s <Given>': a headline the tagger ran into one name
    if span.end + 1 < len(doc) and doc[span.end].text == "," and _suffix_follows(doc, span.end):
        span = doc[span.start : span.end + 2]  # '<Name>, Jr.' keeps the suffix that tells father from son
    start = _after_inner_title(span)
    while start < span.end - 1 and _peelable(doc[start]):
        start += 1
    if (start > span.start and span.end - start < 2 and not doc[start - 1].is_lower and doc[start - 1].tag_ in _PROPER_TAGS
            and (is_given_name(doc[start - 1].text) or is_given_name(doc[start].text))):
        # 'Dean Baker': a capitalised role word before one name word may be a given name ('Deputy' is
        # none); and a title before a given name is how the person is named ('Pope <Given>', 'King <Given>')
        start = span.start
    out, part_start = [], start
    for i in range(start, span.end + 1):
        if i == span.end or (doc[i].text in (",", "and", "&", ";") and not _suffix_follows(doc, i)):
            if i > part_start and doc[part_start].is_title:
                out.append(replace(c, span=doc[part_start:i]))
            part_start = i + 1
    if len(out) == 1 and out[0].span.start == c.span.start and out[0].span.end == c.span.end:
        return [c]
    return [replace(x, rule="span-cleaned", confidence=min(c.confidence, 0.85)) for x in out]


# ------------------------------------------------------------------------------------------
# 2. label corrections
# ------------------------------------------------------------------------------------------


def _looks_like_name(span: SpacySpan) -> bool:
    return all(t.is_title or t.text in (".", "-") or t.lower_ in HONORIFICS for t in span)


def _place_label_for(noun: str) -> str:
    return "GPE" if noun.lower() in GPE_NOUNS else "LOC"


def place_cue(span: SpacySpan, label: str) -> str | None:
    """A place label from the words around a non-place entity, or None.

    "Tarakan islands" / "the city of Irkutsk" / "islands of A, B and C" / "off X" (ORG) /
    "in X" (one-word PERSON not followed by a possessive).
    """
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _FOLLOWING_PLACE_NOUNS:
        return _place_label_for(nxt.text)
    # "<place noun> of X" directly, or "<place noun> of A, B and X" (a list of places).
    i = span.start - 1
    while i >= 1 and (doc[i].text == "," or doc[i].lower_ in ("and", "or") or doc[i].ent_type_ in PLACE_LABELS
                      or (doc[i].is_title and doc[i].ent_type_)):
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PLACE_NOUNS:
        return _place_label_for(doc[i - 1].text)
    prev = doc[span.start - 1] if span.start > 0 else None
    possessive = nxt is not None and nxt.lower_ in ("'s", "’s")
    if prev is not None and not possessive and len(span) == 1:
        if label == "PERSON" and prev.lower_ in PLACE_PREPOSITIONS:
            return "GPE"
        if label == "ORG" and prev.lower_ in _ORG_PLACE_PREPOSITIONS:
            return "GPE"
    return None


def list_cue(span: SpacySpan, labels_by_token: dict[int, str]) -> str | None:
    """The place label of the list this entity stands in ("A, B, X and C" where A, B, C are places)."""
    doc = span.doc
    root = span.root
    neighbours: list[str] = []
    for conj in list(root.conjuncts):
        lab = labels_by_token.get(conj.i)
        if lab:
            neighbours.append(lab)
    # Flat lists the parser did not link: the entity right before ", " / "and", and right after.
    if span.start >= 2 and doc[span.start - 1].text in (",", "and", "or"):
        lab = labels_by_token.get(span.start - 2)
        if lab:
            neighbours.append(lab)
    if span.end + 1 < len(doc) and doc[span.end].text in (",", "and", "or"):
        lab = labels_by_token.get(span.end + 1)
        if lab:
            neighbours.append(lab)
    places = [lab for lab in neighbours if lab in PLACE_LABELS]
    if places and len(places) * 2 > len(neighbours) and "PERSON" not in neighbours:
        return Counter(places).most_common(1)[0][0]
    return None


def _labels_by_token(cands: list[_Cand]) -> dict[int, str]:
    out: dict[int, str] = {}
    for c in cands:
        for t in c.span:
            out[t.i] = c.label
    return out


def vessel_name(span: SpacySpan) -> bool:
    """A ship's name: after a ship prefix ('INS <Name>', 'MV <Name>', in the span or just before it)
    or a vessel noun ('the frigate <Name>', 'Warship <Name>'). The tagger reads ships' names as people
    or places (many are named after them); news writes the prefix or the noun on first reference."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    cue = _last_vessel_cue(span)
    if cue is not None and span.end - cue <= 3 and span[-1].lower_ not in ORG_NOUNS:
        return True  # 'INS <Name>', 'Indian Naval Ship <Name>'; not '<Word> Ship Supplies Inc'
    return before is not None and (before.text in SHIP_PREFIXES or (before.lower_ in VESSEL_NOUNS and before.pos_ != "VERB"))


def _vessel_span(span: SpacySpan) -> SpacySpan:
    """A ship's name without its prefix or vessel noun ('INS <Name>' -> '<Name>'): like a title of
    address, the prefix is no part of the name, and later references drop it."""
    cue = _last_vessel_cue(span)
    return span.doc[cue + 1 : span.end] if cue is not None else span


def _last_vessel_cue(span: SpacySpan) -> int | None:
    """Index of the last ship prefix or vessel noun before the span's last word, if any."""
    return next((t.i for t in reversed(span[:-1]) if t.text in SHIP_PREFIXES or t.lower_ in VESSEL_NOUNS), None)


def correct_local(cands: list[_Cand]) -> list[_Cand]:
    """Fix labels from cues in the sentence: a title before a name, place nouns, place lists.

    Names the document also gives as a full person name ("Merkel" beside "Angela Merkel") and names
    with a title before them are never turned into places.
    """
    by_token = _labels_by_token(cands)
    full, surnames = person_names(cands)
    out = []
    for c in cands:
        if c.label != "PRODUCT" and vessel_name(c.span):
            out.append(_Cand(_vessel_span(c.span), "PRODUCT", "vessel", 0.85))
            continue
        titled = _looks_like_name(c.span) and role_title_before(c.span) is not None
        if c.label != "PERSON" and titled:
            out.append(replace(c, label="PERSON", rule="title-person", confidence=0.9))
            continue
        if c.label == "PERSON" and len(c.span) >= 2 and c.span[-1].lower_ in ORG_NOUNS:
            out.append(replace(c, label="ORG", rule="org-noun", confidence=0.85))
            continue
        if c.label == "PERSON" and group_named(c.span):
            out.append(replace(c, label="ORG", rule="group", confidence=0.8))
            continue
        name = " ".join(_name_words(c.text))
        known_person = titled or name in full or name in surnames
        proper = c.label != "NORP" or c.span.root.tag_ in ("NNP", "NNPS")  # not "Siberian city"
        if c.label in ("PERSON", "ORG", "NORP") and proper and not known_person:
            lab = place_cue(c.span, c.label)
            if lab:
                out.append(replace(c, label=lab, rule="place-cue", confidence=0.85))
                continue
            lab = list_cue(c.span, by_token) if c.label == "PERSON" and len(c.span) == 1 else None
            if lab:
                out.append(replace(c, label=lab, rule="place-list", confidence=0.8))
                continue
        out.append(c)
    return out


def group_named(span: SpacySpan) -> bool:
    """'the <Name>s' ('the Jaguars', 'the <Surname>s'): a plural proper noun after 'the' names a team,
    a band or a family, a group of people and not one person (the tagger often says PERSON)."""
    doc, last = span.doc, span[-1]
    # the tagger's NNPS, or the plural ending of one word (it tags an unknown plural name NNP): a person
    # is rarely named with 'the' before the name ('the <Given> <Surname>s movie' is a full name's)
    plural = last.tag_ == "NNPS" or (len(span) == 1 and last.text.endswith("s") and not last.text.endswith("ss"))
    return span.start >= 1 and doc[span.start - 1].lower_ == "the" and plural


def person_names(cands: list[_Cand]) -> tuple[set[str], set[str]]:
    """(full names of two or more words, their surnames) among PERSON candidates."""
    full, surnames = set(), set()
    for c in cands:
        if c.label == "PERSON":
            words = _name_words(c.text)
            if len(words) >= 2:
                full.add(" ".join(words))
                surnames.add(words[-1])
    return full, surnames


def _relative_of(name: str, surnames: set[str]) -> bool:
    """'<Given name> <Surname>' tagged an organisation, with the surname of a person the page names in
    full: a relative or the person, named as people are ('her husband, <Given> <Surname>'). The first
    word must be a known given name: '<State> GOP', '<Word> PAC' are bodies."""
    words = name.split()
    return (len(words) == 2 and words[1] in surnames and words[0] not in surnames and is_given_name(words[0])
            and words[0].lower() not in _ROLE_PREFIXES)  # 'General <Surname>' is the general, titled


def correct_by_document(cands: list[_Cand]) -> list[_Cand]:
    """Fix labels from the rest of the document: a known surname is a PERSON; otherwise a string
    takes the label it has most often in the document (raw NER labels only are overridden)."""
    full, surnames = person_names(cands)
    vessels = {c.text for c in cands if c.rule == "vessel"}
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        votes.setdefault(c.text, Counter())[c.label] += 1
    out = []
    for c in cands:
        if c.label != "PRODUCT" and c.text in vessels:
            out.append(replace(c, label="PRODUCT", rule="doc-vessel", confidence=0.8))
            continue  # 'MV <Name>' first, '<Name>' after: the ship again
        text = " ".join(_name_words(c.text))
        if c.label != "PERSON" and c.rule == "ner" and (text in full or text in surnames) and _looks_like_name(c.span):
            out.append(replace(c, label="PERSON", rule="doc-surname", confidence=0.85))
            continue
        if c.label == "ORG" and c.rule == "ner" and _relative_of(text, surnames) and _looks_like_name(c.span):
            out.append(replace(c, label="PERSON", rule="doc-family", confidence=0.8))
            continue
        if c.rule == "ner" and not (c.label == "PERSON" and (text in surnames or text in full)):
            ranked = votes[c.text].most_common()
            if len(ranked) > 1 and ranked[0][0] != c.label and ranked[0][1] > ranked[1][1]:
                out.append(replace(c, label=ranked[0][0], rule="doc-vote", confidence=0.75))
                continue
        out.append(c)
    return out


# ------------------------------------------------------------------------------------------
# 3. canonical names and titles
# ------------------------------------------------------------------------------------------


def _name_words(text: str) -> list[str]:
    """Words of a name without honorifics ("Mr. Smith" -> ["Smith"])."""
    return [w for w in text.split() if w.lower() not in HONORIFICS]


def canonical_names(cands: list[_Cand]) -> list[str]:
    """The fullest name in the document each candidate refers to.

    A PERSON mention whose words end a longer PERSON name ("Merkel", "Mrs. Merkel") takes that name;
    when several full names share the surname, the most frequent (then the first) wins. A courtesy
    title's gender narrows them: "Mr. <Surname>" takes no full name the page shows to be a woman's
    ('Mrs. <Full name>', or a woman's given name), and keeps its own name when every one is.
    """
    full_counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    shown: dict[str, set[str]] = {}
    for c in cands:
        if c.label == "PERSON":
            words = _name_words(c.text)
            name = " ".join(words)
            if len(words) >= 2:
                full_counts[name] += 1
                order.setdefault(name, c.span.start)
                shown.setdefault(name, set()).add(name_gender(words, span_honorific_gender(c.span)))
    genders = {n: next(iter(g - {""})) if len(g - {""}) == 1 else "" for n, g in shown.items()}
    out = []
    for c in cands:
        words = _name_words(c.text) or c.text.split()
        name = " ".join(words)
        if c.label == "PERSON":
            longer = [n for n in full_counts if n != name and _without_generation(n).endswith(" " + name)]
            agreeing = agreeing_names(longer, genders, span_honorific_gender(c.span)) if len(words) == 1 else longer
            if agreeing:
                name = max(agreeing, key=lambda n: (full_counts[n], -order[n]))
            elif not longer:
                name = _epithet_of(words, full_counts) or _inner_full_name(words, full_counts) or name
        out.append(name)
    return out


def _without_generation(name: str) -> str:
    """'<Given> <Surname> Jr.' / '<Given> <Surname>, Jr' -> '<Given> <Surname>': later references
    drop the generational suffix ('<Surname> said'), so the surname is matched without it."""
    words = name.split()
    if len(words) > 2 and generation(name):
        return " ".join(words[:-1]).rstrip(",")
    return name


def _epithet_of(words: list[str], full: Counter[str]) -> str | None:
    """'Crooked <Given>' -> the one full name of the page with that given name, when the name is
    an epithet plus a given name: two words whose last is no one's surname on the page."""
    if len(words) != 2:
        return None
    surnames = {n.split()[-1] for n in full if n != " ".join(words)}
    owners = [n for n in full if n.split()[0] == words[1]]
    if words[1] in surnames or words[0] in surnames or len(owners) != 1:
        return None
    return str(owners[0])


def _inner_full_name(words: list[str], full: Counter[str]) -> str | None:
    """'Crooked <Given> <Surname>' -> '<Given> <Surname>' when that full name is on the page and the
    extra first word is no one's given name there (an epithet, not a longer name)."""
    if len(words) < 3 or any(n.split()[0] == words[0] for n in full if n != " ".join(words)):
        return None
    tail = " ".join(words[1:])
    return tail if tail in full else None


def title_of(span: SpacySpan) -> str | None:
    """A role title attached to a person's name, before it or as an appositive after it. An
    abbreviated title of address before the name ('Sen. <Name>, chairman of the <Committee>'), or a
    lowercase one before a post of someone after it, gives way to the appositive: that one says more."""
    before = role_title_before(span)
    if before and span.start > 0 and is_title_abbreviation(span.doc[span.start - 1]):
        return role_title_after(span) or before
    if before and span.start > 0 and span.doc[span.start - 1].is_lower:
        # a descriptor written lowercase gives way to a post of someone or something after the name
        # ('the billionaire <Name>, a founder of <Company>')
        after = role_title_after(span)
        if after and " of " in after.lower():
            return after
    return before or role_title_after(span)


def detach_titled_surnames(cands: list[_Cand], canon: list[str], titles: list[str | None]) -> list[str]:
    """A bare surname titled before it keeps its own name when the page's full name with that surname
    never holds the title ('President <Surname>' on a page naming only the president's wife in full):
    which namesake it is gets decided across pages, by role. An apposition after it ('<Surname>, an
    influential activist,') goes on describing the page's person."""
    held: dict[str, set[str]] = {}
    for c, name, title in zip(cands, canon, titles):
        if title and len(_name_words(c.text)) >= 2:
            held.setdefault(name, set()).add(role_head(title))
    out = []
    for c, name, title in zip(cands, canon, titles):
        own = " ".join(_name_words(c.text))
        if (title and name != own and len(own.split()) == 1 and role_head(title) not in held.get(name, set())
                and role_title_before(c.span) == title):
            name = own
        out.append(name)
    return out


def build_mentions(cands: list[_Cand], doc_id: str) -> list[Mention]:
    titles = [title_of(c.span) if c.label == "PERSON" else None for c in cands]
    canon = detach_titled_surnames(cands, canonical_names(cands), titles)
    out = []
    for c, name, title in zip(cands, canon, titles):
        out.append(
            Mention(
                span=Span(doc_id, c.span.start_char, c.span.end_char),
                text=c.text,
                label=c.label,
                canonical=name,
                title=title,
                confidence=c.confidence,
                rule=c.rule,
            )
        )
    return out


# ------------------------------------------------------------------------------------------


def find_mentions(sdoc: Doc, doc_id: str, text: str | None = None) -> tuple[Mention, ...]:
    """All mentions of a parsed document: corrected named mentions, title-only mentions and
    speaking pronouns, in text order. ``text`` is ``sdoc.text`` when the caller has it (spaCy
    rebuilds that string on every access)."""
    text = sdoc.text if text is None else text
    cands = correct_by_document(correct_local(candidate_spans(sdoc)))
    cands = sorted(cands + missed_surnames(cands), key=lambda c: (c.span.start, c.span.end))
    named = build_mentions(cands, doc_id)
    extra = title_mentions(sdoc, named, doc_id, text) + pronoun_speakers(sdoc, named, doc_id, text)
    return tuple(sorted(named + extra, key=lambda m: (m.span.start, m.span.end)))
