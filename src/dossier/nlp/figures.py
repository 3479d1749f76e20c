"""Figures: numbers with their unit and what they measure ("17 percent of Russians").

spaCy finds MONEY / PERCENT / QUANTITY / CARDINAL entities but gives neither a value nor the thing
counted; no installed library turns "US$6 billion worth of credits" into (6e9, USD, "credits"), so the
value parser, the unit table and the walk over the dependency parse are written here. Years, dates,
ordinals, times, list numbers and numbers inside names are left out (the first four are other
entity labels; the last two are checked explicitly).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dossier.model import Figure, Span

FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})

_WORD_VALUES = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_WORD_VALUES.update({w: float(10 * (i + 2)) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_WORD_VALUES.update({"a": 1.0, "an": 1.0, "dozen": 12.0, "dozens": 24.0})
_SCALES = {
    "hundred": 1e2, "hundreds": 1e2, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
}
# Currency markers, longest first where one is a prefix of another ("US$" before "$").
_CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB", "₽": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
    "won": "KRW", "rupee": "INR", "rupees": "INR", "₹": "INR",
}
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


def _noun_phrase(noun: Token) -> SpacySpan:
    """The noun with its adjacent compound/adjective modifiers ("gas supplies", "economic aid")."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ in ("compound", "amod") and child.i == start - 1 and child.ent_type_ not in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY"):
            start = child.i
        else:
            break
    return noun.doc[start : noun.i + 1]


def _of_object(tok: Token) -> Token | None:
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return None


def measured_noun(ent: SpacySpan) -> SpacySpan | None:
    """What a figure measures: "of X" after it, "worth of X", or the noun it modifies."""
    doc = ent.doc
    last = doc[ent.end - 1]
    for tok in (last, ent.root):
        obj = _of_object(tok)
        if obj is not None:
            return _noun_phrase(obj)
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ == "worth":
        obj = _of_object(after)
        if obj is not None:
            return _noun_phrase(obj)
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN") and not (ent.start <= head.i < ent.end):
        if head.lower_ == "worth":
            obj = _of_object(head)
            return _noun_phrase(obj) if obj is not None else None
        return _noun_phrase(head)
    return None


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


def figure_of(ent: SpacySpan, doc_id: str, text: str) -> Figure | None:
    """One Figure from a numeric entity, or None when the entity is not a measured quantity.

    ``text`` is ``ent.doc.text``, passed in because spaCy rebuilds that string on every access.
    """
    if ent.label_ == "CARDINAL" and (_is_year(ent) or _is_list_number(ent) or _is_label_number(ent)):
        return None
    doc = ent.doc
    tokens = list(ent)
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
    about = measured_noun(ent)
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
        about=about.text if about is not None else None,
        about_span=Span(doc_id, about.start_char, about.end_char) if about is not None else None,
        confidence=confidence,
    )


def find_figures(sdoc: Doc, doc_id: str, text: str | None = None) -> list[Figure]:
    """Every measured number in a parsed document, in text order (``text``: ``sdoc.text`` if known)."""
    out = []
    text = sdoc.text if text is None else text
    for ent in sdoc.ents:
        if ent.label_ in FIGURE_LABELS:
            fig = figure_of(ent, doc_id, text)
            if fig is not None:
                out.append(fig)
    return out
