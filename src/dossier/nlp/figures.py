"""Figures: numbers with their unit and what they measure ("17 percent of Russians").

spaCy finds MONEY / PERCENT / QUANTITY / CARDINAL entities but gives neither a value nor the thing
counted; no installed library turns "US$6 billion worth of credits" into (6e9, USD, "credits"), so the
value parser, the unit table and the walk over the dependency parse are written here. Years, dates,
ordinals, times, list numbers and numbers inside names are left out (the first four are other
entity labels; the last two are checked explicitly).

``about`` (what is measured) and ``qualifiers`` (the words of the figure's own clause that say
when and how it holds: "will", "now", "in February") come from the dependency parse, so the
corpus step can tell one fact reported twice from a plan, a revision or a series.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.lang.en import CURRENCY_MARKERS, NUMBER_SCALES, NUMBER_WORDS
from dossier.model import Figure, Span

logger = logging.getLogger(__name__)

FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

# Number words, scales and currency markers: shared with resolution (lang/en.py), which keys money
# amounts by value.
_WORD_VALUES = NUMBER_WORDS
_SCALES = NUMBER_SCALES
_CURRENCIES = CURRENCY_MARKERS
_UNITS = {
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
    "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "mile": "miles", "miles": "miles", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "cubic meters": "cubic metres", "cubic metres": "cubic metres", "cubic meter": "cubic metres",
    "cubic metre": "cubic metres", "bcm": "cubic metres",
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2", "km2": "km2",
    "square miles": "square miles", "hectares": "ha", "hectare": "ha", "acres": "acres",
    "ton": "tonnes", "tons": "tonnes", "tonne": "tonnes", "tonnes": "tonnes",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg",
    "mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "kw": "kW", "kilowatts": "kW",
    "kwh": "kWh", "barrels": "barrels", "barrel": "barrels",
    "people": "people", "persons": "people",
}
# Nouns whose count is a count of people ("3,000 Russians", "200 residents").
PEOPLE_NOUNS = frozenset(
    """people persons residents inhabitants citizens nationals soldiers troops servicemen workers
    voters refugees islanders children adults students members employees officials protesters
    demonstrators civilians tourists visitors migrants villagers passengers fishermen activists
    nationalists supporters opponents victims casualties patients deaths""".split()
)
# Words before a number that make it a label, not a quantity ("No. 5", "Article 9").
_LABEL_WORDS = frozenset(
    "no no. number # article chapter section page paragraph flight route grade level volume vol vol. issue".split()
)
_NUMERIC = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
_NUMERIC_SUFFIX = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)(bn|mn|m|k|tn)$", re.IGNORECASE)


def parse_number(tokens: list[Token]) -> float | None:
    """Value of number words and digits ("3,000", "2.3", "6 billion", "twenty-five", "a million")."""
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        low = tok.lower_.replace(",", "") if _NUMERIC.match(tok.lower_) else tok.lower_
        m = _NUMERIC_SUFFIX.match(low)
        if m:
            current += float(m.group(1).replace(",", "")) * _SCALES[m.group(2).lower()]
            seen = True
        elif _NUMERIC.match(low):
            current += float(low)
            seen = True
        elif "-" in low and all(p in _WORD_VALUES for p in low.split("-")):
            current += sum(_WORD_VALUES[p] for p in low.split("-"))
            seen = True
        elif low in _WORD_VALUES and low not in ("a", "an"):
            current += _WORD_VALUES[low]
            seen = True
        elif low in ("a", "an"):
            current = current or 1.0
        elif low in _SCALES and (seen or current):
            if _SCALES[low] >= 1e3:
                total += (current or 1.0) * _SCALES[low]
                current = 0.0
            else:
                current = (current or 1.0) * _SCALES[low]
            seen = True
    return total + current if seen else None


def currency_of(tokens: list[Token]) -> str | None:
    """ISO code of the first currency marker among the tokens ("US$" -> USD, "yen" -> JPY)."""
    for tok in tokens:
        low = tok.lower_
        if low in _CURRENCIES:
            return _CURRENCIES[low]
        for marker in ("us$", "hk$", "a$", "c$", "s$", "$", "€", "£", "¥", "₽", "₹"):
            if low.startswith(marker) or low.endswith(marker):
                return _CURRENCIES[marker]
    return None


def unit_of(tokens: list[Token]) -> str | None:
    """Normalised unit named by the tokens (two-word units first: "cubic metres", "per cent")."""
    lows = [t.lower_ for t in tokens]
    for a, b in zip(lows, lows[1:]):
        if f"{a} {b}" in _UNITS:
            return _UNITS[f"{a} {b}"]
    for low in lows:
        if low in _UNITS:
            return _UNITS[low]
        if low.endswith("%"):
            return "percent"
    return None


_FIGURE_ENTS = ("MONEY", "CARDINAL", "PERCENT", "QUANTITY")
# Verbs whose subject is the thing a figure measures ("the reservoir will hold 74 bcm"), by base
# form; no lemmatizer runs in the pipeline, so inflections are folded by ``_verb_base``.
MEASURING_VERBS = frozenset(
    """hold store cost produce generate reach rise fall total number have carry deliver contain
    employ earn weigh measure supply provide export import consume spend pump release receive
    draw get output yield exceed top climb drop grow shrink hit count stand amount cover span
    house seat accommodate trim cut raise lower reduce increase revise expand boost""".split()
)
_IRREGULAR = {
    "held": "hold", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "has": "have",
    "had": "have", "grew": "grow", "grown": "grow", "shrank": "shrink", "shrunk": "shrink", "got": "get",
    "gotten": "get", "drew": "draw", "drawn": "draw", "spent": "spend", "stood": "stand", "dropped": "drop",
    "topped": "top", "hit": "hit", "cost": "cost", "costs": "cost", "costing": "cost", "put": "put",
}
# A measuring verb's own noun, used when its subject is a pronoun ("it will cost $5 bn" -> cost).
_VERB_NOUNS = {"cost": "cost", "weigh": "weight", "earn": "earnings", "spend": "spending", "employ": "staff"}
# Nouns too light to say what is measured: they hand over to the clause ("reached the target of X").
_LIGHT_NOUNS = frozenset(
    "target total figure level amount sum mark record peak estimate value number quantity volume tally".split()
)
# Heads of "the first of its turbines": the thing is the "of" object, kept with the word.
_PART_WORDS = frozenset(
    """first second third fourth fifth last final one each some most many all part half rest
    majority remainder""".split()
)
_SINGULAR_PARTS = frozenset("first second third fourth fifth last final one each".split())
_MAX_ABOUT_WORDS = 5
_RELATIVE = frozenset("which that who whom".split())


def _verb_base(tok: Token) -> str:
    """Base form of an inflected verb, by rule ("generating" -> "generate", "holds" -> "hold")."""
    low = tok.lower_
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if low.endswith(suffix):
            return low[: -len(suffix)] + repl
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # "dropped" -> "drop", but "called" stays "call"
            if stem in MEASURING_VERBS:
                return stem
            if stem + "e" in MEASURING_VERBS:
                return stem + "e"
            return stem
    return low


def singular(word: str) -> str:
    """A plural noun folded to its singular by rule, for comparing "turbines" with "turbine"."""
    low = word.lower()
    if len(low) > 4 and low.endswith("ies"):
        return word[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


def _noun_phrase(noun: Token) -> SpacySpan:
    """The noun with its adjacent compound/adjective modifiers ("gas supplies", "economic aid")."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ in ("compound", "amod") and child.i == start - 1 and child.ent_type_ not in _FIGURE_ENTS:
            start = child.i
        else:
            break
    doc = noun.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2  # "Russian-Japanese trade": the tokenizer splits the hyphenated modifier
    start = max(start, noun.i - _MAX_ABOUT_WORDS + 1)
    return noun.doc[start : noun.i + 1]


def _of_object(tok: Token) -> Token | None:
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return None


def _content_noun(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and tok.ent_type_ not in _FIGURE_ENTS + ("DATE", "TIME")


def _thing(noun: Token) -> tuple[str, SpacySpan] | None:
    """What a noun names, short: "the first of its turbines" -> ("first turbine", span)."""
    if noun.lower_ in _LIGHT_NOUNS:  # "the number of Russian visitors" -> "Russian visitors"
        obj = _of_object(noun)
        return _thing(obj) if obj is not None and obj.lower_ not in _LIGHT_NOUNS else None
    if noun.pos_ == "PRON":
        return None
    if noun.lower_ in _PART_WORDS:
        obj = _of_object(noun)
        if obj is None or obj.pos_ == "PRON":
            return None
        phrase = _noun_phrase(obj)
        words = [t.text for t in phrase]
        if noun.lower_ in _SINGULAR_PARTS:
            words[-1] = singular(words[-1])
        start = min(noun.i, phrase.start)
        return " ".join([noun.lower_, *words][:_MAX_ABOUT_WORDS]), noun.doc[start : phrase.end]
    if not _content_noun(noun):
        return None
    phrase = _noun_phrase(noun)
    return phrase.text, phrase


def _verb_of(tok: Token) -> Token | None:
    """The verb a figure's token hangs from: "generating" in "is generating 375 MW"."""
    for _ in range(4):
        if tok.dep_ in ("dobj", "attr", "oprd", "npadvmod", "nsubjpass", "dative"):
            return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            return tok.head.head
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        return None
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, looking up through xcomp/conj ("began generating", "and is designed")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head  # "the reservoir, which will hold 74 bcm"
                return child
        if verb.dep_ in ("xcomp", "conj", "ccomp") and verb.head.i != verb.i:
            if verb.dep_ == "ccomp":
                return None  # "X expects it to ..." has its own subject; "it" was not found
            verb = verb.head
            continue
        return None
    return None


def measured(ent: SpacySpan) -> tuple[str, SpacySpan] | None:
    """What a figure measures, as (short noun phrase, its span in the text), from the parse.

    In order: "N percent of X" (a share is of its whole); the noun the number counts ("16
    turbines"); the subject of a measuring verb ("the reservoir will hold 74 bcm", "the first of
    its turbines began generating 750 MW"); "put X at <figure>" (X); "a capacity of <figure>"
    (unless the noun is light: "the target of X" hands over to the clause); "<figure> of X",
    "worth of X", "<money> in X"; "<percent> complete" -> the subject; a measuring verb's own noun
    ("it has cost $5 bn" -> cost). None when nothing fits.
    """
    doc = ent.doc
    root, last = ent.root, doc[ent.end - 1]
    after = doc[ent.end] if ent.end < len(doc) else None
    of_obj = _of_object(last) or _of_object(root)
    if ent.label_ == "PERCENT" and of_obj is not None and (found := _thing(of_obj)):
        return found
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") and not (ent.start <= head.i < ent.end):
        if head.lower_ == "worth":
            obj = _of_object(head)
            return _thing(obj) if obj is not None else None
        if (found := _thing(head)) is not None:
            return found
    verb = _verb_of(root)
    if verb is not None:
        base = _verb_base(verb)
        if root.dep_ == "pobj" and root.head.lower_ in ("at", "to", "by"):
            for child in verb.children:  # "put its cost at $5 bn", "raise trade by 50 percent"
                if child.dep_ in ("dobj", "nsubjpass") and (found := _thing(child)):
                    return found
        if base in MEASURING_VERBS:
            subj = _subject_of(verb)  # a person is not a measure ("O'Malley had raised $3m")
            if subj is not None and subj.ent_type_ != "PERSON" and (found := _thing(subj)):
                noun = _VERB_NOUNS.get(base)  # "the project will cost $4.8 bn" -> "project cost"
                if noun and len(found[0].split()) < _MAX_ABOUT_WORDS and found[0].split()[-1].lower() != noun:
                    return f"{found[0]} {noun}", found[1]
                return found
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        owner = root.head.head
        if owner.lower_ not in _LIGHT_NOUNS and (found := _thing(owner)):
            return found
        owner_verb = _verb_of(owner)
        subj = _subject_of(owner_verb) if owner_verb is not None else None
        if subj is not None and (found := _thing(subj)):
            return found
    if of_obj is not None and (found := _thing(of_obj)):
        return found
    if after is not None and after.lower_ == "worth":
        obj = _of_object(after)
        if obj is not None and (found := _thing(obj)):
            return found
    if ent.label_ == "MONEY":
        for tok in (root, last):
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ == "in":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and (found := _thing(obj)):
                        return found
    if root.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        subj = _subject_of(head.head)  # "the dam is 70 percent complete"
        if subj is not None and (found := _thing(subj)):
            return found
    if verb is not None and (noun := _VERB_NOUNS.get(_verb_base(verb))):
        return noun, doc[verb.i : verb.i + 1]
    return None


def measured_noun(ent: SpacySpan) -> SpacySpan | None:
    """The text span of what a figure measures (see ``measured``)."""
    found = measured(ent)
    return found[1] if found else None


def _clause_verbs(ent: SpacySpan) -> list[Token]:
    """The verb chain a figure belongs to, nearest first ("generating", "began")."""
    tok = ent.root
    for _ in range(6):  # climb through nouns and prepositions to the first verb
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    chain = [tok]
    while tok.dep_ in ("xcomp", "conj", "ccomp", "advcl") and tok.head.i != tok.i and len(chain) < 3:
        if tok.dep_ == "advcl" and tok.head.pos_ not in ("VERB", "AUX"):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _time_children(verb: Token) -> list[SpacySpan]:
    """Time adjuncts of a verb: "in February last year", "on Sunday", "now", "last April"."""
    out = []
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "from the previous year" is the baseline of a comparison, not when the figure holds
            if obj is not None and obj.ent_type_ in ("DATE", "TIME") and child.lower_ not in ("from", "than"):
                out.append(doc[child.i : obj.right_edge.i + 1])
        elif child.dep_ in ("npadvmod", "advmod", "tmod") and child.ent_type_ in ("DATE", "TIME"):
            out.append(doc[child.left_edge.i : child.right_edge.i + 1])
    return out


def qualifiers_of(ent: SpacySpan) -> list[SpacySpan]:
    """Words of the figure's own clause that say when and how it holds, for telling a plan
    ("will produce"), a change ("rose to", "now put at") and a date ("in February") apart.

    Time adjuncts come first, nearest verb first; then each verb of the chain with its auxiliaries,
    negation, particles, adverbs and subject head ("Plans once called for").
    """
    chain = _clause_verbs(ent)
    doc = ent.doc
    times = [span for verb in chain for span in _time_children(verb)]
    words: list[SpacySpan] = []
    for verb in chain:
        words.append(doc[verb.i : verb.i + 1])
        for child in verb.children:
            if child.dep_ in ("aux", "auxpass", "neg", "prt", "advmod", "nsubj", "nsubjpass", "mark") and not (ent.start <= child.i < ent.end):
                words.append(doc[child.i : child.i + 1])
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "to":  # "from 6,000 to 5,150": a change
        for sib in root.head.head.children:
            if sib.dep_ == "prep" and sib.lower_ == "from":
                words.append(doc[sib.i : sib.i + 1])
                words.append(doc[root.head.i : root.head.i + 1])
    return times + words


def _is_year(ent: SpacySpan) -> bool:
    return len(ent) == 1 and bool(re.fullmatch(r"(1[5-9]|20)\d\d", ent.text))


def _is_list_number(ent: SpacySpan) -> bool:
    doc = ent.doc
    at_line_start = ent.start == 0 or "\n" in doc[ent.start - 1].text or doc[ent.start - 1].is_space
    return at_line_start and ent.end < len(doc) and doc[ent.end].text in (".", ")")


def _is_label_number(ent: SpacySpan) -> bool:
    """ "No. 5", "Article 9", "Volume: 6"."""
    doc = ent.doc
    i = ent.start - 1
    if i > 0 and doc[i].text == ":":
        i -= 1
    return i >= 0 and doc[i].lower_ in _LABEL_WORDS


def _spelled_small(ent: SpacySpan, value: float) -> bool:
    """ "two", "four": too often "the two countries" to count as a figure on their own."""
    return value < 10 and not any(t.is_digit or t.like_num and any(c.isdigit() for c in t.text) for t in ent)


# Words joining the two ends of a range or the two sides of a comparison inside one entity
# ("46 percent to 41 percent", "between 5 and 6 million", "3-4", "30 vs 2.2").
_RANGE_JOINS = frozenset("to and or versus vs vs. through - – —".split())


def range_parts(ent: SpacySpan) -> list[SpacySpan]:
    """The entity split at a range or comparison word when numbers stand on both sides.

    spaCy tags "46 percent to 41 percent" as one PERCENT entity; read as one number it would be
    87 (the parser adds the digits up), so each side becomes its own figure.
    """
    doc = ent.doc
    numeric = [t.i for t in ent if t.like_num or any(c.isdigit() for c in t.text)]
    for tok in ent:
        if tok.lower_ in _RANGE_JOINS and any(i < tok.i for i in numeric) and any(i > tok.i for i in numeric):
            left = SpacySpan(doc, ent.start, tok.i, label=ent.label_)
            right = SpacySpan(doc, tok.i + 1, ent.end, label=ent.label_)
            if left[0].lower_ in ("between", "from") and len(left) > 1:
                left = SpacySpan(doc, ent.start + 1, tok.i, label=ent.label_)
            return [left, *range_parts(right)]
    return [ent]


def _borrowed(tokens: list[Token], other: SpacySpan | None) -> list[Token]:
    """The scale and unit words of the range's other end when this end has none ("5 to 6 million")."""
    if other is None:
        return tokens
    lows = {t.lower_ for t in tokens}
    numbers = [t.i for t in other if (t.like_num and t.lower_ not in _SCALES) or any(c.isdigit() for c in t.text)]
    tail = [t for t in other if numbers and t.i > numbers[-1]]
    extra = [t for t in tail if t.lower_ in _SCALES and not lows & _SCALES.keys()]
    extra += [t for t in tail if unit_of([t]) and unit_of(tokens) is None]
    return tokens + extra


def figure_of(ent: SpacySpan, doc_id: str, text: str, other_end: SpacySpan | None = None) -> Figure | None:
    """One Figure from a numeric entity, or None when the entity is not a measured quantity.

    ``text`` is ``ent.doc.text``, passed in because spaCy rebuilds that string on every access;
    ``other_end`` is the far end of a range this entity starts (its scale and unit are shared).
    """
    if ent.label_ == "CARDINAL" and (_is_year(ent) or _is_list_number(ent) or _is_label_number(ent)):
        return None
    doc = ent.doc
    tokens = _borrowed(list(ent), other_end)
    value = parse_number(tokens)
    if value is None:
        return None
    after = [doc[ent.end]] if ent.end < len(doc) else []
    after2 = list(doc[ent.end : ent.end + 2])
    unit = (currency_of(tokens) if ent.label_ == "MONEY" else None) or unit_of(tokens) or unit_of(after2) or (
        currency_of(after) if after and after[0].lower_ in _CURRENCIES else None
    )
    if ent.label_ == "PERCENT" and unit is None:
        unit = "percent"
    if unit is None and _spelled_small(ent, value):
        return None
    found = measured(ent)
    about = found[1] if found else None
    if about is not None and unit is None:
        root = about.root
        if root.lower_ in PEOPLE_NOUNS or root.ent_type_ == "NORP":
            unit = "people"
    end = ent.end_char
    if after and unit is not None and unit_of(after) == unit and ent.label_ == "CARDINAL":
        end = after[0].idx + len(after[0].text)
    if unit is None and about is None:  # a bare number says nothing an analyst can check
        return None
    confidence = 0.9 if unit and about is not None else 0.75
    return Figure(
        span=Span(doc_id, ent.start_char, end),
        text=text[ent.start_char : end],
        value=value,
        unit=unit,
        about=found[0] if found else None,
        about_span=Span(doc_id, about.start_char, about.end_char) if about is not None else None,
        confidence=confidence,
        qualifiers=tuple(Span(doc_id, q.start_char, q.end_char) for q in qualifiers_of(ent)),
    )


def find_figures(sdoc: Doc, doc_id: str, text: str | None = None) -> list[Figure]:
    """Every measured number in a parsed document, in text order (``text``: ``sdoc.text`` if known)."""
    out = []
    text = sdoc.text if text is None else text
    for ent in sdoc.ents:
        if ent.label_ not in FIGURE_LABELS:
            continue
        parts = range_parts(ent)
        for k, part in enumerate(parts):
            fig = figure_of(part, doc_id, text, parts[k + 1] if k + 1 < len(parts) else None)
            if fig is not None:
                out.append(fig)
    return out
