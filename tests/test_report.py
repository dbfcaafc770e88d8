"""The edition report of a région: counts, coverage, breakdowns and what it says of its sources."""

import datetime as dt

import pandas as pd
import pytest

from esscope.french import format_time
from esscope.report import read_edition_report, week_label


@pytest.fixture(scope="module")
def con(events_con):
    return events_con


@pytest.fixture(scope="module")
def report(con):
    return read_edition_report(con, "32", 2017)


def test_report_counts_events_organisers_communes_and_epcis(report):
    c = report.counts
    assert (c["events"], c["organisers"], c["communes"], c["epcis"]) == (5, 4, 2, 1)
    assert report.region_name == "Hauts-de-France" and report.title == "Mois de l'ESS 2017 — Hauts-de-France"


def test_report_share_of_population_reached(report):
    assert report.share_reached == pytest.approx(100 * (232787 + 96990) / 6003283)
    summary = dict(zip(report.summary()["Indicateur"], report.summary()["Valeur"]))
    assert summary["Part de la population régionale vivant dans une commune avec au moins un événement"] == 5.5


def test_report_breakdowns_sum_to_the_events(report):
    for frame in (report.themes, report.kinds, report.weeks):
        assert frame["Événements"].sum() == 5
        assert frame["Part (%)"].sum() == pytest.approx(100, abs=0.5)
    assert report.weeks.iloc[0]["Semaine"] == "du 6 au 12 novembre"


def test_report_top_organisers_merge_spellings(report):
    top = report.organisers
    assert top.iloc[0]["Organisateur"] in ("APES", "apes") and top.iloc[0]["Événements"] == 3


def test_report_says_registered_events_under_count_and_names_its_sources(report):
    text = " ".join(report.completeness())
    assert "sous-compte" in text and "Programme de test" in text
    assert "sans commune identifiée" in text and "confiance faible" in text
    assert "plus de 1\u202f500" in text          # the published national figure of 2017, for comparison


def test_empty_report_says_so_rather_than_showing_zeros_as_facts(con):
    empty = read_edition_report(con, "32", 2012)
    assert empty.counts["events"] == 0
    assert "Aucun événement" in empty.completeness()[0]


def test_report_lists_the_filters_applied(report):
    assert ("Région", "Hauts-de-France (32)") in report.filters and ("Édition", "2017") in report.filters


def test_report_tables_have_french_columns_and_keep_text_as_text(report):
    tables = report.tables()
    assert list(tables)[:4] == ["Synthèse", "Thèmes", "Types", "Semaines"]
    events = tables["Événements"]
    assert "<img src=x onerror=alert(1)>" in " ".join(events["Titre"])
    assert events["Lien"].dropna().str.startswith("https://").all()    # javascript: links are dropped


def test_unknown_region_is_an_error(con):
    with pytest.raises(ValueError):
        read_edition_report(con, "99", 2017)


def test_week_label_and_time_in_french():
    assert week_label(dt.date(2017, 10, 30)) == "du 30 octobre au 5 novembre"
    assert week_label(dt.date(2017, 11, 27)) == "du 27 novembre au 3 décembre"
    assert week_label(dt.date(2024, 4, 29)) == "du 29 avril au 5 mai"
    assert week_label(dt.date(2017, 11, 6)) == "du 6 au 12 novembre"
    assert week_label(dt.date(2019, 10, 28)) == "du 28 octobre au 3 novembre"
    assert week_label(pd.NaT) == "Date non précisée"
    assert format_time("09:00") == "9 h" and format_time("14:30") == "14 h 30" and format_time(None) == ""
