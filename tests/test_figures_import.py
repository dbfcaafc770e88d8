"""Figures cited in a programme, kept by a person: stored with the document as source, all or nothing."""

import pytest

from esscope import store
from esscope.errors import UserError
from esscope.importing import save_figures

CITED = [
    {"indicator": "prix_ess_applicants", "value": 180.0, "unit": "count", "qualifier": "", "territory_level": "country",
     "territory_code": "FR", "territory_name": "France", "year": 2021, "text": "180 structures ont candidaté"},
    {"indicator": "prix_ess_applicants", "value": 35.0, "unit": "count", "qualifier": "", "territory_level": "region",
     "territory_code": "76", "territory_name": "Occitanie", "year": 2021, "text": "dont 35 en Occitanie"},
]


def stored(db):
    with store.connect(db) as con:
        return con.execute("""SELECT territory_code, value, source_url FROM indicators
                              WHERE indicator = 'prix_ess_applicants' AND source_url LIKE 'programme%' ORDER BY value""").fetchall()


def test_kept_figures_are_stored_with_the_document_as_their_source(db):
    assert save_figures(db, CITED, "occitanie.html")["added"] == 2
    assert stored(db) == [("76", 35.0, "programme « occitanie.html »"), ("FR", 180.0, "programme « occitanie.html »")]


def test_keeping_the_same_figures_twice_adds_nothing(db):
    save_figures(db, CITED, "occitanie.html")
    again = save_figures(db, CITED, "occitanie.html")
    assert (again["added"], again["unchanged"]) == (0, 2)
    assert len(stored(db)) == 2


def test_a_figure_without_its_year_writes_nothing_and_says_which(db):
    before = store.version(db)
    with pytest.raises(UserError, match="chiffre 2 : année manquante"):
        save_figures(db, [CITED[0], dict(CITED[1], year=None)], "occitanie.html")
    assert store.version(db) == before
