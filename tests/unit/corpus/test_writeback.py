"""The full corpus step's write-back: it does not keep the corpus as read alive, and it writes pages
in batches (``corpus.writeback``)."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from typing import Any

from dossier.corpus import Corpus, Pass
from dossier.corpus.writeback import AsRead, write_pages
from dossier.model import Annotations, Document, PublicationDate
from dossier.pipeline import Settings, reduce_corpus
from dossier.store import open_store
from tests.support.synthetic import build_store


def _doc(i: str, date: str = "2020-01-02") -> Document:
    return Document(id=i, source=i, text="t", published=PublicationDate(date))


def test_a_page_counts_as_replaced_unless_its_annotations_are_the_object_read():
    kept, swapped = Annotations("a"), Annotations("b")
    was = AsRead.of(Corpus({"a": _doc("a"), "b": _doc("b")}, {"a": kept, "b": swapped}))
    assert not was.replaced("a", kept)
    assert was.replaced("b", Annotations("b"))  # an equal copy is still a replacement
    assert was.replaced("c", Annotations("c"))  # a page not read
    del swapped
    gc.collect()
    assert was.annotations["b"]() is None  # the object read is not kept alive by the record
    assert was.replaced("b", Annotations("b"))


class _Recorder:
    """A store that records what ``update_documents`` is given."""

    def __init__(self) -> None:
        self.calls: list[tuple[dict[str, Any], dict[str, Any], list[str]]] = []

    def update_documents(self, dates: dict[str, Any], duplicates: dict[str, Any], annotations: Any = ()) -> None:
        self.calls.append((dates, duplicates, [a.doc_id for a in annotations]))


def test_pages_are_written_in_batches_with_only_what_changed():
    ids = [str(i) for i in range(5)]
    read = {i: Annotations(i) for i in ids}
    before = Corpus({i: _doc(i) for i in ids}, read)
    was = AsRead.of(before)
    after = Corpus({**before.documents, "1": _doc("1", "2021-05-06")},
                   {**read, "3": Annotations("3", model="x"), "9": Annotations("9")})
    store = _Recorder()
    write_pages(store.update_documents, was, after, ids, batch=2)
    assert [sorted(c[1]) for c in store.calls] == [["0", "1"], ["2", "3"], ["4"]]
    assert [list(c[0]) for c in store.calls] == [["1"], [], []]
    # the replaced page, and a page's annotations given though the page was not listed
    assert [c[2] for c in store.calls] == [[], ["3"], ["9"]]


def test_the_full_step_frees_the_annotations_a_pass_replaced(tmp_path, monkeypatch):
    """The corpus as read is handed to the passes, not kept for the write-back: once a pass has
    replaced a page's annotations, the objects read are gone."""
    import dossier.corpus

    path = build_store(tmp_path / "s.db")
    read: list[weakref.ref[Annotations]] = []
    alive: list[int] = []

    def swap(c: Corpus) -> Corpus:
        read.extend(weakref.ref(a) for a in c.annotations.values())
        return dataclasses.replace(c, annotations={i: dataclasses.replace(a) for i, a in c.annotations.items()})

    def count(c: Corpus) -> Corpus:
        gc.collect()
        alive.append(sum(r() is not None for r in read))
        return c

    passes = [Pass("swap", swap, frozenset({"documents"}), frozenset({"annotations"}), 1),
              Pass("count", count, frozenset({"documents"}), frozenset({"figures"}), 2)]
    monkeypatch.setattr(dossier.corpus, "registered_passes", lambda: passes)
    store = open_store(path, create=False)
    reduce_corpus(store, Settings(full_corpus=True))
    store.close()
    assert len(read) >= 2 and alive == [0]
