"""The report of the example story renders: `make demo` runs exactly this after its build."""

from __future__ import annotations

import re


def test_the_example_story_report_renders_and_lists_the_pages_not_used(gerd_store) -> None:
    from dossier.query import Reader
    from dossier.report import render_report

    html = render_report(Reader(gerd_store))
    assert "<h2>Positions</h2>" in html
    # the example holds a near-duplicate page: it is listed among the pages not used, with its original
    not_used = re.search(r"<h3>Not used</h3>\s*<ul>(.*?)</ul>", html, re.S)
    assert not_used and "duplicate" in not_used.group(1)
