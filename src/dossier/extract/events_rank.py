"""Salience of timeline events: how much a story is about an event.

News conventions: an event many independent outlets report, and one told in a lead or a headline,
is what the story is about; a background line, or a mention that only supports another report,
is not. The score orders the default timeline view (main events first); nothing is hidden by it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dossier.model import Event

logger = logging.getLogger(__name__)

LEAD_WEIGHT = 1.0  # a lead or headline mention counts like one more independent report
HEADLINE_WEIGHT = 1.0  # the headline states the page's main event: the most prominent place
DAY_WEIGHT = 0.5  # a day-exact date: the report pins the event down
BACKGROUND_PENALTY = 1.5  # history recalled by the page


def salience(ev: Event) -> float:
    """Independent reports (distinct pages) + prominence + precision - background."""
    rules = {e.rule for e in ev.evidence}
    pages = len({s.doc_id for s in ev.mentions})
    score = float(pages) + ev.confidence
    score += LEAD_WEIGHT if "scope:lead" in rules else 0.0
    score += HEADLINE_WEIGHT if "scope:headline" in rules else 0.0
    score += DAY_WEIGHT if ev.precision == "day" else 0.0
    if "scope:background" in rules:
        score -= BACKGROUND_PENALTY
    if "scope:support" in rules and pages == 1:
        score -= 1.0
    return round(score, 3)


def main_events(events: Sequence[Event], share: float = 0.25, minimum: int = 25) -> list[Event]:
    """The story's main events, most salient first: the top ``share`` of the events (at least
    ``minimum``), then shown in date order by the caller if it wants a chronology."""
    ranked = sorted(events, key=lambda e: (-salience(e), e.date or "9999", e.id))
    keep = max(minimum, int(len(ranked) * share))
    return ranked[:keep]
