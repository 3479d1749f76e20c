"""Cross-document entity resolution: mentions from many documents -> entities.

The steps, each a small function over plain values:
1. ``observe`` (observe.py): every usable mention becomes an ``Obs`` with its display name (the in-document
   canonical name when known), a provisional kind (person, gov, or a plain name) and its doc date.
2. persons (persons.py): full names cluster when surname and first names agree up to spelling; a bare surname
   goes to the full name of its own document, else to the namesake closest in time sharing a role,
   else it stays its own low-confidence entity.
3. other names (namegroups.py) cluster by spelling-insensitive key; the type is voted from labels and text cues.
4. capitals, countries and seats of government used as actors go to the country's government.
4b. common noun phrases get their head word as label, within a group of pages reporting one event
   (pagegroups.py); after pronouns are attached, a page's descriptions a learned model gives to
   another referent than the entity's other pages are split off (pagechains.py).
5. aliases the text declares ("X, known in Japan as Y") join clusters; then user corrections.
6. clusters (clusters.py) become ``Entity`` values with stable content-derived ids, roles over time and aliases.
"""

from __future__ import annotations

import functools
import logging
from sys import intern
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from dossier.pagetext import page_texts
from dossier.model import Annotations, Document, Entity, Mention, Refused, Span
from dossier.resolve.affiliations import refuse_affiliation_persons
from dossier.resolve.aliases import find_aliases
from dossier.resolve.articles import demote_articled_persons
from dossier.resolve.clusters import (
    Cluster,
    apply_corrections,
    country_cluster,
    ensure_unique_ids,
    make_cluster,
    title_names,
    to_entity,
)
from dossier.resolve.common import amount_key, non_referential, quantity_key
from dossier.resolve.indefinites import renewed_referents
from dossier.resolve.kin import kin_apart
from dossier.resolve.corrections import Corrections
from dossier.resolve.describe import link_descriptions
from dossier.resolve.namegroups import name_labels
from dossier.nlp.names import extends_name, generation, name_tokens, same_person_name
from dossier.resolve.agreement import (
    demote_known_places,
    demote_non_persons,
    promote_listed_persons,
    promote_unknown_places,
    refuse_class_words,
    refuse_day_names,
    refuse_non_names,
)
from dossier.resolve.observe import MentionKey, Obs, ObsMemo, body_names, observe_once
from dossier.resolve import pagechains
from dossier.resolve.pagegroups import page_groups
from dossier.resolve.postnominal import refuse_post_nominals
from dossier.resolve.pronouns import attach_first_person, attach_pronouns
from dossier.resolve.roles import former_counts, one_holder_at_a_time
from dossier.resolve.persons import block_key, group_full_names, person_labels
from dossier.resolve.truecase import truecase_headline_words
from dossier.resolve.unionfind import UnionFind
from dossier.resolve.variants import written_variants

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Resolution:
    """The result of resolving entities across documents."""

    entities: tuple[Entity, ...]
    mention_entity: dict[MentionKey, str]
    refused: Refused = Refused()  # words read as naming nothing, to keep for pages added later

    @functools.cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def entity(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity_of(self, mention: Mention | Span) -> Entity | None:
        """The entity a mention (or a mention's span) was resolved to, if any."""
        span = mention.span if isinstance(mention, Mention) else mention
        eid = self.mention_entity.get((span.doc_id, span.start, span.end))
        return self.entity(eid) if eid else None



_TYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _alias_unions(docs: Sequence[Document], annots: Sequence[Annotations], labels: dict[MentionKey, str], uf: UnionFind) -> None:
    by_doc = {d.id: d for d in docs}
    for a in annots:
        doc = by_doc.get(a.doc_id)
        if doc is None:
            continue
        for x, y in find_aliases(doc.text, a.mentions, a.sentences):
            kx, ky = (doc.id, x.span.start, x.span.end), (doc.id, y.span.start, y.span.end)
            if (x.label == "PERSON") != (y.label == "PERSON") and {x.label, y.label} <= _TYPED:
                continue  # a person's alias is never a place or an organisation (NER's org/place split is loose)
            if kx in labels and ky in labels and not _two_people(labels[kx], labels[ky]):
                uf.union(labels[kx], labels[ky])


def _two_people(a: str, b: str) -> bool:
    """Two clusters of full names that name two people ('<Given> <Surname>' and '<Other given>
    <Surname>'): an alias the text gives between two short forms ('<Surname>, known as <Given>')
    links those mentions, but each was placed by its own evidence (a bare surname by the namesake
    nearest in time), so it does not make father and son one person."""
    if a == b or not (a.startswith("person:") and b.startswith("person:")):
        return False
    x, y = a.removeprefix("person:"), b.removeprefix("person:")
    if len(name_tokens(x)) < 2 or len(name_tokens(y)) < 2:
        return False
    return not (same_person_name(x, y) or extends_name(x, y) or extends_name(y, x))


def resolve_entities(
    docs: Sequence[Document], annots: Sequence[Annotations], corrections: Corrections | None = None,
    memo: ObsMemo | None = None, refused: Refused | None = None,
) -> Resolution:
    """Cluster the mentions of many documents into entities (see the module docstring). ``memo``:
    each page's observations from an earlier call, used again where the page's inputs are the same
    (``observe.observe_once``); ``refused``: words an earlier call over more pages read as naming
    nothing (an incremental step's new pages are read as the corpus was)."""
    by_id = {d.id: d for d in docs}
    bodies = body_names(annots)
    seen = [o for a in annots if a.doc_id in by_id for o in observe_once(by_id[a.doc_id], a, bodies, memo)]
    texts = page_texts(docs)  # decoded page by page (dossier.pagetext)
    obs = demote_known_places(promote_unknown_places(truecase_headline_words(seen, texts)), texts)
    obs = demote_articled_persons(obs, texts)  # 'told the Herald': no person's name
    obs = promote_listed_persons(obs, texts)  # '<Given> <Surname>' tagged ORG in a list of persons
    obs = refuse_non_names(demote_non_persons(obs))
    obs = refuse_affiliation_persons(obs)  # 'a Sikh temple' tagged PERSON: a faith's word, no one
    obs = refuse_post_nominals(obs, texts)  # '<Name>, MD,': letters after a name, no name
    obs, refused = _refuse(obs, texts, refused or Refused())  # 'a super <ACRONYM>', '<Word> Tuesday': no entity
    del seen
    # '<Name> was a lawyer', 'every user': no referent of its own, read once for both uses
    inert = {o.key for o in obs
             if o.kind == "common" and non_referential(texts.get(o.key[0], ""), o.key[1], o.surface, o.mention.label)}
    # 'a judge ... a judge': the second is another judge, a referent of its own (pronouns may take it)
    renewed = renewed_referents(obs, texts, inert)
    clusters = _clusters(_members(docs, annots, obs, texts, inert | renewed))
    prons = [o for o in obs if o.kind == "pron"]
    attach_pronouns(clusters, prons, texts, inert)
    attach_first_person(clusters, prons, texts)
    # a page's descriptions the head word joined to another referent's ('the girl' of two girls)
    clusters = pagechains.split_clusters(clusters, texts)
    have = {c.country for c in clusters if c.kind == "country"}
    clusters += [country_cluster(c.country) for c in clusters if c.kind == "gov" and c.country and c.country not in have]
    ensure_unique_ids(clusters)
    if corrections and not corrections.empty:
        clusters = apply_corrections(clusters, corrections)
    country_ids = {}
    for c in clusters:
        if c.kind == "country":
            country_ids[c.country or ""] = c.id
    names = title_names(clusters, texts.values())  # what '<Name> adviser' may be of
    formers = {c.id: former_counts((o.mention.title for o in c.obs), names) for c in clusters if c.type == "person"}
    made = one_holder_at_a_time([to_entity(c, country_ids, names) for c in clusters], formers)
    entities = tuple(sorted(made, key=lambda e: (-e.mentions, e.name, e.id)))
    mention_entity = {o.key: c.id for c in clusters for o in c.obs}
    return Resolution(entities=entities, mention_entity=mention_entity, refused=refused)


def _refuse(obs: list[Obs], texts: Mapping[str, str], known: Refused) -> tuple[list[Obs], Refused]:
    """Capitalised words used as common nouns and first words of named days dropped (``agreement``),
    with what was refused (``known`` and what these pages add)."""
    obs, words = refuse_class_words(obs, known.class_words)
    obs, days = refuse_day_names(obs, texts, dict(known.day_names))
    return obs, Refused(words, tuple(sorted(days.items())))


def _members(docs: Sequence[Document], annots: Sequence[Annotations], obs: list[Obs], texts: Mapping[str, str],
             inert: Collection[MentionKey] = frozenset()) -> dict[str, list[Obs]]:
    """The observations of each cluster to be, by its label (steps 2-5 of the module docstring). On
    its own so every mention's label is freed before the clusters are made: at 10,000 pages they
    were tens of MB of the corpus step's peak. ``texts``: the pages' texts by id; ``inert``: common
    nouns that refer to no one (``common.non_referential``), each a cluster of its own."""
    # A common noun refers within the pages that report one event ('the suspect' of two shootings).
    # The pages are grouped before any label is made: their pages x words array is the largest block
    # resolution allocates at once (23 MB for the 982 pages with common nouns of 10,000 generated ones),
    # made after the labels it was the step's peak.
    with_commons = {o.key[0] for o in obs if o.kind == "common"}
    group = page_groups([d for d in docs if d.id in with_commons])
    full = {o.name for o in obs if o.kind == "person" and len(name_tokens(o.name)) >= 2}
    # the pages of the names a suffixed name may join (its surname's), not of every name
    suffixed = {block_key(n) for n in full if generation(n)}
    pages: dict[str, set[str]] = defaultdict(set)
    for o in obs:
        if o.kind == "person" and o.name in full and block_key(o.name) in suffixed:
            pages[o.name].add(o.key[0])
    apart = kin_apart(texts, obs, {n: block_key(n) for n in full})  # 'his son, <Name>': two people
    groups = group_full_names(full, pages, apart)
    del pages, full
    labels = person_labels(groups, obs)
    # Unresolved bare person names join the name pool (an island tagged PERSON among its LOC tags).
    # Their labels are dropped and the names' labels added in place, not into two copies of the dict
    # of every mention's label (same keys, same order).
    for key in [k for k, v in labels.items() if v.startswith("bare:")]:
        del labels[key]
    labels.update(name_labels(obs, labels))
    for o in obs:
        where = "@" + group[o.key[0]] if o.key[0] in group else ""  # the group of pages of one event
        if o.kind == "gov" and o.country:
            labels[o.key] = intern("gov:" + o.country)
        elif o.kind == "common":
            labels[o.key] = intern("common:" + o.name + quantity_key(o.surface) + where)
        if o.kind in ("common", "name") and (amount := amount_key(o.surface)):
            # one sum however written ('$184 million', '$184M'), within the pages of one event
            labels[o.key] = intern("amount:" + amount + where)
    labels.update(link_descriptions(docs, obs, labels, group))
    for o in obs:
        if o.key in inert:
            labels[o.key] = f"common:{o.name}!{o.key[0]}:{o.key[1]}"
    uf = UnionFind()
    _alias_unions(docs, annots, labels, uf)
    for a, b in written_variants(obs, labels, inert):  # '<Town> police' / '<Town> Police'
        if not _two_people(a, b):  # 'JOHN <SURNAME>' in a caption is no bridge between two namesakes
            uf.union(a, b)
    members: dict[str, list[Obs]] = defaultdict(list)
    for o in obs:
        if o.key in labels:
            members[uf.find(labels[o.key])].append(o)
    return members


def _clusters(members: dict[str, list[Obs]]) -> list[Cluster]:
    """Working clusters of the labelled observations, in label order."""
    clusters = [make_cluster(lab, ob) for lab, ob in sorted(members.items())]
    # An entity made only of malformed or joined mentions is NER noise ('Chile- One').
    return [c for c in clusters if any(o.shape in ("name", "common") for o in c.obs)]
