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

import dataclasses
import logging
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract.quotes_attrib import (
    _animate,
    _colon_name,
    _dash_signature,
    _dash_source,
    _governor_attribution,
    _is_passive,
    _loose_after,
    _root_subject,
    _signature,
    _tail_subject_verb,
    _transcript_label,
)
from dossier.extract.quotes_cues import (
    _Attribution,
    _Draft,
    _NO_SOURCE,
    _PARTICLE_STANCES,
    _PERSON_LABELS,
    _Quoted,
    _SCARE_WORDS,
    _SENTENCE_END,
    _STANCE_VERBS,
    _SUBJECT_DEPS,
    _THING_LABELS,
    _attribution_in,
    _clause_after,
    _clause_before,
    _cover_mention,
    _cue_extent,
    _extent,
    _form_table,
    _mention_at,
    _name_slot,
    _opens_attribution,
    _paragraph_index,
    _paragraph_of,
    _sentence_like,
    _subject,
    _title_like,
    _tokens_in,
    _trimmed,
    is_cue,
    mentions_from_ents,
)
from dossier.extract.quotes_topic import topic_phrase
from dossier.extract.quotes_marks import Segment, find_segments, paragraph_bounds
from dossier.extract.quotes_resolve import _resolve_all, _salient_subjects, is_question, name_genders
from dossier.model import Document, Mention, Quote
from dossier.nlp.cues import speech_verbs

logger = logging.getLogger(__name__)

__all__ = ["find_quotes", "is_cue", "is_question", "mentions_from_ents", "name_genders"]


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
        nxt = _next_open(text, segments, k, pb)
        prev_seg = segments[k - 1] if k > 0 else None
        prv = (prev_seg.close_at + 1) if (prev_seg and prev_seg.paragraph == seg.paragraph
                                          and prev_seg.close_at is not None) else pa
        content = (seg.start, seg.end)
        label = _transcript_label(sdoc, text, seg)
        if label is not None:  # '"SMITH: Well, ..."': a transcript turn names its speaker
            drafts.append(_Draft((label[1], seg.end), "direct", label[0].head, label[0].extent, label[0].cue,
                                 "transcript-label", 0.85))
            last_direct = len(drafts) - 1
            continue
        ended = text[seg.start : seg.end].rstrip()[-1:] in (".", "")
        att, rule = _dash_signature(sdoc, text, seg, mentions), "dash-signature"
        pa_, pb_ = _clause_before(text, seg, prv)
        lead = text[pa_:pb_].rstrip()
        embedded = (bool(lead) and lead[-1] not in ":,;—–-([" and seg.open_at > pa
                    and not set(lead.lower().split()) <= _LINKERS)  # 'But "Moscow must ..."' opens
        if embedded and att is None:
            att, rule, scare = _embedded_attribution(sdoc, text, seg, nxt, forms, quoted)
            if scare:
                continue  # a title ('appeared on "Fox News Sunday"') or a scare quote: no speech
        if att is None:
            att, rule = _clause_attribution(sdoc, text, seg, paras, (pa_, pb_, nxt), ended, embedded, forms,
                                            mentions, quoted)
        in_para = [i for i, p in cue_para.items() if p == seg.paragraph and drafts[i].cue[0] < seg.open_at]  # type: ignore[index]
        prev_para = [i for i, p in cue_para.items() if p == seg.paragraph - 1]
        if last_direct is not None and drafts[last_direct].content[0] >= pa:
            in_para.append(last_direct)
        elif last_direct is not None and _paragraph_index(paras, drafts[last_direct].content[0]) == seg.paragraph - 1:
            prev_para.append(last_direct)
        def latest(ids: list[int]) -> int:
            return max(ids, key=lambda i: (drafts[i].cue or drafts[i].content)[0])
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


def _next_open(text: str, segments: list[Segment], k: int, para_end: int) -> int:
    """Where the text after quote ``k`` ends: the next quote of its paragraph, passing over short
    quoted names inside a reporting clause ('"...," X, wearing "Y Z" campaign pins, said', 'Del.
    Ann "Cia" Lee shouted'), which open no new quote."""
    for nxt in segments[k + 1 :]:
        if nxt.paragraph != segments[k].paragraph:
            break
        words = text[nxt.start : nxt.end]
        if not (nxt.closed and len(words.split()) <= 3 and _title_like(words) and words.rstrip()[-1:].isalnum()):
            return nxt.open_at
    return para_end


def _embedded_attribution(sdoc: SpacyDoc, text: str, seg: Segment, nxt: int, forms: frozenset[str],
                          quoted: _Quoted) -> tuple[_Attribution | None, str, bool]:
    """(attribution, rule, is a title or scare quote) of a quote that is part of a clause: 'Smith
    blamed the law on "greedy politicians"' is spoken by the subject of the verb it hangs from (a
    reporting verb first)."""
    att = _tail_attribution(sdoc, text, seg, nxt, forms)
    rule = "embedded-then-cue"
    if att is None:
        att = _governor_attribution(sdoc, seg, forms, quoted)
        rule = "embedded-verb" if att is not None and att.loose else "embedded"
    if att is not None and att.loose and _title_like(text[seg.start : seg.end]) and _name_slot(sdoc, seg):
        return att, rule, True  # 'appeared on "Fox News Sunday"': a title, not words someone said
    if (att is not None and att.loose and att.head is not None and not _animate(att.head)
            and len(text[seg.start : seg.end].split()) <= _SCARE_WORDS):
        # 'the practice known as "chalking"': a short phrase that no reporting verb takes
        # and no one who could speak governs is the writer's scare quote
        return att, rule, True
    return att, rule, False


def _clause_attribution(sdoc: SpacyDoc, text: str, seg: Segment, paras: list[tuple[int, int]],
                        bounds: tuple[int, int, int], ended: bool, embedded: bool, forms: frozenset[str],
                        mentions: Sequence[Mention], quoted: _Quoted) -> tuple[_Attribution | None, str]:
    """The reporting clause around a quote, tried in order: a signature line, a clause after it
    ('"...," he said'), a dash source, a clause before it ('He said: "..."'), the clause before a
    colon, a 'X stated:' closing the previous paragraph. ``bounds``: the start and end of the text
    before the quote in its sentence, and where the text after it ends."""
    pa_, pb_, nxt = bounds
    pa = paras[seg.paragraph][0]
    lead = text[pa_:pb_].rstrip()
    att: _Attribution | None = None
    rule = ""
    if not embedded:
        att = _signature(sdoc, text, seg, mentions)  # '"..." / Jane Roe, Some Institute."'
        rule = "signature"
    if att is None and seg.closed and not embedded and _opens_attribution(text, seg, forms):
        a, b = _clause_after(text, seg, nxt)
        att = _attribution_in(sdoc, a, b, forms, after=True, quote_ended_sentence=ended)
        rule = "quote-then-cue"
        if att is None and text[seg.start : seg.end].rstrip()[-1:] in (",", "?", "!", "—"):
            att = _loose_after(sdoc, a, b)  # '"...," an angry mayor retaliated'
            rule = "quote-then-verb"
        if (att is None or att.head is None) and text[seg.start : seg.end].rstrip()[-1:] in (",", "?", "!", "—"):
            att = _tail_subject_verb(sdoc, a, b, forms) or att  # '"...," the editorial read.'
            rule = "quote-then-cue" if att is not None and att.head is not None else rule
    if att is None and lead.endswith(":"):
        att = _dash_source(sdoc, text, pa_, pb_)  # 'POLLS WERE EARLY - Ann Lee: "..."'
        rule = "dash-source"
    if att is None:
        a, b = pa_, pb_
        att = _attribution_in(sdoc, a, b, forms, after=False, quote_ended_sentence=False)
        rule = "cue-then-quote"
    if att is None and lead.endswith(":"):
        att = _colon_intro(sdoc, seg, pa_, pb_, forms, mentions, quoted)
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
    return att, rule


def _colon_intro(sdoc: SpacyDoc, seg: Segment, a: int, b: int, forms: frozenset[str],
                 mentions: Sequence[Mention], quoted: _Quoted) -> _Attribution | None:
    """'Smith went even further: "..."', 'Ann Lee: "..."': the clause before the colon, and of
    several clauses the one the colon closes ('She got upset, so I had to change my answer:')."""
    return (_closing_clause(sdoc, a, b) or _governor_attribution(sdoc, seg, forms, quoted)
            or _colon_name(sdoc, a, b, mentions) or _root_subject(sdoc, a, b))


def _closing_clause(sdoc: SpacyDoc, a: int, b: int) -> _Attribution | None:
    """The subject of the innermost clause ending at a colon, when a subordinate or coordinate
    clause ends there: the word before the colon, up its heads to the first verb with a subject
    of its own in the text before the colon."""
    toks = [t for t in _tokens_in(sdoc, a, b) if not t.is_punct]
    if not toks:
        return None
    tok = toks[-1]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ == "nsubj" and a <= c.idx < b]
            if subj:
                if tok.dep_ == "ROOT" or subj[0].pos_ not in ("PRON", "PROPN") or subj[0].lower_ in _NO_SOURCE:
                    return None  # the main clause: the other readings handle it
                return _Attribution(_cue_extent(tok), subj[0], _extent(subj[0]))
        if tok.head.i == tok.i or not (a <= tok.head.idx < b):
            return None
        tok = tok.head
    return None


def _tail_attribution(sdoc: SpacyDoc, text: str, seg: Segment, limit: int,
                      forms: frozenset[str]) -> _Attribution | None:
    """'Nothing he said "will assuage fears," the senator said.', 'the fact that the race "is a
    dead heat," as Smith said, ...': a partial quote ending in a comma whose reporting clause
    follows it at once. That clause names the speaker, not the verb the quote hangs from."""
    if not seg.closed or seg.close_at is None or text[seg.start : seg.end].rstrip()[-1:] != ",":
        return None
    a, b = _clause_after(text, seg, limit)
    words = [t for t in _tokens_in(sdoc, a, b) if not t.is_punct]
    if words and words[0].lower_ == "as":
        words = words[1:]
    cue = next((t for t in words[:5] if is_cue(t, forms)), None)
    if cue is None or _is_passive(cue) or any(c.dep_ in ("ccomp", "dobj") and c.i > cue.i and c.lower_ != "it"
                                              for c in cue.children):
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
    found = _resolve_all(doc, drafts, mentions, _salient_subjects(sdoc, mentions, quoted), quoted, sdoc)
    chunks = list(sdoc.noun_chunks) if found else []
    return [dataclasses.replace(q, key_phrase=topic_phrase(sdoc, q.content.start, q.content.end, chunks)) for q in found]
