"""Header lines of a page: titles, bylines, date lines and outlet footers (generic shapes)."""

from __future__ import annotations

import pytest

from dossier.clean import clean_page, clean_text
from dossier.clean.meta import bare_name, date_line, find_outlet, strong_byline
from dossier.model import Page

BODY = [
    "The committee met on Monday to discuss the future of the harbour, which has lost most of its "
    "traffic since the new motorway opened ten years ago.",
    "Several members said that the port could still be used for tourism if the town found the "
    "money to rebuild the old piers and the ferry terminal.",
    "A final decision is expected before the end of the year, the chairman said after the meeting.",
    "Local businesses have asked to be heard before then, and a public hearing will be held in the "
    "town hall next month.",
]
TITLE = "Harbour plan divides the town council as ferry operators threaten to leave"


def reasons(out: dict) -> dict[str, str]:
    return {r.text: r.reason for r in out["removed"]}


@pytest.mark.parametrize("line, reason", [
    ("Friday, 1 November 2019", "date line"),
    ("9 July 2021 | 10:42 GMT", "date line"),
    ("Published: 2 May 2020", "date line"),
    ("Published 7:40 p.m. ET March 17, 2020", "date line"),
    ("Jane Doe · Portsmouth · 13 July 2023", "date line"),
    ("Last updated: 3 October 2024", "update stamp"),
    (". Last Updated: 07/27/2016", "update stamp"),
    ("Updated Thu, 16 Apr 2020 01:00 AM IST", "update stamp"),
    ("The talks began on 1 November 2019 in Washington after months of delay.", None),
    ("Offer ends October 31st", None),
    ("Ferry strike ends after owners agree to a new pay deal for crews 2020-03-12 20:19", None),
    ("Friday", None),
])
def test_date_lines(line, reason):
    assert date_line(line) == reason


@pytest.mark.parametrize("line, name", [
    ("By Maria Rossi", "Maria Rossi"),
    ("By Jane Doe, Coast Herald correspondent", "Jane Doe"),
    ("Written by Tom Price", "Tom Price"),
    ("by: Ann Lee", "Ann Lee"),
    ("By Ann Lee and Bo Chen", "Ann Lee and Bo Chen"),
    ("By Ann Lee For The Daily Mail", "Ann Lee"),
    ("Jane Doe | Staff Reporter", "Jane Doe"),
    ("By continuing to browse you agree to our use of cookies", None),
    ("By Monday Evening", None),
    ("Mesfin Wolde, an analyst, said", None),
    ("By contrast, the council was divided.", None),
])
def test_strong_bylines(line, name):
    assert strong_byline(line) == name


@pytest.mark.parametrize("line, name", [
    ("Jane Doe", "Jane Doe"),
    ("Jane Doe ·", "Jane Doe"),
    ("Jane Doe, The Coast Herald", "Jane Doe"),
    ("Jane Doe, @janedoe", "Jane Doe"),
    ("Ann Lee and Bo Chen", "Ann Lee and Bo Chen"),
    ("Share this article", None),
    ("Breaking News", None),
    ("DELTA EVENING POST", None),
    ("Manage Profile", None),
    ("Egypt, Sudan and Ethiopia", None),
])
def test_bare_names(line, name):
    assert bare_name(line) == name


def test_title_skips_listen_widget_and_byline_is_a_byline():
    page = "\n".join(["THE COAST HERALD", "Home News Opinion Sport", "Friday, 1 November 2019", "News / Local",
                      TITLE, "Written by Tom Price", "Share this article", "Listen to this article 6 min"] + BODY)
    out = clean_text(page)
    assert out["title"] == TITLE
    assert out["author"] == "Tom Price"
    assert out["paragraphs"] == BODY
    why = reasons(out)
    assert why["Written by Tom Price"] == "byline"
    assert why["Friday, 1 November 2019"] == "date line"
    assert why["Listen to this article 6 min"].startswith("call to action / page UI")


def test_name_only_byline_under_title_and_bio_at_the_end():
    page = "\n".join([TITLE, "Hana Novak", "Share this article"] + BODY
                     + ["Hana Novak is the Herald's harbour correspondent. Follow her on social networks."])
    out = clean_text(page)
    assert out["author"] == "Hana Novak"
    assert out["title"] == TITLE
    assert reasons(out)["Hana Novak"] == "byline"
    assert out["paragraphs"] == BODY


def test_name_line_before_bio_is_a_byline_and_bio_names_the_author():
    page = "\n".join([TITLE] + BODY + ["Hana Novak", "Hana Novak is the Herald's harbour correspondent."])
    out = clean_text(page)
    assert out["author"] == "Hana Novak"
    assert reasons(out)["Hana Novak"] == "byline"


def test_name_under_a_menu_item_is_not_an_author():
    """A short menu line wrongly taken as the title must not turn the next menu item into a byline."""
    page = "\n".join(["Place an Obituary", "Financial Post", "Video"] + BODY)
    out = clean_text(page)
    assert out["author"] is None
    assert reasons(out)["Financial Post"] != "byline"


def test_bare_date_heading_inside_the_body_is_kept_but_update_stamp_goes():
    page = "\n".join([TITLE] + BODY[:2] + ["1 November 2019"] + BODY[2:] + ["Last updated: 3 November 2019"])
    out = clean_text(page)
    assert out["paragraphs"] == BODY[:2] + ["1 November 2019"] + BODY[2:]
    assert reasons(out)["Last updated: 3 November 2019"] == "update stamp"


def test_site_footer_beats_wire_copyright():
    lines = ["Copyright 2020 Wire Service. All rights reserved.", "Also in The Town Post",
             "© 2020 The Town Post, a Town Media company."]
    assert find_outlet(lines) == "The Town Post"


def test_html_header_date_line_update_stamp_and_name_byline():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>{TITLE}</title></head><body><nav><a>Home</a><a>News</a></nav>"
            f"<article><h1>{TITLE}</h1><div class='by'>Hana Novak ·</div><div>Published July 22, 2020</div>"
            f"<div>Last updated: 3 October 2024</div>{body}</article><footer>© 2024 The Coast Herald</footer>"
            "</body></html>")
    doc = clean_page(Page(source="mem", raw=html.encode(), media="html"))
    why = {r.text: r.reason for r in doc.removed}
    assert why["Published July 22, 2020"] == "date line"
    assert why["Last updated: 3 October 2024"] == "update stamp"
    assert why["Hana Novak ·"] == "byline"
    assert doc.author == "Hana Novak"
    assert "Published July 22" not in doc.text
