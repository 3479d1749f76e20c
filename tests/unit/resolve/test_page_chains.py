"""A page's descriptions the head word joined to other pages' are split off when the shipped
model gives them to another referent (``resolve/pagechains.py``)."""

from __future__ import annotations

import math

import pytest

from dossier.model import Mention, Span
from dossier.resolve import pagechains, resolve_entities
from dossier.resolve.clusters import Cluster
from dossier.resolve.observe import Obs

from .helpers import annotate, make_doc, without_page_split

_STORY = "A storm hit the harbour on Monday and the coast guard searched the bay. "


def _obs(doc_id: str, text: str, surface: str, kind: str = "common", label: str = "MISC", nth: int = 0) -> Obs:
    start = [i for i in range(len(text)) if text.startswith(surface, i)][nth]
    m = Mention(Span(doc_id, start, start + len(surface)), surface, label)
    return Obs((doc_id, start, start + len(surface)), m, surface.split()[-1], surface, kind, None, shape=kind)


def _pages() -> list:
    return [
        make_doc("a", "Storm Hits Harbour\n" + _STORY + "The boats sank near the pier."),
        make_doc("b", "Harbour Storm\n" + _STORY + "Rescuers said the boats sank near the pier."),
        make_doc("c", "Coast Guard Searches Bay\n" + _STORY + "Officials gave no figures."),
        make_doc("d", "Bay Search Ends\n" + _STORY + "The search ended on Tuesday."),
    ]


def _resolve(docs, specs, split: bool = True):
    if split:
        return resolve_entities(docs, [annotate(d, *specs) for d in docs])
    with without_page_split():
        return resolve_entities(docs, [annotate(d, *specs) for d in docs])


def test_the_article_may_stand_before_the_span():
    text = "Police said the 25-year-old suspect fled. A man ran. His car stopped."
    assert pagechains.article(_obs("p", text, "suspect"), text) == "the"  # 'the' and premodifiers left out
    assert pagechains.article(_obs("p", text, "A man"), text) == "a"
    assert pagechains.article(_obs("p", text, "car"), text) == ""  # a possessive is no article


def test_chain_features_are_counts_and_categories():
    texts = {"a": "The boats sank. The boats drifted.", "b": "Two boats sank. It was late.", "c": "Nothing."}
    chain = [_obs("a", texts["a"], "boats"), _obs("a", texts["a"], "boats", nth=1)]
    rest = [_obs("b", texts["b"], "Two boats"), _obs("b", texts["b"], "It", kind="pron", label="PRON")]
    values = dict(zip(pagechains.FEATURES, pagechains.chain_features(chain, rest, 2, texts)))
    assert values["chain_log"] == pytest.approx(math.log(2))
    assert values["rest_log"] == pytest.approx(math.log(2))
    assert values["pages_log"] == pytest.approx(math.log(2))
    assert values["page_share"] == pytest.approx(2 / 3)
    assert values["rest_has_name"] == 0.0
    assert values["written_elsewhere"] == 0.0  # 'boats' is not written 'two boats'
    assert values["definite"] == 1.0 and values["indefinite"] == 0.0
    assert values["plural"] == 1.0
    assert values["label_MISC"] == 1.0 and values["mixed_labels"] == 0.0


def test_the_other_entities_a_page_names_are_a_feature():
    texts = {"a": "The suspect fled. Dana Brill and Tom Vance were hurt.", "b": "Lee Park, the suspect, fled."}
    suspect = Cluster(obs=[_obs("a", texts["a"], "suspect", label="PERSON"), _obs("b", texts["b"], "suspect", label="PERSON"),
                           _obs("b", texts["b"], "Lee Park", kind="person", label="PERSON")], kind="person", type="person")
    brill = Cluster(obs=[_obs("a", texts["a"], "Dana Brill", kind="person", label="PERSON")], kind="person", type="person")
    vance = Cluster(obs=[_obs("a", texts["a"], "Tom Vance", kind="person", label="PERSON")], kind="person", type="person")
    named = pagechains.named_on_pages([suspect, brill, vance])
    assert named == {("a", "person"): 2, ("b", "person"): 1}  # a description names no one
    [(chain, rest, pages)] = pagechains.page_chains(suspect.obs)
    values = dict(zip(pagechains.FEATURES, pagechains.chain_features(chain, rest, pages, texts, named[("a", "person")])))
    assert values["others_named"] == pytest.approx(math.log(3))
    model = pagechains.shipped_model()
    assert model.weights[pagechains.FEATURES.index("others_named")] > 0  # a page naming others of the type: another referent


def test_only_pages_of_descriptions_alone_are_weighed():
    texts = {"a": "The boats sank.", "b": "The boats of Acme sank. Acme said so."}
    named = [_obs("a", texts["a"], "boats"), _obs("b", texts["b"], "boats"),
             _obs("b", texts["b"], "Acme", kind="name", label="ORG", nth=1)]
    chains = pagechains.page_chains(named)
    assert [[o.key[0] for o in chain] for chain, _, _ in chains] == [["a"]]  # page b names its entity
    assert pagechains.page_chains(named[:1]) == []  # one page: nothing to split from


def test_the_shipped_model_is_read_once_with_its_features():
    model = pagechains.shipped_model()
    assert model is pagechains.shipped_model()
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(pagechains.FEATURES)
    assert model.threshold == 0.5


def test_two_pages_descriptions_the_model_doubts_are_apart():
    docs = _pages()
    boats = [(d.id, d.text.index("boats"), d.text.index("boats") + 5) for d in docs[:2]]
    before = _resolve(docs, [("boats", "MISC")], split=False).mention_entity
    assert before[boats[0]] == before[boats[1]]  # the head word alone joined them
    after = _resolve(docs, [("boats", "MISC")]).mention_entity
    assert after[boats[0]] != after[boats[1]]  # one page's boats, and another page's


def test_a_description_its_pages_keep_writing_stays_one():
    docs = [make_doc(p, f"Suspect Held\n{_STORY}The suspect fled. Police said the suspect was armed. "
                        "The suspect was held on Tuesday.") for p in "abc"]
    res = _resolve(docs, [("suspect", "PERSON")])
    assert len({res.mention_entity[k] for k in res.mention_entity}) == 1
