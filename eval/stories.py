"""Timelines of whole stories through the `build` path a user runs (dev gold in eval/gold/).

Two development sets, both scored on the store `dossier build` makes from the texts:

* ECB+ topics (../shared/data/coref/ecbplus): each topic folder is one story with two seminal events
  of one kind at different times (the "ecb" and the "ecbplus" half). Plain texts are rebuilt from
  the tokens, one sentence a line, and written as a JSONL with no date (ECB+ gives none: a user
  would have the pages only). Gold: eval/gold/ecbplus_seminal.json (checked copy of the shared file).
  A gold event is *found* when a timeline event cites one of its files and names one of its
  participants (last name or any word of a multi-word name, in the participants or the label);
  *dated* when, besides, its date equals the gold date at the gold precision. *Pairs apart*: both
  halves found, by different events (a half not found counts against it); *pairs merged*, the merge
  error alone: of the topics with both halves found, those whose best match is one event for both. *Top-2 precision*: the two most salient rows of a topic's
  default timeline that match one of its gold events. *Duplicates*: extra events of a compatible kind
  per found event (another row for the same happening); events of other kinds about the same people
  are counted apart. Participants are matched by the names a user sees (entity ids resolved).
* 2016 election coverage (../shared/data/quotes): articles with their dates and outlets from
  metadata.tsv, as JSONL with ``published``. Gold: eval/gold/election2016_timeline.json; matching
  by the gold file's own rule (the event's date equals the gold day and one keyword set matches its
  label or a sentence it cites), one to one.

Cost: building is the slow part (two shared cores), so a bounded sample is built: the first
``STORIES_FILES`` files of each ECB+ half (numeric order, not chosen by the gold), and the election
articles published in the ``ELECTION_MONTHS`` (every article of those months) against the gold
events of those months.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("STORIES_SHARED", HERE.parents[1] / "shared" / "data"))
ECB = SHARED / "coref" / "ecbplus"
QUOTES = SHARED / "quotes"
GOLD = HERE / "gold"
FILES_PER_HALF = int(os.environ.get("STORIES_FILES", "4"))
# an early month (candidates, scandals) and a primary-season month (debates, results)
ELECTION_MONTHS = os.environ.get("ELECTION_MONTHS", "2015-11,2016-02").split(",")
TOP_N = 2
log = logging.getLogger(__name__)

METRICS = [
    ("seminal_found", 0.7, "ECB+ seminal events found (cites a gold file, names a gold participant)"),
    ("seminal_dated", None, "... and dated at the gold precision (gold date known)"),
    ("seminal_day_exact", None, "share of found day-precision gold events with the exact day"),
    ("pairs_apart", 0.8, "topics whose two same-kind events are both found, by different events"),
    ("pairs_merged", None, "topics with both events found where one event is the best match of both"),
    ("top2_precision", None, "top-2 salient rows of a topic's default timeline matching its gold"),
    ("duplicates", None, "extra events of a compatible kind per found seminal event (lower is better)"),
    ("duplicates_any_kind", None, "extra events of any kind citing the files and naming a participant"),
    ("election_found", 0.6, "election gold events found (gold day + keyword set), one to one"),
    ("election_found_pm1", None, "same, date within one day"),
    ("election_day_exact", None, "share of the gold events found within one day that have the exact day"),
    ("election_top_precision", None, "top-20 salient rows of the election default timeline matching gold"),
    ("election_duplicates", None, "extra events per found election event (lower is better)"),
    ("label_clean", None, "top-20 rows of every build whose name reads as a headline: no tokeniser artefact"
                          " ('No . 10', ' 's', '31 24'), not one word, not a bare verb ('Retire', 'Kill X')"),
    ("kind_accuracy", None, "hand-judged predicates of the dev builds (eval/gold/event_kinds.tsv) given the"
                            " judged kind, or no event when the judged sense is none"),
    ("ecb_pages", None, "ECB+ pages built"),
    ("election_pages", None, "election pages built"),
]
LOWER_IS_BETTER = ("duplicates", "duplicates_any_kind", "election_duplicates", "pairs_merged")

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}


def detokenize(tokens: list[str]) -> str:
    """ECB+ tokens -> readable text (quotes as ", no space before closing punctuation)."""
    out, glue = "", True
    for tok in tokens:
        t = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)
        out += t if glue or tok in _NO_SPACE_BEFORE else " " + t
        glue = tok in ("``", "(", "-LRB-", "$")
    return out.strip()


def ecb_text(path: Path) -> str:
    """One file's text, a sentence a line and a blank line between (paragraphs, as in news)."""
    sents: dict[int, list[str]] = defaultdict(list)
    for t in ET.parse(path).getroot().iter("token"):
        sents[int(t.get("sentence") or 0)].append(t.text or "")
    return "\n\n".join(detokenize(sents[k]) for k in sorted(sents))


def _num(stem: str) -> int:
    m = re.match(r"\d+_(\d+)", stem)
    return int(m.group(1)) if m else 0


def ecb_files(topic: Path) -> list[Path]:
    """The first FILES_PER_HALF files of each half, numeric order."""
    out = []
    for half in ("ecb", "ecbplus"):
        files = sorted((p for p in topic.glob(f"*{half}.xml") if p.stem.endswith(half)
                        and not (half == "ecb" and p.stem.endswith("ecbplus"))), key=lambda p: _num(p.stem))
        out.extend(files[:FILES_PER_HALF])
    return out


def build_store(records: list[dict], workdir: Path, name: str):
    """Write ``records`` as JSONL and build a store from it with the public API (what `dossier
    build` runs); returns (Dossier, {doc_id: file stem})."""
    from dossier.api import Dossier

    src = workdir / f"{name}.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    d = Dossier.open(workdir / f"{name}.db")
    d.build([str(src)])
    stems = {}
    for doc in d.documents():
        stems[doc.id] = (doc.url or "").rsplit("/", 1)[-1]
    return d, stems


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def names_match(gold_names: list[str], ev, shown: list[str] | None = None) -> bool:
    """A gold participant appears in the event's participants or label (any capitalised word of
    the name longer than 2 letters, so "Tara Reid" matches "Reid"). ``shown``: the participants
    as a user sees them (``Reader.participant_names``): merged events hold entity ids, which name
    nobody, so without it only the label could match."""
    parties = shown if shown is not None else [*map(str, ev.participants), *ev.participant_labels]
    have = _words(" ".join(parties) + " " + ev.summary)
    for name in gold_names:
        words = [w.lower() for w in re.findall(r"[A-Z][\w'-]+", name) if len(w) > 2]
        if any(w in have for w in words):
            return True
    return False


def date_matches(gold: str | None, got: str | None) -> bool:
    return bool(gold) and bool(got) and got[: len(gold)] == gold


def salience(ev) -> float:
    from dossier.extract.events_rank import salience as score

    return score(ev)


def _ecb_records(topic: Path) -> list[dict]:
    return [{"url": f"ecb://{p.stem}", "title": "", "text": ecb_text(p)} for p in ecb_files(topic)]


# tokeniser spacing shown in a name: "No . 10", "Creighton ’ s", "Trump 's", "( AP", a split score "31 24"
_ARTEFACT = re.compile(r"\w \.(?= \w)| [’'] ?s\b|\( | [,;:%)]|\b\d+ \d+\b")


def label_faults(label: str, triggers: list[str]) -> list[str]:
    """Why an event's name does not read as a headline ("" list: it does). ``triggers``: the
    words the event was read from (evidence ``event:<kind>``). A name starting with the base form
    of its own inflected trigger ("won" -> "Win ...", "retired" -> "Retire") is a bare verb: the
    clause's subject was lost."""
    from dossier.extract import events_kinds as kinds

    faults = []
    if _ARTEFACT.search(label):
        faults.append("artefact")
    words = label.split()
    if len(words) < 2:
        faults.append("one word")
    elif any(t.lower() != words[0].lower() and kinds.VERB_KIND.get(t.lower(), ("", ""))[1] == words[0].lower()
             for t in triggers):
        faults.append("bare verb")
    return faults


def _triggers(ev) -> list[str]:
    return [e.text for e in ev.evidence if e.rule.startswith("event:") and e.rule not in ("event:name", "event:label")]


def _labels_clean(events, acc: dict, top_n: int = 20) -> None:
    """Count the default timeline's top rows and those whose names read right (``label_faults``)."""
    from dossier.extract.events import timeline

    for ev in sorted(timeline(events), key=salience, reverse=True)[:top_n]:
        acc["labels"] += 1
        acc["labels_clean"] += not label_faults(ev.summary, _triggers(ev))


def kind_gold() -> dict[str, list[dict]]:
    """eval/gold/event_kinds.tsv by story (``ecb<topic>`` or ``election``)."""
    rows = [line.split("\t") for line in (GOLD / "event_kinds.tsv").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    head, rows = rows[0], rows[1:]
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        row = dict(zip(head, r))
        out[row["story"]].append(row)
    return out


def _kinds_right(gold: list[dict], events, sentences: dict[str, list[str]], acc: dict) -> None:
    """A gold row is right when an event citing its sentence was read from its trigger with the
    judged kind (evidence ``event:<kind>``), or, judged ``none``, when no event was read from it."""
    for g in gold:
        said = {e.rule.split(":", 1)[1] for ev in events if any(g["sentence"] in t for t in sentences[ev.id])
                for e in ev.evidence if e.rule.startswith("event:") and e.text.lower() == g["trigger"].lower()
                and e.rule not in ("event:name", "event:label")}
        acc["kinds"] += 1
        acc["kinds_right"] += (not said) if g["kind"] == "none" else g["kind"] in said


def _sentences(d, events) -> dict[str, list[str]]:
    docs = {doc.id: doc.text for doc in d.documents()}
    return {ev.id: [docs.get(s.doc_id, "")[s.start:s.end] for s in ev.mentions] for ev in events}


def _score_topic(gold: list[dict], events: list, stems: dict[str, str], acc: dict,
                 shown: dict[str, list[str]] | None = None) -> None:
    """Add one topic's counts to ``acc``; ``shown``: event id -> its participants by name. A
    duplicate is another found event of a compatible kind (another report of the same happening
    left apart); the found events of other kinds (the person's arrest, trial, an earlier event)
    are other events, counted apart (``duplicates_any_kind``)."""
    from dossier.extract.events_merge import kinds_compatible

    shown = shown or {}
    def cites(ev, files) -> bool:
        return any(stems.get(s.doc_id) in files for s in ev.mentions)

    built = set(stems.values())
    hits: dict[str, list] = {}
    for g in gold:
        files = set(g["files"]) & built
        if not files:
            continue
        acc["gold"] += 1
        found = [ev for ev in events if cites(ev, files) and names_match(g["participants"], ev, shown.get(ev.id))]
        hits[g["id"]] = found
        if found:
            acc["found"] += 1
            best = max(found, key=lambda e: (date_matches(g["date"], e.date), salience(e)))
            acc["dups_any"] += len(found) - 1
            acc["dups"] += sum(1 for e in found if e is not best and kinds_compatible(e.kind, best.kind))
            hits[g["id"]] = [best]
            if g["date"]:
                acc["gold_dated"] += 1
                acc["dated"] += date_matches(g["date"], best.date)
                if len(g["date"]) == 10:
                    acc["day_gold"] += 1
                    acc["day_exact"] += best.date == g["date"]
    pair = [hits.get(g["id"]) for g in gold]
    if len(pair) == 2 and all(p is not None for p in pair):
        acc["pairs"] += 1
        acc["apart"] += bool(pair[0] and pair[1] and pair[0][0].id != pair[1][0].id)
        if pair[0] and pair[1]:
            acc["both_found"] += 1
            acc["merged"] += pair[0][0].id == pair[1][0].id
    from dossier.extract.events import timeline

    top = sorted(timeline(events), key=salience, reverse=True)[:TOP_N]
    acc["top"] += len(top)
    acc["top_ok"] += sum(any(cites(ev, set(g["files"])) and names_match(g["participants"], ev, shown.get(ev.id))
                             for g in gold)
                         for ev in top)


def run_ecb(workdir: Path) -> dict[str, float]:
    gold = json.loads((GOLD / "ecbplus_seminal.json").read_text())
    by_topic: dict[int, list[dict]] = defaultdict(list)
    for g in gold:
        by_topic[g["topic"]].append(g)
    acc: dict[str, int] = defaultdict(int)
    kinds_by_story = kind_gold()
    for topic in sorted((p for p in ECB.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        d, stems = build_store(_ecb_records(topic), workdir, f"ecb{topic.name}")
        events = d.reader.timeline(min_confidence=0)
        acc["pages"] += len(stems)
        shown = {ev.id: d.reader.participant_names(ev) for ev in events}
        _score_topic(by_topic[int(topic.name)], events, stems, acc, shown)
        _labels_clean(events, acc)
        _kinds_right(kinds_by_story.get(f"ecb{topic.name}", []), events, _sentences(d, events), acc)
        d.close()
    return {
        "seminal_found": acc["found"] / max(acc["gold"], 1),
        "seminal_dated": acc["dated"] / max(acc["gold_dated"], 1),
        "seminal_day_exact": acc["day_exact"] / max(acc["day_gold"], 1),
        "pairs_apart": acc["apart"] / max(acc["pairs"], 1),
        "pairs_merged": acc["merged"] / max(acc["both_found"], 1),
        "top2_precision": acc["top_ok"] / max(acc["top"], 1),
        "duplicates": acc["dups"] / max(acc["found"], 1),
        "duplicates_any_kind": acc["dups_any"] / max(acc["found"], 1),
        "ecb_pages": float(acc["pages"]),
        "_labels": float(acc["labels"]), "_labels_clean": float(acc["labels_clean"]),
        "_kinds": float(acc["kinds"]), "_kinds_right": float(acc["kinds_right"]),
    }


def _toks(t: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", t.lower())


def _set_match(keys: list[str], text: str) -> bool:
    w = _toks(text)
    return all(any(x.startswith(p) for x in w) for p in keys)


def _election_records(months: set[str]) -> list[dict]:
    rows = [line.split("\t") for line in (QUOTES / "metadata.tsv").read_text().splitlines()]
    head, rows = rows[0], rows[1:]
    out = []
    for r in rows:
        meta = dict(zip(head, r))
        if meta["publication_date"][:7] not in months:
            continue
        path = QUOTES / meta["compartment"] / "text" / f"{meta['filename']}.txt"
        if path.exists():
            out.append({"url": f"file://{meta['filename']}.txt", "title": meta.get("title", ""),
                        "text": path.read_text(errors="replace"), "published": meta["publication_date"],
                        "outlet": meta["publisher"]})
    return out


def _texts(d, ev) -> list[str]:
    docs = {doc.id: doc for doc in d.documents()}
    out = [ev.summary]
    for s in ev.mentions:
        doc = docs.get(s.doc_id)
        if doc is not None:
            out.append(doc.text[s.start:s.end])
    return out


def _day_diff(a: str, b: str | None) -> int:
    import datetime as dt

    if not b or len(b) < 10:
        return 99
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b[:10])).days)


def run_election(workdir: Path) -> dict[str, float]:
    data = json.loads((GOLD / "election2016_timeline.json").read_text())
    gold = data["events"]
    months = sorted(ELECTION_MONTHS)
    gold = [g for g in gold if g["date"][:7] in months]
    d, _stems = build_store(_election_records(set(months)), workdir, "election")
    events = d.reader.timeline(min_confidence=0)
    texts = {ev.id: _texts(d, ev) for ev in events}
    figures = {}
    for key, window in (("election_found", 0), ("election_found_pm1", 1)):
        used: set[str] = set()
        found = 0
        for g in gold:
            cands = [ev for ev in events if ev.id not in used and _day_diff(g["date"], ev.date) <= window
                     and any(_set_match(k, t) for k in g["keywords"] for t in texts[ev.id])]
            if cands:
                used.add(max(cands, key=salience).id)
                found += 1
        figures[key] = found / max(len(gold), 1)
    dups = []
    for g in gold:
        same = [ev for ev in events if ev.date == g["date"]
                and any(_set_match(k, t) for k in g["keywords"] for t in texts[ev.id])]
        if same:
            dups.append(len(same) - 1)
    from dossier.extract.events import timeline

    top = sorted(timeline(events), key=salience, reverse=True)[:20]
    ok = sum(any(_day_diff(g["date"], ev.date) <= 1 and any(_set_match(k, t) for k in g["keywords"]
                                                              for t in texts[ev.id]) for g in gold) for ev in top)
    figures["election_day_exact"] = min(1.0, figures["election_found"] / max(figures["election_found_pm1"], 1e-9))
    figures["election_top_precision"] = ok / max(len(top), 1)
    figures["election_duplicates"] = sum(dups) / max(len(dups), 1)
    figures["election_pages"] = float(len(d.documents()))
    acc: dict[str, int] = defaultdict(int)
    _labels_clean(events, acc)
    _kinds_right(kind_gold().get("election", []), events, _sentences(d, events), acc)
    figures.update({"_labels": float(acc["labels"]), "_labels_clean": float(acc["labels_clean"]),
                    "_kinds": float(acc["kinds"]), "_kinds_right": float(acc["kinds_right"])})
    d.close()
    return figures


def run() -> dict[str, float]:
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        out = run_ecb(Path(tmp))
        election = run_election(Path(tmp))
    logging.disable(logging.NOTSET)
    return {**_pooled(out, election), **{k: v for k, v in election.items() if not k.startswith("_")}}


def _pooled(ecb: dict[str, float], election: dict[str, float]) -> dict[str, float]:
    """The ECB+ figures with the label and kind counts of both builds pooled into shares."""
    def total(key: str) -> float:
        return ecb.get(key, 0.0) + election.get(key, 0.0)

    out = {k: v for k, v in ecb.items() if not k.startswith("_")}
    out["label_clean"] = total("_labels_clean") / max(total("_labels"), 1)
    out["kind_accuracy"] = total("_kinds_right") / max(total("_kinds"), 1)
    return out


if __name__ == "__main__":
    which = sys.argv[1:] or ["ecb", "election"]
    with tempfile.TemporaryDirectory() as tmp:
        ecb = run_ecb(Path(tmp)) if "ecb" in which else {}
        election = run_election(Path(tmp)) if "election" in which else {}
    for k, v in {**_pooled(ecb, election), **{k: v for k, v in election.items() if not k.startswith("_")}}.items():
        print(f"{k:26} {v:.3f}")
