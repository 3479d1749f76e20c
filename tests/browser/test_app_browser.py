"""Drive the real app in Chromium: search, open the first hit, see its sentence highlighted.

Starts uvicorn on 127.0.0.1 and a free port over the synthetic store, then uses Playwright's sync
API with Debian's Chromium (``make browser-deps`` installs it). Without Chromium the test FAILS
with a clear message: a browser test that silently skips is a test that never runs.
Screenshots go to build/app.png and build/report.png.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from dossier.query import Reader
from dossier.report import render_report
from dossier.store import open_store
from tests.support.synthetic import D2, TEXT2, build_store, sentence_span

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
BUILD = Path(__file__).resolve().parents[2] / "build"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("browser") / "s.db")


@pytest.fixture(scope="module")
def server(db):
    import uvicorn

    from dossier.web import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start within 15 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `make browser-deps` "
                    "(apt-get install chromium) to run the browser test", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }",
    )


def test_search_then_open_the_first_hit(server, browser) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    page.goto(server + "/")
    assert "sources" in page.inner_text("#overview")
    assert page.inner_text("h1").endswith("2018–Feb 2019")  # the title names the story's span
    page.fill("#search-box input[name=q]", "peace treaty")
    page.click("#search-box button[type=submit]")
    page.wait_for_url("**/search?q=peace+treaty")
    first = page.locator(".hit-link").first
    assert first.locator("mark").first.inner_text() in ("peace", "treaty")
    first.click()
    page.wait_for_url(f"**/doc/{D2}?hl=*")
    mark = page.locator("mark#hl")
    expected = sentence_span(D2, TEXT2, "peace treaty")
    assert mark.count() == 1
    assert mark.inner_text() == TEXT2[expected.start : expected.end]
    page.wait_for_function("() => { const r = document.getElementById('hl').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=5000)
    assert _in_view(page, "mark#hl")
    BUILD.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(BUILD / "app.png"))
    assert (BUILD / "app.png").stat().st_size > 5000
    page.close()


def test_script_payload_never_runs(server, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ("/documents", "/search?q=reader", "/quotes", "/doc/d3cccccccccccccc"):
        page.goto(server + url)
    assert "<script>alert(1)</script>" in page.inner_text(".doc-text")  # shown as text
    assert dialogs == []
    page.close()


def test_report_screenshot(db, browser, tmp_path) -> None:
    store = open_store(db)
    try:
        html = render_report(Reader(store), title="Synthetic dossier")
    finally:
        store.close()
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert page.locator("section#timeline svg a circle.ev.planned").count() == 1
    assert page.locator("section#timeline svg a circle.ev.held").count() == 1
    assert all(u.startswith("file://") for u in requests), requests  # nothing fetched from a network
    BUILD.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(BUILD / "report.png"))
    assert (BUILD / "report.png").stat().st_size > 5000
    page.close()
