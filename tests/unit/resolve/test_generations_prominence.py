"""A formal name with a generational suffix joins the plain name of the same man only with
evidence; a bare surname among namesakes of the same time goes to the prominent one or to none."""

from __future__ import annotations

from dossier.resolve import resolve_entities
from dossier.resolve.persons import group_full_names

from .helpers import annotate, make_doc


def _pages(n: int, text: str, *specs: tuple, prefix: str = "p") -> tuple[list, list]:
    """``n`` pages of one text dated a day apart from 2016-03-01, each annotated with ``specs``."""
    docs = [make_doc(f"{prefix}{i}", text, f"2016-03-0{i + 1}") for i in range(n)]
    return docs, [annotate(d, *specs) for d in docs]



def test_a_suffixed_formal_name_joins_the_plain_formal_name_on_other_pages():
    names = {"Walter K. Hensley Jr.": {"a", "b"}, "Walter K. Hensley": {"c"}, "Walt Hensley": {"d"}}
    g = group_full_names(names, names)
    assert g["Walter K. Hensley Jr."] == g["Walter K. Hensley"] == g["Walt Hensley"]
    assert group_full_names(names)["Walter K. Hensley Jr."] != group_full_names(names)["Walter K. Hensley"]


def test_father_and_son_named_on_the_same_pages_stay_apart():
    names = {"Walter K. Hensley Jr.": {"a", "b"}, "Walter K. Hensley": {"a", "b", "c"}}
    g = group_full_names(names, names)
    assert g["Walter K. Hensley Jr."] != g["Walter K. Hensley"]
    # one page naming both among many naming either (a byline restating the formal name) is no evidence
    many = {"Walter K. Hensley Jr.": set("abcde"), "Walter K. Hensley": set("aWXYZ")}
    g = group_full_names(many, many)
    assert g["Walter K. Hensley Jr."] == g["Walter K. Hensley"]


def test_no_middle_part_or_another_generation_keeps_namesakes_apart():
    short = {"Walter Hensley III": {"a"}, "Walter Hensley": {"b"}}
    g = group_full_names(short, short)
    assert g["Walter Hensley III"] != g["Walter Hensley"]  # two words: a victim is not the senator
    family = {"Walter K. Hensley Jr.": {"a"}, "Walter K. Hensley III": {"b"}, "Walter K. Hensley": {"c"}}
    g = group_full_names(family, family)
    assert len({g[n] for n in family}) == 3


def test_a_bare_surname_among_contemporaries_goes_to_the_prominent_one_or_none():
    # one namesake named in full on six pages, the other on one, the same week
    docs, anns = _pages(6, "Senator Mary Pryce spoke.", ("Mary Pryce", "PERSON"))
    d = make_doc("q", "Tom Pryce spoke.", "2016-03-04")
    docs.append(d)
    anns.append(annotate(d, ("Tom Pryce", "PERSON")))
    bare = make_doc("z", "Pryce won the vote.", "2016-03-04")
    res = resolve_entities([*docs, bare], [*anns, annotate(bare, ("Pryce", "PERSON"))])
    (mary,) = [e for e in res.entities if e.name == "Mary Pryce"]
    assert "z" in mary.docs
    # two namesakes named as often: the bare surname stays its own, unresolved
    res = resolve_entities([docs[0], d, bare], [anns[0], anns[-1], annotate(bare, ("Pryce", "PERSON"))])
    assert all("z" not in e.docs for e in res.entities if e.name in ("Mary Pryce", "Tom Pryce"))


def test_on_undated_pages_a_bare_surname_goes_to_the_prominent_namesake_or_none():
    # pages without dates: time cannot tell namesakes apart, prominence still does
    docs = [make_doc(f"p{i}", "Coach Mary Pryce spoke.", None) for i in range(6)]
    anns = [annotate(d, ("Mary Pryce", "PERSON")) for d in docs]
    d = make_doc("q", "Tom Pryce spoke.", None)
    bare = make_doc("z", "Pryce won the vote.", None)
    res = resolve_entities([*docs, d, bare], [*anns, annotate(d, ("Tom Pryce", "PERSON")),
                                              annotate(bare, ("Pryce", "PERSON"))])
    (mary,) = [e for e in res.entities if e.name == "Mary Pryce"]
    assert "z" in mary.docs
    res = resolve_entities([docs[0], d, bare], [anns[0], annotate(d, ("Tom Pryce", "PERSON")),
                                                annotate(bare, ("Pryce", "PERSON"))])
    assert all("z" not in e.docs for e in res.entities if e.name in ("Mary Pryce", "Tom Pryce"))


def test_a_name_used_as_a_medium_is_no_person():
    from dossier.resolve.context import medium_cue, used_as_medium

    text = "She said on Chirper that the Chirper account was hacked. Pressure on Smith grew."
    assert medium_cue(text, text.index("Chirper"), text.index("Chirper") + 7)
    second = text.index("Chirper", 20)
    assert medium_cue(text, second, second + 7)
    assert not medium_cue("Upon Smith", 5, 10) and not medium_cue("Chirper's account", 0, 7)
    assert used_as_medium(3, 30) and not used_as_medium(2, 4) and not used_as_medium(3, 100)
    # the tagger calls the platform a person; the pages post on it
    docs, anns = _pages(4, "Tom Pryce posted on Chirper. Chirper said nothing. Chirper grew.",
                        ("Tom Pryce", "PERSON"), ("Chirper", "PERSON"))
    res = resolve_entities(docs, anns)
    types = {e.name: e.type for e in res.entities}
    assert types["Chirper"] == "org" and types["Tom Pryce"] == "person"


def test_a_surname_a_locative_word_made_a_place_is_the_person_the_corpus_tags():
    import dataclasses

    docs, anns = _pages(3, "Mary Houston spoke.", ("Mary Houston", "PERSON"))
    bare = _pages(3, "Houston said no.", ("Houston", "PERSON"), prefix="q")  # the corpus tags the bare surname PERSON
    docs, anns = docs + bare[0], anns + bare[1]
    d = make_doc("z", "Mary Houston spoke. A note from Houston came.", "2016-03-04")
    ann = annotate(d, ("Mary Houston", "PERSON"), ("Houston", "GPE"))
    ann = dataclasses.replace(ann, mentions=tuple(
        dataclasses.replace(m, rule="place-cue") if m.label == "GPE" else m for m in ann.mentions))
    res = resolve_entities([*docs, d], [*anns, ann])  # a city of the gazetteer: only the cue said place
    (mary,) = [e for e in res.entities if e.name == "Mary Houston"]
    assert mary.mentions == 8 and not [e for e in res.entities if e.type == "place"]


def test_a_two_word_surname_written_alone_joins_its_full_name():
    # ('Debra' begins another name: a given name, not an epithet before '<A> <B>')
    g = group_full_names(["Debra Hale Norton", "Hale Norton", "Amy Norton", "Debra Weiss"])
    assert g["Hale Norton"] == g["Debra Hale Norton"] and g["Amy Norton"] != g["Hale Norton"]
    # <A> begins another person's name, or is a given name: '<A> <B>' may be someone else
    g = group_full_names(["Debra Hale Norton", "Hale Norton", "Hale Berry", "Debra Weiss"])
    assert g["Hale Norton"] != g["Debra Hale Norton"]
    g = group_full_names(["Debra Lee Norton", "Lee Norton", "Debra Weiss"])
    assert g["Lee Norton"] != g["Debra Lee Norton"]
    # two people hold the two-word surname: the short form stays apart
    g = group_full_names(["Debra Hale Norton", "Ron Hale Norton", "Hale Norton", "Ron Weiss", "Debra Weiss"])
    assert g["Hale Norton"] not in (g["Debra Hale Norton"], g["Ron Hale Norton"])


def test_a_bare_surname_the_tagger_calls_an_organisation_is_the_person_named_in_full():
    def build(fund: bool = False):
        docs, anns = _pages(3, "Mary Pryce spoke. Mary Pryce left.", ("Mary Pryce", "PERSON"))
        z = make_doc("z", "Pryce spoke again, and Pryce left.", "2016-03-05")
        docs.append(z)
        anns.append(annotate(z, ("Pryce", "ORG")))
        if fund:
            f = make_doc("f", "The Pryce Fund paid.", "2016-03-05")
            docs.append(f)
            anns.append(annotate(f, ("Pryce Fund", "ORG")))
        return resolve_entities(docs, anns)

    (mary,) = [e for e in build().entities if e.name == "Mary Pryce"]
    assert "z" in mary.docs  # six full-name mentions against two ORG tags, no body of that name
    # an organisation bearing the name: the bare ORG tags may be it
    (mary,) = [e for e in build(fund=True).entities if e.name == "Mary Pryce"]
    assert "z" not in mary.docs


def test_a_street_and_a_people_tagged_person_are_no_persons():
    a = make_doc("a", "He was shot on Dune Ave. Greeks marched. Mary Dune spoke.", "2016-03-01")
    res = resolve_entities([a], [annotate(a, ("Dune Ave", "PERSON"), ("Greeks", "PERSON"), ("Mary Dune", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Dune Ave"] == "place" and types["Greeks"] != "person" and types["Mary Dune"] == "person"


def test_a_people_that_is_no_nationality_tagged_person_is_no_person():
    a = make_doc("a", "Latinos marched. Sunnis prayed. Mary Dune spoke with Evangelicals. Williams agreed.", "2016-03-01")
    res = resolve_entities([a], [annotate(a, ("Latinos", "PERSON"), ("Sunnis", "PERSON"), ("Mary Dune", "PERSON"),
                                          ("Evangelicals", "PERSON"), ("Williams", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert all(types.get(n) != "person" for n in ("Latinos", "Sunnis", "Evangelicals")), types
    assert types["Williams"] == "person"  # a surname ending in 's' is no people


def test_a_courtesy_title_of_the_other_gender_leaves_the_page_full_name():
    # the president named in full on six pages; a page naming only his wife in full calls him "Mr."
    docs, anns = _pages(6, "President Robert Pryce spoke.", ("Robert Pryce", "PERSON"))
    d = make_doc("w", "The first lady, Susan Pryce, was there. Mr. Pryce spoke later. Mrs. Pryce smiled.", "2016-03-04")
    ann = annotate(d, ("Susan Pryce", "PERSON"), ("Pryce", "PERSON"))
    res = resolve_entities([*docs, d], [*anns, ann])
    mr, mrs = (m for m in ann.mentions if m.text == "Pryce")
    assert (res.entity_of(mr).name, res.entity_of(mrs).name) == ("Robert Pryce", "Susan Pryce")


def test_a_street_named_first_or_a_county_is_a_place_and_a_legal_form_an_organisation():
    from dossier.resolve.context import org_shaped

    a = make_doc("a", "Thieves fled down Rue de Marbeau past Place Dune. Dune Holdings Corp said Mary Dune left.", "2016-03-01")
    res = resolve_entities([a], [annotate(a, ("Rue de Marbeau", "PERSON"), ("Place Dune", "ORG"),
                                          ("Dune Holdings Corp", "PERSON"), ("Mary Dune", "PERSON"))])
    types = {e.name: e.type for e in res.entities}
    assert types["Rue de Marbeau"] == "place" and types["Place Dune"] == "place"
    assert types["Dune Holdings Corp"] == "org" and types["Mary Dune"] == "person"
    assert org_shaped("Dune Ltd.") and not org_shaped("Mary Dune")
    b = make_doc("b", "Deputies in Dune County found Mary Dune.", "2016-03-01")
    res = resolve_entities([b], [annotate(b, ("Dune County", "PERSON"), ("Mary Dune", "PERSON"))])
    assert {e.name: e.type for e in res.entities}["Dune County"] == "place"
