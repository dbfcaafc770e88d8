"""The Rapport d'édition page, run with AppTest."""

import json


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_runs_on_the_bundled_data_with_its_widgets(run_page, built_store):
    at = run_page("rapport.py", built_store)
    assert not at.exception
    assert at.selectbox(key="rapport.region").value == "32"
    assert at.selectbox(key="rapport.edition").value == 2017
    assert [b.label for b in at.get("download_button")] == ["Rapport en XLSX (tableur)", "Rapport en PDF"]
    assert "Événements" in metrics(at)


def test_counts_of_the_2017_hauts_de_france_report(run_page, events_store):
    at = run_page("rapport.py", events_store)
    assert metrics(at) == {"Événements": "5", "Organisateurs": "4", "Communes": "2", "EPCI": "1",
                           "Population couverte": "5,5\u00a0%"}
    assert at.query_params == {"region": "32", "edition": "2017"}
    assert any("sous-compte" in m.value.replace("\\", "") for m in at.markdown)


def test_changing_the_edition_changes_the_numbers_and_the_url(run_page, events_store):
    at = run_page("rapport.py", events_store)
    at.selectbox(key="rapport.edition").set_value(2024).run()
    assert not at.exception
    assert metrics(at)["Événements"] == "2" and metrics(at)["Communes"] == "2"
    assert at.query_params["edition"] == "2024"


def test_url_restores_the_view(run_page, events_store):
    at = run_page("rapport.py", events_store, {"region": "11", "edition": "2017"})
    assert at.selectbox(key="rapport.region").value == "11"
    assert metrics(at)["Événements"] == "1"


def test_an_edition_without_events_says_so(run_page, events_store):
    at = run_page("rapport.py", events_store, {"region": "32", "edition": "2012"})
    assert not at.exception
    assert any("Aucun événement enregistré" in i.value for i in at.info)


def open_tab(at, label: str):
    """Choose a tab as a reader's click does: the page reruns and draws that tab's content only."""
    at.session_state["rapport.onglet"] = label
    return at.run()


def test_only_the_open_tab_is_drawn(run_page, events_store):
    at = run_page("rapport.py", events_store)
    assert [t.label for t in at.tabs] == ["Répartition", "Carte", "Organisateurs et communes", "Événements"]
    assert len(at.get("plotly_chart")) == 3                      # themes, kinds, weeks
    assert not at.get("component_instance") and not at.dataframe     # no map, no table until their tab is chosen
    open_tab(at, "Organisateurs et communes")
    assert not at.exception and len(at.dataframe) == 2 and not at.get("plotly_chart")


def test_document_text_is_shown_in_tables_not_markup(run_page, events_store):
    at = open_tab(run_page("rapport.py", events_store), "Événements")
    titles = " ".join(" ".join(map(str, d.value.get("Titre", []))) for d in at.dataframe)
    assert "<img src=x onerror=alert(1)>" in titles


def test_report_map_draws_the_outlines_under_its_markers(run_page, events_store):
    # offline there are no tiles: without outlines the markers would float on a blank background
    at = open_tab(run_page("rapport.py", events_store), "Carte")
    [script] = [json.loads(c.proto.json_args)["script"] for c in at.get("component_instance")]
    assert "esscope.communeMarkers(" in script and "var outlines_" in script
