"""The corpus step's code as it was before its memory and speed work (issue #16), kept as the
reference those changes must equal: the duplicates pass holding every page's words and shingles,
names cleaned without memos, headline lines scanned for every mention, the corpus read with the
garbage collector scanning it, rows written with ``dataclasses.fields`` asked for every object, an
event kind's trigger pattern built for every sentence, pages written back in one call. ``as_before`` swaps them in for one test."""

from __future__ import annotations

from typing import Any

from dossier.clean.duplicates import NUM_PERM, SEED, THRESHOLD, _index, _rank, _root, _shingles, _tokens, text_key
from dossier.clean.minhash import minhash


def held_find_duplicates(docs: Any, threshold: float = THRESHOLD, sketches: Any = None, made: Any = None) -> dict[str, str]:
    """find_duplicates as it was: every page's words, then every first copy's shingles, kept to the end
    (``made``, sketches made elsewhere, is not read: it hashes every page itself)."""
    parent = {i: i for i in range(len(docs))}
    tokens = [_tokens(d.text) for d in docs]
    by_hash: dict[str, int] = {}
    for i, toks in enumerate(tokens):
        if not toks:
            continue
        key = text_key(toks)
        if sketches is not None:
            sketches[docs[i].id] = (key, None)
        if key in by_hash:
            parent[_root(parent, i)] = _root(parent, by_hash[key])
        else:
            by_hash[key] = i
    lsh = _index(threshold)
    shingles: dict[int, set[str]] = {}
    for i in sorted(by_hash.values()):
        sh = _shingles(tokens[i])
        shingles[i] = sh
        mh = minhash((s.encode() for s in sorted(sh)), NUM_PERM, SEED)
        if sketches is not None:
            sketches[docs[i].id] = (sketches[docs[i].id][0], mh)
        for j in sorted(int(str(k)) for k in lsh.query(mh)):
            other = shingles[j]
            if len(sh & other) / len(sh | other) >= threshold:
                a, b = _root(parent, i), _root(parent, j)
                if a != b:
                    parent[a] = b
        lsh.insert(str(i), mh)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(_root(parent, i), []).append(i)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            keep = min(members, key=lambda i: _rank(docs[i], i))
            out.update({docs[i].id: docs[keep].id for i in members if i != keep})
    return out


def held_only_in_headlines(name: str, text: str) -> bool:
    """only_in_headlines as it was: the page's lines split and tested for every mention."""
    from dossier.resolve.clean import _title_case

    found = False
    for line in text.splitlines():
        if name in line:
            if not _title_case(line):
                return False
            found = True
    return found


def held_to_dict(obj: Any) -> Any:
    """to_dict as it was: ``dataclasses.fields`` asked for every object."""
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: held_to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [held_to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: held_to_dict(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        raise TypeError("bytes are not serialised by to_dict")
    return obj


def held_reading(sentence: str, kind: str) -> tuple[str, str] | None:
    """conflicts_events._reading as it was: the trigger pattern built for every sentence."""
    import re

    from dossier.extract.conflicts_events import _NOT_PLAIN, _REALIS_NEGATION, TRIGGERS

    if sentence.rstrip().rstrip("\"'”’").endswith("?"):
        return None
    words = sorted((w for w, k in TRIGGERS.items() if k == kind), key=len, reverse=True)
    found: dict[str, str] = {}
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, words)) + r")\b", sentence, re.IGNORECASE):
        before = sentence[max(0, m.start() - 40) : m.start()]
        neg = _REALIS_NEGATION.search(before)
        if neg is not None:
            found.setdefault("denied", (before[neg.start() :] + m.group(0)).strip())
        elif not _NOT_PLAIN.search(before):
            found.setdefault("said", m.group(0))
    if len(found) != 1:
        return None
    ((how, words_),) = found.items()
    return how, words_


def held_write_pages(update: Any, was: Any, after: Any, pages: Any, batch: int = 0) -> None:
    """The write-back as it was: every page's date, duplicate link and replaced annotations in one call."""
    pages = list(pages)
    new_dates = {i: after.documents[i].published for i in pages if after.documents[i].published != was.dates[i]}
    duplicates = {i: after.documents[i].duplicate_of for i in pages}
    rebased = [a for i, a in after.annotations.items() if was.replaced(i, a)]
    update(new_dates, duplicates, rebased)


def as_before(monkeypatch: Any) -> None:
    """Swap the reference code in (``monkeypatch``: pytest's fixture), wherever it was imported."""
    import sys

    import dossier.clean.duplicates as duplicates
    import dossier.corpus.heap as heap
    import dossier.corpus.writeback as writeback
    import dossier.extract.conflicts_events as conflicts_events
    import dossier.resolve.clean as clean
    from dossier import model
    from dossier.nlp import names

    monkeypatch.setattr(duplicates, "find_duplicates", held_find_duplicates)
    monkeypatch.setattr(clean, "only_in_headlines", held_only_in_headlines)
    monkeypatch.setattr(heap, "read_unscanned", lambda read: read())
    monkeypatch.setattr(writeback, "write_pages", held_write_pages)
    monkeypatch.setattr(conflicts_events, "_reading", held_reading)
    held = {id(f): f.__wrapped__ for f in (names.clean_name, names.malformed)}
    held[id(model.to_dict)] = held_to_dict
    for name, module in list(sys.modules.items()):
        if name.startswith("dossier"):
            for attr, value in list(vars(module).items()):
                if id(value) in held:
                    monkeypatch.setattr(module, attr, held[id(value)])
