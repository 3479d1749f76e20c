"""What the report embeds of each source: the cited sentences with their neighbours, not whole texts.

A 100-page story cites a few hundred sentences; embedding every page whole made the report 1 MB. Each
cited sentence is shown with the sentence before and after it (merged where they touch, "…" between
excerpts), and when the sources would pass ``budget`` characters the context is dropped to the cited
sentences alone, so the file stays small enough to mail.
"""

from __future__ import annotations

import logging
from typing import Sequence

from markupsafe import Markup

from dossier.report.html import Layer, mark_text

log = logging.getLogger(__name__)

Range = tuple[int, int]


def with_context(cited: Sequence[Range], sentences: Sequence[Range], context: int = 1) -> list[Range]:
    """The cited ranges widened by ``context`` sentences each side, merged where they overlap or touch."""
    widened: list[Range] = []
    for a, b in sorted(cited):
        idx = [i for i, (s, e) in enumerate(sentences) if s < max(b, a + 1) and e > a]
        if idx and context:
            lo, hi = max(0, idx[0] - context), min(len(sentences) - 1, idx[-1] + context)
            a, b = min(a, sentences[lo][0]), max(b, sentences[hi][1])
        widened.append((a, b))
    merged: list[Range] = []
    for a, b in widened:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def excerpt_html(text: str, windows: Sequence[Range], marks: Sequence[Layer]) -> Markup:
    """The windows of ``text``, escaped, with the cited sentences marked, joined by an ellipsis."""
    parts = []
    for a, b in windows:
        inside = [m for m in marks if a <= m.start < b or (m.start == m.end == a)]
        parts.append(Markup('<p class="excerpt">{}</p>').format(mark_text(text[a:b], inside, a)))
    return Markup('<p class="gap">…</p>').join(parts)


def plan_windows(cited: dict[str, set[Range]], sentences: dict[str, Sequence[Range]], budget: int
                 ) -> tuple[dict[str, list[Range]], int]:
    """Windows per document: one sentence of context each side while the total fits ``budget``
    characters, else the cited sentences alone. Returns the windows and the context used."""
    for context in (1, 0):
        windows = {d: with_context(sorted(r), sentences.get(d, ()), context) for d, r in cited.items()}
        size = sum(b - a for ws in windows.values() for a, b in ws)
        if size <= budget or context == 0:
            if size > budget:
                log.info("report: cited sentences alone take %d characters (budget %d)", size, budget)
            return windows, context
    raise AssertionError("unreachable")
