"""Who can be a quote's speaker (issue 14, quotes round 7): a name in a prepositional adjunct, a
place or a date is never the subject the parse lost."""

from __future__ import annotations

from dossier.extract.quotes import find_quotes
from dossier.model import Document, Quote
from dossier.nlp.annotate import annotate_document


def _direct(nlp, text: str) -> list[Quote]:
    doc = Document(id="t", source="t", text=text)
    annots, sdoc = annotate_document(doc, nlp)
    return [q for q in find_quotes(doc, sdoc, annots.mentions) if q.kind == "direct"]


def _quote(quotes: list[Quote], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text for q in quotes]}"
    return found[0]


def _span(text: str, q: Quote) -> str | None:
    return text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None


def test_a_place_in_an_adjunct_is_not_the_lost_subject(nlp):
    # the parse hangs "Dana Whitfield" from the previous line and gives "said" no subject
    text = ("Paul Rennick is keeping up his criticism on his rivals in the hours before the first Super Tuesday polls \n"
            "Dana Whitfield, in Ohio, said Tuesday that Rennick was \u201ca total lightweight\u201d while Lee Marsh is "
            "\u201ca basket case.\u201d")
    quotes = _direct(nlp, text)
    assert quotes and all(_span(text, q) == "Dana Whitfield" for q in quotes), [(q.text, _span(text, q)) for q in quotes]


def test_a_date_in_an_adjunct_is_not_the_lost_subject(nlp):
    text = ("Much of Beck\u2019s ire was also directed at Marsh, who Beck on Wednesday called "
            "\u201ca horrible, despicable human being.\u201d")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "Beck"


def test_inverted_clause_subject_is_the_noun_after_the_verb(nlp):
    # the parse makes "the woman" the subject of the relative clause's verb and leaves "said" bare
    text = ("At a drugstore near the mosque, a cashier was shaken by the talk she has heard. "
            '"One guy came in and said maybe we should start fighting them," said the woman, who like many '
            "in the town did not want to be quoted by name.")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "the woman"


def test_tail_clause_the_tagger_misreads_names_the_speaker(nlp):
    # "read" is tagged a noun and "editorial" an adjective: no verb, no subject in the parse
    text = ("The editors aimed their Friday editorial at the governor.\n\n"
            "\u201cIf she wants to be the next president, she should act like one, and come to the coast,\u201d "
            "the editorial read.")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "the editorial"


def test_tail_clause_with_an_age_descriptor(nlp):
    # the tagger takes "the 43-year-old" for a date and "asked" for a participle hanging from it
    text = ("The actor posted the clip on Thursday.\n\n"
            "\u201cWhat if the senator had elocution lessons?\u201d the 43-year-old asked in the video\u2019s description.")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "the 43-year-old"


def test_a_shout_reports_the_quote_before_it(nlp):
    text = ("Supporters cheered and waved signs. Dawson smiled and lifted a sign of her own.\n\n"
            '"I am still with him," it read.\n\n'
            '"All the way!" Dawson shouted, shorthand for taking the fight all the way to the convention floor.')
    q = _quote(_direct(nlp, text), "All the way")
    assert _span(text, q) == "Dawson"


def test_a_wondering_staffer_asks_the_question(nlp):
    text = ('He was animated on stage this morning, saying "Zip codes should not determine destiny."\n\n'
            '"Will he be the next attorney general?" a Democratic staffer in the room wondered.')
    q = _quote(_direct(nlp, text), "Will he be")
    assert _span(text, q) in ("a Democratic staffer", "staffer", "a Democratic staffer in the room")


def test_she_skips_a_man_the_page_binds_his_to(nlp):
    # no honorific gives a gender; "his products" in the clause whose subject Rennick is does
    text = ("Dana Whitfield questioned the doctor at a hearing in May. Paul Rennick defended his products "
            "on Tuesday.\n\n\u201cThe science is against you,\u201d she said.")
    (q,) = _direct(nlp, text)
    assert q.speaker == "Dana Whitfield"


def test_a_pronoun_in_someone_elses_clause_gives_no_gender(nlp):
    from dossier.extract.quotes import name_genders

    text = "Paul Rennick said she would win. Rennick and her mother met on Tuesday. Rennick's wife thanked her staff."
    doc = Document(id="t", source="t", text=text)
    annots, sdoc = annotate_document(doc, nlp)
    assert "f" not in name_genders(text, annots.mentions, sdoc).values()
    text = "Paul Rennick thanked his staff on Monday."
    doc = Document(id="t", source="t", text=text)
    annots, sdoc = annotate_document(doc, nlp)
    assert name_genders(text, annots.mentions, sdoc) == {"Paul Rennick": "m"}


def test_a_referent_taken_for_she_is_no_antecedent_of_he(nlp):
    text = ("Paul Rennick thanked his staff on Monday. The meeting was called by Lee Marsh, who runs the union.\n\n"
            '"We are ready," she said.\n\n"So are we," he said.')
    speakers = [q.speaker for q in _direct(nlp, text)]
    assert speakers == ["Lee Marsh", "Paul Rennick"]


def test_a_dash_line_below_a_quote_paragraph_signs_it(nlp):
    # the fact-check layout: the claim quoted alone, its speaker on the next line
    text = ("We review the claims made in the debate.\n\n"
            '"Companies like these pay zero taxes, and everyone in this room knows it."\n\n'
            "- Rennick.\n\nThis is a complex issue, subject to fierce debate.\n\n"
            '"Great speech. She is tested. She is ready. She never quits."\n\n'
            "-Senator Dana Whitfield, tweeting after the speech.\n\n"
            '"We will not accept it, and we will say so in every town."\n\n'
            "- Lee Marsh explains why the plan failed.")
    quotes = _direct(nlp, text)
    assert _span(text, _quote(quotes, "Companies")) == "Rennick"
    assert _span(text, _quote(quotes, "Great speech")) == "Senator Dana Whitfield"
    assert _quote(quotes, "We will not").rule != "dash-signature", "a list item after a quote signs nothing"


def test_a_retort_with_back_reports_the_quote(nlp):
    text = ("After former Gov. Paul Rennick criticized her husband during a debate, Whitfield shot back, "
            "\u201cI suppose I could have stayed home, but I chose to fulfill my profession.\u201d")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "Whitfield"
    assert text[q.cue_span.start : q.cue_span.end] == "shot back"


def test_a_name_opening_a_long_apposition_is_the_tail_subject(nlp):
    text = ("Senator Dana Whitfield praised the reporter at a press conference on Monday.\n\n"
            "\u201cVery good reporter, very good reporter this guy,\u201d Whitfield, the party\u2019s frontrunner nationally "
            "and current polling leader in the state by a wide margin after winning the first primaries, said when "
            "the reporter asked her a question.")
    (q,) = _direct(nlp, text)
    assert _span(text, q) == "Whitfield"
    assert q.rule == "quote-then-cue"


def test_a_quoted_name_inside_the_reporting_clause_does_not_cut_it(nlp):
    text = ("Not everyone was claiming success.\n\n"
            "\u201cWe\u2019ve had more successful conventions than this one,\u201d Texas delegate Bill Eastland, wearing "
            "a cowboy hat and \u201cLee Marsh\u201d campaign pins, said matter-of-factly.")
    q = _quote(_direct(nlp, text), "We\u2019ve had")
    assert _span(text, q) == "Texas delegate Bill Eastland"


def test_a_participle_hung_on_the_reported_clause_is_the_reporters(nlp):
    text = ("In a 2014 interview with the magazine, Whitfield insisted it was \u201cpremature\u201d to back the "
            "campaign while adding on climate matters, \u201cI don\u2019t have any doubt that her heart is in the "
            "right place on the issue.\u201d")
    q = _quote(_direct(nlp, text), "I don")
    assert _span(text, q) == "Whitfield"


def test_a_reporting_verb_in_the_reported_clause_keeps_its_own_subject(nlp):
    text = ("Rennick cannot say that \u201cfrom his perspective,\u201d Marsh added, saying it should be "
            "\u201cup to the prosecutor to move forward or not.\u201d")
    q = _quote(_direct(nlp, text), "up to the")
    assert _span(text, q) == "Marsh"
