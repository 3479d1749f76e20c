"""Golden: the flat-text cleaner on the five Kuril pages, written by reading the pages.

For each page: furniture lines that must be removed, body paragraphs (by their start) that must
stay, and the title/outlet/author read from the page. Every body paragraph is also counted.
"""

from __future__ import annotations

import pytest

from dossier.clean import clean_page, repeated_lines
from dossier.ingest import read_inputs
from dossier.model import Page

GOLD = {
    "000_5fe1ee3c21c004c6.txt": dict(
        paragraphs=24,
        title="Japan Hopes For Russia Treaty Progress", outlet=None, author=None,
        removed=["Get the latest updates as we post them", ". Last Updated: 07/27/2016",
                 "Japan Hopes For Russia Treaty Progress"],
        kept=["TOKYO, Japan- One of Japan's greatest hopes", "Analysts held out little hope",
              "At most, Ono said, Japan may make", "Thus Japanese leaders are eager",
              "\"There will probably be some sort of 'advance,'\" Ono said"],
    ),
    "001_cadce74c269f35cf.txt": dict(
        paragraphs=17,
        title="Japan-Russia impasse over N. Territories shakes Tokyo's peace treaty scenario",
        outlet="The Mainichi", author="Muneyoshi Mitsuda and Hitoshi Omae",
        removed=["Please view the main text area", "Japanese Foreign Minister Taro Kono ( right, Mainichi)",
                 "(Japanese original by Muneyoshi Mitsuda", "Also in The Mainichi",
                 "The Mainichi on social media"],
        kept=["MUNICH, Germany/MOSCOW -- Japanese Foreign Minister Taro Kono",
              "\"I received a tremendous welcome in Moscow.", "It now remains to be seen whether President Putin"],
    ),
    "002_08e61e256d194835.txt": dict(
        paragraphs=5, title=None, outlet="Monitor", author=None,
        removed=["Publication: Monitor Volume: 6 Issue: 207"],
        kept=["The seemingly endless negotiations", "Whether there was any substance"],
    ),
    "003_8678ed7301d6b549.txt": dict(
        paragraphs=34,  # 31 paragraphs + 3 section headings
        title="The Kuriles Question: Not So Fast On Russia-Japan World War II Peace Treaty",
        outlet="RFE/RL", author="Matthew Luxmoore",
        removed=["Accessibility links", "Breaking News", "Russian President Vladimir Putin (left)",
                 "WATCH: A coalition of Russian", "No media source currently available", "0:00 0:01:17 0:00",
                 "• 16x9 Image", "Matthew Luxmoore", "Matthew Luxmoore is a Moscow-based journalist",
                 "RFE/RL has been declared", "If you are in Russia", "To find out more, click here.",
                 "XS", "SM", "MD", "LG"],
        kept=["When Japanese President Shinzo Abe addressed", "'Inherent Part Of Japan'", "What Comes First?",
              "Generosity Not Popular", "Lukin agrees.", "Russian state media has helped keep",
              "The Russian leadership is aware", "\"For Russia, strategically it's much more important"],
    ),
    "004_88f331eb946bdea1.txt": dict(
        paragraphs=18,
        title="Putin tones down rhetoric with Abe but treaty progress unclear", outlet="Nikkei Asia", author=None,
        removed=["ArrowArtboardCreated with Sketch", "International relations",
                 "Foreign ministers meet again in February", "Japanese Prime Minister Shinzo Abe, left,",
                 "Sponsored Content", "About Sponsored Content", "You have {{numberArticlesLeft}}",
                 "Stay ahead with our exclusives on Asia", "Get trusted insights from experts",
                 "Try 1 month for $0.99", "Try 3 months for $9", "Offer ends October 31st",
                 "Your trial period has expired", "You need a subscription to", "• Read all stories",
                 "See all offers", "NAR on print phone", "Nikkei Asian Review, now known as Nikkei Asia",
                 "Celebrate our next chapter", "Free access for everyone", "Find out more"],
        kept=["MOSCOW -- Japanese Prime Minister Shinzo Abe", "\"Of course, we discussed the prospects",
              "Former Japanese residents will be able to visit"],
    ),
}


@pytest.fixture(scope="module")
def docs(kuril_dir):
    pages = [p for p in read_inputs([kuril_dir]) if isinstance(p, Page)]
    rep = repeated_lines(pages)
    return {p.source.rsplit("/", 1)[-1]: clean_page(p, rep) for p in pages}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_kuril_page(docs, name):
    doc, gold = docs[name], GOLD[name]
    paragraphs = [doc.text[a:b] for a, b in doc.paragraphs]
    removed = [r.text for r in doc.removed]
    assert doc.status == "ok" and doc.language == "en"
    assert (doc.title, doc.outlet, doc.author) == (gold["title"], gold["outlet"], gold["author"])
    for start in gold["kept"]:
        assert any(p.startswith(start) for p in paragraphs), f"body paragraph lost: {start!r}"
    for start in gold["removed"]:
        assert any(r.startswith(start) for r in removed), f"furniture not removed: {start!r}"
        assert not any(p.startswith(start) for p in paragraphs), f"furniture kept: {start!r}"
    assert len(paragraphs) == gold["paragraphs"]


def test_every_nonblank_line_is_kept_or_removed(docs, kuril_texts):
    """Nothing is lost silently: the kept and removed blocks cover every word of the page."""
    for name, raw in kuril_texts.items():
        doc = docs[name]
        seen = doc.text.split() + [w for r in doc.removed for w in r.text.split()]
        assert sorted(seen) == sorted(raw.split()), name
