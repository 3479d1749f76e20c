"""Cross-document entity coreference on ECB+ (topics in ../shared/data/coref/ecbplus).

Gold ENTITY mentions only (events are left out): HUMAN_PART_*, LOC_*, NON_HUMAN_PART* markables.
Each becomes a Mention (text from the tokens; label from the markable type; pronouns -> PRON, also
with a quote mark or a clitic glued on the token: '"I', "I'm", "He's");
``resolve_entities`` runs once per topic (all its ecb and ecb+ documents together), and its
clusters are scored against the gold CROSS_DOC_COREF / INTRA_DOC_COREF clusters. All gold entity
mentions are scored: names, common nouns (the resolver links them by head word, case-sensitive
number kept) and pronouns (attached to the nearest earlier agreeing mention within 100 characters).
A first-person pronoun inside a quotation goes to the person named next to the quotation.
Mentions the resolver leaves unmapped ('who', 'that', first-person pronouns outside quotes) count as singletons;
gold singletons are included in all scores.
No document dates are given (the 'closest in time' rule for bare surnames does not fire).

Baseline: same head word (last token, lowercased, crude plural strip) within a topic.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.model import Annotations, Document, Mention, Span  # noqa: E402
from dossier.resolve import resolve_entities  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "coref" / "ecbplus"

METRICS = [
    ("b3_f1", None, "B-cubed F1, gold entity mentions, per topic, singletons included"),
    ("muc_f1", None, "MUC F1 (link-based)"),
    ("ceafe_f1", None, "CEAF-e F1 (entity-aligned)"),
    ("conll_f1", None, "mean of MUC, B3, CEAF-e; all 33 topic folders present, 837 files"),
    ("baseline_conll_f1", None, "same head word baseline, same mentions"),
    ("baseline_b3_f1", None, "same head word baseline, B-cubed"),
    ("names_conll_f1", None, "only mentions written with a capital (names): the resolver's own ground"),
    ("baseline_names_conll_f1", None, "same head word baseline on those name mentions"),
    ("commons_conll_f1", None, "only lowercase non-pronoun mentions (common nouns)"),
    ("baseline_commons_conll_f1", None, "same head word baseline on those common-noun mentions"),
    ("pronouns_conll_f1", None, "informational: pronoun mentions with their gold antecedents (chains holding one)"),
    ("baseline_pronouns_conll_f1", None, "same head word baseline on those pronoun chains"),
    ("person_conll_f1", None, "informational: mentions whose gold label is a person (HUMAN_PART_PER...)"),
    ("org_conll_f1", None, "informational: gold label ORG"),
    ("place_conll_f1", None, "informational: gold labels GPE, LOC, FAC"),
    ("thing_conll_f1", None, "informational: gold label MISC (non-human participants)"),
]

_PRONOUNS = frozenset(
    """i me my mine myself you your yours yourself he him his himself she her hers herself it its itself
    we us our ours ourselves they them their theirs themselves who whom whose which that this these those""".split()
)


def pronoun_word(text: str) -> str:
    """The pronoun a one-token mention is, quotes and a contraction left off ('"I', "I'm", "He's"
    -> 'i', 'i', 'he'), or '' when it is no pronoun: ECB+ tokens keep a quote or a clitic glued on."""
    word = re.split(r"['’]", text.strip("\"'`“”‘’ "), maxsplit=1)[0].lower()
    return word if word in _PRONOUNS and " " not in text.strip() else ""


def _label(tag: str, text: str) -> str | None:
    """ECB+ markable type -> dossier label (None: not an entity mention)."""
    if pronoun_word(text):
        return "PRON"
    if tag.startswith("HUMAN_PART"):
        return {"HUMAN_PART_ORG": "ORG", "HUMAN_PART_GPE": "GPE", "HUMAN_PART_FAC": "FAC"}.get(tag, "PERSON")
    if tag.startswith("LOC_"):
        return {"LOC_FAC": "FAC", "LOC_GEO": "GPE"}.get(tag, "LOC")
    if tag.startswith("NON_HUMAN_PART"):
        return "MISC"
    return None


def read_document(path: Path) -> tuple[Document, list[Mention], dict[tuple, str]]:
    """One ECB+ file -> (Document, entity Mentions, mention key -> gold cluster id)."""
    root = ET.parse(path).getroot()
    doc_id = path.stem
    parts, offsets, last_sent = [], {}, None
    pos = 0
    for tok in root.iter("token"):
        sep = "" if not parts else ("\n" if tok.get("sentence") != last_sent else " ")
        pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(tok.text or ""))
        parts.append(sep + (tok.text or ""))
        pos += len(tok.text or "")
        last_sent = tok.get("sentence")
    text = "".join(parts)
    mentions, instance_of = [], {}
    markables = root.find("Markables")
    for mk in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
        if not anchors:
            if mk.get("instance_id"):
                instance_of[mk.get("m_id")] = mk.get("instance_id")
            continue
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        label = _label(mk.tag, text[start:end])
        if label:
            mentions.append((mk.get("m_id"), Mention(Span(doc_id, start, end), text[start:end], label)))
    by_mid = {mid: m for mid, m in mentions}
    gold: dict[tuple, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if target is None:
            continue
        tid = target.get("m_id")
        cluster = instance_of.get(tid) or rel.get("note") or f"{doc_id}:{tid}"
        for src in rel.findall("source"):
            m = by_mid.get(src.get("m_id"))
            if m:
                gold[(doc_id, m.span.start, m.span.end)] = cluster
    for _, m in mentions:  # singletons
        gold.setdefault((doc_id, m.span.start, m.span.end), f"{doc_id}:{m.span.start}")
    return Document(id=doc_id, source=str(path), text=text), [m for _, m in mentions], gold


# ---------------------------------------------------------------------------------------------
# scores (Pradhan et al. 2014 definitions)
# ---------------------------------------------------------------------------------------------


def _clusters(assign: dict) -> list[set]:
    out: dict[str, set] = defaultdict(set)
    for k, c in assign.items():
        out[c].add(k)
    return list(out.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set], resp: list[set]) -> tuple[float, float]:
    """(numerator, denominator) of MUC recall of ``key`` against ``resp``."""
    where = {m: i for i, c in enumerate(resp) for m in c}
    num = den = 0
    for c in key:
        parts = {where.get(m, ("single", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def b3(key: list[set], resp: list[set]) -> tuple[float, float]:
    where = {m: c for c in resp for m in c}
    num = sum(len(c & where.get(m, {m})) / len(c) for c in key for m in c)
    return num, sum(len(c) for c in key)


def ceafe(key: list[set], resp: list[set]) -> tuple[float, float, float]:
    """(similarity sum, |key|, |resp|) with phi4 = 2|K∩R|/(|K|+|R|)."""
    sim = np.zeros((len(key), len(resp)))
    where = {m: j for j, c in enumerate(resp) for m in c}
    for i, c in enumerate(key):
        for m in c:
            j = where.get(m)
            if j is not None:
                sim[i, j] += 1
    sim = 2 * sim / (np.array([len(c) for c in key])[:, None] + np.array([len(c) for c in resp])[None, :])
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].sum()), len(key), len(resp)


def score(gold: dict, pred: dict, totals: dict[str, list[float]]) -> None:
    """Add one topic's counts to ``totals`` (micro-averaged over topics)."""
    key, resp = _clusters(gold), _clusters(pred)
    for name, fn in (("muc", muc), ("b3", b3)):
        rn, rd = fn(key, resp)
        pn, pd = fn(resp, key)
        t = totals.setdefault(name, [0.0, 0.0, 0.0, 0.0])
        t[0] += rn; t[1] += rd; t[2] += pn; t[3] += pd  # noqa: E702
    s, nk, nr = ceafe(key, resp)
    t = totals.setdefault("ceafe", [0.0, 0.0, 0.0, 0.0])
    t[0] += s; t[1] += nk; t[2] += s; t[3] += nr  # noqa: E702


def finish(totals: dict[str, list[float]]) -> dict[str, float]:
    out = {}
    for name, (rn, rd, pn, pd) in totals.items():
        out[f"{name}_f1"] = _f1(pn / pd if pd else 0.0, rn / rd if rd else 0.0)
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


def head_word(text: str) -> str:
    w = text.split()[-1].lower() if text.split() else text.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


_KINDS = {"person": {"PERSON"}, "org": {"ORG"}, "place": {"GPE", "LOC", "FAC"}, "thing": {"MISC"}}


def pronoun_chains(gold: dict, texts: dict) -> list[tuple]:
    """Mentions of the gold clusters that hold a pronoun: the pronouns and their antecedents.

    Scoring pronouns alone would ask only whether two pronouns share a referent; with their
    chains the row says whether each pronoun landed with what it refers to.
    """
    with_pron = {gold[k] for k in gold if pronoun_word(texts[k])}
    return [k for k in gold if gold[k] in with_pron]


def run() -> dict[str, float]:
    ours: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    ours_names: dict[str, list[float]] = {}
    base_names: dict[str, list[float]] = {}
    ours_commons: dict[str, list[float]] = {}
    base_commons: dict[str, list[float]] = {}
    ours_pron: dict[str, list[float]] = {}
    base_pron: dict[str, list[float]] = {}
    by_kind: dict[str, dict[str, list[float]]] = {k: {} for k in _KINDS}
    for topic in sorted(p for p in DATA.iterdir() if p.is_dir()):
        docs, anns, gold = [], [], {}
        for path in sorted(topic.glob("*.xml")):
            doc, mentions, g = read_document(path)
            docs.append(doc)
            anns.append(Annotations(doc_id=doc.id, mentions=tuple(mentions)))
            gold.update(g)
        res = resolve_entities(docs, anns)
        pred = {k: res.mention_entity.get(k, f"single:{k}") for k in gold}
        score(gold, pred, ours)
        texts = {(a.doc_id, m.span.start, m.span.end): m.text for a in anns for m in a.mentions}
        heads = {k: "head:" + head_word(texts[k]) for k in gold}
        score(gold, heads, base)
        names = [k for k in gold if any(c.isupper() for c in texts[k]) and not pronoun_word(texts[k])]
        score({k: gold[k] for k in names}, {k: pred[k] for k in names}, ours_names)
        score({k: gold[k] for k in names}, {k: heads[k] for k in names}, base_names)
        commons = [k for k in gold if not any(c.isupper() for c in texts[k]) and not pronoun_word(texts[k])]
        score({k: gold[k] for k in commons}, {k: pred[k] for k in commons}, ours_commons)
        score({k: gold[k] for k in commons}, {k: heads[k] for k in commons}, base_commons)
        chains = pronoun_chains(gold, texts)
        score({k: gold[k] for k in chains}, {k: pred[k] for k in chains}, ours_pron)
        score({k: gold[k] for k in chains}, {k: heads[k] for k in chains}, base_pron)
        labels = {(a.doc_id, m.span.start, m.span.end): m.label for a in anns for m in a.mentions}
        for kind, members in _KINDS.items():
            keep = [k for k in gold if labels[k] in members]
            score({k: gold[k] for k in keep}, {k: pred[k] for k in keep}, by_kind[kind])
    out = finish(ours)
    b = finish(base)
    out["baseline_conll_f1"] = b["conll_f1"]
    out["baseline_b3_f1"] = b["b3_f1"]
    out["names_conll_f1"] = finish(ours_names)["conll_f1"]
    out["baseline_names_conll_f1"] = finish(base_names)["conll_f1"]
    out["commons_conll_f1"] = finish(ours_commons)["conll_f1"]
    out["baseline_commons_conll_f1"] = finish(base_commons)["conll_f1"]
    out["pronouns_conll_f1"] = finish(ours_pron)["conll_f1"]
    out["baseline_pronouns_conll_f1"] = finish(base_pron)["conll_f1"]
    for kind, totals in by_kind.items():
        out[f"{kind}_conll_f1"] = finish(totals)["conll_f1"]
    return out


if __name__ == "__main__":
    import time

    t0 = time.perf_counter()
    for k, v in run().items():
        print(f"{k:20} {v:.3f}")
    print(f"{time.perf_counter() - t0:.1f}s")
