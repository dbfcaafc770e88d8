"""The home page, run with AppTest."""


def test_home_page_shows_the_store_contents_in_french(run_page, built_store):
    at = run_page("accueil.py", built_store)
    assert not at.exception
    labels = {m.label for m in at.metric}
    assert {"Territoires", "Événements", "Chiffres de l'ESS"} <= labels
    indicators = set(at.dataframe[1].value["Indicateur"])
    assert "Salariés" in indicators and "employees" not in indicators
