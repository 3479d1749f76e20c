"""Corpus views over figures, and conflicts: the same fact reported differently by two sources.

Three generic checks, each keeping both sources so the analyst can read them side by side:
- figures: the same measure (same head noun of "about", compatible modifiers, same unit family)
  with values that differ beyond rounding in different documents, holding around the same time
  (the figure's own clause date, else the page date), both plans or both facts, and neither
  worded as a change ("rose to", "now put at", "trimmed to", "a further");
- dates: one merged event whose mentions in different documents carry different calendar days;
- titles (``conflicts_titles``): one person called by incompatible offices in different documents
  around the same time.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from dossier.extract.conflicts_events import conflict_order, contradicting_claims, event_date_conflicts
from dossier.extract.conflicts_titles import iso_date, title_conflicts
from dossier.model import Annotations, Conflict, CorpusFigure, Document, Entity, Event, Figure, Span
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
# Words that mark change only inside the figure's own clause ("now put at", "once called for",
# "trimmed to 13 turbines and 5,150 MW", "from 6,000 to 5,150"); in a whole sentence they are too common.
_CLAUSE_CHANGE_WORDS = re.compile(
    r"\b(from|now|once|cut|rais\w*|lower\w*|reduc\w*|expand\w*|boost\w*|added|adding)\b", re.IGNORECASE
)
# An increment, not a total: "a further 13.5 bcm", "another 5,000".
_INCREMENT = re.compile(r"\b(further|another|additional|extra)\s+$", re.IGNORECASE)
_INCREMENT_MODIFIERS = frozenset({"additional", "extra", "further", "more"})  # "99 additional delegates"
# A figure that is the size of a difference between two quantities, not a quantity: "led <Name> by
# nearly 300 delegates", "a lead of 400", "71 delegates short of the number needed", "12 more
# than"; and percentage points, which by definition measure a gap or a change between percentages.
_DIFFERENCE_BEFORE = re.compile(
    r"(?:\b(?:lead|led|leads|leading|trail\w*|won|wins?|winning|beat\w*|best\w*|lost|los(?:es|ing)|ahead|behind|"
    r"outpac\w*|outnumber\w*|exceed\w*|edg\w*)\b[^.;:]{0,40}\bby|"
    r"\b(?:lead|margin|edge|advantage|gap|deficit|bounce)\s+of)"
    r"\s+(?:(?:about|nearly|almost|roughly|some|around|just|only|more than|less than|over|under|at least)\s+)*$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:short of|more than|fewer than|ahead of|behind)\b", re.IGNORECASE)
_DIFFERENCE_UNITS = frozenset({"percentage points"})
# The denominator of a proportion ("six in 10 voters", "four out of 10"), and a running tally
# ("has won 100 delegates so far"), which moves from one day to the next: neither is one value.
_PROPORTION_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_RUNNING_TALLY = re.compile(r"[^.;]{0,40}?\b(?:so far|thus far|to date)\b", re.IGNORECASE)
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
_TALLY_GAP_DAYS = 7  # a plain count ("370 delegates") held by someone: a week of the story moves it


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
                if iso_date(t.value) or _MONTH_ONLY.fullmatch(t.value):
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


def collect_figures(docs: Sequence[Document], annots: Sequence[Annotations],
                    figures_of: Callable[[Annotations], Sequence[Figure]] | None = None) -> list[CorpusFigure]:
    """One row per figure in the corpus, with its sentence, for ``dossier figures``. ``figures_of``:
    a page's figures, when ``annots`` are held without them (``corpus.held``)."""
    by_id = {d.id: d for d in docs}
    rows: list[CorpusFigure] = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        if doc is None:
            continue
        for fig in annot.figures if figures_of is None else figures_of(annot):
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


def _share_of_people(fig: Figure, key: tuple[str, frozenset[str]] | None = None, annot: Annotations | None = None) -> bool:
    """ "N percent of voters": what a share of people say or think is a survey's estimate (``key``:
    ``about_key(fig.about)`` when the caller has it). A group named as such ("of <Party members>",
    a nationality: a NORP mention over the measured words) is people too."""
    if fig.unit != "percent":
        return False
    head = (key or about_key(fig.about) or ("", frozenset()))[0]
    if head in PEOPLE_NOUNS or head in ("people", "american", "voter", "respondent"):
        return True
    about = fig.about_span
    return annot is not None and about is not None and any(
        m.label == "NORP" and about.start <= m.span.start < about.end for m in annot.mentions)


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
    counted = fig.about_span or fig.span  # "a dozen <Party members>": what is counted holds nothing
    out = set()
    for m in annot.mentions:
        if m.label in _HOLDER_LABELS and sent.start <= m.span.start < sent.end and not (
                counted.start <= m.span.start < counted.end or fig.span.start <= m.span.start < fig.span.end):
            out.add(m.entity_id or (m.canonical or m.text).lower())
    return frozenset(out)


def _subjects(annot: Annotations, fig: Figure) -> frozenset[str]:
    """Whose quantity the figure's own clause says it is: the entity named as the subject of its
    nearest verb that has one ("<Name> has 370 delegates, <Other> has 129"). The map keeps the
    clause's verbs, nearest first, each followed by its subject, among the figure's qualifiers; of
    those words only a subject is a name or a pronoun, so the first person, organisation or place
    mention there (or a pronoun, known only once resolved) is the subject. Empty when unknown."""
    for q in fig.qualifiers:
        for m in annot.mentions:
            if not q.overlaps(m.span):
                continue
            if m.label in _HOLDER_LABELS:
                return frozenset({m.entity_id or (m.canonical or m.text).lower()})
            if m.label == "PRON":
                return frozenset({m.entity_id}) if m.entity_id else frozenset()
    return frozenset()


@dataclass(frozen=True)
class _FigureItem:
    fig: Figure
    key: tuple[str, frozenset[str]]
    date: str | None
    plan: bool
    change: bool
    estimate: bool
    holders: frozenset[str]
    subjects: frozenset[str]  # ``_subjects``
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
        or key[1] & _INCREMENT_MODIFIERS or _difference(doc.text, fig)
    )
    _, sentence = _sentence_text(doc, annot, fig.span)
    unit = _in_base_unit(fig)
    return _FigureItem(
        fig, key, figure_date(doc, annot, fig), bool(_PLAN_WORDS.search(words)), change,
        bool(_ESTIMATE_WORDS.search(sentence)), _holders(annot, fig), _subjects(annot, fig), _bounds(before, unit[1]),
        unit, _share_of_people(fig, key, annot),
    )  # fmt: skip


def _difference(text: str, fig: Figure) -> bool:
    """The figure is the size of a gap or a change, a proportion's denominator or a running tally,
    not one quantity (see ``_DIFFERENCE_BEFORE``): a gap between two candidates' tallies is no
    competing report of either."""
    if fig.unit in _DIFFERENCE_UNITS:
        return True
    before = text[max(0, fig.span.start - 70) : fig.span.start]
    return bool(_DIFFERENCE_BEFORE.search(before) or _PROPORTION_BEFORE.search(before)
                or _DIFFERENCE_AFTER.match(text, fig.span.end) or _RUNNING_TALLY.match(text, fig.span.end))


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
    if fa.unit is None and not (a.key[1] or b.key[1]) and not a.subjects & b.subjects:
        return "a count of things of no one in particular"  # "595 delegates at stake" / "2,383 needed"
    if (a.holders or b.holders) and not a.holders & b.holders:
        # one quantity reported twice names whose it is both times: "52 percent of the vote" of a
        # named candidate and the same words of no one named are two contests
        return "other subject" if a.holders and b.holders else "named in one only"
    if a.subjects and b.subjects and not a.subjects & b.subjects:
        return "other subject of its clause"  # a tally of one candidate against another's in the same story
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


def _figure_conflicts(docs: Sequence[Document], annots: Sequence[Annotations],
                      figures_of: Callable[[Annotations], Sequence[Figure]] | None = None) -> list[Conflict]:
    """Two figures conflict when they measure one quantity (same head noun and modifiers, unit
    family, subject) at one time (overlapping dates), from different sources, both exact values
    or bounds that exclude each other, and neither a point of a series, a plan or a poll."""
    by_id = {d.id: d for d in docs}
    items = []
    for annot in annots:
        doc = by_id.get(annot.doc_id)
        if doc is None:
            continue
        for fig in annot.figures if figures_of is None else figures_of(annot):
            item = _figure_item(doc, annot, fig)
            if item is not None and not (item.change or item.estimate or item.share):
                items.append(item)  # one that never pairs (see ``_figure_pairs``) is not kept to the end
    out: list[Conflict] = []
    for a, b in _figure_pairs(items):
        if _why_not(a, b) is not None:
            continue
        # a plain count of things is a tally that moves with the story: one fact only within days
        near = dates_close(a.date, b.date, _TALLY_GAP_DAYS if a.fig.unit is None else _MAX_FIGURE_GAP_DAYS)
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


# (event dates and contradicting claims live in conflicts_events)


def find_conflicts(
    docs: Sequence[Document],
    annots: Sequence[Annotations],
    events: Sequence[Event],
    entities: Sequence[Entity],
    figures_of: Callable[[Annotations], Sequence[Figure]] | None = None,
) -> list[Conflict]:
    """All figure, event-date, contradicting-claim and title conflicts, most confident first.
    ``figures_of``: a page's figures, when ``annots`` are held without them (the full corpus step
    decodes them one page at a time, ``corpus.held``)."""
    found = [
        *_figure_conflicts(docs, annots, figures_of),
        *event_date_conflicts(annots, events),
        *contradicting_claims(docs, annots, events),
        *title_conflicts(docs, annots, entities),
    ]
    return conflict_order(found)
