"""Corpus views over figures, and conflicts: the same fact reported differently by two sources.

Three generic checks, each keeping both sources so the analyst can read them side by side:
- figures: the same measure (similar "about" words, same unit) with values that differ beyond
  rounding in different documents, reported around the same time and not worded as a change;
- dates: one merged event whose mentions in different documents carry different calendar days;
- titles: one person called by incompatible head titles (president vs prime minister) in different
  documents around the same time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import combinations

from rapidfuzz import fuzz

from dossier.model import Annotations, Conflict, Document, Entity, Event, Figure, Mention, Span

# Words that mark a figure as one point of a series, not a competing report of one value.
_CHANGE_WORDS = re.compile(
    r"\b(rose|rise[sn]?|rising|fell|fall(s|en|ing)?|increas\w*|decreas\w*|grew|grow(s|n|ing)?|"
    r"climb\w*|drop\w*|declin\w*|jump\w*|surg\w*|plung\w*|up from|down from|compared with|"
    r"from \S+ to|doubl\w*|tripl\w*|halv\w*|shr[ai]nk\w*|target|goal|by \d{4})\b",
    re.IGNORECASE,
)
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
_STOP = frozenset("a an the of in on for to and or by with from at as per".split())
_MAX_FIGURE_GAP_DAYS = 45
_MAX_TITLE_GAP_DAYS = 365


def _iso_date(value: str | None) -> date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (missing parts as the first day)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _sentence_text(doc: Document, annot: Annotations, span: Span) -> tuple[Span, str]:
    sent = annot.sentence_of(span) or span
    return sent, doc.text[sent.start : sent.end]


def _sentence_date(doc: Document, annot: Annotations, sent: Span) -> str | None:
    for t in annot.times:
        if sent.start <= t.span.start < sent.end and t.type == "DATE" and _iso_date(t.value):
            return t.value
    return doc.published.value


# ---------------------------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------------------------


def collect_figures(docs: Sequence[Document], annots: Sequence[Annotations]) -> list[dict]:
    """One row per figure in the corpus, with its sentence, for ``dossier figures``."""
    by_id = {d.id: d for d in docs}
    rows: list[dict] = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        if doc is None:
            continue
        for fig in annot.figures:
            sent, text = _sentence_text(doc, annot, fig.span)
            rows.append(
                {
                    "value": fig.value,
                    "unit": fig.unit,
                    "about": fig.about,
                    "date": _sentence_date(doc, annot, sent),
                    "doc": doc.id,
                    "sentence": text.strip(),
                    "span": fig.span,
                }
            )
    rows.sort(key=lambda r: ((r["about"] or "").lower(), r["date"] or "", r["doc"]))
    return rows


def _about_words(about: str | None) -> str:
    words = re.findall(r"[a-z][a-z\-']*", (about or "").lower())
    return " ".join(w for w in words if w not in _STOP)


def _decimals(text: str) -> int:
    m = re.search(r"\d+(?:[.,]\d+)*(?:\.(\d+))?", text)
    return len(m.group(1)) if m and m.group(1) else 0


def _differ_beyond_rounding(a: Figure, b: Figure) -> bool:
    """True when no rounding of the more precise value gives the less precise one."""
    if a.value == b.value:
        return False
    places = min(_decimals(a.text), _decimals(b.text))
    if round(a.value, places) == round(b.value, places):
        return False
    # "about 3,000" vs "3,050": allow the coarse one's last significant digit
    coarse = a if _decimals(a.text) <= _decimals(b.text) else b
    digits = re.sub(r"\D", "", str(int(abs(coarse.value)))) if coarse.value else ""
    zeros = len(digits) - len(digits.rstrip("0")) if digits else 0
    step = 10**zeros if zeros else 0
    return not (step and abs(a.value - b.value) < step / 2)


def _figure_conflicts(docs: Sequence[Document], annots: Sequence[Annotations]) -> list[Conflict]:
    by_id = {d.id: d for d in docs}
    items = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        if doc is None:
            continue
        for fig in annot.figures:
            about = _about_words(fig.about)
            if not about:
                continue
            sent, text = _sentence_text(doc, annot, fig.span)
            items.append((fig, about, _iso_date(_sentence_date(doc, annot, sent)), text))
    out: list[Conflict] = []
    for (fa, aa, da, ta), (fb, ab, db, tb) in combinations(items, 2):
        if fa.span.doc_id == fb.span.doc_id or (fa.unit or "") != (fb.unit or ""):
            continue
        if fuzz.token_set_ratio(aa, ab) < 85:
            continue
        if da is None or db is None or abs((da - db).days) > _MAX_FIGURE_GAP_DAYS:
            continue  # reported at different times: a series, not a conflict
        if _CHANGE_WORDS.search(ta) or _CHANGE_WORDS.search(tb):
            continue
        if not _differ_beyond_rounding(fa, fb):
            continue
        out.append(
            Conflict(
                kind="figure",
                about=fa.about or aa,
                values=(fa.text, fb.text),
                sources=(fa.span, fb.span),
                confidence=round(min(fa.confidence, fb.confidence) * 0.8, 3),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# event dates
# ---------------------------------------------------------------------------------------------


def _day_in_sentence(annot: Annotations, span: Span) -> tuple[str, Span] | None:
    """The day-precision date stated in a mention's sentence (the mention's own date)."""
    sent = annot.sentence_of(span) or span
    for t in annot.times:
        if sent.start <= t.span.start < sent.end and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            return t.value, t.span
    return None


def _event_date_conflicts(annots: Sequence[Annotations], events: Sequence[Event]) -> list[Conflict]:
    by_doc = {a.doc_id: a for a in annots}
    out: list[Conflict] = []
    for ev in events:
        per_doc: dict[str, tuple[str, Span]] = {}
        for m in ev.mentions:
            annot = by_doc.get(m.doc_id)
            found = _day_in_sentence(annot, m) if annot else None
            if found and m.doc_id not in per_doc:
                per_doc[m.doc_id] = found
        values = sorted({v for v, _ in per_doc.values()})
        if len(values) < 2:
            continue
        sources = tuple(sp for _, sp in sorted(per_doc.values()))
        out.append(
            Conflict(
                kind="date",
                about=ev.summary or ev.kind,
                values=tuple(values),
                sources=sources,
                confidence=round(ev.confidence * 0.7, 3),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# titles
# ---------------------------------------------------------------------------------------------


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


def _compatible(a: str, b: str) -> bool:
    """ "minister" is compatible with any "<x> minister" (a foreign minister is a minister)."""
    if a == b:
        return True
    return (a == "minister" and b.endswith(" minister") and b != "prime minister") or (
        b == "minister" and a.endswith(" minister") and a != "prime minister"
    )


def _title_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    entities: Sequence[Entity],
    mention_entity: dict | None,
) -> list[Conflict]:
    dates = {d.id: _iso_date(d.published.value) for d in docs}
    names = {e.id: e.name for e in entities}
    # entity -> head title -> [(mention, doc date)]
    seen: dict[str, dict[str, list[Mention]]] = {}
    for annot in annots:
        for m in annot.mentions:
            ent = m.entity_id or (mention_entity or {}).get((m.span.doc_id, m.span.start, m.span.end))
            head = head_title(m.title)
            if ent and head:
                seen.setdefault(ent, {}).setdefault(head, []).append(m)
    out: list[Conflict] = []
    for ent, heads in seen.items():
        for ha, hb in combinations(sorted(heads), 2):
            if _compatible(ha, hb):
                continue
            pair = _closest_pair(heads[ha], heads[hb], dates)
            if pair is None:
                continue
            ma, mb = pair
            support_a, support_b = len(heads[ha]), len(heads[hb])
            # the less used title is the suspect one: list the majority reading first
            if support_b > support_a:
                ma, mb = mb, ma
            conf = 0.5 + 0.4 * abs(support_a - support_b) / (support_a + support_b)
            out.append(
                Conflict(
                    kind="title",
                    about=names.get(ent, ent),
                    values=(ma.title or "", mb.title or ""),
                    sources=(ma.span, mb.span),
                    confidence=round(conf, 3),
                )
            )
    return out


def _closest_pair(
    first: list[Mention], second: list[Mention], dates: dict[str, date | None]
) -> tuple[Mention, Mention] | None:
    """Two mentions from different documents dated within a year of each other (closest first)."""
    best: tuple[int, Mention, Mention] | None = None
    for a in first:
        for b in second:
            if a.span.doc_id == b.span.doc_id:
                continue
            da, db = dates.get(a.span.doc_id), dates.get(b.span.doc_id)
            gap = abs((da - db).days) if da and db else _MAX_TITLE_GAP_DAYS
            if gap <= _MAX_TITLE_GAP_DAYS and (best is None or gap < best[0]):
                best = (gap, a, b)
    return (best[1], best[2]) if best else None


def find_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    events: Sequence[Event],
    entities: Sequence[Entity],
    mention_entity: dict | None = None,
) -> list[Conflict]:
    """All figure, event-date and title conflicts, most confident first."""
    found = [
        *_figure_conflicts(docs, annots),
        *_event_date_conflicts(annots, events),
        *_title_conflicts(docs, annots, entities, mention_entity),
    ]
    return sorted(found, key=lambda c: (-c.confidence, c.kind, c.about))
