"""Senses read from how English marks them (events_figurative): a release that is a document or a
freeing, a natural force's toll, attacks of words, sporting meets and rounds. Each case reads
otherwise without its rule (``_inventory_kind``, the kind before these marks, is the control)."""

from __future__ import annotations

import pytest

from dossier.extract.events_parse import _inventory_kind, trigger_kind


def _tok(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(("text", "word", "kind"), [
    # a document, not an event
    ("The company issued a press release on Monday.", "release", None),
    ("Two boats were seized, a ministry release said.", "release", None),
    ("The office said in a release that the jury had reached a verdict.", "release", None),
    # freeing someone
    ("He was on probation after his release from prison.", "release", "release"),
    ("Officials welcomed the release of the hostages on Friday.", "release", "release"),
    # a natural force as the subject of a harm verb
    ("Earthquake kills 10 in southern Iran.", "kills", "disaster"),
    ("The storm killed three people on the coast.", "killed", "disaster"),
    # attacks of words
    ("The senator faced personal attacks from his rivals.", "attacks", None),
    ("The governor attacked the plan in a speech on Tuesday.", "attacked", None),
    ("The senator managed to derail the talks for a week.", "derail", None),
    ("The young actor managed to steal the show at the premiere.", "steal", None),
    # sports
    ("The Jays will meet Indiana State in the semifinal on Saturday.", "meet", None),
    ("He was a second-round draft choice of the team.", "round", None),
])
def test_sense_marks(nlp, text: str, word: str, kind: str | None) -> None:
    tok = _tok(nlp, text, word)
    assert trigger_kind(tok) == kind
    assert _inventory_kind(tok) != kind  # the rule is what makes the difference


@pytest.mark.parametrize(("text", "word", "kind"), [
    ("The band announced the release of its new album.", "release", "launch"),
    ("Gunmen killed three people in the market.", "killed", "attack"),
    ("Militants attacked the army base at dawn.", "attacked", "attack"),
    ("The leaders met in Geneva for talks.", "met", "meeting"),
])
def test_senses_kept(nlp, text: str, word: str, kind: str) -> None:
    """Controls: the plain senses stay."""
    assert trigger_kind(_tok(nlp, text, word)) == kind
