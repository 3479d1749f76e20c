"""English word tables used by more than one stage, kept in one place so a fix reaches every reader.

Why hand-written: these are closed classes of English (month and weekday names, their news-style
abbreviations) that no installed library exposes locale-independently (``calendar.month_name``
follows the process locale). Stage-specific vocabularies stay beside the rules that use them.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
# Three-letter abbreviations, in month order ("may" is also the full name).
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(m[:3].lower() for m in MONTH_NAMES)
# Full lower-case month name -> 1..12.
FULL_MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTH_NAMES, start=1)}
# Full names, abbreviations and "sept" (lower case, no dot) -> 1..12.
MONTHS: dict[str, int] = (
    FULL_MONTHS | {a: i for i, a in enumerate(MONTH_ABBREVIATIONS, start=1)} | {"sept": 9}
)
# A regex alternation of every month word (full names first, so the longest form wins).
MONTH_PATTERN: str = "|".join(
    [m.lower() for m in MONTH_NAMES]
    + [w for a in MONTH_ABBREVIATIONS if a != "may" for w in ((a, "sept") if a == "sep" else (a,))]
)
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Courtesy titles written before a person's name, with and without the dot ("Mr", "Mr.").
HONORIFICS: frozenset[str] = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir madam mme mme. prof prof.".split())
# The courtesy titles that say the bearer's gender ("Mr. <Surname>" is a man, "Mrs."/"Ms."/"Miss" a woman).
MALE_HONORIFICS: frozenset[str] = frozenset("mr mr. sir".split())
FEMALE_HONORIFICS: frozenset[str] = frozenset("mrs mrs. ms ms. miss madam mme mme.".split())
# Offices one person holds at a time (of one country, state, city or body): two people holding one
# at the same time means one of them is a former holder ('President <Name>' for a past president).
SINGLE_HOLDER_TITLES: frozenset[str] = frozenset(
    {"president", "vice president", "prime minister", "chancellor", "premier", "governor", "mayor",
     "secretary of state", "attorney general",
     "secretary-general", "secretary general", "king", "queen", "pope", "first lady"})
# Family nouns: a name set against one with a possessor ('his son, <Name>') is that person's relative;
# a speaker so named is a person though no role says so.
FAMILY_NOUNS: frozenset[str] = frozenset(
    """wife wives husband husbands mother mothers father fathers son sons daughter daughters brother
    brothers sister sisters parent parents child children widow widower grandmother grandfather
    grandson grandsons granddaughter granddaughters aunt uncle niece nephew cousin cousins stepson
    stepdaughter stepfather stepmother""".split())
# Nouns of a kind of person (not a post) that an apposition gives a name ('<Name>, another partner,',
# '<Name>, a 33-year-old actress'): the name is a person's, whatever the tagger said.
PERSON_KIND_NOUNS: frozenset[str] = frozenset(
    "partner player actor actress singer star resident victim student teacher officer worker".split())
# Words before a title that say it was held before and is no longer ('former President', 'the
# then-governor'); with 'outgoing' and 'future' (held now but ending, or not yet) they say it is not
# held now as a lasting role.
PAST_TITLE_WORDS: frozenset[str] = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile"})
NOT_CURRENT_TITLE_WORDS: frozenset[str] = PAST_TITLE_WORDS | {"outgoing", "future"}
# Words written after the role noun they qualify ('attorney general', 'secretary general', 'surgeon
# general', 'president elect'): 'the general' is no attorney general.
POSTPOSITIVE_TITLE_WORDS: frozenset[str] = frozenset("general elect designate".split())
# Words before a role that make another office of it: "the president" is not the vice president, "the
# governor" not the lieutenant governor, "the minister" not a deputy minister.
SUBORDINATE_ROLE_WORDS: frozenset[str] = frozenset("vice deputy assistant associate lieutenant under".split())
# A role that is the complement of a verb with a modal or infinitival 'to', or in a conditional clause
# ("if he becomes the nominee", "should she become the president", "wants to be the chairman"), is
# one that may be held, not one that is: irrealis mood, no reference to a holder.
IRREALIS_AUXILIARIES: frozenset[str] = frozenset("will would could might may should shall can must to 'll 'd".split())
CONDITIONAL_MARKS: frozenset[str] = frozenset("if unless whether once until".split())
# A ship's name follows a prefix of its navy or kind ('USS <Name>', 'MV <Name>') or a vessel noun
# ('the frigate <Name>'): a vessel, not the person or place the name may also be. Prefixes that are
# also common abbreviations ('MS', 'JS', 'ITS') and 'carrier' (an airline, a telecom) are left out.
SHIP_PREFIXES: frozenset[str] = frozenset(
    "USS HMS INS MV SS RMS HMAS HMCS HMNZS USNS USCGC MT FV RV PNS ROKS BRP HNLMS".split())
VESSEL_NOUNS: frozenset[str] = frozenset(
    "ship warship frigate destroyer cruiser submarine tanker freighter trawler ferry yacht liner vessel schooner".split())
# Abbreviated titles written before names, and what they stand for ('Sen. X' and 'Senator X' hold one
# role; an organisation's name never ends in one: 'State Police Lt. <Name>').
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "pres": "president",
    "atty": "attorney", "amb": "ambassador", "supt": "superintendent", "insp": "inspector", "cpt": "captain",
    "cmdr": "commander", "det": "detective", "cpl": "corporal", "qb": "quarterback"}
# Words before a title that name a relation to another person, not a post: 'fellow candidate <Name>',
# '<Name> rival Sen. <Name>' (the relation goes; the title after it stays).
RELATIONAL_TITLE_WORDS: frozenset[str] = frozenset("fellow rival opponent challenger".split())
# Capitalised words before a title that name an affiliation, not whom the post is of: a party, an
# ideology or a faith ('Republican senator', 'Conservative MP', 'Muslim cleric'; nationalities are
# read as countries). They are names of groups, so an entity may carry them; they still hold no post.
AFFILIATION_WORDS: frozenset[str] = frozenset(
    """republican republicans democratic democrat democrats gop conservative conservatives labour liberal
    liberals libertarian green greens independent socialist socialists communist progressive progressives
    tory tories whig populist nationalist centrist leftist rightist moderate evangelical muslim christian
    catholic protestant jewish orthodox mormon sunni shiite shia hindu sikh buddhist""".split())
# Words that make a part of a place or another place of a name ('Southern X', 'Middle West' / 'Middle East').
DIRECTION_WORDS: frozenset[str] = frozenset(
    "north south east west northern southern eastern western upper lower central greater inner outer".split())
# Words naming a portfolio after 'of' in a title ('Secretary of State', 'Minister of Foreign Affairs'):
# part of the office's name, not a body ('Speaker of the House', 'chief of staff of the White House').
PORTFOLIO_NOUNS: frozenset[str] = frozenset(
    "treasury homeland labor labour commerce energy agriculture transportation transport veterans housing "
    "interior war navy army communications culture environment state foreign affairs defense defence "
    "finance economy trade justice health education security intelligence".split())
# Nouns of a candidacy: a role of its own, apart from an office written right after it ('presidential
# candidate Senator <Name>' is a candidate who holds a seat).
CANDIDACY_NOUNS: frozenset[str] = frozenset("candidate nominee hopeful contender".split())
# Titles of address that are also ordinary words or names ("Miss", "Lord", "Lady", "Rev", "Fr"): safe
# to drop from a name already found, not a cue to look for one.
TITLES_OF_ADDRESS: frozenset[str] = frozenset("miss dame lord lady rev fr".split())
# Letters after a person's name for a degree, an honour or an office ('<Name>, MD, PhD', '<Name> QC',
# '<Name>, Esq.'): part of how the name is written, never a name of their own ('MD' is no state there).
POST_NOMINALS: frozenset[str] = frozenset(
    """md phd dphil qc kc mp msp mep mla esq dds dmd dvm rn jd mba llb llm cbe obe mbe kbe dbe frs facs
    facp""".split())
# The articles, which headline style drops ("Man charged after party shooting") and running prose keeps.
ARTICLES: frozenset[str] = frozenset({"a", "an", "the"})
# Last words that make a name an organisation ("Levada Center", "Kyoto University").
ORG_NAME_NOUNS: frozenset[str] = frozenset(
    """center centre university institute ministry party agency council committee bank company
    corporation group forum foundation association union times news post review journal
    commission office department service club league organization organisation""".split()
)
# Last words of a legislature's name ('<Place> Senate', '<Name> Assembly'): a body, never a person
# (the tagger calls a headline's '<Word> Senate' one), and no person's surname when alone.
LEGISLATURE_NOUNS: frozenset[str] = frozenset("senate congress parliament assembly legislature".split())
# A legislative chamber before a title is the seat held or sought ('Senate candidate', 'House
# Republican'), not whom or what the post is of.
CHAMBER_WORDS: frozenset[str] = LEGISLATURE_NOUNS | {"house"}
# Reporting verbs of news prose, base form -> irregular forms (the regular ones come from
# ``nlp.cues.inflect``). Read by the claim finder (a demand reported with one: 'X said Y must')
# and by the resolver (a bare 'it' opening the clause one reports: '<Org> said it would').
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "state": (), "announce": (), "declare": (), "claim": (), "add": (), "report": (), "confirm": (),
    "insist": (), "warn": (), "note": (), "acknowledge": (), "suggest": (), "stress": (), "emphasize": (),
    "emphasise": (), "reiterate": (), "repeat": (), "argue": (),
}  # fmt: skip
# Nouns that name a class of organisation, by which news calls one it has named ('<Org> ... the
# company said'): a definite one points back at the last organisation named. 'The state', 'the
# court of appeals' or 'the region' are no such class.
# Of those, the classes whose members carry the class noun in their own names ('<X> Party'): 'the
# party' after a network's name is the party the page named, not that network.
NAMED_CLASS_NOUNS: frozenset[str] = frozenset({"party"})
ORG_CLASS_NOUNS: frozenset[str] = ORG_NAME_NOUNS | frozenset(
    """company firm organization organisation network newspaper paper agency bank retailer carrier
    airline maker manufacturer chain studio label publisher charity outlet station channel
    broadcaster group giant startup operator provider developer insurer lender owner producer
    distributor supplier brand business enterprise conglomerate subsidiary team club franchise squad""".split()
)
# Families of organisation: a body whose name ends in one family's class word ('<Place> Highway
# Patrol', '<Name> University') is not what news calls by another family's class noun ('the team'
# after a police force names a team named before it). Words of one family describe one another's
# members ('<Name> Corp.' ... 'the company').
ORG_CLASS_FAMILIES: dict[str, frozenset[str]] = {
    family: frozenset(words.split())
    for family, words in {
        "business": """company firm corporation corp inc ltd llc co business enterprise conglomerate
            subsidiary group giant maker manufacturer retailer chain brand startup developer producer
            distributor supplier operator provider owner insurer lender carrier airline studio label""",
        "sports": "team club franchise squad",
        "media": "network newspaper paper station channel broadcaster outlet publisher times news post review journal",
        "public": "agency ministry department office commission council committee service patrol police bureau authority administration",
        "school": "university institute college school academy",
        "finance": "bank",
        "politics": "party",
        "members": "union league association federation",
        "charity": "charity foundation",
    }.items()
}
# Generic English function words: prose is dense in them, menus are not (the cleaner); they say
# nothing of what a page reports (the resolver's page groups).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    few for from further had has have having he her here hers him his how however i if in into is
    it its itself just may might more most much must my neither no nor not now of off on once only
    or other our out over own same shall she should since so some such than that the their them
    then there these they this those though through to too under until up upon very was we were
    what when where whether which while who whom whose why will with within without would yet you
    your said says""".split()
)
# Forms of the copulas that take a predicate nominal ('<Name> was a lawyer', 'became president'):
# the noun phrase after them says what the subject is and names no one of its own.
COPULAS: frozenset[str] = frozenset(
    "is are was were be been am became become becomes becoming remain remains remained".split()
)
# Quantifiers that make a noun phrase denote no individual ('every user', 'no gun', 'any attacker'),
# and the pronouns built on them ('anyone', 'nobody', 'everything'). 'all' is left out ('all
# customers' is mostly the set the story names), and so is 'someone' ('someone shot him' is one
# person the story goes on about).
QUANTIFIER_DETERMINERS: frozenset[str] = frozenset("every each no any".split())
# Vague quantifiers ('many users', 'several villages', 'a few officers'): an unspecified part of a
# set, which a later 'many users' or 'several villages' on another page is not shown to be. Unless a
# determiner opens the phrase: 'the many fans', 'her several clinics' are a definite set.
VAGUE_QUANTIFIERS: frozenset[str] = frozenset("many several few numerous various".split())
QUANTIFIER_PRONOUNS: frozenset[str] = frozenset(
    "anyone anybody anything everyone everybody everything nobody nothing".split()
)
# Nouns that say the name before/after them is a place.
PLACE_NOUNS: frozenset[str] = frozenset(
    """island islands isle isles islet islets archipelago peninsula river rivers lake lakes sea bay
    strait straits mountain mountains mount mt. cape gulf coast valley desert city town village
    province prefecture region county district state republic capital port harbour harbor oblast
    krai territory territories""".split()
)
# Place nouns that name a political unit (GPE) rather than a geographic feature (LOC).
GPE_NOUNS: frozenset[str] = frozenset(
    "city town village province prefecture county district state republic capital oblast krai".split()
)
# Place nouns that stand in apposition to a name: before it with 'of' ('the city of <Name>', 'the
# southern resort of <Name>', 'the island of <Name>') or after it in lowercase ('<Name> province',
# '<Name> island', '<Name> sea'), the name and the noun being one place. Relational place nouns are
# left out: 'the capital of <Country>', 'the coast of <Country>', 'the port of' are another place,
# and '<Name> state' may be a state named after its capital city.
APPOSITIVE_PLACE_NOUNS: frozenset[str] = frozenset(
    """island islands isle isles islet archipelago peninsula river lake sea bay strait straits
    mountain valley desert city town village hamlet resort suburb borough municipality province
    prefecture region county district republic emirate oblast krai territory""".split()
)
# What a platform holds, right after its name ('<Name> account', '<Name> feed'): the name is a medium,
# never a person (a person's is written with a possessive: "<Name>'s account").
PLATFORM_NOUNS: frozenset[str] = frozenset(
    "account accounts feed feeds post posts page pages followers handle timeline users livestream".split()
)
# Last words of a building's or a site's name ('<Name> Tower', '<Name> Stadium'): a facility, never
# a person, though a facility often bears a person's name.
FACILITY_NOUNS: frozenset[str] = frozenset(
    """tower towers building hotel plaza stadium arena airport bridge hall palace mall square street
    avenue boulevard hospital church cathedral mosque temple synagogue park station terminal museum
    library theater theatre prison jail base dam pier ave blvd rd road""".split()
)
# Last words of a thoroughfare's name ('<Name> Avenue', '<Name> Ave.'): a place, never a body or a person
# ('St.' is left out: it is also 'Saint' before a name; 'Road' too: a plan or a route is named so).
STREET_LAST_NOUNS: frozenset[str] = frozenset("street avenue boulevard ave blvd rd".split())
# A thoroughfare's noun as abbreviated ('<Name> Ave.' is '<Name> Avenue').
STREET_ABBREVIATIONS: dict[str, str] = {"ave": "avenue", "blvd": "boulevard", "rd": "road"}
# First words of a street's or square's name in languages that write the street noun first ('Rue de
# <Name>', 'Place <Name>', 'Via <Name>', 'Avenida <Name>'; folded, no accents): a place, never a person
# or a body, though the rest is often a person's name.
STREET_FIRST_NOUNS: frozenset[str] = frozenset(
    "rue avenue boulevard place quai allee chaussee via viale piazza calle avenida plaza paseo carrer rua praca".split())
# Peoples that are no country's nationals: ethnic, religious and regional groups, singular (lowercase).
# Their plurals ('<Group>s') are a people, which the tagger sometimes calls a person; nationalities
# come from the gazetteer's demonyms (``geo.country_of_adjective``).
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """latino latina hispanic arab kurd berber bedouin pashtun tajik uzbek hazara tamil sikh hindu muslim
    jew christian catholic protestant evangelical mormon baptist methodist anglican sunni shiite alawite
    druze buddhist yazidi copt maori aborigine inuit african asian european""".split()
)
# Legal forms that end a company's name ('<Name> Corp', '<Name> Ltd.'): an organisation, never a person.
LEGAL_FORMS: frozenset[str] = frozenset("inc incorporated corp corporation ltd limited llc plc gmbh".split())
# Number words and scales ('two', 'dozen', 'million', 'bn'), read by the figure finder and by
# resolution's money amounts.
NUMBER_WORDS: dict[str, float] = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
NUMBER_WORDS.update({w: float(10 * (i + 2)) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
NUMBER_WORDS.update({"a": 1.0, "an": 1.0, "dozen": 12.0, "dozens": 24.0})
NUMBER_SCALES: dict[str, float] = {
    "hundred": 1e2, "hundreds": 1e2, "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mm": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
}
# Currency markers, longest first where one is a prefix of another ("US$" before "$").
CURRENCY_MARKERS: dict[str, str] = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB", "₽": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
    "won": "KRW", "rupee": "INR", "rupees": "INR", "₹": "INR",
}
# British spellings of nouns and their American forms, by ending (longest first) and by word: one
# referent written both ways by two outlets ('jewellery' / 'jewelry', 'centre' / 'center').
_UK_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ellery", "elry"), ("isations", "izations"), ("isation", "ization"), ("ogues", "ogs"), ("ogue", "og"),
    ("tres", "ters"), ("tre", "ter"), ("bres", "bers"), ("bre", "ber"),
)
_UK_WORDS: dict[str, str] = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "aluminium": "aluminum", "grey": "gray",
    "colour": "color", "colours": "colors", "honour": "honor", "labour": "labor", "favour": "favor",
    "harbour": "harbor", "neighbour": "neighbor", "neighbours": "neighbors", "behaviour": "behavior",
    "rumour": "rumor", "rumours": "rumors", "armour": "armor", "vapour": "vapor", "tumour": "tumor",
    "jeweller": "jeweler", "jewellers": "jewelers", "traveller": "traveler", "travellers": "travelers",
    "metre": "meter", "metres": "meters", "litre": "liter", "litres": "liters", "fibre": "fiber",
    "timbre": "timbre", "counsellor": "counselor", "counsellors": "counselors", "cheque": "check", "cheques": "checks",
}


def us_spelling(word: str) -> str:
    """The American spelling of a lowercase British noun ('jewellery' -> 'jewelry', 'theatre' ->
    'theater'); other words unchanged. A stem of three letters at least ('vogue', 'rogue' stay)."""
    if word in _UK_WORDS:
        return _UK_WORDS[word]
    for uk, us in _UK_ENDINGS:
        if len(word) >= len(uk) + 3 and word.endswith(uk):
            return word[: -len(uk)] + us
    return word
