"""Quotation marks in flat news text: where each quoted passage starts and ends.

Hand-written because no installed library finds quotations with their character offsets while
telling apostrophes ("Japan's", "don't", "leaders'") from single quotation marks, and none follows
the news convention for quotes running over several paragraphs (the opening paragraph leaves the
quote unclosed; each following paragraph of the same quote opens with a mark again).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from dossier.nlp.sentences import trim_whitespace

logger = logging.getLogger(__name__)

# Opening mark -> closing mark. Straight marks close themselves.
PAIRS: dict[str, str] = {
    '"': '"',
    "“": "”",
    "„": "“",
    "«": "»",
    "‹": "›",
    "'": "'",
    "‘": "’",
    "”": "”",  # only at a paragraph's head, see _can_open
}
# Edited copy mixes the straight and curly styles ('“Immunity deals ... FBI," Mr. X said',
# '"Oz has ... behind him,” said Y'): a double mark of the other style closes a double quote
# when it stands in closing position and no quote of its own style was opened inside.
_DOUBLES = frozenset('"“”')
_INNER_OPEN = {"“": '"', '"': "“"}
_INNER_CLOSE = {"“": '"', '"': "”"}
SINGLE = frozenset("'‘‹")
QUOTE_CHARS = frozenset('"“”„«»‹›\'‘’')
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Segment:
    """One quoted passage inside one paragraph: ``start``/``end`` exclude the marks.

    ``closed`` is False when the paragraph ended before the closing mark; ``continued`` is True when
    the passage carries on a quote left open by the previous paragraph.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    closed: bool = True
    continued: bool = False


def paragraph_bounds(text: str, paragraphs: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """The document's paragraphs, or blocks between blank lines when the cleaner gave none."""
    if paragraphs:
        return [(a, b) for a, b in paragraphs if b > a]
    bounds, start = [], 0
    for m in _BLANK_LINE.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in (trim_whitespace(text, a, b) for a, b in bounds) if b > a]


def _can_open(text: str, i: int, para_start: int) -> bool:
    """A mark opens when it stands before a word and after a space, a bracket or a dash."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > para_start else " "
    if nxt.isspace():
        return False
    if ch in ("“", "«", "„", "‹"):
        return True
    if ch == "”":
        # '”Fear. I am ...”': a closing mark typed at the head of a paragraph (autocorrect turned
        # the wrong way) can only open the quote the paragraph begins with
        return (i == para_start or text[i - 1] == "\n") and nxt.isalnum()
    if ch == "‘" or ch == "'":
        # "'90s", "rock 'n' roll" start with an apostrophe, not a quote: the next char must be a
        # letter or another mark, the previous one no letter or digit.
        return not prev.isalnum() and (nxt.isalpha() or nxt in QUOTE_CHARS) and not _decade(text, i)
    return not prev.isalnum()  # straight double quote


def _decade(text: str, i: int) -> bool:
    return bool(re.match(r"'\d\ds\b", text[i : i + 5]))


def _can_close(text: str, i: int, open_char: str) -> bool:
    """A closing mark ends a word: for single marks the next char must not be a letter ("don't")."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1]
    if open_char in SINGLE:
        return not nxt.isalnum() and not prev.isspace()
    return True


def _other_style_close(text: str, i: int, open_char: str) -> bool:
    """A straight mark closing a curly quote, or a curly one closing a straight quote: it ends a
    word (no space before it) and no letter follows it, and it closes no inner quote."""
    ch = text[i]
    if open_char not in ('"', "“") or ch not in _DOUBLES or ch == PAIRS[open_char]:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return ch != "“" and not text[i - 1].isspace() and not nxt.isalnum()


def _inner_closer(text: str, i: int, open_char: str, b: int) -> str | None:
    """The mark that will close a quote opening at ``i`` inside an open one, or None: a double
    mark of the other style ('“He said "no" ...”'), or a curly opener inside a curly quote
    ('“... what he calls “hell” than ...”'; curly marks have a direction, so they nest) when two
    closers are left in the paragraph, its own and the outer one."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() or not (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"):
        return None
    if ch == _INNER_OPEN.get(open_char):
        return _INNER_CLOSE[open_char]
    if ch == "“" and open_char == "“" and _nests(text, i, b):
        return "”"
    return None


def _nests(text: str, i: int, b: int) -> bool:
    """Does the curly quote opening at ``i`` close, and after it the outer one, before any new
    quote opens in the paragraph? Otherwise the outer quote was left open (a quote running on to
    the next paragraph) and ``i`` starts a quote of its own."""
    marks = [c for c in text[i + 1 : b] if c in "“”"]
    return marks[:2] == ["”", "”"]


def _mistyped_close(text: str, i: int, open_char: str) -> bool:
    """'“... for her here,“ said X': an opening curly mark typed where the closing one belongs
    (word processors' autocorrect). It closes when it ends a word and no word follows it."""
    if open_char != "“" or text[i] != "“" or i == 0:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and (nxt.isspace() or nxt in ".,;:!?)")


def _scan_paragraph(text: str, a: int, b: int, index: int) -> list[Segment]:
    """Left-to-right scan of one paragraph; marks inside an open quote only matter as its closer."""
    segments: list[Segment] = []
    open_char: str | None = None
    open_pos = -1
    skip: set[int] = set()  # single marks found to open nothing (never closed): apostrophes
    inner: str | None = None  # the mark closing a quote opened inside the open one
    i = a
    while i < b:
        ch = text[i]
        if open_char is None:
            if ch in PAIRS and i not in skip and _can_open(text, i, a):
                open_char, open_pos, inner = ch, i, None
        elif inner is not None:
            if ch == inner:
                inner = None  # the inner quote closes
            elif ch == PAIRS[open_char]:
                s, e = trim_whitespace(text, open_pos + 1, i)
                if e > s:
                    segments.append(Segment(s, e, open_pos, i, index))
                open_char = None
        elif (closer := _inner_closer(text, i, open_char, b)) is not None:
            inner = closer
        elif ((ch == PAIRS[open_char] and _can_close(text, i, open_char)) or _mistyped_close(text, i, open_char)
              or _other_style_close(text, i, open_char)):
            s, e = trim_whitespace(text, open_pos + 1, i)
            if e > s:
                segments.append(Segment(s, e, open_pos, i, index))
            open_char = None
        i += 1
        if i >= b and open_char is not None and open_char in SINGLE:
            skip.add(open_pos)  # rescan after the false opener
            i, open_char = open_pos + 1, None
    if open_char is not None:
        # A double quote left open: the multi-paragraph convention (or a stray mark).
        s, e = trim_whitespace(text, open_pos + 1, b)
        if e > s:
            segments.append(Segment(s, e, open_pos, None, index, closed=False))
    return segments


def find_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """All quoted passages of a text, in order, marking continuations of multi-paragraph quotes."""
    out: list[Segment] = []
    prev_open = False
    for index, (a, b) in enumerate(paragraphs):
        segs = _scan_paragraph(text, a, b, index)
        if segs and prev_open and segs[0].open_at == a:
            first = segs[0]
            segs[0] = Segment(first.start, first.end, first.open_at, first.close_at, index,
                              first.closed, continued=True)
        out.extend(segs)
        prev_open = bool(segs) and not segs[-1].closed
    return out
