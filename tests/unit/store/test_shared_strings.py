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
