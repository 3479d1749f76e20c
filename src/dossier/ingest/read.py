"""Readers for each container kind: plain files, JSONL (one article a line) and WARC archives."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dossier.model import Page, Skipped

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # one page larger than this is not a news article
MAX_ARCHIVE_BYTES = 8 * 1024**3  # decompressed bytes read from one archive (a gzip bomb stops here)
MAX_REASON = 200  # characters of a reason shown to the user
HTML_EXT = {".html", ".htm", ".xhtml"}
TEXT_EXT = {".txt", ".md"}
JSONL_EXT = {".jsonl"}
DECLARED_KEYS = ("url", "title", "published", "outlet", "author")
KINDS = ("html", "text", "jsonl", "warc")


def doc_id(raw: bytes) -> str:
    """Stable id from content, so an unchanged input keeps its id across rebuilds."""
    return hashlib.sha256(raw).hexdigest()[:16]


def display_path(p: str | Path) -> str:
    """A path as printable UTF-8 text: bytes that are not UTF-8 (kept by Python as surrogates) are
    shown escaped (``caf\\xe9.txt``), so a file name of any bytes can be stored and printed."""
    return os.fsencode(str(p)).decode("utf-8", "backslashreplace")


def short_reason(text: str) -> str:
    """One short printable line: control and undecodable characters escaped, the length capped
    (an exception from a damaged archive can carry kilobytes of binary)."""
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text.replace("\n", " "))
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def read_inputs(
    paths: Iterable[str | Path], declared: dict[str, str] | None = None, kinds: Iterable[str] = KINDS
) -> Iterator[Page | Skipped]:
    """Yield one Page per readable item (file, JSONL line, WARC record), Skipped for bad ones.

    Items are read lazily, one at a time, so memory does not grow with the number of inputs.
    Folders are walked recursively in sorted order so ids and outputs are deterministic.
    ``declared`` (e.g. a user's --date) is merged into each Page.declared; container metadata
    (a JSONL field, a WARC header) wins over it because it is specific to the item. ``kinds`` limits
    the files read to those kinds (others are passed over silently).
    """
    extra = dict(declared or {})
    wanted = set(kinds)
    for path in paths:
        p = Path(path)
        if not p.exists() and not p.is_symlink():
            yield Skipped(display_path(p), "missing path: no such file or folder")
            continue
        if p.is_dir():
            for f in _walk(p):
                if isinstance(f, Skipped):
                    yield f
                elif _kind(f) in wanted or (_kind(f) is None and len(wanted) == len(KINDS)):
                    yield from _read_file(f, extra)
        elif _kind(p) in wanted or len(wanted) == len(KINDS):
            yield from _read_file(p, extra)


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """Files under ``root`` in sorted order, one folder listing in memory at a time; dot files and
    folders (editor backups, .git) are not inputs."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield Skipped(display_path(root), f"unreadable folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        yield from _walk(Path(entry.path)) if is_dir else [Path(entry.path)]


def _kind(p: Path) -> str | None:
    name = p.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    suffix = Path(name[:-3]).suffix if name.endswith(".gz") else p.suffix.lower()
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    if suffix in JSONL_EXT:
        return "jsonl"
    return None


def _read_file(p: Path, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    source = display_path(p)
    kind = _kind(p)
    if kind is None:
        yield Skipped(source, f"unsupported extension {display_path(p.suffix) or '(none)'!r}: expected "
                      ".html .htm .txt .md .jsonl .warc .warc.gz (or any of them .gz)")
        return
    try:
        size = p.stat().st_size
    except OSError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
        return
    if kind == "warc":  # an archive holds many pages: the size limit applies per record
        yield from _read_warc(p, source, declared)
        return
    if kind == "jsonl":
        yield from _read_jsonl(p, source, declared)
        return
    if size > MAX_BYTES and not p.name.lower().endswith(".gz"):
        yield Skipped(source, f"too large: {size / 1e6:.1f} MB (limit {MAX_BYTES // 2**20} MB)")
        return
    try:
        raw = _read_gz(p, MAX_BYTES + 1) if p.name.lower().endswith(".gz") else p.read_bytes()
    except OSError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
        return
    except (EOFError, zlib.error) as exc:
        yield Skipped(source, short_reason(f"corrupt gzip file: {exc or type(exc).__name__}"))
        return
    problem = _bad_bytes(raw)
    if problem:
        yield Skipped(source, problem)
        return
    yield Page(source=source, raw=raw, media=kind, declared=dict(declared), encoding=_bomless(raw))  # type: ignore[arg-type]


def _read_gz(p: Path, limit: int) -> bytes:
    """At most ``limit`` decompressed bytes of a gzip file (the cap stops a gzip bomb early)."""
    with gzip.open(p, "rb") as fh:
        return fh.read(limit)


def _bomless(raw: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by where the NUL bytes fall.

    Why by hand: charset detectors look for a BOM or score byte frequencies and call such text binary.
    Text in these encodings has a NUL in the high bytes of nearly every ASCII-range character: every
    other byte for UTF-16, three of four for UTF-32, on the even or odd side depending on byte order.
    """
    head = raw[:4096]
    n = len(head) - len(head) % 4
    if n < 8 or b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    share = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if share[1] > 0.9 and share[2] > 0.9 and share[3] > 0.9 and share[0] < 0.5:
        return "utf-32-le"
    if share[0] > 0.9 and share[1] > 0.9 and share[2] > 0.9 and share[3] < 0.5:
        return "utf-32-be"
    odd, even = (share[1] + share[3]) / 2, (share[0] + share[2]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _bad_bytes(raw: bytes) -> str | None:
    """One line saying why these bytes are not a text page, or None if they look like text."""
    if not raw.strip():
        return "empty file" if not raw else "empty file (only whitespace)"
    if len(raw) > MAX_BYTES:
        return f"too large: over {MAX_BYTES // 2**20} MB"
    head = raw[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _bomless(raw):  # UTF-16/32 have NULs but are text
        return None
    if b"\x00" in head:
        return "binary file: contains NUL bytes, not text"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > 0.05 * len(head):
        return f"binary file: {controls} control bytes in the first {len(head)} bytes, not text"
    return None


def _jsonl_lines(p: Path) -> Iterator[bytes]:
    """The lines of a JSONL file read one at a time (a plain or gzipped file)."""
    opener = gzip.open if p.name.lower().endswith(".gz") else open
    with opener(p, "rb") as fh:
        yield from fh


def _read_jsonl(p: Path, source: str, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    """One article a line: url, title, text or html, published (and optional outlet, author)."""
    any_line = False
    try:
        for n, line in enumerate(_jsonl_lines(p), start=1):
            if line.strip():
                any_line = True
                yield _jsonl_item(f"{source}#{n}", line, declared)
    except OSError as exc:
        yield Skipped(source, short_reason(f"unreadable path: {exc.strerror or exc}"))
    except (EOFError, zlib.error) as exc:
        yield Skipped(source, short_reason(f"corrupt gzip file: {exc or type(exc).__name__}"))
    if not any_line:
        yield Skipped(source, "empty file")


def _jsonl_item(src: str, line: bytes, declared: dict[str, str]) -> Page | Skipped:
    if len(line) > 2 * MAX_BYTES:
        return Skipped(src, f"too large: line over {2 * MAX_BYTES // 2**20} MB")
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Skipped(src, short_reason(f"invalid JSON line: {exc}"))
    if not isinstance(item, dict):
        return Skipped(src, f"invalid JSON line: expected an object, got {type(item).__name__}")
    body, media = (item.get("html"), "html") if item.get("html") else (item.get("text"), "text")
    if not isinstance(body, str) or not body.strip():
        return Skipped(src, "JSON line has no 'text' or 'html' field")
    data = body.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        return Skipped(src, f"too large: {len(data) / 1e6:.1f} MB (limit {MAX_BYTES // 2**20} MB)")
    meta = dict(declared)
    meta.update({k: str(item[k]) for k in DECLARED_KEYS if item.get(k) not in (None, "")})
    return Page(source=src, raw=data, media=media, declared=meta, encoding="utf-8")  # type: ignore[arg-type]


class _Capped(io.RawIOBase):
    """A read-only stream that stops with ``ArchiveTooLarge`` after ``limit`` bytes."""

    def __init__(self, fh: BinaryIO, limit: int):
        self.fh, self.left = fh, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self.left <= 0:
            raise ArchiveTooLarge()
        view = memoryview(buf)[: self.left]
        got = self.fh.readinto(view)  # type: ignore[attr-defined]
        self.left -= got or 0
        return got or 0


class ArchiveTooLarge(Exception):
    pass


def _charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _read_warc(p: Path, source: str, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    """HTML response records of a WARC, decompressed once as they are read; a truncated or damaged
    archive is reported in one line after the records read before the damage."""
    try:
        with p.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                stream: BinaryIO = gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[assignment]
            else:
                stream = fh
            capped = io.BufferedReader(_Capped(stream, MAX_ARCHIVE_BYTES), 1 << 16)
            if not capped.peek(5)[:5].startswith(b"WARC/"):
                yield from _not_a_warc(p, source, capped, declared)
                return
            yield from _warc_records(capped, source, declared)
    except PermissionError as exc:
        yield Skipped(source, f"unreadable path: {exc.strerror or exc}")
    except (OSError, EOFError, zlib.error) as exc:
        yield Skipped(source, short_reason(f"truncated WARC: gzip stream ends early or is corrupt ({exc})"))


def _not_a_warc(p: Path, source: str, stream: BinaryIO, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    """A file named .warc that holds no WARC: read it as the page it is (HTML or text)."""
    raw = stream.read(MAX_BYTES + 1)
    problem = _bad_bytes(raw)
    if problem:
        yield Skipped(source, f"not a WARC archive ({problem})")
        return
    media = "html" if re.search(rb"<(html|body|p|div|head)\b", raw[:65536], re.I) else "text"
    logger.info("%s is not a WARC archive; read as %s", source, media)
    yield Page(source=source, raw=raw, media=media, declared=dict(declared), encoding=_bomless(raw))  # type: ignore[arg-type]


def _warc_records(stream: BinaryIO, source: str, declared: dict[str, str]) -> Iterator[Page | Skipped]:
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC input needs it

    n = 0
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type != "response":
                continue
            n += 1
            item = _warc_record(rec, f"{source}#{n}", n, declared)
            if item is not None:
                yield item
                if isinstance(item, Skipped) and item.reason.startswith("truncated"):
                    return
    except ArchiveTooLarge:
        yield Skipped(source, f"archive over {MAX_ARCHIVE_BYTES // 2**30} GB decompressed: "
                      f"the rest is not read ({n} response record(s) read)")
        return
    except (EOFError, zlib.error) as exc:
        yield Skipped(source, short_reason(f"truncated WARC: gzip stream ends early ({exc or 'EOF'}); "
                                           f"{n} response record(s) read before the cut"))
        return
    except Exception as exc:  # warcio raises many types on damaged archives; report, don't crash
        yield Skipped(source, short_reason(f"truncated or damaged WARC: {type(exc).__name__}: {exc}"))
        return
    if n == 0:
        yield Skipped(source, "WARC has no response records")


def _warc_record(rec: Any, src: str, n: int, declared: dict[str, str]) -> Page | Skipped | None:
    """One response record -> a Page, a Skipped, or None when it is not HTML (images, scripts)."""
    ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
    body = rec.content_stream().read(MAX_BYTES + 1)
    if rec.raw_stream.limit and rec.raw_stream.limit > 0 and len(body) <= MAX_BYTES:
        return Skipped(src, f"truncated WARC: record {n} ends before its declared length")
    if len(body) > MAX_BYTES:
        return Skipped(src, f"too large: record over {MAX_BYTES // 2**20} MB")
    if ctype and "html" not in ctype.lower():
        return None
    problem = _bad_bytes(body)
    if problem:
        return Skipped(src, problem)
    meta = dict(declared)
    url = rec.rec_headers.get_header("WARC-Target-URI")
    if url:
        meta["url"] = url
    fetched = rec.rec_headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    return Page(source=src, raw=body, media="html", declared=meta, encoding=_charset(ctype))
