"""Read queries behind the pages, on a store holding exactly the test events."""

import datetime as dt

import pytest

from esscope import queries, store
from esscope.filters import EventFilter


@pytest.fixture(scope="module")
def con(events_con):
    return events_con


def test_edition_counts_counts_events_communes_epcis_and_reached_population(con):
    counts = queries.edition_counts(con, EventFilter(editions=[2017], region="32"))
    assert counts["events"] == 5
    assert counts["communes"] == 2                      # Lille and Roubaix
    assert counts["epcis"] == 1                         # both in the Métropole Européenne de Lille
    assert counts["population_reached"] == 232787 + 96990
    assert counts["online"] == 1 and counts["without_commune"] == 1
    assert counts["low_confidence"] == 1


def test_organisers_are_counted_once_whatever_their_case_spaces_or_role(con):
    counts = queries.edition_counts(con, EventFilter(editions=[2017], region="32"))
    # APES (three spellings, once as co-organiser), Cress Hauts-de-France, Ville de Lille, the formula-like name
    assert counts["organisers"] == 4
    organisers = queries.read_organisers(con, EventFilter(region="32"))
    apes = organisers[organisers["key"] == "apes"].iloc[0]
    assert apes["events"] == 4 and list(apes["editions"]) == [2017, 2024]


def test_events_per_day_counts_a_multi_day_event_on_each_of_its_days(con):
    days = queries.events_per_day(con, EventFilter(editions=[2017], region="32"))
    per_day = {d.date() if hasattr(d, "date") else d: n for d, n in zip(days["day"], days["events"])}
    assert per_day[dt.date(2017, 11, 14)] == per_day[dt.date(2017, 11, 16)] == 1
    assert days["events"].sum() == 7                    # 4 one-day events + one over 3 days


def test_multi_day_events_are_listed_longest_first_with_their_length(con):
    multi = queries.read_multi_day_events(con, EventFilter(region="32"))
    assert list(multi["id"]) == ["test:2", "test:7"]
    assert list(multi["days"]) == [3, 2]


def test_count_by_theme_names_missing_values(con):
    themes = queries.count_by(con, EventFilter(editions=[2017], region="32"), "theme")
    assert dict(zip(themes["value"], themes["events"]))["Non précisé"] == 1
    assert themes.iloc[0]["value"] == "Emploi" and themes.iloc[0]["events"] == 2
    with pytest.raises(ValueError):
        queries.count_by(con, EventFilter(), "title; DROP TABLE events")


def test_events_per_edition_region_splits_by_the_commune_region(con):
    frame = queries.events_per_edition_region(con, EventFilter())
    got = {(e, r): n for e, r, n in zip(frame["edition"], frame["region_code"], frame["events"])}
    assert got == {(2017, "32"): 5, (2017, "11"): 1, (2024, "32"): 2}
    assert set(frame["region"]) == {"Hauts-de-France", "Île-de-France"}


def test_events_per_week_starts_weeks_on_monday(con):
    weeks = queries.events_per_week(con, EventFilter(editions=[2017], region="32"))
    assert all(w.weekday() == 0 for w in weeks["week"])
    assert weeks["events"].sum() == 5


def test_events_per_territory_by_department(con):
    frame = queries.events_per_territory(con, EventFilter(), "department")
    assert dict(zip(frame["code"], frame["events"])) == {"59": 4, "62": 2, "75": 1}


def test_national_event_figures_keep_every_source(con):
    national = queries.read_event_figures(con, True)
    assert (national["level"] == "country").all()
    expected = store.query(con, "SELECT count(*) AS n FROM indicators "
                                "WHERE indicator = 'mois_ess_events' AND territory_level = 'country'")["n"].iloc[0]
    assert len(national) == expected > 5
    assert national.groupby("year").size().max() >= 1
    assert national["source_url"].str.len().gt(0).all()
    others = queries.read_event_figures(con, False)
    assert "other" in set(others["level"]) and "country" not in set(others["level"])


def test_territory_names_within_a_region(con):
    departments = queries.read_territory_names(con, "department", region="32")
    assert list(departments["name"]) == ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]


def test_read_shapes_gives_wkb_bytes(con):
    shapes = queries.read_shapes(con, "department", region="32")
    assert len(shapes) == 5 and all(isinstance(g, bytes) for g in shapes["geometry"])


def test_event_sources_of_a_filter(con):
    sources = queries.read_event_sources(con, EventFilter(editions=[2024]))
    assert list(sources["name"]) == ["Programme de test"] and sources["events"].iloc[0] == 2


def test_organiser_turnover_tells_new_from_returning(con):
    turnover = queries.organiser_turnover(con, EventFilter(region="32"), [2024, 2017])
    rows = {r["edition"]: r for r in turnover.to_dict("records")}
    assert list(turnover["edition"]) == [2017, 2024]
    assert (rows[2024]["organisers"], rows[2024]["returning"], rows[2024]["new"]) == (2, 1, 1)   # APES returns
    assert rows[2017]["returning"] == 0 and rows[2017]["organisers"] == 4
    assert rows[2017]["common"] == 1


def test_shares_by_theme_are_per_edition_and_sum_to_one_hundred(con):
    frame = queries.shares_by(con, EventFilter(region="32"), "theme", [2017, 2024])
    assert set(frame["edition"]) == {2017, 2024}
    for _, one in frame.groupby("edition"):
        assert one["share"].sum() == pytest.approx(100.0)
    emploi_2017 = frame[(frame["edition"] == 2017) & (frame["value"] == "Emploi")]
    assert emploi_2017["events"].iloc[0] == 2
