"""Bytes -> str: trust what the page declares, then detect, and never fail."""

from __future__ import annotations

import codecs
import logging
import re

logger = logging.getLogger(__name__)

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# charset-normalizer cannot tell these apart on Western text (latin-1 French comes out as cp1250);
# cp1252 is by far the likelier on the web, so a tie goes to it.
TIE_PREFER = {"cp1250": "cp1252", "iso8859_2": "cp1252", "latin_1": "cp1252", "iso8859_1": "cp1252"}


def _codec(name: str | None) -> str | None:
    """Normalised Python codec name, or None if Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(raw: bytes, container: str | None, media: str) -> str | None:
    """A charset declared by the container (HTTP header) or, for HTML, a <meta> tag."""
    if _codec(container):
        return _codec(container)
    if media == "html":
        m = META_CHARSET.search(raw[:8192])
        if m:
            return _codec(m.group(1).decode("ascii", "ignore"))
    return None


def decode(raw: bytes, container: str | None = None, media: str = "text") -> tuple[str, str, str | None]:
    """Return (text, encoding used, note). The note says when a fallback decode replaced bytes."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", "replace"), "utf-8-sig", None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace"), "utf-16", None
    declared = declared_charset(raw, container, media)
    if declared:
        # browsers read latin-1/ascii labels as windows-1252 (WHATWG); latin-1 never fails
        tries = {"iso8859-1": ["cp1252", "iso8859-1"], "ascii": ["utf-8", "cp1252"]}.get(declared, [declared])
        for enc in tries:
            try:
                return raw.decode(enc), enc, None
            except UnicodeDecodeError:
                pass  # the declaration lies: detect instead
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    guess = _detect(raw)
    if guess:
        try:
            return raw.decode(guess), guess, None
        except UnicodeDecodeError:
            pass
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return text, "utf-8", f"invalid UTF-8: {bad} undecodable byte(s) replaced"


def _detect(raw: bytes) -> str | None:
    """charset-normalizer's best guess, with cp1252 preferred on Western ties."""
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 input pays for it

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        return None
    enc = _codec(best.encoding) or best.encoding
    alt = TIE_PREFER.get(enc.replace("-", "_"))
    if alt:
        try:
            raw.decode(alt)
            return alt
        except UnicodeDecodeError:
            return enc
    return enc
