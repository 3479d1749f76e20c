"""Outlet, author, bylines and header date lines from the lines of a page, by generic shapes only.

Hand-written because no library reads these from flat text (trafilatura and htmldate need markup):
the shapes are the usual newspaper ones ("By X", "X | Reporter", "Published: 3 May 2020",
"© 2020 X"), with English month and weekday names as the only vocabulary.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from dossier.lang.en import ARTICLES
from dossier.model import RemovedReason

logger = logging.getLogger(__name__)

NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|al|da|di|le)){1,3}"
# Ordered strongest first: an explicit label beats a footer line.
OUTLET_PATTERNS = [
    re.compile(r"^(?:Publication|Publisher|Source|Outlet)\s*:\s*(.+?)(?:\s+[A-Z][a-z]+\s*:|$)"),
    re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s+(.+?)(?:[.,|]|\s+All\b|$)", re.I),
    re.compile(r"^Also (?:in|on|from) ((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*$"),
    re.compile(r"(?:full )?access to ([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}) has expired"),
    re.compile(r"^[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}, now known as ([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}),"),
    re.compile(r"^([A-Z][\w&/'’.-]*(?:\s+[A-Z][\w&/'’.-]*){0,3}) has been (?:declared|designated|labell?ed)\b"),
    re.compile(r"^((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}) on (?:social media|Facebook|Twitter|X)\s*$"),
]
BYLINE_PREFIX = re.compile(r"^(?:[Bb]y|BY|Written by|Words by|Story by|Text by|Reporting by)\s*:?\s+(.+)$")
ROLE = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|journalist|photographer|producer|"
    r"analyst|bureau chief|staff|author|freelancer?|stringer)s?\b",
    re.I,
)
# Separators of header fields ("Name · City · 13 July 2023", "Name | Reporter", "Name ·").
SEP = re.compile(r"\s*(?:\||·|•|—|–|\s-\s|/)\s*|\s+(?:for|For|FOR)\s+")
HANDLE = re.compile(r"\S+@\S+\.\w+|@\w+")  # e-mail addresses and social handles after a byline
ORG = rf"(?:The\s+)?{NAME}|(?:The\s+)?[A-Z][\w'’.-]+"
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
CREDIT = re.compile(r"^\((?:[^()]*?\b)?(?:original|reporting|written|story|text) by\s+(.+)\)\s*$", re.I)
CREDIT_NAME = re.compile(rf"(?:^|\band\s+|&\s*)({NAME})")
BIO_NAME = re.compile(rf"^({NAME})\s+(?:is|was|has been|covers|writes|reports)\b")
# Page-UI and section words that are capitalised like names but are not people (generic, no site).
NOT_NAME = frozenset(
    """home news menu search share print email comments comment related more read latest breaking live
    top stories story politics world opinion sport sports business video videos podcast podcasts region
    analysis culture economy features editorial login register subscribe newsletter contact about
    advertise privacy terms photos gallery weather science health tech technology lifestyle local
    national international trending popular most editor editors picks follow account profile edition
    member network app apps mobile download sign manage information photo foto by por par the a an of
    and in on for to""".split()
)

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\b",
    re.I,
)
DATE_FILLER = re.compile(
    rf"\b(?:{WEEKDAY}|published|updated|last|posted|first|modified|revised|edited|on|at|date|"
    r"gmt|utc|[a-z]st|[a-z]dt|cet|cest|eat|cat|wat|ist|local time)\b"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[+-]\d{2}:?\d{2}",
    re.I,
)
UPDATE = re.compile(r"\b(?:updated|modified|revised|edited)\b", re.I)
PUBLISHED = re.compile(r"\b(?:published|posted)\b", re.I)
# A date label at the start of the line or of a header field: "Published: ...", "| Updated ...".
DATE_LABEL = re.compile(r"(?:^|[|·•:;,]\s*)[\W]*(?:last\s+|first\s+)?(?:updated|published|posted|modified)\b", re.I)
PROSE_VERB = re.compile(r"\b(?:said|says|told|tells|added|wrote|is|was|are|were|has|had|will|would)\b")
CALENDAR = re.compile(rf"^(?:{MONTH}|{WEEKDAY})$", re.I)
LETTERS = re.compile(r"[^\W\d_][\w'’-]*")  # words in any script (a CJK headline is a few long ones)

# A wire or outlet credit in a dateline: "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "LONDON (Reuters) -",
# "(AP) —" at the start of the lead paragraph (news agency style).
DATELINE_CREDIT = re.compile(
    r"^(?:[A-Z][\w.'’ -]{0,40}(?:,\s*[\w.'’ ]{1,30}){0,3}\s*)?\(([A-Z][\w&.'’/ -]{0,30}?)\)\s*(?:[-–—―]|--)"
)
# A sign-off crediting another outlet: "The Associated Press contributed to this report."
CONTRIBUTED = re.compile(
    r"^((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+contributed\s+(?:to\s+)?(?:this\s+)?"
    r"(?:report|story|article|reporting)\b"
)
# Words that make a credited name an organisation, not a colleague ("Jane Doe contributed reporting").
OUTLET_WORD = re.compile(r"(?i)\b(?:press|news|agency|service|wire|times|post|journal|herald|tribune|telegraph|"
                         r"guardian|media|radio|television|tv|network|daily|reuters)\b")
# Written headlines in a plain-text file: one line, not a dateline lead, at most two short sentences.
DATELINE_LEAD = re.compile(r"^[A-Z][A-Z.'’ -]{2,}(?:,\s*[\w.'’ ]{1,30})*\s*(?:\([^)]{1,30}\)\s*)?(?:[-–—―]|--)\s")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # kana, CJK ideographs, hangul
# A day number and a year with at most two words around them: a date line in any language
# ("Опубликовано 28 июня 2020", "17. März 2020"), which the English DATE pattern does not know.
YEAR_NUMBER = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DAY_NUMBER = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)")
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]")

DATE_LINE = RemovedReason.DATE_LINE
UPDATE_STAMP = RemovedReason.UPDATE_STAMP
BYLINE = RemovedReason.BYLINE


def find_outlet(lines: Sequence[str]) -> str | None:
    """The site name from generic footer/label lines; the strongest pattern wins.

    Lines are read from the end: the site's own footer comes last, while a syndicated story
    carries its wire's copyright right after the body, above the site footer.
    """
    for pat in OUTLET_PATTERNS:
        for line in reversed(lines):
            m = pat.search(line)
            if m:
                value = m.group(1).strip(" .,;:-–|")
                if 1 <= len(value.split()) <= 5:
                    return value
    return None


def date_line(text: str) -> str | None:
    """"date line" / "update stamp" for a short line that is a date and little else, else None.

    Such lines are page furniture for the cleaner but evidence for the dating stage, which reads
    them back from Document.removed by these reason strings.
    """
    if len(text.split()) > 14 or text.rstrip().endswith(("!", "?")) or not DATE.search(text):
        return None
    left = LETTERS.findall(DATE_FILLER.sub(" ", DATE.sub(" ", text)))
    if len(left) > 4 or len("".join(left)) > 30 or (text.rstrip().endswith(".") and len(left) > 1):
        return None
    return UPDATE_STAMP if UPDATE.search(text) and not PUBLISHED.search(text) else DATE_LINE


def labelled_date_line(text: str) -> str | None:
    """A date line that says what it is ("Published: ...", "Last updated: ..."), safe anywhere."""
    return date_line(text) if DATE_LABEL.search(text) else None


def _names(segment: str) -> list[str]:
    """Leading personal names of "A, B and C, Staff Reporter" (stops at the first non-name)."""
    out: list[str] = []
    for part in LIST_SEP.split(segment.strip()):
        if not part or ROLE.search(part) or not re.fullmatch(NAME, part) or not _namey(part):
            break
        out.append(part)
    return out


def _namey(text: str) -> bool:
    """Capitalised words that could be a person: not shouted, not page-UI or section words."""
    ws = text.split()
    return not text.isupper() and not any(w.lower().strip(".") in NOT_NAME or CALENDAR.match(w) for w in ws)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def strong_byline(line: str) -> str | None:
    """The author of a line that says it is a byline: "By X", "Written by X", "X | Reporter".

    Safe anywhere in a page (the shapes do not occur in prose); returns the name(s) or None.
    """
    if len(line.split()) > 16:
        return None
    m = BYLINE_PREFIX.match(line.strip())
    if m:
        names = _names(SEP.split(m.group(1))[0])
        return _join(names) if names else None
    if len(line.split()) > 8 or line.rstrip().endswith((".", "!", "?")) or PROSE_VERB.search(line):
        return None  # "Jane Doe, an analyst, said ..." is prose, not a byline
    fields = [f for f in re.split(rf"{SEP.pattern}|\s*,\s*", line.strip()) if f]
    if len(fields) >= 2 and len(fields[1].split()) <= 5 and ROLE.search(fields[1]):
        names = _names(fields[0])
        return names[0] if names and len(names[0].split()) <= 4 else None
    return None


def bare_name(line: str) -> str | None:
    """A line that is only personal names, maybe with an outlet, place or date: "Jane Doe",
    "Jane Doe ·", "Jane Doe, The Daily X", "A B and C D", "Jane Doe · Fredville · 13 July 2023".

    Only meaningful by position (right under a title, or above the author's bio): the shape alone
    cannot tell a name from a two-word heading.
    """
    text = HANDLE.sub(" ", line).strip().strip("|·•—–-, ")
    fields = [f for f in SEP.split(text) if f]
    if not fields or len(text.split()) > 12:
        return None
    parts = [p for p in LIST_SEP.split(fields[0]) if p]
    names = _names(fields[0])
    if not names:
        return None
    for f in parts[len(names):] + fields[1:]:  # the rest: an outlet, role, place or date/time
        if not (DATE.search(f) or ROLE.search(f) or DATE_FILLER.sub("", f).strip() == "" or re.fullmatch(ORG, f)):
            return None
    return _join(names)


def bio_name(line: str) -> str | None:
    """The person an author bio is about ("Jane Doe is the Herald's correspondent ...")."""
    m = BIO_NAME.match(line)
    return m.group(1) if m else None


def header_bylines(lines: Sequence[str], title: int | None, start: int, bios: Sequence[int] = ()) -> dict[int, str]:
    """Line index -> author name for byline lines, found by shape and position.

    Strong shapes ("By X", "X | Reporter") count anywhere; a bare name counts in the few lines
    between the title and the body, or right above a bio that names the same person.
    """
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        name = strong_byline(line)
        if name:
            out[i] = name
    # Under a real headline only (≥5 words): a wrongly picked "title" in a menu has names of
    # sections under it. One line may sit between (the deck).
    if title is not None and title < start and len(lines[title].split()) >= 5:
        for i in range(title + 1, min(start, title + 3)):
            name = bare_name(lines[i])
            if name and i not in out:
                out[i] = name
    for b in bios:
        person = bio_name(lines[b])
        if person and b > 0 and bare_name(lines[b - 1]) == person:
            out.setdefault(b - 1, person)
    return out


def find_author(
    lines: Sequence[str], bio_lines: Sequence[str] = (), bylines: dict[int, str] | None = None
) -> str | None:
    """A byline ("By X", "X | Reporter", a name under the title), a credit line, or a bio's name."""
    found = bylines if bylines is not None else {i: n for i, l in enumerate(lines) if (n := strong_byline(l))}
    if found:
        return found[min(found)]
    for line in lines:
        m = CREDIT.match(line)
        if m:
            names = [n.group(1) for n in CREDIT_NAME.finditer(m.group(1))]
            if names:
                return " and ".join(dict.fromkeys(names))
    for line in bio_lines:
        name = bio_name(line)
        if name:
            return name
    return None


def wire_credit(lines: Sequence[str]) -> str | None:
    """The outlet a plain-text story credits: a dateline credit "(Reuters) -" in its first lines, or a
    sign-off "The Associated Press contributed to this report." (an organisation's name only)."""
    for line in lines[:4]:
        m = DATELINE_CREDIT.match(line)
        if m and len(m.group(1).split()) <= 4 and not m.group(1).isdigit():
            return m.group(1).strip()
    for line in reversed(lines):
        m = CONTRIBUTED.match(line)
        if m and (OUTLET_WORD.search(m.group(1)) or m.group(1).isupper()):
            return m.group(1).strip()
    return None


def reads_as_headline(line: str) -> bool:
    """A first line written as a headline: 2-25 words, at most two sentences (headlines such as
    "Virginian could make history. Again." have two), not a dateline lead ("WASHINGTON (AP) —"),
    a date line or a byline, and mostly letters. Only meaningful for the first line of a file
    that stands alone above the body (that position is the convention, not the shape)."""
    ws = LETTERS.findall(line)
    cjk = len(CJK.findall(line))
    n = len(ws) + cjk // 2 if cjk else len(ws)
    if not 2 <= n <= 25 or len(SENTENCE_BREAK.findall(line)) > 1 or _numeric_date_line(line, ws):
        return False
    if DATELINE_LEAD.match(line) or DATELINE_CREDIT.match(line) or date_line(line) or strong_byline(line):
        return False
    if line.rstrip().endswith((":", ",")) or lead_sentence(line, ws):
        return False
    return sum(c.isalpha() for c in line) >= 0.6 * len(line)


LEAD_MIN_WORDS = 15  # headlines run to about a dozen words; a story's first sentence often to 20-30
TITLE_CASE_SHARE = 0.6  # of the words of 4+ letters after the first, capitalised: a headline in title case


def lead_sentence(line: str, words: Sequence[str] | None = None) -> bool:
    """A file's first line that is the story's first sentence, not its headline: a long line in
    sentence case that ends with a full stop and keeps the articles headline style drops ("A man has
    been charged with murder after a shooting at an office party in the city on Friday."). A headline
    in title case keeps its capitals, and one in sentence case is short or drops its articles, so a
    scraper's full stop after it changes nothing."""
    text = line.strip()
    ws = list(words) if words is not None else LETTERS.findall(text)
    if not text.endswith(".") or text.endswith("..") or len(ws) < LEAD_MIN_WORDS:
        return False
    long = [w for w in ws[1:] if len(w) >= 4]
    if not long or sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long):
        return False
    return any(w.lower() in ARTICLES for w in ws)


def _numeric_date_line(line: str, ws: list[str]) -> bool:
    """A year, a day number and at most two words: a date line whatever the language."""
    year = YEAR_NUMBER.search(line)
    return bool(year) and len(ws) <= 2 and bool(DAY_NUMBER.search(YEAR_NUMBER.sub(" ", line)))


def headline_text(line: str) -> str:
    """The headline without the full stop a scraper added ("... Bad Optics." -> "... Bad Optics")."""
    text = line.strip().rstrip(";").rstrip()
    last = text[:-1].split()[-1] if len(text) > 1 and text[:-1].split() else ""
    if text.endswith(".") and not text.endswith("..") and "." not in last and (len(last) > 2 or not last[-1:].isalpha()):
        return text[:-1]  # not an abbreviation ("U.S.", "Gen.", "St.")
    return text
