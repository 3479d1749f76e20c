"""The corpus step's per-page parts (``corpus.partitions``) give, mapped in parts that leave the
process (pickled both ways, run out of order), exactly what the unpartitioned passes give."""

from __future__ import annotations

import pickle
import random
from collections.abc import Callable, Sequence
from typing import Any

import pytest

import dossier.corpus.partitions as partitions
import dossier.resolve.observe
from dossier.clean.duplicates import find_duplicates
from dossier.corpus.partitions import IN_PROCESS, observe_pages, sketch_pages
from dossier.model import Document
from dossier.resolve import resolve_entities
from dossier.resolve.observe import body_names, observe

from tests.unit.resolve.helpers import annotate, make_doc, with_date


class Shipped:
    """Partitions as a cluster runs them: function and parts pickled, run last part first, results
    pickled back. Counts the parts, so a test sees that the work was partitioned at all."""

    remote = True

    def __init__(self) -> None:
        self.parts: list[int] = []

    def map(self, fn: Callable[[Any], Any], parts: Sequence[Any]) -> list[Any]:
        self.parts.append(len(parts))
        run = pickle.loads(pickle.dumps(fn))
        out = {i: pickle.dumps(run(pickle.loads(pickle.dumps(p)))) for i, p in reversed(list(enumerate(parts)))}
        return [pickle.loads(out[i]) for i in range(len(parts))]


_PEOPLE = ["Mary Pryce", "John Pryce", "Anna Berg", "Karl Lind", "Ola Berg", "Tomas Vik"]
_BODIES = ["Vesterby Council", "Norland Ministry", "White Harbour Port", "Sudland Navy"]
_WORDS = "the talks on fishing rights ended without a deal and both sides will meet again next month".split()


def _story(seed: int, n: int) -> tuple[list[Document], list[Any]]:
    """``n`` generated pages naming people (full names, bare surnames, titled) and bodies, some dated."""
    rng = random.Random(seed)
    docs, annots = [], []
    for i in range(n):
        people, bodies = rng.sample(_PEOPLE, 2), rng.sample(_BODIES, 2)
        surname = people[0].split()[1]
        # 'the <Surname> <Body>' tagged PERSON, the body named on other pages only: a corpus body name
        text = (f"Senator {people[0]} met {people[1]} of the {bodies[0]}. "
                f"{' '.join(rng.choices(_WORDS, k=12))}. {surname} said the vote would wait. "
                f"The {bodies[0]} and {people[1]} disagreed. The {surname} {bodies[1]} said nothing.")
        date = rng.choice([None, f"20{rng.randint(10, 19)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
        doc = make_doc(f"p{i:03d}", text, date)
        docs.append(doc)
        annots.append(annotate(doc, (f"{surname} {bodies[1]}", "PERSON"), (people[0], "PERSON"),
                               (people[1], "PERSON"), (bodies[0], "ORG"), (surname, "PERSON")))
    return docs, annots


def _no_observing(*args: Any) -> Any:
    raise AssertionError("a page was observed again in the build's process")


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(partitions, "PAGES_PER_PART", 7)


def test_observations_made_in_parts_resolve_as_unpartitioned(small_parts: None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    docs, annots = _story(16, 40)
    shipped, memo = Shipped(), {}
    assert observe_pages(docs, annots, memo, shipped) == 40
    assert shipped.parts == [6]  # 40 pages, 7 a part
    bodies = body_names(annots)
    assert {i: seen for i, (_, seen) in memo.items()} == {d.id: observe(d, a, bodies) for d, a in zip(docs, annots)}
    expected = resolve_entities(docs, annots)
    with monkeypatch.context() as m:  # resolution finds every page's observations made: it observes none itself
        m.setattr(dossier.resolve.observe, "observe", _no_observing)
        assert resolve_entities(docs, annots, memo=memo) == expected
    # run again with two pages re-dated: only those go out again, and the answer is still the same
    moved = [with_date(d, "2019-05-05") if d.id in ("p003", "p030") else d for d in docs]
    assert observe_pages(moved, annots, memo, shipped) == 2
    assert shipped.parts == [6, 1]
    assert resolve_entities(moved, annots, memo=memo) == resolve_entities(moved, annots)


def test_in_process_the_pass_observes_as_before() -> None:
    docs, annots = _story(3, 10)
    memo: dict[str, Any] = {}
    assert observe_pages(docs, annots, memo, IN_PROCESS) == 0 and memo == {}


def test_sketches_made_in_parts_find_the_same_duplicates(small_parts: None) -> None:
    rng = random.Random(16)
    texts = [" ".join(rng.choices(_WORDS + [f"w{k}" for k in range(200)], k=120)) for _ in range(30)]
    texts += [texts[4].upper(), " ".join(texts[9].split()[:-3]), "", texts[4]]  # exact, near, empty, exact
    docs = [Document(id=f"d{i:02d}", source=f"d{i}", text=t) for i, t in enumerate(texts)]
    shipped = Shipped()
    made = sketch_pages(docs, shipped)
    assert made is not None and shipped.parts == [5]
    held: dict[str, Any] = {}
    parted: dict[str, Any] = {}
    expected = find_duplicates(docs, sketches=held)
    assert find_duplicates(docs, sketches=parted, made=made) == expected
    assert parted == held
    assert expected == {"d30": "d04", "d33": "d04", "d31": "d09"}  # exact copies and a near one
    assert sketch_pages(docs, IN_PROCESS) is None


def test_observations_travel_as_rows_and_come_back_equal() -> None:
    docs, annots = _story(5, 3)
    bodies = body_names(annots)
    for doc, a in zip(docs, annots):
        page = partitions._compact(doc, a, tuple(bodies.items()))
        rows = partitions.observe_part([page])[0]
        # a page's own mentions go as indexes; one a corpus body name relabelled goes whole
        assert [isinstance(r[2], int) for r in rows] == [True] * (len(rows) - 1) + [False]
        assert partitions._decoded(doc.id, a.mentions, rows) == observe(doc, a, bodies)
