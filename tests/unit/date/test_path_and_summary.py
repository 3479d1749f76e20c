"""Dates in file names and paths, checked against the text; the build summary of dating."""

from __future__ import annotations

import pytest

from dossier.date import date_document, date_in_path, dating_summary
from dossier.model import Document, Page, PublicationDate


@pytest.mark.parametrize(
    "source, expected",
    [
        ("/data/nyt_2016-02-22_story.txt", "2016-02-22"),
        ("/data/20161007-story.txt", "2016-10-07"),
        ("/data/2016/10/07/story.txt", "2016-10-07"),
        ("/data/doc001.txt", None),
        ("/data/report_2016-01-01_2016-12-31.txt", None),  # a range is not the page's day
        ("/data/id20161340.txt", None),  # month 13: not a date
        ("/data/123201610071.txt", None),  # digits around it: an id
    ],
)
def test_date_in_path(source: str, expected: str | None):
    found = date_in_path(source)
    assert (found[0] if found else None) == expected


def test_date_in_a_url_of_a_plain_text_page():
    assert date_in_path("pages.jsonl#3", "https://example.org/2019/05/14/bridge")[0] == "2019-05-14"


def _dated(text: str, source: str) -> PublicationDate:
    page = Page(source=source, raw=text.encode(), media="text")
    return date_document(Document(id="x", source=source, text=text), page)


def test_file_name_date_agreeing_with_the_text():
    pub = _dated("The council voted on Sept. 12 to close the bridge.", "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-09-14" and pub.precision == "day" and pub.confidence >= 0.75
    assert any("file name" in e for e in pub.evidence)


def test_file_name_date_before_the_facts_the_text_reports_is_trusted_less():
    pub = _dated("The council voted on Oct. 30, 2016 to close the bridge.", "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-09-14" and pub.confidence < 0.5


def test_a_dateline_with_its_year_beats_the_file_name():
    text = "MILTON, Oct. 2, 2016 -- The council voted to close the bridge on Saturday."
    pub = _dated(text, "/d/2016-09-14_bridge.txt")
    assert pub.value == "2016-10-02"


def test_dating_summary_counts_day_month_undated_and_low_confidence():
    rows = [
        ("ok", "2016-10-07", "day", 0.9),
        ("non_english", "2016-10-07", "day", 0.3),
        ("duplicate", "2016-10", "month", 0.4),
        ("ok", None, "none", 0.1),
        ("raw", None, None, None),
    ]
    assert dating_summary(rows) == "dated: 2 to the day, 1 to the month, 1 undated (low confidence: 2)"


@pytest.mark.parametrize(
    "language, header, expected",
    [
        ("de", "Veröffentlicht am 17. März 2020, 14:30 Uhr", "2020-03-17"),
        ("fr", "Publié le 12 mars 2019 à 10h", "2019-03-12"),
        ("es", "3 de mayo de 2021", "2021-05-03"),
        ("ru", "Опубликовано 28 июня 2020", "2020-06-28"),
        ("zh", "2020年3月17日", "2020-03-17"),
        ("de", "Der Stadtrat hat am Dienstag beschlossen", None),
    ],
)
def test_header_date_lines_in_other_languages(language: str, header: str, expected: str | None):
    from dossier.clean import clean_page

    body = {
        "de": "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für den Schwerverkehr zu sperren, "
        "nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten, sagte eine Sprecherin der Stadt.",
        "fr": "Le conseil municipal a voté mardi la fermeture du vieux pont aux poids lourds, après que des "
        "ingénieurs ont trouvé des fissures dans deux de ses piles, a indiqué une porte-parole.",
        "es": "El consejo municipal votó el martes cerrar el viejo puente al tráfico pesado después de que los "
        "ingenieros encontraran grietas en dos de sus pilares, dijo una portavoz del ayuntamiento.",
        "zh": "市议会周二投票决定禁止重型车辆通过这座旧桥，此前工程师在两个桥墩中发现了裂缝，一位发言人说。维修预计将持续一年。",
        "ru": "Городской совет во вторник проголосовал за закрытие старого моста для грузовиков после того, "
        "как инженеры обнаружили трещины в двух его опорах, сообщила пресс-секретарь совета.",
    }[language]
    text = f"{header}\n\n{body}\n"
    page = Page(source="/d/page.txt", raw=text.encode(), media="text")
    doc = clean_page(page)
    assert doc.language == language
    pub = date_document(doc, page)
    assert (pub.value if pub.precision == "day" else None) == expected
