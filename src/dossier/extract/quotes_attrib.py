"""Attribution of a quoted passage from the parse: the verb a quote hangs from, parentheticals,
inverted and loose reporting clauses, signatures and dash sources."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract.quotes_cues import (
    _EXTRA_CUES,
    _NO_SOURCE,
    _NO_SPEAKER_ENTS,
    _WEAK_CUES,
    _PERSON_LABELS,
    _PERSON_PRONOUNS,
    _SUBJECT_DEPS,
    _THING_LABELS,
    _THING_PRONOUNS,
    _Attribution,
    _clip,
    _cue_extent,
    _extent,
    _outside,
    _Quoted,
    _subject,
    _subjects,
    _tokens_in,
    _trimmed,
    is_cue,
)
from dossier.extract.quotes_marks import QUOTE_CHARS, Segment
from dossier.lang.en import FAMILY_NOUNS
from dossier.model import Mention
from dossier.nlp.cues import ROLE_NOUNS, inflect

logger = logging.getLogger(__name__)


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
            # 'X will continue to be "..."': a verb reached through its infinitive complement
            # (control, aspect) reports nothing; the quote is what its subject does or is
            cue = is_cue(v, forms) and not (prev.dep_ == "xcomp" and prev.head.i == v.i)
            aside = _parenthetical_cue(v, seg, forms) or (_reported_thought(v, seg, forms) if cue else None)
            if aside is not None:
                return aside
            said = _clause_taker(v, prev, seg) if inner is None else None
            if said is not None:
                return said
            if cue and _not_a_speaker_clause(v):
                pass  # 'a voice that said', 'if people think': the enclosing clause's subject speaks
            elif cue:
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
                        # 'the chants were strong in front of the Inn, which Smith declared ...
                        # "..."': a thing speaks seldom; a person subject further up may
                        tried, animate_only = False, True
                    elif animate_only:
                        first = (v, subj)
        if v.head == v:
            break
        v, prev = v.head, v
    if inner is not None or first is None:
        return inner
    return _Attribution(_cue_extent(first[0]), first[1], _extent(first[1]), loose=True)


# Verbs of thinking: a quote under one is worded by whoever reports the thought.
_COGNITION_VERBS = frozenset(form for base in ("believe", "hope", "fear", "expect") for form in inflect(base)) | frozenset(
    """think thinks thought thinking know knows knew known knowing understand understands understood
    understanding feel feels felt feeling""".split())


def _reported_thought(verb: Token, seg: Segment, forms: frozenset[str]) -> _Attribution | None:
    """'Mr. X said, a majority have come to believe "..."': what others think is the reporter's
    account; a parenthetical reporting clause above a verb of thinking owns the words."""
    if verb.lower_ not in _COGNITION_VERBS:
        return None
    return next((p for p in (_parenthetical_cue(u, seg, forms) for u in verb.ancestors) if p), None)


def _animate(tok: Token) -> bool:
    """Could this subject speak: a pronoun, a person or organisation name, a role noun or a noun
    with an agent suffix ("marchers", "activists", "residents"); places and things cannot."""
    if tok.pos_ == "PRON" or tok.lower_ in ROLE_NOUNS or tok.lower_ in _KIN_NOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART")
    return tok.lower_.endswith(_AGENT_SUFFIXES)


# People named by whom they are kin or close to: persons, though no role or agent suffix says so.
_KIN_NOUNS = FAMILY_NOUNS | frozenset(
    "friend friends neighbor neighbors neighbour neighbours girlfriend boyfriend fiancee fiance".split())
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


_OBJECT_DEPS = frozenset("pobj dobj dative oprd".split())


def _left_name(verb: Token, seg: Segment, quoted: "_Quoted") -> Token | None:
    """The parse lost a reporting verb's subject ('..., former president John Smith said his
    wife ...' parsed as an apposition): the closest name before the verb in its sentence. A
    name inside a prepositional adjunct ('X, in <place>, said', 'who X on <day> called') or
    naming a place, date or work is no subject; the adjunct and commas do not count as distance."""
    names = [t for t in verb.sent if t.i < verb.i and _outside(t, seg) and not quoted.contains(t.idx)
             and (t.pos_ == "PROPN" or t.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS)
             and t.dep_ not in _OBJECT_DEPS and _animate(t)]
    if not names:
        return None
    name = names[-1]
    adjuncts = {d.i for t in verb.doc[name.i + 1 : verb.i] if t.dep_ == "prep" and not t.is_ancestor(verb)
                for d in t.subtree if name.i < d.i < verb.i}
    between = [t for t in verb.doc[name.i + 1 : verb.i] if not t.is_punct and t.i not in adjuncts]
    return name if len(between) < 3 else None


def _loose_after(sdoc: SpacyDoc, a: int, b: int) -> _Attribution | None:
    """'"...," an angry mayor retaliated': a short tail clause whose verb has a subject names the
    speaker whatever the verb (news writing varies reporting verbs endlessly)."""
    words = [t for t in _tokens_in(sdoc, a, b) if not t.is_punct]
    if not words or words[0].pos_ == "SCONJ" or words[0].tag_ == "WRB":
        return None  # '"...," when Smith blasted him': a subordinate clause reports nothing
    for t in words[:6]:
        if t.pos_ == "VERB":
            subj = [c for c in _subjects(t, ("nsubj",)) if a <= c.idx < b]
            if subj and subj[0].pos_ in ("PROPN", "PRON", "NOUN"):
                return _Attribution(_cue_extent(t), subj[0], _clip(_extent(subj[0]), a, b))
            return None
    return None


# Verbs of written text ('"...," the sign read'); the tagger often reads "read" as a noun there.
_TEXT_VERBS = frozenset("read reads".split())
_NP_POS = frozenset("DET ADJ NOUN PROPN NUM PRON PART".split())
_TAIL_STOP = frozenset(".,;:!?")


def _tail_subject_verb(sdoc: SpacyDoc, a: int, b: int, forms: frozenset[str]) -> _Attribution | None:
    """'"...," the editorial read.', '"...?" the 43-year-old asked in ...': a tail clause of a noun
    phrase and a reporting verb, whatever the parse made of it (the tagger takes "read" for a noun,
    "asked" for a participle of "old"). The last word of the noun phrase names the speaker."""
    toks = []
    for t in _tokens_in(sdoc, a, b):
        if t.text in _TAIL_STOP:
            break
        if not t.is_punct:
            toks.append(t)
    verbs = forms | _EXTRA_CUES | _WEAK_CUES | _TEXT_VERBS
    j = next((k for k, t in enumerate(toks[:6]) if k > 0 and t.lower_ in verbs), None)
    if j is None or toks[0].pos_ not in _NP_POS or toks[0].tag_ in ("WP", "WDT", "WRB"):
        return None
    phrase = toks[:j]
    if any(t.pos_ not in _NP_POS for t in phrase) or any(t.tag_ == "PRP$" for t in phrase[-1:]):
        return None
    head = phrase[-1]
    if head.ent_type_ in _NO_SPEAKER_ENTS and not head.lower_.endswith("old"):
        return None  # 'the 43-year-old' names a person by age; 'Tuesday' names no one
    verb = toks[j]
    return _Attribution((verb.idx, verb.idx + len(verb.text)), head, (phrase[0].idx, head.idx + len(head.text)))


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


_DASH_SIGNATURE = re.compile(r"[^\S\n]*[―—–-]+[^\S\n]*")  # no-break spaces too ('”\xa0― Name')
# A signature the tagger did not read as a name: two to five capitalised words or initials
# ('Jacklyn Ashley', 'Christina N Luis Olidem') ending the line or followed by a comma.
_SIGNED_NAME = re.compile(r"([A-Z](?:\.|[\w’'-]*)(?:[^\S\n]+(?:[A-Z](?:\.|[\w’'-]*)|de|del|da|van|von|la)){1,4})[^\S\n]*(?:[,.]|$)",
                          re.MULTILINE)


_LONE_NAME = re.compile(r"([A-Z][\w’'-]+)\.?[^\S\n]*$", re.MULTILINE)
_NEXT_LINE_SIGNATURE = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*[―—–-]+[^\S\n]*(?=[A-Z])")


def _dash_signature(sdoc: SpacyDoc, text: str, seg: Segment, mentions: Sequence[Mention]) -> _Attribution | None:
    """'"..." ― Jane Roe, 23' closing its line: the pull-quote convention of round-ups and
    vox pops, where a dash and a name after the closing mark sign the quote."""
    line_start = text.rfind("\n", 0, seg.open_at) + 1
    if not seg.closed or seg.close_at is None or text[line_start:seg.open_at + 1].lstrip()[:1] not in QUOTE_CHARS:
        return None  # a signed quote opens its line; '... "force in Spain."--Kim Lee.' is a byline
    m = _DASH_SIGNATURE.match(text, seg.close_at + 1)
    next_line = False
    if m is None or not m.group().strip():
        # '"..."' closing its paragraph, then a line of its own: '- Jane Roe.' (fact checks and
        # round-ups sign the quote above)
        m = _NEXT_LINE_SIGNATURE.match(text, seg.close_at + 1)
        next_line = True
        if m is None:
            return None
    eol = text.find("\n", m.end())
    eol = len(text) if eol < 0 else eol
    line = text[m.end() : eol]
    if not line.strip() or len(line.split()) > 12:
        return None
    named = next((x for x in mentions if x.span.start == m.end() and x.label in (_PERSON_LABELS | _THING_LABELS)), None)
    if named is not None:
        extent = (named.span.start, named.span.end)
    elif (bare := _SIGNED_NAME.match(text, m.end(), eol)) is not None:
        extent = bare.span(1)
    elif next_line and (one := _LONE_NAME.match(text, m.end(), eol)) is not None:
        extent = one.span(1)  # '- Smith.' alone on its line
    else:
        return None
    if next_line and text[extent[1] : eol].strip()[:1] not in ("", ",", "."):
        return None  # '- Ann Lee explains why ...': a list item, not a signature
    span = sdoc.char_span(*extent, alignment_mode="expand")
    if span is None:
        return None
    return _Attribution((m.start(), m.end()), span.root, extent)


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


# 'JONES: Let's start ...': a speaker label in capitals opening a transcript line. Editorial labels
# in capitals ('UPDATE:', 'EDITOR'S NOTE:') name no speaker.
_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")
_EDITORIAL_LABELS = frozenset(
    "update note correction clarification editor editor's editors source sources photo video watch "
    "related read transcript advertisement warning breaking exclusive analysis opinion".split())


def _transcript_label(sdoc: SpacyDoc, text: str, seg: Segment) -> tuple[_Attribution, int] | None:
    """A quoted transcript line ('"SMITH: Well, look, ..."'): (the label as speaker, where the
    words said begin). Interview and debate transcripts name each turn's speaker this way; a
    label of editorial words, or of one letter ("Q:"), is none."""
    m = _LABEL.match(text, seg.start, seg.end)
    if m is None or any(w.strip(".").lower() in _EDITORIAL_LABELS for w in m.group(1).split()):
        return None
    a, b = m.span(1)
    toks = _tokens_in(sdoc, a, b)
    if not toks or len(m.group(1).replace(".", "")) < 3:
        return None
    return _Attribution((b, b + 1), toks[-1], (a, b)), m.end()
