"""Flat-text cleaning: tell article paragraphs from page furniture in text scraped without markup.

No library does this (trafilatura passes flat text through; jusText keeps paywall blocks), so it is
hand-written, in the spirit of jusText: each block gets a class from generic shape signals (length,
sentence shape, stopword ratio, capitalised words, reader address, link/icon labels, price shape,
lines repeated within the page or across pages), then the article is the contiguous run of blocks
with the highest score (a maximum-sum segment), which throws away leading and trailing furniture
runs even when they contain sentence-like lines. Nothing here names a site or a story.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.lang.en import FUNCTION_WORDS
from dossier.clean.meta import BYLINE, CJK, bare_name, date_line, header_bylines, labelled_date_line, strong_byline

logger = logging.getLogger(__name__)

STOPWORDS = FUNCTION_WORDS  # generic English function words (the jusText idea: prose is dense in them, menus are not)
# Web furniture vocabulary: generic calls to action and page-UI words, no site names.
CTA = re.compile(
    r"\b(click here|tap here|subscribe|sign up|sign in|log ?in|cookies?|javascript|browser|"
    r"all rights reserved|privacy policy|terms of (use|service)|newsletter|skip(ping)? to|main menu|"
    r"skipping the main|social media|follow us|read more|find out more|learn more|see all|"
    r"unlimited access|free trial|free articles?|sponsored content|advertisement|accessibility|"
    r"please wait|media source|share this|related (stories|articles)|most (read|popular)|"
    r"comments? \(\d+\)|back to top|next article|previous article|view comments|"
    r"listen to (?:this|the) (?:article|story)|\d+\s*(?:min|mins|minutes?)\s+(?:read|listen)|reading time)\b",
    re.I,
)
# The part of CTA no reported sentence says: site boilerplate and reading-UI phrases. The rest ("browser",
# "cookies", "social media", "most popular", "subscribe") can be what a story is about (``reported_prose``).
BOILERPLATE = re.compile(
    r"\b(click here|tap here|all rights reserved|privacy policy|terms of (use|service)|skip(ping)? to|"
    r"main menu|back to top|next article|previous article|view comments|comments? \(\d+\)|unlimited access|"
    r"free trial|listen to (?:this|the) (?:article|story)|\d+\s*(?:min|mins|minutes?)\s+(?:read|listen)|"
    r"reading time|may not be (?:published|reproduced|redistributed))\b",
    re.I,
)
LABEL = re.compile(
    r"^(WATCH|READ|LISTEN|VIDEO|VIDEOS|PHOTO|PHOTOS|AUDIO|GALLERY|RELATED|MORE|ALSO READ|SEE ALSO|"
    r"ADVERTISEMENT|SPONSORED|PODCAST)\s*:",
)
FIELD = re.compile(r"(^|\s)[A-Z][A-Za-z]{2,15}( [A-Z][a-z]+)?:(\s|$)")
PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(USD|EUR|GBP)\b|\d+[.,]\d\d\s?[$€£]")
PERIOD = re.compile(r"\b(month|months|monthly|year|yearly|week|weeks|trial|free|offer|subscri\w*)\b", re.I)
CAMEL = re.compile(r"[a-z][A-Z]")
CREDIT_END = re.compile(r"\((?:[A-Z][\w./&'-]*(?:\s+[A-Z][\w./&'-]*){0,3}|[A-Z]{2,6}(?:/[A-Z]+)?)\)\s*$")
DIRECTION = re.compile(r"\((left|right|center|centre|top|bottom|L|R|C)\)|, (left|right|center|centre),", re.I)
TERMINAL = re.compile(r"[.?!…。！？][\"'”’)\]」』]*\s*$|[\"”’」』]\s*$")  # Latin and CJK sentence ends
# A capital of any cased script (Latin, Cyrillic, Greek), a digit, or a letter of a script without case
# (CJK, Arabic, Hebrew), after at most one opening quote or bracket.
OPENING = re.compile(r"^[\"'“‘(\[«„「『]?\s?(?:\d|[^\W\d_])")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")
UNCLOSED = re.compile(r"[\"“«][^\"”»]*$")
READER = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
SITE_VOICE = re.compile(r"\b(we|us|our|ours)\b", re.I)
BIO = re.compile(
    r"^(?:[A-Z][\w.'-]+\s+){1,3}[A-Z][\w.'-]+\s+(?:is|was|has been|has|covers|writes|reports)\b"
    r"(?:\s+\S+){0,12}?\s+(?:journalist|reporter|correspondent|editor|writer|columnist|contributor|"
    r"photographer|producer|analyst|fellow|author|freelancer|bureau chief)\b"
)
WORD = re.compile(r"[^\W\d_][\w'’-]*")  # letters of any script: Cyrillic, Greek, Arabic pages have words too


@dataclass(frozen=True)
class Block:
    """One candidate paragraph: a line, or hard-wrapped lines joined back."""

    text: str
    index: int


@dataclass(frozen=True)
class Verdict:
    """The class of a block (good, near, short, bad) and, for bad ones, why."""

    label: str
    reason: str = ""
    confidence: float = 1.0


def split_blocks(text: str) -> list[Block]:
    """Lines become blocks; a line starting in lower case continues the previous (a wrapped line)."""
    out: list[str] = []
    prev_blank = True
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = " ".join(line.split())
        if not s:
            prev_blank = True
            continue
        if out and not prev_blank and s[0].islower() and not TERMINAL.search(out[-1]):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
        prev_blank = False
    return [Block(t, i) for i, t in enumerate(out)]


def norm(text: str) -> str:
    """Comparison key: lower case letters and digits only, so punctuation variants match."""
    return " ".join(re.findall(r"\w+", text.lower()))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def outside_quotes(text: str) -> str:
    """The narrator's voice: drop quoted speech (and an unclosed quote running to the end)."""
    return UNCLOSED.sub(" ", QUOTED.sub(" ", text))


def sentence_shaped(text: str) -> bool:
    """Starts like a sentence and ends with terminal punctuation or a closing quote."""
    m = OPENING.match(text)
    return m is not None and not m.group(0)[-1].islower() and bool(TERMINAL.search(text))


def word_count(text: str, ws: list[str]) -> int:
    """Words, with Chinese/Japanese/Korean runs (written without spaces) counted as one word per two
    characters, roughly their average word length, so a CJK paragraph is as long as it looks."""
    cjk = len(CJK.findall(text))
    return len(ws) + cjk // 2 if cjk else len(ws)


def stop_ratio(ws: list[str]) -> float:
    return sum(w.lower() in STOPWORDS for w in ws) / len(ws) if ws else 0.0


PROSE_MIN_WORDS = 12  # a sentence this long is rarely a menu, a button or an offer
PROSE_LOWER_SHARE = 0.3  # ...when a third of its words are lower case (menus and labels are capitalised)


def lower_share(ws: list[str]) -> float:
    return sum(w[0].islower() for w in ws) / len(ws) if ws else 0.0


def reported_prose(text: str, ws: list[str]) -> bool:
    """A full sentence told about others: long, shaped like a sentence, lower case words between its
    names, and the narrator neither addressing the reader nor speaking as the site. A page-UI word in
    it ("browser", "most popular", "social media", a price and "year") is the story's topic, not
    furniture: a story about a browser flaw or a player's contract keeps its sentences."""
    if len(ws) < PROSE_MIN_WORDS or not sentence_shaped(text) or lower_share(ws) < PROSE_LOWER_SHARE:
        return False
    narr = outside_quotes(text)
    return not READER.search(narr) and not SITE_VOICE.search(narr)


def furniture_reason(text: str, ws: list[str], rel_pos: float) -> tuple[str, float] | None:
    """A strong generic furniture signal in the block itself, with a confidence; None if none."""
    n = len(ws)
    if "{{" in text or "}}" in text or "%s" in text:
        return "template placeholder", 0.99
    dated = labelled_date_line(text)
    if dated:  # "Published: ...", "Last updated: ...": the dating stage reads these by reason
        return dated, 0.9
    if strong_byline(text):
        return BYLINE, 0.9
    if n == 0 or sum(map(str.isalpha, text)) < 0.5 * len(text.replace(" ", "")):
        return "no words (numbers, symbols, timestamps)", 0.95
    if sum(bool(CAMEL.search(w)) for w in text.split()) >= max(3, len(text.split()) // 3):
        return "concatenated link/icon labels", 0.95
    if len(text) <= 3:
        return "fragment", 0.9
    if LABEL.match(text):
        return "media or link label", 0.85
    told = reported_prose(text, ws)
    if n < 40 and (cta := CTA.search(text)) and not (told and cta.start() > 0 and not BOILERPLATE.search(text)):
        return f"call to action / page UI ({cta.group(0).lower()!r})", 0.9
    if n < 25 and PRICE.search(text) and PERIOD.search(text) and not told:
        return "price or subscription offer", 0.9
    fields = len(FIELD.findall(text))
    if n < 15 and not TERMINAL.search(text) and (fields >= 2 or (fields == 1 and re.search(r":\s*\S*\d", text))):
        return "metadata field line", 0.8
    if text.startswith("(") and text.rstrip().endswith(")") and n < 40:
        return "credit line in parentheses", 0.85
    if "©" in text and n < 60:
        return "copyright or photo credit", 0.9
    if n < 60 and (credit := CREDIT_END.search(text)) and not TERMINAL.search(text[: credit.start()]):
        return "photo caption (ends with a credit)", 0.8
    if n < 60 and DIRECTION.search(text):
        return "photo caption (left/right markers)", 0.7
    narr = outside_quotes(text)
    reader = len(READER.findall(narr))
    site = len(SITE_VOICE.findall(narr))
    if reader and (site or reader >= 2) and (rel_pos < 0.15 or rel_pos > 0.6 or n < 20):
        return "addresses the reader", 0.75
    if rel_pos > 0.6 and BIO.search(text):
        return "author bio", 0.8
    return None


def classify(block: Block, total: int, english: bool | Callable[[], bool] = True) -> Verdict:
    """Class of one block from its own shape and its position in the page.

    The stopword test only knows English: for other languages it is left out (shape and length
    still work), so a foreign page keeps its text and is flagged by language instead. ``english``
    may be a function telling it: it is asked only for a block whose class the stopword test
    changes (identifying a page's language costs more than classifying its blocks).
    """
    text = block.text
    ws = words(text)
    rel = block.index / max(total - 1, 1)
    bad = furniture_reason(text, ws, rel)
    if bad:
        return Verdict("bad", *bad)
    n = word_count(text, ws)
    shaped = sentence_shaped(text)
    if isinstance(english, bool):
        return _by_shape(text, ws, n, shaped, stop_ratio(ws) if english else 1.0)
    as_english = _by_shape(text, ws, n, shaped, stop_ratio(ws))
    as_other = _by_shape(text, ws, n, shaped, 1.0)
    return as_english if as_english == as_other or english() else as_other


def _by_shape(text: str, ws: list[str], n: int, shaped: bool, ratio: float) -> Verdict:
    """The class of a block that is not furniture, from its length, shape and stopword ratio."""
    if n >= 15 and ratio >= 0.2 and (shaped or n >= 30):
        return Verdict("good")
    if shaped and n >= 2 and (ratio >= 0.15 or n <= 4 or (n >= PROSE_MIN_WORDS and lower_share(ws) >= PROSE_LOWER_SHARE)):
        return Verdict("near")  # a long sentence dense in names ("Police say A, 61, shot B, 40.") is prose
    if n >= 10 and ratio >= 0.25 and OPENING.match(text) and text.rstrip().endswith(":"):
        return Verdict("near")  # prose that introduces a quote or a list ("..., the group said:")
    return Verdict("short")


def mark_repeats(blocks: list[Block], verdicts: list[Verdict], repeated: frozenset[str]) -> list[Verdict]:
    """Lines repeated in the page or across pages are furniture (or a caption shown twice)."""
    keys = [norm(b.text) for b in blocks]
    seen: dict[str, int] = {}
    out = list(verdicts)
    for i, k in enumerate(keys):
        if not k:
            continue
        n = len(k.split())
        if i > 0 and keys[i - 1] == k:
            out[i - 1] = Verdict("bad", "shown twice in a row (photo caption or widget)", 0.9)
            out[i] = Verdict("bad", "shown twice in a row (photo caption or widget)", 0.9)
        elif k in seen:
            if n <= 25:
                out[seen[k]] = Verdict("bad", "repeated in the page", 0.85)
            out[i] = Verdict("bad", "repeated in the page", 0.85)
        elif k in repeated and out[i].label != "good":
            out[i] = Verdict("bad", "repeated across pages", 0.8)
        seen.setdefault(k, i)
    return out


SCORE = {"good": None, "near": 3.0, "short": -3.0, "bad": -8.0}


def body_range(blocks: list[Block], verdicts: list[Verdict]) -> tuple[int, int]:
    """The maximum-sum run of blocks: where the article is (half-open range; empty if none)."""
    best, best_range = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, (b, v) in enumerate(zip(blocks, verdicts)):
        s = SCORE[v.label]
        score = float(min(len(words(b.text)), 50)) if s is None else s
        if run <= 0:
            run, start = score, i
        else:
            run += score
        if run > best:
            best, best_range = run, (start, i + 1)
    return best_range


def headline_like(text: str) -> bool:
    """A short line shaped like a headline: 3-25 words, letters, no final full stop, not a date."""
    ws = words(text)
    return 3 <= len(ws) <= 25 and not text.rstrip().endswith((".", ",", ";", ":")) and text[0].isupper() \
        and sum(c.isalpha() for c in text) >= 0.6 * len(text) and not date_line(text)


def pick_title(blocks: list[Block], verdicts: list[Verdict], start: int) -> tuple[int | None, int | None]:
    """(title index, subtitle index) among the lines before the body.

    The headline is the headline-shaped line closest to the body, or to the byline when there is
    one before the body (headline, deck, byline is the usual layout, and UI lines such as a
    "listen" widget may sit between byline and body); a line that is only a personal name is
    taken only when nothing else is headline-shaped. When two headline lines are adjacent the
    first is the headline and the second its deck.
    """
    bylines = [i for i in range(start) if verdicts[i].reason == BYLINE]
    cands = [i for i in range(start) if verdicts[i].label in ("short", "near") and headline_like(blocks[i].text)]
    if bylines and any(i < bylines[0] for i in cands):
        cands = [i for i in cands if i < bylines[0]]
    cands = [i for i in cands if not bare_name(blocks[i].text)] or cands
    if not cands:
        return None, None
    last = cands[-1]
    if len(cands) >= 2 and cands[-2] == last - 1:
        return last - 1, last
    return last, None


def select(
    blocks: list[Block], verdicts: list[Verdict]
) -> tuple[list[int], dict[int, Verdict], int | None, dict[int, str]]:
    """Indices of kept blocks, the verdict of each removed block, the title index and the bylines.

    Bylines (index -> author name) and header date lines are removed with the reasons "byline",
    "date line" or "update stamp" so later stages can read them back from Document.removed.
    """
    start, end = body_range(blocks, verdicts)
    title, deck = pick_title(blocks, verdicts, start)
    texts = [b.text for b in blocks]
    bios = [i for i, v in enumerate(verdicts) if v.reason == "author bio"]
    bylines = header_bylines(texts, title, start, bios)
    kept: list[int] = []
    removed: dict[int, Verdict] = {}
    for i, v in enumerate(verdicts):
        if i == title:
            removed[i] = Verdict("bad", "title", 0.9)
        elif i == deck:
            removed[i] = Verdict("bad", "subtitle under the title", 0.7)
        elif not start <= i < end:
            side = "before" if i < start else "after"
            removed[i] = v if v.label == "bad" else Verdict("bad", f"outside the article ({side} the body)", 0.7)
        elif v.label in ("good", "near"):
            kept.append(i)
        elif v.label == "bad":
            removed[i] = v
        else:  # a short line in the body: a heading if alone between paragraphs, else a widget
            prev_ok = i - 1 >= start and verdicts[i - 1].label in ("good", "near")
            next_ok = i + 1 < end and verdicts[i + 1].label in ("good", "near")
            if prev_ok and next_ok and len(words(blocks[i].text)) <= 15:
                kept.append(i)
            else:
                removed[i] = Verdict("bad", "short lines inside the body (widget or menu)", 0.6)
    for i in list(removed):
        dated = date_line(texts[i]) if i < start else labelled_date_line(texts[i])
        if dated:
            removed[i] = Verdict("bad", dated, 0.9)
        elif i in bylines:
            removed[i] = Verdict("bad", BYLINE, 0.85)
    return kept, removed, title, {i: n for i, n in bylines.items() if i in removed}
