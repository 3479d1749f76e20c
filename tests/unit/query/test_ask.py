"""`ask`: the three question kinds and a not-found question, against the synthetic store."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.query import Reader
from dossier.query.ask import NOT_FOUND, Answer, ask, detect_intent, match_entities, parse_dates, topic_terms
from dossier.store import open_store
from tests.support.synthetic import D1, D2, build_store


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    store = open_store(build_store(tmp_path_factory.mktemp("ask") / "s.db"))
    yield Reader(store)
    store.close()


def test_what_did_someone_say_about_a_topic(reader) -> None:
    a = ask(reader, "What did Berg say about sovereignty?")
    assert (a.intent, a.found, a.entities) == ("quotes", True, ["e-berg"])
    assert [i["text"] for i in a.items] == [
        "Anna Berg (indirect): the sovereignty of the islands was not negotiable",
        "Anna Berg (direct): We will never give up our sovereignty over the islands,",
    ]
    assert [i["citation"]["sentence"] for i in a.items] == [
        "Berg said the sovereignty of the islands was not negotiable.",
        '"We will never give up our sovereignty over the islands," Berg said.',
    ]
    assert all(i["citation"]["doc"] == D1 for i in a.items)
    # the topic filters: Lind's statement on the treaty is not about sovereignty
    b = ask(reader, "What did Lind say about the peace treaty?")
    assert [i["citation"]["sentence"] for i in b.items] == ["Lind said a peace treaty must come first."]


def test_when_did_two_people_meet_in_a_place(reader) -> None:
    a = ask(reader, "When did Berg and Lind meet in Vesterby?")
    assert (a.intent, a.found) == ("events", True)
    assert sorted(a.entities) == ["e-berg", "e-klind"]
    assert a.answer.startswith("2018-11-14: Anna Berg met Karl Lind in Vesterby")
    assert [i["citation"]["doc"] for i in a.items] == [D1, D2]
    assert "(held, in Vesterby)" in a.items[0]["text"] and "(planned, in Vesterby)" in a.items[1]["text"]
    only_2019 = ask(reader, "When did Berg and Lind meet in 2019?")
    assert [i["citation"]["doc"] for i in only_2019.items] == [D2] and only_2019.dates == ["2019"]
    elsewhere = ask(reader, "When did Berg and Lind meet in Sudland?")
    assert not elsewhere.found or all("Sudland" in i["citation"]["sentence"] for i in elsewhere.items)


def test_who_is_lists_every_candidate(reader) -> None:
    a = ask(reader, "Who is Lind?")
    assert (a.intent, a.found) == ("who", True)
    assert a.entities == ["e-klind", "e-elind"]
    assert a.items[0]["text"].startswith("Karl Lind (person, 4 mentions): Prime Minister of Sudland (reported 2018-11-14..2019-01-22)")
    assert "trade minister of Sudland (reported 2019-01-22)" in a.items[1]["text"]
    assert a.items[1]["citation"]["sentence"].startswith("Eva Lind, the trade minister")


def test_who_cites_a_mention_when_no_role_has_evidence(reader) -> None:
    a = ask(reader, "Who is Vesterby?")
    assert a.found and a.items[0]["text"] == "Vesterby (place, 2 mentions)"
    assert a.items[0]["citation"]["doc"] == D1 and "in Vesterby on 14 November" in a.items[0]["citation"]["sentence"]


def test_not_found(reader) -> None:
    for q in ("What did Zorblax say about quantum gravity?", "Who is Zorblax?", "", "When did Zorblax meet Quux?"):
        a = ask(reader, q)
        assert a.found is False and a.answer == NOT_FOUND and a.items == [], q


def test_plain_search_question(reader) -> None:
    a = ask(reader, "fishing quotas")
    assert a.intent == "search" and a.found
    assert a.items[0]["citation"]["sentence"].endswith("about the fishing quotas.")


def test_a_what_is_question_about_a_fact_is_searched(reader) -> None:
    a = ask(reader, "What is the share of voters who support a deal?")
    assert a.intent == "search" and a.found
    assert {i["citation"]["sentence"] for i in a.items} == {
        "About 17 percent of voters support a deal.", "Around 20 percent of voters support a deal."}


def test_answer_serialises_like_the_cli_prints_it(reader) -> None:
    a = ask(reader, "Who is Berg?")
    assert isinstance(a, Answer)
    d = dataclasses.asdict(a)
    assert set(d) >= {"question", "intent", "answer", "items", "found"}
    assert set(d["items"][0]) == {"text", "citation"}
    assert set(d["items"][0]["citation"]) >= {"doc", "sentence", "start", "end"}


def test_parsing_helpers(reader) -> None:
    assert detect_intent("Who is Kim?") == "who"
    assert detect_intent("What is the capacity of the dam?") == "search"
    assert detect_intent("When did A and B meet?") == "events"
    assert detect_intent("What did A say about tax?") == "quotes"
    assert detect_intent("tax reform") == "search"
    assert parse_dates("meetings in November 2018 and 2019") == ["2018-11", "2019"]
    found = match_entities("What did Karl Lindd say?", reader.entities())  # fuzzy: one letter off
    assert [(p, [e.id for e in ents]) for p, ents in found] == [("Karl Lindd", ["e-klind"])]
    assert topic_terms("What did Berg say about the sovereignty?", ["Berg"]) == ["sovereignty"]


def test_speaker_and_entity_topic_keeps_only_statements_about_it(reader) -> None:
    """'What did X say about Y?': Y is the topic, not a second speaker; no statement of X names Y,
    so the answer says so and cites the writer's sentences instead of X's unrelated remarks."""
    a = ask(reader, "What did Berg say about Lind?")
    assert a.entities == ["e-berg"]
    assert a.answer.startswith("No quote or position of Anna Berg about Karl Lind")
    assert a.items and all("Lind" in i["citation"]["sentence"] for i in a.items)
    assert not any("sovereignty" in i["text"] for i in a.items)


def test_when_question_answers_with_the_matching_events_date(reader) -> None:
    a = ask(reader, "When was the meeting?")
    assert (a.intent, a.found) == ("events", True)
    assert a.answer == "2018-11-14: Anna Berg met Karl Lind in Vesterby"
    assert a.items[0]["citation"]["doc"] == D1
    missing = ask(reader, "When was the first debate?")
    assert (missing.found, missing.answer) == (False, NOT_FOUND)


def test_a_lower_case_word_in_a_cased_question_names_no_one(reader) -> None:
    ents = reader.entities()
    assert [p for p, _ in match_entities("What did Berg say about the lind?", ents)] == ["Berg"]
    assert [p for p, _ in match_entities("what did berg say about lind?", ents)] == ["berg", "lind"]
    xi = dataclasses.replace(ents[0], id="e-xi", name="Xi", aliases=())
    assert [p for p, _ in match_entities("When did Berg and Xi meet?", [*ents, xi])] == ["Berg", "Xi"]


def test_when_question_finds_the_event_by_a_place_written_in_it(reader) -> None:
    a = ask(reader, "When was the Vesterby meeting?")
    assert (a.found, a.answer) == (True, "2018-11-14: Anna Berg met Karl Lind in Vesterby")
    assert a.items[0]["citation"]["doc"] == D1


def test_when_question_about_something_else_is_not_answered_with_other_events(reader) -> None:
    a = ask(reader, "When did Berg open the fishing fair?")
    assert (a.found, a.answer) == (False, NOT_FOUND)


def test_a_generational_suffix_asked_names_only_that_generation(reader) -> None:
    ents = reader.entities()
    # "Karl Lind Jr." is not Karl Lind (the only Lind here), nor is any shorter phrase of it
    assert match_entities("What did Karl Lind Jr. say?", ents) == []
    assert ask(reader, "Who is Karl Lind Jr.?").entities != ["e-klind"]
    junior = dataclasses.replace(next(e for e in ents if e.id == "e-klind"), id="e-klind-jr", name="Karl Lind Jr",
                                 aliases=())
    found = match_entities("What did Karl Lind Jr. say?", [*ents, junior])
    assert [(p, [e.id for e in es]) for p, es in found] == [("Karl Lind Jr", ["e-klind-jr"])]
