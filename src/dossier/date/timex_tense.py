"""Which way a relative time expression points (past, future or neither), from cues in its clause.

A bare "Tuesday" is the previous Tuesday in a past-tense sentence and the next one after "will";
plans, modals and "next" govern what follows them even past an earlier past verb. Plain regular
expressions over the sentence window: this runs before spaCy, to date pages.
"""

from __future__ import annotations

import logging
import re

from dossier.date.timex_vocab import Tense

logger = logging.getLogger(__name__)


_FUTURE_CUES = re.compile(
    r"\b(will|won't|shall|'ll|going to|plans? to|planning to|scheduled|slated|expected to|"
    r"is to|are to|was to|were to|due to|would|upcoming|intends? to|set to|aims? to|hopes? to|"
    r"to be held|to meet|to visit|to hold|to sign|prepare for|preparing for|ahead of|"
    r"next(?!\s+(?:to|day|morning|afternoon|evening|night)\b))\b",
    re.I,
)


# Cues that *govern* what follows them in the clause: a plan, a modal ("could resume Monday";
# not a negated one, which newswire uses for the past: "could not be reached Friday") or "next" fixes the
# direction of a date after it even when a past verb stands further back ("We instructed our
# ministers to hold the next round ... in February": the February is ahead).
_GOVERNING_FUTURE = re.compile(
    r"\b(will|won't|shall|'ll|going to|plans? to|planning to|scheduled|slated|expected to|is to|"
    r"are to|intends? to|set to|aims? to|upcoming|next|"
    r"(?:could|might|should|(?-i:may))(?!\s+not\b|n't))\b",  # "could not be reached Friday": past
    re.I,
)


# A past verb of intent or instruction followed by "to" ("agreed to meet", "instructed the
# ministers to hold", "committed to holding") reports a decision whose object lies ahead: the
# verb is past, the event it governs is not. So does a verb of expectation in any tense ("voters
# expect Smith to win Monday's debate").
_INTENT_TO = re.compile(
    r"\b(?:agreed|decided|promised|pledged|vowed|committed|planned|instructed|ordered|asked|urged|"
    r"invited|told|hoped|wanted|intended|arranged|proposed|offered|threatened|called on|"
    r"resolved|undertook|expect|expects|expected)\b(?:\s+[\w'’-]+){0,4}?\s+to\b"
    r"(?!\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|\d))",  # "agreed to the deal": no plan
    re.I,
)


_PAST_CUES = re.compile(
    r"\b(was|were|had|did|said|told|met|ago|earlier|previous|took|held|made|came|went|gave|"
    r"saw|began|won|lost|signed|agreed|failed|announced|reported|rose|fell|\w{3,}ed|"
    # irregular past forms (not those equal to their present: "put", "hit", "set", "read")
    r"left|led|got|brought|bought|caught|taught|thought|sought|fought|struck|wrote|spoke|ran|sent|spent|"
    r"built|paid|felt|kept|found|became|chose|drew|grew|knew|threw|stood|understood|sold|heard|meant|"
    r"rode|drove|flew|fled|froze|broke|woke|wore|tore|swore|shook|forgot|hid|slid|sang|rang|sank|"
    r"swam|sat|slept|swept|wept|dealt|lent|bent|withdrew|overtook|undertook|mistook|forbade|"
    r"arose|awoke|bled|bred|clung|crept|dug|hung|sped|spun|sprang|stole|stuck|stung|"
    r"strove|swung|wrung)\b",
    re.I,
)


_NOT_PAST = {"scheduled", "expected", "planned", "slated", "proposed", "intended", "united",
             "need", "indeed", "speed", "based", "advanced", "red", "bed", "feed"}  # fmt: skip


_REPORTING = {"said", "told", "noted", "added", "stated", "explained", "announced", "reported",
              "stressed", "insisted", "claimed", "argued", "warned", "wrote", "declared"}  # fmt: skip


# A period after one of these ends no sentence: titles, initials' neighbours, month and company
# abbreviations ("Gov. Tomblin", "Michael M. Grynbaum", "the Feb. 13 ruling", "Acme Corp. said").
_ABBREVIATIONS = frozenset("""
mr mrs ms dr gov sen rep gen lt col maj sgt capt cmdr adm st jr sr prof rev hon pres supt atty
jan feb mar apr jun jul aug sep sept oct nov dec corp inc co ltd no vs mt ft
""".split())  # fmt: skip
_STOP = re.compile(r"\.[\"”’']?\s|\n|;")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """A period, line break or semicolon that ends a clause: not the period of "Gov." or "M."."""
    if m.group(0)[0] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12) : m.start()])
    w = word.group(1) if word else ""
    return not (w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()) or re.fullmatch(r"(?:\w\.)+\w", w))


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (at most 140 chars back)."""
    return _sentence_window(text, pos, pos)[0]


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of text whose verbs may bear on [start, end): its sentence, at most 140 chars
    each way; a semicolon before it starts a new clause ("will issue shares; last Monday, it had").
    The period of an abbreviation or initial ("Gov.", "M.") ends no sentence; one before a closing
    quote does ('right now." On Monday night, she led')."""
    lo = max(start - 140, 0)
    for m in _STOP.finditer(text, lo, start):
        if _ends_sentence(text, m):
            lo = m.start() + 1
    hi = min(end + 140, len(text))
    for m in _STOP.finditer(text, end, hi):
        if m.group(0) != ";" and _ends_sentence(text, m):
            hi = m.start()
            break
    return lo, hi


_INTENT_REACH = 60  # chars after "agreed to": further on, a date more often dates the agreeing


def _live_intents(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of "agreed ... to" style intents that point ahead of the page's own time.

    Not when the decision is itself set back: "had agreed to", or an explicit year earlier in
    the sentence ("In 1997 they pledged to conclude a treaty by 2000": the plan is relative to
    1997, not to the page).
    """
    sent = max(text.rfind(". ", 0, lo + 1), text.rfind("\n", 0, lo + 1), lo - 400, 0)
    out = []
    for m in _INTENT_TO.finditer(text, lo, hi):
        if re.search(r"\bhad\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue
        if re.search(r"\b(?:1[6-9]\d\d|20\d\d)\b", text[sent : m.start()]):
            continue
        out.append((m.start(), m.end()))
    return out


def _attributive(text: str, start: int) -> bool:
    """ "the 1956 declaration": a date naming a thing, not the time of the clause's event."""
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", text[max(0, start - 8) : start], re.I))


def _adjacent_past_verb(text: str, lo: int, start: int) -> bool:
    """ "said Monday", "met on Tuesday": a past verb right before the date is the event it dates."""
    m = re.search(r"(?:\b(be|been|being)\s+)?\b([\w']+)\s+(?:on\s+)?$", text[max(lo, start - 40) : start], re.I)
    if not m or m.group(1):
        return False  # "will be disclosed this morning": a passive participle, not a past verb
    word = m.group(2).lower()
    return bool(_PAST_CUES.fullmatch(word)) and word not in _NOT_PAST and word not in ("earlier", "previous")


def _participle(text: str, pos: int) -> bool:
    """ "will be disclosed", "is expected": a participle after a present/infinitive "be" is no past."""
    return bool(re.search(r"\b(?:be|been|being|is|are|am)\s+$", text[max(0, pos - 8) : pos], re.I))


def _set_back(text: str, pos: int) -> bool:
    """ "had been scheduled to", "was due to": a plan seen from the past, not from the page."""
    return bool(re.search(r"\b(?:had(?:\s+been)?|was|were)\s+(?:\w+ly\s+)?$", text[max(0, pos - 30) : pos], re.I))


def _governing(text: str, lo: int, start: int) -> Tense | None:
    """The tense fixed by the cue nearest before the expression, if that cue governs it.

    A past verb right before the date dates that event ("said Monday"); a plan, modal, "next"
    or live intent verb with its infinitive governs the date after it, whatever lies further
    back ("We instructed our ministers to hold the next round ... in February").
    """
    if _attributive(text, start):
        return None
    due = re.search(r"\bdue\s+(?:on\s+|in\s+|by\s+)?$", text[max(lo, start - 12) : start], re.I)
    if due and not _set_back(text, max(lo, start - 12) + due.start()):
        return "future"  # "the report, due Friday": a deadline ahead ("was due Friday" is set back)
    if _adjacent_past_verb(text, lo, start) and not re.match(r"[\w ]*['’]s\b", text[start : start + 20]):
        return "past"  # "said Monday"; not "said Friday's meeting will": a possessive dates its noun
    nearest: tuple[int, bool] | None = None  # (end of the cue, is it a governing future cue)
    for m in _GOVERNING_FUTURE.finditer(text, lo, start):
        nearest = max(nearest or (-1, False), (m.end(), not _set_back(text, m.start())))
    intents = _live_intents(text, lo, start)
    for _, i_end in intents:
        if start - i_end <= _INTENT_REACH:
            nearest = max(nearest or (-1, False), (i_end, True))
    for m in _PAST_CUES.finditer(text, lo, start):
        if m.group(0).lower() in _NOT_PAST or _participle(text, m.start()) or any(s <= m.start() < e for s, e in intents):
            continue
        if nearest is None or m.end() > nearest[0]:
            nearest = (m.end(), False)
    return "future" if nearest is not None and nearest[1] else None


# The futurate present: English states an arranged or timetabled event in the simple present
# ("The Senate votes Tuesday", "the two meet separately Monday"). Only verbs of schedulable
# happenings take it (Quirk et al. 1985, 4.21; Huddleston & Pullum 2002, ch. 3 s. 4.2), so the cue
# is such a verb in the present tense, with a subject word before it, and a bare weekday after it.
_FUTURATE_VERBS = frozenset("""
meet meets begin begins start starts open opens close closes resume resumes convene convenes
reconvene reconvenes arrive arrives leave leaves depart departs return returns travel travels
fly flies head heads visit visits vote votes debate debates face faces play plays host hosts
hold holds end ends go goes hear hears testify testifies speak speaks address addresses
""".split())  # fmt: skip


# A word before the verb form that makes it a noun ("the vote Tuesday", "two debates Sunday",
# "after talks") or a verb another word already dates (an infinitive, a modal, "did", "not").
_NO_SUBJECT = frozenset("""
a an the this that these those his her its their our my your some any no each every several many
both all two three four five six seven eight nine ten first second third fourth final last next
of in on at for from with by after before during since until to into over and or but
did does do didn't doesn't don't not never would could should might may must can will shall
was were had has have is are be been being who which
""".split())  # fmt: skip


_FUTURATE_REACH = 6  # words between the verb and the weekday ("meets Merkel in Berlin on Friday")


def _agrees(verb: str, prev: str) -> bool:
    """A plain form ("meet", "debate") is a present verb only after a plural subject: a plural
    noun, a plural pronoun, a number or a name ("the two meet", "leaders meet", "Smith and Jones
    debate"); after a lower-case singular word it is a noun ("the first presidential debate Monday")."""
    if verb.endswith("s"):
        return True  # "votes", "meets": the third person singular agrees with any subject word
    low = prev.lower()
    return (prev[0].isupper() or low in ("they", "we", "i", "you") or low.isdigit()
            or (low.endswith("s") and not low.endswith(("ss", "us", "is"))))


def futurate_present(text: str, start: int) -> bool:
    """A bare weekday at ``start`` dating a schedulable verb told in the present ("meets Friday",
    "vote Tuesday on the bill", "meet separately Monday"): the coming weekday, not the last.
    A past word or a punctuation mark between them ends the search: another clause or event."""
    lo = _sentence_window(text, start, start)[0]
    words = re.findall(r"[\w'’]+|[^\w\s]", text[lo:start])
    for k in range(len(words) - 1, max(len(words) - 1 - _FUTURATE_REACH, -1), -1):
        w = words[k].lower()
        if not (w[0].isalnum() or w[0] == "_"):
            return False
        if w in _FUTURATE_VERBS:
            prev = words[k - 1] if k > 0 else ""
            return bool(prev) and prev[0].isalpha() and prev.lower() not in _NO_SUBJECT and _agrees(w, prev)
        if _PAST_CUES.fullmatch(w) and w not in _NOT_PAST:
            return False
    return False


def fronted_futurate(text: str, start: int, end: int) -> bool:
    """A weekday fronted at the start of its sentence, then a schedulable verb in the present
    after its subject ("On Friday, the two candidates debate in St. Louis"): the coming weekday."""
    lo = _sentence_window(text, start, start)[0]
    if not re.fullmatch(r"\s*(?:[Oo]n\s+)?", text[lo:start]):
        return False
    m = re.match(r"\s*,\s*", text[end:])
    if m is None:
        return False
    words = re.findall(r"[\w'’]+|[^\w\s]", text[end + m.end() : end + m.end() + 80])
    for k, word in enumerate(words[: _FUTURATE_REACH + 1]):
        w = word.lower()
        if not (w[0].isalnum() or w[0] == "_") or (_PAST_CUES.fullmatch(w) and w not in _NOT_PAST):
            return False
        if w in _FUTURATE_VERBS and k > 0:
            prev = words[k - 1]
            return prev.lower() not in _NO_SUBJECT and _agrees(w, prev)
    return False


_REPORTED_CLAUSE = re.compile(r"\b(?:that|saying|whether)\b|:", re.I)


def _reported_after(text: str, end: int, cue: re.Match[str]) -> bool:
    """A future cue after the expression that belongs to another, reported clause: "would" (the
    future of a past report, by the sequence of tenses: "told them Thursday the group would
    stop"), or any cue behind "that" / "saying" / a colon ("Monday's ruling: it will become")."""
    return cue.group(0).lower() == "would" or bool(_REPORTED_CLAUSE.search(text, end, cue.start()))


def tense_at(text: str, start: int, end: int) -> Tense:
    """Past or future reading of the clause around [start, end), from nearby verb cues.

    Hand-written because no parser runs this early. A plan, modal, "next" or intent verb
    ("agreed to", "instructed ... to") standing nearest before the expression governs it;
    otherwise closer cues weigh more, and "will"/"is to" style cues are strong because news
    prose states plans explicitly. Past intent verbs count for the future: "agreed to meet in
    May" is a plan.
    """
    lo, hi = _sentence_window(text, start, end)
    governed = _governing(text, lo, start)
    if governed is not None:
        return governed
    intents = [] if _attributive(text, start) else _live_intents(text, lo, hi)
    past = future = 0.0
    for m in _FUTURE_CUES.finditer(text, lo, hi):
        if start <= m.start() < end or _set_back(text, m.start()):
            continue  # "had been scheduled to expire Friday": a superseded plan says nothing ahead
        if m.start() >= end and _reported_after(text, end, m):
            continue  # "announced Friday that he would endorse": the plan is what was said
        dist = start - m.end() if m.end() <= start else m.start() - end
        future += 1.5 / (1 + max(dist, 0) / 25)
    for m in _PAST_CUES.finditer(text, lo, hi):
        word = m.group(0).lower()
        if start <= m.start() < end or word in _NOT_PAST or _participle(text, m.start()):
            continue
        if m.start() >= end and word in _REPORTING:
            continue  # '"... in February," he noted': the report is past, not what it reports
        dist = start - m.end() if m.end() <= start else m.start() - end
        weight = 1.0 / (1 + max(dist, 0) / 25)
        if any(s <= m.start() < e and 0 <= start - e <= _INTENT_REACH for s, e in intents):
            future += weight  # "agreed to meet in May": a past decision about something ahead
        else:
            past += weight
    if future > past and future > 0.3:
        return "future"
    if past > future and past > 0.3:
        return "past"
    return "none"
