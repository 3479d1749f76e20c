"""Golden checks of the language layer on the Kuril pages, written by reading the pages.

The raw page text is used as Document.text (the cleaner is tested on its own), so these checks
hold whatever the cleaner keeps.
"""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.nlp.annotate import annotate_many

ISLANDS = {"Habomai", "Shikotan", "Kunashiri", "Kunashir", "Etorofu", "Iturup", "Hokkaido", "Vladivostok"}


@pytest.fixture(scope="module")
def kuril(nlp, kuril_texts):
    docs = [Document(id=name[:3], source=name, text=text) for name, text in kuril_texts.items()]
    return {doc.id: (doc, ann) for doc, (ann, _) in zip(docs, annotate_many(docs, nlp))}


def _people(ann, text):
    return [m for m in ann.mentions if m.text == text and m.label == "PERSON"]


def test_mainichi_2019_surnames_resolve_to_full_names(kuril):
    _, ann = kuril["001"]
    kono = _people(ann, "Kono")
    lavrov = _people(ann, "Lavrov")
    assert len(kono) >= 5 and {m.canonical for m in kono} == {"Taro Kono"}
    assert len(lavrov) >= 5 and {m.canonical for m in lavrov} <= {"Sergei Lavrov", "Sergey Lavrov"}


def test_mainichi_2019_titles(kuril):
    _, ann = kuril["001"]
    taro = [m for m in ann.mentions if m.text == "Taro Kono" and m.title]
    assert taro and taro[0].title == "Japanese Foreign Minister"
    peskov = [m for m in ann.mentions if m.text == "Dmitry Peskov"]
    assert peskov and peskov[0].title.endswith("Spokesman")


def test_no_island_or_city_named_as_person(kuril):
    for doc_id, (_, ann) in kuril.items():
        wrong = [m.text for m in ann.mentions if m.label == "PERSON" and m.text in ISLANDS]
        assert not wrong, (doc_id, wrong)


def test_islands_in_lists_are_places(kuril):
    doc, ann = kuril["001"]
    start = doc.text.index("four islands of Kunashiri")
    names = [m for m in ann.mentions if start <= m.span.start < start + 80]
    assert {m.text for m in names} >= {"Kunashiri", "Etorofu", "Habomai", "Shikotan"}
    assert all(m.label in ("LOC", "GPE") for m in names if m.text != "Hokkaido")


def test_cnn_2000_titles_and_canonical(kuril):
    _, ann = kuril["000"]
    yohei = [m for m in ann.mentions if m.text == "Yohei Kono"]
    assert yohei[0].title == "Japanese Foreign Minister"
    putin = [m for m in ann.mentions if m.text == "Vladimir Putin"]
    assert putin[0].title == "Russia's President"
    assert {m.canonical for m in _people(ann, "Putin")} == {"Vladimir Putin"}
    assert {m.canonical for m in _people(ann, "Mori")} == {"Yoshiro Mori"}


def test_glued_name_and_place_are_split(kuril):
    doc, ann = kuril["002"]
    at = doc.text.index("with Kono Russia")
    near = [(m.text, m.label) for m in ann.mentions if at <= m.span.start < at + 20]
    assert ("Kono", "PERSON") in near and ("Russia", "GPE") in near


def test_pronoun_speaker_after_quote(kuril):
    doc, ann = kuril["003"]
    at = doc.text.index('right here," he said')
    prons = [m for m in ann.mentions if m.label == "PRON" and at < m.span.start < at + 20]
    assert prons and prons[0].canonical == "Vladimir Putin"


def test_figures(kuril):
    got = {(d, f.text, f.value, f.unit, f.about) for d, (_, ann) in kuril.items() for f in ann.figures}
    assert ("003", "only 17 percent", 17.0, "percent", "Russians") in got
    assert ("002", "US$6 billion", 6e9, "USD", "credits") in got
    assert ("004", "About 3,000", 3000.0, "people", "Russians") in got
    assert ("001", "2.3 percent", 2.3, "percent", "increase") in got
    assert ("000", "15 km", 15.0, "km", None) in got
    assert not [g for g in got if g[0] == "002" and g[2] in (6.0, 207.0)]  # "Volume: 6 Issue: 207"


def test_sentences_do_not_cross_paragraphs(kuril):
    for doc_id, (doc, ann) in kuril.items():
        assert ann.sentences, doc_id
        for s in ann.sentences:
            assert "\n\n" not in doc.text[s.start : s.end], (doc_id, doc.text[s.start : s.end][:60])
    doc, ann = kuril["000"]
    first = [doc.text[s.start : s.end] for s in ann.sentences[:4]]
    assert "Japan Hopes For Russia Treaty Progress" in first
