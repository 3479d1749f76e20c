"""Generic English word lists for event mentions: triggers, kinds, status cues.

Hand-written because no installed library ships an event-trigger lexicon for news (spaCy has no
event layer; FrameNet/VerbNet are not available offline). The lists hold inflected forms because
the pipeline runs without a lemmatizer. Nothing here knows any story.
"""

from __future__ import annotations

from dossier.extract.events_kinds import GENERIC_GROUPS

# surface form (lower case) -> event kind; "sign" forms take their kind from their object
TRIGGERS: dict[str, str] = {
    **{w: "meeting" for w in ("meet", "meets", "met", "meeting", "meetings")},
    **{w: "talks" for w in ("talks", "talk", "talked", "negotiations", "consultations", "round", "rounds")},
    **{w: "summit" for w in ("summit", "summits")},
    **{w: "visit" for w in ("visit", "visits", "visited", "visiting", "trip", "trips")},
    **{w: "call" for w in ("phoned", "telephoned")},
    **{w: "agreement" for w in ("agreement", "agreements", "agreed", "deal", "accord")},
    **{w: "declaration" for w in ("declaration", "declarations", "declared")},
    **{w: "sign" for w in ("sign", "signs", "signed", "signing")},
    **{w: "pledge" for w in ("pledge", "pledges", "pledged", "vowed", "promised")},
    **{w: "election" for w in ("election", "elections", "elected", "vote", "voted", "votes", "referendum")},
    **{w: "protest" for w in ("protest", "protests", "protested", "rally", "rallies", "demonstration",
                              "demonstrations", "demonstrated")},
    **{w: "poll" for w in ("poll", "polls", "survey", "surveys")},
    **{w: "speech" for w in ("speech", "speeches", "address", "addressed")},
    **{w: "launch" for w in ("launch", "launched", "launches")},
}

# the diplomatic kinds (meetings and things agreed), named "<actors> <kind>" and dated by the page's
# month when they have no date of their own; every other kind (elections, protests, polls, speeches,
# launches above, and the generic inventory of ``events_kinds``) is named by what happened and stays
# undated unless its clause or a breaking-news lead dates it
TRIGGER_KINDS = frozenset({"meeting", "talks", "summit", "visit", "call", "agreement", "declaration", "sign",
                           "treaty", "pledge"})

# words that only count as triggers with this part of speech ("address" the noun is a speech,
# "addressed" the verb too; "deal" as a verb is not an event)
NOUN_ONLY = frozenset({"deal", "accord", "trip", "trips", "poll", "polls", "survey", "surveys",
                       "speech", "speeches", "address", "talks", "negotiations", "consultations",
                       "round", "rounds"})

# "round" is a round of talks alone or with "of talks"; not "a round of sanctions / of voting"
ROUND_NOUNS = frozenset({"round", "rounds"})
VERB_ONLY = frozenset({"phoned", "telephoned", "addressed", "talk", "talked"})

# "phone call", "telephone call": a call is an event only with a phone word next to it
CALL_NOUNS = frozenset({"call", "calls", "conversation", "conversations"})
PHONE_WORDS = frozenset({"phone", "telephone", "video"})

# the object of "sign" decides the kind of the signing
SIGNED_KIND = {
    "treaty": "treaty", "treaties": "treaty", "pact": "treaty",
    "declaration": "declaration", "agreement": "agreement", "deal": "agreement", "accord": "agreement",
}

# kinds that can name the same real-world event in different reports
KIND_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"meeting", "talks", "summit", "visit"}),
    frozenset({"agreement", "declaration", "treaty", "pledge"}),
    frozenset({"protest"}),
    frozenset({"election"}),
    *GENERIC_GROUPS,
)

# the most specific kind wins when two compatible mentions are merged
KIND_RANK = {"summit": 0, "talks": 1, "meeting": 2, "visit": 3, "treaty": 0, "declaration": 1,
             "agreement": 2, "pledge": 3}

PLANNED_WORDS = frozenset({
    "will", "'ll", "shall", "scheduled", "schedule", "plans", "plan", "planned", "planning",
    "expected", "expects", "expect", "prepare", "prepares", "preparing", "next", "upcoming",
    "due", "forthcoming", "intends", "intend", "tentatively", "proposed", "slated",
})
POSSIBLE_WORDS = frozenset({"may", "might", "could", "should", "hopes", "hope", "hoped", "possible", "possibly",
                            "perhaps", "likely"})
# "X is set to meet", "is poised to sign": a predicate whose "to" complement is arranged ahead
SET_TO_WORDS = frozenset({"set", "poised"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "am", "'s", "'re"})

PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "GOV"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "to"})
PARTY_PREPS = frozenset({"with", "between", "by", "among"})

# objects that make "meet X" a meeting of people rather than "meet demands / levels / targets"
PEOPLE_NOUNS = frozenset({
    "counterpart", "counterparts", "leader", "leaders", "president", "minister", "ministers",
    "officials", "official", "delegation", "delegations", "representatives", "envoy", "envoys",
    "ambassador", "chancellor", "king", "queen", "premier", "head", "heads", "members", "students",
    "families", "residents", "protesters", "journalists", "reporters", "mayor", "governor", "pope",
})

# participial verbs whose agent takes part in the event they modify ("a summit chaired by X")
HOST_VERBS = frozenset({"chaired", "hosted", "led", "convened", "attended", "organised", "organized",
                        "brokered", "mediated", "sponsored"})

# words that make an agreement-like noun a goal or a demand rather than something that happened
# ("wants a binding agreement", "ended without agreement", "any deal must be binding")
IRREALIS_WORDS = frozenset({
    "want", "wants", "wanted", "seek", "seeks", "seeking", "sought", "demand", "demands", "demanding",
    "reach", "reaching", "without", "no", "any", "insist", "insists", "insisted", "push", "pushing",
    "pressing", "aim", "goal", "finalise", "finalize", "conclude", "wanting", "accept", "reject",
    "rejects", "rejected", "refuse", "refuses", "refused", "binding", "promise", "promises", "hope",
    "hopes", "prospect", "prospects", "towards", "toward",
})

# modals that make "X should sign a treaty" a call to act, not an act
OUGHT_WORDS = frozenset({"should", "must", "ought", "need"})

# "until / unless / before a deal was signed" with no date of its own: the deal had not happened
PENDING_MARKS = frozenset({"until", "unless", "before", "till"})

# "since / after / before the two leaders agreed in Geneva": a clause that recalls an earlier event
# as the time frame of the page's news, not the news itself
FRAME_MARKS = frozenset({"since", "after", "before", "until", "till", "once"})

# verbs whose place is where their subject event happened ("the rounds took place in Geneva",
# "the talks were held in Geneva", "the talks collapsed in Vienna")
HAPPEN_VERBS = frozenset({"took", "take", "takes", "taking", "held", "hold", "ended", "end", "ends",
                          "began", "begin", "begins", "begun", "opened", "collapsed", "resumed",
                          "concluded", "convened", "closed", "broke"})

# what "launched" must launch to be the start of talks ("a round of talks that X and Y launched")
LAUNCHED_TALKS = frozenset({"talks", "negotiations", "round", "rounds", "process", "dialogue",
                            "consultations", "negotiation"})

# kinds of the "things agreed" family: a named one ("Declaration of Principles") is the same thing
# in every report that names it
AGREEMENT_KINDS = frozenset({"agreement", "declaration", "treaty", "pledge"})
MEETING_KINDS = frozenset({"meeting", "talks", "summit", "visit", "call"})

# last words that make a capitalised name a body rather than a person ("African Union")
ORG_HEADS = frozenset({
    "council", "union", "bank", "ministry", "treasury", "party", "agency", "committee", "court",
    "assembly", "parliament", "commission", "university", "organization", "organisation", "nations",
    "fund", "forces", "office", "department", "corporation", "company", "group", "government",
    "army", "navy", "police", "league", "alliance", "federation", "institute", "congress", "senate",
})

# "X will lead Freedonia's delegation", "the delegation headed by X", "X represented Freedonia",
# "speaking for Freedonia": the person takes part *for* that country (see ``events.country_represented``)
DELEGATION_NOUNS = frozenset({"delegation", "delegations", "team", "teams", "mission", "side"})
LEAD_VERBS = frozenset({"lead", "leads", "led", "leading", "head", "heads", "headed", "heading"})
REPRESENT_VERBS = frozenset({"represent", "represents", "represented", "representing"})
SPEAK_FOR_VERBS = frozenset({"speak", "speaks", "spoke", "speaking", "negotiate", "negotiates",
                             "negotiated", "negotiating", "sign", "signs", "signed", "signing",
                             "act", "acts", "acted", "acting"})

# the subject of these stays away from the event it names: "X skipped the talks", "X did not
# turn up for the final round", "X stayed away from the meeting" (never a participant)
ABSENCE_VERBS = frozenset({"skip", "skips", "skipped", "skipping", "boycott", "boycotts", "boycotted",
                           "boycotting", "shun", "shuns", "shunned", "snub", "snubs", "snubbed",
                           "miss", "misses", "missed"})
ATTEND_VERBS = frozenset({"attend", "attends", "attended", "turn", "turns", "turned", "show", "shows",
                          "showed", "join", "joins", "joined", "participate", "participates",
                          "participated", "take", "takes", "took", "come", "comes", "came", "go",
                          "goes", "went", "appear", "appeared"})
LEAVE_VERBS = frozenset({"stay", "stays", "stayed", "pull", "pulls", "pulled", "walk", "walks",
                         "walked", "withdraw", "withdrew", "withdrawn", "keep", "kept"})
LEAVE_PARTICLES = frozenset({"away", "out", "from"})
