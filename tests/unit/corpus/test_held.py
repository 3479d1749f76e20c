"""The full corpus step holds each page's quotes and figures packed apart from its annotations
(``corpus.held``) and joins them back only for the passes that read them and for the write-back."""

from __future__ import annotations

import dataclasses

from dossier.corpus import Corpus
from dossier.corpus.held import HELD, apart, held_apart, joined, kept_apart, pack, unpack
from dossier.model import Annotations, Document, Figure, Mention, PublicationDate, Quote, Span
from dossier.pipeline import Settings, reduce_corpus
from dossier.store import open_store
from tests.support.synthetic import build_store


def _page(i: str) -> tuple[Document, Annotations]:
    doc = Document(id=i, source=i, text="Lena Vos said: we will not. 12 people came.", published=PublicationDate("2020-01-02"))
    quote = Quote(Span(i, 15, 27), "we will not.", "direct", speaker="Lena Vos", speaker_span=Span(i, 0, 8))
    fig = Figure(Span(i, 28, 30), "12", 12.0, about="people")
    lena = Mention(Span(i, 0, 8), "Lena Vos", "PERSON", canonical="Lena Vos")
    return doc, Annotations(i, mentions=(lena,), quotes=(quote,), figures=(fig,))


def test_held_fields_leave_the_annotations_and_come_back_equal():
    annots = {d.id: a for d, a in (_page(i) for i in "ab")}
    corpus = held_apart(Corpus({i: _page(i)[0] for i in "ab"}, annots))
    assert all(not a.quotes and not a.figures and a.mentions for a in corpus.annotations.values())
    assert set(corpus.held) == set(HELD) and set(corpus.held["quotes"]) == {"a", "b"}
    assert [corpus.whole(a) for a in corpus.annotations.values()] == list(annots.values())
    only = corpus.live_annotations(("quotes",))
    assert [a.quotes for a in only] == [a.quotes for a in annots.values()] and not any(a.figures for a in only)


def test_a_page_without_quotes_holds_nothing_and_is_kept_as_read():
    bare = Annotations("c", mentions=_page("c")[1].mentions)
    out, held = apart({"c": bare})
    assert out["c"] is bare and held == {f: {} for f in HELD}
    assert joined(bare, held, HELD) is bare


def test_what_a_pass_left_unchanged_stays_the_object_read_and_a_change_is_packed_again():
    _, whole = _page("a")
    out, held = apart({"a": whole})
    was = out["a"]
    joined_back = joined(was, held, ("quotes",))
    assert kept_apart(was, joined_back, joined_back, held) == (was, {})
    spoke = dataclasses.replace(joined_back, quotes=(dataclasses.replace(whole.quotes[0], speaker_entity="e-vos"),))
    kept, changed = kept_apart(was, joined_back, spoke, held)
    assert not kept.quotes and not kept.figures and set(changed) == {"quotes"}
    assert unpack("quotes", "a", changed["quotes"]) == spoke.quotes
    assert unpack("quotes", "a", pack(())) == ()


def test_a_field_a_pass_set_is_not_overwritten_by_the_held_copy():
    _, whole = _page("a")
    out, held = apart({"a": whole})
    other = (dataclasses.replace(whole.quotes[0], text="other"),)
    assert joined(dataclasses.replace(out["a"], quotes=other), held, HELD).quotes == other


def test_the_full_step_resolves_without_quotes_in_memory_and_writes_them_back(tmp_path, monkeypatch):
    import dossier.resolve

    path = build_store(tmp_path / "s.db")
    store = open_store(path, create=False)
    stored = {i: (a.quotes, a.figures) for i, a in store.all_annotations().items()}
    store.close()
    seen: list[int] = []
    resolve = dossier.resolve.resolve_entities

    def spy(docs, annots, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(sum(len(a.quotes) + len(a.figures) for a in annots))
        return resolve(docs, annots, *args, **kwargs)

    monkeypatch.setattr(dossier.resolve, "resolve_entities", spy)
    store = open_store(path, create=False)
    reduce_corpus(store, Settings(full_corpus=True))
    after = store.all_annotations()
    store.close()
    assert any(q for q, _ in stored.values()) and any(f for _, f in stored.values())
    assert seen and set(seen) == {0}
    assert {i: (len(a.quotes), len(a.figures)) for i, a in after.items()} == {i: (len(q), len(f)) for i, (q, f) in stored.items()}


def test_with_nothing_held_a_changed_page_is_the_pass_s_own_object():
    _, whole = _page("a")
    new = dataclasses.replace(whole, model="m")
    assert kept_apart(whole, whole, new, {}) == (new, {}) and kept_apart(whole, whole, new, {})[0] is new


def test_short_strings_of_a_held_field_are_shared_with_the_rest_of_the_corpus():
    import sys

    _, whole = _page("a")
    _, held = apart({"a": whole})
    back = unpack("quotes", "a", held["quotes"]["a"])
    assert back == whole.quotes and back[0].speaker is sys.intern("Lena Vos")


def test_sentences_are_held_as_offsets_read_as_the_spans_they_were():
    from dossier.corpus.held import Offsets, as_stored, sentences_as_offsets
    from dossier.model import to_dict

    spans = (Span("a", 0, 27), Span("a", 28, 44), Span("a", 45, 70000))
    annots = dataclasses.replace(_page("a")[1], sentences=spans)
    held = sentences_as_offsets(annots)
    got = held.sentences
    assert isinstance(got, Offsets) and got == spans and spans == got and hash(got) == hash(spans) and held == annots
    assert list(got) == list(spans) and got[0] == spans[0] and got[-1] == spans[-1] and got[1:] == spans[1:]
    assert len(got) == 3 and got and held.sentence_of(Span("a", 30, 31)) == spans[1] and repr(got) == repr(spans)
    assert held.sentence_of(Span("a", 27, 28)) is None is annots.sentence_of(Span("a", 27, 28))
    try:
        got[3]
    except IndexError:
        pass
    else:
        raise AssertionError("past the end")
    assert as_stored(held).sentences.__class__ is tuple and to_dict(as_stored(held)) == to_dict(annots)
    other = dataclasses.replace(annots, sentences=(Span("b", 0, 3),))
    assert sentences_as_offsets(other) is other and sentences_as_offsets(Annotations("c")) == Annotations("c")


def test_the_full_step_holds_sentences_as_offsets():
    annots = {d.id: dataclasses.replace(a, sentences=(Span(d.id, 0, 27),)) for d, a in (_page(i) for i in "ab")}
    corpus = held_apart(Corpus({i: _page(i)[0] for i in "ab"}, annots))
    assert all(type(a.sentences).__name__ == "Offsets" for a in corpus.annotations.values())
    assert [corpus.whole(a) for a in corpus.annotations.values()] == list(annots.values())
