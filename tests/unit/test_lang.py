"""Shared language data and the one partial-date type: the tables agree with each other, and
PartialDate reads every ISO prefix the stages meet."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from dossier.lang import en
from dossier.model import RemovedBlock, RemovedReason, to_dict
from dossier.partial_date import PartialDate


def test_month_tables_agree() -> None:
    assert len(en.MONTH_NAMES) == 12 and en.FULL_MONTHS["september"] == 9
    assert en.MONTHS["sept"] == en.MONTHS["sep"] == en.MONTHS["september"] == 9
    assert all(en.MONTHS[a] == i for i, a in enumerate(en.MONTH_ABBREVIATIONS, start=1))
    pattern = re.compile(rf"^(?:{en.MONTH_PATTERN})$")
    assert all(pattern.match(w) for w in en.MONTHS)
    assert not pattern.match("monday")


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2019", "2019", "year"),
        ("2019-01", "2019-01", "month"),
        ("2019-01-22", "2019-01-22", "day"),
        ("2019-01-22T10:00:00", "2019-01-22", "day"),
        ("2019-13-01", "2019", "year"),  # an impossible month keeps the year only
        ("2019-02-30", "2019-02", "month"),  # an impossible day keeps the month
    ],
)
def test_partial_date_parse_and_format(text: str, iso: str, precision: str) -> None:
    p = PartialDate.parse(text)
    assert p is not None and p.iso() == iso and p.precision == precision


def test_partial_date_rejects() -> None:
    assert PartialDate.parse(None) is None
    assert PartialDate.parse("") is None
    assert PartialDate.parse("XXXX-01-22") is None
    assert PartialDate.parse("0000") is None
    assert PartialDate.parse("2019-01-22T10:00", whole=True) is None
    assert PartialDate.parse("2019-01", whole=True) == PartialDate(2019, 1)


def test_partial_date_span_and_axis() -> None:
    assert PartialDate(2020, 2).span() == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert PartialDate(2019).span() == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert PartialDate(2019, 1, 22).span() == (dt.date(2019, 1, 22), dt.date(2019, 1, 22))
    assert PartialDate(2019).fractional_year() == 2019.5
    assert PartialDate(2019, 1).fractional_year() == pytest.approx(2019 + 14 / 365)
    assert PartialDate(2018, 12) < PartialDate(2019)


def test_removed_reason_is_stored_as_its_text() -> None:
    block = RemovedBlock(text="Friday, 1 November 2019", reason=RemovedReason.DATE_LINE, position=0)
    assert json.loads(json.dumps(to_dict(block)))["reason"] == "date line"
    assert RemovedReason.UPDATE_STAMP == "update stamp"


def test_honorific_tables() -> None:
    assert {"mr", "mr.", "dr", "prof."} <= en.HONORIFICS
    assert en.HONORIFICS.isdisjoint(en.TITLES_OF_ADDRESS)


def test_place_key_of_plain_ascii_skips_decomposition_with_the_same_key() -> None:
    import unicodedata

    from dossier.lang import geo

    def slow(s: str) -> str:  # the key as computed for every name before the ASCII shortcut
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").strip().lower()
        s = s[4:] if s.startswith("the ") else s
        return " ".join(s.split())

    names = ["  The  Hague ", "New York", "São Paulo", "Côte d’Ivoire", "the", "THE NETHERLANDS", "Zürich",
             "O'Hare", "\tSt. Louis\n", "ＡＢＣ", "Ångström", "ﬁnland", ""]
    assert [geo._fold(n) for n in names] == [slow(n) for n in names]


def test_the_gazetteer_is_built_once_then_read_from_the_user_cache(tmp_path, monkeypatch):
    from dossier.lang import geo

    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path))
    geo._gazetteer.cache_clear()
    try:
        built = geo._gazetteer()
        path = geo.gazetteer_file()
        assert path.parent == tmp_path and path.exists()
        assert set(built) == geo._gazetteer_names() and "tokyo" in built
        path.write_text(path.read_text(encoding="utf-8") + "\nzz marker", encoding="utf-8")
        geo._gazetteer.cache_clear()
        assert "zz marker" in geo._gazetteer()  # read from the file, not built again
        monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "file.txt" / "x"))  # cannot be written
        (tmp_path / "file.txt").write_text("", encoding="utf-8")
        geo._gazetteer.cache_clear()
        assert list(geo._gazetteer()) == list(built)
    finally:
        geo._gazetteer.cache_clear()
