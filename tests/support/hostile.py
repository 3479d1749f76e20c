"""A generated corpus of hostile inputs beside good articles, for the reliability suite.

Each case is (file name as bytes, content, expectation): "stored" means the page must end up in the
store (as a document, raw or not: nothing lost), "skipped" means one short printable reason. Good
articles are the example story's own texts, re-encoded or renamed; the hostile pages are built from
general shapes (no story words): long unpunctuated runs, code, tables, deep markup, archives.
"""
from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = sorted((ROOT / "examples" / "gerd" / "text").glob("*.txt"))

RUSSIAN = (
    "Москва, 3 марта. Министр иностранных дел заявил в понедельник, что переговоры продолжатся "
    "на следующей неделе. По его словам, стороны обсудили вопросы безопасности и торговли.\n\n"
    "Представитель правительства отказался комментировать сообщения о возможных уступках, "
    "сославшись на то, что работа над документом ещё не завершена и детали пока не согласованы.\n\n"
    "Эксперты считают, что соглашение может быть подписано до конца года, хотя многие вопросы "
    "остаются нерешёнными, а парламент ещё должен одобрить бюджет на следующий год.\n\n"
    "В заявлении министерства говорится, что следующая встреча пройдёт в столице в апреле, "
    "и к ней будут приглашены представители соседних стран и международных организаций.\n"
)


@dataclass(frozen=True)
class Case:
    name: bytes
    data: bytes
    expect: str  # "stored" or "skipped"
    what: str


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def _html(text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return f"<html><head><title>Report</title></head><body><article>{paras}</article></body></html>".encode()


def cases() -> list[Case]:
    texts = [p.read_text(encoding="utf-8") for p in GOOD]
    t = texts
    words = ("the council and the ministry said on tuesday that talks about water and power would go on "
             "while engineers kept measuring the flow of the river ").split()
    long_run = " ".join(words[i % len(words)] for i in range(6000)).capitalize()
    code = "Listing 1.\n\n" + "\n".join(f"    for (i = 0; i < n{k}; i++) {{ x[i] = f(y[i], {k}); }}" for k in range(400))
    table = "Results by district\n\n" + "\n".join(
        f"District {k:3d} | {k * 37 % 1000:6d} | {k * 91 % 1000:6d} | {(k * 13) % 100:3d}%" for k in range(800))
    one_mb = ("The committee noted that " + " and that ".join(
        f"item {k} of the plan had been reviewed by the {['north', 'south', 'east', 'west'][k % 4]} office"
        for k in range(14000)))[:1_000_000] + "."
    deep = b"<html><body>" + b"<div>" * 100_000 + b"<p>" + t[1].replace("\n\n", "</p><p>").encode() + b"</p>" \
        + b"</div>" * 100_000 + b"</body></html>"
    jsonl = "\n".join(json.dumps({"url": f"https://example.org/{k}", "title": f"Copy {k}", "text": t[2],
                                  "outlet": f"Outlet {k}"}) for k in range(3)) + "\n"
    bomb = gzip.compress(b"<html><body>" + b" " * (60 * 1024 * 1024) + b"</body></html>", 9)
    return [
        Case(b"good-plain.txt", t[0].encode(), "stored", "a plain English article"),
        Case(b"caf\xe9 \xff name.txt", t[3].encode(), "stored", "file name that is not UTF-8"),
        Case(b"utf16le-nobom.txt", t[4].encode("utf-16-le"), "stored", "UTF-16 without a BOM"),
        Case(b"utf32le-nobom.txt", t[0][: len(t[0]) // 2].encode("utf-32-le"), "stored", "UTF-32 without a BOM"),
        Case(b"plain-named.warc", t[5 % len(t)].encode(), "stored", "a plain text file named .warc"),
        Case(b"russian.txt", RUSSIAN.encode(), "stored", "non-English plain text"),
        Case(b"deep.html", deep, "stored", "100k-deep nested HTML"),
        Case(b"same-bodies.jsonl", jsonl.encode(), "stored", "identical JSONL bodies, different metadata"),
        Case(b"long-run.txt", long_run.encode(), "stored", "a 6000-word sentence without punctuation"),
        Case(b"code.txt", code.encode(), "stored", "a code listing"),
        Case(b"table.txt", table.encode(), "stored", "a table as text"),
        Case(b"one-mb-sentence.txt", one_mb.encode(), "stored", "a 1 MB single sentence"),
        Case(b"crawl.warc.gz", _warc([("https://example.org/a", _html(t[6 % len(t)]))]), "stored", "a good WARC"),
        Case(b"corrupt.warc.gz", b"\x1f\x8b\x08\x00" + os.urandom(3000), "skipped", "a corrupt .warc.gz"),
        Case(b"bomb.html.gz", bomb, "skipped", "a gzip bomb"),
        Case(b"binary.html", b"\x89PNG\r\n\x1a\n\x00\x00" + os.urandom(2000), "skipped", "binary bytes"),
        Case(b"empty.txt", b"", "skipped", "an empty file"),
        Case(b"blank.md", b"  \n\n \t\n", "skipped", "only whitespace"),
    ]


def write(folder: Path) -> list[Case]:
    """Write every case into ``folder`` (file names as raw bytes) and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    out = cases()
    for case in out:
        with open(os.path.join(os.fsencode(folder), case.name), "wb") as fh:
            fh.write(case.data)
    return out
