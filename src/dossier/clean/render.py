"""HTML -> flat lines the way a simple scraper renders a page: one line per block element.

Used as the fallback when trafilatura finds no main text, and by the cleaner's evaluation to make
flat pages (menus and footers included) from HTML with a known main text.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

BLOCK_TAGS = frozenset(
    """address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul title""".split()
)
SKIP_TAGS = frozenset("script style noscript template svg head iframe object button select option".split())


def flat_lines(root: Any) -> list[str]:  # an lxml element (lxml ships no type information)
    """Text of each block element on its own line (whitespace collapsed, empty lines dropped)."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.split("}")[-1].lower()
        if tag in SKIP_TAGS or not isinstance(el.tag, str):
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def stream_lines(html: str) -> list[str]:
    """The same lines as ``flat_lines``, read by the standard library's streaming parser.

    No tree and no recursion: a page nested 100,000 elements deep (beyond libxml2's depth limit and
    Python's recursion limit) still gives its text.
    """
    from html.parser import HTMLParser

    parts: list[str] = []
    skip = [0]

    class _Lines(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in SKIP_TAGS:
                skip[0] += 1
            elif tag in BLOCK_TAGS:
                parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in SKIP_TAGS:
                skip[0] = max(0, skip[0] - 1)
            elif tag in BLOCK_TAGS:
                parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not skip[0]:
                parts.append(data)

    parser = _Lines(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]
