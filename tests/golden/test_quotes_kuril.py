"""Direct quotes in the Kuril pages and their true speakers, written by reading the pages."""

from __future__ import annotations

import pytest

from dossier.extract.quotes import find_quotes
from dossier.nlp.annotate import annotate_document
from dossier.model import Document, Quote

# (page, start of the quoted words, the speaker as the page names them)
EXPECTED = [
    ("000", "It's a very important visit in terms of preparation", "a Foreign Ministry official"),
    ("000", "We expect them to have discussions", "a Foreign Ministry official"),
    ("000", "We really can't expect very much", "Tsutomu Ono"),
    ("000", "Russia hopes for help with economic development", "Tsutomu Ono"),
    ("000", "But given the fact that Putin recently", "Tsutomu Ono"),  # multi-paragraph quote
    ("000", "It is too early to say at this point", "the Foreign Ministry official"),
    ("000", "We must enter the talks resolute", "Yomiuri Shimbun"),  # "it said"
    ("000", "There will probably be some sort of 'advance,'", "Tsutomu Ono"),
    ("000", "But it will be very small", "Tsutomu Ono"),
    ("001", "I received a tremendous welcome in Moscow", "Taro Kono"),
    ("001", "The trade value between Japan and Russia", "Taro Kono"),
    ("001", "There were heated exchanges", "Taro Kono"),  # "he said"
    ("001", "Negotiations are steadily making headway", "Taro Kono"),
    ("001", "If Japan becomes desperate", "an individual familiar with Japan-Russia relations"),
    ("002", "We will act constructively in all these directions", "Igor Ivanov"),
    ("002", "Stagnation is observed not only", "Yasuhisa Kawamura"),
    ("002", "Moscow must [also] demonstrate its political will", "Yasuhisa Kawamura"),
    ("003", "You won't believe it, but honestly", "Vladimir Putin"),
    ("003", "Let's sign a peace agreement by the end of the year", "Vladimir Putin"),
    ("003", "without any preconditions", "Vladimir Putin"),
    ("003", "This is a sensation", "a Rossia-24 presenter"),
    ("003", "Unbelievable progress has been reached", "a Rossia-24 presenter"),
    ("003", "There's a historical and ancestral aspect", "Stephen R. Nagy"),
    ("003", "Many feel they have left the lands", "Stephen R. Nagy"),
    ("003", "Questions of sovereignty over the islands", "Sergei Lavrov"),
    ("003", "I don't think that anything substantive", "Artyom Lukin"),
    ("003", "They may make a tentative, preliminary agreement", "Artyom Lukin"),
    ("003", "The Japanese position is the territorial issue first", "Fyodor Lukyanov"),
    ("003", "And the Russian position, strongly supported", "Fyodor Lukyanov"),
    ("003", "I wouldn't read too much into Putin's statement", "Artyom Lukin"),
    ("003", "I think we should pay much more attention", "Artyom Lukin"),
    ("003", "the Northern Territories issue is resolved", "Yoshihide Suga"),
    ("003", "We have the hypersonic Avangard rocket", "Dmitry Kiselyov"),
    ("003", "We don't need anything from Japan", "Dmitry Kiselyov"),
    ("003", "The Kremlin has succeeded in reviving", "Vedomosti"),  # "it wrote"
    ("003", "Any territorial concession after the annexation", "Vedomosti"),
    ("003", "Any territorial concession in any country", "Fyodor Lukyanov"),  # "he says"
    ("003", "Theoretically, I can imagine", "Fyodor Lukyanov"),
    ("003", "Russia's real calculation is much more geostrategic", "Fyodor Lukyanov"),
    ("003", "Because Russia's drift toward Asia", "Fyodor Lukyanov"),
    ("003", "For Russia, strategically it's much more important", "Fyodor Lukyanov"),  # paragraph after "he adds"
    ("004", "Of course, we discussed the prospects", "Vladimir Putin"),
    ("004", "Our goal is to ensure the long-term", "Vladimir Putin"),
    ("004", "The decision that the negotiators will come up with", "Vladimir Putin"),
    ("004", "Under the firm leadership of President Putin and me", "Shinzo Abe"),
    ("004", "We instructed our foreign ministers", "Shinzo Abe"),
    ("004", "it is very difficult to count on any progress", "Lavrov"),
    ("004", "We discussed the development of more ambitious plans", "Vladimir Putin"),
    ("004", "In particular, it will be possible", "Vladimir Putin"),
    ("004", "President Putin and I gave instructions", "Shinzo Abe"),
]


@pytest.fixture(scope="module")
def kuril_quotes(kuril_dir, nlp) -> dict[str, list[Quote]]:
    out: dict[str, list[Quote]] = {}
    for path in sorted(kuril_dir.glob("*.txt")):
        doc = Document(id=path.stem, source=path.name, text=path.read_text(encoding="utf-8"))
        ann, sdoc = annotate_document(doc, nlp)
        out[path.name[:3]] = find_quotes(doc, sdoc, list(ann.mentions))
    return out


@pytest.mark.parametrize("page, start, speaker", EXPECTED, ids=[f"{p}:{s[:30]}" for p, s, _ in EXPECTED])
def test_direct_quote_has_its_true_speaker(kuril_quotes, page: str, start: str, speaker: str) -> None:
    found = [q for q in kuril_quotes[page] if q.kind == "direct" and q.text.startswith(start)]
    assert found, f"direct quote {start!r} not found"
    got = found[0].speaker or ""
    # the full name (or the phrase) must be the speaker; an article left on a name is tolerated
    assert got.removeprefix("the ") == speaker.removeprefix("the ") or got.endswith(" " + speaker), got


def test_speaker_span_points_at_the_attribution(kuril_quotes, kuril_texts) -> None:
    text = kuril_texts["001_cadce74c269f35cf.txt"]
    q = next(q for q in kuril_quotes["001"] if q.text.startswith("There were heated exchanges"))
    assert q.speaker_span is not None and q.speaker_span.text_in(text) == "he"
    assert q.cue_span is not None and q.cue_span.text_in(text) == "said"


def test_scare_quotes_and_headlines_are_not_quotes(kuril_quotes) -> None:
    texts = [q.text for q in kuril_quotes["003"] if q.kind == "direct"]
    assert "Inherent Part Of Japan" not in texts
    # 'They are still considered by Tokyo to be an "inherent part of the territory of Japan."' is
    # Tokyo's own formula (a partial quote), so it counts, with Tokyo as its source
    inherent = [q for q in kuril_quotes["003"] if q.text == "inherent part of the territory of Japan."]
    assert [q.speaker for q in inherent] == ["Tokyo"]
    assert not any(t.startswith("Northern Territories") for q in kuril_quotes["002"] for t in [q.text] if q.kind == "direct")


def test_reported_speech_is_found(kuril_quotes) -> None:
    indirect = {(q.speaker, q.text[:40]) for q in kuril_quotes["001"] if q.kind == "indirect"}
    assert ("Dmitry Peskov", "that Moscow should sign a peace treaty w") in indirect
    made_clear = [q for q in kuril_quotes["003"] if q.kind == "indirect" and q.text.startswith("that Japan must accept")]
    assert made_clear and made_clear[0].speaker == "Moscow"
