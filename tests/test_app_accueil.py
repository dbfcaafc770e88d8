"""The home page, run with AppTest."""


def test_home_page_shows_the_store_contents_in_french(run_page, built_store):
    at = run_page("accueil.py", built_store)
    assert not at.exception
    labels = {m.label for m in at.metric}
    assert {"Territoires", "Événements", "Chiffres de l'ESS"} <= labels
    indicators = set(at.dataframe[1].value["Indicateur"])
    assert "Salariés" in indicators and "employees" not in indicators


def test_home_page_counts_the_editions_loaded_not_those_known(run_page, built_store):
    at = run_page("accueil.py", built_store)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Éditions importées"] == "2" and "Éditions du Mois de l'ESS" not in metrics
