"""The web app and JSON API, driven in-process with FastAPI's TestClient over the synthetic store."""

from __future__ import annotations

import inspect
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from dossier.web import DEFAULT_HOST, create_app, parse_hl, serve
from tests.support.synthetic import D1, D2, EVIL_ID, IMG, SCRIPT, TEXT1, TEXT3, build_store, sentence_span

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "s.db")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url="http://127.0.0.1:8765")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", ["3 sources", "2018-11-14 to 2019-02-01", 'id="search-box"', 'id="ask-box"', "<svg"]),
        ("/timeline", ["Anna Berg met Karl Lind in Vesterby", "will meet again", 'class="ev held"', 'class="ev planned"']),
        ("/entities", ["Anna Berg", "Foreign Minister of Norland", "Eva Lind"]),
        ("/entities?type=place", ["Vesterby", "Sudland"]),
        ("/entity/e-berg", ["Anna Berg", "Foreign Minister", "We will never give up our sovereignty", "Second round planned"]),
        ("/quotes", ["a peace treaty must come first", "the sovereignty of the islands was not negotiable"]),
        ("/positions", ["Norland", "sovereignty", "refusal", "peace treaty"]),
        ("/figures", ["17.0", "20.0", "voters support a deal"]),
        ("/conflicts", ["voters support a deal", "17 percent", "20 percent"]),
        ("/documents", ["Ministers meet in Vesterby", "Second round planned", "Morning Post"]),
        ("/search?q=sovereignty", ["<mark>sovereignty</mark>", f"/doc/{D1}?hl="]),
        ("/ask?q=Who+is+Lind%3F", ["2 candidates", "Karl Lind", "Eva Lind", "trade minister"]),
    ],
)
def test_pages_render(client, url, expected) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    for text in expected:
        assert text in r.text, text


def test_listing_filters(client) -> None:
    r = client.get("/timeline", params={"from": "2019"})
    assert "will meet again" in r.text and "Anna Berg met Karl Lind" not in r.text
    r = client.get("/timeline", params={"entity": "Eva Lind"})
    assert "No events match" in r.text
    r = client.get("/quotes", params={"outlet": "Morning Post"})
    assert "peace treaty" in r.text and "not negotiable" not in r.text
    r = client.get("/quotes", params={"speaker": "Berg", "to": "2018-12"})
    assert "not negotiable" in r.text and "peace treaty" not in r.text
    r = client.get("/positions", params={"actor": "Sudland", "from": "2019-01"})
    assert "peace treaty" in r.text and "economic zone" not in r.text
    r = client.get("/documents", params={"entity": "Eva Lind"})
    assert "Second round planned" in r.text and "Ministers meet in Vesterby" not in r.text
    r = client.get("/search", params={"q": "voters", "outlet": "Daily Planet"})
    assert r.text.count('class="hit"') == 1 and "17 percent" in r.text


def test_doc_reader_highlights_the_sentence(client) -> None:
    s = sentence_span(D1, TEXT1, "not negotiable")
    r = client.get(f"/doc/{D1}", params={"hl": f"{s.start}-{s.end}"})
    assert r.status_code == 200
    m = re.search(r'<mark id="hl" class="hl">(.*?)</mark>', r.text, re.S)
    assert m, "the cited sentence is marked"
    assert re.sub(r"<[^>]+>", "", m.group(1)) == TEXT1[s.start : s.end]
    assert "scrollIntoView" in r.text
    assert 'class="mention person"' in r.text and 'href="/entity/e-berg"' in r.text
    assert 'class="quote direct"' in r.text
    assert "Subscribe to our newsletter" in r.text  # removed furniture, collapsed
    # a malformed or reversed hl is ignored, not an error
    for bad in ("x", "9-3", "1-2-3", "-5"):
        assert client.get(f"/doc/{D1}", params={"hl": bad}).status_code == 200


def test_parse_hl_clamps_and_rejects() -> None:
    assert parse_hl("3-9", 100) == (3, 9)
    assert parse_hl("3-900", 100) == (3, 100)
    assert parse_hl("9-3", 100) is None and parse_hl(None, 100) is None and parse_hl("a-b", 100) is None


def test_script_payload_is_text_everywhere(client) -> None:
    s = sentence_span(EVIL_ID, TEXT3, "Another reader")
    pages = [
        f"/doc/{EVIL_ID}",
        f"/doc/{EVIL_ID}?hl={s.start}-{s.end}",
        "/search?q=reader",
        "/quotes",
        "/documents",
        "/",
        "/ask?q=What+did+the+reader+say+about+the+article",
        "/search?q=" + SCRIPT,
    ]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        assert SCRIPT not in r.text and IMG not in r.text, url
        assert "<img" not in r.text, url
    assert ESCAPED_SCRIPT in client.get(f"/doc/{EVIL_ID}").text
    assert ESCAPED_IMG in client.get(f"/doc/{EVIL_ID}").text
    assert ESCAPED_SCRIPT in client.get("/search?q=reader").text
    assert ESCAPED_SCRIPT in client.get("/quotes").text


def test_unknown_ids_are_404_not_tracebacks(client) -> None:
    for url in ("/doc/nope", "/entity/nope", "/api/docs/nope", "/doc/../../etc/passwd"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "Traceback" not in r.text
    assert client.get("/api/docs/nope").json() == {"detail": "no document nope"}


def test_every_route_is_get_only(db) -> None:
    app = create_app(db)
    methods = {m for route in app.routes if hasattr(route, "methods") for m in route.methods}
    assert methods <= {"GET", "HEAD"}
    api = [r for r in app.routes if isinstance(r, APIRoute)]
    assert len(api) >= 24 and all(r.methods == {"GET"} for r in api)


def test_post_is_refused(client) -> None:
    assert client.post("/api/docs").status_code == 405
    assert client.post("/search", data={"q": "x"}).status_code == 405


def test_no_parameter_names_a_path(db) -> None:
    app = create_app(db)
    params = {p.name for r in app.routes if isinstance(r, APIRoute) for p in r.dependant.query_params + r.dependant.path_params}
    assert not params & {"path", "file", "db", "filename", "dir", "location"}


def test_server_defaults_to_loopback() -> None:
    assert DEFAULT_HOST == "127.0.0.1"
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_missing_store_is_refused(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


# -- JSON API ---------------------------------------------------------------------------------


def items(client, path: str, **params) -> list:
    """The items of a paged API listing (one page: the synthetic store is small)."""
    body = client.get(path, params=params).json()
    assert set(body) == {"items", "next_cursor", "total"}, body
    assert body["next_cursor"] is None and body["total"] == len(body["items"])
    return body["items"]


def test_api_docs(client) -> None:
    rows = items(client, "/api/docs")
    assert {r["id"] for r in rows} == {D1, D2, EVIL_ID}
    assert set(rows[0]) >= {"id", "source", "title", "outlet", "published", "published_precision", "words", "status"}
    detail = client.get(f"/api/docs/{D1}").json()
    assert detail["url"] == "https://example.org/one"
    assert detail["removed"][0] == {"text": "Subscribe to our newsletter", "reason": "boilerplate", "position": 0}
    assert detail["text"] == TEXT1


def test_api_entities_and_who(client) -> None:
    people = items(client, "/api/entities", type="person")
    assert [e["name"] for e in people] == ["Anna Berg", "Karl Lind", "Eva Lind"]
    # 'from'/'to' are a term the text states; the pages' dates are only when it was reported held
    assert people[0]["roles"] == [{"title": "Foreign Minister", "of": "e-norland", "from": None, "to": None, "past": False,
                                   "seen_from": "2018-11-14", "seen_to": "2019-01-22", "when": "reported 2018-11-14..2019-01-22"}]
    who = items(client, "/api/who", name="Lind")
    assert [e["name"] for e in who] == ["Karl Lind", "Eva Lind"]


def test_api_timeline(client) -> None:
    rows = items(client, "/api/timeline")
    assert [(r["date"], r["status"]) for r in rows] == [("2018-11-14", "happened"), ("2019-03", "planned")]
    assert rows[0]["participants"] == ["Anna Berg", "Karl Lind"]
    assert rows[0]["sources"][0]["doc"] == D1 and rows[0]["sources"][0]["sentence"].startswith("Foreign Minister Anna Berg")
    assert [r["date"] for r in items(client, "/api/timeline", **{"from": "2019", "to": "2019-12"})] == ["2019-03"]
    assert len(items(client, "/api/timeline", entity="Anna Berg")) == 2
    main = items(client, "/api/timeline", main="true")
    assert main and {r["id"] for r in main} <= {r["id"] for r in rows}


def test_api_quotes_positions_figures_conflicts(client) -> None:
    quotes = items(client, "/api/quotes", speaker="Karl Lind")
    assert [q["text"] for q in quotes] == ["a peace treaty must come first"]
    assert quotes[0]["source"]["sentence"] == "Lind said a peace treaty must come first."
    pos = items(client, "/api/positions", actor="Sudland")
    assert [p["issue"] for p in pos] == ["economic zone", "peace treaty"]
    figs = items(client, "/api/figures")
    assert [f["value"] for f in figs] == [17.0, 20.0] and figs[0]["source"]["doc"] == D1
    conf = items(client, "/api/conflicts")
    assert conf[0]["values"] == ["17 percent", "20 percent"] and len(conf[0]["sources"]) == 2
    assert items(client, "/api/conflicts", entity="Anna Berg") == []  # its sentences name nobody
    assert pos[0]["actor"] == "Sudland" and pos[0]["actor_id"] == "e-sudland"  # a name, and the id
    assert [p["issue"] for p in items(client, "/api/positions", actor="e-sudland")] == ["economic zone", "peace treaty"]


def test_api_search_and_ask(client) -> None:
    hits = items(client, "/api/search", q="sovereignty")
    assert len(hits) == 2 and all("[[sovereignty]]" in h["snippet"] for h in hits)
    assert set(hits[0]) == {"doc", "start", "end", "sentence", "snippet", "score", "title", "outlet", "published"}
    ans = client.get("/api/ask", params={"q": "Who is Lind?"}).json()
    assert ans["intent"] == "who" and ans["found"] is True and len(ans["items"]) == 2
    assert client.get("/api/search").status_code == 422  # q is required


def test_api_listings_page_with_a_cursor(client) -> None:
    first = client.get("/api/docs", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == 3 and first["next_cursor"]
    rest = client.get("/api/docs", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert {r["id"] for r in first["items"] + rest["items"]} == {D1, D2, EVIL_ID}
    hits = client.get("/api/search", params={"q": "sovereignty", "limit": 1}).json()
    assert len(hits["items"]) == 1 and hits["next_cursor"] == "1"
    more = client.get("/api/search", params={"q": "sovereignty", "limit": 1, "cursor": "1"}).json()
    assert len(more["items"]) == 1 and more["items"][0] != hits["items"][0] and more["next_cursor"] is None


def test_bad_paging_is_a_client_error(client) -> None:
    assert client.get("/api/quotes", params={"cursor": "abc"}).status_code == 400
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
    assert client.get("/quotes", params={"cursor": "-1"}).status_code == 400


def test_web_listing_pages_keep_their_filters(client) -> None:
    html = client.get("/documents", params={"limit": 1, "outlet": ""}).text
    assert "1–1 of 3" in html and 'href="/documents?limit=1&amp;outlet=&amp;cursor=1"' in html
    last = client.get("/documents", params={"limit": 1, "cursor": "2"}).text
    assert "3–3 of 3" in last and "next page" not in last and "first page" in last


def test_openapi_lists_the_api(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/docs", "/api/docs/{doc_id}", "/api/entities", "/api/who", "/api/timeline", "/api/quotes",
                 "/api/positions", "/api/figures", "/api/conflicts", "/api/search", "/api/ask"):
        assert set(spec["paths"][path]) == {"get"}, path
    assert client.get("/docs").status_code == 200
