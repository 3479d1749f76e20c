"""The flat-text block classifier on generic furniture shapes (no story strings needed)."""

from __future__ import annotations

from dossier.clean import clean_text
from dossier.clean.flat import Block, classify, split_blocks

BODY = [
    "The committee met on Monday to discuss the future of the harbour, which has lost most of its "
    "traffic since the new motorway opened ten years ago.",
    "Several members said that the port could still be used for tourism if the town found the "
    "money to rebuild the old piers and the ferry terminal.",
    "A final decision is expected before the end of the year, the chairman said after the meeting.",
    "Local businesses have asked to be heard before then, and a public hearing will be held in the "
    "town hall next month.",
]


def reasons(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(text)["removed"]}


def test_wrapped_lines_are_joined_but_lines_starting_upper_are_not():
    blocks = split_blocks("Stay with us;\nthe best news.\nNext Line\n\nAnother")
    assert [b.text for b in blocks] == ["Stay with us; the best news.", "Next Line", "Another"]


def test_generic_furniture_shapes():
    cases = {
        "Icon FacebookIcon LinkedinIcon MailIcon Twitter": "concatenated link/icon labels",
        "Try 3 months for $9": "price or subscription offer",
        "You have {{count}} free articles left": "template placeholder",
        "0:00 0:01:17 0:00": "no words (numbers, symbols, timestamps)",
        "XS": "fragment",
        "To find out more, click here.": "call to action / page UI ('find out more')",
        "WATCH: Crowds gathered in the square on Sunday.": "media or link label",
        "Publication: Weekly Volume: 6 Issue: 207": "metadata field line",
    }
    for text, why in cases.items():
        v = classify(Block(text, 5), 10)
        assert (v.label, v.reason) == ("bad", why), text


def test_prose_is_good_and_short_sentence_is_near():
    assert classify(Block(BODY[0], 3), 10).label == "good"
    assert classify(Block("Analysts were not impressed.", 3), 10).label == "near"
    assert classify(Block("Breaking News", 3), 10).label == "short"


def test_body_kept_furniture_removed_title_found():
    page = "\n\n".join(
        ["Skip to main content", "Harbour plan divides the town council", "Photo of the harbour (Reuters)"]
        + BODY[:2] + ["Second Section"] + BODY[2:]
        + ["Jane Doe", "Jane Doe is a freelance journalist covering local politics and the economy of the coast.",
           "If you enjoyed this article, please support our newsroom today.", "© 2024 Coast Herald"]
    )
    out = clean_text(page)
    assert out["paragraphs"] == BODY[:2] + ["Second Section"] + BODY[2:]
    assert out["title"] == "Harbour plan divides the town council"
    assert out["outlet"] == "Coast Herald"
    assert out["author"] == "Jane Doe"
    why = reasons(page)
    assert why["Photo of the harbour (Reuters)"] == "photo caption (ends with a credit)"
    assert why["If you enjoyed this article, please support our newsroom today."] == "addresses the reader"
    assert why["Jane Doe is a freelance journalist covering local politics and the economy of the coast."] == "author bio"


def test_caption_shown_twice_in_a_row_is_removed():
    cap = "The mayor speaks to reporters outside the town hall on Monday."
    out = clean_text("\n".join([cap, cap] + BODY))
    assert out["paragraphs"] == BODY
    assert reasons("\n".join([cap, cap] + BODY))[cap].startswith("shown twice in a row")


def test_repeated_set_removes_site_lines():
    out = clean_text("\n".join(["Top Stories"] + BODY + ["Most Shared"]), frozenset({"top stories"}))
    assert out["paragraphs"] == BODY
    removed = {r.text: r.reason for r in out["removed"]}
    assert removed["Top Stories"] == "repeated across pages"


def test_byline_gives_author():
    out = clean_text("\n".join(["By Maria Rossi"] + BODY))
    assert out["author"] == "Maria Rossi"
    assert out["paragraphs"] == BODY


def test_a_sentence_told_about_others_is_prose_whatever_its_vocabulary():
    """Page-UI words and prices are furniture in menus and offers, the topic in a reported sentence."""
    told = [
        "The company released a patch for a flaw in its web browser that attackers had used, the firm said.",
        "The club offered the player an eight-year contract worth $160 million a year after he left, the team said.",
        "He was one of the most popular players of the decade and led the team to a title in the final season.",
    ]
    for text in told:
        assert classify(Block(text, 5), 10).label != "bad", text
    furniture = {
        "Please update your browser to the latest version to keep reading the stories on this site.":
            "call to action / page UI ('browser')",
        "Subscribe now to read every story on the site and get the newsletter free for a whole year.":
            "call to action / page UI ('subscribe')",
        "Get a full year of our journalism for $1 a week and cancel at any time you like.":
            "price or subscription offer",
    }
    for text, why in furniture.items():
        v = classify(Block(text, 5), 10)
        assert (v.label, v.reason) == ("bad", why), text


def test_a_long_sentence_dense_in_names_or_ending_on_a_colon_is_prose():
    dense = "Police allege Jon Q. Doe, 61, opened fire at the Acme Widget Ltd Christmas party, killing Richard Roe, 40."
    assert classify(Block(dense, 3), 10).label == "near"
    lead_in = "Members of the opposition group, who have filed suit along with two others, said of the rules:"
    assert classify(Block(lead_in, 3), 10).label == "near"
    assert classify(Block("Coverage of the vote, from the regions:", 3), 10).label == "short"  # too short for prose


def test_a_rights_notice_is_furniture_even_when_written_as_sentences():
    notice = ("Copyright 2020 Example News Agency. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed.")
    assert classify(Block(notice, 9), 10).reason == "call to action / page UI ('all rights reserved')"


def test_the_page_language_is_asked_only_for_a_block_whose_class_it_changes():
    """Identifying the language costs more than cleaning: a page of plain prose never asks it, and a
    short sentence of names (few stopwords) is near prose for a foreign page, short for English."""
    asked: list[bool] = []

    def english() -> bool:
        asked.append(True)
        return True

    assert clean_text("\n\n".join(BODY), english=english)["paragraphs"] == clean_text("\n\n".join(BODY))["paragraphs"]
    assert asked == []
    names = Block("Anna Berg, Carl Dahl, Erik Fors, Gun Holm, Ivar Lund.", 5)
    assert classify(names, 10, english=True).label == "short"
    assert classify(names, 10, english=False).label == "near"
    assert classify(names, 10, english=english).label == "short"
    assert asked == [True]
    assert classify(names, 10, english=lambda: False).label == "near"
