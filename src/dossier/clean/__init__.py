"""Clean: a raw Page becomes a Document with clean text, removed furniture (with reasons) and metadata.

HTML goes through trafilatura (main text + title/author/sitename). Flat text, which trafilatura
passes through untouched, goes through our block classifier (``flat.py``). Every removed block is
kept as a RemovedBlock so a user can see and undo the cleaner's choices.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any
from collections.abc import Callable, Iterable

from dossier.clean.decode import decode
from dossier.clean.flat import BIO as BIO_SHAPE
from dossier.clean.flat import Block, Verdict, classify, mark_repeats, norm, select, split_blocks
from dossier.clean.meta import (
    BYLINE,
    bare_name,
    date_line,
    find_author,
    find_outlet,
    header_bylines,
    headline_text,
    labelled_date_line,
    reads_as_headline,
    strong_byline,
    wire_credit,
)
from dossier.ingest import doc_id
from dossier.model import Document, Page, RemovedBlock

logger = logging.getLogger(__name__)

MIN_LANG_CHARS = 40  # below this language id is a guess; keep the page as English

__all__ = ["clean_page", "clean_text", "repeated_lines", "line_keys", "furniture_keys"]

MAX_FURNITURE_WORDS = 20  # longer lines are prose, even when quoted on two pages


def line_keys(page: Page) -> frozenset[str]:
    """Normalised short lines of a flat page: what may be site furniture if other pages repeat it.

    HTML pages give none: trafilatura already knows their furniture from the markup.
    """
    if page.media != "text":
        return frozenset()
    text, _, _ = decode(page.raw, page.encoding, page.media)
    keys = (norm(b.text) for b in split_blocks(text))
    return frozenset(k for k in keys if k and len(k.split()) <= MAX_FURNITURE_WORDS)


def furniture_group(page: Page) -> str:
    """Pages whose shared lines count as one site's furniture: the declared outlet, else the URL's
    host, else one group for every page without either (plain files of one collection)."""
    from urllib.parse import urlsplit

    outlet = page.declared.get("outlet")
    if outlet:
        return outlet.strip().lower()
    url = page.declared.get("url")
    return (urlsplit(url).hostname or "") if url else ""


def furniture_keys(page: Page) -> dict[str, str]:
    """Short-line key -> line of a flat page; the key is a digest of (site group, line), so the
    store can count a line across one site's pages without keeping the lines themselves."""
    import hashlib

    group = furniture_group(page)
    return {hashlib.blake2b(f"{group}\n{k}".encode(), digest_size=8).hexdigest(): k for k in line_keys(page)}


def repeated_lines(pages: Iterable[Page]) -> frozenset[str]:
    """Normalised short lines found in two or more flat pages (site furniture), any site."""
    count: dict[str, int] = {}
    for page in pages:
        for k in line_keys(page):
            count[k] = count.get(k, 0) + 1
    return frozenset(k for k, c in count.items() if c >= 2)


def clean_text(
    text: str, repeated: frozenset[str] = frozenset(), english: bool | Callable[[], bool] = True
) -> dict[str, Any]:
    """Flat text -> kept paragraphs, removed blocks, title, outlet, author (pure, no I/O).
    ``english``: whether the text is English, or a function telling it when a block needs it."""
    blocks = split_blocks(text)
    verdicts = [classify(b, len(blocks), english) for b in blocks]
    verdicts = mark_repeats(blocks, verdicts, repeated)
    kept, removed, title, bylines = select(blocks, verdicts)
    deck: int | None = None
    if title is None and len(blocks) > 1 and _first_line_headline(text, blocks, verdicts[0].label, removed.get(0)):
        # a plain-text file with its headline on the first line, alone above the body
        title = 0
        kept = [i for i in kept if i != 0]
        removed[0] = Verdict("bad", "title", 0.8)
        if blocks[0].text.endswith(";") and _deck_under(text):  # "Headline;" continued by its deck
            deck = 1
            kept = [i for i in kept if i != 1]
            removed[1] = Verdict("bad", "subtitle under the title", 0.7)
    removed_blocks = tuple(
        RemovedBlock(text=blocks[i].text, reason=v.reason, position=i, confidence=v.confidence)
        for i, v in sorted(removed.items())
    )
    lines = [b.text for b in blocks]
    heading = None if title is None else blocks[title].text if deck is None else f"{blocks[0].text} {blocks[1].text}"
    bios = [blocks[i].text for i, v in removed.items() if v.reason == "author bio"]
    return {
        "paragraphs": [blocks[i].text for i in kept],
        "removed": removed_blocks,
        "title": headline_text(heading) if heading else None,
        "outlet": find_outlet([b.text for b in _outside(blocks, kept)]) or wire_credit(lines)
        or find_outlet(lines),
        "author": find_author(lines, bios, bylines),
    }


def _first_line_headline(text: str, blocks: list[Block], label: str, removed: Verdict | None) -> bool:
    """The file's first line stands alone above the body (a blank line under it, or under it and
    one deck line) and reads as a headline; the cleaner kept it or left it out only as being before
    the body (a line it took for furniture, a menu or a date, is no headline)."""
    if label == "bad" or (removed is not None and not removed.reason.startswith("outside the article (before")):
        return False
    head = text.lstrip().replace("\r\n", "\n").split("\n", 3)
    alone = len(head) >= 2 and (not head[1].strip() or (len(head) >= 3 and not head[2].strip()))
    return alone and " ".join(head[0].split()) == blocks[0].text and reads_as_headline(blocks[0].text)


def _deck_under(text: str) -> bool:
    """A second line right under the first, then a blank line: the headline's deck."""
    head = text.lstrip().replace("\r\n", "\n").split("\n", 3)
    return len(head) >= 3 and bool(head[1].strip()) and not head[2].strip()


def _outside(blocks: list[Block], kept: list[int]) -> list[Block]:
    """Removed blocks first: footer lines name the outlet more reliably than article prose."""
    keep = set(kept)
    return [b for b in blocks if b.index not in keep]


def _html(text: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata; None when it finds no main text."""
    import trafilatura  # lazy: heavy import, only HTML input needs it

    try:
        found = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                            include_tables=True)
        doc = found if isinstance(found, dict) or found is None else found.as_dict()
    except Exception:  # trafilatura/lxml raise on some broken markup; fall back below
        doc = None
    if not doc or not (doc.get("text") or "").strip():
        return None
    paragraphs = [" ".join(p.split()) for p in doc["text"].split("\n") if p.strip()]
    return {"paragraphs": paragraphs, "removed": (), "title": doc.get("title"),
            "outlet": doc.get("sitename"), "author": doc.get("author")}


def _lead_header(paragraphs: list[str], title: str | None) -> tuple[list[str], dict[str, str]]:
    """Split header lines off the top of trafilatura's main text: (body paragraphs, {line: reason}).

    trafilatura often keeps "By Jane Doe" or "Published: 3 May 2020" as the first paragraphs;
    in flat text these are removed as bylines / date lines, so they are here too. Only short
    leading paragraphs are looked at; a name-only line counts right under the headline.
    """
    title_key = norm(title or "")
    dropped: dict[str, str] = {}
    after_title = False
    for p in paragraphs[:6]:
        if len(p.split()) >= 15:
            break
        if title_key and norm(p) == title_key:
            after_title = True
            continue
        reason = date_line(p) or (BYLINE if strong_byline(p) or (after_title and bare_name(p)) else None)
        if not reason:
            break
        dropped[p] = reason
    return [p for p in paragraphs if p not in dropped], dropped


def _html_header(text: str, found: dict[str, Any]) -> dict[str, Any]:
    """Date lines and bylines of an HTML page, which trafilatura drops or keeps without saying.

    The dating stage needs those lines (by their reasons "date line" / "update stamp") and the
    byline gives the author when the markup names none. The page is rendered to flat lines, the
    body located by the main-text paragraphs, and the flat-text header rules applied to the
    lines outside it; header lines trafilatura kept at the top of the text are moved out.
    """
    try:
        import lxml.html

        from dossier.clean.render import flat_lines

        lines = flat_lines(lxml.html.fromstring(text))
    except Exception:  # broken markup: trafilatura's result stands alone
        return found
    paragraphs, dropped = _lead_header(found["paragraphs"], found["title"])
    para_keys = {norm(p) for p in paragraphs}
    body = " ".join(norm(p) for p in paragraphs)
    keys = [norm(line) for line in lines]
    title_key = norm(found["title"] or "")
    title = next((i for i, k in enumerate(keys) if title_key and k == title_key), None)
    # trafilatura sometimes repeats the headline as the first paragraph: it does not start the body
    in_body = [i != title and (k in para_keys or (len(k.split()) >= 4 and k in body)) for i, k in enumerate(keys)]
    start = in_body.index(True) if True in in_body else len(lines)
    bios = [i for i, line in enumerate(lines) if i > start and not in_body[i] and BIO_SHAPE.search(line)]
    bylines = {i: n for i, n in header_bylines(lines, title, start, bios).items() if not in_body[i]}
    removed: list[RemovedBlock] = []
    for i, line in enumerate(lines):
        if in_body[i]:
            continue
        reason = date_line(line) if i < start else labelled_date_line(line)
        reason = reason or (BYLINE if i in bylines else None) or dropped.get(line)
        if reason:
            removed.append(RemovedBlock(text=line, reason=reason, position=i, confidence=0.8))
    seen = {norm(r.text) for r in removed}
    removed += [RemovedBlock(text=p, reason=why, position=-1, confidence=0.8)  # not found in the rendering
                for p, why in dropped.items() if norm(p) not in seen]
    author = found["author"] or find_author(lines, [lines[i] for i in bios], bylines)
    return {**found, "paragraphs": paragraphs, "removed": tuple(removed), "author": author}


def _html_fallback(text: str, repeated: frozenset[str]) -> dict[str, Any] | None:
    """When trafilatura finds nothing, take the page's text and clean it as flat text."""
    from dossier.clean.render import flat_lines, stream_lines

    try:
        import lxml.html

        lines = flat_lines(lxml.html.fromstring(text))
    except Exception:  # markup lxml cannot take (e.g. nested past its depth limit): stream it below
        lines = []
    if not lines:
        lines = stream_lines(text)
    if not lines:
        return None
    return clean_text("\n".join(lines), repeated)


def _language(text: str) -> str | None:
    if len(text) < MIN_LANG_CHARS:
        return None
    from dossier.clean.langid import classify  # lazy: loads the model on first use

    return classify(text[:5000])


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_page(page: Page, repeated: frozenset[str] = frozenset()) -> Document:
    """Decode, extract the article, find title/outlet/author and language; never raises on content."""
    ident = doc_id(page.raw)
    # U+0000 is no text: dropped from the page's text before any offset is taken, and from what the
    # container declared (a JSONL title, outlet, author or URL), which the document keeps as it is; a
    # lone surrogate there (a JSON '\ud800' escape with no pair) is no character: U+FFFD in its place
    declared = {k: _LONE_SURROGATE.sub("\ufffd", v.replace("\x00", "")) for k, v in page.declared.items()}
    text, encoding, note = decode(page.raw, page.encoding, page.media)
    text = text.replace("\x00", "")
    reasons = [note] if note else []
    result: dict[str, Any] | None
    if page.media == "html":
        result = _html(text, declared.get("url"))
        if result is not None:
            result = _html_header(text, result)
        else:
            result = _html_fallback(text, repeated)
            if result is not None:
                reasons.append("trafilatura found no main text; page text cleaned as flat text")
    else:
        result = clean_text(text, repeated, english=functools.cache(lambda: _language(text) in (None, "en")))
    base: dict[str, Any] = {"id": ident, "source": page.source, "media": page.media, "url": declared.get("url"),
            "encoding": encoding}
    if result is None:
        return Document(**base, text="", status="raw",
                        reason="; ".join(reasons + ["unreadable page: no text could be extracted"]))
    paragraphs = [p for p in result["paragraphs"] if p.strip()]
    body = "\n\n".join(paragraphs)
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + 2
    lang = _language(body)
    status, why = "ok", None
    if not body.strip():
        status, why = "empty", "no article text left after cleaning"
    elif lang and lang != "en":
        status, why = "non_english", f"language is {lang!r}, not English (text kept)"
    reason = "; ".join(reasons + ([why] if why else [])) or None
    return Document(
        **base,
        text=body,
        title=declared.get("title") or result["title"],
        outlet=declared.get("outlet") or result["outlet"],
        author=declared.get("author") or result["author"],
        language=lang or ("en" if body else None),
        removed=result["removed"],
        paragraphs=tuple(offsets),
        status=status,  # type: ignore[arg-type]
        reason=reason,
    )
