"""find_figures: value, unit and what a number measures."""

from __future__ import annotations

import pytest

from dossier.nlp.figures import find_figures


def _figs(nlp, text):
    return find_figures(nlp(text), "d")


@pytest.mark.parametrize(
    "text, value, unit, about",
    [
        ("A poll found that only 17 percent of Russians support the plan.", 17, "percent", "Russians"),
        ("Japan offered $30 billion in aid.", 3e10, "USD", None),
        ("Moscow needed the US$6 billion worth of credits and investment.", 6e9, "USD", "credits"),
        ("About 3,000 Russians live on the island.", 3000, "people", "Russians"),
        ("The data showed a 2.3 percent increase from the previous year.", 2.3, "percent", "increase"),
        ("The pipeline carries 74 billion cubic metres of gas a year.", 7.4e10, "cubic metres", "gas"),
        ("The islands lie just 15 km off the coast.", 15, "km", None),
    ],
)
def test_figure_values(nlp, text, value, unit, about):
    figs = _figs(nlp, text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.about == about
    assert text[f.span.start : f.span.end] == f.text
    if about:
        assert text[f.about_span.start : f.about_span.end] == about


def test_megawatts_after_cardinal(nlp):
    figs = _figs(nlp, "The new plant will have a capacity of 6,450 MW when finished.")
    assert [(f.value, f.unit) for f in figs] == [(6450, "MW")]


def test_skips_years_ordinals_dates_and_labels(nlp):
    text = "In 1956 the two sides met for the 25th time on January 16. Volume: 6 Issue: 207"
    assert _figs(nlp, text) == []


def test_skips_small_spelled_numbers(nlp):
    assert _figs(nlp, "The two countries signed three agreements.") == []


def test_parse_number_words():
    from spacy.lang.en import English

    from dossier.nlp.figures import parse_number

    tok = English().tokenizer
    assert parse_number(list(tok("twenty-five million"))) == 25e6
    assert parse_number(list(tok("a million"))) == 1e6
    assert parse_number(list(tok("1,250.5"))) == 1250.5
    assert parse_number(list(tok("3bn"))) == 3e9
    assert parse_number(list(tok("several"))) is None
