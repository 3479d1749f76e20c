"""Title conflicts: one person called by incompatible offices (president vs prime minister, or
ministers of disjoint portfolios as the page writes the title) in different documents around the
same time. Split from ``conflicts`` (figures), which calls ``title_conflicts``."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date

from dossier.pagetext import page_texts
from dossier.model import Annotations, Conflict, Document, Entity, Mention
from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)

# Head titles that one person cannot hold at the same time (longest first for matching).
_EXCLUSIVE_TITLES = (
    "deputy prime minister",
    "vice president",
    "prime minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "finance minister",
    "president",
    "chancellor",
    "premier",
    "minister",
    "king",
    "queen",
    "emperor",
    "governor",
    "mayor",
    "ambassador",
)
# Titles that name the same office ("premier" is what some outlets call a prime minister).
_SAME_OFFICE = {"premier": "prime minister"}
_MAX_TITLE_GAP_DAYS = 365


def iso_date(value: str | None) -> date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (missing parts as the first day)."""
    p = PartialDate.parse(value)
    return p.first() if p else None


def head_title(title: str | None) -> str | None:
    """The office a title names, from a generic table ("French Foreign Minister" -> "foreign
    minister"); None when the title is not an exclusive office or marks a past one ("former")."""
    if not title:
        return None
    low = " " + re.sub(r"\s+", " ", title.lower()) + " "
    if re.search(r"\b(former|ex-|then|late|acting|deputy|vice)\b", low) and not re.search(
        r"(deputy prime minister|vice president)", low
    ):
        return None
    for head in _EXCLUSIVE_TITLES:
        if f" {head} " in low:
            return _SAME_OFFICE.get(head, head)
    return None


# Words naming a minister's portfolio, folded to one spelling (generic English, no country).
_PORTFOLIOS = {
    "foreign": "foreign", "external": "foreign", "defence": "defence", "defense": "defence",
    "finance": "finance", "treasury": "finance", "interior": "interior", "home": "interior",
    "justice": "justice", "health": "health", "education": "education", "agriculture": "agriculture",
    "trade": "trade", "commerce": "trade", "industry": "industry", "economy": "economy",
    "economic": "economy", "energy": "energy", "power": "energy", "electricity": "energy",
    "water": "water", "irrigation": "irrigation", "transport": "transport", "environment": "environment",
    "labour": "labour", "labor": "labour", "culture": "culture", "tourism": "tourism",
    "information": "information", "communications": "communications", "housing": "housing",
    "mines": "mines", "mining": "mines", "petroleum": "petroleum", "oil": "petroleum",
    "fisheries": "fisheries", "sport": "sports", "sports": "sports", "youth": "youth",
    "planning": "planning", "development": "development", "security": "security",
    "immigration": "immigration", "science": "science", "technology": "technology",
}
_LEADING_WORDS = re.compile(r"^(?:(?:the|a|an|but|and|then|meanwhile|also|when|while|as)\s+)+", re.IGNORECASE)


def title_office(title: str | None) -> tuple[str, frozenset[str]] | None:
    """(office, portfolio words) of a title: "Kenyan Water Minister" -> ("minister",
    {"water"}), "Minister of Water, Irrigation and Energy" -> ("minister", {"water",
    "irrigation", "energy"}); None for titles that are not exclusive offices or mark a past one."""
    head = head_title(title)
    if head is None:
        return None
    words = re.findall(r"[a-z]+", (title or "").lower())
    portfolio = frozenset(_PORTFOLIOS[w] for w in words if w in _PORTFOLIOS)
    for office in ("minister", "secretary"):
        if head.endswith(" " + office) and head.split()[0] in _PORTFOLIOS:
            return office, portfolio
    return head, portfolio if head in ("minister", "secretary") else frozenset()


def _compatible(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """One office: same head, and portfolios that share a word or are not given ("Minister" is
    any minister; "Water Minister" and "Minister of Water and Energy" agree; "Foreign" does not)."""
    return a[0] == b[0] and (not a[1] or not b[1] or bool(a[1] & b[1]))


def written_title(text: str, m: Mention) -> str:
    """The title as the page writes it around the name, which can say more than ``m.title``
    ("Water Minister Ann Ruiz", "Minister of Water, Irrigation and Energy, Ann Ruiz")."""
    title = m.title or ""
    if not title:
        return title
    head = re.escape(title.split()[-1])
    before = text[max(0, m.span.start - 120) : m.span.start]
    found = re.search(
        rf"((?:[A-Z][\w'’\-]*\s+){{0,4}}{head}(?:(?:\s+(?:of|for|and)|\s*,)\s+(?:the\s+)?[A-Z][\w\-]*){{0,5}})\s*,?\s*$",
        before,
        re.IGNORECASE if not title[-1:].isupper() else 0,
    )
    if found is None:
        after = text[m.span.end : m.span.end + 120]
        found = re.match(rf"\s*,\s*([^,.;:]{{0,60}}?\b{head}\b(?:\s+(?:of|for)\s+[^.;:]{{0,60}}?)?)\s*[,.;]", after, re.IGNORECASE)
    if found is None:
        return title
    written = _LEADING_WORDS.sub("", found.group(1).strip(" ,"))
    return written or title


_PAST = re.compile(r"^(?:former|ex-?|then-?|late|onetime)\s*", re.IGNORECASE)


def _one_office(a: str, b: str) -> bool:
    """Two titles as written that name one office: the same words, or one the other's past form
    ('Former President' / 'President': held before, not at once)."""
    return _PAST.sub("", a.strip()).lower() == _PAST.sub("", b.strip()).lower()


def title_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    entities: Sequence[Entity],
) -> list[Conflict]:
    """One conflict per person and per office that disagrees with the office most mentions give."""
    dates = {d.id: iso_date(d.published.value) for d in docs}
    texts = page_texts(docs)  # decoded page by page (dossier.pagetext)
    names = {e.id: e.name for e in entities}
    seen: dict[str, list[tuple[Mention, tuple[str, frozenset[str]], str]]] = {}
    for annot in annots:
        text = texts.get(annot.doc_id, "")
        for m in annot.mentions:
            ent = m.entity_id  # set by resolution (the corpus step's resolve pass)
            if not ent or not m.title:
                continue
            written = written_title(text, m)
            office = title_office(written) or title_office(m.title)
            if office is None:
                continue
            shown = written if office[1] != (title_office(m.title) or ("", frozenset()))[1] else m.title
            seen.setdefault(ent, []).append((m, office, shown))
    out: list[Conflict] = []
    for ent, items in seen.items():
        keys = sorted({k for _, k, _ in items}, key=lambda k: (sorted(k[1]), k[0]))
        support = {k: sum(_compatible(k, o) for _, o, _ in items) for k in keys}
        main = max(keys, key=lambda k: (support[k], len(k[1])))
        agree = [it for it in items if _compatible(main, it[1])]
        rest = [it for it in items if not _compatible(main, it[1])]
        while rest:
            # candidates in a fixed order, so a tie goes the same way whatever the hash seed
            candidates = sorted({k for _, k, _ in rest}, key=lambda k: (sorted(k[1]), k[0]))
            other = max(candidates, key=lambda k: (sum(_compatible(k, o) for _, o, _ in rest), len(k[1])))
            group = [it for it in rest if _compatible(other, it[1])]
            rest = [it for it in rest if not _compatible(other, it[1])]
            pair = _closest_pair(agree, group, dates)
            if pair is None:
                continue
            (ma, _, ta), (mb, _, tb) = pair
            if _one_office(ta, tb):
                continue
            conf = 0.5 + 0.4 * abs(len(agree) - len(group)) / (len(agree) + len(group))
            out.append(
                Conflict(
                    kind="title",
                    about=names.get(ent, ent),
                    values=(ta, tb),
                    sources=(ma.span, mb.span),
                    confidence=round(conf, 3),
                    reason=f"one person ({names.get(ent, ent)}) given offices no one holds at once, "
                           f"in two pages within {_MAX_TITLE_GAP_DAYS} days",
                )
            )
    return out


_Item = tuple[Mention, tuple[str, frozenset[str]], str]


def _same_name(a: Mention, b: Mention) -> bool:
    """The words of one mention's name are among the other's ("Seleshi" / "Seleshi Bekele",
    "Biden" / "Joseph R. Biden Jr."): a title clash between "King George III" and "President
    George W. Bush", merged by mistake, is the resolver's error, not the sources' disagreement."""
    def words(m: Mention) -> set[str]:
        return {w.strip(".") for w in re.findall(r"[\w'’.-]+", m.text.lower()) if len(w.strip(".")) > 1}
    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _closest_pair(first: list[_Item], second: list[_Item], dates: dict[str, date | None]) -> tuple[_Item, _Item] | None:
    """Two mentions from different documents dated within a year of each other (closest first)."""
    best: tuple[int, _Item, _Item] | None = None
    for a in first:
        for b in second:
            if a[0].span.doc_id == b[0].span.doc_id or not _same_name(a[0], b[0]):
                continue
            da, db = dates.get(a[0].span.doc_id), dates.get(b[0].span.doc_id)
            gap = abs((da - db).days) if da and db else _MAX_TITLE_GAP_DAYS
            if gap <= _MAX_TITLE_GAP_DAYS and (best is None or gap < best[0]):
                best = (gap, a, b)
    return (best[1], best[2]) if best else None


