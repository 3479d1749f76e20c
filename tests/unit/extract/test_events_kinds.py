"""The generic kind inventory (events_kinds) and the senses of its ambiguous words (events_senses):
one sentence per class added from the ACE 2005 inventory and the news kinds ACE lacks, and one per
ambiguity guard (the word in a sense that is no event, or an event of another kind)."""

from __future__ import annotations

import pytest
from test_events_support import make_doc, with_events

from dossier.extract.events_kinds import CONSTRUCTIONS, GENERIC_GROUPS, NOUN_KIND, VERB_KIND, third_person
from dossier.extract.events_parse import trigger_kind


def _kind_of(nlp, text: str, word: str) -> str | None:
    """The kind ``trigger_kind`` gives the first token ``word`` of ``text``."""
    tok = next(t for t in nlp(text) if t.text == word)
    return trigger_kind(tok)


def _events(nlp, text: str, published: str = "2013-05-08") -> list[tuple[str, str]]:
    return [(e.kind, e.summary) for e in with_events(make_doc(text, published), nlp).events]


@pytest.mark.parametrize(("text", "word", "kind"), [
    # ACE Conflict.Attack, Life.Die / Injure, and kidnapping
    ("Gunmen assassinated Governor John Smith on Friday.", "assassinated", "attack"),
    ("Gunmen kidnapped John Smith near the border.", "kidnapped", "kidnapping"),
    ("Twelve miners perished in the flood.", "perished", "death"),
    # Transaction.Transfer-Money, Business.Declare-Bankruptcy / End-Org
    ("Acme Corp donated $5 million to the Red Cross.", "donated", "payment"),
    ("Acme Corp filed for bankruptcy on Monday.", "filed", "bankruptcy"),
    ("Acme Corp shuttered its last factory.", "shuttered", "closure"),
    # Justice: appeal, release-parole, pardon, execute, extradite, fine, trial-hearing
    ("John Smith appealed the verdict on Monday.", "appealed", "appeal"),
    ("The rebels freed John Smith on Tuesday.", "freed", "release"),
    ("Governor Jones pardoned John Smith.", "pardoned", "pardon"),
    ("Texas executed John Smith on Tuesday.", "executed", "execution"),
    ("Spain extradited John Smith to France.", "extradited", "extradition"),
    ("The regulator fined Acme Corp $5 million.", "fined", "verdict"),
    ("John Smith was tried for murder in 2010.", "tried", "trial"),
    ("John Smith was taken into custody on Monday.", "taken", "arrest"),
    ("John Smith pleaded guilty to fraud on Friday.", "pleaded", "verdict"),
    # Personnel: start / end position
    ("Senator John Smith stepped down on Friday.", "stepped", "resignation"),
    ("John Smith was cast as the villain in the new film.", "cast", "appointment"),
    ("Jones picked John Smith as his running mate.", "picked", "appointment"),
    ("John Smith was sworn in on Monday.", "sworn", "appointment"),
    ("Acme Corp laid off 500 workers on Monday.", "laid", "dismissal"),
    # Life.Marry / Divorce / Be-Born
    ("John Smith married Jane Doe in Rome on Saturday.", "married", "marriage"),
    ("Jane Doe filed for divorce on Monday.", "filed", "divorce"),
    ("Jane Doe gave birth to a son on Monday.", "gave", "birth"),
    # news kinds ACE lacks: votes on laws, sports results, health, outages, labour strikes
    ("The Senate passed the bill on Tuesday.", "passed", "legislation"),
    ("President Jones vetoed the bill on Friday.", "vetoed", "legislation"),
    ("John Smith retained his title in Las Vegas.", "retained", "result"),
    ("John Smith was rushed to hospital on Sunday.", "rushed", "health"),
    ("Fishermen cut the undersea cables on Monday.", "cut", "outage"),
    ("Dock workers went on strike on Monday.", "went", "strike"),
    ("John Smith was found dead in his hotel room.", "found", "death"),
    ("Three fishermen were presumed dead after the storm.", "presumed", "death"),
    ("Former President John Smith passed away on Sunday.", "passed", "death"),
    # sports roster moves (a team's personnel changes)
    ("The Jets traded John Smith to the Bills.", "traded", "roster"),
    ("The Bills waived John Smith on Tuesday.", "waived", "roster"),
    ("The Jets placed John Smith on injured reserve on Monday.", "placed", "roster"),
])
def test_added_class_is_found(nlp, text, word, kind):
    assert _kind_of(nlp, text, word) == kind


@pytest.mark.parametrize(("text", "word", "kind"), [
    # a word of the inventory in the sense that is another kind
    ("John Smith suffered a heart attack at his home.", "attack", "health"),
    ("Dock workers began a strike at the port.", "strike", "strike"),
    ("Jets carried out a strike on the base.", "strike", "attack"),
    ("The prisoners began a hunger strike.", "strike", "protest"),
    ("The rebels released John Smith on Tuesday.", "released", "release"),
    ("The band released a new album on Tuesday.", "released", "launch"),
    ("The doctor declared John Smith dead at the scene.", "declared", "death"),
    # ... or in a sense that is no event
    ("Voters cast their ballots on Tuesday.", "cast", None),
    ("Jones cast John Smith as an outsider.", "cast", None),
    ("The firm retained a lawyer.", "retained", None),
    ("The striker passed the ball to Jones.", "passed", None),
    ("Fans paid tribute to John Smith.", "paid", None),
    ("The team executed the plan perfectly.", "executed", None),
    ("The execution of the plan was flawless.", "execution", None),
    ("The mayor appealed for calm.", "appealed", None),
    ("Jones picked John Smith up at the airport.", "picked", None),
    ("The suit named John Smith in its first count.", "named", None),
    ("The government cut taxes last year.", "cut", None),
    ("Shares of Acme Corp traded at five dollars.", "traded", None),
    ("The city waived the fee for John Smith.", "waived", None),
    ("The first sentence of the article is wrong.", "sentence", None),
    ("Jones won the election in a landslide.", "landslide", None),
    ("John Smith was sentenced to life without parole.", "parole", None),
    ("Gunmen opened fire on a crowd.", "fire", None),  # the attack is the verb's, not a blaze
    ("The jury found John Smith guilty of murder.", "murder", None),  # the charge of the verdict
    # session 7: senses need their arguments
    ("John Smith had his number retired on Monday.", "retired", None),  # a causative's complement
    ("His number was retired by the team in 1995.", "retired", None),  # a passive: a thing retired
    ("Dr. Smith retired the debt in 2010.", "retired", None),  # a transitive retire
    ("John Smith resigned on Monday after the scandal.", "resigned", "resignation"),
    ("The opposition won a landslide in Burma on Sunday.", "landslide", None),  # won, not befallen
    ("The record shows 46 wins by knockout.", "wins", None),  # a tally, not one contest
    ("The military takeover in Thailand drew protests.", "takeover", "attack"),  # a coup
    ("Acme's takeover of Widgetco was completed on Monday.", "takeover", "deal"),
    ("The video captured the horrific moment of the crash.", "captured", None),  # no one arrested
    ("Police captured the suspect on Monday.", "captured", "arrest"),
    ("Jones helped rally the team from a 5-19 start.", "rally", None),  # gathering others
    ("Feig will oversee the sequel for Summit Entertainment.", "Summit", None),  # a word of a name
])
def test_ambiguity_guard(nlp, text, word, kind):
    assert _kind_of(nlp, text, word) == kind


def test_a_sentence_with_a_penalty_is_a_verdict(nlp):
    assert _kind_of(nlp, "John Smith received a life sentence on Monday.", "sentence") == "verdict"
    assert _kind_of(nlp, "Acme Corp paid a $5 million fine.", "fine") == "verdict"


def test_construction_is_named_with_its_words(nlp):
    evs = _events(nlp, "Senator John Smith stepped down on Friday.")
    assert ("resignation", "John Smith steps down") in evs, evs
    evs = _events(nlp, "Acme Corp filed for bankruptcy on Monday.")
    assert ("bankruptcy", "Acme Corp files for bankruptcy") in evs, evs


def test_inventory_is_consistent():
    """Every kind the inventory gives can merge with itself, and a construction's kind exists."""
    grouped = set().union(*GENERIC_GROUPS) | {"protest"}
    kinds = {k for k, _ in VERB_KIND.values()} | {k for k, _ in NOUN_KIND.values()}
    kinds |= {kind for rules in CONSTRUCTIONS.values() for _, _, kind in rules}
    assert kinds <= grouped, kinds - grouped
    assert third_person("veto") == "vetoes" and third_person("buy") == "buys"
