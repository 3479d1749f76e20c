"""Resolution run again in one corpus step (after re-dating) reuses each unchanged page's
observations and gives what a fresh run gives; a page whose inputs changed is observed again."""

from __future__ import annotations

import dataclasses
import zlib

from dossier.resolve import resolve_entities
from dossier.resolve.observe import inputs_digest, inputs_of, interned, observe, pack_memo, packed, unpacked

from .helpers import annotate, make_doc, with_date


def _pages():
    a = make_doc("a", "Senator Mary Pryce spoke in the capital.", "2001-03-01")
    b = make_doc("b", "Senator John Pryce spoke in the capital.", "2016-03-01")
    c = make_doc("c", "Pryce said the vote would wait.", "2001-03-02")
    annots = [annotate(a, ("Mary Pryce", "PERSON")), annotate(b, ("John Pryce", "PERSON")),
              annotate(c, ("Pryce", "PERSON"))]
    return [a, b, c], annots


def _who_spoke(res) -> str:
    return next(e.name for e in res.entities if any(k[0] == "c" for k in res.mention_entity if res.mention_entity[k] == e.id))


def test_a_redated_page_is_observed_again_and_the_others_are_reused():
    docs, annots = _pages()
    memo: dict = {}
    first = resolve_entities(docs, annots, memo=memo)
    assert _who_spoke(first) == "Mary Pryce"  # the namesake of the bare surname's year
    kept = {i: seen for i, (_, seen) in memo.items()}
    moved = [docs[0], docs[1], with_date(docs[2], "2016-03-02")]
    # resolution wrote entity ids into the mentions: not an input of the observations
    resolved = [dataclasses.replace(a, mentions=tuple(dataclasses.replace(m, entity_id="x") for m in a.mentions))
                for a in annots]
    again = resolve_entities(moved, resolved, memo=memo)
    assert again == resolve_entities(moved, resolved)
    assert _who_spoke(again) == "John Pryce"
    assert memo["a"][1] is kept["a"] and memo["b"][1] is kept["b"] and memo["c"][1] is not kept["c"]


def test_a_changed_mention_is_observed_again():
    docs, annots = _pages()
    memo: dict = {}
    resolve_entities(docs, annots, memo=memo)
    relabelled = [*annots[:2], dataclasses.replace(annots[2], mentions=tuple(
        dataclasses.replace(m, label="ORG") for m in annots[2].mentions))]
    assert resolve_entities(docs, relabelled, memo=memo) == resolve_entities(docs, relabelled)


def test_the_memo_keeps_a_digest_of_the_inputs_and_shares_names():
    docs, annots = _pages()
    twice = [docs[0], make_doc("d", "Senator Mary Pryce spoke again.", "2001-03-05")]
    memo: dict = {}
    resolve_entities(twice, [annots[0], annotate(twice[1], ("Mary Pryce", "PERSON"))], memo=memo)
    assert all(isinstance(key, bytes) and len(key) == 16 for key, _ in memo.values())
    (a,), (d,) = memo["a"][1], memo["d"][1]
    assert a.name == d.name == "Mary Pryce" and a.name is d.name  # one string for both pages


def test_inputs_digest_tells_apart_what_equality_tells_apart():
    docs, annots = _pages()
    key = inputs_of(docs[0], annots[0], {})
    assert inputs_digest(key) == inputs_digest(inputs_of(docs[0], annots[0], {}))
    moved = inputs_of(with_date(docs[0], "2001-03-02"), annots[0], {})
    confident = dataclasses.replace(annots[0], mentions=tuple(
        dataclasses.replace(m, confidence=m.confidence / 2) for m in annots[0].mentions))
    assert len({inputs_digest(k) for k in (key, moved, inputs_of(docs[0], confident, {}))}) == 3


def test_packed_observations_come_back_equal_on_the_pages_mentions():
    docs, annots = _pages()
    seen = observe(docs[0], annots[0])
    kept = packed(seen, annots[0].mentions)
    assert isinstance(kept[1], bytes) and all(isinstance(m, int) for m in kept[0])  # no object of the run held
    assert len(kept[1]) < len(zlib.decompress(kept[1]))  # the rows compressed
    assert unpacked(kept, annots[0].mentions) == seen
    # resolution wrote entity ids: the same observations, on the mentions the page has now
    resolved = tuple(dataclasses.replace(m, entity_id="x") for m in annots[0].mentions)
    again = unpacked(kept, resolved)
    assert [o.mention for o in again] == list(resolved)
    assert [dataclasses.replace(o, mention=x.mention) for o, x in zip(again, seen, strict=True)] == seen


def test_a_packed_memo_is_reused_and_a_changed_page_observed_again(monkeypatch):
    import dossier.resolve.observe as observing

    observed: list[str] = []
    real = observing.observe
    monkeypatch.setattr(observing, "observe", lambda doc, *rest: observed.append(doc.id) or real(doc, *rest))
    docs, annots = _pages()
    memo: dict = {}
    first = resolve_entities(docs, annots, memo=memo)
    pack_memo(memo, annots)
    assert all(isinstance(kept, tuple) for _, kept in memo.values())
    packs = {i: kept for i, (_, kept) in memo.items()}
    assert resolve_entities(docs, annots, memo=memo) == first
    pack_memo(memo, annots)
    moved = [docs[0], docs[1], with_date(docs[2], "2016-03-02")]
    observed.clear()
    again = resolve_entities(moved, annots, memo=memo)
    assert observed == ["c"]  # only the moved page observed again
    assert again == resolve_entities(moved, annots)
    assert memo["a"][1] == unpacked(packs["a"], annots[0].mentions)  # reused, unpacked for the run


def test_the_memo_keeps_every_field_of_an_observation_the_courtesy_titles_gender_too():
    """'Mr. <Surname>' on a page naming only his wife in full goes to the namesake of his gender on
    other pages; the memo of a real corpus step once dropped the gender (interned and packed copied
    fields by hand), so the rule held in tests and never in a build."""
    docs = [make_doc(f"p{i}", "President Robert Pryce spoke.", f"2016-03-0{i + 1}") for i in range(3)]
    annots = [annotate(d, ("Robert Pryce", "PERSON")) for d in docs]
    w = make_doc("w", "The first lady, Susan Pryce, was there. Mr. Pryce spoke later.", "2016-03-04")
    ann = annotate(w, ("Susan Pryce", "PERSON"), ("Pryce", "PERSON"))
    seen = observe(w, ann)
    assert [o.gender for o in seen if o.surface == "Pryce"] == ["m"]
    assert interned(seen) == seen
    assert unpacked(packed(seen, ann.mentions), ann.mentions) == seen
    docs, annots = [*docs, w], [*annots, ann]
    fresh = resolve_entities(docs, annots)
    (mr,) = (m for m in ann.mentions if m.text == "Pryce")
    assert fresh.entity_of(mr).name == "Robert Pryce"
    memo: dict = {}
    assert resolve_entities(docs, annots, memo=memo) == fresh
    pack_memo(memo, annots)
    assert resolve_entities(docs, annots, memo=memo) == fresh  # observations from the packed memo
