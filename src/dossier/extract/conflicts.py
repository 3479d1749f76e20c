"""Corpus views over figures, and conflicts: the same fact reported differently by two sources.

Three generic checks, each keeping both sources so the analyst can read them side by side:
- figures: the same measure (same head noun of "about", compatible modifiers, same unit family)
  with values that differ beyond rounding in different documents, holding around the same time
  (the figure's own clause date, else the page date), both plans or both facts, and neither
  worded as a change ("rose to", "now put at", "trimmed to", "a further");
- dates: one merged event whose mentions in different documents carry different calendar days;
- titles: one person called by incompatible offices (president vs prime minister, or ministers of
  disjoint portfolios as the page writes the title) in different documents around the same time.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from dossier.extract.conflicts_events import conflict_order, contradicting_claims, event_date_conflicts
from dossier.model import Annotations, Conflict, CorpusFigure, Document, Entity, Event, Figure, Mention, Span
from dossier.nlp.figures import PEOPLE_NOUNS, singular
from dossier.partial_date import PartialDate

logger = logging.getLogger(__name__)

# Words that mark a figure as one point of a series, not a competing report of one value.
_CHANGE_WORDS = re.compile(
    r"\b(rose|rise[sn]?|rising|fell|fall(s|en|ing)?|increas\w*|decreas\w*|grew|grow(s|n|ing)?|"
    r"climb\w*|drop\w*|declin\w*|jump\w*|surg\w*|plung\w*|up from|down from|compared with|"
    r"from \S+ to|doubl\w*|tripl\w*|halv\w*|shr[ai]nk\w*|target|goal|by \d{4}|trimm\w*|"
    r"revis\w*|originally|initially|previously|formerly|no longer)\b",
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
# Words that mark change only inside the figure's own clause ("now put at", "once called for",
# "trimmed to 13 turbines and 5,150 MW", "from 6,000 to 5,150"); in a whole sentence they are too common.
_CLAUSE_CHANGE_WORDS = re.compile(
    r"\b(from|now|once|cut|rais\w*|lower\w*|reduc\w*|expand\w*|boost\w*|added|adding)\b", re.IGNORECASE
)
# An increment, not a total: "a further 13.5 bcm", "another 5,000".
_INCREMENT = re.compile(r"\b(further|another|additional|extra)\s+$", re.IGNORECASE)
# Words of a figure's clause that make it a plan or forecast, not what is there now.
_PLAN_WORDS = re.compile(
    r"\b(will|would|shall|could|might|may|'ll|expect\w*|plan\w*|design\w*|aim\w*|intend\w*|"
    r"project(ed|s|ing)?|forecast\w*|eventually|due|propos\w*|envisag\w*|hope\w*)\b",
    re.IGNORECASE,
)
# Units of one family, with their factor to the family's base unit.
_UNIT_FAMILIES = {
    "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9),
    "m": ("length", 1.0), "km": ("length", 1e3), "miles": ("length", 1609.344),
    "km2": ("area", 1e6), "ha": ("area", 1e4), "acres": ("area", 4046.86), "square miles": ("area", 2.59e6),
    "kg": ("mass", 1.0), "tonnes": ("mass", 1e3),
}
_MONTH_ONLY = re.compile(r"XXXX-(\d{2})")
_STOP = frozenset("a an the of in on for to and or by with from at as per".split())
_MAX_FIGURE_GAP_DAYS = 45
_MAX_TITLE_GAP_DAYS = 365


def _iso_date(value: str | None) -> date | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (missing parts as the first day)."""
    p = PartialDate.parse(value)
    return p.first() if p else None


def _sentence_text(doc: Document, annot: Annotations, span: Span) -> tuple[Span, str]:
    sent = annot.sentence_of(span) or span
    return sent, doc.text[sent.start : sent.end]


def figure_date(doc: Document, annot: Annotations, fig: Figure) -> str | None:
    """When a figure holds: the time adjunct of its own clause ("began generating 750 MW in
    February last year"), else the page's date. An unresolved year stays "XXXX-MM"; None when
    neither is known. A date elsewhere in the sentence ("under a 1959 agreement", a relative clause)
    is not used: it dates something else."""
    for q in fig.qualifiers:
        for t in annot.times:
            if t.type == "DATE" and t.value and t.span.start < q.end and q.start < t.span.end:
                if _iso_date(t.value) or _MONTH_ONLY.fullmatch(t.value):
                    return t.value
    return doc.published.value


def _qualifier_text(doc: Document, annot: Annotations, fig: Figure) -> str:
    """The words that say how the figure holds; the whole sentence for figures without them."""
    if fig.qualifiers:
        return " ".join(doc.text[q.start : q.end] for q in fig.qualifiers)
    sent = annot.sentence_of(fig.span) or fig.span
    return doc.text[sent.start : sent.end]


# ---------------------------------------------------------------------------------------------
# figures
# ---------------------------------------------------------------------------------------------


def collect_figures(docs: Sequence[Document], annots: Sequence[Annotations]) -> list[CorpusFigure]:
    """One row per figure in the corpus, with its sentence, for ``dossier figures``."""
    by_id = {d.id: d for d in docs}
    rows: list[CorpusFigure] = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        if doc is None:
            continue
        for fig in annot.figures:
            sent, text = _sentence_text(doc, annot, fig.span)
            date = figure_date(doc, annot, fig)
            rows.append(CorpusFigure(fig.value, fig.span, text.strip(), fig.unit, fig.about, date))
    rows.sort(key=lambda r: ((r.about or "").lower(), r.date or "", r.doc))
    return rows


def about_key(about: str | None) -> tuple[str, frozenset[str]] | None:
    """(head noun, modifiers) of an ``about`` phrase, singular and lower case, for matching
    "first turbine" with "turbine" and "combined capacity" with "capacity"."""
    words = [singular(w) for w in re.findall(r"[a-z][a-z\-']*", (about or "").lower()) if w not in _STOP]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    if not words:
        return None
    return words[-1], frozenset(words[:-1])


def same_about(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """The same measure: the same head noun (spelling variants allowed) and modifiers of one
    contained in the other's, or near-identical wording ("first turbine" ~ "turbine", but not
    "second turbine")."""
    (ha, ma), (hb, mb) = a, b
    if ha != hb and fuzz.ratio(ha, hb) < 90:
        return False
    if ma <= mb or mb <= ma:
        return True
    return fuzz.token_set_ratio(" ".join(sorted(ma)), " ".join(sorted(mb))) >= 90


def _in_base_unit(fig: Figure) -> tuple[str, float]:
    """(unit family, value in the family's base unit): 0.75 GW and 750 MW are one figure."""
    family = _UNIT_FAMILIES.get(fig.unit or "")
    if family is None:
        return fig.unit or "", fig.value
    return family[0], fig.value * family[1]


def _decimals(text: str) -> int:
    m = re.search(r"\d+(?:[.,]\d+)*(?:\.(\d+))?", text)
    return len(m.group(1)) if m and m.group(1) else 0


def _differ_beyond_rounding(a: Figure, b: Figure) -> bool:
    """True when no rounding of the more precise value gives the less precise one."""
    if a.unit != b.unit:  # same family, other unit ("0.75 GW" / "750 MW"): a relative test
        va, vb = _in_base_unit(a)[1], _in_base_unit(b)[1]
        return abs(va - vb) > 0.02 * max(abs(va), abs(vb))
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


def _date_range(value: str | None) -> tuple[date, date] | None:
    """The days a (possibly coarse) ISO value covers: "2022-02" -> Feb 1 .. Feb 28."""
    p = PartialDate.parse(value)
    return p.span() if p else None


def dates_close(a: str | None, b: str | None, max_days: int = _MAX_FIGURE_GAP_DAYS) -> float:
    """How sure we are that two figure dates are "around the same time": 1.0 when their spans lie
    within ``max_days``; 0.7 when one has no year ("XXXX-02") and the months agree; else 0."""
    ra, rb = _date_range(a), _date_range(b)
    if ra and rb:
        gap = max(0, (max(ra[0], rb[0]) - min(ra[1], rb[1])).days)
        return 1.0 if gap <= max_days else 0.0
    month_a = _MONTH_ONLY.fullmatch(a or "")
    month_b = _MONTH_ONLY.fullmatch(b or "")
    if month_a and (rb or month_b):
        other = rb[0].month if rb else int(month_b.group(1))  # type: ignore[union-attr]
        return 0.7 if int(month_a.group(1)) == other else 0.0
    if month_b and ra:
        return 0.7 if int(month_b.group(1)) == ra[0].month else 0.0
    return 0.0


# Words before a figure that make it a bound or an estimate, not an exact value.
_LOWER_BOUND = re.compile(r"\b(more than|over|at least|above|exceeding|upwards of|in excess of)\s+$", re.IGNORECASE)
_UPPER_BOUND = re.compile(r"\b(less than|fewer than|under|up to|at most|below|as many as|as much as)\s+$", re.IGNORECASE)
_APPROX = re.compile(r"\b(about|around|nearly|almost|roughly|approximately|some|an estimated|estimated|close to)\s+$",
                     re.IGNORECASE)
# Sentences reporting a poll or an estimate: different polls and models differ by design.
_ESTIMATE_WORDS = re.compile(r"\b(poll\w*|survey\w*|estimat\w*|forecast\w*|projection\w*|margin of error)\b", re.IGNORECASE)
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_RATIO = 10.0
_APPROX_SHARE = 0.1


def _share_of_people(fig: Figure, key: tuple[str, frozenset[str]] | None = None) -> bool:
    """ "N percent of voters": what a share of people say or think is a survey's estimate (``key``:
    ``about_key(fig.about)`` when the caller has it)."""
    head = (key or about_key(fig.about) or ("", frozenset()))[0]
    return fig.unit == "percent" and (head in PEOPLE_NOUNS or head in ("people", "american", "voter", "respondent"))


def _bounds(before: str, value: float) -> tuple[float, float]:
    """The values a figure allows given the words before it ("more than 3,000": 3,000 up)."""
    if _LOWER_BOUND.search(before):
        return value, float("inf")
    if _UPPER_BOUND.search(before):
        return float("-inf"), value
    if _APPROX.search(before):
        return value * (1 - _APPROX_SHARE), value * (1 + _APPROX_SHARE)
    return value, value


def _holders(annot: Annotations, fig: Figure) -> frozenset[str]:
    """The people, organisations and places named in a figure's sentence: whose quantity it is."""
    sent = annot.sentence_of(fig.span) or fig.span
    out = set()
    for m in annot.mentions:
        if m.label in _HOLDER_LABELS and sent.start <= m.span.start < sent.end:
            out.add(m.entity_id or (m.canonical or m.text).lower())
    return frozenset(out)


@dataclass(frozen=True)
class _FigureItem:
    fig: Figure
    key: tuple[str, frozenset[str]]
    date: str | None
    plan: bool
    change: bool
    estimate: bool
    holders: frozenset[str]
    bounds: tuple[float, float]
    # Read once per figure, not per pair (a measure many pages report gives a block of 10^6 pairs):
    unit: tuple[str, float]  # ``_in_base_unit``
    share: bool  # ``_share_of_people``


def _figure_item(doc: Document, annot: Annotations, fig: Figure) -> _FigureItem | None:
    key = about_key(fig.about)
    if key is None:
        return None
    words = _qualifier_text(doc, annot, fig)
    before = doc.text[max(0, fig.span.start - 20) : fig.span.start]
    change = bool(
        _CHANGE_WORDS.search(words) or (fig.qualifiers and _CLAUSE_CHANGE_WORDS.search(words)) or _INCREMENT.search(before)
    )
    _, sentence = _sentence_text(doc, annot, fig.span)
    unit = _in_base_unit(fig)
    return _FigureItem(
        fig, key, figure_date(doc, annot, fig), bool(_PLAN_WORDS.search(words)), change,
        bool(_ESTIMATE_WORDS.search(sentence)), _holders(annot, fig), _bounds(before, unit[1]),
        unit, _share_of_people(fig, key),
    )  # fmt: skip


def _why_not(a: _FigureItem, b: _FigureItem) -> str | None:
    """The first reason two figures are not one fact reported twice, or None when they are."""
    fa, fb = a.fig, b.fig
    if fa.span.doc_id == fb.span.doc_id:
        return "same source"
    if a.unit[0] != b.unit[0]:
        return "other unit"
    if fa.unit is None and (fa.value != int(fa.value) or fb.value != int(fb.value)):
        return "a count against a rate"  # "30 exclamation points" vs "2.2 per speech"
    if a.change or b.change or a.plan != b.plan:
        return "a series or a plan"
    if a.estimate or b.estimate:
        return "a poll or estimate"
    if fa.unit == "people" and not (a.key[1] or b.key[1]) and a.key[0] in PEOPLE_NOUNS | {"people", "person"}:
        return "a head count of no one in particular"  # "about 20 people" / "nine people"
    if a.share or b.share:
        return "a share of people (a survey result)"  # "52 percent of registered voters agreed"
    if a.holders and b.holders and not a.holders & b.holders:
        return "other subject"  # one campaign's ad money against another candidate's
    va, vb = abs(a.unit[1]), abs(b.unit[1])
    if min(va, vb) * _MAX_RATIO < max(va, vb):
        return "other order of magnitude"  # two reports of one quantity differ by less: a total and a part
    if not same_about(a.key, b.key):
        return "other measure"
    (la, ha), (lb, hb) = a.bounds, b.bounds
    if max(la, lb) <= min(ha, hb):
        return "bounds overlap"  # "more than 3,000" and "3,500" agree
    return None


def _magnitude(item: _FigureItem) -> int | None:
    """The decade of the figure's absolute value in its base unit (0 gets its own bucket); None when
    the value is not finite. Two values within ``_MAX_RATIO`` lie at most one decade apart."""
    value = abs(item.unit[1])
    if not math.isfinite(value):
        return None
    return math.floor(math.log10(value)) if value > 0 else -(10**6)


def _similar_heads(heads: set[str]) -> dict[str, set[str]]:
    """Each head noun -> the heads ``same_about`` may accept with it: itself, and those of about the
    same length (a fuzz.ratio of 90 allows one edit in ten letters) scoring 90 or more."""
    by_len: dict[int, list[str]] = {}
    for h in heads:
        by_len.setdefault(len(h), []).append(h)
    out: dict[str, set[str]] = {}
    for h in heads:
        near = [g for n in range(int(len(h) * 0.8), int(len(h) * 1.25) + 2) for g in by_len.get(n, ()) if g != h]
        found = process.extract(h, near, scorer=fuzz.ratio, score_cutoff=89.5, limit=None) if near else []
        out[h] = {h, *(g for g, _, _ in found)}
    return out


def _figure_pairs(items: list[_FigureItem]) -> Iterator[tuple[_FigureItem, _FigureItem]]:
    """The pairs of ``combinations(items, 2)``, in that order, that ``_why_not`` can accept: a figure
    worded as a change, an estimate or a survey share never pairs; the others pair only within their
    unit family, within two decades and with a similar head noun. Blocking on what ``_why_not``
    requires keeps this linear in the figures of one measure instead of quadratic in all of them."""
    keep = [i for i, it in enumerate(items) if not (it.change or it.estimate or it.share)]
    similar = _similar_heads({items[i].key[0] for i in keep})
    blocks: dict[tuple[str, int | None, str], list[int]] = {}
    for i in keep:
        blocks.setdefault((items[i].unit[0], _magnitude(items[i]), items[i].key[0]), []).append(i)
    mags_of: dict[tuple[str, str], set[int | None]] = {}
    for fam, mag, head in blocks:
        mags_of.setdefault((fam, head), set()).add(mag)
    for i in keep:
        fam, head, mag = items[i].unit[0], items[i].key[0], _magnitude(items[i])
        found: set[int] = set()
        for h in similar[head]:
            for m in mags_of.get((fam, h), ()):
                if mag is None or m is None or abs(m - mag) <= 2:
                    found.update(j for j in blocks[(fam, m, h)] if j > i)
        for j in sorted(found):
            yield items[i], items[j]


def _figure_conflicts(docs: Sequence[Document], annots: Sequence[Annotations]) -> list[Conflict]:
    """Two figures conflict when they measure one quantity (same head noun and modifiers, unit
    family, subject) at one time (overlapping dates), from different sources, both exact values
    or bounds that exclude each other, and neither a point of a series, a plan or a poll."""
    by_id = {d.id: d for d in docs}
    items = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        for fig in annot.figures if doc is not None else ():
            item = _figure_item(doc, annot, fig)  # type: ignore[arg-type]
            if item is not None:
                items.append(item)
    out: list[Conflict] = []
    for a, b in _figure_pairs(items):
        if _why_not(a, b) is not None:
            continue
        near = dates_close(a.date, b.date)
        if not near or not _differ_beyond_rounding(a.fig, b.fig):
            continue
        about = a.fig.about if len(a.key[1]) >= len(b.key[1]) else b.fig.about
        who = ", ".join(sorted(a.holders & b.holders)) or "the story"
        out.append(
            Conflict(
                kind="figure",
                about=about or "",
                values=(a.fig.text, b.fig.text),
                sources=(a.fig.span, b.fig.span),
                confidence=round(min(a.fig.confidence, b.fig.confidence) * 0.8 * near, 3),
                reason=f"same measure ({about}) of {who}, same unit, dated {a.date} and {b.date}, two sources",
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# event dates
# ---------------------------------------------------------------------------------------------


# (event dates and contradicting claims live in conflicts_events)


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


def _title_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    entities: Sequence[Entity],
) -> list[Conflict]:
    """One conflict per person and per office that disagrees with the office most mentions give."""
    dates = {d.id: _iso_date(d.published.value) for d in docs}
    texts = {d.id: d.text for d in docs}
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


def find_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    events: Sequence[Event],
    entities: Sequence[Entity],
) -> list[Conflict]:
    """All figure, event-date, contradicting-claim and title conflicts, most confident first."""
    found = [
        *_figure_conflicts(docs, annots),
        *event_date_conflicts(annots, events),
        *contradicting_claims(docs, annots, events),
        *_title_conflicts(docs, annots, entities),
    ]
    return conflict_order(found)
