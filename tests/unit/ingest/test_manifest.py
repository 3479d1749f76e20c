"""The manifest: a user's table of file name / URL -> published, title, outlet, author, url."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.ingest.manifest import MANIFEST_KEY, load_manifest
from dossier.model import Page


def _page(source: str, **declared: str) -> Page:
    return Page(source=source, raw=b"x", media="text", declared=dict(declared))


def test_csv_matches_by_file_name_and_wins_over_the_container(tmp_path: Path):
    m = tmp_path / "m.csv"
    m.write_text("file,published,title,outlet,author\na.txt,2016-10-07,A headline,The Daily,Jane Roe\n")
    page = load_manifest(m).apply(_page("/data/story/a.txt", published="2001-01-01"))
    assert page.declared["published"] == "2016-10-07"
    assert page.declared["title"] == "A headline"
    assert page.declared["outlet"] == "The Daily" and page.declared["author"] == "Jane Roe"
    assert "m.csv" in page.declared[MANIFEST_KEY]


def test_tsv_with_synonyms_and_names_without_extension(tmp_path: Path):
    m = tmp_path / "meta.tsv"
    m.write_text("filename\tpublisher\tpublication_date\tother\nnyt_x\tnyt\t2016-02-22\tignored\n")
    page = load_manifest(m).apply(_page("texts/nyt_x.txt"))
    assert page.declared["outlet"] == "nyt" and page.declared["published"] == "2016-02-22"
    assert "other" not in page.declared


def test_jsonl_matches_by_url_written_another_way(tmp_path: Path):
    m = tmp_path / "m.jsonl"
    m.write_text(json.dumps({"url": "https://www.example.org/a/", "title": "T"}) + "\n\n")
    page = load_manifest(m).apply(_page("pages.jsonl#1", url="http://example.org/a"))
    assert page.declared["title"] == "T"


def test_relative_paths_and_unmatched_pages(tmp_path: Path):
    m = tmp_path / "m.csv"
    m.write_text("path,title\nsub/a.html,Sub A\n")
    manifest = load_manifest(m)
    assert manifest.apply(_page("/x/sub/a.html")).declared["title"] == "Sub A"
    other = _page("/x/other/b.html")
    assert manifest.apply(other) == other


@pytest.mark.parametrize("text", ["title,outlet\nT,O\n", ""])
def test_a_manifest_naming_no_page_is_an_error(tmp_path: Path, text: str):
    m = tmp_path / "m.csv"
    m.write_text(text)
    with pytest.raises(ValueError, match="names no page"):
        load_manifest(m)


def test_bad_jsonl_line_is_an_error_with_its_line(tmp_path: Path):
    m = tmp_path / "m.jsonl"
    m.write_text('{"file": "a.txt"}\nnot json\n')
    with pytest.raises(ValueError, match="line 2"):
        load_manifest(m)
