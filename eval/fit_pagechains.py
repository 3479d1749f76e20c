"""Refit the page-chain model of ``dossier.resolve.pagechains`` on the ECB+ dev topics.

    PYTHONPATH=src:. python eval/fit_pagechains.py            # all topics -> src/dossier/resolve/pagechains.json
    PYTHONPATH=src:. python eval/fit_pagechains.py --halves   # fit on odd, score even and back (no file written)

Each topic is resolved with the split turned off; every page chain the resolver would weigh
(``pagechains.page_chains``) becomes a row of ``pagechains.FEATURES``, labelled 1 when none of its
mentions shares a gold entity with the entity's other pages. The logistic regression is fitted here
by hand (Newton's method with an L2 penalty, numpy only): 19 features and a few thousand rows need
no library, and the project's lock holds no scikit-learn or statsmodels (no new dependency for one
small model). Inputs are standardised; the mean and scale are shipped with the weights.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coref  # noqa: E402
from dossier.model import Annotations  # noqa: E402
from dossier.resolve import pagechains  # noqa: E402
from dossier.resolve.core import resolve_entities  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "resolve" / "pagechains.json"
THRESHOLD = 0.5  # split a chain more likely another referent than not
L2 = 1.0


def topics() -> Iterator[tuple[int, list, list, dict]]:
    """(topic number, documents, annotations, gold cluster by mention key) of each dev topic."""
    for topic in sorted((p for p in coref.DATA.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        docs, anns, gold = [], [], {}
        for path in sorted(topic.glob("*.xml")):
            doc, mentions, g = coref.read_document(path)
            docs.append(doc)
            anns.append(Annotations(doc_id=doc.id, mentions=tuple(mentions)))
            gold.update(g)
        yield int(topic.name), docs, anns, gold


def rows() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and topic numbers of every page chain of the dev topics."""
    xs: list[list[float]] = []
    ys: list[float] = []
    ts: list[int] = []
    keep = pagechains.split_clusters
    for number, docs, anns, gold in topics():
        def record(clusters, texts, gold=gold, number=number):
            named = pagechains.named_on_pages(clusters)
            for c in clusters:
                for chain, rest, pages in pagechains.page_chains(c.obs):
                    others = {gold.get(o.key) for o in rest} - {None}
                    xs.append(pagechains.chain_features(chain, rest, pages, texts, named.get((chain[0].key[0], c.type), 0)))
                    ys.append(float(not any(gold.get(o.key) in others for o in chain)))
                    ts.append(number)
            return clusters
        pagechains.split_clusters = record
        try:
            resolve_entities(docs, anns)
        finally:
            pagechains.split_clusters = keep
    return np.array(xs), np.array(ys), np.array(ts)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict:
    """Logistic regression by Newton's method on standardised inputs; the model as shipped."""
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(z.shape[1] - 1)])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        step = np.linalg.solve((z * (p * (1 - p))[:, None]).T @ z + penalty, z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {"features": list(pagechains.FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "weights": w[1:].round(6).tolist(), "bias": round(float(w[0]), 6), "threshold": THRESHOLD}


def score(model: dict | None) -> dict[int, float]:
    """CoNLL F1 of each dev topic with ``model`` shipped (None: no chain split)."""
    keep = pagechains.shipped_model
    never = pagechains.Model((0.0,), (1.0,), (0.0,), -50.0, 0.5)
    pagechains.shipped_model = lambda: never if model is None else pagechains.Model(  # type: ignore[assignment]
        tuple(model["mean"]), tuple(model["scale"]), tuple(model["weights"]), model["bias"], model["threshold"])
    try:
        out = {}
        for number, docs, anns, gold in topics():
            res = resolve_entities(docs, anns)
            totals: dict[str, list[float]] = {}
            coref.score(gold, {k: res.mention_entity.get(k, f"single:{k}") for k in gold}, totals)
            out[number] = totals
        return out
    finally:
        pagechains.shipped_model = keep


def halves() -> None:
    """Fit on odd topics and score even ones, then the other way round; print both and the topics."""
    x, y, t = rows()
    odd = t % 2 == 1
    models = {"even": fit(x[odd], y[odd]), "odd": fit(x[~odd], y[~odd])}
    before = score(None)
    for half, model in models.items():
        after = score(model)
        mine = [n for n in after if (n % 2 == 1) == (half == "odd")]
        totals_b: dict[str, list[float]] = {}
        totals_a: dict[str, list[float]] = {}
        ups = downs = 0
        for n in mine:
            for totals, run in ((totals_b, before), (totals_a, after)):
                for k, v in run[n].items():
                    acc = totals.setdefault(k, [0.0] * 4)
                    for i in range(4):
                        acc[i] += v[i]
            d = coref.finish(after[n])["conll_f1"] - coref.finish(before[n])["conll_f1"]
            ups += d > 1e-9
            downs += d < -1e-9
        b, a = coref.finish(totals_b)["conll_f1"], coref.finish(totals_a)["conll_f1"]
        print(f"{half}: {b:.5f} -> {a:.5f} ({a - b:+.5f}); topics up {ups}, down {downs}")


def main() -> None:
    if "--halves" in sys.argv:
        halves()
        return
    x, y, _ = rows()
    model = fit(x, y)
    model["fitted_on"] = f"ECB+ dev, 33 topics, {len(y)} page chains, {int(y.sum())} another referent"
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(y)} rows, {int(y.sum())} positive")


if __name__ == "__main__":
    main()
