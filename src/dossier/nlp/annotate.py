"""The language layer of the per-document map step: one spaCy pass, then sentences, mentions,
times and figures as spans into ``Document.text``.

The spaCy Doc is returned beside the Annotations so the quote, event and claim extractors reuse the
parse instead of running the model again. Components are called one by one (what ``nlp.pipe`` does
inside) so paragraph starts can be marked between tokenizer and parser without adding a component
to the caller's shared pipeline.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from dossier.model import Annotations, Document, TimeExpr
from dossier.nlp.figures import find_figures
from dossier.nlp.mentions import find_mentions
from dossier.nlp.pipeline import model_label
from dossier.nlp.sentences import mark_paragraph_starts, sentence_spans

# Pipes that only feed the parser's sentence boundaries; ``parse=False`` swaps the parser for the
# cheaper statistical sentence splitter.
_PARSE_ONLY = ("parser",)
_NO_PARSE_EXTRA = ("senter",)


def active_pipes(nlp: Language, parse: bool = True) -> list[tuple[str, object]]:
    """The (name, component) pairs to run: the enabled pipeline, or with the senter instead of the
    parser when ``parse`` is False (mentions and figures then lose dependency cues)."""
    if parse:
        return list(nlp.pipeline)
    names = [n for n in nlp.component_names if n not in _PARSE_ONLY and (n in nlp.pipe_names or n in _NO_PARSE_EXTRA)]
    return [(n, nlp.get_pipe(n)) for n in names]


def find_times(doc: Document) -> tuple[TimeExpr, ...]:
    """Time expressions from ``dossier.nlp.timex`` when that module is present (written separately)."""
    try:
        from dossier.nlp.timex import find_times as _find_times
    except ImportError:
        return ()
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
    """spaCy over many texts in batches, with paragraph starts marked before the parser."""
    docs: Iterator[Doc] = (mark_paragraph_starts(nlp.make_doc(t)) for t in texts)
    for _name, proc in active_pipes(nlp, parse):
        if hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = (proc(d) for d in docs)
    return docs


def annotate_document(doc: Document, nlp: Language, parse: bool = True) -> tuple[Annotations, Doc]:
    """Run spaCy once on ``doc.text``; return the Annotations and the spaCy Doc for reuse."""
    sdoc = next(parse_many([doc.text], nlp, batch_size=1, parse=parse))
    return annotations_from(doc, sdoc, model_label(nlp)), sdoc


def annotate_many(
    docs: Iterable[Document], nlp: Language, batch_size: int = 32, parse: bool = True
) -> Iterator[tuple[Annotations, Doc]]:
    """``annotate_document`` over many documents, batching the model with ``pipe`` for throughput."""
    model = model_label(nlp)
    for_text, for_result = itertools.tee(docs)  # pipe() keeps order; tee buffers one batch
    sdocs = parse_many((d.text for d in for_text), nlp, batch_size=batch_size, parse=parse)
    for doc, sdoc in zip(for_result, sdocs):
        yield annotations_from(doc, sdoc, model), sdoc
