"""Decoding shares one object per distinct short string (sys.intern): every span of a page repeats
its id, every mention its label and rule. Equal values either way; only the memory differs."""

from __future__ import annotations

import json

from dossier.model import SHARED_MAX, Annotations, Mention, Span, from_dict, to_dict


def _decoded(n: int) -> list[Mention]:
    mentions = [Mention(span=Span("".join(["page", "-", "7f3a"]), i, i + 4), text="".join(["Ri", "ver"]),
                        label="".join(["P", "ERSON"])) for i in range(n)]
    data = json.loads(json.dumps(to_dict(Annotations(doc_id="page-7f3a", mentions=tuple(mentions)))))
    return list(from_dict(Annotations, data).mentions)


def test_short_strings_are_one_object_per_value():
    ms = _decoded(3)
    assert ms[0].span.doc_id is ms[1].span.doc_id is ms[2].span.doc_id
    assert ms[0].label is ms[2].label and ms[0].text is ms[1].text


def test_long_strings_are_left_as_read():
    long = "x" * (SHARED_MAX + 1)
    a = from_dict(Span, json.loads(json.dumps({"doc_id": long, "start": 0, "end": 1})))
    b = from_dict(Span, json.loads(json.dumps({"doc_id": long, "start": 0, "end": 1})))
    assert a == b and a.doc_id is not b.doc_id


def _json(obj: object) -> object:
    return json.loads(json.dumps(obj))


def test_offsets_are_one_object_per_value():
    a = from_dict(Span, _json({"doc_id": "p", "start": 1000 + 7, "end": 2000 + 9}))
    b = from_dict(Span, _json({"doc_id": "p", "start": 1000 + 7, "end": 2000 + 9}))
    assert a.start is b.start and a.end is b.end
    big = from_dict(Span, _json({"doc_id": "p", "start": 1 << 20, "end": -3}))  # past the table: as read
    assert (big.start, big.end) == (1 << 20, -3)


def test_floats_are_shared_but_keep_their_type_and_sign():
    a = from_dict(Mention, _json({"span": {"doc_id": "p", "start": 0, "end": 1}, "text": "x", "label": "ORG",
                                  "confidence": 0.25 + 0.5}))
    b = from_dict(Mention, _json({"span": {"doc_id": "p", "start": 0, "end": 1}, "text": "x", "label": "ORG",
                                  "confidence": 0.5 + 0.25}))
    assert a.confidence is b.confidence
    as_int = from_dict(Mention, _json({"span": {"doc_id": "p", "start": 0, "end": 1}, "text": "x", "label": "ORG",
                                       "confidence": 1}))
    assert type(as_int.confidence) is int  # written back as it was read ("1", not "1.0")
    negative_zero = from_dict(Mention, _json({"span": {"doc_id": "p", "start": 0, "end": 1}, "text": "x",
                                              "label": "ORG", "confidence": -0.0}))
    assert str(negative_zero.confidence) == "-0.0"


def test_model_objects_have_no_dict_and_survive_pickling():
    """Slots: a dict per object was a quarter of the corpus step's memory; Dask pickles pages."""
    import pickle
    import weakref

    from dossier.model import Document

    m = _decoded(1)[0]
    assert not hasattr(m, "__dict__") and not hasattr(Document(id="d", source="s", text="t"), "__dict__")
    annots = Annotations(doc_id="page-7f3a", mentions=(m,))
    assert pickle.loads(pickle.dumps(annots)) == annots
    assert weakref.ref(annots)() is annots  # the corpus write-back keeps annotations by weak reference


def test_resolution_observations_have_no_dict():
    """One per mention of the corpus, held for the whole resolve pass."""
    from dossier.resolve.observe import Obs

    m = _decoded(1)[0]
    assert not hasattr(Obs(("page-7f3a", 0, 4), m, "River", "River", "name", None), "__dict__")
