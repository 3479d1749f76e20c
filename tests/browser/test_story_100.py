"""A real story at 100 pages, as a reader meets it: the report and the web app in Chromium.

Builds a store from the first 100 PolNeAR texts of ../shared/data/quotes (US election, 2016) once per
module, then opens the single-file report and the app's listings, checks what a reader would trip
on (a title naming the story, a month-by-month timeline, counts, paging, every link resolving, the
size budget) and takes screenshots to build/ (story-report.png, story-timeline.png, story-quotes.png).
"""

from __future__ import annotations

import csv
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from dossier.query import Reader
from dossier.report import render_report
from dossier.store import open_store

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT.parent / "shared" / "data" / "quotes" / "train" / "text"
BUILD = ROOT / "build"
SRC = ROOT / "src" / "dossier"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
REPORT_BUDGET = 300_000  # bytes for 100 pages (also a `make bench` row)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory) -> Path:
    assert TEXTS.is_dir(), f"shared texts missing at {TEXTS}"
    folder = tmp_path_factory.mktemp("story")
    meta = {r["filename"]: r for r in csv.DictReader((TEXTS.parents[1] / "metadata.tsv").open(encoding="utf-8"),
                                                      delimiter="\t")}
    # One JSONL line per article with what a feed or spreadsheet gives: the dossier is about the
    # product's reading of the text, not its dating of plain files (scored elsewhere).
    with (folder / "story.jsonl").open("w", encoding="utf-8") as out:
        for path in sorted(TEXTS.glob("*.txt"))[:100]:
            m = meta.get(path.stem, {})
            item = {"url": f"https://example.org/{path.stem}", "text": path.read_text(encoding="utf-8"),
                    "title": m.get("title"), "published": m.get("publication_date"), "outlet": m.get("publisher")}
            out.write(json.dumps({k: v for k, v in item.items() if v}) + "\n")
    return _cached_build(folder / "story.jsonl")


def _cached_build(jsonl: Path) -> Path:
    """The store of ``jsonl``, built once and kept in build/ while the input, the source code, the
    pipeline revision and the schema are the same (this test is about reading a real store, not building it; the
    build itself is tested elsewhere), so a rerun of the suite takes seconds here, not minutes."""
    import hashlib

    from dossier.api import Dossier
    from dossier.pipeline import pipeline_version
    from dossier.store.sqlite import SCHEMA_VERSION

    # the corpus step's code changes what is stored without changing the pipeline revision: the
    # key covers every source file, so a stale store is never read after an edit
    code = b"".join(p.read_bytes() for p in sorted(SRC.rglob("*.py")))
    key = hashlib.sha256(jsonl.read_bytes() + code + f"{pipeline_version(None)} {SCHEMA_VERSION}".encode()).hexdigest()
    db, stamp = BUILD / "story-100.db", BUILD / "story-100.key"
    if not (db.exists() and stamp.exists() and stamp.read_text() == key):
        BUILD.mkdir(parents=True, exist_ok=True)
        for old in BUILD.glob("story-100.db*"):
            old.unlink()
        with Dossier.open(db) as d:
            report = d.build([jsonl], workers=2)
        assert len(report.added) >= 95
        stamp.write_text(key)
    return db


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make browser-deps`", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(story_db):
    import uvicorn

    from dossier.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(story_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start within 15 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_the_report_at_100_pages(story_db, browser, tmp_path) -> None:
    store = open_store(story_db)
    try:
        reader = Reader(store)
        html = render_report(reader)
        n_entities = len(reader.entities())
    finally:
        store.close()
    assert len(html.encode("utf-8")) <= REPORT_BUDGET
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(path.as_uri())
    title = page.inner_text("header.top h1")
    assert "sources" not in title and "·" in title  # "Main names · span", not "Dossier: 100 sources"
    assert f"{n_entities} entities" in page.inner_text("#overview")  # the count `dossier entities` prints
    broken = page.evaluate("() => [...document.querySelectorAll('a[href^=\"#\"]')]"
                           ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))")
    assert broken == []
    assert page.locator("svg.month-bars a rect.bar").count() >= 2
    assert page.locator("h3.month").count() >= 2
    BUILD.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(BUILD / "story-report.png"))
    page.locator("#timeline").scroll_into_view_if_needed()
    page.evaluate("() => document.getElementById('timeline').scrollIntoView()")
    page.screenshot(path=str(BUILD / "story-timeline.png"))
    first_bar = page.locator("svg.month-bars a").first
    target = first_bar.get_attribute("href")
    first_bar.click()
    assert page.evaluate("() => location.hash") == target
    page.close()


def test_the_app_pages_its_listings_at_100_pages(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    for path in ("/", "/timeline", "/entities", "/positions", "/figures", "/documents", "/search?q=campaign"):
        began = time.monotonic()
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        assert time.monotonic() - began < 10, path  # generous: the bench measures the real figure
    page.goto(server + "/quotes")
    rows = page.locator("table tr").count() - 1
    assert rows == 50  # a page, not every quote
    first = page.locator("td.quote-text").first.inner_text()
    assert "1–50 of" in page.inner_text("nav.pager")
    BUILD.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(BUILD / "story-quotes.png"))
    page.click("nav.pager a[rel=next]")
    page.wait_for_url("**cursor=50*")
    assert "51–100 of" in page.inner_text("nav.pager")
    assert page.locator("td.quote-text").first.inner_text() != first
    assert page.locator("a.api").inner_text().startswith("JSON API")
    page.close()
