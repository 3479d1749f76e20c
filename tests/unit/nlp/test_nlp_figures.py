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
        ("Japan offered $30 billion in aid.", 3e10, "USD", "aid"),
        ("Moscow needed the US$6 billion worth of credits and investment.", 6e9, "USD", "credits"),
        ("About 3,000 Russians live on the island.", 3000, "people", "Russians"),
        ("The data showed a 2.3 percent increase from the previous year.", 2.3, "percent", "increase"),
        ("The pipeline carries 74 billion cubic metres of gas a year.", 7.4e10, "cubic metres", "pipeline"),
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


def _one(nlp, text):
    figs = _figs(nlp, text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    "text, about",
    [
        # subject of a measuring verb
        ("The reservoir will hold 74 billion cubic metres when full.", "reservoir"),
        ("The turbine is generating 375 megawatts, officials said.", "turbine"),
        # "the first of its X" as subject, through "began generating"
        ("The first of its turbines began generating 750 megawatts in February.", "first turbine"),
        # relative clause: "which" is the noun it hangs from
        ("Egypt wants the reservoir, which will hold 74 billion cubic metres, to be filled slowly.", "reservoir"),
        # a measuring verb's own noun joins its subject
        ("The project will cost $4.8 billion.", "project cost"),
        ("Officials now put its cost at around $5 billion.", "cost"),
        # percent of X: the whole it is a share of, not the subject
        ("Egypt gets 97 percent of its fresh water from the Nile.", "fresh water"),
        # light nouns hand over: "the number of X", "the target of" -> the clause's subject
        ("The number of Russian visitors increased 20 percent.", "Russian visitors"),
        ("The reservoir had reached the target of 4.9 billion cubic metres.", "reservoir"),
        # "a capacity of X", with its modifier
        ("Plans called for 16 turbines with a combined capacity of 6,450 megawatts.", "combined capacity"),
        # "N percent complete": the subject
        ("The dam is about 70 percent complete.", "dam"),
        # apposition-like "with a population of"
        ("Egypt, with a population of more than 105 million, depends on the river.", "population"),
    ],
)
def test_about_from_the_parse(nlp, text, about):
    figs = _figs(nlp, text)  # the figure checked is the last one ("16 turbines ... 6,450 MW")
    assert figs and figs[-1].about == about, [(f.text, f.about) for f in figs]


def test_about_is_short(nlp):
    f = _one(nlp, "The big new very expensive hydroelectric power station reservoir will hold 74 billion cubic metres.")
    assert f.about is not None and len(f.about.split()) <= 5


def test_about_none_when_nothing_fits(nlp):
    assert _one(nlp, "The islands lie just 15 km off the coast.").about is None


def test_qualifiers_carry_modality_and_time(nlp):
    text = "The first of its turbines began generating 750 megawatts in February last year, and a second unit followed in August."
    f = _one(nlp, text)
    words = [text[q.start : q.end] for q in f.qualifiers]
    assert words[0] == "in February"  # the time adjunct of its own clause comes first
    assert "began" in words and "generating" in words
    assert not any("August" in w for w in words)  # the other clause's time is not its time
    text = "The reservoir will hold 74 billion cubic metres when full."
    assert "will" in [text[q.start : q.end] for q in _one(nlp, text).qualifiers]


def test_qualifiers_skip_comparison_baseline_and_noun_dates(nlp):
    text = "The number of visitors increased 20 percent from the previous year."
    assert not any("previous" in text[q.start : q.end] for q in _one(nlp, text).qualifiers)
    text = "Egypt holds, under a 1959 agreement with Sudan, a share of 55.5 billion cubic metres."
    assert not any("1959" in text[q.start : q.end] for q in _one(nlp, text).qualifiers)


@pytest.mark.parametrize(
    "text, values",
    [
        ("Clinton leads 46 percent to 41 percent among likely voters.", [46, 41]),
        ("The campaign spent between $5 and $6 million on ads.", [5e6, 6e6]),
        ("Support fell to 30 percent versus 42 percent a year ago.", [30, 42]),
    ],
)
def test_ranges_and_comparisons_are_two_values(nlp, text, values):
    """spaCy tags "46 percent to 41 percent" as one entity; it is two figures, never their sum."""
    figs = _figs(nlp, text)
    assert [f.value for f in figs] == pytest.approx(values)
    for f in figs:
        assert text[f.span.start : f.span.end] == f.text
