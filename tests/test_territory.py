"""Territory search, cards with their sources, parents and siblings, on the built store's real figures."""

import pandas as pd
import pytest

from esscope import portrait, queries
from esscope import territory as terr


@pytest.fixture(scope="module")
def con(events_con):
    return events_con


@pytest.mark.parametrize("text, level, code", [
    ("Lille", "commune", "59350"), ("59350", "commune", "59350"), ("59000", "commune", "59350"),
    ("200093201", "epci", "200093201"), ("métropole européenne de lille", "epci", "200093201"),
    ("Hauts-de-France", "region", "32"), ("hauts de france", "region", "32"), ("Nord", "department", "59"),
    ("France", "country", "FR"), ("saint etienne", "commune", "42218"),
])
def test_search_finds_any_level_by_name_or_code(con, text, level, code):
    found = terr.search_territories(con, text)
    assert (found.iloc[0]["level"], found.iloc[0]["code"]) == (level, code)


@pytest.mark.parametrize("text, level, code", [
    ("Montpelier", "commune", "34172"), ("Lile", "commune", "59350"), ("Villeneuve d Asq", "commune", "59009"),
    ("Hauts de Frence", "region", "32"), ("Saint Etiene", "commune", "42218"), ("pas de calias", "department", "62"),
])
def test_search_forgives_one_or_two_typos_and_says_it_guessed(con, text, level, code):
    found = terr.search_territories(con, text)
    assert (found.iloc[0]["level"], found.iloc[0]["code"], found.iloc[0]["guessed"]) == (level, code, True)


def test_search_guesses_nothing_when_the_name_is_right_or_only_unfinished(con):
    assert not terr.search_territories(con, "Lille")["guessed"].any()
    tourcoing = terr.search_territories(con, "Tourcoin").iloc[0]
    assert (tourcoing["code"], tourcoing["guessed"]) == ("59599", False)


def test_search_ranks_larger_levels_first_and_labels_them(con):
    found = terr.search_territories(con, "lille")
    assert found.iloc[0]["label"] == "Lille (commune, Nord, 59350)"
    assert "Métropole Européenne de Lille (EPCI, 200093201)" in list(found["label"])


def test_search_of_nothing_or_unknown_gives_no_territory(con):
    assert terr.search_territories(con, "").empty
    assert terr.search_territories(con, "zzzqqq").empty
    assert terr.search_territories(con, "'; DROP TABLE territories; --").empty


def test_key_round_trip_and_rejects_malformed():
    assert terr.from_key(terr.to_key("epci", "200093201")) == ("epci", "200093201")
    assert terr.from_key("bogus") is None and terr.from_key("planet:3") is None and terr.from_key("") is None


def test_cards_say_no_figure_instead_of_zero(con):
    cards = {c.indicator: c for c in terr.read_cards(con, "department", "59")}
    assert cards["prix_ess_applicants"].empty
    assert cards["prix_ess_applicants"].value_text == "aucun chiffre disponible"


@pytest.mark.parametrize("level", ["department", "region"])
def test_every_department_and_region_has_its_share_of_jobs_over_three_years(con, level):
    frame = con.execute("""
        SELECT t.code, count(DISTINCT i.year) AS years, any_value(i.scope) AS scope, any_value(i.source_url) AS url
        FROM territories t LEFT JOIN indicators i ON i.territory_level = t.level AND i.territory_code = t.code
             AND i.indicator = 'share_of_jobs_pct' AND i.year IN (2008, 2014, 2015)
        WHERE t.level = ? GROUP BY t.code""", [level]).df()
    # Insee's ITDD table covers every département and région but Mayotte (976, 06)
    covered = frame[~frame["code"].isin(["976", "06"])]
    assert (covered["years"] == 3).all(), covered[covered["years"] < 3]
    assert covered["scope"].str.startswith("Insee Clap").all() and covered["url"].str.startswith("https://").all()


def test_a_commune_without_figures_shows_its_nearest_parents_marked_as_theirs(con):
    # Lens has no figure of its own, nor has its EPCI: the Pas-de-Calais's latest share of jobs, labelled
    cards = {c.indicator: c for c in terr.read_cards(con, "commune", "62498")}
    share = cards["share_of_jobs_pct"]
    assert share.owner == "Pas-de-Calais" and share.owner_level == "department" and share.year == 2020
    assert share.value_text == "Pas-de-Calais : 12\u00a0%"
    assert share.owner_note("Lens") == ("Pas-de-Calais : 12\u00a0% en 2020 (chiffre du département ; aucun "
                                        "chiffre propre à Lens)")
    assert len(share.history) == 4             # its series: Insee 2008, 2014, 2015 and the CRESS's 2020
    assert all(c.owner for c in cards.values() if not c.empty)      # none of Lens's cards is its own


def test_a_territory_with_its_own_figure_keeps_it(con):
    cards = {c.indicator: c for c in terr.read_cards(con, "commune", "59350")}
    assert cards["share_of_jobs_pct"].owner is None and cards["share_of_jobs_pct"].year == 2020


def test_card_keeps_year_scope_and_source_of_the_latest_figure(con):
    card = {c.indicator: c for c in terr.read_cards(con, "epci", "200093201")}["share_of_jobs_pct"]
    assert card.year == 2020 and card.value_text == "9,6\u00a0%"
    assert card.rows.iloc[0]["scope"] == "Observatoire de la CRESS"
    assert card.rows.iloc[0]["source_url"].startswith("https://")


def test_card_marks_disagreeing_sources_and_lists_both_values():
    figures = pd.DataFrame({
        "indicator": ["employees", "employees"], "year": [2019, 2019], "value": [100.0, 120.0],
        "qualifier": ["", "about"], "unit": ["count", "count"], "scope": ["Insee", "CRESS"],
        "source_url": ["https://a", "https://b"], "territory_name": ["X", "X"]})
    card = terr.cards_from_figures(figures, ["employees"], today=2021)[0]
    assert card.disagree and not card.old
    note = card.notes()[0]
    assert "100" in note and "environ 120" in note and "ne concordent pas" in note


def test_card_marks_old_figures_and_figures_without_year():
    figures = pd.DataFrame({
        "indicator": ["employees", "establishments"], "year": [2012, None], "value": [5.0, 6.0],
        "qualifier": ["", ""], "unit": ["count", "count"], "scope": ["", ""], "source_url": ["u", "v"],
        "territory_name": ["X", "X"]})
    employees, establishments = terr.cards_from_figures(figures, ["employees", "establishments"], today=2026)
    assert employees.old and "Chiffre ancien (2012, il y a 14 ans)." in employees.notes()
    assert establishments.old and establishments.year is None
    assert terr.cards_from_figures(figures.assign(year=[2024, 2024]), ["employees"], today=2026)[0].old is False


def test_france_shows_disagreeing_sources_of_the_same_year(con):
    cards = {c.indicator: c for c in terr.read_cards(con, "country", "FR")}
    assert any(c.disagree for c in cards.values())


def test_format_value_puts_qualifiers_in_words():
    assert terr.format_value(2000, "count", "more_than") == "plus de 2\u202f000"
    assert terr.format_value(10.7, "pct", "about|approx_year") == "environ 10,7\u00a0%"
    assert terr.format_value(None, "count") == "aucun chiffre disponible"
    assert terr.qualifier_notes("as_of_date|more_than") == ["bilan provisoire"]


def test_parents_of_a_commune_go_up_to_france(con):
    lille = queries.read_territory(con, "commune", "59350")
    assert terr.parents(lille) == [("epci", "200093201"), ("department", "59"), ("region", "32"), ("country", "FR")]
    chain = terr.parent_values(con, lille, "share_of_jobs_pct")
    assert list(chain["level"]) == ["commune", "epci", "department", "region", "country"]
    assert chain.iloc[0]["value"] == pytest.approx(11.9)


def test_parent_labels_name_the_level_except_for_france(con):
    lille = queries.read_territory(con, "commune", "59350")
    chain = terr.parent_values(con, lille, "share_of_jobs_pct")
    assert list(chain["label"]) == ["Lille (commune)", "Métropole Européenne de Lille (EPCI)", "Nord (département)",
                                    "Hauts-de-France (région)", "France"]


def test_siblings_of_a_department_are_the_departments_of_its_region(con):
    nord = queries.read_territory(con, "department", "59")
    siblings = terr.read_siblings(con, nord, "share_of_jobs_pct")
    assert sorted(siblings["code"]) == ["02", "59", "60", "62", "80"]
    assert siblings.loc[siblings["code"] == "59", "is_self"].item()
    assert siblings.loc[siblings["code"] == "59", "value"].item() == pytest.approx(10.4)


def test_siblings_of_a_commune_share_its_epci_and_count_loaded_events(con):
    lille = queries.read_territory(con, "commune", "59350")
    siblings = terr.read_siblings(con, lille, terr.LOADED_EVENTS)
    assert len(siblings) > 80
    counts = dict(zip(siblings["code"], siblings["value"]))
    assert counts["59350"] == 3 and counts["59512"] == 1 and counts["59009"] == 0


def test_the_siblings_chart_shows_every_sibling_the_map_colours(con):
    # Tourcoing's EPCI has 95 communes; Lille, Roubaix and Tourcoing have a figure, far apart in code order
    tourcoing = queries.read_territory(con, "commune", "59599")
    siblings = terr.read_siblings(con, tourcoing, "share_of_jobs_pct")
    ranked = portrait.ranked_siblings(siblings, "share_of_jobs_pct")
    assert list(ranked["name"]) == ["Tourcoing", "Roubaix", "Lille"]
    assert set(ranked["code"]) == set(siblings.dropna(subset=["value"])["code"])
    assert portrait.sibling_notes(siblings, "share_of_jobs_pct") == [
        "92 territoire(s) sur 95 sans chiffre disponible, non représentés."]


def test_siblings_without_figures_stay_missing_not_zero(con):
    lille = queries.read_territory(con, "commune", "59350")
    siblings = terr.read_siblings(con, lille, "employees")
    assert siblings["value"].isna().all()


def test_latest_values_take_the_median_and_flag_disagreement(con):
    values = terr.latest_values(con, "country", "establishments")
    row = values.iloc[0]
    assert row["disagree"] and len(row["values"]) >= 2


def test_series_only_for_indicators_with_several_years(con):
    series = terr.read_series(con, "country", "FR")
    assert not series.empty
    assert series.groupby("indicator")["year"].nunique().min() >= 2
    assert terr.read_series(con, "epci", "200093201").empty or \
        terr.read_series(con, "epci", "200093201").groupby("indicator")["year"].nunique().min() >= 2


def test_other_perimeters_are_listed_apart(con):
    others = terr.read_other_perimeters(con)
    assert {"Limousin", "Pays de Brest"} <= set(others["territory_name"])


def test_territory_filter_selects_the_events_held_there(con):
    from esscope.filters import filtered_events
    lens_lievin = queries.read_territory(con, "epci", "246200364")
    events = filtered_events(con, terr.territory_filter(lens_lievin))
    assert set(events["id"]) == {"test:6", "test:7"}
    assert len(filtered_events(con, terr.territory_filter(queries.read_territory(con, "country", "FR")))) == 8


def test_parents_count_loaded_events_held_in_each(con):
    lille = queries.read_territory(con, "commune", "59350")
    chain = terr.parent_values(con, lille, terr.LOADED_EVENTS)
    assert list(chain["value"]) == [3, 4, 4, 7, 8]      # Lille, MEL, Nord, Hauts-de-France, France


def test_siblings_without_figure_are_not_marked_as_disagreeing(con):
    nord = queries.read_territory(con, "department", "59")
    siblings = terr.read_siblings(con, queries.read_territory(con, "commune", "59350"), "share_of_jobs_pct")
    assert siblings["disagree"].dtype == bool and not siblings["disagree"].any()
    assert terr.read_siblings(con, nord, terr.LOADED_EVENTS)["disagree"].dtype == bool
