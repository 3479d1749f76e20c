"""read_inputs: each kind of input gives Pages, each bad input one clear Skipped reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from dossier.ingest import doc_id, read_inputs
from dossier.model import Page, Skipped

HTML = b"<html><head><title>T</title></head><body><p>Some article text here.</p></body></html>"


def one(path, **kw):
    items = list(read_inputs([path], **kw))
    assert len(items) == 1, items
    return items[0]


def test_doc_id_is_stable_and_content_based():
    assert doc_id(b"abc") == doc_id(b"abc")
    assert doc_id(b"abc") != doc_id(b"abd")
    assert len(doc_id(b"abc")) == 16 and doc_id(b"abc") == "ba7816bf8f01cfea"


def test_folder_is_walked_sorted_with_media_and_declared(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.htm").write_bytes(HTML)
    (tmp_path / "a.txt").write_text("Hello world.\n")
    (tmp_path / "c.md").write_text("# Title\n")
    (tmp_path / ".hidden.txt").write_text("x")
    items = list(read_inputs([tmp_path], declared={"published": "2019-02-18"}))
    assert [Path(i.source).name for i in items] == ["a.txt", "z.htm", "c.md"]
    assert [i.media for i in items] == ["text", "html", "text"]
    assert all(i.declared == {"published": "2019-02-18"} for i in items)
    assert items[0].raw == b"Hello world.\n"


def test_missing_path():
    item = one("/nonexistent/nowhere.txt")
    assert isinstance(item, Skipped) and item.reason.startswith("missing path")


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert one(tmp_path / "e.txt").reason == "empty file"


def test_binary_file(tmp_path):
    (tmp_path / "b.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    item = one(tmp_path / "b.html")
    assert isinstance(item, Skipped) and item.reason.startswith("binary file")


def test_too_large_file_says_size(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no 50 MB written to disk
        fh.truncate(50 * 1024 * 1024)
    item = one(big)
    assert isinstance(item, Skipped)
    assert item.reason == "too large: 52.4 MB (limit 20 MB)"


def test_unsupported_extension(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    item = one(tmp_path / "x.pdf")
    assert isinstance(item, Skipped) and item.reason.startswith("unsupported extension '.pdf'")


def test_unreadable_path_reported(tmp_path, monkeypatch):
    f = tmp_path / "locked.txt"
    f.write_text("text")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    item = one(f)
    assert isinstance(item, Skipped) and item.reason == "unreadable path: Permission denied"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_path_by_mode(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text("text")
    f.chmod(0)
    assert one(f).reason.startswith("unreadable path")


def test_jsonl_lines_become_pages_with_declared(tmp_path):
    f = tmp_path / "a.jsonl"
    lines = [
        {"url": "http://x/1", "title": "One", "text": "Body one.", "published": "2019-01-02"},
        {"url": "http://x/2", "html": "<p>Body two.</p>", "outlet": "Daily"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n[1]\n{}\n")
    items = list(read_inputs([f], declared={"published": "2020-01-01", "author": "User"}))
    p1, p2, bad, arr, empty = items
    assert isinstance(p1, Page) and p1.media == "text" and p1.raw == b"Body one."
    assert p1.source == f"{f}#1"
    assert p1.declared == {"url": "http://x/1", "title": "One", "published": "2019-01-02", "author": "User"}
    assert p2.media == "html" and p2.declared["outlet"] == "Daily" and p2.declared["published"] == "2020-01-01"
    assert isinstance(bad, Skipped) and bad.source == f"{f}#3" and bad.reason.startswith("invalid JSON line")
    assert "expected an object" in arr.reason
    assert empty.reason == "JSON line has no 'text' or 'html' field"


def _warc(records: list[tuple[str, bytes, str]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_response_records_become_pages(tmp_path):
    body = "<html><body><p>Caf\xe9 story.</p></body></html>".encode("latin-1")
    data = _warc([("http://a/1", body, "text/html; charset=ISO-8859-1"),
                  ("http://a/img", b"\x89PNG", "image/png")])
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(data)
    items = list(read_inputs([f], declared={"published": "2019-02-18"}))
    assert len(items) == 1
    page = items[0]
    assert isinstance(page, Page) and page.media == "html" and page.raw == body
    assert page.encoding == "iso-8859-1"
    assert page.declared["url"] == "http://a/1" and page.declared["published"] == "2019-02-18"
    assert page.source == f"{f}#1"


def test_truncated_warc_gz_is_reported(tmp_path):
    body = b"<html><body>" + b"<p>Paragraph of a long story here.</p>" * 400 + b"</body></html>"
    data = _warc([("http://a/1", body, "text/html"), ("http://a/2", body, "text/html")])
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read_inputs([f]))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and "truncated" in skipped[0].reason
    assert all(len(i.raw) == len(body) for i in items if isinstance(i, Page))


def test_truncated_plain_warc_is_reported(tmp_path):
    body = b"<html><body>" + b"<p>Paragraph.</p>" * 300 + b"</body></html>"
    data = _warc([("http://a/1", body, "text/html")], gz=False)
    f = tmp_path / "cut.warc"
    f.write_bytes(data[:-500])
    items = list(read_inputs([f]))
    assert [type(i).__name__ for i in items] == ["Skipped"]
    assert "truncated" in items[0].reason
