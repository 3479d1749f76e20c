"""Issues clustered from key phrases, actors mapped through roles, positions ordered in time."""

from __future__ import annotations

from types import SimpleNamespace

from dossier.extract.positions import (
    OTHER,
    build_positions,
    cluster_issues,
    default_actor_of,
    phrase_terms,
    summarize_positions,
)
from dossier.model import Annotations, Claim, Document, Entity, PublicationDate, Role, Span, TimeExpr


def _claim(doc: str, start: int, actor: str, stance: str, key: str, date: str) -> Claim:
    return Claim(Span(doc, start, start + 10), actor, stance, f"statement {key}", key_phrase=key, date=date)


def test_phrase_terms_skip_light_heads_and_fold_plurals():
    assert phrase_terms("the return of four rocky islands")[0] == "island"
    assert phrase_terms("the basis of the 1956 declaration")[0] == "declaration"
    assert phrase_terms("the Northern Territories issue")[0] == "territory"
    assert phrase_terms("an agreement on the filling")[0] == "filling"
    assert phrase_terms("a binding treaty")[0] == phrase_terms("any deal")[0]  # near-synonyms
    assert phrase_terms("the outcome of World War II")[0] == "world war ii"
    assert phrase_terms("the two countries") == ()


def test_an_issue_is_never_a_clitic_an_office_or_a_quality_before_a_pro_form():
    # a possessive's clitic is no word of its own, whichever apostrophe the page typed
    assert phrase_terms("Smith’s")[0] == "smith"
    assert "s" not in phrase_terms("the Smith’s tax plan")
    # a person's office says who holds a stance, not about what
    assert phrase_terms("the Republican nominee") == ()
    assert phrase_terms("the presidents") == ()
    assert phrase_terms("racial justice")[0] == "justice"  # a role noun that is as often an idea
    # before a pro-form noun stands a quality: "the right thing" is about nothing
    assert phrase_terms("the right thing") == ()
    assert phrase_terms("the best way to cut taxes")[0] == "tax"


def test_a_statement_names_an_issue_by_a_common_noun_in_running_text():
    claims = [
        _claim("d1", 0, "Ann", "said", "higher taxes", "2016-01-01"),
        _claim("d2", 0, "Bo", "said", "the taxes", "2016-01-02"),
        _claim("d3", 0, "Cy", "said", "the right thing", "2016-01-03"),
        _claim("d4", 0, "Di", "said", "", "2016-01-04"),
        _claim("d5", 0, "Ed", "said", "", "2016-01-05"),
    ]
    claims[3] = Claim(claims[3].span, "Di", "said", "we will cut your taxes", date="2016-01-04")
    claims[4] = Claim(claims[4].span, "Ed", "said", "Taxes: no comment", date="2016-01-05")
    annots = [Annotations(doc_id=f"d{i}", claims=(c,)) for i, c in enumerate(claims, start=1)]
    issue = {p.actor_label: p.issue for p in build_positions([], annots, lambda c: (None, c.actor_name))}
    assert issue["Di"] == "taxes"  # a common noun of the statement joins a shared issue
    assert issue["Ed"] == OTHER  # a sentence's first word (capitalised) does not
    assert issue["Cy"] == OTHER


def test_cluster_issues_groups_by_head_and_names_by_the_common_short_form():
    names = cluster_issues(
        ["the return of four islands", "the islands", "the two smaller islands", "a peace treaty", "the peace treaty",
         "finalization of the treaty accord"]
    )
    assert names["the return of four islands"] == names["the two smaller islands"] == "islands"
    assert names["a peace treaty"] == names["the peace treaty"] == names["finalization of the treaty accord"]
    assert names["a peace treaty"] == "peace treaty"


def test_cluster_issues_puts_unshared_phrases_under_other():
    names = cluster_issues(["economic assistance", "a fishing quota", "fishing quotas"])
    assert names["economic assistance"] == OTHER
    assert names["a fishing quota"] == names["fishing quotas"] == "fishing quota"
    # two claims from one sentence are one piece of evidence
    one = cluster_issues(["a quota", "the quota"], sentences=["s1", "s1"])
    assert one["a quota"] == OTHER


def _resolution():
    return SimpleNamespace(
        entities=(
            Entity("c1", "Freedonia", "place"),
            Entity("c2", "Sylvania", "place"),
            Entity("g1", "Fredville", "place", government_of="c1"),
            Entity("p1", "Ann Lee", "person", roles=(Role("Foreign Minister", of="c1"),)),
            Entity("p2", "Bo Chan", "person", roles=(Role("Sylvanian Prime Minister"),)),
            Entity("p3", "Cy Dee", "person", roles=(Role("analyst"),)),
            Entity("g2", "Government of Sylvania", "gov", aliases=("Sylvania", "Sylvaton"), government_of="c2"),
            Entity("c3", "Sylvaton", "place"),
            Entity("p4", "Di Eve", "person", roles=(Role("chief cabinet secretary"),)),
            Entity("p5", "Ed Fox", "person", roles=(Role("professor", of="State University"),)),
        )
    )


def test_default_actor_of_uses_government_of_roles_and_nationality():
    side_of = default_actor_of(_resolution())
    actor_of = lambda claim: side_of(claim)[1]  # noqa: E731 - the side's name
    mk = lambda actor: _claim("d", 0, actor, "demand", "x", "2020")  # noqa: E731
    assert side_of(mk("Fredville")) == ("c1", "Freedonia")  # the side is an entity id
    assert side_of(mk("Nobody Known")) == (None, "Nobody Known")  # no entity: the name is its label
    # one side whatever names it: the demonym, the government and its seat
    assert side_of(mk("Sylvanian")) == side_of(mk("Government of Sylvania")) == side_of(mk("Sylvaton")) == ("c2", "Sylvania")
    assert actor_of(mk("Fredville")) == "Freedonia"  # capital as actor
    assert actor_of(mk("Ann Lee")) == "Freedonia"  # role of
    assert actor_of(mk("Bo Chan")) == "Sylvania"  # nationality adjective in the title
    assert actor_of(mk("Cy Dee")) == "Cy Dee"  # speaks for herself
    assert actor_of(mk("Sylvanian")) == "Sylvania"  # a bare demonym
    assert actor_of(mk("Nobody Known")) == "Nobody Known"
    assert actor_of(mk("Government of Sylvania")) == "Sylvania"  # a government is its country
    assert actor_of(mk("Sylvaton")) == "Sylvania"  # a capital that is also a place entity
    assert actor_of(mk("Ed Fox")) == "Ed Fox"  # a professor is not a side, whatever his "of"


def test_official_without_body_speaks_for_the_country_whose_position_he_voices():
    side_of = default_actor_of(_resolution())
    actor_of = lambda claim: side_of(claim)[1]  # noqa: E731 - the side's name
    said = Claim(Span("d", 0, 5), "Di Eve", "demand", "that Freedonia's position remained that X")
    assert actor_of(said) == "Freedonia"
    bare = Claim(Span("d", 0, 5), "Di Eve", "demand", "that talks go on")
    assert actor_of(bare) == "Di Eve"


def test_build_positions_maps_actor_renames_issue_and_sorts_by_date():
    a1 = Annotations("d1", claims=(_claim("d1", 50, "Ann Lee", "demand", "the return of the islands", "2019-02-01"),))
    a2 = Annotations(
        "d2",
        claims=(
            _claim("d2", 0, "Fredville", "refusal", "the islands", "2001-01-10"),
            _claim("d2", 30, "Bo Chan", "proposal", "a peace treaty", "2001-01-10"),
        ),
    )
    positions = build_positions([], [a1, a2], default_actor_of(_resolution()), {"islands": "Territory"})
    assert [(p.actor, p.issue, p.stance, p.date) for p in positions] == [
        ("c1", "Territory", "refusal", "2001-01-10"),
        ("c1", "Territory", "demand", "2019-02-01"),
        ("c2", OTHER, "proposal", "2001-01-10"),
    ]
    assert positions[1].span == Span("d1", 50, 60)


def test_position_date_is_the_sentence_date_else_the_page_date_with_its_precision():
    text = "Ann Lee demanded the islands in March 2018. Fredville refused the islands."
    doc = Document("d1", "d1", text, published=PublicationDate("2019-05", "month", 0.8))
    times = (TimeExpr(Span("d1", 32, 42), "March 2018", "2018-03", granularity="month"),)
    claims = (
        Claim(Span("d1", 0, 43), "Ann Lee", "demand", "the islands", key_phrase="the islands", date="2018-03"),
        Claim(Span("d1", 44, 73), "Fredville", "refusal", "the islands", key_phrase="the islands", date=None),
    )
    annot = Annotations("d1", sentences=(Span("d1", 0, 43), Span("d1", 44, 73)), times=times, claims=claims)
    positions = build_positions([doc], [annot], default_actor_of(_resolution()))
    assert [(p.date, p.precision) for p in positions] == [("2018-03", "month"), ("2019-05", "month")]
    undated = build_positions([Document("d1", "d1", text)], [annot], default_actor_of(_resolution()))
    assert [p.date for p in undated] == ["2018-03", None]


def test_summarize_positions_runs_of_stances_in_time_order():
    a = Annotations(
        "d1",
        claims=(
            _claim("d1", 0, "Ann Lee", "demand", "the islands", "2001-01-10"),
            _claim("d1", 20, "Ann Lee", "demand", "all the islands", "2002-05-01"),
            _claim("d1", 40, "Ann Lee", "aim", "two islands", "2019-02-01"),
        ),
    )
    (row,) = summarize_positions(build_positions([], [a], default_actor_of(_resolution())))
    assert (row["actor"], row["issue"], row["first_date"], row["last_date"], row["count"]) == (
        "c1", "islands", "2001-01-10", "2019-02-01", 3)
    assert [(s["stance"], s["count"], s["first_date"], s["last_date"]) for s in row["stances"]] == [
        ("demand", 2, "2001-01-10", "2002-05-01"),
        ("aim", 1, "2019-02-01", "2019-02-01"),
    ]


def test_candidates_and_former_officials_hold_their_own_stances():
    """A candidate or an ex-minister speaks for himself, not for the state he once served or
    hopes to lead (a nominee's stances are his, not 'the United States'')."""
    res = SimpleNamespace(entities=(
        Entity("c1", "Freedonia", "place"),
        Entity("p1", "Gus Hale", "person", roles=(Role("former Foreign Minister", of="c1"),)),
        Entity("p2", "Ida Jun", "person", roles=(Role("presidential nominee", of="c1"),)),
        Entity("p3", "Kai Lo", "person", roles=(Role("party chairman", of="c1"),)),
        Entity("p4", "Lu Min", "person", roles=(Role("campaign manager", of="c1"),)),
    ))
    side_of = default_actor_of(res)
    actor_of = lambda claim: side_of(claim)[1]  # noqa: E731 - the side's name
    mk = lambda actor: _claim("d", 0, actor, "demand", "x", "2020")  # noqa: E731
    assert actor_of(mk("Gus Hale")) == "Gus Hale"
    assert actor_of(mk("Ida Jun")) == "Ida Jun"
    assert actor_of(mk("Lu Min")) == "Lu Min"  # no office: not a side
    assert actor_of(mk("Kai Lo")) == "Freedonia"  # an official title still speaks for its body


def test_an_attributed_quote_is_a_position_of_its_speaker():
    from dossier.model import Quote

    text = 'Ann Lee said "the islands must come back." Bo Chan asked "what about the islands?" Someone said "x."'
    doc = Document("d3", "d3", text)
    said = Quote(Span("d3", 14, 40), "the islands must come back.", "direct", speaker="Ann Lee",
                 cue_span=Span("d3", 8, 12), speaker_entity="e-ann", confidence=0.9, key_phrase="the islands")
    asked = Quote(Span("d3", 58, 80), "what about the islands?", "direct", speaker="Bo Chan",
                  speaker_entity="e-bo", confidence=0.9, question=True, key_phrase="the islands")
    guessed = Quote(Span("d3", 97, 99), "x.", "direct", speaker="Bo Chan", speaker_entity="e-bo", confidence=0.35)
    claim = _claim("d3", 200, "Fredville", "refusal", "the islands", "2001-01-10")
    annot = Annotations("d3", quotes=(said, asked, guessed), claims=(claim,))
    positions = build_positions([doc], [annot], default_actor_of(_resolution()))
    from_quotes = [p for p in positions if p.span.start < 100]
    # one position: the statement of Ann Lee (c1 in the fixture), on the issue the claim shares
    assert [(p.actor or p.actor_label, p.stance, p.issue) for p in from_quotes] == [("c1", "said", "islands")]


def test_topic_phrase_is_what_the_statement_is_about(nlp):
    from dossier.extract.quotes_topic import topic_phrase

    text = "Smith said on Monday that the country needs a new border wall."
    sdoc = nlp(text)
    assert topic_phrase(sdoc, text.index("the country"), len(text)) == "a new border wall"


def test_a_past_office_or_a_non_country_office_speaks_for_the_person():
    """'former' keeps a role (past) that speaks for no one; a governor of a state or a chairman of a
    party is no country's voice (only a country's officer speaks for it)."""
    res = SimpleNamespace(entities=(
        Entity("c1", "Freedonia", "place"),
        Entity("p1", "Gus Hale", "person", roles=(Role("foreign minister", of="c1", past=True),)),
        Entity("p2", "Ida Jun", "person", roles=(Role("governor", of="Zorvia State"),)),
    ))
    side_of = default_actor_of(res)
    mk = lambda actor: _claim("d", 0, actor, "demand", "x", "2020")  # noqa: E731
    assert side_of(mk("Gus Hale"))[1] == "Gus Hale"
    assert side_of(mk("Ida Jun"))[1] == "Ida Jun"


def test_an_occupation_in_the_plural_may_name_an_issue_a_post_may_not():
    """'police officers', 'investors' are what a policy may be about; 'president' holds a stance."""
    from dossier.extract.positions import _is_role

    assert _is_role("president") and _is_role("nominees")
    assert not _is_role("officers") and not _is_role("investors")
