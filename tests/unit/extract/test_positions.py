"""Issues clustered from key phrases, actors mapped through roles, positions ordered in time."""

from __future__ import annotations

from types import SimpleNamespace

from dossier.extract.positions import build_positions, cluster_issues, default_actor_of
from dossier.model import Annotations, Claim, Entity, Role, Span


def _claim(doc: str, start: int, actor: str, stance: str, key: str, date: str) -> Claim:
    return Claim(Span(doc, start, start + 10), actor, stance, f"statement {key}", key_phrase=key, date=date)


def test_cluster_issues_groups_overlapping_phrases_and_names_them_centrally():
    names = cluster_issues(
        ["the return of four islands", "the islands", "the two smaller islands", "a peace treaty", "the peace treaty"]
    )
    assert names["the return of four islands"] == names["the two smaller islands"] == "islands"
    assert names["a peace treaty"] == names["the peace treaty"] == "peace treaty"
    assert names["the islands"] != names["a peace treaty"]


def test_cluster_issues_keeps_unrelated_phrases_apart():
    names = cluster_issues(["economic assistance", "a fishing quota"])
    assert names["economic assistance"] == "economic assistance"
    assert names["a fishing quota"] == "fishing quota"


def _resolution():
    return SimpleNamespace(
        entities=(
            Entity("c1", "Freedonia", "place"),
            Entity("c2", "Sylvania", "place"),
            Entity("g1", "Fredville", "place", government_of="c1"),
            Entity("p1", "Ann Lee", "person", roles=(Role("Foreign Minister", of="c1"),)),
            Entity("p2", "Bo Chan", "person", roles=(Role("Sylvanian Prime Minister"),)),
            Entity("p3", "Cy Dee", "person", roles=(Role("analyst"),)),
        )
    )


def test_default_actor_of_uses_government_of_roles_and_nationality():
    actor_of = default_actor_of(_resolution())
    mk = lambda actor: _claim("d", 0, actor, "demand", "x", "2020")  # noqa: E731
    assert actor_of(mk("Fredville")) == "Freedonia"  # capital as actor
    assert actor_of(mk("Ann Lee")) == "Freedonia"  # role of
    assert actor_of(mk("Bo Chan")) == "Sylvania"  # nationality adjective in the title
    assert actor_of(mk("Cy Dee")) == "Cy Dee"  # speaks for herself
    assert actor_of(mk("Sylvanian")) == "Sylvania"  # a bare demonym
    assert actor_of(mk("Nobody Known")) == "Nobody Known"


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
        ("Freedonia", "Territory", "refusal", "2001-01-10"),
        ("Freedonia", "Territory", "demand", "2019-02-01"),
        ("Sylvania", "peace treaty", "proposal", "2001-01-10"),
    ]
    assert positions[1].span == Span("d1", 50, 60)
