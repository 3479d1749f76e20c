"""Page-level repairs of the name tagger: missed surnames, and glued names cut only at real places."""

from __future__ import annotations

from dossier.nlp.mention_cands import _Cand, missed_surnames, split_glued_names


def _cand(doc, text: str, label: str, nth: int = 0) -> _Cand:
    starts = [t.i for t in doc if doc[t.i : t.i + len(text.split())].text == text]
    i = starts[nth]
    return _Cand(doc[i : i + len(text.split())], label)


def test_a_lone_surname_of_a_full_name_on_the_page_is_a_person(nlp):
    doc = nlp("Ann Veltrop spoke on Monday. Later, Veltrop left for Oslo. President Veltrop smiled.")
    found = missed_surnames([_cand(doc, "Ann Veltrop", "PERSON")])
    assert [(c.span.text, c.label, c.rule) for c in found] == [("Veltrop", "PERSON", "doc-surname-missed")] * 2


def test_a_surname_inside_another_name_or_a_compound_name_is_left_alone(nlp):
    doc = nlp("Ann Veltrop spoke. The Veltrop Foundation paid, and Bo Veltrop and the Smith-Veltrop plan too.")
    cands = [_cand(doc, "Ann Veltrop", "PERSON")]
    assert missed_surnames(cands) == []
    # a covered word is the tagger's own mention
    assert missed_surnames([*cands, _cand(doc, "Veltrop", "ORG", 1)]) == []


def test_a_glued_name_is_cut_only_before_a_real_country_or_capital(nlp):
    doc = nlp("They met Ann Merk Germany and Germany. Bo Veltrop spoke in Veltrop.")
    glued = split_glued_names([_cand(doc, "Ann Merk Germany", "PERSON"), _cand(doc, "Germany", "GPE", 1)])
    assert [(c.span.text, c.label) for c in glued[:2]] == [("Ann Merk", "PERSON"), ("Germany", "GPE")]
    # a surname the tagger once called a place is no place to cut a name at
    kept = split_glued_names([_cand(doc, "Bo Veltrop", "PERSON"), _cand(doc, "Veltrop", "GPE", 1)])
    assert [(c.span.text, c.label) for c in kept] == [("Bo Veltrop", "PERSON"), ("Veltrop", "GPE")]


def test_a_given_name_and_a_country_name_is_a_full_name_not_a_glued_one(nlp):
    # '<Given> Jordan' beside a lone 'Jordan' the tagger called a place: a person named so, kept whole
    doc = nlp("They fired Eddie Jordan on Monday. Jordan said little.")
    kept = split_glued_names([_cand(doc, "Eddie Jordan", "PERSON"), _cand(doc, "Jordan", "GPE", 1)])
    assert [(c.span.text, c.label) for c in kept] == [("Eddie Jordan", "PERSON"), ("Jordan", "GPE")]


def test_a_time_zone_after_a_clock_time_is_part_of_the_time_not_an_organisation(nlp):
    from spacy.tokens import Span

    from dossier.nlp.mentions import find_mentions, zone_after_clock

    doc = nlp("The quake struck at 0930 GMT on Tuesday, or 10:30 BST. The GMT party and Bst Holdings met.")
    spans = {(t.i, t.text) for t in doc if t.text in ("GMT", "BST")}
    after = {text: zone_after_clock(Span(doc, i, i + 1, label="ORG")) for i, text in spans if i < 12}
    assert after == {"GMT": True, "BST": True}
    later = next(t.i for t in doc if t.text == "GMT" and t.i > 12)
    assert not zone_after_clock(Span(doc, later, later + 1, label="ORG"))  # no clock before: maybe a name
    texts = [m.text for m in find_mentions(doc, "d", doc.text)]
    assert texts.count("GMT") <= 1 and "BST" not in texts


def test_an_acronym_heading_an_indefinite_noun_phrase_is_marked_a_class_use(nlp):
    from dossier.model import CLASS_USE
    from dossier.nlp.mentions import find_mentions

    def rules(s: str) -> list[tuple[str, str]]:
        return [(m.text, m.rule) for m in find_mentions(nlp(s), "d", s) if m.text.isupper()]

    assert rules("He was arrested for a prior DUI in March. The DUI charge was dropped.") == [
        ("DUI", CLASS_USE), ("DUI", "ner")]
    assert ("ATM", CLASS_USE) in rules("He drove into an ATM outside the bank.")
    # the determiner of the head noun, not of the acronym: a name
    assert rules("The FBI opened an investigation. An FBI agent spoke.") == [("FBI", "ner"), ("FBI", "ner")]


def test_an_abbreviated_title_without_its_period_is_peeled_into_the_role(nlp):
    from dossier.nlp.mentions import find_mentions

    def found(s: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.title) for m in find_mentions(nlp(s), "d", s) if m.label == "PERSON"]

    assert found("Insp Gaskin said the climbers were found.") == [("Gaskin", "Insp")]
    assert found("Lt Col John Smith spoke.") == [("John Smith", "Lt Col")]
    assert found("Ohio Gov. John Kasich spoke.") == [("John Kasich", "Ohio Gov.")]
    # with its period, an abbreviation spaCy's exceptions lack is one token, not a sentence end
    assert found("Police Capt. John Smith said the man was held.") == [("John Smith", "Capt.")]
    assert found("Det. Ann Roe spoke.") == [("Ann Roe", "Det.")]
    assert found("Workers hid nearby.\n\nCpl. Ann Roe, a dispatcher, spoke.") == [("Ann Roe", "Cpl.")]
    # an office stated in apposition says more than a title of address before the name
    assert found("Sen. Ann Roe, chairman of the Senate Judiciary Committee, spoke.") == [
        ("Ann Roe", "Chairman of the Senate Judiciary Committee")]


def test_a_portfolio_after_role_of_is_the_office_not_a_body(nlp):
    from dossier.nlp.mentions import find_mentions

    def found(s: str) -> list[str]:
        return [m.text for m in find_mentions(nlp(s), "d", s)]

    assert "State" not in found("Former Secretary of State Ann Roe spoke.")
    assert "Treasury" not in found("He met the Secretary of the Treasury on Monday.")
    assert found("The Department of State said so.") == ["Department of State"]  # a body's own name
    assert "Russia" in found("The president of Russia spoke.")  # whom the role is of
    assert "House" in found("The Speaker of the House spoke.")  # a body, no portfolio


def test_a_portfolio_before_a_role_noun_is_part_of_the_title(nlp):
    from dossier.nlp.mentions import find_mentions

    s = "Interior Secretary Ann Roe said the Interior Department agreed."
    assert [(m.text, m.title) for m in find_mentions(nlp(s), "d", s)] == [
        ("Ann Roe", "Interior Secretary"), ("Interior Department", None)]
    from spacy.tokens import Span as SpacySpan

    from dossier.nlp.mentions import portfolio_of_title
    doc = nlp("U.S. Army Capt. Ann Roe spoke.")  # a body named before a title stays
    assert not portfolio_of_title(SpacySpan(doc, 0, 2, label="ORG"))


def test_a_plural_name_after_the_is_a_group_not_a_person(nlp):
    from spacy.tokens import Span as SpacySpan

    from dossier.nlp.mention_cands import _Cand
    from dossier.nlp.mentions import correct_local

    doc = nlp("It was a bad night for the Roes, said Ann Roe.")
    roes = next(i for i, t in enumerate(doc) if t.text == "Roes")
    cands = [_Cand(SpacySpan(doc, roes, roes + 1, label="PERSON"), "PERSON")]
    assert [c.label for c in correct_local(cands)] == ["ORG"]
    ann = next(i for i, t in enumerate(doc) if t.text == "Ann")
    assert [c.label for c in correct_local([_Cand(SpacySpan(doc, ann, ann + 2, label="PERSON"), "PERSON")])] == ["PERSON"]
    doc = nlp("It was the Ann Roes premiere.")  # a full name ending in s is no plural
    ann = next(i for i, t in enumerate(doc) if t.text == "Ann")
    assert [c.label for c in correct_local([_Cand(SpacySpan(doc, ann, ann + 2, label="PERSON"), "PERSON")])] == ["PERSON"]


def test_a_player_position_or_a_coach_before_a_name_is_a_role(nlp):
    from dossier.nlp.mentions import find_mentions

    s = "Quarterback Ann Roe threw twice, and coach Bo Lee smiled."
    assert [(m.text, m.title) for m in find_mentions(nlp(s), "d", s) if m.label == "PERSON"] == [
        ("Ann Roe", "Quarterback"), ("Bo Lee", "Coach")]
