"""Cross-document EVENT coreference on ECB+ gold event mentions (../shared/data/coref/ecbplus).

What is scored: the clustering of gold ACTION_* / NEG_ACTION_* mentions within each topic (all its
ecb and ecb+ documents together) against the gold CROSS_DOC_COREF / INTRA_DOC_COREF chains,
singletons included, micro-averaged over topics (scorers from eval/coref.py).

Honest note: ``merge_events`` itself cannot run on these mentions. ECB+ gives no normalised dates
(TIME markables are raw text) and no publication dates, and merge_events never joins undated
reports unless they share a place and fit one event, so it would leave nearly everything a
singleton. So this runs the *predicates* merge_events uses -- ``kinds_compatible`` on the trigger's
kind (the event lexicon's kind, else the trigger's crude stem), ``participants_compatible`` on the
sentence's HUMAN_PART entities (their gold entity chains stand in for ``entity_of``) and
``places_compatible`` on its LOC mentions -- in the same greedy order-independent way (first
compatible cluster). It measures the actor/place/kind rule, not the date rule.

The kind is read on the user's path: each gold sentence is parsed by the pipeline's spaCy
(``load_pipeline``) and the build's own ``trigger_kind`` (inventory, sense checks, names) runs on
the mention's tokens; a mention the build reads as no event keeps its crude stem as its kind, as an
unknown word does. ``read_share`` is the share of gold event mentions the build reads as an event.

Baseline: same trigger stem within a topic (a strong baseline on ECB+, where topics hold few events).
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.extract.events_merge import kinds_compatible, participants_compatible  # noqa: E402
from dossier.extract.events_parse import trigger_kind  # noqa: E402
from dossier.nlp.pipeline import load_pipeline  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "coref" / "ecbplus"

METRICS = [
    ("b3_f1", None, "B-cubed F1, gold event mentions, merge predicates (kind + actors + place), per topic"),
    ("conll_f1", None, "mean of MUC, B3, CEAF-e F1; all topic folders, singletons included"),
    ("muc_f1", None, "MUC F1 (link-based)"),
    ("baseline_b3_f1", None, "same trigger stem within a topic, B-cubed"),
    ("baseline_conll_f1", None, "same trigger stem within a topic, CoNLL"),
    ("actors_b3_f1", None, "only mentions with a named actor in their sentence (the rule's own ground)"),
    ("baseline_actors_b3_f1", None, "same-stem baseline on those mentions"),
    ("read_share", None, "gold event mentions the build's trigger_kind reads as an event (parsed sentence)"),
]


def _coref_module():
    """eval/coref.py (another engineer's) holds the scorers; loaded by path, not edited."""
    path = Path(__file__).with_name("coref.py")
    spec = importlib.util.spec_from_file_location("_eval_coref", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def stem(word: str) -> str:
    """Crude English stem (no lemmatizer in the pipeline): "meetings"/"met" stay apart, "talks" -> "talk"."""
    w = word.lower()
    for suf in ("ings", "ing", "ed", "es", "s"):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def kind_at(sdoc, spans: list[tuple[int, int]], words: str) -> str | None:
    """The kind the build gives the mention: ``trigger_kind`` on its tokens in the parsed sentence
    (the first token read as an event, as ``find_events`` scans a span); None when none is."""
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else []:
            kind = trigger_kind(tok)
            if kind:
                return kind
    return None


def parse_kinds(mentions: list[dict]) -> None:
    """Give each mention ``kind`` (and ``read``) from its parsed sentence; one parse per sentence."""
    texts = sorted({m["sentence"] for m in mentions})
    nlp = load_pipeline()
    parsed = dict(zip(texts, nlp.pipe(texts, batch_size=64)))
    for m in mentions:
        kind = kind_at(parsed[m["sentence"]], m["spans"], m["text"])
        m["read"] = kind is not None
        m["kind"] = kind or "stem:" + m["stem"]


def read_events(path: Path) -> list[dict]:
    """Gold event mentions of one file with their sentence's actors and places and gold chain."""
    root = ET.parse(path).getroot()
    doc = path.stem
    tok_text = {t.get("t_id"): t.text or "" for t in root.iter("token")}
    tok_sent = {t.get("t_id"): t.get("sentence") for t in root.iter("token")}
    sent_text: dict[str | None, str] = {}
    offset: dict[str | None, tuple[int, int]] = {}
    for t in root.iter("token"):  # each sentence as the space-joined tokens, with each token's offsets
        before = sent_text.get(t.get("sentence"), "")
        before += " " if before else ""
        offset[t.get("t_id")] = (len(before), len(before) + len(t.text or ""))
        sent_text[t.get("sentence")] = before + (t.text or "")
    instance_of, events, entities = {}, {}, {}
    markables = root.find("Markables")
    for mk in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
        if not anchors:
            if mk.get("instance_id"):
                instance_of[mk.get("m_id")] = mk.get("instance_id")
            continue
        rec = {"mid": mk.get("m_id"), "text": " ".join(tok_text.get(a, "") for a in anchors),
               "sent": tok_sent.get(anchors[0]), "key": (doc, anchors[0], anchors[-1]),
               "spans": [offset[a] for a in anchors if a in offset]}
        if mk.tag.startswith(("ACTION_", "NEG_ACTION_")):
            events[rec["mid"]] = rec
        elif mk.tag.startswith(("HUMAN_PART", "LOC_")):
            rec["loc"] = mk.tag.startswith("LOC_")
            entities[rec["mid"]] = rec
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if target is None:
            continue
        cid = instance_of.get(target.get("m_id")) or rel.get("note") or f"{doc}:{target.get('m_id')}"
        for src in rel.findall("source"):
            chain[src.get("m_id")] = cid
    out = []
    for mid, ev in events.items():
        same = [e for e in entities.values() if e["sent"] == ev["sent"]]
        actors = sorted({chain.get(e["mid"], f"{doc}:{e['mid']}") for e in same if not e["loc"]})
        places = sorted({e["text"].lower() for e in same if e["loc"]})
        out.append({"key": ev["key"], "gold": chain.get(mid, f"single:{doc}:{mid}"), "text": ev["text"],
                    "sentence": sent_text.get(ev["sent"], ""), "spans": ev["spans"],
                    "stem": stem(ev["text"].split()[-1] if ev["text"].split() else ev["text"]),
                    "actors": actors, "places": places})
    return out


def cluster(mentions: list[dict]) -> dict:
    """merge_events' predicates, greedy: a mention joins the first cluster of a compatible kind
    whose actors overlap (two when both name two) and whose places agree; with no named actor on
    either side, only the same trigger stem ties mentions together."""
    clusters: list[dict] = []
    assign = {}
    for m in sorted(mentions, key=lambda m: m["key"]):
        home = None
        for i, c in enumerate(clusters):
            if not kinds_compatible(m["kind"], c["kind"]):
                continue
            if m["places"] and c["places"] and not set(m["places"]) & c["places"]:
                continue
            if m["actors"] and c["actors"]:
                if participants_compatible(m["actors"], sorted(c["actors"])):
                    home = i
                    break
            elif m["stem"] in c["stems"]:
                home = i
                break
        if home is None:
            clusters.append({"kind": m["kind"], "actors": set(), "places": set(), "stems": set()})
            home = len(clusters) - 1
        c = clusters[home]
        c["actors"].update(m["actors"]); c["places"].update(m["places"]); c["stems"].add(m["stem"])  # noqa: E702
        assign[m["key"]] = home
    return assign


def run() -> dict[str, float]:
    coref = _coref_module()
    ours, base, ours_a, base_a = {}, {}, {}, {}
    topics = {topic: [m for path in sorted(topic.glob("*.xml")) for m in read_events(path)]
              for topic in sorted(p for p in DATA.iterdir() if p.is_dir())}
    every = [m for mentions in topics.values() for m in mentions]
    parse_kinds(every)
    for mentions in topics.values():
        if not mentions:
            continue
        gold = {m["key"]: m["gold"] for m in mentions}
        pred = cluster(mentions)
        stems = {m["key"]: "stem:" + m["stem"] for m in mentions}
        coref.score(gold, pred, ours)
        coref.score(gold, stems, base)
        with_actors = {m["key"] for m in mentions if m["actors"]}
        if with_actors:
            coref.score({k: gold[k] for k in with_actors}, {k: pred[k] for k in with_actors}, ours_a)
            coref.score({k: gold[k] for k in with_actors}, {k: stems[k] for k in with_actors}, base_a)
    a, b = coref.finish(ours), coref.finish(base)
    return {
        "b3_f1": a["b3_f1"], "conll_f1": a["conll_f1"], "muc_f1": a["muc_f1"],
        "baseline_b3_f1": b["b3_f1"], "baseline_conll_f1": b["conll_f1"],
        "actors_b3_f1": coref.finish(ours_a)["b3_f1"], "baseline_actors_b3_f1": coref.finish(base_a)["b3_f1"],
        "read_share": sum(m["read"] for m in every) / max(len(every), 1),
    }


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:24} {v:.3f}")
