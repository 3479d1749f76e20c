"""Reporting cues and speaker phrases in the parse: the verb tables, the reporting clause next to a
quote, the speaker phrase around its head, and the small records the quote finder passes around."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract.quotes_marks import QUOTE_CHARS, Segment
from dossier.model import Document, Mention, Span
from dossier.nlp.cues import ROLE_NOUNS, inflect, is_speech_verb

logger = logging.getLogger(__name__)

# Reporting verbs the shared cue table lacks: base form -> irregular forms (generic English).
_EXTRA_CUE_VERBS: dict[str, tuple[str, ...]] = {
    "charge": (), "learn": ("learns", "learned", "learnt", "learning"), "reveal": (),
    "indicate": (), "disclose": (), "caution": (), "mention": (), "propose": (), "demand": (),
    "exclaim": (), "boast": (), "answer": (), "allege": (), "testify": (), "assure": (),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"), "hint": (),
    "speculate": (), "recount": (), "retort": (), "quip": ("quips", "quipped", "quipping"),
    "counter": (), "contend": (), "reckon": (), "continue": (),
    # raised voices and questions ('"...!" Ann shouted', '"...?" a staffer wondered'), opinion pages
    "shout": (), "yell": (), "scream": (), "wonder": (), "question": (), "opine": (), "exhort": (),
}
# Attribution verbs that often take no speech ("called him", "shows up"): they count only with a
# subject in the parse and never through the nearest-name fallback.
_WEAK_CUES = frozenset(
    """call calls called calling show shows showed shown hope hopes hoped fear fears feared worry
    worries worried feel feels felt expect expects expected cite cites cited find finds found
    ask asks asked""".split()
)
# Stance verbs: not speech, but how news reports what someone holds, wants or backs (PolNeAR and
# PARC annotate them as attributions). Base forms with irregular forms; the rest are inflected.
_STANCE_VERBS: dict[str, tuple[str, ...]] = {
    "want": (), "plan": ("plans", "planned", "planning"), "refuse": (), "decline": (), "support": (),
    "endorse": (), "back": (), "oppose": (), "criticize": (), "criticise": (), "praise": (),
    "defend": (), "urge": (), "propose": (), "seek": ("seeks", "sought", "seeking"), "condemn": (),
    "denounce": (), "blame": (), "question": (), "express": (), "reject": (), "welcome": (),
    "favor": (), "favour": (), "prefer": ("prefers", "preferred", "preferring"), "intend": (),
    "threaten": (), "tout": (), "slam": ("slams", "slammed", "slamming"), "dismiss": (),
    "applaud": (), "hail": (), "mock": (), "fear": (), "hope": (), "expect": (), "seem": (),
    "appear": (), "vow": (), "pledge": (), "promise": (), "describe": (), "accuse": (),
    "mention": (), "demand": (), "deny": ("denies", "denied", "denying"), "insist": (),
    "recommend": (), "advocate": (), "cite": (), "announce": (), "acknowledge": (),
    "admit": ("admits", "admitted", "admitting"), "argue": (), "suggest": (), "predict": (),
    "believe": (), "think": ("thinks", "thought", "thinking"), "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"), "agree": (), "claim": (), "warn": (),
}
# Verb + particle stances ("call for", "refer to"): the content is the particle's object.
_PARTICLE_STANCES: dict[str, tuple[str, ...]] = {
    "call": ("for",), "refer": ("to",), "point": ("to",), "talk": ("about",), "speak": ("about", "of"),
    "push": ("for",), "argue": ("for", "against"), "lobby": ("for", "against"), "ask": ("for", "about"),
    "complain": ("about",), "vote": ("for", "against"), "warn": ("of", "about", "against"),
    "worry": ("about",), "campaign": ("for", "against"),
}


def _form_table(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Surface form -> base form for a verb table."""
    out: dict[str, str] = {}
    for base, irregular in table.items():
        for form in (base, *irregular) if irregular else inflect(base):
            out[form] = base
    return out


_EXTRA_CUES = frozenset(_form_table(_EXTRA_CUE_VERBS))
_PERSON_PRONOUNS = frozenset("he she him her".split())
_THING_PRONOUNS = frozenset("it they".split())
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_LEFT_DEPS = frozenset("det compound amod poss nummod nmod case quantmod".split())
_RIGHT_DEPS = frozenset("compound flat amod nummod".split())
_PERSON_LABELS = frozenset({"PERSON"})
_THING_LABELS = frozenset({"ORG", "NORP", "GPE"})
# Title abbreviations and initials whose period ends no sentence ('," Gov. Smith replied.',
# 'John F. Kennedy'): each is a fixed-width look-behind, as Python's re requires.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Sens", "Rep", "Reps", "Gen", "Col",
                  "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Prof", "Rev", "Atty", "Supt", "Pres", "Sr")
_NOT_AN_END = "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z])"
_SENTENCE_END = re.compile(_NOT_AN_END + r"[.!?][\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "PRON"})
_SCARE_WORDS = 3  # a quoted phrase this short that no reporting verb takes is a scare quote
_SALIENCE_WINDOW = 600  # characters: about two news paragraphs


@dataclass(frozen=True)
class _Attribution:
    """A reporting clause found in the parse: its verb, the speaker's head token and extent."""

    cue: tuple[int, int]
    head: Token | None
    extent: tuple[int, int] | None
    loose: bool = False  # the verb is not a reporting verb: any verb whose subject is outside the quote


@dataclass(frozen=True)
class _Salient:
    """A referent a later pronoun may point to: position, resolved name and kind."""

    pos: int
    name: str
    kind: str  # "person" or "thing"
    gender: str | None = None  # "m"/"f" when a gendered pronoun was resolved to it here


# ---------------------------------------------------------------------------------------------
# cues and speakers in the parse
# ---------------------------------------------------------------------------------------------


def is_cue(token: Token, forms: frozenset[str]) -> bool:
    """A reporting verb (any tense) or "according" of "according to"."""
    low = token.lower_
    if low == "according":
        return any(c.lower_ == "to" for c in token.children)
    if low in forms or low in _EXTRA_CUES or low in _WEAK_CUES:
        return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    if low in ("make", "makes", "made", "making"):  # "made clear that ..."
        return any(c.lower_ == "clear" for c in token.children)
    if low in ("put", "puts", "putting"):  # 'as the memo put it', 'X put it this way:'
        return any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
    if low in _BACK_VERBS:  # 'X shot back, "..."', 'Y fired back:': a retort
        return any(c.lower_ == "back" and c.i == token.i + 1 for c in token.children)
    return False


_BACK_VERBS = frozenset("fire fires fired firing shoot shoots shot shooting hit hits hitting".split())


def _cue_extent(token: Token) -> tuple[int, int]:
    """Character range of the cue: "made clear", "according to", "pointed out", else the verb."""
    end = token.idx + len(token.text)
    for c in token.children:
        if c.i > token.i and (c.lower_ in ("clear", "out", "back") or (token.lower_ == "according" and c.lower_ == "to")):
            end = max(end, c.idx + len(c.text))
    return token.idx, end


def _subjects(verb: Token, deps: tuple[str, ...] = _SUBJECT_DEPS) -> list[Token]:
    """The verb's subjects, the one closest before the verb first. A clause has one subject;
    when the parse gives two ('WASHINGTON, Aug. 24 (UPI) — A spokesman called ...', 'Speaking
    in Salem, New Hampshire, Smith went ...', 'A Texas voter who ..., Golvach lost ...'), the
    far one is a dateline, a fronted place or a fronted description."""
    subj = [c for c in verb.children if c.dep_ in deps]
    if len(subj) < 2:
        return subj
    return sorted(subj, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))


def _subject(cue: Token, first_in_clause: bool) -> Token | None:
    """The speaker's head token: the cue's subject, the noun after an inverted cue, the object of
    "according to", or the subject of the verb the cue hangs from ("was quoted as saying")."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                objs = [c for c in to.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        return None
    depicted = _depicted_speaker(cue)
    if depicted is not None:
        return depicted
    tok: Token | None = cue
    via = ""  # the relation of the last step up
    for _ in range(5):  # 'appeared to assert his plans by saying' climbs four steps
        assert tok is not None
        subj = _subjects(tok)
        if subj and subj[0].dep_ == "nsubjpass" and via in ("advcl", "prep"):
            # 'After saying ..., she was whisked off': the surface subject of the clause an
            # adjunct participle hangs from controls it, whatever that clause's voice (a
            # complement is another matter: 'They are considered by Tokyo to be "..."')
            return _named_in(subj[0])
        if subj and subj[0].dep_ == "nsubjpass" and not tok.lower_.startswith("quot"):
            # "X was told/declared ...": X is not the speaker; the agent ("by Y") is
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agents[0] if agents else None
        if (subj and via == "advcl" and cue.tag_ == "VBG" and tok.dep_ == "ccomp" and is_speech_verb(tok.head)
                and tok.head.i < tok.i and not is_speech_verb(tok)):
            # 'X insisted it was "...", while adding, "..."': a participle the parse hangs on the
            # reported clause is still controlled by the one reporting (it, the clause's subject, says nothing)
            return _named_in(_subjects(tok.head)[0]) if _subjects(tok.head) else _named_in(subj[0])
        if subj:
            return _named_in(subj[0])
        if tok.i == cue.i and first_in_clause:
            after = [c for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                     and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if after:
                return after[0]
        if tok.dep_ == "xcomp" and tok.head.i != tok.i and tok.i > tok.head.i:
            # 'All this led the journalist to fear "..."', 'urged voters to say': an object
            # before the infinitive is its subject (object control)
            obj = [c for c in tok.head.children if c.dep_ == "dobj" and tok.head.i < c.i < tok.i
                   and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ not in _NO_SOURCE
                   and tok.head.lower_ in _OBJECT_CONTROL]
            if obj:
                return _named_in(obj[0])
        if tok.dep_ in ("xcomp", "pcomp", "advcl", "conj", "prep") and tok.head.i != tok.i:
            via, tok = tok.dep_, tok.head
        else:
            return None
    return None


# Verbs whose object does what their infinitive says ('led X to fear', 'urged X to say', 'prompted
# X to make'): object control. A purpose infinitive ('used an expletive to describe') is not one.
_OBJECT_CONTROL = frozenset(_form_table({
    "lead": ("lead", "leads", "led", "leading"), "urge": (), "ask": (), "tell": ("tell", "tells", "told", "telling"),
    "encourage": (), "force": (), "prompt": (), "persuade": (), "convince": (), "invite": (), "inspire": (),
    "cause": (), "push": (), "press": (), "compel": ("compel", "compels", "compelled", "compelling"),
    "drive": ("drive", "drives", "drove", "driven", "driving"), "get": ("get", "gets", "got", "gotten", "getting"),
    "allow": (), "challenge": (), "dare": ()}))


def _depicted_speaker(cue: Token) -> Token | None:
    """'footage of Jane Smith asking, "..."', 'a video of the mayor saying': a participle
    right after the object of "of" tells what that person or body is shown doing, so its
    subject is that noun (the parse often hangs the participle on the main verb instead)."""
    if cue.tag_ != "VBG" or cue.i == 0 or any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    noun = cue.doc[cue.i - 1]
    if noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    return _named_in(noun)


def _named_in(head: Token) -> Token:
    """The name inside a subject whose head is a role or description: 'the spokesman, John Roe,'
    (apposition) or a title the parser split from its name ('Vice President for news and talk Jane
    Roe', parsed as a coordination); else the head itself."""
    if head.ent_type_ in ("PERSON", "ORG") or head.pos_ not in ("NOUN", "PROPN"):
        return head
    for c in head.children:
        if c.i > head.i and c.ent_type_ == "PERSON" and (
                c.dep_ == "appos" or (c.dep_ == "conj" and head.lower_ in ROLE_NOUNS)):
            return c
    return head


def _extent(head: Token) -> tuple[int, int]:
    """The speaker phrase around its head: determiners, titles and "of ..." kept; relative
    clauses, appositions and participles ("a presenter covering the event") left out."""
    lo, hi = head.i, head.i
    for c in head.children:
        if c.i < head.i and c.dep_ in _LEFT_DEPS:
            lo = min(lo, c.left_edge.i)
        elif c.i > head.i and (c.dep_ in _RIGHT_DEPS or (c.dep_ == "prep" and c.lower_ == "of")):
            if c.i == hi + 1 or c.dep_ == "prep" or c.dep_ in _RIGHT_DEPS:
                hi = max(hi, c.right_edge.i)
    doc = head.doc
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _cover_mention(extent: tuple[int, int], head: Token, mentions: Sequence[Mention]) -> tuple[int, int]:
    """Widen a speaker phrase to the whole name its head belongs to (a misparsed "Stephen R. Nagy")."""
    m = _mention_at(mentions, head.idx)
    if m is None or m.label == "PRON" or _has_mark(m.text):
        return extent
    return min(extent[0], m.span.start), max(extent[1], m.span.end)


def _has_mark(name: str) -> bool:
    """A name glued to a quotation mark by the tokenizer (',”Jones'): not a name to reuse."""
    return any(ch in QUOTE_CHARS and ch != "'" and ch != "’" for ch in name)


def _appositive_name(head: Token, mentions: Sequence[Mention]) -> Mention | None:
    """A named apposition of the head ("the newspaper, the X Shimbun, said")."""
    for c in head.children:
        if c.dep_ == "appos":
            m = _mention_at(mentions, c.idx)
            if m is not None and m.label in _SPEAKER_LABELS - {"PRON"}:
                return m
    return None


def _mention_at(mentions: Sequence[Mention], char: int) -> Mention | None:
    for m in mentions:
        if m.span.start <= char < m.span.end:
            return m
    return None


# ---------------------------------------------------------------------------------------------
# fallback mentions (when the annotator gave none)
# ---------------------------------------------------------------------------------------------


def mentions_from_ents(doc: Document, sdoc: SpacyDoc) -> list[Mention]:
    """Mentions straight from spaCy's entities, canonical = the longest same-label name in the
    document ending with the same word ("Ono" -> "Tsutomu Ono"). A stand-in for the annotator."""
    ents = [e for e in sdoc.ents if e.label_ in _SPEAKER_LABELS]
    out: list[Mention] = []
    for e in ents:
        last = e[-1].lower_
        same = [o.text for o in ents if o.label_ == e.label_ and o[-1].lower_ == last]
        canonical = max(same, key=len) if e.label_ == "PERSON" else e.text
        canonical = re.sub(r"^(?:the|The)\s+", "", canonical)
        out.append(Mention(Span(doc.id, e.start_char, e.end_char), e.text, e.label_, canonical,
                           rule="spacy-ent"))
    return out


# ---------------------------------------------------------------------------------------------
# the text around quotes
# ---------------------------------------------------------------------------------------------


def _clause_after(text: str, seg: Segment, limit: int) -> tuple[int, int]:
    """The text after a closing mark up to the end of its sentence (or the next quote)."""
    start = (seg.close_at + 1) if seg.close_at is not None else seg.end
    m = _SENTENCE_END.search(text, start)  # no endpos: the look-ahead must see past the limit
    end = m.start() + 1 if m and m.start() < limit else limit
    return start, max(start, end)


def _clause_before(text: str, seg: Segment, limit: int) -> tuple[int, int]:
    """The text before an opening mark back to the start of its sentence (or the previous quote)."""
    end = seg.open_at
    start = limit
    for m in _SENTENCE_END.finditer(text, limit):
        if m.end() > end:
            break
        start = m.end()
    line = text.rfind("\n", start, end)  # a line break ends a sentence in flat text (lists, round-ups)
    start = line + 1 if line >= 0 else start
    return start, max(start, end)


def _tokens_in(sdoc: SpacyDoc, a: int, b: int) -> list[Token]:
    span = sdoc.char_span(a, b, alignment_mode="contract")
    return [t for t in span if not t.is_space] if span is not None else []


def _attribution_in(sdoc: SpacyDoc, a: int, b: int, forms: frozenset[str], after: bool,
                    quote_ended_sentence: bool) -> _Attribution | None:
    """The reporting clause inside text [a, b) next to a quote, if there is one."""
    toks = _tokens_in(sdoc, a, b)
    glued = _glued_token(sdoc, a) if after else None
    if glued is not None:
        toks = [glued, *toks]
        a = glued.idx  # its subject may be that token: the extent is clipped to the name below
    words = [t for t in toks if not t.is_punct]
    if not words:
        return None
    cues = [t for t in words if is_cue(t, forms)]
    if not cues:
        return None
    cue = cues[0] if after else cues[-1]
    if after:
        # 'X, the 2016 frontrunner and polling leader in the state, said': a long apposition
        # may sit between the quote and the verb when the verb's subject opens the clause
        if words.index(cue) > 10 and not any(s in words[:3] for s in cue.children if s.dep_ == "nsubj"):
            opener = _apposed_opener(words, cue)
            if opener is None:
                return None
            return _Attribution(_cue_extent(cue), opener, _clip(_extent(opener), a, b))
        # '"...." Smith said the plan ...' starts a new attribution with its own content
        if quote_ended_sentence and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
            return None
    head = _subject(cue, first_in_clause=words[0].i == cue.i or (after and words.index(cue) == 0))
    # 'Smith stressed X and said she has one quality: "..."': the subject a coordinated cue shares
    # with the first verb stands before the clause window, in the same sentence: it is the speaker
    shared = head is not None and not after and head.idx < a and head.sent.start == cue.sent.start
    # 'X said: "...," adding that its ...': a participle after the quote has no subject of its
    # own; it shares the subject of the reporting verb before the quote
    shared = shared or (head is not None and after and cue.tag_ == "VBG" and head.idx < a
                        and head.sent.start == cue.sent.start and is_cue(head.head, forms)
                        and not any(c.dep_ in _SUBJECT_DEPS for c in cue.children))
    if head is not None and not (a <= head.idx < b) and not shared:
        # the parse may also hang a word of the quote on the verb as a subject: take the one here
        here = [c for c in cue.children if c.dep_ == "nsubj" and a <= c.idx < b]
        head = here[0] if here else None
    passive = any(c.dep_ == "nsubjpass" for c in cue.children) and not cue.lower_.startswith("quot")
    if head is None and not passive and cue.lower_ not in _WEAK_CUES:  # a passive without its agent names no speaker
        head = _nearest_name(words, cue, after)
    extent = (_extent(head) if shared else _clip(_extent(head), a, b)) if head is not None else None
    if extent is not None and glued is not None and head is not None and head.i == glued.i:
        extent = (min(max(extent[0], _after_mark(head)), extent[1]), extent[1])
    return _Attribution(_cue_extent(cue), head, extent)


def _antecedent(head: Token) -> Token:
    """'a White House official who spoke anonymously said', 'said the woman, who ...': a relative
    pronoun the parse made the subject stands for the noun its clause describes (PolNeAR marks
    the pronoun itself as the Source, so only the resolved name uses this)."""
    if head.lower_ in ("who", "whom", "that", "which") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        noun = head.head.head
        if noun.pos_ in ("NOUN", "PROPN") and noun.i < head.i:
            # 'Smith, a rampant xenophobe who wants ...': the clause describes the apposition,
            # whose head is the one named; the epithet is the writer's, not a speaker
            return noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else noun
    return head


def _glued_token(sdoc: SpacyDoc, a: int) -> Token | None:
    """The token holding both a closing mark and the word after it (',”Jones said' is one
    token for spaCy's tokenizer when no space follows the mark), so that word is not lost."""
    span = sdoc.char_span(max(0, a - 1), a + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    if tok.idx < a < tok.idx + len(tok.text) and tok.text[a - tok.idx - 1] in QUOTE_CHARS and tok.text[a - tok.idx].isalpha():
        return tok
    return None


def _after_mark(tok: Token) -> int:
    """Character offset just after the last quotation mark inside a token."""
    last = max(k for k, ch in enumerate(tok.text) if ch in QUOTE_CHARS)
    return tok.idx + last + 1


def _opens_attribution(text: str, seg: Segment, forms: frozenset[str] = frozenset()) -> bool:
    """Can a reporting clause follow this quote in the same sentence? Yes after '"...,"', after a
    "?"/"!" or "." followed by a lower-case word ('"Great!" he said'), or a short tail clause."""
    quoted = text[seg.start : seg.end].rstrip()
    after = text[(seg.close_at or seg.end) + 1 :][:80].lstrip()
    last = quoted[-1:]
    if last in (",", "—", "–", "-") or not after:
        return True
    if after[0].islower() or after[0] in ",;":
        return True
    if last in (".", "?", "!"):
        # '"We will win." Smith said.': a capitalised tail only counts when it is a short sentence
        m = _SENTENCE_END.search(after)
        tail = after[: m.start() + 1] if m else after
        if len(tail.split()) <= 6 and tail.rstrip().endswith("."):
            return True
        # '"... for our nominee!" Senator Ann Lee said as she opened the vote.': a
        # reporting verb among the first words of the tail still reports the quote
        first = [w.strip(",.;:").lower() for w in tail.split()[:6]]
        return last in ("?", "!") and any(w in forms or w in _EXTRA_CUES for w in first[1:])
    return True


def _title_like(quoted: str) -> bool:
    """A short quoted name or title ("The Walking Dead", "Opening Belle"): every longer word
    capitalised, or a date-like token."""
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    if not words:
        return True
    long = [w for w in words if len(w) > 3] or words
    return len(words) <= 8 and all(w[0].isupper() for w in long)


def _name_slot(sdoc: SpacyDoc, seg: Segment) -> bool:
    """Does the quote sit where a name goes ('on "Fox News Sunday"', 'the "Opening Belle" show')
    rather than as what a verb's subject says or calls something?"""
    tops = [t for t in _tokens_in(sdoc, seg.start, seg.end) if _outside(t.head, seg)]
    return not tops or tops[0].dep_ in ("pobj", "compound", "appos", "npadvmod", "nmod", "poss", "amod", "nsubj")


def _outside(tok: Token, seg: Segment) -> bool:
    return not (seg.open_at <= tok.idx <= (seg.close_at if seg.close_at is not None else seg.end))


# Entity types that never speak: places, dates, works ('in Iowa, telling the crowd', 'Monday').
_NO_SPEAKER_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "WORK_OF_ART", "EVENT", "LAW"})


def _nearest_name(words: list[Token], cue: Token, after: bool) -> Token | None:
    """Parse gave no subject: the closest proper noun or pronoun on the speaker's side of the cue."""
    nominal = [t for t in words if (t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS)
               and t.ent_type_ not in _NO_SPEAKER_ENTS]
    right = [t for t in nominal if t.i > cue.i]
    left = [t for t in nominal if t.i < cue.i]
    if words[0].i == cue.i:
        inverted = _inverted_subject(words, cue)
        if inverted is not None:
            return inverted
    if words[0].i == cue.i and right:
        return right[0] if right[0].pos_ == "PRON" else _last_of_name(right[0])
    if left:
        return left[-1]
    return right[0] if (after and right) else None


def _inverted_subject(words: list[Token], cue: Token) -> Token | None:
    """'"...," said the woman, who ...': in an inverted reporting clause the noun phrase right after
    the verb is its subject, though the parse hung it elsewhere; a relative pronoun or a noun
    further on (in the clause that describes the speaker) is not."""
    after = [t for t in words if t.i > cue.i][:4]
    for t in after:
        if t.pos_ in ("DET", "ADJ", "NUM") or t.dep_ in ("compound", "amod", "det", "nummod"):
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _NO_SPEAKER_ENTS:
            return _last_of_name(t) if t.pos_ == "PROPN" else t
        return None
    return None


_FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())


def _apposed_opener(words: list[Token], cue: Token) -> Token | None:
    """'"...," Smith, the frontrunner and polling leader in the state after winning the
    primaries, said': a name opening the tail clause, set off by a comma, with no finite verb
    before the reporting verb, is its subject however long the apposition (the parse hangs the
    name on a word of the quote and gives the verb no subject in the clause)."""
    if any(c.dep_ == "nsubj" and c in words for c in cue.children):
        return None
    first = words[0]
    if first.pos_ != "PROPN" or first.ent_type_ in _NO_SPEAKER_ENTS:
        # 'Texas delegate X, ...': a title before the name
        named = next((t for t in words[:4] if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")), None)
        if named is None or any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") for t in words[: words.index(named)]):
            return None
        first = named
    name = _last_of_name(first)
    after = first.doc[name.i + 1] if name.i + 1 < len(first.doc) else None
    if after is None or after.text != "," or any(t.tag_ in _FINITE_TAGS for t in words[1 : words.index(cue)]):
        return None
    return name


def _last_of_name(tok: Token) -> Token:
    while tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN":
        tok = tok.doc[tok.i + 1]
    return tok


def _clip(extent: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    return max(extent[0], a), min(extent[1], b)


class _Quoted:
    """Membership test for characters inside quoted passages (sorted, non-overlapping)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._starts = [s.start for s in segments]
        self._segments = list(segments)

    def contains(self, char: int) -> bool:
        i = bisect.bisect_right(self._starts, char) - 1
        return i >= 0 and self._segments[i].start <= char < self._segments[i].end

    def share(self, a: int, b: int) -> float:
        """Share of [a, b) inside quoted passages."""
        inside = sum(max(0, min(b, s.end) - max(a, s.start)) for s in self._segments)
        return inside / max(1, b - a)


# ---------------------------------------------------------------------------------------------
# direct quotes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Draft:
    """A quote before pronoun resolution."""

    content: tuple[int, int]
    kind: str
    head: Token | None
    extent: tuple[int, int] | None
    cue: tuple[int, int] | None
    rule: str
    confidence: float
    inherit_from: int | None = None  # index of the draft whose speaker this one continues


def _sentence_like(quoted: str) -> bool:
    """A quote paragraph rather than a quoted headline: five words or a closing punctuation."""
    return len(quoted.split()) >= 5 or quoted.rstrip()[-1:] in (".", "?", "!", ",")


def _paragraph_index(paras: list[tuple[int, int]], char: int) -> int:
    starts = [a for a, _ in paras]
    return max(0, bisect.bisect_right(starts, char) - 1)


# ---------------------------------------------------------------------------------------------
# reported speech
# ---------------------------------------------------------------------------------------------


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:—–-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:.—–-"):
        b -= 1
    return a, b


def _paragraph_of(paras: list[tuple[int, int]], char: int) -> tuple[int, int]:
    starts = [a for a, _ in paras]
    i = max(0, bisect.bisect_right(starts, char) - 1)
    return paras[i] if paras else (0, char + 1)
_NO_SOURCE = frozenset("it there this that which what these those".split())
