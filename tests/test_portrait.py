"""The Territoires page as data: the territories offered, the header, the notes under the comparisons."""

import pandas as pd
import pytest

from esscope import portrait
from esscope.territory import LOADED_EVENTS, figures_table


def test_a_search_offers_what_it_finds_and_nothing_says_so(events_con):
    con = events_con
    found = portrait.read_choices(con, "Lille", "country:FR")
    assert next(iter(found.labels)) == "commune:59350" and not found.no_match
    nothing = portrait.read_choices(con, "zzzqqq", "epci:200093201")
    assert nothing.no_match and list(nothing.labels) == ["epci:200093201", "department:59", "region:32", "country:FR"]


def test_without_search_the_territory_and_its_parents_are_offered(events_con):
    con = events_con
    choices = portrait.read_choices(con, "", "commune:59350")
    assert list(choices.labels)[:2] == ["commune:59350", "epci:200093201"] and not choices.unknown
    unknown = portrait.read_choices(con, "", "commune:00000")
    assert unknown.unknown and list(unknown.labels) == ["country:FR"]


def test_valid_key_refuses_what_is_no_territory():
    assert portrait.valid_key("epci:200093201") == "epci:200093201"
    with pytest.raises(ValueError):
        portrait.valid_key("planète:3")


def test_header_facts_in_french():
    place = {"level": "commune", "code": "59350", "population": 236710, "area_km2": 34.8}
    assert portrait.facts(place) == ["Commune", "code 59350", "236\u202f710 habitants", "35 km²"]
    assert portrait.facts({"level": "country", "code": "FR", "population": None, "area_km2": float("nan")}) == ["Pays"]


def test_axis_and_sibling_titles_name_the_unit_and_the_scope():
    assert portrait.axis_label("share_of_jobs_pct") == "Part de l'ESS dans l'emploi salarié (%)"
    assert portrait.axis_label(LOADED_EVENTS) == "Événements enregistrés (programmes importés) (nombre)"
    assert portrait.sibling_title({"epci_code": "200093201"}, "commune") == "Communes du même EPCI"
    assert portrait.sibling_title({"epci_code": None}, "commune") == "Communes du département"


def test_sibling_notes_say_what_the_bars_leave_out():
    siblings = pd.DataFrame({"value": [3.0, 0.0, float("nan")], "disagree": [False, False, True]})
    assert portrait.sibling_notes(siblings, LOADED_EVENTS) == [
        "1 sans événement enregistré, non représentés.", "1 territoire(s) sur 3 sans chiffre disponible, non représentés.",
        "* : les sources ne concordent pas (médiane affichée)."]
    assert len(portrait.ranked_siblings(siblings, LOADED_EVENTS)) == 1
    assert len(portrait.ranked_siblings(siblings, "employees")) == 2       # none without a value


def test_events_card_gives_the_latest_edition_or_a_dash():
    per_edition = pd.DataFrame({"value": [2024, 2017], "events": [2, 4]})
    value, caption = portrait.events_card(per_edition)
    assert (value, caption) == ("2", "Édition 2024, programmes importés ; 6 sur toutes les éditions chargées.")
    assert portrait.events_card(per_edition.head(0))[0] == "–"
    assert portrait.per_edition_text(per_edition) == "2024 : 2 événement(s) · 2017 : 4 événement(s)"


def test_parents_table_says_when_there_is_no_figure():
    chain = pd.DataFrame({"name": ["Lille", "France"], "level_label": ["commune", "France"], "value": [11.9, None],
                          "year": [2015, None]})
    table = portrait.parents_table(chain, "share_of_jobs_pct")
    assert table.to_dict("records") == [
        {"Territoire": "Lille", "Niveau": "commune", "Part de l'ESS dans l'emploi salarié": "11,9\u00a0%", "Année": "2015"},
        {"Territoire": "France", "Niveau": "France", "Part de l'ESS dans l'emploi salarié": "aucun chiffre disponible",
         "Année": ""}]


def test_one_figures_table_for_territories_and_editions():
    figures = pd.DataFrame({"indicator": ["mois_ess_events"], "year": [2017.0], "value": [2000.0],
                            "qualifier": ["more_than|as_of_date"], "unit": ["count"], "scope": ["national"],
                            "source_url": ["https://example.org"], "name": ["France"]})
    assert figures_table(figures).to_dict("records") == [{
        "Indicateur": "Événements du Mois de l'ESS", "Année": "2017", "Valeur": "plus de 2\u202f000",
        "Précisions": "bilan provisoire", "Périmètre": "national", "Source": "https://example.org"}]
    editions = figures_table(figures, "Édition", "Événements", with_indicator=False, with_territory=True)
    assert list(editions.columns) == ["Territoire", "Édition", "Événements", "Précisions", "Périmètre", "Source"]
