"""The home page, run with AppTest."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_home_page_shows_the_store_contents_in_french(run_page, built_store):
    at = run_page("accueil.py", built_store)
    assert not at.exception
    labels = {m.label for m in at.metric}
    assert {"Territoires", "Événements", "Chiffres de l'ESS"} <= labels
    figures = at.dataframe[1].value
    indicators = set(figures["Indicateur"])
    assert "Salariés" in indicators and "employees" not in indicators
    # the years in one column, so that the table fits its half page
    assert list(figures.columns) == ["Niveau", "Indicateur", "Valeurs", "Années"]
    assert any(" à " in str(years) for years in figures["Années"])


def test_home_page_counts_the_editions_loaded_not_those_known(run_page, built_store):
    at = run_page("accueil.py", built_store)
    metrics = {m.label: m.value for m in at.metric}
    bundled = {line.split(":", 1)[1].strip() for path in (ROOT / "data" / "programmes").glob("*.csv")
               for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# edition:")}
    assert metrics["Éditions importées"] == str(len(bundled)) and "Éditions du Mois de l'ESS" not in metrics
