"""The store suite every backend passes (SQLite and PostgreSQL): atomic per-document writes, prefix
lookups, search, re-dating, corpus replacement, skipped inputs, stored pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.model import (
    Annotations,
    Conflict,
    CorpusFigure,
    Document,
    Entity,
    Event,
    Evidence,
    Position,
    PublicationDate,
    RemovedBlock,
    Role,
    Span,
)
from dossier.store import Corpus, Store, open_store


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """An empty store of each backend (PostgreSQL: a fresh database on the session's server)."""
    location = tmp_path / "s.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    opened: Store = open_store(location)
    yield opened
    opened.close()


def _doc(doc_id: str = "d1", text: str = "Talks resumed in Geneva. The envoy said little.") -> tuple[Document, Annotations]:
    doc = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        published=PublicationDate("2020-03-04", "day", 0.9, ("dateline",)),
        removed=(RemovedBlock("Share this", "share button", 0),),
        paragraphs=((0, len(text)),),
    )
    first = text.index(".") + 1
    ann = Annotations(doc_id, sentences=(Span(doc_id, 0, first), Span(doc_id, first + 1, len(text))))
    return doc, ann


def test_document_round_trip_and_prefix_lookup(store):
    doc, ann = _doc("abcdef0123")
    store.put_document(doc, ann, b"raw bytes", "v1")
    assert store.document("abcdef0123") == doc
    assert store.document("abcd") == doc  # a unique prefix is enough
    assert store.annotations("abcdef0123") == ann
    assert store.raw("abcdef0123") == b"raw bytes"
    assert store.has_document("abcdef0123", "v1")
    assert not store.has_document("abcdef0123", "v2")  # another pipeline version rebuilds it


def test_documents_rewritten_with_a_new_version_keep_their_annotations_and_raw_page(store):
    doc, ann = _doc("abcdef0123")
    other, other_ann = _doc("99")
    store.put_document(doc, ann, b"raw bytes", "v1")
    store.put_document(other, other_ann, b"other", "v1@digest")
    assert store.document_versions() == {"abcdef0123": "v1", "99": "v1@digest"}
    upgraded = replace(doc, own_latest_year=2019)
    store.set_documents([(upgraded, "v2")])
    assert store.document_versions() == {"abcdef0123": "v2", "99": "v1@digest"}
    assert store.document("abcdef0123") == upgraded and store.document("99") == other
    assert store.annotations("abcdef0123") == ann and store.raw("abcdef0123") == b"raw bytes"
    assert store.has_document("abcdef0123", "v2")


def test_document_heads_are_the_documents_without_text_or_layout_and_their_text_length(store):
    doc, ann = _doc("abcdef0123")
    doc = replace(doc, line_keys=("k1",), furniture=("k2",), duplicate_of=None, own_day="--03-04")
    store.put_document(doc, ann, b"raw", "v1")
    head = replace(doc, text="", removed=(), paragraphs=(), line_keys=(), furniture=())
    assert store.document_heads() == [(head, len(doc.text))]


def test_corpus_documents_are_the_documents_with_text_without_layout_in_listing_order(store):
    later, ann = _doc("b2")
    later = replace(later, published=PublicationDate("2021-01-01", "day", 1.0, ("dateline",)), line_keys=("k1",),
                    furniture=("k1",), own_day="--01-01")
    earlier, other = _doc("a1", "A second page. Its own words.")
    store.put_document(later, ann, b"raw", "v1")
    store.put_document(earlier, other, b"raw 2", "v1")
    got = store.corpus_documents()
    assert [d.id for d in got] == [d.id for d in store.documents()] == ["a1", "b2"]
    assert got == [replace(d, removed=(), paragraphs=(), line_keys=(), furniture=()) for d in store.documents()]
    assert got[1].text == later.text and got[1].own_day == "--01-01" and later.removed and later.paragraphs


def test_ambiguous_prefix_finds_nothing(store):
    for i in ("ab1", "ab2"):
        store.put_document(*_doc(i), b"x", "v1")
    assert store.document("ab") is None


def test_search_ranks_sentences_and_treats_input_as_words(store):
    store.put_document(*_doc(), b"x", "v1")
    hits = store.search("envoy")
    assert [h.text for h in hits] == ["The envoy said little."]
    assert hits[0].snippet == "The [[envoy]] said little."
    assert store.search('envoy" OR (') [0].text == "The envoy said little."  # FTS syntax is neutralised
    assert store.search("envoy", doc_ids=[]) == []


def test_rewriting_a_document_replaces_its_sentences(store):
    store.put_document(*_doc(), b"x", "v1")
    store.put_document(*_doc(text="Nothing here. Only quiet."), b"x", "v2")
    assert store.search("envoy") == []
    assert len(store.search("quiet")) == 1


def test_update_documents_marks_duplicates_and_redates(store):
    store.put_document(*_doc("a"), b"x", "v1")
    store.put_document(*_doc("b"), b"y", "v1")
    store.update_documents({"a": PublicationDate("2020-02", "month", 0.5, ("event",))}, {"b": "a"})
    assert store.document("a").published.value == "2020-02"
    assert store.document("b").status == "duplicate" and store.document("b").duplicate_of == "a"
    store.update_documents({}, {"b": None})
    assert store.document("b").status == "ok"


def test_corpus_is_replaced_whole(store):
    span = Span("d1", 0, 24)
    corpus = Corpus(
        entities=(Entity("e1", "Ana Ruiz", "person", roles=(Role("envoy", "Spain", "2020-03", "2020-03"),)),),
        events=(Event("ev1", "talks", "talks in Geneva", (span,), ("e1",), "Geneva", "2020-03-04", "day"),),
        positions=(Position("Spain", "talks", "demand", "resume talks", span, "2020-03"),),
        conflicts=(Conflict("figure", "cost", ("1", "2"), (span, span)),),
        figures=(CorpusFigure(3.0, span, "a road of 3 km", "km", "road"),),
    )
    store.replace_corpus(corpus)
    assert store.corpus() == corpus
    store.replace_corpus(Corpus())
    assert store.corpus() == Corpus()


def test_positions_are_read_in_listing_order_whatever_order_they_were_written(store):
    span = Span("d1", 0, 24)
    e1, e2 = Entity("e1", "Zed Ruiz", "person"), Entity("e2", "Ana Ruiz", "person")
    rows = (Position("e1", "talks", "demand", "a", span, "2020-03"), Position(None, "other", "doubt", "b", span,
            actor_label="Bystander"), Position("e2", "talks", "demand", "c", span, "2020-04"),
            Position("e2", "talks", "demand", "d", span, "2020-01"), Position("e2", "tariffs", "demand", "e", span))
    clashes = (Conflict("title", "b", ("x", "y"), (span, span), 0.4), Conflict("figure", "a", ("1", "2"), (span, span), 0.9),
               Conflict("figure", "c", ("1", "2"), (span, span), 0.4))
    store.replace_corpus(Corpus(entities=(e1, e2), positions=rows, conflicts=clashes))
    # by side name (Ana before Bystander before Zed), then issue, then date
    assert [p.statement for p in store.corpus().positions] == ["d", "c", "e", "b", "a"]
    assert [c.about for c in store.corpus().conflicts] == ["a", "c", "b"]  # most confident first, then kind


def _changed(base: Corpus) -> Corpus:
    """``base`` as an incremental step leaves it: an entity renamed, one gone, one new; an event
    changed, one gone, one new; positions added and removed (a repeated one among them);
    figures removed and appended; conflicts re-sorted."""
    span, other = Span("d1", 0, 24), Span("d2", 3, 9)
    ents = {e.id: e for e in base.entities}
    entities = (replace(ents["e1"], mentions=7, docs=("d1", "d2")), Entity("e3", "Tomas Vale", "person", mentions=1))
    events = (replace(base.events[0], date="2020-03-05"), Event("ev3", "vote", "a vote", (other,), ("e3",)))
    pos = Position("e3", "talks", "support", "yes to talks", other, "2020-03-06")
    positions = (base.positions[1], pos, pos, base.positions[2])
    figure = CorpusFigure(9.0, other, "9 km of road", "km", "road")
    conflicts = (Conflict("figure", "road", ("3", "9"), (span, other), 0.9), base.conflicts[0])
    return Corpus(entities, events, positions, conflicts, (*base.figures[1:], figure))


def _base_corpus() -> Corpus:
    span = Span("d1", 0, 24)
    return Corpus(
        entities=(Entity("e1", "Ana Ruiz", "person", mentions=3), Entity("e2", "Old Name", "person")),
        events=(Event("ev1", "talks", "talks", (span,), ("e1",), None, "2020-03-04", "day"),
                Event("ev2", "talks", "more talks", (span,), ("e2",))),
        positions=(Position("e1", "talks", "demand", "resume talks", span, "2020-03"),
                   Position("e2", "talks", "demand", "stop talks", span, "2020-03"),
                   Position(None, "talks", "doubt", "maybe", span, actor_label="Spain")),
        conflicts=(Conflict("figure", "cost", ("1", "2"), (span, span), 0.5),),
        figures=(CorpusFigure(3.0, span, "a road of 3 km", "km", "road"), CorpusFigure(4.0, span, "4 km", "km", "road")),
    )


def test_an_incremental_step_reads_some_corpus_tables_issue_sizes_and_conflicts_by_value(store):
    base = _base_corpus()
    store.replace_corpus(base)
    assert store.corpus(("entities", "events")) == Corpus(entities=store.corpus().entities, events=base.events)
    assert store.corpus(("figures",)) == Corpus(figures=base.figures)
    with pytest.raises(ValueError):
        store.corpus(("quotes",))
    assert store.issue_sizes() == {"talks": 3}
    stored, new = base.conflicts[0], replace(base.conflicts[0], confidence=0.6)
    assert store.stored_conflicts([stored, new]) == {stored}
    assert store.stored_conflicts([]) == set()


def test_the_rows_of_pages_taken_out_are_read_alone_and_replaced_in_place(store):
    # an incremental step re-folding page d2 reads its rows only, and writes them back changed
    from dossier.store.base import corpus_changes

    d1, d2 = Span("d1", 0, 4), Span("d2", 0, 4)
    figs = tuple(CorpusFigure(float(n), s, f"{n} km", "km", "road") for n, s in enumerate((d1, d2, d1, d2)))
    pos = (Position("e1", "talks", "demand", "a", d1), Position("e1", "talks", "demand", "b", d2))
    clash = (Conflict("figure", "road", ("1", "2"), (d1, d2)), Conflict("figure", "cost", ("1", "2"), (d1, d1)))
    store.replace_corpus(Corpus(positions=pos, conflicts=clash, figures=figs))
    read = store.rows_citing(["d2"])
    assert read == Corpus(positions=pos[1:], conflicts=clash[:1], figures=(figs[1], figs[3]))
    assert store.rows_citing([]) == Corpus()
    again = CorpusFigure(9.0, d2, "9 km", "km", "road")
    store.update_corpus(corpus_changes(read, Corpus(positions=(pos[1],), figures=(again, figs[3]))))
    got = store.corpus()
    assert got.figures == (figs[0], figs[2], again, figs[3])  # the rows not read stay
    assert got.positions == pos and got.conflicts == clash[1:]


def test_the_events_a_found_event_may_join_are_read_by_date_participant_and_name(store):
    span = Span("d1", 0, 4)

    def ev(i: str, date: str | None, who: tuple[str, ...] = (), name: str | None = None) -> Event:
        named = (Evidence(rule="event:name", text=name),) if name else ()
        return Event(i, "talks", i, (span,), who, None, date, "day" if date else "none", evidence=named)

    stored = (ev("a", "2020-03-04", ("p1",)), ev("b", "2020", ("p2",)), ev("c", None, ("p3",)),
              ev("d", "2021-01-01", ("p4",), "Camp Summit"), ev("e", "2020-03-05"), ev("f", "2020-04-01"),
              ev("g", "2020-03-04", ("name:Ann Lee",)))
    store.replace_corpus(Corpus(events=stored))

    def near(*found: Event) -> list[str]:
        return [e.id for e in store.events_near(found)]

    assert near(ev("x", "2020-03", ("p3",))) == ["e", "c"]  # an actor shared, or none on one side
    assert near(ev("y", "2020-03")) == ["b", "a", "g", "e"]  # no actor: any event of a date that fits
    assert near(ev("w", "2020-03-04", ("name:Lee",))) == ["g"]  # actors by name: spelled alike maybe
    assert near(ev("v", None, (), "Camp Summit")) == ["d"]
    assert near() == []


def test_update_corpus_writes_the_changes_and_reads_back_what_a_full_write_gives(store):
    from dossier.store.base import corpus_changes, ordered_corpus

    base = _base_corpus()
    store.replace_corpus(base)
    after = _changed(store.corpus())
    changes = corpus_changes(store.corpus(), after)
    assert changes.gone_entities == ("e2",) and [e.id for e in changes.entities] == ["e1", "e3"]
    assert len(changes.positions) == 2 and len(changes.gone_positions) == 1 and changes.all_figures is None
    assert len(changes.conflicts) == 1 and not changes.gone_conflicts
    store.update_corpus(changes)
    assert store.corpus() == ordered_corpus(after)
    store.update_corpus(corpus_changes(store.corpus(), base))  # back, figures no longer an append
    assert store.corpus() == ordered_corpus(base)


def test_skipped_inputs_are_listed_until_stored(store):
    store.add_skipped("d1.txt", "empty file")
    assert store.skipped() == [("d1.txt", "empty file")]
    store.put_document(*_doc(), b"x", "v1")
    assert store.skipped() == []


def test_page_round_trip_keeps_what_the_container_declared(store):
    doc, ann = _doc()
    store.put_document(doc, ann, b"<p>raw</p>", "v1", {"published": "2020-03-04", "title": "T"})
    page = store.page("d1")
    assert page.raw == b"<p>raw</p>" and page.source == "d1.txt" and page.media == "text"
    assert page.declared == {"published": "2020-03-04", "title": "T"}


def _fill(store: Store) -> None:
    from tests.support.synthetic import corpus, documents

    for doc, ann in documents():
        store.put_document(doc, ann, doc.text.encode("utf-8"), "synthetic-1")
    store.replace_corpus(corpus())


def _reads(store: Store) -> dict[str, object]:
    """Everything a reader can ask a store, as plain values (search scores differ by ranking function)."""
    metas = store.document_meta()
    first = metas[0].id
    return {
        "meta": metas,
        "documents": store.documents(),
        "annotations": store.all_annotations(),
        "order": list(store.all_annotations()),
        "quotes": store.find_quotes(),
        "quote_page": store.find_quotes(limit=2, offset=1),
        "bounds": store.sentence_bounds(first),
        "page": store.page(first),
        "corpus": store.corpus(),
        "search": sorted((h.doc_id, h.start, h.end, h.snippet) for h in store.search("the", limit=100)),
    }


def test_both_backends_read_back_the_same_store(tmp_path, pg_url):
    """The same writes give the same reads on SQLite and PostgreSQL (orders and listings included)."""
    lite, pg = open_store(tmp_path / "s.db"), open_store(pg_url)
    for s in (lite, pg):
        _fill(s)
    a, b = _reads(lite), _reads(pg)
    assert a["search"], "the probe search found nothing: the comparison would be empty"
    for key in a:
        assert a[key] == b[key], key


def _with_nul() -> tuple[Document, Annotations, dict[str, str]]:
    """A page whose strings hold U+0000 (source text is untrusted): text, title, outlet, author, a
    quote's speaker and text, a mention, and what its container declared."""
    from dossier.model import Mention, Quote

    text = "Talks\x00 resumed in Geneva. The envoy said \"no\x00\"."
    doc, ann = _doc("abcdef0123", text)
    doc = replace(doc, title="Talks\x00 resume", outlet="Wire\x00", author="A. \x00Writer")
    said, place = text.index('"no') + 1, text.index("Geneva")
    ann = replace(ann, quotes=(Quote(Span(doc.id, said, said + 3), "no\x00", "direct", speaker="The\x00envoy"),),
                  mentions=(Mention(Span(doc.id, place, place + 6), "Geneva", "GPE", canonical="Gen\x00eva"),))
    return doc, ann, {"title": "Talks\x00 resume", "url": "http://example.org/a\x00"}


def _nul_free(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def test_a_nul_character_is_stored_as_the_replacement_character_on_every_backend(store):
    """PostgreSQL's text columns and jsonb cannot hold U+0000; every backend stores U+FFFD in its place
    (one character for one: every span's offsets still hold), except in the raw page and what the
    container declared, which are kept as given for a rebuild."""
    doc, ann, declared = _with_nul()
    store.put_document(doc, ann, b"raw\x00page", "v1", declared)
    stored = replace(doc, text=_nul_free(doc.text), title=_nul_free(doc.title or ""),
                     outlet=_nul_free(doc.outlet or ""), author=_nul_free(doc.author or ""))
    quote, mention = ann.quotes[0], ann.mentions[0]
    stored_ann = replace(ann, quotes=(replace(quote, text="no\ufffd", speaker="The\ufffdenvoy"),),
                         mentions=(replace(mention, canonical="Gen\ufffdeva"),))
    assert store.document(doc.id) == stored
    assert store.documents() == [stored]
    assert store.corpus_documents() == [replace(stored, removed=(), paragraphs=())]
    assert store.document_heads() == [(replace(stored, text="", removed=(), paragraphs=()), len(doc.text))]
    assert [(m.title, m.outlet) for m in store.document_meta()] == [("Talks\ufffd resume", "Wire\ufffd")]
    assert store.annotations(doc.id) == stored_ann
    assert store.all_annotations() == {doc.id: stored_ann}
    assert store.sentence_bounds(doc.id) == [(s.start, s.end) for s in ann.sentences]
    assert [h.text for h in store.search("resumed")] == ["Talks\ufffd resumed in Geneva."]
    assert [q.speaker for q in store.find_quotes()[1]] == ["The\ufffdenvoy"]
    assert store.raw(doc.id) == b"raw\x00page"
    assert store.page(doc.id).declared == declared and store.sources(doc.id) == [(doc.source, declared)]
    store.update_documents({doc.id: PublicationDate("2021", "year", 0.5, ("lent",))}, {}, [ann])
    assert store.document(doc.id) == replace(stored, published=PublicationDate("2021", "year", 0.5, ("lent",)))
    assert store.annotations(doc.id) == stored_ann
    store.set_documents([(doc, "v2")])
    assert store.document(doc.id) == stored and store.document_versions() == {doc.id: "v2"}


def test_a_lone_surrogate_in_what_the_container_declared_is_kept_as_given_on_every_backend(store):
    """A JSONL title '\\ud800' decodes to a lone surrogate, which no UTF-8 text holds: the store keeps
    it escaped (it had stopped the whole build: 'surrogates not allowed')."""
    doc, ann = _doc("abcdef0124")
    declared = {"title": "Talks \ud800resume", "outlet": "Wire"}
    store.put_document(doc, ann, b"raw", "v1", declared)
    assert store.page(doc.id).declared == declared and store.sources(doc.id) == [(doc.source, declared)]


def test_search_filters_by_liveness_outlet_and_date_prefix(store):
    doc, ann = _doc("a")
    store.put_document(doc, ann, b"x", "v1")
    other, ann2 = _doc("b")
    store.put_document(
        replace(other, outlet="Daily", published=PublicationDate("2021", "year", 0.5, ())),
        ann2, b"y", "v1",
    )
    assert {h.doc_id for h in store.search("envoy")} == {"a", "b"}
    assert {h.doc_id for h in store.search("envoy", outlet="Daily")} == {"b"}
    assert {h.doc_id for h in store.search("envoy", start="2021-05")} == {"b"}  # '2021' may fall after May
    assert {h.doc_id for h in store.search("envoy", end="2020-12")} == {"a"}
    assert {h.doc_id for h in store.search("envoy", doc_ids=["a"])} == {"a"}
    store.update_documents({}, {"b": "a"})
    assert {h.doc_id for h in store.search("envoy", live=True)} == {"a"}
    assert [h.doc_id for h in store.search("envoy", limit=1, offset=1)] != [h.doc_id for h in store.search("envoy", limit=1)]


def test_meta_is_set_and_replaced(store):
    assert store.get_meta("k") is None
    store.set_meta("k", "1")
    store.set_meta("k", "2")
    assert store.get_meta("k") == "2"


def test_every_source_of_a_document_keeps_what_it_declared(store):
    doc, ann = _doc("d1")
    store.put_document(doc, ann, b"x", "v1", {"url": "https://a.example/1", "title": "First"})
    store.add_source("feed.jsonl#2", "d1", {"url": "https://b.example/2", "title": "Second", "published": "2020-03-05"})
    store.add_source("feed.jsonl#3", "d1")
    assert store.sources("d1") == [
        ("d1.txt", {"url": "https://a.example/1", "title": "First"}),
        ("feed.jsonl#2", {"url": "https://b.example/2", "title": "Second", "published": "2020-03-05"}),
        ("feed.jsonl#3", {}),
    ]
    assert store.sources("other") == []


def _reference_quotes(store: Store, query) -> list:
    """What a quotes listing must hold, computed the slow way: every quote of every live document
    through the annotations, filtered in Python by the same rules as ``query.filters``."""
    from dossier.query.filters import in_range

    out = []
    for m in store.document_meta():
        if m.status != "ok" or (query.outlet and m.outlet != query.outlet):
            continue
        if not in_range(m.published, query.start, query.end):
            continue
        for q in store.annotations(m.id).quotes:
            if not query.by_speaker or q.speaker_entity in query.speaker_ids or q.speaker in query.speaker_names:
                out.append(q)
    return out


@pytest.mark.parametrize("query", [
    {}, {"outlet": "Morning Post"}, {"start": "2019"}, {"end": "2018-12"}, {"start": "2018-11-14", "end": "2019-01"},
    {"by_speaker": True}, {"by_speaker": True, "speaker_ids": frozenset({"e-klind"})},
    {"by_speaker": True, "speaker_names": frozenset({"the reader", "Anna Berg"})},
    {"by_speaker": True, "speaker_names": frozenset({"Karl Lind"}), "speaker_ids": frozenset({"nobody", "e-berg"})},
    {"by_speaker": True, "speaker_names": frozenset({"the reader"}), "end": "2019-01"},
])
def test_quote_listing_is_the_filtered_annotations_in_order(store, query):
    """Quotes are rows filtered and paged in SQL: every page and the total agree with the annotations
    filtered in Python (outlet, prefix-aware dates, speaker entity or speaker name)."""
    from dossier.store import QuoteQuery

    _fill(store)
    q = QuoteQuery(**query)
    want = _reference_quotes(store, q)
    assert store.find_quotes(q) == (len(want), want)
    for offset in range(len(want) + 1):
        assert store.find_quotes(q, limit=1, offset=offset) == (len(want), want[offset : offset + 1])
    assert store.find_quotes(q, limit=1, total=99)[0] == 99  # a known total is not recounted


def test_quotes_of_a_duplicate_page_leave_the_listing(store):
    from dossier.store import QuoteQuery

    _fill(store)
    assert store.speaker_names() == ["Anna Berg", "Karl Lind", "the reader"]
    total, quotes = store.find_quotes(QuoteQuery())
    assert total == store.count_quotes() == 4
    dropped = quotes[0].content.doc_id
    store.update_documents({}, {dropped: quotes[-1].content.doc_id})
    assert all(q.content.doc_id != dropped for q in store.find_quotes(QuoteQuery())[1])
    assert store.count_quotes() == 4 - sum(q.content.doc_id == dropped for q in quotes)


def test_resolved_quotes_and_mentions_are_rewritten_with_the_annotations(store):
    """The corpus step writes entity ids back through update_documents: the rows follow."""
    _fill(store)
    ann = store.all_annotations()
    doc_id = next(i for i, a in ann.items() if a.quotes and a.mentions)
    a = ann[doc_id]
    new = replace(a, quotes=tuple(replace(q, speaker_entity="e-new") for q in a.quotes),
                  mentions=tuple(replace(m, entity_id="e-new") for m in a.mentions[:1]))
    store.update_documents({}, {}, [new])
    assert store.annotations(doc_id) == new
    m = new.mentions[0]
    assert store.names_any(doc_id, m.span.start, m.span.start + 1, ["e-new", "other"])
    assert not store.names_any(doc_id, m.span.start, m.span.start + 1, ["other"])
    assert not store.names_any(doc_id, m.span.start + 1, m.span.end, ["e-new"])  # starts before the range
    from dossier.store import QuoteQuery

    assert store.find_quotes(QuoteQuery(by_speaker=True, speaker_ids=frozenset({"e-new"})))[0] == len(a.quotes)


def _old_store(store_kind: str, location) -> None:
    """A store as the previous schema wrote it (SQLite v4, PostgreSQL v2): quotes and mentions inside
    the annotation JSON."""
    import json
    import sqlite3
    import zlib

    import psycopg

    from dossier.model import to_dict
    from dossier.store import postgres, sqlite
    from tests.support.synthetic import documents

    rows = [(d.id, d.source, "ok", d.published.value, d.outlet, "v1", json.dumps(to_dict(d)), json.dumps(to_dict(a)),
             zlib.compress(b"raw")) for d, a in documents()]
    insert = ("INSERT INTO documents (id, source, status, published, outlet, version, doc_json, annotations_json, raw)"
              " VALUES ({})")
    if store_kind == "sqlite":
        conn = sqlite3.connect(location)
        for script in sqlite.MIGRATIONS[:4]:
            conn.executescript(script)
        conn.executemany(insert.format(", ".join("?" * 9)), rows)
        conn.execute("PRAGMA user_version = 4")
        conn.commit()
        conn.close()
        return
    with psycopg.connect(location, autocommit=True) as conn:
        conn.execute("CREATE TABLE dossier_schema (version INTEGER NOT NULL)")
        for i, script in enumerate(postgres.MIGRATIONS[:2]):
            conn.execute(script)
            conn.execute("INSERT INTO dossier_schema VALUES (%s)", (i + 1,))
        conn.cursor().executemany(insert.format(", ".join(["%s"] * 9)), rows)


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_an_old_store_moves_its_quotes_and_mentions_into_rows(kind, tmp_path, request):
    """Opening a store of the previous schema migrates it in place: the same annotations come back,
    the quotes list in SQL, and the document rows no longer carry quotes or mentions."""
    from dossier.store import QuoteQuery
    from tests.support.synthetic import documents

    location = tmp_path / "old.db" if kind == "sqlite" else request.getfixturevalue("pg_url")
    _old_store(kind, location)
    store = open_store(location)
    want = dict((a.doc_id, a) for _, a in documents())
    assert store.all_annotations() == want
    assert {i: store.annotations(i) for i in want} == want
    assert store.find_quotes(QuoteQuery(by_speaker=True, speaker_names=frozenset({"Anna Berg"})))[0] == 2
    assert store.count_quotes() == sum(len(a.quotes) for a in want.values())
    import json

    blobs = [json.loads(r[0]) for r in store.conn.execute("SELECT annotations_json FROM documents").fetchall()]
    assert blobs and all(b["quotes"] == [] and b["mentions"] == [] and b["sentences"] for b in blobs)
    store.close()


def test_sketches_are_looked_up_by_text_key_and_band_as_held_ones_are(store):
    """The incremental step asks the store for the stored pages sharing a new page's text key or an
    LSH band: the same pages (and so the same duplicates) as the sketches held in memory give; a step
    writes only its pages' rows, in place of those of pages taken out."""
    import random

    from dossier.clean.duplicates import HeldSketches, add_duplicates, find_duplicates

    rng = random.Random(3)
    words = [f"w{i}" for i in range(40)]
    texts = [" ".join(rng.choice(words) for _ in range(150)) for _ in range(8)]
    pages = [Document(id=f"s{i}", source=f"s{i}.txt", text=t, published=PublicationDate(None, "none", 0.0))
             for i, t in enumerate([*texts, texts[2]])]  # s8: an exact copy of s2
    sketches: dict = {}
    dup = find_duplicates(pages, sketches=sketches)
    pages = [replace(d, duplicate_of=dup.get(d.id)) for d in pages]
    store.put_sketches(sketches, replace=True)
    held, stored = HeldSketches(sketches), store.sketches()
    for key, values in sketches.values():
        assert sorted(stored.with_key(key)) == sorted(held.with_key(key))
        if values is not None:
            assert sorted(stored.near(values)) == sorted(held.near(values))
    near = texts[4].split()
    new = [replace(pages[0], id="n1", text=" ".join(near[:-1] + ["zz"])), replace(pages[0], id="n2", text=texts[2]),
           replace(pages[0], id="n3", text="a page of its own " * 20)]
    in_memory, from_store = dict(sketches), {}
    want = add_duplicates(pages, new, in_memory)
    assert want == {"n1": "s4", "n2": "s2"}
    assert add_duplicates(pages, new, from_store, lookup=stored) == want
    assert from_store == {i: in_memory[i] for i in ("n1", "n2", "n3")}
    store.put_sketches({"n1": from_store["n1"]}, gone=["s4"])  # s4 taken out, n1 folded in
    assert sorted(stored.near(sketches["s4"][1])) == ["n1"]
    assert list(stored.with_key(sketches["s4"][0])) == []


def test_events_near_finds_by_event_keys_what_the_rule_finds_over_every_row(store):
    """``events_near`` asks SQL for candidates by the ``event_keys`` rows; on seeded events (actors,
    actors by name only, none; dates of each precision, page month hints; named documents) it gives
    exactly the events its rule keeps over every stored row, in store order, after a full write and
    after an incremental one."""
    import json
    import random

    from dossier.extract.events_scope import PAGE_HINT
    from dossier.store.base import corpus_changes, near_rule

    rng = random.Random(11)
    span = Span("d1", 0, 4)
    people = ["p1", "p2", "p3", "name:Ann Lee", "name:Bo Ek"]

    def date() -> str | None:
        return rng.choice([None, "2020", "2020-03", "2020-03-04", "2020-04-01", "2021-01", "2021-01-02"])

    def ev(i: int) -> Event:
        when = date()
        evidence: tuple[Evidence, ...] = ()
        if when is None and rng.random() < 0.5:
            evidence += (Evidence(rule=PAGE_HINT, text=rng.choice(["2020-03", "2021-01"])),)
        if rng.random() < 0.2:
            evidence += (Evidence(rule="event:name", text=rng.choice(["Camp Summit", "Oslo Accord"])),)
        who = tuple(rng.sample(people, rng.choice([0, 0, 1, 2])))
        return Event(f"e{i:03d}", "talks", f"e{i}", (span,), who, None, when, "day" if when else "none",
                     evidence=evidence)

    def every_row(found: list[Event]) -> tuple[Event, ...]:
        near = near_rule(found)
        return tuple(e for e in store.corpus(("events",)).events if near(json.loads(json.dumps(to_dict(e)))))

    from dossier.model import to_dict

    events = tuple(ev(i) for i in range(80))
    store.replace_corpus(Corpus(events=events))
    for _ in range(25):
        found = [ev(1000 + j) for j in range(rng.randint(1, 3))]
        assert store.events_near(found) == every_row(found)
    changed = tuple(replace(e, participants=("p3",), date="2020-03-04") for e in events[:10])
    store.update_corpus(corpus_changes(Corpus(events=events), Corpus(events=changed + events[20:])))
    for _ in range(25):
        found = [ev(2000 + j) for j in range(rng.randint(1, 3))]
        assert store.events_near(found) == every_row(found)
    assert store.events_near([]) == ()
