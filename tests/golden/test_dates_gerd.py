"""Publication dates of the GERD example pages against the answer key in examples/gerd/README.md.

Pages with a date in the metadata (02, 04, 06, 09, 11) or in a header date line the cleaner
removed as furniture (03 "Friday, 1 November 2019", 07 "9 July 2021 | 10:42 GMT") must be dated
to the day. 08's only machine-readable date is an update stamp (2024-10-03) years after
everything its text reports; its dateline "ADDIS ABABA, Feb. 20" and "in 2011, almost eleven
years ago" date it 2022-02-20. 01, 05 and 10 are dated only by phrases counted from an unstated
day ("last Tuesday", "on Thursday"): whatever they get must come with confidence < 0.5 - the
rule is "never a confident wrong date".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import clean_page
from dossier.date import date_document
from dossier.model import Page, PublicationDate

GERD = Path(__file__).resolve().parents[2] / "examples" / "gerd"

TRUE_DATE = {  # from the README's table
    "text/01-blue-nile-diverted.txt": "2013-06-03",
    "html/02-khartoum-declaration.html": "2015-03-23",
    "text/03-washington-talks-planned.txt": "2019-11-01",
    "html/04-washington-deal-initialled.html": "2020-02-28",
    "text/05-washington-deal-syndicated.txt": "2020-02-29",
    "html/06-first-filling.html": "2020-07-22",
    "text/07-security-council-2021.txt": "2021-07-09",
    "html/08-first-turbine.html": "2022-02-20",
    "html/09-cairo-summit.html": "2023-07-13",
    "text/10-cairo-summit-addis-view.txt": "2023-07-15",
    "html/11-talks-end-without-deal.html": "2023-12-20",
}
METADATA_OR_HEADER = ["02", "03", "04", "06", "07", "09", "11"]


@pytest.fixture(scope="module")
def dated() -> dict[str, PublicationDate]:
    out = {}
    for rel in TRUE_DATE:
        path = GERD / rel
        page = Page(source=str(path), raw=path.read_bytes(), media="html" if path.suffix == ".html" else "text")
        out[rel] = date_document(clean_page(page), page)
    return out


def _by_number(dated: dict[str, PublicationDate], number: str) -> tuple[str, PublicationDate]:
    rel = next(r for r in dated if Path(r).name.startswith(number + "-"))
    return rel, dated[rel]


def test_metadata_and_header_dates_are_exact(dated: dict[str, PublicationDate]) -> None:
    for number in METADATA_OR_HEADER:
        rel, got = _by_number(dated, number)
        assert (got.value, got.precision) == (TRUE_DATE[rel], "day"), (rel, got)
        assert got.confidence >= 0.75, (rel, got)


def test_header_date_lines_are_the_evidence(dated: dict[str, PublicationDate]) -> None:
    assert _by_number(dated, "03")[1].evidence[0] == 'header date line "Friday, 1 November 2019"'
    assert _by_number(dated, "07")[1].evidence[0] == 'header date line "9 July 2021 | 10:42 GMT"'


def test_update_stamp_is_not_the_publication(dated: dict[str, PublicationDate]) -> None:
    _, got = _by_number(dated, "08")
    assert got.value == "2022-02-20"
    assert 0.4 <= got.confidence <= 0.6  # the text's own date, said with moderate confidence
    assert any("2024-10-03 is an update date" in e for e in got.evidence), got.evidence
    assert any("almost eleven years ago" in e for e in got.evidence), got.evidence


def test_never_a_confident_wrong_date(dated: dict[str, PublicationDate]) -> None:
    wrong = {rel: got for rel, got in dated.items() if not (got.value and TRUE_DATE[rel].startswith(got.value))}
    assert set(wrong) <= {"text/01-blue-nile-diverted.txt", "text/05-washington-deal-syndicated.txt",
                          "text/10-cairo-summit-addis-view.txt"}, wrong  # fmt: skip
    for rel, got in wrong.items():
        assert got.confidence < 0.5, (rel, got)
        assert got.evidence, (rel, got)
    # 01's only explicit date is background: reported as a lower bound, not as the date
    assert dated["text/01-blue-nile-diverted.txt"].evidence[0].startswith('not before 2011-04')
