"""find_times / renormalize on the brief's examples, with a fixed anchor (Monday 2019-02-18)."""

from __future__ import annotations

import pytest

from dossier.date.timex import find_times, parse_anchor, renormalize, tense_at

ANCHOR = "2019-02-18"


def one(text: str, anchor: str | None = ANCHOR):
    times = find_times(text, anchor, doc_id="d1")
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("They met in Munich on Feb. 16 and failed.", "Feb. 16", "2019-02-16"),
        ("He is to meet his counterpart January 16 in Moscow.", "January 16", "2019-01-16"),
        ("She was born 16 January 2001 in Kyiv.", "16 January 2001", "2001-01-16"),
        ("Last Updated: 07/27/2016", "07/27/2016", "2016-07-27"),
        ("The leaders agreed last November to go on.", "last November", "2018-11"),
        ("In November last year, the two agreed.", "November last year", "2018-11"),
        ("Figures released earlier this month show growth.", "earlier this month", "2019-02"),
        ("Talks resumed late last week in Moscow.", "late last week", "2019-W07"),
        ("It followed this past September's summit.", "this past September", "2018-09"),
        ("The leaders met Tuesday in Moscow.", "Tuesday", "2019-02-12"),
        ("The leaders will meet Tuesday in Moscow.", "Tuesday", "2019-02-19"),
        ("He returns next week.", "next week", "2019-W09"),
        ("They are expected to meet next month.", "next month", "2019-03"),
        ("A deal by the end of the year is unlikely.", "the end of the year", "2019"),
        ("In 1997, the leaders pledged a treaty.", "1997", "1997"),
        ("Prices rose in the 1990s.", "the 1990s", "199"),
        ("He said yesterday that talks failed.", "yesterday", "2019-02-17"),
        ("The minister said today that talks failed.", "today", "2019-02-18"),
        ("The talks are now stalled.", "now", "PRESENT_REF"),
        ("Scheduled for Feb. 20, the speech will matter.", "Feb. 20", "2019-02-20"),
    ],
)
def test_dates_with_anchor(text: str, phrase: str, value: str) -> None:
    t = one(text)
    assert t.text == phrase
    assert t.value == value
    assert text[t.span.start : t.span.end] == phrase
    assert t.span.doc_id == "d1"
    assert t.anchor == ANCHOR


@pytest.mark.parametrize(
    "text, phrase, value, kind",
    [
        ("the 90-minute talks", "90-minute", "PT90M", "DURATION"),
        ("For the past 70 years, Japan has waged a campaign.", "the past 70 years", "P70Y", "DURATION"),
        ("a two-day visit to Russia", "two-day", "P2D", "DURATION"),
        ("The festival is held every year.", "every year", "P1Y", "SET"),
    ],
)
def test_durations_and_sets(text: str, phrase: str, value: str, kind: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type) == (phrase, value, kind)


def test_present_ref_and_no_hallucinated_dates() -> None:
    assert one("now").value == "PRESENT_REF"
    # dateparser's search_dates turns these into dates; we must not
    assert find_times("we said the 90-minute meeting went well", ANCHOR)[0].value == "PT90M"
    assert find_times("May we go? We may.", ANCHOR) == []


def test_without_anchor_partial_values() -> None:
    times = find_times("They met on Feb. 16 and last November; Tuesday they talk.", None)
    values = {t.text: t.value for t in times}
    assert values["Feb. 16"] == "XXXX-02-16"
    assert values["last November"] == "XXXX-11"
    assert values["Tuesday"] is None
    assert all(t.confidence < 0.5 for t in times if t.value is None)


def test_month_anchor_precision() -> None:
    assert one("The leaders agreed last November to go on.", "2019-02").value == "2018-11"
    assert one("They agreed in November last year.", "2019").value == "2018-11"


def test_quarters_and_year_ago() -> None:
    assert one("third-quarter profit rose", "1989-10-27").value == "1989-Q3"
    assert one("the fourth quarter of 1989", "1990-03-01").value == "1989-Q4"
    assert one("Sales fell from a year ago.", ANCHOR).value == "2018-02-18"
    assert one("two weeks ago he resigned", ANCHOR).value == "2019-02-04"


def test_clock_merges_with_day() -> None:
    t = one("The deadline is 10 p.m. Wednesday.", "1998-02-13")
    assert (t.text, t.value, t.type) == ("10 p.m. Wednesday", "1998-02-11T22:00", "TIME")


def test_tense_cues() -> None:
    s = "The two will meet on Tuesday, officials said."
    i = s.index("Tuesday")
    assert tense_at(s, i, i + 7) == "future"
    s = "The two met on Tuesday and failed."
    i = s.index("Tuesday")
    assert tense_at(s, i, i + 7) == "past"


def test_parse_anchor() -> None:
    assert parse_anchor("2019-02-18T10:00:00").date is not None
    assert parse_anchor("2019-02").month == 2 and parse_anchor("2019-02").day is None
    assert parse_anchor("junk").year is None


def test_renormalize_moves_relative_values_only() -> None:
    text = "They met last November and signed on 16 January 2001."
    first = find_times(text, None, doc_id="d")
    assert [t.value for t in first] == ["XXXX-11", "2001-01-16"]
    again = renormalize(first, text, "2019-02-18")
    assert [t.value for t in again] == ["2018-11", "2001-01-16"]
    assert [t.span for t in again] == [t.span for t in first]
    assert all(t.anchor == "2019-02-18" for t in again)
    assert renormalize([], text, "2019-02-18") == []


# --- tense: the cue that governs the expression ------------------------------------------------


def _tense(sentence: str, phrase: str) -> str:
    i = sentence.index(phrase)
    return tense_at(sentence, i, i + len(phrase))


@pytest.mark.parametrize(
    "sentence, phrase, tense",
    [
        # a plan / "next" / intent verb nearest before the date wins over a past verb further back
        ('"We instructed our foreign ministers to hold the next round of talks on the sidelines of the '
         'security conference in Munich in February," he also noted.', "February", "future"),
        ("They also committed to holding their next summit in Japan in June after the two foreign "
         "ministers meet in February.", "February", "future"),
        ("The prime minister promised to put the question to a referendum in March.", "March", "future"),
        # ... but not when the intent is itself dated in the past, or the date names a thing
        ("In 1997, the leaders pledged to conclude a peace treaty by the end of 2000.", "2000", "past"),
        ("It had been due to expire Friday evening.", "Friday evening", "past"),
        ("When they met in November, they agreed to use the 1956 declaration as a basis.", "1956", "past"),
        ("The two agreed in Singapore last November to accelerate talks.", "last November", "past"),
        # a past verb right before the date dates that event, whatever follows
        ("Paribas said Monday that it intends to bid for the rest.", "Monday", "past"),
        # a superseded plan ("had been scheduled") does not point ahead
        ("The offer previously had been scheduled to expire at midnight Friday.", "Friday", "past"),
        ("Earnings will be disclosed this morning.", "this morning", "future"),
    ],
)
def test_governing_tense(sentence: str, phrase: str, tense: str) -> None:
    assert _tense(sentence, phrase) == tense


def test_intent_month_resolves_ahead() -> None:
    text = "We instructed our ministers to hold the next round of talks in Munich in February."
    t = [x for x in find_times(text, "2019-01-22") if x.text == "February"][0]
    assert t.value == "2019-02"
    assert one("Paribas said Monday that it intends to bid.", "1989-10-27").value == "1989-10-23"


# --- TimeBank-style rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, anchor, phrase, value",
    [
        # a quarter tied to a year: the ordinal or the quarter being reported, the year moved
        ("It took a charge in the 1988 second quarter.", "1989-11-02", "the 1988 second quarter", "1988-Q2"),
        ("U.K. sales for last year's quarter were $3 million.", "1989-11-01", "last year's quarter", "1988-Q3"),
        ("It could be effective as early as next year's first quarter.", "1989-10-31",
         "next year's first quarter", "1990-Q1"),
        ("In the year-ago third quarter it earned $22 million.", "1989-10-30", "the year-ago third quarter", "1988-Q3"),
        ("Net was $1.8 million for the corresponding period last year.", "1989-11-01",
         "the corresponding period last year", "1988-Q3"),
        ("Losses will last through the first half of 1990.", "1989-10-26", "the first half of 1990", "1990-H1"),
        # seasons: "this past" is the latest one, "last" the previous year's
        ("The strike began this past spring.", "1989-10-30", "this past spring", "1989-SP"),
        ("The strike began last spring.", "1989-10-26", "last spring", "1988-SP"),
        ("It was the winter of nineteen ninety-four.", "1998-02-23", "the winter of nineteen ninety-four", "1994-WI"),
        ("January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven", "1997-01"),
        ("Numbers kept dropping through the nineties.", "1998-03-03", "the nineties", "199"),
        # deictic references
        ("Rates may rise in the near future.", "1989-11-01", "the near future", "FUTURE_REF"),
        ("Nobody saves these days.", "1989-10-30", "these days", "PRESENT_REF"),
        ("It is very difficult right now.", "1989-10-30", "right now", "PRESENT_REF"),
        ("The company will soon begin selling boxes.", "1989-10-30", "soon", "FUTURE_REF"),
        # "N years ago" is a year, not a day
        ("The plant closed five years ago.", "1989-10-26", "five years ago", "1984"),
        # spans TimeBank keeps whole
        ("Net rose 5% in the nine months.", "1989-10-26", "the nine months", "P9M"),
        ("Prices fell over the past year.", "1989-10-30", "the past year", "1988"),
        ("It was completed by the end of November.", "1989-11-02", "the end of November", "1989-11"),
        ("Earlier yesterday, the index fell.", "1989-11-01", "Earlier yesterday", "1989-10-31"),
        ("$14 million seeped out Friday Oct. 13 alone.", "1989-10-27", "Friday Oct. 13", "1989-10-13"),
        # a narrative "the following year" counts from the story's last date
        ("On May 22, 1995, he was promoted, and the following year he left.", "1998-04-18",
         "the following year", "1996"),
    ],
)
def test_timebank_style_rules(text: str, anchor: str, phrase: str, value: str) -> None:
    times = {t.text: t.value for t in find_times(text, anchor)}
    assert times.get(phrase) == value, times


def test_year_ended_is_a_duration_and_sets() -> None:
    t = find_times("Net income for the year ended March 31 rose.", "1989-11-01")[0]
    assert (t.text, t.value, t.type) == ("the year", "P1Y", "DURATION")
    t = one("Orangemen march each July.", "1998-03-22")
    assert (t.text, t.value, t.type) == ("each July", "XXXX-07", "SET")
    assert one("They play every Thursday.", "1998-02-13").value == "XXXX-WXX-4"


def test_rates_and_fractions_are_not_periods() -> None:
    assert find_times("It will save $500 million a year in costs.", "1989-10-30") == []
    assert find_times("It added 700 seats a week on the route.", "1998-02-13") == []
    assert find_times("Iraq imports about three-quarters of its food.", "1990-08-15") == []
    assert find_times("Buyers came as soon as trading opened.", "1989-11-01") == []
    assert one("It will finish within a year.", "1998-02-27").value == "P1Y"


def test_renormalize_keeps_merged_spans() -> None:
    text = "$14 million seeped out Friday Oct. 13 alone."
    first = find_times(text, None)
    assert [t.text for t in first] == ["Friday Oct. 13"]
    again = renormalize(first, text, "1989-10-27")
    assert [t.value for t in again] == ["1989-10-13"]


def test_case_folding_specials_do_not_crash():
    """Regexes match case-insensitively under Unicode folding ("ſ" ~ "s"); lookups must fold the same way."""
    from dossier.date.timex import find_times

    assert [(t.text, t.value) for t in find_times("the ſummer of 1999", "2000-01-01")] == [("the ſummer of 1999", "1999-SU")]


@pytest.mark.parametrize(
    "sentence, anchor, phrase, value",
    [
        # "would" after a reported weekday is the future of what was said (sequence of tenses), and a
        # cue behind "that" / "saying" / a colon belongs to the reported clause: the day is the report's
        ("On Thursday, Smith announced that Jones would play a larger role.", "2016-04-09", "Thursday", "2016-04-07"),
        ("Smith went on offense on Monday, saying Jones would abdicate leadership.", "2016-03-22", "Monday", "2016-03-21"),
        ("In the wake of Monday's court ruling: the issue will grow.", "2016-06-28", "Monday's", "2016-06-27"),
        ("Smith told employees on Thursday that the fund would stop taking donations.", "2016-08-22", "Thursday", "2016-08-18"),
        # ... while a "would" or "will" before the weekday still governs it
        ("Smith said he would meet Jones on Thursday.", "2016-08-22", "Thursday", "2016-08-25"),
        ("Smith will meet Jones on Thursday.", "2016-08-22", "Thursday", "2016-08-25"),
    ],
)
def test_reported_future_does_not_move_the_report_day(sentence: str, anchor: str, phrase: str, value: str) -> None:
    t = [x for x in find_times(sentence, anchor) if x.text.startswith(phrase.rstrip("'s"))]
    assert t and t[0].value == value, [(x.text, x.value) for x in find_times(sentence, anchor)]


# --- a weekday and the tense of its clause (anchor: Monday 2019-02-18) ----------------------------


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # the futurate present of a schedulable verb: the coming weekday
        ("The Senate votes Friday on the budget.", "Friday", "2019-02-22"),
        ("The two leaders meet separately Thursday with the envoy.", "Thursday", "2019-02-21"),
        ("Officials said the committee meets in Geneva on Friday.", "Friday", "2019-02-22"),
        # ... not a noun of the same form, a past clause, or a weekday naming a thing
        ("After the vote Friday, the chamber adjourned.", "Friday", "2019-02-15"),
        ("The two sides held talks Friday in Geneva.", "Friday", "2019-02-15"),
        ("The leaders met on Friday in Geneva.", "Friday", "2019-02-15"),
        ("Opposition leaders face Friday's vote with dread.", "Friday", "2019-02-15"),
        # a modal governs the weekday after it; a negated one is newswire's past
        ("Talks could resume Friday in Geneva.", "Friday", "2019-02-22"),
        ("The minister could not be reached Friday.", "Friday", "2019-02-15"),
    ],
)
def test_weekday_follows_the_tense_of_its_clause(text: str, phrase: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value) == (phrase, value)


# --- the clause a date's tense is read from (issue #12, web news) ---------------------------------


@pytest.mark.parametrize(
    "text, anchor, phrase, value",
    [
        # the period of a title or initial ends no sentence: the clause's verb comes after it
        ("In January, Gov. Smith praised the plan.", "2016-10-02", "January", "2016-01"),
        # a period before a closing quote does end one: the quote's future is not the next clause's
        ('"It will be close." On Monday, the senator spoke.', "2019-02-19", "Monday", "2019-02-18"),
        # irregular past forms are past verbs
        ("The Feb. 13 death of the justice left the court split.", "2016-09-27", "Feb. 13", "2016-02-13"),
        # "since March": a starting point lies behind, whatever the rest of the clause says
        ("The carrier, on patrol since March, will return to port.", "1990-08-13", "March", "1990-03"),
    ],
)
def test_tense_is_read_from_the_dates_own_clause(text: str, anchor: str, phrase: str, value: str) -> None:
    t = [x for x in find_times(text, anchor) if x.text == phrase]
    assert t and t[0].value == value, [(x.text, x.value) for x in find_times(text, anchor)]


@pytest.mark.parametrize(
    "text, anchor, phrase, value",
    [
        # "until" places a date after the clause's event, not after the page: no future cue
        ("Until that day in April, Smith had never been in a mine.", "2016-10-02", "April", "2016-04"),
        # a plain verb form is a present verb only after a plural subject: else a noun
        ("She attacked him during the first presidential debate Monday night.", "2016-09-27", "Monday night", "2016-09-26TNI"),
        ("Smith and Jones debate Monday night in Ohio.", "2016-09-22", "Monday night", "2016-09-26TNI"),
        # a verb of expectation governs what follows it
        ("Most voters expect Smith to win Monday's debate.", "2016-09-25", "Monday", "2016-09-26"),
        # "May" after a determiner is the month, not the modal
        ("During a May interview, he boasted.", "2016-09-23", "May", "2016-05"),
        # a decade with a typographic apostrophe
        ("After the collapse of the 1980’s, debts grew.", "2016-10-04", "the 1980’s", "198"),
        # a year-less month after a month and year told in the same sentence moves on from it
        ("He would take office in January 2017, run in a special election in November, and win.",
         "2016-09-08", "November", "2017-11"),
    ],
)
def test_web_news_time_values(text: str, anchor: str, phrase: str, value: str) -> None:
    t = [x for x in find_times(text, anchor) if x.text.startswith(phrase)]
    assert t and t[0].value == value, [(x.text, x.value) for x in find_times(text, anchor)]


@pytest.mark.parametrize(
    "text, anchor, phrase, value",
    [
        # a weekday fronted before its clause, then a schedulable verb in the present: the coming day
        ("On Friday, the two candidates debate in St. Louis.", "2016-10-05", "Friday", "2016-10-07"),
        ("On Friday, the two candidates debated in St. Louis.", "2016-10-05", "Friday", "2016-09-30"),
        # a possessive weekday dates its noun, in the reported clause: not the verb of saying
        ("Officials said Friday's meeting will go ahead.", "2016-10-05", "Friday", "2016-10-07"),
        ("Officials said Friday's meeting went well.", "2016-10-05", "Friday", "2016-09-30"),
        # "due Friday" is a deadline ahead, unless set back ("was due")
        ("A spokesman said the report, due Friday, would be delayed.", "2016-10-05", "Friday", "2016-10-07"),
        ("The report was due Friday.", "2016-10-05", "Friday", "2016-09-30"),
    ],
)
def test_weekday_in_fronted_and_reported_clauses(text: str, anchor: str, phrase: str, value: str) -> None:
    t = [x for x in find_times(text, anchor) if x.text.startswith(phrase)]
    assert t and t[0].value == value, [(x.text, x.value) for x in find_times(text, anchor)]


def test_a_month_word_that_begins_a_name_is_no_month():
    from dossier.date.timex import find_times

    def months(text: str) -> list[str]:
        return [t.text for t in find_times(text, "2016-05-10")]

    assert months("a letter signed by the March of Rivers, a charity") == []  # '<Month> of <Name>'
    assert months("asked April Vance of the network") == []  # a given name
    assert months("In March Vance won.") == ["March"]  # a preposition before it: the month
    assert months("The June Board meeting") == ["June"]  # a determiner before it: the month, attributive
    assert months("in the March of 2015 ballot") == ["the March of 2015"]
    assert months("He left in March. Vance won") == ["March"]
