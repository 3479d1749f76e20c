from pathlib import Path

from dossier.resolve import (
    Corrections,
    add_merge,
    add_rename,
    add_split,
    add_type,
    load_corrections,
    resolve_entities,
    save_corrections,
    who,
)

from .helpers import annotate, make_doc


def _names(res, typ=None):
    return sorted(e.name for e in res.entities if typ is None or e.type == typ)


def _one(res, name):
    (e,) = [e for e in res.entities if e.name == name]
    return e


def test_namesakes_stay_apart_and_bare_surnames_follow_their_document():
    a = make_doc("a", "Foreign Minister Yohei Kono arrived. Kono said little.", "2000-11")
    b = make_doc("b", "Foreign Minister Taro Kono met Lavrov. Kono smiled.", "2019-02")
    res = resolve_entities(
        [a, b],
        [
            annotate(a, ("Yohei Kono", "PERSON", None, "Foreign Minister"), ("Kono", "PERSON", "Yohei Kono")),
            annotate(b, ("Taro Kono", "PERSON", None, "Foreign Minister"), ("Kono", "PERSON", "Taro Kono")),
        ],
    )
    yohei, taro = _one(res, "Yohei Kono"), _one(res, "Taro Kono")
    assert yohei.id != taro.id
    assert yohei.docs == ("a",) and taro.docs == ("b",)
    assert yohei.mentions == 2 and taro.mentions == 2
    assert [(r.title, r.first_seen) for r in yohei.roles] == [("foreign minister", "2000-11")]
    assert sorted(e.name for e in who(res, "Kono")) == ["Taro Kono", "Yohei Kono"]


def test_bare_surname_links_to_the_namesake_closest_in_time():
    a = make_doc("a", "Foreign Minister Yohei Kono arrived.", "2000-11")
    b = make_doc("b", "Foreign Minister Taro Kono arrived.", "2019-02")
    c = make_doc("c", "Kono spoke to the press.", "2019-03")
    d = make_doc("d", "Kono spoke to the press.", "2001-01")
    e = make_doc("e", "Kono spoke to the press.")  # undated: cannot tell
    docs = [a, b, c, d, e]
    res = resolve_entities(
        docs,
        [
            annotate(a, ("Yohei Kono", "PERSON", None, "Foreign Minister")),
            annotate(b, ("Taro Kono", "PERSON", None, "Foreign Minister")),
            annotate(c, ("Kono", "PERSON")),
            annotate(d, ("Kono", "PERSON")),
            annotate(e, ("Kono", "PERSON")),
        ],
    )
    assert _one(res, "Taro Kono").docs == ("b", "c")
    assert _one(res, "Yohei Kono").docs == ("a", "d")
    bare = _one(res, "Kono")
    assert bare.docs == ("e",) and bare.confidence < 1.0


def test_spelling_variants_cluster_and_different_names_do_not():
    a = make_doc("a", "Sergey Lavrov visited Kunashiri and Etorofu.", "2019-01")
    b = make_doc("b", "Sergei Lavrov visited Kunashir and Iturup.", "2019-02")
    res = resolve_entities(
        [a, b],
        [
            annotate(a, ("Sergey Lavrov", "PERSON"), ("Kunashiri", "LOC"), ("Etorofu", "LOC")),
            annotate(b, ("Sergei Lavrov", "PERSON"), ("Kunashir", "GPE"), ("Iturup", "LOC")),
        ],
    )
    (lavrov,) = [e for e in res.entities if e.type == "person"]
    assert lavrov.docs == ("a", "b") and {lavrov.name, *lavrov.aliases} == {"Sergey Lavrov", "Sergei Lavrov"}
    assert _names(res, "place") == ["Etorofu", "Iturup", "Kunashir"] or _names(res, "place") == ["Etorofu", "Iturup", "Kunashiri"]


def test_capitals_and_seats_as_actors_are_the_government():
    text = "Tokyo insists on the return. After talks in Moscow, the Kremlin said no. Moscow made clear it would not."
    a = make_doc("a", text, "2019-01")
    ann = annotate(a, ("Tokyo", "GPE"), ("Moscow", "GPE"), ("Kremlin", "ORG"))
    res = resolve_entities([a], [ann])
    gov_ru = _one(res, "Government of Russia")
    gov_jp = _one(res, "Government of Japan")
    assert gov_ru.type == "gov" and gov_ru.mentions == 2  # the Kremlin said, Moscow made clear
    assert gov_jp.mentions == 1
    moscow = _one(res, "Moscow")
    assert moscow.type == "place" and moscow.mentions == 1  # talks in Moscow
    assert gov_ru.government_of == _one(res, "Russia").id  # the country exists as an entity to point at
    m = [m for m in ann.mentions if m.text == "Kremlin"][0]
    assert res.entity_of(m) == gov_ru


def test_alias_given_in_text_joins_entities():
    a = make_doc("a", "They visited Iturup, known in Japan as Etorofu, in May.", "2019-01")
    b = make_doc("b", "Etorofu is large.", "2019-02")
    res = resolve_entities([a, b], [annotate(a, ("Iturup", "LOC"), ("Japan", "GPE"), ("Etorofu", "LOC")), annotate(b, ("Etorofu", "LOC"))])
    (island,) = [e for e in res.entities if e.name in ("Iturup", "Etorofu")]
    assert island.mentions == 3 and set(island.docs) == {"a", "b"}
    assert {island.name, *island.aliases} == {"Iturup", "Etorofu"}


def test_type_vote_with_place_cues_overrides_a_person_label():
    a = make_doc("a", "Habomai said. The Habomai islets and Shikotan islands.", "2019-01")
    res = resolve_entities([a], [annotate(a, ("Habomai", "PERSON"), ("Shikotan", "LOC"))])
    assert _one(res, "Habomai").type == "place" and _one(res, "Habomai").mentions == 2


def _kono_corpus():
    a = make_doc("a", "Yohei Kono met Igor Ivanov.", "2000-11")
    b = make_doc("b", "Taro Kono met Lavrov.", "2019-02")
    return [a, b], [annotate(a, ("Yohei Kono", "PERSON"), ("Igor Ivanov", "PERSON")), annotate(b, ("Taro Kono", "PERSON"), ("Lavrov", "ORG"))]


def test_ids_are_stable_across_rebuilds_and_input_order():
    docs, anns = _kono_corpus()
    r1 = resolve_entities(docs, anns)
    r2 = resolve_entities(list(reversed(docs)), list(reversed(anns)))
    assert {e.name: e.id for e in r1.entities} == {e.name: e.id for e in r2.entities}
    assert all(e.id.startswith("e_") for e in r1.entities)
    assert len({e.id for e in r1.entities}) == len(r1.entities)


def test_corrections_merge_split_rename_type(tmp_path: Path):
    docs, anns = _kono_corpus()
    base = resolve_entities(docs, anns)
    taro_id = _one(base, "Taro Kono").id
    c = add_merge(Corrections(), ["Yohei Kono", "Taro Kono"])
    merged = resolve_entities(docs, anns, c)
    assert len([e for e in merged.entities if "Kono" in e.name]) == 1
    c = add_split(c, "Taro Kono", ["Yohei Kono"])
    split = resolve_entities(docs, anns, c)
    assert _one(split, "Yohei Kono").docs == ("a",) and len([e for e in split.entities if "Kono" in e.name]) == 2
    c2 = add_type(add_rename(Corrections(), taro_id, "Kono Taro"), "Lavrov", "person")
    fixed = resolve_entities(docs, anns, c2)
    assert _one(fixed, "Kono Taro").id == taro_id  # a rename keeps the id
    assert _one(fixed, "Lavrov").type == "person"
    path = tmp_path / "corrections.toml"
    full = add_type(add_rename(c, taro_id, "Kono Taro"), "Lavrov", "person")
    save_corrections(path, full)
    assert load_corrections(path) == full
    assert load_corrections(tmp_path / "missing.toml") == Corrections()


def test_pronouns_follow_their_canonical_and_are_not_aliases():
    a = make_doc("a", "Vladimir Putin spoke. He said no.", "2019-01")
    ann = annotate(a, ("Vladimir Putin", "PERSON"), ("He", "PRON", "Vladimir Putin"))
    res = resolve_entities([a], [ann])
    putin = _one(res, "Vladimir Putin")
    assert putin.mentions == 2 and "He" not in putin.aliases


def test_short_forms_and_acronyms_join_one_longer_name_only():
    a = make_doc("a", "The Associated Press said the Boston Red Sox won. Japan Times wrote.", "2019-01")
    b = make_doc("b", "AP said the Red Sox lost. Japan said no.", "2019-02")
    res = resolve_entities(
        [a, b],
        [
            annotate(a, ("Associated Press", "ORG"), ("Boston Red Sox", "ORG"), ("Japan Times", "ORG")),
            annotate(b, ("AP", "ORG"), ("Red Sox", "ORG"), ("Japan", "GPE")),
        ],
    )
    assert _one(res, "Associated Press").mentions == 2
    assert _one(res, "Boston Red Sox").mentions == 2
    assert _one(res, "Japan Times").mentions == 1 and _one(res, "Japan").type == "place"


def test_a_place_never_shortens_an_organisation_it_opens():
    a = make_doc("a", "Voters in Wessex went to the polls. The Wessex Farmers Caucus endorsed him.", "2019-01")
    b = make_doc("b", "Wessex said yes. The Falkland Islands and Falkland voted.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("Wessex Farmers Caucus", "ORG"), ("Wessex", "GPE")),  # longer first: every occurrence is a mention
        annotate(b, ("Wessex", "GPE"), ("Falkland Islands", "LOC"), ("Falkland", "GPE")),
    ])
    caucus = _one(res, "Wessex Farmers Caucus")
    assert caucus.type == "org" and caucus.mentions == 1
    assert _one(res, "Wessex").mentions == 2 and "Wessex Farmers Caucus" not in _one(res, "Wessex").aliases
    assert _one(res, "Falkland Islands").mentions == 2  # a place's short form still joins it


def test_a_surname_alone_is_not_the_short_form_of_an_organisation():
    # Two namesakes leave the bare surname of page c unresolved: it must not become the
    # foundation's short form (a person's name never aliases an organisation).
    a = make_doc("a", "Ann Roe spoke.", "2019-01")
    b = make_doc("b", "Bob Roe spoke.", "2019-01")
    c = make_doc("c", "The Roe Foundation paid. Roe said no.", "2019-02")
    res = resolve_entities([a, b, c], [
        annotate(a, ("Ann Roe", "PERSON")), annotate(b, ("Bob Roe", "PERSON")),
        annotate(c, ("Roe Foundation", "ORG"), ("Roe", "PERSON")),
    ])
    foundation = _one(res, "Roe Foundation")
    assert foundation.type == "org" and "Roe" not in foundation.aliases


def test_a_body_noun_after_a_full_name_names_another_body():
    # 'X Caucus Foundation' is a body attached to the 'X Caucus', not a way of writing it; a
    # one-word clipping ('Wessex' for 'Wessex Institute') and a legal form ('Inc.') still join.
    a = make_doc("a", "The Wessex Farmers Caucus met. Mercia said so. Acme Widgets agreed.", "2019-01")
    b = make_doc("b", "The Wessex Farmers Caucus Foundation paid. The Mercia Institute and Acme Widgets Inc. agreed.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("Wessex Farmers Caucus", "ORG"), ("Mercia", "ORG"), ("Acme Widgets", "ORG")),
        annotate(b, ("Wessex Farmers Caucus Foundation", "ORG"), ("Mercia Institute", "ORG"), ("Acme Widgets Inc.", "ORG")),
    ])
    caucus = _one(res, "Wessex Farmers Caucus")
    assert "Wessex Farmers Caucus Foundation" not in caucus.aliases
    assert _one(res, "Wessex Farmers Caucus Foundation").type == "org"
    assert [e.name for e in res.entities if "Mercia" in (e.name, *e.aliases)] == ["Mercia Institute"]
    assert [e.name for e in res.entities if "Acme Widgets" in (e.name, *e.aliases)] == ["Acme Widgets Inc"]


def test_a_committee_named_after_a_body_is_a_part_of_it_not_its_name():
    a = make_doc("a", "The Senate voted. The Senate Judiciary Committee met. The Mercia Foundation paid.", "2019-01")
    b = make_doc("b", "The Senate adjourned. Mercia gave more.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("Senate Judiciary Committee", "ORG"), ("Senate", "ORG"), ("Mercia Foundation", "ORG")),
        annotate(b, ("Senate", "ORG"), ("Mercia", "ORG")),
    ])
    assert "Senate Judiciary Committee" not in _one(res, "Senate").aliases
    assert _one(res, "Senate Judiciary Committee").mentions == 1
    assert [e.name for e in res.entities if "Mercia" in (e.name, *e.aliases)] == ["Mercia Foundation"]  # a clipping


def test_a_towns_public_service_is_not_the_town():
    # the tagger calls a small town an organisation; '<Town> Police Department' is the town's police,
    # so the town's name alone does not clip it (a one-word clipping of a trade name still would)
    a = make_doc("a", "Officers of the Harrowby Police Department arrived. Harrowby is quiet.", "2019-01")
    b = make_doc("b", "Harrowby mourned on Sunday.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("Harrowby Police Department", "ORG"), ("Harrowby", "ORG")),
        annotate(b, ("Harrowby", "ORG")),
    ])
    assert "Harrowby Police Department" not in _one(res, "Harrowby").aliases
    assert _one(res, "Harrowby Police Department").mentions == 1


def test_a_ship_named_with_its_prefix_is_a_vessel_though_tagged_a_person_elsewhere():
    # one page writes 'INS <Name>' (the nlp stage labels it PRODUCT, rule 'vessel'); two pages name it
    # bare and the tagger calls it a person: the prefix is the stronger evidence, as a place cue is
    import dataclasses

    a = make_doc("a", "INS Kaveri intercepted two boats off the coast.", "2019-01")
    b = make_doc("b", "Kaveri returned to port.", "2019-02")
    c = make_doc("c", "Kaveri sailed on Monday.", "2019-02")
    ann_a = annotate(a, ("Kaveri", "PRODUCT"))
    ann_a = dataclasses.replace(ann_a, mentions=tuple(dataclasses.replace(m, rule="vessel") for m in ann_a.mentions))
    res = resolve_entities([a, b, c], [ann_a, annotate(b, ("Kaveri", "PERSON")), annotate(c, ("Kaveri", "PERSON"))])
    assert [e.type for e in res.entities if e.name == "Kaveri"] == ["other"]


def test_a_site_of_a_company_is_no_other_long_name_of_its_short_form():
    # 'Harrowfield' stands for 'Harrowfield Foods'; the 'Harrowfield Plant' is where it works, so the
    # short name is not left undecided between the two
    a = make_doc("a", "Harrowfield Foods said it would close. Harrowfield said so.", "2019-01")
    b = make_doc("b", "Workers left the Harrowfield Plant. Harrowfield said nothing.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("Harrowfield Foods", "ORG"), ("Harrowfield", "ORG")),
        annotate(b, ("Harrowfield Plant", "ORG"), ("Harrowfield", "ORG")),
    ])
    assert _one(res, "Harrowfield Foods").mentions == 3
    assert _one(res, "Harrowfield Plant").mentions == 1


def test_an_acronym_spells_its_doubled_letters():
    # 'CNN' is keyed 'cn' (a doubled letter folded, as in 'Dmitriy'/'Dmitry'); as an acronym it spells
    # three initials and is not 'Cable News' ('CN').
    a = make_doc("a", "CNN aired the debate. A Cable News poll and a Bowl Championship Series game.", "2019-01")
    b = make_doc("b", "CNN said no. And BCS too.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("CNN", "ORG"), ("Cable News", "ORG"), ("Bowl Championship Series", "ORG")),
        annotate(b, ("CNN", "ORG"), ("BCS", "ORG")),
    ])
    assert _one(res, "CNN").mentions == 2 and not _one(res, "CNN").aliases
    assert _one(res, "Bowl Championship Series").mentions == 2  # an acronym without doubled letters still joins


def test_an_acronym_spells_the_long_names_initials_as_written():
    # the keys fold 'y' into 'i' ('Yusuf'/'Iusuf'); 'IG' is not the initialism of 'Yarrow Group'
    a = make_doc("a", "The IG report was out. The IG said so.", "2019-01")
    b = make_doc("b", "The Yarrow Group imports cranes. Young Voters United (YVU) met.", "2019-02")
    c = make_doc("c", "YVU marched.", "2019-02")
    res = resolve_entities([a, b, c], [
        annotate(a, ("IG", "ORG")), annotate(b, ("Yarrow Group", "ORG"), ("Young Voters United", "ORG"), ("YVU", "ORG")),
        annotate(c, ("YVU", "ORG")),
    ])
    assert _one(res, "Yarrow Group").mentions == 1 and _one(res, "IG").mentions == 2
    assert _one(res, "YVU").mentions == 3  # a 'Y' spelt as written still joins its long form


def test_a_name_with_an_abbreviation_among_its_words_has_no_initialism():
    # 'Wessex GOP' is written short as itself; 'WG' (a working group, say) is not it
    a = make_doc("a", "The Wessex GOP met. The Wessex GOP voted.", "2019-01")
    b = make_doc("b", "The WG report was out.", "2019-02")
    res = resolve_entities([a, b], [annotate(a, ("Wessex GOP", "ORG")), annotate(b, ("WG", "ORG"))])
    assert _one(res, "Wessex GOP").mentions == 2 and _one(res, "WG").mentions == 1
    # a name in capitals (a dateline's 'NEW WESSEX') still has its initialism
    c = make_doc("c", "NEW WESSEX - The NW board met. New Wessex voted.", "2019-03")
    res = resolve_entities([c], [annotate(c, ("NEW WESSEX", "GPE"), ("NW", "GPE"), ("New Wessex", "GPE"))])
    assert len(res.entities) == 1


def test_names_that_differ_in_a_roman_numeral_are_two():
    a = make_doc("a", "World War II ended. World War I began earlier. The Great Bake III was held.", "2019-01")
    b = make_doc("b", "War II veterans met. The Great Bake II was held.", "2019-02")
    res = resolve_entities([a, b], [
        annotate(a, ("World War II", "EVENT"), ("World War I", "EVENT"), ("Great Bake III", "EVENT")),
        annotate(b, ("War II", "EVENT"), ("Great Bake II", "EVENT")),
    ])
    assert _one(res, "World War II").mentions == 2  # its short form still joins it
    assert _one(res, "World War I").mentions == 1 and _one(res, "Great Bake II").mentions == 1


def test_two_places_of_the_gazetteer_are_two_places():
    a = make_doc("a", "Voters in Kansas City lined up.", "2019-01")
    b = make_doc("b", "Kansas voted.", "2019-02")
    res = resolve_entities([a, b], [annotate(a, ("Kansas City", "GPE")), annotate(b, ("Kansas", "GPE"))])
    assert _one(res, "Kansas").mentions == 1 and _one(res, "Kansas City").mentions == 1
    # a short form no gazetteer lists still joins its place: test_a_place_never_shortens_an_organisation_it_opens
