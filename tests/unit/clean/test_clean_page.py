"""clean_page on bad and unusual inputs: decoding, broken HTML, language, statuses, offsets."""

from __future__ import annotations

from dossier.clean import clean_page, repeated_lines
from dossier.clean.decode import decode
from dossier.ingest import doc_id
from dossier.model import Page

ARTICLE = (
    "The city council approved the new budget on Tuesday after a long debate about the cost of "
    "public transport and the repair of several bridges in the old town.\n\n"
    "The mayor said that the plan would be reviewed again in the spring, when the first figures "
    "from the new tax are known and the council can decide whether to go further.\n\n"
    "Opposition members voted against it, arguing that the spending was too high for a city of "
    "this size and that the schools had been forgotten once again."
)
FRENCH = (
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le coût des "
    "transports publics et la réparation de plusieurs ponts de la vieille ville. Le maire a dit "
    "que le plan serait revu au printemps, quand les premiers chiffres seront connus."
)


def page(raw: bytes, media="text", **kw) -> Page:
    return Page(source="mem", raw=raw, media=media, **kw)


def test_plain_article_kept_with_offsets_and_id():
    doc = clean_page(page(ARTICLE.encode(), declared={"url": "http://x/a"}))
    assert doc.status == "ok" and doc.language == "en"
    assert doc.id == doc_id(ARTICLE.encode()) and doc.url == "http://x/a" and doc.source == "mem"
    assert len(doc.paragraphs) == 3
    assert doc.text.split("\n\n") == [doc.text[a:b] for a, b in doc.paragraphs]
    assert doc.text[doc.paragraphs[1][0]:].startswith("The mayor said")


def test_cp1252_page_without_declaration_decodes():
    raw = ("Le café de la République est très animé; l'été dernier, les élèves y déjeunaient "
           "chaque jour à côté du théâtre.").encode("cp1252")
    text, enc, note = decode(raw)
    assert "café" in text and "République" in text and note is None
    assert enc in ("cp1252", "iso8859-1", "iso8859-15")


def test_declared_charset_is_trusted_and_latin1_read_as_cp1252():
    raw = "Price \u20ac 5 \u2014 caf\xe9".encode("cp1252")
    text, enc, _ = decode(raw, container="ISO-8859-1")
    assert text == "Price € 5 — café" and enc == "cp1252"


def test_meta_charset_in_html_is_trusted():
    raw = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'.encode("cp1251")
    text, enc, _ = decode(raw, media="html")
    assert "Привет" in text and enc == "cp1251"


def test_utf8_bom_is_removed():
    text, enc, _ = decode(b"\xef\xbb\xbfHello")
    assert text == "Hello" and enc == "utf-8-sig"


def test_invalid_utf8_never_crashes():
    raw = ARTICLE.encode() + b"\n\nBroken \xc3\x28 bytes \xa0\xa1 and \xff end."
    doc = clean_page(page(raw))
    assert doc.status == "ok"
    assert "The mayor said" in doc.text


def test_non_english_page_keeps_text_and_says_language():
    doc = clean_page(page(FRENCH.encode()))
    assert doc.status == "non_english" and doc.language == "fr"
    assert "'fr'" in doc.reason and "conseil municipal" in doc.text


def test_empty_after_cleaning():
    doc = clean_page(page(b"Home\nNews\nSport\nSubscribe\n0:00\n"))
    assert doc.status == "empty" and doc.text == "" and doc.reason.startswith("no article text")
    assert {r.text for r in doc.removed} == {"Home", "News", "Sport", "Subscribe", "0:00"}


def test_html_main_text_and_metadata():
    html = (
        "<html><head><title>Budget passes | City Times</title>"
        '<meta property="og:site_name" content="City Times"><meta name="author" content="Ann Lee">'
        "</head><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav><article><h1>Budget passes</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
        + "</article><footer>© 2024 City Times. All rights reserved.</footer></body></html>"
    )
    doc = clean_page(page(html.encode(), media="html"))
    assert doc.status == "ok"
    assert doc.outlet == "City Times" and doc.author == "Ann Lee"
    assert doc.title.startswith("Budget passes")
    assert "The mayor said" in doc.text and "Home" not in doc.text.split()
    assert "All rights reserved" not in doc.text


def test_broken_html_still_gives_text():
    html = b"<html><body><div><p>" + ARTICLE.encode() + b"<div><b>unclosed <p>tags <<<"
    doc = clean_page(page(html, media="html"))
    assert doc.status == "ok" and "The mayor said" in doc.text


def test_html_without_text_is_raw_with_reason():
    doc = clean_page(page(b"<html><body><script>var a = 1;</script><img src=x></body></html>", media="html"))
    assert doc.status == "raw" and doc.text == "" and "no text" in doc.reason


def test_declared_metadata_wins():
    doc = clean_page(page(ARTICLE.encode(), declared={"title": "T", "outlet": "O", "author": "A"}))
    assert (doc.title, doc.outlet, doc.author) == ("T", "O", "A")


def test_repeated_lines_across_pages():
    a = page(b"Top Stories\nSubscribe now for free\n\n" + ARTICLE.encode())
    b = page(b"Top Stories\n\nA different story about the weather in the hills this week.\n")
    h = page(b"<p>Top Stories</p>", media="html")
    rep = repeated_lines([a, b, h])
    assert rep == frozenset({"top stories"})


def test_nul_characters_are_dropped_from_the_text_and_from_the_declared_fields_the_document_keeps():
    """U+0000 is no text (a store could not hold it everywhere: ``store.nul``); the container's own
    declaration is kept as given, for a rebuild."""
    declared = {"title": "Budget\x00 approved", "outlet": "The\x00 Wire", "author": "A.\x00 Writer",
                "url": "http://x/a\x00"}
    raw = ARTICLE.replace("budget", "bud\x00get").encode()
    p = page(raw, declared=declared)
    doc = clean_page(p)
    assert (doc.title, doc.outlet, doc.author, doc.url) == ("Budget approved", "The Wire", "A. Writer", "http://x/a")
    assert "\x00" not in doc.text and "new budget" in doc.text
    assert p.declared["title"] == "Budget\x00 approved"


def test_a_lone_surrogate_in_a_declared_field_is_the_replacement_character():
    """A JSONL title '\\ud800' (untrusted input) decodes to a lone surrogate: no character, so the
    document keeps U+FFFD in its place; the declaration itself is kept as given."""
    p = page(ARTICLE.encode(), declared={"title": "Budget \ud800approved", "outlet": "The Wire"})
    doc = clean_page(p)
    assert doc.title == "Budget \ufffdapproved" and doc.outlet == "The Wire"
    assert p.declared["title"] == "Budget \ud800approved"
