"""Time expressions: find and normalise them TIMEX3-style, relative to an anchor date.

Why hand-written rules: dateparser parses an isolated date string well, but it cannot anchor
relative phrases ("last November", "earlier this month", "late last week" -> None), it knows no
tense (a bare "Tuesday" is the previous Tuesday in a past-tense sentence and the next one after
"will"), and ``search_dates`` hallucinates dates in running text ("we", "the 90-minute" -> 1990).
So recognition and anchoring are regular expressions over the raw text (no spaCy: this runs
before NLP, to date pages), and dateparser is used only to read an explicit date string when our
own parse of it fails. Values follow TIMEX3: 2019-02-16, 2018-11, 1998-W06, 1989-Q3, 199 (the
1990s), PRESENT_REF, P70Y, PT90M; with no anchor a year-less date keeps an "XXXX" year.

This module holds the rule table and the recogniser (``find_times``, ``renormalize``); the word
tables, regular-expression pieces and anchor arithmetic are in ``timex_vocab``, the tense cues in
``timex_tense`` and the handler of each pattern family in ``timex_rules``. It sits in the ``date``
stage because dating a page uses it before any NLP runs.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Sequence
from typing import Any

from dossier.lang.en import MONTH_ABBREVIATIONS
from dossier.model import Span, TimeExpr
from dossier.date.timex_rules import (
    h_ago, h_century, h_clock, h_decade, h_decade_word, h_deictic_day, h_duration, h_each_named,
    h_end_of_year, h_fiscal, h_half, h_iso, h_md, h_mdy, h_month, h_my, h_noon, h_numeric, h_part_of_day,
    h_period_of_year, h_quarter, h_quarter_of_year, h_ref, h_relative_unit, h_season, h_set, h_spelled_year,
    h_the_unit_dispatch, h_this_year_word, h_vague, h_weekday, h_weekend, h_year, h_year_earlier,
)
from dossier.date.timex_tense import tense_at
from dossier.date.timex_vocab import (
    Anchor, DAY_RE, Handler, Hit, MONTH_RE, NUMBER_RE, parse_anchor, SPELLED_YEAR_RE, UNIT_RE, WEEKDAY_RE,
    YEAR_RE,
)

logger = logging.getLogger(__name__)

__all__ = ["Anchor", "find_times", "parse_anchor", "renormalize", "tense_at"]


# ---------------------------------------------------------------------------------------------
# vocabulary (generic English)
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# anchor arithmetic
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# tense: which way a relative expression points
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# result of one rule
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# handlers (one per pattern family)
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# the rule table: (name, pattern, handler); overlaps go to the longest match
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_PRE = r"(?:(?P<pre>in|since|until|by|through|during|of|from|before|after|on|early|late|mid|end of)[- ])?"
Rule = tuple[str, re.Pattern[str], Handler | None]  # (name, pattern, handler; None: see _HANDLERS)
_RULES: list[Rule] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), h_iso),
    ("numeric", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"), h_numeric),
    ("month_day_year", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE})(?:\s*-\s*{DAY_RE})?,?\s+(?P<y>{YEAR_RE})\b"), h_mdy),
    ("day_month_year", re.compile(rf"\b(?P<d>{DAY_RE})(?:\s*-\s*{DAY_RE})?\s+(?:of\s+)?(?P<mon>{MONTH_RE}),?\s+(?P<y>{YEAR_RE})\b"), h_mdy),
    ("month_year", re.compile(rf"\b(?:(?i:early|late|mid|the end of|the beginning of)[- ])?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE})\b"), h_my),
    ("month_day", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE})\b(?:\s*-\s*{DAY_RE}\b)?"), h_md),
    ("day_month", re.compile(rf"\b(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?!\w)"), h_md),
    ("month", re.compile(
        rf"(?:\b(?P<mod>(?i:this past|this coming|last|next|this|past|coming|early|late|mid|earlier in|later in|"
        rf"the end of|the beginning of|the middle of|the start of))[- ]|"
        rf"\b(?P<pre>(?i:in|since|until|by|through|during|from|before|after|of))\s+)?"
        rf"\b(?P<mon>{MONTH_RE})(?!\w)(?:\s+(?P<yrel>(?i:last|this|next) year))?"), h_month),
    ("decade", re.compile(r"\b(?i:the\s+)?(?:(?i:early|late|mid)[- ])?(?:(?P<full>1[0-9]\d0|20[0-9]0)['’]?s|['‘’](?P<short>\d0)s)\b"), h_decade),
    ("century", re.compile(r"\b(?i:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b"), h_century),
    ("end_of_year", re.compile(rf"\b(?i:the\s+(?:end|beginning|start|middle) of|early|late|mid)[- ](?P<y>{YEAR_RE})\b"), h_end_of_year),
    ("fiscal", re.compile(rf"\b(?i:fiscal(?:\s+year)?)\s+(?P<y>{YEAR_RE})\b"), h_fiscal),
    ("year", re.compile(rf"(?<![\d,.$£€#-])(?P<y>{YEAR_RE})(?!\d|[,.]\d|\s*(?:%|percent))(?!-(?:year|month|day|week))"), h_year),
    ("deictic_day", re.compile(r"\b(?i:(?:late |early |later |earlier )?(?:yesterday|today|tomorrow|tonight)|last night)\b"), h_deictic_day),
    ("ref", re.compile(r"\b(?i:(?:right )?now|currently|at present|nowadays|presently|(?:more |most |until |very )?recently|"
                       r"the past|the future|lately|these days|the near future|the near term|the short term|(?<!as )soon(?! after))\b(?![- ](?:\d|year|month|week|day|decade|centur|quarter|few|several|two|three|four|five|six|seven|eight|nine|ten))"), h_ref),
    ("part_of_day", re.compile(r"\b(?i:this|early this|late this|later this)\s+(?P<part>(?i:morning|afternoon|evening))\b"), h_part_of_day),
    ("weekday", re.compile(
        rf"\b(?:(?P<mod>(?i:last|next|this|past|coming))\s+|(?i:early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY_RE})(?:'s)?"
        rf"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"), h_weekday),
    ("relative_unit", re.compile(
        r"\b(?:(?i:earlier|later|early|late|the end of|the beginning of|the start of|the rest of|the middle of)\s+|"
        r"(?i:the)\s+(?=(?i:past|last|previous|following|next)\s))?"  # "the past year": TimeBank keeps "the"
        r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past|previous|following|current))\s+"
        r"(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|spring|summer|autumn|fall|winter))\b"
        r"(?!\s*'s\s+\w+\s+quarter)"), h_relative_unit),
    ("the_unit", re.compile(
        r"\b(?i:(?:the\s+)?(?:end|beginning|start|middle|rest) of the|the)\s+(?P<unit>(?i:year|month|week))\b"
        r"(?!\s*(?:-|ago|earlier|before|later|after|'s|\d))|(?P<ye>\b(?i:year-end|year end))"), None),
    ("ago", re.compile(
        rf"\b(?:(?i:about|nearly|almost|some|more than|over|just|only)\s+)?(?P<n>{NUMBER_RE}|(?i:several|few|many))"
        rf"[- ](?P<unit>(?i:{UNIT_RE})s?)\s+(?P<dir>(?i:ago|earlier|before|later|from now|hence))\b", _I), h_ago),
    ("quarter_of_year", re.compile(
        r"\b(?i:the\s+)?(?:(?i:comparable|corresponding|same)\s+)?"
        r"(?:(?P<y>(?:19|20)\d\d)|(?P<rel>(?i:this|last|next)) year's|(?i:year-ago|year-earlier|year ago|year earlier))\s+"
        r"(?:(?i:fiscal|calendar)[- ])?(?:(?P<ord>(?i:first|second|third|fourth))[- ])?(?i:quarter|period)(?!-)\b"
        r"|\b(?i:the\s+)(?:(?i:comparable|corresponding|same)\s+)?(?i:quarter|period)\s+(?:(?i:of\s+)?(?P<rel2>(?i:last)) year|(?i:a year (?:ago|earlier)))\b"), h_quarter_of_year),
    ("half", re.compile(
        r"\b(?i:the\s+)(?P<which>(?i:first|second|last|latter))\s+(?i:half)"
        r"(?:\s+(?i:of)\s+(?P<y>(?:19|20)\d\d|(?i:this|last|next) year|(?i:the year)))?(?!\s+(?:of\s+)?(?:the\s+)?'?\d0s)\b"), h_half),
    ("quarter", re.compile(
        r"\b(?i:the\s+)?(?:(?i:company's|fiscal|same)\s+)?(?:(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|"
        r"current|this|next|coming|following|year-earlier|year-ago|year earlier|year ago|recent))[- ])?"
        r"(?:(?i:fiscal|calendar)\s+)?(?i:quarter(?!ly)|(?<=latest )period|(?<=year-earlier )period|(?<=year-ago )period)(?:\s+(?i:of|in)\s+(?P<qy>\d{4}|(?i:this|last|next) year|fiscal \d{4}))?\b"), h_quarter),
    ("duration", re.compile(
        rf"\b(?:(?i:the\s+)?(?i:past|last|next|first|previous|coming|following|latest|final|recent)\s+|"
        rf"(?i:the)\s+(?=[^\s-]+\s))?"  # "the nine months" (TimeBank spans keep "the"), not "the 90-minute talks"
        rf"(?:(?i:about|nearly|almost|more than|over|at least|up to|some|another)\s+)?"
        rf"(?P<n>{NUMBER_RE})[- ](?P<unit>(?i:{UNIT_RE})s?)\b(?:[- ](?i:long))?(?![- ]old)", _I), h_duration),
    ("vague_duration", re.compile(
        r"\b(?:(?i:the\s+)?(?i:past|last|recent|coming|next)\s+)?(?P<n>)(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours))\b"
        r"(?!\s*(?:ago|earlier|later|old))"), None),
    ("set", re.compile(
        rf"\b(?:(?i:every|each|per)\s+(?:(?P<n>{NUMBER_RE})\s+)?(?P<unit>(?i:{UNIT_RE}))s?|"
        r"(?i:once|twice|three times) (?i:a|per|every) (?P<u2>(?i:day|week|month|year)))\b"), h_set),
    ("year_earlier", re.compile(r"\b(?i:year-earlier|year-ago|year earlier)\b"), h_year_earlier),
    ("spelled_year", re.compile(r"\b(?P<c>(?i:nineteen|eighteen))[- ](?P<rest>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b"), h_spelled_year),
    ("weekend", re.compile(r"\b(?i:the|this) (?i:weekend)\b"), h_weekend),
    ("this_year_word", re.compile(r"\b(?i:the (?:current |full |latest |)(?:fiscal |calendar )?year(?=\s*(?:'s|,|\.|\bto\b|\bended\b|\bending\b))|year's end)"), h_this_year_word),
    ("period_of_year", re.compile(
        rf"\b(?:(?i:the)\s+)?(?:(?i:early|late|mid)[- ])?(?:(?P<season>(?i:summer|winter|spring|autumn|fall))\s+(?i:of)|(?P<mon>{MONTH_RE})(?:\s+(?i:of))?)"
        rf"\s+(?:(?P<y>{YEAR_RE})\b|(?P<sy>(?i:{SPELLED_YEAR_RE}))\b)"), h_period_of_year),
    ("decade_word", re.compile(r"\b(?i:the)\s+(?:(?i:early|late|mid)[- ])?(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"), h_decade_word),
    ("each_named", re.compile(rf"\b(?i:each|every)\s+(?:(?P<mon>{MONTH_RE})|(?P<wd>{WEEKDAY_RE}))(?!\w)"), h_each_named),
    ("season", re.compile(r"\b(?:(?i:the|this)\s+)?(?:(?i:early|late|mid)[- ])?(?P<unit>(?i:summer|winter|spring|autumn))\b"), h_season),
    ("clock", re.compile(r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ampm>[ap]\.m\.|[AP]M\b|[ap]m\b)", _I), h_clock),
    ("noon", re.compile(r"\b(?i:noon|midnight)\b"), h_noon),
]  # fmt: skip


_HANDLERS: dict[str, Handler] = {"the_unit": h_the_unit_dispatch, "vague_duration": h_vague}
_PRIORITY = {name: i for i, (name, _, _) in enumerate(_RULES)}


# Speed only: words one of which a rule's match must contain (lower case; checked in the lower-cased
# text), or a case-sensitive pattern that must occur in the text. A rule whose needs are absent
# from a text cannot match there and is not run. Rules left out are run on every text.
_MONTH_WORDS = MONTH_ABBREVIATIONS
_ANY_MONTH = re.compile(MONTH_RE)
_NEEDS: dict[str, tuple[str, ...] | re.Pattern[str]] = {
    "iso": ("-",), "numeric": ("/",),
    "month_day_year": _ANY_MONTH, "day_month_year": _ANY_MONTH, "month_year": _ANY_MONTH,
    "month_day": _ANY_MONTH, "day_month": _ANY_MONTH, "month": _ANY_MONTH,
    "weekday": re.compile(WEEKDAY_RE),
    "decade": ("0s", "0's", "0’s"), "century": ("century",), "fiscal": ("fiscal",),
    "deictic_day": ("yesterday", "today", "tomorrow", "tonight", "last night"),
    "part_of_day": ("morning", "afternoon", "evening"),
    "ago": ("ago", "earlier", "before", "later", "from now", "hence"),
    "quarter_of_year": ("quarter", "period"), "quarter": ("quarter", "period"), "half": ("half",),
    "set": ("every", "each", "per", "once", "twice", "three times"),
    "year_earlier": ("year-earlier", "year-ago", "year earlier"), "spelled_year": ("nineteen", "eighteen"),
    "weekend": ("weekend",),
    "period_of_year": ("summer", "winter", "spring", "autumn", "fall", *_MONTH_WORDS),
    "decade_word": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    "each_named": ("each", "every"), "season": ("summer", "winter", "spring", "autumn"),
    "noon": ("noon", "midnight"), "clock": ("a.m.", "p.m.", "am", "pm"),
}  # fmt: skip
# Letters that IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
# (dotted/dotless i, long s, Kelvin sign): with one of them in the text the word check is skipped.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def _runnable_rules(text: str) -> list[Rule]:
    """The rules that can match somewhere in ``text`` (a cheap necessary-condition check)."""
    if any(ch in text for ch in _FOLD_ODD):
        return _RULES
    low = text.lower()
    out: list[Rule] = []
    for rule in _RULES:
        need = _NEEDS.get(rule[0])
        if need is None or (need.search(text) is not None if isinstance(need, re.Pattern) else any(w in low for w in need)):
            out.append(rule)
    return out


@functools.lru_cache(maxsize=64)
def _matches(text: str) -> tuple[tuple[str, Any, tuple[re.Match[str], ...]], ...]:
    """Every rule's matches in ``text``, kept for the next call on the same text: a page is read
    for its own date (no anchor) and then for its time expressions (the page's date as anchor), and
    the patterns, not the handlers, are most of the cost. The map dates a whole batch of pages
    (``map_batch``, 8) and its short date lines before it annotates any, so the cache holds several
    batches' texts (with 4 entries every page was scanned twice: ~3 ms a page)."""
    return tuple((name, handler, tuple(m for m in pattern.finditer(text) if m.end() > m.start()))
                 for name, pattern, handler in _runnable_rules(text))


def _candidates(text: str, anc: Anchor) -> list[tuple[int, int, str, Hit]]:
    out = []
    for name, handler, found in _matches(text):
        fn = handler or _HANDLERS[name]
        for m in found:
            hit = fn(m, text, anc)
            start, end = _strip_span(text, m.start(), m.end())
            if hit is not None and end > start:
                out.append((start, end, name, hit))
    return out


def _select(cands: list[tuple[int, int, str, Hit]]) -> list[tuple[int, int, str, Hit]]:
    """Non-overlapping matches, longest first (then the more specific rule), in text order."""
    chosen: list[tuple[int, int, str, Hit]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0])):
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _merge_clock_dates(chosen: list[tuple[int, int, str, Hit]], text: str) -> list[tuple[int, int, str, Hit]]:
    """"10 p.m. Wednesday", "noon Thursday": one TIME on the named day, as TIMEX3 marks it;
    "Friday, Oct. 13": one DATE with the explicit date's value."""
    out: list[tuple[int, int, str, Hit]] = []
    for c in chosen:
        if out and out[-1][2] == "weekday" and c[2] in ("month_day", "month_day_year", "day_month", "day_month_year") \
                and re.fullmatch(r",?\s", text[out[-1][1] : c[0]]):  # fmt: skip
            prev = out.pop()  # "Friday Oct. 13", "Saturday, April 25": one date, the explicit one
            out.append((prev[0], c[1], c[2], c[3]))
            continue
        if out and out[-1][2] in ("clock", "noon") and c[2] in ("weekday", "month_day", "month_day_year") \
                and re.fullmatch(r"\s*(?:[A-Z]{3}\s*)?,?\s*", text[out[-1][1] : c[0]]):  # fmt: skip
            prev = out.pop()
            clock = prev[3].value[10:] if prev[3].value else ""
            value = (c[3].value + clock) if c[3].value and len(c[3].value) == 10 and clock else None
            out.append((prev[0], c[1], prev[2], Hit(value, type="TIME", granularity="time")))
            continue
        out.append(c)
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing "'s" or punctuation and leading prepositions the patterns may include."""
    s = text[start:end]
    m = re.match(r"(?i)(?:in|since|until|by|through|during|from|before|after|of|on)\s+", s)
    if m and not re.match(r"(?i)(?:in|on) the", s):
        start += m.end()
    s = text[start:end]
    if s.endswith("'s"):
        end -= 2
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def find_times(text: str, anchor: str | None, doc_id: str = "") -> list[TimeExpr]:
    """All time expressions in ``text``, normalised against ``anchor`` (ISO date or None)."""
    anc = parse_anchor(anchor)
    out = []
    for start, end, rule, hit in _merge_clock_dates(_select(_candidates(text, anc)), text):
        value = hit.value
        if value is None and rule in ("iso", "numeric", "month_day_year", "day_month_year"):
            value = _dateparser_fallback(text[start:end])
        out.append(
            TimeExpr(
                span=Span(doc_id, start, end),
                text=text[start:end],
                value=value,
                type=hit.type,  # type: ignore[arg-type]
                granularity=hit.granularity,
                anchor=anchor,
                confidence=hit.confidence if value is not None else min(hit.confidence, 0.3),
                rule=rule,
            )
        )
    return out


def _dateparser_fallback(s: str) -> str | None:
    """An explicit date string our patterns matched but could not read: let dateparser try."""
    import dateparser  # imported lazily: it costs ~0.5 s and is rarely needed

    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def renormalize(times: Sequence[TimeExpr], text: str, anchor: str | None) -> list[TimeExpr]:
    """Re-resolve ``times`` against a new document date (after re-dating a page).

    Spans are kept; values, anchor and confidence are recomputed by the same rules, so explicit
    dates stay as they were and relative ones ("last November") move with the anchor.
    """
    if not times:
        return []
    anc = parse_anchor(anchor)
    found = {(t.span.start, t.span.end): t for t in find_times(text, anchor)}
    fresh = {(s, e): (rule, hit) for s, e, rule, hit in _candidates(text, anc)}
    out = []
    for t in times:
        same = found.get((t.span.start, t.span.end))
        if same is not None and same.rule == t.rule:  # merged spans ("10 p.m. Wednesday") too
            out.append(dataclasses.replace(t, value=same.value, anchor=anchor, granularity=same.granularity,
                                           confidence=same.confidence))  # fmt: skip
            continue
        got = fresh.get((t.span.start, t.span.end))
        if got is None or got[0] != t.rule:
            got = next(((r, h) for (s, e), (r, h) in fresh.items()
                        if r == t.rule and s <= t.span.start and t.span.end <= e), None)  # fmt: skip
        if got is None:
            out.append(dataclasses.replace(t, anchor=anchor))
            continue
        hit = got[1]
        out.append(dataclasses.replace(t, value=hit.value, anchor=anchor, granularity=hit.granularity,
                                       confidence=hit.confidence if hit.value else min(hit.confidence, 0.3)))
    return out
