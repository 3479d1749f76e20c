"""Letters after a person's name and a comma ('<Name>, MD, PhD', '<Name>, Sr.') name no one (session 21)."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.postnominal import post_nominal

from .helpers import annotate, make_doc


def test_letters_after_a_persons_name_are_no_entity_but_a_states_abbreviation_after_a_town_is():
    assert post_nominal("Ph.D.") and post_nominal("Sr") and post_nominal("QC") and not post_nominal("Ohio")
    a = make_doc("a", "The board named Alma Reyes, MD, PhD, its chair. Edgar Stone, Sr., spoke. He moved to Baltimore, MD, in May.")
    ann = annotate(a, ("Alma Reyes", "PERSON"), ("MD", "GPE"), ("PhD", "ORG"), ("Edgar Stone", "PERSON"), ("Sr", "PERSON"),
                   ("Baltimore", "GPE"))
    res = resolve_entities([a], [ann])
    named = {(k[1], k[2]) for k in res.mention_entity}
    md = [i for i in range(len(a.text)) if a.text.startswith("MD", i)]
    assert (md[0], md[0] + 2) not in named  # after '<Name>, ': her degree
    assert (a.text.index("PhD"), a.text.index("PhD") + 3) not in named
    assert (a.text.index("Sr"), a.text.index("Sr") + 2) not in named
    assert (md[1], md[1] + 2) in named  # after '<Town>, ': the state


def test_a_generation_inside_the_persons_own_mention_is_no_entity_either():
    """The tagger gave '<Name>, Sr' and, inside it, 'Sr' alone: the inner one names no one (it had
    joined a town whose initials are 'SR')."""
    from dossier.model import Annotations

    from .helpers import mention

    a = make_doc("a", "Edgar Stone, Sr., died in Santa Rosa on Friday.")
    ann = Annotations(doc_id="a", mentions=(mention(a, "Edgar Stone, Sr", "PERSON"), mention(a, "Sr", "PERSON"),
                                            mention(a, "Santa Rosa", "GPE")))
    res = resolve_entities([a], [ann])
    start = a.text.index("Sr")
    assert (a.id, start, start + 2) not in res.mention_entity
    assert (a.id, 0, start + 2) in res.mention_entity
