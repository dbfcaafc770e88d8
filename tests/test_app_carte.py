"""The Carte des événements page, run with AppTest (the map itself is tested in tests/e2e)."""

import datetime as dt


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_runs_on_the_bundled_data_with_its_widgets(run_page, built_store):
    at = run_page("carte.py", built_store)
    assert not at.exception
    assert at.radio(key="carte.vue").value == "marqueurs"
    assert at.multiselect(key="carte.editions").value == []
    assert at.text_input(key="carte.text").value == ""
    assert set(metrics(at)) == {"Événements", "Communes", "En ligne ou sans commune"}


def test_counts_of_the_test_events(run_page, events_store):
    at = run_page("carte.py", events_store)
    assert metrics(at) == {"Événements": "8", "Communes": "5", "En ligne ou sans commune": "1"}
    assert [b.label for b in at.get("download_button")] == ["CSV", "XLSX", "ICS (agenda)", "GeoJSON"]


def test_changing_a_filter_changes_the_numbers_and_the_url(run_page, events_store):
    at = run_page("carte.py", events_store)
    at.multiselect(key="carte.editions").set_value([2024]).run()
    assert not at.exception
    assert metrics(at)["Événements"] == "2" and metrics(at)["Communes"] == "2"
    assert at.query_params["editions"] == "2024"
    at.text_input(key="carte.text").set_value("Liévin").run()
    assert metrics(at)["Événements"] == "1"


def test_url_restores_the_view_and_the_chosen_commune(run_page, events_store):
    at = run_page("carte.py", events_store, {"editions": "2017", "vue": "departements", "par_habitant": "oui",
                                             "choix": "59350"})
    assert not at.exception
    assert at.multiselect(key="carte.editions").value == [2017]
    assert at.radio(key="carte.vue").value == "departements"
    assert at.toggle(key="carte.par_habitant").value is True
    assert metrics(at)["Événements"] == "6"
    assert at.subheader[0].value == "Événements à Lille"
    titles = " ".join(map(str, at.dataframe[0].value["Titre"]))
    assert "<img src=x onerror=alert(1)>" in titles and "Forum de l'emploi solidaire" in titles


def test_commune_view_asks_for_a_region_first(run_page, events_store):
    at = run_page("carte.py", events_store, {"vue": "communes"})
    assert not at.exception
    assert any("Choisissez une région ou un département" in i.value for i in at.info)
    at = run_page("carte.py", events_store, {"vue": "communes", "region": "32"})
    assert not at.exception and not at.info


def test_filters_without_events_say_so(run_page, events_store):
    at = run_page("carte.py", events_store, {"text": "aucun événement ne porte ce titre"})
    assert not at.exception
    assert metrics(at)["Événements"] == "0"
    assert any("Aucun événement" in i.value for i in at.info)


def test_closing_the_list_forgets_the_commune(run_page, events_store):
    at = run_page("carte.py", events_store, {"choix": "59350"})
    at.button[0].click().run()
    assert not at.subheader or "Événements à" not in at.subheader[0].value
    assert "choix" not in at.query_params


def test_date_filters_read_french_dates_over_the_years_with_events(run_page, events_store):
    at = run_page("carte.py", events_store)
    start, end = at.date_input(key="carte.start"), at.date_input(key="carte.end")
    assert start.proto.format == end.proto.format == "DD/MM/YYYY"
    assert [start.label, end.label] == ["Du", "Au"] and "jj/mm/aaaa" in start.help
    # the test events run from 2017 to 2024 (Streamlit alone would offer ten years either side of today)
    assert (start.min, start.max) == (end.min, end.max) == (dt.date(2017, 1, 1), dt.date(2024, 12, 31))
    at = run_page("carte.py", events_store, {"start": "2017-11-20"})
    assert at.date_input(key="carte.start").value == dt.date(2017, 11, 20)
    assert metrics(at)["Événements"] == "5"
