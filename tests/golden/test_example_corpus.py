"""The GERD example corpus (examples/gerd) is well formed and its answer key is true to the pages.

The corpus is hand-written test material: these checks make sure that what the README's answer key
promises (files, dates, people, meetings, quotes, the near duplicate, the conflicts) is really in
the pages, so golden tests of the tool can rely on it. The last tests run the real ingest and
clean stages over every page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parents[2]
GERD = ROOT / "examples" / "gerd"

# Lines that mark page furniture in a flat-text dump (menus, cookies, sharing, paywall, copyright).
FURNITURE = {
    "cookie": re.compile(r"cookie", re.I),
    "share": re.compile(
        r"^share( this)?|facebook\s*\|?\s*twitter|twitterfacebook|facebooktwitter", re.I
    ),
    "copyright": re.compile(r"©|\(c\)|copyright", re.I),
    "menu": re.compile(r"^\s*(\w[\w&' ]*\s*[|/]\s*){3,}|^\s*(\w+ {2,}){3,}", re.I),
    "paywall": re.compile(r"subscribe", re.I),
}
FULL_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    r"|\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+(January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{4}\b"
)


# --- helpers ------------------------------------------------------------------------------------


def load_key() -> dict:
    """The answer key is the one ```json block of the corpus README (one source of truth)."""
    readme = (GERD / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)\n```", readme, re.S)
    assert len(blocks) == 1, "the README must hold exactly one json answer-key block"
    return json.loads(blocks[0])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(path: Path) -> str:
    """What a reader sees: HTML text content without scripts/styles, whitespace collapsed."""
    if path.suffix == ".html":
        tree = lxml.html.fromstring(path.read_bytes())
        for bad in tree.xpath("//script|//style"):
            bad.drop_tree()
        return squash(tree.text_content())
    return squash(path.read_text(encoding="utf-8"))


def body_paragraphs(path: Path) -> list[str]:
    """The article body as written: <p> in the article's main text for HTML, long lines for text.

    Written here rather than taken from dossier.clean so that this test checks the corpus, not
    the cleaner.
    """
    if path.suffix == ".html":
        tree = lxml.html.fromstring(path.read_bytes())
        paras = tree.xpath(
            "//article//p[not(ancestor::aside) and not(ancestor::*[contains(@class,'bio') or "
            "contains(@class,'author') or contains(@class,'newsletter') or contains(@class,'trust')"
            " or contains(@class,'editing')])]"
        )
        return [squash(p.text_content()) for p in paras if len(p.text_content().split()) >= 10]
    lines = path.read_text(encoding="utf-8").splitlines()
    furniture = (FURNITURE["cookie"], FURNITURE["copyright"], FURNITURE["paywall"])
    return [
        squash(line)
        for line in lines
        if len(line.split()) >= 10
        and not _bio_line(line)
        and not any(rx.search(line) for rx in furniture)
    ]


def _bio_line(line: str) -> bool:
    """Author bios at the end of text dumps are furniture, not body."""
    bio = re.search(r"\b(is|covers) .*(correspondent|editor|reporter|for The|bureau)", line)
    return bool(bio) and "said" not in line


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the larger: robust to a trimmed or extended copy."""
    return len(a & b) / max(1, min(len(a), len(b)))


def evidence(node: object, file: str | None = None) -> Iterator[tuple[str, str]]:
    """Every (file, phrase) pair in the key: dicts keyed by a file path, or {"file","phrase"}."""
    if isinstance(node, dict):
        if "file" in node and "phrase" in node:
            yield node["file"], node["phrase"]
        for k, v in node.items():
            if isinstance(k, str) and k.startswith(("html/", "text/")) and isinstance(v, str):
                yield k, v
            elif isinstance(k, str) and k.startswith(("html/", "text/")) and isinstance(v, list):
                yield from ((k, x) for x in v if isinstance(x, str))
            else:
                yield from evidence(v)
    elif isinstance(node, list):
        for item in node:
            yield from evidence(item)


@pytest.fixture(scope="module")
def key() -> dict:
    return load_key()


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return sorted(p for p in GERD.rglob("*") if p.is_file() and p.name != "README.md")


# --- shape of the corpus -----------------------------------------------------------------------


def test_eleven_files_six_html_five_text(files: list[Path], key: dict) -> None:
    rel = [p.relative_to(GERD).as_posix() for p in files]
    assert len(rel) == 11
    assert sum(r.startswith("html/") and r.endswith(".html") for r in rel) == 6
    assert sum(r.startswith("text/") and r.endswith(".txt") for r in rel) == 5
    assert sorted(rel) == sorted(key["files"]), "README file table and the folder disagree"
    assert all(re.fullmatch(r"(html|text)/\d\d-[a-z0-9-]+\.(html|txt)", r) for r in rel)


def test_ten_outlets_and_dates_span_2013_to_2023(key: dict) -> None:
    meta = key["files"].values()
    assert len({m["outlet"] for m in meta}) == 11  # the duplicate runs under another outlet
    years = sorted(int(m["published"][:4]) for m in meta)
    assert years[0] == 2013 and years[-1] == 2023


def test_every_html_page_parses_with_real_furniture(files: list[Path]) -> None:
    for path in (p for p in files if p.suffix == ".html"):
        tree = lxml.html.fromstring(path.read_bytes())
        name = path.name
        assert tree.xpath("//title/text()"), name
        assert tree.xpath("//nav//a"), f"{name}: no <nav> menu"
        assert tree.xpath("//footer"), f"{name}: no footer"
        assert tree.xpath("//meta[@property='og:site_name']/@content"), name
        text = visible_text(path).lower()
        assert "cookie" in text, f"{name}: no cookie banner"
        share = tree.xpath("//*[contains(@class,'share') or contains(@aria-label,'Share')]")
        assert share or "facebook" in text, f"{name}: no share buttons"
        related = tree.xpath("//aside//li|//section[contains(@class,'more') or "
                             "contains(@class,'related')]//li")
        assert len(related) >= 2, f"{name}: no related-links list"
        for block in tree.xpath("//script[@type='application/ld+json']/text()"):
            json.loads(block)  # JSON-LD must be valid, or date extractors silently skip it


def test_every_text_page_has_furniture_and_body(files: list[Path]) -> None:
    for path in (p for p in files if p.suffix == ".txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        found = {kind for kind, rx in FURNITURE.items() for line in lines if rx.search(line)}
        assert found == set(FURNITURE), f"{path.name}: furniture missing: {set(FURNITURE) - found}"
        assert any(re.search(r"(Facebook|Twitter)(Twitter|Facebook|WhatsApp|Telegram)", ln)
                   for ln in lines), f"{path.name}: no run-together share icons"
        assert len(body_paragraphs(path)) >= 10, path.name


def test_body_length_between_350_and_800_words(files: list[Path]) -> None:
    for path in files:
        words = sum(len(p.split()) for p in body_paragraphs(path))
        assert 350 <= words <= 800, f"{path.name}: {words} words of body"


# --- dates -------------------------------------------------------------------------------------


def _declared_published(path: Path) -> str | None:
    """The publication date a page declares in machine-readable metadata, if any."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r'article:published_time" content="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'"datePublished":\s*"(\d{4}-\d{2}-\d{2})', raw
    )
    return m.group(1) if m else None


def test_metadata_dates_match_the_key(files: list[Path], key: dict) -> None:
    for path in files:
        meta = key["files"][path.relative_to(GERD).as_posix()]
        declared = _declared_published(path)
        if meta["date_in_metadata"]:
            assert declared == meta["published"], path.name
        else:
            assert declared is None, f"{path.name} should carry no publication date metadata"


def test_undated_pages_carry_no_full_date(files: list[Path], key: dict) -> None:
    undated = [p for p in files if key["files"][p.relative_to(GERD).as_posix()]["undated"]]
    assert len(undated) >= 3
    for path in undated:
        meta = key["files"][path.relative_to(GERD).as_posix()]
        dates = FULL_DATE.findall(path.read_text(encoding="utf-8"))
        if "misleading_date" in meta:
            assert dates, "the misleading page must show its wrong date"
            assert meta["misleading_date"][:4] != meta["published"][:4]
            assert meta["published"] not in path.read_text(encoding="utf-8")
        else:
            assert not dates, f"{path.name} should be dated only by its text, found {dates}"


# --- the answer key ----------------------------------------------------------------------------


def test_every_answer_key_phrase_occurs_in_its_page(key: dict) -> None:
    pairs = list(evidence(key))
    assert len(pairs) > 120, "the key lost most of its evidence"
    missing = []
    for rel, phrase in pairs:
        path = GERD / rel
        assert path.is_file(), rel
        haystack = visible_text(path) + " " + squash(path.read_text(encoding="utf-8"))
        if squash(phrase) not in haystack:
            missing.append((rel, phrase))
    assert not missing, missing


def test_namesakes_are_different_people_in_different_years(key: dict) -> None:
    hassan = next(n for n in key["namesakes"] if n["surname"] == "Hassan")
    first, second = hassan["people"]
    assert first["name"] != second["name"] and first["years"] != second["years"]
    files_1, files_2 = set(first["mentions"]), set(second["mentions"])
    assert not files_1 & files_2, "each page should hold only one of the two Hassans"
    for person in (first, second):
        for rel in person["mentions"]:
            text = visible_text(GERD / rel)
            other = second if person is first else first
            assert other["name"] not in text
            assert re.search(r'"?\s*Hassan said', text), f"{rel}: bare-surname attribution missing"


def test_near_duplicate_pair_shares_most_of_its_body(files: list[Path], key: dict) -> None:
    bodies = {p.relative_to(GERD).as_posix(): shingles(" ".join(body_paragraphs(p))) for p in files}
    (a, b), = key["near_duplicates"]
    assert containment(bodies[a], bodies[b]) >= 0.9
    jaccard = len(bodies[a] & bodies[b]) / len(bodies[a] | bodies[b])
    assert 0.8 <= jaccard < 1.0, jaccard  # close enough for a 0.8 near-duplicate threshold
    assert bodies[a] != bodies[b], "a near duplicate, not an exact copy"
    for x, y in combinations(sorted(bodies), 2):
        if {x, y} != {a, b}:
            assert containment(bodies[x], bodies[y]) < 0.2, (x, y)


def test_figure_and_title_conflicts_disagree(key: dict) -> None:
    values = list(key["figure_conflict"]["values"].values())
    assert len(set(values)) == 2
    title = key["title_conflict"]
    wrong = next(iter(title["wrong"].values()))
    assert "Foreign Minister" in wrong and title["person"] in wrong
    assert all("Water" in right for right in title["right"].values())


def test_each_meeting_has_date_place_status(key: dict) -> None:
    for meeting in key["meetings"]:
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", meeting["date"]), meeting
        assert meeting["place"] and meeting["status"] and meeting["evidence"], meeting
    planned = [m for m in key["meetings"] if "planned in" in m["status"]]
    assert len(planned) >= 1
    two_outlets = [m for m in key["meetings"] if m["status"] == "held" and len(m["evidence"]) >= 2]
    assert any(m["place"] == "Cairo" and m["date"] == "2023-07-13" for m in two_outlets)


# --- through the real pipeline stages ----------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> dict:
    from dossier.clean import clean_page, repeated_lines
    from dossier.ingest import read_inputs
    from dossier.model import Page

    items = list(read_inputs([GERD / "html", GERD / "text"]))
    pages = [i for i in items if isinstance(i, Page)]
    assert len(pages) == len(items) == 11, [i for i in items if not isinstance(i, Page)]
    repeated = repeated_lines(pages)
    return {Path(p.source).relative_to(GERD).as_posix(): clean_page(p, repeated) for p in pages}


def test_every_page_ingests_and_cleans_to_english_text(documents: dict) -> None:
    for rel, doc in documents.items():
        assert doc.status == "ok", (rel, doc.reason)
        assert doc.language == "en", rel
        assert doc.words >= 300, (rel, doc.words)
        assert doc.paragraphs and doc.text[slice(*doc.paragraphs[0])].strip()


def test_cleaning_keeps_every_body_phrase_of_the_key(documents: dict, key: dict) -> None:
    """Evidence phrases sit in article bodies, so a cleaner that drops them dropped body text."""
    lost = []
    for rel, phrase in evidence({k: v for k, v in key.items() if k != "files"}):
        if squash(phrase) not in squash(documents[rel].text):
            lost.append((rel, phrase))
    assert not lost, lost
