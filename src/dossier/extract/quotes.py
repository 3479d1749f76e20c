"""Who said what: direct quotes and reported speech, each tied to its speaker and reporting verb.

Direct quotes come from the quotation marks (``quotes_marks``); each quoted passage is attributed by
the reporting clause next to it in the same sentence ('"...," he said', 'said X: "..."'), else by
the quote it continues (a split quote, a multi-paragraph quote, a quote paragraph after a quote of the
same speaker). Reported speech comes from the dependency parse: the clausal complement of a reporting
verb ("X said that ...", "X made clear that ...") and the "according to X" phrase.

Speakers are read from the parse (the reporting verb's subject, or the noun after it in an inverted
'"...," said X'), then resolved: a named mention gives its fullest in-document name, a pronoun its
antecedent (the annotator's, else the most recent salient speaker or sentence subject of the right
kind), a title phrase ("a Foreign Ministry official") stays as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract.quotes_marks import QUOTE_CHARS, Segment, find_segments, paragraph_bounds
from dossier.model import Document, Mention, Quote, Span
from dossier.nlp.cues import ROLE_NOUNS, inflect, speech_verbs

# Reporting verbs the shared cue table lacks: base form -> irregular forms (generic English).
_EXTRA_CUE_VERBS: dict[str, tuple[str, ...]] = {
    "charge": (), "learn": ("learns", "learned", "learnt", "learning"), "reveal": (),
    "indicate": (), "disclose": (), "caution": (), "mention": (), "propose": (), "demand": (),
    "exclaim": (), "boast": (), "answer": (), "allege": (), "testify": (), "assure": (),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"), "hint": (),
    "speculate": (), "recount": (), "retort": (), "quip": ("quips", "quipped", "quipping"),
    "counter": (), "contend": (), "reckon": (), "continue": (),
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
    return False


def _cue_extent(token: Token) -> tuple[int, int]:
    """Character range of the cue: "made clear", "according to", "pointed out", else the verb."""
    end = token.idx + len(token.text)
    for c in token.children:
        if c.i > token.i and (c.lower_ in ("clear", "out") or (token.lower_ == "according" and c.lower_ == "to")):
            end = max(end, c.idx + len(c.text))
    return token.idx, end


def _subjects(verb: Token, deps: tuple[str, ...] = _SUBJECT_DEPS) -> list[Token]:
    """The verb's subjects, the one closest before the verb first. A clause has one subject;
    when the parse gives two ('WASHINGTON, Aug. 24 (UPI) — A spokesman called ...', 'Speaking
    in Salem, New Hampshire, Trump went ...', 'A Texas voter who ..., Golvach lost ...'), the
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
    tok: Token | None = cue
    for _ in range(3):
        assert tok is not None
        subj = _subjects(tok)
        if subj and subj[0].dep_ == "nsubjpass" and not tok.lower_.startswith("quot"):
            # "X was told/declared ...": X is not the speaker; the agent ("by Y") is
            agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            return agents[0] if agents else None
        if subj:
            return subj[0]
        if tok.i == cue.i and first_in_clause:
            after = [c for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                     and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if after:
                return after[0]
        if tok.dep_ in ("xcomp", "pcomp", "advcl", "conj", "prep") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


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
    """A name glued to a quotation mark by the tokenizer (',”Clinton'): not a name to reuse."""
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
            return None
        # '"...." Smith said the plan ...' starts a new attribution with its own content
        if quote_ended_sentence and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
            return None
    head = _subject(cue, first_in_clause=words[0].i == cue.i or (after and words.index(cue) == 0))
    if head is not None and not (a <= head.idx < b):
        # the parse may also hang a word of the quote on the verb as a subject: take the one here
        here = [c for c in cue.children if c.dep_ == "nsubj" and a <= c.idx < b]
        head = here[0] if here else None
    passive = any(c.dep_ == "nsubjpass" for c in cue.children) and not cue.lower_.startswith("quot")
    if head is None and not passive and cue.lower_ not in _WEAK_CUES:  # a passive without its agent names no speaker
        head = _nearest_name(words, cue, after)
    extent = _clip(_extent(head), a, b) if head is not None else None
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
            # 'Trump, a rampant xenophobe who wants ...': the clause describes the apposition,
            # whose head is the one named; the epithet is the writer's, not a speaker
            return noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else noun
    return head


def _glued_token(sdoc: SpacyDoc, a: int) -> Token | None:
    """The token holding both a closing mark and the word after it (',”Clinton said' is one
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


def _governor_attribution(sdoc: SpacyDoc, seg: Segment, forms: frozenset[str],
                          quoted: "_Quoted") -> _Attribution | None:
    """The speaker of a quote that is part of a clause: walk up the parse from the quote to the
    nearest reporting verb with a subject ('said the plan is "a disaster"'), else to the nearest
    verb whose subject stands outside the quote ('blamed the law on "..."', 'called him "..."')."""
    toks = _tokens_in(sdoc, seg.start, seg.end)
    roots = [t for t in toks if t.head.i == t.i]
    if roots:
        # the quote holds its sentence's root: the parse hangs the reporting clause from a word
        # of the quote ('the minister "looked ashen," Smith said, "..."' -> said hangs from "looked")
        said = _clause_under(roots[0], seg, forms, quoted)
        if said is not None:
            return said
    tops = [t for t in toks if t.head.i != t.i and _outside(t.head, seg)]
    if not tops:
        return None
    first: tuple[Token, Token] | None = None
    inner: _Attribution | None = None
    tried = animate_only = False
    v: Token = tops[0].head
    prev: Token = tops[0]
    for _ in range(10):
        if _outside(v, seg) and not quoted.contains(v.idx):
            aside = _parenthetical_cue(v, seg, forms)
            if aside is not None:
                return aside
            said = _clause_taker(v, prev, seg) if inner is None else None
            if said is not None:
                return said
            if is_cue(v, forms) and _not_a_speaker_clause(v):
                pass  # 'a voice that said', 'if people think': the enclosing clause's subject speaks
            elif is_cue(v, forms):
                head = _subject(v, first_in_clause=False)
                if head is None and not _is_passive(v):
                    head = _left_name(v, seg, quoted)  # 'X, a senator, Y said ...': no nsubj parsed
                if head is not None and _outside(head, seg):
                    att = _Attribution(_cue_extent(v), head, _extent(head))
                    if inner is not None:
                        return att if head.lower_ not in _PERSON_PRONOUNS | _THING_PRONOUNS else inner
                    if head.pos_ != "PRON" or v.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "pcomp"):
                        return att
                    # 'X said he would tell the "bigots" ...': the outer reporting verb owns the
                    # quote (news attributes the words to X, "he" only repeats X)
                    inner = att
                elif v.dep_ in ("acl", "relcl"):
                    return inner  # 'the islands, called the "X"': a name given, nobody speaking
                tried = True
            elif inner is not None and v.pos_ == "VERB":
                # 'X assures his audience he will tell the "bigots" ...': a named subject of the
                # verb above the pronoun's reporting clause is who the pronoun repeats
                subj = _subject(v, first_in_clause=False)
                if subj is not None and subj.pos_ == "PROPN" and _outside(subj, seg):
                    return _Attribution(inner.cue, subj, _extent(subj))
            elif not tried and v.pos_ in ("VERB", "AUX"):
                # only the lowest verb: beyond it the quote is part of someone else's clause
                tried = True
                subj = _subject(v, first_in_clause=False)
                if (subj is not None and subj.lower_ not in ("there", "it", "this", "that", "which")
                        and _outside(subj, seg) and not quoted.contains(subj.idx)):
                    if first is None:
                        first = (v, subj)
                    if not _animate(subj):
                        # 'the chants were strong in front of the Inn, which Obama declared ...
                        # "..."': a thing speaks seldom; a person subject further up may
                        tried, animate_only = False, True
                    elif animate_only:
                        first = (v, subj)
        if v.head == v:
            break
        v, prev = v.head, v
    if inner is not None:
        return inner
    if first is None:
        return None
    verb, head = first
    return _Attribution(_cue_extent(verb), head, _extent(head), loose=True)


def _animate(tok: Token) -> bool:
    """Could this subject speak: a pronoun, a person or organisation name, a role noun or a noun
    with an agent suffix ("marchers", "activists", "residents"); places and things cannot."""
    if tok.pos_ == "PRON" or tok.lower_ in ROLE_NOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART")
    return tok.lower_.endswith(_AGENT_SUFFIXES)


_AGENT_SUFFIXES = tuple(f"{x}{s}" for x in ("er", "or", "ist", "ian", "ant", "ent") for s in ("", "s"))


def _not_a_speaker_clause(verb: Token) -> bool:
    """A reporting verb whose clause names no speaker of its own: its subject is a relative
    pronoun ('the resolution which said "..."') or it sits in a condition ('if people think
    ...'). News (and PolNeAR) then attribute the quote to the enclosing clause's subject."""
    subj = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subj and subj[0].lower_ in ("that", "which") and verb.dep_ == "relcl":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _clause_under(root: Token, seg: Segment, forms: frozenset[str], quoted: "_Quoted") -> _Attribution | None:
    """A reporting verb outside the quote hanging from a word inside it (parataxis, ccomp):
    its subject speaks."""
    for c in root.children:
        if _outside(c, seg) and not quoted.contains(c.idx) and is_cue(c, forms) and not _is_passive(c):
            head = _subject(c, first_in_clause=True)
            if head is not None and _outside(head, seg) and not quoted.contains(head.idx):
                return _Attribution(_cue_extent(c), head, _extent(head))
    return None


# Nouns naming something said: their possessor is its speaker ("her remark that "..."").
_SPEECH_NOUNS = frozenset(
    """remark remarks comment comments statement statements claim claims words promise promises
    warning warnings assertion assertions argument vow pledge insistence suggestion accusation
    accusations message tweet tweets declaration admission answer reply response""".split()
)


def _clause_taker(v: Token, prev: Token, seg: Segment) -> _Attribution | None:
    """A word that takes the clause holding the quote as what was said, though it is no listed
    reporting verb: a verb after the clausal complement it takes ('Taxes are "...", X proclaimed')
    or a speech noun with a possessor ('her remark that "..."'). A verb before its complement
    is left to the reporting-verb table: "X knows/means that ..." is seldom speech."""
    if v.pos_ == "VERB" and prev.dep_ == "ccomp" and prev.head == v and prev.i < v.i and not _is_passive(v):
        subj = [c for c in _subjects(v, ("nsubj",)) if _outside(c, seg)]
        if subj and subj[0].lower_ not in _NO_SOURCE and subj[0].pos_ in ("PROPN", "NOUN", "PRON"):
            return _Attribution(_cue_extent(v), subj[0], _extent(subj[0]))
    if v.pos_ == "NOUN" and v.lower_ in _SPEECH_NOUNS and prev.dep_ in ("acl", "ccomp", "appos", "relcl", "prep"):
        poss = [c for c in v.children if c.dep_ == "poss" and _outside(c, seg)]
        if poss:
            return _Attribution((v.idx, v.idx + len(v.text)), poss[0], _extent(poss[0]))
    return None


def _parenthetical_cue(verb: Token, seg: Segment, forms: frozenset[str]) -> _Attribution | None:
    """'The paper, Smith said, called the deal "a win"': a reporting clause set off inside the sentence
    (a parataxis in the parse) owns the whole sentence, quotes included."""
    for c in verb.children:
        if c.dep_ == "parataxis" and _outside(c, seg) and is_cue(c, forms) and c.i < verb.i + 3:
            head = _subject(c, first_in_clause=True)
            if head is not None and _outside(head, seg) and not _is_passive(c):
                return _Attribution(_cue_extent(c), head, _extent(head))
    return None


def _is_passive(verb: Token) -> bool:
    """"X was asked/told ...": the subject is not the speaker."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not verb.lower_.startswith("quot")


def _left_name(verb: Token, seg: Segment, quoted: "_Quoted") -> Token | None:
    """The parse lost a reporting verb's subject ('..., former president John Smith said his
    wife ...' parsed as an apposition): the closest name before the verb in its sentence."""
    names = [t for t in verb.sent if t.i < verb.i and _outside(t, seg) and not quoted.contains(t.idx)
             and (t.pos_ == "PROPN" or t.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS)]
    if not names or verb.i - names[-1].i > 3:
        return None
    return names[-1]


def _loose_after(sdoc: SpacyDoc, a: int, b: int) -> _Attribution | None:
    """'"...," an angry mayor retaliated': a short tail clause whose verb has a subject names the
    speaker whatever the verb (news writing varies reporting verbs endlessly)."""
    words = [t for t in _tokens_in(sdoc, a, b) if not t.is_punct]
    if not words:
        return None
    for t in words[:6]:
        if t.pos_ == "VERB":
            subj = [c for c in _subjects(t, ("nsubj",)) if a <= c.idx < b]
            if subj and subj[0].pos_ in ("PROPN", "PRON", "NOUN"):
                return _Attribution(_cue_extent(t), subj[0], _clip(_extent(subj[0]), a, b))
            return None
    return None


def _signature(sdoc: SpacyDoc, text: str, seg: Segment, mentions: Sequence[Mention]) -> _Attribution | None:
    """A quoted passage whose last line is a short 'Name, Affiliation.' signature (pull quotes in
    round-ups): the name on that line is the speaker."""
    body = text[seg.start : seg.end]
    nl = body.rstrip().rfind("\n")
    if nl < 0:
        return None
    a = seg.start + nl + 1
    line = text[a : seg.end].strip()
    if not line or len(line.split()) > 12 or not line[0].isupper() or line.rstrip(".")[-1:] in ("?", "!"):
        return None
    if len(text[seg.start : a].split()) < 5:
        return None
    named = [m for m in mentions if a <= m.span.start < seg.end and m.label in (_PERSON_LABELS | _THING_LABELS)]
    comma = text.find(",", a, seg.end)
    name_end = comma if comma > 0 else seg.end
    if not named or named[0].span.start > a + 3 or named[0].span.start >= name_end:
        return None
    span = sdoc.char_span(named[0].span.start, named[0].span.end, alignment_mode="expand")
    if span is None:
        return None
    end = name_end if comma > 0 else named[0].span.end
    return _Attribution((a, a), span.root, _trimmed(text, a, end))


_DASH_SIGNATURE = re.compile(r"[ \t]*[―—–-]+[ \t]*")


def _dash_signature(sdoc: SpacyDoc, text: str, seg: Segment, mentions: Sequence[Mention]) -> _Attribution | None:
    """'"..." ― Jane Roe, 23' closing its line: the pull-quote convention of round-ups and
    vox pops, where a dash and a name after the closing mark sign the quote."""
    if not seg.closed or seg.close_at is None:
        return None
    m = _DASH_SIGNATURE.match(text, seg.close_at + 1)
    if m is None or not m.group().strip():
        return None
    eol = text.find("\n", m.end())
    eol = len(text) if eol < 0 else eol
    line = text[m.end() : eol]
    if not line.strip() or len(line.split()) > 12:
        return None
    named = next((x for x in mentions if x.span.start == m.end() and x.label in (_PERSON_LABELS | _THING_LABELS)), None)
    span = sdoc.char_span(named.span.start, named.span.end, alignment_mode="expand") if named else None
    if span is None:
        return None
    return _Attribution((m.start(), m.end()), span.root, (named.span.start, named.span.end))  # type: ignore[union-attr]


def _root_subject(sdoc: SpacyDoc, a: int, b: int) -> _Attribution | None:
    """'Y gestured, then leaned in and boomed:', 'The treaty affirms:': the subject of the main
    verb of the clause a colon closes introduces the quote whatever that verb is."""
    toks = _tokens_in(sdoc, a, b)
    roots = [t for t in toks if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if not roots:
        return None
    subj = [c for c in _subjects(roots[-1]) if a <= c.idx < b]
    if not subj or subj[0].lower_ in _NO_SOURCE or subj[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return _Attribution(_cue_extent(roots[-1]), subj[0], _clip(_extent(subj[0]), a, b))


def _colon_name(sdoc: SpacyDoc, a: int, b: int, mentions: Sequence[Mention]) -> _Attribution | None:
    """'Ann B. Lee: "..."': the last person or organisation named before the colon."""
    named = [m for m in mentions if a <= m.span.start and m.span.end <= b
             and m.label in (_PERSON_LABELS | _THING_LABELS)]
    if not named:
        return None
    m = max(named, key=lambda x: x.span.start)
    span = sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return None
    return _Attribution((b - 1, b), span.root, (m.span.start, m.span.end))


_DASH_SOURCE = re.compile(r"\s[-–—]+\s+((?:[A-Z][\w’'.&-]*|and|of|the|for|&)(?:\s+(?:[A-Z][\w’'.&-]*|and|of|the|for|&)){0,5})\s*:\s*$")


def _dash_source(sdoc: SpacyDoc, text: str, a: int, b: int) -> _Attribution | None:
    """'IOWA POLLS WERE TOO EARLY - Mark Blumenthal and Jon Cohen: "..."': news round-ups give a
    headline, a dash and the source's name before the colon; the name, not the headline's
    subject, is the speaker. Only a short run of capitalised words counts as a name."""
    m = _DASH_SOURCE.search(text, a, b)
    if m is None or m.group(1).split()[0][0].islower():
        return None
    lo, hi = m.start(1), m.end(1)
    span = sdoc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    return _Attribution((hi, hi + 1), span.root, (lo, hi))


def _nearest_name(words: list[Token], cue: Token, after: bool) -> Token | None:
    """Parse gave no subject: the closest proper noun or pronoun on the speaker's side of the cue."""
    nominal = [t for t in words if t.pos_ in ("PROPN", "PRON") or t.lower_ in ROLE_NOUNS]
    right = [t for t in nominal if t.i > cue.i]
    left = [t for t in nominal if t.i < cue.i]
    if words[0].i == cue.i and right:
        return right[0] if right[0].pos_ == "PRON" else _last_of_name(right[0])
    if left:
        return left[-1]
    return right[0] if (after and right) else None


def _last_of_name(tok: Token) -> Token:
    while tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN":
        tok = tok.doc[tok.i + 1]
    return tok


def _clip(extent: tuple[int, int], a: int, b: int) -> tuple[int, int]:
    return max(extent[0], a), min(extent[1], b)


# ---------------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------------


_QUANTITY_ENTS = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY"})
_ASKING = frozenset("ask asks asked asking wonder wonders wondered wondering inquire inquired".split())


def _is_quantity(head: Token) -> bool:
    """A speaker phrase headed by a number ("63 percent said"): a share of people, not a name."""
    return head.like_num or head.ent_type_ in _QUANTITY_ENTS


def _counted(head: Token) -> str | None:
    """Who a quantity counts ("74 percent of likely voters" -> "likely voters"), else None: a
    bare number is no speaker an analyst can look up."""
    for tok in (head, head.head):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    a, b = _extent(obj)
                    words = [w for w in obj.doc.text[a:b].split() if not any(ch.isdigit() for ch in w)]
                    return " ".join(words) or None
    return None


def is_question(words: str, cue: str = "") -> bool:
    """A quoted question (it ends in "?") or words reported with "asked": a question put to
    someone is no statement of that speaker's view."""
    end = words.rstrip().rstrip("\"'”’»),.").rstrip()
    first = cue.lower().split()[:1]
    return end.endswith("?") or (bool(first) and first[0] in _ASKING)


def _resolve_named(head: Token, extent: tuple[int, int], text: str,
                   mentions: Sequence[Mention]) -> tuple[str, str] | None:
    """(name, kind) for a non-pronoun speaker: its mention's canonical name or the phrase itself."""
    m = _mention_at(mentions, head.idx)
    if m is not None and m.label != "PRON" and m.label in _SPEAKER_LABELS and not _has_mark(m.text):
        return (m.canonical or m.text), ("person" if m.label in _PERSON_LABELS else "thing")
    app = _appositive_name(head, mentions)
    if app is not None:
        return (app.canonical or app.text), ("person" if app.label in _PERSON_LABELS else "thing")
    phrase = text[extent[0] : extent[1]].strip()
    if not phrase:
        return None
    kind = "person" if head.lower_ in ROLE_NOUNS or head.lower_ in ("source", "sources") else "thing"
    return phrase, kind


def _salient_subjects(sdoc: SpacyDoc, mentions: Sequence[Mention], quoted: "_Quoted") -> list[_Salient]:
    """Main-clause subjects naming a person or organisation: what a later pronoun most likely
    points to (centering: the subject of the previous sentence outranks other mentions)."""
    out: list[_Salient] = []
    for tok in sdoc:
        if tok.dep_ in _SUBJECT_DEPS and tok.head.dep_ == "ROOT" and not quoted.contains(tok.idx):
            m = _mention_at(mentions, tok.idx)
            if m is not None and m.label in (_PERSON_LABELS | _THING_LABELS):
                kind = "person" if m.label in _PERSON_LABELS else "thing"
                out.append(_Salient(tok.idx, m.canonical or m.text, kind))
    return out


def _resolve_pronoun(head: Token, mentions: Sequence[Mention], salient: list[_Salient],
                     quoted: "_Quoted") -> str | None:
    """The antecedent of a speaker pronoun: the annotator's if given, else the latest salient
    referent of the right kind (person for he/she, organisation for it/they), else the latest
    named mention of that kind outside quotes."""
    kind = "person" if head.lower_ in _PERSON_PRONOUNS else "thing"
    before = [s for s in salient if s.pos < head.idx and s.kind == kind]
    if before and head.idx - max(s.pos for s in before) < _SALIENCE_WINDOW:
        # a speaker or main-clause subject just before outranks a general antecedent: news
        # writing keeps "he says" for the person being quoted
        return max(before, key=lambda s: s.pos).name
    m = _mention_at(mentions, head.idx)
    if m is not None and m.label == "PRON" and m.canonical:
        return m.canonical
    if before:
        return max(before, key=lambda s: s.pos).name
    labels = _PERSON_LABELS if kind == "person" else _THING_LABELS
    named = [x for x in mentions if x.label in labels and x.span.end <= head.idx and not quoted.contains(x.span.start)]
    if named:
        last = max(named, key=lambda x: x.span.start)
        return last.canonical or last.text
    return None


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


def _sentence_start(text: str, seg: Segment, para_start: int) -> bool:
    """Does the quote open its sentence (paragraph start or after . ! ? :)?"""
    before = text[para_start : seg.open_at].rstrip()
    return not before or before[-1] in ".!?:"


def _direct_drafts(doc: Document, sdoc: SpacyDoc, segments: list[Segment],
                   paras: list[tuple[int, int]], forms: frozenset[str],
                   mentions: Sequence[Mention], reported: list[_Draft], quoted: "_Quoted") -> list[_Draft]:
    """Reported-speech drafts followed by one draft per quoted passage that is speech.

    A passage without its own reporting clause continues the speaker of the quote it continues
    (multi-paragraph), of the last quote before it in its paragraph (split quote), or of the last
    attribution of the previous paragraph when it opens its paragraph; a long passage opening a
    sentence stays unattributed; a short one inside a sentence is a scare quote and is dropped.
    """
    text = doc.text
    drafts: list[_Draft] = list(reported)
    cue_para = {i: _paragraph_index(paras, d.cue[0]) for i, d in enumerate(reported)
                if d.cue and d.rule != "stance-verb"}  # a stance is no speech a quote could continue
    last_direct: int | None = None
    for k, seg in enumerate(segments):
        pa, pb = paras[seg.paragraph]
        same_para_next = k + 1 < len(segments) and segments[k + 1].paragraph == seg.paragraph
        nxt = segments[k + 1].open_at if same_para_next else pb
        prev_seg = segments[k - 1] if k > 0 else None
        prv = (prev_seg.close_at + 1) if (prev_seg and prev_seg.paragraph == seg.paragraph
                                          and prev_seg.close_at is not None) else pa
        content = (seg.start, seg.end)
        ended = text[seg.start : seg.end].rstrip()[-1:] in (".", "")
        att, rule = _dash_signature(sdoc, text, seg, mentions), "dash-signature"
        pa_, pb_ = _clause_before(text, seg, prv)
        lead = text[pa_:pb_].rstrip()
        embedded = (bool(lead) and lead[-1] not in ":,;—–-([" and seg.open_at > pa
                    and not set(lead.lower().split()) <= _LINKERS)  # 'But "Moscow must ..."' opens
        if embedded and att is None:
            # 'Smith blamed the law on "greedy politicians"': the quote is part of a clause;
            # its speaker is the subject of the verb it hangs from (a reporting verb first)
            att = _tail_attribution(sdoc, text, seg, nxt, forms)
            rule = "embedded-then-cue"
            if att is None:
                att = _governor_attribution(sdoc, seg, forms, quoted)
                rule = "embedded-verb" if att is not None and att.loose else "embedded"
            if att is not None and att.loose and _title_like(text[seg.start : seg.end]) and _name_slot(sdoc, seg):
                continue  # 'appeared on "Fox News Sunday"': a title, not words someone said
            if (att is not None and att.loose and att.head is not None and not _animate(att.head)
                    and len(text[seg.start : seg.end].split()) <= _SCARE_WORDS):
                # 'the practice known as "chalking"': a short phrase that no reporting verb takes
                # and no one who could speak governs is the writer's scare quote
                continue
        if att is None and not embedded:
            att = _signature(sdoc, text, seg, mentions)  # '"..." / Jane Roe, Some Institute."'
            rule = "signature"
        if att is None and seg.closed and not embedded and _opens_attribution(text, seg, forms):
            a, b = _clause_after(text, seg, nxt)
            att = _attribution_in(sdoc, a, b, forms, after=True, quote_ended_sentence=ended)
            rule = "quote-then-cue"
            if att is None and text[seg.start : seg.end].rstrip()[-1:] in (",", "?", "!", "—"):
                att = _loose_after(sdoc, a, b)  # '"...," an angry mayor retaliated'
                rule = "quote-then-verb"
        if att is None and lead.endswith(":"):
            att = _dash_source(sdoc, text, pa_, pb_)  # 'POLLS WERE EARLY - Ann Lee: "..."'
            rule = "dash-source"
        if att is None:
            a, b = pa_, pb_
            att = _attribution_in(sdoc, a, b, forms, after=False, quote_ended_sentence=False)
            rule = "cue-then-quote"
        if att is None and lead.endswith(":"):
            # 'Smith went even further: "..."', 'Ann Lee: "..."': the clause before the colon
            att = (_governor_attribution(sdoc, seg, forms, quoted) or _colon_name(sdoc, pa_, pb_, mentions)
                   or _root_subject(sdoc, pa_, pb_))
            rule = "colon-intro"
        if att is None and seg.open_at == pa and seg.paragraph > 0 and text[paras[seg.paragraph - 1][1] - 1] == ":":
            # 'X stated:' closing one paragraph introduces the quote that opens the next
            qa, qb = paras[seg.paragraph - 1]
            starts = [m.end() for m in _SENTENCE_END.finditer(text, qa) if m.end() < qb]
            sa = starts[-1] if starts else qa
            att = (_attribution_in(sdoc, sa, qb, forms, after=False, quote_ended_sentence=False)
                   or _root_subject(sdoc, sa, qb))  # 'X released the following statement:'
            if att is not None and att.extent is not None and not (qa <= att.extent[0] < qb):
                att = None
            rule = "cue-colon-paragraph"
        in_para = [i for i, p in cue_para.items() if p == seg.paragraph and drafts[i].cue[0] < seg.open_at]  # type: ignore[index]
        prev_para = [i for i, p in cue_para.items() if p == seg.paragraph - 1]
        if last_direct is not None and drafts[last_direct].content[0] >= pa:
            in_para.append(last_direct)
        elif last_direct is not None and _paragraph_index(paras, drafts[last_direct].content[0]) == seg.paragraph - 1:
            prev_para.append(last_direct)
        latest = lambda ids: max(ids, key=lambda i: (drafts[i].cue or drafts[i].content)[0])  # noqa: E731
        if att is not None and att.head is not None:
            extent = _cover_mention(att.extent, att.head, mentions) if att.extent else None
            draft = _Draft(content, "direct", att.head, extent, att.cue, rule, 0.9)
        elif seg.continued and last_direct is not None:
            draft = _Draft(content, "direct", None, None, None, "multi-paragraph", 0.85, last_direct)
        elif embedded:
            continue  # a quoted phrase inside a clause that names no speaker: a scare quote or a title
        elif in_para:
            draft = _Draft(content, "direct", None, None, None, "split-quote", 0.8, latest(in_para))
        elif seg.open_at == pa and prev_para and _sentence_like(text[seg.start : seg.end]):
            draft = _Draft(content, "direct", None, None, None, "previous-paragraph", 0.7, latest(prev_para))
        elif _sentence_start(text, seg, pa) and len(text[seg.start : seg.end].split()) >= 5:
            near = _recent_subject(sdoc, seg, quoted, mentions, pa, paras)
            if near is not None:
                # no clause names the speaker: the person or organisation the text was just
                # about ('X released the following statement: / "..."') is the best guess
                draft = _Draft(content, "direct", near, _extent(near), None, "recent-subject", 0.35)
            else:
                draft = _Draft(content, "direct", None, None, None, "unattributed", 0.3)
        else:
            continue  # a scare quote or a title: no speech
        drafts.append(draft)
        last_direct = len(drafts) - 1
    return drafts


def _tail_attribution(sdoc: SpacyDoc, text: str, seg: Segment, limit: int,
                      forms: frozenset[str]) -> _Attribution | None:
    """'Nothing he said "will assuage fears," the senator said.', 'the fact that the race "is a
    dead heat," as Cruz said, ...': a partial quote ending in a comma whose reporting clause
    follows it at once. That clause names the speaker, not the verb the quote hangs from."""
    if not seg.closed or seg.close_at is None or text[seg.start : seg.end].rstrip()[-1:] != ",":
        return None
    a, b = _clause_after(text, seg, limit)
    words = [t for t in _tokens_in(sdoc, a, b) if not t.is_punct]
    if words and words[0].lower_ == "as":
        words = words[1:]
    cue = next((t for t in words[:5] if is_cue(t, forms)), None)
    if cue is None or _is_passive(cue) or any(c.dep_ in ("ccomp", "dobj") and c.i > cue.i for c in cue.children):
        return None  # '"...," he said the plan ...' opens a clause of its own
    att = _attribution_in(sdoc, words[0].idx, b, forms, after=True, quote_ended_sentence=False)
    if att is None or att.head is None or att.head.ent_type_ in ("DATE", "TIME"):
        return None
    return att


def _recent_subject(sdoc: SpacyDoc, seg: Segment, quoted: "_Quoted", mentions: Sequence[Mention],
                    para_start: int, paras: list[tuple[int, int]]) -> Token | None:
    """The latest main-clause subject naming a person or organisation before a quote, in its
    paragraph or the one before (centering: what the text is about is who most likely speaks)."""
    k = _paragraph_index(paras, para_start)
    lo = paras[k - 1][0] if k > 0 else para_start
    start = sdoc.char_span(lo, seg.open_at, alignment_mode="contract")
    if start is None:
        return None
    for tok in reversed(start):
        if tok.dep_ not in _SUBJECT_DEPS or tok.head.dep_ != "ROOT" or quoted.contains(tok.idx):
            continue
        if tok.dep_ == "nsubjpass":
            continue
        m = _mention_at(mentions, tok.idx)
        if m is not None and m.label in (_PERSON_LABELS | _THING_LABELS - {"GPE"}):
            return tok
    return None


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


def _indirect_drafts(sdoc: SpacyDoc, text: str, quoted: _Quoted, paras: list[tuple[int, int]],
                     forms: frozenset[str], mentions: Sequence[Mention]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for tok in sdoc:
        if quoted.contains(tok.idx) or not is_cue(tok, forms):
            continue
        pa, pb = _paragraph_of(paras, tok.idx)
        if tok.lower_ == "according":
            head = _subject(tok, False)
            if head is None:
                continue
            sent = tok.sent
            a, b = max(sent.start_char, pa), min(sent.end_char, pb)
            lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
            left, right = _trimmed(text, a, lo), _trimmed(text, hi, b)
            content = right if right[1] - right[0] >= left[1] - left[0] else left
            rule = "according-to"
        else:
            comps = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
            comps += [g for c in tok.children if c.lower_ == "clear" for g in c.children  # "made clear"
                      if g.dep_ in ("ccomp", "csubj") and g.pos_ in ("VERB", "AUX")]
            comps += [a for p in tok.children if p.dep_ == "prep" and p.i > tok.i for o in p.children
                      if o.dep_ == "pobj" for a in o.children
                      if a.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
            if not comps:
                continue
            comp = comps[0]
            content = _trimmed(text, max(comp.left_edge.idx, pa), min(comp.right_edge.idx + len(comp.right_edge.text), pb))
            head = _subject(tok, first_in_clause=False)
            if head is None:
                continue
            rule = "speech-verb-ccomp"
        if content[1] - content[0] < 12 or quoted.share(*content) > 0.5:
            continue
        if content[0] <= head.idx < content[1]:
            continue  # the "speaker" sits inside what is said: a misparse
        extent = _cover_mention(_extent(head), head, mentions)
        drafts.append(_Draft(content, "indirect", head, extent, _cue_extent(tok), rule, 0.75))
    return drafts


_LINKERS = frozenset("but and so yet or still then also however now".split())
_NO_SOURCE = frozenset("it there this that which what these those".split())
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj")


def _stance_content(tok: Token, base: str | None, particle_base: str | None) -> Token | None:
    """The complement that holds what a stance is about: "wants [to build a wall]", "endorsed
    [Smith]", "called for [a ban]"; None when the verb has no such argument."""
    kids = list(tok.children)
    if particle_base is not None:
        for p in kids:
            if p.dep_ in ("prep", "prt") and p.lower_ in _PARTICLE_STANCES[particle_base]:
                objs = [g for g in p.children if g.dep_ in ("pobj", "pcomp")] or [
                    c for c in kids if c.dep_ == "dobj" and c.i > p.i]
                if objs:
                    return objs[0]
    if base is None:
        return None
    for dep in _CONTENT_DEPS:
        for c in kids:
            if c.dep_ == dep and c.i > tok.i and c.lower_ not in _NO_SOURCE and c.pos_ != "PRON":
                if base in ("seem", "appear") and dep != "xcomp":
                    continue
                return c
    return None


def _stance_drafts(sdoc: SpacyDoc, text: str, quoted: _Quoted, paras: list[tuple[int, int]],
                   forms: frozenset[str], mentions: Sequence[Mention], taken: set[int]) -> list[_Draft]:
    """Attributions whose cue is a stance rather than speech ("X wants to ...", "X endorsed Y",
    "X called for ..."), and speech verbs taking an object or infinitive instead of a clause
    ("announced his candidacy", "promised to ..."): subject = source, complement = content."""
    stances = _form_table(_STANCE_VERBS)
    particles = _form_table({b: ("spoke", "spoken", "speaks", "speaking", "speak") if b == "speak" else ()
                             for b in _PARTICLE_STANCES})
    drafts: list[_Draft] = []
    for tok in sdoc:
        low = tok.lower_
        if tok.i in taken or tok.pos_ not in ("VERB", "AUX") or quoted.contains(tok.idx):
            continue
        base = stances.get(low)
        speech = low in forms and low not in ("tell", "tells", "told", "telling", "ask", "asks", "asked", "asking")
        if base is None and speech:
            base = "say"
        pbase = particles.get(low)
        if base is None and pbase is None:
            continue
        comp = _stance_content(tok, base, pbase)
        if comp is None:
            continue
        head = _subject(tok, first_in_clause=False)
        if head is None or head.lower_ in _NO_SOURCE or head.pos_ not in ("PROPN", "PRON", "NOUN"):
            continue
        pa, pb = _paragraph_of(paras, tok.idx)
        content = _trimmed(text, max(comp.left_edge.idx, pa), min(comp.right_edge.idx + len(comp.right_edge.text), pb))
        if content[1] - content[0] < 3 or quoted.share(*content) > 0.5 or content[0] <= head.idx < content[1]:
            continue
        extent = _cover_mention(_extent(head), head, mentions)
        cue_end = max(tok.idx + len(tok.text), comp.idx if comp.head.i != tok.i else tok.idx + len(tok.text))
        cue = (tok.idx, tok.idx + len(tok.text)) if comp.head.i == tok.i else _trimmed(text, tok.idx, min(cue_end, content[0]))
        drafts.append(_Draft(content, "indirect", head, extent, cue, "stance-verb", 0.6))
    return drafts


def _headline_drafts(sdoc: SpacyDoc, text: str, paras: list[tuple[int, int]],
                     mentions: Sequence[Mention]) -> list[_Draft]:
    """The headline convention 'Name: what they said' (a short named prefix ending in a colon)."""
    drafts: list[_Draft] = []
    for a, b in paras:
        colon = text.find(":", a, b)
        if colon < 0 or len(text[a:colon].split()) > 6 or b - colon < 12:
            continue
        m = _mention_at(mentions, colon - 1)
        if m is None or m.label not in (_PERSON_LABELS | _THING_LABELS):
            continue
        span = sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        content = _trimmed(text, colon + 1, b)
        drafts.append(_Draft(content, "indirect", span.root, (a, colon), (colon, colon + 1), "name-colon", 0.6))
    return drafts


# ---------------------------------------------------------------------------------------------
# the stage
# ---------------------------------------------------------------------------------------------


def find_quotes(doc: Document, sdoc: SpacyDoc, mentions: Sequence[Mention]) -> list[Quote]:
    """Direct and reported speech in one document, each with its resolved speaker.

    ``sdoc`` must be the parse of ``doc.text``; ``mentions`` may be empty (spaCy's own entities
    are used then).
    """
    if sdoc.text != doc.text:
        raise ValueError("the spaCy Doc does not hold this document's text")
    text = doc.text
    mentions = list(mentions) or mentions_from_ents(doc, sdoc)
    forms = speech_verbs()
    paras = paragraph_bounds(text, doc.paragraphs)
    segments = find_segments(text, paras)
    quoted = _Quoted(segments)
    reported = _indirect_drafts(sdoc, text, quoted, paras, forms, mentions)
    taken = {t.i for d in reported if d.cue for t in _tokens_in(sdoc, *d.cue)}
    reported += _stance_drafts(sdoc, text, quoted, paras, forms, mentions, taken)
    reported += _headline_drafts(sdoc, text, paras, mentions)
    drafts = _direct_drafts(doc, sdoc, segments, paras, forms, mentions, reported, quoted)
    return _resolve_all(doc, drafts, mentions, _salient_subjects(sdoc, mentions, quoted), quoted)


def _resolve_all(doc: Document, drafts: list[_Draft], mentions: Sequence[Mention],
                 salient: list[_Salient], quoted: _Quoted) -> list[Quote]:
    """Resolve speakers in reading order, so a resolved speaker is there for the next pronoun."""
    text = doc.text
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].cue or drafts[i].content)[0])
    names: dict[int, str | None] = {}
    salient = list(salient)
    for i in order:
        d = drafts[i]
        if d.head is None or d.extent is None:
            continue
        if d.head.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS:
            name = _resolve_pronoun(d.head, mentions, salient, quoted)
            kind = "person" if d.head.lower_ in _PERSON_PRONOUNS else "thing"
        elif _is_quantity(d.head):
            name, kind = _counted(d.head), "thing"  # '74 percent of likely voters said'
        else:
            # 'an official who spoke anonymously said': the span stays "who" (what the clause
            # names), the speaker is the noun the relative clause describes
            ante = _antecedent(d.head)
            got = _resolve_named(ante, _extent(ante) if ante.i != d.head.i else d.extent, text, mentions)
            name, kind = got if got else (None, "thing")
        names[i] = name
        if name:
            salient.append(_Salient(d.head.idx, name, kind))
    quotes: list[Quote] = []
    for i, d in enumerate(drafts):
        src = i
        for _ in range(len(drafts)):  # follow continuation links to the attributed quote
            if drafts[src].inherit_from is None:
                break
            src = drafts[src].inherit_from  # type: ignore[assignment]
        s = drafts[src]
        pron = s.head is not None and s.head.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS
        conf = d.confidence * (0.85 if pron else 1.0) * (1.0 if names.get(src) or s.head is None else 0.6)
        words = text[d.content[0] : d.content[1]]
        quotes.append(Quote(
            content=Span(doc.id, *d.content),
            text=words,
            question=is_question(words, text[s.cue[0] : s.cue[1]] if s.cue else ""),
            kind=d.kind,  # type: ignore[arg-type]
            speaker=names.get(src),
            speaker_span=Span(doc.id, *s.extent) if s.extent else None,
            cue_span=Span(doc.id, *s.cue) if s.cue else None,
            confidence=round(conf, 3),
            rule=d.rule if d.head is not None else f"{d.rule}<-{s.rule}" if d.inherit_from is not None else d.rule,
        ))
    return sorted(quotes, key=lambda q: (q.content.start, q.kind))
