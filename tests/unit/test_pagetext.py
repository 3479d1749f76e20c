"""The full corpus step holds each page's text compressed (``dossier.pagetext``): the documents it
reads are equal to the stored ones field for field, and texts by page are decoded when asked."""

from __future__ import annotations

import dataclasses
import pickle
import sys

from dossier.model import Document, PublicationDate, to_dict
from dossier.pagetext import PageTexts, TextPacked, TextsOf, page_texts, text_packed
from dossier.store import open_store
from tests.support.synthetic import build_store

# a curly quote makes the string two bytes a character; a lone surrogate can come from JSON
_TEXT = "Lena Vos said \u2019we will not\u2019. " * 40 + "\ud800 \U0001F600 end."


def _doc(i: str = "a", text: str = _TEXT) -> Document:
    return Document(id=i, source=f"{i}.txt", text=text, title="Talks", published=PublicationDate("2020-01-02"))


def test_a_packed_document_is_its_document_field_for_field_in_less_memory():
    doc = _doc()
    packed = text_packed(doc)
    assert isinstance(packed, TextPacked) and packed.text == doc.text
    assert packed == doc and doc == packed and hash(packed) == hash(doc) and not packed != doc
    assert packed != _doc(text="other") and packed != dataclasses.replace(doc, title="Other")
    assert to_dict(packed) == to_dict(doc) and dataclasses.asdict(packed) == dataclasses.asdict(doc)
    assert pickle.loads(pickle.dumps(packed)) == doc and text_packed(packed) is packed
    assert sys.getsizeof(packed._packed) < sys.getsizeof(doc.text) / 4


def test_replacing_a_field_keeps_the_text_packed():
    moved = dataclasses.replace(text_packed(_doc()), status="duplicate", duplicate_of="b")
    assert isinstance(moved, TextPacked) and moved.text == _TEXT
    assert moved == dataclasses.replace(_doc(), status="duplicate", duplicate_of="b")


def test_texts_by_page_are_read_when_asked():
    docs = [text_packed(_doc("a")), _doc("b", "Plain words.")]
    texts = page_texts(docs)
    assert isinstance(texts, PageTexts) and dict(texts) == {"a": _TEXT, "b": "Plain words."}
    assert texts.get("c", "") == "" and texts.get("c") is None and texts.get("b") == "Plain words." and "a" in texts and len(texts) == 2 and list(texts.values())[1] == "Plain words."
    assert list(TextsOf(docs)) == [_TEXT, "Plain words."] and len(TextsOf(docs)) == 2


def test_the_full_step_reads_every_page_with_its_text_packed(tmp_path):
    path = build_store(tmp_path / "s.db")
    store = open_store(str(path), create=False)
    got = store.corpus_documents()
    assert got and all(isinstance(d, TextPacked) for d in got)
    assert [d.text for d in got] == [d.text for d in store.documents()]
