"""Readers for each container kind: plain files, JSONL (one article a line) and WARC archives."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.model import Page, Skipped

MAX_BYTES = 20 * 1024 * 1024  # one page larger than this is not a news article
HTML_EXT = {".html", ".htm", ".xhtml"}
TEXT_EXT = {".txt", ".md"}
JSONL_EXT = {".jsonl"}
DECLARED_KEYS = ("url", "title", "published", "outlet", "author")


def doc_id(raw: bytes) -> str:
    """Stable id from content, so an unchanged input keeps its id across rebuilds."""
    return hashlib.sha256(raw).hexdigest()[:16]


def read_inputs(
    paths: Iterable[str | Path], declared: dict[str, str] | None = None
) -> Iterator[Page | Skipped]:
    """Yield one Page per readable item (file, JSONL line, WARC record), Skipped for bad ones.

    Folders are walked recursively in sorted order so ids and outputs are deterministic.
    ``declared`` (e.g. a user's --date) is merged into each Page.declared; container metadata
    (a JSONL field, a WARC header) wins over it because it is specific to the item.
    """
    extra = dict(declared or {})
    for path in paths:
        p = Path(path)
        if not p.exists() and not p.is_symlink():
            yield Skipped(str(p), "missing path: no such file or folder")
            continue
        if p.is_dir():
            try:
                files = sorted(f for f in p.rglob("*") if not f.is_dir() and not _hidden(f, p))
            except OSError as exc:
                yield Skipped(str(p), f"unreadable folder: {exc.strerror or exc}")
                continue
            for f in files:
                yield from _read_file(f, extra)
        else:
            yield from _read_file(p, extra)


def _hidden(f: Path, root: Path) -> bool:
    """Dot files and folders (editor backups, .git) are not inputs."""
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _kind(p: Path) -> str | None:
    name = p.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    suffix = p.suffix.lower()
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    if suffix in JSONL_EXT:
        return "jsonl"
    return None


def _read_file(p: Path, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    source = str(p)
    kind = _kind(p)
    if kind is None:
        yield Skipped(source, f"unsupported extension {p.suffix or '(none)'!r}: expected "
                      ".html .htm .txt .md .jsonl .warc .warc.gz")
        return
    try:
        size = p.stat().st_size
    except OSError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
        return
    if kind == "warc":  # an archive holds many pages: the size limit applies per record
        yield from _read_warc(p, declared)
        return
    if size > MAX_BYTES and kind != "jsonl":
        yield Skipped(source, f"too large: {size / 1e6:.1f} MB (limit {MAX_BYTES // 2**20} MB)")
        return
    try:
        raw = p.read_bytes()
    except OSError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
        return
    if kind == "jsonl":
        yield from _read_jsonl(source, raw, declared)
        return
    problem = _bad_bytes(raw)
    if problem:
        yield Skipped(source, problem)
        return
    yield Page(source=source, raw=raw, media=kind, declared=dict(declared))  # type: ignore[arg-type]


def _bad_bytes(raw: bytes) -> str | None:
    """One line saying why these bytes are not a text page, or None if they look like text."""
    if not raw.strip():
        return "empty file" if not raw else "empty file (only whitespace)"
    if len(raw) > MAX_BYTES:
        return f"too large: {len(raw) / 1e6:.1f} MB (limit {MAX_BYTES // 2**20} MB)"
    head = raw[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM has NULs but is text
        return None
    if b"\x00" in head:
        return "binary file: contains NUL bytes, not text"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > 0.05 * len(head):
        return f"binary file: {controls} control bytes in the first {len(head)} bytes, not text"
    return None


def _read_jsonl(source: str, raw: bytes, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    """One article a line: url, title, text or html, published (and optional outlet, author)."""
    if not raw.strip():
        yield Skipped(source, "empty file")
        return
    for n, line in enumerate(raw.splitlines(), start=1):
        src = f"{source}#{n}"
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Skipped(src, f"invalid JSON line: {exc}")
            continue
        if not isinstance(item, dict):
            yield Skipped(src, f"invalid JSON line: expected an object, got {type(item).__name__}")
            continue
        body, media = (item.get("html"), "html") if item.get("html") else (item.get("text"), "text")
        if not isinstance(body, str) or not body.strip():
            yield Skipped(src, "JSON line has no 'text' or 'html' field")
            continue
        data = body.encode("utf-8")
        if len(data) > MAX_BYTES:
            yield Skipped(src, f"too large: {len(data) / 1e6:.1f} MB (limit {MAX_BYTES // 2**20} MB)")
            continue
        meta = dict(declared)
        meta.update({k: str(item[k]) for k in DECLARED_KEYS if item.get(k) not in (None, "")})
        yield Page(source=src, raw=data, media=media, declared=meta, encoding="utf-8")  # type: ignore[arg-type]


def _gzip_truncated(p: Path) -> str | None:
    """warcio reads a cut .warc.gz silently short: decompress the whole stream to find out."""
    try:
        with gzip.open(p, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except EOFError:
        return "gzip stream ends early"
    except (OSError, zlib.error) as exc:
        return f"corrupt gzip stream ({exc})"
    return None


def _charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _read_warc(p: Path, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    """HTML response records of a WARC; a truncated archive is reported, never read short."""
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC input needs it

    source = str(p)
    cut = _gzip_truncated(p) if p.name.lower().endswith(".gz") else None
    reported = False
    n = 0
    try:
        with p.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type != "response":
                    continue
                n += 1
                src = f"{source}#{n}"
                ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
                body = rec.content_stream().read(MAX_BYTES + 1)
                if rec.raw_stream.limit and rec.raw_stream.limit > 0 and len(body) <= MAX_BYTES:
                    yield Skipped(src, f"truncated WARC: record {n} ends before its declared length")
                    reported = True
                    break
                if len(body) > MAX_BYTES:
                    yield Skipped(src, f"too large: record over {MAX_BYTES // 2**20} MB")
                    continue
                if ctype and "html" not in ctype.lower():
                    continue
                problem = _bad_bytes(body)
                if problem:
                    yield Skipped(src, problem)
                    continue
                meta = dict(declared)
                url = rec.rec_headers.get_header("WARC-Target-URI")
                if url:
                    meta["url"] = url
                fetched = rec.rec_headers.get_header("WARC-Date")
                if fetched:
                    meta["fetched"] = fetched
                yield Page(source=src, raw=body, media="html", declared=meta, encoding=_charset(ctype))
    except PermissionError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
        return
    except Exception as exc:  # warcio raises many types on damaged archives; report, don't crash
        if not reported:
            yield Skipped(source, f"truncated or damaged WARC: {type(exc).__name__}: {exc}")
        return
    if cut and not reported:
        yield Skipped(source, f"truncated WARC: {cut}; {n} response record(s) read before the cut")
    elif n == 0 and not reported:
        yield Skipped(source, "WARC has no response records")
