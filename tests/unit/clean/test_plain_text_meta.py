"""Plain text titled and credited from itself: a headline on the first line, wire credits, sign-offs."""

from __future__ import annotations

import pytest

from dossier.clean import clean_text
from dossier.clean.meta import headline_text, reads_as_headline, wire_credit

BODY = (
    "The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found "
    "cracks in two of its piers, the council's spokeswoman said on the steps of the town hall.\n\n"
    "Repairs are expected to take most of the year and will cost more than the council had planned, "
    "according to the engineers' report, which was published in full on the council's website.\n"
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Council Closes Old Bridge to Heavy Traffic.", True),
        ("Bridge closed. Again.", True),  # two short sentences still read as a headline
        ("WASHINGTON (AP) — The council voted on Tuesday", False),  # a dateline lead
        ("LONDON, May 3 (Reuters) - The council voted", False),
        ("By Jane Doe", False),
        ("Published: 3 May 2020", False),
        ("Contents:", False),
        ("One. Two. Three. Four.", False),
        # a story's first sentence: long, sentence case, a full stop, articles kept
        ("A man has been charged with murder after a shooting at an office party in the city on Friday.", False),
        # a long headline in title case, or in sentence case without articles, with a scraper's full stop
        ("Council Votes To Close The Old Bridge After Engineers Find Cracks In Two Of Its Main Supports.", True),
        ("Top council members pointing fingers at budget gap in transit plan for failed bridge repairs.", True),
        ("A man has been charged with murder after a shooting at an office party", True),  # no full stop
    ],
)
def test_reads_as_headline(line: str, expected: bool):
    assert reads_as_headline(line) is expected


def test_headline_text_drops_a_scrapers_full_stop_but_not_an_abbreviation():
    assert headline_text("Council Closes Old Bridge.") == "Council Closes Old Bridge"
    assert headline_text("Talks with the U.S.") == "Talks with the U.S."


def test_first_line_alone_above_the_body_is_the_title_and_leaves_the_body():
    out = clean_text("Council Closes Old Bridge to Heavy Traffic.\n\n" + BODY)
    assert out["title"] == "Council Closes Old Bridge to Heavy Traffic"
    assert not any("Council Closes" in p for p in out["paragraphs"])
    assert any(r.reason == "title" for r in out["removed"])


def test_a_headline_ending_in_a_semicolon_takes_its_deck():
    out = clean_text("Council closes old bridge;\nRepairs to take a year.\n\n" + BODY)
    assert out["title"] == "Council closes old bridge; Repairs to take a year"


def test_a_file_starting_with_its_lead_paragraph_has_no_title():
    assert clean_text(BODY)["title"] is None


def test_wire_credits_from_the_dateline_and_the_sign_off():
    assert wire_credit(["LONDON, May 3 (Reuters) - Britain said on Tuesday"]) == "Reuters"
    assert wire_credit(["HEMPSTEAD, N.Y., Sept. 26 (UPI) — A candidate was"]) == "UPI"
    assert wire_credit(["Body.", "The Associated Press contributed to this report."]) == "The Associated Press"
    assert wire_credit(["Body.", "Jane Doe contributed reporting."]) is None  # a colleague, not an outlet
    assert wire_credit(["The council (which met on Tuesday) - voted"]) is None


def test_outlet_of_a_plain_text_story_from_its_dateline_credit():
    out = clean_text("Council Closes Old Bridge.\n\nMILTON (AP) — " + BODY)
    assert out["outlet"] == "AP"


@pytest.mark.parametrize(
    "title, body",
    [
        ("Совет закрыл старый мост", "Городской совет во вторник проголосовал за закрытие старого моста для грузовиков, "
         "после того как инженеры обнаружили трещины в двух его опорах, сообщила пресс-секретарь совета."),
        ("市议会关闭旧桥", "市议会周二投票决定禁止重型车辆通过这座旧桥，此前工程师在两个桥墩中发现了裂缝，一位发言人说。"),
    ],
)
def test_pages_in_other_scripts_keep_their_body_and_title(title: str, body: str):
    out = clean_text(f"{title}\n\n{body}\n", english=False)
    assert out["paragraphs"] == [body]
    assert out["title"] == title


def test_a_date_line_in_another_language_is_no_headline():
    assert not reads_as_headline("Опубликовано 28 июня 2020")
    assert not reads_as_headline("17. März 2020")
