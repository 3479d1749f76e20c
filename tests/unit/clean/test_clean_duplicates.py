"""find_duplicates: exact copies and one wire story under two outlets' furniture."""

from __future__ import annotations

from dossier.clean import clean_page, repeated_lines
from dossier.clean.duplicates import find_duplicates
from dossier.model import Document, Page

WIRE = [
    "Officials from the two neighbouring countries met on Friday in the capital to discuss a long "
    "running dispute over fishing rights in the waters between them, a spokesman said.",
    "The talks lasted three hours and ended without an agreement, but both sides said they would meet "
    "again next month to continue the negotiations on quotas and inspections.",
    "Fishermen on both coasts have complained for years that the lack of a deal leaves them exposed to "
    "arrests and fines when they follow the fish into disputed zones.",
    "The dispute dates back several decades and has repeatedly stalled wider economic cooperation "
    "between the two governments, analysts said.",
]
OTHER = (
    "A heavy storm closed schools and roads across the northern region on Thursday, and forecasters "
    "warned that more snow was expected over the weekend in the mountains."
)


def doc(i: str, text: str, status="ok") -> Document:
    return Document(id=i, source=i, text=text, status=status)


def test_wire_story_under_two_furnitures_is_a_near_duplicate():
    a = "\n\n".join(["Morning Post", "Subscribe for $1 a month", "Talks on fishing end without deal"]
                    + WIRE + ["© 2024 Morning Post", "Follow us on social media"])
    b = "\n".join(["Menu", "Evening Star | World", "Fishing talks fail"] + WIRE[:3]
                  + ["The next round is planned for March."] + WIRE[3:]
                  + ["Most read", "Copyright 2024 Evening Star. All rights reserved."])
    pages = [Page("a.txt", a.encode(), "text"), Page("b.txt", b.encode(), "text"),
             Page("c.txt", OTHER.encode(), "text")]
    docs = [clean_page(p, repeated_lines(pages)) for p in pages]
    assert "The next round is planned for March." in docs[1].text
    assert "Subscribe" not in docs[0].text and "Most read" not in docs[1].text
    dup = find_duplicates(docs)
    # the longer copy (b, with one extra sentence) is kept
    assert dup == {docs[0].id: docs[1].id}


def test_exact_duplicates_and_keep_rule():
    text = "\n\n".join(WIRE)
    docs = [doc("1", text), doc("2", text.upper()), doc("3", OTHER), doc("4", "", "empty")]
    assert find_duplicates(docs) == {"2": "1"}
    docs = [doc("1", text, status="raw"), doc("2", text)]
    assert find_duplicates(docs) == {"1": "2"}


def test_different_stories_are_not_duplicates_and_result_is_deterministic():
    docs = [doc("1", "\n\n".join(WIRE[:2])), doc("2", "\n\n".join(WIRE[2:])), doc("3", OTHER)]
    assert find_duplicates(docs) == {}
    half = doc("4", "\n\n".join(WIRE[:2] + [OTHER]))
    assert find_duplicates(docs + [half]) == find_duplicates(docs + [half]) == {}
