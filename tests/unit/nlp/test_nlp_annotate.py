"""annotate_document: sentences, mentions (labels, titles, canonical names, pronoun speakers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import Document
from dossier.nlp.annotate import annotate_document, annotate_many


def _annotate(nlp, text: str, doc_id: str = "d1"):
    ann, sdoc = annotate_document(Document(id=doc_id, source="t", text=text), nlp)
    return ann, sdoc


def _by_text(ann, text: str):
    return [m for m in ann.mentions if m.text == text]


def test_sentences_end_at_paragraph_breaks(nlp):
    text = "Talks Stall Again\n\nThe ministers met in Geneva on Monday. They agreed on nothing."
    ann, _ = _annotate(nlp, text)
    got = [s.text_in(text) for s in ann.sentences]
    assert got == ["Talks Stall Again", "The ministers met in Geneva on Monday.", "They agreed on nothing."]
    assert all(s.doc_id == "d1" for s in ann.sentences)


def test_returns_spacy_doc_and_model_label(nlp):
    text = "Angela Merkel visited Paris."
    ann, sdoc = _annotate(nlp, text)
    assert sdoc.text == text
    assert ann.doc_id == "d1"
    assert ann.model and "3.8" in ann.model
    assert not ann.quotes and not ann.events and not ann.claims


def test_mentions_strip_possessive_and_article(nlp):
    text = "The United Nations said Germany's chancellor would attend."
    ann, _ = _annotate(nlp, text)
    texts = {m.text for m in ann.mentions}
    assert "United Nations" in texts
    assert "Germany" in texts
    for m in ann.mentions:
        assert m.span.text_in(text) == m.text


def test_title_before_name_and_canonical_surname(nlp):
    text = (
        "French Foreign Minister Jean-Yves Le Drian arrived in Rome on Monday. "
        "Le Drian met Italian Prime Minister Giuseppe Conte. Later, Conte said the talks were useful."
    )
    ann, _ = _annotate(nlp, text)
    conte = [m for m in ann.mentions if m.label == "PERSON" and m.text == "Giuseppe Conte"]
    assert conte and conte[0].title == "Italian Prime Minister"
    bare = [m for m in ann.mentions if m.label == "PERSON" and m.text == "Conte"]
    assert bare and bare[0].canonical == "Giuseppe Conte"


@pytest.mark.parametrize("full", ["Martin Luther Okafor Jr.", "Martin Luther Okafor, Jr."])
def test_bare_surname_takes_full_name_with_generational_suffix(nlp, full):
    """Later references drop 'Jr.': the bare surname still takes the full name that ends so."""
    text = f"Police arrested {full} in Dallas on Monday. Okafor was held without bail, and Okafor said nothing."
    ann, _ = _annotate(nlp, text)
    bare = [m for m in ann.mentions if m.label == "PERSON" and m.text == "Okafor"]
    assert bare and all(m.canonical.startswith("Martin Luther Okafor") for m in bare)


_NOMINEE = "Republican presidential nominee Hank Morrow spoke. "


@pytest.mark.parametrize("text, linked", [
    (_NOMINEE + "Donors said they would back him if he becomes the nominee.", False),  # conditional
    (_NOMINEE + "Should Morrow become the nominee, donors will leave.", False),  # inverted modal
    (_NOMINEE + "Aides expect that Morrow will become the nominee.", False),  # modal
    (_NOMINEE + "Morrow wants to be the nominee.", False),  # infinitival
    (_NOMINEE + "Morrow became the nominee in July.", True),  # held: a role of the holder
    (_NOMINEE + "The nominee said the race was close.", True),  # a reference to the holder
])
def test_a_role_in_irrealis_mood_refers_to_no_holder(nlp, text, linked):
    ann, _ = _annotate(nlp, text)
    titles = [m for m in ann.mentions if m.label == "TITLE" and m.text == "nominee"]
    assert bool(titles) == linked


@pytest.mark.parametrize("title", ["Clerk", "Treasurer", "Coroner", "Alderman", "Warden"])
def test_local_public_offices_are_titles(nlp, title):
    text = f"City {title} Janette Bowerly certified the count on Monday. Bowerly said it was final."
    ann, _ = _annotate(nlp, text)
    people = [m for m in ann.mentions if m.label == "PERSON" and "Bowerly" in m.text]
    assert people and people[0].text == "Janette Bowerly" and title in (people[0].title or "")


def test_appositive_title_after_name(nlp):
    text = "The plan was welcomed by Igor Petrov, Russia's foreign minister, on Tuesday."
    ann, _ = _annotate(nlp, text)
    petrov = [m for m in ann.mentions if m.label == "PERSON" and m.text == "Igor Petrov"]
    assert petrov and petrov[0].title == "Russia's Foreign Minister"


def test_honorific_mention_gets_full_name(nlp):
    text = "Prime Minister Shinzo Abe flew to Delhi. Mr. Abe met business leaders there."
    ann, _ = _annotate(nlp, text)
    abes = [m for m in ann.mentions if m.label == "PERSON" and m.span.start > text.index("Mr.")]
    assert abes and abes[0].canonical == "Shinzo Abe"


_COUPLE = (
    "Former Governor Robert Hallworth spoke first. Robert Hallworth thanked the crowd, and his wife, "
    "Susan Hallworth, spoke next. Mrs. Hallworth said the campaign was strong. Mr. Hallworth agreed."
)
_WIFE_ONLY = "The first lady, Susan Hallworth, opened the fair on Monday. Mr. Hallworth was in Denver."


@pytest.mark.parametrize("text, title, canonical", [
    (_COUPLE, "Mrs.", "Susan Hallworth"),  # a couple named in full: the wife, though the husband is named more
    (_COUPLE, "Mr.", "Robert Hallworth"),
    (_WIFE_ONLY, "Mr.", "Hallworth"),  # only the wife named in full: someone else, decided across pages
])
def test_courtesy_title_takes_no_full_name_of_the_other_gender(nlp, text, title, canonical):
    ann, _ = _annotate(nlp, text)
    after = [m for m in ann.mentions if m.text == "Hallworth" and text[:m.span.start].endswith(title + " ")]
    assert after and after[0].canonical == canonical


def test_surname_tagged_org_becomes_person(nlp):
    text = (
        "Foreign Minister Sergei Ryabkov met the envoy. The envoy and Ryabkov spoke for an hour. "
        "Officials said Ryabkov was pleased."
    )
    ann, _ = _annotate(nlp, text)
    for m in ann.mentions:
        if m.text == "Ryabkov":
            assert m.label == "PERSON", m
            assert m.canonical == "Sergei Ryabkov"


def test_relative_named_in_full_and_tagged_org_is_a_person(nlp):
    # the tagger calls the wife an organisation; her given name and her husband's surname make her a
    # person, so "Mrs. <Surname>" takes her name, not a namesake's on another page
    text = "A year later, the president called Mina Abedzadeh. Her husband, Saeed Abedzadeh, was free. Mrs. Abedzadeh wrote on her page."
    ann, _ = _annotate(nlp, text)
    assert [m.label for m in ann.mentions if m.text == "Mina Abedzadeh"] == ["PERSON"]
    assert [m.canonical for m in ann.mentions if m.text == "Abedzadeh"] == ["Mina Abedzadeh"]


@pytest.mark.parametrize("name, relative", [
    ("Mina Abedzadeh", True), ("Stop Abedzadeh", False), ("Indiana Abedzadeh", False), ("General Abedzadeh", False)])
def test_a_relative_needs_a_known_given_name(name, relative):
    from dossier.nlp.mentions import _relative_of

    assert _relative_of(name, {"Abedzadeh"}) is relative


def test_a_ships_name_is_a_vessel_not_a_person_or_place(nlp):
    # ships are named after people and places; the prefix or the vessel noun on first reference
    # says it is a ship, and the later bare name is the same ship (the prefix is no part of the name)
    text = ("The navy said INS Kaveri intercepted two boats. The frigate Tarangini escorted MV Sundari to port. "
            "Kaveri then returned to Mumbai, and Sundari sailed on.")
    ann, _ = _annotate(nlp, text)
    for name in ("Kaveri", "Tarangini", "Sundari"):
        got = [m for m in ann.mentions if m.text == name]
        assert got and all(m.label == "PRODUCT" for m in got), (name, got)
    assert not any(m.text.startswith(("INS", "MV")) for m in ann.mentions)


def test_name_before_islands_is_a_place(nlp):
    text = "Fishing boats sailed past the Tarakan Islands. The Tarakan Islands are disputed."
    ann, _ = _annotate(nlp, text)
    assert not [m for m in ann.mentions if "Tarakan" in m.text and m.label == "PERSON"]


def test_list_of_islands_are_places(nlp):
    text = (
        "Japan claims the islands of Kunashiri, Etorofu, Habomai and Shikotan. "
        "Russia controls Habomai and Shikotan."
    )
    ann, _ = _annotate(nlp, text)
    names = [m for m in ann.mentions if m.text in ("Kunashiri", "Etorofu", "Habomai", "Shikotan")]
    assert len(names) >= 5
    assert all(m.label in ("LOC", "GPE") for m in names), [(m.text, m.label) for m in names]


def test_pronoun_speaker_points_to_person(nlp):
    text = 'Prime Minister Mark Rutte arrived late. "We need a deal," he said.'
    ann, _ = _annotate(nlp, text)
    prons = [m for m in ann.mentions if m.label == "PRON"]
    assert len(prons) == 1
    assert prons[0].text == "he" and prons[0].canonical == "Mark Rutte"
    assert prons[0].rule == "pronoun-speaker" and prons[0].confidence < 1


def test_pronoun_it_points_to_organisation(nlp):
    text = "The World Health Organization published new data on Friday. It said cases were falling."
    ann, _ = _annotate(nlp, text)
    prons = [m for m in ann.mentions if m.label == "PRON"]
    assert prons and prons[0].canonical == "World Health Organization"


def test_pronoun_not_subject_of_speech_verb_is_ignored(nlp):
    text = "Prime Minister Mark Rutte arrived late. He ate lunch."
    ann, _ = _annotate(nlp, text)
    assert not [m for m in ann.mentions if m.label == "PRON"]


def test_title_only_mention_points_to_titled_person(nlp):
    text = (
        "Japanese Foreign Minister Taro Aso met Chinese Foreign Minister Wang Yi in Beijing. "
        "Later the Chinese foreign minister left for Seoul."
    )
    ann, _ = _annotate(nlp, text)
    titles = [m for m in ann.mentions if m.label == "TITLE"]
    assert titles and titles[0].canonical == "Wang Yi"
    assert titles[0].confidence < 1


def test_a_bare_title_is_not_the_subordinate_office(nlp):
    # "the president" is not the vice president named before it; "the minister" may be the foreign minister
    text = "Vice President Tom Alder spoke in Ohio. Later the president signed the bill."
    ann, _ = _annotate(nlp, text)
    assert not [m for m in ann.mentions if m.label == "TITLE" and m.canonical == "Tom Alder"]
    from dossier.nlp.mention_titles import same_office

    assert same_office("foreign minister", "minister") and same_office("president", "president")
    assert not same_office("vice president", "president") and not same_office("lieutenant governor", "governor")


def test_a_bare_title_is_a_head_noun_and_an_abbreviated_title_its_office(nlp):
    from dossier.nlp.cues import role_head
    from dossier.nlp.mention_titles import same_office

    assert role_head("Adm.") == "admiral" and role_head("Gov.") == "governor"
    assert not same_office("attorney general", "general") and same_office("attorney general", "attorney general")
    text = ("Attorney General Ann Lowe leads. The party could be shut out of the general election. "
            "Adm. Walt B. Brenner Jr. spoke. Admiral Brenner said so. The admiral left.")
    ann, _ = _annotate(nlp, text)
    titles = [(m.text, m.canonical) for m in ann.mentions if m.label == "TITLE"]
    assert ("admiral", "Walt B. Brenner Jr.") in titles and not [t for t in titles if t[0] == "general"], titles
    (bare,) = [m for m in ann.mentions if m.text == "Brenner"]
    assert bare.canonical == "Walt B. Brenner Jr."  # 'Admiral <Surname>' is the page's 'Adm.', not a namesake


def test_a_former_holder_of_a_place_is_the_one_of_that_place(nlp):
    text = ("Former Maryland Gov. Tom Alder spoke. Former South Carolina Gov. Walt Brenner agreed. "
            "Later the former Maryland governor left.")
    ann, _ = _annotate(nlp, text)
    titles = [(m.text, m.canonical) for m in ann.mentions if m.label == "TITLE"]
    assert titles == [("former Maryland governor", "Tom Alder")], titles  # not the former governor named last


def test_an_abbreviated_title_after_an_organisation_is_the_next_names(nlp):
    text = "Oregon State Police Lt. Gregg Hastings said the bomb went off. Trooper William Hakim was hurt."
    ann, _ = _annotate(nlp, text)
    assert "Oregon State Police" in {m.text for m in ann.mentions if m.label == "ORG"}
    assert not [m for m in ann.mentions if m.label == "ORG" and m.text.endswith("Lt")]
    from dossier.nlp.cues import ROLE_NOUNS

    assert {"trooper", "lieutenant", "sergeant"} <= ROLE_NOUNS


def test_a_year_before_a_title_is_part_of_it_unless_it_dates_the_clause(nlp):
    ann, _ = _annotate(nlp, "Voters backed 2012 Republican nominee Walt Brenner. In 2012 President Tom Alder won.")
    titles = {m.text: m.title for m in ann.mentions if m.label == "PERSON"}
    assert titles["Walt Brenner"] == "2012 Republican Nominee" and titles["Tom Alder"] == "President"


def test_a_title_ends_at_a_comma_and_keeps_a_hyphenated_word_whole(nlp):
    text = ("After the 2012 loss to Obama, party Chairman Reince Priebus spoke. The vice-president Joe Biden "
            "agreed. Former ex-President Walt Brenner left.")
    ann, _ = _annotate(nlp, text)
    titles = {m.text: m.title for m in ann.mentions if m.label == "PERSON"}
    assert titles["Reince Priebus"] == "party Chairman"  # not 'Obama , party Chairman' (a comma tagged ORG)
    assert titles["Joe Biden"] == "Vice President"  # not 'President': the hyphen split the word
    assert titles["Walt Brenner"] == "President"  # 'ex-' stays out of it, read as past from the text before
    ann, _ = _annotate(nlp, "Virginia AFL-CIO President Tom Alder spoke. Norvik News’ Political Editor Ann Lowe wrote.")
    titles = {m.text: m.title for m in ann.mentions if m.label == "PERSON"}
    assert titles["Tom Alder"] == "Virginia AFL-CIO President"  # a hyphen inside a name stays written
    assert titles["Ann Lowe"].endswith("Political Editor") and "News" in titles["Ann Lowe"]  # a lone possessive apostrophe


def test_annotate_many_matches_single(nlp):
    docs = [
        Document(id=f"d{i}", source="t", text=t)
        for i, t in enumerate(["President Joe Biden spoke in Ohio.", "Biden said 17 percent of voters agreed."])
    ]
    many = list(annotate_many(docs, nlp, batch_size=2))
    assert [a.doc_id for a, _ in many] == ["d0", "d1"]
    for doc, (ann, _) in zip(docs, many):
        single, _ = annotate_document(doc, nlp)
        assert ann.mentions == single.mentions and ann.figures == single.figures


def test_parse_false_uses_senter(nlp):
    text = "Talks Stall Again\n\nThe ministers met in Geneva. They agreed on nothing."
    ann, sdoc = annotate_document(Document(id="d", source="t", text=text), nlp, parse=False)
    assert len(ann.sentences) == 3
    assert not sdoc.has_annotation("DEP")


@pytest.mark.slow
def test_parse_false_never_reads_a_parse_it_has_not(tmp_path):
    """Without the parser spaCy crashes the process (not an exception) when a token's children are
    read; `make bench` runs this mode on the first 100 train texts of the quotes corpus, which is
    where it crashed. Run in a child process so a crash fails this test instead of the suite."""
    import subprocess
    import sys

    data = Path(__file__).resolve().parents[4] / "shared" / "data" / "quotes" / "train" / "text"
    if not data.is_dir():
        pytest.skip("shared data not beside the project")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dossier.model import Document\n"
        "from dossier.nlp.annotate import annotate_many\n"
        "from dossier.nlp.pipeline import load_pipeline\n"
        f"files = sorted(Path({str(data)!r}).glob('*.txt'))[:100]\n"
        "docs = [Document(id=p.stem, source=p.name, text=p.read_text(encoding='utf-8', errors='replace')) for p in files]\n"
        "print(len(list(annotate_many(docs, load_pipeline(), parse=False))))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "100"


def test_times_come_from_timex_when_present(nlp, monkeypatch):
    import dossier.nlp.annotate as annotate

    sentinel = ("t",)
    monkeypatch.setattr(annotate, "find_times", lambda doc: sentinel)
    ann, _ = annotate.annotate_document(Document(id="d", source="t", text="It rained."), nlp)
    assert ann.times == sentinel


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text(nlp, text):
    ann, _ = _annotate(nlp, text)
    assert ann.sentences == () and ann.mentions == () and ann.figures == ()
