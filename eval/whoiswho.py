"""Who is who on 2016 election pages (../shared/data/quotes), scored through the build path.

The pages and checks are in ``whoiswho.json`` (facts the pages state, in our own words): each page
is annotated by ``annotate_document`` with its publication date from ``metadata.tsv``, then all are
resolved together by ``resolve_entities``. Checks, each an error when it fails:
- one: the person has exactly one entity (every word of the name in its name or an alias);
- apart / same: two names look up (``who``) to different / the same entity;
- type: the entity a name looks up has that type;
- role / not_role: the entity holds (does not hold) a role with that title; a role check with a
  third item also wants that in whom or what the role is of ('campaign manager' of 'Clinton');
- former: the entity holds that role as a past one ('former', 'then-');
- bare: on that page, every mention written as that bare surname resolves to the entity the full
  name looks up (a page naming no one in full by it means its most prominent bearer); with a
  courtesy title ('Mrs. <Surname>'), every mention written after that title;
- place aliases: persons carrying a country or capital as an alias (each is an error).
A name not found at all is an error of its check too (a miss is a miss).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "quotes"
SPEC = Path(__file__).resolve().parent / "whoiswho.json"
sys.path.insert(0, str(ROOT / "src"))

from dossier.model import Document, PublicationDate  # noqa: E402
from dossier.lang import geo  # noqa: E402
from dossier.resolve import resolve_entities, who  # noqa: E402
from dossier.nlp.names import generation, name_tokens  # noqa: E402

METRICS = [
    ("errors", None, "who-is-who errors on 74 election pages (splits, merges, types, roles, bare surnames, place aliases)"),
    ("checks", None, "number of checks (the errors' denominator)"),
    ("split_errors", None, "'one' checks failed: a main actor in two or more entities"),
    ("merge_errors", None, "'apart' checks failed: two people in one entity"),
    ("person_place_aliases", None, "persons with a country or capital among their aliases"),
]
LOWER_IS_BETTER = ("errors", "split_errors", "merge_errors", "person_place_aliases")


def _dates() -> dict[str, str]:
    with (DATA / "metadata.tsv").open(encoding="utf-8") as f:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}


def build(pages: list[str]):
    """The pages through the real annotation and resolution stages."""
    from dossier.nlp.annotate import annotate_document
    from dossier.nlp.pipeline import load_pipeline

    nlp, dates = load_pipeline(), _dates()
    docs, annots = [], []
    for rel in pages:
        path = DATA / rel
        date = dates.get(path.stem)
        doc = Document(id=path.stem, source=rel, text=path.read_text(encoding="utf-8"),
                       published=PublicationDate(value=date, precision="day" if date else "none",
                                                 confidence=1.0 if date else 0.0))
        docs.append(doc)
        annots.append(annotate_document(doc, nlp)[0])
    return resolve_entities(docs, annots)


def _holds(entity, name: str) -> bool:
    """The entity carries every word of ``name`` (and its generation: 'X Jr.' is not 'X')."""
    words, gen = set(name_tokens(name)), generation(name)
    return any(words <= set(name_tokens(n)) and generation(n) == gen for n in (entity.name, *entity.aliases))


def check(res, spec: dict) -> dict[str, list[str]]:
    """Failed checks by kind, each described in a line."""
    fails: dict[str, list[str]] = {k: [] for k in ("one", "apart", "same", "type", "role", "not_role", "former", "bare", "place")}
    top = {}
    names = {n for k in ("apart", "same", "type", "role", "not_role", "former") for pair in spec[k] for n in pair[:2]}
    for name in names | {full for _, _, full in spec["bare"]}:
        found = who(res, name)
        top[name] = found[0] if found else None
    for name in spec["one"]:
        hits = [e for e in res.entities if e.type == "person" and _holds(e, name)]
        if len(hits) != 1:
            fails["one"].append(f"{name}: {len(hits)} entities {[e.name for e in hits][:4]}")
    for a, b in spec["apart"]:
        if not top[a] or not top[b] or top[a].id == top[b].id:
            fails["apart"].append(f"{a} / {b}: {top[a] and top[a].name} / {top[b] and top[b].name}")
    for a, b in spec["same"]:
        if not top[a] or not top[b] or top[a].id != top[b].id:
            fails["same"].append(f"{a} / {b}: {top[a] and top[a].name} / {top[b] and top[b].name}")
    for name, typ in spec["type"]:
        if not top[name] or top[name].type != typ:
            fails["type"].append(f"{name}: {top[name] and top[name].type}")
    for name, title, *of in spec["role"]:
        if not top[name] or not any(title in r.title and not r.past and all(o.lower() in (r.of or "").lower() for o in of)
                                    for r in top[name].roles):
            fails["role"].append(f"{name}: {top[name] and [(r.title, r.of) for r in top[name].roles]}")
    for name, title in spec["former"]:
        if not top[name] or not any(title in r.title and r.past for r in top[name].roles):
            fails["former"].append(f"{name}: {top[name] and [(r.title, r.past) for r in top[name].roles]}")
    for name, title in spec["not_role"]:
        if top[name] and any(r.title == title for r in top[name].roles):
            fails["not_role"].append(f"{name}: holds {title}")
    for page, bare, full in spec["bare"]:
        text = (DATA / page).read_text(encoding="utf-8")
        title, _, word = bare.rpartition(" ")  # 'Mrs. <Surname>': only the mentions after that title
        got = [e for (doc, start, end), e in res.mention_entity.items()
               if doc == Path(page).stem and text[start:end] == word
               and (not title or text[max(0, start - len(title) - 1):start] == title + " ")]
        if not got or not top[full] or any(e != top[full].id for e in got):
            fails["bare"].append(f"{bare} on {Path(page).stem}: {len(got)} mentions, {sum(e != (top[full] and top[full].id) for e in got)} elsewhere")
    for e in res.entities:
        places = [a for a in (e.name, *e.aliases) if geo.country_named(a) or geo.country_of_capital(a)]
        if e.type == "person" and places:
            fails["place"].append(f"{e.name}: {places}")
    return fails


def run() -> dict[str, float]:
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    fails = check(build(spec["pages"]), spec)
    for kind, lines in fails.items():
        for line in lines:
            print(f"  whoiswho {kind}: {line}", file=sys.stderr)
    n_checks = sum(len(spec[k]) for k in ("one", "apart", "same", "type", "role", "not_role", "former", "bare"))
    return {
        "errors": float(sum(len(v) for v in fails.values())),
        "checks": float(n_checks),
        "split_errors": float(len(fails["one"])),
        "merge_errors": float(len(fails["apart"])),
        "person_place_aliases": float(len(fails["place"])),
    }


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:22} {v:.0f}")
