"""A broad, generic event-kind inventory: which predicates (verbs and event nouns) announce what.

The classes follow the top levels of the ACE 2005 event ontology (Life, Movement, Transaction,
Business, Conflict, Contact, Personnel, Justice) and of CAMEO, widened with the news genres a
dossier meets (disasters, accidents, elections and debates, launches). Hand-written because no
installed library ships an event lexicon (no FrameNet/VerbNet/WordNet offline, and the pipeline
runs without spaCy's lemmatizer); verbs are listed by base form and inflected by
``cues.inflect`` plus explicit irregular forms, so the table also gives each form's lemma (used to
name an event by what happened). Nothing here knows any story.
"""

from __future__ import annotations

import logging

from dossier.nlp.cues import inflect

logger = logging.getLogger(__name__)

# kind -> verb base forms. A verb needs a subject or object of its own to count (see events.py).
_VERBS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "bomb", "shoot", "stab", "kill", "shell", "raid", "ambush", "assault",
               "massacre", "murder", "slay", "invade", "gun", "assassinate", "behead", "bombard",
               "strangle", "firebomb"),
    "kidnapping": ("kidnap", "abduct", "hijack"),
    "explosion": ("explode",),
    "disaster": ("erupt",),
    "accident": ("crash", "collide", "derail", "capsize"),
    "death": ("die", "perish", "drown", "succumb"),
    "injury": ("injure", "wound", "maim", "hurt"),
    "deal": ("acquire", "buy", "purchase", "merge", "sell", "bid", "divest"),
    "payment": ("donate", "pay"),
    "bankruptcy": ("liquidate",),
    "closure": ("disband", "shutter"),
    "arrest": ("arrest", "detain", "apprehend", "capture", "nab"),
    "charge": ("charge", "indict", "sue", "prosecute", "arraign", "impeach"),
    "trial": ("testify", "try"),
    "verdict": ("convict", "acquit", "sentence", "jail", "imprison", "fine", "exonerate"),
    "appeal": ("appeal",),
    "release": ("free", "parole"),
    "pardon": ("pardon",),
    "execution": ("execute",),
    "extradition": ("extradite", "deport"),
    "escape": ("escape",),
    "robbery": ("rob", "steal", "loot"),
    "election": ("elect", "vote", "reelect", "re-elect"),
    "result": ("win", "defeat", "beat", "lose", "clinch", "retain", "defend", "crown"),
    "debate": ("debate",),
    "appointment": ("appoint", "nominate", "hire", "name", "cast", "choose", "select", "pick", "tap",
                    "promote", "inaugurate", "recruit"),
    "resignation": ("resign", "quit", "retire", "abdicate"),
    "dismissal": ("dismiss", "sack", "oust", "fire", "overthrow", "demote"),
    "announcement": ("announce", "unveil"),
    "launch": ("launch", "release", "introduce", "premiere", "debut"),
    "endorsement": ("endorse",),
    "withdrawal": ("withdraw", "suspend"),
    "legislation": ("ratify", "veto", "enact", "repeal", "pass", "approve", "reject"),
    "marriage": ("marry", "wed"),
    "divorce": ("divorce",),
    "health": ("hospitalize", "hospitalise", "check", "enter", "admit", "diagnose", "rush", "airlift"),
    "rescue": ("rescue", "evacuate"),
    "roster": ("trade", "waive"),
}

# irregular or consonant-doubling forms of the verbs above (base -> forms); the rest are regular
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shoots", "shot", "shooting"),
    "stab": ("stabs", "stabbed", "stabbing"),
    "slay": ("slays", "slew", "slain", "slaying"),
    "gun": ("guns", "gunned", "gunning"),
    "rob": ("robs", "robbed", "robbing"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "buy": ("buys", "bought", "buying"),
    "sell": ("sells", "sold", "selling"),
    "bid": ("bids", "bidding"),
    "die": ("dies", "died", "dying"),
    "win": ("wins", "won", "winning"),
    "beat": ("beats", "beaten", "beating"),
    "lose": ("loses", "lost", "losing"),
    "quit": ("quits", "quitting"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "acquit": ("acquits", "acquitted", "acquitting"),
    "admit": ("admits", "admitted", "admitting"),
    "jail": ("jails", "jailed"),
    "sack": ("sacks", "sacked"),
    "oust": ("ousts", "ousted", "ousting"),
    "debate": ("debated",),  # "debates"/"debating" are nouns far more often in news
    "name": ("names", "named"),
    "release": ("releases", "released"),
    "charge": ("charged",),  # "charges" is the noun (listed below)
    "fire": ("fired",),
    "vote": ("voted", "voting"),
    "kidnap": ("kidnaps", "kidnapped", "kidnapping"),
    "nab": ("nabs", "nabbed", "nabbing"),
    "try": ("tried",),  # "tries"/"trying" are attempts far more often than trials
    "fine": ("fines", "fined"),  # "fine" alone is the adjective or the noun
    "free": ("frees", "freed", "freeing"),
    "pay": ("pays", "paid", "paying"),
    "shutter": ("shutters", "shuttered"),
    "crown": ("crowned",),
    "cast": ("casts", "casting"),  # the bare form "cast" is also its past
    "pick": ("picks", "picked"),
    "tap": ("tapped",),
    "overthrow": ("overthrows", "overthrew", "overthrown"),
    "wed": ("weds", "wedded", "wedding"),
    "pass": ("passed",),
    "rush": ("rushed",),
    "hurt": ("hurts", "hurting"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "wound": ("wounds", "wounded"),  # "wound" is also the past of "wind"; "wounding" is rare
}

# kind -> event nouns (singular; the plural is added by rule unless listed irregular)
_NOUNS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "bombing", "shooting", "stabbing", "killing", "massacre", "airstrike",
               "air strike", "ambush", "assault", "raid", "murder", "invasion", "offensive",
               "shelling", "gunfight", "firefight", "rampage", "assassination", "beheading",
               "bombardment", "coup"),
    "kidnapping": ("kidnapping", "abduction", "hijacking"),
    "explosion": ("explosion", "blast"),
    "disaster": ("earthquake", "quake", "tsunami", "flood", "flooding", "hurricane", "typhoon",
                 "cyclone", "tornado", "eruption", "landslide", "mudslide", "avalanche", "wildfire",
                 "storm", "drought", "aftershock", "famine", "epidemic", "outbreak", "spill"),
    "fire": ("fire", "blaze", "inferno"),
    "accident": ("crash", "collision", "accident", "derailment", "pileup", "shipwreck", "sinking"),
    "death": ("death", "funeral", "suicide", "overdose", "drowning"),
    "deal": ("acquisition", "takeover", "merger", "purchase", "buyout", "sale", "divestiture"),
    "payment": ("donation", "bailout", "ransom"),
    "bankruptcy": ("bankruptcy", "insolvency", "receivership", "liquidation"),
    "closure": ("closure", "dissolution"),
    "arrest": ("arrest", "detention", "capture"),
    "charge": ("indictment", "lawsuit", "charges", "arraignment", "impeachment"),
    "trial": ("trial", "hearing", "testimony", "inquest", "retrial"),
    "verdict": ("verdict", "conviction", "acquittal", "sentencing", "ruling", "judgment", "sentence", "fine"),
    "appeal": ("appeal",),
    "release": ("parole",),
    "pardon": ("pardon", "clemency", "amnesty", "commutation"),
    "execution": ("execution",),
    "extradition": ("extradition", "deportation"),
    "escape": ("escape", "jailbreak"),
    "robbery": ("robbery", "theft", "heist", "burglary"),
    "election": ("primary", "caucus", "caucuses", "runoff", "ballot", "plebiscite"),
    "result": ("victory", "defeat", "win", "triumph", "upset"),
    "debate": ("debate", "faceoff", "face-off", "town hall"),
    "appointment": ("appointment", "nomination", "inauguration", "swearing-in"),
    "resignation": ("resignation", "retirement", "abdication"),
    "dismissal": ("dismissal", "firing", "ouster", "sacking", "layoff"),
    "announcement": ("announcement", "unveiling"),
    "launch": ("release", "debut", "premiere", "rollout", "unveiling"),
    "endorsement": ("endorsement",),
    "withdrawal": ("withdrawal", "suspension"),
    "legislation": ("veto", "ratification", "repeal"),
    "marriage": ("wedding", "nuptials"),
    "divorce": ("divorce",),
    "health": ("surgery", "hospitalization", "hospitalisation", "diagnosis", "transplant"),
    "convention": ("convention", "congress", "conference"),
    "outage": ("outage", "blackout", "shutdown"),
    "riot": ("riot", "unrest", "clashes", "uprising"),
    "protest": ("sit-in", "boycott", "picket", "march"),
    "rescue": ("rescue", "evacuation"),
    "strike": ("walkout", "strike"),
}

_NOUN_PLURALS_IRREGULAR = {"caucus": "caucuses", "primary": "primaries", "unrest": "", "charges": "",
                           "testimony": "", "flooding": "", "shelling": "", "clemency": "", "amnesty": "amnesties",
                           "surgery": "surgeries", "nuptials": "", "bankruptcy": "bankruptcies",
                           "insolvency": "", "receivership": "", "diagnosis": "diagnoses", "famine": "famines",
                           "bombardment": ""}


def verb_forms() -> dict[str, tuple[str, str]]:
    """Inflected verb form -> (kind, base form)."""
    out: dict[str, tuple[str, str]] = {}
    for kind, bases in _VERBS.items():
        for base in bases:
            forms = set(inflect(base)) | set(_IRREGULAR.get(base, ()))
            if base in _IRREGULAR:  # the listed forms replace the rule's guesses
                forms = {base, *_IRREGULAR[base]}
            for form in forms:
                out.setdefault(form, (kind, base))
    return out


def noun_forms() -> dict[str, tuple[str, str]]:
    """Event noun (singular and plural, one-word heads only) -> (kind, singular)."""
    out: dict[str, tuple[str, str]] = {}
    for kind, nouns in _NOUNS.items():
        for noun in nouns:
            head = noun.split()[-1]
            plural = _NOUN_PLURALS_IRREGULAR.get(head, head + ("es" if head.endswith(("s", "sh", "ch", "x"))
                                                                else "s"))
            for form in (head, plural):
                if form:
                    out.setdefault(form, (kind, noun))
    return out


def past_participle(base: str) -> str | None:
    """A verb's past participle ("fire" -> "fired", "stab" -> "stabbed", "win" -> "won", "steal" ->
    "stolen"); None when the listed forms do not give it."""
    if base in _IRREGULAR:  # "stabbed"; else the past form of "won", "shot", or the -n of "stole, stolen"
        past = [f for f in _IRREGULAR[base] if not f.endswith(("s", "ing"))]
        return next((f for f in past if f.endswith("ed")), None) or next(
            (f for f in past if f.endswith("n") or len(past) == 1), None)
    done = inflect(base)[2]
    return done if done.endswith("ed") else None


VERB_KIND = verb_forms()
NOUN_KIND = noun_forms()

# verbs of these kinds that report an utterance when they take a clause ("announced that ..."):
# then the reported content, not the reporting, is the news
CLAUSE_REPORTING = frozenset({"announce", "unveil", "release"})

# verbs that need a named human/organisation object to be that kind of event ("named X chief",
# "fired the coach", "charged X with", "beat X"): "fired shots", "named after", "charged batteries",
# "tried to", "hurt sales", "executed the plan", "freed funds", "pardon the pun", "promoted the album"
NEEDS_PERSON_OBJECT = frozenset({"name", "fire", "charge", "hire", "beat", "sack", "dismiss", "hurt", "diagnose",
                                 "crown", "promote", "recruit", "pardon", "execute", "free", "parole", "try",
                                 "cast", "choose", "select", "pick", "tap", "trade", "waive", "capture"})
# ... and besides a role to fill ("named X chief", "picked X as running mate", "tapped X to lead"):
# "named in the suit", "picked X up at the airport" are not appointments
NEEDS_ROLE = frozenset({"name", "choose", "select", "pick", "tap"})

# a casting names the production or the role ("cast as the villain in the new film"); "cast himself
# as an outsider" casts no one
PRODUCTION_NOUNS = frozenset({"role", "roles", "film", "films", "movie", "movies", "series", "play", "show", "sequel",
                              "production", "musical", "remake", "adaptation", "drama", "opera", "episode",
                              "season", "miniseries", "biopic", "thriller", "comedy"})

# verbs that are a health event only when their goal is a place of care ("checked into a rehab
# clinic", "entered hospital", "was admitted to hospital", "rushed to hospital"), not "checked the
# list", "entered the race", "admitted the error", "rushed to judgment"
NEEDS_CARE_PLACE = frozenset({"check", "enter", "admit", "rush", "airlift"})
CARE_NOUNS = frozenset({"rehab", "rehabilitation", "hospital", "clinic", "treatment", "hospice", "detox",
                        "infirmary", "sanatorium", "ward"})

# objects that make a verb that kind of event (ACE's argument constraints): a title defended or
# retained is a contest's result ("retained his title", not "retained a lawyer"); a bill passed,
# approved or rejected is legislation ("passed the bill", not "passed the ball"); money paid is a
# payment ("paid $5 million", not "paid tribute")
NEEDS_OBJECT: dict[str, frozenset[str]] = {
    **dict.fromkeys(("retain", "defend"), frozenset({
        "title", "titles", "crown", "belt", "championship", "cup", "trophy", "medal", "seat", "seats"})),
    **dict.fromkeys(("pass", "approve", "reject"), frozenset({
        "bill", "bills", "law", "laws", "budget", "resolution", "resolutions", "measure", "amendment",
        "act", "legislation", "ordinance", "treaty", "constitution"})),
    "pay": frozenset({"ransom", "fine", "fines", "damages", "compensation", "settlement", "bail"}),
}
NEEDS_MONEY = frozenset({"pay"})  # ... or a sum of money ("paid $5 million")

# a person set free, or anyone released from custody, is a release (ACE Justice.Release-Parole);
# "released an album" is a launch
CUSTODY_NOUNS = frozenset({"prison", "jail", "custody", "detention", "captivity", "hospital", "prisons"})
# what a legal appeal is against ("appealed the verdict", "an appeal against the ruling"), and
# where it goes ("appealed to the Supreme Court"): "appealed for calm" is no court appeal
LEGAL_OBJECTS = frozenset({"verdict", "conviction", "sentence", "ruling", "judgment", "decision", "acquittal",
                           "convictions", "sentences", "rulings", "court", "extradition", "deportation"})

# predicates of a few words (ACE's multi-word triggers): base verb -> (link, words, kind), where
# link "prt" is a particle ("stepped down"), "dobj" the object ("opened fire"), "comp" an
# adjective complement ("found dead"), or a preposition whose object is one of the words
# ("filed for bankruptcy", "taken into custody")
CONSTRUCTIONS: dict[str, tuple[tuple[str, frozenset[str], str], ...]] = {
    "step": (("prt", frozenset({"down", "aside"}), "resignation"),),
    "pass": (("prt", frozenset({"away"}), "death"),),
    "file": (("for", frozenset({"bankruptcy", "insolvency", "receivership"}), "bankruptcy"),
             ("for", frozenset({"divorce"}), "divorce")),
    "take": (("into", frozenset({"custody"}), "arrest"),),
    "swear": (("prt", frozenset({"in"}), "appointment"),),
    "open": (("dobj", frozenset({"fire"}), "attack"),),
    "knock": (("prt", frozenset({"out"}), "result"),),
    "lay": (("prt", frozenset({"off"}), "dismissal"),),
    "go": (("on", frozenset({"strike"}), "strike"),),
    "cut": (("dobj", frozenset({"cable", "cables", "power", "electricity", "supply", "supplies", "internet"}),
             "outage"),),
    "sever": (("dobj", frozenset({"cable", "cables", "power", "electricity", "supply", "supplies", "internet"}),
               "outage"),),
    "find": (("comp", frozenset({"dead"}), "death"), ("comp", frozenset({"guilty", "liable", "innocent"}), "verdict")),
    "pronounce": (("comp", frozenset({"dead"}), "death"),),
    "presume": (("comp", frozenset({"dead"}), "death"),),
    "declare": (("comp", frozenset({"dead"}), "death"), ("dobj", frozenset({"bankruptcy", "insolvency"}), "bankruptcy")),
    "plead": (("comp", frozenset({"guilty", "innocent"}), "verdict"),),
    "give": (("dobj", frozenset({"birth"}), "birth"),),
    "place": (("on", frozenset({"reserve", "disabled"}), "roster"),),
}
_CONSTRUCTION_IRREGULAR: dict[str, tuple[str, ...]] = {
    "take": ("takes", "took", "taken", "taking"), "swear": ("swears", "swore", "sworn", "swearing"),
    "lay": ("lays", "laid", "laying"), "go": ("goes", "went", "gone", "going"),
    "cut": ("cuts", "cutting"), "find": ("finds", "found", "finding"), "plead": ("pleads", "pleaded", "pled",
                                                                                 "pleading"),
    "give": ("gives", "gave", "given", "giving"), "step": ("steps", "stepped", "stepping"),
    "pass": ("passes", "passed", "passing"), "knock": ("knocks", "knocked", "knocking"),
}


def construction_forms() -> dict[str, str]:
    """Inflected form -> base of the verbs that head a construction."""
    out: dict[str, str] = {}
    for base in CONSTRUCTIONS:
        for form in (base, *_CONSTRUCTION_IRREGULAR.get(base, inflect(base))):
            out.setdefault(form, base)
    return out


CONSTRUCTION_VERB = construction_forms()


def verb_base(form: str) -> str:
    """Base form of an inventory verb ("stepped" -> "step"), else the form itself."""
    got = VERB_KIND.get(form)
    return got[1] if got is not None else CONSTRUCTION_VERB.get(form, form)


# the kinds whose events the lead of breaking news dates to the dateline day when no time is given
BREAKING_KINDS = frozenset({
    "attack", "explosion", "disaster", "fire", "accident", "death", "injury", "arrest", "charge",
    "verdict", "escape", "robbery", "result", "appointment", "resignation", "dismissal", "announcement",
    "launch", "endorsement", "withdrawal", "deal", "riot", "outage", "rescue", "health", "kidnapping",
    "payment", "bankruptcy", "closure", "appeal", "release", "pardon", "execution", "extradition",
    "legislation", "marriage", "divorce", "birth", "roster",
})

# kinds that can name one real event in different reports ("shooting" / "killing" / "attack")
GENERIC_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"attack", "explosion"}),
    frozenset({"disaster"}),
    frozenset({"fire"}),
    frozenset({"accident", "death", "injury"}),
    frozenset({"deal"}),
    frozenset({"arrest", "charge"}),
    frozenset({"trial", "verdict"}),
    frozenset({"election", "result"}),
    frozenset({"debate"}),
    frozenset({"appointment"}),
    frozenset({"resignation", "dismissal", "withdrawal"}),
    frozenset({"announcement", "launch"}),
    frozenset({"endorsement"}),
    frozenset({"convention"}),
    frozenset({"riot", "protest"}),
    frozenset({"escape"}),
    frozenset({"robbery"}),
    frozenset({"outage"}),
    frozenset({"rescue"}),
    frozenset({"health"}),
    frozenset({"strike"}),
    frozenset({"kidnapping"}),
    frozenset({"payment"}),
    frozenset({"bankruptcy", "closure"}),
    frozenset({"appeal"}),
    frozenset({"release", "pardon"}),
    frozenset({"execution"}),
    frozenset({"extradition"}),
    frozenset({"legislation"}),
    frozenset({"marriage"}),
    frozenset({"divorce"}),
    frozenset({"birth"}),
    frozenset({"roster"}),
)


def third_person(base: str) -> str:
    """Headline present tense of a base verb ("buy" -> "buys"): events are named as headlines are."""
    if base == "be":
        return "is"
    if base.endswith("o"):  # "vetoes", "goes"
        return base + "es"
    return inflect(base)[1]
