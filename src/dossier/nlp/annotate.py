"""The language layer of the per-document map step: one spaCy pass, then sentences, mentions,
times and figures as spans into ``Document.text``.

The spaCy Doc is returned beside the Annotations so the quote, event and claim extractors reuse the
parse instead of running the model again. Components are called one by one (what ``nlp.pipe`` does
inside) so paragraph starts can be marked between tokenizer and parser without adding a component
to the caller's shared pipeline, and so the attribute ruler can run through an equivalent, faster
matcher (``fast_component``).
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler.set_annotations calls

from dossier.model import Annotations, Document, TimeExpr
from dossier.nlp.figures import find_figures
from dossier.nlp.mentions import find_mentions
from dossier.nlp.pipeline import model_label
from dossier.nlp.sentences import mark_paragraph_starts, sentence_spans

logger = logging.getLogger(__name__)

# Pipes that only feed the parser's sentence boundaries; ``parse=False`` swaps the parser for the
# cheaper statistical sentence splitter.
_PARSE_ONLY = ("parser",)
_NO_PARSE_EXTRA = ("senter",)


def active_pipes(nlp: Language, parse: bool = True) -> list[tuple[str, Any]]:
    """The (name, component) pairs to run: the enabled pipeline, or with the senter instead of the
    parser when ``parse`` is False (mentions and figures then lose dependency cues)."""
    if parse:
        return list(nlp.pipeline)
    names = [n for n in nlp.component_names if n not in _PARSE_ONLY and (n in nlp.pipe_names or n in _NO_PARSE_EXTRA)]
    return [(n, nlp.get_pipe(n)) for n in names]


# ------------------------------------------------------------------------------------------
# A faster way to run spaCy's AttributeRuler, same result.
#
# Why hand-written: the ruler of the English pipelines (tag -> POS/morph map plus word exceptions,
# ~180 patterns) runs spaCy's general Matcher, which tries every pattern at every token: it costs
# as much as the dependency parser. Those patterns are fixed-length token tests (an attribute equal
# to, in, not in a set of values, or matching a regex), so they are evaluated here on the
# ``Doc.to_array`` columns through a value -> positions index, and the matches are handed to the
# ruler's own ``set_annotations``: the attributes written are the ruler's. A ruler holding anything
# else (operators, extension attributes, other predicates) runs as is.
# ------------------------------------------------------------------------------------------

# Token attributes the Matcher reads with the same struct accessor ``Doc.to_array`` uses.
_FAST_ATTRS = frozenset(
    "ORTH LOWER NORM TAG POS DEP LEMMA IS_ALPHA IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT IS_SPACE LIKE_NUM".split()
)


@dataclass(frozen=True)
class _TokenTest:
    """One test on the token ``offset`` places into the pattern: its column ``col`` is one of
    (kind "eq" / "IN") or none of ("NOT_IN") the string ids ``values``, or matches ``pattern``."""

    offset: int
    col: int
    kind: str
    values: frozenset[int] = frozenset()
    pattern: str | None = None


@dataclass(frozen=True)
class _RuleTable:
    attrs: tuple[int, ...]  # Doc.to_array columns
    rules: tuple[tuple[int, int, int, tuple[_TokenTest, ...]], ...]  # (attr index, match key, length, tests)


def _value_id(value: object, strings: Any) -> int | None:  # spaCy's StringStore
    """The id the Matcher compares a pattern value with (string hash or symbol; bools as 0/1)."""
    if isinstance(value, str):
        return int(strings[value])
    if isinstance(value, (bool, int)):
        return int(value)
    return None


def _compile_ruler(ruler: AttributeRuler) -> _RuleTable | None:
    """The ruler's patterns as column tests, or None when one of them needs the real Matcher."""
    strings = ruler.vocab.strings
    cols: dict[int, int] = {}
    rules = []
    for i in range(len(ruler.attrs)):
        key = str(i)  # AttributeRuler.add() names the i-th pattern group str(i)
        got = ruler.matcher.get(key)
        if got is None:
            return None
        for pattern in got[1]:
            tests = []
            for offset, spec in enumerate(pattern):
                for name, value in spec.items():
                    attr = "ORTH" if str(name).upper() == "TEXT" else str(name).upper()
                    if attr not in _FAST_ATTRS:
                        return None  # OP, "_", ENT_*, SENT_START, ...
                    col = cols.setdefault(IDS[attr], len(cols))
                    if isinstance(value, dict):
                        if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                            return None
                        kind, items = next(iter(value.items()))
                        if kind == "REGEX":
                            if not isinstance(items, str):
                                return None
                            tests.append(_TokenTest(offset, col, kind, pattern=items))
                            continue
                        if not isinstance(items, (list, tuple)) or not all(isinstance(v, str) for v in items):
                            return None
                        tests.append(_TokenTest(offset, col, kind, frozenset(int(strings[v]) for v in items)))
                    else:
                        vid = _value_id(value, strings)
                        if vid is None:
                            return None
                        tests.append(_TokenTest(offset, col, "eq", frozenset((vid,))))
            if pattern:
                tests.sort(key=lambda t: _KIND_ORDER[t.kind])
                rules.append((i, int(strings[key]), len(pattern), tuple(tests)))
    return _RuleTable(tuple(cols), tuple(rules))


_KIND_ORDER = {"eq": 0, "IN": 1, "REGEX": 2, "NOT_IN": 3}  # tests that give few candidates first


@functools.lru_cache(maxsize=8)
def _compiled_ruler(ruler: AttributeRuler, n_groups: int, n_keys: int) -> _RuleTable | None:
    """``_compile_ruler`` once per ruler and pattern count (annotate_document runs per document)."""
    return _compile_ruler(ruler)


def _rule_matches(doc: Doc, table: _RuleTable) -> list[tuple[int, int, int, int]]:
    """(attr index, match key, start, end) of every pattern match, sorted as AttributeRuler.match
    sorts them (later pattern groups override earlier ones).

    Each column is indexed once (value -> token positions), so a pattern whose word or tag is
    not in the document costs one dictionary look-up; the other tests of a pattern are checked
    on its few candidate positions only."""
    n = len(doc)
    if n == 0 or not table.attrs:
        return []
    arr = doc.to_array(list(table.attrs)).reshape(n, len(table.attrs))
    cols: list[list[int]] = [arr[:, j].tolist() for j in range(len(table.attrs))]
    where: dict[int, dict[int, list[int]]] = {}
    regex_ok: dict[tuple[int, str], set[int]] = {}

    def positions(col: int) -> dict[int, list[int]]:
        got = where.get(col)
        if got is None:
            got = {}
            for i, v in enumerate(cols[col]):
                got.setdefault(v, []).append(i)
            where[col] = got
        return got

    def allowed(t: _TokenTest) -> set[int] | frozenset[int]:
        if t.kind != "REGEX":
            return t.values
        key = (t.col, str(t.pattern))
        if key not in regex_ok:  # the Matcher searches the attribute's string
            rx = re.compile(str(t.pattern))
            regex_ok[key] = {v for v in positions(t.col) if rx.search(doc.vocab.strings[v])}
        return regex_ok[key]

    out: list[tuple[int, int, int, int]] = []
    for attr_index, key, length, tests in table.rules:
        span = n - length + 1
        if span <= 0:
            continue
        cands: list[int] | range = range(span)
        for k, t in enumerate(tests):
            col, off = cols[t.col], t.offset
            if t.kind == "NOT_IN":
                cands = [s for s in cands if col[s + off] not in t.values]
            elif k == 0:
                pos = positions(t.col)
                found = [p - off for v in allowed(t) for p in pos.get(v, ()) if 0 <= p - off < span]
                cands = sorted(found) if t.kind != "eq" else found
            else:
                ok = allowed(t)
                cands = [s for s in cands if col[s + off] in ok]
            if not cands:
                break
        out.extend((attr_index, key, s, s + length) for s in cands)
    return sorted(set(out))  # the Matcher reports a (key, start, end) once


def set_ruled(ruler: Any, doc: Doc, matches: Iterable[tuple[int, int, int, int]]) -> None:
    """``AttributeRuler.set_annotations`` without a ``Span`` per match (a page has about one match
    a word: the Span was over half the cost): each match's token gets the ruler's attributes by
    spaCy's own ``set_token_attrs``, in the same order. An index outside its match goes to the
    ruler's method, which raises its own error."""
    attrs, indices = ruler.attrs, ruler.indices
    for attr_id, key, start, end in matches:
        index = indices[attr_id]
        at = start + index if index >= 0 else end + index
        if not start <= at < end:
            ruler.set_annotations(doc, [(attr_id, key, start, end)])
            continue
        set_token_attrs(doc[at], attrs[attr_id])


def fast_component(proc: object) -> Callable[[Doc], Doc] | None:
    """A faster stand-in for a pipeline component with the same output, or None (run it as is).
    Only spaCy's AttributeRuler has one."""
    if type(proc) is not AttributeRuler:
        return None
    try:
        table = _compiled_ruler(proc, len(proc.attrs), len(proc.matcher))
    except (AttributeError, KeyError, TypeError, ValueError):  # another spaCy's ruler internals
        return None
    if table is None:
        return None

    def apply(doc: Doc) -> Doc:
        set_ruled(proc, doc, _rule_matches(doc, table))
        return doc

    return apply


def find_times(doc: Document) -> tuple[TimeExpr, ...]:
    """Time expressions of ``dossier.date.timex``, anchored at the document's publication date."""
    from dossier.date.timex import find_times as _find_times

    return tuple(_find_times(doc.text, doc.published.value, doc.id))


def annotations_from(doc: Document, sdoc: Doc, model: str) -> Annotations:
    """Annotations of one document from its processed spaCy Doc."""
    return Annotations(
        doc_id=doc.id,
        sentences=sentence_spans(sdoc, doc.id, doc.text),
        mentions=find_mentions(sdoc, doc.id, doc.text),
        times=find_times(doc),
        figures=tuple(find_figures(sdoc, doc.id, doc.text)),
        model=model,
    )


def parse_many(texts: Iterable[str], nlp: Language, batch_size: int = 32, parse: bool = True) -> Iterator[Doc]:
    """spaCy over many texts in batches, with paragraph starts marked before the parser; the
    attribute ruler runs through ``fast_component`` (same output, a fraction of the time)."""
    docs: Iterator[Doc] = (mark_paragraph_starts(nlp.make_doc(t)) for t in texts)
    for _name, proc in active_pipes(nlp, parse):
        fast = fast_component(proc)
        if fast is not None:
            docs = map(fast, docs)
        elif hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = (proc(d) for d in docs)
    return docs


def annotate_document(doc: Document, nlp: Language, parse: bool = True) -> tuple[Annotations, Doc]:
    """Run spaCy once on ``doc.text``; return the Annotations and the spaCy Doc for reuse."""
    sdoc = next(parse_many([doc.text], nlp, batch_size=1, parse=parse))
    return annotate_parsed(doc, sdoc, nlp), sdoc


def annotate_parsed(doc: Document, sdoc: Doc, nlp: Language) -> Annotations:
    """The Annotations of ``doc`` from its spaCy Doc made by ``parse_many`` (a batch of pages)."""
    return annotations_from(doc, sdoc, model_label(nlp))


def annotate_many(
    docs: Iterable[Document], nlp: Language, batch_size: int = 32, parse: bool = True
) -> Iterator[tuple[Annotations, Doc]]:
    """``annotate_document`` over many documents, batching the model with ``pipe`` for throughput."""
    model = model_label(nlp)
    for_text, for_result = itertools.tee(docs)  # pipe() keeps order; tee buffers one batch
    sdocs = parse_many((d.text for d in for_text), nlp, batch_size=batch_size, parse=parse)
    for doc, sdoc in zip(for_result, sdocs):
        yield annotations_from(doc, sdoc, model), sdoc
