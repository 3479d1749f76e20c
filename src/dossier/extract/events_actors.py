"""Who took part in an event, as one actor: entity ids folded across a country and its
government, a person's short display name, and names the resolver left unmapped matched to the
one entity they fit. Split from ``events_merge``, which clusters the reports these keys describe."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence

from dossier.extract import events_lexicon as lex
from dossier.model import Annotations, Mention
from dossier.nlp.names import name_tokens, same_person_name, translit_key, translit_word

logger = logging.getLogger(__name__)


def name_key(name: str) -> str:
    """A name's spelling-insensitive participant key."""
    return translit_key(name) or name.lower()


_ACTOR_LABELS = frozenset({"GPE", "GOV", "NORP"})


def actor_aliases(
    annots: Sequence[Annotations], entity_of: Callable[[Mention], str | None]
) -> tuple[dict[str, str], dict[str, str]]:
    """(entity id -> representative id, entity id -> short display name), from the mentions.

    A country and its government ("France" the place, "France" the actor, "Paris insists") may be
    two entities to the resolver; for who took part in an event they are one actor, so ids that
    share a place-name surface are folded together. The short name of a person is the one-word
    form the pages use most ("Lula", "Merkel"), so summaries read the way the reports do."""
    surfaces: dict[str, Counter[str]] = {}
    for ann in annots:
        for m in ann.mentions:
            if m.label not in lex.PARTICIPANT_LABELS and m.label not in _ACTOR_LABELS:
                continue
            eid = entity_of(m)
            if eid:
                surfaces.setdefault(eid, Counter())[f"{m.label}:{m.text.strip()}"] += 1
    persons = {eid for ann in annots for m in ann.mentions if m.label == "PERSON" and (eid := entity_of(m))}
    full: dict[str, str] = {}
    for ann in annots:
        for m in ann.mentions:
            name = m.canonical or m.text
            if len(name.split()) >= 2 and (eid := entity_of(m)) in persons:
                if len(name) > len(full.get(eid, "")):
                    full[eid] = name
    rep: dict[str, str] = {}
    owner: dict[str, str] = {}
    starting: dict[tuple[str, ...], list[str]] = {}  # leading words -> the full names that start so
    for o, name in full.items():
        words = tuple(name.split())
        for n in range(1, len(words) + 1):
            starting.setdefault(words[:n], []).append(o)
    for eid in sorted(full, key=lambda e: (len(full[e]), e)):
        # "Ana Maria" and "Ana Maria Silva": a full name that starts another one is the same person
        longer = sorted((o for o in starting.get(tuple(full[eid].split()), ()) if o != eid),
                        key=lambda o: (len(full[o]), o))
        if longer:
            rep[eid] = rep.get(longer[0], longer[0])
    for eid in sorted(surfaces):
        places = sorted(k.split(":", 1)[1].lower() for k in surfaces[eid] if k.split(":", 1)[0] in _ACTOR_LABELS)
        hit = next((owner[p] for p in places if p in owner), None)
        rep[eid] = rep.get(hit, hit) if hit else rep.get(eid, eid)
        for p in places:
            owner.setdefault(p, rep[eid])
    alone = Counter(m.text.strip() for ann in annots for m in ann.mentions if len(m.text.split()) == 1)
    short: dict[str, str] = {}
    for eid, name in full.items():
        # the part of the full name the pages use on its own, whatever label the tagger gave it
        parts = [w for w in name.split() if w.split("-")[-1][:1].isupper()]
        used = [w for w in parts if alone[w] or alone[w.split("-")[-1]]]
        if used:
            best = max(used, key=lambda w: (alone[w] + alone[w.split("-")[-1]], parts.index(w)))
            short[eid] = best if alone[best] >= alone[best.split("-")[-1]] else best.split("-")[-1]
    return rep, short


def ids_by_name(annots: Sequence[Annotations], entity_of: Callable[[Mention], str | None]) -> dict[str, str]:
    """Spelling-insensitive name key -> entity id, for names of several words the resolver mapped
    once: a mention it left unmapped ("el-Amin" where another page says "al-Amin") still counts."""
    votes: dict[str, Counter[str]] = {}
    for ann in annots:
        for m in ann.mentions:
            name = m.canonical or m.text
            if m.label in lex.PARTICIPANT_LABELS and len(name.split()) >= 2 and (eid := entity_of(m)):
                votes.setdefault(name_key(name), Counter())[eid] += 1
    return {k: min(c, key=lambda e: (-c[e], e)) for k, c in votes.items() if len(c) == 1}


def names_of_entities(annots: Sequence[Annotations], entity_of: Callable[[Mention], str | None]) -> dict[str, set[str]]:
    """Person entity id -> the names its mentions give."""
    out: dict[str, set[str]] = {}
    for ann in annots:
        for m in ann.mentions:
            if m.label == "PERSON" and (eid := entity_of(m)):
                out.setdefault(eid, set()).add(m.canonical or m.text)
    return out


def surname_block(name: str) -> str | None:
    """The last letter of a name's surname as ``word_match`` folds it: ``same_person_name`` never
    pairs names of two blocks (events_merge blocks participant keys by it too)."""
    toks = name_tokens(name)
    return translit_word(toks[-1])[-1:] if toks else None


class PersonNames:
    """Person entities by the names their mentions give, for ``only``: blocked by surname letter,
    its answers kept (an unresolved name recurs on many reports; a scan of every entity per
    report was 9 CPU-s at 10,000 pages)."""

    def __init__(self, names_of: dict[str, set[str]]) -> None:
        self.block: dict[str, dict[str, list[str]]] = {}  # surname block -> entity id -> its names there
        for eid, names in sorted(names_of.items()):
            for n in sorted(names):
                if (b := surname_block(n)) is not None:
                    self.block.setdefault(b, {}).setdefault(eid, []).append(n)
        self.known: dict[str, str | None] = {}

    def only(self, name: str) -> str | None:
        """The one person entity whose names fit ``name`` up to spelling ("el-Amin" ~ "Amin"); none
        when two people fit (namesakes stay apart)."""
        if name not in self.known:
            self.known[name] = self._only(name)
        return self.known[name]

    def _only(self, name: str) -> str | None:
        if len(name.split()) < 2 or (b := surname_block(name)) is None:
            return None
        hits = [eid for eid, names in self.block.get(b, {}).items() if any(same_person_name(name, n) for n in names)]
        return hits[0] if len(hits) == 1 else None
