"""Speaker resolution: a named mention gives its fullest in-document name, a pronoun its antecedent
(agreeing in kind and gender), a definite role noun the person last given that title; a number is
no speaker. Quotes are resolved in reading order so a resolved speaker is there for the next pronoun."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token

from dossier.extract.quotes_cues import (
    _PERSON_LABELS,
    _PERSON_PRONOUNS,
    _SALIENCE_WINDOW,
    _SPEAKER_LABELS,
    _SUBJECT_DEPS,
    _THING_LABELS,
    _THING_PRONOUNS,
    _antecedent,
    _appositive_name,
    _Draft,
    _extent,
    _has_mark,
    _mention_at,
    _Quoted,
    _Salient,
    _SENTENCE_END,
)
from dossier.model import Document, Mention, Quote, Span
from dossier.nlp.cues import ROLE_NOUNS
from dossier.nlp.mentions import ORG_NOUNS

logger = logging.getLogger(__name__)


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
    """A quoted question (it ends in "?", and its questions outnumber its statements) or words
    reported with "asked": a question put to someone is no statement of that speaker's view."""
    end = words.rstrip().rstrip("\"'”’»),.").rstrip()
    first = cue.lower().split()[:1]
    if bool(first) and first[0] in _ASKING:
        return True
    if not end.endswith("?"):
        return False
    # 'Notice how he sniffs. Coke user?': statements ending in a rhetorical question are statements;
    # a quote is a question when its questions outnumber its statements
    ends = [m.group(0).strip()[:1] for m in _SENTENCE_END.finditer(end)] + ["?"]
    return ends.count("?") > len(ends) - ends.count("?")


def _titled_antecedent(head: Token, mentions: Sequence[Mention]) -> str | None:
    """'the president said': a definite role noun repeats the latest person the text gave that
    title ("President John Smith" ... "the president"), the news convention for second mentions."""
    if head.lower_ not in ROLE_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    titled = [m for m in mentions if m.label in _PERSON_LABELS and m.span.end <= head.idx and m.title
              and head.lower_ in m.title.lower().split()]
    if not titled:
        return None
    last = max(titled, key=lambda m: m.span.start)
    return last.canonical or last.text


# Heads of descriptions that stand for unnamed sources in news ("the official said", "sources
# said"): they do not take the last person named.
_ANONYMOUS_HEADS = frozenset("official officials source sources aide aides person people spokesman spokeswoman spokesperson".split())
_PERSON_SUFFIXES = ("man", "woman", "ist", "person")


def _person_noun(head: Token) -> bool:
    """A singular noun naming a person by role or trade ("the director", "the businessman")."""
    low = head.lower_
    return head.pos_ == "NOUN" and head.tag_ != "NNS" and (low in ROLE_NOUNS or low.endswith(_PERSON_SUFFIXES))


def _definite(head: Token) -> Token | None | bool:
    """False when the description is not definite; else its possessor token ("Smith's aide") or None."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that"):
            return None
    return False


def _described_person(head: Token, mentions: Sequence[Mention], salient: Sequence[_Salient],
                      quoted: "_Quoted", genders: dict[str, str]) -> str | None:
    """'"...," the director said': a definite description of a person, with no earlier bearer of
    that title, is the news convention for a second mention of the person just written about (the
    latest salient person, else the latest person named outside quotes, within two paragraphs);
    a possessor ("Smith's former aide") is never that person. Gendered nouns must agree."""
    owner = _definite(head)
    if owner is False or not _person_noun(head) or head.lower_ in _ANONYMOUS_HEADS:
        return None
    owner_text = owner.text.lower() if isinstance(owner, Token) else ""
    gender = "f" if head.lower_.endswith("woman") else "m" if head.lower_.endswith("man") else None

    def fits(name: str) -> bool:
        return (not owner_text or owner_text not in name.lower()) and (not gender or genders.get(name, gender) == gender)

    near = [s for s in salient if s.kind == "person" and 0 < head.idx - s.pos < _SALIENCE_WINDOW and fits(s.name)]
    if near:
        return max(near, key=lambda s: s.pos).name
    named = [m for m in mentions if m.label in _PERSON_LABELS and 0 < head.idx - m.span.end < _SALIENCE_WINDOW
             and not quoted.contains(m.span.start) and fits(m.canonical or m.text)]
    if not named:
        return None
    last = max(named, key=lambda m: m.span.start)
    return last.canonical or last.text


# Heads of a definite description of an organisation ("the ministry said", "the union wrote").
_ORG_HEADS = ORG_NOUNS | frozenset(
    "campaign court board firm embassy bureau panel network newspaper coalition government administration".split())
_MODIFIER_DEPS = ("amod", "compound")
_ARTICLES = frozenset("the a an this that".split())


def _described_organisation(head: Token, mentions: Sequence[Mention], salient: Sequence[_Salient]) -> str | None:
    """'"...," said the ministry': a definite description of an organisation is the organisation of
    that kind the page named before (a name holding the noun and its modifiers: "the commission" ->
    "Commission on Presidential Debates", "the ministry" -> an earlier speaker "Freedonia's foreign
    ministry"), else the organisation the text was just about (the latest organisation subject or
    speaker within two paragraphs), never a place or a nationality. None leaves the phrase."""
    low = head.lower_
    if low not in _ORG_HEADS or head.tag_ == "NNS" or _definite(head) is not None:
        return None
    words = {low} | {c.lower_ for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i}

    def holds(name: str) -> bool:
        return words <= set(name.lower().replace("'s", " ").replace("’s", " ").split())

    orgs = {m.canonical or m.text for m in mentions if m.label == "ORG"}
    named = [m for m in mentions if m.label == "ORG" and m.span.end <= head.idx and holds(m.canonical or m.text)]
    if named:
        last = max(named, key=lambda m: m.span.start)
        return last.canonical or last.text
    before = [s for s in salient if s.kind == "thing" and s.pos < head.idx]
    kind_named = [s for s in before if holds(s.name) and s.name.split()[0].lower() not in _ARTICLES]
    if kind_named:
        return max(kind_named, key=lambda s: s.pos).name
    near = [s for s in before if s.name in orgs and head.idx - s.pos < _SALIENCE_WINDOW]
    return max(near, key=lambda s: s.pos).name if near else None


def _resolve_named(head: Token, extent: tuple[int, int], text: str,
                   mentions: Sequence[Mention], salient: Sequence[_Salient] = (),
                   quoted: "_Quoted | None" = None, genders: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(name, kind) for a non-pronoun speaker: its mention's canonical name or the phrase itself."""
    m = _mention_at(mentions, head.idx)
    if m is not None and m.label != "PRON" and m.label in _SPEAKER_LABELS and not _has_mark(m.text):
        return (m.canonical or m.text), ("person" if m.label in _PERSON_LABELS else "thing")
    app = _appositive_name(head, mentions)
    if app is not None:
        return (app.canonical or app.text), ("person" if app.label in _PERSON_LABELS else "thing")
    titled = _titled_antecedent(head, mentions)
    if titled is not None:
        return titled, "person"
    described = _described_person(head, mentions, salient, quoted, genders or {}) if quoted is not None else None
    if described:
        return described, "person"
    organisation = _described_organisation(head, mentions, salient)
    if organisation:
        return organisation, "thing"
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


_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def name_genders(text: str, mentions: Sequence[Mention], sdoc: SpacyDoc | None = None,
                 quoted: "_Quoted | None" = None) -> dict[str, str]:
    """Grammatical gender of person names from the document itself: the honorific before a
    mention ("Mrs. Jones", "Mr. Smith") and, given the parse, a possessive or reflexive pronoun
    bound in the clause the person is the subject of ("Jones launched her campaign"), by
    majority, so "she" never resolves to a man the text calls "Mr." or "his" (no name list is
    needed). The annotator's pronoun links are not used: they do not check gender, so they would
    vote "he" for a woman."""
    votes: dict[str, list[str]] = _bound_pronoun_votes(sdoc, mentions, quoted) if sdoc is not None else {}
    for m in mentions:
        if m.label not in _PERSON_LABELS:
            continue
        word = text[max(0, m.span.start - 5) : m.span.start].split()[-1:]
        g = _HONORIFIC_GENDER.get(word[0].lower()) if word else None
        g = g or _HONORIFIC_GENDER.get(m.text.split()[0].lower())
        if g:
            votes.setdefault(m.canonical or m.text, []).append(g)
    out = {}
    for name, vs in votes.items():
        m_, f_ = vs.count("m"), vs.count("f")
        if m_ != f_:
            out[name] = "m" if m_ > f_ else "f"
    return out


_BOUND_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def _bound_pronoun_votes(sdoc: SpacyDoc, mentions: Sequence[Mention], quoted: "_Quoted | None") -> dict[str, list[str]]:
    """Gender votes from binding: in a sentence naming one person (outside quotes), a possessive or
    reflexive pronoun inside the clause whose subject that person is ('X thanked his staff', 'X
    said in her speech') can only be that person. A pronoun in an embedded clause ('X said she
    ...') or under another subject ('X's wife said her ...') may be someone else and is not read."""
    votes: dict[str, list[str]] = {}
    persons = [m for m in mentions if m.label in _PERSON_LABELS and not (quoted and quoted.contains(m.span.start))]
    for sent in sdoc.sents:
        here = [m for m in persons if sent.start_char <= m.span.start < sent.end_char]
        if len({m.canonical or m.text for m in here}) != 1:
            continue
        name = here[0].canonical or here[0].text
        for m in here:
            subj = next((t for t in sent if m.span.start <= t.idx < m.span.end and t.dep_ == "nsubj"), None)
            if subj is None:
                continue
            verb = subj.head
            own = {t.i for t in subj.subtree}  # 'X and her mother': a pronoun in the subject is someone else's
            for t in verb.subtree:
                if t.i in own:
                    continue
                g = _BOUND_PRONOUNS.get(t.lower_)
                if g is None or (quoted and quoted.contains(t.idx)) or (t.lower_ == "her" and (
                        t.dep_ != "poss" or t.i == verb.i + 1)):
                    continue  # object "her" is someone else: 'X told her', 'X emailed her condolences'
                if _clause_of(t).i == verb.i:
                    votes.setdefault(name, []).append(g)
    return votes


def _clause_of(tok: Token) -> Token:
    """The nearest verb above a token (its clause)."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _resolve_pronoun(head: Token, mentions: Sequence[Mention], salient: list[_Salient],
                     quoted: "_Quoted", genders: dict[str, str] | None = None) -> str | None:
    """The antecedent of a speaker pronoun: the annotator's if given, else the latest salient
    referent of the right kind (person for he/she, organisation for it/they) and gender, else the
    latest named mention of that kind outside quotes."""
    kind = "person" if head.lower_ in _PERSON_PRONOUNS else "thing"
    want = _PRONOUN_GENDER.get(head.lower_)

    def agrees(name: str) -> bool:
        return not want or (genders or {}).get(name, want) == want

    # a referent just taken for "she" is no antecedent of "he" (and the reverse)
    before = [s for s in salient if s.pos < head.idx and s.kind == kind and agrees(s.name)
              and (not want or s.gender in (None, want))]
    if before and head.idx - max(s.pos for s in before) < _SALIENCE_WINDOW:
        # a speaker or main-clause subject just before outranks a general antecedent: news
        # writing keeps "he says" for the person being quoted
        return max(before, key=lambda s: s.pos).name
    m = _mention_at(mentions, head.idx)
    if m is not None and m.label == "PRON" and m.canonical and agrees(m.canonical):
        return m.canonical
    if before:
        return max(before, key=lambda s: s.pos).name
    labels = _PERSON_LABELS if kind == "person" else _THING_LABELS
    named = [x for x in mentions if x.label in labels and x.span.end <= head.idx and not quoted.contains(x.span.start)
             and agrees(x.canonical or x.text)]
    if named:
        last = max(named, key=lambda x: x.span.start)
        return last.canonical or last.text
    return None


def _labelled_person(label: str, mentions: Sequence[Mention]) -> str:
    """A transcript label ("SMITH", "CHRIS JONES") as the page names that person ("Mike Smith"):
    the latest person mention whose last word is the label's; else the label in title case."""
    words = label.replace(".", " ").split()
    last = words[-1].lower() if words else ""
    named = [m for m in mentions if m.label in _PERSON_LABELS and (m.canonical or m.text).lower().split()[-1:] == [last]
             and (len(words) == 1 or words[0].lower() in (m.canonical or m.text).lower().split())]
    if named:
        best = max(named, key=lambda m: len(m.canonical or m.text))
        return best.canonical or best.text
    return " ".join(w.capitalize() for w in words)


def _resolve_all(doc: Document, drafts: list[_Draft], mentions: Sequence[Mention],
                 salient: list[_Salient], quoted: _Quoted, sdoc: SpacyDoc | None = None) -> list[Quote]:
    """Resolve speakers in reading order, so a resolved speaker is there for the next pronoun."""
    text = doc.text
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].cue or drafts[i].content)[0])
    genders = name_genders(text, mentions, sdoc, quoted)
    names: dict[int, str | None] = {}
    salient = list(salient)
    for i in order:
        d = drafts[i]
        if d.head is None or d.extent is None:
            continue
        name: str | None
        if d.rule == "transcript-label":
            name, kind = _labelled_person(text[d.extent[0] : d.extent[1]], mentions), "person"
        elif d.head.lower_ in _PERSON_PRONOUNS | _THING_PRONOUNS:
            name = _resolve_pronoun(d.head, mentions, salient, quoted, genders)
            kind = "person" if d.head.lower_ in _PERSON_PRONOUNS else "thing"
        elif _is_quantity(d.head):
            name, kind = _counted(d.head), "thing"  # '74 percent of likely voters said'
        else:
            # 'an official who spoke anonymously said': the span stays "who" (what the clause
            # names), the speaker is the noun the relative clause describes
            ante = _antecedent(d.head)
            got = _resolve_named(ante, _extent(ante) if ante.i != d.head.i else d.extent, text, mentions, salient, quoted, genders)
            name, kind = got if got else (None, "thing")
        names[i] = name
        if name:
            salient.append(_Salient(d.head.idx, name, kind, _PRONOUN_GENDER.get(d.head.lower_)))
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
